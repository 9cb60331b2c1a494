"""The JavaScript unit tests (tests/js, Node's built-in runner), run as part of pytest."""
from __future__ import annotations

import shutil
import subprocess

from conftest import ROOT, missing_tool


def test_node_unit_tests_pass():
    node = shutil.which("node")
    if node is None:
        missing_tool("node not found: install Node.js 18+ to run the scheduler tests in tests/js")
    result = subprocess.run([node, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=300,
                            check=False)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    assert "# fail 0" in result.stdout

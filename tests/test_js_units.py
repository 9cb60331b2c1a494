"""The JavaScript unit tests (tests/js, Node's built-in runner), run as part of pytest."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import ROOT, missing_tool


def test_node_unit_tests_pass():
    node = shutil.which("node")
    if node is None:
        missing_tool("node not found: install Node.js 18+ to run the scheduler tests in tests/js")
    result = subprocess.run([node, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=300,
                            check=False)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    assert "# fail 0" in result.stdout


def test_fsrs_fixture_is_what_the_reference_implementation_gives():
    """tests/js/fsrs_reference.json (the Node test's expected intervals) is regenerated, not hand-edited."""
    pytest.importorskip("fsrs", reason="the reference FSRS package (requirements-test.txt) is not installed")
    import importlib.util
    import json

    path = ROOT / "tests" / "js" / "fsrs_reference.py"
    spec = importlib.util.spec_from_file_location("fsrs_reference", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = json.loads((ROOT / "tests" / "js" / "fsrs_reference.json").read_text(encoding="utf-8"))
    fresh = [{"name": n, "retention": r, "steps": module.replay(g, r)}
             for r in module.RETENTIONS for n, g in module.HISTORIES.items()]
    assert committed["histories"] == fresh
    assert sum(len(h["steps"]) for h in fresh) == 78

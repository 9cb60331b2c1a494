"""Which diagrams and formulas would fail to draw, found at build time.

Mermaid and KaTeX parse them in Node, from the same pinned npm packages the pages load
(``render_check.mjs``), so a diagram or formula the browser cannot draw is known, and
reported with its note and line, before anyone opens the page. Where Node or the packages
are missing the check is skipped (the page still shows a failure visibly, in the browser).
"""
from __future__ import annotations

import json
import logging
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("render_check.mjs")
NEEDED = ("mermaid/dist/mermaid.core.mjs", "katex/dist/katex.mjs", "dompurify/dist/purify.es.mjs")
log = logging.getLogger("mkdocs.plugins.kb")
TIMEOUT = 300  # seconds, for every diagram and formula of a build together

# Verdicts already known, by ("diagram", source) or ("formula", tex, display): `mkdocs serve`
# rebuilds re-check only what changed.
_KNOWN: dict[tuple, str | None] = {}


@dataclass(frozen=True)
class Checker:
    """How to run the check: the node binary and the node_modules folder holding the packages."""

    node: str
    modules: Path

    def __call__(self, diagrams: list[str], formulas: list[tuple[str, bool]]) -> tuple[list, list]:
        return check(self, diagrams, formulas)


def find_checker(modules: Path = ROOT / "node_modules") -> Checker | None:
    node = shutil.which("node")
    if node is None or not all((modules / x).is_file() for x in NEEDED):
        return None
    return Checker(node, modules)


def run_node(checker: Checker, diagrams: list[str], formulas: list[tuple[str, bool]]) -> dict:
    payload = json.dumps({"diagrams": diagrams, "formulas": [[t, d] for t, d in formulas]})
    done = subprocess.run([checker.node, str(SCRIPT), str(checker.modules)], input=payload, capture_output=True,
                          text=True, timeout=TIMEOUT, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"render check failed: {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout)


def check(checker: Checker, diagrams: list[str], formulas: list[tuple[str, bool]]) -> tuple[list, list]:
    """The error of each diagram and formula (None: it draws), in the order given."""
    new_diagrams = sorted({d for d in diagrams if ("diagram", d) not in _KNOWN})
    new_formulas = sorted({f for f in formulas if ("formula", *f) not in _KNOWN})
    if new_diagrams or new_formulas:
        try:
            found = run_node(checker, new_diagrams, new_formulas)
        except (OSError, RuntimeError, subprocess.TimeoutExpired, ValueError, KeyError) as error:
            log.warning("kb: diagrams and formulas could not be checked (%s); any that fail show their "
                        "source in the browser", str(error)[:300])
            return [None] * len(diagrams), [None] * len(formulas)
        _KNOWN.update({("diagram", d): e for d, e in zip(new_diagrams, found["diagrams"], strict=True)})
        _KNOWN.update({("formula", *f): e for f, e in zip(new_formulas, found["formulas"], strict=True)})
    return [_KNOWN[("diagram", d)] for d in diagrams], [_KNOWN[("formula", *f)] for f in formulas]

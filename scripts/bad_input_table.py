"""Print the bad-input table: each hostile note of the test corpus, the warnings a build gives
for it, and what became of it (a page or not; strict build outcome). Asserts nothing: the tests
in tests/test_hostile.py do; this shows what they check, as a table.

    .venv/bin/python scripts/bad_input_table.py
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "hooks"))

from hostile_corpus import write_corpus  # noqa: E402


def build(notes: Path, site: Path, strict: bool) -> subprocess.CompletedProcess:
    env = {**os.environ, "KB_NOTES": str(notes), "NO_MKDOCS_2_WARNING": "1", "SITE_URL": ""}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site), "--config-file", str(ROOT / "mkdocs.yml"),
           "--strict" if strict else "--no-strict"]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_corpus(Path(tmp))
        site = Path(tmp) / "site"
        loose = build(corpus.notes, site, strict=False)
        strict = build(corpus.notes, Path(tmp) / "strict", strict=True)
        warnings = [x for x in loose.stderr.splitlines() if x.startswith("WARNING")]
        outside = [p for p in Path(tmp).rglob("*") if p.is_file() and not p.is_relative_to(site)
                   and not p.is_relative_to(corpus.notes) and not p.is_relative_to(corpus.outside)
                   and not p.is_relative_to(Path(tmp) / "strict")]
        verdict = next((x for x in strict.stderr.splitlines() if "Aborted" in x), "(no verdict printed)")
        print(f"non-strict build: exit {loose.returncode}, {len(warnings)} warnings; "
              f"strict build: exit {strict.returncode} ({verdict.strip()})")
        print(f"files written outside the site folder: {len(outside)}\n")
        print("| input | warning (first, as printed) | outcome |\n|---|---|---|")
        for case in corpus.cases:
            found = [x for x in warnings if any(re.search(rx, x) for rx in case.warnings)]
            first = found[0].split("-  ", 1)[-1] if found else "(none expected: nothing wrong with it)"
            first = first if len(first) < 110 else first[:107] + "..."
            outcome = "page, rest of note kept" if case.page else "no page, reported"
            print(f"| {case.label} | `{first.replace('|', '/')}` | {outcome} |")


if __name__ == "__main__":
    main()

"""Benchmark the site build (not a test: it prints figures and asserts nothing).

    .venv/bin/python scripts/benchmark.py [--sizes 10,50] [--keep]

Builds, each in a child process: the bundled notes; the seed corpus (../shared/seeds);
and synthetic corpora of N times the seed corpus, made by renaming every catalog entity
in N copies of the notes (``Kinesis`` → ``Kinesisx7`` in copy 7, with a catalog that has
those entities too), so topic pages multiply with the notes. For each it prints the wall
time of ``mkdocs build``, the child's peak memory, the pages written, the share of time
spent in our hooks (every kb_hook event handler, timed inside MkDocs' event loop) against
MkDocs, Material and the other plugins, and the time of a rebuild after one note changed,
as ``mkdocs serve`` does it (the same process builds again), with the number of notes the
parse cache re-read for it (it should be 1).

Targets: hooks under a quarter of the build; 50x the notes in under 60x the time.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / "hooks"
BUNDLED = ROOT / "docs" / "notes"
SEEDS = ROOT.parent / "shared" / "seeds"
CATALOG = HOOKS / "kb" / "catalog.yaml"
HOOK_NAME = "kb_hook"  # our hook's plugin name ends with this
TOUCH_LINE = "\nA line added by the benchmark to trigger a rebuild.\n"


# -- the child: one corpus, built twice in one process --------------------------------------

def child(notes: Path, site: Path, catalog: Path | None, touch: str, out: Path) -> None:
    """Build notes into site, then change one note and build again, as ``mkdocs serve`` would."""
    sys.path.insert(0, str(HOOKS))
    os.environ["KB_NOTES"] = str(notes)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import PluginCollection

    import kb.catalog
    import kb.notes

    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # warnings are the tests' business, not ours
    if catalog is not None:
        kb.catalog.CATALOG_PATH = catalog
    spent: dict[str, float] = {}
    run_event = PluginCollection.run_event

    def timed_run_event(self, name, item=None, **kwargs):
        # Same loop as MkDocs' own, with a clock around each plugin's handler.
        pass_item = item is not None
        for method in self.events[name]:
            plugin = self._current_plugin = self._event_origins.get(method, "<unknown>")
            start = time.perf_counter()
            result = method(item, **kwargs) if pass_item else method(**kwargs)
            spent[plugin] = spent.get(plugin, 0.0) + time.perf_counter() - start
            if result is not None:
                item = result
        self._current_plugin = None
        return item

    PluginCollection.run_event = timed_run_event  # type: ignore[method-assign]

    def one_build() -> float:
        start = time.perf_counter()
        cfg = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=False)
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build(cfg)
        finally:
            cfg.plugins.on_shutdown()
        return time.perf_counter() - start

    total = one_build()
    by_plugin = dict(spent)
    pages = sum(1 for _ in site.rglob("*.html"))
    reads = kb.notes.shared_cache().reads
    with open(notes / touch, "a", encoding="utf-8") as f:
        f.write(TOUCH_LINE)
    spent.clear()
    rebuild = one_build()
    result = {
        "total": total, "plugins": by_plugin, "pages": pages,
        "hooks": sum(t for p, t in by_plugin.items() if p.endswith(HOOK_NAME) or "kb_hook" in p),
        "rebuild": rebuild, "rebuild_hooks": sum(t for p, t in spent.items() if "kb_hook" in p),
        "first_reads": reads, "rebuild_reads": kb.notes.shared_cache().reads - reads,
    }
    out.write_text(json.dumps(result))
    PluginCollection.run_event = run_event  # type: ignore[method-assign]


# -- synthetic corpora -------------------------------------------------------------------------

def catalog_terms(raw: list[dict]) -> list[str]:
    return [t for entry in raw for t in (entry["name"], *entry.get("aliases", []))]


def term_pattern(terms: list[str]) -> re.Pattern[str]:
    """Any catalog term as a whole word, longest first (so ``SageMaker Studio`` beats ``SageMaker``)."""
    alternatives = "|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def renamed(text: str, ends: list[int], suffix: str) -> str:
    """text with suffix glued to the end of every matched term."""
    if not suffix:
        return text
    parts, last = [], 0
    for end in ends:
        parts += [text[last:end], suffix]
        last = end
    parts.append(text[last:])
    return "".join(parts)


def renamed_catalog(raw: list[dict], suffix: str) -> list[dict]:
    def entry(e: dict) -> dict:
        out = {**e, "name": e["name"] + suffix, "slug": f"{e['slug']}-{suffix}" if suffix else e["slug"],
               "aliases": [a + suffix for a in e.get("aliases", [])]}
        if suffix:
            out["related"] = [{**r, "slug": f"{r['slug']}-{suffix}"} for r in e.get("related", [])]
        return out

    return [entry(e) for e in raw]


def synthetic(base: Path, copies: int, into: Path) -> tuple[Path, Path]:
    """copies of every note below base, entities renamed per copy; and the matching catalog."""
    raw = yaml.safe_load(CATALOG.read_text(encoding="utf-8"))
    pattern = term_pattern(catalog_terms(raw))
    notes, entries = into / "notes", []
    sources = sorted(p for p in base.rglob("*") if p.is_file() and not p.is_symlink())
    texts = {p: p.read_bytes().decode("utf-8", errors="replace") for p in sources}
    ends = {p: [m.end() for m in pattern.finditer(t)] for p, t in texts.items()}
    for k in range(copies):
        suffix = f"x{k}" if k else ""
        for path, text in texts.items():
            target = notes / f"copy{k:02d}" / path.relative_to(base)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(renamed(text, ends[path], suffix), encoding="utf-8")
        entries += renamed_catalog(raw, suffix)
    catalog = into / "catalog.yaml"
    catalog.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return notes, catalog


# -- the parent: run the children, print the table -------------------------------------------

@dataclass
class Row:
    label: str
    notes: int
    lines: int
    result: dict
    peak_mb: float


def count_lines(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.read_bytes().count(b"\n") for p in files)


def run_child(label: str, notes: Path, work: Path, catalog: Path | None) -> Row:
    touch = sorted(p.relative_to(notes).as_posix() for p in notes.rglob("*") if p.is_file())[0]
    out = work / f"{label}.json"
    cmd = [sys.executable, __file__, "--child", "--notes", str(notes), "--site", str(work / f"site-{label}"),
           "--touch", touch, "--out", str(out)] + (["--catalog", str(catalog)] if catalog else [])
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{label}: the build failed\n{err[-3000:]}")
    n, lines = count_lines(notes)
    shutil.rmtree(work / f"site-{label}", ignore_errors=True)
    return Row(label, n, lines, json.loads(out.read_text()), usage.ru_maxrss / 1024)


def print_table(rows: list[Row]) -> None:
    head = ("corpus", "notes", "lines", "wall s", "peak MB", "pages", "hooks s", "hooks %",
            "Material+MkDocs s", "rebuild s", "re-read")
    table = [head]
    for r in rows:
        res = r.result
        table.append((r.label, str(r.notes), str(r.lines), f"{res['total']:.1f}", f"{r.peak_mb:.0f}",
                      str(res["pages"]), f"{res['hooks']:.1f}", f"{100 * res['hooks'] / res['total']:.0f}%",
                      f"{res['total'] - res['hooks']:.1f}", f"{res['rebuild']:.1f}", str(res["rebuild_reads"])))
    widths = [max(len(row[i]) for row in table) for i in range(len(head))]
    for n, row in enumerate(table):
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def print_plugins(rows: list[Row]) -> None:
    print("\nTime inside each plugin's event handlers (s); the rest is MkDocs and Markdown rendering:")
    for r in rows:
        parts = ", ".join(f"{p}: {t:.1f}" for p, t in sorted(r.result["plugins"].items(), key=lambda x: -x[1]))
        print(f"  {r.label}: {parts}")


def print_scaling(rows: list[Row]) -> None:
    by = {r.label: r for r in rows}
    base = by.get("seeds")
    if base is None:
        return
    print("\nScaling against the seed corpus (target: 50x the notes in under 60x the time):")
    for r in rows:
        if r.label.startswith("seeds x"):
            k = r.notes / base.notes
            print(f"  {r.label}: {k:.0f}x the notes, {r.result['total'] / base.result['total']:.1f}x the build time, "
                  f"{r.result['hooks'] / max(base.result['hooks'], 1e-9):.1f}x the hooks time")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--notes", type=Path)
    parser.add_argument("--site", type=Path)
    parser.add_argument("--catalog", type=Path)
    parser.add_argument("--touch", default="")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--sizes", default="10,50", help="synthetic corpus sizes, times the seed corpus")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    if args.child:
        child(args.notes, args.site, args.catalog, args.touch, args.out)
        return
    work = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    rows = []
    try:
        shutil.copytree(BUNDLED, work / "bundled")  # a copy: the rebuild changes one note
        rows.append(run_child("bundled", work / "bundled", work, None))
        print_table(rows)
        if not SEEDS.is_dir():
            print(f"\nseed notes not found at {SEEDS}: the seed and synthetic rows are skipped")
        else:
            shutil.copytree(SEEDS, work / "seeds")
            rows.append(run_child("seeds", work / "seeds", work, None))
            for k in (int(x) for x in args.sizes.split(",") if x.strip()):
                notes, catalog = synthetic(SEEDS, k, work / f"x{k}")
                rows.append(run_child(f"seeds x{k}", notes, work, catalog))
                shutil.rmtree(work / f"x{k}", ignore_errors=True)
                print()
                print_table(rows)
        print()
        print_table(rows)
        print_plugins(rows)
        print_scaling(rows)
    finally:
        if args.keep:
            print(f"\nkept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

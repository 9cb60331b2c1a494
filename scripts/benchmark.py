"""Benchmark the site build (not a test: it prints figures and asserts nothing).

    .venv/bin/python scripts/benchmark.py [--sizes 10,50] [--quick]

Builds, each in a child process: the bundled notes; the seed corpus (../shared/seeds);
and synthetic corpora of N times the seed corpus, made by renaming every catalog entity
in N copies of the notes (``Kinesis`` → ``Kinesisx7`` in copy 7, with a catalog that has
those entities too), so topic pages multiply with the notes. For each it prints the wall
time of ``mkdocs build``, the child's peak memory, the pages written, the share of time
spent in our hooks (every kb_hook event handler, timed inside MkDocs' event loop) against
MkDocs, Material and the other plugins, and the time of a whole rebuild after one note changed,
as ``mkdocs serve`` without ``--dirty`` does it (the same process builds again), with the number of notes the
parse cache re-read for it (it should be 1).

Then, for the bundled notes: edit to page under a real ``mkdocs serve`` (as ``make serve`` runs it, and
without ``--dirty`` for comparison): seconds from saving a note to the served page showing the edit; the
build against Material alone on the same pages (our strict build, and plain MkDocs + Material building
``make export``'s output, alternating, median ratio); page weights and the search index's size.
``--quick`` prints only these.

Targets: hooks under a quarter of the build; 50x the notes in under 60x the time; edit to page 3 s;
build 1.25x Material alone; every page under 1.2 MB fetched.
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

STAGES = ("read_corpus", "load_catalog", "build_checked_site", "report_json", "site_nav", "Matcher", "link_markdown")


class Clock:
    """Seconds spent per plugin (MkDocs' event loop) and per stage of our hook."""

    def __init__(self) -> None:
        self.plugins: dict[str, float] = {}
        self.stages: dict[str, float] = {}
        self.patched: set[int] = set()

    def stage(self, name: str, fn):
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - start
        return timed

    def patch_hook(self, namespace: dict) -> None:
        """Time the kb functions the hook module calls (it looks them up as globals at call time)."""
        if id(namespace) in self.patched:
            return
        self.patched.add(id(namespace))
        for name in STAGES:
            if name in namespace:
                namespace[name] = self.stage(name, namespace[name])

    def reset(self) -> None:
        self.plugins.clear()
        self.stages.clear()


def child(notes: Path, site: Path, catalog: Path | None, touch: str, out: Path, hooks_only: bool) -> None:
    """Build notes into site, then change one note and build again, as ``mkdocs serve`` would."""
    sys.path.insert(0, str(HOOKS))
    os.environ["KB_NOTES"] = str(notes)
    if catalog is not None:
        os.environ["KB_CATALOG"] = str(catalog)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    import logging

    import kb.notes
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import PluginCollection

    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # warnings are the tests' business, not ours
    clock = Clock()

    def timed_run_event(self, name, item=None, **kwargs):
        # MkDocs' own loop, with a clock around each plugin's handler.
        pass_item = item is not None
        for method in self.events[name]:
            plugin = self._current_plugin = self._event_origins.get(method, "<unknown>")
            if HOOK_NAME in plugin:
                clock.patch_hook(method.__globals__)
            start = time.perf_counter()
            result = method(item, **kwargs) if pass_item else method(**kwargs)
            clock.plugins[plugin] = clock.plugins.get(plugin, 0.0) + time.perf_counter() - start
            if result is not None:
                item = result
        self._current_plugin = None
        return item

    PluginCollection.run_event = timed_run_event  # type: ignore[method-assign]

    def full_build() -> float:
        start = time.perf_counter()
        cfg = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=False)
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build(cfg)
        finally:
            cfg.plugins.on_shutdown()
        return time.perf_counter() - start

    def hooks_build() -> float:
        """Only our hook's handlers, on every page it makes: what the build costs us, whatever its size."""
        from types import SimpleNamespace

        from mkdocs.structure.files import Files
        from mkdocs.utils.meta import get_data

        start = time.perf_counter()
        cfg = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=False)
        name = next(k for k in cfg.plugins if HOOK_NAME in k)
        hook = cfg.plugins[name]
        clock.patch_hook(vars(hook))
        cfg.plugins._current_plugin = name  # File.generated records its maker
        t0 = time.perf_counter()
        hook.on_config(cfg)
        files = hook.on_files(Files([]), config=cfg)
        for f in list(files):
            if f.src_uri.endswith(".md"):
                body, meta = get_data(f.content_string)
                hook.on_page_markdown(body, page=SimpleNamespace(meta=meta, file=f), config=cfg, files=files)
        clock.plugins[name] = time.perf_counter() - t0
        return time.perf_counter() - start

    one_build = hooks_build if hooks_only else full_build
    total = one_build()
    plugins, stages = dict(clock.plugins), dict(clock.stages)
    pages = sum(1 for _ in site.rglob("*.html")) if not hooks_only else 0
    site_mb = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6 if not hooks_only else 0.0
    reads = kb.notes.shared_cache().reads
    with open(notes / touch, "a", encoding="utf-8") as f:
        f.write(TOUCH_LINE)
    clock.reset()
    rebuild = one_build()
    result = {
        "total": total, "plugins": plugins, "stages": stages, "pages": pages, "site_mb": site_mb,
        "hooks": sum(t for p, t in plugins.items() if HOOK_NAME in p),
        "rebuild": rebuild, "rebuild_hooks": sum(t for p, t in clock.plugins.items() if HOOK_NAME in p),
        "first_reads": reads, "rebuild_reads": kb.notes.shared_cache().reads - reads,
    }
    out.write_text(json.dumps(result))


# -- synthetic corpora -------------------------------------------------------------------------

def catalog_terms(raw: list[dict]) -> list[str]:
    return [t for entry in raw for t in (entry["name"], *entry.get("aliases", []))]


def term_pattern(terms: list[str]) -> re.Pattern[str]:
    """Any catalog term as a whole word, longest first (so ``SageMaker Studio`` beats ``SageMaker``)."""
    alternatives = "|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


# Ordinary lowercase words of six letters or more, outside markup: not after a backslash (TeX),
# '<' or '/' (HTML, paths), not before ':' or '(' (front matter keys, calls).
WORD = re.compile(r"(?<![\\\w<>/&#@.:-])([a-z]{6,})(?![\w(:])")
KEEP = frozenset(["flowchart", "subgraph", "direction", "participant", "classdef", "linkstyle", "mermaid", "section",
                  "python", "console", "javascript", "details", "summary", "script", "iframe", "onerror", "markdown"])


def distinct_words(text: str, suffix: str) -> str:
    """Ordinary words marked with the copy, so that copies say different things: without it every
    fact of a copy is a near-twin of the same fact in every other copy, and merging twins makes
    one fact with every copy's sources on every copy's topics (output that grows as copies²,
    which no real pile of notes has)."""
    return WORD.sub(lambda m: m.group(1) if m.group(1) in KEEP else f"{m.group(1)}q{suffix}", text)


def renamed(text: str, spans: list[tuple[int, int]], suffix: str) -> str:
    """text with suffix glued to the end of every matched term, and its other words made distinct."""
    if not suffix:
        return text
    parts, last = [], 0
    for start, end in spans:
        parts += [distinct_words(text[last:start], suffix), text[start:end], suffix]
        last = end
    parts.append(distinct_words(text[last:], suffix))
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
    # (a term right after a backslash is a TeX command, \tanh: it keeps its name)
    spans = {p: [m.span() for m in pattern.finditer(t) if t[m.start() - 1:m.start()] != "\\"] for p, t in texts.items()}
    for k in range(copies):
        suffix = f"x{k}" if k else ""
        for path, text in texts.items():
            target = notes / f"copy{k:02d}" / path.relative_to(base)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(renamed(text, spans[path], suffix), encoding="utf-8")
        entries += renamed_catalog(raw, suffix)
    catalog = into / "catalog.yaml"
    catalog.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return notes, catalog


# -- the parent: run the children, print the tables ------------------------------------------

@dataclass
class Row:
    label: str
    notes: int
    lines: int
    entities: int
    full: dict | None  # None: not run (over the time limit, or skipped)
    full_peak_mb: float
    hooks: dict | None  # None: over the time limit
    hooks_peak_mb: float
    note: str = ""
    hooks_note: str = ""


def count_lines(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.read_bytes().count(b"\n") for p in files)


def run_child(label: str, notes: Path, work: Path, catalog: Path | None, hooks_only: bool,
              limit: float) -> tuple[dict | None, float]:
    """Run one child; its result and peak memory (MB), or (None, 0) when it ran past limit seconds."""
    touch = min(p.relative_to(notes).as_posix() for p in notes.rglob("*") if p.is_file())
    fresh = work / f"notes-{label}-{'hooks' if hooks_only else 'full'}".replace(" ", "")
    shutil.copytree(notes, fresh)  # each child changes one note: give it its own copy
    out, site = work / "child.json", work / "site"
    cmd = [sys.executable, __file__, "--child", "--notes", str(fresh), "--site", str(site),
           "--touch", touch, "--out", str(out)] + (["--catalog", str(catalog)] if catalog else []) \
        + (["--hooks-only"] if hooks_only else [])
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + limit
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()  # our own child, by its id
            os.wait4(proc.pid, 0)
            shutil.rmtree(site, ignore_errors=True)
            shutil.rmtree(fresh, ignore_errors=True)
            return None, 0.0
        time.sleep(0.2)
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(fresh, ignore_errors=True)
    if proc.returncode != 0:
        raise SystemExit(f"{label}: the build failed\n{err[-3000:]}")
    return json.loads(out.read_text()), usage.ru_maxrss / 1024


def measure(label: str, notes: Path, work: Path, catalog: Path | None, full: bool, limit: float) -> Row:
    n, lines = count_lines(notes)
    entities = len(yaml.safe_load((catalog or CATALOG).read_text(encoding="utf-8")))
    print(f"  {label}: {n} notes, {lines} lines, {entities} catalog entities ...", file=sys.stderr, flush=True)
    hooks, hooks_mb = run_child(label, notes, work, catalog, True, limit)
    hooks_note = "" if hooks else f"stopped after {limit:.0f} s"
    result, mb, note = None, 0.0, "skipped (--hooks-only-over)"
    if full and hooks:
        result, mb = run_child(label, notes, work, catalog, False, limit)
        note = "" if result else f"stopped after {limit:.0f} s"
    elif full:
        note = "skipped: the hooks alone ran over the limit"
    row = Row(label, n, lines, entities, result, mb, hooks, hooks_mb, note, hooks_note)
    print(f"  {label}: {json.dumps(row.__dict__)}", file=sys.stderr, flush=True)  # the figures so far
    return row


def table(head: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]

    def line(row: tuple[str, ...]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))

    return "\n".join([line(head), "  ".join("-" * w for w in widths), *(line(r) for r in rows)])


def full_table(rows: list[Row]) -> str:
    head = ("corpus", "notes", "lines", "wall s", "peak MB", "pages", "site MB", "hooks s", "hooks %",
            "rest s", "rebuild s", "re-read")
    out = []
    for r in rows:
        f = r.full
        if f is None:
            out.append((r.label, str(r.notes), str(r.lines), r.note, *[""] * 8))
            continue
        out.append((r.label, str(r.notes), str(r.lines), f"{f['total']:.1f}", f"{r.full_peak_mb:.0f}",
                    str(f["pages"]), f"{f['site_mb']:.0f}", f"{f['hooks']:.1f}",
                    f"{100 * f['hooks'] / f['total']:.0f}%", f"{f['total'] - f['hooks']:.1f}",
                    f"{f['rebuild']:.1f}", str(f["rebuild_reads"])))
    return table(head, out)


def hooks_table(rows: list[Row]) -> str:
    short = {"read_corpus": "read", "load_catalog": "catalog", "build_checked_site": "pages", "report_json": "report",
             "site_nav": "nav", "Matcher": "matcher", "link_markdown": "linking"}
    head = ("corpus", "notes", "entities", "hooks s", *(f"{v} s" for v in short.values()), "peak MB",
            "rebuild s", "re-read")
    out = []
    for r in rows:
        h = r.hooks
        if h is None:
            out.append((r.label, str(r.notes), str(r.entities), r.hooks_note, *[""] * (len(head) - 4)))
            continue
        out.append((r.label, str(r.notes), str(r.entities), f"{h['hooks']:.2f}",
                    *(f"{h['stages'].get(k, 0.0):.2f}" for k in short), f"{r.hooks_peak_mb:.0f}",
                    f"{h['rebuild_hooks']:.2f}", str(h["rebuild_reads"])))
    return table(head, out)


def plugin_lines(rows: list[Row]) -> str:
    out = [("Time inside each plugin's event handlers in the full build (s); the rest is MkDocs, "
           "Python-Markdown and the theme's templates:")]
    for r in rows:
        if r.full:
            parts = ", ".join(f"{p}: {t:.1f}" for p, t in sorted(r.full["plugins"].items(), key=lambda x: -x[1]))
            out.append(f"  {r.label}: {parts}")
    return "\n".join(out)


def scaling_lines(rows: list[Row]) -> str:
    base = next((r for r in rows if r.label == "seeds"), None)
    if base is None:
        return ""
    out = ["Scaling against the seed corpus (target: 50x the notes in under 60x the time):"]
    for r in rows:
        if r.label.startswith("seeds x"):
            k = r.notes / base.notes
            full = (f"{r.full['total'] / base.full['total']:.1f}x the build time, " if r.full and base.full
                    else "full build not measured, ")
            hooks = (f"{r.hooks['hooks'] / max(base.hooks['hooks'], 1e-9):.1f}x the hooks time" if r.hooks
                     and base.hooks else "hooks time over the limit")
            more = f"{k:.0f}x the notes, {r.entities / base.entities:.0f}x the entities"
            out.append(f"  {r.label}: {more}: {full}{hooks}")
    return "\n".join(out)


def page_weight_lines(site: Path) -> str:
    """Build the bundled notes into site and measure what a browser fetches for three pages."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": ""}
    env.pop("KB_NOTES", None)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(site)], cwd=ROOT, env=env,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sys.path.insert(0, str(ROOT / "scripts"))
    from page_weight import index_size, page_weights
    lines = [f"  {name:9} {row['bytes'] / 1e6:5.2f} MB in {row['requests']:3} requests"
             for name, row in page_weights(site).items()]
    size, entries = index_size(site)
    lines.append(f"  search index {size / 1e6:5.2f} MB, {entries} entries (fetched when search is opened)")
    return "\n".join(lines)


# -- edit to page under `mkdocs serve`, and the build against Material alone ------------------

EDITS = (  # (what the note says, what it says after the edit): a word changed in place, then a line added
    ("at large scale.", "at large scale. Edited by the benchmark, once."),
    ("Edited by the benchmark, once.", "Edited by the benchmark, twice."),
    ("Edited by the benchmark, twice.", "Edited by the benchmark, twice.\n\nA line the benchmark added."),
)
EDITED_NOTE = "study-guide/01-data-engineering-and-algorithms.txt"
EDITED_PAGE = "sources/study-guide/01-data-engineering-and-algorithms/"


def free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    import urllib.request
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8")
    except OSError:
        return ""


def edit_to_page(work: Path, dirty: bool, limit: float) -> tuple[float, list[float]]:
    """`mkdocs serve` (as `make serve` runs it) on a copy of the bundled notes: the first build's time, then,
    for each edit of one note, the seconds from saving it to the served page showing it (polled over HTTP)."""
    notes = work / ("notes-dirty" if dirty else "notes-clean")
    shutil.copytree(BUNDLED, notes)
    port = free_port()
    env = {**os.environ, "KB_NOTES": str(notes), "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *(["--dirty"] if dirty else [])]
    log = work / f"serve-{port}.log"
    with log.open("w") as out:
        server = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        start = time.perf_counter()
        while "Serving on" not in log.read_text(errors="replace"):
            if time.perf_counter() - start > limit or server.poll() is not None:
                raise RuntimeError(f"mkdocs serve did not start: {log.read_text(errors='replace')[-800:]}")
            time.sleep(0.1)
        first = time.perf_counter() - start
        times = []
        note = notes / EDITED_NOTE
        for old, new in EDITS:
            time.sleep(1.0)  # the watcher polls every half second: let it settle
            text = note.read_text(encoding="utf-8")
            note.write_text(text.replace(old, new, 1), encoding="utf-8")
            saved = time.perf_counter()
            marker = new.split("\n")[-1]
            while marker not in fetch(f"http://127.0.0.1:{port}/{EDITED_PAGE}"):
                if time.perf_counter() - saved > limit:
                    raise RuntimeError("the edit never showed")
                time.sleep(0.05)
            times.append(time.perf_counter() - saved)
        return first, times
    finally:
        server.terminate()
        server.wait(timeout=30)


def edit_lines(work: Path, limit: float) -> str:
    out = []
    for dirty, how in ((True, "make serve (mkdocs serve --dirty)"), (False, "mkdocs serve, every page rebuilt")):
        first, times = edit_to_page(work, dirty, limit)
        each = ", ".join(f"{t:.1f}" for t in times)
        out.append(f"  {how:34} first build {first:5.1f} s; edit to page {max(times):4.1f} s at most ({each})")
    return "\n".join(out)


def timed_build(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", *args], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def ratio_lines(work: Path, notes: Path, label: str, runs: int = 3) -> str:
    """Our strict build against Material alone building the same pages: the exported site source (the
    pages as Markdown, an mkdocs.yml without our hooks and mermaid2), built by plain MkDocs with Material.
    The two builds alternate, ``runs`` times each (a shared machine's speed drifts); the median ratio."""
    env = {**os.environ, "KB_NOTES": str(notes), "NO_MKDOCS_2_WARNING": "1", "SITE_URL": ""}
    export = work / f"export-{label}"
    timed_build(["--strict", "--site-dir", str(work / f"exported-{label}")], {**env, "KB_EXPORT": str(export)})
    pairs = []
    for _ in range(runs):
        ours = timed_build(["--strict", "--site-dir", str(work / f"ours-{label}")], env)
        alone = timed_build(["--strict", "--config-file", str(export / "mkdocs.yml"), "--site-dir",
                             str(work / f"alone-{label}")], env)
        pairs.append((ours / alone, ours, alone))
    pairs.sort()
    ratio, ours, alone = pairs[len(pairs) // 2]
    pages = sum(1 for _ in (work / f"alone-{label}").rglob("index.html"))
    spread = ", ".join(f"{r:.2f}" for r, _, _ in pairs)
    return (f"  {label:8} ours {ours:5.1f} s, Material alone {alone:5.1f} s on the same {pages} pages: "
            f"{ratio:.2f}x, the median of {runs} runs ({spread}; target 1.25x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--hooks-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--notes", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--site", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--catalog", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--touch", default="", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default="10,50", help="synthetic corpus sizes, in copies of the seed corpus")
    parser.add_argument("--limit", type=float, default=1800, help="seconds allowed to one build (default 1800)")
    parser.add_argument("--quick", action="store_true",
                        help="only edit-to-page, the build ratio and page weights (no corpus table)")
    parser.add_argument("--hooks-only-over", type=int, default=50,
                        help="from this size on, time only our hooks, not the full MkDocs build (default 50)")
    args = parser.parse_args()
    if args.child:
        child(args.notes, args.site, args.catalog, args.touch, args.out, args.hooks_only)
        return
    work = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    rows: list[Row] = []
    try:
        weights = page_weight_lines(work / "weights")
        edits = edit_lines(work, args.limit)
        ratios = [ratio_lines(work, BUNDLED, "bundled")]
        if SEEDS.is_dir():
            ratios.append(ratio_lines(work, SEEDS, "seeds"))
        if args.quick:
            print_quick(edits, ratios, weights)
            return
        rows.append(measure("bundled", BUNDLED, work, None, True, args.limit))
        if not SEEDS.is_dir():
            print(f"seed notes not found at {SEEDS}: the seed and synthetic rows are skipped", file=sys.stderr)
        else:
            rows.append(measure("seeds", SEEDS, work, None, True, args.limit))
            for k in (int(x) for x in args.sizes.split(",") if x.strip()):
                notes, catalog = synthetic(SEEDS, k, work / f"x{k}")
                rows.append(measure(f"seeds x{k}", notes, work, catalog, k < args.hooks_only_over, args.limit))
                shutil.rmtree(work / f"x{k}", ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("Full builds (mkdocs build, then a whole rebuild after one note changed: serve without --dirty):\n")
    print(full_table(rows))
    print("\nOur hooks alone, every corpus (the kb event handlers on every page they make):\n")
    print(hooks_table(rows))
    print()
    print(plugin_lines(rows))
    print()
    print(scaling_lines(rows))
    print_quick(edits, ratios, weights)


def print_quick(edits: str, ratios: list[str], weights: str) -> None:
    print("\nEdit to page: one bundled note saved, until the served page shows it (target 3 s):\n")
    print(edits)
    print("\nBuild cost against Material alone (mkdocs build --strict, alternating runs):\n")
    print("\n".join(ratios))
    print("\nPage weight of the bundled site (headless Chromium, cold cache, uncompressed; scripts/page_weight.py):\n")
    print(weights)


if __name__ == "__main__":
    main()

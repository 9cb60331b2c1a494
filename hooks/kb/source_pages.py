"""The Sources pages (each raw note, normalised; and their index) and the Build report."""
from __future__ import annotations

from dataclasses import dataclass

from .inline import safe_inline, safe_title
from .knowledge import Knowledge
from .links import link
from .maker import Build, Made, Maker
from .notes import Corpus, NoteProblem
from .page_meta import front_matter as meta
from .render import FAMILY_LABELS
from .report import NoteAccount, links_markdown
from .slug import slugify
from .targets import LinkAccount

SOURCES = "sources"
REPORT = "report.md"


@dataclass(frozen=True)
class Page:
    src_uri: str  # path below docs/, POSIX
    markdown: str

    @property
    def url(self) -> str:
        base = self.src_uri[:-3]
        if base.endswith("index"):
            base = base[: -len("index")]
        return base + ("/" if base and not base.endswith("/") else "")


def source_uris(sources: list[str]) -> dict[str, str]:
    """A unique, safe page path for each note: ``a/B c.txt`` → ``sources/a/b-c.md``."""
    taken: set[str] = {f"{SOURCES}/index.md"}
    out = {}
    for source in sources:
        parts = source.split("/")
        stem = parts[-1].rsplit(".", 1)[0] if "." in parts[-1] else parts[-1]
        folders = [slugify(x, "folder") for x in parts[:-1]]
        base = "/".join([SOURCES, *folders, slugify(stem, "note")])
        uri, n = f"{base}.md", 2
        while uri in taken or uri.endswith("/index.md"):
            uri, n = f"{base}-{n}.md", n + 1
        taken.add(uri)
        out[source] = uri
    return out


def url_of(uri: str) -> str:
    return Page(uri, "").url


def make_source_pages(build: Build) -> Made:
    """Every note as a clean page, then the index of them all."""
    out = [(build.uris[d.source], build.sources[d.source]) for d in build.corpus.documents]
    return out + [(f"{SOURCES}/index.md", sources_index(build.accounts, build.uris))]


def sources_index(accounts: list[NoteAccount], uris: dict[str, str]) -> str:
    here = f"{SOURCES}/index.md"
    rows = [
        f"| [{safe_inline(safe_title(a.source))}]({link(here, uris[a.source])}) | "
        f"{FAMILY_LABELS.get(a.family, a.family)} | {a.raw_lines} | {a.counts['cards']} | "
        f"{a.counts['diagrams']} | {a.counts['formulas']} |"
        for a in accounts
    ]
    return (
        meta("Sources", "Every raw note, normalised into a readable page.") +
        "# Sources\n\nEvery raw note the site was built from, read as its family and normalised. "
        "Each topic fact links back here, to the note and the lines it came from. Where every line went, "
        f"placed or dropped and why: the [Build report]({link(here, REPORT)}).\n\n"
        "| Note | Read as | Lines | Cards | Diagrams | Formulas |\n|---|---|---:|---:|---:|---:|\n"
        + "\n".join(rows) + "\n"
    )


def report_page(accounts: list[NoteAccount], corpus: Corpus, know: Knowledge, found: list[NoteProblem],
                links: LinkAccount | None = None) -> str:
    rows = []
    for a in accounts:
        reasons = {}
        for reason in a.dropped.values():
            key = reason.split(" (")[0]
            reasons[key] = reasons.get(key, 0) + 1
        dropped = "; ".join(f"{k}: {v}" for k, v in sorted(reasons.items())) or "–"
        rows.append(
            f"| {safe_inline(safe_title(a.source))} | {a.family} | {a.raw_lines} | {len(a.placed)} | "
            f"{safe_inline(dropped)} | {len(a.unplaced)} | {a.counts['diagrams']} | {a.counts['formulas']} | "
            f"{a.counts['cards']} |"
        )
    problems = "\n".join(f"- {safe_inline(str(p))}" for p in [*corpus.problems, *found]) or "None."
    skipped = ", ".join(safe_inline(s) for s in corpus.skipped) or "None."
    return (
        meta("Build report", "Where every raw line of every note went.") +
        "# Build report\n\nFor every note: its lines, how many were placed on a page, which were dropped "
        "and why, and what was recovered. The same account, line by line, is in "
        "[data/report.json](data/report.json); the topics are listed in [data/topics.json](data/topics.json).\n\n"
        "| Note | Family | Lines | Placed | Dropped | Unplaced | Diagrams | Formulas | Cards |\n"
        "|---|---|---:|---:|---|---:|---:|---:|---:|\n" + "\n".join(rows) + "\n\n"
        f"## Warnings\n\n{problems}\n\n## Links and images\n\n{links_markdown(links or LinkAccount())}\n\n"
        f"## Notes with no page\n\n{skipped}\n\n"
        "## Candidate topics\n\nHeadings that match no catalog entry (how often they occur): "
        "candidates for `hooks/kb/catalog.yaml`.\n\n" + candidates(know) + "\n\n"
        "## On no topic\n\nContent lines that reach no topic page (they are on their note's Sources page), "
        "by reason:\n\n" + on_no_topic(know) + "\n"
    )


def on_no_topic(know: Knowledge) -> str:
    reasons: dict[str, int] = {}
    for lines in know.off_topic.values():
        for reason in lines.values():
            reasons[reason] = reasons.get(reason, 0) + 1
    if not reasons:
        return "None."
    return "\n".join(f"- {safe_inline(r)}: {c}" for r, c in sorted(reasons.items(), key=lambda x: (-x[1], x[0])))


def candidates(know: Knowledge) -> str:
    if not know.candidates:
        return "None."
    return ", ".join(f"{safe_inline(name)} ({count})" for name, count in know.candidates)


SOURCE_PAGES = Maker("sources", make_source_pages,
                     nav=lambda paths: [{"Sources": f"{SOURCES}/index.md"}] if paths else [],
                     home=(f"{SOURCES}/index.md",
                           "[Sources]({}): every raw note as a clean page, with where it came from."))
REPORT_PAGE = Maker("report", lambda b: [(REPORT, report_page(b.accounts, b.corpus, b.know, b.problems, b.links))],
                    # For whoever maintains the notes, not a reader's tab: the home and Sources pages link it.
                    nav=lambda paths: [],
                    home=(REPORT, "[Build report]({}): where every line of every note went."))

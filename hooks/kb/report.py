"""The account of every raw line: placed on a page, or dropped with a reason."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import model as m
from .anchors import block_anchors
from .targets import LinkAccount

if TYPE_CHECKING:
    from .notes import Corpus
    from .site import Site


@dataclass(frozen=True)
class NoteAccount:
    source: str
    family: str
    page: str  # site-relative URL of the Sources page
    raw_lines: int
    placed: dict[int, str]  # line → anchor on the page ('' = top of the page)
    dropped: dict[int, str]  # line → reason
    unplaced: tuple[int, ...]
    counts: dict[str, int]


def count_blocks(doc: m.Document) -> dict[str, int]:
    kinds: Counter[str] = Counter()

    def visit(block: m.Block) -> None:
        kinds[block.kind] += 1
        for item in block.items:
            for extra in item.extra:
                visit(extra)

    for block in doc.blocks:
        visit(block)
    return {
        "diagrams": kinds[m.DIAGRAM],
        "formulas": kinds[m.FORMULA],
        "undrawn": kinds[m.UNDRAWN],
        "cards": kinds[m.CARD] + kinds[m.QUESTION],
        "code": kinds[m.CODE],
        "tables": kinds[m.TABLE],
        "trees": kinds[m.TREE],
        "headings": kinds[m.HEADING],
    }


def account(doc: m.Document, page: str) -> NoteAccount:
    placed: dict[int, str] = {}
    for block, anchor in block_anchors(doc):
        where = block.anchor if block.kind == m.HEADING else anchor
        for line in block.span:
            placed.setdefault(line, where)
    dropped = {d.line: d.reason for d in doc.dropped}
    unplaced = tuple(
        n for n in range(1, doc.raw_lines + 1)
        if n not in placed and n not in dropped and n not in doc.blank
    )
    return NoteAccount(doc.source, doc.family, page, doc.raw_lines, placed, dropped, unplaced, count_blocks(doc))


def report_json(accounts: list[NoteAccount], skipped: tuple[str, ...], problems: list[str],
                media: tuple[str, ...] = ()) -> dict:
    notes = []
    for a in accounts:
        lines = []
        for n in sorted(set(a.placed) | set(a.dropped) | set(a.unplaced)):
            if n in a.placed:
                lines.append({"line": n, "page": a.page, "anchor": a.placed[n]})
            elif n in a.dropped:
                lines.append({"line": n, "dropped": a.dropped[n]})
            else:
                lines.append({"line": n, "unplaced": True})
        notes.append({
            "path": a.source, "family": a.family, "page": a.page, "raw_lines": a.raw_lines,
            "placed": len(a.placed), "dropped": dict(sorted(Counter(a.dropped.values()).items())),
            "unplaced": list(a.unplaced), **a.counts, "lines": lines,
        })
    return {
        "notes": notes,
        "skipped": list(skipped),
        "media": list(media),
        "unplaced": [f"{a.source}:{n}" for a in accounts for n in a.unplaced],
        "warnings": problems,
        "totals": totals(accounts),
    }


def totals(accounts: list[NoteAccount]) -> dict[str, int]:
    out: Counter[str] = Counter()
    for a in accounts:
        out["notes"] += 1
        out["raw_lines"] += a.raw_lines
        out["placed"] += len(a.placed)
        out["dropped"] += len(a.dropped)
        out["unplaced"] += len(a.unplaced)
        out.update(a.counts)
    return dict(sorted(out.items()))


def links_json(links: LinkAccount) -> dict:
    """What the notes' links and images became: counts, and each one that leads nowhere (file:line)."""
    return {
        "counts": dict(sorted(links.counts.items())),
        "broken": [str(p) for p in links.broken],
        "images_missing": [str(p) for p in links.missing],
        "images_served": sorted(links.images),
    }


LINK_KINDS = (("heading", "links to a heading of the same note"), ("note", "links to another note"),
              ("note heading", "links to a heading of another note"), ("image", "images"))


def links_markdown(links: LinkAccount) -> str:
    """The Build report's account of links and images: how many of each kind led somewhere."""
    rows = []
    for kind, what in LINK_KINDS:
        ok = links.counts[f"{kind} resolved"] + links.counts[f"{kind} resolved (near match)"]
        bad = links.counts[f"{kind} broken"]
        if kind == "image":
            ok, bad = links.counts["image shown"], links.counts["image missing"]
        if ok or bad:
            rows.append(f"| {what} | {ok + bad} | {ok} | {bad} |")
    if not rows:
        return "No links between notes, to headings, or images."
    return ("| What | Found | Leads somewhere | Shown as text or placeholder (see Warnings) |\n"
            "|---|---:|---:|---:|\n" + "\n".join(rows))


def site_report(corpus: Corpus, site: Site, problems: list[str]) -> dict:
    """site/data/report.json, whole: every line's account, then what the knowledge stage found (candidate
    and discovered topics, merged duplicates, disagreements, lines on no topic) and the notes' links."""
    know = site.knowledge
    report = report_json(site.accounts, corpus.skipped, problems, corpus.media)
    report["candidate_topics"] = [{"heading": h, "count": c} for h, c in know.candidates]
    report["merged_duplicates"] = know.merged
    report["links"] = links_json(site.links)
    report["contradictions"] = know.contradictions
    report["discovered_topics"] = [know.entities[s].name for s in know.discovered]
    report["on_no_topic"] = [{"line": f"{note}:{n}", "reason": why}
                             for note, lines in sorted(know.off_topic.items()) for n, why in sorted(lines.items())]
    return report

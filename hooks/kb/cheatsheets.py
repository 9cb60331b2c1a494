"""Printable cheatsheets: every topic as a compact block, from the same knowledge as the topic pages.

One sheet per section, one for the whole knowledge base, and an index of the sheets.
Each block holds the topic's name (linking to its page), its one-line summary and a
few of its shortest facts per group, so the sheets never drift from the topic pages.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .catalog import SECTIONS
from .inline import plain_text, safe_inline, safe_title
from .knowledge import Fact, Knowledge, content_words
from .links import link
from .maker import Maker, grouped
from .page_meta import front_matter as meta

if TYPE_CHECKING:
    from .catalog import Entity

FOLDER = "cheatsheets"
ALL = "all"
# The groups a sheet shows, in block order, with the short tag printed before each fact.
SHEET_GROUPS = (
    ("Limits and numbers", "Numbers"),
    ("How it is used", "Use"),
    ("How it compares", "Compare"),
    ("Exam tips", "Tip"),
)
PER_GROUP = 2  # facts per group on a block
PER_BLOCK = 6  # facts per block: a block should fit in a few lines of one printed column
MAX_CHARS = 220  # a longer fact reads better on its topic page than squeezed into a block
MIN_CHARS = 25  # shorter "facts" are labels or list fragments, not facts
MIN_WORDS = 4
# A fact ending like this leads into a list, asks without answering or breaks off;
# one starting otherwise is code or a table cell.
FRAGMENT_END = re.compile(r"[:,;?(\[–—-]$")
SENTENCE_START = re.compile(r"[\w*_`$\"'‘“(]")
SAME = 0.6  # facts sharing this share of content words say the same thing on a sheet


def sheet_uri(name: str) -> str:
    return f"{FOLDER}/{name}.md"


def one_line(text: str) -> str:
    """A fact as one line: list lines joined with semicolons (as on the topic pages)."""
    lines = [x.strip() for x in text.split("\n") if x.strip()]
    return "; ".join(x.removeprefix("- ") for x in lines)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller word set found in the other (a short fact inside a longer one counts)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def sheet_facts(facts: list[Fact], summary: str, slug: str) -> list[tuple[str, Fact]]:
    """(tag, fact) for a block: per group the best facts that fit, no two saying the same.

    Best is: about this topic first (not a passing mention), a whole sentence rather than
    a fragment of a list, then the shortest."""
    chosen: list[tuple[str, Fact]] = []
    seen = [content_words(summary)] if summary else []
    for group, tag in SHEET_GROUPS:
        pool = [f for f in facts if f.group == group and fits(f)]
        taken = 0
        for fact in sorted(pool, key=lambda f: rank(f, slug)):
            words = fact.words or content_words(fact.text)
            if any(overlap(words, other) >= SAME for other in seen):
                continue
            chosen.append((tag, fact))
            seen.append(words)
            taken += 1
            if taken == PER_GROUP or len(chosen) == PER_BLOCK:
                break
        if len(chosen) == PER_BLOCK:
            break
    return chosen


def rank(fact: Fact, slug: str) -> tuple[bool, bool, int, str]:
    text = plain_text(one_line(fact.text))
    primary = bool(fact.topics) and fact.topics[0] == slug
    return (not primary, text[:1].islower(), len(text), text)


def fits(fact: Fact) -> bool:
    """Short enough for a block, long enough to say something, not a lead-in or a table fragment."""
    text = plain_text(one_line(fact.text))
    return (MIN_CHARS <= len(text) <= MAX_CHARS and len(text.split()) >= MIN_WORDS
            and not FRAGMENT_END.search(text) and bool(SENTENCE_START.match(text)))


def block_summary(entity: Entity, facts: list[Fact]) -> str:
    """The catalog's one line, else the shortest 'What it is' fact that fits."""
    if entity.summary.strip():
        return entity.summary
    defining = sorted((f for f in facts if f.group == "What it is" and fits(f)), key=lambda f: len(f.text))
    return one_line(defining[0].text) if defining else ""


def topic_block(entity: Entity, know: Knowledge, here: str, target: str) -> str:
    """One topic as a compact block of Markdown inside the sheet's grid."""
    facts = know.by_topic.get(entity.slug, [])
    summary = block_summary(entity, facts)
    name = safe_inline(safe_title(entity.name))
    out = [f'<div class="kb-sheet-block" markdown>\n\n### [{name}]({link(here, target)}) {{ #{entity.slug} }}\n']
    if summary:
        out.append(f"{safe_inline(one_line(summary))}\n{{ .kb-sheet-summary }}\n")
    items = [
        f'- <span class="kb-tag" data-group="{tag.lower()}">{tag}</span> {safe_inline(one_line(fact.text))}'
        for tag, fact in sheet_facts(facts, summary, entity.slug)
    ]
    if items:
        out.append("\n".join(items) + "\n")
    out.append("</div>\n")
    return "\n".join(out)


def sheet_grid(entities: list[Entity], know: Knowledge, here: str, topics: dict[str, str]) -> str:
    blocks = [topic_block(e, know, here, topics[e.slug]) for e in sorted(entities, key=lambda e: e.name.lower())]
    return '<div class="kb-sheet" markdown>\n\n' + "\n".join(blocks) + "\n</div>\n"


def front(title: str, description: str, sheet: str) -> str:
    return meta(title, description, hide=["toc"], kb_sheet=sheet)


PRINT_BUTTON = (
    '<div class="kb-sheet-actions" markdown>\n'
    '<button type="button" class="md-button md-button--primary kb-print" hidden>Print this sheet</button>\n'
    "</div>\n"
)


def sheet_head(title: str, count: int) -> str:
    plural = "topic" if count == 1 else "topics"
    return (
        f"# {title}\n\n"
        f"{count} {plural}, each with its one-line summary and its key limits, uses, comparisons and exam tips. "
        "Every name links to its topic page, which has every fact and its sources.\n"
        "{ .kb-sheet-lead }\n\n" + PRINT_BUTTON
    )


def section_sheet(section: str, members: list[Entity], know: Knowledge, topics: dict[str, str]) -> str:
    here = sheet_uri(section)
    title = f"{SECTIONS[section][0]} cheatsheet"
    return (front(title, f"Every {SECTIONS[section][0]} topic on one printable sheet.", section)
            + sheet_head(title, len(members)) + "\n" + sheet_grid(members, know, here, topics))


def whole_sheet(by_section: dict[str, list[Entity]], know: Knowledge, topics: dict[str, str]) -> str:
    here = sheet_uri(ALL)
    title = "Whole knowledge base cheatsheet"
    count = sum(len(v) for v in by_section.values())
    parts = [front(title, "Every topic of the knowledge base on one printable sheet.", ALL), sheet_head(title, count)]
    for section, members in by_section.items():
        parts.append(f'\n## {SECTIONS[section][0]} {{ #{section} .kb-sheet-section }}\n')
        parts.append(sheet_grid(members, know, here, topics))
    return "\n".join(parts)


def sheets_index(by_section: dict[str, list[Entity]]) -> str:
    here = f"{FOLDER}/index.md"
    rows = [f"| [{SECTIONS[s][0]}]({link(here, sheet_uri(s))}) | {len(m)} |" for s, m in by_section.items()]
    total = sum(len(m) for m in by_section.values())
    rows.append(f"| [Whole knowledge base]({link(here, sheet_uri(ALL))}) | {total} |")
    return (
        meta("Cheatsheets", "Printable one-page-per-section summaries of every topic.") +
        "# Cheatsheets\n\n"
        "Every topic as a compact block: its one-line summary, its key limits and numbers, how it is used, "
        "how it compares and the exam tips. The sheets are made from the same facts as the topic pages. "
        "On screen they read as a grid; printed (A4 or US Letter) they lay out in columns.\n\n"
        "| Sheet | Topics |\n|---|---:|\n" + "\n".join(rows) + "\n"
    )


def cheatsheet_pages(entities: tuple[Entity, ...] | list[Entity], know: Knowledge,
                     topics: dict[str, str]) -> list[tuple[str, str]]:
    """(docs path, Markdown) of the sheets index, one sheet per section and the whole-base sheet.

    ``topics`` maps the slug of each topic that has a page to that page's docs path."""
    with_page = [e for e in entities if e.slug in topics]
    by_section = {s: [e for e in with_page if e.section == s] for s in SECTIONS}
    by_section = {s: m for s, m in by_section.items() if m}
    if not by_section:
        return []
    pages = [(f"{FOLDER}/index.md", sheets_index(by_section))]
    pages += [(sheet_uri(s), section_sheet(s, m, know, topics)) for s, m in by_section.items()]
    pages.append((sheet_uri(ALL), whole_sheet(by_section, know, topics)))
    return pages


CHEATSHEETS = Maker("cheatsheets", lambda b: cheatsheet_pages(b.entities, b.know, b.topics), nav=grouped("Cheatsheets"))

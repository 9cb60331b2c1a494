"""Comparison tables (built-in algorithms, inference options, the Kinesis family) as one page.

The rows and columns come from ``comparisons.yaml``; each value was checked against the AWS
documentation page it cites. Where the notes say the same thing (a fact of the row's topic
matching the cell's evidence), the cell cites those notes too, each at its exact line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .catalog import FAST_LOADER
from .inline import plain_text, safe_inline
from .knowledge import Knowledge, Source
from .links import link
from .maker import Maker, listed
from .topic_pages import TopicContext, meta, source_href, topic_uri

COMPARISONS = Path(__file__).with_name("comparisons.yaml")
PAGE = "comparisons.md"
QUANTITY = re.compile(r"\d[\d,.]*\s*(?:MB|GB|KB|ms|s\b|hours?|days?|min)", re.I)  # a value's own numbers
MAX_NOTE_CITES = 2  # per cell: enough to show the notes agree, not every repetition


@dataclass(frozen=True)
class Cell:
    value: str
    doc: str  # the AWS documentation page the value was checked against
    evidence: str  # regex a fact of the row's topic must match to be cited ('' = none)


@dataclass(frozen=True)
class Table:
    id: str
    title: str
    intro: str
    corner: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[Cell, ...]], ...]  # (topic slug, cells)


def load_tables(path: Path = COMPARISONS) -> list[Table]:
    """The tables of comparisons.yaml; a row whose cells do not match its columns is refused by name."""
    tables = []
    for raw in yaml.load(path.read_text(encoding="utf-8"), Loader=FAST_LOADER):
        columns = tuple(raw["columns"])
        rows = []
        for row in raw["rows"]:
            cells = tuple(parse_cell(c, row.get("doc", "")) for c in row["cells"])
            if len(cells) != len(columns):
                where = f"{path.name}: {raw['id']}/{row['topic']}"
                raise ValueError(f"{where}: {len(cells)} cells for {len(columns)} columns")
            rows.append((row["topic"], cells))
        tables.append(Table(raw["id"], raw["title"], raw["intro"], raw["corner"], columns, tuple(rows)))
    return tables


def parse_cell(raw: str | dict, row_doc: str) -> Cell:
    if isinstance(raw, str):
        raw = {"value": raw}
    value = str(raw["value"])
    doc = raw.get("doc", row_doc)
    if not doc:
        raise ValueError(f"{COMPARISONS.name}: cell {value!r} cites no documentation page")
    evidence = raw.get("evidence") or "|".join(re.escape(q) for q in QUANTITY.findall(value))
    return Cell(value, doc, evidence)


def supporting(cell: Cell, slug: str, know: Knowledge) -> list[Source]:
    """Sources of the notes' facts on this topic that say what the cell says (by its evidence)."""
    if not cell.evidence:
        return []
    pattern = re.compile(cell.evidence, re.I)
    found: list[Source] = []
    for fact in know.by_topic.get(slug, []):
        if pattern.search(plain_text(fact.text)):
            found += [s for s in fact.sources if s not in found]
        if len(found) >= MAX_NOTE_CITES:
            break
    return found[:MAX_NOTE_CITES]


class Marks:
    """Numbered citation markers for the page: documentation pages and note lines share one count."""

    def __init__(self, ctx: TopicContext) -> None:
        self.ctx = ctx
        self.numbers: dict[tuple[str, int], int] = {}
        self.docs: dict[str, int] = {}

    def number(self, key: tuple[str, int]) -> int:
        return self.numbers.setdefault(key, len(self.numbers) + 1)

    def cell(self, cell: Cell, notes: list[Source]) -> str:
        n = self.number((cell.doc, 0))
        self.docs.setdefault(cell.doc, n)
        parts = [f'[\\[{n}\\]]({cell.doc} "{cell.doc}"){{ .kb-src }}']
        for s in notes:
            title = s.label.replace('"', "")
            n = self.number((s.note, s.first))
            parts.append(f'[\\[{n}\\]]({source_href(PAGE, s, self.ctx)} "{title}"){{ .kb-src }}')
        return f'<sup class="kb-refs" data-search-exclude>{"".join(parts)}</sup>'


@dataclass(frozen=True)
class Counts:
    rows: int
    columns: int
    cells: int
    from_docs: int  # every cell: checked against and citing an AWS documentation page
    from_notes: int  # cells the notes confirm, citing their lines too


def table_markdown(table: Table, know: Knowledge, ctx: TopicContext, marks: Marks) -> tuple[str, Counts]:
    head = f"| {table.corner} | " + " | ".join(table.columns) + " |"
    lines = [head, "|" + "---|" * (len(table.columns) + 1)]
    confirmed = 0
    for slug, cells in table.rows:
        entity = know.entities.get(slug)
        name = entity.name if entity else slug
        label = f"[{safe_inline(name)}]({link(PAGE, topic_uri(entity))})" if slug in ctx.linked else safe_inline(name)
        out = []
        for cell in cells:
            notes = supporting(cell, slug, know)
            confirmed += bool(notes)
            out.append(f"{safe_inline(cell.value).replace('|', '/')} {marks.cell(cell, notes)}")
        lines.append(f"| {label} | " + " | ".join(out) + " |")
    cells = len(table.rows) * len(table.columns)
    return "\n".join(lines), Counts(len(table.rows), len(table.columns), cells, cells, confirmed)


def comparisons_page(tables: list[Table], know: Knowledge, ctx: TopicContext) -> tuple[str, dict[str, Counts]]:
    """The page, and for each table its size and how many of its cells the notes confirm."""
    marks = Marks(ctx)
    # Wide tables: the page gives them the room of the navigation sidebar.
    out = [meta("Comparisons", "Side-by-side tables of the choices exam questions turn on, every cell cited.",
                hide=["navigation"]),
           "# Comparisons\n",
           "Each value was checked against the AWS documentation page its first marker opens; further "
           "markers open lines of the notes on the same point (hover a marker for its file and line).\n"]
    counts = {}
    for table in tables:
        body, counts[table.id] = table_markdown(table, know, ctx, marks)
        out.append(f"## {safe_inline(table.title)} {{#{table.id}}}\n\n{safe_inline(table.intro)}\n")
        out.append(f'<div class="kb-compare" markdown>\n\n{body}\n\n</div>\n')
    out.append("## AWS documentation cited\n")
    out += [f"- \\[{n}\\] <{url}>" for url, n in sorted(marks.docs.items(), key=lambda x: x[1])]
    return "\n".join(out) + "\n", counts


def comparison_links(tables: list[Table]) -> dict[str, list[tuple[str, str]]]:
    """slug → the tables it is a row of, as (docs path#id, title), for its topic page."""
    out: dict[str, list[tuple[str, str]]] = {}
    for table in tables:
        for slug, _ in table.rows:
            out.setdefault(slug, []).append((f"{PAGE}#{table.id}", table.title))
    return out


COMPARISONS_PAGE = Maker("comparisons", lambda b: [(PAGE, comparisons_page(b.tables, b.know, b.context)[0])],
                         nav=listed("Comparisons"),
                         home=(PAGE, "[Comparisons]({}): algorithms, inference options and streaming services side "
                                     "by side."))

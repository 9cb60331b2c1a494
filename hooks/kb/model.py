"""The document model: typed blocks, each with the raw lines it came from."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Block kinds a reader may produce.
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST = "list"
CODE = "code"
DIAGRAM = "diagram"
FORMULA = "formula"
TREE = "tree"
TABLE = "table"
CARD = "card"
QUESTION = "question"
QUOTE = "quote"
CALLOUT = "callout"
RULE = "rule"
UNDRAWN = "undrawn"  # a diagram or formula Mermaid or KaTeX cannot parse: lang says which, title why


@dataclass(frozen=True)
class Span:
    """A range of raw lines, 1-based and inclusive."""

    first: int
    last: int

    def __post_init__(self) -> None:
        if self.first < 1 or self.last < self.first:
            raise ValueError(f"bad line span {self.first}-{self.last}")

    def __iter__(self):
        return iter(range(self.first, self.last + 1))

    def label(self) -> str:
        return f"{self.first}" if self.first == self.last else f"{self.first}-{self.last}"


@dataclass(frozen=True)
class Item:
    """One list item; ``depth`` 0 is the outermost level."""

    text: str
    span: Span
    depth: int = 0
    ordered: bool = False
    checked: bool | None = None  # None: not a task item
    extra: tuple[Block, ...] = ()  # blocks indented under the item


@dataclass(frozen=True)
class Block:
    kind: str
    span: Span
    text: str = ""  # heading/paragraph/quote text, code/diagram/formula/tree source
    level: int = 0  # heading level (1 = document title)
    lang: str = ""  # code language; callout type
    title: str = ""  # callout title
    items: tuple[Item, ...] = ()  # lists; question options (checked: a right answer)
    rows: tuple[tuple[str, ...], ...] = ()  # tables: header row first
    front: str = ""  # cards; question stem
    back: str = ""  # cards; question explanation
    card_kind: str = ""  # cloze, question, truefalse, term, list, choice
    anchor: str = ""  # heading id, set once right after reading (anchors.with_anchors)
    stem: tuple[Block, ...] = ()  # question: what the stem shows besides its text (image, code, table)
    image: str = ""  # question: its image's path as the note wrote it (relative to the note)


@dataclass(frozen=True)
class Dropped:
    line: int
    reason: str


@dataclass(frozen=True)
class Problem:
    """Something a reader could not read as intended: becomes a build warning."""

    line: int
    message: str


@dataclass(frozen=True)
class Document:
    source: str  # path relative to the notes folder, with forward slashes
    family: str
    title: str
    raw_lines: int
    blocks: tuple[Block, ...]
    meta: dict[str, Any] = field(default_factory=dict)
    dropped: tuple[Dropped, ...] = ()
    problems: tuple[Problem, ...] = ()
    blank: frozenset[int] = frozenset()  # blank raw lines: nothing to place
    # GitHub's id of each heading → its id on the Sources page; None until anchors.with_anchors sets the ids
    fragments: dict[str, str] | None = None

"""Tab- or comma-separated card exports (Anki plain text, Quizlet CSV/TSV)."""
from __future__ import annotations

import csv
import html
import io
import re

from .. import model as m
from .family import Family
from .flashcards import CLOZE, TF, features

ANKI_HEADER = re.compile(r"^#\s*[\w ]+:")
HEADER_WORDS = frozenset({"front", "back", "question", "answer", "term", "definition", "tags", "tag"})
# Anki's "Notes in Plain Text" names the columns that are not fields: "#deck column:3".
COLUMN_HEADER = re.compile(r"^#\s*(guid|notetype|deck|tags)\s+column\s*:\s*(\d+)\s*$", re.IGNORECASE)
HTML_HEADER = re.compile(r"^#\s*html\s*:\s*true\s*$", re.IGNORECASE)
LINE_BREAK_TAG = re.compile(r"<br\s*/?>|</?(?:div|p|li)\b[^<>]*>", re.IGNORECASE)
ANY_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
ANKI_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::[^{}]*?)?\}\}", re.DOTALL)  # {{c1::answer::hint}}


def delimiter_of(lines: list[str]) -> str:
    filled = [x for x in lines if x.strip() and not ANKI_HEADER.match(x)]
    for line in lines:
        if line.lower().startswith("#separator:"):
            name = line.split(":", 1)[1].strip().lower()
            return {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}.get(name, name[:1] or "\t")
    tabs = sum("\t" in x.strip() for x in filled)
    return "\t" if tabs * 2 >= len(filled) else ","


def card_kind(front: str, back: str) -> str:
    if CLOZE.search(front):
        return "cloze"
    if TF.match(front):
        return "truefalse"
    if front.rstrip().endswith("?"):
        return "question"
    return "term" if features(back).short else "question"


def title_from_name(source: str) -> str:
    """A title from the file name ("sagemaker-AI_cards.tsv" → "Sagemaker AI cards"): only
    the first letter is raised, so the author's own capitals (AI, XGBoost) survive."""
    words = source.rsplit("/", 1)[-1].rsplit(".", 1)[0].replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def special_columns(lines: list[str]) -> dict[str, int]:
    """Anki's non-field columns (guid, notetype, deck, tags) by name → 0-based index."""
    found = {}
    for line in lines:
        mt = COLUMN_HEADER.match(line.strip())
        if mt:
            found[mt.group(1).lower()] = int(mt.group(2)) - 1
    return found


def html_text(field: str) -> str:
    """A field exported with ``#html:true`` as text: breaks and blocks as new lines, no other tags."""
    text = html.unescape(ANY_TAG.sub("", LINE_BREAK_TAG.sub("\n", field)))
    return "\n".join(x.strip() for x in text.split("\n") if x.strip())


def anki_cloze(front: str, back: str) -> tuple[str, str]:
    """An Anki cloze note ("{{c1::Firehose}} delivers…") as a blank and its answer(s), the note's
    extra field after them."""
    answers = [mt.group(1).strip() for mt in ANKI_CLOZE.finditer(front)]
    blanked = ANKI_CLOZE.sub("_____", front)
    return blanked, "\n".join(["; ".join(answers)] + ([back] if back else []))


def read_card_table(source: str, lines: list[str]) -> m.Document:
    delim = delimiter_of(lines)
    special = special_columns(lines)
    as_html = any(HTML_HEADER.match(x.strip()) for x in lines[:20])
    blocks: list[m.Block] = []
    dropped: list[m.Dropped] = []
    problems: list[m.Problem] = []
    text = "\n".join(lines)
    reader = csv.reader(io.StringIO(text), delimiter=delim, quotechar='"')
    first_line = 1
    for row in reader:
        last_line = reader.line_num
        span = m.Span(first_line, max(first_line, last_line))
        first_line = last_line + 1
        if not row or not any(cell.strip() for cell in row):
            continue
        if row[0].startswith("#") and ANKI_HEADER.match(delim.join(row)):
            dropped.extend(m.Dropped(n, "export header (#key:value)") for n in span)
            continue
        if not blocks and {c.strip().lower() for c in row} <= HEADER_WORDS:
            dropped.extend(m.Dropped(n, "column header row") for n in span)
            continue
        cells = [c.strip() for c in row]
        tags = cells[2] if len(cells) > 2 and not special else ""
        if special:
            tag_col = special.get("tags", -1)
            tags = cells[tag_col] if 0 <= tag_col < len(cells) else ""
            cells = [c for n, c in enumerate(cells) if n not in special.values()]  # the note's fields
        if as_html:
            cells = [html_text(c) for c in cells]
        if cells and ANKI_CLOZE.search(cells[0]):
            cells = list(anki_cloze(cells[0], cells[1] if len(cells) > 1 else ""))
        if len(cells) < 2 or not cells[1]:
            problems.append(m.Problem(span.first, "card row has no back (no second column); kept as a front only"))
            cells = cells[:1] + ["(no answer given)"]
        front, back = cells[0], cells[1]
        blocks.append(m.Block(m.CARD, span, front=front, back=back, card_kind=card_kind(front, back),
                              title=tags))
    title = title_from_name(source)
    blank = frozenset(i + 1 for i, x in enumerate(lines) if not x.strip())
    return m.Document(source, "card-table", title or "Cards", len(lines), tuple(blocks),
                      meta={"delimiter": "tab" if delim == "\t" else delim},
                      dropped=tuple(dropped), problems=tuple(problems), blank=blank)


def looks_tabular(name: str, lines: list[str]) -> bool:
    """Most lines hold a tab (or a comma, in a .csv), or an Anki "#separator:" header says so."""
    filled = [x for x in lines if x.strip()]
    body = [x for x in filled if not ANKI_HEADER.match(x)]
    if not body:
        return False
    if any(x.lower().startswith("#separator:") for x in filled):
        return True
    tabbed = sum("\t" in x.strip() for x in body)  # between columns: leading tabs indent an outline
    if tabbed >= 0.8 * len(body):
        return True
    return name.lower().endswith(".csv") and sum("," in x for x in body) >= 0.8 * len(body)


FAMILY = Family("card-table", "Card table (TSV/CSV export)", looks_tabular, read_card_table)

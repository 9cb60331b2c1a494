"""Cards the notes hold already: card and question blocks as cards."""
from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

from .. import model as m
from .entities import Catalog
from .kinds import kind_of
from .model import Card
from .text import card_id, card_text, one_line
from .topics import card_topic

IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
QUESTION_NUMBER = re.compile(r"^(?:\*\*)?(?:q(?:uestion)?\s*)?#?\d{1,4}\s*(?:[.:)]|\s[-—–])(?:\*\*)?\s+(?=\S)",
                             re.IGNORECASE)
OPTION_LETTER = re.compile(r"^\(?[A-Ha-h][.):]\s+")
TF_PREFIX = re.compile(r"^T\s*/\s*F\s*[:.-]\s*", re.IGNORECASE)
TRUTH = re.compile(r"^(true|false)\b", re.IGNORECASE)


def imported_card(block: m.Block, source: str, context: list[str], fact_topics: list[str],
                  catalog: Catalog) -> Card | None:
    front, back = card_text(block.front), card_text(block.back)
    kind = block.card_kind if kind_of(block.card_kind) else "question"
    options: tuple[str, ...] = ()
    answer: int | tuple[int, ...] = -1
    explain, image = "", ""
    if block.kind == m.QUESTION:
        front = question_front(block)
        options = tuple(OPTION_LETTER.sub("", one_line(card_text(i.text))) for i in block.items)
        right = tuple(n for n, i in enumerate(block.items) if i.checked)
        answer = right[0] if len(right) == 1 else right
        kind, explain, image = "choice", back, media_path(source, block.image)
        back = "\n".join(options[n] for n in right)
    elif kind == "list" and "\n" in front and "\n" not in back:
        front, back = back, front  # the items were written first and their label last: ask for the items
    elif kind == "truefalse":
        front = "True or false: " + TF_PREFIX.sub("", front)
        truth = TRUTH.match(back)
        if truth:
            options, answer = ("True", "False"), 0 if truth.group(1).lower() == "true" else 1
    if not front or not back or back == "(no answer given)":
        return None
    entity = catalog.answer_entity(back) if "\n" not in back else None
    named = catalog.matcher.slugs_in(front) + catalog.matcher.slugs_in(back)  # apart: a name may span a line break
    topic = card_topic(([entity.slug] if entity else []) + fact_topics + named + context, catalog)
    section = catalog.entities[topic].section if topic else ""
    return Card(card_id(source, front), front, back, kind, topic, section, f"{source}:{block.span.first}",
                options, answer, explain, image=image)


def question_front(block: m.Block) -> str:
    """A question as its card asks it: the stem's words (its number and images left out), then the
    text of any code or table it shows."""
    parts = [QUESTION_NUMBER.sub("", block.front.strip(), count=1)]
    for extra in block.stem:
        if extra.kind == m.TABLE:
            parts.append("\n".join(" | ".join(row) for row in extra.rows))
        elif extra.kind == m.LIST:
            parts.append("\n".join("- " + i.text for i in extra.items))
        elif extra.kind == m.CALLOUT:
            parts.append("\n".join(x for x in (extra.title, extra.text) if x))
        else:
            parts.append(extra.text)
    return card_text("\n".join(IMAGE.sub("", x) for x in parts if x.strip()))


def media_path(source: str, path: str) -> str:
    """Where the site serves an image a note names (media/<path from the notes folder>); '' when the
    path leaves the notes folder or is not a file path."""
    path = unquote(path.split("#", 1)[0].split("?", 1)[0]).strip()
    if not path or path.startswith("/") or "\\" in path:
        return ""
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
    return "" if joined.startswith("..") or joined == "." else "media/" + joined

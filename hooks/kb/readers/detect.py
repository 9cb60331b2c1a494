"""Decide which family a raw note belongs to, from its content."""
from __future__ import annotations

import re

from . import patterns as p
from .card_table import ANKI_HEADER
from .flashcards import CLOZE, TF
from .webcopy import is_github_view

MD_SIGNAL = re.compile(r"^(?:#{1,6}\s|```|~~~|\s*[-*+]\s|\s*\d+\.\s|>\s|\|.*\|\s*$)")
WEB_SIGNAL = re.compile(r"^\s+[•◦▪]\s|^(?:flowchart|graph)\s+(?:TB|TD|BT|RL|LR)\s*$|^\$\$")


def detect_family(name: str, lines: list[str]) -> str:
    """One of: post, github-view, card-table, flashcards, web-copy, markdown."""
    filled = [x for x in lines if x.strip()]
    if not filled:
        return "markdown"
    if lines[0].strip() in ("---", "+++") and any(x.strip() in ("---", "+++") for x in lines[1:80]):
        return "post"
    if is_github_view(lines):
        return "github-view"
    if looks_tabular(name, filled):
        return "card-table"
    if looks_like_flashcards(lines, filled):
        return "flashcards"
    md = sum(bool(MD_SIGNAL.match(x)) for x in filled)
    web = sum(bool(WEB_SIGNAL.match(x)) for x in filled)
    if name.lower().endswith((".md", ".markdown")) and md >= web:
        return "markdown"
    if web > md / 2 or md == 0:
        return "web-copy"
    return "markdown"


def looks_tabular(name: str, filled: list[str]) -> bool:
    body = [x for x in filled if not ANKI_HEADER.match(x)]
    if not body:
        return False
    if any(x.lower().startswith("#separator:") for x in filled):
        return True
    tabbed = sum(x.count("\t") >= 1 for x in body)
    if tabbed >= 0.8 * len(body):
        return True
    return name.lower().endswith(".csv") and sum("," in x for x in body) >= 0.8 * len(body)


def looks_like_flashcards(lines: list[str], filled: list[str]) -> bool:
    """No blank lines between most lines, and prompts (cloze, T/F, questions) throughout."""
    blank_share = (len(lines) - len(filled)) / max(1, len(lines))
    prompts = sum(bool(CLOZE.search(x) or TF.match(x.strip()) or x.rstrip().endswith("?")) for x in filled)
    md = sum(bool(p.MD_HEADING.match(x) or p.FENCE.match(x)) for x in filled)
    return blank_share < 0.05 and len(filled) >= 4 and prompts >= max(2, len(filled) // 12) and md == 0

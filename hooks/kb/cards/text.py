"""Card text: note text with its Markdown marks removed, card ids, and what makes text unfit for a card."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from ..inline import SAFE_TAGS, wikilink_text

# Markdown marks that are formatting, not content: removed from card text.
LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
STRONG = re.compile(r"(\*\*|(?<!_)__)(?=[^\s_])(.+?)(?<=[^\s_])\1(?!_)")  # never a cloze blank (_____)
EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
CODE = re.compile(r"(`+)(.+?)\1")
# A formatting tag pair with no attributes (<b>x</b>) is dropped; any other tag stays, as text.
FORMAT_PAIR = re.compile(r"<(" + "|".join(sorted(SAFE_TAGS - {"br"})) + r")>(.*?)</\1>", re.IGNORECASE)
LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
ATTR_LIST = re.compile(r"\s*\{\s*[:.#][^}\n]*\}\s*$")
BULLET = re.compile(r"^\s*(?:[-*+•])\s+")
WS = re.compile(r"[ \t]+")
META = re.compile(r"\b(?:seeds?|source notes?|the source|the notes? (?:say|said|says|gave|give)|repository stats|"
                  r"this repo(?:sitory)?)\b", re.IGNORECASE)
MESSY = re.compile(r"\.[(.)]|\(\s*\)|\s[,.]|\?\.")  # '.(', '..', ' ,': text a person would not write
# An answer that leans on the text around it ("configurable, same as before").
LEANS = re.compile(r"\b(?:same as (?:before|above)|as (?:above|below|before|mentioned)|see (?:above|below)|"
                   r"the (?:above|former|latter)|mentioned (?:above|before)|covered in)\b", re.IGNORECASE)
# Text a person would not write on a card: a Q/A marker, a template, a tag, an ellipsis, a dangling pronoun.
GARBLED = re.compile(r"(?:^|\s)(?:Q|A|Question|Answer)\s*[:.)](?:\s|$)|\{[^}\n]*\}|\[\s*\]|\.\.\.|…|"
                     r"(?<![\w&/])#[A-Za-z]|^[^\w\"“(]|^[^,]{1,50}, (?:it|they|this) (?:is|are|was|can)\b",
                     re.IGNORECASE)
PAIRS = ("()", "[]", "“”")


@lru_cache(maxsize=1 << 16)  # a fact's text is read by several card writers
def card_text(text: str) -> str:
    """Note text as a card shows it: Markdown marks gone, line breaks kept, everything else literal."""
    lines = []
    for line in LINE_BREAK.sub("\n", text.replace("\r", "")).split("\n"):
        line = wikilink_text(line)
        line = LINK.sub(r"\1", line)
        line = CODE.sub(r"\2", line)
        line = STRONG.sub(r"\2", line)
        line = EMPHASIS.sub(r"\1", line)
        line = FORMAT_PAIR.sub(r"\2", line)
        line = ATTR_LIST.sub("", line)
        line = BULLET.sub("• ", line)
        line = WS.sub(" ", line).strip()
        if line:
            lines.append(line)
    return "\n".join(lines)


def one_line(text: str) -> str:
    return " ".join(text.split())


def card_id(source: str, front: str) -> str:
    """Stable across builds: the note and the wording of the front, never a line number."""
    key = source + "\0" + " ".join(front.lower().split())
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def ranked(seed: str, items: list[str]) -> list[str]:
    """A fixed pseudo-random order of items for this seed (the same in every build)."""
    return sorted(items, key=lambda x: hashlib.sha256(f"{seed}\0{x}".encode()).hexdigest())


def weak_text(*parts: str) -> str:
    """Why a card's text (its front, back, explanation) cannot be a card's text at all ('' if it can)."""
    text = " ".join(p for p in parts if p)
    if META.search(text):
        return "about the notes themselves (a correction, the seed)"
    if MESSY.search(text):
        return "broken punctuation"
    if text.rstrip().endswith(":"):
        return "introduces a list that is not part of it"
    if LEANS.search(text):
        return "leans on the text around it (same as above)"
    if GARBLED.search(text) or not all(balanced(p) for p in parts) or \
            any(unicodedata.category(c) == "So" for c in text):
        return "garbled text (a Q/A marker, a tag, a template, an ellipsis, an unclosed bracket)"
    return ""


def balanced(text: str) -> bool:
    """Every bracket and curly quote closed, in order."""
    for opening, closing in PAIRS:
        depth = 0
        for c in text:
            depth += (c == opening) - (c == closing)
            if depth < 0:
                return False
        if depth:
            return False
    return text.count('"') % 2 == 0

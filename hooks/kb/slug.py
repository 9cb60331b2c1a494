"""Stable slugs: ASCII ones for page paths, GitHub's for heading ids."""
from __future__ import annotations

import html
import re
import unicodedata

NON_WORD = re.compile(r"[^a-z0-9]+")


def slugify(text: str, default: str = "section") -> str:
    """Lower-case ASCII words joined by hyphens: ``Kinesis Data Streams`` → ``kinesis-data-streams``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = NON_WORD.sub("-", ascii_text.lower()).strip("-")
    return slug[:80].rstrip("-") or default


# -- GitHub heading ids ------------------------------------------------------
# GitHub (github-slugger) lower-cases the heading's text, removes every character of these
# Unicode categories but a plain "-" and " " (and letters), then turns each space into "-".
GITHUB_REMOVED = frozenset({"No", "Pe", "Pf", "Pi", "Ps", "Po", "Pd", "Sm", "Sc", "Sk", "So",
                            "Cc", "Co", "Cf", "Cn", "Zs", "Zl", "Zp"})
# Symbols that Unicode also counts as letters (circled and squared Latin letters): kept.
ALPHABETIC_SYMBOLS = ((0x24B6, 0x24E9), (0x1F130, 0x1F149), (0x1F150, 0x1F169), (0x1F170, 0x1F189))
CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)
IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
WIKILINK = re.compile(r"\[\[([^\]|\n]+)(?:\|([^\]\n]+))?\]\]")
AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]*)>")
TAG = re.compile(r"</?[A-Za-z][^<>]*>")
# _em_ and __strong__, never snake_case or a ____ blank
UNDERSCORE_EM = re.compile(r"(?<![\w\\])(__?)(?=[^\s_])(.+?)(?<=[^\s_])\1(?!\w)")
ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def _kept(ch: str) -> bool:
    if ch in "- ":
        return True
    if unicodedata.category(ch) not in GITHUB_REMOVED:
        return True
    return any(lo <= ord(ch) <= hi for lo, hi in ALPHABETIC_SYMBOLS)


def heading_text(markdown: str) -> str:
    """The text GitHub shows for a heading's Markdown (what its id is made from): marks, links,
    images and tags removed; spaces kept as written, since GitHub turns each one into a "-"."""
    parts = []
    for n, piece in enumerate(CODE_SPAN.split(markdown.strip())):
        if n % 3 == 2:
            both = len(piece) > 2 and piece[0] == piece[-1] == " " and piece.strip(" ")
            parts.append(piece[1:-1] if both else piece)  # a code span: its text, verbatim
        elif n % 3 == 0:
            piece = WIKILINK.sub(lambda m: m.group(2) or m.group(1), piece)
            piece = IMAGE.sub("", piece)  # an image has no text
            piece = LINK.sub(r"\1", piece)
            piece = TAG.sub("", AUTOLINK.sub(r"\1", piece))
            piece = UNDERSCORE_EM.sub(r"\2", UNDERSCORE_EM.sub(r"\2", piece))
            piece = html.unescape(ESCAPED.sub(r"\1", piece))
            parts.append(piece)
    return "".join(parts)  # an image or emoji at either end leaves its space: GitHub keeps it too


def github_slug(text: str) -> str:
    """GitHub's id for a heading with this text: ``The company's data`` → ``the-companys-data``."""
    return "".join(ch for ch in text.lower() if _kept(ch)).replace(" ", "-")


class GithubSlugger:
    """GitHub's ids for the headings of one page, in order: a repeat gets ``-1``, ``-2``…"""

    def __init__(self) -> None:
        self.occurrences: dict[str, int] = {}

    def slug(self, text: str) -> str:
        base = result = github_slug(text)
        while result in self.occurrences:
            self.occurrences[base] += 1
            result = f"{base}-{self.occurrences[base]}"
        self.occurrences[result] = 0
        return result


def fragment_key(fragment: str) -> str:
    """A fragment reduced to its letters and digits, to find the heading a near-miss means."""
    return "".join(ch for ch in fragment.lower() if ch.isalnum())

"""Stable, ASCII, URL-safe slugs."""
from __future__ import annotations

import re
import unicodedata

NON_WORD = re.compile(r"[^a-z0-9]+")


def slugify(text: str, default: str = "section") -> str:
    """Lower-case ASCII words joined by hyphens: ``Kinesis Data Streams`` → ``kinesis-data-streams``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = NON_WORD.sub("-", ascii_text.lower()).strip("-")
    return slug[:80].rstrip("-") or default


class Slugs:
    """Hands out unique slugs within one page, in order of asking."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self.taken = set(taken or ())

    def make(self, text: str) -> str:
        base = slugify(text)
        slug, n = base, 2
        while slug in self.taken:
            slug, n = f"{base}-{n}", n + 1
        self.taken.add(slug)
        return slug

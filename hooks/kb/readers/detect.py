"""Decide which family a raw note belongs to, from its content: the first registered
family (``readers.FAMILIES``, in order) that recognises it."""
from __future__ import annotations

from .. import readers
from .family import Family


def family_of(name: str, lines: list[str]) -> Family:
    """The family that reads this note; a note with no text goes to the last (plain Markdown)."""
    families = readers.FAMILIES  # looked up on each call: the registry is the one place to add to
    if not any(x.strip() for x in lines):
        return families[-1]
    return next((f for f in families if f.recognise(name, lines)), families[-1])


def detect_family(name: str, lines: list[str]) -> str:
    return family_of(name, lines).name

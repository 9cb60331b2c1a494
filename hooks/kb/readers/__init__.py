"""One module per family of raw note, each declaring its ``FAMILY``.

FAMILIES is the registry: detection (``detect.family_of``) tries them in this order and the
first that recognises a note reads it, so the most specific shapes come first and plain
Markdown, which takes anything, comes last. A new family is one module and one line here.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping

from . import card_table, flashcards, github_view, markdown, post, webcopy
from .family import Family

FAMILIES: list[Family] = [
    post.FAMILY,
    github_view.FAMILY,
    card_table.FAMILY,
    flashcards.FAMILY,
    webcopy.FAMILY,
    markdown.FAMILY,
]


class FamilyLabels(Mapping[str, str]):
    """Family name → label, read from the registry each time (so a family added later shows)."""

    def __getitem__(self, name: str) -> str:
        for family in FAMILIES:
            if family.name == name:
                return family.label
        raise KeyError(name)

    def __iter__(self) -> Iterator[str]:
        return iter([family.name for family in FAMILIES])

    def __len__(self) -> int:
        return len(FAMILIES)


LABELS = FamilyLabels()

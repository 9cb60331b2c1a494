"""A card's distractors, kept between ``mkdocs serve`` rebuilds while nothing they were chosen from changed.

Choosing three wrong answers weighs every candidate of the answer's section and kind against the
question (distractors.py): the catalog's fixed parts (names, sections, kinds, how topics relate, the
matcher), and, of each candidate and the answer, what the knowledge says of it (its facts' words and
claims). A one-note edit changes those of a few topics only. Each topic gets a stamp that changes when
its words or claims change; a card's distractors are kept under its question, its answer, and the stamps
of the answer and of every candidate, so a change to any of them chooses them again. Only the last
build's choices are kept, and only under ``mkdocs serve`` (``incremental.MEMORY``).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import count
from typing import Any

from .. import incremental


@dataclass
class ChoiceMemory:
    basis: Any = None  # the catalog's fixed parts the choices were made with
    said: dict[str, tuple] = field(default_factory=dict)  # topic → (its facts' words, its claims), last build
    stamps: dict[str, int] = field(default_factory=dict)  # topic → the stamp of what it said then
    now: dict[tuple, list[str]] = field(default_factory=dict)  # choice key → distractor slugs, this build
    last: dict[tuple, list[str]] = field(default_factory=dict)  # …the last build's, not yet asked for again
    chosen: int = 0  # distractors chosen (not remembered) in this build, for tests
    next_stamp: Any = field(default_factory=count)

    def start(self, basis: Any, words: dict[str, frozenset[str]], claims: dict[str, list]) -> ChoiceMemory:
        """A new build's catalog: what each topic says now, stamped anew where it changed."""
        if basis != self.basis:
            self.basis, self.said, self.stamps, self.now = basis, {}, {}, {}
        said = {slug: (words.get(slug), claims.get(slug, [])) for slug in {*words, *claims}}
        self.stamps = {slug: self.stamps[slug] if self.said.get(slug) == now and slug in self.stamps
                       else next(self.next_stamp) for slug, now in said.items()}
        self.said, self.last, self.now, self.chosen = said, self.now, {}, 0
        return self

    def key(self, card_key: str, answer: str, front: str, slugs: Iterable[str]) -> tuple:
        return card_key, answer, front, tuple((slug, self.stamps.get(slug, -1)) for slug in slugs)

    def get(self, key: tuple) -> list[str] | None:
        found = self.now.get(key)
        if found is None:
            found = self.last.pop(key, None)
            if found is not None:
                self.now[key] = found
        return found

    def put(self, key: tuple, slugs: list[str]) -> None:
        self.now[key] = slugs
        self.chosen += 1


MEMORY = ChoiceMemory()


def choice_memory(basis: Any, words: dict[str, frozenset[str]], claims: dict[str, list]) -> ChoiceMemory | None:
    """The serve memory, started for this build's catalog; None outside ``mkdocs serve``."""
    return MEMORY.start(basis, words, claims) if incremental.MEMORY.serving else None

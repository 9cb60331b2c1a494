"""The card a fact makes and a card's distractors, kept between ``mkdocs serve`` rebuilds.

Both read the catalog's fixed parts (names, sections, kinds, how topics relate, the matcher: the
``basis``) and, of some topics, what the knowledge says of them: their facts' words and claims
(``Catalog.states``, ``Catalog.alike``) and whether they have a page (``Catalog.has_page``). A
one-note edit changes those of a few topics only. While a card is written or its distractors chosen,
the catalog records each of those calls and what it gave (``Catalog.reads``); the outcome is kept under
its own inputs (the fact's words, line and topics; the question, answer and card id) with those records.
It is reused only while every call gives what it gave then: a call on topics whose words and claims are
unchanged (each topic has a stamp that changes with them) is not made again; the others are, and must
give the same value. The whole memory is dropped when the basis changes. Only the last build's outcomes
are kept, and only under ``mkdocs serve`` (``incremental.MEMORY``).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import count
from typing import Any

from .. import incremental


@dataclass
class ChoiceMemory:
    basis: Any = None  # the catalog's fixed parts the outcomes were made with
    said: dict[str, tuple] = field(default_factory=dict)  # topic → (its facts' words, its claims), last build
    stamps: dict[str, int] = field(default_factory=dict)  # topic → the stamp of what it says
    now: dict[tuple, tuple] = field(default_factory=dict)  # key → (outcome, what it read), this build
    last: dict[tuple, tuple] = field(default_factory=dict)  # …the last build's, not yet asked for again
    made: int = 0  # outcomes made (not remembered) in this build, for tests
    next_stamp: Any = field(default_factory=count)

    def start(self, basis: Any, words: dict[str, frozenset[str]], claims: dict[str, list]) -> ChoiceMemory:
        """A new build's catalog: what each topic says now, stamped anew where it changed."""
        if basis != self.basis:
            self.basis, self.said, self.stamps, self.now = basis, {}, {}, {}
        said = {slug: (words.get(slug), claims.get(slug, [])) for slug in {*words, *claims}}
        self.stamps = {slug: self.stamps[slug] if self.said.get(slug) == now and slug in self.stamps
                       else next(self.next_stamp) for slug, now in said.items()}
        self.said, self.last, self.now, self.made = said, self.now, {}, 0
        return self

    def stamped(self, call: tuple) -> tuple:
        """The stamps of the topics whose facts a read looked at (none for has_page: its value is compared)."""
        slugs = call[1:2] if call[0] == "states" else call[1:3] if call[0] == "alike" else ()
        return tuple(self.stamps.get(slug, -1) for slug in slugs)

    def still(self, records: tuple, catalog: Any) -> tuple | None:
        """The records of what an outcome read, stamped as now, if every read gives the same value now (a read
        of a topic whose stamp is unchanged gives it without being made again); None if one does not."""
        out = []
        for call, value, stamps in records:
            now = self.stamped(call)
            if now != stamps or call[0] == "has_page":
                if getattr(catalog, call[0])(*call[1:]) != value:
                    return None
            out.append((call, value, now))
        return tuple(out)

    def recall(self, key: tuple, catalog: Any, make: Callable[[], Any]) -> Any:
        """``make()``'s outcome as kept under ``key`` if every call it made to the catalog's knowledge
        (``Catalog.reads``) gives what it gave then; else made now, its calls recorded, and kept."""
        found = self.now.get(key) or self.last.pop(key, None)
        if found is not None:
            outer, catalog.reads = catalog.reads, None
            try:
                records = self.still(found[1], catalog)
            finally:
                catalog.reads = outer
            if records is not None:
                self.now[key] = (found[0], records)
                if outer is not None:  # recalled while another outcome is made: that one read these too
                    outer.extend((call, value) for call, value, _ in records)
                return found[0]
        outer, catalog.reads = catalog.reads, []
        try:
            outcome = make()
            reads = catalog.reads
        finally:
            catalog.reads = outer
        if outer is not None:  # made while another outcome is made: that one read it all too
            outer.extend(reads)
        self.now[key] = (outcome, tuple((call, value, self.stamped(call)) for call, value in reads))
        self.made += 1
        return outcome


MEMORY = ChoiceMemory()


def choice_memory(basis: Any, words: dict[str, frozenset[str]], claims: dict[str, list]) -> ChoiceMemory | None:
    """The serve memory, started for this build's catalog; None outside ``mkdocs serve``."""
    return MEMORY.start(basis, words, claims) if incremental.MEMORY.serving else None

"""The card kinds: one entry each, with its label, its writer and how it is exported.

A new kind is one ``CardKind`` in ``KINDS``: generation tries the kinds that have a writer in list order
(the first that makes a good card wins), cards.tsv and cards.apkg read its export fields, and cards.json
carries its label, which the browser shows. Read ``KINDS`` through the functions below, at call time, so
that a kind registered later (a test's, say) is seen everywhere.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .context import LineContext
from .entities import Catalog
from .model import Card
from .writers import Made, cloze_card, term_card, truefalse_card

# A writer: (fact text as card text, where its line sits or None, a seed, the catalog) → (card text or None,
# why it makes no card: '' when the fact simply has not this kind's shape).
Writer = Callable[[str, LineContext | None, str, Catalog], tuple[Made | None, str]]


def plain_fields(card: Card) -> tuple[str, str]:
    """A card's front and back as Anki fields."""
    return card.front, card.back


def lettered_fields(card: Card) -> tuple[str, str]:
    """A practice question: its options lettered A, B, C… under the front; the right ones as the back."""
    front = card.front + "\n" + "\n".join(f"{chr(65 + n)}. {o}" for n, o in enumerate(card.options))
    right = card.answer if isinstance(card.answer, tuple) else (card.answer,) if card.answer >= 0 else ()
    return front, "\n".join(f"{chr(65 + n)}. {card.options[n]}" for n in right) or card.back


@dataclass(frozen=True)
class CardKind:
    name: str  # the card's ``kind`` in cards.json, a tag in Anki
    label: str  # what the reader sees
    generate: Writer | None = None  # None: a kind only imported from the notes
    tsv_fields: Callable[[Card], tuple[str, str]] = plain_fields  # (front, back) for cards.tsv
    note_type: str = "basic"  # the cards.apkg note type: 'basic' (front, back, source) or 'cloze' (Anki's own)
    choices: bool = False  # an answer that is a catalog name gets three distractors (multiple choice)


def write_cloze(text: str, context: LineContext | None, seed: str, catalog: Catalog) -> tuple[Made | None, str]:
    return cloze_card(text, catalog)


def write_term(text: str, context: LineContext | None, seed: str, catalog: Catalog) -> tuple[Made | None, str]:
    """Only a list item ('Term: definition') is a term."""
    return term_card(text, context, catalog) if context is not None and context.item else (None, "")


def write_truefalse(text: str, context: LineContext | None, seed: str, catalog: Catalog
                    ) -> tuple[Made | None, str]:
    return truefalse_card(text, catalog, seed, context)


KINDS: list[CardKind] = [
    CardKind("cloze", "Cloze", write_cloze, note_type="cloze", choices=True),
    CardKind("term", "Term", write_term, choices=True),
    CardKind("truefalse", "True or false", write_truefalse),
    CardKind("question", "Question", choices=True),
    CardKind("list", "List"),
    CardKind("choice", "Practice question", tsv_fields=lettered_fields),
]


def kind_of(name: str) -> CardKind | None:
    return next((k for k in KINDS if k.name == name), None)


def generating_kinds() -> list[CardKind]:
    """The kinds that write cards from facts, in the order they are tried."""
    return [k for k in KINDS if k.generate is not None]


def kind_labels(names: set[str]) -> dict[str, str]:
    """name → label of the given kinds, in registry order (cards.json's ``kinds``)."""
    return {k.name: k.label for k in KINDS if k.name in names}

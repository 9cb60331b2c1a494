"""Self-test cards: every card the readers found, plus cards written from the knowledge.

Imported cards come from card and question blocks. Generated cards come from facts:
a cloze from a definitional sentence ("X is a ..."), a term card from a ``Term:
definition`` list item, a true/false card from a sentence stating a rule. A fact that
would make a poor card is skipped and counted. A card whose answer is a catalog
entity becomes a multiple-choice question with three distractors of the same
section and kind, never a name of the answer itself.

Card text is plain text (Markdown marks removed, nothing else): the browser sets it
as ``textContent``, so a card can never run anything.

One module per concern: ``model`` (Card, CardReport), ``text`` (card text), ``entities`` (the catalog as
cards need it), ``distractors`` (multiple choice), ``topics``, ``context`` (where a line sits),
``imported``, ``writers`` (a card from a fact), ``kinds`` (the card kind registry), ``generated``,
``deck`` (build_cards), ``export`` (cards.json, cards.tsv), ``pages``
(the Practice page, 'Test yourself'). The names below are the package's public face: callers import
from ``kb.cards`` only.
"""
from __future__ import annotations

from .context import LineContext
from .deck import build_cards
from .distractors import with_choices
from .entities import Catalog
from .export import cards_json, cards_tsv
from .imported import imported_card, media_path
from .kinds import KINDS, CardKind, kind_of
from .model import Card, CardReport
from .pages import DATA, PAGE, PRACTICE_PAGE, cards_by_topic, data_path, practice_page, test_yourself, topic_data
from .text import card_text, weak_text
from .writers import BLANK, cloze_card, term_card, truefalse_card

__all__ = [
    "BLANK", "DATA", "KINDS", "PAGE", "PRACTICE_PAGE", "Card", "CardKind", "CardReport", "Catalog", "LineContext",
    "build_cards", "card_text", "cards_by_topic", "cards_json", "cards_tsv", "cloze_card", "data_path",
    "imported_card", "kind_of", "media_path", "practice_page", "term_card", "test_yourself", "topic_data",
    "truefalse_card",
    "weak_text", "with_choices",
]

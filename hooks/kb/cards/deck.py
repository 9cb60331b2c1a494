"""The deck: every imported and generated card, each once, in note order."""
from __future__ import annotations

from .. import model as m
from ..catalog import Entity
from ..knowledge import Knowledge
from .context import LineContext, clean_heading, lead_in, list_contexts
from .distractors import with_choices
from .entities import Catalog
from .generated import generated_cards
from .imported import imported_card
from .model import Card, CardReport
from .text import card_text, one_line
from .topics import heading_slugs

ILLUSTRATIONS = frozenset((m.CODE, m.DIAGRAM, m.FORMULA, m.TREE))


def build_cards(docs: list[m.Document], knowledge: Knowledge, entities: tuple[Entity, ...],
                report: CardReport | None = None) -> list[Card]:
    """Every card of the notes and every card the knowledge yields, each once, in note order."""
    report = report if report is not None else CardReport()
    catalog = Catalog.of(entities, knowledge)
    fact_topics: dict[tuple[str, int], list[str]] = {}
    for fact in knowledge.facts:
        for s in fact.sources:
            fact_topics.setdefault((s.note, s.first), fact.topics)
    cards: list[Card] = []
    card_lines: set[tuple[str, int]] = set()
    contexts: dict[tuple[str, int], LineContext] = {}
    for doc in docs:
        path: list[tuple[int, str]] = []
        previous: m.Block | None = None
        for block in doc.blocks:  # their heading ids set once, when the notes were read
            headings = tuple((lv, clean_heading(t)) for lv, t in path)
            lead, above = lead_in(previous), previous
            if block.kind not in ILLUSTRATIONS:  # a table of an example sits between its lead-in and its list
                previous = block
            if block.kind == m.HEADING:
                path = [(lv, t) for lv, t in path if lv < block.level] + [(block.level, block.text)]
            elif block.kind == m.LIST:
                lead_text = above.text if above is not None and above.kind == m.PARAGRAPH else ""
                contexts.update(list_contexts(doc.source, block, headings + lead, lead_text))
            elif block.kind == m.PARAGRAPH:
                contexts[(doc.source, block.span.first)] = LineContext(headings, (), one_line(card_text(block.text)))
            elif block.kind in (m.CARD, m.QUESTION):
                card_lines.update((doc.source, n) for n in block.span)
                card = imported_card(block, doc.source, heading_slugs(catalog, [t for _, t in path]),
                                     fact_topics.get((doc.source, block.span.first), []), catalog)
                if card is None:
                    report.skipped["imported card with no answer"] += 1
                    continue
                cards.append(card)
    cards += generated_cards(knowledge, card_lines, contexts, catalog, report)
    unique: dict[str, Card] = {}
    for card in cards:
        if card.id in unique:
            report.skipped["same front twice in one note"] += 1
            continue
        unique[card.id] = with_choices(card, catalog, report)
    out = list(unique.values())
    for card in out:
        (report.generated if card.generated else report.imported)[card.kind] += 1
        report.by_section[card.section or "other"] += 1
        report.choice += bool(card.options)
    return out

"""Cards written from facts: each generating kind of the registry (kinds.py) tried in order."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from .. import model as m
from ..knowledge import Fact, Knowledge, Source
from .context import (
    LineContext,
)
from .entities import Catalog
from .kinds import generating_kinds
from .model import Card, CardReport
from .text import card_id, card_text, one_line, weak_text
from .topics import card_topic
from .writers import NOT_PLAIN, Made


def generated_card(kind: str, made: Made, topics: list[str], source: str, catalog: Catalog) -> Card:
    answer = catalog.answer_entity(made.back) if made.names_answer else None
    topic = answer.slug if answer else card_topic(topics, catalog)
    section = catalog.entities[topic].section if topic else ""
    return Card(card_id(source.rsplit(":", 1)[0], made.front), made.front, made.back, kind, topic, section, source,
                made.options, made.answer, made.explain, generated=True)


def fact_line(fact: Fact, text: str, contexts: dict[tuple[str, int], LineContext]
              ) -> tuple[Source, LineContext | None]:
    """The source line a fact's wording comes from, with its context. A merged fact has the wording of one
    of its lines: the context of another would put the term under the wrong label."""
    for source in fact.sources:
        context = contexts.get((source.note, source.first))
        if context is not None and context.text == text:
            return source, context
    return fact.sources[0], None


def card_units(facts: list[Fact]) -> Iterator[Fact]:
    """Each fact, then each item of a list it introduces ("Input format:" and its items): a fact keeps
    its list whole on the topic page, but each item may make a card of its own."""
    for fact in facts:
        yield fact
        for block in getattr(fact, "extra", ()):
            for item in block.items if block.kind == m.LIST else ():
                first = fact.sources[0]
                source = replace(first, first=item.span.first, last=item.span.last)
                yield replace(fact, text=item.text, sources=[source], extra=())


def generated_cards(know: Knowledge, card_lines: set[tuple[str, int]],
                    contexts: dict[tuple[str, int], LineContext], catalog: Catalog,
                    report: CardReport) -> list[Card]:
    """A card from each fact that makes a good one: the first generating kind (cloze, term, true/false) that
    writes one."""
    out: list[Card] = []
    for fact in card_units(know.facts):
        if fact.kind != "fact" or not fact.sources or "\n" in fact.text.strip():
            continue
        if any((s.note, s.first) in card_lines for s in fact.sources):
            continue  # already a card in the notes
        if getattr(fact, "outdated", ()) or getattr(fact, "mistaken", ()) or \
                getattr(fact, "status", "") == "superseded":
            report.skipped["out of date or mistaken (the catalog or a newer note says what holds now)"] += 1
            continue  # a card would drill what is no longer so
        text = one_line(card_text(fact.text))
        if NOT_PLAIN.search(text):
            continue
        first, context = fact_line(fact, text, contexts)
        card, reason = remembered_card(text, context, first, fact.topics, catalog)
        if card:
            out.append(card)
        elif reason:
            report.skipped[reason] += 1  # the fact had a card's shape but would make a poor card
    return out


def remembered_card(text: str, context: LineContext | None, first: Source, topics: list[str],
                    catalog: Catalog) -> tuple[Card | None, str]:
    """fact_card, or, under serve, its outcome in the last build if nothing it read changed (memory.py)."""
    memory = catalog.choices
    if memory is None:
        return fact_card(text, context, first, topics, catalog)
    # Not the line: lines added above a fact move it, and its card only says where it is now.
    key = ("card", text, context, first.note, tuple(topics))
    card, reason = memory.recall(key, catalog, lambda: fact_card(text, context, first, topics, catalog))
    source = f"{first.note}:{first.first}"
    return (replace(card, source=source) if card is not None and card.source != source else card), reason


def fact_card(text: str, context: LineContext | None, first: Source, topics: list[str],
              catalog: Catalog) -> tuple[Card | None, str]:
    """The card of a fact's line: the first generating kind that writes a good one; else none, and why."""
    reasons = []
    for kind in generating_kinds():
        made, why = kind.generate(text, context, f"{first.note}\0{text}", catalog)
        why = why or (weak_text(made.front, made.back, made.explain) if made else "")
        if why:
            reasons.append(why if ":" in why[:12] else f"{kind.name}: {why}")
        elif made:
            return generated_card(kind.name, made, topics, f"{first.note}:{first.first}", catalog), ""
    return None, reasons[0] if reasons else ""

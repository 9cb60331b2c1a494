"""The cards as files: site/data/cards.json and Anki's plain-text import (cards.tsv)."""
from __future__ import annotations

import json

from ..catalog import SECTIONS, Entity
from ..domains import card_domains, card_tasks
from ..status import entity_status
from .kinds import kind_labels, kind_of
from .model import Card, CardReport

SECTION_NAMES = {**{key: title for key, (title, _) in SECTIONS.items()}, "": "Other"}


def cards_json(cards: list[Card], entities: tuple[Entity, ...] = (), report: CardReport | None = None,
               tags: dict[str, dict[str, str]] | None = None, urls: dict[str, str] | None = None) -> str:
    """site/data/cards.json: every card, the section names, the name of each topic a card is on, and the
    build's counts (cards by kind and section, facts skipped as too weak for a card). ``tags``: the exam
    tags of each topic (domains.topic_tags), giving each card its ``domain`` (exam code → domain id) and,
    where one task fits, its ``task``; a card on a renamed, closed or discontinued topic carries its ``status``.
    ``urls``: each topic's page, from the site root."""
    names = {e.slug: e.name for e in entities}
    by_slug = {e.slug: e for e in entities}  # only the statuses of these cards' topics: a topic's file has one
    statuses = {t: s.as_dict() for t in {c.topic for c in cards} if t in by_slug and (s := entity_status(by_slug[t]))}
    rows = []
    for c in cards:
        row = {"id": c.id, "front": c.front, "back": c.back, "kind": c.kind, "topic": c.topic,
               "section": c.section, "source": c.source}
        if c.options:
            row.update(options=list(c.options), answer=list(c.answer) if isinstance(c.answer, tuple) else c.answer)
        if c.image:
            row["image"] = c.image
        if c.explain:
            row["explain"] = c.explain
        if c.generated:
            row["generated"] = True
        if card_domains(c.topic, tags or {}):
            row.update(domain=card_domains(c.topic, tags or {}))
        if card_tasks(c.topic, tags or {}):
            row.update(task=card_tasks(c.topic, tags or {}))
        if c.topic in statuses:
            row["status"] = statuses[c.topic]
        rows.append(row)
    # Each topic's page (URL from the site root): the widgets link a card to it without loading topics.json.
    topics = {c.topic: {"name": names.get(c.topic, c.topic), "section": c.section,
                        **({"url": (urls or {})[c.topic]} if c.topic in (urls or {}) else {})}
              for c in cards if c.topic}
    used = [s for s in SECTION_NAMES if any(c.section == s for c in cards)]
    out = {"version": 1, "sections": {s: SECTION_NAMES[s] for s in used}, "kinds": kind_labels({c.kind for c in cards}),
           "topics": topics, "cards": rows}
    if report is not None:
        out["counts"] = report.as_dict()
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))  # fetched by pages: compact, and C-encoded


def tsv_field(text: str) -> str:
    """One Anki field: no tab, no line break (lines joined with ' · ')."""
    return " · ".join(x.strip() for x in text.replace("\t", " ").split("\n") if x.strip())


def cards_tsv(cards: list[Card]) -> str:
    """Anki's plain-text import format: front, back, tags, and the card id as the note's GUID."""
    lines = ["#separator:tab", "#html:false", "#notetype:Basic", "#deck:AWS ML Specialty", "#tags column:3",
             "#guid column:4"]
    for c in cards:
        kind = kind_of(c.kind)
        front, back = kind.tsv_fields(c) if kind else (c.front, c.back)
        if c.explain:
            back += "\n" + c.explain
        tags = " ".join(t for t in ("kb", c.section, c.topic, c.kind, "generated" if c.generated else "") if t)
        lines.append("\t".join((tsv_field(front), tsv_field(back), tags, "kb-" + c.id)))
    return "\n".join(lines) + "\n"

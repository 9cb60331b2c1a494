"""Multiple choice: three wrong answers of the answer's section and kind, none of them right too."""
from __future__ import annotations

import random
from dataclasses import asdict

from ..catalog import Entity
from ..knowledge import content_words
from ..matcher import is_acronym, norm
from .entities import ENTITY_PREFIX, FAMILY, Catalog, question_words
from .kinds import kind_of
from .model import Card, CardReport
from .text import ranked

MAX_CANDIDATES = 160  # distractor candidates looked at per card (the largest group in the bundled catalog has 145)


def distractors(card_key: str, answer: Entity, front: str, catalog: Catalog) -> list[Entity]:
    """chosen_distractors, or, under serve, those chosen by the last build from the same inputs (memory.py)."""
    memory = catalog.choices
    if memory is None:
        return chosen_distractors(card_key, answer, front, catalog)
    found = memory.recall(("choice", card_key, answer.slug, front), catalog,
                          lambda: tuple(e.slug for e in chosen_distractors(card_key, answer, front, catalog)))
    return [catalog.entities[slug] for slug in found]


def chosen_distractors(card_key: str, answer: Entity, front: str, catalog: Catalog) -> list[Entity]:
    """Three wrong answers of the same section and kind; none a name, kind or part of the answer, none in
    the question, none the knowledge says the question's words of (a second right answer). Rivals of the
    answer come first, then its other related topics, then the topics whose facts are most alike."""
    keys = catalog.keys[answer.slug]
    named = set(catalog.matcher.slugs_in(front))
    asked = question_words(front, answer, catalog)
    kind = catalog.kinds[answer.slug]
    pool = []
    for slug in candidate_slugs(card_key, answer, catalog):
        other = catalog.entities[slug]
        if other.slug == answer.slug or other.section != answer.section or catalog.kinds[other.slug] != kind:
            continue
        if other.slug in named or catalog.links.get((answer.slug, other.slug)) == "nested":
            continue
        other_keys = catalog.keys[other.slug]
        if other_keys & keys or any(a in b or b in a for a in keys for b in other_keys):
            continue  # a synonym, or a name inside the other (Kinesis / Kinesis Data Streams)
        if (content_words(other.name) - {"aws", "amazon"}) & asked:
            continue  # a name that echoes the question ('sensitive data') gives itself away or is right too
        if FAMILY.search(other.name) and not FAMILY.search(answer.name):
            continue  # DeepAR is one of the 'SageMaker built-in algorithms': that option would be right too
        if catalog.states(other.slug, asked, answer.slug):
            continue  # network ACLs and security groups both filter ports: two right options
        pool.append(other.slug)
    rank = {"rival": 0, "related": 1}
    order = ranked(card_key, pool)  # ties keep a fixed shuffled order
    order.sort(key=lambda s: (rank.get(catalog.links.get((answer.slug, s), ""), 2),
                              -catalog.alike(answer.slug, s)))
    return [catalog.entities[s] for s in order[:3]]


def candidate_slugs(card_key: str, answer: Entity, catalog: Catalog) -> list[str]:
    """The topics of the answer's section and kind that may become its distractors. A group larger than
    MAX_CANDIDATES gives the answer's related topics and a fixed sample of the rest (the same in every
    build), so a card costs the same however large the catalog grows."""
    group = catalog.groups[(answer.section, catalog.kinds[answer.slug])]
    if len(group) <= MAX_CANDIDATES:
        return group
    sample = random.Random(card_key).sample(group, MAX_CANDIDATES)
    return list(dict.fromkeys([*catalog.linked_to.get(answer.slug, ()), *sample]))


def with_choices(card: Card, catalog: Catalog, report: CardReport) -> Card:
    """A card whose answer is an entity, with four options (answer among three distractors)."""
    kind = kind_of(card.kind)
    if card.options or kind is None or not kind.choices:
        return card
    answer = catalog.answer_entity(card.back)
    if answer is None:
        return card
    wrong = distractors(card.id, answer, card.front, catalog)
    if len(wrong) < 3:
        report.skipped["no multiple choice: fewer than three distractors of the same kind"] += 1
        return card
    said = card.back.strip().rstrip(".")  # the note's own word for the answer (HDFS, not Apache Hadoop)
    names = ranked(card.id + "/options", [said, *(option_name(e, said) for e in wrong)])
    if len({norm(n) for n in names}) < len(names):
        return card  # two options would read the same
    return Card(**{**asdict(card), "options": tuple(names), "answer": names.index(said)})


def option_name(entity: Entity, like: str) -> str:
    """A distractor's name in the form of the answer's: no 'Amazon'/'AWS' when the answer has none, an
    acronym when the answer is one and the distractor has one."""
    if is_acronym(like):
        short = next((a for a in entity.aliases if is_acronym(a)), "")
        if short:
            return short
    if ENTITY_PREFIX.match(like) or not ENTITY_PREFIX.match(entity.name):
        return entity.name
    return ENTITY_PREFIX.sub("", entity.name)

"""Which exam domain and task each topic, fact and card serves, and how well each task is covered.

Pure functions over the tagging rules of ``exams.yaml``: a topic takes, for each exam, the target of
the first rule that matches it; a fact follows its first (most relevant) topic; a card follows its topic.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .exams import Blueprints, Rule

if TYPE_CHECKING:
    from .cards import Card
    from .catalog import Entity
    from .knowledge import Knowledge

Tags = dict[str, str]  # exam code → task id ("1.2") or domain id ("1")


def rule_matches(rule: Rule, entity: Entity) -> bool:
    if rule.slugs:
        return entity.slug in rule.slugs
    if rule.words:
        return bool(rule.words & set(entity.slug.split("-")))
    return entity.section == rule.section


def entity_tags(entity: Entity, rules: tuple[Rule, ...]) -> Tags:
    """For each exam the rules name, the target of the first rule that matches the entity."""
    tags: Tags = {}
    for rule in rules:
        if rule_matches(rule, entity):
            for code, target in rule.targets:
                tags.setdefault(code, target)
    return tags


def topic_tags(entities: tuple[Entity, ...], blueprints: Blueprints) -> dict[str, Tags]:
    """slug → tags, for every entity some rule matches."""
    out = {e.slug: entity_tags(e, blueprints.rules) for e in entities}
    return {slug: tags for slug, tags in out.items() if tags}


def domain_of(target: str) -> str:
    """The domain id of a task or domain id: '1.2' → '1'."""
    return target.split(".", 1)[0]


def card_domains(topic: str, tags: dict[str, Tags]) -> dict[str, str]:
    """A card's exam code → domain id map (empty when its topic serves no exam)."""
    return {code: domain_of(target) for code, target in tags.get(topic, {}).items()}


def card_tasks(topic: str, tags: dict[str, Tags]) -> dict[str, str]:
    """A card's exam code → task id map, for the exams where its topic has a single task."""
    return {code: target for code, target in tags.get(topic, {}).items() if "." in target}


@dataclass
class Cover:
    """What covers one domain or task: topic slugs (with a page), facts, cards, practice questions."""

    topics: list[str] = field(default_factory=list)
    facts: int = 0
    cards: int = 0
    questions: int = 0

    def counts(self) -> dict[str, int]:
        return {"topics": len(self.topics), "facts": self.facts, "cards": self.cards, "questions": self.questions}


def is_question(card: Card) -> bool:
    """A practice question of the notes (an exam-style multiple choice), not a flashcard."""
    return card.kind == "choice" and not card.generated


def coverage(blueprints: Blueprints, tags: dict[str, Tags], know: Knowledge, cards: list[Card],
             with_page: list[str]) -> dict[str, dict[str, Cover]]:
    """exam code → domain or task id → Cover. A task's counts also count towards its domain; a topic tagged
    with a domain only counts there."""
    out = {e.code: {i: Cover() for i in sorted(e.ids())} for e in blueprints.exams}

    def places(slug: str) -> list[tuple[dict[str, Cover], str]]:
        found = []
        for code, target in tags.get(slug, {}).items():
            ids = [target] if "." not in target else [target, domain_of(target)]
            found += [(out[code], i) for i in ids]
        return found

    for slug in with_page:
        for covers, i in places(slug):
            covers[i].topics.append(slug)
    for fact in know.facts:
        for covers, i in places(fact.topics[0] if fact.topics else ""):
            covers[i].facts += 1
    for card in cards:
        for covers, i in places(card.topic):
            covers[i].cards += 1
            covers[i].questions += is_question(card)
    return out


def coverage_counts(cover: dict[str, dict[str, Cover]]) -> dict[str, dict[str, dict[str, int]]]:
    """The counts of coverage() as plain data, for exams.json."""
    return {code: {i: c.counts() for i, c in by_id.items()} for code, by_id in cover.items()}


def tagged_share(cards: list[Card], tags: dict[str, Tags], code: str) -> tuple[int, int]:
    """(cards with a domain of exam ``code``, all cards)."""
    return sum(1 for c in cards if code in tags.get(c.topic, {})), len(cards)

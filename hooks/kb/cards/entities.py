"""The catalog as card building needs it: entities by any name, their kinds, how they relate."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..catalog import Entity
from ..knowledge import Knowledge, content_words
from ..matcher import Among, is_acronym, norm
from .memory import ChoiceMemory, choice_memory

# A catalog entry that is a whole family ('SageMaker built-in algorithms'): its members make it a right answer.
FAMILY = re.compile(r"\b(?:algorithms|services|models|techniques|methods|metrics|types|options|tools|projects|"
                    r"features|frameworks)$", re.IGNORECASE)
ENTITY_PREFIX = re.compile(r"^(?:amazon|aws)\s+", re.IGNORECASE)
# How two catalog entries relate: rivals make the best distractors; a kind, part, form or new name of the
# answer is never one (it may be right too).
RIVAL_HOW = re.compile(r"\b(?:alternative|contrast|compared|comparable|differs|sibling|opposite|inverse|"
                       r"not the same as|related anomaly)", re.IGNORECASE)
NESTED_HOW = re.compile(r"\b(?:kind|type|form|includes?|example|feature|part of|technique|strategy|implement\w*|"
                        r"replace\w*|successor|supersed\w*|renamed|formerly|now|same as|generalises|extend\w*|"
                        r"basis of|building block|stage of|achieved|deployment option|contains?|variant|alias)\b",
                        re.IGNORECASE)


def entity_kind(entity: Entity) -> str:
    """What sort of thing an entity is, so distractors are of the same sort."""
    given = getattr(entity, "kind", "")
    if given:
        return str(given)
    names = [entity.name, *entity.aliases]
    if any("sagemaker" in n.lower() for n in names) and norm(ENTITY_PREFIX.sub("", entity.name)) not in (
            "sagemaker", "sagemaker ai"):
        return "sagemaker-feature"
    if any(ENTITY_PREFIX.match(n) for n in names):
        return "product"
    return "idea"


def name_keys(entity: Entity) -> set[str]:
    return {norm(ENTITY_PREFIX.sub("", n)) for n in (entity.name, *entity.aliases)}


@dataclass
class Catalog:
    """The entities, looked up by any of their names, with what distractor choice needs precomputed."""

    entities: dict[str, Entity]
    matcher: Among  # the build's matcher, finding these entities only
    by_name: dict[str, str]
    with_page: set[str]
    words: dict[str, frozenset[str]]  # slug → content words of its facts
    keys: dict[str, set[str]]  # slug → its names, normalised
    kinds: dict[str, str]
    links: dict[tuple[str, str], str]  # (slug, slug) → 'rival' | 'nested' | 'related', read from either side
    groups: dict[tuple[str, str], list[str]]  # (section, kind) → slugs, in catalog order
    linked_to: dict[str, list[str]]  # slug → the slugs it has a link with, either side
    # slug → (content words, slugs named) of each fact on it
    claims: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = field(default_factory=dict)
    choices: ChoiceMemory | None = None  # under serve: the last build's distractors and cards (memory.py)
    reads: list[tuple[tuple, Any]] | None = None  # under serve, while a card is made: each (call, value) it read

    @classmethod
    def of(cls, entities: tuple[Entity, ...], knowledge: Knowledge) -> Catalog:
        by_name = {k: e.slug for e in entities for k in name_keys(e)}
        with_page = {slug for slug, facts in knowledge.by_topic.items() if facts}
        words = {slug: frozenset().union(*(f.words for f in facts)) for slug, facts in knowledge.by_topic.items()}
        hows: dict[tuple[str, str], list[str]] = {}
        for e in entities:
            for other, how in e.related:
                for pair in ((e.slug, other), (other, e.slug)):
                    hows.setdefault(pair, []).append(how)
        links = {pair: relation(found) for pair, found in hows.items()}
        kinds = {e.slug: entity_kind(e) for e in entities}
        groups: dict[tuple[str, str], list[str]] = {}
        for e in entities:
            groups.setdefault((e.section, kinds[e.slug]), []).append(e.slug)
        linked_to: dict[str, list[str]] = {}
        for a, b in hows:
            linked_to.setdefault(a, []).append(b)
        matcher = knowledge.matcher.among({e.slug for e in entities})  # the build's: no second one
        claims: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = {}
        for fact in knowledge.facts:  # what a fact says is said of its heading's topic and of what it names
            named = matcher.slugs_in(fact.text)
            claim = (stems(fact.words), frozenset(named))  # stemmed once here, not per distractor looked at
            for slug in dict.fromkeys(fact.topics[:1] + named):
                claims.setdefault(slug, []).append(claim)
        # what distractor choice reads of the catalog besides the facts: names, sections, relations, matcher
        basis = ([(e.slug, e.name, e.aliases, e.section, e.related) for e in entities],
                 [(part.folded, part.exact) for part in knowledge.matcher.parts])
        return cls({e.slug: e for e in entities}, matcher, by_name, with_page, words,
                   {e.slug: name_keys(e) for e in entities}, kinds, links, groups, linked_to, claims,
                   choice_memory(basis, words, claims))

    def answer_entity(self, answer: str) -> Entity | None:
        """The entity an answer names, when the answer is nothing but a name of it (its name, a shortened
        or former name, an acronym; not an API or feature name filed under it)."""
        key = norm(ENTITY_PREFIX.sub("", answer.strip().rstrip(".")))
        entity = self.entities.get(self.by_name.get(key, ""))
        if entity is None:
            return None
        name = set(norm(ENTITY_PREFIX.sub("", entity.name)).split())
        words = set(key.split())
        if is_acronym(answer.strip()) or len(words & name) * 2 >= max(len(words), len(name)):
            return entity
        return None

    def has_page(self, slug: str) -> bool:
        """Whether the topic has a page (facts of its own)."""
        return self.read(("has_page", slug), slug in self.with_page)

    def read(self, call: tuple, value: Any) -> Any:
        """``value``, what ``call`` (a method's name and arguments) gave; recorded while ``reads`` is set."""
        if self.reads is not None:
            self.reads.append((call, value))
        return value

    def states(self, slug: str, words: frozenset[str], answer: str) -> bool:
        """Whether a fact on the topic says what ``words`` (a question's content words, its answer's names
        removed) say: then that topic is a right answer too, never a distractor. A fact that names the
        answer is about the answer, and proves nothing of the other topic."""
        asked = stemmed(words) - key_stems(frozenset(self.keys.get(slug, ())))
        need = max(3, -(-len(asked) * 3 // 5))  # three fifths of the question's words, at least three
        return self.read(("states", slug, words, answer), len(asked) >= 3 and any(
            len(asked & claim) >= need for claim, named in self.claims.get(slug, ()) if answer not in named))

    def likeness(self, a: str, b: str) -> float:
        """How alike two topics are, by the words of their facts: alike topics make plausible distractors."""
        x, y = self.words.get(a, frozenset()), self.words.get(b, frozenset())
        return len(x & y) / len(x | y) if x and y else 0.0

    def alike(self, a: str, b: str) -> float:
        """likeness to two decimals, as distractors are ranked by it (a word more seldom changes it)."""
        return self.read(("alike", a, b), round(self.likeness(a, b), 2))


def stems(words: Iterable[str]) -> frozenset[str]:
    """Words without a plural or third-person 's', so 'filters' meets 'filter'."""
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)


@lru_cache(maxsize=4096)
def stemmed(words: frozenset[str]) -> frozenset[str]:
    """stems, kept: a question's words are weighed against every candidate distractor."""
    return stems(words)


@lru_cache(maxsize=4096)
def key_stems(keys: frozenset[str]) -> frozenset[str]:
    """The stemmed words of a topic's names."""
    return stems(w for k in keys for w in k.split())


def relation(hows: list[str]) -> str:
    """'rival', 'nested' or 'related' for how two entries relate (the catalog's 'how' words)."""
    if any(RIVAL_HOW.search(h) for h in hows):
        return "rival"
    return "nested" if any(NESTED_HOW.search(h) for h in hows) else "related"


def question_words(front: str, answer: Entity, catalog: Catalog) -> frozenset[str]:
    """The content words a question asks with: its front without the answer's names."""
    own = {w for k in catalog.keys[answer.slug] for w in k.split()}
    return frozenset(w for w in content_words(front) if w not in own)

"""From normalised documents to knowledge: facts attached to catalog topics.

A fact is one atomic piece of a note (a list item, a paragraph, a table row, a
card read as a statement). It is about the entities it names and the entities
of the heading it sits under. Near-identical facts from different notes are
merged into one fact that cites every source.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from . import model as m
from .catalog import Entity
from .inline import plain_text
from .matcher import Matcher
from .render import block_anchors

CLOZE = re.compile(r"_{3,}")
STOP = frozenset(
    "a an the and or of to in on for with by is are be can it its this that as at from you your "
    "we our they their which when what how use used using will into than then also only not".split()
)
TOKEN = re.compile(r"[a-z0-9]+")
NUMBER = re.compile(r"\d[\d,.]*\s*(?:%|[kKMGT]i?B|MB/s|KB|GB|TB|ms|s|sec|seconds?|minutes?|hours?|days?|years?|x)\b")
COMPARE = re.compile(r"\b(?:vs\.?|versus|compared|instead of|unlike|whereas|better than|rather than|differs?)\b", re.I)
TIP = re.compile(r"\b(?:exam|tip|remember|choose|pick|prefer|should|must|never|always|avoid|best practice)\b", re.I)
DEFINE = re.compile(r"^[^.]{0,80}?\b(?:is|are|was|were)\s+(?:a|an|the)\b|^[^:]{1,40}:\s", re.I)
GROUPS = ("What it is", "Limits and numbers", "How it is used", "How it compares", "Exam tips")
MIN_WORDS = 4  # content words a fact needs: a bare name or label is not knowledge
SIMILAR = 0.85  # share of the shorter fact's content words the other must contain to be the same fact


@dataclass(frozen=True)
class Source:
    note: str  # note path
    page: str  # site URL of the Sources page
    anchor: str
    first: int
    last: int

    @property
    def label(self) -> str:
        lines = f"{self.first}" if self.first == self.last else f"{self.first}–{self.last}"
        return f"{self.note}:{lines}"


@dataclass
class Fact:
    text: str  # Markdown-safe-to-sanitise note text
    sources: list[Source]
    topics: list[str]  # slugs, in order of relevance
    kind: str  # fact | card
    group: str = ""
    words: frozenset[str] = field(default_factory=frozenset)


@dataclass
class Attachment:
    """A diagram, formula or code block that belongs to a topic."""

    kind: str
    text: str
    lang: str
    source: Source


@dataclass
class Knowledge:
    entities: dict[str, Entity]
    facts: list[Fact]
    by_topic: dict[str, list[Fact]]
    attachments: dict[str, list[Attachment]]
    mentioned_on: dict[str, set[str]]  # slug → the notes that mention it
    formulas: list[tuple[Attachment, str]]  # every display formula, with the topic it sits under ('' if none)
    candidates: list[tuple[str, int]]  # uncatalogued headings, with how often they occur
    merged: int  # near-duplicate facts merged into another


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in TOKEN.findall(plain_text(text).lower()) if w not in STOP and len(w) > 1)


def card_statement(block: m.Block) -> str:
    """A card read as one statement: a cloze filled in, or 'front — back'."""
    back = " ".join(block.back.split("\n"))
    if block.card_kind == "cloze":
        answers = [a.strip() for a in re.split(r"\s+/\s+|\s*;\s*", back)]
        parts = CLOZE.split(block.front.split("\n")[0])
        if len(answers) == len(parts) - 1:
            filled = parts[0] + "".join(f"**{a}**{rest}" for a, rest in zip(answers, parts[1:], strict=True))
            rest = block.front.split("\n")[1:]
            return "\n".join([filled, *rest])
    front = " ".join(block.front.split("\n"))
    return f"{front} — {back}"


def group_of(text: str, first: bool) -> str:
    words = plain_text(text)
    if COMPARE.search(words):
        return "How it compares"
    if TIP.search(words):
        return "Exam tips"
    if NUMBER.search(words):
        return "Limits and numbers"
    if first or DEFINE.search(words):
        return "What it is"
    return "How it is used"


def block_facts(block: m.Block, matcher: Matcher, lead_in: str = "") -> list[tuple[str, m.Span, str, list[str]]]:
    """(text, span, kind, context slugs) of each fact in a block; lead_in is a paragraph ending in ':'
    just before it, whose entities the block is about."""
    if block.kind == m.PARAGRAPH:
        return [(block.text, block.span, "fact", [])] if len(block.text.split()) >= 3 else []
    if block.kind == m.LIST:
        return list_facts(block, matcher, lead_in)
    if block.kind == m.TABLE and len(block.rows) > 1:
        header = block.rows[0]
        return [("; ".join(f"{h}: {c}" for h, c in zip(header, row, strict=False) if c), block.span, "fact", [])
                for row in block.rows[1:]]
    if block.kind == m.CARD:
        return [(card_statement(block), block.span, "card", [])]
    if block.kind in (m.QUOTE, m.CALLOUT):
        return [(block.text, block.span, "fact", [])]
    return []


def list_facts(block: m.Block, matcher: Matcher, lead_in: str) -> list[tuple[str, m.Span, str, list[str]]]:
    """Each item is a fact about what it names and what the items above it name.

    An item too thin to stand alone (a bare name or label) passes its entities down to
    the items nested under it; bare items with nothing under them are gathered into
    one fact, introduced by the lead-in: "Supported formats: CSV, libsvm"."""
    items = block.items
    context_of_list = matcher.slugs_in(plain_text(lead_in)) if lead_in else []
    out, labels, ancestors = [], [], []  # ancestors: (depth, slugs)
    for n, item in enumerate(items):
        while ancestors and ancestors[-1][0] >= item.depth:
            ancestors.pop()
        inherited = context_of_list + [s for _, slugs in ancestors for s in slugs]
        has_children = n + 1 < len(items) and items[n + 1].depth > item.depth
        if len(content_words(item.text)) >= MIN_WORDS:
            out.append((item.text, item.span, "fact", inherited))
        elif not has_children:
            labels.append(item)
        ancestors.append((item.depth, matcher.slugs_in(plain_text(item.text))))
        out += [(x.text, x.span, "fact", inherited) for x in item.extra if x.kind == m.PARAGRAPH]
    if labels:
        head = plain_text(lead_in).rstrip(": ") + ": " if lead_in else ""
        text = head + ", ".join(plain_text(x.text).rstrip(".;,") for x in labels)
        span = m.Span(labels[0].span.first, labels[-1].span.last)
        out.append((text, span, "fact", context_of_list))
    return out


def attachments_of(block: m.Block) -> list[m.Block]:
    found = [block] if block.kind in (m.DIAGRAM, m.FORMULA) else []
    for item in block.items:
        found += [x for x in item.extra if x.kind in (m.DIAGRAM, m.FORMULA)]
    return found


def heading_topics(matcher: Matcher, path: list[str]) -> list[str]:
    """Entities of the deepest heading above a block that names any."""
    for heading in reversed(path):
        slugs = matcher.slugs_in(heading)
        if slugs:
            return slugs[:1]
    return []


def build_knowledge(docs: list[m.Document], pages: dict[str, str], entities: tuple[Entity, ...]) -> Knowledge:
    """docs, the Sources page URL of each note, and the catalog → Knowledge."""
    by_slug = {e.slug: e for e in entities}
    matcher = Matcher({name: e.slug for e in entities for name in (e.name, *e.aliases)})
    facts: list[Fact] = []
    attachments: dict[str, list[Attachment]] = defaultdict(list)
    mentioned_on: dict[str, set[str]] = defaultdict(set)
    headings: Counter[str] = Counter()
    formulas: list[tuple[Attachment, str]] = []
    for doc in docs:
        page = pages[doc.source]
        path: list[str] = []
        levels: list[int] = []
        previous: m.Block | None = None
        for block, anchor in block_anchors(doc):
            if block.kind == m.HEADING:
                while levels and levels[-1] >= block.level:
                    levels.pop()
                    path.pop()
                levels.append(block.level)
                path.append(block.text)
                if not matcher.slugs_in(block.text) and block.level > 1:
                    headings[plain_text(block.text).strip(" :")] += 1
                previous = None
                continue
            context = heading_topics(matcher, path)
            source_of = lambda span, a=anchor, note=doc.source, url=page: Source(note, url, a, span.first, span.last)  # noqa: E731
            lead_in = previous.text if previous is not None and previous.kind == m.PARAGRAPH \
                and previous.text.rstrip().endswith(":") else ""
            previous = block
            for text, span, kind, inherited in block_facts(block, matcher, lead_in):
                named = matcher.slugs_in(plain_text(text))
                topics = list(dict.fromkeys(inherited + context + named))
                for slug in named:
                    mentioned_on[slug].add(doc.source)
                if topics and len(content_words(text)) >= MIN_WORDS:
                    facts.append(Fact(text, [source_of(span)], topics, kind, words=content_words(text)))
            for att in attachments_of(block):
                if att.kind == m.FORMULA:
                    formulas.append((Attachment(att.kind, att.text, att.lang, source_of(att.span)),
                                     context[0] if context else ""))
                named = matcher.slugs_in(att.text) if att.kind == m.DIAGRAM else []
                for slug in list(dict.fromkeys(context + named))[:3]:
                    attachments[slug].append(Attachment(att.kind, att.text, att.lang, source_of(att.span)))
    facts, merged = merge_duplicates(facts)
    by_topic: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        for slug in fact.topics:
            by_topic[slug].append(fact)
    for items in by_topic.values():
        for n, fact in enumerate(items):
            if not fact.group:
                fact.group = group_of(fact.text, n == 0)
    candidates = sorted(((h, c) for h, c in headings.items() if len(h) > 2), key=lambda x: (-x[1], x[0].lower()))
    return Knowledge(by_slug, facts, dict(by_topic), dict(attachments), dict(mentioned_on), formulas,
                     candidates, merged)


def merge_duplicates(facts: list[Fact]) -> tuple[list[Fact], int]:
    """Merge facts whose content words are nearly the same; the merged fact cites every source.

    Each fact is indexed under its three rarest words and looked up through all of its
    words, so a twin is found even when one wording adds a name, at near-linear cost."""
    frequency: Counter[str] = Counter(w for f in facts for w in f.words)
    index: dict[str, list[Fact]] = defaultdict(list)
    kept: list[Fact] = []
    merged = 0
    for fact in facts:
        candidates = {id(f): f for w in fact.words for f in index.get(w, ())}
        twin = next((f for f in candidates.values() if same_fact(f.words, fact.words)), None)
        if twin is None:
            for word in sorted(fact.words, key=lambda w: (frequency[w], w))[:3]:
                index[word].append(fact)
            kept.append(fact)
            continue
        if len(fact.words) > len(twin.words):  # keep the fuller wording
            twin.text, twin.words = fact.text, fact.words
        twin.sources.extend(s for s in fact.sources if s not in twin.sources)
        twin.topics.extend(t for t in fact.topics if t not in twin.topics)
        merged += 1
    return kept, merged


def same_fact(a: frozenset[str], b: frozenset[str]) -> bool:
    """Nearly the same content words: one is (almost) contained in the other, and not much shorter."""
    small, large = sorted((len(a), len(b)))
    if not small or small / large < 0.6:
        return False
    return len(a & b) / small >= SIMILAR

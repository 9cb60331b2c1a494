"""Self-test cards: every card the readers found, plus cards written from the knowledge.

Imported cards come from card and question blocks. Generated cards come from facts:
a cloze from a definitional sentence ("X is a ..."), a term card from a ``Term:
definition`` list item, a true/false card from a sentence stating a rule. A fact that
would make a poor card is skipped and counted. A card whose answer is a catalog
entity becomes a multiple-choice question with three distractors of the same
section and kind, never a name of the answer itself.

Card text is plain text (Markdown marks removed, nothing else): the browser sets it
as ``textContent``, so a card can never run anything.
"""
from __future__ import annotations

import hashlib
import json
import posixpath
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from html import escape
from urllib.parse import quote, unquote

from . import model as m
from .catalog import SECTIONS, Entity
from .domains import card_domains, card_tasks
from .inline import SAFE_TAGS, wikilink_text
from .knowledge import Fact, Knowledge, Source, content_words
from .maker import Maker, listed
from .matcher import Matcher, is_acronym, norm
from .page_meta import front_matter
from .render import block_anchors
from .status import entity_status

PAGE = "practice.md"
DATA = {"json": "data/cards.json", "tsv": "data/cards.tsv", "apkg": "data/cards.apkg"}
BLANK = "_____"
MAX_CANDIDATES = 160  # distractor candidates looked at per card (the largest group in the bundled catalog has 145)
KINDS = ("cloze", "question", "truefalse", "term", "list", "choice")
SECTION_NAMES = {**{key: title for key, (title, _) in SECTIONS.items()}, "": "Other"}

# Markdown marks that are formatting, not content: removed from card text.
LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
STRONG = re.compile(r"(\*\*|(?<!_)__)(?=[^\s_])(.+?)(?<=[^\s_])\1(?!_)")  # never a cloze blank (_____)
EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
CODE = re.compile(r"(`+)(.+?)\1")
# A formatting tag pair with no attributes (<b>x</b>) is dropped; any other tag stays, as text.
FORMAT_PAIR = re.compile(r"<(" + "|".join(sorted(SAFE_TAGS - {"br"})) + r")>(.*?)</\1>", re.IGNORECASE)
LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
ATTR_LIST = re.compile(r"\s*\{\s*[:.#][^}\n]*\}\s*$")
BULLET = re.compile(r"^\s*(?:[-*+•])\s+")
IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
QUESTION_NUMBER = re.compile(r"^(?:\*\*)?(?:q(?:uestion)?\s*)?#?\d{1,4}\s*(?:[.:)]|\s[-—–])(?:\*\*)?\s+(?=\S)",
                             re.IGNORECASE)
OPTION_LETTER = re.compile(r"^\(?[A-Ha-h][.):]\s+")
TF_PREFIX = re.compile(r"^T\s*/\s*F\s*[:.-]\s*", re.IGNORECASE)
TRUTH = re.compile(r"^(true|false)\b", re.IGNORECASE)
WS = re.compile(r"[ \t]+")

# Generated cards: what a fact must look like, and what makes it too weak.
DEFINES = re.compile(r"^\s*(?:\([^)]{1,40}\)\s*)?,?\s*(?:is|are)\s+(?:a|an|the|one of the)\s+\S", re.IGNORECASE)
TERM_DEF = re.compile(r"^([^:;]{2,60}?)\s*:\s+(\S.*)$")
SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\bvs)(?<!\betc)[.!?](?=\s+[A-Z(]|$)")
RULE = re.compile(r"\b(?:must not|must|cannot|can't|can only|never|does not support|do not support|is not|are not)\b",
                  re.IGNORECASE)
NOT_SELF_CONTAINED = re.compile(
    r"^(?:it|its|this|that|these|those|they|them|their|here|there|also|but|and|or|so|then|otherwise|however|"
    r"because|both|either|such|which|see|e\.g|i\.e|note|always|never|use|choose|pick|prefer|avoid|remember|do|don't|"
    r"make|set|keep|turn|enable|create)\b",
    re.IGNORECASE,
)
GENERIC_TERMS = frozenset((
    "note", "notes", "tip", "tips", "example", "examples", "important", "remember", "warning", "caution", "why",
    "answer", "question", "q", "a", "see also", "source", "sources", "summary", "key point", "bottom line",
    "watch out", "gotcha", "trap", "result", "outcome", "reason", "in short", "also", "update", "edit", "exam tip",
    "exam tips", "hint", "e.g", "i.e", "why it matters", "takeaway",
))
STEP = re.compile(r"^(?:step|stage|phase|part|option|rule|q|a)\s*\d+$", re.IGNORECASE)
NOT_PLAIN = re.compile(r"\$|https?://|\\[a-z]+|\|")  # maths, URLs, table pipes: not card text
MIN_WORDS, MAX_WORDS = 6, 45
META = re.compile(r"\b(?:seeds?|source notes?|the source|the notes? (?:say|said|says|gave|give)|repository stats|"
                  r"this repo(?:sitory)?)\b", re.IGNORECASE)
MESSY = re.compile(r"\.[(.)]|\(\s*\)|\s[,.]|\?\.")  # '.(', '..', ' ,': text a person would not write
PAREN = re.compile(r"^\s*\(([^)]{1,40})\)")
GENERIC_WORD = re.compile(r"\b(?:example|e\.g|correction|caveat|tip|note|warning|summary|worked)\b", re.IGNORECASE)
VERB = re.compile(r" (?:is|are|was|were|can|cannot|can't|must|does|do|don't|doesn't|has|have|will|should|goes|go) ",
                  re.IGNORECASE)
IMPERATIVE = re.compile(r"^(?:not|no|only|also|draw|read|review|learn|know|practi[cs]e|study|memori[sz]e|revise|"
                        r"check|remember|understand|compare|watch|list|write|run|try|use|avoid|make|set|turn|enable|pick|choose)\b",
                        re.IGNORECASE)
QUESTION_HEADING = re.compile(r"^(?:why|how|when|what|which|where|who)\b", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r"[,;:—–(]| - ")  # after the rule word: flipping would contradict what follows
NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]?|[A-Z][.)])\s+")
TAG = re.compile(r"(?<![\w&/])#[A-Za-z][\w/-]*")  # Obsidian tags in headings (#exam-tip): not words
# Labels that name a facet of what they sit under, not a term: "Batch ETL pipeline: Storage" asks nothing.
FACET = re.compile(
    r"^(?:(?:key |main |the )?(?:pros?|cons?|advantages?|disadvantages?|benefits?|drawbacks?|limitations?|"
    r"trade-?offs?|use cases?|uses?|usage|best (?:for|practices?)|good for|ideal for|works best with|when(?: to use)?|"
    r"when not to use|why(?: it \w+)?|what|how|problem|solution|issue|fix|action|effect|result|outcome|output|input|"
    r"requires?|detects?|measures?|provides?|supports?|indicates?|means|range|default|interpretation|integration|features?|"
    r"cost|pricing|price|speed|performance|latency|scale|scalability|sensitivity|storage|compute|processing|"
    r"training|inference|deployment|security|compliance|monitoring|metrics?|algorithms?|aws algorithms|"
    r"sagemaker(?: integration)?|aws services?|services?|tools?|approach|method|technique|strategy|"
    r"recommendation|recommended|other|others|misc|types?|options?|examples?|configuration|setup|"
    r"simple approach|better way|last resort|most \w+ \w+|goal|objective|units?|[xy]-axis|"
    r"quality control|workflows?|considerations?|points?|notes?|context|background|overview|summary))$",
    re.IGNORECASE)
# An answer that leans on the text around it ("configurable, same as before").
LEANS = re.compile(r"\b(?:same as (?:before|above)|as (?:above|below|before|mentioned)|see (?:above|below)|"
                   r"the (?:above|former|latter)|mentioned (?:above|before)|covered in)\b", re.IGNORECASE)
# A heading or enclosing item that introduces a worked example: the items under it are its numbers, not terms.
EXAMPLE = re.compile(r"\b(?:examples?|e\.g|scenarios?|walkthrough|worked|case study|sample|use cases?|patterns?)\b",
                     re.IGNORECASE)
LABEL_DASH = re.compile(r"\s[-–—]\s")  # '**ml.inf1** - AWS Inferentia chips': the label is before the dash
# A catalog entry that is a whole family ('SageMaker built-in algorithms'): its members make it a right answer.
FAMILY = re.compile(r"\b(?:algorithms|services|models|techniques|methods|metrics|types|options|tools|projects|"
                    r"features|frameworks)$", re.IGNORECASE)
COMPARISON = re.compile(r"\s(?:vs\.?|versus)\s", re.IGNORECASE)
TERM_TAIL = re.compile(r"\b(?:for|to|of|with|by|in|on|at|from|the|a|an|and|or|is|are|as|than|means?|called)$|[\"“”]",
                       re.IGNORECASE)
# Text a person would not write on a card: a Q/A marker, a template, a tag, an ellipsis, a dangling pronoun.
GARBLED = re.compile(r"(?:^|\s)(?:Q|A|Question|Answer)\s*[:.)](?:\s|$)|\{[^}\n]*\}|\[\s*\]|\.\.\.|…|"
                     r"(?<![\w&/])#[A-Za-z]|^[^\w\"“(]|^[^,]{1,50}, (?:it|they|this) (?:is|are|was|can)\b",
                     re.IGNORECASE)
PAIRS = ("()", "[]", "“”")
OPEN_LIST = re.compile(r"^[^.]*,[^.]*,\s*etc\.?$", re.IGNORECASE)  # 'Free, used, cached, etc.'
DANGLING = re.compile(r"\b(?:this|these|those|it|they)\b", re.IGNORECASE)  # '_____ is an option, but this …'
STUDY_ADVICE = re.compile(r"^(?:know|remember|understand|learn|review|study|memori[sz]e)\b", re.IGNORECASE)
IDEAS = "concepts"  # the catalog section of ML ideas, which a product's notes file under the product
LEAD_LEVEL = 9  # a lead-in paragraph sits below every heading
ILLUSTRATIONS = frozenset((m.CODE, m.DIAGRAM, m.FORMULA, m.TREE))
ENTITY_PREFIX = re.compile(r"^(?:amazon|aws)\s+", re.IGNORECASE)
# How two catalog entries relate: rivals make the best distractors; a kind, part, form or new name of the
# answer is never one (it may be right too).
RIVAL_HOW = re.compile(r"\b(?:alternative|contrast|compared|comparable|differs|sibling|opposite|inverse|"
                       r"not the same as|related anomaly)", re.IGNORECASE)
NESTED_HOW = re.compile(r"\b(?:kind|type|form|includes?|example|feature|part of|technique|strategy|implement\w*|"
                        r"replace\w*|successor|supersed\w*|renamed|formerly|now|same as|generalises|extend\w*|"
                        r"basis of|building block|stage of|achieved|deployment option|contains?|variant|alias)\b",
                        re.IGNORECASE)
# Rule words and their opposite: a statement with one of them, flipped, is a false statement.
FLIPS = (
    (re.compile(r"\bmust not\b"), "must"),
    (re.compile(r"\bcannot\b"), "can"),
    (re.compile(r"\bdoes not support\b"), "supports"),
    (re.compile(r"\bdo not support\b"), "support"),
    (re.compile(r"\bis not\b"), "is"),
    (re.compile(r"\bare not\b"), "are"),
    (re.compile(r"\bnever\b"), "always"),
    (re.compile(r"\bmust\b(?! not)"), "need not"),
)


@dataclass(frozen=True)
class Card:
    id: str
    front: str
    back: str
    kind: str  # cloze, question, truefalse, term, list, choice
    topic: str  # entity slug; '' when the card names none
    section: str
    source: str  # 'note:line'
    options: tuple[str, ...] = ()  # multiple-choice options, the answer among them
    answer: int | tuple[int, ...] = -1  # index of the right option; the indexes when several are right
    explain: str = ""  # why the answer is right (practice questions, flipped rules)
    generated: bool = False
    image: str = ""  # a practice question's image, as served in the site (media/…)


@dataclass
class CardReport:
    imported: Counter[str] = field(default_factory=Counter)  # by kind
    generated: Counter[str] = field(default_factory=Counter)
    by_section: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)  # reason → count
    choice: int = 0  # cards with options

    def as_dict(self) -> dict:
        return {"imported": dict(self.imported), "generated": dict(self.generated),
                "by_section": dict(self.by_section), "skipped": dict(self.skipped), "multiple_choice": self.choice}


# -- card text ------------------------------------------------------------------

def card_text(text: str) -> str:
    """Note text as a card shows it: Markdown marks gone, line breaks kept, everything else literal."""
    lines = []
    for line in LINE_BREAK.sub("\n", text.replace("\r", "")).split("\n"):
        line = wikilink_text(line)
        line = LINK.sub(r"\1", line)
        line = CODE.sub(r"\2", line)
        line = STRONG.sub(r"\2", line)
        line = EMPHASIS.sub(r"\1", line)
        line = FORMAT_PAIR.sub(r"\2", line)
        line = ATTR_LIST.sub("", line)
        line = BULLET.sub("• ", line)
        line = WS.sub(" ", line).strip()
        if line:
            lines.append(line)
    return "\n".join(lines)


def one_line(text: str) -> str:
    return " ".join(text.split())


def card_id(source: str, front: str) -> str:
    """Stable across builds: the note and the wording of the front, never a line number."""
    key = source + "\0" + " ".join(front.lower().split())
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def ranked(seed: str, items: list[str]) -> list[str]:
    """A fixed pseudo-random order of items for this seed (the same in every build)."""
    return sorted(items, key=lambda x: hashlib.sha256(f"{seed}\0{x}".encode()).hexdigest())


# -- entities -------------------------------------------------------------------

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
    matcher: Matcher
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

    @classmethod
    def of(cls, entities: tuple[Entity, ...], knowledge: Knowledge) -> Catalog:
        names = {name: e.slug for e in entities for name in (e.name, *e.aliases)}
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
        matcher = Matcher(names)
        claims: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = {}
        for fact in knowledge.facts:  # what a fact says is said of its heading's topic and of what it names
            named = matcher.slugs_in(fact.text)
            for slug in dict.fromkeys(fact.topics[:1] + named):
                claims.setdefault(slug, []).append((fact.words, frozenset(named)))
        return cls({e.slug: e for e in entities}, matcher, by_name, with_page, words,
                   {e.slug: name_keys(e) for e in entities}, kinds, links, groups, linked_to, claims)

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

    def states(self, slug: str, words: frozenset[str], answer: str) -> bool:
        """Whether a fact on the topic says what ``words`` (a question's content words, its answer's names
        removed) say: then that topic is a right answer too, never a distractor. A fact that names the
        answer is about the answer, and proves nothing of the other topic."""
        own = stems(w for k in self.keys.get(slug, ()) for w in k.split())
        asked = stems(words) - own
        need = max(3, -(-len(asked) * 3 // 5))  # three fifths of the question's words, at least three
        return len(asked) >= 3 and any(len(asked & stems(claim)) >= need
                                       for claim, named in self.claims.get(slug, ()) if answer not in named)

    def likeness(self, a: str, b: str) -> float:
        """How alike two topics are, by the words of their facts: alike topics make plausible distractors."""
        x, y = self.words.get(a, frozenset()), self.words.get(b, frozenset())
        return len(x & y) / len(x | y) if x and y else 0.0


def stems(words: Iterable[str]) -> frozenset[str]:
    """Words without a plural or third-person 's', so 'filters' meets 'filter'."""
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)


def relation(hows: list[str]) -> str:
    """'rival', 'nested' or 'related' for how two entries relate (the catalog's 'how' words)."""
    if any(RIVAL_HOW.search(h) for h in hows):
        return "rival"
    return "nested" if any(NESTED_HOW.search(h) for h in hows) else "related"


def question_words(front: str, answer: Entity, catalog: Catalog) -> frozenset[str]:
    """The content words a question asks with: its front without the answer's names."""
    own = {w for k in catalog.keys[answer.slug] for w in k.split()}
    return frozenset(w for w in content_words(front) if w not in own)


def distractors(card_key: str, answer: Entity, front: str, catalog: Catalog) -> list[Entity]:
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
                              -round(catalog.likeness(answer.slug, s), 2)))
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
    if card.options or card.kind not in ("cloze", "term", "question"):
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


# -- topics ---------------------------------------------------------------------

def card_topic(candidates: list[str], catalog: Catalog) -> str:
    """The first candidate with a topic page, else the first candidate at all."""
    known = [s for s in dict.fromkeys(candidates) if s in catalog.entities]
    return next((s for s in known if s in catalog.with_page), known[0] if known else "")


def heading_slugs(catalog: Catalog, path: list[str]) -> list[str]:
    for heading in reversed(path):
        slugs = catalog.matcher.slugs_in(heading)
        if slugs:
            return slugs[:1]
    return []


# -- imported cards -------------------------------------------------------------

def imported_card(block: m.Block, source: str, context: list[str], fact_topics: list[str],
                  catalog: Catalog) -> Card | None:
    front, back = card_text(block.front), card_text(block.back)
    kind = block.card_kind if block.card_kind in KINDS else "question"
    options: tuple[str, ...] = ()
    answer: int | tuple[int, ...] = -1
    explain, image = "", ""
    if block.kind == m.QUESTION:
        front = question_front(block)
        options = tuple(OPTION_LETTER.sub("", one_line(card_text(i.text))) for i in block.items)
        right = tuple(n for n, i in enumerate(block.items) if i.checked)
        answer = right[0] if len(right) == 1 else right
        kind, explain, image = "choice", back, media_path(source, block.image)
        back = "\n".join(options[n] for n in right)
    elif kind == "list" and "\n" in front and "\n" not in back:
        front, back = back, front  # the items were written first and their label last: ask for the items
    elif kind == "truefalse":
        front = "True or false: " + TF_PREFIX.sub("", front)
        truth = TRUTH.match(back)
        if truth:
            options, answer = ("True", "False"), 0 if truth.group(1).lower() == "true" else 1
    if not front or not back or back == "(no answer given)":
        return None
    entity = catalog.answer_entity(back) if "\n" not in back else None
    named = catalog.matcher.slugs_in(front) + catalog.matcher.slugs_in(back)  # apart: a name may span a line break
    topic = card_topic(([entity.slug] if entity else []) + fact_topics + named + context, catalog)
    section = catalog.entities[topic].section if topic else ""
    return Card(card_id(source, front), front, back, kind, topic, section, f"{source}:{block.span.first}",
                options, answer, explain, image=image)


def question_front(block: m.Block) -> str:
    """A question as its card asks it: the stem's words (its number and images left out), then the
    text of any code or table it shows."""
    parts = [QUESTION_NUMBER.sub("", block.front.strip(), count=1)]
    for extra in block.stem:
        if extra.kind == m.TABLE:
            parts.append("\n".join(" | ".join(row) for row in extra.rows))
        elif extra.kind == m.LIST:
            parts.append("\n".join("- " + i.text for i in extra.items))
        elif extra.kind == m.CALLOUT:
            parts.append("\n".join(x for x in (extra.title, extra.text) if x))
        else:
            parts.append(extra.text)
    return card_text("\n".join(IMAGE.sub("", x) for x in parts if x.strip()))


def media_path(source: str, path: str) -> str:
    """Where the site serves an image a note names (media/<path from the notes folder>); '' when the
    path leaves the notes folder or is not a file path."""
    path = unquote(path.split("#", 1)[0].split("?", 1)[0]).strip()
    if not path or path.startswith("/") or "\\" in path:
        return ""
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
    return "" if joined.startswith("..") or joined == "." else "media/" + joined


# -- generated cards ------------------------------------------------------------

@dataclass(frozen=True)
class Made:
    front: str
    back: str
    explain: str = ""


def sentence_ends(text: str) -> list[int]:
    """Where each sentence of text ends (the text is taken to end one)."""
    ends = [x.end() for x in SENTENCE_END.finditer(text)]
    return ends if ends and ends[-1] >= len(text.rstrip()) else [*ends, len(text.rstrip())]


def finish(text: str) -> str:
    text = text.strip().rstrip(",;")
    return text if text.endswith((".", "!", "?")) else text + "."


def weak_text(*parts: str) -> str:
    """Why a card's text (its front, back, explanation) cannot be a card's text at all ('' if it can)."""
    text = " ".join(p for p in parts if p)
    if META.search(text):
        return "about the notes themselves (a correction, the seed)"
    if MESSY.search(text):
        return "broken punctuation"
    if text.rstrip().endswith(":"):
        return "introduces a list that is not part of it"
    if LEANS.search(text):
        return "leans on the text around it (same as above)"
    if GARBLED.search(text) or not all(balanced(p) for p in parts) or \
            any(unicodedata.category(c) == "So" for c in text):
        return "garbled text (a Q/A marker, a tag, a template, an ellipsis, an unclosed bracket)"
    return ""


def balanced(text: str) -> bool:
    """Every bracket and curly quote closed, in order."""
    for opening, closing in PAIRS:
        depth = 0
        for c in text:
            depth += (c == opening) - (c == closing)
            if depth < 0:
                return False
        if depth:
            return False
    return text.count('"') % 2 == 0


@dataclass(frozen=True)
class LineContext:
    """Where a fact's line sits: the headings above it and, for a list item, the labels of the items
    it is nested under (outermost first)."""

    headings: tuple[tuple[int, str], ...]  # (level, heading text as card text)
    parents: tuple[str, ...] = ()  # labels of the enclosing items ('Input format' of '- Input format:')
    text: str = ""  # the line's own text as a card shows it: a merged fact's other wording is not this line
    item: bool = False
    example: bool = False  # inside a worked example (a heading or an enclosing item says so)


def clean_heading(text: str) -> str:
    """A heading as card text: no numbering, tags or pictographs ('2.3 KNN #exam-tip 📊' → 'KNN')."""
    words = TAG.sub("", one_line(card_text(text)))
    words = "".join(c for c in words if unicodedata.category(c) != "So" and c not in "\ufe0f\u200d")
    return " ".join(NUMBERING.sub("", words).split()).strip(" :.-")


def heading_context(text: str) -> str:
    """A heading as the context of a term ('2.3 XGBoost hyperparameters:' → 'XGBoost hyperparameters')."""
    words = clean_heading(text)
    if ":" in words:  # 'Networking: VPC basics' → 'VPC basics'
        words = words.rsplit(":", 1)[1].strip()
    return words if 0 < len(words.split()) <= 6 else ""


def item_label(text: str) -> str:
    """The label an item gives the items under it: 'Input format:' and 'MXNet: uses SSD' give 'Input format'
    and 'MXNet'; a sentence gives none."""
    line = one_line(card_text(text)).rstrip(" :")
    found = TERM_DEF.match(line)
    label = LABEL_DASH.split(found.group(1).strip() if found else line, 1)[0]  # 'A/B testing - Comparison …'
    if not 0 < len(label.split()) <= 4 or VERB.search(f" {label} ") or GARBLED.search(label) \
            or NOT_SELF_CONTAINED.match(label):
        return ""
    return label


def list_contexts(source: str, block: m.Block, headings: tuple[tuple[int, str], ...], lead: str = ""
                  ) -> dict[tuple[str, int], LineContext]:
    """The context of each item of a list: its headings and the labels of the items it is nested under
    (``lead``: the paragraph just above the list, which may introduce it as an example)."""
    out = {}
    stack: list[tuple[int, str, bool]] = []  # (depth, label, introduces an example) of the items above
    in_example = any(EXAMPLE.search(h) for h in (*(h for _, h in headings[-1:]), lead))
    for item in block.items:
        while stack and stack[-1][0] >= item.depth:
            stack.pop()
        parents = tuple(label for _, label, _ in stack if label)
        example = in_example or any(x for _, _, x in stack)
        out[(source, item.span.first)] = LineContext(headings, parents, one_line(card_text(item.text)), True,
                                                     example)
        stack.append((item.depth, item_label(item.text), bool(EXAMPLE.search(item.text))))
    return out


def names_subject(text: str, catalog: Catalog) -> bool:
    """Whether a label names a topic a card can be about: a bare plural ('Hyperparameters', under some
    algorithm) or a family ('SageMaker built-in algorithms') is not the subject."""
    return any(not (x.text == text.strip() and " " not in x.text and x.text.endswith("s"))
               and not FAMILY.search(catalog.entities[x.slug].name) and not umbrella(catalog.entities[x.slug])
               for x in catalog.matcher.find(text))


def umbrella(entity: Entity) -> bool:
    """SageMaker as a whole: under it, a hyperparameter or an instance type could belong to anything."""
    return norm(ENTITY_PREFIX.sub("", entity.name)) in ("sagemaker", "sagemaker ai")


def product_above(context: LineContext, front: list[str], catalog: Catalog) -> str:
    """The nearest section heading above a term that names an algorithm or an AWS product (not SageMaker as
    a whole, nor one of its features), as the note names it ('Linear Learner' of 'Linear Learner
    Hyperparameters'), when the front does not already show it."""
    for level, heading in reversed(context.headings):
        if level < 2 or level == LEAD_LEVEL or any(norm(heading) in norm(x) for x in front):
            continue
        found = [x for x in catalog.matcher.find(heading) if owns_ideas(catalog.entities[x.slug], catalog)]
        if found:
            return found[0].text
    return ""


def owns_ideas(entity: Entity, catalog: Catalog) -> bool:
    """An algorithm, or an AWS product other than SageMaker as a whole: what an idea's notes are filed under."""
    if entity.section == "algorithms":
        return True
    return catalog.kinds[entity.slug] == "product" and not umbrella(entity)


def lead_in(block: m.Block | None) -> tuple[tuple[int, str], ...]:
    """A short paragraph just above a list, such as '**3. Action Groups**', as the heading of its items."""
    if block is None or block.kind != m.PARAGRAPH:
        return ()
    label = clean_heading(block.text)
    return ((LEAD_LEVEL, label),) if 0 < len(label.split()) <= 6 and not VERB.search(f" {label} ") else ()


def subject_of(context: LineContext, catalog: Catalog) -> str:
    """The nearest heading or enclosing item that names a catalog topic, as the note words it ('' if none)."""
    for text in [*reversed(context.parents), *(h for _, h in reversed(context.headings))]:
        if names_subject(text, catalog):
            return text if len(text.split()) <= 6 else catalog.matcher.find(text)[0].text
    return ""


def cloze_card(text: str, catalog: Catalog) -> tuple[Made | None, str]:
    """'_____ is the service that …' from 'Amazon X is the service that …' (its first sentence). The answer
    is the name as the note writes it; a sentence the knowledge also says of another topic is not asked."""
    mentions = catalog.matcher.find(text)
    if not mentions or mentions[0].start != 0 or not DEFINES.match(text[mentions[0].end:]):
        return None, ""
    entity = catalog.entities[mentions[0].slug]
    sentence = text[: sentence_ends(text)[0]]
    rest = sentence[mentions[0].end:]
    paren = PAREN.match(rest)
    if paren:
        if catalog.answer_entity(paren.group(1)) is not entity:
            return None, "cloze: a bracket after the name that is not one of its names"
        rest = rest[paren.end():]
    if any(x.slug == entity.slug for x in catalog.matcher.find(rest)) or any(
            k in norm(rest) for k in name_keys(entity) if len(k) > 3):
        return None, "cloze: the answer appears again in the sentence"
    if rest.rstrip().endswith(":"):
        return None, "cloze: the sentence introduces a list"
    if DANGLING.search(rest):
        return None, "cloze: the sentence leans on the one before (this, it)"
    if not MIN_WORDS + 2 <= len(sentence.split()) <= MAX_WORDS:
        return None, "cloze: too short or too long to ask"
    asked = question_words(rest, entity, catalog)
    group = catalog.groups[(entity.section, catalog.kinds[entity.slug])]
    if any(catalog.states(other, asked, entity.slug) for other in group
           if other != entity.slug and catalog.links.get((entity.slug, other)) != "nested"):
        return None, "cloze: the knowledge says the same of another topic"
    return Made(finish(BLANK + rest), mentions[0].text), ""


def term_card(text: str, context: LineContext, catalog: Catalog) -> tuple[Made | None, str]:
    """'XGBoost › Hyperparameters: subsample' → 'Share of the rows …' from a 'subsample: …' list item under
    'Hyperparameters' under 'XGBoost'. The front names the subject (a catalog topic) and the nearest label
    the term sits under."""
    found = TERM_DEF.match(text)
    if not found:
        return None, ""
    term, definition = found.group(1).strip(), found.group(2).strip()
    if len(term.split()) > 5 or term.lower().strip(".") in GENERIC_TERMS or STEP.match(term) \
            or not any(c.isalpha() for c in term) or GENERIC_WORD.search(term):
        return None, "term: the label is not a term (a step, a note, an example)"
    if VERB.search(f" {term} ") or IMPERATIVE.match(term) or NOT_SELF_CONTAINED.match(term) or TERM_TAIL.search(term):
        return None, "term: the label is a statement, not a term"
    if FACET.match(norm(term)):
        return None, "term: the label is a facet of what it sits under (pros, storage, use case), not a term"
    if STUDY_ADVICE.match(definition):
        return None, "term: study advice (know the difference), not a fact"
    if OPEN_LIST.search(definition) and not VERB.search(f" {definition} "):
        return None, "term: an open list (…, etc.) has no definite answer"
    if not 2 <= len(definition.split()) <= 40 or definition.endswith(":") or (
            len(sentence_ends(definition)) > 1 and any(len(x.split()) < 3 for x in SENTENCE_END.split(definition))):
        return None, "term: the definition is too short or too long"
    if norm(definition).startswith(norm(term)) or re.search(rf"(?<!\w){re.escape(norm(term))}(?!\w)", norm(definition)):
        return None, "term: the definition repeats the term"
    if context.example:
        return None, "term: an item of a worked example, not a term"
    heading = next((heading_context(t) for lv, t in reversed(context.headings) if 2 <= lv < LEAD_LEVEL), "")
    lead = next((heading_context(t) for lv, t in context.headings if lv == LEAD_LEVEL), "")
    if QUESTION_HEADING.match(lead or heading):
        return None, "term: under a question heading the item is an answer, not a definition"
    labels = [x for x in (heading, lead, *context.parents) if x and norm(x) != norm(term)]
    front = [x for n, x in enumerate(labels[-2:]) if not any(norm(x) in norm(y) for y in labels[-2:][n + 1:])]
    if front and COMPARISON.search(front[-1]) and norm(term) not in norm(front[-1]):
        return None, "term: under a comparison the item does not say which side it is about"
    if not any(names_subject(x, catalog) for x in front):
        subject = subject_of(context, catalog)
        if subject and norm(subject) != norm(term):
            front = [subject, *(x for x in front if norm(x) not in norm(subject))]
        elif not names_subject(term, catalog):
            return None, "term: nothing names the topic the term belongs to"
    elif all(catalog.entities[x].section == IDEAS for p in (*front, term) for x in catalog.matcher.slugs_in(p)):
        owner = product_above(context, front, catalog)  # 'Regularization' under 'Linear Learner': say whose
        front = [owner, *front] if owner else front
    front_text = ": ".join((" › ".join(front), term)) if front else term
    if repeats(definition, front_text):
        return None, "term: the answer only repeats the question"
    return Made(front_text[:1].upper() + front_text[1:], finish(definition[:1].upper() + definition[1:])), ""


def repeats(answer: str, question: str) -> bool:
    """Whether every content word of the answer is a word of the question, give or take an ending
    ('Class imbalance handling: Purpose' → 'Handle imbalanced classes')."""
    asked = {w[:5] for w in content_words(question)}
    said = {w[:5] for w in content_words(answer)}
    return bool(said) and said <= asked


def truefalse_card(text: str, catalog: Catalog, seed: str, context: LineContext | None = None
                   ) -> tuple[Made | None, str]:
    """'True or false: …' from a sentence stating a rule; about half are flipped into false statements. A
    statement that does not name the topic of its heading says it: 'True or false (SageMaker Canvas): …'."""
    rules = list(RULE.finditer(text))
    if not rules:
        return None, ""
    if len(rules) > 1:
        return None, "true/false: more than one rule word, so flipping it is unsafe"
    statement = finish(text[:1].upper() + text[1:])
    if NOT_SELF_CONTAINED.match(text) or text.rstrip().endswith("?") or len(sentence_ends(statement)) > 1 \
            or any(x in text for x in ";:→\"“") or LABEL_DASH.search(text[: rules[0].start()]):
        return None, "true/false: not one self-contained statement"
    if not MIN_WORDS + 2 <= len(text.split()) <= 30:
        return None, "true/false: too short or too long to judge"
    mentions = catalog.matcher.find(text)
    if not mentions or mentions[0].start > rules[0].start() or len(text[: mentions[0].start].split()) > 3:
        return None, "true/false: the sentence does not open with what the rule is about"
    subject = subject_of(context, catalog) if context else ""
    named = {x.slug for x in mentions}
    ask = "True or false: "
    if subject and not named & set(catalog.matcher.slugs_in(subject)):
        ask = f"True or false ({subject}): "
    after = statement[rules[0].end():]
    if int(hashlib.sha256(seed.encode()).hexdigest(), 16) % 2 and not CLAUSE_BREAK.search(after):
        for pattern, opposite in FLIPS:
            if pattern.search(statement):
                return Made(ask + pattern.sub(opposite, statement, count=1), "False", statement), ""
    return Made(ask + statement, "True"), ""


def attempt(kind: str, text: str, context: LineContext | None, seed: str, catalog: Catalog
            ) -> tuple[Made | None, str]:
    if kind == "cloze":
        return cloze_card(text, catalog)
    if kind == "term":
        return term_card(text, context or LineContext(()), catalog)
    return truefalse_card(text, catalog, seed, context)


def generated_card(kind: str, made: Made, topics: list[str], source: str, catalog: Catalog) -> Card:
    answer = catalog.answer_entity(made.back) if kind == "cloze" else None
    topic = answer.slug if answer else card_topic(topics, catalog)
    options, correct = (("True", "False"), int(made.back == "False")) if kind == "truefalse" else ((), -1)
    section = catalog.entities[topic].section if topic else ""
    return Card(card_id(source.rsplit(":", 1)[0], made.front), made.front, made.back, kind, topic, section, source,
                options, correct, made.explain, generated=True)


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
    """A card from each fact that makes a good one: cloze, else term, else true/false."""
    out: list[Card] = []
    for fact in card_units(know.facts):
        if fact.kind != "fact" or not fact.sources or "\n" in fact.text.strip():
            continue
        if any((s.note, s.first) in card_lines for s in fact.sources):
            continue  # already a card in the notes
        text = one_line(card_text(fact.text))
        if NOT_PLAIN.search(text):
            continue
        first, context = fact_line(fact, text, contexts)
        kinds = ("cloze", "term", "truefalse") if context is not None and context.item else ("cloze", "truefalse")
        card, reasons = None, []
        for kind in kinds:
            made, why = attempt(kind, text, context, f"{first.note}\0{text}", catalog)
            why = why or (weak_text(made.front, made.back, made.explain) if made else "")
            if why:
                reasons.append(why if ":" in why[:12] else f"{kind}: {why}")
            elif made:
                card = generated_card(kind, made, fact.topics, f"{first.note}:{first.first}", catalog)
                break
        if card:
            out.append(card)
        elif reasons:
            report.skipped[reasons[0]] += 1  # the fact had a card's shape but would make a poor card
    return out


# -- the deck -------------------------------------------------------------------

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
        for block, _ in block_anchors(doc):
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


def cards_json(cards: list[Card], entities: tuple[Entity, ...] = (), report: CardReport | None = None,
               tags: dict[str, dict[str, str]] | None = None) -> str:
    """site/data/cards.json: every card, the section names, the name of each topic a card is on, and the
    build's counts (cards by kind and section, facts skipped as too weak for a card). ``tags``: the exam
    tags of each topic (domains.topic_tags), giving each card its ``domain`` (exam code → domain id) and,
    where one task fits, its ``task``; a card on a renamed, closed or discontinued topic carries its ``status``."""
    names = {e.slug: e.name for e in entities}
    statuses = {e.slug: s.as_dict() for e in entities if (s := entity_status(e))}
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
    topics = {c.topic: {"name": names.get(c.topic, c.topic), "section": c.section} for c in cards if c.topic}
    used = [s for s in SECTION_NAMES if any(c.section == s for c in cards)]
    out = {"version": 1, "sections": {s: SECTION_NAMES[s] for s in used}, "topics": topics, "cards": rows}
    if report is not None:
        out["counts"] = report.as_dict()
    return json.dumps(out, ensure_ascii=False, indent=1)


def tsv_field(text: str) -> str:
    """One Anki field: no tab, no line break (lines joined with ' · ')."""
    return " · ".join(x.strip() for x in text.replace("\t", " ").split("\n") if x.strip())


def cards_tsv(cards: list[Card]) -> str:
    """Anki's plain-text import format: front, back, tags, and the card id as the note's GUID."""
    lines = ["#separator:tab", "#html:false", "#notetype:Basic", "#deck:AWS ML Specialty", "#tags column:3",
             "#guid column:4"]
    for c in cards:
        front, back = c.front, c.back
        if c.kind == "choice":
            front += "\n" + "\n".join(f"{chr(65 + n)}. {o}" for n, o in enumerate(c.options))
            right = c.answer if isinstance(c.answer, tuple) else (c.answer,) if c.answer >= 0 else ()
            back = "\n".join(f"{chr(65 + n)}. {c.options[n]}" for n in right) or back
        if c.explain:
            back += "\n" + c.explain
        tags = " ".join(t for t in ("kb", c.section, c.topic, c.kind, "generated" if c.generated else "") if t)
        lines.append("\t".join((tsv_field(front), tsv_field(back), tags, "kb-" + c.id)))
    return "\n".join(lines) + "\n"


# -- pages ----------------------------------------------------------------------

def data_path(page_uri: str, target: str) -> str:
    """A site path relative to where a page is served (directory URLs: ``a/b.md`` is served at ``a/b/``)."""
    base = page_uri[:-3]
    if base == "index" or base.endswith("/index"):
        base = base[: -len("index")]
    depth = len([x for x in base.split("/") if x])
    return "../" * depth + target


def practice_page(report: CardReport | None = None) -> str:
    """practice.md: the widget's mount point, how to use it, and the cards as files."""
    cards = data_path(PAGE, DATA["json"])
    exam = data_path(PAGE, "practice/exam/")
    imported = sum(report.imported.values()) if report else 0
    generated = sum(report.generated.values()) if report else 0
    tally = (f"There are {imported + generated} cards: {imported} from the notes' own flashcards, decks and "
             f"practice questions, and {generated} written from the notes' facts (definitions, terms and rules). "
             if report else "")
    return (
        front_matter("Practice", "Flashcards with spaced repetition, quizzes, mock exams and your progress.",
                     hide=["toc"]) +
        "# Practice\n\n"
        "**Study** shows today's cards as Anki does: the reviews the schedule says are due, mixed with up to "
        "20 new cards a day; you see a card, then its answer, and grade how well you knew it. The schedule is "
        "FSRS (Anki's default), which brings each card back when you are about to forget it. **Quiz** asks the "
        "practice questions, explains each answer and sends the ones you miss back to your study queue. "
        "The [**Mock exam**](practice/exam.md) is timed like the real one. **Progress** shows what is due in the next "
        f"two weeks, your past reviews and your mastery by section and exam domain. {tally}"
        "Your progress is kept in this browser only: export it now and then.\n\n"
        f'<div class="kb-practice" data-kb-practice="app" data-cards="{cards}" data-exam="{exam}">\n'
        '<p class="kb-practice__loading">Loading the cards…</p>\n'
        "</div>\n\n"
        "<noscript><p>The practice widgets need JavaScript. The cards are also in the files below.</p></noscript>\n\n"
        "## Keyboard\n\n"
        "| Key | Does |\n|---|---|\n"
        "| <kbd>Space</kbd> | Show the answer |\n"
        "| <kbd>1</kbd> <kbd>2</kbd> <kbd>3</kbd> <kbd>4</kbd> | Grade: Again, Hard, Good, Easy; "
        "in a quiz, choose an option |\n"
        "| <kbd>U</kbd> | Undo the last grade |\n"
        "| <kbd>Enter</kbd> | Check a quiz answer, then go on |\n\n"
        "## The cards as files\n\n"
        f"- [cards.json]({DATA['json']}): every card with its id, front, back, kind, topic and source line.\n"
        f"- [cards.apkg]({DATA['apkg']}): the same cards as an Anki package (File → Import), one note per card "
        "with stable ids, cloze cards as Anki cloze notes, tagged by section and exam domain.\n"
        f"- [cards.tsv]({DATA['tsv']}): the same cards for Anki as text (File → Import: the file sets the tab "
        "separator, the Basic note type and tags; importing again updates the cards rather than adding copies).\n"
    )


def cards_by_topic(cards: list[Card]) -> dict[str, list[Card]]:
    out: dict[str, list[Card]] = {}
    for card in cards:
        out.setdefault(card.topic, []).append(card)
    return out


def test_yourself(slug: str, mine: list[Card], page_uri: str = "") -> str:
    """The 'Test yourself' block for the end of a topic page (``mine``: the topic's cards): only a mount
    point; the cards load as data."""
    if not mine:
        return ""
    page_uri = page_uri or f"{mine[0].section}/{slug}.md"
    data = escape(data_path(page_uri, DATA["json"]))
    practice = escape(data_path(page_uri, "practice/") + "?topic=" + quote(slug))
    noun = "card" if len(mine) == 1 else "cards"
    return (
        "\n## Test yourself\n\n"
        f'<div class="kb-practice kb-practice--topic" data-kb-practice="topic" data-topic="{escape(slug)}" '
        f'data-cards="{data}" data-practice="{practice}">\n'
        f'<p class="kb-practice__loading">{len(mine)} {noun} on this topic. Loading…</p>\n'
        "</div>\n"
    )


PRACTICE_PAGE = Maker("practice", lambda b: [(PAGE, practice_page(b.card_report))], nav=listed("Practice"))

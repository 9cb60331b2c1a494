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
from collections import Counter
from dataclasses import asdict, dataclass, field
from html import escape
from urllib.parse import quote, unquote

from . import model as m
from .catalog import Entity
from .inline import SAFE_TAGS, wikilink_text
from .knowledge import Knowledge
from .matcher import Matcher, is_acronym, norm
from .page_meta import front_matter
from .render import block_anchors
from .topic_pages import SECTIONS

PAGE = "practice.md"
DATA = {"json": "data/cards.json", "tsv": "data/cards.tsv"}
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
META = re.compile(r"\b(?:seeds?|source notes?|the source|the notes? (?:say|said|says|gave|give))\b", re.IGNORECASE)
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
        return cls({e.slug: e for e in entities}, Matcher(names), by_name, with_page, words,
                   {e.slug: name_keys(e) for e in entities}, kinds, links, groups, linked_to)

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

    def likeness(self, a: str, b: str) -> float:
        """How alike two topics are, by the words of their facts: alike topics make plausible distractors."""
        x, y = self.words.get(a, frozenset()), self.words.get(b, frozenset())
        return len(x & y) / len(x | y) if x and y else 0.0


def relation(hows: list[str]) -> str:
    """'rival', 'nested' or 'related' for how two entries relate (the catalog's 'how' words)."""
    if any(RIVAL_HOW.search(h) for h in hows):
        return "rival"
    return "nested" if any(NESTED_HOW.search(h) for h in hows) else "related"


def distractors(card_key: str, answer: Entity, front: str, catalog: Catalog) -> list[Entity]:
    """Three wrong answers of the same section and kind; none a name, kind or part of the answer, none in
    the question. Rivals of the answer come first, then its other related topics, then the topics whose facts
    are most alike."""
    keys = catalog.keys[answer.slug]
    named = set(catalog.matcher.slugs_in(front))
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
    names = ranked(card.id + "/options", [answer.name, *(e.name for e in wrong)])
    return Card(**{**asdict(card), "options": tuple(names), "answer": names.index(answer.name)})


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


def weak_text(text: str) -> str:
    """Why a fact's text cannot be a card's text at all ('' if it can)."""
    if META.search(text):
        return "about the notes themselves (a correction, the seed)"
    if MESSY.search(text):
        return "broken punctuation"
    if text.rstrip().endswith(":"):
        return "introduces a list that is not part of it"
    return ""


def cloze_card(text: str, catalog: Catalog) -> tuple[Made | None, str]:
    """'_____ is the service that …' from 'Amazon X is the service that …' (its first sentence)."""
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
    if not MIN_WORDS + 2 <= len(sentence.split()) <= MAX_WORDS:
        return None, "cloze: too short or too long to ask"
    return Made(finish(BLANK + rest), entity.name), ""


def term_card(text: str, context: str, catalog: Catalog) -> tuple[Made | None, str]:
    """'XGBoost hyperparameters: subsample' → 'Share of the rows …' from a 'subsample: …' list item."""
    found = TERM_DEF.match(text)
    if not found:
        return None, ""
    term, definition = found.group(1).strip(), found.group(2).strip()
    if len(term.split()) > 5 or term.lower().strip(".") in GENERIC_TERMS or STEP.match(term) \
            or not any(c.isalpha() for c in term) or GENERIC_WORD.search(term):
        return None, "term: the label is not a term (a step, a note, an example)"
    if VERB.search(f" {term} ") or IMPERATIVE.match(term):
        return None, "term: the label is a statement, not a term"
    if not 2 <= len(definition.split()) <= 40 or definition.endswith(":"):
        return None, "term: the definition is too short or too long"
    if norm(definition).startswith(norm(term)):
        return None, "term: the definition repeats the term"
    if QUESTION_HEADING.match(context):
        return None, "term: under a question heading the item is an answer, not a definition"
    if context and norm(term) not in norm(context):
        front = f"{context}: {term}"
    elif catalog.matcher.slugs_in(term) or context:
        front = context if context else term
    else:
        return None, "term: nothing says what the term belongs to"
    return Made(front[:1].upper() + front[1:], finish(definition[:1].upper() + definition[1:])), ""


def truefalse_card(text: str, catalog: Catalog, seed: str) -> tuple[Made | None, str]:
    """'True or false: …' from a sentence stating a rule; about half are flipped into false statements."""
    rules = list(RULE.finditer(text))
    if not rules:
        return None, ""
    if len(rules) > 1:
        return None, "true/false: more than one rule word, so flipping it is unsafe"
    statement = finish(text[:1].upper() + text[1:])
    if NOT_SELF_CONTAINED.match(text) or text.rstrip().endswith("?") or len(sentence_ends(statement)) > 1 \
            or ";" in text:
        return None, "true/false: not one self-contained statement"
    if not MIN_WORDS + 2 <= len(text.split()) <= 30:
        return None, "true/false: too short or too long to judge"
    mentions = catalog.matcher.find(text)
    if not mentions or mentions[0].start > rules[0].start() or len(text[: mentions[0].start].split()) > 3:
        return None, "true/false: the sentence does not open with what the rule is about"
    after = statement[rules[0].end():]
    if int(hashlib.sha256(seed.encode()).hexdigest(), 16) % 2 and not CLAUSE_BREAK.search(after):
        for pattern, opposite in FLIPS:
            if pattern.search(statement):
                return Made("True or false: " + pattern.sub(opposite, statement, count=1), "False", statement), ""
    return Made("True or false: " + statement, "True"), ""


def attempt(kind: str, text: str, context: str, seed: str, catalog: Catalog) -> tuple[Made | None, str]:
    if kind == "cloze":
        return cloze_card(text, catalog)
    if kind == "term":
        return term_card(text, context, catalog)
    return truefalse_card(text, catalog, seed)


def heading_context(text: str) -> str:
    """A heading as the context of a term ('2.3 XGBoost hyperparameters:' → 'XGBoost hyperparameters')."""
    words = NUMBERING.sub("", one_line(card_text(text))).strip(" :.")
    if ":" in words:  # 'Networking: VPC basics' → 'VPC basics'
        words = words.rsplit(":", 1)[1].strip()
    return words if 0 < len(words.split()) <= 6 else ""


def generated_card(kind: str, made: Made, topics: list[str], source: str, catalog: Catalog) -> Card:
    answer = catalog.answer_entity(made.back) if kind == "cloze" else None
    topic = answer.slug if answer else card_topic(topics, catalog)
    options, correct = (("True", "False"), int(made.back == "False")) if kind == "truefalse" else ((), -1)
    section = catalog.entities[topic].section if topic else ""
    return Card(card_id(source.rsplit(":", 1)[0], made.front), made.front, made.back, kind, topic, section, source,
                options, correct, made.explain, generated=True)


def generated_cards(know: Knowledge, card_lines: set[tuple[str, int]], item_context: dict[tuple[str, int], str],
                    catalog: Catalog, report: CardReport) -> list[Card]:
    """A card from each fact that makes a good one: cloze, else term, else true/false."""
    out: list[Card] = []
    for fact in know.facts:
        if fact.kind != "fact" or not fact.sources or "\n" in fact.text.strip():
            continue
        if any((s.note, s.first) in card_lines for s in fact.sources):
            continue  # already a card in the notes
        text = one_line(card_text(fact.text))
        if NOT_PLAIN.search(text):
            continue
        first = fact.sources[0]
        context = item_context.get((first.note, first.first))
        kinds = ("cloze", "term", "truefalse") if context is not None else ("cloze", "truefalse")
        card, reasons = None, []
        for kind in kinds:
            made, why = attempt(kind, text, context or "", f"{first.note}\0{text}", catalog)
            why = why or (weak_text(f"{made.front} {made.back} {made.explain}") if made else "")
            if why:
                reasons.append(why if ":" in why else f"{kind}: {why}")
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
    item_context: dict[tuple[str, int], str] = {}
    for doc in docs:
        path: list[tuple[int, str]] = []
        for block, _ in block_anchors(doc):
            if block.kind == m.HEADING:
                path = [(lv, t) for lv, t in path if lv < block.level] + [(block.level, block.text)]
            elif block.kind == m.LIST:
                context = next((heading_context(t) for lv, t in reversed(path) if lv >= 2), "")
                item_context.update(((doc.source, i.span.first), context) for i in block.items)
            elif block.kind in (m.CARD, m.QUESTION):
                card_lines.update((doc.source, n) for n in block.span)
                card = imported_card(block, doc.source, heading_slugs(catalog, [t for _, t in path]),
                                     fact_topics.get((doc.source, block.span.first), []), catalog)
                if card is None:
                    report.skipped["imported card with no answer"] += 1
                    continue
                cards.append(card)
    cards += generated_cards(knowledge, card_lines, item_context, catalog, report)
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


def cards_json(cards: list[Card], entities: tuple[Entity, ...] = (), report: CardReport | None = None) -> str:
    """site/data/cards.json: every card, the section names, the name of each topic a card is on, and the
    build's counts (cards by kind and section, facts skipped as too weak for a card)."""
    names = {e.slug: e.name for e in entities}
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
    imported = sum(report.imported.values()) if report else 0
    generated = sum(report.generated.values()) if report else 0
    tally = (f"There are {imported + generated} cards: {imported} from the notes' own flashcards, decks and "
             f"practice questions, and {generated} written from the notes' facts (definitions, terms and rules). "
             if report else "")
    return (
        front_matter("Practice", "Flashcards with spaced repetition, quizzes and your progress.", hide=["toc"]) +
        "# Practice\n\n"
        "Test yourself on the cards from the notes: choose sections or topics, then a mode. "
        "**Flashcards** shows a card, then its answer, and you grade how well you knew it; the schedule "
        "(SM-2 spaced repetition) decides when each card comes back. **Quiz** asks multiple-choice questions "
        "and keeps the score. **Review due** shows only the cards the schedule says are due today. "
        f"{tally}Your progress is kept in this browser only.\n\n"
        f'<div class="kb-practice" data-kb-practice="app" data-cards="{cards}">\n'
        '<p class="kb-practice__loading">Loading the cards…</p>\n'
        "</div>\n\n"
        "<noscript><p>The practice widgets need JavaScript. The cards are also in the files below.</p></noscript>\n\n"
        "## Keyboard\n\n"
        "| Key | Does |\n|---|---|\n"
        "| <kbd>Space</kbd> | Show the answer |\n"
        "| <kbd>1</kbd> <kbd>2</kbd> <kbd>3</kbd> <kbd>4</kbd> | Grade: Again, Hard, Good, Easy; "
        "in a quiz, choose an option |\n"
        "| <kbd>←</kbd> <kbd>→</kbd> | Previous / next card or question |\n\n"
        "## The cards as files\n\n"
        f"- [cards.json]({DATA['json']}): every card with its id, front, back, kind, topic and source line.\n"
        f"- [cards.tsv]({DATA['tsv']}): the same cards for Anki (File → Import: the file sets the tab "
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

"""The card writers: a cloze, a term card or a true/false statement from a fact, or the reason for none."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ..knowledge import content_words
from ..matcher import norm
from .context import (
    LABEL_DASH,
    LEAD_LEVEL,
    NOT_SELF_CONTAINED,
    TERM_DEF,
    VERB,
    LineContext,
    heading_context,
    names_subject,
    product_above,
    subject_of,
)
from .entities import Catalog, name_keys, question_words

BLANK = "_____"
TRUTHS = ("True", "False")  # the options of a true/false card
# Generated cards: what a fact must look like, and what makes it too weak.
DEFINES = re.compile(r"^\s*(?:\([^)]{1,40}\)\s*)?,?\s*(?:is|are)\s+(?:a|an|the|one of the)\s+\S", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\bvs)(?<!\betc)[.!?](?=\s+[A-Z(]|$)")
RULE = re.compile(r"\b(?:must not|must|cannot|can't|can only|never|does not support|do not support|is not|are not)\b",
                  re.IGNORECASE)
GENERIC_TERMS = frozenset((
    "note", "notes", "tip", "tips", "example", "examples", "important", "remember", "warning", "caution", "why",
    "answer", "question", "q", "a", "see also", "source", "sources", "summary", "key point", "bottom line",
    "watch out", "gotcha", "trap", "result", "outcome", "reason", "in short", "also", "update", "edit", "exam tip",
    "exam tips", "hint", "e.g", "i.e", "why it matters", "takeaway",
))
STEP = re.compile(r"^(?:step|stage|phase|part|option|rule|q|a)\s*\d+$", re.IGNORECASE)
NOT_PLAIN = re.compile(r"\$|https?://|\\[a-z]+|\|")  # maths, URLs, table pipes: not card text
MIN_WORDS, MAX_WORDS = 6, 45
PAREN = re.compile(r"^\s*\(([^)]{1,40})\)")
GENERIC_WORD = re.compile(r"\b(?:example|e\.g|correction|caveat|tip|note|warning|summary|worked)\b", re.IGNORECASE)
IMPERATIVE = re.compile(r"^(?:not|no|only|also|draw|read|review|learn|know|practi[cs]e|study|memori[sz]e|revise|"
                        r"check|remember|understand|compare|watch|list|write|run|try|use|avoid|make|set|turn|enable|pick|choose)\b",
                        re.IGNORECASE)
QUESTION_HEADING = re.compile(r"^(?:why|how|when|what|which|where|who)\b", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r"[,;:—–(]| - ")  # after the rule word: flipping would contradict what follows
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
COMPARISON = re.compile(r"\s(?:vs\.?|versus)\s", re.IGNORECASE)
TERM_TAIL = re.compile(r"\b(?:for|to|of|with|by|in|on|at|from|the|a|an|and|or|is|are|as|than|means?|called)$|[\"“”]",
                       re.IGNORECASE)
OPEN_LIST = re.compile(r"^[^.]*,[^.]*,\s*etc\.?$", re.IGNORECASE)  # 'Free, used, cached, etc.'
DANGLING = re.compile(r"\b(?:this|these|those|it|they)\b", re.IGNORECASE)  # '_____ is an option, but this …'
STUDY_ADVICE = re.compile(r"^(?:know|remember|understand|learn|review|study|memori[sz]e)\b", re.IGNORECASE)
IDEAS = "concepts"  # the catalog section of ML ideas, which a product's notes file under the product
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
class Made:
    """What a writer makes of a fact: the card's text, with what only some kinds have."""

    front: str
    back: str
    explain: str = ""
    options: tuple[str, ...] = ()
    answer: int = -1
    names_answer: bool = False  # the back is a name: the card is on the topic it names


def sentence_ends(text: str) -> list[int]:
    """Where each sentence of text ends (the text is taken to end one)."""
    ends = [x.end() for x in SENTENCE_END.finditer(text)]
    return ends if ends and ends[-1] >= len(text.rstrip()) else [*ends, len(text.rstrip())]


def finish(text: str) -> str:
    text = text.strip().rstrip(",;")
    return text if text.endswith((".", "!", "?")) else text + "."


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
    return Made(finish(BLANK + rest), mentions[0].text, names_answer=True), ""


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
                return Made(ask + pattern.sub(opposite, statement, count=1), "False", statement, TRUTHS, 1), ""
    return Made(ask + statement, "True", options=TRUTHS, answer=0), ""

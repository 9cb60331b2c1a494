"""Where a note line sits: the headings and item labels above it, which name a term's subject."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .. import model as m
from ..catalog import Entity
from ..matcher import norm
from .entities import ENTITY_PREFIX, FAMILY, Catalog
from .text import GARBLED, card_text, one_line

TERM_DEF = re.compile(r"^([^:;]{2,60}?)\s*:\s+(\S.*)$")
NOT_SELF_CONTAINED = re.compile(
    r"^(?:it|its|this|that|these|those|they|them|their|here|there|also|but|and|or|so|then|otherwise|however|"
    r"because|both|either|such|which|see|e\.g|i\.e|note|always|never|use|choose|pick|prefer|avoid|remember|do|don't|"
    r"make|set|keep|turn|enable|create)\b",
    re.IGNORECASE,
)
VERB = re.compile(r" (?:is|are|was|were|can|cannot|can't|must|does|do|don't|doesn't|has|have|will|should|goes|go) ",
                  re.IGNORECASE)
NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]?|[A-Z][.)])\s+")
TAG = re.compile(r"(?<![\w&/])#[A-Za-z][\w/-]*")  # Obsidian tags in headings (#exam-tip): not words
# A heading or enclosing item that introduces a worked example: the items under it are its numbers, not terms.
EXAMPLE = re.compile(r"\b(?:examples?|e\.g|scenarios?|walkthrough|worked|case study|sample|use cases?|patterns?)\b",
                     re.IGNORECASE)
LABEL_DASH = re.compile(r"\s[-–—]\s")  # '**ml.inf1** - AWS Inferentia chips': the label is before the dash
LEAD_LEVEL = 9  # a lead-in paragraph sits below every heading


@dataclass(frozen=True)
class LineContext:
    """Where a fact's line sits: the headings above it and, for a list item, the labels of the items
    it is nested under (outermost first)."""

    headings: tuple[tuple[int, str], ...]  # (level, heading text as card text)
    parents: tuple[str, ...] = ()  # labels of the enclosing items ('Input format' of '- Input format:')
    text: str = ""  # the line's own text as a card shows it: a merged fact's other wording is not this line
    item: bool = False
    example: bool = False  # inside a worked example (a heading or an enclosing item says so)


@lru_cache(maxsize=1 << 14)  # every block asks for the headings above it, and every rebuild again
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

"""Quizlet-like plain-text exports: cards back to back with no separator.

Which lines are a front and which a back is not written down, so the reader
chooses the split of the whole deck that makes the most cards of a shape a
person writes (cloze → answer, question → answer, T/F → True/False, sentence →
term, list → its label, heading → list), by dynamic programming over lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import model as m
from . import patterns as p
from .family import Family

CLOZE = re.compile(r"_{3,}")
TF = re.compile(r"^T\s*/\s*F\s*[:.-]", re.I)
TRUTH = re.compile(r"^(true|false)\.?$", re.I)
LABELLED = re.compile(r"^[^:]{1,50}:\s+\S")
VERSUS = re.compile(r"\bvs?\.$", re.I)  # "A vs." ends a line without ending a sentence
MAX_FRONT, MAX_BACK = 12, 14
STRONG = 50  # a cloze/question/T-F/lead-in line must open a front
LEAD_IN_BACK = 8  # a lead-in inside an answer: possible, but it usually opens the next card
NO_ANSWER = -40.0  # a card with a front and no back
SPLIT_RUN = 12  # a run of "- " items is one list: a card never starts inside it


@dataclass(frozen=True)
class Line:
    text: str
    cloze: bool
    question: bool
    tf: bool
    lead: bool  # a lead-in ending with ":" that asks for what follows
    dash: bool
    labelled: bool
    versus: bool
    words: int
    sentence: bool  # ends like a sentence

    @property
    def asks(self) -> bool:
        return self.cloze or self.question or self.tf

    @property
    def prompt(self) -> bool:
        return self.asks or self.lead

    @property
    def short(self) -> bool:
        return self.words <= 10 and not self.sentence and not self.prompt

    @property
    def label(self) -> bool:
        """Could name a list: a phrase, not an item, a sentence or a prompt."""
        return not (self.sentence or self.prompt or self.dash or self.labelled or self.versus)


def features(text: str) -> Line:
    s = text.strip()
    dash = s.startswith(("- ", "• ", "* "))
    versus = bool(VERSUS.search(s))
    return Line(
        text=s,
        cloze=bool(CLOZE.search(s)) and not dash,  # a blank inside a list item is part of the item
        question=s.endswith("?"),
        tf=bool(TF.match(s)),
        lead=s.endswith(":") and not dash,
        dash=dash,
        labelled=bool(LABELLED.match(s)) and not s.endswith("?"),
        versus=versus,
        words=len(s.split()),
        sentence=(s.endswith((".", "!")) and not versus) or len(s.split()) > 16,
    )


def is_list_front(front: tuple[Line, ...]) -> bool:
    """Items (labelled, dashed or short lines), perhaps closed by one caption sentence."""
    items = front[:-1] if front[-1].sentence and not front[-1].dash else front
    return len(items) >= 1 and all(x.labelled or x.dash or x.short for x in items)


def is_name(line: Line) -> bool:
    """Every word capitalised (or not a word): "SageMaker Debugger", not "Debugging tools"."""
    return all(not w[0].isalpha() or w[0].isupper() for w in line.text.split())


def is_comparison(front: tuple[Line, ...]) -> bool:
    """"A vs." lines then the last thing compared."""
    return len(front) >= 2 and all(x.versus for x in front[:-1]) and not front[-1].versus \
        and not front[-1].prompt


def cloze_score(front: tuple[Line, ...], back: tuple[Line, ...]) -> float:
    """A blank, perhaps with the "- " items it introduces (after a ":"), then its answer:
    one line, or "- " items when the blank did not introduce them."""
    head, nf, nb = front[0], len(front), len(back)
    introduces = head.text.endswith(":")
    score = 10.0
    if nf > 1:
        score -= 0 if all(x.dash for x in front[1:]) else 30
        score -= 0 if introduces else 8
        score -= 10 if back[0].sentence else 0
    if nf == 1 and nb >= 2 and all(x.dash for x in back):
        return score - (12 if introduces else 0)  # the answer is a list
    if nb != 1:
        score -= 6 * (nb - 1) + 15 * sum(x.dash for x in back[1:])
    if back[0].dash:
        score -= 10
    return score


def lead_score(front: tuple[Line, ...], back: tuple[Line, ...]) -> tuple[float, str]:
    """"Something to list:" then its items, or one line that answers it."""
    score = 8.0 - 20 * (len(front) - 1)
    if all(x.dash or x.labelled for x in back):
        return score, "list"
    if len(back) == 1:
        return score, "question"
    return score - 4 * len(back), "question"


def card_score(lines: tuple[Line, ...], a: int, b: int, c: int) -> tuple[float, str]:
    """How much a card with front lines[a:b] and back lines[b:c] looks like one."""
    front, back = lines[a:b], lines[b:c]
    head = front[0]
    penalty = sum(STRONG for x in front[1:] if x.prompt) + sum(STRONG for x in back if x.asks)
    penalty += sum(LEAD_IN_BACK for x in back if x.lead)  # "Three kinds:" may open an answer
    if head.dash and a > 0 and lines[a - 1].dash:
        penalty += SPLIT_RUN
    nf, nb = len(front), len(back)
    if head.cloze:
        kind, score = "cloze", cloze_score(front, back)
    elif head.tf:
        kind, score = "truefalse", 12.0 if (nb == 1 and TRUTH.match(back[0].text)) else -5.0
        score -= 20 * (nf - 1)
    elif head.question:
        kind, score = "question", 10.0 - 20 * (nf - 1)
        items = back[1:] if back[0].lead and nb > 1 else back  # "Three kinds:" then the kinds
        if nb > 1 and not all(x.dash or x.labelled for x in items):
            score -= 4 * nb
    elif head.lead:
        score, kind = lead_score(front, back)
    elif nf == 1 and head.sentence and nb == 1 and back[0].short and not back[0].dash \
            and not back[0].labelled:
        kind, score = "term", 7.0  # a "Key: value" line is an item, never a term by itself
    elif is_comparison(front) and nb == 1 and back[0].label:
        kind, score = "list", 8.0
    elif nf >= 2 and is_list_front(front) and nb == 1 and back[0].label:
        kind, score = "list", 3.0 + 0.5 * nf
        items = [x for x in front if not x.sentence]
        longest = max((x.words for x in items), default=0)
        if all(x.labelled or x.dash for x in items):
            score += 4  # "Term: explanation" or "- item" lines, then the name of the list
        elif back[0].words >= 1.5 * longest:
            score += 4  # a label is longer than the short items it names
        elif back[0].words <= longest:
            score -= 6
        if len({x.sentence for x in front if x.labelled}) > 1:
            score -= 6  # "Key: long explanation." and "Key: value" items belong to two lists
    elif nf == 1 and head.label and back and all(x.dash or x.labelled for x in back):
        kind, score = "list", 6.0 + (2 if all(x.dash for x in back) else 0)
    elif nf == 1 and head.label and not is_name(head) and nb >= 2 \
            and all(x.short and x.label and is_name(x) for x in back):
        kind, score = "list", 2.5  # a heading in common words, then the names it lists
    else:
        kind, score = "note", -12.0 - 2 * (nf + nb)
    return score - penalty, kind


def split_cards(texts: list[str]) -> list[tuple[int, int, int, str]]:
    """Best split into cards: (front start, back start, end, kind), 0-based."""
    lines = tuple(features(t) for t in texts)
    n = len(lines)

    @cache
    def best(a: int) -> tuple[float, tuple[tuple[int, int, int, str], ...]]:
        if a == n:
            return 0.0, ()
        if a == n - 1:  # a lone last line: a front with no back
            return NO_ANSWER, ((a, n, n, "note"),)
        # A front with no answer: the worst card, but always possible (e.g. a prompt straight
        # after a prompt), so no line of the deck is ever lost.
        rest, cards = best(a + 1)
        top: tuple[float, tuple] = (NO_ANSWER + rest, ((a, a + 1, a + 1, "note"),) + cards)
        for b in range(a + 1, min(n, a + MAX_FRONT) + 1):
            if b > a + 1 and lines[b - 1].prompt:
                break
            for c in range(b + 1, min(n, b + MAX_BACK) + 1):
                if lines[c - 1].asks:
                    break
                score, kind = card_score(lines, a, b, c)
                rest, cards = best(c)
                if score + rest > top[0]:
                    top = (score + rest, ((a, b, c, kind),) + cards)
        return top

    import sys
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 4 * n + 100))
    try:
        for start in range(n - 1, -1, -1):  # fill the cache from the end: no deep recursion
            best(start)
        return list(best(0)[1])
    finally:
        sys.setrecursionlimit(limit)


def read_flashcards(source: str, lines: list[str]) -> m.Document:
    filled = [i for i, x in enumerate(lines) if x.strip()]
    blocks: list[m.Block] = []
    title = source.rsplit("/", 1)[-1]
    start = 0
    if filled and not features(lines[filled[0]]).prompt and len(filled) > 2:
        title = lines[filled[0]].strip()
        blocks.append(m.Block(m.HEADING, m.Span(filled[0] + 1, filled[0] + 1), text=title, level=1))
        start = 1
    body = filled[start:]
    for a, b, c, kind in split_cards([lines[i] for i in body]):
        front = "\n".join(lines[i].strip() for i in body[a:b])
        back = "\n".join(lines[i].strip() for i in body[b:c])
        span = m.Span(body[a] + 1, body[c - 1] + 1)
        blocks.append(m.Block(m.CARD, span, front=front, back=back or "(no answer given)", card_kind=kind))
    blank = frozenset(i + 1 for i, x in enumerate(lines) if not x.strip())
    return m.Document(source, "flashcards", title, len(lines), tuple(blocks),
                      blank=blank)


# What no flashcard export holds: a task-list box, an Obsidian [[wikilink]].
MARKDOWN_ONLY = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]\s|\[\[[^\]\n]+\]\]")


def looks_like_flashcards(name: str, lines: list[str]) -> bool:
    """No blank lines between most lines, and prompts (cloze, T/F, questions) throughout."""
    filled = [x for x in lines if x.strip()]
    blank_share = (len(lines) - len(filled)) / max(1, len(lines))
    prompts = sum(bool(CLOZE.search(x) or TF.match(x.strip()) or x.rstrip().endswith("?")) for x in filled)
    md = sum(bool(p.MD_HEADING.match(x) or p.FENCE.match(x) or MARKDOWN_ONLY.search(x)) for x in filled)
    return blank_share < 0.05 and len(filled) >= 4 and prompts >= max(2, len(filled) // 12) and md == 0


FAMILY = Family("flashcards", "Flashcard export (Quizlet-like plain text)", looks_like_flashcards, read_flashcards)

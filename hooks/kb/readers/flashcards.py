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

CLOZE = re.compile(r"_{3,}")
TF = re.compile(r"^T\s*/\s*F\s*[:.-]", re.I)
TRUTH = re.compile(r"^(true|false)\.?$", re.I)
LABELLED = re.compile(r"^[^:]{1,50}:\s+\S")
MAX_FRONT, MAX_BACK = 12, 14
STRONG = 50  # a cloze/question/T-F line must open a front


@dataclass(frozen=True)
class Line:
    text: str
    cloze: bool
    question: bool
    tf: bool
    dash: bool
    labelled: bool
    words: int
    sentence: bool  # ends like a sentence

    @property
    def prompt(self) -> bool:
        return self.cloze or self.question or self.tf

    @property
    def short(self) -> bool:
        return self.words <= 10 and not self.sentence and not self.prompt


def features(text: str) -> Line:
    s = text.strip()
    return Line(
        text=s,
        cloze=bool(CLOZE.search(s)),
        question=s.endswith("?"),
        tf=bool(TF.match(s)),
        dash=s.startswith(("- ", "• ", "* ")),
        labelled=bool(LABELLED.match(s)) and not s.endswith("?"),
        words=len(s.split()),
        sentence=s.endswith((".", "!")) or len(s.split()) > 16,
    )


def is_list_front(front: tuple[Line, ...]) -> bool:
    """Items (labelled, dashed or short lines), perhaps closed by one caption sentence."""
    items = front[:-1] if front[-1].sentence and not front[-1].dash else front
    return len(items) >= 1 and all(x.labelled or x.dash or x.short for x in items)


def card_score(lines: tuple[Line, ...], a: int, b: int, c: int) -> tuple[float, str]:
    """How much a card with front lines[a:b] and back lines[b:c] looks like one."""
    front, back = lines[a:b], lines[b:c]
    head = front[0]
    penalty = sum(STRONG for x in front[1:] + back if x.prompt)
    nf, nb = len(front), len(back)
    rest_dash = all(x.dash for x in front[1:])
    if head.cloze:
        kind, score = "cloze", 10.0
        if not rest_dash:
            score -= 30
        if nb != 1:
            score -= 6 * (nb - 1) + 15 * sum(x.dash for x in back[1:])
        if back[0].dash:
            score -= 10
    elif head.tf:
        kind, score = "truefalse", 12.0 if (nb == 1 and TRUTH.match(back[0].text)) else -5.0
        score -= 20 * (nf - 1)
    elif head.question:
        kind, score = "question", 10.0 - 20 * (nf - 1)
        if nb > 1 and not all(x.dash or x.labelled for x in back):
            score -= 4 * nb
    elif nf == 1 and head.sentence and nb == 1 and back[0].short and not back[0].dash:
        kind, score = "term", 7.0
    elif nf >= 2 and is_list_front(front) and nb == 1 \
            and back[0].short and not back[0].labelled and not back[0].dash:
        kind, score = "list", 3.0 + 0.5 * nf
        items = [x for x in front if not x.sentence]
        longest = max((x.words for x in items), default=0)
        if all(x.labelled or x.dash for x in items):
            score += 4  # "Term: explanation" or "- item" lines, then the name of the list
        elif back[0].words >= 1.5 * longest:
            score += 4  # a label is longer than the short items it names
        elif back[0].words <= longest:
            score -= 6
    elif nf == 1 and not head.sentence and not head.dash and not head.labelled and back and all(x.dash or x.labelled for x in back):
        kind, score = "list", 6.0 + (2 if all(x.dash for x in back) else 0)
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
            return -40.0, ((a, n, n, "note"),)
        top: tuple[float, tuple] = (float("-inf"), ())
        for b in range(a + 1, min(n, a + MAX_FRONT) + 1):
            if b > a + 1 and lines[b - 1].prompt:
                break
            for c in range(b + 1, min(n, b + MAX_BACK) + 1):
                if lines[c - 1].prompt:
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

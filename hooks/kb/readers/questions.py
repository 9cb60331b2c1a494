"""Practice-question banks, read as questions in every common shape.

A question is a stem (a heading, or a paragraph, maybe under a "Q3" label heading, maybe
with an image, code or a table after it), then its options (a task list, or lettered
``A.`` / ``A)`` / ``(A)`` lines or items), then where the right ones are: ticked options,
an answer line (``Answer: B``, ``Correct answer: B, D``, ``**Answer:** C``) or a
``<details>`` block; then maybe an explanation (a paragraph, a blockquote, a callout,
``Explanation:``). Each becomes one QUESTION block; its options never stay a list of
their own, so they never become facts or cards.
"""
from __future__ import annotations

import re

from .. import model as m
from ..inline import plain_text

# "A. text", "a) text", "(A) text", "**A.** text": one lettered option.
LETTER = re.compile(r"^(?:\*\*)?\(?([A-Ha-h])[.)](?:\*\*)?\s+(\S.*)$")
ANSWER = re.compile(
    r"^[^\w(*_]*(?:\*\*|__)?\s*(?:the\s+)?(?:correct|right|best)?\s*(?:answers?|ans|solution|key)\s*(?:\*\*|__)?"
    r"\s*(?:[:：]|\s+is\b|\s+are\b)\s*(?:\*\*|__)?\s*(.*?)\s*(?:\*\*|__)?\s*$",
    re.IGNORECASE,
)
EXPLAIN = re.compile(r"^[^\w*_]*(?:\*\*|__)?\s*(?:explanation|explained|why|reason|rationale)\s*(?:\*\*|__)?"
                     r"\s*[:：]?\s*(?:\*\*|__)?\s*", re.IGNORECASE)
LABEL = re.compile(  # a heading that only numbers a question: "Q1", "Question 12 — Easy", "7."
    r"^(?:(?:q|ques|question|problem|exercise|practice\s+question)\s*#?\s*\d+|\d+)\s*"
    r"(?:[.:)]|\s*[-—–]\s*\w+(?:\s+\w+)?)?\s*$",
    re.IGNORECASE,
)
CHOOSE = re.compile(r"\b(?:choose|select|pick)\s+(?:two|three|four|five|all|\d)\b", re.IGNORECASE)
INTERROGATIVE = re.compile(r"^(?:\W*(?:q(?:uestion)?\s*)?\d+\s*[.:)—–-]\s*)?(?:which|what|how|why|when|where|who|whom"
                           r"|whose|select|choose|identify)\b", re.IGNORECASE)
IMAGE = re.compile(r"!\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"'\n]*[\"'])?\s*\)")
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
# "B", "A, C", "B and D", "(B)", "B. Recall", "B - Recall"; never "A decision tree".
ANSWER_LETTERS = re.compile(r"^\(?([A-H])\)?((?:\s*(?:,|&|/|\band\b|\s)\s*\(?[A-H]\)?(?![\w']))*)"
                            r"(?=\s*$|\s*[.):;,—–-]|\s+\()")
LETTER_RUN = re.compile(r"^([A-H]{2,5})(?=\s*$|\s*[.):;,—–-])")  # "AD": two right options, no separator
# What a stem may show before its options: a list that is not the options, a "Select 3" admonition, a quote.
STEM_KINDS = (m.PARAGRAPH, m.CODE, m.TABLE, m.FORMULA, m.DIAGRAM, m.LIST, m.CALLOUT, m.QUOTE)
BINARY = ({"yes", "no"}, {"true", "false"})  # options that make any statement a question
DETAILS = "details"  # the lang of a CALLOUT read from a <details> block
EXPLAIN_LABEL = re.compile(r"^[^\w*_]*(?:\*\*|__)?\s*(?:explanation|explained|why|reason|rationale)\s*"
                           r"(?:\*\*|__)?\s*[:：]|^(?:\*\*|__)(?:explanation|why|reason|rationale)(?:\*\*|__)",
                           re.IGNORECASE)
EXPLAIN_TITLE = re.compile(r"explanation|explained|why|reason|rationale", re.IGNORECASE)
MAX_STEM_BLOCKS = 6


# -- recognising the parts -------------------------------------------------------

def letter_of(text: str) -> str:
    mt = LETTER.match(text.strip())
    return mt.group(1).upper() if mt else ""


def question_like(text: str) -> bool:
    """Text that asks: a question mark, "choose two", or an interrogative opening."""
    words = plain_text(text)
    return "?" in words or "___" in words or bool(CHOOSE.search(words) or INTERROGATIVE.match(words))


def is_label(text: str) -> bool:
    return bool(LABEL.match(plain_text(text)))


def image_only(text: str) -> bool:
    return bool(IMAGE.search(text)) and not IMAGE.sub("", text).strip()


def local_image(text: str) -> str:
    """The first image in text that lives beside the notes (never one from the web)."""
    for found in IMAGE.finditer(text):
        path = found.group(1)
        if not SCHEME.match(path) and not path.startswith(("/", "#")):
            return path
    return ""


def binary(blocks: list[m.Block], k: int) -> bool:
    """Block k holds Yes/No or True/False options: a statement to judge."""
    if k >= len(blocks) or blocks[k].kind != m.LIST:
        return False
    words = {plain_text(i.text).lower().rstrip(".") for i in blocks[k].items}
    return len(blocks[k].items) == 2 and words in BINARY and options_of(blocks[k]) is not None


def sequential(letters: list[str]) -> bool:
    return bool(letters) and all(x == chr(ord("A") + n) for n, x in enumerate(letters))


def options_of(block: m.Block) -> tuple[m.Item, ...] | None:
    """The options a list holds: two or more top-level task items, or lettered items A, B, C…
    (a note nested under an option stays under it)."""
    items = folded(block.items, 0) if block.kind == m.LIST else None
    if not items or len(items) < 2:
        return None
    if all(i.checked is not None for i in items):
        return items
    if sequential([letter_of(i.text) for i in items]):
        return items
    return None


def folded(items: tuple[m.Item, ...] | list[m.Item], depth: int) -> tuple[m.Item, ...] | None:
    """The items at ``depth``, each with the items nested deeper under it as a list of its own;
    None when the first item is deeper or an item is shallower."""
    out: list[m.Item] = []
    run: list[m.Item] = []

    def close() -> None:
        if run:
            last = out[-1]
            sub = m.Block(m.LIST, m.Span(run[0].span.first, max(item_end(x) for x in run)), items=tuple(run))
            out[-1] = m.Item(last.text, last.span, last.depth, last.ordered, last.checked, last.extra + (sub,))
            run.clear()

    for item in items:
        if item.depth < depth or (item.depth > depth and not out):
            return None
        if item.depth == depth:
            close()
            out.append(item)
        else:
            run.append(m.Item(item.text, item.span, item.depth - depth - 1, item.ordered, item.checked, item.extra))
    close()
    return tuple(out)


# -- answers ---------------------------------------------------------------------

def answer_value(line: str) -> str | None:
    """What an answer line says (None when the line is not one)."""
    mt = ANSWER.match(plain_text(line) if "*" in line or "_" in line else line.strip())
    return mt.group(1).strip() if mt else None


def answer_indexes(value: str, options: tuple[m.Item, ...]) -> list[int]:
    """Which options an answer names: by letter ("B", "A, C", "B. Recall") or by its text."""
    value = value.strip().strip("*_").strip()
    texts = [norm_option(i.text) for i in options]
    if norm_option(value) in texts:
        return [texts.index(norm_option(value))]
    letters = [letter_of(i.text) for i in options]
    position = {(x or chr(ord("A") + n)): n for n, x in enumerate(letters)}
    run = LETTER_RUN.match(value)
    mt = ANSWER_LETTERS.match(value)
    if run:
        named = list(run.group(1))
    elif mt:
        named = [mt.group(1)] + re.findall(r"\b([A-H])\b", mt.group(2))
    else:
        return []
    found = [position[x] for x in dict.fromkeys(named) if x in position]
    return found if len(found) == len(set(named)) else []


def norm_option(text: str) -> str:
    text = plain_text(text).strip()
    mt = LETTER.match(text)
    return " ".join((mt.group(2) if mt else text).lower().rstrip(".").split())


def with_answers(options: tuple[m.Item, ...], right: list[int]) -> tuple[m.Item, ...]:
    return tuple(m.Item(i.text, i.span, 0, i.ordered, n in right, i.extra) for n, i in enumerate(options))


def split_answer(text: str, options: tuple[m.Item, ...], loose: bool = False) -> tuple[list[int], str] | None:
    """The right options an answer text names, and the explanation after them (None when it names none).
    ``loose``: inside an answer's <details>, a bare "B" or "B. Recall" line is the answer too."""
    lines = [x for x in text.split("\n")]
    for n, line in enumerate(lines):
        if not line.strip():
            continue
        value = answer_value(line)
        if value is None and loose and n == next(k for k, x in enumerate(lines) if x.strip()):
            value = line
        if value is None:
            continue
        rest = lines[n + 1:]
        if not value:  # "Correct Answer :" with the answer on the next line
            k = next((k for k, x in enumerate(rest) if x.strip()), None)
            if k is None:
                return None
            value, rest = rest[k], rest[k + 1:]
        right = answer_indexes(value, options)
        if right:
            return right, explanation_text("\n".join(lines[:n] + rest))
        return None
    return None


def explanation_text(text: str) -> str:
    """An explanation without its label ("Explanation:", "**Why**")."""
    lines = [x.strip() for x in text.strip().split("\n")]
    if lines and EXPLAIN.match(lines[0]):
        lines[0] = EXPLAIN.sub("", lines[0], count=1).strip()
        lines[0] = lines[0][:1].upper() + lines[0][1:]  # "Explanation: a gateway…" reads "A gateway…"
    return "\n".join(lines).strip()


def is_explanation(block: m.Block) -> bool:
    """A block that explains the answer before it: a quote, a callout, an "Explanation:" paragraph."""
    if block.kind == m.QUOTE:
        return True
    if block.kind == m.CALLOUT:
        return block.lang != DETAILS or bool(EXPLAIN_TITLE.search(block.title))
    return block.kind == m.PARAGRAPH and bool(EXPLAIN_LABEL.match(block.text))


# -- lettered option lines inside paragraphs -------------------------------------

def lettered_lists(blocks: list[m.Block]) -> list[m.Block]:
    """Paragraph lines that are lettered options (A. …, B. …) become a list of those options, so
    every shape of option reaches the question pass as a list; the lines around them stay paragraphs.
    Options written one per paragraph (A. …, blank, B. …) join into one list; a lone "A." line that
    no "B." follows is a paragraph again."""
    out: list[m.Block] = []
    lone: dict[int, m.Block] = {}  # id of a one-option list made from a paragraph line → that paragraph
    for block in blocks:
        if block.kind == m.PARAGRAPH and out and continues(out[-1], as_options(block)):
            pieces = [as_options(block)]  # "B. …" on its own after "A. …": the options go on
        elif block.kind == m.PARAGRAPH:
            pieces = split_paragraph(block)
        elif block.kind == m.LIST:
            pieces = [unfold_items(block)]
        else:
            pieces = [block]
        for piece in pieces:
            prev = out[-1] if out else None
            if prev is not None and continues(prev, piece):
                merged = m.Block(m.LIST, m.Span(prev.span.first, piece.span.last), items=prev.items + piece.items)
                lone.pop(id(prev), None)
                out[-1] = merged
                continue
            if piece.kind == m.LIST and len(piece.items) == 1 and block.kind == m.PARAGRAPH:
                lone[id(piece)] = m.Block(m.PARAGRAPH, piece.span, text=piece.items[0].text)
            out.append(piece)
    return [lone.get(id(b), b) for b in out]


def as_options(block: m.Block) -> m.Block:
    """A paragraph whose every line is a lettered option, in order, as a list of them (else itself)."""
    lines = block.text.split("\n")
    letters = [letter_of(x) for x in lines]
    if len(lines) != block.span.last - block.span.first + 1 or not all(letters) or any(
            ord(b) != ord(a) + 1 for a, b in zip(letters, letters[1:], strict=False)):
        return block
    first = block.span.first
    return m.Block(m.LIST, block.span, items=tuple(m.Item(x.strip(), m.Span(first + k, first + k))
                                                   for k, x in enumerate(lines)))


def unfold_items(block: m.Block) -> m.Block:
    """"1) Which …?" with its lettered options and answer written straight under it (read as lazy
    continuation lines of the item): the options become its sub-items, the answer lines their note."""
    items: list[m.Item] = []
    for item in block.items:
        lines = item.text.split("\n")
        start = next((k for k, x in enumerate(lines) if k and letter_of(x) == "A"), None)
        if start is None or len(lines) != item.span.last - item.span.first + 1:
            items.append(item)
            continue
        stop = start + 1
        while stop < len(lines) and letter_of(lines[stop]) == chr(ord(letter_of(lines[stop - 1])) + 1):
            stop += 1
        if stop - start < 2:
            items.append(item)
            continue
        first = item.span.first
        rest = tuple(m.Block(m.PARAGRAPH, m.Span(first + stop, item.span.last), text="\n".join(lines[stop:]))
                     for _ in [0] if stop < len(lines))
        items.append(m.Item("\n".join(lines[:start]), m.Span(first, first + start - 1), item.depth, item.ordered,
                            item.checked))
        options = [m.Item(lines[k].strip(), m.Span(first + k, first + k), item.depth + 1)
                   for k in range(start, stop)]
        options[-1] = m.Item(options[-1].text, options[-1].span, options[-1].depth, extra=rest + item.extra)
        items += options
    return m.Block(m.LIST, block.span, items=tuple(items))


def continues(prev: m.Block, block: m.Block) -> bool:
    """Two lists of lettered options, the second going on from the letter the first ended at."""
    a, b = lettered(prev), lettered(block)
    return bool(a and b and all(a) and all(b)) and b[0] == chr(ord(a[-1]) + 1) \
        and not any(i.depth for i in prev.items + block.items)


def split_paragraph(block: m.Block) -> list[m.Block]:
    """A paragraph as paragraphs and lists of lettered options (a run of A, B… lines, or an "A." line
    ending the paragraph, which a "B." paragraph may continue)."""
    lines = block.text.split("\n")
    if len(lines) != block.span.last - block.span.first + 1 or not any(letter_of(x) == "A" for x in lines):
        return [block]
    pieces: list[m.Block] = []
    start = i = 0
    while i < len(lines):
        if letter_of(lines[i]) != "A":
            i += 1
            continue
        j = i + 1
        while j < len(lines) and letter_of(lines[j]) == chr(ord(letter_of(lines[j - 1])) + 1):
            j += 1
        if j - i < 2 and j < len(lines):
            i = j
            continue
        if start < i:
            pieces.append(part(block, lines, start, i))
        first = block.span.first
        items = tuple(m.Item(lines[k].strip(), m.Span(first + k, first + k)) for k in range(i, j))
        pieces.append(m.Block(m.LIST, m.Span(first + i, first + j - 1), items=items))
        start = i = j
    if not pieces:
        return [block]
    if start < len(lines):
        pieces.append(part(block, lines, start, len(lines)))
    return pieces


def part(block: m.Block, lines: list[str], start: int, stop: int) -> m.Block:
    first = block.span.first
    return m.Block(m.PARAGRAPH, m.Span(first + start, first + stop - 1), text="\n".join(lines[start:stop]))


def lettered(block: m.Block) -> list[str]:
    return [letter_of(i.text) for i in block.items] if block.kind == m.LIST else []


# -- the question pass -----------------------------------------------------------

def make_questions(blocks: list[m.Block]) -> list[m.Block]:
    """Every question in blocks as one QUESTION block; everything else as it was."""
    blocks = lettered_lists(blocks)
    out: list[m.Block] = []
    n = 0
    while n < len(blocks):
        found = question_at(blocks, n)
        if found is not None:
            made, n = found
            out += made
            continue
        if blocks[n].kind == m.LIST:
            made, used = questions_in_list(blocks[n], blocks[n + 1:])
            if made is not None:
                out += made
                n += 1 + used
                continue
        out.append(blocks[n])
        n += 1
    return out


def question_at(blocks: list[m.Block], n: int) -> tuple[list[m.Block], int] | None:
    """A question starting at block n: the blocks it makes and the index after it."""
    head = blocks[n]
    lead: list[m.Block] = []
    if head.kind == m.HEADING and is_label(head.text):
        lead, n = [head], n + 1  # the label stays a heading; the stem follows it
        if n >= len(blocks) or blocks[n].kind != m.PARAGRAPH or image_only(blocks[n].text):
            return None
        head = blocks[n]
    elif head.kind == m.HEADING:
        if not question_like(head.text) and not binary(blocks, n + 1):
            return None
    elif head.kind != m.PARAGRAPH or image_only(head.text) or answer_value(head.text.split("\n")[0]) is not None:
        return None
    k = n + 1
    stem: list[m.Block] = []
    while k < len(blocks) and blocks[k].kind in STEM_KINDS and options_of(blocks[k]) is None \
            and len(stem) < MAX_STEM_BLOCKS:
        if head.kind == m.PARAGRAPH and not lead and blocks[k].kind == m.PARAGRAPH and not image_only(blocks[k].text):
            return None  # a run of paragraphs with no heading over it: the question is the last one
        stem.append(blocks[k])
        k += 1
    if k >= len(blocks):
        return None
    options = options_of(blocks[k])
    if options is None:
        return None
    if head.kind == m.PARAGRAPH and not lead and not (question_like(head.text) or all(lettered(blocks[k]))
                                                      or binary(blocks, k)):
        return None  # a checklist under a remark, not a question
    scoped = head.kind == m.HEADING or bool(lead)  # a heading bounds the question: what follows is its own
    right, explain, last, k = answers_after(options, blocks, k + 1, scoped)
    if not right:
        return None
    image = next((local_image(b.text) for b in stem if b.kind == m.PARAGRAPH and local_image(b.text)),
                 local_image(head.text))
    question = m.Block(m.QUESTION, m.Span(head.span.first, last), front=head.text, items=with_answers(options, right),
                       back=explain, card_kind="choice", stem=tuple(stem), image=image,
                       level=head.level if head.kind == m.HEADING else 0)  # a heading's id stays (links to it)
    return lead + [question], k


def answers_after(options: tuple[m.Item, ...], blocks: list[m.Block], k: int,
                  scoped: bool) -> tuple[list[int], str, int, int]:
    """The right options, the explanation, the last raw line used and the index of the next block."""
    right = [n for n, i in enumerate(options) if i.checked]
    last = max(item_end(i) for i in options)
    explains: list[str] = []
    while k < len(blocks):
        block = blocks[k]
        if not right and block.kind in (m.PARAGRAPH, m.CALLOUT):
            found = split_answer(block.text, options, loose=block.kind == m.CALLOUT and block.lang == DETAILS)
            if found:
                right, why = found
                explains.append(why)
                last, k = block.span.last, k + 1
                scoped = scoped or block.kind == m.PARAGRAPH  # after an answer line, the prose explains it
                continue
        if is_explanation(block) or (scoped and block.kind == m.PARAGRAPH and not starts_question(blocks, k)):
            explains.append(explanation_text(block.text))
            last, k = block.span.last, k + 1
            continue
        break
    return right, "\n\n".join(x for x in explains if x), last, k


def starts_question(blocks: list[m.Block], k: int) -> bool:
    """Block k is a paragraph with options after it (maybe past an image or code): the next question.
    Never reads that question's answer, so a long bank costs linear time and no recursion."""
    if blocks[k].kind != m.PARAGRAPH or image_only(blocks[k].text):
        return False
    for j in range(k + 1, min(len(blocks), k + 2 + MAX_STEM_BLOCKS)):
        if options_of(blocks[j]) is not None:
            return True
        if blocks[j].kind not in STEM_KINDS or (blocks[j].kind == m.PARAGRAPH and not image_only(blocks[j].text)):
            return False
    return False


def item_end(item: m.Item) -> int:
    return max([item.span.last] + [b.span.last for b in item.extra])


# -- questions inside a numbered list --------------------------------------------

def questions_in_list(block: m.Block, after: list[m.Block]) -> tuple[list[m.Block] | None, int]:
    """"1. Which …?" items whose sub-items are the options (A. …, or a task list), each with its answer
    below it (an answer line or a <details> block); the list's other items stay a list. Returns the blocks
    and how many of the blocks after the list the last question used, or None when none is a question."""
    groups: list[list[m.Item]] = []
    for item in block.items:
        if item.depth == 0 or not groups:
            groups.append([item])
        else:
            groups[-1].append(item)
    out: list[m.Block] = []
    pending: list[m.Item] = []
    used = 0
    made = False
    for g, group in enumerate(groups):
        question, taken = list_question(group, after if g == len(groups) - 1 else [])
        if question is None:
            pending += group
            continue
        if pending:
            out.append(list_of(pending))
            pending = []
        out.append(question)
        used, made = taken, True
    if not made:
        return None, 0
    if pending:
        out.append(list_of(pending))
    return out, used


def list_of(items: list[m.Item]) -> m.Block:
    first = items[0].span.first
    return m.Block(m.LIST, m.Span(first, max(item_end(i) for i in items)), items=tuple(items))


def list_question(group: list[m.Item], after: list[m.Block]) -> tuple[m.Block | None, int]:
    """One numbered item with its option sub-items as a question (None when it is not one), and how
    many blocks of ``after`` its answer used."""
    stem = group[0]
    children = folded(group[1:], 1)
    if not children or len(children) < 2:
        return None, 0
    tasks = all(c.checked is not None for c in children)
    if not tasks and not sequential([letter_of(c.text) for c in children]):
        return None, 0
    if tasks and not question_like(stem.text):
        return None, 0  # a checklist with sub-steps
    options = tuple(m.Item(c.text, c.span, 0, False, c.checked, tuple(b for b in c.extra if b.kind == m.LIST))
                    for c in children)
    right = [n for n, i in enumerate(options) if i.checked]
    explains: list[str] = []
    for b in (b for c in children for b in c.extra if b.kind != m.LIST):  # answer lines, <details> under the options
        if not right and b.kind in (m.PARAGRAPH, m.CALLOUT):
            found = split_answer(b.text, options, loose=b.kind == m.CALLOUT and b.lang == DETAILS)
            if found:
                right, why = found
                explains.append(why)
                continue
        if right:
            explains.append(explanation_text(b.text))
    last, used = max(item_end(x) for x in group), 0
    if after and (not right or not explains):
        found_right, why, end, k = answers_after(with_answers(options, right), after, 0, False)
        if found_right and k:
            right, last, used = found_right, max(last, end), k
            explains.append(why)
    if not right:
        return None, 0
    stem_blocks = tuple(b for b in stem.extra if b.kind in STEM_KINDS)
    question = m.Block(m.QUESTION, m.Span(stem.span.first, last), front=stem.text,
                       items=with_answers(options, right), back="\n\n".join(x for x in explains if x),
                       card_kind="choice", stem=stem_blocks,
                       image=next((local_image(b.text) for b in stem_blocks if local_image(b.text)),
                                  local_image(stem.text)))
    return question, used

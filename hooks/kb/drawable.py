"""Diagrams and formulas that cannot be drawn: found once per build, shown as their source.

A recovered diagram or formula that Mermaid or KaTeX cannot parse becomes an ``undrawn``
block: its Sources page shows its source in a visible note with the parser's complaint, the
build warns with its note and line, and it is neither counted as recovered nor attached to
a topic or the Formulas page.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from . import model as m
from .inline import safe_diagram
from .notes import NoteProblem

# (diagram sources, (tex, display) pairs) → (error or None for each diagram, for each formula)
Check = Callable[[list[str], list[tuple[str, bool]]], tuple[list, list]]
Broken = dict[tuple[str, int], tuple[str, str]]  # (note, first line) → ("diagram"|"formula", why it cannot be drawn)
KIND_NAMES = {m.DIAGRAM: "diagram", m.FORMULA: "formula"}


def drawables(blocks: tuple[m.Block, ...]) -> Iterator[m.Block]:
    """Every diagram and formula block, list items' own blocks included."""
    for block in blocks:
        if block.kind in KIND_NAMES:
            yield block
        for item in block.items:
            yield from drawables(item.extra)


def as_drawn(block: m.Block) -> str:
    """The text the browser hands to Mermaid or KaTeX for this block."""
    return safe_diagram(block.text) if block.kind == m.DIAGRAM else block.text.strip()


def find_undrawable(documents: list[m.Document], check: Check) -> Broken:
    """(note, first line) → (kind, the parser's error), for each diagram or formula that would not draw."""
    found = [(doc.source, b) for doc in documents for b in drawables(doc.blocks)]
    diagrams = [(s, b) for s, b in found if b.kind == m.DIAGRAM]
    formulas = [(s, b) for s, b in found if b.kind == m.FORMULA]
    if not found:
        return {}
    d_errors, f_errors = check([as_drawn(b) for _, b in diagrams], [(as_drawn(b), True) for _, b in formulas])
    errors = zip([*diagrams, *formulas], [*d_errors, *f_errors], strict=True)
    return {(source, block.span.first): (KIND_NAMES[block.kind], error) for (source, block), error in errors if error}


def mark_undrawable(doc: m.Document, broken: Broken) -> m.Document:
    """The document with each broken diagram or formula turned into an undrawn block."""
    if not any(source == doc.source for source, _ in broken):
        return doc

    def mark(blocks: tuple[m.Block, ...]) -> tuple[m.Block, ...]:
        out = []
        for block in blocks:
            found = broken.get((doc.source, block.span.first)) if block.kind in KIND_NAMES else None
            if found:
                block = replace(block, kind=m.UNDRAWN, lang=found[0], title=found[1])
            elif block.items:
                block = replace(block, items=tuple(replace(i, extra=mark(i.extra)) for i in block.items))
            out.append(block)
        return tuple(out)

    return replace(doc, blocks=mark(doc.blocks))


def undrawable_problems(broken: Broken) -> list[NoteProblem]:
    return [
        NoteProblem(source, line, f"{kind} cannot be drawn, its source is shown instead: {error}")
        for (source, line), (kind, error) in sorted(broken.items())
    ]

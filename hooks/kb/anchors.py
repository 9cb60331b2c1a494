"""Heading ids of a note: assigned once, right after the note is read, and read by every stage.

Each heading gets GitHub's id for it, so the links authors wrote to their headings work on the
Sources page; knowledge cites facts by them, the report places lines under them, the renderer
writes them. ``with_anchors`` sets them on the Document (the parse cache keeps the result), and
``page_anchors`` / ``block_anchors`` only read what it stored.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from . import model as m
from .inline import plain_text
from .slug import GithubSlugger, heading_text


@dataclass(frozen=True)
class Anchors:
    """The heading ids of one Sources page: GitHub's, so the links authors wrote to their headings work."""

    blocks: tuple[m.Block, ...]  # each heading (and question read from a heading) with its id; the title's is ''
    fragments: dict[str, str]  # GitHub's id of each heading → its id here ('' for the title: the top of the page)


def has_anchor(block: m.Block) -> bool:
    """A heading, or a practice question read from a heading: both keep the id GitHub gives the heading."""
    return block.kind == m.HEADING or (block.kind == m.QUESTION and block.level > 0)


def is_title_line(doc: m.Document, n: int, block: m.Block) -> bool:
    """The note's own title line, which the page shows as its title rather than as a heading."""
    return n == 0 and block.kind == m.HEADING and plain_text(block.text) == plain_text(doc.title)


def assign_anchors(doc: m.Document) -> Anchors:
    """Give every heading GitHub's id for it, in document order (repeats get -1, -2…)."""
    slugger = GithubSlugger()
    out, fragments = [], {}
    for n, block in enumerate(doc.blocks):
        if has_anchor(block):
            anchor = slugger.slug(heading_text(block.text if block.kind == m.HEADING else block.front))
            if not anchor:  # only emoji or punctuation: GitHub's id is empty, which no link can name
                anchor = slugger.slug(f"section {n + 1}")
            fragments[anchor] = anchor
            if is_title_line(doc, n, block):
                fragments[anchor] = anchor = ""  # it becomes the page title: links and citations go to the top
            block = replace(block, anchor=anchor)
        out.append(block)
    return Anchors(tuple(out), fragments)


def with_anchors(doc: m.Document) -> m.Document:
    """The document with its heading ids set, once, right after reading (see notes.ParseCache)."""
    anchors = assign_anchors(doc)
    return replace(doc, blocks=anchors.blocks, fragments=anchors.fragments)


def page_anchors(doc: m.Document) -> Anchors:
    """The heading ids stored on a document; a document made by hand (never read from a file) gets them here."""
    if doc.fragments is None:
        return assign_anchors(doc)
    return Anchors(doc.blocks, doc.fragments)


def block_anchors(doc: m.Document) -> list[tuple[m.Block, str]]:
    """Each block with the anchor of the heading it sits under ('' before any)."""
    current = ""
    out = []
    for block in page_anchors(doc).blocks:
        if has_anchor(block):
            current = block.anchor
        out.append((block, current))
    return out

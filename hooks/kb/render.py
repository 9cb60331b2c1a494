"""Render a normalised Document as Markdown for its Sources page."""
from __future__ import annotations

import re
from pathlib import Path

from . import model as m
from .anchors import is_title_line, page_anchors
from .inline import (
    plain_text,
    safe_diagram,
    safe_inline,
    safe_lines,
    safe_title,
)
from .media import find_images
from .page_meta import front_matter as page_front_matter
from .readers import LABELS
from .targets import LinkAccount, LinkSite, resolve_links

BACKTICKS = re.compile(r"`{3,}")
GENERATED_DIAGRAM = "kb-diagram"  # the fence of diagrams the site draws from the knowledge (see mkdocs.yml)
FAMILY_LABELS = LABELS  # family name → label, from the registry in readers/__init__.py


def fence(source: str, lang: str, indent: str = "") -> str:
    """A fenced block that no run of backticks inside the source can close."""
    if lang in ("mermaid", GENERATED_DIAGRAM):
        source = safe_diagram(source)  # every diagram on every page: Mermaid reads labels as HTML
    longest = max((len(r) for r in BACKTICKS.findall(source)), default=2)
    ticks = "`" * max(3, longest + 1)
    body = "\n".join(indent + line if line else "" for line in source.split("\n"))
    return f"{indent}{ticks}{lang}\n{body}\n{indent}{ticks}"


def indent_block(text: str, indent: str) -> str:
    return "\n".join(indent + line if line.strip() else "" for line in text.split("\n"))


def formula_markdown(tex: str, indent: str = "") -> str:
    return indent_block(f"$$\n{tex.strip()}\n$$", indent)


def _item_marker(item: m.Item, number: int) -> str:
    marker = f"{number}." if item.ordered else "-"
    if item.checked is not None:
        marker += " [x]" if item.checked else " [ ]"
    return marker


def line_anchor(line: int) -> str:
    """An empty element a citation can point at: ``#L<line>`` of the raw note."""
    return f'<a id="L{line}" class="kb-line"></a>'


def render_list(items: tuple[m.Item, ...], anchors: set[int] | None = None) -> str:
    """A (nested) list; an item whose first raw line is in ``anchors`` starts with its anchor
    (taken out of the set: one id per line)."""
    out: list[str] = []
    counters: dict[int, int] = {}
    for item in items:
        for deeper in [d for d in counters if d > item.depth]:
            del counters[deeper]
        counters[item.depth] = counters.get(item.depth, 0) + 1
        indent = "    " * item.depth
        text = safe_lines(item.text).replace("\n", "\n" + indent + "    ")
        if anchors and item.span.first in anchors:
            anchors.discard(item.span.first)
            text = line_anchor(item.span.first) + text
        out.append(f"{indent}{_item_marker(item, counters[item.depth])} {text}")
        for extra in item.extra:
            out.append("")
            out.append(indent_block(render_block(extra), indent + "    "))
        if item.extra:
            out.append("")
    return "\n".join(out).rstrip()


DASHED = ("- ", "* ", "• ")


def render_side(mark: str, text: str) -> str:
    """One side of a card after its mark: one line as a paragraph, a lead-in line over
    dashed lines as a paragraph and a list, other runs of lines as a list. A list
    starts on a line of its own, after a blank line, or Markdown reads it as text."""
    lines = [x.strip() for x in text.split("\n") if x.strip()]
    if len(lines) <= 1:
        return f"**{mark}** {safe_lines(lines[0]) if lines else ''}".rstrip()
    lead = ""
    if not lines[0].startswith(DASHED) and all(x.startswith(DASHED) for x in lines[1:]):
        lead = " " + safe_lines(lines.pop(0))
    items = "\n".join("- " + safe_lines(x[2:].strip() if x.startswith(DASHED) else x) for x in lines)
    return f"**{mark}**{lead}\n\n{items}"


def render_card(block: m.Block) -> str:
    return (
        f'<div class="kb-card" data-kind="{block.card_kind}" markdown>\n\n'
        f"{render_side('Q', block.front)}\n\n"
        f"{render_side('A', block.back)}\n\n</div>"
    )


def render_question(block: m.Block) -> str:
    """Every question the same way: the stem (with its image, code or table), the options unticked,
    then the right ones and the explanation in a collapsed block, revealed on demand."""
    options = render_list(tuple(m.Item(i.text, i.span, ordered=False, extra=i.extra) for i in block.items))
    right = [safe_inline(plain_text(i.text)) for i in block.items if i.checked]
    if len(right) == 1:
        body = [f"**Answer:** {right[0]}"]
    else:
        body = ["**Answers:**\n\n" + "\n".join(f"- {x}" for x in right)]
    if block.back:
        body.append(safe_lines(block.back))
    details = indent_block("\n\n".join(body), "    ")
    stem = [safe_lines(block.front), *(render_block(b) for b in block.stem)]
    return "\n\n".join([*stem, options, f'??? success "Answer"\n\n{details}'])


def render_table(block: m.Block) -> str:
    def row(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(safe_inline(c).replace("|", "\\|") for c in cells) + " |"

    header, *body = block.rows
    width = len(header)
    lines = [row(header), "|" + "---|" * width]
    lines += [row(tuple(r) + ("",) * (width - len(r))) for r in body]
    return "\n".join(lines)


def render_callout(block: m.Block) -> str:
    kind = block.lang if block.lang in CALLOUT_TYPES else "note"
    title = plain_text(block.title).replace('"', "'")
    head = f'!!! {kind} "{title}"' if title else f"!!! {kind}"
    return head + "\n\n" + indent_block(callout_body(block.text), "    ")


CALLOUT_ITEM = re.compile(r"^(\s*)([-*+]|\d{1,3}[.)])\s+(\S.*)$")


def callout_body(text: str) -> str:
    """A callout's text, its list items kept as a list (nested by indent, a blank line before), the rest
    as safe lines: the status box of an exam, an Obsidian callout of bullets."""
    out: list[str] = []
    stack: list[int] = []  # indents of the open list levels
    for line in text.split("\n"):
        item = CALLOUT_ITEM.match(line)
        if item is None:
            stack = [] if line.strip() and not line[:1].isspace() else stack
            out.append(safe_lines(line) if line.strip() else "")
            continue
        indent = len(item.group(1).expandtabs(4))
        while stack and indent < stack[-1]:
            stack.pop()
        if not stack or indent > stack[-1]:
            stack.append(indent)
        if len(stack) == 1 and out and out[-1] and not CALLOUT_ITEM.match(out[-1]):
            out.append("")  # Markdown starts no list straight after a paragraph line
        marker = item.group(2) if item.group(2)[0].isdigit() else "-"
        out.append("    " * (len(stack) - 1) + marker + " " + safe_inline(item.group(3)))
    return "\n".join(out)


def render_undrawn(block: m.Block) -> str:
    """A diagram or formula that cannot be drawn: its source, in a visible note that says why."""
    what = "diagram" if block.lang == "diagram" else "formula"
    css = "kb-diagram-error" if what == "diagram" else "kb-formula-error"
    parser = "Mermaid" if what == "diagram" else "KaTeX"
    body = fence(block.text, "text") + "\n\n" + safe_inline(f"{parser}: {block.title}")
    head = f'!!! failure {css} "This {what} could not be drawn; its source is shown instead"'
    return head + "\n\n" + indent_block(body, "    ")


CALLOUT_TYPES = frozenset(
    ["note", "abstract", "info", "tip", "success", "question", "warning", "failure", "danger", "bug", "example",
     "quote"]
)


def render_block(block: m.Block) -> str:
    kind = block.kind
    if kind == m.HEADING:
        return f"{'#' * block.level} {safe_inline(safe_title(block.text))} {{#{block.anchor}}}"
    if kind == m.PARAGRAPH:
        return safe_lines(block.text)
    if kind == m.LIST:
        return render_list(block.items)
    if kind == m.CODE:
        return fence(block.text, block.lang)
    if kind == m.TREE:
        return fence(block.text, "text")
    if kind == m.DIAGRAM:
        return fence(block.text, "mermaid")
    if kind == m.FORMULA:
        return formula_markdown(block.text)
    if kind == m.TABLE:
        return render_table(block)
    if kind == m.CARD:
        return render_card(block)
    if kind == m.QUESTION:
        anchor = f'<div id="{block.anchor}" class="kb-anchor"></div>\n\n' if block.anchor else ""
        return anchor + render_question(block)
    if kind == m.QUOTE:
        return indent_block(safe_lines(block.text), "> ").replace("\n\n", "\n>\n")
    if kind == m.CALLOUT:
        return render_callout(block)
    if kind == m.RULE:
        return "---"
    if kind == m.UNDRAWN:
        return render_undrawn(block)
    raise ValueError(f"unknown block kind {kind!r} at lines {block.span.label()}")


def front_matter(doc: m.Document) -> str:
    """MkDocs page meta for a Sources page."""
    description = f"Normalised study note {doc.source} ({FAMILY_LABELS.get(doc.family, doc.family)})."
    return page_front_matter(doc.title, description, kb_source=doc.source, kb_family=doc.family)


def render_document(doc: m.Document, site: LinkSite | None = None, page: str = "", anchored: bool = False) -> str:
    """The whole Sources page: title, provenance, then the normalised blocks."""
    return render_page(doc, site, page, anchored)[0]


def render_page(doc: m.Document, site: LinkSite | None = None, page: str = "",
                anchored: bool = False) -> tuple[str, LinkAccount]:
    """The Sources page of a note (docs path ``page``) and what became of its links and images.
    Without ``site``, only links to the note's own headings are kept; ``anchored``: with the line
    anchors citations open (see line_ids)."""
    pending = line_ids(doc) if anchored else set()
    anchors = page_anchors(doc)
    blocks, links = resolve_links(doc.source, anchors.blocks, page, anchors.fragments, site)
    parts = [f"# {safe_inline(safe_title(doc.title))}"]
    label = FAMILY_LABELS.get(doc.family, doc.family)
    parts.append(
        f'!!! abstract "Source note"\n\n'
        f"    {safe_inline(doc.source)} · {label} · {doc.raw_lines} raw lines"
    )
    shift = 0  # the page title is the only level 1: from a level-1 heading on, all headings move down one
    for n, block in enumerate(blocks):
        if is_title_line(doc, n, block):
            continue
        if block.kind == m.HEADING:
            shift = max(shift, int(block.level == 1))
            block = m.Block(**{**block.__dict__, "level": min(6, block.level + shift)})
        parts.append(anchored_block(block, pending) if pending else render_block(block))
    return "\n\n".join(parts) + "\n", links


def link_site(docs: list[m.Document], pages: dict[str, str], folder: Path | None) -> LinkSite:
    """What the notes' links can reach: each note's Sources page (``pages``) and headings, the folder's images."""
    images = tuple(find_images(folder)) if folder is not None and folder.is_dir() else ()
    return LinkSite(pages, {d.source: page_anchors(d).fragments for d in docs}, folder, images)


def line_ids(doc: m.Document) -> set[int]:
    """The raw lines a Sources page can be opened at (``#L<n>``): the first line of each block,
    and of each list item (a citation of one item opens that item)."""
    lines: set[int] = set()
    for n, block in enumerate(doc.blocks):
        if block.kind == m.LIST:
            lines.update(i.span.first for i in block.items)
        elif not is_title_line(doc, n, block):
            lines.add(block.span.first)
    return lines


def anchored_block(block: m.Block, pending: set[int]) -> str:
    """A block with the anchors still pending (each emitted once): on each item of a list, else an
    empty element before the block."""
    if block.kind == m.LIST:
        return render_list(block.items, pending)
    if block.span.first not in pending:
        return render_block(block)
    pending.discard(block.span.first)
    return f'<div id="L{block.span.first}" class="kb-line"></div>\n\n' + render_block(block)

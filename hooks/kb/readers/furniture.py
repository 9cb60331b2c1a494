"""Page furniture people paste in with their notes: badges, back-to-top links, shop and
sponsor link lists, and a table of contents that only repeats the page's headings.

None of it is knowledge: each block found is dropped, line by line, with a reason
(report.json says which), so it never becomes a fact, a card or stray Markdown.
"""
from __future__ import annotations

import re

from .. import model as m
from . import patterns as p

TOC = "table of contents"
BADGE = "badge"
BACK_TO_TOP = "back-to-top link"
PROMOTION = "promotion"

# [![alt](image "title")](https://…): an image that links out of the notes.
LINKED_IMAGE = re.compile(r"\[\s*!\[[^\]\n]*\]\([^)\n]*\)\s*\]\(\s*<?https?://[^)\s]+>?(?:\s+[\"'][^\"'\n]*[\"'])?\s*\)")
BADGE_IMAGE = re.compile(r"!\[[^\]\n]*\]\(\s*<?https?://(?:img\.shields\.io|badgen\.net|badge\.fury\.io|[^)\s]*/badges?/)"
                         r"[^)\n]*\)", re.IGNORECASE)
BACK_TOP = re.compile(
    r"^[\W_]*(?:\[[^\]\n]*?(?:back\s+to\s+(?:the\s+)?top|go\s+to\s+top|return\s+to\s+top|to\s+top|top\s+of\s+page"
    r"|^\W*top\W*$)[^\]\n]*\]\(#[^)\s]*\)"
    r"|<a\s+href=[\"']#[^\"']*[\"']\s*>[^<]*?(?:back\s+to\s+top|top)[^<]*</a>)[\W_]*$",
    re.IGNORECASE,
)
# <a href="https://…"><img src="…"></a>, or a badge service's <img>: the HTML spelling of a badge.
HTML_BADGE = re.compile(r"<a\s[^<>]*href=[\"']https?://[^\"']+[\"'][^<>]*>\s*<img\s[^<>]*>\s*</a\s*>"
                        r"|<img\s[^<>]*src=[\"']https?://(?:img\.shields\.io|badgen\.net|badge\.fury\.io)[^<>]*>",
                        re.IGNORECASE)
WRAPPER_TAG = re.compile(r"</?(?!a\b)[a-z][a-z0-9]*(?:\s[^<>]*)?/?>", re.IGNORECASE)  # <p align="right">, <sub>…
ARROW_TOP = re.compile(r"^[\W_]*\[\s*[↑⬆⇧▲^][^\]\w]*(?:top)?\s*\]\(#[^)\s]*\)[\W_]*$", re.IGNORECASE)
# One entry of a table of contents: a link to a heading of this page, maybe numbered, bulleted or in a table row.
TOC_LINE = re.compile(r"^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:\|?\s*[\w.]{0,6}\s*\|)?\s*(?:\*\*)?"
                      r"\[(?:[^\[\]\n]|\[[^\[\]\n]*\])+\]\(#[^)\s]+\)(?:\*\*)?\s*\|?\s*$")
SHOP = re.compile(r"\b(?:shop|store|buy|purchase|udemy|etsy|ebay|patreon|gumroad|ko-fi|buymeacoffee|buy me a coffee"
                  r"|sponsors?|donate|donation|paypal|google play|leanpub|amazon\.[a-z.]+/dp|kindle|coupon|discount)\b",
                  re.IGNORECASE)
EXTERNAL_LINK = re.compile(r"\[[^\]\n]+\]\(\s*<?https?://[^)\s]+")


def raw(lines: list[str], block: m.Block) -> list[str]:
    """The block's raw lines that hold something."""
    return [lines[n - 1] for n in block.span if n - 1 < len(lines) and lines[n - 1].strip()]


def is_badges(text: str) -> bool:
    """Nothing but linked images pointing out of the notes, or badge-service images."""
    rest = BADGE_IMAGE.sub("", LINKED_IMAGE.sub("", HTML_BADGE.sub("", text)))
    return rest != text and not WRAPPER_TAG.sub("", rest).strip(" \t\n|·•-")


def is_back_to_top(text: str) -> bool:
    line = WRAPPER_TAG.sub("", text).strip()
    return "\n" not in line and bool(BACK_TOP.match(line) or ARROW_TOP.match(line))


def is_toc(lines: list[str]) -> bool:
    """Every line a link to an anchor on this page (table header and rule lines aside), two or more."""
    entries = [x for x in lines if not p.TABLE_SEP.match(x)]
    if entries and not TOC_LINE.match(entries[0]) and len(lines) > 1 and p.TABLE_SEP.match(lines[1]):
        entries = entries[1:]  # a table's header row
    return len(entries) >= 2 and all(TOC_LINE.match(x) for x in entries)


def is_promotion(block: m.Block) -> bool:
    """A list whose every item links out, most of them to a shop, a course or a sponsor page."""
    top = [i for i in block.items if i.depth == 0]
    if len(top) < 2 or not all(EXTERNAL_LINK.search(i.text) for i in top):
        return False
    return sum(bool(SHOP.search(i.text)) for i in top) * 2 > len(top)


def furniture_reason(block: m.Block, lines: list[str], nxt: m.Block | None) -> str:
    """Why a block is page furniture ('' when it is content)."""
    if block.kind == m.PARAGRAPH:
        if is_badges(block.text):
            return BADGE
        if is_back_to_top(block.text):
            return BACK_TO_TOP
    if block.kind in (m.PARAGRAPH, m.LIST, m.TABLE) and is_toc(raw(lines, block)):
        return TOC
    if block.kind == m.TABLE and len(block.rows) == 1 and nxt is not None and nxt.kind == m.PARAGRAPH \
            and nxt.span.first == block.span.last + 1 and is_toc(raw(lines, nxt)):
        return TOC  # a table's head whose rows Markdown cannot read as rows (no closing pipe)
    if block.kind == m.LIST and is_promotion(block):
        return PROMOTION
    return ""


def drop_furniture(blocks: list[m.Block], lines: list[str]) -> tuple[list[m.Block], list[m.Dropped]]:
    """The blocks that are content, and a dropped line with its reason for each furniture line."""
    kept: list[m.Block] = []
    dropped: list[m.Dropped] = []
    for n, block in enumerate(blocks):
        reason = furniture_reason(block, lines, blocks[n + 1] if n + 1 < len(blocks) else None)
        if not reason:
            kept.append(block)
            continue
        dropped += [m.Dropped(n, reason) for n in block.span if n - 1 < len(lines) and lines[n - 1].strip()]
    return kept, dropped

"""Cross-links: the first mention of an entity in each section links to its topic page.

A section runs from one heading to the next: a reader scanning it sees each name linked
once, not in every list item. Works on the Markdown of any page. Code, formulas, headings,
HTML, existing links, URLs and elements marked ``data-kb-nolink`` are left untouched; a page
never links to itself.
"""
from __future__ import annotations

import re

from .links import link
from .matcher import Matcher, Mention

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
PROTECT = re.compile(
    r"(`+).+?\1"  # code spans
    r"|\$\$.+?\$\$|(?<![\\$\w])\$(?=\S)[^$\n]+?(?<=\S)\$(?!\w)"  # inline maths
    r"|\\\(.+?\\\)"
    r"|!?\[(?:\\.|[^\]\n])*\]\([^)\n]*\)(?:\{[^}\n]*\})?"  # links and images (text may hold \[ \]), with attributes
    r"|!?\[(?:\\.|[^\]\n])*\]\[[^\]\n]*\]"
    r"|<(\w+)[^>\n]*\sdata-kb-nolink[^>\n]*>.*?</\2>"  # an element a page marks as not to be linked
    r"|<a\s[^>\n]*>.*?</a>"  # a link written in HTML: never a link inside a link
    r"|<[^>\n]+>"  # HTML tags and autolinks
    r"|\{[:.#][^}\n]*\}"  # attribute lists
    r"|https?://\S+|www\.\S+"
    r"|\[\[[^\]\n]+\]\]"
)
SKIP_LINE = re.compile(r"^\s*(?:#{1,6}\s|!!!|\?\?\?|<|\|?\s*:?-{3,}|---\s*$|\*\*\*\s*$)")
HEADING = re.compile(r"^#{1,6}\s")  # a new section: its first mentions are linked again


def with_page(mention: Mention, matcher: Matcher, targets: dict[str, str]) -> Mention | None:
    """The mention, if its topic has a page; else, inside a longer name of a topic without one ('AWS Glue
    Data Catalog'), the longest name it starts with of a topic with one ('AWS Glue'). Only a name the
    longer one starts with: 'Hugging Face Transformers' is no mention of the Transformer architecture."""
    while mention.slug not in targets:
        inner = [x for x in matcher.find(mention.text[:-1]) if x.start == 0]
        if not inner:
            return None
        mention = Mention(mention.start, mention.start + inner[0].end, inner[0].slug, inner[0].text)
    return mention


def link_line(line: str, matcher: Matcher, targets: dict[str, str], here: str, seen: set[str]) -> str:
    found_here = matcher.find(line)
    if not found_here:
        return line  # most lines name no topic: no need to find what they protect
    protected = [(m.start(), m.end()) for m in PROTECT.finditer(line)]
    chosen = []
    for found in found_here:
        mention = with_page(found, matcher, targets)
        if mention is None or mention.slug in seen:
            continue
        if any(a < mention.end and mention.start < b for a, b in protected):
            continue
        seen.add(mention.slug)
        chosen.append(mention)
    for mention in reversed(chosen):
        target = link(here, targets[mention.slug])
        line = f"{line[:mention.start]}[{mention.text}]({target}){{ .kb-link }}{line[mention.end:]}"
    return line


def link_markdown(markdown: str, matcher: Matcher, targets: dict[str, str], here: str, own: str = "") -> str:
    """Markdown with the first mention of each entity in every section linked (targets: slug → docs path)."""
    out: list[str] = []
    fence: str | None = None
    in_math = False
    seen: set[str] = {own} if own else set()
    for line in markdown.split("\n"):
        m = FENCE.match(line)
        if fence is not None:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line.strip().strip(fence[0]):
                fence = None
            out.append(line)
            continue
        if m:
            fence = m.group(1)
            out.append(line)
            continue
        stripped = line.strip()
        if stripped.startswith("$$"):
            if not (len(stripped) > 4 and stripped.endswith("$$")):
                in_math = not in_math
            out.append(line)
            continue
        if in_math:
            if stripped.endswith("$$"):
                in_math = False
            out.append(line)
            continue
        if HEADING.match(line):
            seen = {own} if own else set()
        if not stripped or SKIP_LINE.match(line):
            out.append(line)
            continue
        out.append(link_line(line, matcher, targets, here, seen))
    return "\n".join(out)

"""Make note text safe to place in generated Markdown.

Note text is data. Markdown emphasis, code spans, links and maths pass through;
raw HTML does not (except a few harmless formatting tags without attributes),
link targets with a scheme other than http(s)/mailto are dropped, and the
``{...}`` of attribute lists is escaped so no note can add an attribute.
Relative links and images are kept only once ``targets.py`` has resolved them
to a page, heading or image of the site (marked with ``RESOLVED``).
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

from .tex import repair_tex

SAFE_TAGS = frozenset({"u", "b", "i", "em", "strong", "sub", "sup", "br", "kbd", "mark", "s", "del"})
SAFE_SCHEMES = ("http://", "https://", "mailto:")

CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)
INLINE_MATH = re.compile(
    r"(?<![\\$])\$\$(?=\S)[^$\n]+?(?<=\S)\$\$(?!\$)"  # $$...$$ inside a line
    r"|(?<![\\$\w])\$(?=\S)([^$\n]+?)(?<=\S)\$(?![\w$])"
)
DOUBLE_DOLLAR = re.compile(r"(?<![\\$])\$\$(?=\S)([^$\n]+?)(?<=\S)\$\$(?!\$)")  # display maths written inline
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\s*(/?)>")
ANGLE = re.compile(r"[<>]")
TARGET = r"((?:[^()\s]|\([^()\s]*\))*)(\s+(?:\"[^\"]*\"|'[^']*'))?"  # one level of (…) in a target; a title
IMAGE_IN_LINK = r"!\[[^\]\n]*\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\)"
# A link or image; a link's label may hold an image (a badge).
LABEL = r"((?:" + IMAGE_IN_LINK + r"|\[[^\[\]\n]*\]|[^\[\]\n])*)"  # brackets inside in pairs (k = [1..10])
LINK = re.compile(r"(!?)\[" + LABEL + r"\]\(" + TARGET + r"\)")
RESOLVED = "\x06"  # starts a target that targets.py resolved; notes cannot hold control characters
RESOLVED_URL = re.compile(r"^(?:[A-Za-z0-9._~%/-]*)(?:#[A-Za-z0-9._~%-]*)?$")  # relative, no scheme
MISSING_IMAGE = '<span class="kb-image-missing" title="Image not found">'  # then the alt text, then </span>
LINK_OPEN, LINK_MID = "\x04", "\x05"  # the brackets of a link we made, kept apart from the note's own
BRACKET = re.compile(r"[\[\]]")  # any other bracket could start a link or a reference definition
ACTIVE_HTML = re.compile(
    r"<\s*/?\s*(?:script|iframe|frame|object|embed|applet|base|meta|link|style|svg|math|form)\b"
    r"|<[^<>]*\s(on[a-z]+)\s*="  # [^<>]: each scan stops at the next bracket, so long lines stay linear
    r"|(?:\]\(\s*<?|\]:\s*<?|<|=\s*[\"']?|href\s+[\"']?)\s*((?:java|vb)script|data)\s*:",
    re.IGNORECASE,
)
WIKILINK = re.compile(r"\[\[([^\]|\n]+)(?:\|([^\]\n]+))?\]\]")
BRACE = re.compile(r"[{}]")
AMP_ENTITY = re.compile(r"&(?!#?[A-Za-z0-9]{1,31};)")
PROTECTED = re.compile("\x02(\\d+)\x03")


def _repaired_math(m: re.Match[str]) -> str:
    return repair_tex(m.group(0))


def _protect(pattern: re.Pattern[str], text: str, keep: list[str]) -> str:
    # Replace each match by a placeholder so later passes leave it alone.
    def stash(m: re.Match[str]) -> str:
        keep.append(m.group(0))
        return f"\x02{len(keep) - 1}\x03"

    return pattern.sub(stash, text)


def _restore(text: str, keep: list[str]) -> str:
    while PROTECTED.search(text):
        text = PROTECTED.sub(lambda m: keep[int(m.group(1))], text)
    return text


def _safe_link(m: re.Match[str], keep: list[str]) -> str:
    image, label, target, title = m.group(1), m.group(2), m.group(3), _title(m.group(4))
    if not image:
        label = LINK.sub(lambda inner: _safe_link(inner, keep), label)  # a badge: the image inside the link
    if target.startswith(RESOLVED):
        url = target[len(RESOLVED):]
        if image and not url:
            keep.extend([MISSING_IMAGE, "</span>"])  # a visible placeholder naming the missing image
            return f"\x02{len(keep) - 2}\x03Image not found: {label or 'no description'}\x02{len(keep) - 1}\x03"
        if RESOLVED_URL.match(url):
            return f"{image}{LINK_OPEN}{label}{LINK_MID}{url}{title})"
        return label
    if target.lower().startswith(SAFE_SCHEMES):
        return f"{LINK_OPEN}{label}{LINK_MID}{target}{title})"  # an image becomes a link: no outside request
    return label  # unsafe, relative or unresolved target: keep the words, drop the link


def _title(title: str | None) -> str:
    """A link title in double quotes (a note may use single ones)."""
    if not title:
        return ""
    words = title.strip()[1:-1].replace('"', "'")
    return f' "{words}"'


def active_html(text: str) -> str | None:
    """What in a run of note text would run a script if it were markup (``<script``, ``onerror=``…)."""
    found = ACTIVE_HTML.search(text)
    if found is None:
        return None
    name = found.group(1) and found.group(1) + "=" or found.group(2) and found.group(2) + ":"
    return (name or found.group(0).replace(" ", "")).lower()


def _safe_tag(m: re.Match[str]) -> str:
    if m.group(2).lower() in SAFE_TAGS:
        return m.group(0)
    return m.group(0).replace("<", "&lt;").replace(">", "&gt;")


def wikilink_text(text: str) -> str:
    """``[[Target|Label]]`` reads as its label; ``[[Target]]`` as its target."""
    return WIKILINK.sub(lambda m: (m.group(2) or m.group(1)).strip(), text)


@lru_cache(maxsize=1 << 16)  # the same runs are made safe by several stages, and again by every serve rebuild
def safe_inline(text: str) -> str:
    """Markdown-safe version of one run of note text."""
    keep: list[str] = []
    text = _protect(CODE_SPAN, text, keep)
    text = INLINE_MATH.sub(_repaired_math, DOUBLE_DOLLAR.sub(r"$\1$", text))
    text = _protect(INLINE_MATH, text, keep)
    text = wikilink_text(text)
    text = AMP_ENTITY.sub("&amp;", text)
    text = LINK.sub(lambda m: _safe_link(m, keep), text)
    text = _protect(TAG, TAG.sub(_safe_tag, text), keep)
    text = ANGLE.sub(lambda m: "&lt;" if m.group(0) == "<" else "&gt;", text)
    text = BRACE.sub(lambda m: "\\" + m.group(0), text)
    text = BRACKET.sub(lambda m: "\\" + m.group(0), text)
    return _restore(text.replace(LINK_OPEN, "[").replace(LINK_MID, "]("), keep)


@lru_cache(maxsize=1 << 16)
def plain_text(text: str) -> str:
    """The words of a run of note text, without Markdown marks (for titles, cards)."""
    text = wikilink_text(text)
    text = LINK.sub(lambda m: m.group(2), LINK.sub(lambda m: m.group(2), text))  # a badge: link, then image
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = TAG.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def html_text(text: str) -> str:
    """The words of a run of note text as HTML text (for blocks written as finished HTML): marks dropped,
    every character that could be markup escaped."""
    return html.escape(plain_text(text))


BLOCK_START = re.compile(r"^(\s*)([#>+]|[-*_](?=\s|[-*_\s]*$))")
ORDERED_START = re.compile(r"^(\s*\d+)([.)])(?=\s|$)")
SETEXT = re.compile(r"^(\s*)=")


def safe_lines(text: str) -> str:
    """``safe_inline`` for text of several lines, none of which may start a new block."""
    out = []
    for line in text.split("\n"):
        line = safe_inline(line.strip())
        line = BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line)
        line = ORDERED_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line)
        out.append(SETEXT.sub(lambda m: m.group(1) + "&#61;", line))
    return "\n".join(out)


def safe_title(text: str) -> str:
    """Words for a title or heading, with nothing a template could read as markup.

    Theme templates print titles unescaped (and ``striptags`` unescapes entities),
    so angle brackets become look-alike quotes rather than entities.
    """
    text = plain_text(text).replace("<", "‹").replace(">", "›")
    return "".join(ch for ch in text if ch.isprintable()) or "Untitled"


def safe_attribute(text: str) -> str:
    """Words for a page description: the theme prints it unescaped inside ``content="…"``,
    so a double quote, which would end the attribute, becomes a look-alike too."""
    return safe_title(text).replace('"', "”")


DIAGRAM_TAG = re.compile(  # a tag, or a lone < opening one; never the << >> of class annotations
    r"(?<!<)<(/?)([A-Za-z][\w-]*)([^<>]*)>(?!>)|(?<!<)<(?=[A-Za-z/!?])"
)
DIAGRAM_SAFE_TAGS = frozenset({"b", "i", "u", "em", "strong", "sub", "sup", "small", "br"})


def _diagram_tag(m: re.Match[str]) -> str:
    if m.group(2) is None:
        return "#lt;"
    if m.group(2).lower() in DIAGRAM_SAFE_TAGS and m.group(3).strip() in ("", "/"):
        return m.group(0)
    return f"#lt;{m.group(1)}{m.group(2)}{m.group(3)}#gt;"


def safe_diagram(source: str) -> str:
    """Mermaid source whose labels cannot hold markup: Mermaid reads labels as HTML (sanitised,
    but an ``<img>`` still loads from anywhere), so other tags become its ``#lt;`` entity and show as text."""
    return DIAGRAM_TAG.sub(_diagram_tag, source)

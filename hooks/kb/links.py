"""Relative links between pages of the docs folder: Markdown ones (MkDocs resolves ``.md`` links), and
links written as HTML, which the hook resolves."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from posixpath import dirname, relpath


@lru_cache(maxsize=65536)
def _relative_path(from_dir: str, to_path: str) -> str:
    return relpath(to_path, from_dir or ".")


def link(from_uri: str, to_uri: str) -> str:
    """Relative link from one docs/ path to another, keeping any ``#anchor``.

    Pages link to the same few targets over and over (a note's Sources page, a topic), so the
    path arithmetic is cached by folder and target."""
    path, _, anchor = to_uri.partition("#")
    rel = _relative_path(dirname(from_uri), path)
    return rel + (f"#{anchor}" if anchor else "")


# A link written as finished HTML (maps, backlinks, citations): MkDocs leaves raw HTML alone, so its target
# is a docs path marked with a control character (no note can hold one), which the hook makes the page's
# URL, in whatever URL style the build uses (masked_links, then filled_links).
PAGE_HREF = "\x07"


def html_link(to_uri: str, text: str, css: str = "", title: str = "", final: bool = False) -> str:
    """``<a>`` to the page at docs path ``to_uri`` (``#anchor`` kept). ``text`` and ``title`` are HTML already;
    ``final``: the text is no Markdown, and goes into the slot masked_links makes with the target."""
    attrs = f' title="{title}"' if title else ""  # the title right after the target: see masked_links
    attrs += f' class="{css}"' if css else ""
    return f'<a href="{PAGE_HREF}{to_uri}"{attrs}>' + (f"{PAGE_HREF}{text}{PAGE_HREF}" if final else text) + "</a>"


SLOT = "\x08"  # stands for an html_link's target and title in masked Markdown (no note holds a control character)
HTML_LINK = re.compile('<a href="\x07([^"]*)"(?: title="([^"]*)")?((?: class="[^"]*")?)>(?:\x07([^\x07]*)\x07)?')
FILLED_SLOT = re.compile('\x08(\\d+)(t?)\x08(?:="")?')  # (BeautifulSoup, in mermaid2, writes a bare attribute ="")
TEXT_SLOT = re.compile("\x08(\\d+)t\x08")  # a final text's slot, as it stands in Material's search index


def masked_links(markdown: str) -> tuple[str, list[tuple[str, str, str | None]]]:
    """``markdown`` with the target and title of each html_link taken out (and its text, when final), a
    numbered slot in their place; and what was taken, in order. Pages whose Markdown differs only in where
    their citations point (lines added to a note move every citation below it) mask alike, so render to
    the same HTML but for the slots, which filled_links fills."""
    taken: list[tuple[str, str, str | None]] = []

    def slot(m: re.Match[str]) -> str:
        taken.append((m.group(1), m.group(2) or "", m.group(4)))
        n = len(taken) - 1
        return f"<a {SLOT}{n}{SLOT}{m.group(3)}>" + (f"{SLOT}{n}t{SLOT}" if m.group(4) is not None else "")

    return HTML_LINK.sub(slot, markdown), taken


def filled_links(text: str, taken: list[tuple[str, str, str | None]],
                 url_to: Callable[[str], str | None]) -> tuple[str, list[str]]:
    """``text`` (HTML, or Markdown) with each slot of masked_links filled: ``href`` the URL ``url_to`` gives
    for its docs path (relative to the page being built), then its title; a final text as it was; and the
    docs paths ``url_to`` knew no page for (their links keep the bare path)."""
    missing: list[str] = []

    def fill(m: re.Match[str]) -> str:
        target, title, words = taken[int(m.group(1))]
        if m.group(2):
            return words or ""
        path, hash_, anchor = target.partition("#")
        url = url_to(path)
        if url is None:
            missing.append(path)
            url = path
        return f'href="{url}{hash_}{anchor}"' + (f' title="{title}"' if title else "")

    return FILLED_SLOT.sub(fill, text), missing

"""Relative links between pages of the docs folder (MkDocs resolves ``.md`` links)."""
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
# is a docs path marked with a control character (no note can hold one), made the page's URL per page by
# resolve_page_hrefs, in whatever URL style the build uses.
PAGE_HREF = "\x07"
PAGE_HREF_ATTR = re.compile('href="\x07([^"#]*)((?:#[^"]*)?)"')


def html_link(to_uri: str, text: str, css: str = "", title: str = "") -> str:
    """``<a>`` to the page at docs path ``to_uri`` (``#anchor`` kept); ``text`` and ``title`` are HTML already."""
    attrs = f' class="{css}"' if css else ""
    attrs += f' title="{title}"' if title else ""
    return f'<a href="{PAGE_HREF}{to_uri}"{attrs}>{text}</a>'


def resolve_page_hrefs(markdown: str, url_to: Callable[[str], str | None]) -> tuple[str, list[str]]:
    """``markdown`` with each html_link target made the URL ``url_to`` gives for its docs path (relative to
    the page being built); and the docs paths it knew no page for (their links keep the bare path)."""
    if PAGE_HREF not in markdown:
        return markdown, []
    missing: list[str] = []

    def resolved(m: re.Match[str]) -> str:
        url = url_to(m.group(1))
        if url is None:
            missing.append(m.group(1))
            url = m.group(1)
        return f'href="{url}{m.group(2)}"'

    return PAGE_HREF_ATTR.sub(resolved, markdown), missing

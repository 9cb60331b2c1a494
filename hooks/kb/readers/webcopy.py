"""Text copied out of a rendered page, and GitHub file views copied as text."""
from __future__ import annotations

import re

from .. import model as m
from ..inline import plain_text
from .family import Family
from .text import Scanner

GITHUB_CHROME = [
    re.compile(p) for p in (
        r"^Skip to content$", r"^Latest commit$", r"^History$", r"^File metadata and controls$",
        r"^Table of contents$", r"^\d[\d,]* lines \(\d[\d,]* loc\) · [\d.]+ (?:Bytes|KB|MB)$",
        r"^(?:Raw|Blame|Preview|Code|Copy raw file|Download raw file|Edit this file|Top|Outline)$",
        r"^(?:Open symbols panel|More file actions|Edit file|Copy path|Go to file|Breadcrumbs)$",
    )
]
FILE_NAME = re.compile(r"^[\w.-]+\.(?:md|markdown|txt|rst|adoc|org)$", re.I)
CHROME_ZONE = 40  # GitHub's chrome sits above the document
MD_SIGNAL = re.compile(r"^(?:#{1,6}\s|```|~~~|\s*[-*+]\s|\s*\d+\.\s|>\s|\|.*\|\s*$)")
WEB_SIGNAL = re.compile(r"^\s+[•◦▪]\s|^(?:flowchart|graph)\s+(?:TB|TD|BT|RL|LR)\s*$|^\$\$")
FORMULA_FENCE = re.compile(r"^\$\$")  # in a .md file: Markdown maths (Obsidian, arithmatex), not a copy


def github_chrome(lines: list[str]) -> dict[int, str]:
    """0-based indexes of the page chrome lines, with the reason for each."""
    found: dict[int, str] = {}
    for i, line in enumerate(lines[:CHROME_ZONE]):
        s = line.strip()
        if any(p.match(s) for p in GITHUB_CHROME):
            found[i] = "page chrome (GitHub file view)"
        elif FILE_NAME.match(s) and i < CHROME_ZONE // 2:
            found[i] = "page chrome (GitHub file name line)"
    return found


def is_github_view(lines: list[str]) -> bool:
    head = {x.strip() for x in lines[:CHROME_ZONE]}
    return "Skip to content" in head and ("File metadata and controls" in head or "Latest commit" in head)


def read_web_copy(source: str, lines: list[str], *, github: bool = False) -> m.Document:
    chrome = github_chrome(lines) if github else {}
    scan = Scanner(lines, web=True, numbered_headings=github, skip=frozenset(chrome))
    scan.run()
    heading = next((b for b in scan.blocks if b.kind == m.HEADING), None)
    if heading is not None and github:
        blocks = [m.Block(**{**b.__dict__, "level": 1}) if b is heading else b for b in scan.blocks]
    else:
        blocks = scan.blocks
    title = plain_text(heading.text) if heading else source.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    dropped = [m.Dropped(i + 1, reason) for i, reason in sorted(chrome.items())] + scan.dropped
    blank = frozenset(i + 1 for i, x in enumerate(lines) if not x.strip())
    return m.Document(source, "github-view" if github else "web-copy", title, len(lines), tuple(blocks),
                      dropped=tuple(dropped), problems=tuple(scan.problems), blank=blank)


def looks_like_web_copy(name: str, lines: list[str]) -> bool:
    """More signs of a rendered page (glyph bullets, bare diagrams, $$) than of Markdown;
    a .md file needs more of them than of Markdown to count."""
    filled = [x for x in lines if x.strip()]
    md_name = name.lower().endswith((".md", ".markdown"))
    md = sum(bool(MD_SIGNAL.match(x)) for x in filled)
    web = sum(bool(WEB_SIGNAL.match(x)) and not (md_name and FORMULA_FENCE.match(x)) for x in filled)
    if md_name and md >= web:
        return False
    return bool(filled) and (web > md / 2 or md == 0)


FAMILY = Family("web-copy", "Text copied out of a rendered web page", looks_like_web_copy, read_web_copy)

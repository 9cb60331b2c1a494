"""The site navigation, from the registered page makers: a new page or topic needs no edit of mkdocs.yml.

Topic pages are reached from their section's index, and Sources pages from the Sources
index, not listed in the navigation itself: every page carries the whole navigation, so
listing every topic or every note would make the build grow with the square of the notes
(on 250 notes, rendering that navigation was a third of the build)."""
from __future__ import annotations

from .registry import MAKERS


def site_nav(site) -> list:
    """Home first, then each maker's entries (registry order), from the pages it made in this build."""
    nav: list = [{"Home": "index.md"}]
    for maker in MAKERS:
        nav += maker.nav(site.made.get(maker.name, []))
    return nav

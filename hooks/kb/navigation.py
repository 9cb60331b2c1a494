"""The site navigation, from the registered page makers: a new page or topic needs no edit of mkdocs.yml.

Topic pages are reached from their section's index, and Sources pages from the Sources
index, not listed in the navigation itself: every page carries the whole navigation, so
listing every topic or every note would make the build grow with the square of the notes
(on 250 notes, rendering that navigation was a third of the build)."""
from __future__ import annotations

from dataclasses import dataclass

from .catalog import Entity
from .registry import MAKERS
from .topic_pages import SECTIONS, topic_uri


def site_nav(site) -> list:
    """Home first, then each maker's entries (registry order), from the pages it made in this build."""
    nav: list = [{"Home": "index.md"}]
    for maker in MAKERS:
        nav += maker.nav(site.made.get(maker.name, []))
    return nav


@dataclass(frozen=True)
class SectionPlace:
    """Where a topic page sits in its section: what the sidebar lists and the footer's previous and next."""

    title: str  # the section's title
    index: str  # docs path of the section's index
    members: tuple[tuple[str, str], ...]  # (topic name, docs path), in the section index's order
    previous: str | None  # docs path of the topic before it
    next: str | None  # …and after it


def section_places(entities: tuple[Entity, ...], topics: dict[str, str]) -> dict[str, SectionPlace]:
    """docs path of each topic page → its SectionPlace; topics in name order, as the section index lists them."""
    out = {}
    for section, (title, _) in SECTIONS.items():
        members = sorted((e for e in entities if e.section == section and e.slug in topics),
                         key=lambda e: e.name.lower())
        pairs = tuple((e.name, topic_uri(e)) for e in members)
        for i, (_, uri) in enumerate(pairs):
            out[uri] = SectionPlace(title, f"{section}/index.md", pairs, pairs[i - 1][1] if i else None,
                                    pairs[i + 1][1] if i + 1 < len(pairs) else None)
    return out

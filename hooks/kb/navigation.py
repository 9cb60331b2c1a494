"""The site navigation, generated from the sections: a new topic needs no edit of mkdocs.yml.

Topic pages are reached from their section's index, and Sources pages from the Sources
index, not listed in the navigation itself: every page carries the whole navigation, so
listing every topic or every note would make the build grow with the square of the notes
(on 250 notes, rendering that navigation was a third of the build)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .catalog import Entity
from .topic_pages import SECTIONS, topic_uri

HAND_WRITTEN = ("index.md",)
TITLES = {"blueprint.md": "Exam blueprints"}


def site_nav(site, entities: tuple[Entity, ...], docs_dir: Path) -> list:
    nav: list = [{"Home": "index.md"}]
    sections = [{title: f"{section}/index.md"} for section, (title, _) in SECTIONS.items()
                if any(e.slug in site.topics and e.section == section for e in entities)]
    if sections:
        nav.append({"Topics": sections})
    pages = ("practice.md", "blueprint.md", "pipelines.md", "comparisons.md", "formulas.md")
    extra = [p for p in pages if (docs_dir / p).exists() or any(page.src_uri == p for page in site.pages)]
    nav += [{TITLES.get(p, Path(p).stem.capitalize()): p} for p in extra]
    sheets = [p.src_uri for p in site.pages if p.src_uri.startswith("cheatsheets/")]
    if sheets:
        nav.append({"Cheatsheets": sheets})
    nav.append({"Glossary": "glossary.md"})
    nav.append({"Sources": "sources/index.md"})
    # The Build report is for whoever maintains the notes, not a reader's tab: the home page and the
    # Sources page link to it.
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

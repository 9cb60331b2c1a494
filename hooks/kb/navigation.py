"""The site navigation, generated from the sections: a new topic needs no edit of mkdocs.yml.

Topic pages are reached from their section's index, and Sources pages from the Sources
index, not listed in the navigation itself: every page carries the whole navigation, so
listing every topic or every note would make the build grow with the square of the notes
(on 250 notes, rendering that navigation was a third of the build)."""
from __future__ import annotations

from pathlib import Path

from .catalog import Entity
from .topic_pages import SECTIONS

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
    nav.append({"Build report": "report.md"})
    return nav

"""Maps generated from the knowledge: topic neighbourhoods, section overviews and the end-to-end
pipeline. They are drawn at build time as finished HTML, every link an html_link the hook resolves to
the page's URL (Python-Markdown need not parse them: md_in_html was a quarter of a topic page's Markdown
time): no diagram library loads for them, every node is a real link, the labels wrap at phone width
and the colours are the theme's, in light and dark alike. Every line starts with a tag, so the
cross-linker leaves the blocks alone."""
from __future__ import annotations

from collections.abc import Callable

from .catalog import Entity
from .inline import html_text
from .links import html_link

MAX_SECTION_NODES = 18


Relations = dict[str, list[tuple[str, str]]]  # slug → (other slug, how) of the relations pointing at it


def incoming_relations(entities: dict[str, Entity]) -> Relations:
    """For every topic, the topics whose catalog relations point at it (the first such relation of each),
    in catalog order: built once, so that finding a topic's neighbours does not scan the whole catalog."""
    incoming: Relations = {}
    for other in entities.values():
        pointed: set[str] = set()
        for slug, how in other.related:
            if slug not in pointed:
                pointed.add(slug)
                incoming.setdefault(slug, []).append((other.slug, how))
    return incoming


def neighbours(entity: Entity, linked: set[str], incoming: Relations) -> list[tuple[str, str, bool]]:
    """(slug, how, outgoing) of the topics around one topic: its own relations, then the ones pointing at it."""
    out = [(slug, how, True) for slug, how in entity.related if slug in linked and slug != entity.slug]
    seen = {slug for slug, _, _ in out}
    for other, how in incoming.get(entity.slug, ()):
        if other in linked and other not in seen and other != entity.slug:
            out.append((other, how, False))
            seen.add(other)
    return out


Href = Callable[[Entity], str]  # the docs path of a topic's page (the hook makes it a URL)


def node(entity: Entity, href: Href) -> str:
    return html_link(href(entity), html_text(entity.name))


def how_label(how: str) -> str:
    return f'<span class="kb-map-how">{html_text(how)}</span>'


def item_list(rows: list[str]) -> str:
    return "<ul>\n" + "".join(f"<li>{row}</li>\n" for row in rows) + "</ul>\n"


def column(css: str, title: str, rows: list[str]) -> str:
    """One column of a map: a caption and a list of linked nodes."""
    if not rows:
        return ""
    return f'<div class="kb-map-col {css}">\n<p class="kb-map-caption">{title}</p>\n{item_list(rows)}</div>\n'


def neighbourhood_map(entity: Entity, entities: dict[str, Entity], around: list[tuple[str, str, bool]],
                      href: Href) -> str:
    """A topic between the topics that point at it (left) and those it points at (right), each edge
    named; the columns stack on a narrow screen."""
    incoming = [f"{node(entities[slug], href)} {how_label(how)}" for slug, how, outgoing in around if not outgoing]
    outgoing = [f"{how_label(how)} {node(entities[slug], href)}" for slug, how, outgoing in around if outgoing]
    return ('<div class="kb-map kb-map-hub" role="group" aria-label="Related topics">\n'
            + column("kb-map-in", "Leading here", incoming)
            + f'<p class="kb-map-self"><strong>{html_text(entity.name)}</strong></p>\n'
            + column("kb-map-out", "Leading on", outgoing) + "</div>\n")


def section_overview(members: list[Entity], facts: dict[str, int], href: Href) -> tuple[str, list[Entity]]:
    """A section's best-covered topics, each with the links it makes inside the section; and the
    topics left out (all are in the section's table)."""
    ranked = sorted(members, key=lambda e: (-facts.get(e.slug, 0), e.name.lower()))
    shown, rest = ranked[:MAX_SECTION_NODES], ranked[MAX_SECTION_NODES:]
    present = {e.slug: e for e in shown}
    cards = []
    for e in shown:
        links = [f"{how_label(how)} {node(present[slug], href)}"
                 for slug, how in e.related if slug in present and slug != e.slug]
        cards.append(f'<div class="kb-map-card">\n<p class="kb-map-self">{node(e, href)}</p>\n'
                     + (item_list(links) if links else "") + "</div>\n")
    return ('<div class="kb-map kb-map-grid" role="group" aria-label="Best-covered topics and their links">\n'
            + "".join(cards) + "</div>\n"), rest


def pipeline_diagram(stages: list[tuple[str, list[Entity]]], href: Href, per_stage: int = 4) -> str:
    """The stages top to bottom, an arrow between each, each holding its best-covered services."""
    steps = []
    for stage, members in stages:
        nodes = " ".join(f'<span class="kb-map-chip">{node(e, href)}</span>' for e in members[:per_stage])
        steps.append(f'<li class="kb-map-step">\n<p class="kb-map-self">{html_text(stage)}</p>\n'
                     f'<p>{nodes or "(none in the notes)"}</p>\n</li>\n')
    return '<ol class="kb-map kb-map-flow" aria-label="Pipeline stages">\n' + "".join(steps) + "</ol>\n"

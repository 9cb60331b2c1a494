"""Mermaid diagrams generated from the knowledge: topic neighbourhoods, section
overviews and the end-to-end pipeline. Each stays small enough to read; what does
not fit is listed under the diagram instead."""
from __future__ import annotations

import re

from .catalog import Entity

MAX_NEIGHBOURS = 8
MAX_SECTION_NODES = 18
UNSAFE_LABEL = re.compile(r'["<>{}\[\]|#;`]')


def label(text: str) -> str:
    """A Mermaid node or edge label that no note text can break out of."""
    return UNSAFE_LABEL.sub(" ", text).strip()[:60] or "?"


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


def neighbourhood_map(entity: Entity, entities: dict[str, Entity],
                      around: list[tuple[str, str, bool]]) -> tuple[str, list[tuple[str, str, bool]]]:
    """Mermaid source of a topic and its neighbours (from ``neighbours``), and the neighbours left out of it."""
    shown, rest = around[:MAX_NEIGHBOURS], around[MAX_NEIGHBOURS:]
    lines = ["flowchart LR", f'    n0["{label(entity.name)}"]:::self']
    for n, (slug, how, outgoing) in enumerate(shown, 1):
        lines.append(f'    n{n}["{label(entities[slug].name)}"]')
        arrow = f'n0 -- "{label(how)}" --> n{n}' if outgoing else f'n{n} -- "{label(how)}" --> n0'
        lines.append("    " + arrow)
    lines.append("    classDef self stroke-width:3px")
    return "\n".join(lines), rest


def section_overview(members: list[Entity], facts: dict[str, int]) -> tuple[str, list[Entity]]:
    """Mermaid source of a section's best-covered topics and their links, and the topics left out."""
    ranked = sorted(members, key=lambda e: (-facts.get(e.slug, 0), e.name.lower()))
    shown, rest = ranked[:MAX_SECTION_NODES], ranked[MAX_SECTION_NODES:]
    ids = {e.slug: f"n{i}" for i, e in enumerate(shown)}
    lines = ["flowchart LR"]
    lines += [f'    {ids[e.slug]}["{label(e.name)}"]' for e in shown]
    for e in shown:
        for slug, how in e.related:
            if slug in ids and slug != e.slug:
                lines.append(f'    {ids[e.slug]} -- "{label(how)}" --> {ids[slug]}')
    return "\n".join(lines), rest


def pipeline_diagram(stages: list[tuple[str, list[Entity]]], per_stage: int = 4) -> str:
    """Top-to-bottom flow of the stages, each a row holding its best-covered services."""
    lines = ["flowchart TB"]
    for i, (stage, members) in enumerate(stages):
        lines.append(f'    subgraph s{i}["{label(stage)}"]')
        lines.append("        direction LR")
        for j, e in enumerate(members[:per_stage]):
            lines.append(f'        s{i}n{j}["{label(e.name)}"]')
        if not members:
            lines.append(f'        s{i}n0["(none in the notes)"]')
        lines.append("    end")
    lines += [f"    s{i} --> s{i + 1}" for i in range(len(stages) - 1)]
    return "\n".join(lines)

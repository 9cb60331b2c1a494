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


def neighbours(entity: Entity, entities: dict[str, Entity], linked: set[str]) -> list[tuple[str, str, bool]]:
    """(slug, how, outgoing) of the topics around one topic: its own relations, then the ones pointing at it."""
    out = [(slug, how, True) for slug, how in entity.related if slug in linked and slug != entity.slug]
    seen = {slug for slug, _, _ in out}
    for other in entities.values():
        if other.slug in linked and other.slug not in seen and other.slug != entity.slug:
            for slug, how in other.related:
                if slug == entity.slug:
                    out.append((other.slug, how, False))
                    seen.add(other.slug)
                    break
    return out


def neighbourhood_map(entity: Entity, entities: dict[str, Entity], linked: set[str]) -> tuple[str, list[tuple[str, str, bool]]]:
    """Mermaid source of a topic and its neighbours, and the neighbours left out of it."""
    around = neighbours(entity, entities, linked)
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

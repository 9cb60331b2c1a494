"""Whole-site pages built from the knowledge: Formulas and Pipelines."""
from __future__ import annotations

import html
from collections import defaultdict
from pathlib import Path

import yaml

from .catalog import FAST_LOADER, Entity
from .diagrams import pipeline_diagram
from .inline import safe_inline
from .knowledge import Knowledge
from .links import html_link, link
from .maker import Maker, listed
from .render import formula_markdown
from .topic_pages import meta, topic_uri

PIPELINES = Path(__file__).with_name("pipelines.yaml")


def formulas_page(know: Knowledge, sources_uri: dict[str, str], pages: set[str]) -> str:
    here = "formulas.md"
    groups: dict[str, list] = defaultdict(list)
    for att, slug in know.formulas:
        groups[slug if topic_uri_of(know, slug) in pages else ""].append(att)
    out = [meta("Formulas", "Every display formula in the notes, under its topic, each linked to its source."),
           "# Formulas\n", f"Every display formula the notes contain ({len(know.formulas)}), under the topic it "
           "belongs to, each with a link to the note and lines it came from.\n"]
    order = sorted((s for s in groups if s), key=lambda s: know.entities[s].name.lower())
    for slug in order + ([""] if "" in groups else []):
        if slug:
            entity = know.entities[slug]
            out.append(f"## {safe_inline(entity.name)}\n\nTopic: [{safe_inline(entity.name)}]"
                       f"({link(here, topic_uri(entity))})\n")
        else:
            out.append("## Other formulas\n")
        for att in groups[slug]:
            src = sources_uri[att.source.note] + (f"#{att.source.anchor}" if att.source.anchor else "")
            # (its label moves with lines added above it: the page's HTML is remembered without it, see html_link)
            cite = f"<small>From {html_link(src, html.escape(att.source.label), final=True)}</small>"
            out.append(f"{formula_markdown(att.text)}\n\n{cite}\n")
    return "\n".join(out)


def topic_uri_of(know: Knowledge, slug: str) -> str:
    entity = know.entities.get(slug)
    return topic_uri(entity) if entity else ""


def load_stages(path: Path = PIPELINES) -> list[tuple[str, str, list[str]]]:
    """(stage name, what happens, slugs) in pipeline order, from pipelines.yaml."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=FAST_LOADER)
    return [(s["stage"], s["does"], list(s["topics"])) for s in data["stages"]]


def pipelines_page(entities: dict[str, Entity], know: Knowledge, pages: set[str]) -> str:
    here = "pipelines.md"
    stages = []
    for stage, does, slugs in load_stages():
        members = [entities[s] for s in slugs if s in entities and topic_uri(entities[s]) in pages]
        members.sort(key=lambda e: -len(know.by_topic.get(e.slug, [])))
        stages.append((stage, does, members))
    out = [meta("Pipelines", "The end-to-end machine-learning flow on AWS, step by step, with the services for "
                             "each step."),
           "# Pipelines\n",
           "The flow the notes describe, from data arriving to a model watched in production. Each step "
           "lists the services the notes use for it, most covered first.\n",
           pipeline_diagram([(s, m) for s, _, m in stages], topic_uri)]
    for stage, does, members in stages:
        out.append(f"## {safe_inline(stage)}\n\n{safe_inline(does)}\n")
        out += [f"- [{safe_inline(e.name)}]({link(here, topic_uri(e))}): {safe_inline(e.summary)}" for e in members]
        out.append("")
    return "\n".join(out)


PIPELINES_PAGE = Maker("pipelines",
                       lambda b: [("pipelines.md", pipelines_page(b.know.entities, b.know, b.topic_paths))],
                       nav=listed("Pipelines"),
                       home=("pipelines.md", "[Pipelines]({}): the services of an ML workflow, stage by stage."))
FORMULAS_PAGE = Maker("formulas", lambda b: [("formulas.md", formulas_page(b.know, b.uris, b.topic_paths))],
                      nav=listed("Formulas"),
                      home=("formulas.md", "[Formulas]({}): every formula of the notes, under its topic."))

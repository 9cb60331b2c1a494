"""Topic pages, section indexes and the glossary, as Markdown, from the knowledge."""
from __future__ import annotations

import json

from .catalog import Entity
from .diagrams import Relations, neighbourhood_map, neighbours, section_overview
from .inline import safe_inline, safe_title
from .knowledge import GROUPS, Fact, Knowledge
from .links import link
from .page_meta import front_matter as meta
from .render import GENERATED_DIAGRAM, fence, formula_markdown

SECTIONS = {
    "services": ("AWS services", "AWS services and SageMaker features: what each is for, its limits, how it is used."),
    "algorithms": ("Algorithms", "SageMaker built-in algorithms: inputs, hyperparameters and use cases."),
    "security": ("Security", "Security controls: identity, encryption, networking, audit."),
    "mlops": ("MLOps", "Deploying, monitoring and operating models in production."),
    "concepts": ("ML concepts", "The machine-learning ideas behind the services: metrics, models, techniques."),
}
MAX_ATTACHMENTS = 6
# Search: a topic page ranks above the raw notes it summarises, and its name and aliases are
# indexed as tags (Material's most boosted field), so an acronym or a former name finds it.
SEARCH_BOOST = 2


def topic_uri(entity: Entity) -> str:
    return f"{entity.section}/{entity.slug}.md"


def fact_line(fact: Fact, here: str, sources_uri: dict[str, str]) -> str:
    lines = [x.strip() for x in fact.text.split("\n") if x.strip()]
    text = "; ".join(x[2:] if x.startswith("- ") else x for x in lines)
    refs = " ".join(
        f'[{safe_inline(s.note.rsplit("/", 1)[-1].rsplit(".", 1)[0])}:{s.first}]'
        f'({link(here, sources_uri[s.note] + (("#" + s.anchor) if s.anchor else ""))} '
        f'"{safe_title(s.label).replace(chr(34), "")}"){{ .kb-src }}'
        for s in fact.sources
    )
    return f"- {safe_inline(text)} <span class=\"kb-refs\" data-search-exclude>{refs}</span>" if refs else f"- {safe_inline(text)}"


def topic_page(entity: Entity, know: Knowledge, linked: set[str], incoming: Relations,
               sources_uri: dict[str, str], source_titles: dict[str, str]) -> str:
    """One topic's page. ``linked``: the slugs that have a page; ``incoming``: relations by target
    (both computed once for the whole site)."""
    here = topic_uri(entity)
    facts = know.by_topic.get(entity.slug, [])
    search = {"tags": [safe_title(t) for t in entity.terms], "search": {"boost": SEARCH_BOOST}}
    out = [meta(entity.name, entity.summary, kb_topic=entity.slug, **search), f"# {safe_inline(safe_title(entity.name))}\n"]
    out.append(f"{safe_inline(entity.summary)}\n{{ .kb-summary }}\n")
    details = []
    if entity.aliases:
        details.append("**Also called:** " + ", ".join(safe_inline(a) for a in entity.aliases))
    title, _ = SECTIONS[entity.section]
    details.append(f"**Section:** [{title}]({link(here, entity.section + '/index.md')})")
    out.append(" · ".join(details) + "\n")
    if entity.status:
        out.append(f'!!! info "Name and status today"\n\n    {safe_inline(entity.status)}\n')
    for group in GROUPS:
        items = [f for f in facts if f.group == group]
        if items:
            out.append(f"## {group}\n")
            out.append("\n".join(fact_line(f, here, sources_uri) for f in items) + "\n")
    atts = know.attachments.get(entity.slug, [])[:MAX_ATTACHMENTS]
    if atts:
        out.append("## Diagrams and formulas\n")
        for att in atts:
            body = fence(att.text, "mermaid") if att.kind == "diagram" else formula_markdown(att.text)
            src = link(here, sources_uri[att.source.note] + (f"#{att.source.anchor}" if att.source.anchor else ""))
            out.append(f"{body}\n\n<small>From [{safe_inline(att.source.label)}]({src})</small>\n")
    everything = neighbours(entity, linked, incoming)
    if everything:
        source, _ = neighbourhood_map(entity, know.entities, everything)
        out.append("## Related topics\n")
        out.append('<div class="kb-map" markdown>\n')
        out.append(fence(source, GENERATED_DIAGRAM) + "\n")
        for slug, how, outgoing in everything:
            other = know.entities[slug]
            relation = safe_inline(how) if outgoing else f"{safe_inline(how)} this topic"
            out.append(f"- [{safe_inline(other.name)}]({link(here, topic_uri(other))}): {relation}")
        out.append("\n</div>\n")
    mentioned = sorted(know.mentioned_on.get(entity.slug, ()))
    if mentioned:
        out.append("## Mentioned on\n")
        for note in mentioned:
            out.append(f"- [{safe_inline(source_titles.get(note, note))}]({link(here, sources_uri[note])})")
        out.append("")
    return "\n".join(out)


def section_index(section: str, entities: list[Entity], know: Knowledge) -> str:
    here = f"{section}/index.md"
    title, blurb = SECTIONS[section]
    rows = [
        f"| [{safe_inline(e.name)}]({link(here, topic_uri(e))}) | {safe_inline(e.summary)} | "
        f"{len(know.by_topic.get(e.slug, []))} |"
        for e in sorted(entities, key=lambda e: e.name.lower())
    ]
    overview, rest = section_overview(entities, {e.slug: len(know.by_topic.get(e.slug, [])) for e in entities})
    note = f"\n\nThe map shows the {len(entities) - len(rest)} best-covered topics; all are in the table." if rest else ""
    return (meta(title, blurb) + f"# {title}\n\n{blurb}\n\n" + fence(overview, GENERATED_DIAGRAM) + note
            + "\n\n| Topic | In one line | Facts |\n|---|---|---:|\n" + "\n".join(rows) + "\n")


def glossary(entities: list[Entity], pages: set[str]) -> str:
    rows = []
    for e in entities:
        target = topic_uri(e)
        for alias in (e.name, *e.aliases):
            name = f"[{safe_inline(e.name)}]({link('glossary.md', target)})" if target in pages else safe_inline(e.name)
            rows.append((alias.lower(), f"| {safe_inline(alias)} | {name} | {SECTIONS[e.section][0]} |"))
    rows.sort()
    return (meta("Glossary", "Every acronym, alias and former name, with its topic.")
            + "# Glossary\n\nEvery name, acronym and former name the notes use, and the topic it belongs to.\n\n"
            "| Name | Topic | Section |\n|---|---|---|\n" + "\n".join(r for _, r in rows) + "\n")


def fact_json(fact: Fact) -> dict:
    """A fact as data anyone can check: its words and every ``file:line`` it came from."""
    out: dict = {"text": fact.text, "sources": [s.label.replace("–", "-") for s in fact.sources]}
    if fact.subject:
        out["subject"] = fact.subject
    if fact.status:
        out["status"] = fact.status
    return out


def topics_json(entities: list[Entity], know: Knowledge, pages: set[str], url_of) -> str:
    out = []
    for e in entities:
        uri = topic_uri(e)
        if uri not in pages:
            continue
        facts = know.by_topic.get(e.slug, [])
        entry = {
            "name": e.name, "slug": e.slug, "section": e.section, "url": url_of(uri), "aliases": list(e.aliases),
            "facts": [fact_json(f) for f in facts], "sources": sorted({s.note for f in facts for s in f.sources}),
        }
        if e.discovered:
            entry["discovered"] = True
        out.append(entry)
    return json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True)

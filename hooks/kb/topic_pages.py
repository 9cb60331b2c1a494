"""Topic pages, section indexes and the glossary, as Markdown, from the knowledge."""
from __future__ import annotations

import html
import json
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from . import model as m
from .catalog import SECTIONS, Entity
from .diagrams import Relations, neighbourhood_map, neighbours, section_overview
from .inline import html_text, plain_text, safe_inline, safe_title
from .knowledge import SHOWN_ATTACHMENTS, Fact, Knowledge, Source
from .links import html_link, link
from .maker import Build, Made, Maker, listed
from .matcher import is_acronym
from .page_meta import front_matter as meta
from .render import fence, formula_markdown, indent_block, line_ids, render_block
from .search import fact_anchor, fact_id
from .status import entity_status, long_date, status_badge

MAX_ATTACHMENTS = SHOWN_ATTACHMENTS  # the knowledge stage counts these lines as on the page
# Search: a topic page ranks above the raw notes it summarises, and its name and aliases are
# indexed as tags (Material's most boosted field), so an acronym or a former name finds it.
SEARCH_BOOST = 2


def topic_uri(entity: Entity) -> str:
    return f"{entity.section}/{entity.slug}.md"


# The page reads like a cheat sheet: what it is, then numbers, workings, choices, traps, practice.
PAGE_SECTIONS = (
    ("In short", ("What it is",)),
    ("Key numbers and limits", ("Limits and numbers",)),
    ("How it works and how to configure it", ("How it is used",)),
    ("Comparisons and when to use what", ("How it compares",)),
    ("Pitfalls and exam tips", ("Exam tips",)),
)
HOW_IT_WORKS, COMPARISONS = PAGE_SECTIONS[2][0], PAGE_SECTIONS[3][0]
STATUS_BADGES = {
    "current": '<span class="kb-status kb-status--current" title="The notes disagree: this is the statement '
               'that holds today">current</span> ',
    "superseded": '<span class="kb-status kb-status--superseded" title="The notes disagree: a newer '
                  'statement replaces this one">superseded</span> ',
}
MAX_BACKLINKS = 12  # a much-named service (S3) would otherwise list half the site
MAX_QUESTIONS = 12
QUESTION_CHARS = 140
VENDOR = re.compile(r"^(?:Amazon|AWS)\s+")  # glossary order ignores the vendor prefix


@dataclass(frozen=True)
class TopicContext:
    """What every topic page needs from the whole site, computed once per build."""

    linked: set[str]  # slugs that have a page
    incoming: Relations  # catalog relations by target
    sources_uri: dict[str, str]  # note → docs path of its Sources page
    source_titles: dict[str, str]  # note → title
    lines: dict[str, list[int]] = field(default_factory=dict)  # note → sorted lines its Sources page anchors
    backlinks: dict[str, list[str]] = field(default_factory=dict)  # slug → topics whose facts name it
    questions: dict[tuple[str, int], str] = field(default_factory=dict)  # (note, first line) → question
    tables: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # slug → (docs path#id, title)


def source_target(source: Source, ctx: TopicContext) -> str:
    """Where a citation opens (a docs path): the exact line of the Sources page when it is anchored there
    (else the nearest anchored line above it), else the heading it sits under."""
    lines = ctx.lines.get(source.note, [])
    at = bisect_right(lines, source.first) - 1
    anchor = f"L{lines[at]}" if at >= 0 else source.anchor
    return ctx.sources_uri[source.note] + (f"#{anchor}" if anchor else "")


def source_href(here: str, source: Source, ctx: TopicContext) -> str:
    """source_target as a Markdown link target from the page ``here``."""
    return link(here, source_target(source, ctx))


def source_title(source: Source) -> str:
    """``file:line`` of a citation, for a link's title attribute."""
    return html.escape(safe_title(source.label).replace('"', ""))


class Citations:
    """A page's citation markers: each distinct note line gets a number, [1], [2]…, in order of first use."""

    def __init__(self, here: str, ctx: TopicContext) -> None:
        self.here, self.ctx = here, ctx
        self.numbers: dict[tuple[str, int], int] = {}

    def marks(self, sources: list[Source]) -> str:
        parts = []
        for s in sources:
            n = self.numbers.setdefault((s.note, s.first), len(self.numbers) + 1)
            # Finished HTML: its target and title, which move when lines are added above them, are left
            # out of the Markdown a serve rebuild remembers the page's HTML by (links.masked_links).
            parts.append(html_link(source_target(s, self.ctx), f"\\[{n}\\]", css="kb-src", title=source_title(s)))
        return f'<sup class="kb-refs" data-search-exclude>{"".join(parts)}</sup>' if parts else ""


def fact_text(fact: Fact) -> str:
    """The statement as one line of safe Markdown, led by its subject when the text does not name it."""
    lines = [x.strip() for x in fact.text.split("\n") if x.strip()]
    text = safe_inline("; ".join(x[2:] if x.startswith("- ") else x for x in lines))
    subject = getattr(fact, "subject", "")
    last = plain_text(subject.split("›")[-1]).strip().lower() if subject else ""
    if last and not plain_text(fact.text).lower().startswith(last):
        text = f"**{safe_inline(subject)}:** {text}"
    return text


def dated_marks(fact: Fact, here: str, entities: dict[str, Entity]) -> str:
    """'Elastic Inference: discontinued 2024' after a fact that names a service gone today (on other pages than
    that service's own, which says so at its top)."""
    out = []
    for slug in getattr(fact, "dated", ()):
        status = entity_status(entities[slug]) if slug != here and slug in entities else None
        if status is not None:
            when = f" {status.date}" if status.date else ""
            out.append(f'<span class="kb-dated" title="{html.escape(status.text)}">{html.escape(entities[slug].name)}: '
                       f'{html.escape(status.label.lower())}{html.escape(when)}</span>')
    return " ".join(out)


def correction_marks(fact: Fact) -> str:
    """'Out of date since November 2020: retention can be raised to 365 days' after a fact saying what the catalog
    records as no longer so, 'Not so: …' after one it records as never so (contradicted by AWS documentation,
    or for an ML idea by its standard definition): what holds, said where the reader reads the claim."""
    dated = [f'<span class="kb-dated kb-outdated" title="What the notes say here changed in '
             f'{html.escape(long_date(date))}">Out of date since {html.escape(long_date(date))}: '
             f'{html.escape(note)}</span>' for date, note in getattr(fact, "outdated", ())]
    wrong = [f'<span class="kb-dated kb-mistaken" title="What the notes say here is contradicted by AWS '
             f'documentation or the standard definition">Not so: {html.escape(note)}</span>'
             for note in getattr(fact, "mistaken", ())]
    return " ".join(dated + wrong)


def fact_line(fact: Fact, cites: Citations, anchor: str = "", dated: str = "") -> str:
    """One fact as a list item: search anchor, status badge, statement, citation markers, then what it introduces."""
    badge = STATUS_BADGES.get(getattr(fact, "status", ""), "")
    marks = cites.marks(fact.sources)
    lead = fact_anchor(anchor) if anchor else ""
    out = f"- {lead}{badge}{fact_text(fact)}" + (f" {dated}" if dated else "") + (f" {marks}" if marks else "")
    for block in getattr(fact, "extra", ()):
        out += "\n\n" + indent_block(render_block(block), "    ")
    return out + ("\n" if getattr(fact, "extra", ()) else "")


def beside_current(items: list[Fact]) -> list[Fact]:
    """The facts in order, each superseded one moved right after the current fact most like it."""
    old = [f for f in items if getattr(f, "status", "") == "superseded"]
    current = [f for f in items if getattr(f, "status", "") == "current"]
    if not old or not current:
        return items
    after: dict[int, list[Fact]] = {}
    for f in old:
        twin = max(current, key=lambda c: len(c.words & f.words))
        after.setdefault(id(twin), []).append(f)
    out: list[Fact] = []
    for f in items:
        if getattr(f, "status", "") == "superseded":
            continue
        out += [f, *after.get(id(f), [])]
    return out


def section_facts(facts: list[Fact]) -> list[tuple[str, list[Fact]]]:
    """(page section, facts) in cheat-sheet order; a group the sections do not name keeps its own."""
    named = {g for _, groups in PAGE_SECTIONS for g in groups}
    out = [(title, [f for f in facts if f.group in groups]) for title, groups in PAGE_SECTIONS]
    out += [(g, [f for f in facts if f.group == g]) for g in dict.fromkeys(f.group for f in facts) if g not in named]
    return out


def topic_page(entity: Entity, know: Knowledge, ctx: TopicContext, practice: str = "") -> str:
    """One topic's page, as a cheat sheet; ``practice``: the 'Test yourself' block for its end."""
    here = topic_uri(entity)
    cites = Citations(here, ctx)
    facts = know.by_topic.get(entity.slug, [])
    anchors: set[str] = set()
    search = {"tags": [safe_title(t) for t in entity.terms], "search": {"boost": SEARCH_BOOST}}
    out = [meta(entity.name, entity.summary, kb_topic=entity.slug, **search),
           f"# {safe_inline(safe_title(entity.name))}\n"]
    out.append(status_badge(entity))
    out.append(f"{safe_inline(entity.summary)}\n{{ .kb-summary }}\n")
    details = []
    if entity.aliases:
        details.append("**Also called:** " + ", ".join(safe_inline(a) for a in entity.aliases))
    title, _ = SECTIONS[entity.section]
    details.append(f"**Section:** [{title}]({link(here, entity.section + '/index.md')})")
    out.append(" · ".join(details) + "\n")
    if entity.status:
        out.append(f'!!! info "Name and status today"\n\n    {safe_inline(entity.status)}\n')
    for heading, items in section_facts(facts):
        extra = section_extra(heading, entity, know, ctx, here)
        if items or extra:
            out.append(f"## {safe_inline(heading)}\n")
            if items:
                out.append("\n".join(fact_line(f, cites, fact_id(plain_text(f.text), anchors),
                                               " ".join(filter(None, (dated_marks(f, entity.slug, know.entities),
                                                                      correction_marks(f)))))
                                     for f in beside_current(items)) + "\n")
            out += extra
    out += practice_questions(entity, know, ctx, here)
    if practice:
        out.append(practice.strip("\n") + "\n")
    out += related_topics(entity, know, ctx, here)
    out += mentioned_on(entity, know, ctx, here)
    return "\n".join(out)


def section_extra(heading: str, entity: Entity, know: Knowledge, ctx: TopicContext, here: str) -> list[str]:
    """What a section shows beside its facts: diagrams and formulas under how it works, the
    comparison tables the topic is a row of under comparisons."""
    if heading == HOW_IT_WORKS:
        out = []
        for att in know.attachments.get(entity.slug, [])[:MAX_ATTACHMENTS]:
            body = fence(att.text, "mermaid") if att.kind == "diagram" else formula_markdown(att.text)
            src = html_link(source_target(att.source, ctx), html.escape(att.source.label), final=True)
            out.append(f"{body}\n\n<small>From {src}</small>\n")
        return out
    if heading == COMPARISONS:
        tables = ctx.tables.get(entity.slug, [])
        if tables:
            names = ", ".join(f"[{safe_inline(name)}]({link(here, target)})" for target, name in tables)
            return [f"Side by side: {names}.\n"]
    return []


def practice_questions(entity: Entity, know: Knowledge, ctx: TopicContext, here: str) -> list[str]:
    """Links to the practice-bank questions about this topic, on their Sources pages."""
    found = getattr(know, "questions_by_topic", {}).get(entity.slug, [])
    if not found:
        return []
    out = ["## Practice questions on this topic\n"]
    for source in found[:MAX_QUESTIONS]:
        text = plain_text(ctx.questions.get((source.note, source.first), "")) or f"Question at {source.label}"
        if len(text) > QUESTION_CHARS:
            text = text[: QUESTION_CHARS - 1].rsplit(" ", 1)[0] + "…"
        out.append(f"- {html_link(source_target(source, ctx), safe_inline(text), title=source_title(source))}")
    if len(found) > MAX_QUESTIONS:
        out.append(f"- …and {len(found) - MAX_QUESTIONS} more in the notes.")
    return out + [""]


def related_topics(entity: Entity, know: Knowledge, ctx: TopicContext, here: str) -> list[str]:
    everything = neighbours(entity, ctx.linked, ctx.incoming)
    if not everything:
        return []
    return ["## Related topics\n", neighbourhood_map(entity, know.entities, everything, topic_uri)]


def mentioned_on(entity: Entity, know: Knowledge, ctx: TopicContext, here: str) -> list[str]:
    """Backlinks: the topics whose facts name this one, then the notes that name it."""
    topics = [s for s in ctx.backlinks.get(entity.slug, []) if s in ctx.linked]
    notes = sorted(know.mentioned_on.get(entity.slug, ()))
    if not topics and not notes:
        return []
    out = ["## Mentioned on\n"]
    if topics:
        shown = [html_link(topic_uri(know.entities[s]), html_text(know.entities[s].name))
                 for s in topics[:MAX_BACKLINKS]]
        more = f" and {len(topics) - MAX_BACKLINKS} more" if len(topics) > MAX_BACKLINKS else ""
        out.append('<p class="kb-backlinks">Topics: ' + ", ".join(shown) + more + ".</p>\n")
    if notes:
        shown = [html_link(ctx.sources_uri[n], html_text(ctx.source_titles.get(n, n))) for n in notes]
        out.append('<p class="kb-backlinks">Notes: ' + ", ".join(shown) + ".</p>\n")
    return out


def backlinks(know: Knowledge) -> dict[str, list[str]]:
    """slug → the topics whose facts name it (never itself), most naming first."""
    matcher = know.matcher.among(know.entities)  # the build's, finding the known topics only
    named: dict[int, list[str]] = {}
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for slug, facts in know.by_topic.items():
        for fact in facts:
            if id(fact) not in named:
                named[id(fact)] = matcher.slugs_in(plain_text(fact.text))
            for other in named[id(fact)]:
                if other != slug:
                    counts[other][slug] += 1
    return {s: [t for t, _ in sorted(c.items(), key=lambda x: (-x[1], know.entities[x[0]].name.lower()))]
            for s, c in counts.items()}


def question_texts(docs) -> dict[tuple[str, int], str]:
    """(note, first line) → the question of each practice-bank question block."""
    return {(d.source, b.span.first): b.front for d in docs for b in d.blocks if b.kind == m.QUESTION}


def line_targets(docs) -> dict[str, list[int]]:
    """note → the sorted raw lines its Sources page anchors."""
    return {d.source: sorted(line_ids(d)) for d in docs}


def section_index(section: str, entities: list[Entity], know: Knowledge) -> str:
    here = f"{section}/index.md"
    title, blurb = SECTIONS[section]
    rows = [
        f"| [{safe_inline(e.name)}]({link(here, topic_uri(e))}) | {safe_inline(e.summary)} | "
        f"{len(know.by_topic.get(e.slug, []))} |"
        for e in sorted(entities, key=lambda e: e.name.lower())
    ]
    facts = {e.slug: len(know.by_topic.get(e.slug, [])) for e in entities}
    overview, rest = section_overview(entities, facts, topic_uri)
    note = f"\nThe map shows the {len(entities) - len(rest)} best-covered topics; all are in the table." if rest else ""
    return (meta(title, blurb) + f"# {title}\n\n{blurb}\n\n" + overview + note
            + "\n\n| Topic | In one line | Facts |\n|---|---|---:|\n" + "\n".join(rows) + "\n")


def sort_name(name: str) -> str:
    """The words a glossary sorts a name by: 'Amazon S3' under S, 'AWS Glue' under G."""
    return VENDOR.sub("", name) or name


def letter_of(name: str) -> str:
    first = sort_name(name)[:1].upper()
    return first if "A" <= first <= "Z" else "0–9"


def glossary(entities: list[Entity], pages: set[str]) -> str:
    """Every catalog term with its one-line definition, A to Z; each acronym also listed on its own,
    pointing at the term it stands for."""
    here = "glossary.md"
    entries: list[tuple[str, str, str]] = []  # (sort key, letter, definition list entry)
    for e in entities:
        target = topic_uri(e)
        name = f"[{safe_inline(e.name)}]({link(here, target)})" if target in pages else safe_inline(e.name)
        # Its other names and its section are labels, never links (each alias would link to this very entry).
        also = f" Also: {', '.join(safe_inline(a) for a in e.aliases)}." if e.aliases else ""
        label = f'<small class="kb-also" data-kb-nolink>{SECTIONS[e.section][0]}.{also}</small>'
        entry = f"{name}\n:   {safe_inline(e.summary)} {label}"
        entries.append((sort_name(e.name).casefold(), letter_of(e.name), entry))
        for alias in e.aliases:
            if is_acronym(alias):
                entries.append((alias.casefold(), letter_of(alias), f"{safe_inline(alias)}\n:   See {name}."))
    entries.sort(key=lambda x: (x[1] == "0–9", x[0]))
    letters = list(dict.fromkeys(letter for _, letter, _ in entries))
    bar = " ".join(f"[{x}](#{letter_id(x)})" for x in letters)
    out = [meta("Glossary", "Every term of the catalog with a one-line definition, A to Z."), "# Glossary\n",
           "Every service, feature, algorithm and concept the site knows, with its one-line definition, "
           "sorted A to Z without the Amazon/AWS prefix; each acronym also has its own line.\n",
           f'<p class="kb-az" markdown>{bar}</p>\n', '<div class="kb-glossary" markdown>\n']
    for letter in letters:
        out.append(f"## {letter} {{#{letter_id(letter)}}}\n")
        out += [entry + "\n" for _, x, entry in entries if x == letter]
    return "\n".join(out) + "\n</div>\n"


def letter_id(letter: str) -> str:
    return "digits" if letter == "0–9" else letter.lower()


def fact_json(fact: Fact) -> dict:
    """A fact as data anyone can check: its words and every ``file:line`` it came from."""
    out: dict = {"text": fact.text, "sources": [s.label.replace("–", "-") for s in fact.sources]}
    if fact.subject:
        out["subject"] = fact.subject
    if fact.status:
        out["status"] = fact.status
    if getattr(fact, "dated", ()):
        out["names_gone"] = list(fact.dated)  # services it names that are discontinued or closed today
    if getattr(fact, "outdated", ()):
        out["outdated"] = [{"since": date, "now": note} for date, note in fact.outdated]
    if getattr(fact, "mistaken", ()):
        out["mistaken"] = list(fact.mistaken)
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


def make_topic_pages(build: Build) -> Made:
    """A page for each topic the notes say something about, then an index for each section that has any."""
    out = [(topic_uri(e), topic_page(e, build.know, build.context, build.topic_extras.get(e.slug, "")))
           for e in build.with_facts]
    for section in SECTIONS:
        members = [e for e in build.with_facts if e.section == section]
        if members:
            out.append((f"{section}/index.md", section_index(section, members, build.know)))
    return out


def topics_nav(paths: list[str]) -> list:
    """The navigation lists each section's index, never every topic (every page carries the navigation)."""
    sections = [{title: f"{s}/index.md"} for s, (title, _) in SECTIONS.items() if f"{s}/index.md" in paths]
    return [{"Topics": sections}] if sections else []


TOPIC_PAGES = Maker("topics", make_topic_pages, nav=topics_nav)
GLOSSARY_PAGE = Maker("glossary", lambda b: [("glossary.md", glossary(list(b.entities), b.topic_paths))],
                      nav=listed("Glossary"),
                      home=("glossary.md", "[Glossary]({}): every term with a one-line definition, A to Z."))

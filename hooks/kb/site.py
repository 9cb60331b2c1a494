"""The pages the knowledge base adds to the site, as Markdown, from the corpus."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace

from .blueprint_page import DATA as EXAM_DATA
from .blueprint_page import PAGE as BLUEPRINT
from .blueprint_page import blueprint_page, exam_line, exam_view
from .cards import DATA as CARD_DATA
from .cards import PAGE as PRACTICE
from .cards import CardReport, build_cards, cards_by_topic, cards_json, cards_tsv, practice_page, test_yourself
from .catalog import Entity
from .cheatsheets import cheatsheet_pages
from .comparison_pages import PAGE as COMPARISONS
from .comparison_pages import comparison_links, comparisons_page, load_tables
from .diagrams import incoming_relations
from .drawable import Broken, Check, find_undrawable, mark_undrawable, undrawable_problems
from .home import HOME, home_markdown
from .inline import safe_inline, safe_title
from .knowledge import Knowledge, build_knowledge
from .links import link
from .notes import Corpus, NoteProblem
from .overview_pages import formulas_page, pipelines_page
from .page_meta import front_matter as meta
from .render import FAMILY_LABELS, front_matter, render_document
from .report import NoteAccount, account
from .search import excluded_from_search
from .slug import slugify
from .topic_pages import (
    SECTIONS,
    TopicContext,
    backlinks,
    glossary,
    line_targets,
    question_texts,
    section_index,
    topic_page,
    topic_uri,
    topics_json,
)

SOURCES = "sources"


@dataclass(frozen=True)
class Page:
    src_uri: str  # path below docs/, POSIX
    markdown: str

    @property
    def url(self) -> str:
        base = self.src_uri[:-3]
        if base.endswith("index"):
            base = base[: -len("index")]
        return base + ("/" if base and not base.endswith("/") else "")


def source_uris(sources: list[str]) -> dict[str, str]:
    """A unique, safe page path for each note: ``a/B c.txt`` → ``sources/a/b-c.md``."""
    taken: set[str] = {f"{SOURCES}/index.md"}
    out = {}
    for source in sources:
        parts = source.split("/")
        stem = parts[-1].rsplit(".", 1)[0] if "." in parts[-1] else parts[-1]
        folders = [slugify(x, "folder") for x in parts[:-1]]
        base = "/".join([SOURCES, *folders, slugify(stem, "note")])
        uri, n = f"{base}.md", 2
        while uri in taken or uri.endswith("/index.md"):
            uri, n = f"{base}-{n}.md", n + 1
        taken.add(uri)
        out[source] = uri
    return out


def url_of(uri: str) -> str:
    return Page(uri, "").url


@dataclass(frozen=True)
class Site:
    pages: list[Page]
    accounts: list[NoteAccount]
    knowledge: Knowledge
    topics: dict[str, str]  # slug → docs path of its topic page
    data: dict[str, str]  # data/*.json files: docs path → content
    problems: list[NoteProblem]  # warnings found while building (diagrams and formulas that cannot be drawn)


def build_checked_site(corpus: Corpus, entities: tuple[Entity, ...], check: Check | None) -> Site:
    """build_site, with ``check`` (see render_check) finding the diagrams and formulas that cannot be
    drawn. The check (Node, another process) runs while the pages are built as if all could be drawn;
    in the rare build where some cannot, the pages are built again with them shown as source."""
    if check is None:
        return build_site(corpus, entities)
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(find_undrawable, list(corpus.documents), check)
        site = build_site(corpus, entities)
        broken = pending.result()
    return build_site(corpus, entities, broken) if broken else site


def build_site(corpus: Corpus, entities: tuple[Entity, ...], broken: Broken | None = None) -> Site:
    """Every page the notes make. ``broken``: the diagrams and formulas that cannot be drawn, by
    (note, first line), as ``drawable.find_undrawable`` finds them; they are shown as their source."""
    broken = broken or {}
    problems = undrawable_problems(broken)
    corpus = replace(corpus, documents=tuple(mark_undrawable(d, broken) for d in corpus.documents))
    uris = source_uris([d.source for d in corpus.documents])
    pages, accounts = [], []
    for doc in corpus.documents:
        uri = uris[doc.source]
        pages.append(Page(uri, front_matter(doc) + render_document(doc, anchored=True)))
        accounts.append(account(doc, url_of(uri)))
    know = build_knowledge(list(corpus.documents), uris, entities)
    entities = tuple(know.entities.values())  # the catalog's and the topics discovered in the notes
    titles = {d.source: safe_title(d.title) for d in corpus.documents}
    with_facts = [e for e in entities if know.by_topic.get(e.slug)]
    topic_paths = {topic_uri(e) for e in with_facts}
    card_report = CardReport()
    cards = build_cards(list(corpus.documents), know, entities, card_report)
    linked, incoming = {e.slug for e in with_facts}, incoming_relations(know.entities)
    by_topic = cards_by_topic(cards)
    docs = corpus.documents
    tables = load_tables()
    context = TopicContext(linked, incoming, uris, titles, line_targets(docs), backlinks(know), question_texts(docs),
                           comparison_links(tables))
    exams = exam_view(entities, know, cards, with_facts)
    for entity in with_facts:
        mine = test_yourself(entity.slug, by_topic.get(entity.slug, []), topic_uri(entity))
        practice = exam_line(entity, exams) + mine
        pages.append(Page(topic_uri(entity), topic_page(entity, know, context, practice)))
    for section in SECTIONS:
        members = [e for e in with_facts if e.section == section]
        if members:
            pages.append(Page(f"{section}/index.md", section_index(section, members, know)))
    pages.append(Page("glossary.md", glossary(list(entities), topic_paths)))
    pages.append(Page(COMPARISONS, comparisons_page(tables, know, context)[0]))
    pages.append(Page("formulas.md", formulas_page(know, uris, topic_paths)))
    pages.append(Page("pipelines.md", pipelines_page(know.entities, know, topic_paths)))
    pages.append(Page(f"{SOURCES}/index.md", sources_index(accounts, uris)))
    pages.append(Page("report.md", report_page(accounts, corpus, know, problems)))
    pages.append(Page(PRACTICE, practice_page(card_report)))
    pages.append(Page(BLUEPRINT, blueprint_page(exams, know.entities)))
    topics = {e.slug: topic_uri(e) for e in with_facts}
    pages += [Page(uri, markdown) for uri, markdown in cheatsheet_pages(entities, know, topics)]
    data = {"data/topics.json": topics_json(list(entities), know, topic_paths, url_of),
            CARD_DATA["json"]: cards_json(cards, entities, card_report, exams.tags), CARD_DATA["tsv"]: cards_tsv(cards),
            EXAM_DATA: exams.json()}
    # The home page goes last: it links only to the pages above, and counts them.
    pages.append(Page(HOME, home_markdown([p.src_uri for p in pages], len(accounts), know, with_facts, len(cards),
                                          exams.blueprints)))
    pages = [Page(p.src_uri, excluded_from_search(p.src_uri, p.markdown)) for p in pages]
    return Site(pages, accounts, know, topics, data, problems)


def sources_index(accounts: list[NoteAccount], uris: dict[str, str]) -> str:
    here = f"{SOURCES}/index.md"
    rows = [
        f"| [{safe_inline(safe_title(a.source))}]({link(here, uris[a.source])}) | "
        f"{FAMILY_LABELS.get(a.family, a.family)} | {a.raw_lines} | {a.counts['cards']} | "
        f"{a.counts['diagrams']} | {a.counts['formulas']} |"
        for a in accounts
    ]
    return (
        meta("Sources", "Every raw note, normalised into a readable page.") +
        "# Sources\n\nEvery raw note the site was built from, read as its family and normalised. "
        "Each topic fact links back here, to the note and the lines it came from. Where every line went, "
        f"placed or dropped and why: the [Build report]({link(here, 'report.md')}).\n\n"
        "| Note | Read as | Lines | Cards | Diagrams | Formulas |\n|---|---|---:|---:|---:|---:|\n"
        + "\n".join(rows) + "\n"
    )


def report_page(accounts: list[NoteAccount], corpus: Corpus, know: Knowledge, found: list[NoteProblem]) -> str:
    rows = []
    for a in accounts:
        reasons = {}
        for reason in a.dropped.values():
            key = reason.split(" (")[0]
            reasons[key] = reasons.get(key, 0) + 1
        dropped = "; ".join(f"{k}: {v}" for k, v in sorted(reasons.items())) or "–"
        rows.append(
            f"| {safe_inline(safe_title(a.source))} | {a.family} | {a.raw_lines} | {len(a.placed)} | "
            f"{safe_inline(dropped)} | {len(a.unplaced)} | {a.counts['diagrams']} | {a.counts['formulas']} | "
            f"{a.counts['cards']} |"
        )
    problems = "\n".join(f"- {safe_inline(str(p))}" for p in [*corpus.problems, *found]) or "None."
    skipped = ", ".join(safe_inline(s) for s in corpus.skipped) or "None."
    return (
        meta("Build report", "Where every raw line of every note went.") +
        "# Build report\n\nFor every note: its lines, how many were placed on a page, which were dropped "
        "and why, and what was recovered. The same account, line by line, is in "
        "[data/report.json](data/report.json); the topics are listed in [data/topics.json](data/topics.json).\n\n"
        "| Note | Family | Lines | Placed | Dropped | Unplaced | Diagrams | Formulas | Cards |\n"
        "|---|---|---:|---:|---|---:|---:|---:|---:|\n" + "\n".join(rows) + "\n\n"
        f"## Warnings\n\n{problems}\n\n## Notes with no page\n\n{skipped}\n\n"
        "## Candidate topics\n\nHeadings that match no catalog entry (how often they occur): "
        "candidates for `hooks/kb/catalog.yaml`.\n\n" + candidates(know) + "\n\n"
        "## On no topic\n\nContent lines that reach no topic page (they are on their note's Sources page), "
        "by reason:\n\n" + on_no_topic(know) + "\n"
    )


def on_no_topic(know: Knowledge) -> str:
    reasons: dict[str, int] = {}
    for lines in know.off_topic.values():
        for reason in lines.values():
            reasons[reason] = reasons.get(reason, 0) + 1
    if not reasons:
        return "None."
    return "\n".join(f"- {safe_inline(r)}: {c}" for r, c in sorted(reasons.items(), key=lambda x: (-x[1], x[0])))


def candidates(know: Knowledge) -> str:
    if not know.candidates:
        return "None."
    return ", ".join(f"{safe_inline(name)} ({count})" for name, count in know.candidates)

"""The pages the knowledge base adds to the site, as Markdown, from the corpus."""
from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from .anki import deck_apkg
from .blueprint_page import DATA as EXAM_DATA
from .blueprint_page import exam_line, exam_view
from .cards import DATA as CARD_DATA
from .cards import CardReport, build_cards, cards_by_topic, cards_json, cards_tsv, test_yourself, topic_data
from .catalog import Entity
from .comparison_pages import comparison_links, load_tables
from .diagrams import incoming_relations
from .drawable import Broken, Check, find_undrawable, mark_undrawable, undrawable_problems
from .home import HOME, home_markdown
from .inline import safe_title
from .knowledge import Knowledge, build_knowledge
from .maker import Build
from .matcher import Joined
from .media import media_uri
from .notes import Corpus, NoteProblem
from .registry import MAKERS
from .render import front_matter, link_site, render_page
from .report import NoteAccount, account
from .search import excluded_from_search
from .source_pages import Page, source_uris, url_of
from .targets import LinkAccount
from .topic_pages import TopicContext, backlinks, line_targets, question_texts, topic_uri, topics_json


@dataclass(frozen=True)
class Site:
    pages: list[Page]
    accounts: list[NoteAccount]
    knowledge: Knowledge
    topics: dict[str, str]  # slug → docs path of its topic page
    data: dict[str, str | bytes]  # data/ files (json, tsv, apkg): docs path → content
    problems: list[NoteProblem]  # warnings found while building (undrawable diagrams, broken links, missing images)
    made: dict[str, list[str]] = field(default_factory=dict)  # maker name → the docs paths it made
    links: LinkAccount = field(default_factory=LinkAccount)  # the notes' links and images; images go under media/

    @property
    def matcher(self) -> Joined:
        """The build's one name → topic matcher: the linker finds names with it, linking those with a page."""
        return self.knowledge.matcher


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
    build = read_build(corpus, entities, broken or {})
    pages: list[Page] = []
    made: dict[str, list[str]] = {}
    for maker in MAKERS:  # each generated page module, in the order of the registry
        output = maker.make(build)
        made[maker.name] = [uri for uri, _ in output]
        pages += [Page(uri, markdown) for uri, markdown in output]
    know, cards, exams = build.know, build.cards, build.exams
    urls = {slug: url_of(uri) for slug, uri in build.topics.items()}
    by_slug = {e.slug: e for e in build.entities}
    deck = cards_json(cards, build.entities, build.card_report, exams.tags, urls)
    data = {"data/topics.json": topics_json(list(build.entities), know, build.topic_paths, url_of),
            CARD_DATA["json"]: deck, CARD_DATA["tsv"]: cards_tsv(cards), EXAM_DATA: exams.json(),
            CARD_DATA["apkg"]: deck_apkg(deck),
            # note → its Sources page, so a practice answer can link to where its card came from
            "data/sources.json": json.dumps({s: url_of(u) for s, u in sorted(build.uris.items())}, ensure_ascii=False),
            # each topic page's own cards: a topic page fetches a few kilobytes, never the whole deck
            **{topic_data(slug): cards_json(mine, topics_of(mine, by_slug), None, exams.tags, urls)
               for slug, mine in cards_by_topic(cards).items() if slug in build.topics}}
    # The home page goes last: it links only to the pages above, and counts them.
    pages.append(Page(HOME, home_markdown([p.src_uri for p in pages], len(build.accounts), know, build.with_facts,
                                          len(cards), exams.blueprints)))
    pages = [Page(p.src_uri, excluded_from_search(p.src_uri, p.markdown)) for p in pages]
    return Site(pages, build.accounts, know, build.topics, data, build.problems, made, build.links)


def topics_of(cards: list, by_slug: dict[str, Entity]) -> tuple[Entity, ...]:
    """The entities of the cards' topics: all a topic's own cards.json looks up (not the whole catalog each)."""
    return tuple(by_slug[slug] for slug in dict.fromkeys(c.topic for c in cards) if slug in by_slug)


def read_build(corpus: Corpus, entities: tuple[Entity, ...], broken: Broken) -> Build:
    """What every page maker reads: the notes' accounts, the knowledge, the cards, the exams' view."""
    problems = undrawable_problems(broken)
    corpus = replace(corpus, documents=tuple(mark_undrawable(d, broken) for d in corpus.documents))
    docs = corpus.documents
    uris = source_uris([d.source for d in docs])
    accounts = [account(doc, url_of(uris[doc.source])) for doc in docs]
    sources, links = sources_pages(corpus, uris)
    problems = problems + links.problems()
    know = build_knowledge(list(docs), uris, entities)
    entities = tuple(know.entities.values())  # the catalog's and the topics discovered in the notes
    titles = {d.source: safe_title(d.title) for d in docs}
    card_report = CardReport()
    cards = build_cards(list(docs), know, entities, card_report)
    served = {media_uri(path) for path in links.images}
    cards = [c if not c.image or c.image in served else replace(c, image="") for c in cards]  # shown or none
    # A topic gets a page when the notes say something about it, as facts or as cards of its own: a card
    # always links to the page of its topic.
    carded = {c.topic for c in cards}
    with_facts = [e for e in entities if know.by_topic.get(e.slug) or e.slug in carded]
    linked, incoming = {e.slug for e in with_facts}, incoming_relations(know.entities)
    tables = load_tables()
    context = TopicContext(linked, incoming, uris, titles, line_targets(docs), backlinks(know), question_texts(docs),
                           comparison_links(tables))
    exams = exam_view(entities, know, cards, with_facts)
    by_topic = cards_by_topic(cards)
    extras = {e.slug: exam_line(e, exams) + test_yourself(e.slug, by_topic.get(e.slug, []), topic_uri(e))
              for e in with_facts}
    return Build(corpus, entities, know, uris, accounts, with_facts, {e.slug: topic_uri(e) for e in with_facts},
                 extras, cards, card_report, context, exams, tables, problems, sources, links)


def sources_pages(corpus: Corpus, uris: dict[str, str]) -> tuple[dict[str, str], LinkAccount]:
    """Each note's Sources page, its links and images resolved (once: the report needs their warnings)."""
    reach = link_site(list(corpus.documents), uris, corpus.folder)
    pages, links = {}, LinkAccount()
    for doc in corpus.documents:
        markdown, found = render_page(doc, reach, uris[doc.source], anchored=True)
        pages[doc.source] = front_matter(doc) + markdown
        links.add(found)
    return pages, links

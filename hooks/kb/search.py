"""What Material's search indexes: topic pages and the notes, not the pages that repeat their text.

Cheat sheets, the glossary, comparisons, formulas, pipelines, the exam blueprint and the build
report restate topic facts or list names: indexed, they crowd the topic pages out of the top
results and make up a third of the index every page downloads."""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path

from .inline import plain_text

# Pages (docs paths, or folders ending in /) left out of the search index.
NOT_INDEXED = ("cheatsheets/", "glossary.md", "comparisons.md", "formulas.md", "pipelines.md", "report.md",
               "blueprint.md")
FRONT_MATTER_START = "---\n"
SEARCH_KEY = re.compile(r"^search:", re.M)


def is_indexed(src_uri: str) -> bool:
    return not any(src_uri == p or (p.endswith("/") and src_uri.startswith(p)) for p in NOT_INDEXED)


def excluded_from_search(src_uri: str, markdown: str) -> str:
    """The page with `search: {exclude: true}` in its front matter where it is not indexed
    (Material's own switch; JSON is valid YAML, as page_meta writes it)."""
    if is_indexed(src_uri) or not markdown.startswith(FRONT_MATTER_START):
        return markdown
    head, sep, body = markdown[len(FRONT_MATTER_START):].partition("\n---\n")
    if not sep or SEARCH_KEY.search(head):
        return markdown
    return f'{FRONT_MATTER_START}{head}\nsearch: {{"exclude": true}}{sep}{body}'


def fact_id(text: str, taken: set[str]) -> str:
    """A short id for a fact, stable while its text is (a link to it survives other facts changing)."""
    base = "f-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:7]
    out, n = base, 2
    while out in taken:
        out, n = f"{base}-{n}", n + 1
    taken.add(out)
    return out


def fact_anchor(anchor: str) -> str:
    """An empty, hidden heading at the start of a fact's list item: Material's search index splits a
    page at headings with an id, so each fact becomes its own entry whose result opens at the fact
    (titled by the page, as the heading has no text); readers and the table of contents never see it."""
    return f'<h6 class="kb-fact-anchor" id="{anchor}" hidden></h6>'

WORD = re.compile(r"[a-z][a-z0-9]{2,}(?:[-_][a-z0-9]+)*")  # three letters at least: no units (mb, kb)
# Words too common in these notes to tell one topic from another.
COMMON = frozenset("""the and for with that this from are can use used uses using you your not but its into
than when which what also more most only each per all any one two via has have been will was were their they
them other such may must should data model models aws amazon sagemaker service services training train
example instead based like within without between where while does how same new set sets make makes""".split())
KEYWORDS = 10  # per topic
MIN_FACTS = 2  # a keyword is named by at least this many of the topic's facts
SUMMARY_WEIGHT = 2  # a word of the topic's summary counts as this many facts
MAX_SPREAD = 0.04  # …and by the facts of at most this share of the topics
BRITISH = re.compile(r"(?<=[aeiou])ll(?=ing|ed|er)")  # labelling → labeling: learners type either


def words_of(text: str) -> set[str]:
    return {w for w in WORD.findall(text.lower()) if w not in COMMON}


def search_keywords(facts: dict[str, list[str]], names: dict[str, set[str]]) -> dict[str, list[str]]:
    """slug → the words its facts keep using that few other topics' facts use ('shard' for Kinesis Data
    Streams, 'speech' for Transcribe): the words a learner types before knowing the service's name.
    ``facts``: slug → its summary then its facts, as plain text (the catalog's one-line summary names what
    the topic is for, so its words count as SUMMARY_WEIGHT facts); ``names``: slug → the words of its
    name and aliases (left out: they are tags already)."""
    per_topic = {slug: [words_of(t) for t in texts] for slug, texts in facts.items()}
    spread: dict[str, int] = {}
    for sets in per_topic.values():
        for w in set().union(*sets) if sets else ():
            spread[w] = spread.get(w, 0) + 1
    limit = max(1, int(MAX_SPREAD * len(facts)))
    out = {}
    for slug, sets in per_topic.items():
        counts: dict[str, int] = {}
        for i, s in enumerate(sets):
            for w in s:
                counts[w] = counts.get(w, 0) + (SUMMARY_WEIGHT if i == 0 else 1)
        ranked = sorted((w for w, c in counts.items() if c >= MIN_FACTS and spread[w] <= limit
                         and w not in names.get(slug, set())),
                        key=lambda w: (-counts[w] / spread[w], w))
        out[slug] = list(dict.fromkeys(v for w in ranked[:KEYWORDS] for v in (w, BRITISH.sub("l", w))))
    return out


# Sections of a topic page that list other topics (and the practice widget's placeholder): indexed, a
# search for one topic's name finds every page that links to it.
LISTING_SECTIONS = ("related-topics", "mentioned-on", "test-yourself")
TOPIC_PAGE = re.compile(r"^(?:services|algorithms|security|mlops|concepts)/([^/#]+)/$")


def compact_index(index: dict, keywords: dict[str, list[str]]) -> dict:
    """Material's search index, lighter and sharper: page tags kept on the page's own entry only (Material
    copies them onto every section), heading-only sections and topic-listing sections dropped, and each
    topic page's entry tagged with its keywords (search_keywords)."""
    docs = []
    for doc in index["docs"]:
        path, _, anchor = doc["location"].partition("#")
        if anchor:
            if not doc["text"].strip() or (TOPIC_PAGE.match(path) and anchor in LISTING_SECTIONS):
                continue
            doc = {k: v for k, v in doc.items() if k != "tags"}
        else:
            topic = TOPIC_PAGE.match(path)
            extra = keywords.get(topic.group(1), []) if topic else []
            if extra:
                doc = {**doc, "tags": [*doc.get("tags", []), *extra]}
        docs.append(doc)
    return {**index, "docs": docs}


def topic_texts(entities, by_topic: dict) -> tuple[dict[str, list[str]], dict[str, set[str]]]:
    """(slug → its summary and facts as plain text, slug → the words of its names): search_keywords' input."""
    texts = {e.slug: [e.summary, *(plain_text(f.text) for f in by_topic[e.slug])] for e in entities
             if by_topic.get(e.slug)}
    names = {e.slug: set().union(*(words_of(t) for t in e.terms)) for e in entities if e.slug in texts}
    return texts, names


def rewrite_index(path: Path, keywords: dict[str, list[str]],
                  merge: Callable[[list[dict]], list[dict]] | None = None) -> tuple[int, int]:
    """Compact the search index Material wrote (runs after its plugin, before the offline plugin inlines
    it); returns its size in bytes before and after. ``merge``: what to make of its entries first (a
    serve rebuild adds those of the pages it did not render again)."""
    if not path.is_file():
        return 0, 0
    raw = path.read_text(encoding="utf-8")
    data = json.loads(raw)
    if merge is not None:
        data["docs"] = merge(data["docs"])
    out = json.dumps(compact_index(data, keywords), separators=(",", ":"), ensure_ascii=False)
    path.write_text(out, encoding="utf-8")
    return len(raw.encode("utf-8")), len(out.encode("utf-8"))

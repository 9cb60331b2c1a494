"""Topics: facts attached to catalog entities, merged, cited, cross-linked (golden corpus)."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin

from conftest import seeds_dir
from kb import model as m
from kb.catalog import load_catalog
from kb.linker import link_markdown
from kb.matcher import Matcher
from kb.notes import read_corpus, read_note
from kb.site import build_site

CORPUS = Path(__file__).resolve().parent / "corpus" / "topics"


def small_site():
    entities = load_catalog(CORPUS / "catalog.yaml")
    return build_site(read_corpus(CORPUS / "notes"), entities), entities


def test_facts_land_on_exactly_the_expected_topics():
    site, _ = small_site()
    counts = {slug: len(facts) for slug, facts in site.knowledge.by_topic.items()}
    assert counts == {"kinesis-data-streams": 4, "amazon-data-firehose": 2, "amazon-s3": 1,
                      "amazon-macie": 1, "random-cut-forest": 2}


def test_a_fact_under_a_heading_belongs_to_the_heading_topic():
    site, _ = small_site()
    texts = [f.text for f in site.knowledge.by_topic["kinesis-data-streams"]]
    assert any(t.startswith("Retention is 24 hours") for t in texts)  # never names the service


def test_near_duplicate_facts_appear_once_citing_every_source():
    site, _ = small_site()
    shard = [f for f in site.knowledge.by_topic["kinesis-data-streams"] if "shard takes" in f.text]
    assert len(shard) == 1
    assert sorted(s.note for s in shard[0].sources) == ["dupes.md", "streaming.txt"]
    assert site.knowledge.merged == 1


def test_facts_too_thin_to_be_knowledge_are_left_out():
    site, _ = small_site()
    assert not any("Glacier" in f.text for f in site.knowledge.facts)


def test_topic_pages_cite_sources_with_lines_and_list_related_topics():
    site, _ = small_site()
    page = next(p for p in site.pages if p.src_uri == "services/kinesis-data-streams.md").markdown
    # A small numbered marker per cited line, opening that line of the Sources page, file:line on hover.
    assert '<a href="\x07sources/streaming.md#L5" title="streaming.txt:5" class="kb-src">\\[3\\]</a>' in page
    assert "## Related topics" in page and 'class="kb-map kb-map-hub"' in page
    # Finished HTML (no md_in_html to parse), its link a docs path the hook makes the page's URL.
    assert ('<span class="kb-map-how">delivers to</span> <a href="\x07services/amazon-data-firehose.md">'
            'Amazon Data Firehose</a>') in page
    assert "```kb-diagram" not in page and "```mermaid" not in page  # drawn at build time: no library loads


def test_cross_links_made_and_not_made():
    site, entities = small_site()
    names = {n: e.slug for e in entities if e.slug in site.topics for n in e.terms}
    page = next(p for p in site.pages if p.src_uri == "services/amazon-data-firehose.md").markdown
    body = page.split("---\n", 2)[2]
    linked = link_markdown(body, Matcher(names), site.topics, "services/amazon-data-firehose.md",
                           own="amazon-data-firehose")
    assert "[S3](amazon-s3.md){ .kb-link }" in linked  # another topic, first mention in the block
    assert "amazon-data-firehose.md){ .kb-link }" not in linked  # never to itself
    assert re.search(r"^# Amazon Data Firehose$", linked, re.M)  # headings untouched


def test_section_indexes_glossary_and_topics_json():
    site, _ = small_site()
    uris = {p.src_uri for p in site.pages}
    assert {"services/index.md", "algorithms/index.md", "security/index.md", "glossary.md"} <= uris
    glossary = next(p for p in site.pages if p.src_uri == "glossary.md").markdown
    assert "KDS\n:   See [Amazon Kinesis Data Streams](services/kinesis-data-streams.md)." in glossary
    topics = json.loads(site.data["data/topics.json"])
    kds = next(t for t in topics if t["slug"] == "kinesis-data-streams")
    assert kds == {"name": "Amazon Kinesis Data Streams", "slug": "kinesis-data-streams", "section": "services",
                   "url": "services/kinesis-data-streams/", "aliases": ["Kinesis Data Streams", "KDS"],
                   "facts": [fact | {"sources": fact["sources"]} for fact in kds["facts"]],
                   "sources": ["cards.tsv", "dupes.md", "streaming.txt"]}
    assert len(kds["facts"]) == 4
    retention = next(f for f in kds["facts"] if f["text"].startswith("Retention"))
    assert retention == {"text": "Retention is 24 hours by default and can be raised to 365 days.",
                         "sources": ["streaming.txt:6"], "subject": "Kinesis data streams"}


# --- whole sites -------------------------------------------------------------------------


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if a.get(key) and tag in ("a", "img", "script", "link"):
                self.links.append(a[key])


def broken_links(site: Path) -> list[str]:
    pages: dict[str, Links] = {}
    for html in site.rglob("*.html"):
        if html.name == "404.html":
            continue  # served at any depth, so Material links it from the site root (site_url)
        parser = Links()
        parser.feed(html.read_text(encoding="utf-8"))
        pages["/" + html.relative_to(site).as_posix()] = parser
    broken = []
    for path, parser in pages.items():
        for link in parser.links:
            if re.match(r"^(?:[a-z]+:|//|#$)", link):
                continue
            target, frag = urldefrag(urljoin(path, link))
            target = unquote(target)
            if target.endswith("/"):
                target += "index.html"
            if not (site / target.lstrip("/")).exists():
                broken.append(f"{path} → {link}")
            elif frag and target in pages and frag not in pages[target].ids:
                broken.append(f"{path} → {link} (no such anchor)")
    return broken


def test_no_internal_link_is_broken_in_the_bundled_site(bundled_site):
    assert broken_links(bundled_site) == []


def test_no_internal_link_is_broken_in_the_seed_site(seed_site):
    assert broken_links(seed_site) == []


def prose_of(doc) -> str:
    """What a note says in words: everything but diagrams, code and trees (a name in a
    diagram label is a picture of a system, not a statement about it)."""
    parts = []
    for block in doc.blocks:
        if block.kind in ("diagram", "code", "tree"):
            continue
        parts += [block.text, block.front, block.back, *(i.text for i in block.items)]
        parts += [x.text for i in block.items for x in i.extra if x.kind == "paragraph"]
    return "\n".join(parts)


def test_every_catalog_entity_a_seed_treats_has_a_page_with_facts(seed_site):
    """A topic a seed gives a heading of its own ("4.2 Translate", "Continued Pre-Training") gets a page with
    facts; a name only mentioned in passing need not (its facts are about something else)."""
    entities = load_catalog()
    matcher = Matcher({n: e.slug for e in entities for n in e.terms})
    treated: dict[str, str] = {}
    for seed in sorted(seeds_dir().iterdir()):
        doc, _ = read_note(seed.name, seed.read_bytes())
        for block in doc.blocks:
            if block.kind == m.HEADING:
                for slug in matcher.slugs_in(block.text)[:1]:
                    treated.setdefault(slug, f"{seed.name}:{block.span.first} {block.text}")
    topics = {t["slug"]: t for t in json.loads((seed_site / "data" / "topics.json").read_text(encoding="utf-8"))}
    assert {"amazon-translate", "amazon-personalize", "amazon-forecast", "sagemaker-ground-truth"} <= set(topics)
    # A heading that only groups more specific topics gives its facts to them: "3.5 Clustering algorithms"
    # holds K-means and the others, each on its own page; "1.9 Redshift" holds only Redshift ML and Redshift
    # streaming ingestion, each a page of its own.
    grouping = {"clustering"}
    missing = {s: h for s, h in treated.items() if s not in topics and s not in grouping}
    assert missing == {}
    deck = json.loads((seed_site / "data" / "cards.json").read_text(encoding="utf-8"))
    carded = {c["topic"] for c in deck["cards"]}
    # each has facts, or (a topic the notes only make cards about) cards
    assert all(topics[s]["facts"] or s in carded for s in treated if s in topics)


def test_every_fact_is_on_a_topic_page(bundled_site):
    topics = json.loads((bundled_site / "data" / "topics.json").read_text(encoding="utf-8"))
    for topic in topics:
        html = (bundled_site / topic["url"] / "index.html").read_text(encoding="utf-8")
        assert html.count('class="kb-refs"') >= len(topic["facts"]), topic["slug"]


def test_every_card_with_a_topic_links_to_a_page_of_that_topic(bundled_site):
    """A topic the notes only make cards about gets a page too, so a quiz answer always links to its topic."""
    deck = json.loads((bundled_site / "data" / "cards.json").read_text(encoding="utf-8"))
    for slug, topic in deck["topics"].items():
        assert topic.get("url") and (bundled_site / topic["url"] / "index.html").is_file(), slug


def test_the_build_report_is_assembled_in_one_place():
    from kb.report import site_report

    site, _ = small_site()
    corpus = read_corpus(CORPUS / "notes")
    report = site_report(corpus, site, ["a warning"])
    assert report["warnings"] == ["a warning"] and report["totals"]["notes"] == len(site.accounts)
    for key in ("candidate_topics", "merged_duplicates", "links", "contradictions", "discovered_topics",
                "on_no_topic"):
        assert key in report, key
    assert report["merged_duplicates"] == site.knowledge.merged

"""Material's own search on the bundled site, typed as a learner types (tests/data/search_queries.yaml)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from search_harness import open_search, result_links, top_pages

QUERIES = Path(__file__).parent / "data" / "search_queries.yaml"
HIT_RATE = 0.95  # the topic in the top 3 results
INDEX_BUDGET = 2_300_000  # bytes of search_index.json, fetched by every page (2.94 MB before facts had anchors)


def wanted(entry: dict) -> list[str]:
    topic = entry["topic"]
    return [t + "/" for t in (topic if isinstance(topic, list) else [topic])]


@pytest.fixture(scope="module")
def base(bundled_site, serve) -> str:
    return serve(bundled_site)


def test_learner_queries_find_their_topic_in_the_top_three(page, base):
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    assert len(queries) >= 50
    open_search(page, base)
    misses = []
    for entry in queries:
        got = top_pages(page, entry["query"])[:3]
        if not set(wanted(entry)) & set(got):
            misses.append((entry["query"], got))
    hits = len(queries) - len(misses)
    assert hits / len(queries) >= HIT_RATE, f"{hits}/{len(queries)} found; missed: {misses}"


def test_a_fact_result_opens_at_the_fact(page, base):
    open_search(page, base)
    items = result_links(page, "shard retention")
    kds = next(links for links in items if links[0] == "services/kinesis-data-streams/")
    fact = next(link for link in kds if "#f-" in link)  # a section of the page that is one fact
    page.goto(base + fact, wait_until="domcontentloaded")
    anchor = fact.split("#")[1]
    text = page.locator(f"li:has(> #{anchor})").inner_text().lower()
    assert "shard" in text or "retention" in text


def test_pages_that_repeat_topic_text_are_not_in_the_index(bundled_site):
    raw = (bundled_site / "search" / "search_index.json").read_bytes()
    docs = json.loads(raw)["docs"]
    paths = {d["location"].split("#")[0] for d in docs}
    assert not {p for p in paths if p.startswith(("cheatsheets/", "glossary/", "report/", "comparisons/"))}
    assert "services/kinesis-data-streams/" in paths and any(p.startswith("sources/") for p in paths)
    assert len(raw) <= INDEX_BUDGET, len(raw)
    kds = next(d for d in docs if d["location"] == "services/kinesis-data-streams/")
    assert {"KDS", "shard"} <= set(kds["tags"])  # acronym and keyword, on the page's own entry only
    assert all("tags" not in d for d in docs if "#" in d["location"])


def test_stop_words_leave_the_query_before_the_worker(page, base):
    open_search(page, base)
    assert page.evaluate("kbSearchQuery('speech to text')") == "speech text"
    assert page.evaluate("kbSearchQuery('to be')") == "to be"  # nothing but stop words: left alone
    assert page.evaluate("kbSearchQuery('\"speech to text\"')") == '"speech to text"'  # a quoted phrase too

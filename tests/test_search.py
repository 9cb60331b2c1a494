"""What goes into Material's search index: pages left out, facts as their own entries, keywords."""
from __future__ import annotations

import json

from kb.search import (
    compact_index,
    excluded_from_search,
    fact_anchor,
    fact_id,
    is_indexed,
    rewrite_index,
    search_keywords,
)
from kb.topic_pages import Citations, TopicContext, fact_line
from test_topic_pages import fact


def test_pages_that_repeat_topic_text_are_left_out_of_the_index():
    page = '---\ntitle: "All"\ndescription: "x"\n---\n# All\n'
    out = excluded_from_search("cheatsheets/all.md", page)
    assert out.startswith('---\ntitle: "All"\ndescription: "x"\nsearch: {"exclude": true}\n---\n# All')
    for uri in ("glossary.md", "report.md", "comparisons.md", "formulas.md", "pipelines.md", "blueprint.md"):
        assert not is_indexed(uri)
    for uri in ("services/kinesis-data-streams.md", "sources/a/b.md", "index.md", "practice.md"):
        assert is_indexed(uri) and excluded_from_search(uri, page) == page


def test_a_page_that_already_sets_search_is_left_as_it_is():
    page = '---\ntitle: "T"\nsearch: {"boost": 2}\n---\n'
    assert excluded_from_search("glossary.md", page) == page


def test_each_fact_has_a_stable_hidden_anchor_heading():
    taken: set[str] = set()
    first = fact_id("Write limit per shard: 1 MB/s", taken)
    assert first == fact_id("Write limit per shard: 1 MB/s", set()) and first.startswith("f-")
    assert fact_id("Write limit per shard: 1 MB/s", taken) == first + "-2"  # twins stay unique on a page
    cites = Citations("a.md", TopicContext(set(), {}, {"n.md": "sources/n.md"}, {}))
    line = fact_line(fact("Write limit per shard: 1 MB/s."), cites, first)
    assert line.startswith(f"- {fact_anchor(first)}Write limit")
    assert 'hidden' in fact_anchor(first) and f'id="{first}"' in fact_anchor(first)


def test_keywords_are_words_a_topic_keeps_using_that_others_do_not():
    kds = ["Streams of records.", "A shard takes 1 MB/s.", "Split a shard to scale.", "Consumers read each shard."]
    others = {f"t{i}": ["A topic.", f"word{i} is here", f"word{i} again", "scale things"] for i in range(40)}
    facts = {"kds": kds, **others}
    keywords = search_keywords(facts, {"kds": {"kinesis"}})
    assert keywords["kds"][0] == "shard"
    assert "scale" not in keywords["kds"]  # every topic says it
    gt = {"gt": ["Managed work.", "Data labelling jobs.", "Automated labelling learns."]}
    assert search_keywords(gt, {})["gt"][:2] == ["labelling", "labeling"]  # the spelling a learner may type too


def test_compact_index_keeps_tags_on_the_page_entry_and_drops_empty_and_listing_sections():
    tags = ["Amazon Kinesis Data Streams", "KDS"]
    index = {"config": {"fields": {}}, "docs": [
        {"location": "services/kds/", "title": "KDS", "text": "Stream.", "tags": tags, "boost": 2},
        {"location": "services/kds/#in-short", "title": "In short", "text": "", "tags": tags, "boost": 2},
        {"location": "services/kds/#f-1", "title": "KDS", "text": "A shard takes 1 MB/s.", "tags": tags, "boost": 2},
        {"location": "services/kds/#mentioned-on", "title": "Mentioned on", "text": "Topics: S3.", "tags": tags},
        {"location": "sources/a/#x", "title": "X", "text": "Notes.", "tags": ["t"]},
    ]}
    out = compact_index(index, {"kds": ["shard"]})
    assert [d["location"] for d in out["docs"]] == ["services/kds/", "services/kds/#f-1", "sources/a/#x"]
    assert out["docs"][0]["tags"] == [*tags, "shard"]
    assert all("tags" not in d for d in out["docs"][1:]) and out["docs"][1]["boost"] == 2
    assert index["docs"][0]["tags"] == tags  # the input is left as it was


def test_rewrite_index_writes_material_compact_json(tmp_path):
    path = tmp_path / "search_index.json"
    doc = {"location": "a/#b", "title": "B", "text": "t", "tags": ["x"]}
    path.write_text(json.dumps({"config": {}, "docs": [doc]}, indent=2), encoding="utf-8")
    before, after = rewrite_index(path, {})
    assert before > after == len(path.read_bytes())
    assert json.loads(path.read_text(encoding="utf-8"))["docs"] == [{"location": "a/#b", "title": "B", "text": "t"}]
    assert rewrite_index(tmp_path / "missing.json", {}) == (0, 0)


def test_a_word_of_the_summary_counts_twice():
    facts = {"transcribe": ["Speech-to-text for files.", "Diarization tells speakers apart."],
             **{f"t{i}": ["A topic.", f"word{i} here"] for i in range(40)}}
    assert "speech-to-text" in search_keywords(facts, {})["transcribe"]
    assert "diarization" not in search_keywords(facts, {})["transcribe"]  # one fact only

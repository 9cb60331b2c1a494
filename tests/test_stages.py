"""One pass per concern: a build makes one name matcher and assigns each note's heading ids once,
and every stage reads those instead of making its own."""
from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from conftest import ROOT
from kb import anchors as anchors_module
from kb import matcher as matcher_module
from kb.catalog import load_catalog
from kb.linker import link_markdown
from kb.maker import Build
from kb.notes import ParseCache, read_corpus
from kb.report import account
from kb.site import build_site, read_build

CATALOG = Path(__file__).resolve().parent / "corpus" / "topics" / "catalog.yaml"
# Two notes of our own: catalog topics, a heading naming a thing the catalog lacks (a discovered topic),
# and a heading written twice (GitHub's ids: kinesis-data-streams, then kinesis-data-streams-1).
NOTES = {
    "streams.md": """# Streaming notes

## Kinesis Data Streams

- A shard of Kinesis Data Streams takes 1 MB per second of writes.
- Records stay 24 hours by default, and up to 365 days when retention is raised.

## AWS Shard Splitter (SSP)

- Shard Splitter divides a hot shard of Kinesis Data Streams into two shards.
- Shard Splitter runs before records reach Amazon S3.

## Kinesis Data Streams

- Amazon Data Firehose reads from Kinesis Data Streams and writes to Amazon S3.
""",
    "anomalies.md": """# Anomalies

## Random Cut Forest

- Random Cut Forest gives each record an anomaly score; Shard Splitter output can feed it.
""",
}


def write_notes(folder: Path) -> Path:
    for name, text in NOTES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def count_matchers(monkeypatch) -> list[int]:
    """The size of the name table of every Matcher made from now on."""
    made: list[int] = []
    real = matcher_module.Matcher.__init__

    def counting(self, names):
        made.append(len(names))
        real(self, names)

    monkeypatch.setattr(matcher_module.Matcher, "__init__", counting)
    return made


def test_a_build_makes_one_matcher_that_every_stage_reads(tmp_path, monkeypatch):
    corpus, entities = read_corpus(write_notes(tmp_path), ParseCache()), load_catalog(CATALOG)
    made = count_matchers(monkeypatch)
    site = build_site(corpus, entities)
    linked = {p.src_uri: link_markdown(p.markdown, site.matcher, site.topics, p.src_uri) for p in site.pages}
    assert "shard-splitter-ssp" in site.knowledge.discovered  # the fixture has a topic found in the notes
    # The catalog's names compiled once (discovery needs them), the discovered topics' once, nothing else:
    # not the cards, not the topic pages' backlinks, not the linker.
    assert len(made) == 2 and made[0] == len([t for e in entities for t in e.terms])
    assert site.matcher is site.knowledge.matcher
    assert site.matcher.seen == {}  # every page's lines were read once: none is held in memory
    # ... and they all see the discovered topic through it.
    assert site.matcher.slugs_in("Shard Splitter output") == ["shard-splitter-ssp"]
    assert "[Shard Splitter](../services/shard-splitter-ssp.md){ .kb-link }" in linked["sources/anomalies.md"]
    topic = next(p.markdown for p in site.pages if p.src_uri == "services/kinesis-data-streams.md")
    assert "shard-splitter-ssp.md" in topic.split("## Mentioned on", 1)[1]  # a backlink, by the same matcher


def test_a_stage_keeps_only_the_topics_it_wants_and_longer_names_still_win():
    joined = matcher_module.Joined(matcher_module.Matcher({"Kinesis": "kinesis", "Kinesis Data Streams": "kds"}))
    text = "Kinesis Data Streams, then Kinesis alone"
    assert [x.text for x in joined.among({"kinesis"}).find(text)] == ["Kinesis"]  # the second, not inside the first
    assert joined.among({"kds"}).slugs_in(text) == ["kds"]
    assert joined.among(set()).find(text) == []


def test_the_hook_links_pages_with_the_builds_matcher(tmp_path, monkeypatch):
    """A whole MkDocs build, in process: of two small notes, under a second (so in `make check`)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    (tmp_path / "notes").mkdir()
    for key, value in {"KB_NOTES": str(write_notes(tmp_path / "notes")), "KB_CATALOG": str(CATALOG),
                       "KB_RENDER_CHECK": "false", "KB_OFFLINE": "false", "SITE_URL": "",
                       "NO_MKDOCS_2_WARNING": "1"}.items():
        monkeypatch.setenv(key, value)
    made = count_matchers(monkeypatch)
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    assert len(made) == 2  # the catalog's and the discovered topics': the hook builds none of its own
    page = (tmp_path / "site" / "sources" / "anomalies" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../services/shard-splitter-ssp/">Shard Splitter</a>' in page


def test_heading_ids_are_assigned_once_per_note_when_it_is_read(tmp_path, monkeypatch):
    calls: list[str] = []
    real = anchors_module.assign_anchors
    monkeypatch.setattr(anchors_module, "assign_anchors", lambda doc: calls.append(doc.source) or real(doc))
    cache = ParseCache()
    corpus = read_corpus(write_notes(tmp_path), cache)
    site = build_site(corpus, load_catalog(CATALOG))
    assert sorted(calls) == sorted(NOTES)  # once per note, in reading; no stage computes them again
    build_site(read_corpus(tmp_path, cache), load_catalog(CATALOG))
    assert sorted(calls) == sorted(NOTES)  # a rebuild reuses them with the parsed note
    doc = next(d for d in corpus.documents if d.source == "streams.md")
    assert doc.fragments == {"streaming-notes": "", "kinesis-data-streams": "kinesis-data-streams",
                             "aws-shard-splitter-ssp": "aws-shard-splitter-ssp",
                             "kinesis-data-streams-1": "kinesis-data-streams-1"}
    # Every stage agrees: the Sources page shows the ids, facts cite them, the report places lines under them.
    page = next(p.markdown for p in site.pages if p.src_uri == "sources/streams.md")
    shown = {a for a in doc.fragments.values() if a}
    assert all(f"{{#{a}}}" in page for a in shown)
    cited = {s.anchor for f in site.knowledge.facts for s in f.sources if s.note == "streams.md"}
    assert cited == shown
    placed = set(account(doc, "sources/streams/").placed.values())
    assert placed == shown | {""}


def test_the_build_holds_its_topic_pages_once(tmp_path):
    build = read_build(read_corpus(write_notes(tmp_path), ParseCache()), load_catalog(CATALOG), {})
    assert "topic_paths" not in {f.name for f in fields(Build)}  # derived from topics, never a second copy
    assert build.topic_paths == set(build.topics.values()) and "services/shard-splitter-ssp.md" in build.topic_paths

"""One pass per concern: a build makes one name matcher and assigns each note's heading ids once,
and every stage reads those instead of making its own."""
from __future__ import annotations

from pathlib import Path

from kb import anchors as anchors_module
from kb.catalog import load_catalog
from kb.notes import ParseCache, read_corpus
from kb.report import account
from kb.site import build_site

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

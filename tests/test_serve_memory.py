"""Under `mkdocs serve`, a rebuild reuses what did not change since the last build (each note's knowledge
reading, what the matcher found in each text, the catalog, the cards' distractors) and makes exactly
what a build without any memory makes (kb.note_memory, kb.matcher.MentionMemory, kb.cards.memory)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from kb import catalog as catalog_module
from kb import incremental, note_memory
from kb.cards import memory as card_memory
from kb.catalog import load_catalog
from kb.matcher import MentionMemory
from kb.notes import ParseCache, read_corpus
from kb.site import build_site

NOTES = ("study-guide/01-data-engineering-and-algorithms.txt", "markdown/mla-c01-data-preparation.md")
EDITED = NOTES[0]
SENTENCE = "at large scale."
# A note of our own naming catalog topics only (no heading names a thing the catalog lacks).
ADDED = """# More on streams

## Amazon Kinesis Data Streams

- Kinesis Data Streams keeps records for 24 hours unless retention is raised, up to 365 days.
- Amazon Data Firehose can read from Kinesis Data Streams and deliver the records to Amazon S3.
"""
# A note whose title names a thing the catalog lacks: a topic discovered in the notes, new to the matcher.
DISCOVERING = """# Zorblax Stream Splitter

- Zorblax Stream Splitter divides a hot shard of Kinesis Data Streams into two shards before Amazon S3.
- Zorblax Stream Splitter keeps the order of the records of each partition key while it splits them.
"""


@pytest.fixture
def serving(monkeypatch):
    """Fresh serve memories, switched on (as the hook's on_startup does for `mkdocs serve`)."""
    monkeypatch.setattr(note_memory, "MEMORY", note_memory.NoteMemory())
    monkeypatch.setattr(note_memory, "MENTIONS", MentionMemory())
    monkeypatch.setattr(card_memory, "MEMORY", card_memory.ChoiceMemory())
    monkeypatch.setattr(incremental.MEMORY, "serving", True)
    return monkeypatch


@pytest.fixture
def folder(tmp_path) -> tuple[Path, Path]:
    """A copy of two bundled notes and of the catalog, to edit."""
    notes = tmp_path / "notes"
    for name in NOTES:
        (notes / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "docs" / "notes" / name, notes / name)
    catalog = tmp_path / "catalog.yaml"
    shutil.copy(catalog_module.CATALOG_PATH, catalog)
    return notes, catalog


def made(site) -> tuple[dict[str, str], dict]:
    """Every page's Markdown and every data file (topics.json, cards.json, …) of a build."""
    return {p.src_uri: p.markdown for p in site.pages}, dict(site.data)


def rebuilt(notes: Path, catalog: Path, cache: ParseCache):
    return build_site(read_corpus(notes, cache), load_catalog(catalog))


def clean(notes: Path, catalog: Path, monkeypatch):
    """A build with no memory at all, as `mkdocs build` makes it."""
    with monkeypatch.context() as m:
        m.setattr(incremental.MEMORY, "serving", False)
        return made(build_site(read_corpus(notes, ParseCache()), load_catalog(catalog)))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_sentence_edit_reads_only_that_note_again_and_makes_what_a_clean_build_makes(serving, folder):
    notes, catalog = folder
    cache = ParseCache()
    rebuilt(notes, catalog, cache)
    parsed: list[str] = []
    real = catalog_module.parsed_catalog
    serving.setattr(catalog_module, "parsed_catalog", lambda text, source: parsed.append(str(source)) or
                    real(text, source))
    edit(notes / EDITED, SENTENCE, SENTENCE + " Zorblax remembers this sentence.")
    site = rebuilt(notes, catalog, cache)
    assert (note_memory.MEMORY.read, note_memory.MEMORY.reused) == (1, 1)  # the other note's reading is kept
    assert parsed == []  # the unchanged catalog is not parsed again
    mentions = note_memory.MENTIONS
    assert 0 < mentions.searched < len(mentions.now) / 4  # most texts' mentions come from the last build
    choices = card_memory.MEMORY
    assert choices.now and choices.chosen < len(choices.now)  # some distractors are the last build's
    assert made(site) == clean(notes, catalog, serving)
    assert any("Zorblax remembers this sentence" in page for page in made(site)[0].values())


def test_an_added_note_is_read_and_the_others_are_kept(serving, folder):
    notes, catalog = folder
    cache = ParseCache()
    rebuilt(notes, catalog, cache)
    (notes / "zz-more-streams.md").write_text(ADDED, encoding="utf-8")
    site = rebuilt(notes, catalog, cache)
    assert (note_memory.MEMORY.read, note_memory.MEMORY.reused) == (1, 2)
    assert made(site) == clean(notes, catalog, serving)
    (notes / "zz-more-streams.md").unlink()  # ... and once gone, it is forgotten: only this build's readings
    site = rebuilt(notes, catalog, cache)
    assert sorted(note_memory.MEMORY.readings) == sorted(NOTES)
    assert made(site) == clean(notes, catalog, serving)


def test_a_note_that_makes_a_discovered_topic_reads_every_note_again(serving, folder):
    notes, catalog = folder
    cache = ParseCache()
    rebuilt(notes, catalog, cache)
    (notes / "zorblax.md").write_text(DISCOVERING, encoding="utf-8")
    site = rebuilt(notes, catalog, cache)
    assert "zorblax-stream-splitter" in site.knowledge.discovered
    # The matcher finds a new name in every note: no reading and no text's mentions can be the last build's.
    assert (note_memory.MEMORY.read, note_memory.MEMORY.reused) == (3, 0)
    assert note_memory.MENTIONS.searched == len(note_memory.MENTIONS.now)
    assert made(site) == clean(notes, catalog, serving)


def test_a_catalog_edit_reads_every_note_again_and_makes_what_a_clean_build_makes(serving, folder):
    notes, catalog = folder
    cache = ParseCache()
    rebuilt(notes, catalog, cache)
    edit(catalog, "summary: ", "summary: Zorblax. ")  # the first entry's summary: the names stay the same
    site = rebuilt(notes, catalog, cache)
    assert (note_memory.MEMORY.read, note_memory.MEMORY.reused) == (2, 0)
    assert note_memory.MENTIONS.searched < len(note_memory.MENTIONS.now) / 4  # the same names: found before
    assert made(site) == clean(notes, catalog, serving)
    assert any("Zorblax." in page for page in made(site)[0].values())


def test_a_plain_build_keeps_no_memory(monkeypatch, folder):
    notes, catalog = folder
    monkeypatch.setattr(note_memory, "MEMORY", note_memory.NoteMemory())
    monkeypatch.setattr(incremental.MEMORY, "serving", False)
    rebuilt(notes, catalog, ParseCache())
    assert note_memory.MEMORY.readings == {}

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
    assert choices.now and choices.made < len(choices.now) / 4  # most cards and distractors: the last build's
    assert made(site) == clean(notes, catalog, serving)
    assert any("Zorblax remembers this sentence" in page for page in made(site)[0].values())


def test_lines_added_above_facts_keep_their_cards_with_the_lines_moved(serving, folder):
    notes, catalog = folder
    cache = ParseCache()
    rebuilt(notes, catalog, cache)
    edit(notes / EDITED, SENTENCE, SENTENCE + "\n\nA line added above the facts after it.")
    site = rebuilt(notes, catalog, cache)
    choices = card_memory.MEMORY
    assert choices.now and choices.made < len(choices.now) / 4  # the moved facts' cards: the last build's
    assert made(site) == clean(notes, catalog, serving)  # ... citing the lines where they are now


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


class Facts:
    """The part of kb.cards.Catalog the memory reads: a topic's claims, through a recorded call."""

    def __init__(self, claims: dict[str, list]) -> None:
        self.claims, self.with_page, self.reads = claims, set(), None

    def read(self, call: tuple, value):
        if self.reads is not None:
            self.reads.append((call, value))
        return value

    def states(self, slug: str, words: frozenset[str], answer: str) -> bool:
        return self.read(("states", slug, words, answer), any(words <= claim for claim in self.claims.get(slug, [])))


def test_a_remembered_card_is_made_again_only_when_a_call_it_made_gives_another_value():
    memory, made = card_memory.ChoiceMemory(), []

    def build(claims: dict[str, list], basis: str = "catalog") -> bool:
        facts = Facts(claims)
        memory.start(basis, {}, claims)
        return memory.recall(("card", "front"), facts, lambda: made.append(1) or facts.states("kds", WORDS, "s3"))

    assert build({"kds": [WORDS]}) is True and len(made) == 1
    assert build({"kds": [WORDS]}) is True and len(made) == 1  # nothing changed: not made again
    assert build({"kds": [WORDS, frozenset({"other"})]}) is True and len(made) == 1  # a new claim, the same answer
    assert build({"kds": [frozenset({"other"})]}) is False and len(made) == 2  # the call now says otherwise
    assert build({"kds": [frozenset({"other"})]}, basis="edited") is False and len(made) == 3  # another catalog


WORDS = frozenset({"shard", "throughput"})

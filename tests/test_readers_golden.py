"""Golden tests for the importers: each raw note in tests/fixtures/<family>/ must
become exactly the normalised Markdown of the .expected.md file beside it.

Regenerate the expectations with ``KB_UPDATE_GOLDEN=1 pytest tests/test_readers_golden.py``,
then read every changed line before keeping it: the file is the specification.
"""
from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest
from conftest import FIXTURES
from kb import readers
from kb.notes import read_note
from kb.render import link_site, render_document
from kb.report import account
from kb.source_pages import source_uris

EXPECTED_SUFFIX = ".expected.md"
CARDS_SUFFIX = ".expected-cards.json"  # beside a question bank: the cards it must make (tests/test_question_bank.py)
# Expectations, not raw notes (e.g. flashcards/seed-000-split.yaml).
SPEC_SUFFIXES = (EXPECTED_SUFFIX, CARDS_SUFFIX, ".yaml")
UPDATE = os.environ.get("KB_UPDATE_GOLDEN") == "1"
FAMILIES = tuple(f.name for f in readers.FAMILIES)  # each registered family has fixtures
SHAPES = {"question-bank": "markdown"}  # folders of one shape within a family: folder → family


def raw_fixtures() -> list[Path]:
    """Every raw note under tests/fixtures/<family>/ (not the expectations)."""
    return sorted(
        path for path in FIXTURES.glob("*/*")
        if path.is_file() and not path.name.endswith(SPEC_SUFFIXES)
    )


def expected_path(raw: Path) -> Path:
    return raw.with_name(raw.name.rsplit(".", 1)[0] + EXPECTED_SUFFIX)


def render_fixture(raw: Path):
    doc, problems = read_note(raw.name, raw.read_bytes())
    assert doc is not None, [str(p) for p in problems]
    family = [d for d in (read_note(r.name, r.read_bytes())[0] for r in raw_fixtures() if r.parent == raw.parent) if d]
    pages = source_uris([d.source for d in family])  # links between the notes of a family folder, and its images
    return doc, render_document(doc, link_site(family, pages, raw.parent), pages[doc.source])


def fixture_id(raw: Path) -> str:
    return f"{raw.parent.name}/{raw.name}"


@pytest.mark.parametrize("raw", raw_fixtures(), ids=fixture_id)
def test_fixture_renders_as_expected(raw: Path) -> None:
    doc, actual = render_fixture(raw)
    family = SHAPES.get(raw.parent.name, raw.parent.name)
    assert doc.family == family, f"{raw.name} detected as {doc.family}"
    expected = expected_path(raw)
    if UPDATE:
        expected.write_text(actual, encoding="utf-8")
    assert expected.is_file(), f"no {expected.name}: run KB_UPDATE_GOLDEN=1 pytest {__file__}"
    wanted = expected.read_text(encoding="utf-8")
    if actual != wanted:
        diff = difflib.unified_diff(wanted.splitlines(keepends=True), actual.splitlines(keepends=True),
                                    fromfile=str(expected.relative_to(FIXTURES)), tofile="rendered now")
        pytest.fail("rendered note differs from its expectation:\n" + "".join(diff), pytrace=False)


@pytest.mark.parametrize("raw", raw_fixtures(), ids=fixture_id)
def test_fixture_lines_all_accounted_for(raw: Path) -> None:
    doc, _ = render_fixture(raw)
    assert account(doc, "x/").unplaced == ()


@pytest.mark.parametrize("raw", raw_fixtures(), ids=fixture_id)
def test_fixture_reads_without_problems(raw: Path) -> None:
    _, problems = read_note(raw.name, raw.read_bytes())
    assert [str(p) for p in problems] == []


def test_every_family_has_a_fixture() -> None:
    found = {raw.parent.name for raw in raw_fixtures()}
    assert found == set(FAMILIES) | set(SHAPES)


def test_every_expectation_has_its_raw_note() -> None:
    raws = {expected_path(raw) for raw in raw_fixtures()}
    orphans = [p.name for p in FIXTURES.glob(f"*/*{EXPECTED_SUFFIX}") if p not in raws]
    assert orphans == []

"""The reader registry (issue 18, item 1): a family of raw notes is one module declaring a
``Family``, and one line in ``kb.readers.FAMILIES``; detection, reading, the Sources pages
and the build report all take it from there."""
from __future__ import annotations

import pytest
from kb import model as m
from kb import readers
from kb.notes import read_note
from kb.readers.detect import detect_family
from kb.readers.family import Family
from kb.render import FAMILY_LABELS, render_document
from kb.report import account
from kb.source_pages import sources_index

# -- the registered families --------------------------------------------------------

def test_detection_tries_the_families_most_specific_first_and_plain_markdown_last() -> None:
    assert [f.name for f in readers.FAMILIES] == [
        "post", "github-view", "card-table", "flashcards", "web-copy", "markdown"]


def test_every_family_declares_a_unique_name_and_a_label() -> None:
    names = [f.name for f in readers.FAMILIES]
    assert len(set(names)) == len(names)
    assert dict(FAMILY_LABELS) == {
        "post": "Markdown post with front matter",
        "github-view": "GitHub file view copied as text",
        "card-table": "Card table (TSV/CSV export)",
        "flashcards": "Flashcard export (Quizlet-like plain text)",
        "web-copy": "Text copied out of a rendered web page",
        "markdown": "Plain Markdown note",
    }


def test_a_note_no_family_claims_and_an_empty_note_go_to_the_last_family() -> None:
    assert detect_family("notes.md", ["", "  "]) == readers.FAMILIES[-1].name
    assert detect_family("notes.md", ["A sentence of plain prose."]) == "markdown"


# -- a new family: one module (here, the lines below) and one line in the registry ----------

QA_LINE = ("Q: ", "A: ")


def looks_like_qa_pairs(name: str, lines: list[str]) -> bool:
    """Every line with text alternates "Q: " and "A: "."""
    filled = [x.strip() for x in lines if x.strip()]
    return len(filled) >= 2 and all(x.startswith(QA_LINE[n % 2]) for n, x in enumerate(filled))


def read_qa_pairs(source: str, lines: list[str]) -> m.Document:
    filled = [(n + 1, x.strip()) for n, x in enumerate(lines) if x.strip()]
    blocks = tuple(
        m.Block(m.CARD, m.Span(q_line, a_line), front=q[3:], back=a[3:], card_kind="question")
        for (q_line, q), (a_line, a) in zip(filled[::2], filled[1::2], strict=False)
    )
    blank = frozenset(n + 1 for n, x in enumerate(lines) if not x.strip())
    return m.Document(source, "qa-pairs", source, len(lines), blocks, blank=blank)


QA_PAIRS = Family("qa-pairs", "Q:/A: pairs", looks_like_qa_pairs, read_qa_pairs)
NOTE = b"Q: Which SageMaker feature stores features for training and inference?\nA: Feature Store\n"


@pytest.fixture
def registered(monkeypatch) -> None:
    monkeypatch.setattr(readers, "FAMILIES", [QA_PAIRS, *readers.FAMILIES])  # the one line


def test_a_registered_family_is_detected_read_labelled_and_accounted_for(registered) -> None:
    doc, problems = read_note("drill.txt", NOTE)
    assert problems == [] and doc is not None and doc.family == "qa-pairs"
    assert [(b.front, b.back) for b in doc.blocks] == [
        ("Which SageMaker feature stores features for training and inference?", "Feature Store")]
    assert FAMILY_LABELS["qa-pairs"] == "Q:/A: pairs"
    assert "drill.txt · Q:/A: pairs · 2 raw lines" in render_document(doc)
    note = account(doc, "sources/drill/")
    assert note.unplaced == ()
    assert "| Q:/A: pairs | 2 |" in sources_index([note], {"drill.txt": "sources/drill.md"})


def test_without_its_registry_line_the_family_does_not_exist() -> None:
    doc, _ = read_note("drill.txt", NOTE)
    assert doc is not None and doc.family != "qa-pairs"
    assert "qa-pairs" not in FAMILY_LABELS

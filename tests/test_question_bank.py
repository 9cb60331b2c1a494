"""Practice-question banks in every common shape, and the page furniture pasted around them.

Each raw bank in tests/fixtures/question-bank/ has its normalised page (.expected.md, checked by
test_readers_golden.py) and the cards it must make (.expected-cards.json, checked here).
Regenerate with ``KB_UPDATE_GOLDEN=1 pytest tests/test_question_bank.py``, then read every change.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from kb import model as m
from kb.cards import Card, build_cards, card_text, cards_json, cards_tsv, media_path
from kb.knowledge import build_knowledge
from kb.notes import read_note
from kb.readers.questions import answer_indexes
from kb.render import render_document

BANKS = FIXTURES / "question-bank"
CARDS_SUFFIX = ".expected-cards.json"
UPDATE = os.environ.get("KB_UPDATE_GOLDEN") == "1"
QUESTION_FIELDS = ("front", "kind", "options", "answer", "back", "explain", "image", "source")


def bank_paths() -> list[Path]:
    return sorted(p for p in BANKS.glob("*.md") if not p.name.endswith(".expected.md"))


def read(path: Path) -> m.Document:
    doc, problems = read_note(path.name, path.read_bytes())
    assert doc is not None and problems == [], [str(p) for p in problems]
    return doc


def knowledge_of(doc: m.Document):
    return build_knowledge([doc], {doc.source: "sources/x/"}, ())


def imported_cards(doc: m.Document) -> list[dict]:
    cards = build_cards([doc], knowledge_of(doc), ())
    rows = json.loads(cards_json([c for c in cards if not c.generated]))["cards"]
    return [{k: row.get(k, "") for k in QUESTION_FIELDS} for row in rows]


def questions(doc: m.Document) -> list[m.Block]:
    return [b for b in doc.blocks if b.kind == m.QUESTION]


@pytest.mark.parametrize("path", bank_paths(), ids=lambda p: p.name)
def test_bank_makes_its_expected_cards(path: Path) -> None:
    expected = path.with_name(path.stem + CARDS_SUFFIX)
    actual = imported_cards(read(path))
    if UPDATE:
        expected.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert json.loads(expected.read_text(encoding="utf-8")) == actual


@pytest.mark.parametrize("path", bank_paths(), ids=lambda p: p.name)
def test_one_choice_card_per_question_with_the_question_as_its_front(path: Path) -> None:
    doc = read(path)
    cards = imported_cards(doc)
    asked = questions(doc)
    assert len(asked) >= 2 and len(cards) == len(asked)
    assert all(c["kind"] == "choice" for c in cards)
    assert all(card_text(q.front)[-20:] in c["front"] for c, q in zip(cards, asked, strict=True))


def test_every_shape_is_read() -> None:
    fronts = [c["front"] for p in bank_paths() for c in imported_cards(read(p))]
    shapes = {
        "Which service lands a stream in S3 with", "Read the plot below. What is the model d",  # heading, + image
        "Which call starts this training job?\nes",  # heading + code: the code is part of the question
        "A model's training data sits in an S3 bu",  # paragraph under a Q1 label
        "Which statements about SageMaker noteboo",  # "**Question 2.**" numbered paragraph, 1. [x] options
        "Which IAM element lets SageMaker act on ",  # bare paragraph, - [x]
        "Which SageMaker built-in algorithm finds",  # 1) item, A. lines, Answer:
        "A retailer wants a forecast for thousand",  # A) lines, **Answer:**
        "Which two metrics stay useful when the p",  # (A) paragraphs, Correct answer: B, C
        "Which inference option suits payloads up",  # numbered item, - A. sub-items, <details> answer
        "A shadow variant's responses are:",  # label heading, bold stem, <details> Correct Answer
        "Which deployment guardrail shifts traffi",  # ticks, <details> explanation
        "Which two metrics does SageMaker Model M",  # "Correct Answer: AC", <details> straight under the options
        "A Kinesis data stream keeps records for ",  # a statement heading over True/False options
        "________ turns a stream of CSV records i",  # a fill-in-the-blank heading
        "Which store meets all of these needs:\n• ",  # a list inside the stem
        "A data scientist must label 50,000 image",  # "## Question 1", **A.** items, ??? success admonition
        "An endpoint must scale to zero between r",  # a "Select 2" admonition in the stem, "A,C"
        "Which SageMaker tool is a browser IDE fo",  # a note under an option; the answer named by its text
    }
    assert [x for x in shapes if not any(f.startswith(x) for f in fronts)] == []


def test_several_right_answers_make_one_card_with_a_list_of_answers() -> None:
    cards = imported_cards(read(BANKS / "lettered-options.md"))
    two = next(c for c in cards if "(Choose two.)" in c["front"])
    assert two["options"] == ["Accuracy", "Recall", "Precision", "Mean squared error"]
    assert two["answer"] == [1, 2] and two["back"] == "Recall\nPrecision"
    single = next(c for c in cards if c["front"].startswith("A retailer"))
    assert single["answer"] == 1


def test_several_right_answers_in_the_anki_file() -> None:
    card = Card("x", "Pick two?", "b\nc", "choice", "", "", "n.md:1", ("a", "b", "c"), (1, 2))
    row = cards_tsv([card]).splitlines()[-1].split("\t")
    assert row[0] == "Pick two? · A. a · B. b · C. c" and row[1] == "B. b · C. c"


def test_explanations_stay_on_the_card() -> None:
    cards = {c["front"][:20]: c for p in bank_paths() for c in imported_cards(read(p))}
    assert cards["Which service lands "]["explain"].startswith("Firehose buffers records")  # paragraph
    assert cards["Read the plot below."]["explain"].startswith("A widening gap")  # blockquote
    assert cards["A model's training d"]["explain"].startswith("A gateway endpoint")  # Explanation: label dropped
    assert cards["Which SageMaker buil"]["explain"].startswith("Random Cut Forest gives")  # line after Answer:
    assert cards["Which two services c"]["explain"].startswith("Both start for the job")  # inside <details>
    assert cards["Which deployment gua"]["explain"].startswith("Linear mode moves")  # <details> Explanation, tags gone
    assert cards["Which two metrics do"]["explain"] == "See the Model Monitor guide."  # a tag broken across lines


def test_image_goes_in_the_image_field_never_the_front() -> None:
    card = next(c for c in imported_cards(read(BANKS / "heading-stems.md")) if "plot" in c["front"])
    assert card["image"] == "media/images/loss-curves.png"
    assert "Question 3" not in card["front"]


def test_image_path_is_relative_to_the_notes_folder_and_never_leaves_it() -> None:
    assert media_path("bank/q.md", "img/a.png") == "media/bank/img/a.png"
    assert media_path("bank/q.md", "../shared/a%20b.png") == "media/shared/a b.png"
    assert media_path("q.md", "../../etc/passwd") == ""
    assert media_path("q.md", "/abs.png") == ""


def test_options_never_become_facts_or_cards_of_their_own() -> None:
    doc = read(BANKS / "heading-stems.md")
    knowledge = knowledge_of(doc)
    inside = {n for q in questions(doc) for n in q.span}
    assert [f.text for f in knowledge.facts if any(s.first in inside for s in f.sources)] == []
    cards = build_cards([doc], knowledge, ())
    assert [c.front for c in cards if c.kind != "choice"] == []  # no stray True/False card from a ticked option


def test_sources_page_shows_every_question_the_same_way() -> None:
    page = render_document(read(BANKS / "paragraph-stems.md"))
    practice = page.split("## Practice", 1)[1]
    assert "[x]" not in practice and "[ ]" not in practice  # options shown unticked
    assert practice.count('??? success "Answer"') == 3  # the right ones revealed on demand
    assert "- [x] Read the KMS key policy page" in page  # a checklist under a plain heading stays a checklist


def test_a_list_with_no_answer_is_not_a_question() -> None:
    doc = read(BANKS / "lettered-options.md")
    assert doc.blocks[-1].kind == m.LIST and len(doc.blocks[-1].items) == 2


@pytest.mark.parametrize(("value", "right"), [
    ("B", [1]), ("B, D", [1, 3]), ("B and D", [1, 3]), ("(C)", [2]), ("B. Recall", [1]), ("C - Precision", [2]),
    ("Recall", [1]), ("A decision tree", []), ("E", []),
])
def test_answer_values(value: str, right: list[int]) -> None:
    texts = ("Accuracy", "Recall", "Precision", "MSE")
    options = tuple(m.Item(f"{x}. {t}", m.Span(1, 1)) for x, t in zip("ABCD", texts, strict=True))
    assert answer_indexes(value, options) == right


@pytest.mark.parametrize(("reason", "lines"), [
    ("badge", [3, 4]), ("table of contents", [8, 9, 10]), ("promotion", [14, 15, 16]),
    ("back-to-top link", [29, 38, 50]),
])
def test_page_furniture_is_dropped_with_a_reason(reason: str, lines: list[int]) -> None:
    doc = read(BANKS / "heading-stems.md")
    assert sorted(d.line for d in doc.dropped if d.reason == reason) == lines


def test_furniture_never_leaks_as_markdown() -> None:
    page = render_document(read(BANKS / "heading-stems.md"))
    assert "shields.io" not in page and "Back to Top" not in page and "Buy me a coffee" not in page
    assert "](#" not in page


def test_a_details_block_never_closed_is_text_not_a_crash() -> None:
    doc, problems = read_note("open.md", b"# Q\n\n<details><summary>Answer</summary>\n\nB\n")
    assert doc is not None and problems == [] and all(b.kind != m.QUESTION for b in doc.blocks)


def test_bundled_question_bank_still_yields_its_questions() -> None:
    path = ROOT / "docs/notes/markdown/exam-practice-questions.md"
    doc = read(path)
    ticked = sum(line.startswith("- [x]") for line in path.read_text(encoding="utf-8").splitlines())
    assert len(questions(doc)) == ticked == 28


def test_code_in_a_question_is_an_example_not_markup() -> None:
    raw = b"### Which tag runs a script?\n\n```html\n<script>go()</script>\n```\n\n- [x] script\n- [ ] div\n"
    doc, problems = read_note("tags.md", raw)
    assert doc is not None and questions(doc) and problems == []


@pytest.mark.parametrize("text", [
    "[![Architecture](img/arch.png)](img/arch-large.png)",  # an image linking to its own large copy
    "[Back to the overview](#overview) explains the pipeline first.",  # a sentence with a link in it
])
def test_content_is_never_taken_for_furniture(text: str) -> None:
    doc = read_text(f"# Notes\n\n{text}\n")
    assert doc.dropped == () and doc.blocks[-1].kind == m.PARAGRAPH


def test_a_link_list_is_a_promotion_only_when_most_links_sell() -> None:
    doc = read_text("# Links\n\n- [SageMaker docs](https://docs.aws.amazon.com/sagemaker/)\n"
                    "- [Kinesis docs](https://docs.aws.amazon.com/kinesis/)\n"
                    "- [My course on Udemy](https://www.udemy.com/course/x/)\n")
    assert doc.dropped == () and doc.blocks[-1].kind == m.LIST


def read_text(text: str) -> m.Document:
    doc, problems = read_note("note.md", text.encode())
    assert doc is not None and problems == []
    return doc


def test_a_long_bank_reads_in_one_pass_without_recursion() -> None:
    one = "Which option is number {n}?\n\n- [ ] one\n- [ ] two\n\nAnswer: B\n\nBecause two.\n\n"
    doc = read_text("# Big\n\n" + "".join(one.format(n=n) for n in range(600)))
    assert len(questions(doc)) == 600 and all(q.back == "Because two." for q in questions(doc))


@pytest.mark.parametrize(("text", "reason"), [
    ('<p align="right">(<a href="#readme-top">back to top</a>)</p>', "back-to-top link"),
    ('<a href="https://example.org/chat"><img src="images/chat.png" alt="Chat"></a>', "badge"),
    ('<p align="center"><img src="https://img.shields.io/badge/exam-MLA--C01-blue"></p>', "badge"),
])
def test_html_furniture_is_dropped_too(text: str, reason: str) -> None:
    doc = read_text(f"# Notes\n\n{text}\n\nA paragraph of content.\n")
    assert [d.reason for d in doc.dropped] == [reason]


def test_a_lone_lettered_line_stays_prose() -> None:
    doc = read_text("# Notes\n\nA. Smith wrote the first guide to feature stores.\n\nIt is still worth reading.\n")
    assert [b.kind for b in doc.blocks[1:]] == [m.PARAGRAPH, m.PARAGRAPH]


def test_a_checklist_after_a_remark_is_not_a_question() -> None:
    doc = read_text("# Plan\n\nThings I did this week:\n\n- [x] Read the Kinesis guide\n- [ ] Redo the Glue lab\n")
    assert questions(doc) == [] and doc.blocks[-1].kind == m.LIST

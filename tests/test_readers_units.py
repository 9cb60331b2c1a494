"""Focused tests of the readers: family detection, the flashcard splitter, GitHub chrome,
TeX repair, the heading levels of page copies, and the renderer's handling of them."""
from __future__ import annotations

from kb import model as m
from kb.notes import read_note
from kb.readers.card_table import title_from_name
from kb.readers.detect import detect_family
from kb.readers.flashcards import split_cards
from kb.readers.text import Scanner
from kb.readers.webcopy import read_web_copy
from kb.render import render_card, render_document
from kb.tex import repair_tex


def lines_of(text: str) -> list[str]:
    return text.strip("\n").split("\n")


def read(name: str, text: str) -> m.Document:
    doc, problems = read_note(name, text.encode())
    assert doc is not None, problems
    return doc


# -- family detection: from the content, whatever the extension says ----------

FRONT_MATTER_NOTE = """---
title: Spot training
tags: [sagemaker]
---

# Managed spot training

- checkpoints go to S3
- set max_wait above max_run
"""

DECK = """Quick deck
_____ saves up to 90% on training by using spare capacity.
Managed spot training
T/F: Spot training needs checkpoints to resume after an interruption.
True
Which setting caps the total time a spot job may wait and run?
max_wait
A store that keeps the latest feature values for low-latency reads.
Online store
"""


def test_a_txt_with_front_matter_is_a_post() -> None:
    assert detect_family("spot.txt", lines_of(FRONT_MATTER_NOTE)) == "post"
    assert read("spot.txt", FRONT_MATTER_NOTE).title == "Spot training"


def test_an_md_that_is_a_flashcard_export_is_flashcards() -> None:
    assert detect_family("deck.md", lines_of(DECK)) == "flashcards"
    doc = read("deck.md", DECK)
    assert [b.card_kind for b in doc.blocks if b.kind == m.CARD] == ["cloze", "truefalse", "question", "term"]


def test_a_txt_of_tab_separated_rows_is_a_card_table() -> None:
    rows = "Recall\tTP / (TP + FN)\nPrecision\tTP / (TP + FP)\nF1\tharmonic mean of the two\n"
    assert detect_family("metrics.txt", lines_of(rows)) == "card-table"


def test_a_md_with_github_chrome_is_a_github_view() -> None:
    view = "Skip to content\n\nLatest commit\n\nHistory\n\nnotes.md\n\nFile metadata and controls\n\n# Notes\n"
    assert detect_family("notes.md", lines_of(view)) == "github-view"


def test_a_txt_of_plain_markdown_is_markdown_and_bullet_glyphs_make_a_web_copy() -> None:
    md = "# Title\n\n## Part\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    web = "Title\n\nPart\n\n  • one\n  • two\n    • deeper\n\nSome prose here.\n"
    assert detect_family("notes.txt", lines_of(md)) == "markdown"
    assert detect_family("notes.md", lines_of(web)) == "web-copy"


# -- the flashcard splitter ------------------------------------------------------

def cards(text: str) -> list[tuple[list[str], list[str], str]]:
    lines = lines_of(text)
    return [(lines[a:b], lines[b:c], kind) for a, b, c, kind in split_cards(lines)]


def test_list_then_label_followed_by_a_list_without_label() -> None:
    got = cards("""
Real-time: an always-on endpoint.
Serverless: pay per request.
Asynchronous: large payloads, results in S3.
Ways to get predictions
Model Monitor can watch for:
- data quality drift
- model quality drift
- bias drift
Shadow testing
- mirrors live traffic to a candidate
- only production answers callers
""")
    assert got == [
        (["Real-time: an always-on endpoint.", "Serverless: pay per request.",
          "Asynchronous: large payloads, results in S3."], ["Ways to get predictions"], "list"),
        (["Model Monitor can watch for:"], ["- data quality drift", "- model quality drift", "- bias drift"], "list"),
        (["Shadow testing"], ["- mirrors live traffic to a candidate", "- only production answers callers"], "list"),
    ]


def test_list_then_label_followed_by_a_question_with_a_dashed_answer() -> None:
    got = cards("""
Processing: runs a script in a container
Training: fits a model
Pipeline step types
What can a condition step compare?
- a metric from an evaluation report
- a pipeline parameter
_____ stores every version of a record in S3.
Offline store
""")
    assert [(len(front), len(back), kind) for front, back, kind in got] == [
        (2, 1, "list"), (1, 2, "question"), (1, 1, "cloze")]


def test_a_cloze_front_ending_in_a_colon_keeps_its_dashed_lines() -> None:
    got = cards("""
Inference Recommender reports _____ for each instance type, such as:
- latency
- cost per hour
performance metrics
T/F: Recall counts false negatives.
True
""")
    assert got[0] == (["Inference Recommender reports _____ for each instance type, such as:",
                       "- latency", "- cost per hour"], ["performance metrics"], "cloze")
    assert got[1][2] == "truefalse"


def test_a_prompt_straight_after_a_prompt_loses_no_line() -> None:
    got = cards("""
Which instance family has Inferentia chips?
Which feature turns off internet access for a training job?
Network isolation
T/F: Spot training can resume from a checkpoint.
True
""")
    assert [(front, back) for front, back, _ in got] == [
        (["Which instance family has Inferentia chips?"], []),
        (["Which feature turns off internet access for a training job?"], ["Network isolation"]),
        (["T/F: Spot training can resume from a checkpoint."], ["True"]),
    ]


def test_a_question_may_be_answered_by_a_lead_in_and_its_items() -> None:
    got = cards("""
What can start a SageMaker pipeline?
Three things:
- a schedule in EventBridge
- an S3 upload through EventBridge
- a call to StartPipelineExecution
_____ records every step's inputs and outputs.
Lineage tracking
""")
    assert [(len(front), len(back), kind) for front, back, kind in got] == [(1, 4, "question"), (1, 1, "cloze")]


# -- GitHub views ------------------------------------------------------------------

GITHUB_VIEW = """Skip to content

Latest commit

History

History
30 lines (20 loc) · 1.2 KB

notes.md

File metadata and controls

30 lines (20 loc) · 1.2 KB

Exam Notes

Table of contents

1. Data

1.1 Kinesis

  • shards hold the records
"""


def test_github_chrome_is_dropped_with_a_reason_for_each_line() -> None:
    doc = read_web_copy("view.txt", lines_of(GITHUB_VIEW), github=True)
    dropped = {d.line: d.reason for d in doc.dropped}
    assert dropped == {
        1: "page chrome (GitHub file view)", 3: "page chrome (GitHub file view)",
        5: "page chrome (GitHub file view)", 7: "page chrome (GitHub file view)",
        8: "page chrome (GitHub file view)", 10: "page chrome (GitHub file name line)",
        12: "page chrome (GitHub file view)", 14: "page chrome (GitHub file view)",
        18: "page chrome (GitHub file view)",
    }
    assert doc.title == "Exam Notes"
    headings = [(b.text, b.level) for b in doc.blocks if b.kind == m.HEADING]
    assert headings == [("Exam Notes", 1), ("1. Data", 2), ("1.1 Kinesis", 3)]


def test_chrome_words_below_the_top_of_a_view_are_kept() -> None:
    lines = lines_of(GITHUB_VIEW) + [""] * 40 + ["History", "", "  • the word History above is text"]
    doc = read_web_copy("view.txt", lines, github=True)
    assert len(lines) - 2 not in {d.line for d in doc.dropped}
    assert any(b.kind == m.HEADING and b.text == "History" for b in doc.blocks)


# -- TeX repair ------------------------------------------------------------------------

def test_repair_tex_restores_the_thin_space_lost_before_left() -> None:
    assert repair_tex(r"\log!\left(p\right)") == r"\log\!\left(p\right)"
    assert repair_tex(r"\exp!(x) + \ln!\Big(y\Big)") == r"\exp\!(x) + \ln\!\Big(y\Big)"


def test_repair_tex_leaves_sound_tex_alone() -> None:
    for tex in (r"\log\!\left(p\right)", r"n! = n \cdot (n-1)!", r"\max!",
                r"\begin{cases} 0 & x < 0 \\ 1 & x > 0 \end{cases}"):
        assert repair_tex(tex) == tex


def test_repair_tex_restores_a_lost_row_end_in_cases() -> None:
    assert repair_tex(r"\begin{cases} 1 + \log f, & f > 0 \ 0, & f = 0 \end{cases}") == \
        r"\begin{cases} 1 + \log f, & f > 0 \\ 0, & f = 0 \end{cases}"


# -- heading levels of page copies --------------------------------------------------

def heading_levels(text: str) -> list[tuple[str, int]]:
    scan = Scanner(lines_of(text), web=True)
    scan.run()
    return [(b.text, b.level) for b in scan.blocks if b.kind == m.HEADING]


def test_page_copy_title_is_level_one_and_a_heading_over_a_heading_opens_a_section() -> None:
    assert heading_levels("""
Study Guide

Storage

Amazon S3

Objects live in buckets.

Amazon EFS

A shared file system.

Streaming

Kinesis

Shards carry records.
""") == [("Study Guide", 1), ("Storage", 2), ("Amazon S3", 3), ("Amazon EFS", 3),
         ("Streaming", 2), ("Kinesis", 3)]


def test_page_copy_headings_before_any_section_are_level_two() -> None:
    assert heading_levels("""
Study Guide

Some words about the guide.

Overview

More words.

Details

Even more words.
""") == [("Study Guide", 1), ("Overview", 2), ("Details", 2)]


def test_sentences_and_indented_lines_are_not_page_copy_headings() -> None:
    assert heading_levels("""
Study Guide

This line ends like a sentence.

  Indented Words

Words that run on, with a comma,
""") == [("Study Guide", 1)]


# -- rendering ---------------------------------------------------------------------------

def heading_lines(markdown: str) -> list[str]:
    return [x.split(" {#")[0] for x in markdown.splitlines() if x.startswith("#")]


def test_a_level_one_heading_in_the_body_moves_it_and_later_headings_down_one() -> None:
    doc = read("post.md", "---\ntitle: Post\n---\n\n# Part A\n\n## A.1\n\ntext\n\n# Part B\n\n### B.1.1\n")
    assert heading_lines(render_document(doc)) == ["# Post", "## Part A", "### A.1", "## Part B", "#### B.1.1"]


def test_headings_keep_their_levels_when_the_title_is_the_only_level_one() -> None:
    doc = read("note.md", "# Note\n\n## A\n\n### A.1\n\ntext\n")
    assert heading_lines(render_document(doc)) == ["# Note", "## A", "### A.1"]


def test_a_card_side_of_several_lines_is_a_list_on_lines_of_its_own() -> None:
    card = m.Block(m.CARD, m.Span(1, 4), front="Monitor types:\n- data quality\n- bias drift",
                   back="Model Monitor", card_kind="list")
    assert render_card(card) == (
        '<div class="kb-card" data-kind="list" markdown>\n\n'
        "**Q** Monitor types:\n\n- data quality\n- bias drift\n\n"
        "**A** Model Monitor\n\n</div>"
    )
    card = m.Block(m.CARD, m.Span(1, 3), front="S3: objects\nEFS: files", back="Storage", card_kind="list")
    assert "**Q**\n\n- S3: objects\n- EFS: files\n\n**A** Storage" in render_card(card)


def test_card_table_title_keeps_the_capitals_of_the_file_name() -> None:
    assert title_from_name("decks/AI-services_XGBoost.csv") == "AI services XGBoost"
    assert title_from_name("sagemaker-algorithms.tsv") == "Sagemaker algorithms"


# -- page copy blocks -------------------------------------------------------------------

def kinds(text: str) -> list[tuple[str, str]]:
    scan = Scanner(lines_of(text), web=True)
    scan.run()
    return [(b.kind, b.lang) for b in scan.blocks]


def test_bullets_then_numbers_at_the_outer_level_are_two_lists() -> None:
    scan = Scanner(lines_of("  • one\n  • two\n\n  1. first\n  2. second\n"), web=True)
    scan.run()
    assert [[(i.text, i.ordered) for i in b.items] for b in scan.blocks] == [
        [("one", False), ("two", False)], [("first", True), ("second", True)]]


def test_unfenced_python_goes_on_across_blank_lines_and_block_statements() -> None:
    assert kinds("""
import boto3

client = boto3.client("sagemaker")
try:
    client.list_endpoints()
except Exception as err:
    raise SystemExit(err)
# a comment, then a call left open
client.describe_endpoint(
    EndpointName="churn",
)

The endpoint is described above.
""") == [("code", "python"), ("paragraph", "")]


def test_a_markdown_heading_after_unfenced_python_ends_the_code() -> None:
    assert kinds("""
def score(x):
    return x * 2
# Next part

## Its first section

Words about it.
""") == [("code", "python"), ("heading", ""), ("heading", ""), ("paragraph", "")]


def test_an_init_directive_stays_with_the_unfenced_diagram_it_precedes():
    doc = read("flow.txt", "Pipeline notes\n\nSome words about the flow.\n\n%%{init: {\"theme\": \"forest\"}}%%\n"
                           "graph TD\n    A[Ingest] --> B[Train]\n\nAfter the diagram, a sentence.\n")
    diagrams = [b for b in doc.blocks if b.kind == m.DIAGRAM]
    assert len(diagrams) == 1 and (diagrams[0].span.first, diagrams[0].span.last) == (5, 7)
    assert diagrams[0].text.startswith("%%{init:") and "graph TD" in diagrams[0].text
    assert not any(b.kind == m.PARAGRAPH and "%%{init" in b.text for b in doc.blocks)


# -- notes as Obsidian, Notion and other real authors write them ----------------------------

def test_a_no_break_space_still_parts_words() -> None:
    doc = read("n.md", "Firehose buffers data,\u00a0then delivers it.\n")
    assert doc.blocks[0].text == "Firehose buffers data, then delivers it."


def test_a_checklist_of_questions_is_markdown_not_a_flashcard_export() -> None:
    checklist = "\n".join(f"- [{'x' if n % 2 else ' '}] What is service {n}?" for n in range(8))
    assert detect_family("questions.md", lines_of(checklist)) == "markdown"


def test_questions_linking_their_answers_with_wikilinks_are_no_flashcard_export() -> None:
    lines = [f"What is topic {n}? [[topic {n}]]" for n in range(8)]
    assert detect_family("questions.md", lines) == "markdown"


def test_an_md_note_whose_only_mark_is_display_maths_is_markdown() -> None:
    note = "Recall is the share of positives found.\n\n$$\nR = TP / (TP + FN)\n$$\n"
    assert detect_family("Recall.md", lines_of(note)) == "markdown"
    assert read("cards/Recall.md", note).title == "Recall"


def test_a_note_opening_on_a_section_heading_takes_its_file_name_as_title() -> None:
    assert read("lessons/Endpoint Security.md", "## Goal\n\nKeep traffic in the VPC.\n").title == "Endpoint Security"
    assert read("README.md", "## Goal\n\nKeep traffic in the VPC.\n").title == "Goal"
    assert read("x.md", "# Endpoints\n\n## Goal\n\ntext\n").title == "Endpoints"


def test_obsidian_tag_lines_become_the_notes_tags_and_are_dropped_with_a_reason() -> None:
    doc = read("n.md", "# Polly\n\nText to speech.\n\n#entity #aws\n")
    assert doc.meta["tags"] == ["entity", "aws"]
    assert [(d.line, d.reason) for d in doc.dropped] == [(5, "tags (Obsidian #tag line)")]


def test_an_obsidian_comment_never_closed_stays_text() -> None:
    doc = read("n.md", "# T\n\n%% unfinished thought\n\nMore text.\n")
    assert [b.text for b in doc.blocks if b.kind == m.PARAGRAPH] == ["%% unfinished thought", "More text."]


def test_highlights_in_code_and_comparisons_stay_as_written() -> None:
    doc = read("n.md", "# T\n\nUse `a == b` and x==y; ==this== is marked.\n")
    assert doc.blocks[1].text == "Use `a == b` and x==y; <mark>this</mark> is marked."


def test_an_excalidraw_drawing_is_titled_by_its_name_without_the_plugin_notice() -> None:
    note = ("---\nexcalidraw-plugin: parsed\n---\n==⚠  Switch to EXCALIDRAW VIEW in the MORE OPTIONS menu. ⚠==\n\n"
            "# Text Elements\nencoder ^aB3dE\n\n%%\n# Drawing\n```json\n{}\n```\n%%\n")
    doc = read("_excalidraw/Attention.excalidraw.md", note)
    assert doc.title == "Attention"
    assert "Excalidraw plugin notice" in {d.reason for d in doc.dropped}
    assert [b.text for b in doc.blocks if b.kind == m.PARAGRAPH] == ["encoder"]


def test_images_pdfs_and_notebooks_beside_notes_are_media_not_notes(tmp_path) -> None:
    from kb.notes import ParseCache, read_corpus
    from kb.report import report_json

    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "curve.PNG").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "guide.pdf").write_bytes(b"%PDF-1.4\n\x00\x01")
    (tmp_path / "lab.ipynb").write_text('{"cells": []}')
    (tmp_path / "requirements.txt").write_text("boto3\nsagemaker\n")
    (tmp_path / "note.md").write_text("# Note\n\ntext\n")
    corpus = read_corpus(tmp_path, ParseCache())
    assert [d.source for d in corpus.documents] == ["note.md"]
    assert corpus.problems == () and corpus.skipped == ()
    assert report_json([], corpus.skipped, [], corpus.media)["media"] == ["guide.pdf", "img/curve.PNG", "lab.ipynb",
                                                                           "requirements.txt"]


def test_an_anki_notes_export_reads_its_fields_past_the_guid_notetype_and_deck_columns() -> None:
    export = ("#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n"
              "g1\tBasic\tMLS\tWhich metric ignores true negatives?\tF1<br>and precision\tmetrics\n"
              "g2\tCloze\tMLS\t{{c1::Pipe mode::input}} streams data from S3.\t\tinput\n")
    cards = [b for b in read("deck.txt", export).blocks if b.kind == m.CARD]
    assert [(c.front, c.back, c.title) for c in cards] == [
        ("Which metric ignores true negatives?", "F1\nand precision", "metrics"),
        ("_____ streams data from S3.", "Pipe mode", "input"),
    ]
    assert [c.card_kind for c in cards] == ["question", "cloze"]


def test_a_numbered_section_title_opening_with_a_lower_case_name_keeps_its_numbered_level() -> None:
    # a GitHub file view copied out of the browser, where "1.3 Title" lines are headings
    text = ("Skip to content\n\nLatest commit\n\nHistory\n\nnotes.md\n\n"
            "3. SageMaker\n\n  • Managed ML\n\n3.2.3 XGBoost\n\n  • Gradient-boosted trees\n\n"
            "3.2.4 k-nearest neighbours (kNN)\n\n  • Votes among the closest points\n\n"
            "3.2.5 Factorization Machines\n\n  • Sparse data\n")
    headings = [(b.level, b.text) for b in read("notes.txt", text).blocks if b.kind == m.HEADING]
    levels = {title: level for level, title in headings}
    assert levels["3.2.4 k-nearest neighbours (kNN)"] == levels["3.2.3 XGBoost"] == \
        levels["3.2.5 Factorization Machines"]

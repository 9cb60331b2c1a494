"""The mock exam page and the practice page's links to it and to the Anki package."""
from __future__ import annotations

from kb.cards import practice_page
from kb.exam_page import PAGE, exam_page
from kb.home import home_page


def test_exam_page_is_a_mount_point_with_the_cards_two_folders_up():
    page = exam_page()
    assert PAGE == "practice/exam.md"
    assert 'data-kb-practice="exam" data-cards="../../data/cards.json"' in page
    assert "[Back to Practice](../practice.md)" in page


def test_practice_page_links_the_exam_and_the_apkg():
    page = practice_page()
    assert 'data-exam="../practice/exam/"' in page
    assert "(practice/exam.md)" in page and "(data/cards.apkg)" in page and "(data/cards.tsv)" in page


def test_home_page_has_the_due_box_only_with_a_practice_page():
    from kb.home import Figures
    figures = Figures(1, 1, 1, 1)
    assert 'data-kb-practice="home"' in home_page(figures, {}, {"index.md", "practice.md"})
    assert 'data-kb-practice="home"' not in home_page(figures, {}, {"index.md"})


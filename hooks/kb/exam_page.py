"""practice/exam.md: the mock exam page, a mount point for practice-exam.js (the questions load as data)."""
from __future__ import annotations

from .cards import DATA, data_path
from .maker import Maker
from .page_meta import front_matter

PAGE = "practice/exam.md"


def exam_page() -> str:
    cards = data_path(PAGE, DATA["json"])
    return (
        front_matter("Mock exam", "A timed mock exam drawn from the practice questions by the exam's domain weights.",
                     hide=["toc"]) +
        "# Mock exam\n\n"
        "A timed exam like the real one: the questions are drawn from the notes' practice questions in the "
        "proportions of the exam guide's domains, against a countdown. Flag a question to come back to it, "
        "jump between questions with the navigator, and submit when you are done (or when the time runs out). "
        "The result gives a score on the exam's 100–1000 scale, a breakdown by domain, and a review of every "
        "question with the right answer, the explanation and a link to where the notes say it. Your wrong "
        "answers go back into your study queue, and past attempts are kept in this browser.\n\n"
        f'<div class="kb-practice kb-practice--exam" data-kb-practice="exam" data-cards="{cards}">\n'
        '<p class="kb-practice__loading">Loading the questions…</p>\n'
        "</div>\n\n"
        "<noscript><p>The mock exam needs JavaScript.</p></noscript>\n\n"
        "[Back to Practice](../practice.md)\n"
    )


# Reached from the Practice page, not listed in the navigation.
EXAM_PAGE = Maker("exam", lambda b: [(PAGE, exam_page())])

"""practice/exam.md: the mock exam page, a mount point for practice-exam.js (the questions load as data)."""
from __future__ import annotations

import json

from .cards import DATA, data_path
from .page_meta import front_matter

PAGE = "practice/exam.md"
EXAMS_DATA = "data/exams.json"
# Until the build writes the exam blueprints, the mock exam's blueprint: MLA-C01 as its official exam
# guide describes it (65 questions, 50 scored and 15 unscored; 130 minutes; 720 of 1000 passes).
FALLBACK_EXAMS = {"default": "MLA-C01", "exams": [{
    "code": "MLA-C01", "name": "AWS Certified Machine Learning Engineer – Associate", "status": "current",
    "questions": 65, "minutes": 130, "passing": 720, "question_types": ["multiple choice", "multiple response"],
    "domains": [
        {"id": "1", "name": "Data Preparation for Machine Learning", "weight": 28, "tasks": []},
        {"id": "2", "name": "ML Model Development", "weight": 26, "tasks": []},
        {"id": "3", "name": "Deployment and Orchestration of ML Workflows", "weight": 22, "tasks": []},
        {"id": "4", "name": "ML Solution Monitoring, Maintenance, and Security", "weight": 24, "tasks": []},
    ]}]}


def fallback_exams_json() -> str:
    return json.dumps(FALLBACK_EXAMS, ensure_ascii=False, indent=1)


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

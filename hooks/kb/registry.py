"""The generated pages, in the order the navigation lists them: one line per page module.

Each module declares its ``Maker`` (maker.py): the build runs every one, the navigation and the home
page read this list. The home page itself is made last, from what the others made.
"""
from __future__ import annotations

from .blueprint_page import BLUEPRINT_PAGE
from .cards import PRACTICE_PAGE
from .cheatsheets import CHEATSHEETS
from .comparison_pages import COMPARISONS_PAGE
from .exam_page import EXAM_PAGE
from .maker import Maker
from .overview_pages import FORMULAS_PAGE, PIPELINES_PAGE
from .source_pages import REPORT_PAGE, SOURCE_PAGES
from .topic_pages import GLOSSARY_PAGE, TOPIC_PAGES

MAKERS: list[Maker] = [
    TOPIC_PAGES,
    PRACTICE_PAGE,
    EXAM_PAGE,
    BLUEPRINT_PAGE,
    PIPELINES_PAGE,
    COMPARISONS_PAGE,
    FORMULAS_PAGE,
    CHEATSHEETS,
    GLOSSARY_PAGE,
    SOURCE_PAGES,
    REPORT_PAGE,
]

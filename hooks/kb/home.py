"""The home page: what the site is, how to use it, and the figures of this build.

Generated rather than hand-written so its counts are always those of the notes just read.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .catalog import SECTIONS
from .exams import long_date
from .page_meta import front_matter
from .registry import MAKERS

if TYPE_CHECKING:
    from .catalog import Entity
    from .exams import Blueprints
    from .knowledge import Knowledge

HOME = "index.md"
ABOUT = ("A study site for the AWS machine-learning certification exams (MLA-C01, and the retired MLS-C01), "
         "built from raw notes.")
BLUEPRINT = "blueprint.md"
# Pages other parts of the build may add, the first existing path of each wins.
PRACTICE = ("practice.md", "practice/index.md")
CHEATSHEETS = ("cheatsheets/index.md", "cheatsheets.md")


@dataclass(frozen=True)
class Figures:
    notes: int
    topics: int
    facts: int
    cards: int


def plural(n: int, one: str, many: str = "") -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def first_existing(candidates: tuple[str, ...], pages: set[str]) -> str:
    return next((uri for uri in candidates if uri in pages), "")


def figures_line(f: Figures) -> str:
    return (f"{plural(f.topics, 'topic')}, {plural(f.facts, 'fact')} and {plural(f.cards, 'card')} "
            f"from {plural(f.notes, 'note')}")


def section_rows(topic_counts: dict[str, int], pages: set[str]) -> list[str]:
    """One table row per section that has a page: its name, what is in it, how many topics."""
    rows = []
    for section, (title, blurb) in SECTIONS.items():
        if f"{section}/index.md" in pages:
            rows.append(f"| [{title}]({section}/index.md) | {blurb} | {topic_counts.get(section, 0)} |")
    return rows


def how_to_use(pages: set[str]) -> str:
    practice = first_existing(PRACTICE, pages)
    sheets = first_existing(CHEATSHEETS, pages)
    practise = (f"[**Practise**]({practice}) with the cards of every note: answer, then rate yourself; "
                "your progress stays in this browser." if practice else
                "**Practise** with the cards: every flashcard and question of the notes is on its "
                "[Sources](sources/index.md) page, question first, answer below.")
    printing = (f"[**Print**]({sheets}) a cheatsheet per section, or the whole base on a few pages; "
                "any other page prints cleanly from the browser too." if sheets else
                "**Print** any page from the browser: the navigation is left out of the print.")
    read = ("- **Read** a topic page: what every note says about one service, algorithm or idea, grouped as "
            "*what it is*, *limits and numbers*, *how it is used*, *how it compares* and *exam tips*. "
            "Each fact links back to the note and the lines it came from.")
    search = ("- **Search** from the box at the top (or press <kbd>S</kbd> or <kbd>/</kbd>). Acronyms and former names "
              "find their topic (*KDS*, *Kinesis Data Firehose*), and so do numbers (*1 MB/s*).")
    return "\n".join([read, search, f"- {practise}", f"- {printing}"])


def home_markdown(pages: list[str], notes: int, know: Knowledge, topics: list[Entity], cards: int,
                  exams: Blueprints | None = None) -> str:
    """The home page of a build: its docs paths, how many notes it read, the entities with a page,
    how many practice cards it made and the exams it serves."""
    facts = {id(f) for e in topics for f in know.by_topic.get(e.slug, [])}
    figures = Figures(notes, len(topics), len(facts), cards)
    counts: dict[str, int] = {}
    for e in topics:
        counts[e.section] = counts.get(e.section, 0) + 1
    return home_page(figures, counts, set(pages), exams)


def today_box(pages: set[str]) -> str:
    """The learner's day (cards due, a button to start), filled in by the practice widgets."""
    practice = first_existing(PRACTICE, pages)
    if not practice:
        return ""
    return ('<div class="kb-practice kb-practice--home" data-kb-practice="home" data-cards="data/cards.json" '
            'data-practice="practice/">\n<p class="kb-practice__loading">Your practice today…</p>\n</div>\n\n')


def exam_link(code: str, name: str, url: str) -> str:
    return f"[{name} ({code})]({url})" if url else f"{name} ({code})"


def exam_status(exams: Blueprints, pages: set[str]) -> str:
    """The exams' status, first thing on the page: what was retired and when, what holders keep, which
    exam to take now and which sit beside it (all from exams.yaml). A warning box when an exam was retired."""
    retired = [e for e in exams.exams if e.status == "retired" and e.retired]
    current = [e for e in exams.exams if e.status == "current"]
    body = [f"AWS no longer offers the {exam_link(e.code, e.name, e.url)} exam. If you already hold the "
            "certification, it stays valid for three years from the date you earned it." for e in retired]
    if current:
        now = current[0]
        body.append(f"The exam to take now for this material is the {exam_link(now.code, now.name, now.url)}: "
                    f"{now.questions} questions in {now.minutes} minutes, passing score {now.passing} of 1,000.")
    if exams.see_also:
        body.append("Beside it: " + " and ".join(exam_link(r.code, r.name, r.url) + f" ({r.level.lower()})"
                                                  for r in exams.see_also) + ".")
    if BLUEPRINT in pages:
        body.append(f"The [exam blueprints]({BLUEPRINT}) show each exam domain by domain and task by task, with "
                    "what in these notes covers it; every topic page says which tasks it serves.")
    if not retired:
        return "\n\n".join(body) + "\n\n"
    title = "; ".join(f"{e.code} was retired on {long_date(e.retired)}" for e in retired)
    return f'!!! warning "{title}"\n\n' + "\n\n".join("    " + x for x in body) + "\n\n"


def home_page(figures: Figures, topic_counts: dict[str, int], pages: set[str], exams: Blueprints | None = None) -> str:
    """Markdown of the home page; ``pages`` is every docs path of the build, to link only what exists;
    ``exams``: the blueprints, whose status the page opens with."""
    rows = section_rows(topic_counts, pages)
    sections = ("| Section | What is in it | Topics |\n|---|---|---:|\n" + "\n".join(rows) + "\n") if rows else (
        "No topics yet: the notes name none of the catalog's topics.\n")
    return (
        front_matter("Home", f"{ABOUT} {figures_line(figures).capitalize()}.") +
        "# AWS ML Exam Knowledge Base\n\n" + (exam_status(exams, pages) if exams else "") +
        "Study notes for the AWS machine-learning certifications, written for the **Machine Learning – Specialty** "
        "exam and tagged for its successor, **Machine Learning Engineer – Associate**, read from the raw shapes "
        "people keep them in (flashcard exports, blog cheatsheets, text copied out of web pages and GitHub, "
        "Markdown notes) and normalised into one cross-linked site.\n\n"
        f"This build holds **{figures_line(figures)}**.\n{{ .kb-figures }}\n\n"
        + today_box(pages) +
        "## How to use it\n\n" + how_to_use(pages) + "\n\n"
        "## Sections\n\n" + sections + "\n"
        "## Everything else\n\n" + "\n".join(f"- {text.format(uri)}" for uri, text in reference() if uri in pages)
        + "\n"
    )


def reference() -> list[tuple[str, str]]:
    """The pages listed under "Everything else": each registered maker's home line, in registry order."""
    return [m.home for m in MAKERS if m.home]

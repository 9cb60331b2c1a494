"""The Practice page and the 'Test yourself' block of a topic page."""
from __future__ import annotations

from html import escape
from urllib.parse import quote

from ..maker import Maker, listed
from ..page_meta import front_matter
from .model import Card, CardReport

PAGE = "practice.md"
DATA = {"json": "data/cards.json", "tsv": "data/cards.tsv", "apkg": "data/cards.apkg"}


def data_path(page_uri: str, target: str) -> str:
    """A site path relative to where a page is served (directory URLs: ``a/b.md`` is served at ``a/b/``)."""
    base = page_uri[:-3]
    if base == "index" or base.endswith("/index"):
        base = base[: -len("index")]
    depth = len([x for x in base.split("/") if x])
    return "../" * depth + target


def topic_data(slug: str) -> str:
    """A topic's own cards (data/cards/<slug>.json): its page fetches those, never the whole deck."""
    return f"data/cards/{slug}.json"


def practice_page(report: CardReport | None = None) -> str:
    """practice.md: the widget's mount point, how to use it, and the cards as files."""
    cards = data_path(PAGE, DATA["json"])
    exam = data_path(PAGE, "practice/exam/")
    imported = sum(report.imported.values()) if report else 0
    generated = sum(report.generated.values()) if report else 0
    tally = (f"There are {imported + generated} cards: {imported} from the notes' own flashcards, decks and "
             f"practice questions, and {generated} written from the notes' facts (definitions, terms and rules). "
             if report else "")
    return (
        front_matter("Practice", "Flashcards with spaced repetition, quizzes, mock exams and your progress.",
                     hide=["toc"]) +
        "# Practice\n\n"
        "**Study** shows today's cards as Anki does: the reviews the schedule says are due, mixed with up to "
        "20 new cards a day; you see a card, then its answer, and grade how well you knew it. The schedule is "
        "FSRS (Anki's default), which brings each card back when you are about to forget it. **Quiz** asks the "
        "practice questions, explains each answer and sends the ones you miss back to your study queue. "
        "The [**Mock exam**](practice/exam.md) is timed like the real one. **Progress** shows what is due in the next "
        f"two weeks, your past reviews and your mastery by section and exam domain. {tally}"
        "Your progress is kept in this browser only: export it now and then.\n\n"
        f'<div class="kb-practice" data-kb-practice="app" data-cards="{cards}" data-exam="{exam}">\n'
        '<p class="kb-practice__loading">Loading the cards…</p>\n'
        "</div>\n\n"
        "<noscript><p>The practice widgets need JavaScript. The cards are also in the files below.</p></noscript>\n\n"
        "## Keyboard\n\n"
        "| Key | Does |\n|---|---|\n"
        "| <kbd>Space</kbd> | Show the answer |\n"
        "| <kbd>1</kbd> <kbd>2</kbd> <kbd>3</kbd> <kbd>4</kbd> | Grade: Again, Hard, Good, Easy; "
        "in a quiz, choose an option |\n"
        "| <kbd>U</kbd> | Undo the last grade |\n"
        "| <kbd>Enter</kbd> | Check a quiz answer, then go on |\n\n"
        "## The cards as files\n\n"
        f"- [cards.json]({DATA['json']}): every card with its id, front, back, kind, topic and source line.\n"
        f"- [cards.apkg]({DATA['apkg']}): the same cards as an Anki package (File → Import), one note per card "
        "with stable ids, cloze cards as Anki cloze notes, tagged by section and exam domain.\n"
        f"- [cards.tsv]({DATA['tsv']}): the same cards for Anki as text (File → Import: the file sets the tab "
        "separator, the Basic note type and tags; importing again updates the cards rather than adding copies).\n"
    )


def cards_by_topic(cards: list[Card]) -> dict[str, list[Card]]:
    out: dict[str, list[Card]] = {}
    for card in cards:
        out.setdefault(card.topic, []).append(card)
    return out


def test_yourself(slug: str, mine: list[Card], page_uri: str = "") -> str:
    """The 'Test yourself' block for the end of a topic page (``mine``: the topic's cards): only a mount
    point; the cards load as data."""
    if not mine:
        return ""
    page_uri = page_uri or f"{mine[0].section}/{slug}.md"
    data = escape(data_path(page_uri, topic_data(slug)))
    practice = escape(data_path(page_uri, "practice/") + "?topic=" + quote(slug))
    noun = "card" if len(mine) == 1 else "cards"
    return (
        "\n## Test yourself\n\n"
        f'<div class="kb-practice kb-practice--topic" data-kb-practice="topic" data-topic="{escape(slug)}" '
        f'data-cards="{data}" data-practice="{practice}">\n'
        f'<p class="kb-practice__loading">{len(mine)} {noun} on this topic. Loading…</p>\n'
        "</div>\n"
    )


PRACTICE_PAGE = Maker("practice", lambda b: [(PAGE, practice_page(b.card_report))], nav=listed("Practice"))

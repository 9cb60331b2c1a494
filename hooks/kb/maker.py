"""What a generated page module declares, and what every page maker may read.

A module that adds pages to the site declares one ``Maker``: its name, the function that makes its
pages from the ``Build``, its entry in the navigation and its line on the home page. The ordered list
of makers is ``registry.MAKERS``: the build runs them all, the navigation lists them in that order,
the home page links each that made a page. A new page is one module and one line there.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .blueprint_page import ExamView
    from .cards import Card, CardReport
    from .catalog import Entity
    from .comparison_pages import Table
    from .knowledge import Knowledge
    from .matcher import Joined
    from .notes import Corpus, NoteProblem
    from .report import NoteAccount
    from .targets import LinkAccount
    from .topic_pages import TopicContext

Made = list[tuple[str, str]]  # (docs path, Markdown) of each page a maker makes, in order


@dataclass(frozen=True)
class Build:
    """Everything the pipeline knows once the notes are read: the input of every page maker."""

    corpus: Corpus
    entities: tuple[Entity, ...]  # the catalog's and the topics discovered in the notes
    know: Knowledge
    uris: dict[str, str]  # note → its Sources page (docs path)
    accounts: list[NoteAccount]
    with_facts: list[Entity]  # topics that get a page
    topics: dict[str, str]  # slug → docs path of its topic page
    topic_extras: dict[str, str]  # slug → what its page ends with: the exam tasks it serves, its cards
    cards: list[Card]
    card_report: CardReport
    context: TopicContext
    exams: ExamView
    tables: list[Table]
    problems: list[NoteProblem]  # found while building (undrawable diagrams, broken links, missing images)
    sources: dict[str, str]  # note → its Sources page (Markdown), links and images resolved
    links: LinkAccount  # what the notes' links and images became; its images are served under media/

    @property
    def topic_paths(self) -> set[str]:
        """The docs paths of the topic pages."""
        return set(self.topics.values())

    @property
    def matcher(self) -> Joined:
        """The build's one name → topic matcher, made by the knowledge stage once the notes' topics are found:
        a maker keeps the slugs it wants (``matcher.among``), never builds another."""
        return self.know.matcher


def listed(title: str) -> Callable[[list[str]], list[Any]]:
    """A navigation entry: ``title`` → the first page the maker made."""
    return lambda paths: [{title: paths[0]}] if paths else []


def grouped(title: str) -> Callable[[list[str]], list[Any]]:
    """A navigation entry: ``title`` → every page the maker made, as a group."""
    return lambda paths: [{title: paths}] if paths else []


def unlisted(paths: list[str]) -> list[Any]:
    return []


@dataclass(frozen=True)
class Maker:
    name: str
    make: Callable[[Build], Made]
    nav: Callable[[list[str]], list[Any]] = unlisted  # its navigation entries, from the pages it made
    home: tuple[str, str] | None = None  # (docs path, line under "Everything else" on the home page, '{}'
    # standing for the link to that path); the line shows only when the build made that page

"""A GitHub file page copied as text: a page copy with GitHub's chrome around it."""
from __future__ import annotations

from .. import model as m
from .family import Family
from .webcopy import is_github_view, read_web_copy


def looks_like_github_view(name: str, lines: list[str]) -> bool:
    return is_github_view(lines)


def read_github_view(source: str, lines: list[str]) -> m.Document:
    return read_web_copy(source, lines, github=True)


FAMILY = Family("github-view", "GitHub file view copied as text", looks_like_github_view, read_github_view)

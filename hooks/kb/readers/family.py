"""What a family of raw notes declares: its name, label, how to recognise it and how to read it."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .. import model as m


@dataclass(frozen=True)
class Family:
    name: str  # in report.json, page meta and tests/fixtures/<name>/
    label: str  # what the Sources pages call it
    recognise: Callable[[str, list[str]], bool]  # (file name, lines of a note with text) → is it one of ours?
    read: Callable[[str, list[str]], m.Document]  # (source path, lines) → the normalised document

"""Markdown posts with front matter (Hugo `---` YAML or `+++` TOML, Jekyll), read as Markdown."""
from __future__ import annotations

from .family import Family
from .markdown import read_markdown

FENCES = ("---", "+++")
FRONT_MATTER_ZONE = 80  # lines in which the front matter must close


def has_front_matter(name: str, lines: list[str]) -> bool:
    return lines[0].strip() in FENCES and any(x.strip() in FENCES for x in lines[1:FRONT_MATTER_ZONE])


FAMILY = Family("post", "Markdown post with front matter", has_front_matter, read_markdown)

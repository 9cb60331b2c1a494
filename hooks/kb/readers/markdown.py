"""Markdown notes: posts with front matter (Hugo, Jekyll) and plain GFM notes."""
from __future__ import annotations

import re

import yaml

from .. import model as m
from ..inline import plain_text
from .family import Family
from .text import Scanner

TOML_FENCE = "+++"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
GENERIC_NAMES = frozenset({"readme", "index", "notes", "untitled"})  # file names that are no title


def split_front_matter(lines: list[str]) -> tuple[dict, int, list[m.Dropped], list[m.Problem]]:
    """Metadata, index of the first body line, the dropped lines, and problems."""
    if not lines or lines[0].strip() not in ("---", TOML_FENCE):
        return {}, 0, [], []
    fence = lines[0].strip()
    for end in range(1, len(lines)):
        if lines[end].strip() == fence or (fence == "---" and lines[end].strip() == "..."):
            break
    else:
        return {}, 0, [], [m.Problem(1, "front matter is never closed; read as text")]
    dropped = [m.Dropped(n + 1, "front matter") for n in range(end + 1)]
    # Tabs are never valid YAML indentation; a stray one is editor damage with one reading.
    raw = "\n".join(x.replace("\t", "  ") for x in lines[1:end])
    if fence == TOML_FENCE:
        return parse_toml(raw), end + 1, dropped, []
    try:
        meta = yaml.safe_load(raw) if raw.strip() else {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = (mark.line + 2) if mark is not None else 1
        return {}, end + 1, dropped, [m.Problem(line, f"front matter is not valid YAML ({first_line(err)}); ignored")]
    if not isinstance(meta, dict):
        return {}, end + 1, dropped, [m.Problem(1, "front matter is not a mapping; ignored")]
    return {str(k): v for k, v in meta.items()}, end + 1, dropped, []


def first_line(err: Exception) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__


def parse_toml(raw: str) -> dict:
    import tomllib

    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError:
        return {}


def engine_of(meta: dict, lines: list[str]) -> str:
    if "math" in meta or "layout" in meta or any("<!--more-->" in x.replace(" ", "") for x in lines):
        return "jekyll"
    if "draft" in meta or "toc" in meta or "images" in meta:
        return "hugo"
    return "generic"


def read_markdown(source: str, lines: list[str]) -> m.Document:
    meta, start, dropped, problems = split_front_matter(lines)
    scan = Scanner(lines, web=False)
    scan.run(start)
    blocks = scan.blocks
    title = str(meta.get("title") or "").strip() or title_of(source, blocks, drawing="excalidraw-plugin" in meta)
    family = "post" if start else "markdown"
    if start:
        meta = {**meta, "engine": engine_of(meta, lines)}
    if scan.tags:
        meta = {**meta, "tags": tags_of(meta) + [t for t in scan.tags if t not in tags_of(meta)]}
    blank = frozenset(i + 1 for i, x in enumerate(lines) if not x.strip())
    return m.Document(source, family, title, len(lines), tuple(blocks), meta=jsonable(meta),
                      dropped=tuple(dropped + scan.dropped), problems=tuple(problems + scan.problems),
                      blank=blank)


def title_of(source: str, blocks: list[m.Block], drawing: bool = False) -> str:
    """The first heading when it is a level-1 title; else the file's name, as Obsidian and Notion
    title a note (its first heading is a section: "## Definition"), unless the name says nothing.
    An Excalidraw drawing's first heading is the plugin's "Text Elements": its name is its title."""
    stem = source.rsplit("/", 1)[-1].rsplit(".", 1)[0].removesuffix(".excalidraw")
    if drawing:
        return stem
    first = next((b for b in blocks if b.kind == m.HEADING), None)
    if first is not None and (first.level == 1 or stem.casefold() in GENERIC_NAMES):
        return plain_text(first.text)
    return stem


def tags_of(meta: dict) -> list:
    tags = meta.get("tags")
    return list(tags) if isinstance(tags, (list, tuple)) else [tags] if tags else []


def jsonable(value):
    """Front matter as JSON-safe data (YAML dates become ISO strings)."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def any_note(name: str, lines: list[str]) -> bool:
    return True  # the last family: whatever no other family recognised is read as Markdown


FAMILY = Family("markdown", "Plain Markdown note", any_note, read_markdown)

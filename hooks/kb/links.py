"""Relative links between pages of the docs folder (MkDocs resolves ``.md`` links)."""
from __future__ import annotations

from functools import lru_cache
from posixpath import dirname, relpath


@lru_cache(maxsize=65536)
def _relative_path(from_dir: str, to_path: str) -> str:
    return relpath(to_path, from_dir or ".")


def link(from_uri: str, to_uri: str) -> str:
    """Relative link from one docs/ path to another, keeping any ``#anchor``.

    Pages link to the same few targets over and over (a note's Sources page, a topic), so the
    path arithmetic is cached by folder and target."""
    path, _, anchor = to_uri.partition("#")
    rel = _relative_path(dirname(from_uri), path)
    return rel + (f"#{anchor}" if anchor else "")

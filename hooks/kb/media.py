"""Images of the notes folder: found safely, served in the site at ``media/<path in the folder>``.

An image is read only when it lies inside the notes folder: no ``..`` out of it, no absolute
path, no symbolic link anywhere on the way, a regular file with an image's extension.
"""
from __future__ import annotations

import os
import posixpath
import re
import stat
from pathlib import Path
from urllib.parse import unquote

MEDIA = "media"  # the site folder images are copied to
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp", ".ico", ".svg"})
SVG_HEAD = 1_000_000  # characters of an SVG searched for script
SVG_ACTIVE = re.compile(  # what in an SVG document runs script or embeds another document
    r"<\s*(?:script|foreignObject|iframe|embed|object|handler)\b|\son[a-z]+\s*=|(?:java|vb)script\s*:|data\s*:\s*text/html",
    re.IGNORECASE)


def is_image_name(name: str) -> bool:
    return posixpath.splitext(name.lower())[1] in IMAGE_SUFFIXES


def image_path(source: str, target: str) -> str | None:
    """The path in the notes folder an image target of note ``source`` names, or None when it
    names no file inside the folder (a URL, an absolute path, ``..`` past the folder)."""
    target = unquote(target.split("#", 1)[0].split("?", 1)[0]).replace("\\", "/").strip()
    if not target or target.startswith("/") or "://" in target or target.startswith(("data:", "mailto:")):
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
    if path == "." or path == ".." or path.startswith("../"):
        return None
    return path


def media_uri(path: str) -> str:
    """Where an image of the notes folder is served in the site (docs path)."""
    return f"{MEDIA}/{path}"


def image_file(folder: Path, path: str) -> Path | None:
    """The file of an image inside the notes folder, or None when it is missing, not an image,
    or reached through a symbolic link. Nothing outside the folder is opened."""
    if not is_image_name(path) or path.startswith("../") or posixpath.isabs(path):
        return None
    here = folder
    for part in path.split("/"):
        if part in ("", ".", ".."):
            return None
        here = here / part
        try:
            mode = here.lstat().st_mode
        except OSError:
            return None
        if stat.S_ISLNK(mode):
            return None
    if not stat.S_ISREG(mode):
        return None
    if path.lower().endswith(".svg") and svg_runs_script(here):
        return None
    return here


def svg_runs_script(path: Path) -> bool:
    """An SVG is a document: one with a script or an event handler would run it when opened."""
    try:
        text = path.read_bytes()[:SVG_HEAD].decode("utf-8", errors="replace")
    except OSError:
        return True
    return SVG_ACTIVE.search(text) is not None


def find_images(folder: Path) -> list[str]:
    """Every image below the folder (paths in it), sorted; symbolic links are not followed."""
    found = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not (here / d).is_symlink())
        found += [(here / f).relative_to(folder).as_posix() for f in files
                  if is_image_name(f) and not (here / f).is_symlink()]
    return sorted(found)

"""The whole generated site source, written out for any engine that reads mkdocs.yml.

``make export OUT=dir`` builds the site once with ``extra.kb.export`` set: every page's final
Markdown (front matter kept, cross-links made), the data files, the site's own assets and theme
overrides go below ``dir``, beside an ``mkdocs.yml`` with no hooks and no mermaid2 (the site's
own kb-render.js draws the diagrams, from pymdown-extensions' custom fences). Plain MkDocs with
Material builds it strictly into the same pages.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

# Top-level keys only the hook-driven build needs: the hooks themselves, and the raw notes' exclusion.
HOOK_ONLY_KEYS = ("hooks", "exclude_docs")
HOOK_ONLY_PLUGINS = ("mermaid2",)  # kb-render.js draws every diagram; mermaid2 only added the library
TOP_KEY = re.compile(r"^([A-Za-z_]+):")
LIST_ITEM = re.compile(r"^(\s*)- ([A-Za-z0-9_]+):?")
KB_SETTINGS = re.compile(r"^(\s+)kb:\s*$")
EXPORT_NOTE = "# Exported by `make export`: the knowledge base's pages as plain Markdown; no hooks needed.\n"


def export_config(text: str, nav: list) -> str:
    """mkdocs.yml without what only the hooks use, with the navigation the hooks made written out."""
    kept = drop_nested(drop_plugins(drop_top_keys(text.splitlines(keepends=True))))
    return EXPORT_NOTE + "".join(kept).rstrip("\n") + "\n\n" + yaml.safe_dump({"nav": nav}, sort_keys=False,
                                                                              allow_unicode=True)


def drop_top_keys(lines: list[str]) -> list[str]:
    out, skipping = [], False
    for line in lines:
        key = TOP_KEY.match(line)
        if key:
            skipping = key.group(1) in HOOK_ONLY_KEYS
            if skipping:
                drop_comments_above(out, 0)
        elif line.strip() and not line[0].isspace() and not line.startswith("#"):
            skipping = False
        if not skipping:
            out.append(line)
    return out


def drop_comments_above(out: list[str], indent: int) -> None:
    """A dropped block's own comment lines (just above it, as indented) go with it."""
    while out and out[-1].strip().startswith("#") and len(out[-1]) - len(out[-1].lstrip()) == indent:
        out.pop()


def drop_plugins(lines: list[str]) -> list[str]:
    """Leave out each listed plugin entry (and its settings) named in HOOK_ONLY_PLUGINS."""
    out, indent = [], None
    for line in lines:
        item = LIST_ITEM.match(line)
        if indent is not None and line.strip() and (len(line) - len(line.lstrip())) <= indent:
            indent = None
        if item and item.group(2) in HOOK_ONLY_PLUGINS:
            indent = len(item.group(1))
            drop_comments_above(out, indent)
        if indent is None:
            out.append(line)
    return out


def drop_nested(lines: list[str]) -> list[str]:
    """Leave out the `kb:` settings block under `extra:`."""
    out, indent = [], None
    for line in lines:
        if indent is not None and line.strip() and (len(line) - len(line.lstrip())) <= indent:
            indent = None
        match = KB_SETTINGS.match(line)
        if match:
            indent = len(match.group(1))
            drop_comments_above(out, indent)
        if indent is None:
            out.append(line)
    return out


def page_source(meta: dict, markdown: str) -> str:
    """A page as its Markdown file: front matter first, when it has any."""
    if not meta:
        return markdown
    return "---\n" + yaml.safe_dump(meta, sort_keys=True, allow_unicode=True) + "---\n\n" + markdown


def write_export(out: Path, config_text: str, pages: dict[str, str], data: dict[str, str | bytes],
                 docs_dir: Path, overrides: Path, skip: str) -> list[str]:
    """Write the export below out; returns the page paths written (relative to out/docs)."""
    docs = out / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    copy_tree(docs_dir, docs, skip)
    if overrides.is_dir():
        copy_tree(overrides, out / overrides.name, "")
    for uri, text in {**pages, **data}.items():
        target = docs / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):  # data/cards.apkg
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")
    (out / "mkdocs.yml").write_text(config_text, encoding="utf-8")
    return sorted(pages)


def copy_tree(source: Path, target: Path, skip: str) -> None:
    """The site's own files (assets, hand-written pages): never the raw notes folder `skip`."""
    ignore = (lambda folder, names: [n for n in names if (Path(folder) / n).resolve() == Path(skip).resolve()]) \
        if skip else None
    shutil.copytree(source, target, ignore=ignore, dirs_exist_ok=True, symlinks=False)

"""What a ``mkdocs serve --dirty`` rebuild may skip: the pages whose inputs did not change.

MkDocs' dirty build asks each page's file ``is_modified()`` and renders only those that say yes;
its own answer compares file times, and a generated page always says yes. Here a page's key is
its Markdown plus everything build-wide that shows on every page (the navigation, the topic list
the linker links, the section sidebars, each page's title, the templates and mkdocs.yml): a page
whose key is the one it had when last written is skipped, and a change to anything build-wide
renders every page again. A one-note edit so renders the few pages that note feeds.

A page rendered again keeps its HTML when the Markdown Python-Markdown would read is the one it read
last time, but for the targets of its citations (lines added to a note move them all): its HTML is
remembered with those left as slots, filled anew in every build (render_key, kb.links.masked_links).
In a dirty build such a page is not rendered at all: the page last written, kept with its slots, is
written again with the slots filled (refill_key); its search entries, kept with their slots too, are
filled the same way (filled_entries).

``MEMORY`` lives in this module, not in the hook: MkDocs reloads the hook for every rebuild, but
keeps the kb package. Where the kb code changed, the hook drops the package and the next build
starts from an empty memory, that is, renders everything.
"""
from __future__ import annotations

import hashlib
import html
import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache

from .links import SLOT, TEXT_SLOT


@dataclass(frozen=True)
class Rendered:
    """What Python-Markdown made of a page's masked Markdown (kb.links.masked_links), under ``key``."""

    key: str
    html: str  # with the slots of its links unfilled
    toc: Any  # MkDocs' TableOfContents
    title: str | None  # the title MkDocs read from its first heading
    anchors: frozenset[str]  # the ids on the page (for MkDocs' check of links to them)


@dataclass
class Memory:
    """What the last finished build wrote, for the next one to compare against."""

    pages: dict[str, str] = field(default_factory=dict)  # docs path → the key of the page written
    titles: dict[str, str] = field(default_factory=dict)  # docs path → its title (a skipped page is never read)
    outputs: set[str] = field(default_factory=set)  # every file the build wrote (pages, data, media, assets)
    index: dict[str, list[dict]] = field(default_factory=dict)  # page URL → Material's search entries for it
    html: dict[str, Rendered] = field(default_factory=dict)  # docs path → its HTML, the last time it was rendered
    written: dict[str, tuple[str, str]] = field(default_factory=dict)  # docs path → (refill key, page with slots)
    serving: bool = False  # pages are remembered (html, written) under `mkdocs serve` only: a build runs once


MEMORY = Memory()


class TemplateCache(jinja2.BytecodeCache):
    """The theme's compiled templates, kept in memory between serve rebuilds (MkDocs makes a new Jinja
    environment for each build, which compiles every template again: about 0.4 s). Jinja checks each
    template's source against its checksum, so an edited template is compiled anew."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = TemplateCache()
TITLE_LINE = re.compile(r"^(?:title:[ \t]*(.+)|#[ \t]+(.+))$", re.M)  # front matter's title, else the first h1
DIRTY_NOTICE = "A 'dirty' build is being performed"


def title_line(markdown: str) -> str:
    """The line a page's title comes from, as written: enough to see that a title changed."""
    found = TITLE_LINE.search(markdown)
    return found.group(0) if found else ""


class QuietDirtyNotice(logging.Filter):
    """Drops MkDocs' warning that a dirty build may show stale navigation: the keys here rebuild every
    page whenever the navigation changes. (With ``strict: true`` the warning would fail each rebuild.)"""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_NOTICE)


def quiet_dirty_notice() -> None:
    """Install QuietDirtyNotice on MkDocs' build logger once (the hook runs again for every rebuild)."""
    logger = logging.getLogger("mkdocs.commands.build")
    for old in [f for f in logger.filters if type(f).__name__ == QuietDirtyNotice.__name__]:
        logger.removeFilter(old)
    logger.addFilter(QuietDirtyNotice())


def digest(*parts: object) -> str:
    """A short fingerprint of ``parts`` (their reprs: dicts, tuples and dataclasses of plain values)."""
    h = hashlib.sha1()
    for part in parts:
        h.update(repr(part).encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def tree_stamp(folders: Iterable[Path]) -> tuple[tuple[str, int], ...]:
    """Each file under ``folders`` with its modification time: a template edit shows on every page."""
    found = []
    for folder in folders:
        for root, _, names in os.walk(folder):
            for name in names:
                path = os.path.join(root, name)
                found.append((path, os.stat(path).st_mtime_ns))
    return tuple(sorted(found))


def page_key(site_key: str, markdown: str | None, stamp: int = 0) -> str:
    """A page's key: the build-wide inputs and its own source (its text, or a hand-written file's time)."""
    return digest(site_key, markdown, stamp)


def to_render(keys: dict[str, str], written: dict[str, bool], memory: Memory) -> set[str]:
    """The docs paths to render: a key unlike the last build's, or no output file for the page yet."""
    return {uri for uri, key in keys.items() if memory.pages.get(uri) != key or not written.get(uri, False)}


def remember(memory: Memory, keys: dict[str, str], titles: dict[str, str], outputs: set[str]) -> list[str]:
    """After a build that finished: its keys and titles are what the next build compares against.
    Returns the files the last build wrote and this one did not (a dirty build never cleans up)."""
    gone = sorted(memory.outputs - outputs)
    memory.pages = dict(keys)
    memory.html = {uri: found for uri, found in memory.html.items() if uri in keys}  # pages gone: forgotten
    memory.written = {uri: found for uri, found in memory.written.items() if uri in keys}
    memory.titles = {**memory.titles, **titles}
    memory.outputs = set(outputs)
    return gone


def page_of(location: str) -> str:
    """The page URL of a search entry's location (``services/amazon-s3/#limits`` → ``services/amazon-s3/``)."""
    return location.split("#", 1)[0]


def last_blocks(docs: list[dict]) -> dict[str, list[dict]]:
    """Each page's entries, the last run of them where a page occurs twice: Material's dirty rebuild
    puts the entries it kept from the build before first, and the pages it rendered now after them."""
    blocks: dict[str, list[dict]] = {}
    current = None
    for entry in docs:
        page = page_of(entry.get("location", ""))
        if page != current:
            blocks[page] = []
            current = page
        blocks[page].append(entry)
    return blocks


def merged_index(docs: list[dict], pages: list[str], rendered: set[str], memory: Memory) -> list[dict]:
    """The search entries of a build that rendered only ``rendered`` (page URLs) of ``pages``: fresh
    entries for those, the remembered ones for the rest, nothing for pages that are gone; the result
    is remembered. In a whole build that is what Material wrote, in the same order."""
    fresh = last_blocks(docs)
    out: list[dict] = []
    index: dict[str, list[dict]] = {}
    for page in pages:
        found = fresh.get(page, []) if page in rendered else memory.index.get(page, fresh.get(page, []))
        index[page] = found
        out += found
    memory.index = index
    return out


def render_key(site_key: str, uri: str, masked: str) -> str:
    """The key a page's HTML is remembered by: its masked Markdown (after linking), its docs path, and
    ``site_key``, what else Python-Markdown and MkDocs' link rewriting read (see site_render_key)."""
    return digest(site_key, uri, masked)


def site_render_key(config_text: bytes, directory_urls: bool, uris: Iterable[str]) -> str:
    """Build-wide inputs of every page's HTML: mkdocs.yml (the Markdown extensions), the URL style (the
    offline build changes it, not mkdocs.yml), and every file a link may point at."""
    return digest(config_text, directory_urls, sorted(uris))


def remembered(memory: Memory, uri: str, key: str) -> Rendered | None:
    """The page's HTML from an earlier build, if it was rendered from the same inputs (``key``)."""
    found = memory.html.get(uri)
    return found if found is not None and found.key == key else None


def refill_key(site_key: str, render_site_key: str, uri: str, masked: str) -> str:
    """The key of a whole written page but for its links' slots (targets, titles, final texts): ``site_key``
    (what shows on every page), ``render_site_key``, its docs path and its masked Markdown."""
    return digest(site_key, render_site_key, uri, masked)


def to_refill(render: set[str], keys: dict[str, str], written: dict[str, bool], memory: Memory) -> set[str]:
    """The pages of ``render`` whose last written page has the same refill key (``keys``): in a dirty
    build, the page is that one with its links filled anew, and need not be rendered."""
    return {uri for uri in render if written.get(uri, False) and uri in keys
            and memory.written.get(uri, ("", ""))[0] == keys[uri]}


def filled_entries(docs: list[dict], taken: dict[str, list[tuple[str, str, str | None]]]) -> list[dict]:
    """Search entries with the final texts of their page's links filled (``taken``: page URL → what
    kb.links.masked_links took), escaped as Material escapes the text it indexes; the entries given,
    kept with their slots for the next build, are left as they are."""
    out = []
    for entry in docs:
        found = taken.get(page_of(entry.get("location", "")))
        if found and SLOT in entry.get("text", ""):
            text = TEXT_SLOT.sub(lambda m, f=found: html.escape(html.unescape(f[int(m.group(1))][2] or ""),
                                                                quote=False), entry["text"])
            entry = {**entry, "text": text}
        out.append(entry)
    return out

"""MkDocs hooks: read the raw notes and add the knowledge-base pages to the build.

A thin layer of event handlers over the ``kb`` package beside this file.
"""
# ruff: noqa: E402 (the kb package is imported after putting this folder on the path)
from __future__ import annotations

import functools
import importlib
import json
import logging
import os
import sys
import types
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

sys.path.insert(0, os.path.dirname(__file__))


def is_kb(name: str) -> bool:
    return name == "kb" or name.startswith("kb.")


def file_stamp(module) -> int:
    path = getattr(module, "__file__", None)
    return os.stat(path).st_mtime_ns if path and os.path.exists(path) else 0


def kb_stamps() -> dict[str, int]:
    return {n: file_stamp(m) for n, m in list(sys.modules.items()) if is_kb(n)}


def reload_changed_kb(namespace: dict) -> bool:
    """MkDocs loads this file once per process (`mkdocs serve` keeps it for every rebuild), and Python keeps
    the modules it imported: where a file of the kb package changed since, import the package anew and point
    this module's names at the new code. Returns whether it did."""
    stamps = getattr(sys.modules.get("kb"), "LOADED_STAMPS", None)
    if stamps is None or all(file_stamp(sys.modules.get(n)) == t for n, t in stamps.items()):
        return False
    for name in [n for n in sys.modules if is_kb(n)]:
        del sys.modules[name]
    for name, value in list(namespace.items()):
        if isinstance(value, types.ModuleType) and is_kb(value.__name__):
            namespace[name] = importlib.import_module(value.__name__)
        elif is_kb(getattr(value, "__module__", None) or "") and hasattr(value, "__qualname__"):
            namespace[name] = getattr(importlib.import_module(value.__module__), value.__qualname__)
    sys.modules["kb"].LOADED_STAMPS = kb_stamps()
    return True


import kb
from kb import assets, incremental, render_check
from kb.catalog import load_catalog
from kb.config import load_settings
from kb.export import export_config, page_source, write_export
from kb.linker import link_markdown
from kb.links import filled_links, masked_links
from kb.media import media_uri
from kb.navigation import section_places, site_nav
from kb.notes import read_corpus, shared_cache
from kb.report import site_report
from kb.search import rewrite_index, search_keywords, topic_texts
from kb.site import build_checked_site

kb.LOADED_STAMPS = kb_stamps()
log = logging.getLogger("mkdocs.plugins.kb")
# mermaid2 says at INFO level, for every page, how many diagrams it found: keep a build's output to real news.
logging.getLogger("mkdocs.plugins.mermaid2").setLevel(logging.WARNING)
incremental.quiet_dirty_notice()
STATE: dict = {}  # this build's corpus and pages (emptied at each build's start: serve keeps this module)


def on_startup(*, command: str, dirty: bool) -> None:
    incremental.MEMORY.serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    serving = incremental.MEMORY.serving
    if reload_changed_kb(globals()):
        incremental.MEMORY.serving = serving  # (the new package's memory is empty: pages are rendered again)
        incremental.quiet_dirty_notice()
        log.info("kb: the pipeline's code changed: reloaded")
    STATE.clear()
    settings = load_settings(config.extra, config.config_file_path)
    folder = settings.notes
    corpus = read_corpus(folder, shared_cache())
    entities = load_catalog(settings.catalog)
    checker = render_check.find_checker() if settings.render_check else None
    if checker is None and settings.render_check:
        log.info("kb: node or node_modules missing (run `make assets`): diagrams and formulas are not checked "
                 "at build time, only in the browser")
    site = build_checked_site(corpus, entities, checker)
    problems = [*corpus.problems, *site.problems]
    for problem in problems:
        log.warning("%s", problem)
    for a in site.accounts:
        for line in a.unplaced:
            log.warning("%s:%d: line was not placed on any page", a.source, line)
    report = site_report(corpus, site, [str(p) for p in problems])
    entities = tuple(site.knowledge.entities.values())  # with the topics discovered in the notes
    keywords = search_keywords(*topic_texts(entities, site.knowledge.by_topic))
    STATE["places"] = section_places(entities, site.topics)
    # The build's one matcher: the linker links the names it finds of topics with a page (site.topics).
    STATE.update(folder=folder, settings=settings, site=site, report=report, matcher=site.matcher, keywords=keywords,
                 names=sorted((e.slug, e.name, *e.aliases) for e in entities))
    if config.nav is None:
        config.nav = site_nav(site)
    assets.check_vendor(Path(config.docs_dir))
    log.info("kb: %d notes read from %s, %d pages", len(corpus.documents), folder, len(site.pages))
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    site = STATE["site"]
    for page in site.pages:
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(f"generated page {page.src_uri} would replace a hand-written page")
        files.append(File.generated(config, page.src_uri, content=page.markdown))
    report = json.dumps(STATE["report"], ensure_ascii=False, indent=1, sort_keys=True)
    files.append(File.generated(config, "data/report.json", content=report))
    for path, content in site.data.items():
        files.append(File.generated(config, path, content=content))
    for path, found in sorted(site.links.images.items()):  # the notes' images, under media/
        files.append(File.generated(config, media_uri(path), abs_src_path=str(found)))
    skip_unchanged_pages(files, config)
    return files


def skip_unchanged_pages(files: Files, config: MkDocsConfig) -> None:
    """`mkdocs serve --dirty` renders only the pages whose inputs changed since the last build (kb.incremental);
    other builds render every page whatever is_modified says."""
    pages = files.documentation_pages()
    root = Path(config.config_file_path).parent
    site_key = incremental.digest(
        Path(config.config_file_path).read_bytes(), incremental.tree_stamp([root / "overrides"]), config.nav,
        sorted(STATE["site"].topics.items()), STATE["names"], sorted(STATE["places"].items()),
        [(f.src_uri, incremental.title_line(f.content_string) if f.generated_by else "") for f in pages])
    keys = {f.src_uri: incremental.page_key(site_key, f.content_string if f.generated_by else None,
                                            0 if f.generated_by else os.stat(f.abs_src_path).st_mtime_ns)
            for f in pages}
    written = {f.src_uri: os.path.isfile(f.abs_dest_path) for f in pages}
    render = incremental.to_render(keys, written, incremental.MEMORY)
    STATE["render_key"] = incremental.site_render_key(Path(config.config_file_path).read_bytes(),
                                                      config.use_directory_urls, (f.src_uri for f in files))
    # A generated page whose only change is where its links point (lines added to a note move citations):
    # its last written page, links filled anew (on_post_build), instead of rendering it again.
    refill_keys, taken = {}, {}
    for f in pages:
        if f.generated_by:
            masked, taken[f.src_uri] = masked_links(f.content_string)
            refill_keys[f.src_uri] = incremental.refill_key(site_key, STATE["render_key"], f.src_uri, masked)
    refill = incremental.to_refill(render, refill_keys, written, incremental.MEMORY)
    render -= refill
    for f in pages:
        f.is_modified = (lambda changed: lambda: changed)(f.src_uri in render)
    STATE.update(page_keys=keys, to_render=render, refill_keys=refill_keys, files=files, taken=taken,
                 refill={uri: taken[uri] for uri in refill},
                 outputs={f.abs_dest_path for f in files if f.inclusion.is_included()})


def on_env(env, *, config: MkDocsConfig, files: Files):
    env.bytecode_cache = incremental.TEMPLATES  # a serve rebuild reuses the templates compiled before
    return env


def on_nav(nav, *, config: MkDocsConfig, files: Files):
    # A page a dirty rebuild skips is never read, so it has no title of its own: the navigation and
    # its neighbours' footers show the one it had when last rendered.
    # Every page, for on_page_context to find a topic's neighbours by docs path.
    titles = incremental.MEMORY.titles
    pages = STATE["pages_by_uri"] = {f.src_uri: f.page for f in files.documentation_pages()}
    STATE["page_urls"] = [page.url for page in pages.values() if page is not None]
    for uri, page in pages.items():
        if page is not None and uri not in STATE["to_render"] and uri in titles:
            page.title = titles[uri]
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    uri = page.file.src_uri
    STATE.setdefault("rendered", {})[uri] = page
    own = page.meta.get("kb_topic", "")
    # The links written as HTML wait in slots, filled as the page is written (on_post_page): the HTML of a
    # page whose Markdown differs from last time only in where they point is taken from memory.
    masked, taken = masked_links(markdown)
    linked = link_markdown(masked, STATE["matcher"], STATE["site"].topics, uri, own)
    if STATE["settings"].export:
        text, _ = filled_links(linked, taken, functools.partial(page_url, here=page.file, files=files))
        STATE.setdefault("exported", {})[uri] = page_source(page.meta, text)
    key = incremental.render_key(STATE["render_key"], uri, linked)
    hit = incremental.remembered(incremental.MEMORY, uri, key)
    STATE.setdefault("pending", {})[uri] = (key, taken, hit)
    return "" if hit is not None else linked  # nothing for Python-Markdown to do when remembered


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    uri = page.file.src_uri
    key, taken, hit = STATE["pending"].pop(uri)
    if hit is None:
        if incremental.MEMORY.serving:
            incremental.MEMORY.html[uri] = incremental.Rendered(key, html, page.toc, page._title_from_render,
                                                                frozenset(page.present_anchor_ids or ()))
    else:  # what render() would have set from the Markdown (_title_from_render: MkDocs' own field)
        html, page.toc, page._title_from_render = hit.html, hit.toc, hit.title
        page.present_anchor_ids = set(hit.anchors)
        STATE["remembered"] = STATE.get("remembered", 0) + 1
    STATE.setdefault("to_fill", {})[uri] = taken
    return html  # its links stay slots until on_post_page, the search index's until on_post_build


def page_url(target: str, *, here: File, files: Files) -> str | None:
    """The URL of the page at docs path ``target``, relative to the page ``here`` (as MkDocs writes .md links)."""
    found = files.get_file_from_path(target)
    return None if found is None else found.url_relative_to(here)


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    # A topic page is outside the navigation: its section's topics go in the sidebar, and its
    # neighbours in the section become the footer's previous and next (Material's navigation.footer).
    place = STATE["places"].get(page.file.src_uri)
    if place is not None:
        pages = STATE["pages_by_uri"]
        page.previous_page = pages.get(place.previous)
        page.next_page = pages.get(place.next)
        # Each page's own URL, with directory URLs or without (the offline build), as MkDocs made it.
        # (built once: setdefault would build the whole dict again for every topic page)
        url = STATE.get("urls")
        if url is None:
            url = STATE["urls"] = {uri: p.url for uri, p in pages.items() if p is not None}
        members = [{"title": name, "url": url.get(uri, ""), "current": uri == page.file.src_uri}
                   for name, uri in place.members]
        context["kb_section"] = {"title": place.title, "url": url.get(place.index, ""), "members": members}
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    # (after every plugin's on_post_page: hooks come after plugins)
    output = assets.add_math(output, page.url)
    uri = page.file.src_uri
    taken = STATE.get("to_fill", {}).pop(uri, None)
    if taken is None:
        return output
    if uri in STATE["refill_keys"] and incremental.MEMORY.serving:
        incremental.MEMORY.written[uri] = (STATE["refill_keys"][uri], output)
    return filled_page(output, taken, page.file)


def filled_page(output: str, taken: list, here: File) -> str:
    """A page with the targets of its links written as HTML filled in; a target with no page is a warning."""
    output, missing = filled_links(output, taken, functools.partial(page_url, here=here, files=STATE["files"]))
    for target in missing:
        log.warning("kb: %s links to %s, which is no page of the site", here.src_uri, target)
    return output


def refilled_pages() -> int:
    """Write again, links filled anew, the pages a dirty build did not render as only their links moved."""
    for uri, taken in STATE.get("refill", {}).items():
        found = STATE["files"].get_file_from_path(uri)
        Path(found.abs_dest_path).write_text(filled_page(incremental.MEMORY.written[uri][1], taken, found),
                                             encoding="utf-8")
    return len(STATE.get("refill", {}))


def on_post_build(*, config: MkDocsConfig) -> None:
    index = Path(config.site_dir) / "search" / "search_index.json"
    rendered = STATE.get("rendered", {})
    # A dirty rebuild: the entries of the pages it did not render again come from the last build.
    merge = functools.partial(incremental.merged_index, pages=STATE["page_urls"],
                              rendered={p.url for p in rendered.values()}, memory=incremental.MEMORY)
    # Material indexed the pages with their links' slots (remembered so): the index gets their texts.
    pages = STATE["pages_by_uri"]
    taken = {pages[uri].url: found for uri, found in STATE["taken"].items() if found and pages.get(uri)}
    rewrite_index(index, STATE["keywords"], lambda docs: incremental.filled_entries(merge(docs), taken))
    refilled = refilled_pages()
    if len(rendered) < len(STATE["page_keys"]):
        log.info("kb: %d of %d pages rendered again (%d of them from memory), %d with only their links filled "
                 "anew, the others unchanged", len(rendered), len(STATE["page_keys"]), STATE.get("remembered", 0),
                 refilled)
    gone = incremental.remember(incremental.MEMORY, STATE["page_keys"],
                                {uri: page.title for uri, page in rendered.items() if page.title}, STATE["outputs"])
    site_dir = Path(config.site_dir).resolve()
    for path in map(Path, gone):  # a page the notes no longer make: gone from a served site too
        if path.resolve().is_relative_to(site_dir):  # a build in the same process into another folder: not ours
            path.unlink(missing_ok=True)
    out = STATE["settings"].export
    if out is None:
        return
    # The site's source for engines without hooks: pages, data files, assets, and mkdocs.yml.
    data = {"data/report.json": json.dumps(STATE["report"], ensure_ascii=False, indent=1, sort_keys=True),
            **STATE["site"].data}
    text = export_config(Path(config.config_file_path).read_text(encoding="utf-8"), config.nav)
    pages = write_export(out, text, STATE.get("exported", {}), data, Path(config.docs_dir),
                         Path(config.config_file_path).parent / "overrides", str(STATE["settings"].notes))
    log.info("kb: %d pages exported to %s, with an mkdocs.yml that needs no hooks", len(pages), out)


def on_serve(server, *, config: MkDocsConfig, builder):
    # The notes, the catalog and the pipeline's own code and data: an edit to any rebuilds the site.
    settings = STATE.get("settings")
    for path in (settings.notes, *settings.watched) if settings else ():
        if path.exists():
            server.watch(str(path))
    return server

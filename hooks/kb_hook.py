"""MkDocs hooks: read the raw notes and add the knowledge-base pages to the build.

A thin layer of event handlers over the ``kb`` package beside this file.
"""
# ruff: noqa: E402 (the kb package is imported after dropping modules a serve rebuild must load anew)
from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

sys.path.insert(0, os.path.dirname(__file__))


def forget_changed_kb_modules() -> None:
    """`mkdocs serve` runs this file again for every rebuild, but Python keeps the modules it imported:
    where a file of the kb package changed since, drop them all, so the rebuild runs the edited code."""
    loaded = [(name, mod) for name, mod in sys.modules.items() if name == "kb" or name.startswith("kb.")]
    stamps = getattr(sys.modules.get("kb"), "LOADED_STAMPS", None)  # None: not imported by this hook
    if stamps is not None and any(stamps.get(name) != file_stamp(mod) for name, mod in loaded):
        for name, _ in loaded:
            del sys.modules[name]


def file_stamp(module) -> int:
    path = getattr(module, "__file__", None)
    return os.stat(path).st_mtime_ns if path and os.path.exists(path) else 0


forget_changed_kb_modules()

import kb
from kb import assets, render_check
from kb.catalog import load_catalog
from kb.config import load_settings
from kb.export import export_config, page_source, write_export
from kb.linker import link_markdown
from kb.media import media_uri
from kb.navigation import section_places, site_nav
from kb.notes import read_corpus, shared_cache
from kb.report import site_report
from kb.search import rewrite_index, search_keywords, topic_texts
from kb.site import build_checked_site

kb.LOADED_STAMPS = {n: file_stamp(m) for n, m in list(sys.modules.items()) if n == "kb" or n.startswith("kb.")}
log = logging.getLogger("mkdocs.plugins.kb")
# mermaid2 says at INFO level, for every page, how many diagrams it found: keep a build's output to real news.
logging.getLogger("mkdocs.plugins.mermaid2").setLevel(logging.WARNING)
STATE: dict = {}  # this build's corpus and pages; the hook module is reloaded for each build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
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
    STATE.pop("pages_by_uri", None)
    STATE.pop("urls", None)
    # The build's one matcher: the linker links the names it finds of topics with a page (site.topics).
    STATE.update(folder=folder, settings=settings, site=site, report=report, matcher=site.matcher, keywords=keywords)
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
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "pages_by_uri" not in STATE:  # every page is read before the first is rendered: on_page_context finds them
        STATE["pages_by_uri"] = {f.src_uri: f.page for f in files.documentation_pages()}
    own = page.meta.get("kb_topic", "")
    linked = link_markdown(markdown, STATE["matcher"], STATE["site"].topics, page.file.src_uri, own)
    if STATE["settings"].export:
        STATE.setdefault("exported", {})[page.file.src_uri] = page_source(page.meta, linked)
    return linked


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    # A topic page is outside the navigation: its section's topics go in the sidebar, and its
    # neighbours in the section become the footer's previous and next (Material's navigation.footer).
    place = STATE["places"].get(page.file.src_uri)
    if place is not None:
        pages = STATE["pages_by_uri"]
        page.previous_page = pages.get(place.previous)
        page.next_page = pages.get(place.next)
        # Each page's own URL, with directory URLs or without (the offline build), as MkDocs made it.
        url = STATE.setdefault("urls", {uri: p.url for uri, p in pages.items() if p is not None})
        members = [{"title": name, "url": url.get(uri, ""), "current": uri == page.file.src_uri}
                   for name, uri in place.members]
        context["kb_section"] = {"title": place.title, "url": url.get(place.index, ""), "members": members}
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return assets.add_math(output, page.url)


def on_post_build(*, config: MkDocsConfig) -> None:
    rewrite_index(Path(config.site_dir) / "search" / "search_index.json", STATE["keywords"])
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

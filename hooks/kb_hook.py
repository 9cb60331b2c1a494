"""MkDocs hooks: read the raw notes and add the knowledge-base pages to the build.

A thin layer of event handlers over the ``kb`` package beside this file.
"""
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

from kb import assets, render_check
from kb.catalog import load_catalog
from kb.linker import link_markdown
from kb.matcher import Matcher
from kb.media import media_uri
from kb.navigation import site_nav
from kb.notes import read_corpus, shared_cache
from kb.report import links_json, report_json
from kb.site import build_checked_site

log = logging.getLogger("mkdocs.plugins.kb")
STATE: dict = {}  # this build's corpus and pages; the hook module is reloaded for each build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    folder = notes_folder(config)
    corpus = read_corpus(folder, shared_cache())
    entities = load_catalog()
    checker = None if os.environ.get("KB_RENDER_CHECK") == "off" else render_check.find_checker()
    if checker is None:
        log.info("kb: node or node_modules missing (run `make assets`): diagrams and formulas are not checked "
                 "at build time, only in the browser")
    site = build_checked_site(corpus, entities, checker)
    problems = [*corpus.problems, *site.problems]
    for problem in problems:
        log.warning("%s", problem)
    for a in site.accounts:
        for line in a.unplaced:
            log.warning("%s:%d: line was not placed on any page", a.source, line)
    report = report_json(site.accounts, corpus.skipped, [str(p) for p in problems])
    report["candidate_topics"] = [{"heading": h, "count": c} for h, c in site.knowledge.candidates]
    report["merged_duplicates"] = site.knowledge.merged
    report["links"] = links_json(site.links)
    names = {name: e.slug for e in entities if e.slug in site.topics for name in (e.name, *e.aliases)}
    STATE.update(folder=folder, site=site, report=report, matcher=Matcher(names))
    if config.nav is None:
        config.nav = site_nav(site, entities, Path(config.docs_dir))
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
    own = page.meta.get("kb_topic", "")
    return link_markdown(markdown, STATE["matcher"], STATE["site"].topics, page.file.src_uri, own)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return assets.add_math(output, page.url)


def on_serve(server, *, config: MkDocsConfig, builder):
    folder = STATE.get("folder")
    if folder is not None and folder.is_dir():
        server.watch(str(folder))
    return server


def notes_folder(config: MkDocsConfig) -> Path:
    """KB_NOTES, else ``extra.kb_notes`` in mkdocs.yml, else docs/notes."""
    base = Path(config.config_file_path or ".").parent
    chosen = os.environ.get("KB_NOTES") or (config.extra or {}).get("kb_notes") or "docs/notes"
    return (base / chosen).resolve()

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

from kb import assets  # noqa: E402
from kb.notes import read_corpus, shared_cache  # noqa: E402
from kb.report import report_json  # noqa: E402
from kb.site import build_pages  # noqa: E402

log = logging.getLogger("mkdocs.plugins.kb")
STATE: dict = {}  # this build's corpus and pages; the hook module is reloaded for each build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    folder = notes_folder(config)
    corpus = read_corpus(folder, shared_cache())
    pages, accounts = build_pages(corpus)
    for problem in corpus.problems:
        log.warning("%s", problem)
    for a in accounts:
        for line in a.unplaced:
            log.warning("%s:%d: line was not placed on any page", a.source, line)
    report = report_json(accounts, corpus.skipped, [str(p) for p in corpus.problems])
    STATE.update(folder=folder, pages=pages, report=report)
    assets.check_vendor(Path(config.docs_dir))
    log.info("kb: %d notes read from %s, %d pages", len(corpus.documents), folder, len(pages))
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for page in STATE["pages"]:
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(f"generated page {page.src_uri} would replace a hand-written page")
        files.append(File.generated(config, page.src_uri, content=page.markdown))
    report = json.dumps(STATE["report"], ensure_ascii=False, indent=1, sort_keys=True)
    files.append(File.generated(config, "data/report.json", content=report))
    return files


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

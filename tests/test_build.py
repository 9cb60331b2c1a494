"""Whole-site builds: the bundled notes and the seed corpus, strict, nothing lost."""
from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import ROOT, seeds_dir
from kb.notes import read_note

CHROME = ("Latest commit", "File metadata and controls", "Table of contents", "loc) ·")
MERMAID_OPENERS = re.compile(r"^(?:flowchart|graph)\s+(?:TB|TD|BT|RL|LR)\s*$|^```mermaid\s*$")
DISPLAY_MATH = re.compile(r"^\s*\$\$")
PROMPT = re.compile(r"_{3,}|\?\s*$|^T\s*/\s*F\s*:")


def report(site: Path) -> dict:
    return json.loads((site / "data" / "report.json").read_text(encoding="utf-8"))


def content_of(html: str) -> str:
    """The article of a Material page, without the theme's own chrome."""
    start = html.index('<article class="md-content__inner')
    return html[start: html.index("</article>", start)]


def test_bundled_notes_build_strict_with_every_line_placed(bundled_site):
    data = report(bundled_site)
    assert data["unplaced"] == []
    assert data["warnings"] == []
    families = {n["family"] for n in data["notes"]}
    assert families == {"flashcards", "card-table", "post", "markdown", "web-copy", "github-view"}
    for note in data["notes"]:
        assert (bundled_site / note["page"] / "index.html").is_file(), note["path"]


def test_bundled_raw_notes_are_not_published(bundled_site):
    assert not (bundled_site / "notes").exists()


def test_seed_corpus_builds_strict_with_nothing_unplaced(seed_site):
    data = report(seed_site)
    assert data["unplaced"] == []
    assert data["warnings"] == []
    assert len(data["notes"]) == len(list(seeds_dir().iterdir()))
    for note in data["notes"]:
        for line in note["lines"]:
            assert "page" in line or "dropped" in line, (note["path"], line)


def test_seed_families_are_detected_from_content(seed_site):
    families = {n["path"][:3]: n["family"] for n in report(seed_site)["notes"]}
    assert families == {"000": "flashcards", "001": "post", "002": "web-copy", "003": "github-view", "004": "post"}


def test_no_page_chrome_reaches_any_seed_page(seed_site):
    for page in (seed_site / "sources").rglob("index.html"):
        article = content_of(page.read_text(encoding="utf-8"))
        for chrome in CHROME + ("Skip to content",):
            assert chrome not in article, (page, chrome)


def test_github_chrome_is_reported_line_by_line(seed_site):
    note = next(n for n in report(seed_site)["notes"] if n["family"] == "github-view")
    dropped = [x for x in note["lines"] if "dropped" in x]
    assert len(dropped) >= 8
    assert all(x["dropped"].startswith("page chrome") for x in dropped)


def test_every_seed_diagram_and_display_formula_is_recovered(seed_site):
    by_path = {n["path"]: n for n in report(seed_site)["notes"]}
    for seed in sorted(seeds_dir().iterdir()):
        lines = seed.read_text(encoding="utf-8").splitlines()
        diagrams, fenced = 0, False
        for line in lines:
            if line.strip() == "```mermaid":
                diagrams, fenced = diagrams + 1, True
            elif MERMAID_OPENERS.match(line.strip()):
                diagrams += 0 if fenced else 1
                fenced = False
        formulas = sum(bool(DISPLAY_MATH.match(x)) for x in lines)
        assert by_path[seed.name]["diagrams"] == diagrams, seed.name
        assert by_path[seed.name]["formulas"] == formulas, seed.name


def test_flashcard_export_yields_one_card_per_prompt():
    seed = next(p for p in seeds_dir().iterdir() if p.name.startswith("000"))
    doc, problems = read_note(seed.name, seed.read_bytes())
    assert problems == []
    lines = seed.read_text(encoding="utf-8").splitlines()
    prompts = [n + 1 for n, x in enumerate(lines) if PROMPT.search(x.strip())]
    starts = [b.span.first for b in doc.blocks if b.kind == "card"]
    assert set(prompts) <= set(starts), sorted(set(prompts) - set(starts))[:10]
    assert len(starts) >= len(prompts)


def test_every_rendered_seed_diagram_and_formula_is_on_its_page(seed_site):
    for note in report(seed_site)["notes"]:
        html = (seed_site / note["page"] / "index.html").read_text(encoding="utf-8")
        article = content_of(html)
        assert article.count('<div class="mermaid">') == note["diagrams"], note["path"]
        assert article.count('<div class="arithmatex">') == note["formulas"], note["path"]


def test_report_page_and_sources_index_exist(seed_site):
    assert (seed_site / "report" / "index.html").is_file()
    index = (seed_site / "sources" / "index.html").read_text(encoding="utf-8")
    for note in report(seed_site)["notes"]:
        assert note["page"].rstrip("/").split("/")[-1] in index


def test_kb_notes_in_mkdocs_yml_is_the_default_folder(monkeypatch):
    from kb.config import load_settings
    from mkdocs.config import load_config

    monkeypatch.delenv("KB_NOTES", raising=False)
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert load_settings(config.extra, config.config_file_path).notes == ROOT / "docs" / "notes"
    monkeypatch.setenv("KB_NOTES", "/tmp/elsewhere")
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert load_settings(config.extra, config.config_file_path).notes == Path("/tmp/elsewhere")


def test_the_navigation_does_not_grow_with_the_notes():
    """Every page carries the navigation: it lists sections and indexes, never every topic or note."""
    from types import SimpleNamespace

    from kb.navigation import site_nav

    made = {"sources": [f"sources/note-{n}.md" for n in range(50)] + ["sources/index.md"],
            "topics": [f"services/topic-{n}.md" for n in range(50)] + ["services/index.md"]}
    nav = site_nav(SimpleNamespace(made=made))
    flat = str(nav)
    assert "sources/index.md" in flat and "note-7" not in flat
    assert "services/index.md" in flat and "topic-7" not in flat

"""Cheatsheets and print: the sheets' Markdown, and what headless Chromium prints to PDF."""
from __future__ import annotations

import dataclasses
import itertools
import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from conftest import missing_tool
from kb.catalog import Entity
from kb.cheatsheets import (
    MAX_CHARS,
    PER_BLOCK,
    PER_GROUP,
    cheatsheet_pages,
    sheet_facts,
)
from kb.knowledge import Fact, Knowledge, Source, content_words

SECTIONS = ("services", "algorithms", "security", "mlops", "concepts")
# Chrome every page has whatever its content: none of it may reach paper.
FIXED_CHROME = ("Skip to content", "Back to top", "Search", "Build report", "Glossary", "Cheatsheets",
                "AWS ML Exam Knowledge Base", "Print this sheet", "Previous", "Next", "Show answer")


# -- the sheets' Markdown ---------------------------------------------------------------------

def entity(slug: str, section: str = "services", summary: str = "A thing for tests.") -> Entity:
    return Entity(name=slug.replace("-", " ").title(), slug=slug, section=section, aliases=(), summary=summary,
                  related=())


def fact(text: str, group: str, topics: list[str]) -> Fact:
    return Fact(text, [Source("n.md", "sources/n/", "", 1, 1)], topics, "fact", group, content_words(text))


def knowledge(entities: list[Entity], facts: list[Fact]) -> Knowledge:
    by_topic: dict[str, list[Fact]] = {}
    for f in facts:
        for slug in f.topics:
            by_topic.setdefault(slug, []).append(f)
    given = {"entities": {e.slug: e for e in entities}, "facts": facts, "by_topic": by_topic}
    return Knowledge(**{f.name: given.get(f.name, empty(str(f.type))) for f in dataclasses.fields(Knowledge)})


def empty(annotation: str):
    """An empty value for a Knowledge field the sheets do not read."""
    return 0 if annotation == "int" else {} if annotation.startswith("dict") else []


def test_one_sheet_per_section_one_for_all_and_an_index():
    ents = [entity("alpha"), entity("beta", "algorithms"), entity("gamma", "security"), entity("no-page")]
    know = knowledge(ents, [fact("Alpha keeps data for seven days by default.", "Limits and numbers", ["alpha"])])
    topics = {e.slug: f"{e.section}/{e.slug}.md" for e in ents if e.slug != "no-page"}
    pages = dict(cheatsheet_pages(ents, know, topics))
    assert list(pages) == ["cheatsheets/index.md", "cheatsheets/services.md", "cheatsheets/algorithms.md",
                           "cheatsheets/security.md", "cheatsheets/all.md"]
    assert "### [Alpha](../services/alpha.md)" in pages["cheatsheets/services.md"]
    assert "Beta" not in pages["cheatsheets/services.md"]
    for name in ("Alpha", "Beta", "Gamma"):
        assert f"### [{name}]" in pages["cheatsheets/all.md"]
    assert "No Page" not in pages["cheatsheets/all.md"]  # a topic without a page has no block
    assert pages["cheatsheets/all.md"].index("## AWS services") < pages["cheatsheets/all.md"].index("## Algorithms")
    assert 'class="md-button md-button--primary kb-print" hidden' in pages["cheatsheets/services.md"]
    assert "(services.md)" in pages["cheatsheets/index.md"] and "(all.md)" in pages["cheatsheets/index.md"]
    assert cheatsheet_pages(ents, know, {}) == []


def distinct(group: str, n: int, pad: int = 0) -> Fact:
    """A fact sharing only the word 'fact' with any other made here (so none is a duplicate)."""
    tag = "".join(w[0] for w in group.split()) + str(n)
    return fact("Fact " + " ".join(f"{tag}w{i}" for i in range(4 + pad)), group, ["alpha"])


def test_facts_are_capped_per_group_and_block_shortest_first():
    numbers = [distinct("Limits and numbers", n, pad=5 - n) for n in range(5)]  # the last is the shortest
    others = [distinct(g, n) for g in ("How it is used", "How it compares", "Exam tips") for n in range(3)]
    chosen = sheet_facts(numbers + others, "", "alpha")
    assert len(chosen) == PER_BLOCK
    assert [tag for tag, _ in chosen].count("Numbers") == PER_GROUP
    assert [f for tag, f in chosen if tag == "Numbers"] == [numbers[4], numbers[3]]


def test_lead_ins_fragments_questions_and_long_facts_are_left_out():
    facts = [
        fact("Choose between these three options:", "Exam tips", ["alpha"]),
        fact("| limit 20 | rows | more cells |", "Exam tips", ["alpha"]),
        fact("Is any bucket of yours public?", "Exam tips", ["alpha"]),
        fact("Long " + "word " * MAX_CHARS, "Exam tips", ["alpha"]),
        fact("Remember that alpha retries failed writes three times.", "Exam tips", ["alpha"]),
    ]
    assert [f.text for _, f in sheet_facts(facts, "", "alpha")] == [facts[-1].text]


def test_the_same_fact_twice_and_the_summary_again_are_left_out():
    facts = [
        fact("Remember that alpha retries failed writes three times.", "Exam tips", ["alpha"]),
        fact("Remember: alpha retries failed writes three times!", "Exam tips", ["alpha"]),
        fact("Alpha is a managed queue for the messages of services.", "How it is used", ["alpha"]),
    ]
    chosen = [f.text for _, f in sheet_facts(facts, "A managed queue for the messages of services.", "alpha")]
    assert chosen == ["Remember: alpha retries failed writes three times!"]


def test_facts_about_the_topic_come_before_passing_mentions():
    about = [fact("Alpha keeps every record for a full week by default.", "Exam tips", ["alpha"]),
             fact("Alpha encrypts each stored record with a key you manage yourself.", "Exam tips", ["alpha"])]
    passing = fact("Beta feeds records into alpha.", "Exam tips", ["beta", "alpha"])
    assert [f for _, f in sheet_facts([passing, *about], "", "alpha")] == about


def test_note_text_on_a_sheet_is_data():
    ents = [entity("alpha", summary="Sum <script>alert(1)</script> {: onclick=x }")]
    hostile = fact('Alpha stores <img src=x onerror=alert(1)> and [x](javascript:alert(1)) up to 5 GB.',
                   "Limits and numbers", ["alpha"])
    sheet = dict(cheatsheet_pages(ents, knowledge(ents, [hostile]), {"alpha": "services/alpha.md"}))
    text = sheet["cheatsheets/services.md"]
    assert "<script" not in text and "<img" not in text and "javascript:" not in text
    assert "\\{: onclick=x \\}" in text


# -- the built site -----------------------------------------------------------------------------

def sheet_topics(site: Path) -> dict[str, list[str]]:
    """Sheet name → names of the topics it must show (every topic with a page, by section)."""
    topics = json.loads((site / "data" / "topics.json").read_text(encoding="utf-8"))
    out = {s: [t["name"] for t in topics if t["section"] == s] for s in SECTIONS}
    out = {s: names for s, names in out.items() if names}
    out["all"] = [t["name"] for t in topics]
    return out


def test_the_nav_lists_the_cheatsheets(bundled_site):
    html = (bundled_site / "cheatsheets" / "index.html").read_text(encoding="utf-8")
    assert 'href="all/"' in html
    for sheet in sheet_topics(bundled_site):
        assert (bundled_site / "cheatsheets" / sheet / "index.html").is_file()
    home = (bundled_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="md-nav__link[^"]*"[^>]*>\s*(?:<span[^>]*>\s*)?Cheatsheets', home)


# -- printing -------------------------------------------------------------------------------------

def pdftotext() -> str:
    path = shutil.which("pdftotext")
    if path is None:
        missing_tool("pdftotext not found: install Debian's 'poppler-utils' to read the printed PDFs")
    return path


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def printed(page, url: str, paper: str, tmp_path: Path) -> str:
    """Load url, wait for diagrams and scripts, print it to PDF, return the PDF's text."""
    tool = pdftotext()
    page.goto(url, wait_until="networkidle")
    page.wait_for_function(
        "() => [...document.querySelectorAll('div.mermaid')].every(d => d.querySelector('svg'))",
        timeout=20000)
    pdf = tmp_path / f"{paper}.pdf"
    page.pdf(path=str(pdf), format=paper)
    return subprocess.run([tool, "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def chrome_labels(page) -> list[str]:
    """Words of the page's chrome (header, tabs, navigation, footer, buttons) that its article does not contain."""
    labels = page.evaluate("""() => {
        const pick = sel => [...document.querySelectorAll(sel)].map(e => e.textContent.trim());
        return [...pick('.md-header__title .md-ellipsis'), ...pick('.md-tabs__link'),
                ...pick('.md-sidebar--primary .md-nav__link'), ...pick('.md-footer__title'),
                document.querySelector('.md-search__input')?.getAttribute('placeholder') || ''];
    }""")
    article = squash(page.evaluate("""() => {
        const a = document.querySelector('article'), chrome = 'button, .md-content__button, .headerlink';
        const copy = a.cloneNode(true);
        copy.querySelectorAll(chrome).forEach(e => e.remove());
        const shown = [...a.querySelectorAll(chrome)];
        shown.forEach(e => { e.style.setProperty('display', 'none', 'important'); });
        const text = a.innerText + ' ' + copy.textContent;
        shown.forEach(e => { e.style.removeProperty('display'); });
        return text; }"""))
    candidates = {squash(x) for x in [*labels, *FIXED_CHROME]}
    return sorted(x for x in candidates if len(x) > 3 and x not in article)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_every_sheet_prints_every_topic_and_no_chrome(paper, bundled_site, serve, page, tmp_path):
    base = serve(bundled_site)
    for sheet, names in sheet_topics(bundled_site).items():
        text = printed(page, f"{base}cheatsheets/{sheet}/", paper, tmp_path)
        flat = squash(text).replace(" ", "")
        missing = [n for n in names if squash(n).replace(" ", "") not in flat]
        assert missing == [], (sheet, paper, missing)
        chrome = [label for label in chrome_labels(page) if label in squash(text)]
        assert chrome == [], (sheet, paper, chrome)
    assert page.kb_errors == [] and page.kb_foreign == []


def topic_page_with_everything(site: Path) -> str:
    """A topic page with a diagram, a formula and a Test yourself block (the most complete one)."""
    best, score = "", -1
    for section in SECTIONS:
        for html_file in sorted((site / section).glob("*/index.html")):
            html = html_file.read_text(encoding="utf-8")
            points = (('class="mermaid"' in html) * 4 + ('class="arithmatex"' in html) * 2
                      + ("kb-practice--topic" in html))
            if points > score:
                best, score = f"{section}/{html_file.parent.name}/", points
    assert score >= 4, "the bundled notes should give some topic page a diagram"
    return best


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_a_topic_page_prints_rendered_diagrams_and_no_chrome(paper, bundled_site, serve, page, tmp_path):
    url = serve(bundled_site) + topic_page_with_everything(bundled_site)
    text = printed(page, url, paper, tmp_path)
    flat = squash(text)
    labels = page.eval_on_selector_all(
        "div.mermaid svg", "svgs => svgs.map(s => (s.querySelector('.nodeLabel, text') || {}).textContent || '')")
    assert labels, url
    labels += page.eval_on_selector_all(".kb-map a", "links => links.map(a => a.textContent)")  # the related map
    for label in labels:
        assert squash(label) in flat, (url, label)  # the diagram was drawn, not its source printed
    assert not re.search(r"\b(?:flowchart|graph) (?:LR|TD|TB|RL|BT)\b", flat)
    if page.locator(".arithmatex").count():
        assert page.locator(".arithmatex .katex").count() == page.locator(".arithmatex").count()
        assert "\\frac" not in flat and "$$" not in flat
    chrome = [label for label in chrome_labels(page) if label in flat]
    assert chrome == [], chrome


def topic_page_with_practice(site: Path) -> str:
    """A topic page with a Test yourself block, one with a diagram and a formula where there is one."""
    pages = [(('class="mermaid"' in html) * 2 + ('class="arithmatex"' in html), f"{section}/{f.parent.name}/")
             for section in SECTIONS for f in sorted((site / section).glob("*/index.html"))
             if "kb-practice--topic" in (html := f.read_text(encoding="utf-8"))]
    assert pages, "the bundled notes should give some topic page a Test yourself block"
    return max(pages, key=lambda p: p[0])[1]


def test_test_yourself_prints_as_questions_and_answers(bundled_site, serve, page, tmp_path):
    cards = json.loads((bundled_site / "data" / "cards.json").read_text(encoding="utf-8"))["cards"]
    url = serve(bundled_site) + topic_page_with_practice(bundled_site)
    page.goto(url, wait_until="networkidle")
    topic = page.get_attribute(".kb-practice--topic", "data-topic")
    assert topic, "the chosen topic page has a Test yourself block"
    text = squash(printed(page, url, "A4", tmp_path))
    mine = [c for c in cards if c["topic"] == topic]
    for card in mine:
        assert squash(card["front"])[:60] in text, card["id"]
        assert squash("Answer: " + card["back"])[:60] in text, card["id"]
    assert not page.locator("ol.kb-selftest").is_visible()  # on screen, the widget asks instead


def test_collapsed_answers_print_open(bundled_site, serve, page, tmp_path):
    base = serve(bundled_site)
    for html_file in sorted((bundled_site / "sources").rglob("index.html")):
        if "<details" in html_file.read_text(encoding="utf-8"):
            url = base + html_file.parent.relative_to(bundled_site).as_posix() + "/"
            break
    else:
        pytest.fail("the bundled notes should have a practice question with a collapsed answer")
    page.goto(url, wait_until="networkidle")
    hidden = page.eval_on_selector_all("details:not([open]) > :not(summary)", "els => els.map(e => e.innerText)")
    assert hidden, "the answers start collapsed on screen"
    text = squash(printed(page, url, "A4", tmp_path)).replace(" ", "")
    for answer in hidden:
        assert squash(answer)[:50].replace(" ", "") in text


def test_print_button_prints_and_is_hidden_on_paper(bundled_site, serve, page):
    page.goto(serve(bundled_site) + "cheatsheets/services/", wait_until="networkidle")
    page.evaluate("() => { window.kbPrinted = 0; window.print = () => { window.kbPrinted += 1; }; }")
    button = page.get_by_role("button", name="Print this sheet")
    assert button.is_visible()
    button.click()
    assert page.evaluate("window.kbPrinted") == 1
    page.emulate_media(media="print")
    assert not button.is_visible()
    assert page.eval_on_selector(".md-header", "e => getComputedStyle(e).display") == "none"
    assert page.eval_on_selector(".kb-sheet", "e => getComputedStyle(e).columnCount") == "3"
    assert page.eval_on_selector(".kb-sheet-block", "e => getComputedStyle(e).breakInside") == "avoid"


def test_print_button_stays_hidden_without_scripts(bundled_site, serve, browser):
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(serve(bundled_site) + "cheatsheets/services/", wait_until="networkidle")
    visible = pg.locator("button.kb-print").is_visible()
    context.close()
    assert not visible  # a button that could not print is never offered


def test_sheet_blocks_pack_without_holes_on_screen(bundled_site, serve, page):
    page.goto(serve(bundled_site) + "cheatsheets/all/", wait_until="networkidle")
    boxes = page.eval_on_selector_all(".kb-sheet", """grids => grids.map(g => [...g.children].map(b => {
        const r = b.getBoundingClientRect(); return [Math.round(r.left), r.top, r.bottom]; }))""")
    gap = page.eval_on_selector(".kb-sheet", "g => parseFloat(getComputedStyle(g).columnGap)")
    for grid in boxes:
        columns: dict[int, list[tuple[float, float]]] = {}
        for left, top, bottom in grid:
            columns.setdefault(left, []).append((top, bottom))
        assert len(columns) > 1, "a desktop window shows the sheet as a grid"
        for blocks in columns.values():
            blocks.sort()
            for (_, bottom), (top, _) in itertools.pairwise(blocks):
                assert top - bottom <= gap + 4.5, (bottom, top)  # a gap and one 4px row, never a hole


def test_dark_palette_prints_black_on_white(bundled_site, serve, browser, tmp_path):
    context = browser.new_context(color_scheme="dark")
    pg = context.new_page()
    pg.goto(serve(bundled_site) + "cheatsheets/algorithms/", wait_until="networkidle")
    assert pg.eval_on_selector("body", "b => b.getAttribute('data-md-color-scheme')") == "slate"
    pg.emulate_media(media="print")
    colours = pg.eval_on_selector(".kb-sheet-block h3 a", "a => [getComputedStyle(a).color, "
                                  "getComputedStyle(document.body).backgroundColor]")
    pg.emulate_media(media="screen")
    pg.goto(serve(bundled_site) + topic_page_with_everything(bundled_site), wait_until="networkidle")
    pg.wait_for_selector("div.mermaid svg")
    pg.emulate_media(media="print")
    diagram = pg.eval_on_selector("div.mermaid svg", "s => getComputedStyle(s).filter")
    context.close()
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    assert "invert(1)" in diagram  # a diagram drawn in the dark theme prints dark on white

"""Hostile and broken notes: every build completes, warns by file and line, loses nothing
of the good notes, writes nothing outside the site, and runs no script from a note."""
from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build
from hostile_corpus import CASES, OUTSIDE_TEXT, Case, Corpus, write_corpus


@dataclass(frozen=True)
class Built:
    corpus: Corpus
    site: Path
    stderr: str
    returncode: int
    strict_stderr: str
    strict_stdout: str
    strict_returncode: int
    before: dict[str, list[str]]
    after: dict[str, list[str]]


def listing(folder: Path, skip: tuple[str, ...] = ()) -> list[str]:
    """Every path below folder (relative), except those under the names in skip."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.relative_to(folder).parts[0] not in skip)


def listings(root: Path) -> dict[str, list[str]]:
    return {"tmp": listing(root, skip=("site", "strict-site")), "docs": listing(ROOT / "docs")}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Built:
    root = tmp_path_factory.mktemp("hostile")
    corpus = write_corpus(root)
    before = listings(root)
    site = root / "site"
    loose = mkdocs_build(site, notes=corpus.notes, strict=False)
    strict = mkdocs_build(root / "strict-site", notes=corpus.notes, strict=True)
    return Built(corpus, site, loose.stderr, loose.returncode, strict.stderr, strict.stdout, strict.returncode,
                 before, listings(root))


def test_non_strict_build_completes(built):
    assert built.returncode == 0, built.stderr[-3000:]
    assert (built.site / "index.html").is_file()


@pytest.mark.parametrize("case", CASES, ids=[c.label for c in CASES])
def test_bad_input_warns_with_file_and_line(built, case: Case):
    for pattern in case.warnings:
        assert re.search(pattern, built.stderr), f"no warning matching {pattern!r}"
    if not case.warnings:  # nothing wrong with it: no warning may name it
        named = [x for x in built.stderr.splitlines() if x.startswith("WARNING") and case.path in x]
        assert named == [], named


@pytest.mark.parametrize("case", [c for c in CASES if c.warnings], ids=[c.label for c in CASES if c.warnings])
def test_strict_build_fails_with_the_same_warnings(built, case: Case):
    assert built.strict_returncode != 0
    assert re.search(r"Aborted with \d+ warnings in strict mode", built.strict_stdout + built.strict_stderr)
    for pattern in case.warnings:
        assert re.search(pattern, built.strict_stderr), f"strict build lacks {pattern!r}"


def test_good_notes_are_placed_whole(built):
    report = json.loads((built.site / "data" / "report.json").read_text())
    notes = {n["path"]: n for n in report["notes"]}
    for path in built.corpus.good:
        raw = (built.corpus.notes / path).read_text().split("\n")
        filled = [n for n, line in enumerate(raw, 1) if line.strip()]
        note = notes[path]
        placed = {x["line"] for x in note["lines"] if "page" in x}
        assert placed == set(filled), f"{path}: lines not placed: {sorted(set(filled) - placed)}"
        assert not note["unplaced"] and not note["dropped"]


def test_every_note_is_accounted_for(built):
    report = json.loads((built.site / "data" / "report.json").read_text())
    with_page = {n["path"] for n in report["notes"]}
    for case in CASES:
        if case.page:
            assert case.path in with_page, case.label
        else:
            assert case.path not in with_page, case.label
    assert {"blob.bin", "picture.md", "empty.md", "whitespace.txt"} <= set(report["skipped"])
    assert not report["unplaced"]


def test_big_note_lines_past_the_limit_are_reported_dropped(built):
    report = json.loads((built.site / "data" / "report.json").read_text())
    big = next(n for n in report["notes"] if n["path"] == "big.md")
    raw_lines = (built.corpus.notes / "big.md").read_text().count("\n")
    assert big["raw_lines"] == raw_lines
    assert big["dropped"].get("past the note size limit", 0) > raw_lines // 2
    assert big["placed"] + sum(big["dropped"].values()) + raw_lines // 4 >= raw_lines  # the rest are blank


def test_nothing_is_written_outside_the_site(built):
    assert built.before == built.after
    assert (built.corpus.outside / "secret.md").read_text().count(OUTSIDE_TEXT) == 1
    # front matter's 'slug: ../../evil' names no file anywhere (the note titled 'Evil file name' has a topic page
    # of its own, 'concepts/evil-file-name/', inside the site)
    assert not [p for p in built.site.parent.glob("**/evil*") if p.stem == "evil"]


def test_symlinked_text_never_reaches_the_site(built):
    for path in built.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml"):
            assert OUTSIDE_TEXT not in path.read_text(errors="replace"), path


def test_pages_are_named_by_file_path_only(built):
    """A title, heading or front-matter ``slug: ../../evil`` never makes a path."""
    pages = {p.relative_to(built.site / "sources").as_posix() for p in (built.site / "sources").rglob("index.html")}
    assert {"xss/index.html", "spaced-name-unicode-notes/index.html", "collide/one/index.html",
            "collide/two/index.html", "img-src-x-onerror-alert-fname/index.html"} <= pages
    assert not any("evil" in p for p in pages)


class HeadTags(HTMLParser):
    """The tags and attributes of a page head, and the text of its scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        if self.tags and self.tags[-1][0] == "script":
            self.scripts.append(data)


def test_page_heads_hold_no_markup_from_notes(built):
    """Titles and descriptions are printed unescaped by the theme: nothing from a note may open a tag there."""
    for html in (built.site / "sources").rglob("index.html"):
        parser = HeadTags()
        parser.feed(html.read_text().split("</head>", 1)[0])
        for tag, attrs in parser.tags:
            assert tag in ("html", "head", "meta", "title", "link", "script", "style"), f"{html}: <{tag}>"
            assert not [a for a, _ in attrs if a.startswith("on")], f"{html}: <{tag} {attrs}>"
        assert "alert(" not in "".join(parser.scripts), html


HOSTILE_MARKS = ("alert", "javascript", "example.com", "OUTSIDE-SECRET")


def hostile_pages(site: Path) -> list[str]:
    """Every page where text from the hostile notes landed (Sources pages, the report, and any
    topic page a fact was taken to); pages made only from the catalog are left out for speed."""
    out = []
    for path in site.rglob("index.html"):
        url = path.relative_to(site).as_posix()[: -len("index.html")]
        if url.startswith("sources/") or any(mark in path.read_text() for mark in HOSTILE_MARKS):
            out.append(url)
    return sorted(out)


def settle(page) -> None:
    """Wait for Mermaid and KaTeX to have rendered what is on the page."""
    page.wait_for_load_state("load")
    if page.locator("div.mermaid").count():
        page.wait_for_function(
            "() => [...document.querySelectorAll('div.mermaid')].every(d => d.querySelector('svg')"
            " || d.getAttribute('data-processed'))", timeout=15_000)
    page.wait_for_timeout(100)


def test_no_script_from_a_note_runs_in_the_browser(built, serve, page):
    base = serve(built.site)
    urls = hostile_pages(built.site)
    assert len(urls) >= 15
    for url in urls:
        page.goto(base + url)
        settle(page)
        assert not page.kb_dialogs, f"{url}: dialog opened: {page.kb_dialogs}"
        assert not page.kb_errors, f"{url}: page error: {page.kb_errors}"
        assert not page.kb_foreign, f"{url}: request left the site: {page.kb_foreign}"
        assert page.evaluate("() => document.querySelectorAll('article script, article iframe, "
                             "article [onerror], article [onload], article [onclick], "
                             "article [onmouseover], article a[href^=\"javascript\" i]').length") == 0, url


def test_mermaid_and_search_run_nothing(built, serve, page):
    base = serve(built.site)
    page.goto(base + "sources/xss/")
    settle(page)
    assert page.locator("div.mermaid svg").count() >= 1
    for node in page.locator("div.mermaid svg .node").all():
        node.click(force=True)  # securityLevel strict: click handlers from the diagram are never bound
    page.wait_for_timeout(200)
    page.goto(base + "sources/xss/")
    settle(page)
    page.locator("input.md-search__input").click()
    page.keyboard.type("alert", delay=20)  # search results render snippets of the hostile pages
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=15_000)
    for word in (" onerror", " script", " iframe"):
        page.keyboard.type(word, delay=20)
        page.wait_for_timeout(300)
    assert not page.kb_dialogs and not page.kb_errors and not page.kb_foreign
    assert page.evaluate("() => document.querySelectorAll('.md-search-result script, .md-search-result img, "
                         ".md-search-result iframe').length") == 0


@pytest.mark.parametrize("case", [c for c in CASES if c.visible], ids=[c.label for c in CASES if c.visible])
def test_hostile_strings_are_visible_as_text(built, serve, page, case: Case):
    report = json.loads((built.site / "data" / "report.json").read_text())
    url = next(n["page"] for n in report["notes"] if n["path"] == case.path)
    page.goto(serve(built.site) + url)
    settle(page)
    text = page.inner_text("article")
    for visible in case.visible:
        assert visible in text, f"{case.path}: {visible!r} not shown"
    assert not page.kb_dialogs


# -- the pure functions behind the fixes, one input each ---------------------------------------

def test_utf32_is_told_from_utf16_by_its_longer_mark():
    from kb.notes import decode

    text = "UTF-32 note\n"
    assert decode(codecs.BOM_UTF32_LE + text.encode("utf-32-le")) == (text, "utf-32")
    assert decode(codecs.BOM_UTF16_BE + text.encode("utf-16-be")) == (text, "utf-16")


def test_the_first_line_that_is_not_utf8_is_named():
    from kb.notes import first_non_utf8_line

    assert first_non_utf8_line(b"ok\nok\ncaf\xe9\n") == 3
    assert first_non_utf8_line("caf\u00e9\n".encode()) == 0


def test_a_note_is_read_up_to_its_size_limit_and_the_rest_reported():
    from kb import notes

    data = ("# Big\n\n" + "A line of prose about SageMaker.\n" * 40_000).encode()
    doc, problems = notes.read_note("big.md", data)
    kept = notes.lines_within(data.decode().split("\n"), notes.MAX_NOTE_CHARS)
    assert doc.raw_lines == 40_002
    assert sum(d.reason == "past the note size limit" for d in doc.dropped) == 40_002 - kept
    assert any(p.line == kept + 1 and "is large" in p.message for p in problems)


def test_headings_past_the_cap_become_bold_paragraphs():
    from kb import model as m
    from kb.notes import MAX_HEADINGS, read_note

    data = "".join(f"## Heading {n}\n\ntext {n}\n\n" for n in range(MAX_HEADINGS + 5)).encode()
    doc, problems = read_note("many.md", data)
    assert sum(b.kind == m.HEADING for b in doc.blocks) == MAX_HEADINGS
    assert any(b.kind == m.PARAGRAPH and b.text == f"**Heading {MAX_HEADINGS + 4}**" for b in doc.blocks)
    assert any(f"more than {MAX_HEADINGS} headings" in p.message for p in problems)


def test_html_in_a_code_block_is_an_example_not_a_warning():
    from kb.notes import read_note

    note = b"# Code\n\n```html\n<script>alert(1)</script>\n```\n\nJavaScript: a language.\n"
    _, problems = read_note("code.md", note)
    assert not [p for p in problems if "HTML" in p.message]


@pytest.mark.parametrize("text, found", [
    ("<script>x</script>", "<script"), ("< /SCRIPT >", "</script"), ("<img src=x onerror=alert(1)>", "onerror="),
    ("[a](javascript:alert(1))", "javascript:"), ("[ref]: vbscript:x", "vbscript:"),
    ('<a href="data:text/html,x">', "data:"),
    ("JavaScript: the language of browsers", None), ("latency < 100 ms on average", None), ("use <br> here", None),
])
def test_active_html_is_recognised(text, found):
    from kb.inline import active_html

    assert active_html(text) == found


@pytest.mark.parametrize("text, markdown", [
    ("[click](javascript:alert('x')) ok", "click ok"),  # the whole target, parentheses included
    ("[ref]: javascript:alert(1)", "\\[ref\\]: javascript:alert(1)"),  # no reference definition
    ("see [ref] and [x][ref]", "see \\[ref\\] and \\[x\\]\\[ref\\]"),
    ("![t](https://example.com/t.png)", "[t](https://example.com/t.png)"),  # a link, never a loaded image
    ("[docs](https://example.com/a_(b))", "[docs](https://example.com/a_(b))"),
])
def test_links_from_notes_are_safe(text, markdown):
    from kb.inline import safe_inline

    assert safe_inline(text) == markdown


def test_diagram_labels_hold_no_markup_but_keep_mermaid_syntax():
    from kb.inline import safe_diagram

    source = ('graph TD\n  A["<img src=https://e.com/x.png> a"] <--> B[<b>b</b><br/>c]\n'
              "  class F {\n    <<interface>>\n  }")
    out = safe_diagram(source)
    assert '"#lt;img src=https://e.com/x.png#gt; a"' in out
    assert "<-->" in out and "<b>b</b><br/>c" in out and "<<interface>>" in out


def test_page_descriptions_cannot_end_their_attribute():
    from kb.inline import safe_attribute

    assert safe_attribute('Note "><img src=x onerror=alert(1)>.md') == "Note ”›‹img src=x onerror=alert(1)›.md"

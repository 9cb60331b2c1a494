"""Diagrams and formulas on generated pages render offline, with no failure."""
from __future__ import annotations

import pytest

MAPS_SAMPLE = 40  # topic pages that carry only formulas or maps: a sample is enough
MERMAID_TOPIC = "services/sagemaker-clarify/"  # a topic page holding a diagram from the notes, and cards


def pages_to_check(site):
    chosen, maps = [], []
    for html in sorted(site.rglob("index.html")):
        text = html.read_text(encoding="utf-8")
        diagrams = text.count('class="mermaid"')
        if not diagrams and 'class="arithmatex"' not in text:
            continue
        rel = html.parent.relative_to(site).as_posix()
        url = "" if rel == "." else rel + "/"
        if rel.startswith(("sources", "cheatsheets")):
            continue  # Sources: covered line by line by test_browser_sources; cheatsheets: test_print
        if "Diagrams and formulas" in text or rel.count("/") == 0:
            chosen.append((url, diagrams, text.count('class="arithmatex"')))
        else:
            maps.append((url, diagrams, text.count('class="arithmatex"')))
    return chosen + maps[:MAPS_SAMPLE]


def rendered(page, url: str, diagrams: int) -> dict:
    page.goto(url, wait_until="networkidle")
    page.wait_for_function(
        "n => document.querySelectorAll('div.mermaid svg, .kb-diagram-error').length >= n", arg=diagrams,
        timeout=20000)
    return page.evaluate("""() => ({
        svg: document.querySelectorAll('div.mermaid svg:not([aria-roledescription=error])').length,
        failed: document.querySelectorAll('.kb-diagram-error, div.mermaid svg[aria-roledescription=error]').length,
        katex: document.querySelectorAll('.arithmatex .katex').length,
        katexErrors: document.querySelectorAll('.katex-error').length,
    })""")


@pytest.mark.parametrize("corpus", ["bundled", "seeds"])
def test_generated_diagrams_and_formulas_render(corpus, request, page, serve):
    site = request.getfixturevalue("bundled_site" if corpus == "bundled" else "seed_site")
    base = serve(site)
    checked = pages_to_check(site)
    assert any(u == "formulas/" for u, _, _ in checked)
    flow = (site / "pipelines" / "index.html").read_text(encoding="utf-8")
    assert "kb-map-flow" in flow and 'class="mermaid"' not in flow  # the pipeline is drawn at build time
    for url, diagrams, formulas in checked:
        counts = rendered(page, base + url, diagrams)
        assert counts["failed"] == 0 and counts["katexErrors"] == 0, (url, counts)
        assert counts["svg"] == diagrams and counts["katex"] >= formulas, (url, counts)
    assert page.kb_foreign == [] and page.kb_errors == [] and page.kb_dialogs == []


BROKEN = "# Broken\n\nText.\n\n```mermaid\nflowchart LR\n    A -->> -->\n```\n\n$$\n\\frac{a\n$$\n"


def test_a_broken_diagram_or_formula_is_reported_with_its_line_and_shown_as_source(tmp_path, page, serve):
    from conftest import mkdocs_build

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "broken.md").write_text(BROKEN, encoding="utf-8")
    site = tmp_path / "site"
    assert mkdocs_build(site, notes=notes).returncode != 0  # --strict: the warnings fail the build
    result = mkdocs_build(site, notes=notes, strict=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "broken.md:5: diagram cannot be drawn" in result.stderr and "line 2 of the diagram" in result.stderr
    assert "broken.md:10: formula cannot be drawn" in result.stderr
    page.goto(serve(site) + "sources/broken/", wait_until="networkidle")
    assert "A -->> -->" in page.inner_text(".kb-diagram-error pre")
    assert "\\frac{a" in page.inner_text(".kb-formula-error pre")
    report = (site / "report" / "index.html").read_text(encoding="utf-8")
    assert "broken.md:5: diagram cannot be drawn" in report


def test_without_the_build_check_a_broken_diagram_still_fails_visibly(tmp_path, page, serve):
    """Where the build could not check diagrams (no Node), the browser shows the failure instead."""
    from conftest import mkdocs_build

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "broken.md").write_text(BROKEN.split("$$")[0], encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(site, notes=notes, env_extra={"KB_RENDER_CHECK": "off"})
    assert result.returncode == 0, result.stderr[-2000:]
    page.goto(serve(site) + "sources/broken/", wait_until="networkidle")
    page.wait_for_selector(".kb-diagram-error", timeout=20000)
    assert "A -->> -->" in page.inner_text(".kb-diagram-error pre")


def test_topic_maps_are_drawn_at_build_time_and_their_nodes_open_their_topic(bundled_site, page, serve):
    page.goto(serve(bundled_site) + "services/kinesis-data-streams/", wait_until="networkidle")
    assert page.locator(".kb-map-hub .kb-map-self").inner_text().strip() == "Amazon Kinesis Data Streams"
    assert page.evaluate("typeof mermaid") == "undefined", "a map-only page loads no diagram library"
    node = page.locator(".kb-map-out a").first
    name = node.inner_text().strip()
    node.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text().replace("¶", "").strip() == name


def test_maps_stack_and_stay_readable_at_phone_width(bundled_site, browser, serve):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    pg = context.new_page()
    pg.goto(serve(bundled_site) + "services/kinesis-data-streams/", wait_until="networkidle")
    boxes = [pg.locator(sel).bounding_box() for sel in (".kb-map-in", ".kb-map-hub > .kb-map-self", ".kb-map-out")]
    assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"], boxes  # one column: in, the topic, out
    assert pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # nothing wider than a phone
    size = pg.evaluate("parseFloat(getComputedStyle(document.querySelector('.kb-map-out a')).fontSize)")
    assert size >= 12, size
    context.close()


@pytest.fixture(scope="module")
def instant_site(tmp_path_factory, serve) -> str:
    """The bundled notes built for the address they are served at, as `mkdocs serve` and the Pages
    workflow do: instant navigation only follows links its sitemap lists (by host and port)."""
    from conftest import mkdocs_build

    folder = tmp_path_factory.mktemp("instant")
    base = serve(folder) + "kb/"
    result = mkdocs_build(folder / "kb", env_extra={"SITE_URL": base})
    assert result.returncode == 0, result.stderr[-3000:]
    return base


def test_instant_navigation_draws_diagrams_and_formulas(instant_site, page):
    """Reached by Material's instant navigation (no page load, no script of the new page run),
    a page still gets its diagrams and formulas: the libraries are loaded when first needed."""
    page.goto(instant_site + "glossary/", wait_until="networkidle")
    assert page.evaluate("typeof mermaid") == "undefined" and page.evaluate("typeof katex") == "undefined"
    page.evaluate("window.kbSamePage = true")
    page.locator(f"article a[href$='{MERMAID_TOPIC}']").first.click()
    page.wait_for_selector("div.mermaid svg", timeout=20000)
    assert page.evaluate("window.kbSamePage") is True, "the topic page was loaded in full, not instantly"
    assert page.evaluate("typeof mermaid") == "object"
    page.wait_for_selector(".kb-practice--topic[data-kb-ready]", timeout=20000)  # the other widgets mount too
    page.locator(".md-tabs a", has_text="Formulas").click()
    page.wait_for_function("document.querySelectorAll('.arithmatex .katex').length > 0", timeout=20000)
    page.wait_for_function("document.body.dataset.kbRendered === 'done'", timeout=20000)
    assert page.evaluate("window.kbSamePage") is True, "the Formulas page was loaded in full, not instantly"
    assert page.locator(".katex-error").count() == 0
    assert page.evaluate("document.querySelectorAll('.arithmatex:not([data-kb-rendered])').length") == 0
    assert page.kb_foreign == [] and page.kb_errors == [] and page.kb_dialogs == []


NODE = "div.mermaid svg g.node rect, div.mermaid svg g.node polygon"


def node_fill(page) -> str:
    return page.evaluate(f"getComputedStyle(document.querySelector({NODE!r})).fill")


def test_diagrams_follow_the_colour_scheme(bundled_site, browser, serve):
    """Light and dark diagrams differ, and switching the palette draws the diagrams again."""
    url = serve(bundled_site) + MERMAID_TOPIC
    fills, maps = {}, {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        pg = context.new_page()
        pg.goto(url, wait_until="networkidle")
        pg.wait_for_selector("div.mermaid svg", timeout=20000)
        fills[scheme] = node_fill(pg)
        maps[scheme] = pg.evaluate("getComputedStyle(document.querySelector('.kb-map-self')).color")
        if scheme == "dark":
            pg.locator("label.md-header__button[for^='__palette']:visible").first.click()
            pg.wait_for_function(f"getComputedStyle(document.querySelector({NODE!r})).fill !== {fills['dark']!r}",
                                 timeout=20000)
            fills["switched"] = node_fill(pg)
        context.close()
    assert fills["light"] != fills["dark"], fills
    assert fills["switched"] == fills["light"], fills
    assert maps["light"] != maps["dark"], maps  # the build-time maps take the theme's colours too

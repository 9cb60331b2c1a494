"""Diagrams and formulas on generated pages render offline, with no failure."""
from __future__ import annotations

import pytest

MAPS_SAMPLE = 40  # topic pages that carry only a generated map: a sample is enough


def pages_to_check(site):
    chosen, maps = [], []
    for html in sorted(site.rglob("index.html")):
        text = html.read_text(encoding="utf-8")
        if 'class="mermaid"' not in text and 'class="arithmatex"' not in text:
            continue
        rel = html.parent.relative_to(site).as_posix()
        url = "" if rel == "." else rel + "/"
        if rel.startswith(("sources", "cheatsheets")):
            continue  # Sources: covered line by line by test_browser_sources; cheatsheets: test_print
        if "Diagrams and formulas" in text or rel.count("/") == 0:
            chosen.append((url, text.count('class="mermaid"'), text.count('class="arithmatex"')))
        else:
            maps.append((url, text.count('class="mermaid"'), text.count('class="arithmatex"')))
    return chosen + maps[:MAPS_SAMPLE]


def rendered(page, url: str, diagrams: int) -> dict:
    page.goto(url, wait_until="networkidle")
    page.wait_for_function(
        "n => document.querySelectorAll('div.mermaid svg, .kb-diagram-error').length >= n", arg=diagrams, timeout=20000
    )
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
    assert any(u == "pipelines/" for u, _, _ in checked) and any(u == "formulas/" for u, _, _ in checked)
    for url, diagrams, formulas in checked:
        counts = rendered(page, base + url, diagrams)
        assert counts["failed"] == 0 and counts["katexErrors"] == 0, (url, counts)
        assert counts["svg"] == diagrams and counts["katex"] >= formulas, (url, counts)
    assert page.kb_foreign == [] and page.kb_errors == [] and page.kb_dialogs == []


def test_a_broken_diagram_shows_its_source_in_a_visible_note(tmp_path, page, serve):
    from conftest import mkdocs_build

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "broken.md").write_text("# Broken\n\n```mermaid\nflowchart LR\n    A -->> -->\n```\n", encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(site, notes=notes)
    assert result.returncode == 0, result.stderr[-2000:]
    page.goto(serve(site) + "sources/broken/", wait_until="networkidle")
    page.wait_for_selector(".kb-diagram-error", timeout=20000)
    assert "A -->> -->" in page.inner_text(".kb-diagram-error pre")


def test_topic_map_nodes_open_their_topic(bundled_site, page, serve):
    page.goto(serve(bundled_site) + "services/kinesis-data-streams/", wait_until="networkidle")
    node = page.locator('.kb-map g.node[role="link"]').first
    node.wait_for(timeout=20000)
    name = node.get_attribute("aria-label").removeprefix("Open ")
    node.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text().replace("¶", "").strip() == name

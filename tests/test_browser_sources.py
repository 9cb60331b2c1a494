"""What a reader sees: Sources pages in headless Chromium, offline."""
from __future__ import annotations

import json

import pytest


def note_pages(site):
    data = json.loads((site / "data" / "report.json").read_text(encoding="utf-8"))
    return data["notes"]


def check_page(page, url: str, note: dict) -> None:
    page.goto(url, wait_until="networkidle")
    page.wait_for_function(
        "n => document.querySelectorAll('div.mermaid svg').length >= n", arg=note["diagrams"], timeout=20000
    )
    roles = page.eval_on_selector_all(
        "div.mermaid",
        "els => els.map(e => (e.querySelector('svg') || {getAttribute: () => 'none'})"
        ".getAttribute('aria-roledescription'))")
    assert "error" not in roles and "none" not in roles, (note["path"], roles)
    # What the browser drew is what the build report says was recovered, and nothing failed.
    assert len(roles) == note["diagrams"], (note["path"], len(roles), note["diagrams"])
    assert note["undrawn"] == 0 and page.locator(".kb-diagram-error, .kb-formula-error").count() == 0, note["path"]
    assert page.locator(".katex-error").count() == 0, note["path"]
    if note["formulas"]:
        assert page.locator(".arithmatex .katex").count() >= note["formulas"], note["path"]
    assert page.kb_errors == [], page.kb_errors
    assert page.kb_dialogs == []
    assert page.kb_foreign == [], page.kb_foreign


@pytest.mark.parametrize("corpus", ["bundled", "seeds"])
def test_sources_pages_render_offline(corpus, request, page, serve):
    site = request.getfixturevalue("bundled_site" if corpus == "bundled" else "seed_site")
    base = serve(site)
    for note in note_pages(site):
        check_page(page, base + note["page"], note)


def test_home_page_makes_no_third_party_request(bundled_site, page, serve):
    page.goto(serve(bundled_site), wait_until="networkidle")
    assert page.kb_foreign == []
    assert "Knowledge Base" in page.title()


def test_a_claim_out_of_date_shows_what_holds_now_beside_it_on_its_topic_page(seed_site, page, serve):
    # The seeds say an S3 object is at most 5 TB; the catalog records 50 TB since December 2025.
    page.goto(serve(seed_site) + "services/amazon-s3/", wait_until="networkidle")
    mark = page.locator("li .kb-outdated", has_text="Out of date since December 2025").first
    assert mark.is_visible()
    item = mark.locator("xpath=ancestor::li[1]")
    assert "5 TB" in item.inner_text() and "50 TB" in mark.inner_text()
    box = mark.bounding_box()
    assert box is not None and box["height"] < 80  # a small note beside the fact, not a block over the page

"""What a reader's browser pays and meets on three kinds of page: bytes fetched cold, requests,
accessibility (axe-core, pinned in package.json) in both colour schemes, and moving between topics."""
from __future__ import annotations

import pytest
from conftest import ROOT

BUDGET = 1_200_000  # bytes fetched cold, uncompressed, per page
PAGES = {"home": "", "topic": "services/kinesis-data-streams/", "practice": "practice/"}
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")


@pytest.fixture(scope="module")
def base(bundled_site, serve) -> str:
    return serve(bundled_site)


def fetched(browser, url: str) -> tuple[int, int, dict[str, int]]:
    """(bytes, requests, bytes by path) of loading url in a fresh browser context (a cold cache)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sizes: dict[str, int] = {}
    page.on("requestfinished", lambda r: sizes.__setitem__(r.url, sizes.get(r.url, 0) + len(r.response().body())))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)  # widgets that fetch their data after load
    context.close()
    return sum(sizes.values()), len(sizes), sizes


@pytest.mark.parametrize("name", PAGES)
def test_every_page_fits_the_weight_budget(browser, base, name):
    total, requests, sizes = fetched(browser, base + PAGES[name])
    heaviest = sorted(sizes.items(), key=lambda x: -x[1])[:4]
    assert total <= BUDGET, f"{name}: {total} bytes in {requests} requests; heaviest {heaviest}"


def axe_violations(browser, url: str, scheme: str) -> list[dict]:
    """axe-core's serious and critical violations of a page in a colour scheme."""
    if not AXE.is_file():
        pytest.skip("axe-core missing: run `npm ci`")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5),
                    count: v.nodes.length}))""")
    context.close()
    return [v for v in found if v["impact"] in SERIOUS]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_no_serious_accessibility_violations(browser, base, name, scheme):
    assert axe_violations(browser, base + PAGES[name], scheme) == []


def test_a_topic_page_leads_to_its_neighbours_and_lists_its_section(page, base):
    page.goto(base + "services/kinesis-data-streams/", wait_until="domcontentloaded")
    side = page.locator(".kb-section-nav")
    assert side.locator("[aria-current=page]").inner_text().strip() == "Amazon Kinesis Data Streams"
    assert side.locator("a.md-nav__link").count() > 20
    prev = page.locator("a.md-footer__link--prev").get_attribute("href")
    nxt = page.locator("a.md-footer__link--next").get_attribute("href")
    # The section index's order: by name ("Amazon Kinesis Agent" < "Amazon Kinesis Data Streams" < "Amazon Kinesis V…").
    assert prev.rstrip("/").endswith("kinesis-agent") and nxt.rstrip("/").endswith("kinesis-video-streams")


def test_the_build_report_is_out_of_the_tabs_but_linked(page, base):
    page.goto(base, wait_until="domcontentloaded")
    assert "Build report" not in page.locator(".md-tabs").inner_text()
    assert page.locator(".md-content a[href$='report/']").count() >= 1
    page.goto(base + "sources/", wait_until="domcontentloaded")
    assert page.locator(".md-content a[href$='report/']").count() == 1



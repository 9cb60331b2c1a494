"""Material's own search, driven as a learner drives it: type into the box, read the result list."""
from __future__ import annotations

QUERY = "input[data-md-component=search-query]"
META = ".md-search-result__meta"
# One list item per page; its first link is the page (or its best section), the others its sections.
RESULT_ITEMS = ".md-search-result__list > .md-search-result__item"
LINKS_OF_EACH = "els => els.map(li => [...li.querySelectorAll('a')].map(a => a.href))"
READY = "/match/i.test(document.querySelector('.md-search-result__meta').textContent)"
CLEARED = "document.querySelector('.md-search-result__meta').textContent.trim() === 'Type to start searching'"


def open_search(page, base: str) -> None:
    """Load the home page and put the cursor in the search box (the header holds it at desktop width)."""
    page.goto(base, wait_until="networkidle")
    page.click(QUERY)


def top_results(page, query: str) -> list[str]:
    """The result list's page links, best first, as site paths with their fragment ('services/x/#id')."""
    return [links[0] for links in result_links(page, query)]


def result_links(page, query: str) -> list[list[str]]:
    """Each result item's links, best item first: its page, then the sections that matched, as site paths."""
    # Material reads the box on keyup: fill it, then release a key as typing would.
    if page.input_value(QUERY):
        page.fill(QUERY, "")
        page.press(QUERY, "End")
        page.wait_for_function(CLEARED)
    page.fill(QUERY, query)
    page.press(QUERY, "End")
    page.wait_for_function(READY)
    items = page.eval_on_selector_all(RESULT_ITEMS, LINKS_OF_EACH)
    base = page.evaluate("new URL('.', document.baseURI).href")
    return [[site_path(h, base) for h in hrefs] for hrefs in items]


def top_pages(page, query: str) -> list[str]:
    return [r.split("#")[0] for r in top_results(page, query)]


def site_path(href: str, base: str) -> str:
    path, _, fragment = href.partition("#")
    path = path.split("?")[0]
    path = path[len(base):] if path.startswith(base) else path
    return path + ("#" + fragment if fragment else "")

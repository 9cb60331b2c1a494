"""How Material's own search ranks the learner queries of tests/data/search_queries.yaml (prints, asserts nothing).

    .venv/bin/python scripts/search_hits.py [SITE_DIR]   (default: site/)

Serves the built site on loopback, types each query into the search box in headless Chromium and
prints whether its topic is in the top 3 results, then the hit rate."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "scripts")]
from page_weight import serve  # noqa: E402
from search_harness import open_search, top_pages  # noqa: E402


def main() -> None:
    from playwright.sync_api import sync_playwright
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    queries = yaml.safe_load((ROOT / "tests" / "data" / "search_queries.yaml").read_text(encoding="utf-8"))
    base = serve(site)
    path = os.environ.get("KB_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    hits = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        open_search(page, base)
        for entry in queries:
            topic = entry["topic"]
            wanted = {t + "/" for t in (topic if isinstance(topic, list) else [topic])}
            got = top_pages(page, entry["query"])
            hit = bool(wanted & set(got[:3]))
            hits += hit
            print(f"{'hit ' if hit else 'MISS'} {entry['query']!r}: {', '.join(got[:3])}")
        browser.close()
    print(f"{hits}/{len(queries)} queries find their topic in the top 3")


if __name__ == "__main__":
    main()

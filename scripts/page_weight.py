"""Page weight of a built site, as a reader's browser fetches it (not a test: prints figures).

    .venv/bin/python scripts/page_weight.py [SITE_DIR]   (default: site/)

Serves the folder on loopback and loads the home page, a topic page and the practice page, each in
a fresh headless Chromium context (a cold cache): bytes fetched (uncompressed, as the server sends
them) and requests, with the heaviest files; then the size of the search index every page fetches."""
from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"home": "", "topic": "services/kinesis-data-streams/", "practice": "practice/"}


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(folder: Path) -> str:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def fetched(browser, url: str) -> tuple[int, int, dict[str, int]]:
    """(bytes, requests, bytes by URL) of loading url in a fresh browser context (a cold cache)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sizes: dict[str, int] = {}
    counted: list[str] = []

    def done(request) -> None:
        counted.append(request.url)
        response = request.response()
        sizes[request.url] = sizes.get(request.url, 0) + (len(response.body()) if response else 0)

    page.on("requestfinished", done)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)  # widgets that fetch their data after load
    context.close()
    return sum(sizes.values()), len(counted), sizes


def page_weights(site: Path) -> dict[str, dict]:
    from playwright.sync_api import sync_playwright
    base = serve(site)
    path = os.environ.get("KB_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=["--no-sandbox", "--disable-gpu"])
        for name, rel in PAGES.items():
            total, requests, sizes = fetched(browser, base + rel)
            heaviest = sorted(sizes.items(), key=lambda x: -x[1])[:3]
            out[name] = {"bytes": total, "requests": requests,
                         "heaviest": [(u[len(base):], n) for u, n in heaviest]}
        browser.close()
    return out


def index_size(site: Path) -> tuple[int, int]:
    raw = (site / "search" / "search_index.json").read_bytes()
    return len(raw), len(json.loads(raw)["docs"])


def main() -> None:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    for name, row in page_weights(site).items():
        heavy = ", ".join(f"{u} {n / 1e6:.2f} MB" for u, n in row["heaviest"])
        print(f"{name:9} {row['bytes'] / 1e6:5.2f} MB in {row['requests']:3} requests (heaviest: {heavy})")
    size, entries = index_size(site)
    print(f"search index: {size} bytes, {entries} entries")


if __name__ == "__main__":
    main()

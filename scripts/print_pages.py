"""Print every cheatsheet to PDF on A4 and US Letter and report its page count (a figure, not a test).

    .venv/bin/python scripts/print_pages.py [--site DIR | --notes DIR] [--out DIR] [--png]

Builds the site (the bundled notes, or --notes) unless --site names a built one, serves it on the
loopback, prints each sheet with headless Chromium (Debian's, driven by Playwright; no network) and
prints one line per sheet. --out keeps the PDFs; --png also turns them into PNG pages (pdftoppm -r 60),
to look at. ``page_counts`` is what scripts/benchmark.py can call.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("A4", "Letter")
PAGES = re.compile(rb"/Type\s*/Page(?!s)")  # fallback count where pdfinfo is missing
PDFINFO_PAGES = re.compile(r"^Pages:\s+(\d+)", re.MULTILINE)


def build(site: Path, notes: Path | None) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if notes is not None:
        env["KB_NOTES"] = str(notes)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site),
           "--config-file", str(ROOT / "mkdocs.yml")]
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)


def sheets(site: Path) -> list[str]:
    """URL paths of the printed sheets: one per section, then the whole knowledge base."""
    folder = site / "cheatsheets"
    names = sorted(p.name for p in folder.iterdir() if (p / "index.html").is_file()) if folder.is_dir() else []
    return [f"cheatsheets/{n}/" for n in sorted(names, key=lambda n: (n == "all", n))]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the figures readable
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def pdf_pages(pdf: Path) -> int:
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        match = PDFINFO_PAGES.search(out)
        if match:
            return int(match.group(1))
    return len(PAGES.findall(pdf.read_bytes()))


def print_to_pdf(page, url: str, pdf: Path, paper: str) -> None:
    """Load a page as a reader would, let diagrams and formulas render, then print it."""
    page.goto(url, wait_until="networkidle")
    page.wait_for_function(
        "() => [...document.querySelectorAll('div.mermaid')].every(d => d.querySelector('svg'))", timeout=20000)
    page.pdf(path=str(pdf), format=paper)


def page_counts(site: Path, out: Path, formats: tuple[str, ...] = FORMATS) -> dict[str, dict[str, int]]:
    """{sheet URL: {paper: pages}} for every sheet of a built site; the PDFs are left in out."""
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("KB_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("Chromium not found: install Debian's 'chromium' package (make chromium)")
    server, base = serve(site)
    counts: dict[str, dict[str, int]] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            for sheet in sheets(site):
                counts[sheet] = {}
                for paper in formats:
                    pdf = out / f"{sheet.strip('/').replace('/', '-')}-{paper}.pdf"
                    print_to_pdf(page, base + sheet, pdf, paper)
                    counts[sheet][paper] = pdf_pages(pdf)
            browser.close()
    finally:
        server.shutdown()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--notes", type=Path, help="notes folder to build (default: the bundled notes)")
    parser.add_argument("--out", type=Path, help="keep the PDFs (and PNGs) here")
    parser.add_argument("--png", action="store_true", help="also write PNG pages with pdftoppm -r 60")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kb-print-") as tmp:
        site = args.site or Path(tmp) / "site"
        if args.site is None:
            build(site, args.notes)
        out = args.out or Path(tmp) / "pdf"
        out.mkdir(parents=True, exist_ok=True)
        counts = page_counts(site, out)
        if args.png and shutil.which("pdftoppm"):
            for pdf in sorted(out.glob("*.pdf")):
                subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(pdf.with_suffix(""))], check=True)
    width = max((len(s) for s in counts), default=10)
    print(f"{'sheet':<{width}}  " + "  ".join(f"{p:>6}" for p in FORMATS))
    for sheet, by_paper in counts.items():
        print(f"{sheet:<{width}}  " + "  ".join(f"{by_paper.get(p, 0):>6}" for p in FORMATS))


if __name__ == "__main__":
    main()

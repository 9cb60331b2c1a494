"""Check every link of a built site: each relative href/src names a file of the site, and each
``#fragment`` an id on its page. Prints the figures and the broken links; exit status 1 if any.

    .venv/bin/python scripts/check_links.py SITE_DIR [--pages sources/]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit


class Page(HTMLParser):
    """The ids of one HTML page and its relative links (href, src)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str]] = []  # (tag.attr, address)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            if name in ("href", "src") and value is not None:
                self.refs.append((f"{tag}.{name}", value))


def target_file(site: Path, page: Path, address: str) -> Path | None:
    """The file of the site a relative address from ``page`` names (None: not a file of the site)."""
    path = unquote(urlsplit(address).path)
    base = site if path.startswith("/") else page.parent  # /x: from the site's root (the 404 page)
    found = (base / path.lstrip("/")).resolve() if path else page
    if found.is_dir():
        found = found / "index.html"
    return found if found.is_file() and site.resolve() in found.parents else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--pages", default="", help="only check links on pages under this folder of the site")
    args = parser.parse_args()
    site = args.site.resolve()
    parsed: dict[Path, Page] = {}

    def parse(path: Path) -> Page:
        if path not in parsed:
            parsed[path] = Page()
            parsed[path].feed(path.read_text(encoding="utf-8", errors="replace"))
        return parsed[path]

    counts: Counter[str] = Counter()
    broken: list[str] = []
    for page_path in sorted((site / args.pages).rglob("*.html")):
        page = parse(page_path)
        where = page_path.relative_to(site)
        for attr, address in page.refs:
            if urlsplit(address).scheme or address.startswith("//"):
                counts["external"] += 1
                continue
            bare, fragment = urldefrag(address)
            found = target_file(site, page_path, bare)
            kind = "in-page #fragment" if not bare else "image" if attr == "img.src" else "relative"
            counts[kind] += 1
            if found is None:
                broken.append(f"{where}: <{attr}={address!r}> names no file of the site")
            elif fragment and found.suffix == ".html" and unquote(fragment) not in parse(found).ids:
                broken.append(f"{where}: <{attr}={address!r}> names no id of {found.relative_to(site)}")
            elif fragment:
                counts["#fragments checked"] += 1
    print(f"{len(parsed)} pages parsed; links: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print(f"broken: {len(broken)}")
    for line in broken[:50]:
        print("  " + line)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())

"""Browser assets served from the site itself: KaTeX (and Mermaid, via mermaid2)."""
from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.exceptions import PluginError

VENDOR = "assets/vendor"
REQUIRED = ("katex/katex.min.js", "katex/katex.min.css", "mermaid/mermaid.min.js", "iframe-worker/shim.js",
            "ts-fsrs/index.mjs")
MATH_MARK = 'class="arithmatex"'


def check_vendor(docs_dir: Path) -> None:
    missing = [x for x in REQUIRED if not (docs_dir / VENDOR / x).is_file()]
    if missing:
        raise PluginError(
            f"browser assets missing from {docs_dir / VENDOR}: {', '.join(missing)}; "
            "run `make assets` (npm ci, then copies KaTeX and Mermaid into the docs)"
        )


def relative(url: str, page_url: str) -> str:
    """``url`` (from the site root) as seen from the page at ``page_url``.

    A directory URL (``a/b/``) is its own folder; a file URL (``a/b.html``, when the offline
    build turns directory URLs off) lives in its parent folder."""
    base = page_url.rstrip("/") if page_url.endswith("/") else posixpath.dirname(page_url)
    return posixpath.relpath(url, base or ".")


def add_math(html: str, page_url: str) -> str:
    """Load KaTeX with a page that has formulas, and only there (kb-render.js draws them, and
    loads KaTeX itself when instant navigation brings formulas to a page that had none)."""
    if MATH_MARK not in html:
        return html
    css = relative(f"{VENDOR}/katex/katex.min.css", page_url)
    js = relative(f"{VENDOR}/katex/katex.min.js", page_url)
    tags = f'<link rel="stylesheet" href="{css}">\n<script defer src="{js}"></script>\n'
    return html.replace("</head>", tags + "</head>", 1)

#!/usr/bin/env python3
"""Copy the pinned browser assets from node_modules into docs/assets/vendor.

The site serves KaTeX, Mermaid, the iframe-worker shim and ts-fsrs itself, so no reader's browser asks a CDN.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE = ROOT / "node_modules"
VENDOR = ROOT / "docs" / "assets" / "vendor"
COPIES = {
    "katex/dist/katex.min.js": "katex/katex.min.js",
    "katex/dist/katex.min.css": "katex/katex.min.css",
    "katex/dist/fonts": "katex/fonts",
    "katex/LICENSE": "katex/LICENSE",
    "mermaid/dist/mermaid.min.js": "mermaid/mermaid.min.js",
    "mermaid/LICENSE": "mermaid/LICENSE",
    # Lets Material's search worker run from file:// in an offline build (mkdocs.yml extra.polyfills).
    "iframe-worker/shim/index.js": "iframe-worker/shim.js",
    "iframe-worker/LICENSE": "iframe-worker/LICENSE",
    # The FSRS scheduler of the practice widgets, as an ES module (srs.js imports it).
    "ts-fsrs/dist/index.mjs": "ts-fsrs/index.mjs",
    "ts-fsrs/LICENSE": "ts-fsrs/LICENSE",
}


def main() -> int:
    missing = [src for src in COPIES if not (NODE / src).exists()]
    if missing:
        print(f"missing in node_modules: {', '.join(missing)}; run `npm ci` first", file=sys.stderr)
        return 1
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    for src, dest in COPIES.items():
        target = VENDOR / dest
        target.parent.mkdir(parents=True, exist_ok=True)
        if (NODE / src).is_dir():
            shutil.copytree(NODE / src, target)
        else:
            shutil.copy2(NODE / src, target)
    print(f"copied {len(COPIES)} assets into {VENDOR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

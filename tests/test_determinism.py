"""Two builds of the same notes are byte for byte the same; an unrelated new note moves nothing."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from conftest import PUBLIC_URL, ROOT, mkdocs_build
from kb.cards import DATA as CARD_DATA
from kb.catalog import load_catalog
from kb.notes import ParseCache, read_corpus
from kb.site import build_site

BUNDLED = ROOT / "docs" / "notes"

# Files allowed to differ between two builds, and why. The sitemaps carry the build date
# (<lastmod> and the gzip header's mtime, both from MkDocs' get_build_date): equal for two
# builds on the same UTC day, or with SOURCE_DATE_EPOCH set; they differ across midnight.
DATED = {"sitemap.xml", "sitemap.xml.gz"}
LASTMOD = re.compile(rb"<lastmod>([0-9-]+)</lastmod>")

UNRELATED = """# Growing tomatoes on a balcony

Tomatoes want six hours of sun and a deep pot.

- Water at the base, in the morning.
- Pinch out side shoots on cordon varieties.
"""


def files_of(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


def build_date(site: Path) -> bytes:
    found = LASTMOD.search((site / "sitemap.xml").read_bytes())
    return found.group(1) if found else b""


def test_two_builds_are_byte_identical(bundled_site, tmp_path):
    again = tmp_path / "again"
    result = mkdocs_build(again, env_extra={"SITE_URL": PUBLIC_URL})  # as bundled_site is built
    assert result.returncode == 0, result.stderr[-3000:]
    first, second = files_of(bundled_site), files_of(again)
    assert sorted(first) == sorted(second)
    same_day = build_date(bundled_site) == build_date(again)
    differ = [name for name in first if first[name].read_bytes() != second[name].read_bytes()
              and (same_day or name not in DATED)]
    assert not differ, f"{len(differ)} files differ between two builds, e.g. {differ[:10]}: " + first_difference(
        first[differ[0]].read_bytes(), second[differ[0]].read_bytes())


def first_difference(a: bytes, b: bytes) -> str:
    at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return f"at byte {at}: {a[max(0, at - 80):at + 80]!r} != {b[max(0, at - 80):at + 80]!r}"


def site_of(notes: Path):
    return build_site(read_corpus(notes, ParseCache()), load_catalog())


def cards_by_id(site) -> dict[str, dict]:
    return {c["id"]: c for c in json.loads(site.data[CARD_DATA["json"]])["cards"]}


def test_an_unrelated_note_moves_no_url_topic_or_card(tmp_path):
    notes = tmp_path / "notes"
    shutil.copytree(BUNDLED, notes)
    before = site_of(notes)
    (notes / "0-balcony-tomatoes.md").write_text(UNRELATED, encoding="utf-8")  # sorts before every other note
    after = site_of(notes)

    urls_before = {a.source: a.page for a in before.accounts}
    urls_after = {a.source: a.page for a in after.accounts}
    assert "0-balcony-tomatoes.md" in urls_after
    assert {s: urls_after[s] for s in urls_before} == urls_before
    pages_after = {p.src_uri: p.markdown for p in after.pages}
    for page in before.pages:
        if page.src_uri.startswith("sources/") and not page.src_uri.endswith("index.md"):
            assert pages_after.get(page.src_uri) == page.markdown, page.src_uri  # anchors included
    assert after.topics == before.topics
    cards_before, cards_after = cards_by_id(before), cards_by_id(after)
    assert cards_before, "the bundled notes make cards"
    assert {i: cards_after.get(i) for i in cards_before} == cards_before

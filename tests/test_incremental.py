"""`mkdocs serve --dirty` renders only the pages an edit changed, and the site it serves is the one a
clean build of the edited notes makes (kb.incremental, and the hook's on_files/on_nav/on_post_build)."""
from __future__ import annotations

import json
import logging
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build
from kb import incremental
from kb.incremental import (
    Memory,
    Rendered,
    filled_entries,
    last_blocks,
    merged_index,
    page_key,
    refill_key,
    remember,
    remembered,
    render_key,
    site_render_key,
    title_line,
    to_refill,
    to_render,
)
from kb.links import filled_links, html_link, masked_links

# -- units -------------------------------------------------------------------------------------


def test_a_page_is_rendered_again_when_its_key_or_its_output_changed():
    memory = Memory()
    keys = {"a.md": page_key("site", "# A"), "b.md": page_key("site", "# B")}
    assert to_render(keys, {"a.md": True, "b.md": True}, memory) == {"a.md", "b.md"}  # nothing remembered
    remember(memory, keys, {"a.md": "A", "b.md": "B"}, {"/s/a/index.html", "/s/b/index.html"})
    assert to_render(keys, {"a.md": True, "b.md": True}, memory) == set()
    assert to_render(keys, {"a.md": True, "b.md": False}, memory) == {"b.md"}  # its output file is missing
    edited = {**keys, "a.md": page_key("site", "# A, edited")}
    assert to_render(edited, {"a.md": True, "b.md": True}, memory) == {"a.md"}
    moved = {uri: page_key("another navigation", text) for uri, text in (("a.md", "# A"), ("b.md", "# B"))}
    assert to_render(moved, {"a.md": True, "b.md": True}, memory) == {"a.md", "b.md"}


def test_the_files_of_pages_a_build_no_longer_makes_are_returned_to_remove():
    memory = Memory()
    remember(memory, {"a.md": "1", "b.md": "2"}, {}, {"/s/a/index.html", "/s/b/index.html", "/s/data/b.json"})
    gone = remember(memory, {"a.md": "1"}, {}, {"/s/a/index.html"})
    assert gone == ["/s/b/index.html", "/s/data/b.json"]


def test_a_title_change_changes_the_title_line():
    assert title_line("---\ntitle: Amazon S3\n---\n\n# S3\n") == "title: Amazon S3"
    assert title_line("Some text\n\n# Kinesis Data Streams\n") == "# Kinesis Data Streams"
    assert title_line("# Kinesis\n") != title_line("# Kinesis Data Streams\n")


def entries(page: str, *anchors: str) -> list[dict]:
    return [{"location": page, "title": page}] + [{"location": f"{page}#{a}", "title": a} for a in anchors]


def test_search_entries_of_skipped_pages_come_from_the_last_build():
    memory = Memory()
    whole = entries("", "intro") + entries("a/", "x") + entries("b/", "y")
    assert merged_index(whole, ["", "a/", "b/"], {"", "a/", "b/"}, memory) == whole  # a whole build: as written
    # Material's dirty rebuild: what it kept from before (with the stale a/), then the page it rendered.
    written = entries("", "intro") + entries("a/", "x") + entries("b/", "y") + entries("a/", "x", "new")
    merged = merged_index(written, ["", "a/", "b/"], {"a/"}, memory)
    assert [e["location"] for e in merged] == ["", "#intro", "a/", "a/#x", "a/#new", "b/", "b/#y"]
    gone = merged_index(entries("a/", "x", "new"), ["", "a/"], {"a/"}, memory)  # b/ is no longer a page
    assert "b/" not in {incremental.page_of(e["location"]) for e in gone}
    # Every page rendered, after Material kept a stale copy of a/ from before: the fresh one only.
    again = merged_index(entries("a/", "x") + entries("", "intro") + entries("a/", "y"), ["", "a/"], {"", "a/"}, memory)
    assert [e["location"] for e in again] == ["", "#intro", "a/", "a/#y"]


def test_last_blocks_keeps_the_later_run_of_a_page():
    blocks = last_blocks(entries("a/", "old") + entries("b/") + entries("a/", "new"))
    assert [e["location"] for e in blocks["a/"]] == ["a/", "a/#new"]


def test_mkdocs_dirty_build_notice_is_dropped_but_other_warnings_pass(caplog):
    incremental.quiet_dirty_notice()
    incremental.quiet_dirty_notice()  # the hook installs it on every rebuild: still one filter
    logger = logging.getLogger("mkdocs.commands.build")
    assert sum(type(f).__name__ == "QuietDirtyNotice" for f in logger.filters) == 1
    with caplog.at_level(logging.INFO, logger="mkdocs.commands.build"):
        logger.warning("A 'dirty' build is being performed, this will likely lead to inaccurate navigation")
        logger.warning("something else")
    assert [r.getMessage() for r in caplog.records] == ["something else"]


def cited(line: int, text: str = "Shards take 1 MB/s.") -> str:
    """A fact line of a topic page, citing line ``line`` of a note."""
    mark = html_link(f"sources/n.md#L{line}", "\\[1\\]", css="kb-src", title=f"n.md:{line}")
    return f'- {text} <sup class="kb-refs" data-search-exclude>{mark}</sup>'


def test_markdown_that_differs_only_in_where_its_citations_point_masks_alike():
    (before, old), (after, new) = masked_links(cited(5)), masked_links(cited(6))
    assert before == after and old != new
    assert masked_links(cited(6, "Shards take 2 MB/s."))[0] != after  # the words are never masked
    html, missing = filled_links(after, new, lambda path: "../../sources/n/" if path == "sources/n.md" else None)
    assert html == ('- Shards take 1 MB/s. <sup class="kb-refs" data-search-exclude><a href="../../sources/n/#L6" '
                    'title="n.md:6" class="kb-src">\\[1\\]</a></sup>') and missing == []
    gone, missing = filled_links(after, new, lambda path: None)  # a page that no longer exists: reported
    assert 'href="sources/n.md#L6"' in gone and missing == ["sources/n.md"]


def test_a_pages_html_is_remembered_only_under_the_inputs_it_was_made_from():
    memory = Memory()
    site = site_render_key(b"mkdocs.yml", True, ["a.md", "b.md"])
    key = render_key(site, "a.md", "# A")
    memory.html["a.md"] = Rendered(key, "<h1>A</h1>", None, "A", frozenset())
    assert remembered(memory, "a.md", key) is memory.html["a.md"]
    assert remembered(memory, "a.md", render_key(site, "a.md", "# A, edited")) is None
    assert remembered(memory, "b.md", render_key(site, "b.md", "# A")) is None
    for changed in (site_render_key(b"mkdocs.yml, edited", True, ["a.md", "b.md"]),  # Markdown extensions
                    site_render_key(b"mkdocs.yml", False, ["a.md", "b.md"]),  # the offline build's URLs
                    site_render_key(b"mkdocs.yml", True, ["a.md"])):  # a page a link may point at is gone
        assert remembered(memory, "a.md", render_key(changed, "a.md", "# A")) is None
    remember(memory, {"b.md": "1"}, {}, set())  # a.md is no longer a page: its HTML is forgotten
    assert memory.html == {}


def test_a_page_is_written_again_with_new_links_only_when_nothing_else_of_it_changed():
    memory = Memory()
    memory.written = {"a.md": ("k1", "<a \x080\x08>")}
    render = {"a.md", "b.md"}
    assert to_refill(render, {"a.md": "k1", "b.md": "k2"}, {"a.md": True, "b.md": True}, memory) == {"a.md"}
    assert to_refill(render, {"a.md": "k1"}, {"a.md": False}, memory) == set()  # its output file is missing
    masked, _ = masked_links(cited(5))
    base = refill_key("site", "files", "a.md", masked)
    assert base != refill_key("another navigation", "files", "a.md", masked)
    assert base != refill_key("site", "a file gone", "a.md", masked)
    assert base != refill_key("site", "files", "a.md", masked_links(cited(5, "Shards take 2 MB/s."))[0])


def test_slots_are_filled_in_the_page_as_mermaid2_rewrites_it_and_in_the_search_index():
    label = html_link("sources/n.md#L5", "n.md:5 &amp; more", final=True)  # a 'From file:line' label
    masked, taken = masked_links(cited(5) + " <small>From " + label + "</small>")
    soup = masked.replace("\x080\x08", '\x080\x08=""').replace("\x081\x08>", '\x081\x08="">')  # BeautifulSoup's
    page, _ = filled_links(soup, taken, lambda path: "../n/")
    assert page.count('href="../n/#L5"') == 2 and "From <a href=\"../n/#L5\">n.md:5 &amp; more</a>" in page
    assert "\x08" not in page
    # Material indexed the text with its slot, escaping as it does: the entry gets the label's words.
    entries = [{"location": "t/", "text": "Shards. <p>From \x081t\x08</p>"}, {"location": "u/", "text": "\x081t\x08"}]
    filled = filled_entries(entries, {"t/": taken})
    assert filled[0]["text"] == "Shards. <p>From n.md:5 &amp; more</p>" and filled[1] == entries[1]
    assert entries[0]["text"].endswith("\x081t\x08</p>")  # what is remembered keeps its slot


# -- a real serve-style rebuild ----------------------------------------------------------------

# Builds twice in one process, as `mkdocs serve --dirty` does: the notes as they are, then after an edit.
CHILD = r"""
import logging, sys
from pathlib import Path
from mkdocs.config import load_config
from mkdocs.commands.build import build
config_file, site, note, old, new = sys.argv[1:6]
logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stdout)
def once():
    config = load_config(config_file=config_file, site_dir=site)
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
once()
path = Path(note)
text = path.read_text(encoding="utf-8") if old else ""  # no old text: a note added
assert old in text, old
path.write_text(text.replace(old, new, 1) if old else new, encoding="utf-8")
print("EDITED")
once()
kb = sys.modules["kb.note_memory"]  # the serve memories, as the hook's package left them
print("MEMORY", kb.MEMORY.read, kb.MEMORY.reused, kb.MENTIONS.searched, len(kb.MENTIONS.now))
"""
MEMORY = re.compile(r"MEMORY (\d+) (\d+) (\d+) (\d+)")
RENDERED = re.compile(r"kb: (\d+) of (\d+) pages rendered again")
NOTES = ("study-guide/01-data-engineering-and-algorithms.txt", "markdown/mla-c01-data-preparation.md")


def small_notes(into: Path) -> Path:
    for name in NOTES:
        (into / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "docs" / "notes" / name, into / name)
    return into


def serve_rebuild(tmp_path: Path, note: str, old: str, new: str) -> tuple[Path, Path, str]:
    """The site after a dirty rebuild of an edit, a clean build of the edited notes, and the rebuild's log."""
    notes = small_notes(tmp_path / "notes")
    served = tmp_path / "served"
    env_run = subprocess.run([sys.executable, "-c", CHILD, str(ROOT / "mkdocs.yml"), str(served), str(notes / note),
                              old, new], cwd=ROOT, capture_output=True, text=True, timeout=600,
                             env={**__import__("os").environ, "KB_NOTES": str(notes), "NO_MKDOCS_2_WARNING": "1",
                                  "SITE_URL": "", "KB_OFFLINE": "false"})
    assert env_run.returncode == 0, env_run.stderr[-3000:]
    clean = tmp_path / "clean"
    result = mkdocs_build(clean, notes=notes)
    assert result.returncode == 0, result.stderr[-3000:]
    return served, clean, env_run.stdout.split("EDITED", 1)[1]


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
            if p.is_file() and not p.name.startswith("sitemap")}


def search_docs(site: Path) -> list[str]:
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return sorted(json.dumps(d, sort_keys=True) for d in docs)


def assert_same_site(served: Path, clean: Path) -> None:
    got, want = site_files(served), site_files(clean)
    assert sorted(got) == sorted(want)
    differ = [p for p in want if p != "search/search_index.json" and got[p] != want[p]]
    assert differ == []
    assert search_docs(served) == search_docs(clean)


@pytest.mark.build
def test_a_one_note_edit_renders_few_pages_and_serves_what_a_clean_build_makes(tmp_path):
    old = "at large scale."
    served, clean, log = serve_rebuild(tmp_path, NOTES[0], old, old + " The author found this easy to remember.")
    assert RENDERED.search(log), log
    done, total = map(int, RENDERED.search(log).groups())
    assert 0 < done < total / 4, log
    read, reused, searched, texts = map(int, MEMORY.search(log).groups())
    assert (read, reused) == (1, 1) and searched < texts / 4, log  # the other note's knowledge, the texts' mentions
    assert_same_site(served, clean)
    kds = (served / "services" / "kinesis-data-streams" / "index.html").read_text(encoding="utf-8")
    assert "The author found this easy to remember." in kds


@pytest.mark.build
def test_an_edit_that_removes_topics_renders_every_page_and_removes_theirs(tmp_path):
    note = ROOT / "docs" / "notes" / NOTES[1]
    whole = note.read_text(encoding="utf-8")
    served, clean, log = serve_rebuild(tmp_path, NOTES[1], whole, "# Data preparation\n\nNothing here yet.\n")
    assert RENDERED.search(log) is None, log  # the topic list changed: every page is rendered again
    assert_same_site(served, clean)


@pytest.mark.build
def test_an_added_note_is_read_and_the_others_knowledge_kept_for_the_site_a_clean_build_makes(tmp_path):
    added = "# More on streams\n\n## Amazon Kinesis Data Streams\n\n- Kinesis Data Streams keeps records for 24 " \
            "hours unless retention is raised, up to 365 days.\n"
    served, clean, log = serve_rebuild(tmp_path, "zz-more-streams.md", "", added)
    read, reused, _, _ = map(int, MEMORY.search(log).groups())
    assert (read, reused) == (1, 2), log
    assert_same_site(served, clean)
    assert (served / "sources" / "zz-more-streams" / "index.html").is_file()


REMEMBERED = re.compile(r"kb: \d+ of \d+ pages rendered again \((\d+) of them from memory\), (\d+) with only "
                        r"their links filled anew")


@pytest.mark.build
def test_lines_added_to_a_note_move_its_citations_and_pages_keep_their_html_from_memory(tmp_path):
    old = "at large scale."
    served, clean, log = serve_rebuild(tmp_path, NOTES[0], old, old + "\n\nA line added above the facts after it.")
    remembered, refilled = map(int, REMEMBERED.search(log).groups())
    # Pages whose only change is where their links point (and their 'From file:line' labels) are their
    # last written page with the links filled anew.
    assert refilled > 0, log
    assert_same_site(served, clean)  # ...and every one opens the lines where they are now
    texts = {p: data for p, data in site_files(served).items() if p.endswith((".html", ".json"))}
    assert texts and not [p for p, data in texts.items() if b"\x08" in data or b"\x07" in data]  # no slot left
    for site in (served, clean):  # (JSON writes a control character escaped)
        docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
        assert not [d for d in docs if "\x08" in json.dumps(d, ensure_ascii=False)]
        assert any("From study-guide/01-data-engineering-and-algorithms.txt:" in d["text"] for d in docs)

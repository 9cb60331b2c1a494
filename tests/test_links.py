"""Heading ids, links between notes and images on the Sources pages (issue 13, items 3-5).

The golden pairs tests/fixtures/markdown/headings-and-toc.md and linked-notes.md show the
rendered result; these tests pin the rules and the warnings, each with file:line.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, mkdocs_build
from kb.anchors import block_anchors, page_anchors
from kb.inline import RESOLVED, safe_inline
from kb.media import image_file, image_path
from kb.notes import read_corpus, read_note
from kb.render import link_site, render_page
from kb.slug import GithubSlugger, github_slug, heading_text
from kb.source_pages import source_uris

MARKDOWN = FIXTURES / "markdown"


# -- GitHub's heading ids ------------------------------------------------------

@pytest.mark.parametrize("heading, wanted", [
    ("The company's data", "the-companys-data"),  # an apostrophe is removed, not a hyphen
    ("Batch transform vs. real-time: which one?", "batch-transform-vs-real-time-which-one"),
    ("Using `InitialInstanceCount` & _autoscaling_", "using-initialinstancecount--autoscaling"),  # each space a -
    ("snake_case_name and __init__", "snake_case_name-and-init"),  # underscores inside words stay
    ("A - B", "a---b"),
    ("😄 emoji", "-emoji"),
    ("Café Überblick", "café-überblick"),  # letters of any script stay
    ("Q&amp;A with [a link](https://example.com) and ![img](x.png)", "qa-with-a-link-and-"),
    ("Use `<br>` for breaks", "use-br-for-breaks"),  # code keeps its text, tags and all
    ("Version 1.2.3 (beta)", "version-123-beta"),
])
def test_heading_ids_are_githubs(heading, wanted):
    assert github_slug(heading_text(heading)) == wanted


def test_long_headings_keep_their_whole_id():
    words = " ".join(["word"] * 40)
    assert github_slug(heading_text(words)) == "-".join(["word"] * 40)


def test_repeats_get_numbered_from_one():
    slugger = GithubSlugger()
    assert [slugger.slug(t) for t in ("Limits", "Limits", "limits", "Limits 1", "Limits")] == \
        ["limits", "limits-1", "limits-2", "limits-1-1", "limits-3"]


def test_the_title_line_is_the_top_of_the_page_and_every_heading_has_one_id():
    doc, _ = read_note("h.md", (MARKDOWN / "headings-and-toc.md").read_bytes())
    anchors = page_anchors(doc)
    assert anchors.fragments["endpoint-questions-by-heading"] == ""
    assert anchors.fragments["limits-2"] == "limits-2"
    headings = [b.anchor for b, _ in block_anchors(doc) if b.kind == "heading"]
    assert headings[0] == "" and len(set(headings)) == len(headings)


def test_a_question_read_from_a_heading_keeps_the_headings_id():
    from kb import model as m
    from kb.render import render_block

    question = m.Block(m.QUESTION, m.Span(3, 6), level=3, front="Which one, company's choice?",
                       items=(m.Item("a", m.Span(5, 5), checked=True), m.Item("b", m.Span(6, 6), checked=False)))
    doc = m.Document("q.md", "markdown", "Q", 6, (m.Block(m.HEADING, m.Span(1, 1), text="Q", level=1), question))
    block = page_anchors(doc).blocks[1]
    assert block.anchor == "which-one-companys-choice"
    assert render_block(block).startswith('<div id="which-one-companys-choice" class="kb-anchor"></div>')


# -- links and images, resolved or reported --------------------------------------------

def render_notes(folder: Path) -> dict:
    corpus = read_corpus(folder)
    docs = list(corpus.documents)
    pages = source_uris([d.source for d in docs])
    site = link_site(docs, pages, folder)
    return {d.source: render_page(d, site, pages[d.source]) for d in docs}


def test_fixture_links_all_resolve_and_the_missing_image_is_reported_with_its_line():
    rendered = render_notes(MARKDOWN)
    _, toc = rendered["headings-and-toc.md"]
    assert toc.counts["heading resolved"] == 10 and not toc.broken
    _, linked = rendered["linked-notes.md"]
    assert linked.counts["note resolved"] == 1
    assert linked.counts["note heading resolved"] == 3
    assert linked.counts["note heading resolved (near match)"] == 1  # #Limits-1: GitHub's id is lower case
    assert linked.counts["image shown"] == 1 and list(linked.images) == ["images/endpoint diagram.png"]
    assert [str(p) for p in linked.missing] == [
        "linked-notes.md:17: image images/missing-chart.png is not in the notes folder; a placeholder is shown"]


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_links_to_nothing_are_text_and_warnings_naming_file_and_line(tmp_path):
    write(tmp_path, {
        "a.md": "# A\n\n## Real heading\n\n[gone](#no-such-heading) and [ok](#real-heading)\n\n"
                "- [missing note](nope.md)\n- [out](../../secret.md)\n- [b's heading](dir/b.md#nothing-here)\n",
        "dir/b.md": "# B\n\n[back to a](../a.md#real-heading) [spaced](../My%20Note.md)\n",
        "My Note.md": "# Mine\n\ntext\n",
    })
    rendered = render_notes(tmp_path)
    markdown, account = rendered["a.md"]
    assert [str(p) for p in account.broken] == [
        "a.md:5: link to #no-such-heading finds no heading on this page; shown as text",
        "a.md:7: link to nope.md finds no note in the notes folder; shown as text",
        "a.md:8: link to ../../secret.md leads outside the notes folder; shown as text",
        "a.md:9: link to dir/b.md#nothing-here finds no such heading in dir/b.md; it leads to the top of that note",
    ]
    assert "gone and [ok](#real-heading)" in markdown
    assert "- missing note\n- out\n- [b's heading](dir/b.md)" in markdown
    b, b_account = rendered["dir/b.md"]
    assert "[back to a](../a.md#real-heading) [spaced](../my-note.md)" in b and not b_account.broken


def test_unresolved_fragments_never_become_links_elsewhere():
    assert safe_inline("[see](#somewhere) [x](other.md)") == "see x"  # on a topic page they would lead nowhere


@pytest.mark.parametrize("target", ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x",
                                    "//evil.example/x"])
def test_script_and_data_targets_stay_neutralised(tmp_path, target):
    write(tmp_path, {"a.md": f"# A\n\n[click]({target}) ![img]({target})\n"})
    markdown, _ = render_notes(tmp_path)["a.md"]
    assert not re.search(r"\]\((?:javascript|data):", markdown, re.IGNORECASE)
    assert "<img" not in markdown and "![" not in markdown.split("raw lines", 1)[1]


def test_a_resolved_target_must_be_a_plain_relative_address():
    assert safe_inline(f"[x]({RESOLVED}javascript:alert(1))") == "x"
    assert safe_inline(f"[x]({RESOLVED}../a.md#b)") == "[x](../a.md#b)"


def test_images_outside_the_folder_or_through_a_symlink_are_never_read(tmp_path):
    notes, outside = tmp_path / "notes", tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.png").write_bytes(b"\x89PNG secret")
    write(notes, {"a.md": "# A\n\n![up](../outside/secret.png)\n\n![abs](/etc/x.png)\n\n![link](pics/secret.png)\n\n"
                          "![dirlink](out/secret.png)\n"})
    (notes / "pics").mkdir()
    os.symlink(outside / "secret.png", notes / "pics" / "secret.png")
    os.symlink(outside, notes / "out")
    markdown, account = render_notes(notes)["a.md"]
    assert account.images == {} and account.counts["image missing"] == 4
    assert markdown.count("Image not found:") == 4
    assert image_path("a.md", "../outside/secret.png") is None
    assert image_file(notes, "pics/secret.png") is None and image_file(notes, "out/secret.png") is None


def test_an_svg_that_would_run_a_script_is_not_served(tmp_path):
    write(tmp_path, {"a.md": "# A\n\n![ok](ok.svg) ![bad](bad.svg)\n",
                     "ok.svg": '<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></svg>',
                     "bad.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'})
    _, account = render_notes(tmp_path)["a.md"]
    assert list(account.images) == ["ok.svg"] and account.counts["image missing"] == 1


def test_image_files_are_media_not_notes(tmp_path):
    write(tmp_path, {"a.md": "# A\n\ntext\n"})
    (tmp_path / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    corpus = read_corpus(tmp_path)
    assert [d.source for d in corpus.documents] == ["a.md"]
    assert corpus.problems == () and corpus.skipped == ()


def test_an_indented_image_keeps_the_list_around_it():
    note = b"# L\n\n- ROC\n    - plot\n\n    ![ROC](roc.png)\n\n    - above\n        - deep\n- next\n"
    doc, _ = read_note("l.md", note)
    items = [(i.text, i.depth) for b in doc.blocks if b.kind == "list" for i in b.items]
    assert items == [("ROC", 0), ("plot", 1), ("above", 1), ("deep", 2), ("next", 0)]


# -- the whole build: media copied, links checked, warnings in report.json ---------------

@pytest.fixture(scope="module")
def linked_site(tmp_path_factory) -> tuple[Path, Path, str]:
    """A built site of two linked notes with an image shown and one missing (non-strict), and its log."""
    root = tmp_path_factory.mktemp("linked")
    notes = write(root / "notes", {  # a notes/ folder inside the notes: its pages and images are served too
        "guide.md": "# Guide\n\n## Part one\n\n- [Part one](#part-one)\n- [Other](notes/other%20note.md#details)\n\n"
                    "![Shown](notes/img/a.png)\n\n![Gone](img/gone.png)\n",
        "notes/other note.md": "# Other\n\n## Details\n\n[Guide](../guide.md)\n",
    })
    (notes / "notes" / "img").mkdir()
    (notes / "notes" / "img" / "a.png").write_bytes((MARKDOWN / "images" / "endpoint diagram.png").read_bytes())
    site = root / "site"
    result = mkdocs_build(site, notes=notes, strict=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return notes, site, result.stderr


def test_build_serves_images_and_reports_links_in_report_json(linked_site, tmp_path):
    notes, site, log = linked_site
    assert "guide.md:10: image img/gone.png is not in the notes folder" in log
    assert (site / "media" / "notes" / "img" / "a.png").read_bytes() == (notes / "notes" / "img" / "a.png").read_bytes()
    assert (site / "sources" / "notes" / "other-note" / "index.html").is_file()
    html = (site / "sources" / "guide" / "index.html").read_text(encoding="utf-8")
    assert 'src="../../media/notes/img/a.png"' in html and 'href="../notes/other-note/#details"' in html
    assert 'class="kb-image-missing"' in html and 'href="#part-one"' in html
    report = json.loads((site / "data" / "report.json").read_text(encoding="utf-8"))
    assert report["links"]["images_missing"] == [
        "guide.md:10: image img/gone.png is not in the notes folder; a placeholder is shown"]
    assert report["links"]["counts"]["note heading resolved"] == 1 and report["links"]["broken"] == []
    page = (site / "report" / "index.html").read_text(encoding="utf-8")
    assert "guide.md:10: image img/gone.png is not in the notes folder" in page
    assert re.search(r"<td>images</td>\s*<td[^>]*>2</td>\s*<td[^>]*>1</td>\s*<td[^>]*>1</td>", page)
    assert mkdocs_build(tmp_path / "strict", notes=notes, strict=True).returncode != 0


def test_the_browser_shows_the_image_and_the_placeholder_and_follows_the_links(linked_site, page, serve):
    _, site, _ = linked_site
    base = serve(site)
    page.goto(base + "sources/guide/", wait_until="networkidle")
    assert page.eval_on_selector("article img[alt=Shown]", "img => img.complete && img.naturalWidth") == 4
    missing = page.locator(".kb-image-missing")
    assert missing.is_visible() and missing.inner_text() == "Image not found: Gone"
    page.click("text=Other")
    page.wait_for_url("**/sources/notes/other-note/#details")
    assert page.locator("#details").is_visible()
    page.click("article >> text=Guide")
    page.wait_for_url("**/sources/guide/")
    assert page.kb_errors == [] and page.kb_foreign == []


def test_obsidian_wikilinks_and_embeds_lead_to_notes_and_images(tmp_path):
    write(tmp_path, {
        "c/ml/Leaky ReLU.md": "# Leaky ReLU\n\n## Slope choice\n\nA small slope for negative inputs.\n",
        "a.md": "# A\n\n## Own heading\n\n![[Pasted image 1.png]] ![[gone.png|300]] [[Leaky ReLU]]\n"
                "[[c/ml/Leaky ReLU#Slope choice|slope]] [[Not written yet]] [[#Own heading]] `[[code]]`\n",
    })
    (tmp_path / "_attachments").mkdir()
    (tmp_path / "_attachments" / "Pasted image 1.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    markdown, account = render_notes(tmp_path)["a.md"]
    assert "![Pasted image 1.png](../media/_attachments/Pasted%20image%201.png)" in markdown
    assert "Image not found: gone.png" in markdown
    assert "[Leaky ReLU](c/ml/leaky-relu.md)\n[slope](c/ml/leaky-relu.md#slope-choice)" in markdown
    assert "Not written yet [Own heading](#own-heading) `[[code]]`" in markdown  # a note not written: text
    assert [str(p) for p in account.problems()] == [
        "a.md:5: image gone.png is not in the notes folder; a placeholder is shown"]
    assert account.counts["wikilink to no note (text)"] == 1


# -- links written as finished HTML (maps, backlinks) ------------------------------

def test_an_html_link_becomes_the_page_url_in_the_builds_url_style():
    from kb.links import filled_links, html_link, masked_links
    from mkdocs.structure.files import File

    def url_to(directory_urls: bool):
        def url(target: str) -> str | None:
            if target not in ("services/amazon-s3.md", "index.md"):
                return None
            here = File("services/kinesis.md", "docs", "site", directory_urls)
            return File(target, "docs", "site", directory_urls).url_relative_to(here)
        return url

    def resolved(block: str, directory_urls: bool) -> tuple[str, list[str]]:
        masked, taken = masked_links(block)
        return filled_links(masked, taken, url_to(directory_urls))

    block = f'<p>{html_link("services/amazon-s3.md#limits", "S3")} {html_link("index.md", "Home", title="Start")}</p>'
    assert resolved(block, True) == ('<p><a href="../amazon-s3/#limits">S3</a> '
                                     '<a href="../../" title="Start">Home</a></p>', [])
    assert resolved(block, False) == ('<p><a href="amazon-s3.html#limits">S3</a> '
                                      '<a href="../index.html" title="Start">Home</a></p>', [])
    # A target with no page: reported, and its link keeps the bare path.
    assert resolved(html_link("gone.md", "Gone"), True) == ('<a href="gone.md">Gone</a>', ["gone.md"])

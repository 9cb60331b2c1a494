"""How topic pages read: cheat-sheet order, small citation markers opening the exact line,
backlinks, practice links, superseded facts; the glossary and the comparison tables."""
from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from kb import model as m
from kb.catalog import Entity, load_catalog
from kb.comparison_pages import PAGE, comparisons_page, load_tables
from kb.knowledge import Fact, Source
from kb.notes import read_corpus
from kb.render import line_ids, render_document
from kb.site import build_site
from kb.source_pages import source_uris
from kb.topic_pages import (
    Citations,
    TopicContext,
    beside_current,
    correction_marks,
    dated_marks,
    fact_json,
    fact_line,
    glossary,
    line_targets,
    mentioned_on,
    topic_page,
)

CORPUS = Path(__file__).resolve().parent / "corpus" / "topics"
HREF = re.compile('href="\x07sources/([\\w/-]+)\\.md#(L\\d+)" title="([^"]+)"')  # a citation, as html_link writes it


def small_site():
    entities = load_catalog(CORPUS / "catalog.yaml")
    return build_site(read_corpus(CORPUS / "notes"), entities)


def page_of(site, uri: str) -> str:
    return next(p for p in site.pages if p.src_uri == uri).markdown


def site_context(site, **extra) -> TopicContext:
    """The context a build gives topic pages, for the small corpus."""
    docs = read_corpus(CORPUS / "notes").documents
    return TopicContext(set(site.topics), {}, source_uris([d.source for d in docs]), {}, line_targets(docs), **extra)


def context(**extra) -> TopicContext:
    return TopicContext(set(), {}, {"n.md": "sources/n.md"}, {"n.md": "N"}, {"n.md": [3, 7]}, **extra)


def fact(text: str, group: str = "What it is", line: int = 3, **extra) -> Fact:
    f = Fact(text, [Source("n.md", "sources/n/", "", line, line)], ["alpha"], "fact", group,
             frozenset(re.findall(r"\w+", text.lower())))
    for key, value in extra.items():
        setattr(f, key, value)  # the fields the knowledge stage adds (subject, extra, status)
    return f


def test_sections_follow_the_cheat_sheet_order():
    page = page_of(small_site(), "services/kinesis-data-streams.md")
    headings = re.findall(r"^## (.+)$", page, re.M)
    assert headings[:3] == ["In short", "Key numbers and limits", "How it works and how to configure it"]
    assert headings.index("How it works and how to configure it") < headings.index("Related topics")


def test_citations_are_numbered_markers_that_open_the_exact_line():
    site = small_site()
    page = page_of(site, "services/kinesis-data-streams.md")
    marks = re.findall(r'class="kb-src">\\\[(\d+)\\\]</a>', page)
    assert marks and sorted(set(map(int, marks))) == list(range(1, len(set(marks)) + 1))
    cited = HREF.findall(page)
    assert cited
    for note, anchor, title in cited:
        sources_page = page_of(site, f"sources/{note}.md")
        assert f'id="{anchor}"' in sources_page, (note, anchor)
        assert title.endswith(":" + anchor[1:]) or f":{anchor[1:]}–" in title  # file:line on hover


def test_a_source_cited_twice_keeps_its_number():
    cites = Citations("algorithms/a.md", context())
    first = cites.marks([Source("n.md", "", "", 7, 7)])
    assert cites.marks([Source("n.md", "", "", 3, 3)]).startswith('<sup class="kb-refs"')
    assert cites.marks([Source("n.md", "", "", 7, 7)]) == first
    assert '<a href="\x07sources/n.md#L7" title="n.md:7" class="kb-src">\\[1\\]</a>' in first


def test_a_line_between_anchors_opens_the_nearest_one_above():
    cites = Citations("algorithms/a.md", context())
    assert 'href="\x07sources/n.md#L3"' in cites.marks([Source("n.md", "", "", 5, 5)])


def test_the_sources_page_anchors_every_block_and_list_item_once():
    doc = read_corpus(CORPUS / "notes").documents[0]
    anchored = render_document(doc, anchored=True)
    ids = re.findall(r'id="L(\d+)"', anchored)
    assert sorted(map(int, ids)) == sorted(line_ids(doc)) and len(ids) == len(set(ids))
    assert 'id="L' not in render_document(doc)  # the golden rendering stays as it was


def test_subject_extra_block_and_status_are_rendered():
    code = m.Block(m.CODE, m.Span(4, 6), text="aws kinesis create-stream --shard-count 2", lang="sh")
    line = fact_line(fact("Costs less to store than Standard.", subject="Storage classes › Infrequent Access",
                          extra=(code,), status="current"), Citations("a.md", context()))
    assert line.startswith('- <span class="kb-status kb-status--current"')
    assert "**Storage classes › Infrequent Access:** Costs less" in line
    assert "\n\n    ```sh\n    aws kinesis create-stream --shard-count 2\n    ```" in line


def test_a_fact_naming_a_service_gone_today_says_so_beside_it_except_on_that_service_s_page():
    ei = Entity("Amazon Elastic Inference", "ei", "services", (), "GPU slices.", (), "shut down in 2024",
                "discontinued", "2024-04")
    entities = {"ei": ei, "alpha": Entity("Alpha", "alpha", "services", (), "A.", ())}
    old = fact("Attach Elastic Inference to cut GPU cost.", dated=("ei",))
    marks = dated_marks(old, "alpha", entities)
    assert marks == '<span class="kb-dated" title="shut down in 2024">Amazon Elastic Inference: discontinued ' \
                    'April 2024</span>'
    assert marks in fact_line(old, Citations("a.md", context()), dated=marks)
    assert dated_marks(old, "ei", entities) == ""


def test_a_fact_saying_what_is_no_longer_so_says_beside_it_what_holds_now_and_since_when():
    old = fact("Retention goes up to 7 days.", outdated=(("2020-11", "retention can be raised to 365 days"),))
    marks = correction_marks(old)
    assert marks == ('<span class="kb-dated kb-outdated" title="What the notes say here changed in November 2020">'
                     'Out of date since November 2020: retention can be raised to 365 days</span>')
    assert fact_json(old)["outdated"] == [{"since": "2020-11", "now": "retention can be raised to 365 days"}]
    assert correction_marks(fact("Retention goes up to 365 days.")) == ""


def test_a_fact_saying_what_aws_documentation_contradicts_says_beside_it_what_the_documentation_says():
    wrong = fact("Serverless payloads go up to 6 MB.", mistaken=("serverless payloads are at most 4 MB",))
    assert correction_marks(wrong) == ('<span class="kb-dated kb-mistaken" title="What the notes say here is '
                                     'contradicted by AWS documentation or the standard definition">Not so: '
                                     'serverless payloads are at most 4 MB</span>')
    assert fact_json(wrong)["mistaken"] == ["serverless payloads are at most 4 MB"]


def test_a_subject_the_text_already_names_is_not_repeated():
    line = fact_line(fact("Infrequent Access costs less to store.", subject="Storage classes › Infrequent Access"),
                     Citations("a.md", context()))
    assert "**" not in line


def test_a_superseded_fact_sits_right_after_the_current_one():
    new = fact("Models are saved in the XGBoost binary format since 1.3-1.", status="current")
    other = fact("Training runs on CPU instances by default.")
    old = fact("Models are saved with pickle format.", status="superseded")
    assert beside_current([new, other, old]) == [new, old, other]
    assert 'kb-status--superseded' in fact_line(old, Citations("a.md", context()))


def test_mentioned_on_lists_the_topics_whose_facts_name_this_one():
    page = page_of(small_site(), "services/kinesis-data-streams.md")
    mentioned = page.split("## Mentioned on", 1)[1]
    assert 'Topics: <a href="\x07algorithms/random-cut-forest.md">Random Cut Forest</a>.' in mentioned


def test_practice_questions_on_this_topic_link_to_their_lines():
    site = small_site()
    know = site.knowledge
    entity = know.entities["kinesis-data-streams"]
    know.questions_by_topic = {entity.slug: [Source("streaming.txt", "", "", 6, 6)]}
    ctx = site_context(site, questions={("streaming.txt", 6): "How long is data kept?"})
    page = topic_page(entity, know, ctx, practice="\n## Test yourself\n\n<div></div>\n")
    assert ('## Practice questions on this topic\n\n- <a href="\x07sources/streaming.md#L6" title="streaming.txt:6">'
            'How long is data kept?</a>') in page
    assert page.index("## Practice questions") < page.index("## Test yourself") < page.index("## Related topics")


def test_glossary_defines_every_term_a_to_z_and_lists_acronyms():
    entities = load_catalog(CORPUS / "catalog.yaml")
    page = glossary(list(entities), {"services/kinesis-data-streams.md"})
    kds = "[Amazon Kinesis Data Streams](services/kinesis-data-streams.md)"
    assert f"{kds}\n:   Ordered stream of records in shards." in page
    assert "KDS\n:   See [Amazon Kinesis Data Streams](services/kinesis-data-streams.md)." in page
    assert page.index("## K {#k}") < page.index(kds) < page.index("## M {#m}")  # sorted without 'Amazon'
    assert '<p class="kb-az" markdown>[D](#d) [K](#k) [M](#m) [R](#r) [S](#s)</p>' in page
    assert page.count("\n:   ") == len(entities) + sum(1 for e in entities for a in e.aliases if a.isupper())


def test_kpl_and_kcl_are_libraries_not_names_of_the_stream():
    entities = {e.slug: e for e in load_catalog()}
    assert not {"KPL", "KCL", "Kinesis Producer Library"} & set(entities["kinesis-data-streams"].aliases)
    assert "KPL" in entities["kinesis-producer-library"].aliases
    assert "KCL" in entities["kinesis-client-library"].aliases


def test_every_comparison_cell_is_cited_and_the_notes_confirm_some():
    tables = load_tables()
    assert {t.id: (len(t.rows), len(t.columns)) for t in tables} == {
        "built-in-algorithms": (21, 4), "inference-options": (4, 4), "kinesis-family": (4, 4)}
    site = build_site(read_corpus(CORPUS / "notes"), load_catalog())
    ctx = site_context(site)
    page, counts = comparisons_page(tables, site.knowledge, ctx)
    heads = ("| Algorithm", "| Option", "| Service")
    rows = [r for r in page.split("\n") if r.startswith("| ") and not r.startswith(heads)]
    cells = [c for r in rows for c in r.strip("| ").split(" | ")[1:]]
    assert len(cells) == sum(c.cells for c in counts.values()) == 21 * 4 + 4 * 4 + 4 * 4
    assert all('(https://docs.aws.amazon.com/' in c for c in cells)
    assert counts["kinesis-family"].from_notes >= 1  # "Retention is 24 hours…" in the test notes
    assert "](sources/streaming.md#L6 " in page


def test_a_table_row_with_the_wrong_number_of_cells_is_refused(tmp_path):
    bad = tmp_path / "c.yaml"
    bad.write_text("- {id: t, title: T, intro: I, corner: C, columns: [a, b],\n"
                   "   rows: [{topic: x, doc: 'https://docs.aws.amazon.com/x', cells: [only one]}]}\n")
    with pytest.raises(ValueError, match="t/x: 1 cells for 2 columns"):
        load_tables(bad)


def test_the_comparison_page_is_built_and_linked_from_its_topics():
    site = build_site(read_corpus(CORPUS / "notes"), load_catalog())
    assert any(p.src_uri == PAGE for p in site.pages)
    kds = page_of(site, "services/kinesis-data-streams.md")
    assert "Side by side: [Kinesis family and Firehose](../comparisons.md#kinesis-family)." in kds


def test_backlinks_are_finished_html_and_a_note_title_in_them_stays_text():
    site = small_site()
    entity = site.knowledge.entities["kinesis-data-streams"]
    know = SimpleNamespace(entities=site.knowledge.entities, mentioned_on={entity.slug: {"n.md"}})
    title = 'Streams <img src=x onerror="alert(1)"> & **shards**'
    ctx = TopicContext(set(), {}, {"n.md": "sources/n.md"}, {"n.md": title})
    block = "".join(mentioned_on(entity, know, ctx, "services/kinesis-data-streams.md"))
    assert "markdown" not in block  # nothing for md_in_html to parse
    assert ('<p class="kb-backlinks">Notes: <a href="\x07sources/n.md">Streams &lt;img src=x '
            'onerror=&quot;alert(1)&quot;&gt; &amp; shards</a>.</p>') in block

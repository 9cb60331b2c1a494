"""Diagrams and formulas that cannot be drawn: found at build time, reported, shown as source."""
from __future__ import annotations

from conftest import missing_tool
from kb import model as m
from kb.drawable import find_undrawable, mark_undrawable, undrawable_problems
from kb.render import render_document
from kb.render_check import find_checker

GOOD = "flowchart LR\n    A --> B"
BAD = "flowchart LR\n    A -->> -->"


def doc(blocks: tuple[m.Block, ...]) -> m.Document:
    return m.Document("notes/x.md", "markdown", "X", 20, blocks)


def sample() -> m.Document:
    nested = m.Block(m.FORMULA, m.Span(9, 11), text="\\frac{a")
    items = (m.Item("a list item", m.Span(8, 8), extra=(nested,)),)
    return doc((
        m.Block(m.DIAGRAM, m.Span(2, 5), text=GOOD),
        m.Block(m.DIAGRAM, m.Span(6, 7), text=BAD),
        m.Block(m.LIST, m.Span(8, 11), items=items),
        m.Block(m.FORMULA, m.Span(12, 14), text="x^2"),
    ))


def fake_check(diagrams, formulas):
    return ([("broken" if "-->>" in d else None) for d in diagrams],
            [("unclosed" if t.count("{") != t.count("}") else None) for t, _ in formulas])


def test_broken_diagrams_and_formulas_are_found_by_note_and_line_nested_ones_too():
    broken = find_undrawable([sample()], fake_check)
    assert broken == {("notes/x.md", 6): ("diagram", "broken"), ("notes/x.md", 9): ("formula", "unclosed")}
    problems = [str(p) for p in undrawable_problems(broken)]
    assert problems == ["notes/x.md:6: diagram cannot be drawn, its source is shown instead: broken",
                        "notes/x.md:9: formula cannot be drawn, its source is shown instead: unclosed"]


def test_a_broken_block_is_shown_as_its_source_in_a_failure_note_and_not_drawn():
    marked = mark_undrawable(sample(), find_undrawable([sample()], fake_check))
    kinds = [b.kind for b in marked.blocks]
    assert kinds == [m.DIAGRAM, m.UNDRAWN, m.LIST, m.FORMULA]
    assert marked.blocks[2].items[0].extra[0].kind == m.UNDRAWN
    page = render_document(marked)
    assert page.count("```mermaid") == 1 and page.count("$$") == 2  # only the good ones are drawn
    assert '!!! failure kb-diagram-error "This diagram could not be drawn' in page
    assert "A -->> -->" in page and "Mermaid: broken" in page
    assert '!!! failure kb-formula-error "This formula could not be drawn' in page


def test_nothing_to_check_calls_no_checker():
    assert find_undrawable([doc((m.Block(m.PARAGRAPH, m.Span(1, 1), text="text"),))], None) == {}


def test_the_node_checker_agrees_with_mermaid_and_katex():
    checker = find_checker()
    if checker is None:
        missing_tool("node or node_modules missing: run `make assets`")
    diagrams, formulas = checker([GOOD, BAD, "sequenceDiagram\n    A->>B: hi"],
                                 [("\\frac{a}{b}", True), ("\\frac{a", True), ("\\notacommand x", False)])
    assert diagrams[0] is None and diagrams[2] is None
    assert diagrams[1].startswith("Parse error on line 2 of the diagram")
    assert formulas[0] is None and "KaTeX parse error" in formulas[1] and "Undefined control sequence" in formulas[2]


def test_the_site_is_built_again_only_when_something_cannot_be_drawn(tmp_path, monkeypatch):
    import kb.site
    from kb.catalog import load_catalog
    from kb.notes import ParseCache, read_corpus
    from kb.site import build_checked_site

    builds = []
    real_build = kb.site.build_site
    monkeypatch.setattr(kb.site, "build_site", lambda *a, **k: builds.append(a[2:] or k) or real_build(*a, **k))

    (tmp_path / "a.md").write_text(f"# A\n\nAmazon Kinesis.\n\n```mermaid\n{BAD}\n```\n\n```mermaid\n{GOOD}\n```\n")
    corpus, entities = read_corpus(tmp_path, ParseCache()), load_catalog()
    calls = []

    def counting(diagrams, formulas):
        calls.append(len(diagrams))
        return fake_check(diagrams, formulas)

    site = build_checked_site(corpus, entities, counting)
    assert calls == [2]
    assert len(builds) == 2 and builds[1], "a broken diagram builds the pages once more, marking it"
    assert [str(p) for p in site.problems] == ["a.md:5: diagram cannot be drawn, its source is shown instead: broken"]
    page = next(p.markdown for p in site.pages if p.src_uri == "sources/a.md")
    assert "kb-diagram-error" in page and page.count("```mermaid") == 1
    assert site.accounts[0].counts["diagrams"] == 1 and site.accounts[0].counts["undrawn"] == 1
    builds.clear()
    clean = build_checked_site(corpus, entities, lambda d, f: ([None] * len(d), [None] * len(f)))
    assert clean.problems == [] and clean.accounts[0].counts["diagrams"] == 2
    assert len(builds) == 1, "nothing broken: the pages are built once"


def test_a_checker_that_fails_warns_and_leaves_everything_to_the_browser(tmp_path, caplog):
    from kb.render_check import Checker, check

    broken_node = tmp_path / "node"
    broken_node.write_text("#!/bin/sh\necho 'node exploded' >&2\nexit 3\n")
    broken_node.chmod(0o755)
    diagrams, formulas = check(Checker(str(broken_node), tmp_path), ["flowchart LR\n    Q --> R"], [("y^3", True)])
    assert diagrams == [None] and formulas == [None]
    assert "could not be checked" in caplog.text and "node exploded" in caplog.text

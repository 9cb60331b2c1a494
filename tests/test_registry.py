"""Generated pages are registered: a new page is one module declaring a Maker, and one line in the registry."""
from __future__ import annotations

from types import SimpleNamespace

from kb import registry
from kb.home import home_page
from kb.maker import Maker, grouped, listed
from kb.navigation import site_nav
from test_topics import small_site


def test_every_registered_maker_ran_and_the_navigation_follows_the_registry():
    site, _ = small_site()
    assert set(site.made) == {m.name for m in registry.MAKERS}
    nav = site_nav(site)
    titles = [next(iter(entry)) for entry in nav]
    assert titles[0] == "Home" and titles[1] == "Topics" and titles[-1] == "Sources"
    assert "Build report" not in titles  # made and linked from Home and Sources, kept out of the tabs
    assert {p.src_uri for p in site.pages} >= {uri for paths in site.made.values() for uri in paths}


def test_a_new_page_is_one_maker_and_one_line(monkeypatch):
    """Register a maker: the build makes its page, the navigation lists it, the home page links it."""
    timeline = Maker("timeline", lambda b: [("timeline.md", f"# Timeline\n\n{len(b.with_facts)} topics.\n")],
                     nav=listed("Timeline"), home=("timeline.md", "[Timeline]({}): when each service changed."))
    monkeypatch.setattr(registry, "MAKERS", [*registry.MAKERS, timeline])
    import kb.home
    import kb.navigation
    import kb.site

    monkeypatch.setattr(kb.site, "MAKERS", registry.MAKERS)
    monkeypatch.setattr(kb.navigation, "MAKERS", registry.MAKERS)
    monkeypatch.setattr(kb.home, "MAKERS", registry.MAKERS)
    site, _ = small_site()
    page = next(p for p in site.pages if p.src_uri == "timeline.md")
    assert page.markdown.startswith("# Timeline")
    assert {"Timeline": "timeline.md"} in site_nav(site)
    home = next(p for p in site.pages if p.src_uri == "index.md").markdown
    assert "[Timeline](timeline.md): when each service changed." in home


def test_navigation_helpers_list_the_first_page_or_the_group():
    assert listed("Practice")(["practice.md", "practice/exam.md"]) == [{"Practice": "practice.md"}]
    assert grouped("Cheatsheets")(["a.md", "b.md"]) == [{"Cheatsheets": ["a.md", "b.md"]}]
    assert listed("Nothing")([]) == [] and grouped("Nothing")([]) == []
    assert site_nav(SimpleNamespace(made={})) == [{"Home": "index.md"}]


def test_the_home_page_links_a_registered_page_only_when_it_was_made():
    from kb.home import Figures

    figures = Figures(notes=1, topics=1, facts=1, cards=0)
    assert "(glossary.md)" in home_page(figures, {}, {"glossary.md"})
    assert "glossary.md" not in home_page(figures, {}, set())


def test_makers_have_unique_names():
    assert all(isinstance(m, Maker) for m in registry.MAKERS)
    assert len({m.name for m in registry.MAKERS}) == len(registry.MAKERS)

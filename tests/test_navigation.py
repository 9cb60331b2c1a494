"""Moving around: a topic page's section, its previous and next topics, and the tabs."""
from __future__ import annotations

from types import SimpleNamespace

from kb.catalog import Entity
from kb.navigation import section_places, site_nav


def entity(name: str, section: str = "services") -> Entity:
    return Entity(name=name, slug=name.lower().replace(" ", "-"), section=section, aliases=(), summary="x", related=())


def test_topics_of_a_section_in_name_order_with_previous_and_next():
    entities = (entity("Kinesis"), entity("Athena"), entity("Glue"), entity("XGBoost", "algorithms"),
                entity("Redshift"))
    topics = {e.slug: f"{e.section}/{e.slug}.md" for e in entities if e.slug != "redshift"}  # no page: not listed
    places = section_places(entities, topics)
    glue = places["services/glue.md"]
    assert [name for name, _ in glue.members] == ["Athena", "Glue", "Kinesis"]
    assert (glue.previous, glue.next) == ("services/athena.md", "services/kinesis.md")
    assert places["services/athena.md"].previous is None and places["services/kinesis.md"].next is None
    assert places["algorithms/xgboost.md"].members == (("XGBoost", "algorithms/xgboost.md"),)
    assert glue.title == "AWS services" and glue.index == "services/index.md"
    assert "services/redshift.md" not in places


def test_the_build_report_is_not_a_tab():
    nav = site_nav(SimpleNamespace(made={"report": ["report.md"], "sources": ["sources/index.md", "sources/a.md"]}))
    assert "report.md" not in str(nav) and "sources/index.md" in str(nav)

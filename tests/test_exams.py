"""Exam blueprints as data, topics and cards tagged by domain, the blueprint page, status badges."""
from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace

import pytest
import yaml
from conftest import ROOT, seeds_dir
from kb.blueprint_page import ExamView, blueprint_page, exam_line
from kb.cards import Card, cards_json
from kb.catalog import Entity, load_catalog
from kb.domains import Cover, card_domains, card_tasks, coverage, entity_tags, topic_tags
from kb.exams import EXAMS_PATH, ExamsError, check_rule_slugs, exams_json, load_exams, parse_blueprints
from kb.home import Figures, home_page
from kb.notes import read_corpus
from kb.site import build_site
from kb.status import entity_status, read_status, status_badge

HOSTILE = "<img src=x onerror=alert(1)>"


def entity(slug: str, section: str = "services", status: str | None = None) -> Entity:
    return Entity(slug.replace("-", " ").title(), slug, section, (), "One line.", (), status)


def raw() -> dict:
    """The bundled exams file as data, to break one key at a time."""
    return yaml.safe_load(EXAMS_PATH.read_text(encoding="utf-8"))


# -- the bundled blueprints ---------------------------------------------------------------------

def test_bundled_blueprints_hold_both_exams_the_current_one_first():
    bp = load_exams()
    assert [e.code for e in bp.exams] == ["MLA-C01", "MLS-C01"] and bp.default == "MLA-C01"
    mla, mls = bp.exams
    assert [(d.name, d.weight) for d in mla.domains] == [
        ("Data Preparation for Machine Learning", 28), ("ML Model Development", 26),
        ("Deployment and Orchestration of ML Workflows", 22), ("ML Solution Monitoring, Maintenance, and Security", 24)]
    assert [(d.name, d.weight) for d in mls.domains] == [
        ("Data Engineering", 20), ("Exploratory Data Analysis", 24), ("Modeling", 36),
        ("Machine Learning Implementation and Operations", 20)]
    assert mls.status == "retired" and mls.retired == dt.date(2026, 3, 31)
    assert (mla.scored, mla.unscored, mla.minutes, mla.passing) == (50, 15, 130, 720)
    assert (mls.questions, mls.minutes, mls.passing) == (65, 180, 750)
    assert [len(d.tasks) for d in mla.domains] == [3, 3, 3, 3]
    assert [len(d.tasks) for d in mls.domains] == [3, 3, 5, 4]
    assert {r.code for r in bp.see_also} == {"AIF-C01", "AIP-C01"}


def test_every_rule_slug_is_in_the_bundled_catalog():
    check_rule_slugs(load_exams(), {e.slug for e in load_catalog()})


def test_exams_json_has_the_shape_the_practice_view_reads():
    data = json.loads(exams_json(load_exams(), {"MLA-C01": {"1": {"topics": 2, "facts": 3, "cards": 4,
                                                                    "questions": 1}}}))
    assert data["default"] == "MLA-C01" and data["exams"][0]["code"] == "MLA-C01"
    mla, mls = data["exams"]
    for key in ("code", "name", "status", "questions", "minutes", "passing", "question_types", "domains"):
        assert key in mla and key in mls, key
    assert mls["retired"] == "2026-03-31" and "retired" not in mla
    first = mla["domains"][0]
    assert (first["id"], first["weight"]) == ("1", 28)
    assert first["tasks"][0] == {"id": "1.1", "text": "Ingest and store data"}
    assert first["coverage"] == {"topics": 2, "facts": 3, "cards": 4, "questions": 1}
    assert mla["questions"] == 65
    tagged = json.loads(exams_json(load_exams(), None, {"amazon-s3": {"MLA-C01": "1.1", "MLS-C01": "1.1"}}))
    assert tagged["topics"] == {"amazon-s3": {"MLA-C01": "1.1", "MLS-C01": "1.1"}}


# -- validation: errors name the bad key ----------------------------------------------------------

def broken(change) -> str:
    data = raw()
    change(data)
    with pytest.raises(ExamsError) as err:
        parse_blueprints(data)
    return str(err.value)


@pytest.mark.parametrize(("change", "named"), [
    (lambda d: d["exams"][0].update(minute=130), "exams[0] (MLA-C01): unknown key(s) minute"),
    (lambda d: d["exams"][1].pop("retired"), "exams[1] (MLS-C01): retired"),
    (lambda d: d["exams"][0]["domains"][0].update(weight=30), "add up to 102, not 100"),
    (lambda d: d["exams"][0]["domains"][1]["tasks"][0].update(id="1.1"), "domains[1]: tasks[0]: id '1.1' must be 2.N"),
    (lambda d: d["exams"][0].update(status="active"), "status 'active' is not one of"),
    (lambda d: d.update(default="MLA-C02"), "default 'MLA-C02' is not one of the exams"),
    (lambda d: d["tagging"][0].update({"MLA-C01": "9.9"}), "tagging[0]: MLA-C01: '9.9' is not a domain or task id"),
    (lambda d: d["tagging"][0].update(DEA="1"), "tagging[0]: unknown key(s) DEA"),
    (lambda d: d["tagging"][0].update(section="services"), "tagging[0]: needs exactly one of slugs, words, section"),
    (lambda d: d.update(exam=[]), "unknown key(s) exam"),
])
def test_a_broken_exams_file_is_refused_naming_the_key(change, named):
    assert named in broken(change)


def test_an_unquoted_comma_in_a_flow_mapping_is_named_not_swallowed():
    text = EXAMS_PATH.read_text(encoding="utf-8").replace(
        '{id: "1.1", text: Ingest and store data}', '{id: "1.1", text: Ingest, store data}')
    with pytest.raises(ExamsError, match=r"tasks\[0\]: unknown key\(s\) store data"):
        parse_blueprints(yaml.safe_load(text))


def test_a_rule_naming_a_slug_missing_from_the_catalog_is_refused():
    with pytest.raises(ExamsError, match=r"tagging\[0\]: slug\(s\) amazon-s3 not in the catalog"):
        check_rule_slugs(load_exams(), {e.slug for e in load_catalog()} - {"amazon-s3"})


# -- tagging ------------------------------------------------------------------------------------

def test_a_topic_takes_the_first_matching_rule_per_exam():
    bp = load_exams()
    assert entity_tags(entity("kinesis-data-streams"), bp.rules) == {"MLA-C01": "1.1", "MLS-C01": "1.2"}
    assert entity_tags(entity("sagemaker-model-monitor"), bp.rules) == {"MLA-C01": "4.1", "MLS-C01": "4.4"}
    assert entity_tags(entity("sagemaker-clarify"), bp.rules) == {"MLA-C01": "2.3", "MLS-C01": "3.5"}
    # a topic added later is tagged by the words of its slug, a security one by its section first
    assert entity_tags(entity("glue-data-quality"), bp.rules) == {"MLA-C01": "1.2", "MLS-C01": "1.3"}
    assert entity_tags(entity("s3-access-points", "security"), bp.rules) == {"MLA-C01": "4.3", "MLS-C01": "4.3"}
    assert entity_tags(entity("ip-insights", "algorithms"), bp.rules) == {"MLA-C01": "2.1", "MLS-C01": "3.2"}
    # and when nothing else fits, by its section, with a domain rather than a task
    assert entity_tags(entity("amazon-route-53"), bp.rules) == {"MLA-C01": "3", "MLS-C01": "4"}


def test_cards_carry_domain_and_task_per_exam():
    tags = {"kinesis-data-streams": {"MLA-C01": "1.1", "MLS-C01": "1.2"}, "amazon-route-53": {"MLA-C01": "3"}}
    assert card_domains("kinesis-data-streams", tags) == {"MLA-C01": "1", "MLS-C01": "1"}
    assert card_tasks("amazon-route-53", tags) == {} and card_domains("amazon-route-53", tags) == {"MLA-C01": "3"}
    assert card_domains("", tags) == {}


def card(topic: str, kind: str = "question", generated: bool = False, front: str = "Q?") -> Card:
    return Card(front[:12].ljust(12, "x"), front, "A.", kind, topic, "services", "n.md:1", generated=generated)


def test_cards_json_gives_each_card_its_domain_task_and_topic_status():
    entities = (entity("kinesis-data-streams"), entity("amazon-fraud-detector",
                                                        status="closed to new customers since 7 November 2025"))
    tags = topic_tags(entities, load_exams())
    rows = json.loads(cards_json([card("kinesis-data-streams"), card("amazon-fraud-detector", front="F?"),
                                  card("", front="Z?")], entities, None, tags))["cards"]
    assert rows[0]["domain"] == {"MLA-C01": "1", "MLS-C01": "1"} and rows[0]["task"] == {"MLA-C01": "1.1",
                                                                                          "MLS-C01": "1.2"}
    assert "status" not in rows[0]
    assert rows[1]["status"] == {"kind": "closed", "label": "Closed to new customers", "date": "7 November 2025",
                                 "text": "closed to new customers since 7 November 2025"}
    assert "domain" not in rows[2]


def test_coverage_counts_topics_facts_cards_and_questions_per_task_and_domain():
    bp = load_exams()
    entities = (entity("kinesis-data-streams"), entity("amazon-route-53"))
    tags = topic_tags(entities, bp)
    facts = [SimpleNamespace(topics=["kinesis-data-streams", "amazon-route-53"]), SimpleNamespace(topics=[])]
    cards = [card("kinesis-data-streams"), card("kinesis-data-streams", "choice", front="Which?"),
             card("kinesis-data-streams", "choice", generated=True, front="Gen?")]
    cover = coverage(bp, tags, SimpleNamespace(facts=facts), cards, ["kinesis-data-streams", "amazon-route-53"])
    mla = cover["MLA-C01"]
    assert mla["1.1"].counts() == {"topics": 1, "facts": 1, "cards": 3, "questions": 1}
    assert mla["1"].counts() == mla["1.1"].counts()  # a task counts towards its domain
    assert mla["3"].topics == ["amazon-route-53"] and mla["3.1"].topics == []
    assert mla["2.1"].counts() == {"topics": 0, "facts": 0, "cards": 0, "questions": 0}


# -- pages ---------------------------------------------------------------------------------------

def view(cover_by_id: dict[str, Cover]) -> ExamView:
    bp = load_exams()
    cover = {e.code: {i: Cover() for i in e.ids()} for e in bp.exams}
    cover["MLA-C01"].update(cover_by_id)
    return ExamView(bp, {"kinesis-data-streams": {"MLA-C01": "1.1", "MLS-C01": "1.2"}}, cover)


def test_blueprint_page_lists_each_exam_domain_and_task_and_says_the_gaps():
    kds = entity("kinesis-data-streams")
    text = blueprint_page(view({"1.1": Cover(["kinesis-data-streams"], 5, 4, 0)}), {kds.slug: kds})
    assert text.index("## MLA-C01") < text.index("## MLS-C01")
    assert "### Domain 1: Data Preparation for Machine Learning (28%)" in text
    assert "### Domain 3: Modeling (36%)" in text and "Retired on 31 March 2026" in text
    assert "| 1.1 Ingest and store data | 1 | 5 | 4 | 0 | **Gap:** no practice questions |" in text
    assert "| 2.1 Choose a modeling approach | 0 | 0 | 0 | 0 | **Gap:** no topic, no cards, no practice questions |" \
        in text
    assert "**1.1 Ingest and store data:** [Kinesis Data Streams](services/kinesis-data-streams.md)" in text
    assert "Of its 12 tasks, **1** have a topic page and **0** have practice questions." in text


def test_topic_pages_end_with_the_tasks_they_serve():
    line = exam_line(entity("kinesis-data-streams"), view({}))
    assert "**MLA-C01** task 1.1, Ingest and store data" in line
    assert "**MLS-C01** task 1.2, Identify and implement a data ingestion solution" in line
    assert "(../blueprint.md)" in line
    assert exam_line(entity("nothing-known"), view({})) == ""


def test_home_page_opens_with_the_exam_status_and_links_the_official_pages():
    figures = Figures(notes=1, topics=1, facts=1, cards=1)
    text = home_page(figures, {}, {"blueprint.md"}, load_exams())
    status = text[text.index("# AWS ML"):text.index("This build holds")]
    assert '!!! warning "MLS-C01 was retired on 31 March 2026"' in status
    assert "stays valid for three years" in status
    for url in ("certified-machine-learning-specialty/", "certified-machine-learning-engineer-associate/",
                "certified-ai-practitioner/", "certified-generative-ai-developer-professional/"):
        assert f"(https://aws.amazon.com/certification/{url})" in status, url
    assert "(blueprint.md)" in status
    assert "!!! warning" not in home_page(figures, {}, set())  # without exams, as before


# -- status badges -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "kind", "date"), [
    ("closed to new customers since 7 November 2025", "closed", "7 November 2025"),
    ("closed to new customers from July 2024 until AWS returned it to general availability in November 2025",
     "available", "November 2025"),
    ("closed to new customers in April 2023 and shut down in 2024", "discontinued", "2024"),
    ("renamed from Kinesis Data Analytics in August 2023; the SQL flavour was discontinued in January 2026",
     "renamed", "August 2023"),
    ("the X-Ray SDKs have been in maintenance mode since 25 February 2026", "legacy", "25 February 2026"),
    ("formerly CloudWatch Events", "renamed", ""),
    ("a note with no known words", "note", ""),
])
def test_a_status_line_is_read_as_its_kind_and_date(text, kind, date):
    status = read_status(text)
    assert (status.kind, status.date) == (kind, date)


def test_status_badge_escapes_catalog_text_and_is_empty_without_a_status():
    badge = status_badge(entity("x", status=f"discontinued on 1 May 2026 {HOSTILE}"))
    assert 'class="kb-lifecycle kb-lifecycle--discontinued"' in badge and "1 May 2026" in badge
    assert "<img" not in badge and "&lt;img" in badge
    assert status_badge(entity("y")) == "" and read_status(None) is None


# -- the share of cards tagged, on the bundled notes and the seeds ---------------------------------

def tagged_share(folder) -> float:
    site = build_site(read_corpus(folder), load_catalog())
    cards = json.loads(site.data["data/cards.json"])["cards"]
    assert cards
    return sum("MLA-C01" in c.get("domain", {}) and "MLS-C01" in c.get("domain", {}) for c in cards) / len(cards)


@pytest.mark.build
def test_nine_cards_in_ten_carry_a_domain_of_both_exams_in_the_bundled_notes():
    assert tagged_share(ROOT / "docs" / "notes") >= 0.9


@pytest.mark.build
def test_nine_cards_in_ten_carry_a_domain_of_both_exams_in_the_seeds():
    assert tagged_share(seeds_dir()) >= 0.9


def test_a_dated_status_record_gives_the_badge_its_state_and_date():
    dated = SimpleNamespace(status="end of support reached", status_state="end-of-support", status_date="2025-12-15")
    assert entity_status(dated).as_dict() == {"kind": "discontinued", "label": "End of support",
                                               "date": "15 December 2025", "text": "end of support reached"}
    month = SimpleNamespace(status="closed since July 2024", status_state="closed", status_date="2024-07")
    assert (entity_status(month).label, entity_status(month).date) == ("Closed to new customers", "July 2024")
    assert 'kb-lifecycle--legacy' in status_badge(SimpleNamespace(status="SDKs in maintenance",
                                                               status_state="maintenance", status_date="2026-02"))

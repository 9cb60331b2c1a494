"""The entity catalog (hooks/kb/catalog.yaml): well-formed, unambiguous, linked, and covering the notes."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, seeds_dir
from kb.catalog import CATALOG_PATH, SECTIONS, Entity, load_catalog, term_index

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A product mention in running text: a vendor prefix and capitalised words, joined by "for" as in
# "Amazon Managed Service for Apache Flink" or by "and" only in "Identity and Access Management".
MENTION = re.compile(r"\b(?:Amazon|AWS|SageMaker|Sagemaker)(?:[ -](?:(?:for|and(?= Access)) )?[A-Z0-9][\w-]*)+")
# "SageMaker AI and Amazon Bedrock" is two mentions, not one.
NEXT_MENTION = re.compile(r" and (?=(?:Amazon|AWS|SageMaker)\b)")
VENDOR = ("amazon", "aws", "sagemaker")
PLATFORM = {"amazon", "aws", "sagemaker", "amazon sagemaker", "sagemaker ai", "amazon sagemaker ai"}
# Mentions that name no AWS service, feature or control: exam titles, headings cut by a line
# break, generic phrases ("AWS API", "SageMaker Security"), consumer products and seed typos.
NOT_ENTITIES = {
    "aws ai", "aws api", "aws certification", "aws certified machine learning",
    "aws certified machine learning engineer", "aws certified machine learning specialty",
    "aws hpc", "aws mobile sdk", "aws support api", "amazon alexa", "sagemaker https", "sagemaker iam",
    "sagemaker inference options", "sagemaker pipe", "sagemaker together",
    "aws custom collective library for ec2", "aws integration", "aws kms-managed", "aws lake",
    "aws ml speciality notes", "aws machine learning specialty", "aws machine learning specialty cheatsheet",
    "aws managed ai services", "aws services", "aws-sse", "amazon augemented ai", "amazon elastic kubernates service",
    "amazon managed", "amazon s3-managed", "sagemaker automatic", "sagemaker feature", "sagemaker ml",
    "sagemaker mmp", "sagemaker modes", "sagemaker platform", "sagemaker security", "sagemaker resources",
    "sagemaker training techniques",
}


@pytest.fixture(scope="module")
def catalog() -> tuple[Entity, ...]:
    return load_catalog()


def write_catalog(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "catalog.yaml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """\
- name: Amazon Kinesis Data Streams
  slug: kinesis-data-streams
  section: services
  aliases: [KDS]
  summary: Shards of records.
  related:
    - {slug: amazon-data-firehose, how: delivers to}
- name: Amazon Data Firehose
  slug: amazon-data-firehose
  section: services
  aliases: [Kinesis Data Firehose, KDF]
  summary: Delivery streams.
  related: []
  status: renamed in 2024
"""


# ------------------------------------------------------------------ the bundled catalog


def test_catalog_loads_from_beside_the_module(catalog):
    assert CATALOG_PATH == ROOT / "hooks" / "kb" / "catalog.yaml"
    assert len(catalog) >= 200
    assert all(isinstance(entity, Entity) for entity in catalog)
    assert {entity.section for entity in catalog} == set(SECTIONS)


def test_every_entry_has_the_required_fields(catalog):
    for entity in catalog:
        assert entity.name.strip() and entity.summary.strip(), entity
        assert entity.section in SECTIONS, entity.name
        assert SLUG.match(entity.slug), entity.slug
        assert isinstance(entity.aliases, tuple) and all(a.strip() for a in entity.aliases), entity.name
        assert "\n" not in entity.summary and len(entity.summary) <= 240, entity.name
        assert entity.status is None or entity.status.strip(), entity.name


def test_slugs_are_unique(catalog):
    slugs = [entity.slug for entity in catalog]
    assert len(slugs) == len(set(slugs))


def test_no_name_or_alias_is_shared_across_entries(catalog):
    owner: dict[str, str] = {}
    for entity in catalog:
        for term in entity.terms:
            key = term.casefold()
            assert owner.get(key, entity.slug) == entity.slug, (term, owner[key], entity.slug)
            owner[key] = entity.slug


def test_related_slugs_exist_and_are_never_the_entry_itself(catalog):
    slugs = {entity.slug for entity in catalog}
    for entity in catalog:
        assert 2 <= len(entity.related) <= 6, f"{entity.name} has {len(entity.related)} related entries"
        for other, how in entity.related:
            assert other in slugs, (entity.slug, other)
            assert other != entity.slug, entity.slug
            assert how.strip(), (entity.slug, other)


def test_brief_examples_resolve_to_the_right_entries(catalog):
    index = term_index(catalog)
    expected = {
        "KDS": "kinesis-data-streams",
        "KDF": "amazon-data-firehose",
        "Kinesis Data Firehose": "amazon-data-firehose",
        "Amazon Data Firehose": "amazon-data-firehose",
        "RCF": "random-cut-forest",
        "AMT": "automatic-model-tuning",
        "EI": "amazon-elastic-inference",
        "PCA": "pca",
        "CloudWatch Events": "amazon-eventbridge",
        "Kinesis Data Analytics": "managed-service-for-apache-flink",
        "QuickSight": "amazon-quick-sight",
        "CMK": "kms-keys",
    }
    for term, slug in expected.items():
        assert index[term.casefold()].slug == slug, term


def test_renamed_and_retired_services_say_so(catalog):
    by_slug = {entity.slug: entity for entity in catalog}
    for slug in ("amazon-sagemaker-ai", "amazon-data-firehose", "managed-service-for-apache-flink",
                 "amazon-elastic-inference", "aws-data-pipeline", "amazon-forecast", "amazon-quick-sight"):
        assert by_slug[slug].status, slug
    assert by_slug["pca"].section == "algorithms"
    assert by_slug["dimensionality-reduction"].section == "concepts"


# ------------------------------------------------------------------ coverage of the notes


def mentions(text: str) -> set[str]:
    """Product-like phrases in a text, e.g. 'Amazon S3 Express One Zone' or 'SageMaker Model Monitor'."""
    found = set()
    for match in MENTION.finditer(text):
        found.update(part for part in NEXT_MENTION.split(match.group()) if part)
    return found


def covered(phrase: str, index: dict[str, Entity]) -> bool:
    """Whether a mention starts with a catalog term more specific than the bare platform name."""
    words = phrase.casefold().split()
    if " ".join(words) in index:
        return True
    starts = [words[1:]] if words[0] in VENDOR else []
    for candidate in [words, *starts]:
        for n in range(len(candidate), 0, -1):
            head = " ".join(candidate[:n])
            if head in index and head not in PLATFORM:
                return True
    return False


def uncovered(folder: Path, index: dict[str, Entity]) -> set[str]:
    missing = set()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            for phrase in mentions(path.read_text(encoding="utf-8", errors="replace")):
                if not covered(phrase, index) and phrase.casefold() not in NOT_ENTITIES:
                    missing.add(f"{path.name}: {phrase}")
    return missing


def test_mention_matcher():
    terms = ("amazon sagemaker", "sagemaker model monitor", "amazon s3", "amazon managed service for apache flink")
    index = {term: None for term in terms}
    assert mentions("Use SageMaker AI and Amazon Bedrock together.") == {"SageMaker AI", "Amazon Bedrock"}
    assert "Amazon Managed Service for Apache Flink" in mentions("now Amazon Managed Service for Apache Flink (2023)")
    assert covered("Amazon S3 Express One Zone", index)
    assert covered("Amazon SageMaker Model Monitor", index)
    assert covered("Amazon SageMaker", index)
    assert not covered("SageMaker Widget Factory", index)


def test_every_service_mentioned_in_the_bundled_notes_has_an_entry(catalog):
    assert uncovered(ROOT / "docs" / "notes", term_index(catalog)) == set()


def test_every_service_mentioned_in_the_seed_notes_has_an_entry(catalog):
    assert uncovered(seeds_dir(), term_index(catalog)) == set()


# ------------------------------------------------------------------ the loader refuses bad data


def test_loader_reads_a_small_catalog(tmp_path):
    first, second = load_catalog(write_catalog(tmp_path, GOOD))
    assert first == Entity(
        name="Amazon Kinesis Data Streams", slug="kinesis-data-streams", section="services", aliases=("KDS",),
        summary="Shards of records.", related=(("amazon-data-firehose", "delivers to"),), status=None,
    )
    assert second.status == "renamed in 2024"
    assert second.terms == ("Amazon Data Firehose", "Kinesis Data Firehose", "KDF")
    assert term_index((first, second))["kdf"] is second


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  summary: Shards of records.\n", "", r"\(Amazon Kinesis Data Streams\): missing summary"),
        ("section: services\n  aliases: [KDS]", "section: storage\n  aliases: [KDS]", r"Streams\).*section 'storage'"),
        ("slug: kinesis-data-streams", "slug: Kinesis_Streams", r"Streams\).*slug 'Kinesis_Streams'"),
        ("slug: amazon-data-firehose\n", "slug: kinesis-data-streams\n",
         r"Firehose.*slug 'kinesis-data-streams' already"),
        ("[Kinesis Data Firehose, KDF]", "[Kinesis Data Firehose, kds]",
         r"Firehose.*'kds' is also .*kinesis-data-streams"),
        ("aliases: [KDS]", "aliases: [KDS, kds]", r"Streams\).*alias 'kds' repeats"),
        ("{slug: amazon-data-firehose, how: delivers to}", "{slug: firehose, how: delivers to}",
         r"Streams.*related slug 'firehose' is not in the catalog"),
        ("{slug: amazon-data-firehose, how: delivers to}", "{slug: kinesis-data-streams, how: is}",
         r"Streams\).*relates to itself"),
        ("{slug: amazon-data-firehose, how: delivers to}", "{slug: amazon-data-firehose}", r"Streams\).*slug and how"),
        ("  status: renamed in 2024\n", "  status: renamed in 2024\n  owner: me\n",
         r"Firehose\).*unknown field.*owner"),
        ("summary: Delivery streams.", "summary: ''", r"Firehose\).*summary must be a non-empty string"),
        ("summary: Delivery streams.", 'summary: "Delivery\\nstreams."', r"Firehose\).*summary must be a single line"),
        ("aliases: [KDS]", "aliases: KDS", r"Streams\).*aliases must be a list"),
        ("aliases: [KDS]", "aliases: [KDS, 7]", r"Streams\).*every alias must be a non-empty string"),
        ("aliases: [KDS]", "aliases: [KDS]\n  headings: Streams", r"Streams\).*headings must be a list"),
        ("aliases: [KDS]", "aliases: [KDS]\n  outdated: [{claim: '(', date: 2020-11, note: n}]",
         r"Streams\).*outdated '\(' is not a regular expression"),
        ("aliases: [KDS]", "aliases: [KDS]\n  outdated: [{claim: x, note: n}]",
         r"Streams\).*needs claim, date and note"),
        ("aliases: [KDS]", "aliases: [KDS]\n  outdated: [{claim: x, date: 2020, note: n}]",
         r"Streams\).*outdated date '2020' is not"),
        ("aliases: [KDS]", "aliases: [KDS]\n  mistaken: [{claim: x, date: 2020-11, note: n}]",
         r"Streams\).*a mistaken record needs claim and note"),
        ("aliases: [KDS]", "aliases: [KDS]\n  mistaken: [{claim: x, note: n, current: '['}]",
         r"Streams\).*mistaken '\[' is not a regular expression"),
        ("  related: []\n", "  related: amazon-data-firehose\n", r"Firehose\).*related must be a list"),
        ("    - {slug: amazon-data-firehose, how: delivers to}\n",
         "    - {slug: amazon-data-firehose, how: delivers to}\n    - {slug: amazon-data-firehose, how: feeds}\n",
         r"Streams\).*relates to 'amazon-data-firehose' twice"),
    ],
)
def test_loader_names_the_bad_entry(tmp_path, old, new, message):
    assert old in GOOD
    with pytest.raises(ValueError, match=message):
        load_catalog(write_catalog(tmp_path, GOOD.replace(old, new, 1)))


def test_a_heading_name_is_read_beside_the_aliases(tmp_path):
    text = GOOD.replace("aliases: [KDS]", "aliases: [KDS]\n  headings: [Streams]")
    first, _ = load_catalog(write_catalog(tmp_path, text))
    assert first.headings == ("Streams",) and first.terms == ("Amazon Kinesis Data Streams", "KDS")


def test_an_outdated_claim_record_is_read_with_what_holds_now(tmp_path):
    record = "outdated: [{claim: 'up to 7 days', date: 2020-11, note: up to 365 days, current: '365'}]"
    first, _ = load_catalog(write_catalog(tmp_path, GOOD.replace("aliases: [KDS]", "aliases: [KDS]\n  " + record)))
    assert first.outdated == (("up to 7 days", "2020-11", "up to 365 days", "365"),)


def test_a_mistaken_claim_record_is_read_with_what_the_documentation_says(tmp_path):
    record = "mistaken: [{claim: 'up to 2 MB', note: records are up to 1 MB, current: '1 MB'}]"
    first, _ = load_catalog(write_catalog(tmp_path, GOOD.replace("aliases: [KDS]", "aliases: [KDS]\n  " + record)))
    assert first.mistaken == (("up to 2 MB", "records are up to 1 MB", "1 MB"),) and first.outdated == ()


def test_every_mistaken_claim_in_the_catalog_says_what_holds_without_being_marked_itself(catalog):
    records = [(e, r) for e in catalog for r in e.mistaken]
    assert len(records) >= 4
    for entity, (claim, note, _) in records:
        assert note and not re.search(claim, note, re.IGNORECASE), f"{entity.name}: the note itself would be marked"


def test_every_outdated_claim_in_the_catalog_is_dated_and_matches_what_it_describes(catalog):
    records = [(e, r) for e in catalog for r in e.outdated]
    assert len(records) >= 4
    for entity, (claim, date, note, current) in records:
        assert re.match(r"\d{4}-\d{2}", date) and note and current, entity.name
        assert not re.search(claim, note, re.IGNORECASE), f"{entity.name}: the note itself would be marked"
        assert re.search(current, note, re.IGNORECASE), f"{entity.name}: what holds now is not what 'current' finds"


def test_loader_refuses_a_catalog_that_is_not_a_list(tmp_path):
    with pytest.raises(ValueError, match="must be a YAML list"):
        load_catalog(write_catalog(tmp_path, "name: Amazon S3\n"))
    with pytest.raises(ValueError, match="catalog entry 3: expected a mapping"):
        load_catalog(write_catalog(tmp_path, GOOD + "- just a string\n"))


# ------------------------------------------------------------------ dated status records

RECORD = GOOD.replace("  status: renamed in 2024\n",
                      "  status: {state: renamed, date: 2024-02-09, note: renamed from Kinesis Data Firehose}\n")


def test_a_status_record_gives_its_sentence_state_and_iso_date(tmp_path):
    _, firehose = load_catalog(write_catalog(tmp_path, RECORD))
    assert (firehose.status, firehose.status_state, firehose.status_date) == (
        "renamed from Kinesis Data Firehose", "renamed", "2024-02-09")


def test_a_plain_status_sentence_has_no_state_or_date(tmp_path):
    _, firehose = load_catalog(write_catalog(tmp_path, GOOD))
    assert (firehose.status, firehose.status_state, firehose.status_date) == ("renamed in 2024", None, None)


def test_a_status_record_may_give_only_the_month(tmp_path):
    _, firehose = load_catalog(write_catalog(tmp_path, RECORD.replace("date: 2024-02-09", "date: 2024-02")))
    assert firehose.status_date == "2024-02"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("state: renamed", "state: gone", r"Firehose\).*status state 'gone' is not one of"),
        ("date: 2024-02-09", "date: 2024", r"Firehose\).*status date '2024' is not YYYY-MM-DD"),
        ("date: 2024-02-09", "date: 09/02/2024", r"Firehose\).*status date '09/02/2024'"),
        (", note: renamed from Kinesis Data Firehose", "", r"Firehose\).*needs exactly state, date and note"),
        ("note: renamed from Kinesis Data Firehose", "note: ''", r"Firehose\) status: note must be a non-empty"),
    ],
)
def test_loader_refuses_a_bad_status_record(tmp_path, old, new, message):
    assert old in RECORD
    with pytest.raises(ValueError, match=message):
        load_catalog(write_catalog(tmp_path, RECORD.replace(old, new, 1)))


def test_closed_and_discontinued_services_carry_dated_records(catalog):
    by_slug = {entity.slug: entity for entity in catalog}
    expected = {
        "amazon-fraud-detector": ("closed", "2025-11-07"),
        "sagemaker-edge-manager": ("discontinued", "2024-04-26"),
        "rekognition-people-pathing": ("discontinued", "2025-10-31"),
        "aws-codecommit": ("available", "2025-11"),
        "amazon-codeguru": ("closed", "2025-11-07"),
        "amazon-data-firehose": ("renamed", "2024-02"),
    }
    for slug, (state, date) in expected.items():
        assert (by_slug[slug].status_state, by_slug[slug].status_date) == (state, date), slug
    dated = [entity for entity in catalog if entity.status_state]
    assert all(entity.status and entity.status_date for entity in dated)

"""Tests of scripts/seed_coverage.py: term extraction, matching, the CLI, the real seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, load_script  # SEEDS honours KB_SEEDS, as every other seed test does

NOTES = ROOT / "docs" / "notes"
sc = load_script("seed_coverage")


def terms(text: str) -> set[str]:
    return sc.distinctive_terms(text)


# --- extraction -------------------------------------------------------------


def test_multiword_service_names_are_one_term():
    found = terms(
        "Clickstream records land in Amazon Kinesis Data Streams, and the model\n"
        "reads its training files from Amazon FSx for Lustre.\n"
        "Before that, we profile the columns with AWS Glue DataBrew.\n"
    )
    assert {
        "Amazon Kinesis Data Streams",
        "Amazon FSx for Lustre",
        "AWS Glue DataBrew",
    } <= found
    assert "Kinesis" not in found  # inside a longer term, so implied by it


def test_names_spelled_out_by_an_acronym_keep_their_connectors():
    found = terms("Roles come from AWS Identity and Access Management (IAM) here.")
    assert "AWS Identity and Access Management" in found
    assert "IAM" in found


def test_camelcase_and_api_identifiers():
    found = terms(
        "A producer calls PutRecord; the FindMatches transform removes doubles;\n"
        "inputs may be RecordIO and the job is started with CreateProcessingJob.\n"
    )
    assert {"PutRecord", "FindMatches", "RecordIO", "CreateProcessingJob"} <= found


def test_api_action_splits_from_the_service_before_it():
    found = terms("Permissions are granted through IAM AttachRolePolicy calls.")
    assert {"IAM", "AttachRolePolicy"} <= found
    assert "IAM AttachRolePolicy" not in found


def test_snake_case_parameters():
    found = terms("For anomaly detection we raise num_trees and lower mini_batch_size.")
    assert {"num_trees", "mini_batch_size"} <= found


def test_acronyms_in_the_singular():
    found = terms("Keys live in KMS, outliers go to RCF, and we mask PII across all AMIs.")
    assert {"KMS", "RCF", "PII", "AMI"} <= found
    assert "AMIs" not in found


def test_shouted_common_words_are_not_acronyms():
    found = terms("Pick the option with the LEAST effort; the least effort is best.")
    assert "LEAST" not in found


def test_numbers_with_units_are_normalised():
    found = terms(
        "A shard accepts 1MB/s of writes, records stay for 365 days, a volume\n"
        "grows to 16 TiB, a check runs every 60 seconds and 10% goes to canary.\n"
    )
    assert {"1 MB/s", "365 days", "16 TiB", "60 seconds", "10%"} <= found
    assert "1MB/s" not in found


def test_ports_money_and_clock_times():
    found = terms("Open port 8080 at 9 AM; each extra plan costs $0.02 a day.")
    assert {"port 8080", "9 AM", "$0.02"} <= found


def test_sentence_initial_common_words_are_dropped():
    found = terms(
        "Collect the metrics first. Store them in a bucket.\n"
        "Review them in March. The team reads this data. Data drifts.\n"
        "This is fine: Regularly retrain the model.\n"
    )
    assert not found & {"Collect", "Store", "Review", "March", "The", "This", "Data"}
    assert "Regularly" not in found


def test_capitalised_word_mid_sentence_is_a_name():
    # Names no vocabulary knows: capitalised mid-sentence, never in lower case.
    found = terms("Collect the metrics first. The bucket feeds Quillion and Vortexa.")
    assert {"Quillion", "Vortexa"} <= found
    assert not terms("Quillion helps. Vortexa helps too.")


def test_possessives_are_stripped():
    found = terms("We rely on SageMaker's built-in containers and Polly's lexicons.")
    assert {"SageMaker", "Polly"} <= found
    assert not {t for t in found if "'s" in t}


def test_whitespace_inside_a_term_is_collapsed():
    assert sc.normalise_term("Amazon \n  Rekognition") == "Amazon Rekognition"
    assert "Amazon Rekognition" in terms("Faces are matched by Amazon   Rekognition today.")


def test_headings_keep_names_but_not_their_common_words():
    found = terms(
        "Best Practices for Golden Images\n"
        "Key Features of Amazon Polly\n"
        "Polly turns text into speech.\n"
    )
    assert "Amazon Polly" in found
    assert not found & {"Best Practices", "Golden Images", "Key Features"}


def test_diagrams_keep_labels_and_maths_is_ignored():
    found = terms(
        "The weight is $w_{ij}$ and $$ \\mathrm{score}(t, d) = x_i $$ here.\n"
        "flowchart LR\n"
        '    H_prev["Amazon Bedrock"] --> C_cand_tanh["Guard step"]\n'
        "\n"
        "After the diagram comes prose.\n"
    )
    assert "Amazon Bedrock" in found
    assert not found & {"H_prev", "C_cand_tanh", "w_ij", "x_i"}


def test_code_gives_only_distinctive_identifiers():
    found = terms(
        "def score(batch):\n"
        "    running_total = 0\n"
        "    return running_total\n"
        "\n"
        "ENV SAGEMAKER_PROGRAM entry.py\n"
    )
    assert {"SAGEMAKER_PROGRAM", "entry.py"} <= found
    assert "running_total" not in found


def test_seed_shorthand_is_spelled_out():
    found = terms("Bias reports come from SG Clarify once training ends.")
    assert "SageMaker Clarify" in found


def test_acronym_definitions_are_found():
    definitions = sc.acronym_definitions(
        "Outliers are scored by Random Cut Forest (RCF) in streams.\n"
        "JDBC: Java Database Connectivity is a driver API.\n"
    )
    assert definitions == {
        "RCF": "Random Cut Forest",
        "JDBC": "Java Database Connectivity",
    }


# --- matching ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "corpus"),
    [
        ("SageMaker", "notebooks run on sagemaker"),  # case
        ("Multi-AZ", "a multi AZ deployment"),  # hyphen
        ("Kinesis Data Streams", "kinesis\n   data-streams"),  # blanks
        ("SageMakerEstimator", "a SageMaker Estimator object"),  # humps
        ("1 MB/s", "writes up to 1MB/s per shard"),  # unit spacing
        ("60 seconds", "every 60s"),  # unit spelling
        ("two-minute", "a 2 minute warning"),  # spelled-out number
        ("Spot Instances", "one spot instance"),  # plural to singular
        ("Spot Instance", "many spot instances"),  # singular to plural
        ("IAM Policy", "two IAM policies"),  # -y / -ies
        ("Databases", "one database"),  # -ses
        ("Batch", "in batches"),  # -ches
        ("Internet Gateway", "two internet gateways"),  # vowel + y
        ("Amazon SageMaker Clarify", "SageMaker Clarify explains it"),  # brand
        ("10%", "ten routes: 10 percent"),  # percent sign
    ],
)
def test_mentioned_ignores_spelling_variants(term, corpus):
    assert sc.mentioned(term, corpus)


@pytest.mark.parametrize(
    ("term", "corpus"),
    [
        ("port 80", "listen on port 8080"),  # number inside a longer number
        ("RCF", "the RCFX model"),  # acronym inside a longer word
        ("1 MB", "throughput of 1 MB/s"),  # size is not a rate
        ("SageMaker", "the SageMakerEstimator class"),  # inside a longer name
        ("Kinesis Data Streams", "Kinesis Data Firehose"),  # other product
    ],
)
def test_mentioned_needs_the_whole_term(term, corpus):
    assert not sc.mentioned(term, corpus)


def test_an_acronym_and_its_expansion_stand_for_each_other():
    seed = "Anomalies are scored by Random Cut Forest (RCF) on the stream."
    assert sc.missing_from(seed, "RCF ranks points by their anomaly score") == []
    assert sc.missing_from(seed, "random cut forest ranks points") == []
    assert sc.missing_from(seed, "isolation forest ranks points") == [
        "Random Cut Forest",
        "RCF",
    ]


# --- files ------------------------------------------------------------------


def test_missing_terms_reads_every_file_under_the_notes(tmp_path: Path):
    seed = tmp_path / "seed.txt"
    seed.write_text(
        "Models are served from Amazon SageMaker with Elastic Inference,\n"
        "scheduled by AWS Step Functions and stored in Amazon DynamoDB.\n"
    )
    notes = tmp_path / "notes"
    (notes / "a" / "b").mkdir(parents=True)
    (notes / "a" / "serving.md").write_text("# Serving\nSageMaker endpoints.\n")
    (notes / "a" / "b" / "deck.csv").write_text("front,back\nEI,elastic inference\n")
    (notes / "cards.tsv").write_text("q\tStep Functions\n")
    (notes / "broken.txt").write_bytes(b"\xff\xfe bad bytes then DynamoDB\n")
    assert sc.missing_terms(seed, notes) == []
    (notes / "broken.txt").write_bytes(b"\xff\xfe nothing useful\n")
    assert sc.missing_terms(seed, notes) == ["Amazon DynamoDB"]


def test_omissions_file_is_plain_yaml_with_a_reason_per_term():
    yaml = pytest.importorskip("yaml")
    loaded = sc.load_omissions()
    assert loaded, "the omissions file should list the seeds' typos and chrome"
    assert loaded == yaml.safe_load(sc.OMISSIONS_PATH.read_text(encoding="utf-8"))
    assert all(isinstance(r, str) and r.strip() for r in loaded.values())
    assert sc.ACCEPTED_OMISSIONS == loaded


def test_load_omissions_reads_quotes_and_comments(tmp_path: Path):
    path = tmp_path / "omissions.yaml"
    path.write_text(
        "# header comment\n"
        "Sagemarker: typo for SageMaker  # trailing comment\n"
        "\"iam:PassRole\": 'kept, with a colon'\n"
        "'10%': \"quoted # not a comment\"\n"
    )
    assert sc.load_omissions(path) == {
        "Sagemarker": "typo for SageMaker",
        "iam:PassRole": "kept, with a colon",
        "10%": "quoted # not a comment",
    }
    path.write_text("Sagemarker:\n")
    with pytest.raises(ValueError, match="term: reason"):
        sc.load_omissions(path)
    path.write_text("Sagemarker: typo\nSagemarker: again\n")
    with pytest.raises(ValueError, match="'Sagemarker' is listed twice"):
        sc.load_omissions(path)


def test_unexplained_ignores_case_and_plural():
    omissions = {"Sagemarker": "typo", "Reservation Instance": "slip"}
    missing = ["SageMarker", "Reservation Instances", "Amazon Polly"]
    assert sc.unexplained(missing, omissions) == ["Amazon Polly"]


# --- command line -----------------------------------------------------------


def test_cli_without_seeds_folder_exits_0(tmp_path: Path, capsys):
    assert sc.main(["--seeds", str(tmp_path / "absent"), "--notes", str(tmp_path)]) == 0
    assert "not found" in capsys.readouterr().out


def test_cli_reports_missing_terms_and_exit_code(tmp_path: Path, capsys):
    seeds, notes = tmp_path / "seeds", tmp_path / "notes"
    seeds.mkdir()
    notes.mkdir()
    (seeds / "001_a.txt").write_text("Speech comes from Amazon Polly and text from Textract.\n")
    (seeds / "002_b.txt").write_text("Vectors are stored in Amazon OpenSearch for search.\n")
    (notes / "n.md").write_text("Polly speaks. Textract reads.\n")

    assert sc.main(["--seeds", str(seeds), "--notes", str(notes)]) == 1
    out = capsys.readouterr().out
    assert "001_a.txt: 2 terms, 2 mentioned, 0 missing" in out
    assert "002_b.txt: 1 terms, 0 mentioned, 1 missing" in out
    assert "\n  Amazon OpenSearch\n" in out

    (notes / "more.md").write_text("Vectors sit in OpenSearch.\n")
    assert sc.main(["--seeds", str(seeds), "--notes", str(notes)]) == 0
    assert "002_b.txt: 1 terms, 1 mentioned, 0 missing" in capsys.readouterr().out

    assert sc.main(["--seeds", str(seeds), "--notes", str(notes), "--seed", "001"]) == 0
    assert "002_b" not in capsys.readouterr().out


# --- the real seeds and notes -----------------------------------------------


def _real_seeds() -> list[Path]:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared/seeds not found at {SEEDS}: nothing to check coverage of")
    return sc.seed_files(SEEDS)


def test_accepted_omissions_are_terms_of_the_seeds():
    found = set()
    for seed in _real_seeds():
        found |= {sc.term_key(t) for t in sc.candidate_terms(sc.read_text(seed))}
    stale = [t for t in sc.ACCEPTED_OMISSIONS if sc.term_key(t) not in found]
    assert not stale, f"omissions no seed has (remove them): {stale}"


def test_notes_mention_every_term_of_the_seeds():
    corpus = sc.notes_corpus(NOTES)
    report = {}
    for seed in _real_seeds():
        missing = sc.unexplained(sc.missing_from(sc.read_text(seed), corpus))
        if missing:
            report[seed.name] = missing
    assert not report, (
        "terms of the seeds that no note mentions (reword them into docs/notes, "
        f"or explain them in {sc.OMISSIONS_PATH.name}): {report}"
    )

"""The exam guide's in-scope services (scripts/exam_guide_services.yaml) each have a topic with facts."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, load_script
from kb.catalog import load_catalog, term_index

NOTES = ROOT / "docs" / "notes"


egc = load_script("exam_guide_coverage")


@pytest.fixture(scope="module")
def bundled_report():
    _, services = egc.load_services()
    return egc.coverage(services, NOTES, load_catalog())


def test_the_services_file_lists_the_mla_c01_guide_by_group():
    exam, services = egc.load_services()
    groups = {group for group, _ in services}
    assert exam == "MLA-C01"
    assert {"Analytics", "Machine Learning", "Storage", "Cloud Financial Management"} <= groups
    assert ("Analytics", "AWS Glue Data Quality") in services
    assert ("Storage", "Amazon FSx") in services
    assert len(services) == len(set(services)) >= 80


def test_a_guide_spelling_with_a_short_form_finds_its_entity():
    index = term_index(load_catalog())
    assert egc.entity_for("Amazon Simple Queue Service (Amazon SQS)", index).slug == "amazon-sqs"
    assert egc.entity_for("AWS Key Management Service (AWS KMS)", index).slug == "aws-kms"
    assert egc.entity_for("Amazon Widget Forge (Amazon WF)", index) is None


def test_every_service_the_guide_names_has_a_topic_page_with_facts(bundled_report):
    assert [f"{c.service}: {c.problem}" for c in bundled_report if c.problem] == []
    assert len(bundled_report) >= 80


def test_services_new_to_mla_c01_are_covered(bundled_report):
    by_service = {c.service: c for c in bundled_report}
    for service in ("AWS Glue Data Quality", "AWS Compute Optimizer", "AWS DataSync", "Amazon Neptune",
                    "AWS CodeArtifact", "Amazon Comprehend Medical", "AWS HealthLake", "Amazon S3 Glacier"):
        assert by_service[service].facts >= 1, service


def test_the_check_reports_a_service_without_entity_page_or_fact(tmp_path: Path, capsys):
    services = tmp_path / "services.yaml"
    services.write_text("exam: TEST\nservices:\n  Storage:\n    - Amazon S3\n    - Amazon Widget Forge\n"
                        "  Machine Learning:\n    - Amazon Neptune\n", encoding="utf-8")
    notes = tmp_path / "notes"
    notes.mkdir()
    note = "# Amazon S3\n\n- Amazon S3 keeps objects of up to 50 TB in buckets.\n"
    (notes / "s3.md").write_text(note, encoding="utf-8")
    assert egc.main(["--services", str(services), "--notes", str(notes)]) == 1
    out = capsys.readouterr().out
    assert "TEST: 3 in-scope services, 1 with a topic page and facts, 2 missing" in out
    assert "Storage: Amazon Widget Forge  # no catalog entity has this name or alias" in out
    assert "Machine Learning: Amazon Neptune  #" in out


def test_the_check_passes_on_the_bundled_notes(capsys):
    assert egc.main([]) == 0
    assert "0 missing" in capsys.readouterr().out


def test_a_malformed_services_file_is_refused(tmp_path: Path):
    bad = tmp_path / "services.yaml"
    bad.write_text("- Amazon S3\n", encoding="utf-8")
    with pytest.raises(ValueError, match="services"):
        egc.load_services(bad)

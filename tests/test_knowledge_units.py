"""Knowledge units, golden: notes in, facts per topic out; one test per rule of issue 14."""
from __future__ import annotations

from kb import model as m
from kb.catalog import Entity
from kb.knowledge import build_knowledge
from kb.readers.markdown import read_markdown


def entity(name: str, slug: str, section: str = "services", aliases: tuple[str, ...] = (), status=None) -> Entity:
    return Entity(name, slug, section, aliases, f"{name}.", (), status)


CATALOG = (
    entity("Amazon Kinesis Data Streams", "kinesis-data-streams", aliases=("Kinesis Data Streams", "KDS")),
    entity("Amazon Kinesis Video Streams", "kinesis-video-streams", aliases=("Kinesis Video Streams",)),
    entity("Amazon Data Firehose", "amazon-data-firehose", aliases=("Firehose",)),
    entity("Amazon S3", "amazon-s3", aliases=("S3",)),
    entity("AWS CloudTrail", "aws-cloudtrail", aliases=("CloudTrail",)),
    entity("Amazon Athena", "amazon-athena", aliases=("Athena",)),
    entity("Amazon Translate", "amazon-translate"),
    entity("SageMaker Ground Truth", "sagemaker-ground-truth"),
    entity("Amazon SageMaker AI", "amazon-sagemaker-ai", aliases=("SageMaker",)),
    entity("XGBoost", "xgboost", "algorithms"),
    entity("K-nearest neighbours", "knn", "algorithms", aliases=("KNN",)),
    entity("Feature scaling", "feature-scaling", "concepts", aliases=("feature scaling",)),
    entity("Hyperparameter tuning", "hyperparameter-tuning", "concepts", aliases=("hyperparameters",)),
)


def know(text: str, name: str = "n.md"):
    doc = read_markdown(name, text.splitlines())
    return build_knowledge([doc], {name: "sources/n/"}, CATALOG)


def texts(k, slug: str) -> list[str]:
    return [f.text for f in k.by_topic.get(slug, [])]


def test_a_closing_colon_takes_the_list_after_it_and_keeps_it_a_list():
    k = know("# Kinesis Data Streams\n\n- Shard count must cover both directions:\n"
             "    - writes: 1 MB/s per shard\n    - reads: 2 MB/s per shard\n")
    [fact] = k.by_topic["kinesis-data-streams"]
    assert fact.text.startswith("Shard count must cover both directions:")
    assert [b.kind for b in fact.extra] == [m.LIST]
    assert [i.text for i in fact.extra[0].items] == ["writes: 1 MB/s per shard", "reads: 2 MB/s per shard"]


def test_a_closing_colon_takes_the_code_after_it():
    k = know("# Kinesis Data Streams\n\nCreate a stream from the command line:\n\n"
             "```sh\naws kinesis create-stream --stream-name s --shard-count 1\n```\n")
    [fact] = k.by_topic["kinesis-data-streams"]
    assert fact.extra and fact.extra[0].kind == m.CODE and "create-stream" in fact.extra[0].text


def test_no_fact_is_an_empty_label_or_ends_on_a_dangling_colon():
    k = know("# Notes\n\n- **Kinesis Data Streams (KDS)**:\n\nThe stream keeps records in order per shard key:\n")
    assert all(f.extra or not f.text.rstrip(" *").endswith(":") for f in k.facts)
    assert not any(f.text.strip(" *:").endswith("(KDS)") for f in k.facts)


def test_a_fact_keeps_the_subject_of_the_heading_and_items_above_it():
    k = know("# Amazon S3\n\n## Storage classes\n\n- Infrequent Access:\n"
             "    - cheaper storage with a retrieval fee per GB read back\n")
    [fact] = k.by_topic["amazon-s3"]
    assert fact.subject == "Storage classes"


def test_table_of_contents_rows_are_never_facts():
    # The Markdown reader drops a contents list itself; the guard holds for any reader that keeps one.
    rows = ("[Storage classes of the bucket](#storage-classes)", "[Lifecycle rules for objects](#lifecycle)",
            "[Encryption at rest options](encryption.md)")
    toc = m.Block(m.LIST, m.Span(3, 5), items=tuple(m.Item(r, m.Span(3 + n, 3 + n)) for n, r in enumerate(rows)))
    doc = m.Document("n.md", "markdown", "S3", 5, (m.Block(m.HEADING, m.Span(1, 1), "Amazon S3", level=1), toc))
    k = build_knowledge([doc], {"n.md": "n/"}, CATALOG)
    assert k.facts == []
    assert set(k.off_topic["n.md"].values()) == {"table of contents or navigation link"}


def test_practice_questions_and_their_options_are_never_facts_but_link_their_topic():
    k = know("# Quiz\n\n### Which service stores the CloudTrail logs for Athena to query?\n\n"
             "- [ ] Amazon Kinesis Data Streams keeps them\n- [x] Amazon S3 keeps them\n\n"
             "## Question 2\n\nA team streams clicks with Firehose.\n\n- **A.** Use Athena on the stream\n"
             "- **B.** Use S3 select on the stream\n")
    assert k.facts == []
    assert "aws-cloudtrail" in k.questions_by_topic
    assert all(r.startswith("practice question") for r in k.off_topic["n.md"].values())


def test_a_fact_goes_on_what_it_opens_with_not_on_every_name_it_mentions():
    k = know("# Athena\n\n- CloudTrail keeps 90 days of management events in its event history.\n"
             "- Queries S3 data in place with standard SQL, billed per TB scanned.\n")
    assert texts(k, "aws-cloudtrail") == ["CloudTrail keeps 90 days of management events in its event history."]
    assert texts(k, "amazon-athena") == ["Queries S3 data in place with standard SQL, billed per TB scanned."]
    assert "amazon-s3" not in k.by_topic


def test_a_statement_without_its_own_subject_stays_with_the_heading():
    k = know("# Algorithms\n\n## KNN\n\n- Sensitive to feature scaling, so normalise first.\n")
    assert list(k.by_topic) == ["knn"]


def test_near_duplicates_become_one_fact_citing_every_source():
    doc_a = read_markdown("a.md", ["# XGBoost", "", "- eta: step size shrinkage making boosting more conservative."])
    doc_b = read_markdown("b.md", ["# XGBoost", "", "- eta: the shrinkage of each step, making boosting conservative."])
    k = build_knowledge([doc_a, doc_b], {"a.md": "a/", "b.md": "b/"}, CATALOG)
    [fact] = k.by_topic["xgboost"]
    assert sorted(s.note for s in fact.sources) == ["a.md", "b.md"] and k.merged == 1


def test_disagreeing_facts_are_both_kept_and_the_current_one_marked():
    k = know("# XGBoost\n\n- The built-in container saves trained models to files with Python pickle.\n"
             "- Since version 1.3-1 the built-in container saves trained models to files in the XGBoost binary "
             "format, not with pickle.\n- The built-in container reads CSV and libsvm training files.\n")
    status = {f.text.split()[0] + f.text.split()[-1]: f.status for f in k.by_topic["xgboost"]}
    assert status == {"Thepickle.": "superseded", "Sincepickle.": "current", "Thefiles.": ""}
    assert k.contradictions == 1


def test_a_heading_naming_a_thing_the_catalog_lacks_becomes_a_topic():
    k = know("# DMS - Database Migration Service\n\n- Migrates databases into AWS while the source stays online.\n")
    [slug] = k.discovered
    assert k.entities[slug].discovered and k.entities[slug].aliases == ("DMS",)
    assert k.entities[slug].section == "services"
    assert texts(k, slug) == ["Migrates databases into AWS while the source stays online."]


def test_numbered_and_generic_headings_never_become_topics():
    k = know("# Notes\n\n## 3.3 Text algorithms\n\n- Tokenise the text before any model sees it.\n\n"
             "## Overview\n\n- Most of the exam is about choosing the right tool for a task.\n")
    assert k.discovered == []


def test_numbered_sections_attach_to_their_service_by_short_name():
    k = know("# Services\n\n## 4.2 Translate\n\n- Supports custom terminology files in CSV or TMX.\n\n"
             "## Labels\n\n- SG ground truth: manages human labelling and learns to label the easy samples.\n")
    assert texts(k, "amazon-translate") == ["Supports custom terminology files in CSV or TMX."]
    assert list(k.by_topic) == ["amazon-translate", "sagemaker-ground-truth"]


def test_every_content_line_is_on_a_topic_or_reported_with_a_reason():
    text = ("# Notes\n\n## Kinesis Data Streams\n\n- Records stay for 24 hours by default.\n\n## Other\n\n"
            "Some words about nothing here.\n")
    k = know(text)
    doc = read_markdown("n.md", text.splitlines())
    content = {n for b in doc.blocks if b.kind != m.HEADING for n in b.span}
    assert content == k.on_topic["n.md"] | set(k.off_topic.get("n.md", {}))
    assert k.on_topic["n.md"] == {5}
    assert k.off_topic["n.md"] == {9: "names no topic and sits under no topic's heading"}


def test_a_decision_tip_goes_on_what_it_chooses():
    k = know("# Exam day\n\n## Patterns\n\n- \"Who called this API last week?\" → CloudTrail\n\n"
             "| Scenario | Service |\n|---|---|\n| Query logs kept in S3 in place with SQL | Athena |\n")
    assert {s: texts(k, s) for s in k.by_topic} == {
        "aws-cloudtrail": ['"Who called this API last week?" → CloudTrail'],
        "amazon-athena": ["Scenario: Query logs kept in S3 in place with SQL; Service: Athena"]}


def flat(*blocks: m.Block) -> m.Document:
    """A page copy's flat headings: every heading at one level."""
    return m.Document("n.txt", "web", "Notes", 10, blocks)


def test_a_general_heading_after_a_specific_one_at_the_same_level_belongs_to_it():
    eta = m.Block(m.LIST, m.Span(3, 3), items=(m.Item("eta: step size shrinkage that makes boosting conservative",
                                                       m.Span(3, 3)),))
    doc = flat(m.Block(m.HEADING, m.Span(1, 1), "XGBoost", level=2),
               m.Block(m.HEADING, m.Span(2, 2), "Hyperparameters", level=2), eta)
    assert list(build_knowledge([doc], {"n.txt": "n/"}, CATALOG).by_topic) == ["xgboost"]
    own = flat(m.Block(m.HEADING, m.Span(1, 1), "XGBoost", level=2),
               m.Block(m.HEADING, m.Span(2, 2), "Feature scaling", level=2), eta)
    assert list(build_knowledge([own], {"n.txt": "n/"}, CATALOG).by_topic) == ["feature-scaling"]


def test_a_general_label_under_a_specific_topic_stays_with_it():
    k = know("# XGBoost\n\nHyperparameters to know:\n\n"
             "- eta: step size shrinkage applied after each boosting round to keep boosting conservative\n"
             "- gamma: minimum loss reduction needed before a leaf is split any further, so bigger is safer\n"
             "- alpha: L1 regularisation on the leaf weights of each tree, where a larger value is safer\n"
             "- lambda: L2 regularisation on the leaf weights of each tree, where a larger value is safer\n")
    assert list(k.by_topic) == ["xgboost"]


def test_sections_about_the_notes_and_bare_links_are_reported_not_placed():
    k = know("# Kinesis Data Streams\n\n## What you'll learn\n\n- How shards and consumers scale the stream\n\n"
             "## Reading\n\n- [Kinesis Data Streams developer guide](https://example.com/kds.pdf)\n")
    assert k.facts == []
    assert set(k.off_topic["n.md"].values()) == {"about the notes (course outline, contents, links, credits)",
                                                  "table of contents or navigation link"}


def test_a_question_asked_right_before_its_options_is_practice_and_the_section_stays_facts():
    k = know("# Athena\n\nQueries S3 data in place with standard SQL, billed per TB scanned.\n\n"
             "Which service records every API call in the account?\n\n- [ ] A. Athena\n- [x] B. CloudTrail\n")
    assert texts(k, "amazon-athena") == ["Queries S3 data in place with standard SQL, billed per TB scanned."]
    assert len(k.facts) == 1 and k.off_topic["n.md"][5] == "practice question (on the practice page)"


def test_cards_with_no_answer_or_a_task_box_are_practice_not_facts():
    cards = (m.Block(m.CARD, m.Span(1, 1), front="- [ ] What is MapReduce on EMR clusters?", back="Split, then combine."),
             m.Block(m.CARD, m.Span(2, 2), front="What does Athena bill for?", back="(no answer given)"),
             m.Block(m.CARD, m.Span(3, 3), front="What does Athena bill for?", back="Per TB of data scanned"))
    doc = m.Document("d.txt", "flashcards", "Deck", 3, cards)
    k = build_knowledge([doc], {"d.txt": "d/"}, CATALOG)
    assert [f.text for f in k.facts] == ["What does Athena bill for? — Per TB of data scanned"]
    assert k.off_topic["d.txt"] == {1: "practice question (on the practice page)",
                                    2: "practice question (on the practice page)"}

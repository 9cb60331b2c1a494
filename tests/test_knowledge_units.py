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
    cards = (m.Block(m.CARD, m.Span(1, 1), front="- [ ] What is MapReduce on EMR clusters?",
                     back="Split, then combine."),
             m.Block(m.CARD, m.Span(2, 2), front="What does Athena bill for?", back="(no answer given)"),
             m.Block(m.CARD, m.Span(3, 3), front="What does Athena bill for?", back="Per TB of data scanned"))
    doc = m.Document("d.txt", "flashcards", "Deck", 3, cards)
    k = build_knowledge([doc], {"d.txt": "d/"}, CATALOG)
    assert [f.text for f in k.facts] == ["What does Athena bill for? — Per TB of data scanned"]
    assert k.off_topic["d.txt"] == {1: "practice question (on the practice page)",
                                    2: "practice question (on the practice page)"}


# -- placement by meaning, second pass (issue 14: the causes left after the first hand-checked samples) ----------

MORE = (
    *CATALOG,
    entity("SageMaker training jobs", "sagemaker-training-jobs", "sagemaker", aliases=("training jobs",)),
    entity("Managed Spot Training", "managed-spot-training", "concepts", aliases=("spot training",)),
    entity("Checkpointing", "checkpointing", "concepts", aliases=("checkpoints",)),
    entity("SageMaker Model Cards", "sagemaker-model-cards", "mlops", aliases=("Model Cards",)),
    entity("Recall", "recall", "concepts", aliases=("sensitivity",)),
    entity("RMSE", "rmse", "concepts"),
    entity("Accuracy", "accuracy", "concepts", aliases=("accuracy",)),
    entity("Recurrent neural networks", "rnn", "concepts", aliases=("RNN", "RNNs")),
    entity("Neural networks", "neural-networks", "concepts", aliases=("deep learning", "neural network")),
    entity("SMOTE", "smote", "concepts"),
    entity("Imbalanced data", "imbalanced-data", "concepts", aliases=("oversampling",)),
    entity("Overfitting", "overfitting", "concepts"),
    entity("LSTM", "lstm", "concepts", aliases=("Long short-term memory",)),
    entity("Residual networks", "resnet", "concepts", aliases=("Residual Network", "ResNet")),
    entity("Vanishing gradients", "vanishing-gradients", "concepts", aliases=("vanishing gradient problem",)),
)


def know_more(text: str, name: str = "n.md"):
    doc = read_markdown(name, text.splitlines())
    return build_knowledge([doc], {name: "sources/n/"}, MORE)


def test_a_name_that_opens_a_statement_is_its_subject_even_when_it_reads_like_a_verb():
    k = know_more("# Amazon SageMaker AI\n\n**Training Jobs**\n\n- Specify algorithm, compute and data location\n"
                  "- Input modes: File and Pipe\n")
    assert list(k.by_topic) == ["sagemaker-training-jobs"]


def test_an_idea_under_a_platform_is_about_the_idea():
    k = know_more("# Amazon SageMaker AI\n\n## Exam tips\n\n- Spot training requires checkpoints to resume jobs\n")
    assert list(k.by_topic) == ["managed-spot-training"]


def test_under_a_platform_a_statement_is_about_the_thing_it_names_first():
    k = know_more("# Amazon SageMaker AI\n\n## Storage costs\n\n- Use S3 lifecycle policies for old training data\n\n"
                  "## Governance\n\n| Feature | Purpose |\n|---|---|\n"
                  "| Model Cards | Document the details of a model |\n")
    assert sorted(k.by_topic) == ["amazon-s3", "sagemaker-model-cards"]
    k = know_more("# Amazon SageMaker AI\n\n## Roles\n\n- **Use for:** S3 access, training jobs, endpoints\n")
    assert list(k.by_topic) == ["amazon-sagemaker-ai"]
    k = know_more("# Amazon SageMaker AI\n\n- It can read training data from S3 in Pipe mode\n")
    assert list(k.by_topic) == ["amazon-sagemaker-ai"]  # "It" is the platform itself


def test_an_everyday_word_as_a_label_is_a_property_of_the_topic_above():
    k = know_more("# Metrics\n\n## RMSE\n\n- **Units:** the same as the target variable\n"
                  "- **Sensitivity:** penalises large errors heavily because they are squared\n"
                  "- **Use when:** large errors are particularly costly for the business\n")
    assert list(k.by_topic) == ["rmse"]
    k = know_more("# Metrics\n\n- **Sensitivity:** the share of actual positives the model finds\n")
    assert list(k.by_topic) == ["recall"]
    k = know_more("# Unbalanced data\n\n## RMSE\n\n- **Oversampling:** duplicate samples of the minority class\n"
                  "- **SMOTE:** synthetic samples between minority neighbours\n- **Units:** the count of rows\n")
    assert texts(k, "imbalanced-data") == ["**Oversampling:** duplicate samples of the minority class"]


def test_after_a_label_naming_nothing_the_statement_names_its_own_subject():
    k = know_more("# Neural networks\n\n- **Sequential processing:** RNNs are designed for sequences such as text\n")
    assert list(k.by_topic) == ["rnn"]


def test_an_everyday_word_deep_in_a_sentence_is_not_its_subject():
    k = know_more("# SMOTE\n\nAn oversampling method that limits the overfitting of plain copies by making "
                  "synthetic points between neighbours of the minority class. These points are new.\n")
    assert list(k.by_topic) == ["smote"]
    k = know_more("These four properties keep the integrity and accuracy of the stored records across operations.\n")
    assert "accuracy" not in k.by_topic


def test_a_note_titled_by_its_file_name_with_a_thing_the_catalog_lacks_becomes_its_topic():
    doc = read_markdown("ACID.md", ["ACID names four guarantees a database transaction keeps, "
                                    "and accuracy is not one."])
    k = build_knowledge([doc], {"ACID.md": "a/"}, MORE)
    assert k.discovered == ["acid"] and list(k.by_topic) == ["acid"]


def test_a_card_under_a_titled_note_is_about_that_note_not_its_answer():
    card = m.Block(m.CARD, m.Span(1, 1), front="What does it make for the minority class?",
                   back="Synthetic points, which limits overfitting")
    doc = m.Document("SMOTE.md", "flashcards", "SMOTE", 1, (card,))
    assert list(build_knowledge([doc], {"SMOTE.md": "s/"}, MORE).by_topic) == ["smote"]


def test_a_sentence_leaning_on_the_one_before_is_one_fact_with_it():
    k = know_more("# Neural networks\n\nEach state and action gets a value the agent learns from rewards.\n\n"
                  "Those values inform what the agent does next.\n\n"
                  "## Sizes\n\n- A wide layer holds many units side by side\n- For example, 512 units in one layer\n")
    facts = texts(k, "neural-networks")
    assert facts[0].endswith("Those values inform what the agent does next.") and len(facts) == 2
    assert facts[1].endswith("For example, 512 units in one layer")


def test_an_open_sentence_before_a_formula_takes_it_and_its_continuation():
    k = know_more("# Neural networks\n\nFor example, if a feature has the values\n\n$$ [1, 2, 5, 500] $$\n\n"
                  "applying the logarithm gives\n\n$$ [0, 0.7, 1.6, 6.2] $$\n")
    [fact] = k.by_topic["neural-networks"]
    # in the note's order: the continuation stays between the two formulas it joins
    assert [b.kind for b in fact.extra] == [m.FORMULA, m.PARAGRAPH, m.FORMULA]
    assert fact.extra[1].text.startswith("applying the logarithm")


def test_a_sentence_on_the_output_shown_above_stays_with_that_output():
    k = know_more("# Neural networks\n\nThe training loop prints the loss of each epoch:\n\n```\nepoch 1 0.9\n```\n\n"
                  "This output shows the loss falling as the weights settle.\n")
    [fact] = k.facts
    assert [b.kind for b in fact.extra] == [m.CODE, m.PARAGRAPH] and not k.off_topic


def test_a_pointer_to_another_note_is_navigation():
    k = know_more("# Amazon SageMaker AI\n\n**For detailed pipeline information, see [MLOps](../mlops.md)**\n")
    assert k.facts == [] and set(k.off_topic["n.md"].values()) == {"table of contents or navigation link"}


def test_notes_about_the_notes_are_reported_not_placed():
    about = read_markdown("ABOUT.md", ["# How to study", "", "Spaced repetition helps recall what you read."])
    readme = read_markdown("README.md", ["# Amazon S3 notes", "", "## Getting Started", "",
                                         "Deploy the notes to a site with one command:", "", "```sh", "make", "```"])
    lab = read_markdown("lab.md", ["# Lab: Amazon S3", "", "**Domain**: 1 - Data", "**Difficulty**: Easy", "",
                                   "## Prerequisites", "", "- Python with boto3 and the AWS CLI installed"])
    k = build_knowledge([about, readme, lab], {"ABOUT.md": "a/", "README.md": "r/", "lab.md": "l/"}, MORE)
    assert k.facts == []


def test_rows_sharing_a_column_name_are_not_one_fact():
    k = know_more("# Amazon SageMaker AI\n\n| Scenario | Solution |\n|---|---|\n"
                  "| Reach S3 from a training job with no internet | a gateway VPC endpoint for S3 |\n"
                  "| Reach an RDS database from a training job | VPC mode with security group rules |\n")
    assert len(k.facts) == 2 and k.merged == 0


def test_names_side_by_side_are_not_a_fact():
    k = know_more("# Amazon SageMaker AI\n\n## Key services\n\n- SageMaker Experiments, Debugger, Clarify\n"
                  "- Training jobs run inside a VPC when asked to\n")
    assert [f.text for f in k.facts] == ["Training jobs run inside a VPC when asked to"]


def test_a_name_with_only_a_short_note_under_it_joins_the_names_beside_it():
    k = know_more("# Deep learning\n\n- Fixing the vanishing gradient problem:\n    - Long short-term memory\n"
                  "    - Residual Network\n        - Example: ResNet\n")
    assert [f.text for f in k.facts] == [
        "Fixing the vanishing gradient problem: Long short-term memory, Residual Network (Example: ResNet)"]
    assert "resnet" not in k.by_topic


def test_a_plural_name_is_found_in_the_singular_too():
    k = know_more("# Notes\n\n- **Kinesis Data Stream**: keeps records in order per shard for its consumers\n")
    assert list(k.by_topic) == ["kinesis-data-streams"]


def test_words_about_the_note_and_clicks_in_a_lab_are_not_facts():
    k = know_more("# Neural networks\n\n"
                  "There are several techniques we can use to size a layer. Let's go through them.\n\n"
                  "This example illustrates how the weights move during one pass over the data.\n\n"
                  "In the video, the presenter trains a network on two features of six samples.\n\n"
                  "## Steps\n\n- Click the plus sign after the data node in the flow\n\n## Domain 2\n\n"
                  "This domain covers model selection, training, tuning and evaluation of neural networks.\n")
    assert k.facts == []


def test_a_paragraph_answering_the_one_before_is_one_fact_with_it():
    k = know_more("# Neural networks\n\nAn artificial neuron is far simpler than a biological neuron.\n\n"
                  "Still works on the same basis as a biological one.\n")
    assert texts(k, "neural-networks") == ["An artificial neuron is far simpler than a biological neuron. "
                                           "Still works on the same basis as a biological one."]


def test_an_acronym_that_does_not_abbreviate_a_title_names_what_the_note_belongs_to_not_an_alias():
    part = read_markdown("Atomicity (ACID).md", ["A transaction either happens completely or not at all."])
    whole = read_markdown("ACID.md", ["ACID names four guarantees a database transaction keeps."])
    k = build_knowledge([part, whole], {"Atomicity (ACID).md": "a/", "ACID.md": "b/"}, MORE)
    assert sorted(k.discovered) == ["acid", "atomicity-acid"]
    assert k.entities["atomicity-acid"].name == "Atomicity" and k.entities["atomicity-acid"].aliases == ()
    assert texts(k, "acid") == [
        "ACID names four guarantees a database transaction keeps."]


def test_a_one_word_short_name_as_a_label_under_a_specific_topic_is_a_step_of_it():
    k = know_more("# XGBoost\n\n- Translate:\n    - Normalise every feature before training\n"
                  "    - Shuffle the input rows first\n")
    assert list(k.by_topic) == ["xgboost"]


def test_a_lone_name_under_a_label_says_what_the_label_says():
    k = know_more("# Neural networks\n\n- Other recurrent units:\n    - Long short-term memory\n"
                  "    - Gated units:\n        - work best for long sequences of many steps\n")
    assert "Other recurrent units: Long short-term memory" in texts(k, "neural-networks")


def test_a_section_of_additional_resources_is_about_the_notes():
    k = know_more("# Amazon S3\n\n## Additional Resources\n\n- Hands-on labs for buckets in the AWS console\n")
    assert k.facts == []


def test_an_everyday_word_closing_a_heading_is_not_a_short_name():
    k = know_more("# Artificial Translate\n\nA unit that sums weighted inputs and applies an activation.\n\n"
                  "## Bias checks in Translate\n\n- Custom terminology keeps brand names as they are written\n")
    # the title names a thing the catalog lacks (a page of its own, found in the notes), not Amazon Translate
    assert [f.topics for f in k.facts] == [["artificial-translate"], ["amazon-translate"]]


def test_under_a_platform_a_row_moves_only_to_the_platform_s_own_parts():
    k = know_more("# Amazon SageMaker AI\n\n| Type | Use case |\n|---|---|\n| Athena | Query results of jobs |\n")
    assert list(k.by_topic) == ["amazon-sagemaker-ai"]


def test_placeholders_and_words_about_example_code_are_not_facts():
    k = know_more("# XGBoost\n\n<summary>Write a concise summary here</summary>\n\n"
                  "This example loads the iris data set and trains a classifier on it.\n\n"
                  "The code doesn't actually train anything but shows the calls in order.\n\n"
                  "- Amazon Athena, Firehose\n")
    assert k.facts == []


def test_a_phrase_about_an_idea_under_a_platform_stays_with_the_platform():
    k = know_more("# Amazon SageMaker AI\n\n- Checkpointing of model state at every epoch boundary\n")
    assert list(k.by_topic) == ["amazon-sagemaker-ai"]


def test_a_comparison_deep_in_a_long_list_does_not_pull_in_both_sides():
    k = know_more("# Amazon S3\n\n!!! note \"Key topics\"\n    - Lifecycle rules for old objects in buckets\n"
                  "    - Storage classes and their retrieval fees\n    - When to pick Athena vs Firehose for logs\n")
    assert list(k.by_topic) == ["amazon-s3"]


def test_with_nothing_above_a_name_far_into_a_statement_is_a_mention():
    k = know_more("The weights of each layer move a little after every batch, and the size of each move is "
                  "chosen by an optimiser that many people would just call plain Athena queries.\n")
    assert k.facts == []


def test_a_name_and_its_abbreviation_or_a_discourse_fragment_are_not_facts():
    k = know_more("# XGBoost\n\n## Variants\n\n- Single Shot Detector (SSD)\n\n## Which\n\n"
                  "- So, depends on your goal\n")
    assert k.facts == []


def test_a_heading_naming_an_idea_s_jobs_under_a_service_stays_with_the_service():
    k = know_more("# Amazon Athena\n\n## Hyperparameter tuning jobs\n\n- Run several queries side by side on S3\n")
    assert list(k.by_topic) == ["amazon-athena"]


def test_a_label_naming_an_idea_under_a_specific_thing_is_that_thing_s():
    k = know_more("# Algorithms\n\n## KNN\n\n- **Hyperparameters:** k and the sample size for the index\n")
    assert list(k.by_topic) == ["knn"]


def test_a_study_plan_is_about_the_notes():
    k = know_more("# Amazon S3\n\n## Study Strategy\n\n- Week 3-4: buckets, lifecycle rules and storage classes\n")
    assert k.facts == []


def test_lab_steps_images_and_page_blurbs_are_not_facts():
    k = know_more("# Amazon S3\n\n![[Pasted image 20240309.png]]\n\nQuick reference for choosing a bucket layout.\n\n"
                  "## Steps\n\n- Step 1: Access Data Wrangler: Open SageMaker Studio\n"
                  "## Steps\n\n- Step 2: Import Data: Click \"Import data\", then pick the bucket\n"
                  "- Name your flow: `churn-prep`\n")
    assert k.facts == []
    assert "an image with no statement" in k.off_topic["n.md"].values()


def test_a_name_in_brackets_is_an_aside_not_the_subject():
    k = know_more("Long short-term memory (often paired with Residual Network designs) keeps a cell state "
                  "across many steps.\n")
    assert list(k.by_topic) == ["lstm"]


def test_a_heading_that_is_a_topic_name_is_that_topic_even_under_a_platform():
    catalog = (*CATALOG, entity("Continued pre-training", "continued-pre-training", "concepts"),
               entity("Amazon Bedrock", "amazon-bedrock", aliases=("Bedrock",)))
    text = ("# Notes\n\n## Amazon Bedrock\n\n### Continued Pre-Training\n\nIt is like tuning a model on a task, "
            "but the model reads a large unlabelled domain corpus instead of labelled pairs.\n")
    doc = read_markdown("n.md", text.splitlines())
    k = build_knowledge([doc], {"n.md": "n/"}, catalog)
    assert k.by_topic.get("continued-pre-training") and not k.by_topic.get("amazon-bedrock")


# -- placement by meaning, third pass: subjects named elsewhere, contrasts, modifiers, boxes of key points ------

PLACE = (
    *MORE,
    entity("Activation functions", "activation-functions", "concepts", aliases=("activation function",)),
    entity("Softmax", "softmax", "concepts"),
    entity("AWS Glue", "aws-glue", aliases=("Glue",)),
    entity("Extract, transform, load", "etl", "concepts", aliases=("ETL",)),
    entity("SHAP", "shap", "concepts", aliases=("SHAP values",)),
    entity("SageMaker Clarify", "sagemaker-clarify", "sagemaker", aliases=("Clarify",)),
    entity("SageMaker Debugger", "sagemaker-debugger", "sagemaker", aliases=("Debugger",)),
    entity("IAM", "iam", aliases=("IAM roles",)),
)


def know_place(text: str, name: str = "n.md"):
    doc = read_markdown(name, text.splitlines())
    return build_knowledge([doc], {name: "sources/n/"}, PLACE)


def test_a_statement_opening_with_a_pronoun_is_about_the_label_above_it():
    k = know_place("# Deep learning notes\n\n<aside>Softmax</aside>\n\nIt's an activation function as well, "
                   "often the last layer before the output, turning scores into class probabilities.\n")
    assert list(k.by_topic) == ["softmax"]


def test_a_pronoun_led_fragment_with_no_subject_above_it_is_on_no_topic():
    k = know_place("It's an activation function as well, often the last layer before the output, turning "
                   "scores into class probabilities.\n")
    assert k.facts == []
    assert "names no topic and sits under no topic's heading" in k.off_topic["n.md"].values()


def test_a_label_referring_back_to_its_subject_does_not_make_its_value_the_subject():
    k = know_place("# IAM roles\n\n**Who uses it:** Training jobs and batch processing jobs run by the team\n")
    assert list(k.by_topic) == ["iam"]


def test_what_a_contrast_clause_names_is_not_the_subject():
    k = know_place("# Notes\n\n## RNN\n\n1. **Loops:** Unlike plain feed-forward neural network designs, RNNs "
                   "feed their output back into themselves.\n")
    assert list(k.by_topic) == ["rnn"]
    k = know_place("Unlike a plain neural network, RNNs feed their output back into themselves.\n")
    assert list(k.by_topic) == ["rnn"]


def test_a_heading_where_an_idea_qualifies_a_noun_is_about_the_thing_above():
    k = know_place("# AWS Glue\n\n## ETL engine\n\nCommon transformations\n\n"
                   "- DropFields drops the columns you name from every record\n")
    assert list(k.by_topic) == ["aws-glue"]
    k = know_place("# AWS Glue\n\n## ETL\n\n- Extract, transform and load moves data between stores in three steps\n")
    assert list(k.by_topic) == ["etl"]  # the idea named outright stays the idea


def test_a_box_of_key_points_is_one_fact_per_point_each_placed_by_what_it_says():
    k = know_place("# Model evaluation\n\n!!! warning \"Key Points\"\n    - SHAP values explain single predictions "
                   "feature by feature\n    - Debugger watches training for vanishing gradient problems\n")
    assert texts(k, "shap") == ["SHAP values explain single predictions feature by feature"]
    assert texts(k, "sagemaker-debugger") == ["Debugger watches training for vanishing gradient problems"]
    assert [f.sources[0].first for f in k.facts] == [4, 5]


# -- content lines that carry a fact reach the topic they are about --------------------------------------------

def test_a_cloze_card_is_about_what_fills_its_blanks_and_keeps_the_words_apart():
    cards = (m.Block(m.CARD, m.Span(1, 2), front="_____keeps a record of every API call made in the account.",
                     back="AWS CloudTrail", card_kind="cloze"),
             m.Block(m.CARD, m.Span(3, 4), front="To watch a fleet of jobs, pair _____ (who called what), with _____ "
                     "(metrics, logs, alarms).", back="AWS CloudTrail / Amazon Athena", card_kind="cloze"))
    doc = m.Document("d.txt", "flashcards", "Deck", 4, cards)
    k = build_knowledge([doc], {"d.txt": "d/"}, PLACE)
    assert texts(k, "aws-cloudtrail")[0] == "**AWS CloudTrail** keeps a record of every API call made in the account."
    assert len(texts(k, "aws-cloudtrail")) == 2 and len(texts(k, "amazon-athena")) == 1


def test_a_diagram_naming_topics_reaches_their_pages_and_its_lines_count_as_placed():
    k = know_place("Some services at a glance.\n\n```mermaid\nflowchart LR\n"
                   "    A[\"AWS CloudTrail\"] --> B[\"Amazon Athena\"]\n"
                   "```\n")
    assert [a.kind for a in k.attachments["aws-cloudtrail"]] == [m.DIAGRAM]
    assert not any("diagram" in reason for reason in k.off_topic.get("n.md", {}).values())
    assert {4, 5} <= k.on_topic["n.md"]


def test_a_decision_table_s_answer_cell_may_name_a_service_by_its_short_name():
    k = know_place("# Picking a service\n\n| Use case | Service |\n|---|---|\n"
                   "| Translate product pages into Spanish and German | Translate |\n")
    assert texts(k, "amazon-translate") == ["Use case: Translate product pages into Spanish and German; "
                                            "Service: Translate"]


def test_a_label_then_an_article_still_leaves_the_name_opening_the_statement_its_subject():
    k = know_place("# AWS CloudTrail\n\n- **Cost of a query:** The Amazon Athena engine is billed per TB of data it "
                   "scans\n")
    assert list(k.by_topic) == ["amazon-athena"]


def test_statements_joined_by_commas_are_not_a_bare_list_of_subjects():
    k = know_place("Kinesis Data Streams — holds records for a day by default, replays them to many readers, "
                   "and Athena queries what Firehose lands\n")
    assert list(k.by_topic) == ["kinesis-data-streams"]
    k = know_place("Choices: Kinesis Data Streams (real time), Firehose (near real time), Athena (ad hoc)\n")
    assert k.facts == []  # names side by side, each under four words: nothing said about any one


def test_a_blurb_saying_what_a_guide_covers_is_about_the_notes():
    k = know_place("# Amazon Athena\n\n**Overview:** Comprehensive guide to querying S3 data in place with SQL\n")
    assert k.facts == []


def test_a_need_then_only_the_names_to_pick_is_about_what_is_picked():
    catalog = (*PLACE, entity("Anomaly detection", "anomaly-detection", "concepts"),
               entity("Random Cut Forest", "random-cut-forest", "algorithms", aliases=("RCF",)))
    text = ("# Exam tips\n\n## Algorithm selection\n\n- **Anomaly detection:** Random Cut Forest\n"
            "- **Amazon Athena:** Interactive SQL\n")
    k = build_knowledge([read_markdown("n.md", text.splitlines())], {"n.md": "n/"}, catalog)
    assert texts(k, "random-cut-forest") == ["**Anomaly detection:** Random Cut Forest"]
    assert "anomaly-detection" not in k.by_topic


def test_a_short_pronoun_statement_right_under_a_topic_is_a_fact_about_it_but_under_a_label_keeps_the_label():
    k = know_place("# Amazon Athena\n\n- It is serverless\n- Queries data in S3 with standard SQL, billed per TB\n")
    assert texts(k, "amazon-athena")[0] == "It is serverless"
    k = know_place("# Amazon Athena\n\n- Engine:\n    - It is serverless\n    - Presto\n")
    assert all(not f.text.startswith("It is") for f in k.facts)


def test_a_lead_in_naming_nothing_over_items_that_name_their_subjects_gives_each_item_its_own_topic():
    k = know_place("Two services people mix up:\n\n- **Amazon Athena** — runs SQL straight on files in S3\n"
                   "- **AWS CloudTrail** — records every API call made in the account\n")
    assert texts(k, "amazon-athena") == ["**Amazon Athena** — runs SQL straight on files in S3"]
    assert texts(k, "aws-cloudtrail") == ["**AWS CloudTrail** — records every API call made in the account"]
    assert {1, 3, 4} <= k.on_topic["n.md"]
    k = know_place("A: two steps, in order:\n\n- Query the files with Amazon Athena directly in place\n"
                   "- Audit the calls with AWS CloudTrail afterwards\n")
    assert k.facts == []  # the answer to a question: no facts of its own


def test_a_diagram_a_lead_in_introduces_reaches_the_topic_above():
    k = know_place("# Amazon Athena\n\nA stack:\n\n```mermaid\nflowchart TB\n    a --> b\n```\n")
    assert [a.kind for a in k.attachments["amazon-athena"]] == [m.DIAGRAM]
    assert {5, 6, 7} <= k.on_topic["n.md"]


def test_a_line_saying_where_a_topic_is_covered_is_navigation():
    k = know_place("# Amazon Athena\n\n- **Costs, file formats, partition pruning:** Covered in "
                   "[Athena costs](./costs.md#athena)\n")
    assert k.facts == []
    assert set(k.off_topic["n.md"].values()) == {"table of contents or navigation link"}


def test_a_heading_under_one_naming_a_kind_of_things_is_one_of_them_a_topic_found_in_the_notes():
    k = know_place("# Model training\n\n## Classification Loss Functions\n\n### Hinge Loss\n\n"
                   "- Pushes the classes apart by a margin, as support vector machines do\n\n"
                   "### Key Difference\n\n- Hinge loss ignores points already past the margin entirely\n\n"
                   "### Error Handling\n\n- Retries failed batches twice before the whole job stops\n\n"
                   "### Tuning\n\n- Grid search over the margin size finds the best setting fast\n")
    assert k.discovered == ["hinge-loss"]
    assert texts(k, "hinge-loss") == ["Pushes the classes apart by a margin, as support vector machines do",
                                      "Hinge loss ignores points already past the margin entirely"]


def test_an_instruction_under_a_general_idea_is_about_the_thing_it_uses():
    catalog = (*PLACE, entity("SageMaker Automatic Model Tuning", "sagemaker-amt", "sagemaker",
                              aliases=("Automatic Model Tuning",)))
    text = "# Hyperparameter tuning\n\n- Use SageMaker Automatic Model Tuning to search the ranges for you\n"
    k = build_knowledge([read_markdown("n.md", text.splitlines())], {"n.md": "n/"}, catalog)
    assert list(k.by_topic) == ["sagemaker-amt"]


def test_an_exam_outline_s_task_statements_and_a_lab_s_objective_are_about_the_notes():
    k = know_place("# Amazon Athena\n\n## Task Statements\n\n- Query data in S3 with Athena and standard SQL\n\n"
                   "## Objective\n\nUse Amazon Athena to query the sample bucket with standard SQL.\n")
    assert k.facts == []


def test_with_nothing_above_a_contrast_clause_still_names_no_subject():
    k = know_place("**No loops:** Unlike recurrent neural networks, these layers pass values forward once.\n")
    assert "rnn" not in k.by_topic
    k = know_place("# Notes\n\nAlong with AWS CloudTrail, Amazon Athena lets you query the logged calls with SQL.\n")
    assert list(k.by_topic) == ["amazon-athena"]


def test_words_about_example_code_and_a_select_step_are_not_facts():
    k = know_place("# Amazon Athena\n\nThis will print the ten slowest queries in the workgroup.\n\n"
                   "We simulate reading only two columns from the Parquet file here.\n\n"
                   "- From the launcher, select \"New query\" and pick the sample database\n")
    assert k.facts == []


def test_a_box_written_on_one_line_is_one_fact_per_point():
    k = know_place("# Exam tips\n\n!!! warning \"Key Points\" - Amazon Athena queries S3 data with standard SQL "
                   "- AWS CloudTrail records every API call in the account\n")
    assert texts(k, "amazon-athena") == ["Amazon Athena queries S3 data with standard SQL"]
    assert texts(k, "aws-cloudtrail") == ["AWS CloudTrail records every API call in the account"]


def test_a_sentence_left_open_on_a_comma_and_an_exam_s_focus_areas_are_not_facts():
    k = know_place("# Amazon Athena\n\n- **Federated queries over DynamoDB**, for example,\n\n## Exam Focus Areas\n\n"
                   "- Athena workgroups and per-query cost controls\n")
    assert k.facts == []
    assert "a sentence left open (ends on a comma or a word that needs what follows), not a whole statement" in \
        k.off_topic["n.md"].values()


def test_a_heading_naming_how_an_idea_is_treated_stays_with_the_idea():
    catalog = (*PLACE, entity("Transfer learning", "transfer-learning", "concepts"))
    text = ("# Amazon SageMaker AI\n\n## Transfer Learning Strategies\n\n"
            "- Freezing the base layers and training only the head needs far less labelled data\n")
    k = build_knowledge([read_markdown("n.md", text.splitlines())], {"n.md": "n/"}, catalog)
    assert list(k.by_topic) == ["transfer-learning"]


SPECIFIC = (
    *(e for e in PLACE if e.slug not in ("sagemaker-training-jobs", "managed-spot-training", "neural-networks")),
    Entity("SageMaker training jobs", "sagemaker-training-jobs", "services", ("training job", "training jobs"),
           "Training jobs.", (("pipe-mode", "can stream data in"),)),
    entity("Pipe mode", "pipe-mode", aliases=("Pipe input mode",)),
    entity("File mode", "file-mode"),
    entity("Managed Spot Training", "managed-spot-training", "mlops", aliases=("spot training",)),
    entity("AWS Neuron", "aws-neuron", aliases=("Neuron SDK", "AWS Neuron SDK")),
    entity("Neural networks", "neural-networks", "concepts", aliases=("neural network", "deep learning")),
    entity("Backpropagation", "backpropagation", "concepts", aliases=("backprop",)),
    entity("Linear Learner", "linear-learner", "algorithms"),
    entity("Outliers", "outliers", "concepts"),
    entity("Fine-tuning", "fine-tuning", "concepts"),
)


def know_specific(text: str, name: str = "n.md"):
    return build_knowledge([read_markdown(name, text.splitlines())], {name: "n/"}, SPECIFIC)


def test_a_bold_label_over_a_paragraph_names_what_the_paragraph_is_about():
    k = know_specific("# Amazon SageMaker AI\n\n## Cost Optimization\n\n**Spot Training**\n\n"
                      "Save up to 90% on training costs compared with on-demand capacity.\n")
    assert texts(k, "managed-spot-training") == ["Save up to 90% on training costs compared with on-demand capacity."]
    assert list(k.by_topic) == ["managed-spot-training"]
    assert k.facts[0].subject == "Cost Optimization › Spot Training"


def test_a_one_word_short_name_the_note_uses_as_an_everyday_noun_is_not_the_service():
    k = know_specific("# Deep learning basics\n\n<aside>Neuron</aside>\n\n"
                      "A single neuron fires a signal once enough of its inputs are active.\n")
    assert "aws-neuron" not in k.by_topic
    assert list(k.by_topic) == ["neural-networks"]
    k = know_specific("# Accelerators\n\n## Neuron\n\nCompiles PyTorch models so they run on Inferentia chips.\n")
    assert list(k.by_topic) == ["aws-neuron"]


def test_a_second_level_one_heading_is_the_subject_of_what_it_heads():
    k = know_specific("# Amazon S3 overview\n\n- Buckets need a globally unique name across accounts\n\n"
                      "# S3 Data Partitioning\n\n- Pattern for speeding up range queries over dated prefixes\n")
    subjects = {f.text: f.subject for f in k.facts}
    assert subjects["Pattern for speeding up range queries over dated prefixes"] == "S3 Data Partitioning"
    assert subjects["Buckets need a globally unique name across accounts"] == ""


def test_numbered_steps_that_refer_to_each_other_stay_one_procedure():
    k = know_specific("# Linear Learner\n\n## Learning process\n\n1. **Start:** random weights define the line.\n"
                      "2. **Predict:** it predicts with the current line.\n3. **Measure:** the loss says how far off.\n"
                      "4. **Update:** gradient descent adjusts the weights.\n"
                      "5. **Repeat:** steps 2-4 run until the loss stops improving.\n")
    [fact] = k.by_topic["linear-learner"]
    assert fact.text == "Learning process:"
    assert [b.kind for b in fact.extra] == [m.LIST] and len(fact.extra[0].items) == 5


def test_a_worked_example_keeps_all_its_steps():
    k = know_specific("# Outliers\n\n- Variance is the mean of the squared differences from the mean\n"
                      "- Example: what is the variance of 1, 4, 5, 4, 8?\n    - First the mean: 4.4\n"
                      "    - The squared differences: 11.56, 0.16, 0.36, 0.16, 12.96\n"
                      "    - Their average:\n        - variance = 25.2 / 5 = 5.04\n")
    example = next(f for f in k.facts if f.text.startswith("Example"))
    assert len(k.facts) == 2
    assert [i.text for i in example.extra[0].items][-1] == "variance = 25.2 / 5 = 5.04"


def test_table_rows_about_different_things_do_not_disagree():
    k = know_specific("# Fine-tuning\n\n| Model | Fine-tuning support in the console |\n|---|---|\n"
                      "| Titan Text | Yes, with labelled prompt and completion pairs |\n"
                      "| Claude | No, with labelled prompt and completion pairs (as of 2024) |\n")
    assert k.contradictions == 0
    assert all(not f.status for f in k.facts)


def test_a_row_s_value_read_with_its_column_names_the_specific_topic():
    k = know_specific("# Amazon SageMaker AI\n\n## Training modes\n\n| Mode | Description |\n|---|---|\n"
                      "| File | Downloads the data to the instance first |\n| Pipe | Streams the data from S3 |\n")
    assert texts(k, "pipe-mode") == ["Mode: Pipe; Description: Streams the data from S3"]
    assert texts(k, "file-mode") == ["Mode: File; Description: Downloads the data to the instance first"]


def test_an_instruction_using_a_part_of_the_topic_above_is_about_that_part():
    k = know_specific("# SageMaker training jobs\n\n## Exam tips\n\n- Use Pipe mode for very large datasets\n")
    assert list(k.by_topic) == ["pipe-mode"]


def test_a_statement_opening_with_a_sentence_adverb_keeps_its_subject():
    k = know_specific("# Notes\n\nEssentially, backpropagation is the engine that drives learning in deep "
                      "learning models.\n")
    assert list(k.by_topic) == ["backpropagation"]


def test_the_catalog_knows_the_short_names_notes_use():
    from kb.catalog import load_catalog
    from kb.matcher import Matcher
    catalog = load_catalog()
    matcher = Matcher({n: e.slug for e in catalog for n in e.terms})
    assert matcher.slugs_in("SageMaker Notebooks")[:1] == ["sagemaker-notebook-instances"]
    assert matcher.slugs_in("Format: RecordIO") == ["recordio-protobuf"]
    assert matcher.slugs_in("MXNet RecordIO") == ["mxnet-recordio"]


def test_a_box_holding_a_longer_name_still_labels_what_follows():
    k = know_specific("# Deep learning basics\n\n<aside>Sigmoid and tanh</aside>\n\nSmooth, but costly to compute.\n\n"
                      "<aside>Backpropagation (backprop)</aside>\nIt sends the error back through every layer.\n")
    assert texts(k, "backpropagation") == ["It sends the error back through every layer."]
    assert not any("Backpropagation (backprop)" == f.text for f in k.facts)


def test_an_embedded_video_a_lab_s_choose_step_and_words_about_sample_data_are_not_facts():
    k = know_place("# Amazon Athena\n\n<iframe title=\"Athena explained\" src=\"https://example.com/embed/x\">"
                   "</iframe>\n\n- Choose \"Table summary\" to view the statistics\n\n"
                   "We create a sample DataFrame with three columns of data.\n")
    assert k.facts == []
    assert "an embedded video or frame, not text" in k.off_topic["n.md"].values()


def test_an_exam_s_target_candidate_is_about_the_notes():
    k = know_place("# Exam overview\n\n## Target Candidate\n\nThe candidate should have a year of experience with "
                   "Amazon Athena and AWS Glue in production.\n")
    assert k.facts == []


def test_a_one_line_box_of_numbered_points_is_one_fact_per_point():
    k = know_place("# Best practices\n\n!!! tip \"Practices\" 1. Amazon Athena queries S3 data with standard SQL "
                   "2. AWS CloudTrail records every API call in the account\n")
    assert texts(k, "amazon-athena") == ["Amazon Athena queries S3 data with standard SQL"]
    assert texts(k, "aws-cloudtrail") == ["AWS CloudTrail records every API call in the account"]


def test_a_label_opening_with_a_short_name_as_an_everyday_word_is_not_that_service():
    catalog = (*PLACE, entity("Amazon Personalize", "amazon-personalize", aliases=("Personalize",)),
               entity("AWS Batch", "aws-batch"))
    text = "# Amazon Personalize\n\n## Pricing\n\n- Batch recommendations: charged per user or per item scored\n"
    k = build_knowledge([read_markdown("n.md", text.splitlines())], {"n.md": "n/"}, catalog)
    assert list(k.by_topic) == ["amazon-personalize"]


def test_a_sentence_broken_off_before_its_last_word_takes_that_word_back():
    k = know_place("# Amazon Athena\n\n- In web logs, failed queries may come from bots that should be\n\n"
                   "discarded.\n")
    assert texts(k, "amazon-athena") == ["In web logs, failed queries may come from bots that should be discarded."]


def test_a_lead_in_whose_parts_are_the_headings_after_it_and_a_bare_note_link_are_not_facts():
    k = know_specific("# Linear Learner\n\nWe can use it for two main purposes:\n\n### Regression\n\n"
                      "Predicts a number such as a house price from the features.\n\n"
                      "## Caused by\n\n- [[✅ (43) Configuring the notebook instance]]\n\n"
                      "For the advanced student, here's a deeper dive into the loss.\n")
    assert texts(k, "linear-learner") == ["Predicts a number such as a house price from the features."]


def test_a_bold_label_naming_a_general_idea_under_a_thing_stays_with_the_thing():
    catalog = (*(e for e in SPECIFIC if e.slug != "hyperparameter-tuning"),
               entity("Hyperparameter tuning", "hyperparameter-tuning", "concepts", aliases=("hyperparameter",)),
               Entity("SageMaker Automatic Model Tuning", "automatic-model-tuning", "services", ("AMT",),
                                 "AMT.", (("hyperparameter-tuning", "implements"),)))
    text = ("# Notes\n\n## SageMaker Automatic Model Tuning\n\n**1. Hyperparameter Range Selection**\n\n"
            "Start wide, then narrow the ranges around the best jobs of the first round.\n")
    k = build_knowledge([read_markdown("n.md", text.splitlines())], {"n.md": "n/"}, catalog)
    assert list(k.by_topic) == ["automatic-model-tuning"]


def test_a_structure_label_over_a_paragraph_is_part_of_the_subject_not_of_the_notes():
    k = know_place("# Amazon Athena\n\n**Structure:**\n\nQueries run on Presto over files that stay in S3.\n")
    assert texts(k, "amazon-athena") == ["Queries run on Presto over files that stay in S3."]


def test_a_box_asking_a_short_question_labels_what_follows():
    k = know_specific("# Deep learning basics\n\n<aside>Recurrent NN</aside>\n\nUseful for sequences of words.\n\n"
                      "<aside>Backpropagation and why do we need it?</aside>\n"
                      "It sends the error back through every layer of the network.\n")
    assert texts(k, "backpropagation") == ["It sends the error back through every layer of the network."]


def test_names_side_by_side_give_the_most_specific_topic_not_the_umbrella():
    catalog = (*(e for e in SPECIFIC if e.slug != "amazon-sagemaker-ai"),
               entity("Amazon SageMaker AI", "amazon-sagemaker-ai", aliases=("SageMaker", "Amazon SageMaker")),
               entity("SageMaker Batch Transform", "batch-transform", aliases=("Batch Transform",)))
    text = ("# Amazon SageMaker AI\n\n## Deployment options\n\n"
            "- Amazon SageMaker batch transform to get predictions for a whole dataset\n")
    k = build_knowledge([read_markdown("n.md", text.splitlines())], {"n.md": "n/"}, catalog)
    assert list(k.by_topic) == ["batch-transform"]


def test_a_short_name_opening_a_label_under_a_platform_still_names_its_service():
    catalog = (*PLACE, entity("Amazon Forecast", "amazon-forecast"))
    text = "# SageMaker algorithms\n\n- Forecast filling: middle, back and future fill cover different gaps\n"
    k = build_knowledge([read_markdown("n.md", text.splitlines())], {"n.md": "n/"}, catalog)
    assert list(k.by_topic) == ["amazon-forecast"]


def test_a_label_naming_a_topic_over_a_list_of_values_is_a_fact():
    catalog = (*PLACE, entity("Apache Parquet", "apache-parquet", "concepts", aliases=("Parquet",)),
               entity("CSV", "csv", "concepts"))
    text = "- Amazon Athena output formats: CSV, JSON, Parquet, ORC, Avro\n"
    k = build_knowledge([read_markdown("n.md", text.splitlines())], {"n.md": "n/"}, catalog)
    assert texts(k, "amazon-athena") == ["Amazon Athena output formats: CSV, JSON, Parquet, ORC, Avro"]


def test_a_limit_label_belongs_to_the_topic_above_not_to_what_it_counts():
    catalog = (*SPECIFIC, entity("SageMaker Automatic Model Tuning", "automatic-model-tuning", aliases=("AMT",)))
    text = "# SageMaker Automatic Model Tuning\n\n## Limits\n\n- **Max concurrent training jobs:** 100 (default: 2)\n"
    k = build_knowledge([read_markdown("n.md", text.splitlines())], {"n.md": "n/"}, catalog)
    assert list(k.by_topic) == ["automatic-model-tuning"]


def test_a_heading_naming_a_decision_framework_for_an_idea_stays_with_the_idea():
    catalog = (*PLACE, entity("Transfer learning", "transfer-learning", "concepts"))
    text = ("# Amazon SageMaker AI\n\n## Transfer Learning Decision Framework\n\n"
            "- Freeze the base layers when the labelled set is small and close to the original domain\n")
    k = build_knowledge([read_markdown("n.md", text.splitlines())], {"n.md": "n/"}, catalog)
    assert list(k.by_topic) == ["transfer-learning"]


def test_a_paragraph_saying_what_an_exam_domain_focuses_on_is_about_the_notes():
    k = know_place("# Exam domains\n\n## Domain 3: Deployment\n\nThis domain focuses on deploying models with "
                   "Amazon Athena and AWS Glue pipelines.\n")
    assert k.facts == []


def test_statements_differing_by_a_negation_are_not_merged_and_an_example_joins_its_statement():
    k = know_place("# Imbalanced data\n\n## Oversampling\n\nCopies minority rows of the churn dataset.\n\n"
                   "**Example:** In a churn dataset, copying rows of users who churned.\n\n## Undersampling\n\n"
                   "Drops majority rows of the churn dataset.\n\n"
                   "**Example:** In a churn dataset, dropping rows of users who did not churn.\n")
    assert texts(k, "imbalanced-data") == [
        "Copies minority rows of the churn dataset. **Example:** In a churn dataset, copying rows of users who "
        "churned.",
        "Drops majority rows of the churn dataset. **Example:** In a churn dataset, dropping rows of users who did not "
        "churn."]


def test_a_list_of_bare_exam_questions_words_about_code_and_a_pointer_to_parts_are_not_facts():
    k = know_place("# Amazon Athena\n\n**Key Exam Questions to Expect:**\n\n- \"Which engine runs Athena queries?\"\n"
                   "- \"How are Athena queries billed?\"\n\n"
                   "The provided code snippet simulates querying Athena from Python.\n\n"
                   "Its functionality is split in these APIs.\n**Query APIs**\n")
    assert k.facts == []


def test_an_everyday_word_is_no_side_of_a_comparison_but_a_name_beside_vs_is():
    catalog = (*PLACE, entity("Decision trees", "decision-trees", "algorithms"),
               entity("Outliers", "outliers", "concepts"),
               entity("Sigmoid", "sigmoid", "concepts"))
    text = ("# Decision trees\n\n## Advantages\n\n- **Robust to outliers:** Decision trees are less sensitive to "
            "outliers compared to other models.\n\n# Activations\n\n- Softmax vs sigmoid: softmax suits many classes\n")
    k = build_knowledge([read_markdown("n.md", text.splitlines())], {"n.md": "n/"}, catalog)
    assert "outliers" not in k.by_topic
    assert set(k.by_topic) == {"decision-trees", "softmax", "sigmoid"}


def test_the_catalog_knows_bedrock_knowledge_bases_by_their_short_name_and_unbalanced_data():
    from kb.catalog import load_catalog
    from kb.matcher import Matcher
    matcher = Matcher({n: e.slug for e in load_catalog() for n in e.terms})
    assert matcher.slugs_in("Recommended Approach: Knowledge Bases") == ["bedrock-knowledge-bases"]
    assert matcher.slugs_in("Unbalanced data sets hurt neural networks")[:1] == ["imbalanced-data"]


def test_a_checklist_paragraph_is_one_fact_per_line_and_an_example_label_names_no_subject():
    catalog = (*PLACE, entity("Confusion matrix", "confusion-matrix", "concepts"))
    text = ("# Security\n\n✅ **Amazon Athena** - query S3 data in place with SQL\n"
            "✅ **AWS CloudTrail** - record every API call for audits\n\n# Accuracy\n\n"
            "- **Example from confusion matrix above:** accuracy = 985 / 1000 = 98.5%\n")
    k = build_knowledge([read_markdown("n.md", text.splitlines())], {"n.md": "n/"}, catalog)
    assert texts(k, "amazon-athena") == ["✅ **Amazon Athena** - query S3 data in place with SQL"]
    assert texts(k, "aws-cloudtrail") == ["✅ **AWS CloudTrail** - record every API call for audits"]
    assert texts(k, "accuracy") == ["**Example from confusion matrix above:** accuracy = 985 / 1000 = 98.5%"]


def test_study_tips_lesson_goals_and_a_template_placeholder_are_about_the_notes():
    k = know_place("# Amazon Athena\n\n## Study Tips\n\n- Know when to use each Athena workgroup setting\n\n"
                   "## Goal\n\n- Understand Athena partition projection and workgroups\n\n## Pipeline\n\n"
                   "Describe your CI/CD pipeline here (e.g., GitHub Actions, Jenkins).\n")
    assert k.facts == []


def test_a_true_false_card_is_its_statement_when_true_and_no_fact_when_false():
    from kb.knowledge import card_statement, false_card
    true = m.Block(kind=m.CARD, text="", span=m.Span(1, 2), front="T/F: Amazon S3 encrypts new objects by default.",
                   back="True", card_kind="truefalse")
    false = m.Block(kind=m.CARD, text="", span=m.Span(3, 4), front="True or false: Amazon S3 is a block store.",
                    back="False", card_kind="truefalse")
    assert card_statement(true) == "Amazon S3 encrypts new objects by default."
    assert not false_card(true) and false_card(false)


def test_a_heading_that_holds_only_its_features_gets_their_facts_too():
    redshift = Entity("Amazon Redshift", "amazon-redshift", "services", ("Redshift",), "Warehouse.",
                      (("redshift-ml", "feature"),), None)
    ml = Entity("Amazon Redshift ML", "redshift-ml", "services", ("Redshift ML",), "SQL models.",
                (("amazon-redshift", "feature of"),), None)
    ingestion = Entity("Amazon Redshift streaming ingestion", "redshift-streaming-ingestion", "services",
                       ("Redshift streaming ingestion",), "Streams in.", (("amazon-redshift", "feature of"),), None)
    notes = ("# Data engineering\n\n## Redshift\n\n- Redshift ML: call models with SQL, no export to S3 first\n"
             "- Redshift streaming ingestion: reads a stream straight into a materialized view\n")
    doc = read_markdown("n.md", notes.splitlines())
    k = build_knowledge([doc], {"n.md": "sources/n/"}, (*CATALOG, redshift, ml, ingestion))
    assert [len(k.by_topic[s]) for s in ("redshift-ml", "redshift-streaming-ingestion")] == [1, 1]
    assert len(k.by_topic["amazon-redshift"]) == 2  # the notes treat Redshift: its page holds its features
    assert all(f.topics[0] != "amazon-redshift" for f in k.by_topic["amazon-redshift"])  # still theirs first
    # A topic other facts already name keeps only those: its features stay on their own pages.
    k = build_knowledge([read_markdown("n.md", (notes + "\nRedshift is a columnar warehouse.\n").splitlines())],
                        {"n.md": "sources/n/"}, (*CATALOG, redshift, ml, ingestion))
    assert texts(k, "amazon-redshift") == ["Redshift is a columnar warehouse."]


# -- topics from the notes' titles, page code, and catalog names spelt another way ------------------------------

TITLES = (
    *PLACE,
    entity("SageMaker Model Registry", "sagemaker-model-registry", "sagemaker", aliases=("Model Registry",)),
    entity("Amazon Kinesis", "amazon-kinesis", aliases=("Kinesis family",)),
    entity("Amazon Augmented AI", "amazon-augmented-ai", aliases=("A2I",)),
    entity("Amazon OpenSearch Service", "amazon-opensearch-service", aliases=("Elasticsearch",)),
)


def know_in(catalog: tuple[Entity, ...], *notes: tuple[str, str]):
    """Knowledge of several notes (file name, Markdown) against a catalog."""
    docs = [read_markdown(name, text.splitlines()) for name, text in notes]
    return build_knowledge(docs, {name: f"sources/{n}/" for n, (name, _) in enumerate(notes)}, catalog)


def know_notes(*notes: tuple[str, str]):
    return know_in(TITLES, *notes)


def test_a_note_titled_with_a_concept_the_catalog_lacks_becomes_its_topic():
    # an Obsidian note with no heading: its file name is its title, and its subject
    k = know_notes(("concepts/Poisson Distribution.md",
                    "A discrete distribution of how many events happen in a fixed interval.\n\n"
                    "- Its single parameter lambda is both the mean and the variance\n"))
    assert k.discovered == ["poisson-distribution"] and k.entities["poisson-distribution"].section == "concepts"
    assert len(k.by_topic["poisson-distribution"]) == 2 and not k.off_topic


def test_titles_of_course_parts_readmes_templates_and_repository_files_are_not_topics():
    k = know_notes(("docs/cheat-sheets/exam-tips.md", "# Exam Tips\n\nFlag hard questions and come back later.\n"),
                   ("_templates/cornell.md", "# Cornell\n\nSummary of the lesson goes in this box.\n"),
                   ("guides/TEMPLATE.md", "# Topic Name\n\nOne paragraph about the topic comes first.\n"),
                   ("docs/SECURITY.md", "# Security Policy\n\nReport a vulnerability by opening a private issue.\n"),
                   ("data/text1.txt", "Sample sentences for the labelling exercise follow below.\n"),
                   ("notes/Stream facts again.md", "Records stay for a day unless retention is raised.\n"))
    assert k.discovered == [] and k.facts == []
    about = "about the notes (course outline, contents, links, credits)"
    assert set(k.off_topic["docs/SECURITY.md"].values()) == {about}


def test_a_fact_that_names_its_own_topic_leaves_the_title_s_idea():
    k = know_notes(("domain-2/model-versioning.md",
                    "# Model Versioning\n\nKeeping every trained model as a numbered, approved version.\n\n"
                    "## Best practices\n\n- Use Model Registry for all production models\n"
                    "- Use Clarify for bias detection and explainability\n"
                    "- Tag models with the data set they were trained on\n"))
    assert texts(k, "sagemaker-model-registry") == ["Use Model Registry for all production models"]
    assert texts(k, "sagemaker-clarify") == ["Use Clarify for bias detection and explainability"]
    assert len(texts(k, "model-versioning")) == 2


def test_a_one_word_title_names_its_note_but_is_an_everyday_word_in_other_notes():
    k = know_notes(("databases/Isolation.md", "One of the four ACID properties of a transaction.\n"),
                   ("ml.md", "# Notes on endpoints\n\n- Isolation of the endpoint comes from a private VPC\n"))
    assert texts(k, "isolation") == ["One of the four ACID properties of a transaction."]


def test_html_page_code_in_a_note_is_reported_not_placed():
    k = know_notes(("quiz.md", "# XGBoost\n\n<div id=\"quiz\" class=\"box\">\n<label for=\"n\">Questions:</label>\n"
                    "<button id=\"go\">Start</button>\n</div>\n\n<style>\n.box { margin: 1rem; }\n</style>\n\n"
                    "XGBoost builds boosted trees one after another.\n"))
    assert texts(k, "xgboost") == ["XGBoost builds boosted trees one after another."]
    reasons = set(k.off_topic["quiz.md"].values())
    assert reasons == {"page code of the author's site (layout, style, script), not text"}


def test_a_catalog_name_under_another_prefix_or_misspelt_is_the_catalog_topic():
    k = know_notes(("a.md", "# AWS Kinesis\n\nA family of services for data that arrives continuously.\n"),
                   ("b.md", "# Amazon Augemented AI\n\nPuts people in the loop to review low-confidence results.\n"),
                   ("c.md", "# Elasticsearch\n\nA domain is the endpoint of a search cluster.\n"))
    assert k.discovered == []
    assert len(texts(k, "amazon-kinesis")) == len(texts(k, "amazon-augmented-ai")) == 1
    assert len(texts(k, "amazon-opensearch-service")) == 1


def test_lines_about_the_exam_itself_are_reported_as_such_not_as_missing_knowledge():
    k = know_notes(("cheat-sheets/index.md", "# Cheat Sheets\n\n## Exam Format\n\n- Sixty-five questions in all\n\n"
                    "## Time Management\n\n- Flag the hard ones and return at the end\n\n"
                    "## Spare thoughts\n\n- Keep a steady pace throughout the day\n"))
    reasons = k.off_topic["cheat-sheets/index.md"]
    assert reasons[5] == reasons[9] == "about the exam or how to use the notes (format, domains, timing, test-taking)"
    assert reasons[13] == "names no topic and sits under no topic's heading"


def test_a_topic_found_in_the_notes_is_defined_by_the_note_s_sentence_saying_what_it_is():
    k = know_notes(("prep/data-ingestion.md", "# Data Ingestion\n\n- Verify the ingestion files are complete\n"
                    "- Data ingestion is moving data from its sources into storage for training. It runs daily.\n"),
                   ("stats/Huber Loss.md", "The lower the loss, the better the model is doing.\n"))
    assert k.entities["data-ingestion"].summary == ("Data ingestion is moving data from its sources into storage for "
                                                   "training. (A topic found in the notes, not in the catalog.)")
    assert k.entities["huber-loss"].summary == "Huber Loss: a topic found in the notes (not in the catalog)."


# -- placement, fourth pass: headings read with the topic above, decision answers, rows, pitfalls ---------------

FOURTH = (
    *(e for e in TITLES if e.slug != "sagemaker-clarify"),
    entity("SageMaker Clarify", "sagemaker-clarify", "sagemaker"),  # no short alias: 'Clarify' is read in rows
    entity("AWS Glue Data Quality", "glue-data-quality", aliases=("Glue Data Quality",)),
    entity("AWS Identity and Access Management", "aws-iam", "security", aliases=("IAM",)),
    entity("IAM groups", "iam-groups", "security"),
    entity("AWS Data Pipeline", "aws-data-pipeline", aliases=("Data Pipeline",)),
    entity("AWS Glue Data Catalog", "glue-data-catalog", aliases=("Glue Data Catalog", "Glue crawlers")),
    entity("AWS Glue DataBrew", "glue-databrew", aliases=("Glue DataBrew",)),
    entity("Amazon Bedrock", "amazon-bedrock", aliases=("Bedrock",)),
    entity("SageMaker Model Monitor", "sagemaker-model-monitor", "sagemaker", aliases=("Model Monitor",)),
    entity("SageMaker Automatic Model Tuning", "automatic-model-tuning", "sagemaker", aliases=("AMT",)),
    entity("SageMaker training jobs", "sagemaker-training-jobs", "sagemaker", aliases=("training jobs",)),
    entity("Transfer learning", "transfer-learning", "concepts"),
    entity("Convolutional neural networks", "cnn", "concepts", aliases=("CNN", "ResNet")),
    entity("ROC curve", "roc", "concepts", aliases=("ROC",)),
    entity("Regularization", "regularization", "concepts"),
    entity("L2 regularization", "l2-regularization", "concepts"),
)


def know_fourth(text: str, name: str = "n.md"):
    return know_in(FOURTH, (name, text))


def test_a_heading_read_with_the_topic_above_it_can_name_a_topic():
    k = know_fourth("# IAM\n\n## Groups\n\n- Assign permissions to groups rather than to each user\n")
    assert list(k.by_topic) == ["iam-groups"]


def test_a_qualified_sibling_heading_does_not_lend_its_topic_to_the_next_part():
    k = know_fourth("# AWS Glue\n\n## Crawlers\n\nThey infer the schema of what they scan.\n\n"
                    "## ETL Jobs\n\nSpark-based transformation of the data.\n")
    assert [f.topics for f in k.facts] == [["glue-data-catalog"], ["aws-glue"]]


def test_a_decision_row_belongs_to_the_service_it_chooses_even_a_platform_named_alone():
    k = know_fourth("## Data Pipeline Selection\n\n| Scenario | Service |\n|---|---|\n"
                    "| Simple ETL with schema discovery | AWS Glue |\n")
    assert list(k.by_topic) == ["aws-glue"]
    k = know_fourth("# AWS CloudTrail\n\n| Scenario | Solution |\n|---|---|\n"
                    "| Audit trail for regulators | SageMaker Lineage (automatic capture) |\n")
    assert list(k.by_topic) == ["aws-cloudtrail"]  # a part of the platform the catalog lacks: not the platform


def test_a_decision_answer_is_what_it_names_outside_brackets_and_not_what_it_rules_out():
    k = know_fourth("## Scenarios\n\n| Scenario | Solution |\n|---|---|\n"
                    "| Little labelled image data | Transfer learning (ResNet, pre-trained) |\n"
                    "| Tabular churn prediction | SageMaker - NOT Bedrock |\n")
    assert [f.topics for f in k.facts] == [["transfer-learning"], ["amazon-sagemaker-ai"]]


def test_a_row_whose_first_value_is_a_part_of_the_platform_above_is_about_that_part():
    k = know_fourth("# Amazon SageMaker AI\n\n## Key Features\n\n| Feature | Description |\n|---|---|\n"
                    "| Clarify | Bias and explainability |\n")
    assert list(k.by_topic) == ["sagemaker-clarify"]


def test_a_label_naming_a_problem_is_about_the_section_not_the_thing_it_counts():
    k = know_fourth("# SageMaker Automatic Model Tuning\n\n## Pitfalls\n\n"
                    "- **Insufficient training jobs:** ten jobs cannot cover five hyperparameters\n")
    assert list(k.by_topic) == ["automatic-model-tuning"]


def test_setting_up_a_worked_example_is_words_about_the_note():
    k = know_fourth("# ROC curve\n\nLet's consider the pizza ordering prediction problem from before.\n\n"
                    "The curve plots the true positive rate against the false positive rate.\n")
    assert texts(k, "roc") == ["The curve plots the true positive rate against the false positive rate."]


def test_a_parameter_labelled_in_code_under_an_idea_belongs_to_the_thing_above_it():
    k = know_fourth("# XGBoost\n\n## Regularization\n\n- **`lambda`** - L2 regularization of the weights, default 1\n"
                    "- Regularization shrinks the weights to keep a model from fitting noise\n")
    assert [f.topics for f in k.facts] == [["xgboost"], ["regularization"]]


def test_what_opens_a_statement_before_its_verb_is_its_subject_for_more_verbs():
    k = know_fourth("- Debugger monitors training jobs for vanishing gradients\n"
                    "- Model Monitor tracks drift of endpoints\n")
    assert [f.topics for f in k.facts] == [["sagemaker-debugger"], ["sagemaker-model-monitor"]]


# -- fifth pass: facts alike in words about different things, notes read one after another, labels ------------

FIFTH = (
    *FOURTH,
    entity("Time series forecasting", "time-series", "concepts", aliases=("time series",)),
    entity("Amazon EFS", "amazon-efs", aliases=("EFS",)),
    entity("AWS Glue", "aws-glue", aliases=("Glue",)),
    entity("Extract, transform, load", "etl", "concepts", aliases=("ETL",)),
    entity("Factorization Machines", "factorization-machines", "algorithms"),
    entity("SageMaker built-in algorithms", "built-in-algorithms", "sagemaker", aliases=("built-in algorithms",)),
    entity("Precision", "precision", "concepts"),
    entity("Confusion matrix", "confusion-matrix", "concepts", aliases=("false positives",)),
    entity("Amazon Bedrock Agents", "bedrock-agents", aliases=("Bedrock Agents",)),
    entity("Amazon Bedrock Guardrails", "bedrock-guardrails", aliases=("Bedrock Guardrails",)),
)


def replacing(catalog: tuple[Entity, ...], *entities: Entity) -> tuple[Entity, ...]:
    """The catalog with these entries in place of those of the same slugs."""
    new = {e.slug for e in entities}
    return tuple(e for e in catalog if e.slug not in new) + entities


def know_fifth(*notes: tuple[str, str]):
    return know_in(FIFTH, *notes)


def test_rows_and_labelled_statements_about_different_things_are_not_merged():
    additive = "- Additive model: seasonality + trend + noise make the series\n"
    k = know_fifth(("a.md", "# Time series forecasting\n\n" + additive +
                    "- Multiplicative model: seasonality * trend * noise make the series\n\n"
                    "| Channel | Purpose |\n|---|---|\n| train | Data the training job reads |\n"
                    "| validation | Data the training job reads to score |\n"),
                   ("b.md", "# Time series forecasting\n\n" + additive))
    facts = k.by_topic["time-series"]
    assert len(facts) == 4 and k.merged == 1  # only the one said twice is one fact, citing both notes
    assert [len(f.sources) for f in facts] == [2, 1, 1, 1]


def test_a_note_never_continues_the_last_fact_of_the_note_read_before_it():
    k = know_fifth(("a.md", "# Time series forecasting\n\nA series is a sequence of values over time.\n"),
                   ("b.md", "mean is the average of the values in a column.\n"))
    assert texts(k, "time-series") == ["A series is a sequence of values over time."]


def test_a_label_naming_an_integration_is_about_the_thing_the_section_is_about():
    k = know_fifth(("a.md", "# Amazon EFS\n\n- **SageMaker integration:** attach EFS as training input\n"))
    assert list(k.by_topic) == ["amazon-efs"]


def test_an_acronym_spelled_out_defines_the_acronym_s_topic_even_under_a_service():
    k = know_fifth(("a.md", "# Amazon EFS\n\n- ETL: Extract, Transform, Load\n"))
    assert list(k.by_topic) == ["etl"]


def test_a_built_in_algorithms_column_names_the_choice():
    k = know_fifth(("a.md", "## Choosing an algorithm\n\n| Problem Type | Built-in Algorithms |\n|---|---|\n"
                    "| Recommendations | Factorization Machines |\n"))
    assert list(k.by_topic) == ["factorization-machines"]


def test_a_property_label_stays_with_the_heading_it_sits_under():
    k = know_fifth(("a.md", "#### Precision\n\n- **Use when:** false positives are costly, as in spam filtering\n"))
    assert list(k.by_topic) == ["precision"]


def test_a_bold_line_over_deeper_headings_titles_them_until_its_numbered_sibling():
    k = know_fifth(("a.md", "# Amazon Bedrock\n\n### Key Features\n\n**1. Model choice**\n\n"
                    "Many providers' models behind one API.\n\n**2. Bedrock Agents** `#exam-tip`\n\n"
                    "#### What agents are\n\nThey plan steps and call the tools they are given.\n\n"
                    "#### Parts\n\n**1. Instructions**\n\n"
                    "A plain description of the job the agent does for its users.\n\n"
                    "**2. Action groups**\n\nLambda functions the agent may call.\n\n"
                    "**3. Stored documents**\n\nFiles the agent searches before it answers a question.\n\n"
                    "#### Scenarios\n\n- Book flights and answer policy questions with one agent\n\n"
                    "**3. Guardrails**\n\nThey filter harmful content in prompts and answers.\n"))
    assert [f.topics[0] for f in k.facts] == ["amazon-bedrock", *["bedrock-agents"] * 5, "bedrock-guardrails"]


def test_where_a_chosen_service_delivers_to_is_not_the_choice():
    k = know_fifth(("a.md", "## Ingestion choices\n\n- Streaming records → Firehose to S3\n"))
    assert list(k.by_topic) == ["amazon-data-firehose"]


def test_a_heading_naming_a_catalog_family_without_its_closing_word_is_that_family():
    catalog = (*FIFTH, entity("Amazon Lookout services", "amazon-lookout", aliases=("Lookout for Metrics",)))
    k = know_in(catalog, ("a.md", "# Amazon Lookout\n\nA family of services that find anomalies in data.\n"))
    assert k.discovered == [] and list(k.by_topic) == ["amazon-lookout"]


def test_how_likely_the_exam_is_to_ask_something_is_not_a_fact_about_it():
    k = know_fifth(("a.md", "# XGBoost\n\n- **Stacking (extra):** Not commonly asked on the exam\n"
                    "- Boosted trees are built one after another on the residuals\n"))
    assert texts(k, "xgboost") == ["Boosted trees are built one after another on the residuals"]


def test_a_label_read_with_the_topic_above_it_can_name_a_part_of_that_topic():
    k = know_fifth(("a.md", "# Amazon Bedrock\n\n## Best practices\n\n"
                    "- **Implement Guardrails:** filter personal data out of the answers\n"),
                   ("b.md", "# IAM\n\n- Groups: hold users only, never other groups\n"))
    assert [f.topics for f in k.facts] == [["bedrock-guardrails"], ["iam-groups"]]


def test_an_idea_in_a_platform_is_the_platform_s_named_feature():
    catalog = replacing((*FIFTH, entity("Hyperparameter tuning", "hyperparameter-tuning", "concepts")),
                        entity("SageMaker Automatic Model Tuning", "automatic-model-tuning", "sagemaker",
                               aliases=("SageMaker hyperparameter tuning",)))
    k = know_in(catalog, ("a.md", "## Reinforcement learning\n\n"
                              "- Hyperparameter tuning in SageMaker can search the reward parameters too\n"))
    assert list(k.by_topic) == ["automatic-model-tuning"]


def test_a_worked_scenario_is_one_fact_about_what_its_solution_chooses():
    # the stem is a bold line, not a heading: its solution list, data table and steps belong to it
    k = know_fifth(("a.md", "# Amazon SageMaker AI\n\n## Tuning scenarios\n\n"
                    "**Scenario 1:** Rare fraud cases in a large set of card payments\n"
                    "- **Problem:** the positive class is tiny\n- **Solution:**\n"
                    "  - XGBoost: weight the positive class up\n  - Oversample with SMOTE before training\n\n"
                    "**Scenario 2:** Loss on the test set climbs while training loss falls\n\n"
                    "**Data:**\n\n| epoch | train | test |\n|---|---|---|\n| 1 | 0.9 | 0.8 |\n| 9 | 0.1 | 1.4 |\n\n"
                    "**Solution:** stop early and add L2 regularization\n\n"
                    "**3. Spot capacity**\n\nManaged Spot Training cuts the bill of long jobs.\n"))
    first, second, spot = k.facts
    assert first.text.startswith("**Scenario 1:**") and first.topics == ["xgboost", "smote"]
    assert [b.kind for b in first.extra] == ["list"] and first.sources[0].last == 9
    assert first.group == "How it compares"  # on the page under "Comparisons and when to use what"
    assert second.topics == ["l2-regularization"]  # the solution's choice, though an idea, not SageMaker AI
    assert [b.kind for b in second.extra] == ["paragraph", "table", "paragraph"]
    assert spot.text.startswith("Managed Spot Training") and spot.subject.endswith("Spot capacity")  # not example
    assert not k.off_topic


def test_a_case_study_asking_several_questions_keeps_one_fact_per_answer():
    k = know_fifth(("a.md", "## Data preparation\n\nScenario: logs in S3 and a database on premises feed one model.\n\n"
                    "Q: Which service gathers the sources into one lake?\n\n"
                    "A: AWS Glue crawls and catalogs all of them.\n\n"
                    "Q: How are rare classes made common enough?\n\nA: Oversample them with SMOTE before training.\n"))
    assert [f.topics for f in k.facts if f.text.startswith("A:")] == [["aws-glue"], ["smote"]]


def test_a_code_hyperparameter_with_its_spelled_out_name_is_its_algorithm_s():
    catalog = (*FIFTH, entity("Linear Learner", "linear-learner", "algorithms"))
    k = know_in(catalog, ("a.md", "# Linear Learner\n\n## Regularization\n\n"
                              "- **`wd`** (weight decay) - L2 regularization, from 0 upwards\n"))
    assert list(k.by_topic) == ["linear-learner"]


def test_a_practice_page_named_as_a_product_s_feature_is_a_thing_not_an_idea():
    # Managed Spot Training is filed with the MLOps practices, but its alias names it as SageMaker's feature
    catalog = (*FIFTH, entity("Spot Training", "spot-training", "mlops", aliases=("SageMaker Spot Training",)),
               entity("Rightsizing", "rightsizing", "mlops"))
    k = know_in(catalog, ("a.md", "# SageMaker training jobs\n\n**Spot Training**\n\n- Cuts the bill by up to 90%\n"),
                ("b.md", "## Training costs\n\n**Spot Training**\n\nInterrupted jobs resume from checkpoints.\n\n"
                         "**Rightsizing**\n\n| Family | Use |\n|---|---|\n| ml.c5 | CPU-bound jobs |\n"))
    assert [f.topics for f in k.facts] == [["spot-training"], ["spot-training"], ["rightsizing"]]


def test_a_pronoun_after_a_fronted_phrase_is_the_subject_above_not_what_the_phrase_names():
    catalog = (*FIFTH, entity("Amazon EMR", "amazon-emr", aliases=("EMR", "Elastic MapReduce")),
               entity("IAM roles", "iam-roles", "security"))
    k = know_in(catalog, ("a.md", "# Elastic MapReduce\n\n"
                              "- Apart fom IAM roles and SSH keys, it can also authenticate users with Kerberos\n"))
    assert list(k.by_topic) == ["amazon-emr"]


def test_a_lead_in_over_kinds_of_one_thing_is_about_that_thing_not_the_idea_above():
    catalog = replacing(FIFTH, entity("Activation functions", "activation-functions", "concepts",
                                      aliases=("ReLU", "Leaky ReLU", "Swish")))
    k = know_in(catalog, ("a.md", "# Neural networks\n\n**Which one to pick**\n\n"
                              "Most layers of a deep network:\n\n1. Start with ReLU\n2. Then try Leaky ReLU\n"
                              "3. Swish for very deep stacks\n\n"),
                ("b.md", "# SMOTE\n\nNew minority samples come from neighbours:\n\n"
                         "- Run KNN over each minority sample\n- Average the KNN result into a new sample\n"))
    assert [f.topics for f in k.facts] == [["activation-functions"], ["smote"]]


def test_a_row_of_a_table_comparing_topics_in_its_columns_is_about_each_of_them():
    catalog = (*FIFTH, entity("MLOps", "mlops", "mlops"),
               entity("SageMaker real-time endpoints", "real-time-endpoints", aliases=("SageMaker endpoint",)),
               entity("SageMaker Batch Transform", "batch-transform", aliases=("Batch Transform",)))
    k = know_in(catalog, ("mlops/deployment.md", "# MLOps deployment\n\n## Choosing a deployment\n\n"
                          "| Factor | Endpoint | Batch Transform | Notes |\n|---|---|---|---|\n"
                          "| Idle cost | Billed while up | None between jobs | check quotas |\n\n"
                          "| Factor | Value |\n|---|---|\n| Release cadence | weekly |\n"))
    assert [f.topics for f in k.facts] == [["real-time-endpoints", "batch-transform"], ["mlops"]]
    assert [f.group for f in k.facts] == ["How it compares", "What it is"]


def test_a_name_and_its_other_name_is_not_a_fact():
    k = know_fifth(("a.md", "# Activation functions\n\nTanH aka Hyperbolic Tangent\n\n"
                    "Tanh squashes its input into the range from -1 to 1.\n"))
    assert texts(k, "activation-functions") == ["Tanh squashes its input into the range from -1 to 1."]
    assert set(k.off_topic["a.md"].values()) == {"too short to be a fact (a bare name or label)"}


ENDPOINTS = (*FIFTH, entity("SageMaker real-time endpoints", "real-time-endpoints",
                            aliases=("SageMaker endpoints", "SageMaker endpoint", "real-time endpoint")),
             entity("SageMaker Asynchronous Inference", "async-inference", aliases=("async endpoint",)),
             entity("SageMaker Serverless Inference", "serverless-inference",
                    aliases=("serverless endpoint", "SageMaker Serverless")),
             entity("IAM policies", "iam-policies", "security"),
             entity("Resource-based policies", "resource-policies", "security", aliases=("resource policies",)))


def test_a_label_naming_a_kind_of_endpoint_under_endpoints_is_that_kind():
    k = know_in(ENDPOINTS, ("a.md", "# SageMaker Endpoints\n\n"
                                "| Feature | Real-time | Async |\n|---|---|---|\n| Max payload | 6 MB | 1 GB |\n\n"
                                "## Choosing\n\n- Async: large payloads and long processing\n"
                                "- Real-time: steady traffic that needs low latency\n"),
                ("b.md", "# IAM policies\n\n- Resource: the ARNs that the actions apply to\n"))
    assert [f.topics for f in k.facts] == [["real-time-endpoints", "async-inference"], ["async-inference"],
                                           ["real-time-endpoints"], ["iam-policies"]]


def test_a_feature_row_under_a_platform_is_the_platform_s_feature_of_that_name():
    catalog = replacing(FIFTH, entity("SageMaker training jobs", "sagemaker-training-jobs",
                                      aliases=("training jobs", "SageMaker training")))
    k = know_in(catalog, ("a.md", "# Amazon SageMaker AI\n\n| Feature | Description |\n|---|---|\n"
                                  "| Training | Managed infrastructure that runs training code |\n"))
    assert list(k.by_topic) == ["sagemaker-training-jobs"]


def test_the_axes_of_a_plot_are_not_two_things_compared():
    catalog = replacing(FIFTH, entity("ROC curve", "roc", "concepts", aliases=("false positive rate",)),
                        entity("Recall", "recall", "concepts", aliases=("true positive rate",)))
    k = know_in(catalog, ("a.md", "# Confusion matrix\n\n## ROC curve\n\n- Plot of true positive rate "
                                  "(recall) vs. false positive rate across thresholds\n"),
                ("b.md", "# Recall\n\n- Recall vs. false positive rate: the two sides of one threshold choice\n"))
    assert [f.topics for f in k.facts] == [["roc"], ["recall", "roc"]]


def test_a_heading_naming_an_idea_in_a_platform_is_the_platform_s_page_for_it():
    catalog = (*FIFTH, entity("Reinforcement learning", "reinforcement-learning", "concepts"),
               entity("SageMaker reinforcement learning", "sagemaker-rl", "sagemaker"))
    k = know_in(catalog, ("a.md", "## Reinforcement Learning in SageMaker\n\n- Supports Coach and RLlib toolkits\n"))
    assert list(k.by_topic) == ["sagemaker-rl"]


def test_a_comparison_table_s_column_names_stand_for_their_topics_in_the_rest_of_the_note():
    catalog = (*ENDPOINTS, entity("MLOps", "mlops", "mlops"),
               entity("SageMaker Batch Transform", "batch-transform", aliases=("Batch Transform",)))
    k = know_in(catalog, ("mlops/deploy.md", "# MLOps deployment\n\n"
                          "| Factor | Endpoint | Batch Transform | Serverless |\n|---|---|---|---|\n"
                          "| Idle cost | billed | none | none |\n\n"
                          "**Choose Serverless when:**\n\n- traffic comes in bursts with idle gaps between them\n"),
                ("mlops/other.md", "# MLOps\n\n**Choose Serverless when:**\n\n- the team wants no servers at all\n"))
    assert [f.topics for f in k.facts][1:] == [["serverless-inference"], ["mlops"]]


def test_the_legend_under_a_formula_stays_with_it():
    k = know_more("# Neural networks\n\nThe output of one unit is given by:\n\n```\ny = f(w * x + b)\n```\n\nwhere:\n\n"
                  "- w is the weight vector learnt in training\n- b is the bias added before the activation\n")
    [fact] = k.facts
    assert [b.kind for b in fact.extra] == [m.CODE, m.PARAGRAPH, m.LIST] and not k.off_topic


def test_an_instruction_heading_is_read_with_the_topic_above_it_without_its_verb():
    catalog = (*FIFTH, entity("Amazon CloudWatch", "amazon-cloudwatch", aliases=("CloudWatch",)),
               entity("Amazon CloudWatch alarms", "cloudwatch-alarms", aliases=("CloudWatch alarms",)))
    k = know_in(catalog, ("a.md", "# Amazon CloudWatch\n\n### Creating Alarms\n\n```python\nput_metric_alarm()\n```\n"))
    assert list(k.by_topic) == ["cloudwatch-alarms"]


def test_a_subject_read_with_the_platform_above_it_names_the_platform_s_part():
    catalog = (*FIFTH, entity("SageMaker notebook instances", "notebook-instances", aliases=("SageMaker Notebooks",)))
    k = know_in(catalog, ("a.md", "# Amazon SageMaker AI\n\n- Notebooks are open to the internet by default\n"
                                  "- Jobs are billed by the second\n"))
    assert [f.topics for f in k.facts] == [["notebook-instances"], ["amazon-sagemaker-ai"]]


def test_what_to_study_is_not_a_fact():
    k = know_fifth(("a.md", "# Built-in algorithms\n\n- **Algorithms** - Know which algorithm for which problem\n"
                            "- Understand real-time vs batch transform tradeoffs\n"
                            "- Linear Learner trains linear models for regression and classification\n"))
    assert len(k.facts) == 1
    assert set(k.off_topic["a.md"].values()) == {"about the exam or how to use the notes (format, domains, timing, "
                                                 "test-taking)"}


def test_a_fact_knows_which_services_it_names_are_gone_today():
    gone = Entity("Amazon Elastic Inference", "ei", "services", ("Elastic Inference",), "GPU slices.", (),
                  "closed to new customers in April 2023 and shut down in 2024", "discontinued", "2024-04")
    k = know_in((*FIFTH, gone), ("a.md", "# Amazon SageMaker AI\n\n- Elastic Inference adds a GPU to an endpoint\n"
                                        "- Spot capacity cuts the cost of training jobs\n\n"
                                        "Recommended for inference:\n\n- ml.c5 for CPU models\n- Elastic Inference\n"))
    assert [f.dated for f in k.facts] == [("ei",), (), ("ei",)]


def test_an_inline_formula_and_the_legend_under_it_are_one_fact():
    k = know_more("# Neural networks\n\n### Formula\n\n$y = w x + b$\n\nWhere:\n\n"
                  "- **w:** the weight vector learnt during training\n- **b:** the bias added before activation\n")
    [fact] = k.facts
    assert fact.text.startswith("$y = w x + b$") and [b.kind for b in fact.extra] == [m.LIST] and not k.off_topic


def test_a_sentence_saying_why_from_what_came_before_carries_on_that_fact():
    k = know_more("# Neural networks\n\nA linear activation stacks into one linear map, whatever the depth.\n\n"
                  "That's why deep networks need a non-linear activation.\n\nGreat, let's move to the next block.\n")
    assert [f.text.count("That's why") for f in k.facts] == [1]
    assert set(k.off_topic["n.md"].values()) == {"about the notes (course outline, contents, links, credits)"}


def test_a_bold_references_label_and_its_list_are_about_the_notes():
    k = know_fifth(("a.md", "# Amazon S3\n\n- Objects are stored in buckets inside one region\n\n**References**\n\n"
                            "- [S3 User Guide](https://docs.aws.amazon.com/s3/): Security\n"
                            "- SMITH, Jane. Cloud storage in practice. Second edition, 2019.\n"))
    assert len(k.facts) == 1
    assert set(k.off_topic["a.md"].values()) == {"about the notes (course outline, contents, links, credits)"}


def test_a_name_inside_a_longer_word_is_not_an_umbrella_of_it():
    # 'Model Monitor' is not a broader name of 'model monitoring', nor 'data lake' of 'data lakehouse'
    catalog = (*FIFTH, entity("Model monitoring", "model-monitoring", "mlops"),
               entity("Data lake", "data-lake", "concepts"), entity("Data lakehouse", "data-lakehouse", "concepts"))
    k = know_in(catalog, ("a.md", "# Model monitoring\n\n- SageMaker Model Monitor detects drift in live models\n"),
                ("b.md", "# Data lakehouse\n\n- A data lake keeps raw data in whatever format it arrived in\n"))
    assert [f.topics for f in k.facts] == [["sagemaker-model-monitor"], ["data-lake"]]


def test_what_an_instruction_acts_on_read_with_the_topic_above_it_is_that_part():
    catalog = (*FIFTH, entity("S3 Versioning", "s3-versioning", aliases=("bucket versioning",)))
    k = know_in(catalog, ("a.md", "# Amazon S3\n\n## Best practices\n\n- Enable versioning for data lineage\n"
                                  "- Enable logging for every bucket you share\n"))
    assert [f.topics for f in k.facts] == [["s3-versioning"], ["amazon-s3"]]


SCALING = (*FIFTH, entity("AWS Auto Scaling", "aws-auto-scaling", aliases=("scaling plan",)),
           entity("Amazon EC2", "amazon-ec2", aliases=("EC2",)),
           entity("Amazon EC2 Auto Scaling", "ec2-auto-scaling", aliases=("EC2 Auto Scaling", "Auto Scaling group")),
           Entity("Endpoint auto scaling", "endpoint-auto-scaling", "mlops", ("SageMaker automatic scaling",),
                  "Endpoint auto scaling.", (), headings=("Auto Scaling", "Auto-Scaling")))


def test_a_family_word_heading_names_the_topic_the_catalog_gives_it_not_a_vendor_name_without_its_prefix():
    # 'Auto Scaling' is the family of EC2, Application and AWS Auto Scaling; as a heading in ML notes it is
    # the scaling of endpoints, which the catalog says with `headings:`
    k = know_in(SCALING, ("a.md", "# Auto Scaling\n\n## Scheduled Scaling\n\n"
                                  "Scale out every weekday morning before the traffic arrives.\n"))
    assert [f.topics for f in k.facts] == [["endpoint-auto-scaling"]]


def test_a_cloze_answer_is_the_longer_name_it_completes_in_its_sentence():
    cards = (m.Block(m.CARD, m.Span(1, 2), front="Models served from EC2 can sit in an _____ group that spans AZs.",
                     back="Auto Scaling", card_kind="cloze"),
             m.Block(m.CARD, m.Span(3, 4), front="Deploy models on Amazon EC2 instances configured with _____ across "
                     "several Availability Zones.", back="Auto Scaling", card_kind="cloze"))
    doc = m.Document("d.txt", "flashcards", "Deck", 4, cards)
    k = build_knowledge([doc], {"d.txt": "d/"}, SCALING)
    assert [f.topics for f in k.facts] == [["ec2-auto-scaling"], ["ec2-auto-scaling"]]


def test_a_label_under_model_monitoring_names_the_drift_its_monitor_watches():
    catalog = (*FIFTH, entity("Model monitoring", "model-monitoring", "mlops"),
               entity("Model explainability", "model-explainability", "concepts", ("feature attribution",)),
               entity("Feature attribution drift", "feature-attribution-drift", "mlops"),
               entity("Data drift", "data-drift", "mlops", ("data quality drift",)))
    k = know_in(catalog, ("a.md", "# Model monitoring\n\n## Exam tips\n\n- Data Quality: input features drifting away\n"
                                  "- Feature Attribution: SHAP values change after deployment\n"))
    assert [f.topics for f in k.facts] == [["data-drift"], ["feature-attribution-drift"]]


def test_a_heading_that_is_only_an_aspect_word_under_a_service_is_that_service_s_aspect():
    # "Hyperparameter" is also a name of Hyperparameter tuning, but under Amazon Personalize it is Personalize's
    catalog = (*CATALOG, entity("Amazon Personalize", "amazon-personalize", aliases=("Personalize",)))
    k = know_in(catalog, ("a.md", "# Amazon Personalize\n\n## Hyperparameters\n\n- For the similar-items recipe:\n"
                                  "    - `item_id_hidden_dimension` is optimised automatically\n"))
    assert [f.topics for f in k.facts] == [["amazon-personalize"]]


def test_a_row_under_a_general_idea_is_about_the_kind_its_first_cell_names_but_an_aspect_row_is_not():
    catalog = (*FIFTH, entity("Cost optimization", "cost-optimization", "mlops"),
               entity("Rightsizing", "rightsizing", "mlops", ("right-sizing",)),
               entity("Regularization", "regularization", "concepts"),
               entity("Feature selection", "feature-selection", "concepts"),
               entity("L1 regularization", "l1-regularization", "concepts", ("Lasso",)),
               entity("L2 regularization", "l2-regularization", "concepts", ("Ridge",)))
    k = know_in(catalog, ("a.md", "# Instance types\n\n## Cost optimization\n\n"
                                  "| Strategy | Savings | When |\n|---|---|---|\n"
                                  "| Right-sizing | Varies | Every quarter |\n"),
                ("b.md", "# Regularization\n\n## Regularization comparison\n\n| Aspect | L1 (Lasso) | L2 (Ridge) |\n"
                         "|---|---|---|\n| Feature selection | Yes, zeroes weights | No, keeps all |\n"))
    assert [f.topics for f in k.facts] == [["rightsizing"], ["regularization"]]


def test_a_picture_s_file_name_names_no_topic():
    catalog = (*FIFTH, entity("Neural networks", "neural-networks", "concepts", ("deep learning",)),
               entity("Sigmoid", "sigmoid", "concepts"))
    k = know_in(catalog, ("a.md", "# Activations\n\n## Sigmoid\n\n![[Deep Learning 101 (4)]]\n"
                                  "Smooth, squashes any input into 0 to 1, but costly to compute.\n"))
    assert [f.topics for f in k.facts] == [["sigmoid"]]


def test_alike_lines_under_headings_naming_different_things_in_one_note_are_not_merged():
    k = know_in(CATALOG, ("a.md", "# XGBoost\n\n## `target_precision`\n\n- Trade-off: may lose some positives (lower "
                                  "recall) to dodge false alarms\n\n## `target_recall`\n\n- Trade-off: may accept more "
                                  "false alarms (lower precision) to find all positives\n"),
                ("b.md", "# KNN\n\n- KNN with a large k can dodge noise but lose recall\n"))
    assert len(texts(k, "xgboost")) == 2


def test_a_row_under_model_monitoring_names_the_drift_its_monitor_watches():
    catalog = (*FIFTH, entity("Model monitoring", "model-monitoring", "mlops"),
               entity("Model explainability", "model-explainability", "concepts", ("feature attribution",)),
               entity("Feature attribution drift", "feature-attribution-drift", "mlops"))
    k = know_in(catalog, ("a.md", "# Model monitoring\n\n## Monitor types\n\n| Type | Watches |\n|---|---|\n"
                                  "| Feature Attribution | How much each feature drives predictions |\n"))
    assert [f.topics for f in k.facts] == [["feature-attribution-drift"]]


def test_an_item_that_leans_back_with_but_this_is_the_item_before_it_carried_on():
    k = know("# Amazon SageMaker AI\n\n## Availability Zones\n\n"
             "- SageMaker spreads the instances of an endpoint over Availability Zones\n"
             "- But that only helps when the endpoint runs two instances or more\n"
             "- Give each VPC two subnets in different zones\n")
    assert texts(k, "amazon-sagemaker-ai")[0] == ("SageMaker spreads the instances of an endpoint over Availability "
                                                   "Zones. But that only helps when the endpoint runs two instances "
                                                   "or more")
    assert len(k.facts) == 2


def test_a_question_the_note_asks_itself_is_never_a_fact_alone():
    k = know("# XGBoost\n\n## Tuning\n\n- How do you find good values for eta and max_depth?\n"
             "- Mostly by trying many of them\n- Which of these hyperparameters matters most for boosted trees?\n"
             "    - eta, since a small eta needs many more rounds\n        - pair a lower eta with more rounds\n")
    assert texts(k, "xgboost") == ["How do you find good values for eta and max_depth? Mostly by trying many of them",
                                   "eta, since a small eta needs many more rounds"]
    assert k.facts[1].subject.endswith("Which of these hyperparameters matters most for boosted trees?")


def test_a_heading_joining_a_platform_and_a_thing_is_the_platform_s_own_page_for_it():
    catalog = (*FIFTH, entity("Apache Spark", "apache-spark", aliases=("Spark",)),
               entity("SageMaker Spark library", "sagemaker-spark", aliases=("SageMaker Spark",)))
    k = know_in(catalog, ("a.md", "# SageMaker and Spark\n\n- Fit a SageMakerEstimator on a Spark DataFrame\n"))
    assert [f.topics for f in k.facts] == [["sagemaker-spark"]]


def test_a_label_naming_one_side_of_a_versus_heading_is_that_side_however_short_its_name():
    catalog = (*FIFTH, entity("Amazon Comprehend", "amazon-comprehend"),
               entity("Natural language processing", "nlp", "concepts", ("NLP",)))
    k = know_in(catalog, ("a.md", "# AI services\n\n## Key differences\n\n### Comprehend vs SageMaker\n\n"
                                  "- **Comprehend:** ready-made NLP, no ML skills needed\n"
                                  "- **SageMaker:** your own models, full control\n"))
    assert [f.topics for f in k.facts] == [["amazon-comprehend"], ["amazon-sagemaker-ai"]]


def test_a_bold_name_with_what_it_says_after_it_is_a_fact_not_a_bare_name():
    catalog = (*FIFTH, entity("Encryption at rest", "encryption-at-rest", "security"),
               entity("AWS KMS", "aws-kms", aliases=("KMS",)), entity("Amazon EBS", "amazon-ebs", aliases=("EBS",)),
               entity("VPC endpoints", "vpc-endpoints", "security", ("gateway endpoint", "interface endpoints")))
    k = know_in(catalog, ("a.md", "# Amazon SageMaker AI\n\n## Security checklist\n\n"
                                  "- ✅ **Encryption at rest** - KMS keys for S3 and EBS\n"
                                  "- ✅ Grant every role only the actions it needs\n"
                                  "- ✅ **VPC endpoints** - S3 gateway endpoint, interface endpoints\n"))
    assert sorted((f.sources[0].label, f.topics[0]) for f in k.facts) == [
        ("a.md:5", "encryption-at-rest"), ("a.md:6", "amazon-sagemaker-ai"), ("a.md:7", "vpc-endpoints")]


def test_a_fact_making_a_claim_the_catalog_records_as_outdated_carries_the_record():
    streams = Entity("Amazon Kinesis Data Streams", "kinesis-data-streams", "services", ("Kinesis Data Streams",),
                     "Shards.", (), outdated=((r"up to\s+7\s*days", "2020-11", "up to 365 days now", "365"),))
    catalog = (*[e for e in CATALOG if e.slug != "kinesis-data-streams"], streams)
    k = know_in(catalog, ("a.md", "# Kinesis Data Streams\n\n- Records stay readable for up to 7 days\n"
                                  "- Retention: up to 7 days before, up to 365 days today\n"),
                ("b.md", "# Amazon S3\n\n- Objects can be kept for up to 7 days in the test bucket\n"))
    assert [f.outdated for f in k.facts] == [(("2020-11", "up to 365 days now"),), (), ()]


def test_a_fact_making_a_claim_the_catalog_records_as_mistaken_carries_what_the_documentation_says():
    serverless = Entity("SageMaker Serverless Inference", "serverless-inference", "services", ("Serverless Inference",),
                        "Endpoints.", (), mistaken=((r"serverless\W{1,4}6\s*MB", "at most 4 MB", r"4\s*MB"),))
    k = know_in((*CATALOG, serverless),
                ("a.md", "# Serverless Inference\n\n| Limit | Serverless |\n|---|---|\n| Max payload | 6 MB |\n\n"
                         "- Serverless: 6 MB payloads, or 4 MB by newer notes\n"),
                ("b.md", "# Amazon S3\n\n- Serverless: 6 MB objects in the lab bucket\n"))
    assert [f.mistaken for f in k.facts] == [("at most 4 MB",), (), ()]


def test_a_front_page_s_cost_warning_is_about_running_the_labs_not_about_the_services():
    k = know_notes(("labs/index.md", "# Hands-on labs\n\n## Cost Warning\n\n"
                                     "- Use Amazon S3 Intelligent-Tiering if you keep the lab data for months\n"))
    assert k.facts == []
    assert set(k.off_topic["labs/index.md"].values()) == {"about the notes (course outline, contents, links, credits)"}


def test_a_later_sentence_opening_with_a_part_of_the_platform_above_is_about_that_part():
    catalog = (*FIFTH, entity("SageMaker network isolation", "network-isolation", "security",
                              ("network isolation",)))
    k = know_in(catalog, ("a.md", "# Amazon SageMaker AI\n\n## Internet access\n\n"
                                  "- Training containers can reach the internet by default. "
                                  "Network isolation turns that off, and S3 access with it\n"
                                  "- Notebook instances also reach the internet unless placed in a VPC\n"))
    assert [f.topics for f in k.facts] == [["network-isolation"], ["amazon-sagemaker-ai"]]


def test_an_item_taking_up_what_the_item_before_introduced_carries_it_on():
    k = know("# Amazon SageMaker AI\n\n## Networking\n\n"
             "- A notebook can sit in a customer managed VPC or in one run by the service\n"
             "- The customer managed VPC can allow internet access or keep traffic private\n")
    assert len(k.facts) == 1 and k.facts[0].text.endswith("keep traffic private")


def test_a_course_s_requirements_are_about_the_course():
    k = know_notes(("README.md", "# My exam notes\n\n### **Are there any course requirements or prerequisites?**\n\n"
                                 "- Associate-level knowledge of AWS services such as Amazon S3\n"
                                 "- Some familiarity with machine learning\n\n### **Who this course is for:**\n\n"
                                 "- Data scientists seeking a machine learning certification on AWS\n"))
    assert k.facts == []


def test_an_item_saying_what_this_does_carries_on_the_item_before_it():
    k = know("# XGBoost\n\n## Tuning\n\n- Early stopping ends rounds once the validation metric stops improving\n"
             "- This can cut the cost of a tuning job by half\n")
    assert texts(k, "xgboost") == ["Early stopping ends rounds once the validation metric stops improving. "
                                   "This can cut the cost of a tuning job by half"]


def test_a_short_item_leaned_on_by_the_next_one_carries_it():
    k = know("# XGBoost\n\n## Boosting\n\n- Rows are weighted\n- Some will be drawn into later rounds more often\n"
             "- Each tree learns from the errors of the trees before it\n")
    assert texts(k, "xgboost")[0] == "Rows are weighted. Some will be drawn into later rounds more often"


def test_a_recommended_approach_column_is_the_row_s_answer():
    catalog = (*FIFTH, entity("Amazon Bedrock", "amazon-bedrock", aliases=("Bedrock",)),
               entity("Amazon Bedrock Knowledge Bases", "bedrock-knowledge-bases", aliases=("Knowledge Bases",)))
    k = know_in(catalog, ("a.md", "# Amazon Bedrock\n\n## Use cases\n\n| Use case | Recommended approach |\n"
                                  "|---|---|\n| Answers grounded in company documents | Knowledge Bases |\n"))
    assert [f.topics for f in k.facts] == [["bedrock-knowledge-bases"]]


def test_a_row_of_a_table_of_concepts_defines_the_concept_it_names():
    catalog = (*FIFTH, entity("Amazon Bedrock", "amazon-bedrock", aliases=("Bedrock",)),
               entity("Foundation models", "foundation-models", "concepts", ("foundation model",)))
    k = know_in(catalog, ("a.md", "# Amazon Bedrock\n\n## Key concepts\n\n| Concept | Description |\n|---|---|\n"
                                  "| Foundation model | A large model pre-trained on broad data |\n"))
    assert [f.topics for f in k.facts] == [["foundation-models"]]


def test_an_example_and_the_line_saying_what_it_means_stay_with_the_fact_they_illustrate():
    catalog = (*FIFTH, entity("Recall", "recall", "concepts"))
    k = know_in(catalog, ("a.md", "# Recall\n\n- **Trade-off:** more recall usually costs precision\n\n"
                                  "**Example:** Recall = 45 / (45 + 5) = 90%\n"
                                  "- The model finds 9 in 10 of the fraudulent payments\n"))
    [fact] = k.facts
    assert fact.text == ("**Trade-off:** more recall usually costs precision. "
                         "**Example:** Recall = 45 / (45 + 5) = 90%")
    assert [b.kind for b in fact.extra] == [m.LIST]


def test_a_paragraph_saying_what_the_graph_above_shows_stays_with_it():
    k = know_more("# Neural networks\n\nThe training loss of a network falls fast at first and then flattens out.\n\n"
                  "For example:\n![[loss-curve.png]]\n\n"
                  "This graph shows the loss of each epoch over the first fifty epochs.\n")
    [fact] = k.facts
    assert fact.text.startswith("The training loss") and "This graph shows" in fact.text + " ".join(
        b.text for b in fact.extra)


def test_a_paragraph_saying_what_the_example_above_does_stays_with_it():
    k = know_more("# Neural networks\n\nA tiny training loop in Python:\n\n```python\nfor epoch in range(3):\n"
                  "    step()\n```\n\nIn this example, each epoch runs one optimisation step over the data.\n")
    [fact] = k.facts
    assert [b.kind for b in fact.extra] == [m.CODE, m.PARAGRAPH]


def test_a_card_defining_its_title_stays_on_the_title_s_page_though_it_names_another_topic():
    k = know_notes(("cards/Weight Matrix.md", "A table of numbers on the connections of a neural network that scales "
                                              "the signal the next neuron receives.\n"))
    assert [f.topics for f in k.facts] == [["weight-matrix"]]
    k = know_notes(("cards/Gradient of the error.md", "The rate of change of the error of a neural network with "
                                                     "respect to one weight.\n"))
    assert [f.topics for f in k.facts] == [["gradient-of-the-error"]]
    k = know_notes(("concepts/Weight Matrix.md", "In a neural network, <mark>the weight matrix is</mark> the table of "
                                                 "numbers a layer multiplies its inputs by.\n"))
    assert [f.topics for f in k.facts] == [["weight-matrix"]]


def test_the_points_of_a_one_line_box_titled_with_a_topic_are_that_topic_s():
    catalog = (*FIFTH, entity("Feature engineering", "feature-engineering", "concepts"),
               entity("SageMaker Feature Store", "sagemaker-feature-store", aliases=("Feature Store",)))
    k = know_in(catalog, ("a.md", "# Feature engineering\n\n## Exam tips\n\n!!! warning \"Feature Store Key Points\" "
                                  "- Online store for low-latency reads - Offline store keeps history for training\n"))
    assert [f.topics for f in k.facts] == [["sagemaker-feature-store"], ["sagemaker-feature-store"]]


def test_a_lone_named_label_under_a_label_is_about_what_it_names():
    catalog = (*FIFTH, entity("Confusion matrix", "confusion-matrix", "concepts",
                              ("true negatives", "false positives")),
               entity("Specificity", "specificity", "concepts", ("true negative rate",)))
    k = know_in(catalog, ("a.md", "# Confusion matrix\n\n- Other metrics:\n"
                                  "    - Specificity: true negatives / (true negatives + false positives)\n"
                                  "    - F1 score:\n        - the harmonic mean of precision and recall\n"))
    assert [f.topics for f in k.facts if f.text.startswith("Specificity")] == [["specificity"]]


def test_a_course_narrator_s_pat_on_the_back_is_not_knowledge():
    k = know_more("# Neural networks\n\n## So to recap\n\n- Pretty simple concept. But hey, now you can say you "
                  "understand gradient descent!\n- A network learns by nudging its weights against the gradient\n")
    assert len(k.facts) == 1


def test_a_hyphenated_family_heading_names_the_topic_the_catalog_gives_it():
    k = know_in(SCALING, ("a.md", "# Endpoints\n\n### Auto-Scaling\n\n- Keep a minimum of two instances behind "
                                  "a production endpoint\n"))
    assert [f.topics for f in k.facts] == [["endpoint-auto-scaling"]]


def test_a_lead_in_introducing_a_quoted_name_is_about_what_it_names():
    catalog = (*MORE, entity("Transformer", "transformer", "concepts", ("self-attention",)))
    k = know_in(catalog, ("a.md", "# Neural networks\n\n## Modern language models\n\n"
                                  "- Rely on \"self-attention\":\n"
                                  "    - Weighs how much each word matters to every other word\n"
                                  "    - Reads the whole sentence at once instead of word by word\n"))
    assert [f.topics for f in k.facts] == [["transformer"]]


def test_a_paragraph_about_an_object_the_code_above_made_stays_with_that_code():
    k = know_more("# Neural networks\n\nTrain, then pool the runs:\n\n```python\npooled = pool(runs)\n```\n\n"
                  "The `pooled` object holds the averaged weights and their spread.\n")
    [fact] = k.facts
    assert [b.kind for b in fact.extra] == [m.CODE, m.PARAGRAPH]


def test_the_printed_output_of_an_example_shown_on_its_own_is_about_the_notes():
    k = know_more("# Neural networks\n\n## Example\n\nHere's the expected output from the code:\n\n"
                  "```\nepoch 1 loss 0.9\n```\n\nThis output shows that the script ran the first epoch.\n")
    assert k.facts == []


def test_a_scenario_s_answer_is_its_most_specific_name_and_a_name_used_for_something_under_a_platform_is_its_part():
    catalog = (*FIFTH, entity("Amazon VPC", "amazon-vpc", aliases=("VPC",)),
               entity("VPC endpoints", "vpc-endpoints", "security", ("interface endpoints",)),
               entity("Amazon Bedrock", "amazon-bedrock", aliases=("Bedrock",)),
               entity("Amazon Bedrock Agents", "bedrock-agents", aliases=("Bedrock Agents",)))
    k = know_in(catalog, ("a.md", "# Network security\n\n| Scenario | Solution |\n|---|---|\n"
                                  "| Reach the API from a private subnet | VPC interface endpoints |\n"),
                ("b.md", "# Amazon Bedrock\n\n## Exam tips\n\n- Agents for multi-step task automation\n"))
    assert [f.topics for f in k.facts] == [["vpc-endpoints"], ["bedrock-agents"]]


def test_a_lone_instruction_under_a_label_is_about_the_thing_it_uses():
    catalog = (*FIFTH, entity("Amazon EC2 Spot Instances", "ec2-spot-instances", aliases=("Spot instances",)))
    k = know_in(catalog, ("a.md", "# Hyperparameter tuning\n\n## Cost tips\n\n- Use Spot instances with checkpoints\n"
                                  "- Stop tuning jobs early when the objective metric stops improving\n"))
    assert [f.topics for f in k.facts if "Spot" in f.text] == [["ec2-spot-instances"]]


def test_a_row_recommending_another_service_under_a_service_s_heading_is_about_that_service():
    catalog = (*FIFTH, entity("Amazon EMR", "amazon-emr", aliases=("EMR",)),
               entity("AWS Glue DataBrew", "aws-glue-databrew", aliases=("DataBrew",)), entity("AWS Glue", "aws-glue"))
    k = know_in(catalog, ("a.md", "# Data preparation\n\n## Amazon EMR\n\n| Use case | When to use |\n|---|---|\n"
                                  "| DataBrew | Visual preparation with no code |\n| Glue | Serverless ETL |\n"))
    assert [f.topics for f in k.facts] == [["aws-glue-databrew"], ["aws-glue"]]


def test_a_subjectless_definition_under_a_service_s_heading_defines_that_service():
    k = know_in(FIFTH, ("a.md", "## Athena\n\nServerless query service to query data in Amazon S3. It reads CSV "
                                "and Parquet.\n"))
    assert [f.topics for f in k.facts] == [["amazon-athena"]]


def test_an_idea_named_with_what_it_is_for_in_a_service_s_tips_is_about_that_idea():
    catalog = (*FIFTH, entity("SageMaker training jobs", "sagemaker-training-jobs", aliases=("training jobs",)),
               entity("Data parallelism", "data-parallelism", "concepts", aliases=("data parallel",)),
               entity("Model artifacts", "model-artifacts", "mlops"), entity("SHAP", "shap", "concepts"),
               entity("Model parallelism", "model-parallelism", "concepts"))
    k = know_in(catalog, ("a.md", "# SageMaker training jobs\n\n## Exam tips\n\n"
                                  "- Data Parallelism for scaling with batch size\n"
                                  "- Model artifacts saved to S3 automatically at the end\n"
                                  "- **SHAP:** For explaining single predictions of the trained model\n"
                                  "- Model Parallelism for networks that outgrow one GPU's memory\n"
                                  "- Data parallelism can be switched on with one estimator argument\n"
                                  "- Hyperparameters for tuning the learning rate are passed as strings\n"))
    assert [f.topics for f in k.facts] == [["data-parallelism"], ["model-artifacts"], ["shap"],
                                           ["model-parallelism"], ["data-parallelism"], ["sagemaker-training-jobs"]]


def test_a_scenario_row_whose_solution_names_only_the_platform_is_about_what_the_scenario_names():
    catalog = (*FIFTH, entity("Model artifacts", "model-artifacts", "mlops"),
               entity("Amazon Redshift", "amazon-redshift", aliases=("Redshift",)),
               entity("Amazon Redshift Spectrum", "redshift-spectrum", aliases=("Redshift Spectrum",)),
               entity("Amazon Redshift ML", "redshift-ml", aliases=("Redshift ML",)),
               entity("Amazon Redshift Serverless", "redshift-serverless", aliases=("Redshift Serverless",)))
    k = know_in(catalog, ("a.md", "# Security\n\n| Scenario | Solution |\n|---|---|\n"
                                  "| Encrypt model artifacts | SageMaker `output_kms_key` parameter |\n"
                                  "| Model artifacts warehouse | Amazon Redshift |\n"))
    assert [f.topics for f in k.facts] == [["model-artifacts"], ["amazon-redshift"]]


def test_a_heading_saying_how_a_feature_works_with_its_platform_keeps_the_feature_as_subject():
    catalog = (*FIFTH, entity("SageMaker Clarify", "sagemaker-clarify", aliases=("Clarify",)),
               entity("SageMaker Studio", "sagemaker-studio"), entity("SageMaker Processing", "sagemaker-processing"),
               entity("Amazon CloudWatch", "amazon-cloudwatch", aliases=("CloudWatch",)),
               entity("MLOps", "mlops", "mlops"))
    k = know_in(catalog, ("a.md", "# SageMaker Clarify\n\n## SageMaker Integration\n\n"
                                  "- **Explainability reports** - SHAP values for each prediction\n"),
                ("b.md", "# MLOps\n\n## CloudWatch Integration\n\n- **Dashboards:** plot endpoint latency\n"))
    assert [f.topics for f in k.facts] == [["sagemaker-clarify"], ["amazon-cloudwatch"]]


def test_a_whole_heading_the_catalog_gives_a_topic_outranks_the_platform_it_names():
    byoc = Entity("Bring your own container", "bring-your-own-container", "mlops", ("BYOC",), "Own image.", (),
                  headings=("SageMaker Container Requirements",))
    k = know_in((*FIFTH, byoc), ("a.md", "# Containers\n\n## SageMaker Container Requirements\n\n"
                                         "- Serving answers GET /ping and POST /invocations on port 8080\n"))
    assert [f.topics for f in k.facts] == [["bring-your-own-container"]]


def test_an_item_saying_what_to_do_once_you_trust_it_carries_on_the_item_before_it():
    k = know("# Amazon SageMaker AI\n\n## Rollouts\n\n"
             "- Deploy the new model version next to the old one at a 5% traffic weight\n"
             "- When you trust its error rate, raise its weight step by step\n\n## Instances\n\n"
             "- Move the training job to a GPU instance when CPUs are too slow\n- Only helps with deep networks\n")
    assert texts(k, "amazon-sagemaker-ai") == ["Deploy the new model version next to the old one at a 5% traffic "
                                               "weight. When you trust its error rate, raise its weight step by step",
                                               "Move the training job to a GPU instance when CPUs are too slow. Only "
                                               "helps with deep networks"]


def test_a_statement_opening_with_a_related_idea_s_full_name_under_a_feature_is_about_that_idea():
    scaling = Entity("Endpoint auto scaling", "endpoint-auto-scaling", "mlops", ("SageMaker endpoint auto scaling",),
                     "Scaling.", (("target-tracking-scaling", "often uses"), ("scaling-cooldown", "paced by")))
    catalog = (*FIFTH, scaling, entity("Target tracking scaling", "target-tracking-scaling", "mlops",
                                       ("target tracking",)), entity("Overfitting", "overfitting", "concepts"),
               entity("Scaling cooldown", "scaling-cooldown", "mlops", ("cooldown periods",)),
               Entity("SageMaker Clarify", "sagemaker-clarify", "services", ("Clarify",), "Bias.", (("shap", "uses"),)),
               entity("SHAP", "shap", "concepts"))
    k = know_in(catalog, ("a.md", "# Endpoint auto scaling\n\n## Exam tips\n\n"
                                  "- Target tracking is the simplest policy to set up\n"
                                  "- Overfitting is not a concern of the scaling policy at all\n"
                                  "- Set appropriate cooldown periods\n"),
                ("b.md", "# SageMaker Clarify\n\n## Gotchas\n\n- SHAP computation can be slow for large models\n"))
    assert [f.topics for f in k.facts] == [["target-tracking-scaling"], ["endpoint-auto-scaling"],
                                           ["scaling-cooldown"], ["shap"]]


def test_an_example_scenario_takes_its_answer_and_stops_at_the_next_labelled_part():
    k = know_fifth(("a.md", "# Amazon SageMaker AI\n\n## XGBoost\n\n"
                    "**Example Scenario:** **Question:** Card payments arrive as a stream; which algorithm flags "
                    "fraud in them?\n\n**Answer:**\n- **Algorithm:** XGBoost trained on labelled payments\n"
                    "- **Why:** labelled history exists\n\n"
                    "**Training Details:**\n- The model learns from the history of labelled payments\n"))
    scenario, details = k.facts
    assert scenario.text.startswith("**Example Scenario:**") and [b.kind for b in scenario.extra] == ["paragraph",
                                                                                                    "list"]
    assert details.text.startswith("**Training Details:**")


def test_an_option_s_letter_is_not_a_label_and_what_follows_it_is_the_subject():
    catalog = (*FIFTH, entity("Amazon VPC", "amazon-vpc", aliases=("VPC",)),
               entity("NAT gateway", "nat-gateway", "security", ("NAT Gateways",)))
    k = know_in(catalog, ("a.md", "# Amazon VPC\n\n## Training with no internet\n\n"
                                  "**Option A: NAT Gateway** (simpler, costs more)\n\n"
                                  "- Private subnet traffic goes out through it to the internet\n"))
    assert k.facts[0].topics == ["nat-gateway"]


def test_a_statement_that_says_what_it_describes_is_called_is_about_that_name():
    catalog = (*FIFTH, entity("Encryption in transit", "encryption-in-transit", "security"),
               entity("Inter-container traffic encryption", "inter-container-traffic-encryption", "security"),
               entity("SageMaker Autopilot", "sagemaker-autopilot", aliases=("Autopilot",)),
               entity("AutoML", "automl", "concepts"))
    k = know_in(catalog, ("a.md", "# Encryption in transit\n\n- Traffic between training nodes can be encrypted too. "
                                  "It slows training down. It is called inter-container traffic encryption\n"),
                ("b.md", "# SageMaker Autopilot\n\n- Tries many models for you; more broadly this is called AutoML\n"))
    assert [f.topics for f in k.facts] == [["inter-container-traffic-encryption"], ["sagemaker-autopilot"]]


def test_a_bare_label_over_a_table_of_decisions_leaves_each_row_a_fact_on_what_it_chooses():
    catalog = (*FIFTH, entity("AWS Identity and Access Management", "aws-iam", "security", ("IAM",)),
               entity("NAT gateway", "nat-gateway", "security", ("NAT Gateway",)),
               entity("Network ACLs", "network-acls", "security", ("NACL",)))
    k = know_in(catalog, ("a.md", "# IAM\n\n## Network security\n\n**Quick Reference:**\n\n"
                                  "| Scenario | Solution |\n|---|---|\n| Pull packages privately | NAT Gateway |\n"
                                  "| Deny one IP address | NACL |\n| Reach Athena privately | Athena |\n\n"
                                  "**Key limits:**\n\n| Limit | Value |\n|---|---|\n| Roles per account | 1,000 |\n"
                                  "| Policies per role | 10 |\n| Groups per user | 10 |\n"))
    assert [f.topics for f in k.facts] == [["nat-gateway"], ["network-acls"], ["amazon-athena"], ["aws-iam"]]
    assert [b.kind for b in k.facts[-1].extra] == ["table"]  # a label over a table of numbers keeps it


def test_a_note_titled_with_its_topic_s_name_gives_headless_facts_that_title_as_subject():
    catalog = (*FIFTH, entity("Imputation", "imputation", "concepts", ("MICE", "missing values")))
    k = know_in(catalog, ("cards/MICE (Multiple Imputation by Chained Equations).md",
                          "A statistical technique that fills each gap several times over, one model per column.\n"),
                ("notes/Imputation revision notes.md",
                 "A statistical technique that fills each gap with the mean of its column.\n"),
                ("notes/Imputation.md", "Imputation fills missing values before training.\n"))
    assert [(f.topics, f.subject) for f in k.facts] == [
        (["imputation"], "MICE (Multiple Imputation by Chained Equations)"), (["imputation"], ""),
        (["imputation"], "")]


def test_a_label_saying_which_platform_leaves_the_rest_to_say_what_the_fact_is_about():
    catalog = (*FIFTH, entity("SageMaker training jobs", "sagemaker-training-jobs", aliases=("training job",)),
               entity("SageMaker Processing", "sagemaker-processing"), entity("SageMaker Clarify", "sagemaker-clarify"),
               entity("Feature engineering", "feature-engineering", "concepts"))
    k = know_in(catalog, ("a.md", "# Feature engineering\n\n## Shuffling\n\n"
                                  "- **In SageMaker:** Set `ShuffleConfig` in training job input channels\n"))
    assert [f.topics for f in k.facts] == [["sagemaker-training-jobs"]]


def test_a_phrase_under_overview_saying_what_the_section_covers_is_about_the_notes():
    k = know_in(FIFTH, ("a.md", "# Amazon Athena\n\n## Overview\n\nStrategies for querying lake data cheaply.\n\n"
                                "## Pricing\n\nAthena bills per terabyte of data each query scans.\n"),
                ("b.md", "# Amazon S3\n\n## Overview\n\nObject storage with buckets in each Region.\n"))
    assert [f.text for f in k.facts] == ["Athena bills per terabyte of data each query scans.",
                                         "Object storage with buckets in each Region."]
    assert any("about the notes" in why for why in k.off_topic["a.md"].values())


def test_a_row_naming_a_generic_offer_in_a_platform_s_note_is_the_platform_s_own_offer():
    catalog = (*FIFTH, entity("Amazon EC2 purchasing options", "ec2-purchasing-options", aliases=("Savings Plans",)),
               entity("SageMaker Savings Plans", "sagemaker-savings-plans"),
               entity("SageMaker Processing", "sagemaker-processing"), entity("SageMaker Clarify", "sagemaker-clarify"),
               entity("Cost optimization", "cost-optimization", "mlops"))
    k = know_in(catalog, ("SageMaker Instance Types.md", "# SageMaker Instance Types\n\n## Cost optimization\n\n"
                                                         "| Strategy | Savings | When |\n|---|---|---|\n"
                                                         "| Savings Plans | Up to 64% | Steady usage |\n"),
                ("EC2.md", "# Amazon EC2\n\n## Cost tips\n\n| Strategy | Savings | When |\n|---|---|---|\n"
                           "| Savings Plans | Up to 72% | Steady usage |\n"))
    assert [f.topics for f in k.facts] == [["sagemaker-savings-plans"], ["ec2-purchasing-options"]]


def test_an_arrow_in_a_row_s_example_cell_chooses_nothing():
    catalog = (*FIFTH, entity("Transfer learning", "transfer-learning", "concepts"),
               entity("Convolutional neural networks", "cnn", "concepts", ("ResNet",)))
    k = know_in(catalog, ("a.md", "# Transfer learning\n\n## When to freeze\n\n"
                                  "| Dataset | Strategy | Example |\n|---|---|---|\n"
                                  "| Small | Freeze the base | 500 images → Use ResNet, train the head |\n\n"
                                  "## Exam tips\n\n- Image classification from few labelled images → ResNet\n"))
    assert [f.topics for f in k.facts] == [["transfer-learning"], ["cnn"]]


def test_a_heading_naming_a_decision_guide_is_not_the_decision_tree_algorithm():
    catalog = (*FIFTH, entity("Decision trees", "decision-trees", "algorithms", ("decision tree",)))
    k = know_in(catalog, ("a.md", "# Amazon SageMaker AI\n\n## Quick Decision Tree\n\n"
                                  "```\nNeed GPU?\n├── No → ml.m5\n└── Yes → ml.g5\n```\n\n"
                                  "## Decision Tree\n\n- A decision tree splits on the feature that best separates "
                                  "the classes\n"))
    assert [f.topics for f in k.facts] == [["amazon-sagemaker-ai"], ["decision-trees"]]


def test_a_label_the_catalog_gives_a_topic_names_it_even_over_a_statement_naming_another():
    pipe = Entity("Pipe mode", "pipe-mode", "services", ("Pipe input mode",), "Streams.", (), headings=("Pipe",))
    catalog = (*FIFTH, pipe, entity("SageMaker built-in algorithms", "built-in", aliases=("built-in algorithms",)),
               entity("RecordIO-protobuf", "recordio-protobuf", aliases=("RecordIO",)))
    k = know_in(catalog, ("a.md", "# SageMaker built-in algorithms\n\n## Modes\n\n"
                                  "- **Pipe**: streams data to the instances; RecordIO input is the usual choice\n"))
    assert [f.topics for f in k.facts] == [["pipe-mode"]]


def test_a_subject_that_comes_from_a_service_is_not_about_that_service():
    catalog = (*FIFTH, entity("Amazon Rekognition", "amazon-rekognition", aliases=("Rekognition",)))
    k = know_in(catalog, ("a.md", "# Amazon Rekognition\n\n## Input\n\n"
                                  "- Images come from S3, or provide image bytes in the request\n"))
    assert [f.topics for f in k.facts] == [["amazon-rekognition"]]


def test_a_remark_that_the_notes_covered_this_elsewhere_is_about_the_notes():
    k = know_fifth(("a.md", "# Amazon SageMaker AI\n\n## Instance types\n\n"
                    "- We covered this under modeling, even though it is an operations concern\n"
                    "- Deep learning algorithms train faster on GPU instances\n"))
    assert [f.text for f in k.facts] == ["Deep learning algorithms train faster on GPU instances"]


def test_advice_to_use_an_idea_for_a_case_is_about_that_idea_not_the_umbrella_above_it():
    catalog = (*FIFTH, entity("Neural networks", "neural-networks", "concepts", ("neural network",)),
               entity("Softmax", "softmax", "concepts", ("softmax function",)))
    k = know_in(catalog, ("a.md", "# Neural networks\n\n## Use cases\n\n"
                                  "- For multi-class classification use softmax on the output layer\n"
                                  "- For most hidden layers, start with the simplest network that fits\n"))
    assert [f.topics for f in k.facts] == [["softmax"], ["neural-networks"]]


def test_a_bare_short_name_over_its_points_is_their_subject_and_a_subjectless_point_stays_with_it():
    catalog = (*FIFTH, entity("SageMaker Debugger", "sagemaker-debugger", aliases=("Amazon SageMaker Debugger",)),
               entity("SageMaker Processing", "sagemaker-processing"), entity("SageMaker Clarify", "sagemaker-clarify"),
               entity("Amazon EventBridge", "amazon-eventbridge", aliases=("CloudWatch event",)))
    k = know_in(catalog, ("a.md", "# Study notes\n\n## K-nearest neighbours\n\n- KNN votes among the k closest "
                                  "points of the training set\n\n### SageMaker tools\n\n"
                                  "- Debugger\n    - saves tensors and gradients during training\n"
                                  "    - rules catch unwanted training conditions:\n        - system bottlenecks\n"
                                  "        - vanishing gradients\n"
                                  "    - logs what it collects and fires a CloudWatch event when a rule triggers\n"))
    assert [f.topics for f in k.facts][1:] == [["sagemaker-debugger"]] * 3


def test_a_service_that_executes_another_is_the_subject_not_what_it_runs():
    catalog = (*FIFTH, entity("AWS IoT Greengrass", "aws-iot-greengrass", aliases=("IoT Greengrass",)),
               entity("AWS Lambda", "aws-lambda", aliases=("Lambda",)))
    k = know_in(catalog, ("a.md", "# Edge\n\n- AWS IoT Greengrass executes AWS Lambda functions locally on devices\n"))
    assert [f.topics for f in k.facts] == [["aws-iot-greengrass"]]


def test_a_bare_short_name_in_a_text_export_is_the_subject_of_the_points_below_it():
    from kb.catalog import load_catalog
    from kb.notes import read_note
    catalog = tuple(load_catalog())  # the shipped catalog, where 'Debugger' alone is only a short name
    text = ("3.7 SageMaker tools\n\n  • Feature Store: search and share features across Studio\n  • Debugger\n"
            "    • saves tensors and gradients over time during training\n"
            "    • rules catch unwanted training conditions:\n      • system bottlenecks\n      • vanishing gradients\n"
            "    • writes a training report automatically\n")
    doc, _ = read_note("notes.txt", text.encode())
    k = build_knowledge([doc], {"notes.txt": "sources/notes/"}, catalog)
    assert [f.topics for f in k.facts][1:] == [["sagemaker-debugger"]] * 3


def test_a_count_over_items_some_of_which_say_more_names_them_all_rather_than_the_last_one():
    catalog = (*FIFTH, entity("Amazon S3 server-side encryption", "sse", "security", ("SSE-S3", "SSE-KMS", "SSE-C")))
    k = know_in(catalog, ("a.md", "# Amazon S3\n\n## Security\n\n- There are 4 methods of encrypting objects in S3\n"
                                  "    - SSE-S3: keys handled and managed by AWS\n"
                                  "    - SSE-KMS: keys managed in AWS Key Management Service\n"
                                  "        - an audit trail of key use\n"
                                  "    - SSE-C: keys you manage yourself\n    - Client Side Encryption\n"))
    assert texts(k, "amazon-s3") == ["There are 4 methods of encrypting objects in S3: SSE-S3, SSE-KMS, SSE-C, "
                                     "Client Side Encryption"]


def test_a_platform_name_right_before_a_feature_s_name_qualifies_it_and_is_not_a_topic_of_its_own():
    catalog = (*FIFTH, entity("Inter-container traffic encryption", "inter-container", "security",
                              ("inter-container encryption",)),
               entity("SageMaker Processing", "sagemaker-processing"), entity("SageMaker Clarify", "sagemaker-clarify"))
    k = know_in(catalog, ("a.md", "# Security\n\n## Encryption\n\n"
                                  "- **SageMaker Inter-container Encryption:** TLS between training nodes, set on the "
                                  "estimator\n"))
    assert [f.topics for f in k.facts] == [["inter-container"]]


def test_an_item_saying_what_that_way_achieves_carries_on_the_item_before_it():
    k = know("# XGBoost\n\n## Exploration\n\n- Below a random threshold the trainer picks a random split instead\n"
             "- That way, exploration never stops completely\n")
    assert texts(k, "xgboost") == ["Below a random threshold the trainer picks a random split instead. That way, "
                                   "exploration never stops completely"]


def test_a_result_line_after_a_step_carries_on_that_step_unless_it_introduces_a_list():
    k = know("# XGBoost\n\n## Logging\n\n**In the training script:** call the logging hook after each round\n\n"
             "**Result:** the metrics reach CloudWatch during training\n\n**Result:** three artefacts appear:\n\n"
             "- the model\n- the metrics\n- the report\n")
    assert texts(k, "xgboost")[0] == ("**In the training script:** call the logging hook after each round. **Result:** "
                                      "the metrics reach CloudWatch during training")
    assert len(k.facts) == 2


def test_a_first_item_that_only_opens_the_list_is_not_a_fact_of_its_own():
    k = know("# XGBoost\n\n## Important hyperparameters\n\n- There are a lot of them. A few:\n- Subsample\n"
             "    - Prevents overfitting\n- Eta\n    - Step size shrinkage, prevents overfitting\n- Gamma\n"
             "    - Minimum loss reduction to make a split\n")
    assert not any(f.text.startswith("There are a lot") for f in k.facts)
    assert 5 in k.on_topic["n.md"] | set(k.off_topic["n.md"])  # its line is still accounted for


def test_who_a_course_is_for_is_about_the_course():
    k = know_fifth(("notes/intro.md", "# Amazon SageMaker AI\n\n## Who this course is for\n\n"
                                      "- Data scientists seeking a machine learning certification on AWS\n"))
    assert k.facts == []


def test_a_tool_named_for_a_purpose_under_a_general_idea_is_about_that_tool():
    catalog = (*FIFTH, entity("SageMaker Experiments", "sagemaker-experiments"),
               entity("SageMaker Processing", "sagemaker-processing"), entity("SageMaker Clarify", "sagemaker-clarify"),
               entity("Model versioning", "model-versioning", "mlops"))
    k = know_in(catalog, ("a.md", "# Model versioning\n\n## Exam tips\n\n- Experiments for comparing model runs\n"
                                  "- Versions for rolling a model back quickly\n"))
    assert [f.topics for f in k.facts][:1] == [["sagemaker-experiments"]]


def test_an_item_that_is_only_a_service_s_short_name_over_its_points_is_about_that_service():
    catalog = (*FIFTH, entity("Amazon Comprehend", "amazon-comprehend"), entity("AWS Lambda", "aws-lambda"))
    k = know_in(catalog, ("a.md", "# SageMaker Ground Truth\n\n## Other ways to get labels\n\n"
                                  "- Comprehend\n    - reads text\n    - sorts it by topic and sentiment\n"),
                ("b.md", "# XGBoost\n\n## Hyperparameters\n\n- Lambda\n    - L2 penalty on the weights\n"))
    assert [f.topics for f in k.facts if f.text == "Comprehend"] == [["amazon-comprehend"]]
    assert [f.topics for f in k.facts if f.text == "Lambda"] == [["xgboost"]]  # an algorithm's setting


def test_an_item_naming_a_best_quantity_of_nothing_carries_on_the_item_before_it():
    k = know("# XGBoost\n\n## Training cluster\n\n- Instances are provisioned for each job\n"
             "- Optimal number and type chosen from the data size\n- Best number of rounds of 100 suits most data\n")
    assert texts(k, "xgboost") == ["Instances are provisioned for each job. Optimal number and type chosen from the "
                                   "data size", "Best number of rounds of 100 suits most data"]


def test_a_heading_with_one_long_word_mistyped_inside_is_the_name_it_meant():
    k = know("# Notes\n\n## Feature scalling\n\nBrings every column to one range before training.\n\n"
             "## Feature scalings\n\nThe note's own tools, loaded by hand.\n")
    assert [f.topics for f in k.facts][:1] == [["feature-scaling"]]
    assert all("feature-scaling" not in f.topics for f in k.facts[1:])  # a slip at a word's end makes another word


def test_a_section_headed_as_one_worked_example_is_one_fact():
    k = know("# Feature scaling\n\n## Real-World Example: Scaling House Prices\n\n"
             "Consider a table of house prices in dollars and room counts.\n\n"
             "The analysts first rescale both columns:\n\n"
             "```python\nscaled = (x - x.min()) / (x.max() - x.min())\n```\n\n"
             "This example shows why the distances then weigh both columns alike.\n\n"
             "## Example Usage\n\nScale the columns with the library helper.\n\n"
             "Fit the scaler on training data only.\n")
    assert texts(k, "feature-scaling")[0] == "Consider a table of house prices in dollars and room counts."
    assert [b.kind for b in k.by_topic["feature-scaling"][0].extra] == [m.PARAGRAPH, m.CODE, m.PARAGRAPH]
    assert len(k.by_topic["feature-scaling"]) == 3  # how to use a tool is not one case worked through


def test_a_case_set_up_to_be_worked_on_keeps_what_works_on_it():
    k = know("# Feature scaling\n\nImagine you have a table of prices in dollars and room counts. The dollars "
             "swamp every distance.\n\n**Scaling steps in**:\n\n1. Find each column's range\n2. Divide by it\n\n"
             "Imagine the scaler as a ruler for every column.\n\n**Importance:**\n\n- Distances weigh columns alike\n")
    facts = k.by_topic["feature-scaling"]
    assert facts[0].text.endswith("**Scaling steps in**:") and [b.kind for b in facts[0].extra] == [m.LIST]
    assert len(facts) == 3  # a picture ('Imagine the scaler as …') is not a case the next label works on


def test_a_lead_in_over_one_item_naming_its_topic_is_about_that_topic():
    catalog = (*FIFTH, entity("Amazon EC2", "amazon-ec2", aliases=("EC2",)),
               entity("AWS Deep Learning AMIs", "deep-learning-amis", aliases=("Deep Learning AMIs",)))
    k = know_in(catalog, ("a.md", "# Amazon EC2\n\n## Machine images\n\n"
                                  "Running ML on EC2 without SageMaker, pick images built for it:\n\n"
                                  "- Deep Learning AMIs: frameworks and GPU drivers preinstalled\n\n"
                                  "Launching EC2 for training, choose among families:\n\n"
                                  "- Deep Learning AMIs: for GPUs\n- Plain images: for the rest\n"))
    assert [f.topics for f in k.facts] == [["deep-learning-amis"], ["amazon-ec2"]]


def test_the_brain_an_idea_is_likened_to_is_background_not_a_fact_of_the_idea():
    catalog = (*FIFTH, entity("Neural networks", "neural-networks", "concepts", aliases=("neural network",)))
    k = know_in(catalog, ("Deep learning 101.md", "# Neural networks\n\n"
                                                  "Neurons in the cortex sit in columns of about a hundred.\n\n"
                                                  "Layers of simple units learn by adjusting weights.\n"),
                ("b.md", "# Notes\n\n## Neural networks\n\n### Convolutions\n\n"
                         "The design borrows from the visual cortex, where each cell sees one patch.\n"))
    assert texts(k, "neural-networks") == ["Layers of simple units learn by adjusting weights.",
                                           "The design borrows from the visual cortex, where each cell sees one patch."]
    assert "brain" in k.off_topic["Deep learning 101.md"][3]


def test_a_package_name_in_lower_case_names_its_topic_where_a_word_would_not():
    catalog = (*FIFTH, entity("Apache Spark", "apache-spark", aliases=("Spark",)),
               entity("SageMaker Spark library", "sagemaker-spark", aliases=("sagemaker-spark",)),
               entity("Fine-tuning", "fine-tuning", "concepts", aliases=("fine-tuning",)))
    k = know_in(catalog, ("a.md", "# Apache Spark\n\n## Training from Spark\n\n- Use sagemaker-spark library\n"
                                  "- Use fine-tuning of partitions to balance executors\n"))
    assert [f.topics for f in k.facts] == [["sagemaker-spark"], ["apache-spark"]]


def test_under_a_heading_that_uses_a_thing_what_a_fact_says_of_the_thing_is_said_of_that_use():
    spot = entity("Amazon EC2 Spot Instances", "ec2-spot-instances", aliases=("Spot Instances",))
    managed = Entity("Managed Spot Training", "managed-spot-training", "mlops", (), "Training on Spot capacity.",
                     (("ec2-spot-instances", "uses"),), None)
    fleet = Entity("Spot Fleet planner", "spot-fleet-planner", "services", (), "Plans fleets.",
                   (("ec2-spot-instances", "plans"),), None)
    k = know_in((*FIFTH, spot, managed, fleet),
                ("a.md", "# Training costs\n\n## Managed Spot Training\n\n- Spot Instances can be interrupted, so save "
                         "checkpoints\n\n## Spot Fleet planner\n\n- Spot Instances come in many pools\n"))
    assert [f.topics for f in k.facts] == [["managed-spot-training"], ["ec2-spot-instances"]]


def test_what_most_exam_scenarios_do_is_about_the_exam():
    k = know("# XGBoost\n\n## Retraining\n\n- **Exam Tip:** Most scenarios use a weekly full retrain\n"
             "- A weekly full retrain keeps the trees current\n")
    assert texts(k, "xgboost") == ["A weekly full retrain keeps the trees current"]


def test_code_written_with_the_platform_s_sdk_under_a_label_naming_only_the_platform_is_the_sdk_s():
    catalog = (*FIFTH, entity("SageMaker Python SDK", "sagemaker-python-sdk", aliases=("SageMaker SDK",)),
               entity("SageMaker Processing", "sagemaker-processing"), entity("SageMaker Clarify", "sagemaker-clarify"),
               entity("Amazon VPC", "amazon-vpc", aliases=("VPC",)), entity("VPC endpoints", "vpc-endpoints"),
               entity("VPC flow logs", "vpc-flow-logs"), entity("VPC peering", "vpc-peering"))
    code = "```python\nfrom sagemaker.pytorch import PyTorch\nestimator = PyTorch(entry_point='train.py')\n```\n"
    k = know_in(catalog, ("a.md", "# Transfer learning\n\n## PyTorch\n\n**SageMaker Implementation:**\n\n" + code),
                ("b.md", "# Amazon VPC\n\n## VPC mode\n\n**Configuration:**\n\n" + code))
    assert [f.topics for f in k.facts] == [["sagemaker-python-sdk"], ["amazon-vpc"]]


def test_a_label_listing_members_of_one_topic_is_about_that_topic():
    catalog = (*FIFTH, entity("AWS IAM", "aws-iam", "security", ("IAM",)),
               entity("SageMaker managed policies", "sagemaker-managed-policies", "security",
                      ("AmazonSageMakerFullAccess", "AmazonSageMakerReadOnly")))
    k = know_in(catalog, ("a.md", "# AWS IAM\n\n## Policies\n\n- **Predefined policies:** AmazonSageMakerReadOnly, "
                                  "AmazonSageMakerFullAccess, AdministratorAccess and DataScientist\n"
                                  "- **Mixed:** AmazonSageMakerReadOnly, AmazonSageMakerFullAccess, S3\n"))
    assert [f.topics for f in k.facts] == [["sagemaker-managed-policies"], ["aws-iam"]]


def test_a_short_statement_naming_one_part_of_the_platform_above_is_about_that_part():
    catalog = (*FIFTH, entity("SageMaker training jobs", "sagemaker-training-jobs", aliases=("training job",)),
               entity("SageMaker Processing", "sagemaker-processing"), entity("SageMaker Clarify", "sagemaker-clarify"))
    k = know_in(catalog, ("a.md", "# Amazon SageMaker AI\n\n## Training on SageMaker\n\n- Create a training job\n"
                                  "    - S3 URL of the training data\n    - the compute to use\n"
                                  "- A notebook is where most people start before they create a training job "
                                  "with the SDK\n"))
    assert [f.topics for f in k.facts] == [["sagemaker-training-jobs"], ["amazon-sagemaker-ai"]]


def test_an_idea_the_catalog_makes_part_of_the_thing_above_keeps_its_own_facts():
    endpoints = entity("SageMaker real-time endpoints", "real-time-endpoints", aliases=("real-time endpoint",))
    variants = Entity("Production variants", "production-variants", "mlops", ("TargetVariant",), "Variants.",
                      (("real-time-endpoints", "part of"),), None)
    k = know_in((*FIFTH, endpoints, variants),
                ("a.md", "# SageMaker real-time endpoints\n\n## Testing\n\n"
                         "- For testing, a `TargetVariant` can be picked in each request\n"
                         "- Hyperparameters are fixed once the model is deployed behind it\n"))
    assert [f.topics for f in k.facts] == [["production-variants"], ["real-time-endpoints"]]


def test_a_pointer_to_a_later_lesson_is_about_the_notes():
    k = know("# Amazon S3\n\n## Keys\n\n- The key is the full path after the bucket name\n\n"
             "This will be interesting when we look at partitioning.\n")
    assert texts(k, "amazon-s3") == ["The key is the full path after the bucket name"]
    assert "about the notes" in k.off_topic["n.md"][7]


def test_a_title_line_giving_other_names_takes_the_definition_after_it():
    k = know("KNN (also known as k-nearest neighbours)\n\nClassifies a point by the votes of its nearest points.\n\n"
             "KNN is lazy: it keeps the data (not a model).\n\nIt needs scaled features.\n", "cards/KNN.md")
    assert texts(k, "knn")[:2] == ["KNN (also known as k-nearest neighbours). Classifies a point by the votes of its "
                                   "nearest points.", "KNN is lazy: it keeps the data (not a model)."]


def test_what_we_can_use_for_an_idea_is_about_the_thing_used():
    k = know_fifth(("a.md", "# Feature scaling\n\n## Tools\n\n- We can use AWS Glue to rescale every column in a job\n"
                            "- We can see the ranges shrink after scaling\n"))
    assert [f.topics for f in k.facts] == [["aws-glue"], ["feature-scaling"]]


def test_a_scope_line_under_overview_says_what_the_note_covers_even_naming_topics():
    k = know_fifth(("a.md", "# Data services\n\n## Overview\n\n"
                            "AWS services for feature scaling, ETL, and model storage.\n\n"
                            "## AWS Glue\n\nGlue runs serverless Spark jobs for ETL.\n"))
    assert [f.text for f in k.facts] == ["Glue runs serverless Spark jobs for ETL."]


def test_what_a_code_output_shows_stays_with_the_code_and_the_citation_covers_it():
    k = know("# Feature scaling\n\n## Example\n\n```python\nprint(scaled)\n```\n\nThis code outputs the following:\n\n"
             "```text\n0.0 0.5 1.0\n```\n\nThe table is now on one scale, so no column swamps the distances.\n")
    [fact] = k.by_topic["feature-scaling"]
    assert fact.text.endswith("no column swamps the distances.") or any(
        "no column swamps" in getattr(x, "text", "") for x in fact.extra)
    assert (fact.sources[0].first, fact.sources[0].last) == (5, 15)
    k = know("# Feature scaling\n\nScaling puts every column between 0 and 1.\n\n```text\n0.0 0.5 1.0\n```\n")
    [fact] = k.by_topic["feature-scaling"]
    assert (fact.sources[0].first, fact.sources[0].last) == (3, 7)  # the example's lines are cited with it


def test_a_capability_named_by_another_service_is_what_the_service_above_offers():
    catalog = (*FIFTH, entity("Amazon VPC", "amazon-vpc", aliases=("VPC",)))
    k = know_in(catalog, ("a.md", "# Amazon Athena\n\n## Security\n\n- VPC connectivity is possible for queries\n"
                                  "- VPC flow logs record every connection\n"))
    assert [f.topics for f in k.facts] == [["amazon-athena"], ["amazon-vpc"]]


def test_a_formula_under_a_list_item_is_part_of_what_the_item_says():
    k = know("# Feature scaling\n\n- The L1 term sums the weights:\n\n    $\\lambda \\sum |w_i|$\n\n"
             "- The L2 term sums the squared weights\n\n    $\\lambda \\sum w_i^2$\n\n"
             "- Same idea can be applied to loss functions\n")
    assert texts(k, "feature-scaling") == [
        "The L1 term sums the weights:\n$\\lambda \\sum |w_i|$",
        "The L2 term sums the squared weights\n$\\lambda \\sum w_i^2$. Same idea can be applied to loss functions"]
    assert [(f.sources[0].first, f.sources[0].last) for f in k.facts] == [(3, 5), (7, 11)]
    assert {5, 9} <= k.on_topic["n.md"] and not {5, 9} & set(k.off_topic.get("n.md", {}))


def test_a_labelled_question_over_steps_is_one_worked_fact():
    k = know("# Hyperparameter tuning\n\n**Use case:** \"Which learning rate gave the best AUC?\"\n\n"
             "- Filter the trials by the AUC metric\n- Sort them descending\n- Read the top trial's settings\n")
    [fact] = k.facts
    assert fact.text.startswith("**Use case:**") and fact.extra and fact.extra[0].kind == m.LIST
    assert len(fact.extra[0].items) == 3


def test_what_the_platform_does_under_an_idea_is_about_that_idea_or_the_part_it_names():
    zones = Entity("Availability Zones", "availability-zones", "services", ("AZ", "availability zone"),
                   "Zones.", (("multi-az", "basis of"),), None)
    multi = Entity("Multi-AZ deployment", "multi-az", "mlops", ("across availability zones",), "Spread.",
                   (("availability-zones", "uses"),), None)
    parts = tuple(entity(f"SageMaker {x}", f"sagemaker-{x.lower()}") for x in ("Studio", "Canvas", "Clarify"))
    k = know_in((*FIFTH, *parts, zones, multi),
                ("a.md", "# Availability Zones for endpoints\n\n"
                         "- SageMaker will try to spread instances across availability zones\n"
                         "- SageMaker needs two subnets in different availability zones for this\n"))
    assert [f.topics for f in k.facts] == [["multi-az"], ["availability-zones"]]


def test_a_label_saying_where_files_are_kept_is_about_what_keeps_them_there():
    k = know("# SageMaker Ground Truth\n\n## Output\n\n**Storage structure in S3:**\n\n"
             "```\ns3://bucket/labels/\n  manifests/output.manifest\n```\n")
    assert [f.topics for f in k.facts] == [["sagemaker-ground-truth"]]


def test_a_label_defined_by_what_follows_it_is_that_term_even_under_another_topic():
    k = know("# XGBoost\n\n## Inputs\n\n- **Feature scaling**: is a step that puts every column on one scale\n"
             "- **Hyperparameters**: eta, max_depth and subsample are tuned first\n")
    assert [f.topics for f in k.facts] == [["feature-scaling"], ["xgboost"]]


def test_a_row_under_an_idea_found_in_the_notes_is_read_with_the_notes_platform():
    parts = tuple(entity(f"SageMaker {x}", f"sagemaker-{x.lower()}") for x in ("Studio", "Canvas", "Clarify"))
    serverless = entity("SageMaker Serverless Inference", "serverless-inference", aliases=("SageMaker Serverless",))
    k = know_in((*FIFTH, *parts, serverless),
                ("a.md", "# Cost Optimization\n\nCost optimization means paying only for what the workload uses.\n"),
                ("b.md", "# SageMaker Instance Types\n\n## Cost Optimization Tips\n\n"
                         "| Strategy | Savings | When to use |\n| --- | --- | --- |\n"
                         "| Serverless | Variable | Unpredictable traffic |\n"
                         "| Right-sizing | Varies | Every quarter |\n"))
    assert {f.text.split(";")[0]: f.topics for f in k.facts if f.text.startswith("Strategy")} == {
        "Strategy: Serverless": ["serverless-inference"], "Strategy: Right-sizing": ["cost-optimization"]}


def test_a_caution_about_doing_this_stays_with_what_this_is():
    k = know("# Feature scaling\n\n## Dealing with it\n\n- Sometimes it is right to drop extreme rows before scaling\n"
             "- We have to do this responsibly, knowing why each row goes\n")
    assert texts(k, "feature-scaling") == ["Sometimes it is right to drop extreme rows before scaling. We have to do "
                                           "this responsibly, knowing why each row goes"]


def test_a_label_that_is_the_whole_name_of_a_related_idea_is_that_idea_over_its_points():
    scaling = Entity("Endpoint auto scaling", "endpoint-auto-scaling", "services", ("endpoint autoscaling",),
                     "Scaling.", (("target-tracking", "often uses"),), None)
    tracking = Entity("Target tracking scaling", "target-tracking", "mlops", ("target tracking",), "Tracking.",
                      (("endpoint-auto-scaling", "used by"),), None)
    k = know_in((*FIFTH, scaling, tracking),
                ("a.md", "# Endpoint auto scaling\n\n**Target Tracking Scaling:**\n\n"
                         "- Scale on a metric such as invocations per instance\n- Define its target value\n\n"
                         "**Best Practices:**\n\n- Set sensible minimum and maximum instance counts\n"))
    assert [f.topics for f in k.facts] == [["target-tracking"], ["endpoint-auto-scaling"]]


def test_a_short_line_that_stops_on_a_word_needing_more_is_reported_not_shown():
    k = know("# Amazon Translate\n\n- Translates text between languages in real time\n"
             "- Provides console and CLI access to\n")
    assert texts(k, "amazon-translate") == ["Translates text between languages in real time"]
    assert "a sentence left open" in k.off_topic["n.md"][4]


def test_a_heading_pairing_the_note_s_platform_with_a_topic_is_about_that_topic():
    zones = Entity("Availability Zones", "availability-zones", "services", ("AZ", "availability zone"),
                   "Zones.", (), None)
    vpc = entity("Amazon VPC", "amazon-vpc", aliases=("VPC",))
    parts = tuple(entity(f"SageMaker {x}", f"sagemaker-{x.lower()}") for x in ("Studio", "Canvas", "Clarify"))
    k = know_in((*FIFTH, *parts, zones, vpc),
                ("a.md", "# Managing SageMaker Resources\n\n## SageMaker and Availability Zones\n\n"
                         "- Deploy more than one instance behind each production endpoint\n"),
                ("b.md", "# Network security\n\n## VPC and Availability Zones\n\n"
                         "- VPC subnets each live in one zone\n"))
    assert [f.topics for f in k.facts] == [["availability-zones"], ["amazon-vpc"]]


def test_a_short_statement_under_the_platform_naming_a_kind_of_its_part_is_about_that_kind():
    parts = tuple(entity(f"SageMaker {x}", f"sagemaker-{x.lower()}") for x in ("Studio", "Canvas", "Clarify"))
    endpoints = entity("SageMaker real-time endpoints", "real-time-endpoints", aliases=("real-time endpoint",))
    multi = Entity("Multi-model endpoints", "multi-model-endpoints", "mlops", ("multi-model endpoint",), "Many.",
                   (("real-time-endpoints", "kind of"),), None)
    k = know_in((*FIFTH, *parts, endpoints, multi),
                ("a.md", "# SageMaker\n\n## Metrics\n\nAdditional metrics are measured for multi-model endpoints\n"))
    assert [f.topics for f in k.facts] == [["multi-model-endpoints"]]

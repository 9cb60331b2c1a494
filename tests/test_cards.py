"""Self-test cards: imported from the notes, generated from facts, as JSON, as an Anki file."""
from __future__ import annotations

import json
import re

from kb import cards as kb_cards
from kb import model as m
from kb.cards import (
    BLANK,
    Card,
    CardReport,
    Catalog,
    LineContext,
    build_cards,
    card_text,
    cards_json,
    cards_tsv,
    cloze_card,
    data_path,
    imported_card,
    practice_page,
    term_card,
    truefalse_card,
    weak_text,
    with_choices,
)
from kb.catalog import Entity
from kb.knowledge import build_knowledge
from kb.notes import read_note

HOSTILE = "<img src=x onerror=alert(1)></script><script>alert(2)</script>"


def entity(name: str, section: str = "services", aliases: tuple[str, ...] = (),
           related: tuple[tuple[str, str], ...] = ()) -> Entity:
    slug = name.lower().replace(" ", "-")
    return Entity(name, slug, section, aliases, f"{name}, in one line.", related)


ENTITIES = (
    entity("AWS CloudTrail", aliases=("CloudTrail",), related=(("amazon-cloudwatch", "complements"),)),
    entity("Amazon CloudWatch", aliases=("CloudWatch",), related=(("cloudwatch-logs", "includes"),)),
    entity("CloudWatch Logs", related=(("amazon-cloudwatch", "part of"),)),
    entity("AWS Config", aliases=("Config",)),
    entity("Amazon Macie", aliases=("Macie",)),
    entity("Amazon Kinesis", aliases=("Kinesis",)),
    entity("Amazon Kinesis Data Streams", aliases=("Kinesis Data Streams", "KDS")),
    entity("AWS Glue", aliases=("Glue",)),
    entity("SageMaker training jobs", aliases=("training job", "DescribeTrainingJob")),
    entity("XGBoost", "algorithms"),
    entity("AWS Identity and Access Management", "security", aliases=("IAM",)),
)

NOTES = {
    "decks/audit.tsv": (
        "_____ records every API call made in an AWS account.\tAWS CloudTrail\n"
        "T/F: CloudTrail keeps 90 days of management events without a trail.\tTrue\n"
        "How long does CloudWatch keep metrics?\tUp to 15 months\n"
        "Which AWS service discovers personal records kept in object storage?\tAmazon Macie\n"
        "A crawler fills its catalog with table definitions before jobs transform them.\tAWS Glue\n"
    ),
    "guide/security.md": (
        "# Security guide\n\n"
        "## Amazon Macie\n\n"
        "Amazon Macie is a managed service that uses machine learning to find sensitive data in S3 buckets.\n\n"
        "## XGBoost hyperparameters\n\n"
        "- subsample: share of the training rows used to grow each tree.\n"
        "- Note: tune it after max_depth.\n"
        "- Step 1: pick a metric.\n\n"
        "## IAM\n\n"
        "IAM groups cannot contain other groups.\n\n"
        "AWS Glue is a serverless ETL service; Glue also crawls data.\n\n"
        "Which service answers questions about API history?\n\n"
        "- [ ] A. Amazon CloudWatch\n"
        "- [x] B. AWS CloudTrail\n"
        "- [ ] C. AWS Config\n"
    ),
}


def corpus(notes: dict[str, str]) -> list[m.Document]:
    docs = []
    for source, text in sorted(notes.items()):
        doc, _ = read_note(source, text.encode("utf-8"))
        assert doc is not None
        docs.append(doc)
    return docs


def deck(notes: dict[str, str] = NOTES, entities: tuple[Entity, ...] = ENTITIES) -> tuple[list[Card], CardReport]:
    docs = corpus(notes)
    know = build_knowledge(docs, {d.source: f"sources/{d.source}/" for d in docs}, entities)
    report = CardReport()
    return build_cards(docs, know, entities, report), report


def by_front(cards: list[Card]) -> dict[str, Card]:
    return {c.front: c for c in cards}


def test_every_imported_card_is_kept_with_its_kind_and_source_line():
    cards, report = deck()
    imported = [c for c in cards if not c.generated]
    assert {c.kind for c in imported} == {"cloze", "truefalse", "question", "term", "choice"}
    cloze = by_front(cards)["_____ records every API call made in an AWS account."]
    assert (cloze.back, cloze.source, cloze.topic, cloze.section) == ("AWS CloudTrail", "decks/audit.tsv:1",
                                                                      "aws-cloudtrail", "services")
    tf = next(c for c in imported if c.kind == "truefalse")
    assert tf.front.startswith("True or false: CloudTrail keeps 90 days")
    assert (tf.options, tf.answer) == (("True", "False"), 0)
    choice = next(c for c in imported if c.kind == "choice")
    assert choice.options == ("Amazon CloudWatch", "AWS CloudTrail", "AWS Config")
    assert (choice.answer, choice.back) == (1, "AWS CloudTrail")
    assert sum(report.imported.values()) == len(imported)


def test_a_list_card_asks_for_the_items_of_its_label():
    block = m.Block(m.CARD, m.Span(3, 5), front="Logs: log files\nAlarms: act on a metric", back="Parts of CloudWatch",
                    card_kind="list")
    catalog = Catalog.of(ENTITIES, build_knowledge([], {}, ENTITIES))
    card = imported_card(block, "deck.txt", [], [], catalog)
    assert (card.front, card.back) == ("Parts of CloudWatch", "Logs: log files\nAlarms: act on a metric")
    assert card.topic == "amazon-cloudwatch"


def test_ids_depend_on_the_note_and_the_front_not_on_lines_or_other_notes():
    cards, _ = deck()
    shifted = {**NOTES, "decks/audit.tsv": "\n\n" + NOTES["decks/audit.tsv"], "aaa/new.md": "# New\n\nAWS Config "
               "is a service that records resource configurations over time for audits.\n"}
    again, _ = deck(shifted)
    before = {c.front: c.id for c in cards}
    after = {c.front: c.id for c in again}
    assert all(after[front] == cid for front, cid in before.items())
    assert len(set(before.values())) == len(before)


def test_a_definitional_fact_becomes_a_cloze_with_the_entity_as_answer():
    cards, _ = deck()
    front = f"{BLANK} is a managed service that uses machine learning to find sensitive data in S3 buckets."
    card = by_front(cards)[front]
    assert card.generated and card.kind == "cloze"
    assert (card.back, card.topic, card.source) == ("Amazon Macie", "amazon-macie", "guide/security.md:5")


def test_a_cloze_whose_answer_appears_again_is_skipped_and_counted():
    cards, report = deck()
    assert not any("ETL" in c.front for c in cards)
    assert report.skipped["cloze: the answer appears again in the sentence"] == 1


def test_term_bullets_become_term_cards_with_their_heading_and_notes_or_steps_do_not():
    cards, report = deck()
    card = by_front(cards)["XGBoost hyperparameters: subsample"]
    assert (card.kind, card.back) == ("term", "Share of the training rows used to grow each tree.")
    assert not any("Note" in c.front or "Step 1" in c.front for c in cards)
    assert report.skipped["term: the label is not a term (a step, a note, an example)"] == 1
    catalog = Catalog.of(ENTITIES, build_knowledge([], {}, ENTITIES))
    for text in ("Step 1: pick a metric.", "Example: a deep tree.", "Draw the IAM picture: users and roles",
                 "CSV cannot go to Parquet: convert to JSON first"):
        made, why = term_card(text, "XGBoost", catalog)
        assert made is None and why.startswith("term:"), text


def test_a_rule_becomes_a_true_or_false_card_half_of_them_flipped():
    catalog = Catalog.of(ENTITIES, build_knowledge([], {}, ENTITIES))
    text = "IAM groups cannot contain other groups in any account."
    made = {truefalse_card(text, catalog, f"seed {n}")[0] for n in range(8)}
    assert {x.back for x in made} == {"True", "False"}
    false = next(x for x in made if x.back == "False")
    assert false.front == "True or false: IAM groups can contain other groups in any account."
    assert false.explain == text
    true = next(x for x in made if x.back == "True")
    assert true.front == "True or false: " + text


def test_a_rule_that_is_not_self_contained_or_has_two_rule_words_is_skipped():
    catalog = Catalog.of(ENTITIES, build_knowledge([], {}, ENTITIES))
    assert truefalse_card("It cannot read data from IAM at all in this case.", catalog, "s")[1].startswith("true/false")
    assert "more than one" in truefalse_card("IAM cannot do this and must not do that either.", catalog, "s")[1]


def test_an_entity_answer_gets_three_distractors_of_its_section_and_kind_never_a_synonym():
    cards, _ = deck()
    card = by_front(cards)["Which AWS service discovers personal records kept in object storage?"]
    assert len(card.options) == 4 and card.options[card.answer] == "Amazon Macie"
    wrong = [o for n, o in enumerate(card.options) if n != card.answer]
    names = {e.name: e for e in ENTITIES}
    assert all(names[o].section == "services" for o in wrong)
    assert "SageMaker training jobs" not in wrong  # another kind (a SageMaker feature)
    assert "XGBoost" not in wrong and "AWS Identity and Access Management" not in wrong
    cloze = by_front(cards)["_____ records every API call made in an AWS account."]
    wrong = [o for n, o in enumerate(cloze.options) if n != cloze.answer]
    assert "Amazon CloudWatch" in wrong  # a related topic is the first choice of distractor
    assert "AWS CloudTrail" not in wrong and "CloudTrail" not in wrong


def test_distractors_are_never_a_part_kind_or_name_inside_the_answer():
    catalog = Catalog.of(ENTITIES, build_knowledge([], {}, ENTITIES))
    base = Card("abcdef123456", "Which service streams records in shards?", "Kinesis Data Streams", "question",
                "", "services", "x:1")
    card = with_choices(base, catalog, CardReport())
    assert "Amazon Kinesis" not in card.options  # its name is inside the answer's
    logs = with_choices(Card("bcdef1234567", "Where do log files go?", "CloudWatch", "question", "", "services", "x:1"),
                        catalog, CardReport())
    assert "CloudWatch Logs" not in logs.options  # a part of the answer


def test_an_alias_that_is_not_a_name_does_not_make_a_choice():
    catalog = Catalog.of(ENTITIES, build_knowledge([], {}, ENTITIES))
    assert catalog.answer_entity("DescribeTrainingJob") is None
    assert catalog.answer_entity("KDS").slug == "amazon-kinesis-data-streams"
    assert catalog.answer_entity("cloudtrail.").slug == "aws-cloudtrail"


def test_no_choice_when_fewer_than_three_distractors():
    report = CardReport()
    catalog = Catalog.of(ENTITIES, build_knowledge([], {}, ENTITIES))
    card = with_choices(Card("cdef12345678", "Which algorithm boosts trees?", "XGBoost", "question", "", "algorithms",
                             "x:1"), catalog, report)
    assert card.options == ()
    assert report.skipped["no multiple choice: fewer than three distractors of the same kind"] == 1


def test_card_text_is_plain_text_with_html_kept_as_text():
    assert card_text(HOSTILE) == HOSTILE
    assert card_text("**Bold** `code` [link](http://x) <b>b</b> and _____ blank<br>next") == \
        "Bold code link b and _____ blank\nnext"
    assert card_text("<b onclick=x>y</b>") == "<b onclick=x>y</b>"


def test_cards_json_lists_every_card_with_its_fields():
    cards, report = deck()
    data = json.loads(cards_json(cards, ENTITIES, report))
    assert len(data["cards"]) == len(cards)
    for row in data["cards"]:
        assert {"id", "front", "back", "kind", "topic", "section", "source"} <= set(row)
    assert data["topics"]["aws-cloudtrail"]["name"] == "AWS CloudTrail"
    assert data["counts"]["imported"]["choice"] == 1


def test_cards_tsv_is_an_anki_plain_text_import():
    cards, _ = deck()
    hostile = Card("def123456789", HOSTILE + "\twith\ta tab", "line one\nline two", "question", "aws-cloudtrail",
                   "services", "x:1")
    lines = cards_tsv([*cards, hostile]).split("\n")
    assert lines[:6] == ["#separator:tab", "#html:false", "#notetype:Basic", "#deck:AWS ML Specialty",
                         "#tags column:3", "#guid column:4"]
    rows = [x.split("\t") for x in lines[6:] if x]
    assert len(rows) == len(cards) + 1 and all(len(r) == 4 for r in rows)
    assert rows[-1][1] == "line one · line two" and rows[-1][0].endswith("with a tab")
    assert rows[-1][2] == "kb services aws-cloudtrail question" and rows[-1][3] == "kb-def123456789"
    choice = next(r for r, c in zip(rows, cards, strict=True) if c.kind == "choice")
    assert "A. Amazon CloudWatch · B. AWS CloudTrail" in choice[0] and choice[1].startswith("B. AWS CloudTrail")


def test_test_yourself_is_a_mount_point_without_card_text():
    cards = [Card("abc123456789", HOSTILE, HOSTILE, "question", "aws-cloudtrail", "security", "x:1")]
    mine = kb_cards.cards_by_topic(cards)
    block = kb_cards.test_yourself("aws-cloudtrail", mine["aws-cloudtrail"], "security/aws-cloudtrail.md")
    assert "## Test yourself" in block
    assert 'data-cards="../../data/cards/aws-cloudtrail.json"' in block and 'data-topic="aws-cloudtrail"' in block
    assert "onerror" not in block and "<script" not in block
    assert kb_cards.test_yourself("amazon-macie", mine.get("amazon-macie", [])) == ""


def test_practice_page_mounts_the_widget_and_links_the_files():
    page = practice_page()
    assert 'data-kb-practice="app"' in page and 'data-cards="../data/cards.json"' in page
    assert "(data/cards.json)" in page and "(data/cards.tsv)" in page


def test_data_paths_are_relative_to_where_a_page_is_served():
    assert data_path("practice.md", "data/cards.json") == "../data/cards.json"
    assert data_path("services/x.md", "data/cards.json") == "../../data/cards.json"
    assert data_path("index.md", "data/cards.json") == "data/cards.json"
    assert data_path("services/index.md", "data/cards.json") == "../data/cards.json"


# -- cards worth studying (issue 16) ----------------------------------------------

STUDY = (
    *ENTITIES,
    entity("Apache Hadoop", "data", aliases=("Hadoop", "HDFS")),
    entity("Object Detection", "algorithms"),
    entity("SageMaker Canvas", aliases=("Canvas",)),
    entity("Time series forecasting", "concepts"),
    entity("Network ACLs", "security", aliases=("network ACL",)),
    entity("Security groups", "security", aliases=("security group",)),
    entity("VPC endpoints", "security"),
    entity("Route tables", "security"),
    entity("NAT gateways", "security"),
    entity("Linear Learner", "algorithms"),
    entity("Regularization", "concepts"),
)


def study_catalog(notes: dict[str, str] | None = None) -> Catalog:
    docs = corpus(notes) if notes else []
    return Catalog.of(STUDY, build_knowledge(docs, {d.source: f"sources/{d.source}/" for d in docs}, STUDY))


def test_a_cloze_is_answered_with_the_notes_own_word_not_the_catalog_name():
    made, why = cloze_card("HDFS is a distributed file system that keeps blocks on the nodes of a cluster.",
                           study_catalog())
    assert why == "" and made.front.startswith(BLANK + " is a distributed file system")
    assert made.back == "HDFS"  # the note says HDFS; 'Apache Hadoop' would be another answer


def test_a_term_card_carries_the_item_it_is_nested_under():
    notes = {"algos.md": "# Algorithms\n\n## Object Detection\n\n- Input format:\n"
                         "    - MXNet: RecordIO or image files with a JSON annotation each\n"}
    cards, _ = deck(notes, STUDY)
    card = next(c for c in cards if c.kind == "term")
    assert card.front == "Object Detection › Input format: MXNet"
    assert card.back == "RecordIO or image files with a JSON annotation each."


def test_a_term_under_a_short_lead_in_paragraph_carries_it():
    notes = {"glue.md": "# Glue\n\n## AWS Glue\n\n**Bundled transforms**\n\n"
                        "- DropFields: removes the named fields from every record\n"}
    cards, _ = deck(notes, STUDY)
    assert [c.front for c in cards if c.kind == "term"] == ["AWS Glue › Bundled transforms: DropFields"]


def test_a_term_with_no_subject_above_it_is_skipped():
    notes = {"x.md": "# Misc\n\n## Hyperparameters\n\n"
                     "- num_layers: layers of the decoder stack, counted like the trees of XGBoost\n"}
    cards, report = deck(notes, STUDY)
    assert not [c for c in cards if c.kind == "term"]
    assert report.skipped["term: nothing names the topic the term belongs to"] == 1


def test_a_label_that_is_a_facet_of_its_heading_makes_no_card():
    catalog = study_catalog()
    context = LineContext(((2, "AWS Glue"),), (), "", True)
    made, why = term_card("Storage: Amazon S3 buckets for the raw and processed files", context, catalog)
    assert made is None and "facet" in why
    made, why = term_card("DropFields: removes the named fields from every record", context, catalog)
    assert made is not None and made.front == "AWS Glue: DropFields"


def test_items_of_a_worked_example_make_no_term_cards():
    notes = {"cm.md": "# Metrics\n\n## XGBoost confusion matrix\n\n**Example - fraud detection:**\n\n"
                      "```\nTP 90  FN 10\n```\n\n- TP: correctly caught 90 fraudulent transactions\n"}
    cards, report = deck(notes, STUDY)
    assert not [c for c in cards if c.kind == "term"]
    assert report.skipped["term: an item of a worked example, not a term"] == 1


def test_a_true_or_false_statement_names_the_topic_of_its_heading():
    text = "Time series forecasting must be enabled through an IAM role first."
    catalog = study_catalog()
    made = {truefalse_card(text, catalog, f"s{n}", LineContext(((2, "SageMaker Canvas"),)))[0] for n in range(6)}
    assert all(x.front.startswith("True or false (SageMaker Canvas): Time series forecasting ") for x in made)
    named = truefalse_card("SageMaker Canvas must be enabled through an IAM role first.", catalog, "s",
                           LineContext(((2, "SageMaker Canvas"),)))[0]
    assert named.front.startswith("True or false: SageMaker Canvas")  # named already: no prefix


def test_a_distractor_the_knowledge_says_is_right_too_is_not_offered():
    notes = {"net.md": "# Network\n\n## Security groups\n\n"
                       "Security groups filter traffic by port and protocol for each instance.\n"}
    catalog = study_catalog(notes)
    card = with_choices(Card("abc123abc123", "Which filters traffic by port and protocol for a whole subnet?",
                             "Network ACLs", "question", "", "security", "x:1"), catalog, CardReport())
    assert "Network ACLs" in card.options and len(card.options) == 4
    assert "Security groups" not in card.options  # both filter ports: two right options


def test_a_distractor_whose_name_echoes_the_question_is_not_offered():
    catalog = study_catalog()
    question = "Which lets a private subnet reach the internet through its route tables, security kept tight?"
    card = with_choices(Card("abc123abc124", question,
                             "NAT gateways", "question", "", "security", "x:1"), catalog, CardReport())
    assert card.options == ()  # 'Security groups' echoes 'security' ('Route tables' is named): two distractors left


def test_garbled_text_is_rejected():
    for text in ("Q: what does IAM do", "Use #exam-tip here", "Name: {model}-{date}", "It offers …",
                 "A bracket (never closed", "Topic model, it is not deep learning"):
        assert weak_text(text).startswith("garbled"), text
    assert weak_text("IAM groups cannot contain other groups.") == ""
    cards, _ = deck({"q.md": "# IAM\n\n## IAM\n\nQ: IAM groups cannot contain other groups in any account.\n"}, STUDY)
    assert not [c for c in cards if c.kind == "truefalse"]


def test_an_idea_filed_under_an_algorithm_names_the_algorithm():
    notes = {"ll.md": "# Algorithms\n\n## Linear Learner hyperparameters\n\n### Regularization\n\n"
                      "- Elastic net: set both l1 and wd to combine the two penalties\n"}
    cards, _ = deck(notes, STUDY)
    assert [c.front for c in cards if c.kind == "term"] == ["Linear Learner › Regularization: Elastic net"]


def test_an_open_list_is_no_definite_answer():
    context = LineContext(((2, "AWS Glue"),), (), "", True)
    made, why = term_card("Memory: used, available, cached, etc.", context, study_catalog())
    assert made is None and "open list" in why
    made, _ = term_card("Crawler: it can scan S3, JDBC sources, etc.", context, study_catalog())
    assert made is not None  # a sentence, not a bare list


def test_an_answer_that_only_repeats_the_question_makes_no_card():
    context = LineContext(((2, "Linear Learner"), (3, "Class imbalance handling")), (), "", True)
    made, why = term_card("Purpose: handle imbalanced classes", context, study_catalog())
    assert made is None and why == "term: the answer only repeats the question"


def test_a_cloze_that_leans_on_the_sentence_before_is_skipped():
    made, why = cloze_card("HDFS is an option here, but this also loses the data when the cluster stops.",
                           study_catalog())
    assert made is None and why == "cloze: the sentence leans on the one before (this, it)"


def test_a_family_of_topics_is_not_a_subject_and_a_dashed_label_keeps_its_name():
    family = (*STUDY, entity("SageMaker built-in algorithms", "algorithms"),
              entity("Amazon SageMaker AI", aliases=("SageMaker",)))
    notes = {"a.md": "# Notes\n\n## SageMaker built-in algorithms\n\n### Hyperparameters\n\n"
                     "- sample_size: rows drawn for each tree, unlike the trees of XGBoost\n\n"
                     "## SageMaker\n\n### Hyperparameters\n\n"
                     "- num_leaves: the most leaves of one tree, unlike the trees of XGBoost\n",
             "b.md": "# Deploy\n\n## XGBoost deployment\n\n"
                     "- A/B testing - Comparison mechanism: split traffic between two variants\n"
                     "    - Purpose: decide which variant is better by a statistical comparison\n"}
    cards, _ = deck(notes, family)
    fronts = [c.front for c in cards if c.kind == "term"]
    assert not any("sample_size" in f or "num_leaves" in f for f in fronts)  # which algorithm? neither says
    assert "XGBoost deployment › A/B testing: Purpose" in fronts


def test_a_new_card_kind_is_one_registry_entry(monkeypatch):
    """A kind registered in kinds.KINDS alone is generated, exported to cards.tsv with its own fields and
    labelled in cards.json: nothing else names it."""
    from kb.cards import kinds
    from kb.cards.writers import Made

    def write_acronym(text, context, seed, catalog):
        found = re.match(r"^(\w+) stands for (.+?)\.?$", text)
        return (Made(f"What does {found.group(1)} stand for?", found.group(2)), "") if found else (None, "")

    acronym = kinds.CardKind("acronym", "Acronym", write_acronym, tsv_fields=lambda c: (c.front, "= " + c.back))
    monkeypatch.setattr(kinds, "KINDS", [*kinds.KINDS, acronym])
    notes = {"guide/streams.md": "# Amazon Kinesis Data Streams\n\nKDS stands for Kinesis Data Streams.\n"}
    cards, report = deck(notes)
    card = by_front(cards)["What does KDS stand for?"]
    assert (card.kind, card.back, card.generated) == ("acronym", "Kinesis Data Streams", True)
    assert report.generated["acronym"] == 1
    row = next(r.split("\t") for r in cards_tsv(cards).split("\n") if r.endswith("kb-" + card.id))
    assert row[:3] == ["What does KDS stand for?", "= Kinesis Data Streams", "kb services amazon-kinesis-data-streams"
                       " acronym generated"]
    assert json.loads(cards_json(cards))["kinds"] == {"acronym": "Acronym"}


def test_cards_json_labels_the_kinds_it_holds_in_registry_order():
    cards, _ = deck()
    assert json.loads(cards_json(cards))["kinds"] == {
        "cloze": "Cloze", "term": "Term", "truefalse": "True or false", "question": "Question",
        "choice": "Practice question"}


def test_a_topic_page_fetches_only_its_own_cards_with_their_topic_links():
    from test_topics import small_site

    site, _ = small_site()
    page = next(p for p in site.pages if p.src_uri == "algorithms/random-cut-forest.md").markdown
    assert 'data-cards="../../data/cards/random-cut-forest.json"' in page
    own = json.loads(site.data["data/cards/random-cut-forest.json"])
    assert own["cards"] and {c["topic"] for c in own["cards"]} == {"random-cut-forest"}
    deck = json.loads(site.data["data/cards.json"])
    assert len(deck["cards"]) > len(own["cards"])
    # each topic's page travels with the cards: no page has to load topics.json to link a card to its topic
    assert own["topics"]["random-cut-forest"]["url"] == "algorithms/random-cut-forest/"
    assert all("url" in t for t in deck["topics"].values())



def test_a_fact_the_catalog_records_as_outdated_makes_no_card():
    macie = Entity("Amazon Macie", "amazon-macie", "services", ("Macie",), "Finds PII.", (),
                   outdated=((r"sensitive data in S3", "2020-05", "it also scans other stores now", "other stores"),))
    cards, report = deck(entities=tuple(macie if e.slug == "amazon-macie" else e for e in ENTITIES))
    assert not any("sensitive data in S3" in (c.front + c.back) and c.generated for c in cards)
    assert report.skipped["out of date or mistaken (the catalog or a newer note says what holds now)"] == 1


def test_a_fact_the_catalog_records_as_mistaken_makes_no_card():
    macie = Entity("Amazon Macie", "amazon-macie", "services", ("Macie",), "Finds PII.", (),
                   mistaken=((r"sensitive data in S3", "it scans other stores too", ""),))
    cards, report = deck(entities=tuple(macie if e.slug == "amazon-macie" else e for e in ENTITIES))
    assert not any("sensitive data in S3" in (c.front + c.back) and c.generated for c in cards)
    assert report.skipped["out of date or mistaken (the catalog or a newer note says what holds now)"] == 1

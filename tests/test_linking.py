"""Entity matching and cross-links."""
from __future__ import annotations

from kb.linker import link_markdown
from kb.matcher import Matcher

NAMES = {
    "Amazon Kinesis Data Streams": "kds", "Kinesis Data Streams": "kds", "KDS": "kds",
    "Amazon Kinesis": "kinesis", "Kinesis": "kinesis", "Amazon Data Firehose": "firehose",
    "Kinesis Data Firehose": "firehose", "EI": "ei", "Amazon SageMaker": "sagemaker", "SageMaker": "sagemaker",
}
TARGETS = {"kds": "services/kds.md", "kinesis": "services/kinesis.md", "firehose": "services/firehose.md",
           "ei": "services/ei.md", "sagemaker": "services/sagemaker.md"}


def test_longest_name_wins_and_case_is_folded_for_names():
    found = Matcher(NAMES).find("kinesis data streams feed Kinesis Data Firehose; Kinesis alone")
    assert [(m.slug, m.text) for m in found] == [
        ("kds", "kinesis data streams"), ("firehose", "Kinesis Data Firehose"), ("kinesis", "Kinesis")]


def test_acronyms_match_case_sensitively_and_as_whole_words():
    found = Matcher(NAMES).find("EI attaches GPUs; their ei and OEI do not count, nor KDSX")
    assert [m.text for m in found] == ["EI"]


def test_names_span_line_breaks_and_extra_spaces():
    assert Matcher(NAMES).slugs_in("Kinesis   Data\nStreams") == ["kds"]


def test_first_mention_per_section_is_linked_once():
    md = "KDS and KDS again.\n\nKinesis Data Streams once more.\n\n- KDS in a list\n- KDS again"
    out = link_markdown(md, Matcher(NAMES), TARGETS, "concepts/x.md")
    assert out.count("](../services/kds.md)") == 1
    assert out.startswith("[KDS](../services/kds.md){ .kb-link } and KDS again.")


def test_each_heading_starts_a_section():
    md = "## One\n\n- KDS one\n- KDS two\n\n### Two\n\nKDS three"
    out = link_markdown(md, Matcher(NAMES), TARGETS, "x.md")
    assert out.count("(services/kds.md)") == 2
    assert "- KDS two" in out and "[KDS](services/kds.md){ .kb-link } three" in out


def test_code_formulas_headings_links_and_html_are_untouched():
    md = "\n".join([
        "# Kinesis Data Streams heading", "", "```", "KDS in code", "```", "", "$$", "KDS", "$$", "",
        "`KDS` span, $KDS$ maths, [KDS](elsewhere.md) link, <a title='KDS'>x</a>, https://x/KDS",
        "", "!!! note \"KDS title\"", "", "    KDS body",
    ])
    out = link_markdown(md, Matcher(NAMES), TARGETS, "x.md")
    lines = out.split("\n")
    assert lines[0] == "# Kinesis Data Streams heading"
    assert lines[3] == "KDS in code" and lines[7] == "KDS"
    assert "services/kds.md" not in lines[10]
    assert lines[12] == '!!! note "KDS title"'
    assert lines[14] == "    [KDS](services/kds.md){ .kb-link } body"


def test_a_page_never_links_to_itself():
    out = link_markdown("Kinesis Data Streams and Amazon Data Firehose", Matcher(NAMES), TARGETS,
                        "services/kds.md", own="kds")
    assert "kds.md" not in out and "(firehose.md)" in out


def test_entities_without_a_page_are_not_linked():
    out = link_markdown("EI and KDS", Matcher(NAMES), {"kds": "services/kds.md"}, "x.md")
    assert out == "EI and [KDS](services/kds.md){ .kb-link }"


def test_inside_the_name_of_a_topic_without_a_page_the_name_it_starts_with_is_linked():
    # The build's one matcher knows every topic: 'AWS Glue Data Catalog' (no page here) is one name, and
    # the part of it that names a topic with a page, at its start, is linked: 'AWS Glue'.
    names = {"AWS Glue": "glue", "AWS Glue Data Catalog": "glue-data-catalog", "Transformer": "transformer",
             "Hugging Face Transformers": "hf"}
    targets = {"glue": "services/glue.md", "transformer": "concepts/transformer.md"}
    out = link_markdown("The AWS Glue Data Catalog holds tables.", Matcher(names), targets, "x.md")
    assert out == "The [AWS Glue](services/glue.md){ .kb-link } Data Catalog holds tables."
    # A name inside it that it does not start with is no mention: the library is not the architecture.
    out = link_markdown("Models from Hugging Face Transformers.", Matcher(names), targets, "x.md")
    assert out == "Models from Hugging Face Transformers."


def test_one_pass_matcher_scales_to_many_entities():
    names = {f"Service Number {n}": f"s{n}" for n in range(3000)}
    text = " ".join(f"Service Number {n}" for n in range(0, 3000, 7))
    assert len(Matcher(names).find(text)) == len(range(0, 3000, 7))


def test_a_link_whose_text_holds_escaped_brackets_is_untouched():
    # A citation marker [\[2\]](note.md#L2): neither its text nor its #L2 target may gain a link.
    names = {**NAMES, "L2": "l2"}
    md = 'Fact. <sup>[\\[2\\]](../sources/n.md#L2 "n.md:2"){ .kb-src }</sup>'
    assert link_markdown(md, Matcher(names), {**TARGETS, "l2": "concepts/l2.md"}, "x.md") == md


def test_the_text_of_a_link_written_in_html_gains_no_link():
    # A practice question on a topic page: <a href="…">question text</a>; a link inside it would nest.
    question = '- <a href="\x07sources/n.md#L6" title="n.md:6">How long does Kinesis Data Streams keep data?</a>'
    out = link_markdown(question + " KDS.", Matcher(NAMES), TARGETS, "x.md")
    assert out.startswith(question + " ")


def test_an_element_marked_nolink_is_untouched():
    md = 'KDS stream. <small class="x" data-kb-nolink>Also: Kinesis Data Streams, Amazon Data Firehose.</small>'
    out = link_markdown(md, Matcher(NAMES), TARGETS, "x.md")
    assert out.endswith('<small class="x" data-kb-nolink>Also: Kinesis Data Streams, Amazon Data Firehose.</small>')
    assert out.startswith("[KDS](services/kds.md){ .kb-link } stream.")

#!/usr/bin/env python3
"""Check that the project's notes mention every distinctive term of the seeds.

The raw seed notes (``../shared/seeds`` next to the repository) were written by
other people; the notes under ``docs/notes`` must carry every fact of them over
in the project's own words.  Wording is free, but names are not: a service, an
API call, a hyperparameter or a limit can only be reworded so far.  This module
pulls those *distinctive terms* out of each seed and reports the ones that no
note mentions.

How terms are found.  Front matter, LaTeX, HTML and Markdown markup are
dropped; a mermaid diagram keeps only its labels and a code block only its
distinctive identifiers.  Runs of capitalised or name-shaped words (acronyms,
CamelCase, words with digits, known product names) become names; a
capitalised word that only starts sentences or headings is taken for a common
word unless the seed also uses it mid-sentence.  snake_case, API actions, file
names, paths and numbers with units are read by shape, and "Expansion (ACR)"
pairs let an acronym and its expansion stand for each other.

How terms are matched: case, blanks, hyphens, CamelCase humps, unit spacing
and spelling ("1MB/s" == "1 MB/s", "60s" == "60 seconds"), a final plural and
a leading "Amazon"/"AWS" do not matter, but a term must not start or end
inside a longer word or number.

Terms a seed has but the notes should not (seed typos, page chrome left over by
a copy from the web, deliberate omissions) are listed with a one-line reason in
``seed_coverage_omissions.yaml`` next to this file.

Usage: python3 scripts/seed_coverage.py [--seeds DIR] [--notes DIR] [--seed NAME]

Exits 1 when a term is missing from the notes and not explained there, else 0.
Only the standard library is used.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS = REPO_ROOT.parent / "shared" / "seeds"
DEFAULT_NOTES = REPO_ROOT / "docs" / "notes"
OMISSIONS_PATH = Path(__file__).with_name("seed_coverage_omissions.yaml")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------

#: Product, service, library, language and format names that are names in any
#: case ("numpy", "Docker", "docker").  Compared in lower case.
KNOWN_NAMES = _words(
    """
    airflow alexa athena aurora avro beanstalk blazingtext chainer cloudformation
    cloudfront cloudtrail cloudwatch codebuild codecommit codedeploy codeguru
    codepipeline cuda databrew databricks deepar deeplens deepracer deepspeed
    docker dynamodb elasticache elasticsearch eventbridge fargate fastapi fsx
    greengrass gunicorn gzip hadoop horovod hudi inferentia java jumpstart
    jupyter kendra keras keyspaces kinesis kubeflow kubernetes lex libsvm
    lightgbm lustre macie mapreduce mleap monitron mturk mxnet mysql nccl nginx
    numpy nvidia onnx opensearch pandas parquet polly postgresql protobuf
    pyspark python pytorch quicksight recordio redshift rekognition sagemaker
    salesforce scikit-learn seq2seq sharepoint sklearn spice tableau
    tensorboard tensorflow textract torchserve trainium twilio word2vec xgboost
    zeppelin zookeeper
    """
)

#: Names that are also ordinary words: names only when capitalised, but then
#: even at the start of a sentence ("Glue can ...", "Lambda functions ...").
CAPITALISED_NAMES = _words(
    """
    Bedrock Comprehend Config Confluence Glue Hive Iceberg Lambda Lookout
    Panorama Pig Presto Slack Snowflake Spark Transcribe
    """
)

#: Words that make a name of the capitalised words after them, even at the
#: start of a sentence ("Amazon FSx for Lustre", "Apache Airflow").
BRAND_PREFIXES = _words("amazon aws apache")

#: Common words that name a service after "Amazon" or "AWS" ("AWS Batch").
SERVICE_WORDS = _words(
    """
    backup batch budgets config forecast organizations outposts personalize
    shield translate
    """
)

#: Lower-case words allowed inside a name that starts with a brand prefix.
CONNECTORS = _words("for of on and &")

#: Acronyms too general in this field to be a term on their own.
GENERIC_ACRONYMS = _words("AWS ML AI ID IDs US")

#: Units written in capitals, which are not names ("16 TB", "5 PM").
UNIT_ACRONYMS = _words("KB MB GB TB PB KiB MiB GiB TiB FPS AM PM")

#: Shorthand a seed author used for a name; spelled out before extraction so
#: that "SG Clarify" is looked for as "SageMaker Clarify".
SHORTHANDS = {"SG": "SageMaker"}

#: API actions start with a verb; a run of names breaks before one
#: ("IAM AttachRolePolicy" is IAM, then the action).
API_VERBS = (
    "Analyze|Attach|Create|Delete|Describe|Detach|Get|Invoke|List|Put|Retrieve"
    "|Send|Start|Stop|Update"
)
API_ACTION_WORD_RE = re.compile(rf"(?:{API_VERBS})[A-Z][A-Za-z0-9]*")

#: First parts of hyphenated common words ("Pre-processing", "Multi-Region").
HYPHEN_PREFIXES = _words(
    """
    anti auto co cross de double end fine full half hands high in inter intra
    low multi near non off on one out over per post pre re real self semi
    single sub two under up well
    """
)

#: Last parts of compounds that only describe what comes before them
#: ("GPU-powered" is GPU, "Instance-based" is Instance).
COMPOUND_TAILS = _words(
    """
    agnostic aware backed based bound centric compatible dependent driven
    enabled encoded facing free friendly heavy hosted independent intensive
    level like managed native only optimised optimized powered ready related
    specific wide wrapped
    """
)

_MONTHS = """
    january february march april may june july august september october
    november december jan feb mar apr jun jul aug sep sept oct nov dec monday
    tuesday wednesday thursday friday saturday sunday
"""

#: Capitalised common words: never a term alone and trimmed from the ends of
#: a name ("Key Features of VPCs" gives "VPCs").  Compared in lower case.
STOP_WORDS = _words(
    """
    a an the this these that those there here it its they their them we our
    you your he she his her i my me us and or but nor not no yes true false so
    if then than else when while where whereas what which who whom whose why
    how whether in on at by for from to into onto of off out over under up
    down with within without via per about above below across after before
    between during through throughout until upon against among along around
    behind beyond despite except inside outside since toward towards is are
    was were be been being am do does did done have has had can could may
    might must shall should will would all any each every some many much more
    most less least few fewer other others another such same both either
    neither only just also even very too again already always never often
    usually typically generally basically simply still yet however therefore
    thus hence instead otherwise additionally furthermore moreover finally
    first second third last next now today one two three four five six seven
    eight nine ten use using used uses make makes made get gets set sets let
    lets see note notes example examples eg ie etc vs versus key best practice
    practices feature features benefit benefits step steps tip tips overview
    introduction summary conclusion answer answers question questions case
    cases type types option options part parts chapter section table contents
    figure reference new good great main common various several multiple
    """
    + _MONTHS
)

#: Words that are never a term on their own but may sit inside a name.
LONE_STOP_WORDS = _words("api apis data model models service services value values")

#: Endings of common English words: a word with one, capitalised only once
#: mid-sentence ("Moderate", "Enrichment"), is not taken for a name.
COMMON_SUFFIX_RE = re.compile(
    r"(?:ation|ment|ness|ity|ance|ence|ing|ed|ate|ive|ous|ful|less|able|ible|ally)$"
)

_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11",
    "twelve": "12", "fifteen": "15", "twenty": "20", "thirty": "30",
}

#: Units a number may carry: (spellings, canonical form used for matching).
_UNITS: tuple[tuple[str, str], ...] = (
    (r"milliseconds?|msecs?|ms", "ms"),
    (r"seconds?|secs?|s", "s"),
    (r"minutes?|mins?", "min"),
    (r"hours?|hrs?|h", "h"),
    (r"days?", "day"),
    (r"weeks?", "week"),
    (r"months?", "month"),
    (r"years?|yrs?", "year"),
    (r"[kmgtp]i?b/s|[kmgtp]bps", "{bytes}/s"),
    (r"kilobytes?|kib|kb", "kb"),
    (r"megabytes?|mib|mb", "mb"),
    (r"gigabytes?|gib|gb", "gb"),
    (r"terabytes?|tib|tb", "tb"),
    (r"petabytes?|pib|pb", "pb"),
    (r"%|percent|per\s?cent", "%"),
    (r"x", "x"),
    (r"fps", "fps"),
    (r"vcpus?", "vcpu"),
    (r"[a-z]+/s", "{rate}"),
)
#: Units that follow a spelled-out number ("two-minute", "three-year").
_WORD_UNITS = _words("ms s min h day week month year")
#: One-letter units: written right after the digits ("900s", "24h", "2x").
_LETTER_UNITS = _words("s h x")

_NUM = r"\d+(?:[.,]\d+)*"
_UNIT_ALTS = "|".join(f"(?:{spelling})" for spelling, _ in _UNITS)
#: A number and its unit: "1MB/s", "365 days", "two-minute", "10%".
QUANTITY_RE = re.compile(
    rf"(?<![\w.$])(?P<num>{_NUM}|(?i:{'|'.join(_NUMBER_WORDS)}))"
    rf"(?P<sep>[ \t]?-?[ \t]?)(?P<unit>(?i:{_UNIT_ALTS}))(?![\w%])"
)
MONEY_RE = re.compile(rf"(?<![\w.])\$\s?(?P<a>{_NUM})\b|(?<![\w.])(?P<b>{_NUM})\s?\$")
CLOCK_RE = re.compile(r"(?<![\w.])(?P<hour>\d{1,2})\s?(?P<half>AM|PM)\b")
PORT_RE = re.compile(r"\bport(?:\s+range)?\s*:?\s*(?P<port>\d{2,5})\b", re.IGNORECASE)
CIDR_RE = re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2})?(?![\w.])")
INSTANCE_RE = re.compile(
    r"(?<![\w.])(?:ml\.)?[a-z]{1,3}\d[a-z]{0,3}\."
    r"(?:nano|micro|small|medium|large|\d*xlarge|metal)(?![\w.])"
    r"|(?<![\w.])ml\.[a-z]{1,3}\d[a-z]{0,3}(?![\w.])"
)
FILENAME_RE = re.compile(
    r"(?<![\w./])[A-Za-z_][\w-]*\.(?:py|json|conf|config|ya?ml|lst|sh)(?!\.?\w)"
)
PATH_RE = re.compile(r"(?<![\w/])/(?:opt|tmp)(?:/[\w.-]+)*/?")
SNAKE_RE = re.compile(r"(?<![\w.])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?!\w)")
UPPER_SNAKE_RE = re.compile(r"(?<![\w.])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?!\w)")
DUNDER_RE = re.compile(r"(?<!\w)__[a-z]+__")
API_ACTION_RE = re.compile(r"(?<![\w.])[a-z][a-z0-9]*:[A-Z][A-Za-z0-9]+(?!\w)")
CODE_WORD_RE = re.compile(r"(?<![\w.])[A-Za-z][A-Za-z0-9]*(?!\w)")
KEBAB_RE = re.compile(r"(?<![\w./-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![\w/-])")
CLI_VERBS = _words("create delete describe get invoke list put set start stop update")

# ---------------------------------------------------------------------------
# Cleaning a seed: front matter, maths, diagrams, code and markup
# ---------------------------------------------------------------------------

FRONT_MATTER_RE = re.compile(r"\A---\n.*?\n---[ \t]*\n", re.DOTALL)
HTML_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
DISPLAY_MATH_RE = re.compile(r"\$\$[^$]+\$\$")
INLINE_MATH_RE = re.compile(r"\$(?=\S)[^$\n]{1,300}?(?<=\S)\$")
HTML_TAG_RE = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
URL_RE = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+|\bwww\.\S+", re.IGNORECASE)
MD_IMAGE_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
MD_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
MD_ITALIC_RE = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
LINE_MARKER_RE = re.compile(
    r"^(?:\s*(?:[#>]+|[-*+•◦▪‣]|\\-|\(?\d+(?:\.\d+)*[.)]?(?=\s)"
    r"|\((?:[ivx]+|[a-z])\)|(?:[ivx]+|[a-z])\))\s+)+"
)

MERMAID_START_RE = re.compile(
    r"^\s*(?:```\s*mermaid|(?:flowchart|graph)\s+(?:TD|TB|BT|RL|LR)\b"
    r"|sequenceDiagram|classDiagram|stateDiagram|erDiagram|gantt\b)"
)
MERMAID_SYNTAX_RE = re.compile(
    r"-->|---|-\.->|==>|^\s*(?:subgraph|end|classDef|class|style|linkStyle"
    r"|direction)\b|^\s*%%|^\s*[\w-]+\s*(?:\[|\(|\{|>)"
)
MERMAID_LABEL_RE = re.compile(
    r"\[\s*\(?\s*\"?(?P<box>[^\]\"]*?)\"?\s*\)?\s*\]"
    r"|\(\(?\s*\"?(?P<round>[^()\"]*?)\"?\s*\)?\)"
    r"|\{\s*\"?(?P<diamond>[^{}\"]*?)\"?\s*\}"
    r"|\|\s*\"?(?P<edge>[^|\"]*?)\"?\s*\|"
    r"|--\s+\"?(?P<link>[^\"\n>-][^\"\n>]*?)\"?\s+-->"
    r"|^\s*subgraph\s+(?P<title>[^\[\n\"]+?\s[^\[\n\"]+?)\s*$",
    re.MULTILINE,
)
CODE_START_RE = re.compile(
    r"^(?:(?:def|class)\s+\w+.*:\s*$|(?:import|from)\s+[\w.]+\b"
    r"|[A-Za-z_]\w*\s*=\s*\S|aws\s+[a-z0-9-]+\s+[a-z0-9-]+"
    r"|[{\[]|(?:FROM|RUN|COPY|ENV|CMD|ENTRYPOINT|WORKDIR|ARG|EXPOSE)\s+\S)"
)
DOCKER_LINE_RE = re.compile(
    r"^(?:(?:FROM|RUN|COPY|ENV|CMD|ENTRYPOINT|WORKDIR|ARG|EXPOSE)\s|#)"
)
STRING_LITERAL_RE = re.compile(r"\"[^\"\n]*\"|'[^'\n]*'")


@dataclass
class CleanSeed:
    """A seed's text sorted by kind: prose, diagram labels and code lines."""

    prose: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    code: list[str] = field(default_factory=list)


def strip_markup(line: str) -> str:
    """A prose line without Markdown emphasis, links, tags or list markers."""
    line = MD_IMAGE_RE.sub(" ", line)
    line = MD_LINK_RE.sub(r"\1", line)
    line = HTML_TAG_RE.sub(" ", line)
    line = html.unescape(line)
    line = URL_RE.sub(" ", line)
    line = line.replace("**", "").replace("`", "").replace("\\-", "-")
    line = MD_ITALIC_RE.sub(r"\1", line)
    line = re.sub(r"_{3,}", " ", line)  # quiz blanks
    return LINE_MARKER_RE.sub("", line)


def clean_seed(text: str) -> CleanSeed:
    """Drop front matter, comments and maths; sort prose, labels and code.

    A mermaid diagram keeps only its labels; code (Python, shell, JSON, a
    Dockerfile) is kept apart, for identifiers only.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    for pattern in (FRONT_MATTER_RE, HTML_COMMENT_RE, DISPLAY_MATH_RE, INLINE_MATH_RE):
        text = pattern.sub(" ", text)
    lines = text.split("\n")
    seed = CleanSeed()
    i = 0
    while i < len(lines):
        if MERMAID_START_RE.match(lines[i]):
            end = _mermaid_end(lines, i + 1)
            block = "\n".join(lines[i + 1 : end])
            seed.labels.extend(strip_markup(label) for label in _mermaid_labels(block))
        elif CODE_START_RE.match(lines[i]):
            end = _code_end(lines, i)
            seed.code.extend(lines[i:end])
        else:
            end = i + 1
            seed.prose.append(strip_markup(lines[i]))
        i = end
    return seed


def _mermaid_end(lines: Sequence[str], i: int) -> int:
    """Index of the first line after a diagram that starts before line i."""
    depth = 0  # open subgraphs, inside which a bare node name is a line
    brackets = 0  # open "[" of a label that spans lines
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            return i + 1
        bare_node = depth > 0 and re.fullmatch(r"[\w-]+", stripped) is not None
        if stripped and not (brackets or bare_node or MERMAID_SYNTAX_RE.search(line)):
            return i
        if re.match(r"subgraph\b", stripped):
            depth += 1
        elif stripped == "end":
            depth = max(0, depth - 1)
        brackets = max(0, brackets + line.count("[") - line.count("]"))
        i += 1
    return i


def _mermaid_labels(block: str) -> list[str]:
    """The human-readable labels of a mermaid diagram, one per line."""
    out: list[str] = []
    for match in MERMAID_LABEL_RE.finditer(block):
        label = next((group for group in match.groups() if group), "")
        label = html.unescape(re.sub(r"<br\s*/?>|\\n", "\n", label))
        out.extend(part.strip() for part in label.splitlines() if part.strip())
    return out


def _code_end(lines: Sequence[str], i: int) -> int:
    """Index of the first line after the code block that starts at line i."""
    docker = DOCKER_LINE_RE.match(lines[i]) is not None
    i += 1
    while i < len(lines):
        line, previous = lines[i], lines[i - 1].rstrip()
        continues = (
            line[:1].isspace()
            or line[:1] in ")]}"
            or previous.endswith(("\\", ",", "(", "[", "{"))
            or (docker and DOCKER_LINE_RE.match(line) is not None)
        )
        if not continues:
            return i
        i += 1
    return i


# ---------------------------------------------------------------------------
# Words and their shapes
# ---------------------------------------------------------------------------

WORD_RE = re.compile(
    r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?"
    r"(?:(?:-|/|\.(?=[a-z0-9]))[A-Za-z0-9]+(?:['’][A-Za-z]+)?)*"
)
#: Punctuation after which the next word starts a sentence, clause or quote.
SENTENCE_GAP_RE = re.compile(r"[.!?:;](?:\s|$)|\s[-–—]+\s|[“\"‘«→↓]|\.(?=[A-Z])")
ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9&]*[A-Z0-9]s?")
CAMEL_RE = re.compile(r".*[a-z][A-Z].*|[A-Z]{2,}[a-z].*")
DIGIT_NAME_RE = re.compile(
    r"[A-Z]{1,4}\d+[A-Za-z0-9]*|[A-Za-z]+\d+[A-Za-z]+\d*|[a-z]{1,3}\d{1,2}"
    r"|[A-Z][a-z]+\d+|(?:float|int|uint)\d+|\d+D|[A-Z]\.\d+"
)


@dataclass(frozen=True)
class Token:
    """A word of a prose line."""

    text: str
    end: int  # offset just past the word in its line
    initial: bool  # starts a line, sentence, clause or quotation
    joined: bool  # only blanks between it and the word before
    possessive: bool  # written with "'s"


BLANKS_RE = re.compile(r"[ \t]+")
POSSESSIVE_RE = re.compile(r"['’]s$")
SHORT_CAPS_RE = re.compile(r"[A-Z]{1,2}")


@lru_cache(maxsize=65536)
def tokens(line: str) -> tuple[Token, ...]:
    """Words of a line; "S3/IAM" gives two words, "A/B" and "CI/CD" one."""
    out: list[Token] = []
    previous_end = 0
    for match in WORD_RE.finditer(line):
        gap = line[previous_end : match.start()]
        initial = previous_end == 0 or SENTENCE_GAP_RE.search(gap) is not None
        joined = previous_end > 0 and BLANKS_RE.fullmatch(gap) is not None
        previous_end = match.end()
        word = match.group()
        possessive = POSSESSIVE_RE.search(word) is not None
        word = POSSESSIVE_RE.sub("", word)
        parts = word.split("/")
        if len(parts) > 1 and not all(SHORT_CAPS_RE.fullmatch(p) for p in parts):
            for n, part in enumerate(p for p in parts if p):
                out.append(Token(part, match.end(), initial or n > 0, joined and n == 0, False))
            continue
        out.append(Token(word, match.end(), initial, joined, possessive))
    return tuple(out)


class Stats:
    """How a seed writes each word: in lower case, mid-sentence, in capitals."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.lower: Counter[str] = Counter()
        self.exact: Counter[str] = Counter()
        self.anchors: dict[str, bool] = {}
        for line in lines:
            for token in tokens(line):
                self.exact[token.text] += 1
                if token.text[:1].islower():
                    low = token.text.lower()
                    self.lower[low] += 1
                    if _singular(low) != low:
                        self.lower[_singular(low)] += 1
        #: Capitalised words seen in names that start mid-sentence.
        self.mid: Counter[str] = Counter()
        #: Phrases (lower case, singular) inside names that start mid-sentence.
        self.mid_phrases: set[tuple[str, ...]] = set()
        #: Whole names, wherever they stand, by phrase; those mid-sentence.
        self.names: Counter[tuple[str, ...]] = Counter()
        self.mid_names: set[tuple[str, ...]] = set()

    def shouting(self, word: str) -> bool:
        """An all-caps common word ("LEAST", "DRIVER") rather than an acronym."""
        return (
            word.isalpha()
            and word.isupper()
            and len(word) >= 4
            and self.lower[word.lower()] > self.exact[word]
        )

    def generic(self, word: str) -> bool:
        """A stop word, or a word this seed also writes in lower case."""
        low = word.lower()
        return (
            low in STOP_WORDS
            or low in LONE_STOP_WORDS
            or word in GENERIC_ACRONYMS
            or (
                (self.lower[low] > 0 or self.lower[_singular(low)] > 0)
                and not is_anchor(word, self)
            )
        )

    def seen_mid(self, words: Sequence[str]) -> bool:
        return _phrase_key(words) in self.mid_phrases

    def seen(self, words: Sequence[str], times: int = 1) -> bool:
        """Whether the seed has this whole name mid-sentence, or often enough."""
        key = _phrase_key(words)
        return key in self.mid_names or self.names[key] >= times


def _phrase_key(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(_singular(w.lower()) for w in words)


def _is_acronym(word: str) -> bool:
    return ACRONYM_RE.fullmatch(word) is not None and word not in UNIT_ACRONYMS


def _part_is_anchor(part: str, stats: Stats) -> bool:
    if part.lower() in KNOWN_NAMES:
        return True
    if _is_acronym(part) and len(part) >= 2:
        return not stats.shouting(part)
    return bool(CAMEL_RE.fullmatch(part) or DIGIT_NAME_RE.fullmatch(part))


def is_anchor(word: str, stats: Stats) -> bool:
    """A word that is a name by its shape: acronym, CamelCase, digits, known."""
    if word not in stats.anchors:
        stats.anchors[word] = _is_anchor(word, stats)
    return stats.anchors[word]


def _is_anchor(word: str, stats: Stats) -> bool:
    if word.lower() in KNOWN_NAMES or word in CAPITALISED_NAMES:
        return True
    if re.fullmatch(r"[A-Z]{1,2}(?:/[A-Z]{1,2})+", word):
        return True
    parts = word.split("-")
    if len(parts) == 1:
        return _part_is_anchor(word, stats)
    if any(_part_is_anchor(part, stats) for part in parts):
        return True
    # "K-Means", "Top-k", "X-Ray", "R-squared": a one-letter part, a capital.
    return (
        all(part.isalpha() for part in parts)
        and any(len(part) == 1 for part in parts)
        and any(len(part) > 1 for part in parts)
        and any(c.isupper() for c in word)
    )


def trim_compound(word: str) -> str:
    """"GPU-powered" -> "GPU": drop a descriptive tail from a compound."""
    parts = word.split("-")
    while len(parts) > 1 and parts[-1].lower() in COMPOUND_TAILS:
        parts.pop()
    return "-".join(parts)


def _brand(word: str) -> bool:
    return word.lower() in BRAND_PREFIXES


# ---------------------------------------------------------------------------
# Name runs: "Amazon Kinesis Data Streams", "SageMaker Model Monitor"
# ---------------------------------------------------------------------------


@dataclass
class Run:
    """Adjacent capitalised or name-like words of one line."""

    words: list[str]
    initial: bool  # starts a sentence, a title or a diagram label
    label: bool = False  # comes from a diagram
    title: bool = False  # stands in a Title Case stretch


def _namey(token: Token, stats: Stats) -> bool:
    word = token.text
    if word in UNIT_ACRONYMS or re.search(r"['’]", word):
        return False  # "16 TB", "Can't"
    return word[:1].isupper() or is_anchor(word, stats)


def _breaks_before(previous: str, word: str, stats: Stats) -> bool:
    """Whether two adjacent names are two ("EC2 IAM", "SageMaker CreateModel")."""
    if _brand(word) or API_ACTION_WORD_RE.fullmatch(word):
        return True
    if len(word) == 1 and not _brand(previous):
        return True  # "VPC B", but "Amazon Q"
    if _brand(previous) or not is_anchor(previous, stats):
        return False
    # Two names side by side: "Bedrock IAM", "M5 EC2", "SageMaker Object2vec";
    # but "Glue DataBrew" and "Spark MLlib" are one.
    if _is_acronym(word) and len(word) >= 2:
        return word not in GENERIC_ACRONYMS
    if previous in CAPITALISED_NAMES:
        return False
    return word.lower() in KNOWN_NAMES or bool(
        CAMEL_RE.fullmatch(word) or DIGIT_NAME_RE.fullmatch(word)
    )


def _title_segments(line: str) -> set[int]:
    """Offsets of words in Title Case stretches ("Best Practices for Golden Images")."""
    out: set[int] = set()
    segment: list[Token] = []
    for token in [*tokens(line), None]:
        if token is None or token.initial:
            long_words = [
                t.text
                for t in segment
                if (len(t.text) >= 4 and t.text.isalpha()) or _is_acronym(t.text)
            ]
            if len(long_words) >= 2 and all(w[0].isupper() for w in long_words):
                out.update(t.end for t in segment)
            segment = []
        if token is not None:
            segment.append(token)
    return out


def name_runs(line: str, stats: Stats, label: bool = False) -> Iterator[Run]:
    """Maximal runs of capitalised or name-like words on a line.

    A brand prefix and one more word may take a connector ("Amazon FSx for
    Lustre", "AWS Identity and Access Management"), as may a two-word name
    "of" ("Coefficient of Determination"); a lower-case name ("numpy") is a
    run of its own, and a describing compound ends one ("GPU-powered").
    """
    titles = _title_segments(line)
    current: list[str] = []
    pending: list[str] = []  # connectors waiting for the next name word
    initial = title = False
    last: Token | None = None
    for token in tokens(line):
        word = token.text
        follows = bool(current and last and token.joined and not last.possessive)
        if follows and not pending and _takes_connector(current, word):
            pending.append(word)
        elif follows and _extends(current, pending, token, stats):
            current += [*pending, word]
            pending = []
        else:
            if current and last:
                yield from _close_run(Run(current, initial, label, title), line[last.end :])
            current = [word] if _namey(token, stats) else []
            pending = []
            title = token.end in titles
            initial = token.initial or label or title
        last = token
        if current and trim_compound(word) != word and not pending:
            current[-1] = trim_compound(word)
            yield from _close_run(Run(current, initial, label, title), "")
            current = []
    if current and last:
        yield from _close_run(Run(current, initial, label, title), line[last.end :])


def _takes_connector(current: list[str], word: str) -> bool:
    low = word.lower()
    if _brand(current[0]) and len(current) == 2 and low in CONNECTORS:
        return True
    return low == "of" and len(current) <= 2 and current[0][:1].isupper()


def _extends(current: list[str], pending: list[str], token: Token, stats: Stats) -> bool:
    """Whether the word continues the run of names before it."""
    word = token.text
    if not current[0][:1].isupper():
        return False  # "numpy" stands alone
    if pending:
        return word[:1].isupper() and not (_brand(word) or _is_acronym(word))
    if word.isdigit() and len(word) <= 3:
        return _brand(current[0])  # "Amazon Route 53"
    return (
        _namey(token, stats)
        and word[:1].isupper()
        and not _breaks_before(current[-1], word, stats)
    )


def _close_run(run: Run, rest: str) -> Iterator[Run]:
    """A finished run; one joined by "and" stays whole only if an acronym follows."""
    words = run.words
    defined = re.match(r"\s*\((?P<acr>[A-Z][A-Za-z]*[A-Z])s?\)", rest)
    if "and" not in words or (defined and acronym_matches(defined["acr"], words[1:])):
        yield run
        return
    cut = words.index("and")
    yield Run(words[:cut], run.initial, run.label, run.title)
    yield Run(words[cut + 1 :], run.initial, run.label, run.title)


def _edges_trimmed(words: list[str]) -> list[str]:
    """Without stop words and connectors at either end, nor a trailing "API"."""
    while words and (words[0].lower() in STOP_WORDS or words[0].lower() in CONNECTORS):
        words = words[1:]
    while words and (
        words[-1].lower() in STOP_WORDS
        or words[-1].lower() in CONNECTORS
        or words[-1] in ("API", "APIs")
    ):
        words = words[:-1]
    return words


def _accept_run(run: Run, stats: Stats) -> str | None:
    """The name a run of capitalised words stands for, if any."""
    words = _edges_trimmed(run.words)
    if not words or all(w in GENERIC_ACRONYMS for w in words):
        return None
    # "Use Spot Fleet to ...": after a leading stop word, a name is mid-sentence.
    initial = run.initial and (words[0] == run.words[0] or run.title or run.label)
    if words[0] in ("ML", "AI"):
        while len(words) > 1 and not is_anchor(words[-1], stats):
            words = words[:-1]  # "ML Models" is ML
    if _brand(words[0]) and len(words) > 1 and _common_after_brand(words, stats):
        return None  # "AWS Services", "Amazon Managed"
    if not initial:
        return " ".join(words) if len(words) > 1 else _lone(words[0], stats)
    # A capitalised word that starts a sentence may be a common word: there a
    # name must start with a name-like word or be seen mid-sentence.
    while len(words) > 1:
        if stats.seen_mid(words):
            return " ".join(words)
        if _brand(words[0]):
            return " ".join(_generic_tail_cut(words, stats, keep=2, label=run.label))
        if is_anchor(words[0], stats):
            return " ".join(_generic_tail_cut(words, stats, keep=1, label=run.label))
        words = words[1:]
    return _lone(words[0], stats) if words else None


def _common_after_brand(words: list[str], stats: Stats) -> bool:
    """Whether only common words follow "Amazon" or "AWS" (not "AWS Batch")."""
    if len(words) == 2 and words[1].lower() in SERVICE_WORDS:
        return False
    return all(stats.generic(w) for w in words[1:]) and not stats.seen(words, 2)


def _generic_tail_cut(words: list[str], stats: Stats, keep: int, label: bool) -> list[str]:
    """A heading's name without its trailing common words.

    "CloudWatch Alarms" (a heading) is CloudWatch when the seed names
    CloudWatch on its own elsewhere and "CloudWatch Alarms" nowhere else;
    a diagram label loses its common words regardless ("Airflow Workers").
    """
    if not label and (
        stats.seen(words, 2) or (_brand(words[0]) and stats.seen(words[1:]))
    ):
        return words
    for cut in range(keep, len(words)):
        if all(stats.generic(w) for w in words[cut:]) and (label or stats.seen(words[:cut])):
            return words[:cut]
    return words


def _lone(word: str, stats: Stats) -> str | None:
    """A single word, if it is a name rather than a common word."""
    low = word.lower()
    if low in STOP_WORDS or low in LONE_STOP_WORDS or word in GENERIC_ACRONYMS:
        return None
    if _brand(word) or len(word) < 2:
        return None
    if is_anchor(word, stats):
        return word
    parts = low.split("-")
    if len(parts) > 1 and (parts[0] in HYPHEN_PREFIXES or any(stats.lower[p] for p in parts)):
        return None  # "Pre-processing", "Average-pooled"
    lower, mid = stats.lower[low], stats.mid[word]
    if mid == 1 and COMMON_SUFFIX_RE.search(low):
        return None  # "Moderate", "Enrichment": a common word, capitalised once
    if word[:1].isupper() and len(word) >= 3 and mid > lower and (lower == 0 or mid >= 3):
        return word
    return None


def _collect_runs(seed: CleanSeed, stats: Stats) -> list[Run]:
    """Every name run of a seed, with the seed's name statistics filled in."""
    runs = [run for line in seed.prose for run in name_runs(line, stats)]
    runs += [run for line in seed.labels for run in name_runs(line, stats, label=True)]
    for run in runs:
        key = _phrase_key(_edges_trimmed(run.words))
        stats.names[key] += 1
        if run.initial:
            continue
        stats.mid_names.add(key)
        for word in run.words:
            stats.mid[word] += 1
        words = run.words
        stats.mid_phrases.update(
            _phrase_key(words[i:j])
            for i in range(len(words))
            for j in range(i + 1, len(words) + 1)
        )
    return runs


# ---------------------------------------------------------------------------
# Acronym definitions: "Random Cut Forest (RCF)", "AUC (Area Under the Curve)"
# ---------------------------------------------------------------------------

_EXP_WORD = r"[A-Za-z][\w'’]*(?:-[\w'’]+)*"
_ACR = r"[A-Z][A-Za-z]*[A-Z]s?"
DEF_AFTER_RE = re.compile(rf"[ \t]\((?P<acr>{_ACR})\)")
EXP_WORDS_RE = re.compile(rf"(?:^|(?<=[ \t]))(?:{_EXP_WORD}[ \t]+){{1,9}}$")
DEF_BEFORE_RE = re.compile(
    rf"\b(?P<acr>{_ACR}(?:[ -][A-Z]{{2,}})?)(?:[ \t]+[a-z]+)?[ \t]*"
    rf"\((?P<exp>{_EXP_WORD}(?:[ \t]+{_EXP_WORD})+)\)"
)
DEF_COLON_RE = re.compile(
    rf"^(?P<acr>{_ACR}):[ \t]+(?P<exp>{_EXP_WORD}(?:[ \t]+{_EXP_WORD}){{1,8}})"
    r"(?=[ \t]+[-–(]|[.,;:(]|$)"
)
_DEF_SKIP = _words("a an and by for from in of on the to with")


def acronym_matches(acronym: str, words: Sequence[str]) -> bool:
    """Whether the words spell out the acronym ("JDBC", "Java Database Connectivity")."""
    letters = re.sub(r"[^a-z]", "", acronym.lower())
    if acronym.endswith("s") and acronym[:-1].isupper() and len(letters) > 2:
        letters = letters[:-1]
    parts = [p.lower() for w in words for p in re.split(r"[-\s]+", w) if p]
    parts = [p for p in parts if p not in _DEF_SKIP and p[0].isalpha()]

    def match(rest: str, remaining: Sequence[str]) -> bool:
        if not remaining:
            return not rest
        if not rest or remaining[0][0] != rest[0]:
            return False
        tail = remaining[0][1:]
        return any(
            _subsequence(rest[1:k], tail) and match(rest[k:], remaining[1:])
            for k in range(1, len(rest) + 1)
        )

    return bool(parts) and match(letters, parts)


def _subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(c in it for c in needle)


def _best_expansion(acronym: str, words: Sequence[str]) -> str | None:
    """The trailing words that spell the acronym, as many as it has letters."""
    letters = len(re.sub(r"[^A-Za-z]", "", acronym))
    candidates = sorted(
        (n for n in range(2, len(words) + 1) if words[-n].lower() not in _DEF_SKIP),
        key=lambda n: (abs(_content_words(words[-n:]) - letters), -n),
    )
    for n in candidates:
        if acronym_matches(acronym, words[-n:]):
            return " ".join(words[-n:])
    return None


def _content_words(words: Sequence[str]) -> int:
    return sum(
        1 for w in words for p in w.split("-") if p and p.lower() not in _DEF_SKIP
    )


def acronym_definitions(text: str) -> dict[str, str]:
    """Acronyms a seed spells out, each with its expansion."""
    return dict(_acronym_definitions(text))


@lru_cache(maxsize=16)
def _acronym_definitions(text: str) -> tuple[tuple[str, str], ...]:
    found: dict[str, str] = {}
    seed = clean_seed(_expand_shorthands(text))
    for line in seed.prose:
        for match in DEF_AFTER_RE.finditer(line):
            before = EXP_WORDS_RE.search(line[max(0, match.start() - 200) : match.start() + 1])
            expansion = before and _best_expansion(match["acr"], before.group().split())
            if expansion:
                found.setdefault(_singular_acronym(match["acr"]), expansion)
        for match in DEF_BEFORE_RE.finditer(line):
            words = match["exp"].split()
            if acronym_matches(match["acr"], words):
                found.setdefault(_singular_acronym(match["acr"]), " ".join(words))
        for match in DEF_COLON_RE.finditer(line):  # "TF: Term Frequency - how ..."
            words = match["exp"].split()
            n = next((n for n in range(2, len(words) + 1) if acronym_matches(match["acr"], words[:n])), 0)
            if n:
                found.setdefault(_singular_acronym(match["acr"]), " ".join(words[:n]))
    return tuple(found.items())


def _singular_acronym(word: str) -> str:
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        return word[:-1]
    return word


# ---------------------------------------------------------------------------
# Quantities and identifiers
# ---------------------------------------------------------------------------


def unit_key(unit: str) -> str:
    """Canonical form of a unit ("seconds" -> "s", "MBps" -> "mb/s")."""
    low = re.sub(r"\s+", "", unit.lower())
    for spelling, canon in _UNITS:
        if re.fullmatch(spelling, low):
            if canon == "{bytes}/s":
                return low[0] + "b/s"
            return low if canon == "{rate}" else canon
    return low


def _pretty_unit(unit: str) -> str:
    """Byte units in their usual case ("8kb" -> "KB", "tib" -> "TiB")."""
    if re.fullmatch(r"[kmgtp]i?b(?:/s)?|[kmgtp]bps", unit, re.IGNORECASE):
        return unit[0].upper() + unit[1:].lower().replace("b", "B", 1)
    return unit


def _quantity(match: re.Match[str]) -> tuple[str, str] | None:
    """(display, canonical) forms of a QUANTITY_RE match, if it is one."""
    num, unit, sep = match["num"], match["unit"], match["sep"]
    key = unit_key(unit)
    spelled = num.lower() in _NUMBER_WORDS
    if spelled and key not in _WORD_UNITS:
        return None  # "one x"
    if unit.lower() in _LETTER_UNITS and (spelled or sep):
        return None  # "5 s", "two-s"
    if key == "s" and re.match(r" of\b", match.string[match.end() :]):
        return None  # "1000s of VPCs"
    value = _NUMBER_WORDS.get(num.lower(), num).replace(",", "")
    if spelled:
        shown = re.sub(r"\s+", " ", match.group())
    elif key == "%":
        shown = f"{value}%"
    else:
        shown = f"{value}{'' if key == 'x' else ' '}{_pretty_unit(unit)}"
    return shown, f"{value} {key}"


def quantities(line: str) -> Iterator[str]:
    """Numbers with units, sums of money, clock times and ports, as shown."""
    for match in QUANTITY_RE.finditer(line):
        found = _quantity(match)
        if found:
            yield found[0]
    for match in MONEY_RE.finditer(line):
        yield f"${match['a'] or match['b']}"
    for match in CLOCK_RE.finditer(line):
        yield f"{match['hour']} {match['half']}"
    for match in PORT_RE.finditer(line):
        yield f"port {match['port']}"


def identifiers(line: str, code: bool = False) -> Iterator[str]:
    """snake_case, UPPER_SNAKE, API actions, file names, paths, instance types.

    In code only identifiers of a distinctive shape count (CamelCase,
    UPPER_SNAKE, file names), not the names of local variables.
    """
    yield from DUNDER_RE.findall(line)
    line = DUNDER_RE.sub(" ", line)
    if code:
        line = STRING_LITERAL_RE.sub(" ", line)
        yield from UPPER_SNAKE_RE.findall(line)
        yield from (w for w in CODE_WORD_RE.findall(line) if CAMEL_RE.fullmatch(w))
    else:
        yield from SNAKE_RE.findall(line)
        yield from API_ACTION_RE.findall(line)
        yield from CIDR_RE.findall(line)
    yield from FILENAME_RE.findall(line)
    yield from PATH_RE.findall(line)
    yield from INSTANCE_RE.findall(line)
    for match in KEBAB_RE.finditer(line):
        parts = match.group().split("-")
        if parts[0] in CLI_VERBS and (len(parts) >= 3 or code):
            yield match.group()  # "list-service-quotas"


# ---------------------------------------------------------------------------
# Normalising and matching terms
# ---------------------------------------------------------------------------

#: What may stand between two pieces of a term in the notes.
_SEPARATORS = r"[\s\-\u2010-\u2015_/.:*`'\"’]*"
_HUMP_RE = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def normalise_term(term: str) -> str:
    """Collapse whitespace, drop possessives, space a number from its unit."""
    term = re.sub(r"\s+", " ", term).strip()
    term = " ".join(re.sub(r"['’]s$", "", w) for w in term.split(" "))

    def shown(match: re.Match[str]) -> str:
        found = _quantity(match)
        return found[0] if found else match.group()

    return QUANTITY_RE.sub(shown, term)


def _canonical(text: str) -> str:
    """Text with quantities as "<number> <unit key>" and "%" as "percent"."""

    def canonical(match: re.Match[str]) -> str:
        found = _quantity(match)
        return f" {found[1]} " if found else match.group()

    text = QUANTITY_RE.sub(canonical, text)
    text = MONEY_RE.sub(lambda m: f" {m['a'] or m['b']} ", text)
    return text.replace("%", " percent ")


def term_pieces(term: str) -> list[str]:
    """Lower-case pieces of a term: words, CamelCase humps, digit groups."""
    if DUNDER_RE.fullmatch(term.strip()):
        return [term.strip()]  # "__label__" is itself, underscores and all
    pieces: list[str] = []
    for word in re.findall(r"[A-Za-z0-9]+", _canonical(normalise_term(term))):
        pieces.extend(p.lower() for p in _HUMP_RE.findall(word))
    return pieces


def term_key(term: str) -> str:
    """What makes two spellings one term: pieces glued, final plural dropped."""
    pieces = term_pieces(term)
    if pieces:
        pieces[-1] = _singular(pieces[-1])
    return "".join(pieces)


@lru_cache(maxsize=65536)
def _singular(word: str) -> str:
    """A lower-case word without its plural ending ("policies", "batches")."""
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and re.search(r"(?:ss|x|ch|sh|zz)es$", word):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _last_piece(piece: str) -> tuple[str, str]:
    """The last piece of a term in singular or plural: (needle, pattern).

    The needle is what every accepted spelling contains.
    """
    if not piece.isalpha() or len(piece) <= 3:
        return piece, re.escape(piece) + ("(?:s|es)?" if piece.isalnum() else "")
    if piece.endswith("ies") or (piece.endswith("y") and piece[-2] not in "aeiou"):
        stem = piece[:-3] if piece.endswith("ies") else piece[:-1]
        return stem, re.escape(stem) + "(?:y|ies)"
    if re.search(r"(?:[sxz]|ch|sh)es$", piece):
        stem = piece[:-2]  # "batches", "databases", "buses"
        return stem, re.escape(stem) + "(?:e|es|s)?"
    stem = piece[:-1] if piece.endswith("s") and not piece.endswith("ss") else piece
    return stem, re.escape(stem) + "(?:s|es)?"


@lru_cache(maxsize=16384)
def _term_patterns(term: str) -> tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]:
    """For each way of writing the term: pieces that must occur, and a pattern."""
    pieces = term_pieces(term)
    if not pieces:
        return ()
    variants = [pieces]
    if len(pieces) > 1 and pieces[0] in BRAND_PREFIXES:
        variants.append(pieces[1:])  # "Amazon SageMaker" == "SageMaker"
    patterns = []
    for variant in variants:
        needle, last = _last_piece(variant[-1])
        body = _SEPARATORS.join([*(re.escape(p) for p in variant[:-1]), last])
        patterns.append(((*variant[:-1], needle), re.compile(rf"{body}(?![a-z0-9]|/[a-z0-9])")))
    return tuple(patterns)


@lru_cache(maxsize=4)
def _prepared_corpus(corpus_text: str) -> str:
    return _canonical(corpus_text).lower()


def mentioned(term: str, corpus_text: str, aliases: Iterable[str] = ()) -> bool:
    """Whether the corpus mentions the term, or one of its aliases.

    Case, blanks, hyphens, CamelCase humps, the space between a number and
    its unit, the spelling of a unit ("2 s" == "2 seconds"), a final plural
    "s" and an "Amazon", "AWS" or "Apache" in front of a name do not matter.
    """
    corpus = _prepared_corpus(corpus_text)
    return any(
        all(needle in corpus for needle in needles) and _search(pattern, corpus)
        for candidate in (term, *aliases)
        for needles, pattern in _term_patterns(candidate)
    )


def _unbranded(term: str) -> str:
    """A name without a leading "Amazon", "AWS" or "Apache"."""
    first, _, rest = term.partition(" ")
    return rest if rest and _brand(first) else term


def _search(pattern: re.Pattern[str], corpus: str) -> bool:
    """A match of the pattern that does not start inside a word."""
    return any(
        m.start() == 0 or not corpus[m.start() - 1].isalnum() for m in pattern.finditer(corpus)
    )


# ---------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------


def _expand_shorthands(text: str) -> str:
    for short, full in SHORTHANDS.items():
        text = re.sub(rf"\b{short}(?=[A-Z][a-z]|\b)", full, text)  # "SGModel" too
    return text


def candidate_terms(text: str) -> list[str]:
    """Every term a seed's text yields, as written, before spellings are merged."""
    seed = clean_seed(_expand_shorthands(text))
    stats = Stats(seed.prose + seed.labels)
    found = [name for run in _collect_runs(seed, stats) if (name := _accept_run(run, stats))]
    for line in seed.prose:
        found.extend(quantities(line))
        found.extend(identifiers(line))
        found.extend(
            t.text for t in tokens(line) if t.text.islower() and t.text in KNOWN_NAMES
        )
    for line in seed.code:
        found.extend(identifiers(line, code=True))
    found.extend(acronym_definitions(text).values())
    return [_display(normalise_term(t)) for t in found if t.strip()]


def _display(term: str) -> str:
    """An acronym in the singular ("AMIs" -> "AMI", "vCPUs" -> "vCPU")."""
    if re.fullmatch(r"[a-z]?[A-Z0-9]*[A-Z]s", term) and len(term) > 2:
        return term[:-1]
    return term


def distinctive_terms(text: str) -> set[str]:
    """The distinctive terms of a seed: names, identifiers, acronyms, quantities.

    Spellings of one term (case, plural, unit spacing) are merged, keeping the
    most frequent; a term inside a longer one is dropped, since the notes
    mention it wherever they mention the longer one (unless the longer one
    is an accepted omission).
    """
    return set(_distinctive_terms(text))


@lru_cache(maxsize=16)
def _distinctive_terms(text: str) -> frozenset[str]:
    spellings: dict[str, Counter[str]] = {}
    for term in candidate_terms(text):
        key = term_key(term)
        if key:
            spellings.setdefault(key, Counter())[term] += 1
    chosen = {key: _best_spelling(c) for key, c in spellings.items()}
    omitted = {term_key(t) for t in ACCEPTED_OMISSIONS}
    inner: set[str] = set()  # keys of the shorter terms inside each term
    for key, term in chosen.items():
        if key not in omitted:
            inner |= _inner_keys(term)
    return frozenset(term for key, term in chosen.items() if key not in inner)


def _best_spelling(spellings: Counter[str]) -> str:
    return max(spellings, key=lambda s: (spellings[s], sum(c.isupper() for c in s), s))


def _inner_keys(term: str) -> set[str]:
    """Keys of the shorter terms that any mention of this term also mentions.

    Those are runs of its whole words ("Kinesis" in "Kinesis Data Streams"),
    not of its CamelCase humps ("SageMaker" in "SageMakerEstimator"), and no
    number cut from its rate ("1 MB" in "1 MB/s").
    """
    text = _canonical(normalise_term(term)).lower()
    found = list(re.finditer(r"[a-z0-9]+", text))
    words = [m.group() for m in found]
    after = [text[m.end() : m.end() + 1] for m in found]  # the character after
    keys = set()
    for i in range(len(words)):
        for j in range(i + 1, len(words) + 1):
            if (i, j) != (0, len(words)) and after[j - 1] != "/":
                keys.add("".join(words[i : j - 1]) + _singular(words[j - 1]))
    return keys


# ---------------------------------------------------------------------------
# Seeds, notes and omissions
# ---------------------------------------------------------------------------


def read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


def notes_corpus(notes_dir: Path) -> str:
    """Every file under the notes folder, whatever its extension, joined."""
    if not notes_dir.is_dir():
        return ""
    files = sorted(p for p in notes_dir.rglob("*") if p.is_file())
    return "\n\n".join(read_text(p) for p in files)


def missing_terms(seed_path: Path, notes_dir: Path) -> list[str]:
    """Terms of the seed that no file under notes_dir mentions, sorted."""
    return missing_from(read_text(seed_path), notes_corpus(notes_dir))


def missing_from(seed_text: str, corpus: str) -> list[str]:
    """Terms of a seed's text that the corpus does not mention, sorted.

    An acronym the seed spells out counts as mentioned by its expansion, and
    the other way round.
    """
    aliases: dict[str, list[str]] = {}
    for acronym, expansion in acronym_definitions(seed_text).items():
        aliases.setdefault(term_key(acronym), []).append(expansion)
        aliases.setdefault(term_key(_unbranded(expansion)), []).append(acronym)
    missing = [
        term
        for term in distinctive_terms(seed_text)
        if not mentioned(term, corpus, aliases.get(term_key(_unbranded(term)), ()))
    ]
    return sorted(missing, key=lambda t: (t.lower(), t))


class _UniqueKeyLoader(yaml.SafeLoader):
    """YAML's safe loader, refusing a key listed twice (PyYAML would keep the last silently)."""

    def construct_mapping(self, node, deep=False):
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise ValueError(f"line {key_node.start_mark.line + 1}: {key!r} is listed twice")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_omissions(path: Path = OMISSIONS_PATH) -> dict[str, str]:
    """Read the omissions file: a flat YAML mapping of ``term: reason``, every term with a reason."""
    if not path.is_file():
        return {}
    try:
        data = yaml.load(read_text(path), Loader=_UniqueKeyLoader) or {}
    except (yaml.YAMLError, ValueError) as err:
        raise ValueError(f"{path}: {err}") from err
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of 'term: reason'")
    for key, value in data.items():
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{path}: {key!r} needs a reason (expected 'term: reason')")
    return {str(k): v for k, v in data.items()}


#: Terms deliberately not carried over to the notes, each with its reason.
ACCEPTED_OMISSIONS: dict[str, str] = load_omissions()


def unexplained(missing: Iterable[str], omissions: dict[str, str] | None = None) -> list[str]:
    """The missing terms the omissions do not account for."""
    accepted = {term_key(t) for t in (ACCEPTED_OMISSIONS if omissions is None else omissions)}
    return [t for t in missing if term_key(t) not in accepted]


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------


def seed_files(seeds_dir: Path, name: str | None = None) -> list[Path]:
    """The seed files of a folder (all but a README), or those matching name."""
    files = sorted(p for p in seeds_dir.iterdir() if p.is_file() and p.name != "README.md")
    if name:
        files = [p for p in files if p.name == name or p.name.startswith(name)]
    return files


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="seed folder")
    parser.add_argument("--notes", type=Path, default=DEFAULT_NOTES, help="notes folder")
    parser.add_argument("--seed", help="check only this seed (file name or prefix)")
    args = parser.parse_args(argv)

    if not args.seeds.is_dir():
        print(f"seeds folder {args.seeds} not found: nothing to check")
        return 0
    seeds = seed_files(args.seeds, args.seed)
    if not seeds:
        print(f"no seed named {args.seed!r} in {args.seeds}")
        return 2
    if not args.notes.is_dir():
        print(f"notes folder {args.notes} not found: every term is missing")
    corpus = notes_corpus(args.notes)

    reasons = {term_key(term): reason for term, reason in ACCEPTED_OMISSIONS.items()}
    open_total = 0
    for seed in seeds:
        text = read_text(seed)
        terms = distinctive_terms(text)
        missing = missing_from(text, corpus)
        open_terms = unexplained(missing)
        print(
            f"{seed.name}: {len(terms)} terms, {len(terms) - len(missing)} mentioned, "
            f"{len(missing)} missing ({len(missing) - len(open_terms)} accepted)"
        )
        for term in missing:
            reason = reasons.get(term_key(term))
            print(f"  {term}  # accepted: {reason}" if reason else f"  {term}")
        open_total += len(open_terms)
    if open_total:
        print(
            f"{open_total} missing term(s) not explained in {OMISSIONS_PATH.name}: "
            "mention them in the notes, or explain them there"
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

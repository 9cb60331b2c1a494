"""Exam blueprints as data: a checked view of ``exams.yaml``, and ``site/data/exams.json``.

Each exam has its code, name, status (and retirement date), question count, time, passing score,
question types, and domains with weights and task statements. The same file holds the tagging rules
that say which task of each exam a catalog topic serves (see ``domains.py``). ``load_exams`` refuses
bad data with an ``ExamsError`` (a ``ValueError``) naming the offending key.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .catalog import FAST_LOADER

EXAMS_PATH = Path(__file__).with_name("exams.yaml")
STATUSES = ("current", "retired", "beta")
EXAM_KEYS = {"required": ("code", "name", "status", "questions", "minutes", "passing", "question_types", "domains"),
             "optional": ("retired", "url", "guide")}
RULE_MATCHERS = ("slugs", "words", "section")
CODE_SHAPE = re.compile(r"^[A-Z]{3}-C\d\d$")  # AWS exam codes: MLA-C01
TASK_ID = re.compile(r"^\d+\.\d+$")


class ExamsError(ValueError):
    """The exams file breaks a rule; the message names the key."""


@dataclass(frozen=True)
class Task:
    id: str
    text: str


@dataclass(frozen=True)
class Domain:
    id: str
    name: str
    weight: int  # per cent of the scored content
    tasks: tuple[Task, ...]


@dataclass(frozen=True)
class Exam:
    code: str
    name: str
    status: str  # current | retired | beta
    scored: int
    unscored: int
    minutes: int
    passing: int  # scaled score out of 1000
    question_types: tuple[str, ...]
    domains: tuple[Domain, ...]
    retired: dt.date | None = None
    url: str = ""
    guide: str = ""

    @property
    def questions(self) -> int:
        return self.scored + self.unscored

    def ids(self) -> set[str]:
        """Every domain and task id of the exam."""
        return {d.id for d in self.domains} | {t.id for d in self.domains for t in d.tasks}


@dataclass(frozen=True)
class Related:
    """Another certification the site points to, without a blueprint."""

    code: str
    name: str
    level: str
    url: str


@dataclass(frozen=True)
class Rule:
    """Topics matching ``slugs``, ``words`` or ``section`` serve ``targets`` (exam code → task or domain id)."""

    slugs: frozenset[str]
    words: frozenset[str]
    section: str
    targets: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Blueprints:
    exams: tuple[Exam, ...]  # the default exam first
    default: str
    see_also: tuple[Related, ...]
    rules: tuple[Rule, ...]

    def exam(self, code: str) -> Exam:
        return next(e for e in self.exams if e.code == code)


def load_exams(path: Path | str | None = None) -> Blueprints:
    """Read and check the exams file (``exams.yaml`` beside this module by default)."""
    source = Path(path) if path is not None else EXAMS_PATH
    data = yaml.load(source.read_text(encoding="utf-8"), Loader=FAST_LOADER)
    return parse_blueprints(data, str(source))


def parse_blueprints(data: Any, label: str = "exams.yaml") -> Blueprints:
    """The parsed file as Blueprints, or an ExamsError naming the bad key."""
    if not isinstance(data, dict):
        raise ExamsError(f"{label}: expected a mapping with exams, default, see_also and tagging")
    unknown = sorted(set(data) - {"exams", "default", "see_also", "tagging"})
    if unknown:
        raise ExamsError(f"{label}: unknown key(s) {', '.join(map(str, unknown))}")
    raw_exams = data.get("exams")
    if not isinstance(raw_exams, list) or not raw_exams:
        raise ExamsError(f"{label}: exams must be a non-empty list")
    exams = [parse_exam(raw, f"{label}: exams[{n}]") for n, raw in enumerate(raw_exams)]
    codes = [e.code for e in exams]
    twice = sorted({c for c in codes if codes.count(c) > 1})
    if twice:
        raise ExamsError(f"{label}: exam code(s) {', '.join(twice)} listed twice")
    default = data.get("default", codes[0])
    if default not in codes:
        raise ExamsError(f"{label}: default {default!r} is not one of the exams ({', '.join(codes)})")
    ordered = tuple(sorted(exams, key=lambda e: e.code != default))
    see_also = tuple(parse_related(r, f"{label}: see_also[{n}]") for n, r in enumerate(data.get("see_also") or []))
    by_code = {e.code: e for e in exams}
    rules = tuple(parse_rule(r, by_code, f"{label}: tagging[{n}]") for n, r in enumerate(data.get("tagging") or []))
    return Blueprints(ordered, default, see_also, rules)


def parse_exam(raw: Any, label: str) -> Exam:
    if not isinstance(raw, dict):
        raise ExamsError(f"{label}: expected a mapping")
    if isinstance(raw.get("code"), str):
        label = f"{label} ({raw['code']})"
    check_keys(raw, EXAM_KEYS["required"], EXAM_KEYS["optional"], label)
    code = text(raw, "code", label)
    if not CODE_SHAPE.match(code):
        raise ExamsError(f"{label}: code {code!r} is not an exam code like MLA-C01")
    status = text(raw, "status", label)
    if status not in STATUSES:
        raise ExamsError(f"{label}: status {status!r} is not one of {', '.join(STATUSES)}")
    retired = raw.get("retired")
    if status == "retired" and not isinstance(retired, dt.date):
        raise ExamsError(f"{label}: retired: a retired exam needs its retirement date (YYYY-MM-DD)")
    if retired is not None and not isinstance(retired, dt.date):
        raise ExamsError(f"{label}: retired must be a date (YYYY-MM-DD), not {retired!r}")
    questions = raw["questions"]
    if not isinstance(questions, dict) or set(questions) != {"scored", "unscored"}:
        raise ExamsError(f"{label}: questions must be a mapping of scored and unscored counts")
    types = raw["question_types"]
    if not isinstance(types, list) or not types or not all(isinstance(t, str) and t.strip() for t in types):
        raise ExamsError(f"{label}: question_types must be a non-empty list of names")
    domains = raw["domains"]
    if not isinstance(domains, list) or not domains:
        raise ExamsError(f"{label}: domains must be a non-empty list")
    parsed = tuple(parse_domain(d, f"{label}: domains[{n}]") for n, d in enumerate(domains))
    ids = [d.id for d in parsed]
    if len(set(ids)) != len(ids):
        raise ExamsError(f"{label}: domain ids repeat ({', '.join(ids)})")
    total = sum(d.weight for d in parsed)
    if total != 100:
        raise ExamsError(f"{label}: domain weights add up to {total}, not 100")
    return Exam(code, text(raw, "name", label), status, count(questions, "scored", f"{label}: questions"),
                count(questions, "unscored", f"{label}: questions", zero=True), count(raw, "minutes", label),
                count(raw, "passing", label), tuple(t.strip() for t in types), parsed, retired,
                optional_text(raw, "url", label), optional_text(raw, "guide", label))


def parse_domain(raw: Any, label: str) -> Domain:
    if not isinstance(raw, dict):
        raise ExamsError(f"{label}: expected a mapping")
    check_keys(raw, ("id", "name", "weight", "tasks"), (), label)
    domain_id = text(raw, "id", label)
    if not domain_id.isdigit():
        raise ExamsError(f"{label}: id {domain_id!r} must be a number in quotes, like \"1\"")
    tasks = raw["tasks"]
    if not isinstance(tasks, list) or not tasks:
        raise ExamsError(f"{label}: tasks must be a non-empty list")
    parsed = []
    for n, task in enumerate(tasks):
        where = f"{label}: tasks[{n}]"
        if not isinstance(task, dict):
            raise ExamsError(f"{where}: expected a mapping with id and text")
        check_keys(task, ("id", "text"), (), where)
        task_id = text(task, "id", where)
        if not TASK_ID.match(task_id) or task_id.split(".")[0] != domain_id:
            raise ExamsError(f"{where}: id {task_id!r} must be {domain_id}.N, in quotes")
        parsed.append(Task(task_id, text(task, "text", where)))
    weight = count(raw, "weight", label)
    if weight > 100:
        raise ExamsError(f"{label}: weight {weight} is over 100")
    return Domain(domain_id, text(raw, "name", label), weight, tuple(parsed))


def parse_related(raw: Any, label: str) -> Related:
    if not isinstance(raw, dict):
        raise ExamsError(f"{label}: expected a mapping")
    check_keys(raw, ("code", "name", "level", "url"), (), label)
    return Related(*(text(raw, key, label) for key in ("code", "name", "level", "url")))


def parse_rule(raw: Any, exams: dict[str, Exam], label: str) -> Rule:
    if not isinstance(raw, dict):
        raise ExamsError(f"{label}: expected a mapping")
    matchers = [k for k in RULE_MATCHERS if k in raw]
    if len(matchers) != 1:
        raise ExamsError(f"{label}: needs exactly one of {', '.join(RULE_MATCHERS)}")
    unknown = sorted(set(raw) - set(RULE_MATCHERS) - set(exams))
    if unknown:
        raise ExamsError(f"{label}: unknown key(s) {', '.join(map(str, unknown))} (not an exam code or a matcher)")
    targets = []
    for code in (c for c in raw if c in exams):
        value = raw[code]
        if not isinstance(value, str) or value not in exams[code].ids():
            raise ExamsError(f"{label}: {code}: {value!r} is not a domain or task id of {code}")
        targets.append((code, value))
    if not targets:
        raise ExamsError(f"{label}: names no exam")
    slugs = words = frozenset()
    section = ""
    if "section" in raw:
        section = text(raw, "section", label)
    else:
        key = matchers[0]
        value = raw[key]
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
            raise ExamsError(f"{label}: {key} must be a non-empty list of strings")
        if key == "slugs":
            slugs = frozenset(value)
        else:
            words = frozenset(v.lower() for v in value)
    return Rule(slugs, words, section, tuple(targets))


def check_keys(raw: dict, required: tuple[str, ...], optional: tuple[str, ...], label: str) -> None:
    missing = [k for k in required if k not in raw]
    if missing:
        raise ExamsError(f"{label}: missing {', '.join(missing)}")
    unknown = sorted(set(raw) - set(required) - set(optional))
    if unknown:
        raise ExamsError(f"{label}: unknown key(s) {', '.join(map(str, unknown))}")


def text(raw: dict, key: str, label: str) -> str:
    value = raw[key]
    if not isinstance(value, str) or not value.strip() or "\n" in value.strip():
        raise ExamsError(f"{label}: {key} must be a non-empty single-line string, not {value!r}")
    return value.strip()


def optional_text(raw: dict, key: str, label: str) -> str:
    return text(raw, key, label) if key in raw else ""


def count(raw: dict, key: str, label: str, zero: bool = False) -> int:
    value = raw[key]
    if not isinstance(value, int) or isinstance(value, bool) or value < (0 if zero else 1):
        raise ExamsError(f"{label}: {key} must be a whole number{'' if zero else ' above 0'}, not {value!r}")
    return value


def check_rule_slugs(blueprints: Blueprints, slugs: set[str]) -> None:
    """Every slug a tagging rule names is in the catalog (a typo would silently tag nothing)."""
    for n, rule in enumerate(blueprints.rules):
        missing = sorted(rule.slugs - slugs)
        if missing:
            raise ExamsError(f"exams.yaml: tagging[{n}]: slug(s) {', '.join(missing)} not in the catalog")


# -- output ---------------------------------------------------------------------

def long_date(day: dt.date) -> str:
    """31 March 2026."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def exam_record(exam: Exam, coverage: dict[str, dict[str, int]] | None = None) -> dict:
    """One exam of exams.json; ``coverage``: counts by domain or task id (see domains.coverage_counts)."""
    coverage = coverage or {}
    record: dict[str, Any] = {
        "code": exam.code, "name": exam.name, "status": exam.status,
        "questions": exam.questions, "scored": exam.scored, "unscored": exam.unscored,
        "minutes": exam.minutes, "passing": exam.passing, "question_types": list(exam.question_types),
        "domains": [{"id": d.id, "name": d.name, "weight": d.weight,
                     "tasks": [{"id": t.id, "text": t.text, **count_fields(coverage.get(t.id))} for t in d.tasks],
                     **count_fields(coverage.get(d.id))} for d in exam.domains],
    }
    if exam.retired:
        record["retired"] = exam.retired.isoformat()
    for key in ("url", "guide"):
        if getattr(exam, key):
            record[key] = getattr(exam, key)
    return record


def count_fields(counts: dict[str, int] | None) -> dict:
    return {"coverage": counts} if counts is not None else {}


def exams_json(blueprints: Blueprints, coverage: dict[str, dict[str, dict[str, int]]] | None = None,
               tags: dict[str, dict[str, str]] | None = None) -> str:
    """site/data/exams.json: every exam (the default first) with its domains, tasks and what covers them;
    ``topics``: the task or domain id of each exam that each topic (by slug) serves."""
    coverage = coverage or {}
    out = {"exams": [exam_record(e, coverage.get(e.code)) for e in blueprints.exams], "default": blueprints.default,
           "see_also": [{"code": r.code, "name": r.name, "level": r.level, "url": r.url} for r in blueprints.see_also],
           "topics": dict(sorted((tags or {}).items()))}
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))  # fetched by pages: compact

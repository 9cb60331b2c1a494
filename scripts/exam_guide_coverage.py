#!/usr/bin/env python3
"""Check that the bundled notes cover every AWS service an exam guide names.

``exam_guide_services.yaml`` next to this file lists the in-scope services of an exam guide,
spelled as AWS spells them ("Amazon Simple Queue Service (Amazon SQS)"). Each must be a name or
alias of a catalog entity, and that entity must have a topic page with at least one fact when
the notes are built. The seed check (seed_coverage.py) asks "did we carry every fact over?";
this one asks "does a learner find every service the exam names?".

Usage: python3 scripts/exam_guide_coverage.py [--services FILE] [--notes DIR]
Exits 1 when a service has no entity, no page or no fact, else 0.
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "hooks"))

from kb.catalog import Entity, load_catalog, term_index  # noqa: E402
from kb.notes import read_corpus  # noqa: E402
from kb.site import build_site  # noqa: E402

SERVICES_PATH = Path(__file__).with_name("exam_guide_services.yaml")
DEFAULT_NOTES = REPO_ROOT / "docs" / "notes"
# "Amazon Simple Queue Service (Amazon SQS)": the full name, then the name and the short form apart.
NAME_WITH_SHORT_FORM = re.compile(r"^(?P<name>.+?)\s*\((?P<short>[^()]+)\)$")


@dataclass(frozen=True)
class Coverage:
    """What the build gives one service the guide names."""

    service: str
    group: str
    slug: str | None
    page: bool
    facts: int

    @property
    def problem(self) -> str | None:
        if self.slug is None:
            return "no catalog entity has this name or alias"
        if not self.page:
            return f"entity {self.slug} has no topic page"
        if self.facts == 0:
            return f"topic {self.slug} has no fact"
        return None


def load_services(path: Path = SERVICES_PATH) -> tuple[str, list[tuple[str, str]]]:
    """The exam code and its (group, service name) pairs, in the file's order."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("services"), dict):
        raise ValueError(f"{path}: expected 'exam' and a 'services' mapping of group -> list of names")
    pairs = [(group, str(name)) for group, names in data["services"].items() for name in names or []]
    return str(data.get("exam", "")), pairs


def entity_for(service: str, index: dict[str, Entity]) -> Entity | None:
    """The catalog entity a guide's spelling names: the whole name, else its name or short form alone."""
    candidates = [service]
    shaped = NAME_WITH_SHORT_FORM.match(service)
    if shaped:
        candidates += [shaped["name"], shaped["short"]]
    return next((index[c.casefold()] for c in candidates if c.casefold() in index), None)


def coverage(services: list[tuple[str, str]], notes: Path, entities: tuple[Entity, ...]) -> list[Coverage]:
    """Build the notes once and report, for each service, its entity, page and fact count."""
    site = build_site(read_corpus(notes), entities)
    pages = {page.src_uri for page in site.pages}
    index = term_index(entities)
    out = []
    for group, service in services:
        entity = entity_for(service, index)
        if entity is None:
            out.append(Coverage(service, group, None, False, 0))
            continue
        facts = len(site.knowledge.by_topic.get(entity.slug, []))
        out.append(Coverage(service, group, entity.slug, f"{entity.section}/{entity.slug}.md" in pages, facts))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=Path, default=SERVICES_PATH)
    parser.add_argument("--notes", type=Path, default=DEFAULT_NOTES)
    args = parser.parse_args(argv)
    exam, services = load_services(args.services)
    report = coverage(services, args.notes, load_catalog())
    problems = [c for c in report if c.problem]
    covered = len(report) - len(problems)
    print(f"{exam}: {len(report)} in-scope services, {covered} with a topic page and facts, {len(problems)} missing")
    for item in problems:
        print(f"  {item.group}: {item.service}  # {item.problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

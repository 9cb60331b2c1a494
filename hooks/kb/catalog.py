"""The entity catalog behind the topic pages: a checked view of ``catalog.yaml``.

The catalog is data, not code: every AWS service, SageMaker feature, built-in algorithm,
security control, MLOps practice and ML concept the notes talk about, with its canonical
name, slug, section, aliases, one-line summary and related entries. ``load_catalog`` reads
it and refuses bad data with a ``CatalogError`` (a ``ValueError``) naming the offending entry.

``status`` is either a plain sentence (``status: renamed in 2024``) or a dated record
(``status: {state: closed, date: 2025-11-07, note: closed to new customers}``); both give the
sentence in ``Entity.status``, and the record also fills ``status_state`` and ``status_date``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

# libyaml's safe loader where PyYAML was built with it (ten times faster on a large catalog), else the pure one.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
CATALOG_PATH = Path(__file__).with_name("catalog.yaml")
# The sections of the catalog, in the site's order: name → (title, one-line description).
SECTIONS = {
    "services": ("AWS services", "AWS services and SageMaker features: what each is for, its limits, how it is used."),
    "algorithms": ("Algorithms", "SageMaker built-in algorithms: inputs, hyperparameters and use cases."),
    "security": ("Security", "Security controls: identity, encryption, networking, audit."),
    "mlops": ("MLOps", "Deploying, monitoring and operating models in production."),
    "concepts": ("ML concepts", "The machine-learning ideas behind the services: metrics, models, techniques."),
}
REQUIRED = ("name", "slug", "section", "aliases", "summary", "related")
OPTIONAL = ("status", "headings", "outdated", "mistaken")
# What a dated status record may say happened to a service or feature.
STATUS_STATES = ("renamed", "closed", "discontinued", "maintenance", "end-of-support", "legacy", "available")
STATUS_KEYS = frozenset({"state", "date", "note"})
OUTDATED_KEYS = frozenset({"claim", "date", "note"})
MISTAKEN_KEYS = frozenset({"claim", "note"})
# A record's date: a day (2025-11-07) or, when only the month is known, a month (2024-07).
STATUS_DATE_SHAPE = re.compile(r"^\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?$")
SLUG_SHAPE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # lower-case ASCII words joined by single hyphens


class CatalogError(ValueError):
    """The catalog file breaks a rule; the message names the entry."""


@dataclass(frozen=True)
class Entity:
    """One catalog entry; ``related`` holds (slug, how it relates) pairs."""

    name: str
    slug: str
    section: str
    aliases: tuple[str, ...]
    summary: str
    related: tuple[tuple[str, str], ...]
    status: str | None = None
    status_state: str | None = None
    status_date: str | None = None
    discovered: bool = False  # found in the notes' headings, not in catalog.yaml
    # names that mean this topic as a whole heading or label, though in prose they name a family ('Auto Scaling')
    headings: tuple[str, ...] = ()
    # claims notes make about this entry that were true once and are not today: (pattern, ISO date, what holds
    # now, a pattern saying the fact already tells what holds now ('' for none))
    outdated: tuple[tuple[str, str, str, str], ...] = ()
    # claims notes make about this entry that were never so ('serverless payloads up to 6 MB'), contradicted by AWS
    # documentation or, for an ML idea, its standard definition: (pattern, what holds, a pattern saying the fact
    # already tells it ('' for none))
    mistaken: tuple[tuple[str, str, str], ...] = ()

    @property
    def terms(self) -> tuple[str, ...]:
        """The name followed by every alias: all the ways a note may refer to this entity."""
        return (self.name, *self.aliases)


def load_catalog(path: Path | str | None = None) -> tuple[Entity, ...]:
    """Read and check the catalog (``catalog.yaml`` beside this module by default). The entities of a text
    read before are returned again (immutable): every serve rebuild loads the unchanged catalog."""
    source = Path(path) if path is not None else CATALOG_PATH
    text = source.read_text(encoding="utf-8")
    found = _LOADED.get(source)
    if found is None or found[0] != text:
        if len(_LOADED) >= MAX_LOADED:
            _LOADED.clear()
        _LOADED[source] = (text, parsed_catalog(text, source))
    return _LOADED[source][1]


_LOADED: dict[Path, tuple[str, tuple[Entity, ...]]] = {}  # catalog file → (its text, its entities)
MAX_LOADED = 4  # catalogs kept (a build reads one; tests read a few)


def parsed_catalog(text: str, source: Path) -> tuple[Entity, ...]:
    """The checked entities of a catalog's text."""
    data = yaml.load(text, Loader=FAST_LOADER)
    if not isinstance(data, list):
        raise CatalogError(f"{source}: the catalog must be a YAML list of entries")
    entities = tuple(parse_entry(raw, index) for index, raw in enumerate(data, start=1))
    check_unique_slugs(entities)
    check_unique_terms(entities)
    check_related(entities)
    return entities


def term_index(entities: tuple[Entity, ...]) -> dict[str, Entity]:
    """Every name and alias, case-folded, mapped to its entity (terms are unique by construction)."""
    return {term.casefold(): entity for entity in entities for term in entity.terms}


def parse_entry(raw: Any, index: int) -> Entity:
    """One YAML mapping as an Entity, or a CatalogError naming the entry."""
    label = entry_label(raw, index)
    if not isinstance(raw, dict):
        raise CatalogError(f"{label}: expected a mapping")
    missing = [key for key in REQUIRED if key not in raw]
    if missing:
        raise CatalogError(f"{label}: missing {', '.join(missing)}")
    unknown = sorted(set(raw) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        raise CatalogError(f"{label}: unknown field(s) {', '.join(map(str, unknown))}")
    name = text_field(raw, "name", label)
    slug = text_field(raw, "slug", label)
    if not SLUG_SHAPE.match(slug):
        raise CatalogError(f"{label}: slug {slug!r} is not lower-case ASCII words joined by hyphens")
    section = text_field(raw, "section", label)
    if section not in SECTIONS:
        raise CatalogError(f"{label}: section {section!r} is not one of {', '.join(SECTIONS)}")
    status, state, date = parse_status(raw, label)
    return Entity(
        name=name,
        slug=slug,
        section=section,
        aliases=parse_aliases(raw["aliases"], name, label),
        summary=text_field(raw, "summary", label),
        related=parse_related(raw["related"], slug, label),
        status=status,
        status_state=state,
        status_date=date,
        headings=parse_aliases(raw.get("headings", []), name, label, "headings"),
        outdated=parse_claims(raw.get("outdated", []), label),
        mistaken=tuple((claim, note, current) for claim, _, note, current
                       in parse_claims(raw.get("mistaken", []), label, "mistaken")),
    )


def parse_status(raw: dict, label: str) -> tuple[str | None, str | None, str | None]:
    """The status sentence, state and ISO date: from a plain string or a {state, date, note} record."""
    value = raw.get("status")
    if value is None:
        return None, None, None
    if not isinstance(value, dict):
        return text_field(raw, "status", label), None, None
    if set(value) != STATUS_KEYS:
        keys = sorted(map(str, value))
        raise CatalogError(f"{label}: a status record needs exactly state, date and note, not {keys}")
    state = value["state"]
    if state not in STATUS_STATES:
        raise CatalogError(f"{label}: status state {state!r} is not one of {', '.join(STATUS_STATES)}")
    date = str(value["date"])  # YAML reads 2025-11-07 as a date; its str() is the ISO form
    if not STATUS_DATE_SHAPE.match(date):
        raise CatalogError(f"{label}: status date {date!r} is not YYYY-MM-DD or YYYY-MM")
    return text_field(value, "note", f"{label} status"), state, date


def parse_claims(value: Any, label: str, field: str = "outdated") -> tuple[tuple[str, str, str, str], ...]:
    """Claim records {claim: regex, note: what holds today, current: regex of a fact that already says so}, each
    regex checked; an outdated record also gives the date it changed (YYYY-MM[-DD]), a mistaken one has none."""
    if not isinstance(value, list):
        raise CatalogError(f"{label}: {field} must be a list")
    keys = OUTDATED_KEYS if field == "outdated" else MISTAKEN_KEYS
    out = []
    for record in value:
        if not isinstance(record, dict) or not keys <= set(record) <= keys | {"current"}:
            needs = "claim, date and note" if field == "outdated" else "claim and note"
            raise CatalogError(f"{label}: a {field} record needs {needs} (and may give current), "
                               f"not {record!r}")
        claim, date = text_field(record, "claim", f"{label} {field}"), str(record.get("date", ""))
        current = text_field(record, "current", f"{label} {field}") if "current" in record else ""
        for pattern in (claim, current):
            try:
                re.compile(pattern)
            except re.error as error:
                raise CatalogError(f"{label}: {field} {pattern!r} is not a regular expression ({error})") from None
        if field == "outdated" and not STATUS_DATE_SHAPE.match(date):
            raise CatalogError(f"{label}: outdated date {date!r} is not YYYY-MM-DD or YYYY-MM")
        out.append((claim, date, text_field(record, "note", f"{label} {field}"), current))
    return tuple(out)


def entry_label(raw: Any, index: int) -> str:
    """How error messages name an entry: its name where it has one, else its position."""
    if isinstance(raw, dict) and isinstance(raw.get("name"), str):
        return f"catalog entry {index} ({raw['name']})"
    return f"catalog entry {index}"


def text_field(raw: dict, key: str, label: str) -> str:
    """A non-empty single-line string field."""
    value = raw[key]
    if not isinstance(value, str) or not value.strip():
        raise CatalogError(f"{label}: {key} must be a non-empty string")
    if "\n" in value:
        raise CatalogError(f"{label}: {key} must be a single line")
    return value.strip()


def parse_aliases(value: Any, name: str, label: str, key: str = "aliases") -> tuple[str, ...]:
    """Aliases (or heading names) as a tuple of distinct strings, none repeating the name."""
    if value is None:
        value = []
    if not isinstance(value, list):
        raise CatalogError(f"{label}: {key} must be a list")
    seen = {name.casefold()}
    aliases = []
    for alias in value:
        if not isinstance(alias, str) or not alias.strip():
            raise CatalogError(f"{label}: every alias must be a non-empty string, not {alias!r}")
        alias = alias.strip()
        if alias.casefold() in seen:
            raise CatalogError(f"{label}: alias {alias!r} repeats the name or another alias")
        seen.add(alias.casefold())
        aliases.append(alias)
    return tuple(aliases)


def parse_related(value: Any, slug: str, label: str) -> tuple[tuple[str, str], ...]:
    """Related entries as (slug, how) pairs, never the entry itself and never twice."""
    if value is None:
        value = []
    if not isinstance(value, list):
        raise CatalogError(f"{label}: related must be a list")
    pairs = []
    for item in value:
        if not isinstance(item, dict) or set(item) != {"slug", "how"}:
            raise CatalogError(f"{label}: each related item needs exactly slug and how, not {item!r}")
        other, how = item["slug"], item["how"]
        if not isinstance(other, str) or not isinstance(how, str) or not other or not how.strip():
            raise CatalogError(f"{label}: related slug and how must be non-empty strings, not {item!r}")
        if other == slug:
            raise CatalogError(f"{label}: relates to itself")
        if other in (seen for seen, _ in pairs):
            raise CatalogError(f"{label}: relates to {other!r} twice")
        pairs.append((other, how.strip()))
    return tuple(pairs)


def check_unique_slugs(entities: tuple[Entity, ...]) -> None:
    """No two entries share a slug."""
    owners: dict[str, str] = {}
    for entity in entities:
        if entity.slug in owners:
            raise CatalogError(f"catalog entry {entity.name}: slug {entity.slug!r} already used by "
                               f"{owners[entity.slug]}")
        owners[entity.slug] = entity.name


def check_unique_terms(entities: tuple[Entity, ...]) -> None:
    """No name or alias belongs to two entries, ignoring case."""
    owners: dict[str, str] = {}
    for entity in entities:
        for term in entity.terms:
            key = term.casefold()
            if key in owners and owners[key] != entity.slug:
                raise CatalogError(f"catalog entry {entity.name}: {term!r} is also a name or alias of {owners[key]}")
            owners[key] = entity.slug


def check_related(entities: tuple[Entity, ...]) -> None:
    """Every related slug names an entry of the catalog."""
    slugs = {entity.slug for entity in entities}
    for entity in entities:
        for other, _ in entity.related:
            if other not in slugs:
                raise CatalogError(f"catalog entry {entity.name}: related slug {other!r} is not in the catalog")

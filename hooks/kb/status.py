"""A catalog entry's status (renamed, closed to new customers, discontinued…) as a short badge.

The catalog keeps a status as a dated record (state, date, note) or as one line of text; from a line,
its kind and date are read from its words. For the badge at the top of a topic page and the ``status``
field of a card.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape

# The kind of a status, from the words of its first clause (what follows a ';' is a detail: "renamed …;
# the SQL flavour was discontinued"). The first pattern that matches wins: a service "closed … until AWS
# returned it to general availability" is available again, one "closed … and shut down" is discontinued.
KINDS = (
    ("available", "Available again", re.compile(r"\b(?:returned (?:it )?|back )to general availability\b", re.I)),
    ("discontinued", "Discontinued", re.compile(
        r"\b(?:discontinued|shut down|end of (?:life|support)|retired|no longer developed|development stopped)\b",
        re.I)),
    ("closed", "Closed to new customers", re.compile(
        r"\b(?:closed to new customers|stopped accepting|takes no new|no new (?:customers|repository))\b", re.I)),
    ("legacy", "Legacy", re.compile(r"\b(?:maintenance mode|legacy|no new releases|superseded|replaced it)\b",
                                    re.I)),
    ("renamed", "Renamed", re.compile(r"\b(?:renamed|formerly)\b", re.I)),
    ("moved", "Moved", re.compile(r"\b(?:moved into|became part of)\b", re.I)),
)
# A dated record's state (catalog.STATUS_STATES) → the badge's kind and label.
STATES = {
    "renamed": ("renamed", "Renamed"), "closed": ("closed", "Closed to new customers"),
    "discontinued": ("discontinued", "Discontinued"), "end-of-support": ("discontinued", "End of support"),
    "maintenance": ("legacy", "Maintenance mode"), "legacy": ("legacy", "Legacy"),
    "available": ("available", "Available again"),
}
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = re.compile(rf"\b(?:\d{{1,2}} )?(?:{MONTHS}) \d{{4}}\b|\b(?:19|20)\d\d\b")


@dataclass(frozen=True)
class Status:
    kind: str  # available | discontinued | closed | legacy | renamed | moved | note
    label: str
    date: str  # the first date the text gives ('' if none)
    text: str

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "label": self.label, "date": self.date, "text": self.text}


def read_status(text: str | None) -> Status | None:
    """The kind and date of a status line; None when there is no status."""
    if not text or not str(text).strip():
        return None
    text = " ".join(str(text).split())
    clause = text.split(";", 1)[0]
    found = next(((k, lab, m) for k, lab, pattern in KINDS if (m := pattern.search(clause))), None)
    kind, label, start = (found[0], found[1], found[2].start()) if found else ("note", "Status", 0)
    # the date that follows the words of the kind ("closed in April 2023 and shut down in 2024" → 2024)
    date = DATE.search(clause, start) or DATE.search(clause) or DATE.search(text)
    return Status(kind, label, date.group(0) if date else "", text)


def long_date(iso: str) -> str:
    """2025-11-07 → 7 November 2025; 2024-07 → July 2024 (anything else as it is)."""
    found = ISO_DATE.match(iso)
    if not found:
        return iso
    year, month, day = found.groups()
    name = dt.date(int(year), int(month), 1).strftime("%B")
    return f"{int(day)} {name} {year}" if day else f"{name} {year}"


def entity_status(entity) -> Status | None:
    """An entity's status: from its dated record where the catalog has one, else read from its text."""
    return status_of(getattr(entity, "status_state", None), getattr(entity, "status", None),
                     str(getattr(entity, "status_date", "") or ""))


@lru_cache(maxsize=4096)  # every card file asks for every topic's status
def status_of(state: str | None, status: str | None, date: str) -> Status | None:
    if state in STATES and status:
        kind, label = STATES[state]
        return Status(kind, label, long_date(date), " ".join(status.split()))
    return read_status(status)


def status_badge(entity) -> str:
    """Markdown (one HTML line) for the top of a topic page: the kind and date of the entity's status, with
    the full text as its tooltip; '' when the entity has none."""
    status = entity_status(entity)
    if status is None:
        return ""
    when = f' <span class="kb-lifecycle__date">{escape(status.date)}</span>' if status.date else ""
    return (f'<p class="kb-lifecycle kb-lifecycle--{status.kind}" title="{escape(status.text)}">'
            f'<span class="kb-lifecycle__label">{escape(status.label)}</span>{when}</p>\n')

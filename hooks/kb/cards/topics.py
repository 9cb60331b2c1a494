"""Which topic a card is on."""
from __future__ import annotations

from .entities import Catalog


def card_topic(candidates: list[str], catalog: Catalog) -> str:
    """The first candidate with a topic page, else the first candidate at all."""
    known = [s for s in dict.fromkeys(candidates) if s in catalog.entities]
    return next((s for s in known if catalog.has_page(s)), known[0] if known else "")


def heading_slugs(catalog: Catalog, path: list[str]) -> list[str]:
    for heading in reversed(path):
        slugs = catalog.matcher.slugs_in(heading)
        if slugs:
            return slugs[:1]
    return []

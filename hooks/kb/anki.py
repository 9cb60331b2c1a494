"""site/data/cards.apkg: the cards as an Anki package, written with genanki.

One note per card of cards.json; a note's GUID and id come from the card id, so importing a newer
package updates the notes instead of adding copies; cloze cards use Anki's own Cloze note type;
tags name the section, the topic, the kind and each exam domain. Card text is escaped: Anki reads
fields as HTML, and note text is data."""
from __future__ import annotations

import io
import json
import re
import sqlite3
import tempfile
import zipfile
from html import escape
from pathlib import Path

import genanki

from .cards.kinds import kind_of

DECK_ID = 1_607_392_319  # fixed: the same deck on every build, so imports update it
BASIC_ID = 1_607_392_320
DECK_NAME = "AWS ML Knowledge Base"
STAMP = 1_700_000_000.0  # a fixed modification time: two builds of the same cards are the same bytes
BLANK = re.compile(r"_{3,}")
TAG_CHARS = re.compile(r"[^\w:.-]+")

BASIC = genanki.Model(
    BASIC_ID, "KB Basic (front, back, source)",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Source"}],
    templates=[{"name": "Card 1", "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}<br><small>{{Source}}</small>'}],
)


def field(text: str) -> str:
    """Card text as an Anki field: escaped, line breaks kept."""
    return escape(text).replace("\n", "<br>")


def tag(text: str) -> str:
    return TAG_CHARS.sub("_", text.strip()).strip("_")


def note_tags(card: dict) -> list[str]:
    tags = ["kb", card.get("section", ""), card.get("topic", ""), card.get("kind", "")]
    domains = card.get("domain") or {}
    tags += [f"{code}::domain{d}" for code, d in sorted(domains.items()) if isinstance(d, str)]
    if card.get("generated"):
        tags.append("generated")
    return [t for t in (tag(x) for x in tags) if t]


def answer_indexes(card: dict) -> list[int]:
    raw = card.get("answer")
    return [raw] if isinstance(raw, int) else [x for x in raw or [] if isinstance(x, int)]


def basic_fields(card: dict) -> list[str]:
    front, back = field(card["front"]), field(card["back"])
    options = card.get("options") or []
    if options:
        front += "<ol type=\"A\">" + "".join(f"<li>{field(o)}</li>" for o in options) + "</ol>"
        right = [i for i in answer_indexes(card) if 0 <= i < len(options)]
        back = "; ".join(f"{chr(65 + i)}. {field(options[i])}" for i in right) or back
    if card.get("explain"):
        back += "<br>" + field(card["explain"])
    return [front, back, field(card.get("source", ""))]


def make_note(card: dict) -> genanki.Note:
    kind = kind_of(card.get("kind", ""))
    if kind is not None and kind.note_type == "cloze" and BLANK.search(card["front"]):
        text = BLANK.sub(lambda _: "{{c1::" + field(card["back"]) + "}}", field(card["front"]), count=1)
        fields = [text, field(card.get("source", ""))]
        return genanki.Note(genanki.CLOZE_MODEL, fields, tags=note_tags(card), guid="kb-" + card["id"])
    return genanki.Note(BASIC, basic_fields(card), tags=note_tags(card), guid="kb-" + card["id"])


def note_id(card_id: str) -> int:
    """A note id from the card id (hex): the same card keeps its note across builds."""
    return int(card_id[:13], 16) % (1 << 52) + 1


def deck_apkg(deck: str) -> bytes:
    """The .apkg bytes for cards.json's text ``deck``; the last deck's are kept (an edit that changes no
    card, the usual serve rebuild, writes the same package: about 0.1 s of SQLite and zip saved)."""
    if LAST_DECK.get("deck") != deck:
        LAST_DECK.update(deck=deck, apkg=cards_apkg(json.loads(deck)["cards"]))
    return LAST_DECK["apkg"]


LAST_DECK: dict = {}  # "deck": the last cards.json text, "apkg": its package (one deck only)


def cards_apkg(cards: list[dict]) -> bytes:
    """The .apkg bytes for the cards of cards.json (a zip holding a SQLite collection)."""
    deck = genanki.Deck(DECK_ID, DECK_NAME, description="Cards from the study notes; see the Practice page.")
    for card in cards:
        deck.add_note(make_note(card))
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "collection.anki2"
        conn = sqlite3.connect(db)
        genanki.Package(deck).write_to_db(conn.cursor(), STAMP, iter(range(int(STAMP * 1000), 1 << 62)))
        for card, (nid,) in zip(cards, conn.execute("SELECT id FROM notes ORDER BY id").fetchall(), strict=True):
            stable = note_id(card["id"])
            conn.execute("UPDATE cards SET nid = ? WHERE nid = ?", (-stable, nid))
            conn.execute("UPDATE notes SET id = ? WHERE id = ?", (-stable, nid))
        # two steps (negative, then positive) so that a new id never meets an old one
        conn.execute("UPDATE cards SET nid = -nid WHERE nid < 0")
        conn.execute("UPDATE notes SET id = -id WHERE id < 0")
        conn.commit()
        conn.execute("VACUUM")
        conn.close()
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in (("collection.anki2", db.read_bytes()), ("media", b"{}")):
                z.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
        return out.getvalue()

"""site/data/cards.apkg: an Anki package (a zip holding a SQLite collection) with one note per card."""
from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from pathlib import Path

from kb.anki import cards_apkg, note_id

CARDS = [
    {"id": "0a1b2c3d4e5f", "front": "_____ records every API call in an account.", "back": "AWS CloudTrail",
     "kind": "cloze", "topic": "aws-cloudtrail", "section": "security", "source": "deck.tsv:1",
     "domain": {"MLA-C01": "4"}},
    {"id": "1b2c3d4e5f60", "front": "Which two filter traffic? <script>x</script>", "back": "NACLs and security groups",
     "kind": "choice", "topic": "amazon-vpc", "section": "security", "source": "q.md:3",
     "options": ["Network ACLs", "Security groups", "Route 53", "CloudFront"], "answer": [0, 1],
     "explain": "Both filter ports."},
    {"id": "2c3d4e5f6071", "front": "What is SageMaker?", "back": "A managed ML service", "kind": "term",
     "topic": "", "section": "services", "source": "notes.md:9", "generated": True},
]


def open_apkg(data: bytes, tmp_path: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert set(z.namelist()) == {"collection.anki2", "media"}
        db = tmp_path / "collection.anki2"
        db.write_bytes(z.read("collection.anki2"))
    return sqlite3.connect(db)


def test_one_note_per_card_with_stable_ids_cloze_and_tags(tmp_path):
    conn = open_apkg(cards_apkg(CARDS), tmp_path)
    assert conn.execute("SELECT count(*) FROM notes").fetchone() == (3,)
    assert conn.execute("SELECT count(*) FROM cards").fetchone() == (3,)
    notes = {guid: (nid, mid, tags, fields) for nid, guid, mid, tags, fields in
             conn.execute("SELECT id, guid, mid, tags, flds FROM notes")}
    assert set(notes) == {"kb-" + c["id"] for c in CARDS}
    for c in CARDS:
        assert notes["kb-" + c["id"]][0] == note_id(c["id"])  # the note id comes from the card id
    cloze = notes["kb-0a1b2c3d4e5f"]
    models = json.loads(conn.execute("SELECT models FROM col").fetchone()[0])
    assert models[str(cloze[1])]["type"] == 1  # Anki's cloze note type
    assert cloze[3].startswith("{{c1::AWS CloudTrail}} records")
    assert set(cloze[2].split()) == {"kb", "security", "aws-cloudtrail", "cloze", "MLA-C01::domain4"}
    choice = notes["kb-1b2c3d4e5f60"]
    assert "&lt;script&gt;" in choice[3] and "<script>" not in choice[3]  # card text is escaped
    assert "A. Network ACLs; B. Security groups" in choice[3]
    assert "generated" in notes["kb-2c3d4e5f6071"][2].split()
    nids = {row[0] for row in conn.execute("SELECT nid FROM cards")}
    assert nids == {n[0] for n in notes.values()}


def test_the_same_cards_give_the_same_bytes(tmp_path):
    assert cards_apkg(CARDS) == cards_apkg(CARDS)
    conn = open_apkg(cards_apkg(CARDS[1:]), tmp_path)  # a card removed: the others keep their ids
    assert {r[0] for r in conn.execute("SELECT id FROM notes")} == {note_id(c["id"]) for c in CARDS[1:]}


def test_the_built_site_has_a_note_for_every_card(bundled_site, tmp_path):
    cards = json.loads((bundled_site / "data" / "cards.json").read_text(encoding="utf-8"))["cards"]
    conn = open_apkg((bundled_site / "data" / "cards.apkg").read_bytes(), tmp_path)
    assert conn.execute("SELECT count(*) FROM notes").fetchone() == (len(cards),)
    assert len(cards) > 100
    clozes = sum(1 for c in cards if c["kind"] == "cloze")
    assert conn.execute("SELECT count(*) FROM notes WHERE flds LIKE '%{{c1::%'").fetchone() == (clozes,)
    assert (bundled_site / "data" / "cards.tsv").is_file()  # the TSV stays


def test_a_kind_s_note_type_comes_from_its_registry_entry(tmp_path, monkeypatch):
    """A blanked card of a kind registered with the cloze note type becomes an Anki cloze note; the
    same card of an unregistered kind stays a Basic note."""
    from kb.cards import kinds

    monkeypatch.setattr(kinds, "KINDS", [*kinds.KINDS, kinds.CardKind("gap", "Gap", note_type="cloze")])
    gap = {**CARDS[0], "kind": "gap"}
    other = {**CARDS[0], "id": "3d4e5f607182", "kind": "unknown"}
    conn = open_apkg(cards_apkg([gap, other]), tmp_path)
    models = json.loads(conn.execute("SELECT models FROM col").fetchone()[0])
    types = {guid: models[str(mid)]["type"] for guid, mid in conn.execute("SELECT guid, mid FROM notes")}
    assert types == {"kb-0a1b2c3d4e5f": 1, "kb-3d4e5f607182": 0}


def test_the_package_of_an_unchanged_deck_is_made_once(monkeypatch):
    from kb import anki
    monkeypatch.setattr(anki, "LAST_DECK", {})
    made: list[int] = []
    monkeypatch.setattr(anki, "cards_apkg", lambda cards: made.append(len(cards)) or cards_apkg(cards))
    deck = json.dumps({"cards": CARDS})
    first = anki.deck_apkg(deck)
    assert anki.deck_apkg(deck) == first and made == [3]  # a serve rebuild whose edit changed no card
    fewer = json.dumps({"cards": CARDS[1:]})
    assert anki.deck_apkg(fewer) == cards_apkg(CARDS[1:]) and made == [3, 2]  # another deck: made anew

"""The flashcard reader against a hand-made split of the seed export (issue 13, item 2).

tests/fixtures/flashcards/seed-000-split.yaml holds, as line numbers only, where each
card of ../shared/seeds/000_*.txt starts, where its front ends and where its answer ends,
as a careful reader splits it. The reader must get at least 98% of the cards exactly right.
"""
from __future__ import annotations

from pathlib import Path

import yaml
from conftest import FIXTURES, seeds_dir
from kb import model as m
from kb.notes import read_note

SPLIT = FIXTURES / "flashcards" / "seed-000-split.yaml"
Card = tuple[int, int, int, int]
WANTED_SHARE = 0.98


def split_spec() -> dict:
    return yaml.safe_load(SPLIT.read_text(encoding="utf-8"))


def expected_split() -> tuple[int, list[Card]]:
    spec = split_spec()
    return spec["title"], [tuple(card) for card in spec["cards"]]


def seed_export() -> Path:
    matches = sorted(seeds_dir().glob(split_spec()["seed"]))
    assert len(matches) == 1, f"expected one seed export, found {matches}"
    return matches[0]


def read_split(path: Path) -> tuple[int | None, list[Card]]:
    """(title line, cards as 1-based [front first, front last, back first, back last])."""
    doc, problems = read_note(path.name, path.read_bytes())
    assert doc is not None and doc.family == "flashcards", problems
    title = next((b.span.first for b in doc.blocks if b.kind == m.HEADING), None)
    found = []
    for block in doc.blocks:
        if block.kind == m.CARD:
            front_lines = block.front.count("\n") + 1
            first, last = block.span.first, block.span.last
            found.append((first, first + front_lines - 1, first + front_lines, last))
    return title, found


def test_the_hand_made_split_covers_every_line_after_the_title_in_order() -> None:
    title, cards = expected_split()
    ends = [title] + [card[3] for card in cards]
    assert [card[0] for card in cards] == [end + 1 for end in ends[:-1]]
    assert all(a <= b < c <= d and c == b + 1 for a, b, c, d in cards)
    assert ends[-1] == split_spec()["lines"]


def test_the_hand_made_split_matches_the_seed_length() -> None:
    assert len(seed_export().read_text(encoding="utf-8").splitlines()) == split_spec()["lines"]


def test_the_reader_splits_the_seed_export_as_a_person_does() -> None:
    title, wanted = expected_split()
    got_title, got = read_split(seed_export())
    assert got_title == title
    right = set(wanted) & set(got)
    missed = [card for card in wanted if card not in right]
    extra = [card for card in got if card not in right]
    share = len(right) / len(wanted)
    print(f"\nflashcard seed split: {len(right)}/{len(wanted)} cards exact ({share:.1%})")
    for card in missed:
        print("  wanted", list(card), "got", [c for c in extra if c[0] <= card[3] and c[3] >= card[0]])
    assert share >= WANTED_SHARE, f"{len(right)}/{len(wanted)} cards split right; missed: {missed}"

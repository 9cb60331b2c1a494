#!/usr/bin/env python3
"""Write tests/js/fsrs_reference.json: the intervals that the reference FSRS implementation
(`fsrs` on PyPI, pinned in requirements-test.txt) gives for a few review histories.

Each history starts a new card at START and reviews it exactly when it falls due; the Node test
(tests/js/srs.test.js) replays the same grades through our srs.js and compares. Run:
    .venv/bin/python tests/js/fsrs_reference.py
"""
from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from fsrs import Card, Rating, Scheduler

OUT = Path(__file__).with_name("fsrs_reference.json")
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
RATINGS = {"again": Rating.Again, "hard": Rating.Hard, "good": Rating.Good, "easy": Rating.Easy}
# Grade sequences covering the learning steps, graduation, lapses and relearning.
HISTORIES = {
    "good every time": ["good"] * 7,
    "easy at once": ["easy"] * 4,
    "hard while learning": ["hard", "hard", "good", "good", "good"],
    "again then good": ["again", "good", "good", "good", "good"],
    "a lapse after graduating": ["good", "good", "good", "good", "again", "good", "good", "good"],
    "mixed": ["good", "good", "hard", "good", "easy", "again", "again", "good", "hard", "good"],
}
RETENTIONS = (0.9, 0.8)


def replay(grades: list[str], retention: float) -> list[dict]:
    scheduler = Scheduler(desired_retention=retention, enable_fuzzing=False)
    card, now, steps = Card(card_id=1), START, []
    for grade in grades:
        card, _ = scheduler.review_card(card, RATINGS[grade], now)
        seconds = (card.due - now).total_seconds()
        steps.append({"grade": grade, "interval_minutes": round(seconds / 60, 3), "state": card.state.name.lower(),
                      "stability": round(card.stability, 4), "difficulty": round(card.difficulty, 4)})
        now = card.due
    return steps


def main() -> int:
    data = {"fsrs": version("fsrs"), "start": START.isoformat(), "histories": [
        {"name": name, "retention": r, "steps": replay(grades, r)}
        for r in RETENTIONS for name, grades in HISTORIES.items()]}
    OUT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(data['histories'])} histories to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

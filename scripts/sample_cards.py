#!/usr/bin/env python3
"""Print a seeded random sample of the cards generated from notes folders, to judge them by hand.

Each folder is read and carded as a build would (the bundled catalog); the generated cards of all
folders are pooled in folder order, and ``n`` of them drawn with ``random.Random(seed)``. Each card
is printed with its kind, front, options, answer and the note line it was made from.

Usage: .venv/bin/python scripts/sample_cards.py [--seed 16] [--n 40] [--counts] FOLDER [FOLDER ...]
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from kb.cards import Card, CardReport, build_cards
from kb.catalog import load_catalog
from kb.knowledge import build_knowledge
from kb.notes import read_corpus
from kb.site import source_uris


def folder_cards(folder: Path) -> tuple[list[Card], CardReport]:
    """Every card of one notes folder, as the build makes them."""
    corpus = read_corpus(folder)
    entities = load_catalog()
    docs = list(corpus.documents)
    know = build_knowledge(docs, source_uris([d.source for d in docs]), entities)
    report = CardReport()
    return build_cards(docs, know, entities, report), report


def source_line(folder: Path, source: str) -> str:
    """The raw note line a card cites ('note:line')."""
    note, _, line = source.rpartition(":")
    try:
        lines = (folder / note).read_text(encoding="utf-8", errors="replace").splitlines()
        return lines[int(line) - 1].strip()
    except (OSError, ValueError, IndexError):
        return "?"


def show(n: int, folder: Path, card: Card) -> str:
    out = [f"[{n}] {card.kind} · {folder.name} · {card.source}", f"  Q: {card.front}"]
    out += [f"     {'*' if i == card.answer else '-'} {o}" for i, o in enumerate(card.options)]
    out.append(f"  A: {card.back}")
    if card.explain:
        out.append(f"  why: {card.explain}")
    out.append(f"  line: {source_line(folder, card.source)[:300]}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--counts", action="store_true", help="print only the card counts per folder")
    args = parser.parse_args(argv)
    pool: list[tuple[Path, Card]] = []
    for folder in args.folders:
        cards, report = folder_cards(folder)
        mine = [c for c in cards if c.generated]
        print(f"# {folder}: {len(cards)} cards, {len(mine)} generated "
              f"({', '.join(f'{k} {v}' for k, v in sorted(report.generated.items()))}), "
              f"{sum(1 for c in mine if c.options and c.kind != 'truefalse')} with choices")
        pool += [(folder, c) for c in mine]
    if args.counts:
        return 0
    print(f"# pool: {len(pool)} generated cards; sample of {args.n} with random.Random({args.seed})\n")
    for n, (folder, card) in enumerate(random.Random(args.seed).sample(pool, min(args.n, len(pool))), 1):
        print(show(n, folder, card) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Knowledge figures for a notes folder, and a seeded sample of (fact, topic) pairs to judge by hand.

    .venv/bin/python scripts/sample_facts.py NOTES_FOLDER [NOTES_FOLDER ...] [--n 60] [--seed 14]
        [--topic SLUG] [--off] [--stats]

Prints facts per topic (median/min/max), merged duplicates, disagreements, discovered topics, the
share of content lines that reach a topic page, then the sample: each pair with its sources,
subject and what it introduces, numbered for a judge's notes. ``--topic`` lists one topic's facts;
``--off`` lists the lines on no topic with their reason.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from kb.catalog import load_catalog
from kb.knowledge import Knowledge, build_knowledge
from kb.notes import read_corpus
from kb.site import source_uris

FURNITURE = ("about the notes", "table of contents or navigation link", "an image with no statement",
             "drawing data", "an embedded video", "page code", "about the exam")


def knowledge_of(folders: list[Path]) -> tuple[Knowledge, list]:
    docs = []
    for folder in folders:
        corpus = read_corpus(folder)
        prefix = folder.name + "/" if len(folders) > 1 else ""
        docs += [d if not prefix else type(d)(**{**d.__dict__, "source": prefix + d.source}) for d in corpus.documents]
    return build_knowledge(docs, source_uris([d.source for d in docs]), load_catalog()), docs


def figures(know: Knowledge) -> list[str]:
    sizes = [len(f) for f in know.by_topic.values()]
    on = sum(len(v) for v in know.on_topic.values())
    off_reasons: dict[str, int] = {}
    for lines in know.off_topic.values():
        for reason in lines.values():
            off_reasons[reason] = off_reasons.get(reason, 0) + 1
    practice = sum(c for r, c in off_reasons.items() if r.startswith("practice"))
    # page furniture: lines about the notes themselves, navigation, pictures, drawings and players, not subject matter
    furniture = sum(c for r, c in off_reasons.items() if r.startswith(FURNITURE))
    off = sum(off_reasons.values())
    out = [
        f"facts: {len(know.facts)} on {len(sizes)} topics; "
        f"per topic median {statistics.median(sizes) if sizes else 0}, "
        f"min {min(sizes, default=0)}, max {max(sizes, default=0)}",
        f"merged duplicates: {know.merged}; disagreements marked: {know.contradictions}",
        f"discovered topics ({len(know.discovered)}): " + ", ".join(know.entities[s].name for s in know.discovered),
        f"content lines on a topic page: {on} of {on + off} ({100 * on / max(1, on + off):.1f}%); "
        f"leaving out practice-question lines: {on} of {on + off - practice} "
        f"({100 * on / max(1, on + off - practice):.1f}%); leaving out practice and furniture "
        f"({', '.join(FURNITURE)}): {on} of {on + off - practice - furniture} "
        f"({100 * on / max(1, on + off - practice - furniture):.1f}%)",
        "on no topic: " + "; ".join(f"{r}: {c}" for r, c in sorted(off_reasons.items(), key=lambda x: -x[1])),
    ]
    return out


def sample(know: Knowledge, n: int, seed: int) -> list[str]:
    pairs = [(fact, slug) for fact in know.facts for slug in fact.topics]
    rng = random.Random(seed)
    chosen = rng.sample(pairs, min(n, len(pairs)))
    out = []
    for k, (fact, slug) in enumerate(chosen, 1):
        out.append(f"[{k}] TOPIC {know.entities[slug].name}  ({', '.join(s.label for s in fact.sources)})")
        if fact.subject:
            out.append(f"    subject: {fact.subject}")
        out.append("    " + fact.text.replace("\n", "\n    ")[:400])
        for block in fact.extra:
            body = " | ".join(i.text for i in block.items) if block.items else block.text
            out.append(f"    + {block.kind}: {body[:200]}")
        if fact.status:
            out.append(f"    status: {fact.status}")
        for gone in getattr(fact, "dated", ()):
            if gone != slug:  # shown beside the fact on the page, with the status's date
                out.append(f"    marked on the page: {know.entities[gone].name}: {know.entities[gone].status}")
        for date, note in getattr(fact, "outdated", ()):
            out.append(f"    marked on the page: out of date since {date}: {note}")
        for note in getattr(fact, "mistaken", ()):
            out.append(f"    marked on the page: not so: {note}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--topic", default="")
    parser.add_argument("--off", action="store_true")
    parser.add_argument("--stats", action="store_true", help="figures only")
    args = parser.parse_args()
    know, docs = knowledge_of(args.folders)
    print("\n".join(figures(know)))
    if args.stats:
        return
    if args.off:
        for note, lines in sorted(know.off_topic.items()):
            doc = next(d for d in docs if d.source == note)
            print(f"== {note} ({doc.family})")
            for line, reason in sorted(lines.items()):
                print(f"  {line}: {reason}")
        return
    if args.topic:
        for fact in know.by_topic.get(args.topic, []):
            print("-", fact.text.replace("\n", " / ")[:300], [s.label for s in fact.sources], fact.subject,
                  [b.kind for b in fact.extra], fact.status)
        return
    print("\n".join(sample(know, args.n, args.seed)))


if __name__ == "__main__":
    main()

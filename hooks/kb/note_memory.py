"""Each note's reading by the knowledge walker, kept between ``mkdocs serve`` rebuilds.

Reading a note (``knowledge.Walker.read``) is most of the knowledge stage, and a one-note edit leaves
the other notes' readings as they were, provided nothing they read changed. A reading depends on:

- the note itself: the parse cache hands out the same (frozen) Document while its file is unchanged,
  so the reading is kept with that object and reused only for it (``is``, never a look-alike);
- the world every note is read in (``world``): the catalog and the topics discovered in all the notes'
  headings, which make the matcher, the short names and the provisional topics;
- what the notes read before it left for it: the platforms headings named before each topic
  (``Names.parents``), how many diagrams and formulas each topic already has (capped: past the number a
  page shows, more changes nothing), and the walker's nearest owning heading;
- its Sources page URL, which every fact cites.

All of these are the reading's key; a reading under another key is read again. What a reading adds
(facts, attachments, mentions, questions, the line account, the platforms named) is merged in note
order, exactly as one walk over all notes would add it, dict orders included. Later stages change
facts in place (merging duplicates, groups), so the memory keeps its own copies and hands out fresh
ones. Only the last build's readings are kept, and only under ``mkdocs serve`` (``incremental.MEMORY``).

The build's matcher too finds what it found in the last build, while the names are the same (MENTIONS).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from . import incremental
from .matcher import Joined, MentionMemory


@dataclass
class Parts:
    """What reading one note adds to the walker (the walker's containers of the same names)."""

    facts: list = field(default_factory=list)
    attachments: dict = field(default_factory=lambda: defaultdict(list))
    mentioned_on: dict = field(default_factory=lambda: defaultdict(set))
    headings: Counter = field(default_factory=Counter)
    formulas: list = field(default_factory=list)
    questions: dict = field(default_factory=lambda: defaultdict(list))
    on_topic: dict = field(default_factory=lambda: defaultdict(set))
    off_topic: dict = field(default_factory=lambda: defaultdict(dict))
    under: dict = field(default_factory=lambda: defaultdict(list))


NAMES = tuple(Parts.__dataclass_fields__)


@dataclass
class Reading:
    doc: Any  # the Document read (kept, so ``is`` cannot meet a new object at a reused address)
    key: tuple  # its page URL, the platforms named before it, attachments per topic before it, the owner
    parts: Parts  # the memory's own copy
    parents: dict[str, frozenset[str]]  # the platforms it named before topics, beyond those named before it
    owner: str  # the walker's owner after it


@dataclass
class NoteMemory:
    world: Any = None
    readings: dict[str, Reading] = field(default_factory=dict)  # note → its reading in the last build
    read: int = 0  # notes read (not reused) by the last build, for tests and the benchmark
    reused: int = 0


MEMORY = NoteMemory()
MENTIONS = MentionMemory()  # what the build's matcher found in each text (kb.matcher.MentionMemory)


def remember_mentions(matcher: Joined) -> None:
    """Under ``mkdocs serve``, the build's matcher finds again, from memory, what it found in the last build."""
    if incremental.MEMORY.serving:
        MENTIONS.attach(matcher)


def copied(parts: Parts) -> Parts:
    """A copy whose facts, attachments, sets and lists are new (a fact under two lists stays one fact)."""
    facts: dict[int, Any] = {}

    def fact(f: Any) -> Any:
        if id(f) not in facts:
            facts[id(f)] = replace(f, sources=list(f.sources), topics=list(f.topics))
        return facts[id(f)]

    out = Parts()
    out.facts = [fact(f) for f in parts.facts]
    for slug, items in parts.attachments.items():
        out.attachments[slug] = [replace(a) for a in items]
    for slug, notes in parts.mentioned_on.items():
        out.mentioned_on[slug] = set(notes)
    out.headings = Counter(parts.headings)
    out.formulas = [(replace(a), slug) for a, slug in parts.formulas]
    for slug, found in parts.questions.items():
        out.questions[slug] = list(found)
    for note, lines in parts.on_topic.items():
        out.on_topic[note] = set(lines)
    for note, why in parts.off_topic.items():
        out.off_topic[note] = dict(why)
    for slug, items in parts.under.items():
        out.under[slug] = [fact(f) for f in items]
    return out


def merge(walker: Any, parts: Parts) -> None:
    """Add one note's parts to the walker's, as reading it after the notes before it would have."""
    walker.facts.extend(parts.facts)
    walker.formulas.extend(parts.formulas)
    walker.headings.update(parts.headings)
    for name in ("attachments", "questions", "under"):
        mine = getattr(walker, name)
        for key, items in getattr(parts, name).items():
            mine[key].extend(items)
    for name in ("mentioned_on", "on_topic", "off_topic"):
        mine = getattr(walker, name)
        for key, found in getattr(parts, name).items():
            mine[key].update(found)


def parents_of(names: Any) -> dict[str, frozenset[str]]:
    return {slug: frozenset(found) for slug, found in names.parents.items()}


def read_notes(walker: Any, docs: list, world: Any, shown: int) -> None:
    """``walker.read`` each of ``docs`` in order, or, under ``mkdocs serve``, add the reading kept from the
    last build where its key is unchanged. ``world``: what every reading depends on (compared with ==);
    ``shown``: the attachments a topic page shows (more of them before a note change nothing of it)."""
    memory = MEMORY if incremental.MEMORY.serving else NoteMemory()
    if memory.world != world:
        memory.readings = {}
    kept: dict[str, Reading] = {}
    memory.read = memory.reused = 0
    for doc in docs:
        before = parents_of(walker.names)
        earlier = {slug: min(len(items), shown + 1) for slug, items in walker.attachments.items()}
        key = (walker.pages[doc.source], before, earlier, walker.owner)
        found = memory.readings.get(doc.source)
        if found is not None and found.doc is doc and found.key == key:
            for slug, named in found.parents.items():
                walker.names.parents.setdefault(slug, set()).update(named)
            walker.owner = found.owner
            merge(walker, copied(found.parts))
            memory.reused += 1
        else:
            parts = read_one(walker, doc, earlier)
            after = parents_of(walker.names)
            added = {slug: named - before.get(slug, frozenset()) for slug, named in after.items()}
            found = Reading(doc, key, copied(parts), {s: n for s, n in added.items() if n}, walker.owner)
            merge(walker, parts)
            memory.read += 1
        kept[doc.source] = found
    memory.world, memory.readings = world, kept  # only this build's: notes gone are forgotten


def read_one(walker: Any, doc: Any, earlier: dict[str, int]) -> Parts:
    """One note read by ``walker`` into containers of its own; ``earlier``: attachments per topic before it."""
    mine = {name: getattr(walker, name) for name in NAMES}
    parts = Parts()
    for name in NAMES:
        setattr(walker, name, getattr(parts, name))
    walker.earlier = earlier
    try:
        walker.read(doc)
    finally:
        for name, value in mine.items():
            setattr(walker, name, value)
        walker.earlier = {}
    return parts

"""Find mentions of catalog entities in text: every name and alias in one pass.

All names are compiled into one regular expression shaped as a trie, so matching
costs one scan of the text whatever the number of entities, and the longest name
wins (``Kinesis Data Streams`` before ``Kinesis``). Short all-capital acronyms
match case-sensitively, so ``EI`` is not found inside ordinary words.
"""
from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    slug: str
    text: str


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of words, factored as a trie; longer words first at each branch."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        return body + ("?" if ends else "")

    return build(trie)


def is_acronym(name: str) -> bool:
    return len(name) <= 6 and name.upper() == name and any(c.isalpha() for c in name) and " " not in name


def singular(name: str) -> str:
    """'kinesis data streams' → 'kinesis data stream': a plural name read in the singular ('' if none)."""
    words = name.split(" ")
    last = words[-1]
    if len(words) < 2 or len(last) < 4 or not last.endswith("s") or last.endswith(("ss", "us", "is")):
        return ""
    return " ".join([*words[:-1], last[:-1]])


def norm(text: str) -> str:
    return " ".join(text.split()).lower()


class Matcher:
    """Names → entity slugs; finds non-overlapping mentions, longest first."""

    def __init__(self, names: dict[str, str]) -> None:
        self.folded: dict[str, str] = {}
        self.exact: dict[str, str] = {}
        for name, slug in names.items():
            name = re.sub(r"\s+", " ", name.strip())
            if len(name) < 2:
                continue
            if is_acronym(name):
                self.exact[name] = slug
            else:
                self.folded[norm(name)] = slug
        for name, slug in list(self.folded.items()):  # after every given name: a given name always wins
            one = singular(name)
            if one and one not in self.folded:
                self.folded[one] = slug
        self._folded = self._compile(self.folded, re.IGNORECASE)
        self._exact = self._compile(self.exact, 0)

    @staticmethod
    def _compile(names: dict[str, str], flags: int) -> re.Pattern[str] | None:
        return compiled_names(tuple(sorted(names)), flags) if names else None

    def find(self, text: str) -> list[Mention]:
        found: list[Mention] = []
        for pattern, table, key in ((self._folded, self.folded, norm), (self._exact, self.exact, str)):
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                slug = table.get(key(m.group(0)))
                if slug is None:  # matched a prefix path that is not itself a name
                    continue
                found.append(Mention(m.start(), m.end(), slug, m.group(0)))
        return non_overlapping(found)

    def slugs_in(self, text: str) -> list[str]:
        seen: dict[str, None] = {}
        for mention in self.find(text):
            seen.setdefault(mention.slug)
        return list(seen)


@lru_cache(maxsize=16)
def compiled_names(names: tuple[str, ...], flags: int) -> re.Pattern[str]:
    """One pattern for all ``names``; kept, as the same catalog is compiled again by every serve rebuild."""
    body = trie_pattern(names).replace("\\ ", "\\s+")
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w]|-\w)", flags)


class Joined:
    """The build's one matcher: the catalog's and a small one for the topics found in the notes, read as
    one (the catalog is compiled once, before discovery needs it). Each text is searched once: placement,
    labels and headings ask about the same words again and again. Every stage after the knowledge reads
    it, keeping the slugs it wants (``among``), so all agree on what a text names."""

    def __init__(self, *parts: Matcher, remember: bool = True, memory: MentionMemory | None = None) -> None:
        self.parts = parts
        self.remember = remember
        self.seen: dict[str, list[Mention]] = {}
        self.memory = memory  # texts found by the last serve build with the same names (MentionMemory.attach)

    def find(self, text: str) -> list[Mention]:
        found = self.seen.get(text)
        if found is None:
            found = self.search(text) if self.memory is None else self.memory.find(self, text)
            if self.remember:
                self.seen[text] = found
        return found

    def search(self, text: str) -> list[Mention]:
        """The mentions in ``text``, searched now."""
        return non_overlapping([x for part in self.parts for x in part.find(text)])

    def forgetful(self) -> Joined:
        """The same compiled names, remembering no text: for stages that read each text once (every
        line of every page), where remembering would only hold memory."""
        return Joined(*self.parts, remember=False, memory=self.memory)

    def slugs_in(self, text: str) -> list[str]:
        return list(dict.fromkeys(x.slug for x in self.find(text)))

    def among(self, slugs: Container[str]) -> Among:
        """The same matcher, finding only the topics in ``slugs`` (a longer name of another still hides
        the names inside it: 'Kinesis Data Streams' is never a mention of 'Kinesis')."""
        return Among(self, slugs)


@dataclass
class MentionMemory:
    """What the build's matcher found in each text, kept from one ``mkdocs serve`` rebuild to the next while
    the names are the same (a one-note edit leaves nearly every text and every name as it was). Holds the
    texts of the last build and of this one only."""

    tables: list = field(default_factory=list)  # each part's name tables, as the texts were searched with
    now: dict[str, list[Mention]] = field(default_factory=dict)  # texts looked up in this build
    last: dict[str, list[Mention]] = field(default_factory=dict)  # …in the last build, not yet in this one
    searched: int = 0  # texts searched (not remembered) since attached, for tests

    def attach(self, joined: Joined) -> None:
        """Start a build with ``joined``: what the last build found is kept if its names are the same."""
        tables = [(part.folded, part.exact) for part in joined.parts]
        self.last, self.now = (self.now, {}) if tables == self.tables else ({}, {})
        self.tables, self.searched = tables, 0
        joined.memory = self

    def find(self, joined: Joined, text: str) -> list[Mention]:
        found = self.now.get(text)
        if found is None:
            found = self.last.pop(text, None)
            if found is None:
                found = joined.search(text)
                self.searched += 1
            self.now[text] = found
        return found


@dataclass(frozen=True)
class Among:
    """A build matcher's mentions of some topics only (see Joined.among)."""

    matcher: Joined
    slugs: Container[str]

    def find(self, text: str) -> list[Mention]:
        return [x for x in self.matcher.find(text) if x.slug in self.slugs]

    def slugs_in(self, text: str) -> list[str]:
        return list(dict.fromkeys(x.slug for x in self.find(text)))


def non_overlapping(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions, then order by position."""
    if len(mentions) < 2:
        return list(mentions)  # (most texts name one topic or none: nothing to sort)
    chosen: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(mentions, key=lambda x: (-(x.end - x.start), x.start)):
        if all(m.end <= a or m.start >= b for a, b in taken):
            chosen.append(m)
            taken.append((m.start, m.end))
    return sorted(chosen, key=lambda x: x.start)


def iter_first_mentions(mentions: list[Mention], skip: set[str]) -> Iterator[Mention]:
    """The first mention of each entity, leaving out the slugs in skip."""
    seen = set(skip)
    for m in mentions:
        if m.slug not in seen:
            seen.add(m.slug)
            yield m

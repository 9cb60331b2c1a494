"""Where the links and images of a note lead: a heading of its own page, another note's
Sources page (and heading), or an image of the notes folder served under ``media/``.

Each target the site can serve is rewritten to a relative address marked ``RESOLVED`` (see
inline.py, which keeps only those); a target that leads nowhere is dropped (its words stay,
or a placeholder for an image) and reported with the note's file and line.
"""
from __future__ import annotations

import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import quote, unquote

from . import model as m
from .inline import LABEL, RESOLVED, TARGET
from .links import link
from .media import image_file, image_path, is_image_name, media_uri
from .notes import NoteProblem
from .slug import fragment_key

# A link or image whose target is not a URL with a scheme; a link's label may hold an image.
IMAGE = re.compile(r"!\[([^\]\n]*)\]\(" + TARGET + r"\)")
LINK = re.compile(r"(?<!!)\[" + LABEL + r"\]\(" + TARGET + r"\)")
WIKILINK = re.compile(r"(!?)\[\[([^\]|#\n]*)(?:#([^\]|\n]*))?(?:\|([^\]\n]+))?\]\]")  # Obsidian: [[note#heading|label]]
IMAGE_SIZE = re.compile(r"^\d+(?:x\d+)?$")  # ![[image.png|300]]: a width, not a description
CODE_SPAN = re.compile(r"(`+)(?:.+?)\1", re.DOTALL)
STASHED = re.compile("\x02(\\d+)\x03")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
USER_CONTENT = "user-content-"  # GitHub's prefix of heading ids in rendered HTML; authors copy it
NO_TEXT = frozenset({m.CODE, m.TREE, m.DIAGRAM, m.FORMULA, m.UNDRAWN, m.HEADING})  # links there are not links
INDEX_NAMES = ("README.md", "readme.md", "index.md")


@dataclass(frozen=True)
class LinkSite:
    """What the links of every note can reach."""

    pages: dict[str, str]  # note path in the folder → its Sources page (docs path)
    fragments: dict[str, dict[str, str]]  # note path → GitHub's heading ids → the ids of its page ('' = top)
    folder: Path | None = None  # the notes folder, where images are looked up (None: images are not served)
    images: tuple[str, ...] = ()  # every image of the folder (its path there), for [[wikilink]] embeds

    def by_name(self, name: str, paths: list[str] | tuple[str, ...]) -> str | None:
        """The path a bare [[name]] means, as Obsidian finds it: the exact path, else the shortest
        path ending in that file name."""
        name = name.strip().strip("/")
        folded = name.casefold()
        ends = sorted((p for p in paths if p.casefold() == folded or p.casefold().endswith("/" + folded)),
                      key=lambda p: (p.count("/"), p))
        return ends[0] if ends else None


@dataclass
class LinkAccount:
    """What the links and images of one note became."""

    counts: Counter[str] = field(default_factory=Counter)  # "heading resolved", "note broken", "image shown"…
    broken: list[NoteProblem] = field(default_factory=list)  # links that lead nowhere
    missing: list[NoteProblem] = field(default_factory=list)  # images not shown
    images: dict[str, Path] = field(default_factory=dict)  # path in the folder → file, to copy under media/

    def add(self, other: LinkAccount) -> None:
        self.counts.update(other.counts)
        self.broken += other.broken
        self.missing += other.missing
        self.images.update(other.images)

    def problems(self) -> list[NoteProblem]:
        return sorted(self.broken + self.missing, key=lambda p: (p.source, p.line))


def find_fragment(fragment: str, fragments: dict[str, str]) -> str | None:
    """The GitHub heading id an author's ``#fragment`` names: exactly, or unambiguously by its letters and digits."""
    fragment = unquote(fragment)
    if fragment.startswith(USER_CONTENT):
        fragment = fragment[len(USER_CONTENT):]
    for candidate in (fragment, fragment.lower()):
        if candidate in fragments:
            return candidate
    key = fragment_key(fragment)
    near = [i for i in fragments if fragment_key(i) == key] if key else []
    return near[0] if len(near) == 1 else None


def find_note(path: str, pages: dict[str, str]) -> str | None:
    """The note a path in the folder names: as written, in another case, without ``.md``, or a folder's README."""
    if path in pages:
        return path
    folded = {p.casefold(): p for p in pages}
    for candidate in (path, path + ".md", *(posixpath.join(path, n) for n in INDEX_NAMES)):
        if candidate.casefold() in folded:
            return folded[candidate.casefold()]
    return None


def split_target(target: str) -> tuple[str, str]:
    path, _, fragment = target.partition("#")
    return unquote(path.split("?", 1)[0]).replace("\\", "/").strip(), fragment


class NoteLinks:
    """Resolves the links of one note, whose Sources page is ``page``."""

    def __init__(self, source: str, page: str, own: dict[str, str], site: LinkSite | None) -> None:
        self.source, self.page, self.own, self.site = source, page, own, site
        self.account = LinkAccount()

    def broken(self, kind: str, line: int, message: str) -> None:
        self.account.counts[f"{kind} broken"] += 1
        self.account.broken.append(NoteProblem(self.source, line, message))

    def resolved(self, kind: str, fragment: str, found: str) -> None:
        exact = unquote(fragment).removeprefix(USER_CONTENT) == found
        self.account.counts[f"{kind} resolved" if exact else f"{kind} resolved (near match)"] += 1

    def image(self, alt: str, target: str, title: str | None, line: int, root: bool = False) -> str:
        if SCHEME.match(target) or target.startswith(("//", RESOLVED)):
            return f"![{alt}]({target}{title or ''})"  # a URL (inline.py shows it as a link), or done
        path = image_path("" if root else self.source, target)
        found = image_file(self.site.folder, path) if path and self.site and self.site.folder else None
        if found is None:
            why = ("is outside the notes folder" if path is None else
                   "is not in the notes folder" if self.site and self.site.folder else "cannot be served")
            if path is not None and self.site and self.site.folder and not is_image_name(path):
                why = "is not an image file"
            self.account.counts["image missing"] += 1
            self.account.missing.append(NoteProblem(self.source, line, f"image {target} {why}; a placeholder "
                                                     "is shown"))
            return f"![{alt}]({RESOLVED})"
        self.account.counts["image shown"] += 1
        self.account.images[path] = found
        return f"![{alt}]({RESOLVED}{self.address(media_uri(path))}{title or ''})"

    def link(self, label: str, target: str, title: str | None, line: int) -> str:
        if SCHEME.match(target) or target.startswith(("//", RESOLVED)):
            return f"[{label}]({target}{title or ''})"  # a URL (inline.py keeps only safe schemes), or done
        path, fragment = split_target(target)
        if target == "#":
            return f"[{label}]({RESOLVED}#)"  # the top of the page
        if not path:
            found = find_fragment(fragment, self.own) if fragment else None
            if found is None:
                self.broken("heading", line, f"link to #{fragment} finds no heading on this page; shown as text")
                return label
            self.resolved("heading", fragment, found)
            return f"[{label}]({RESOLVED}#{quote(self.own[found], safe='-_')})"
        return self.note_link(label, path, fragment, title, line)

    def note_link(self, label: str, path: str, fragment: str, title: str | None, line: int,
                  root: bool = False) -> str:
        whole = posixpath.normpath(posixpath.join("" if root else posixpath.dirname(self.source), path))
        if path.startswith("/") or whole == ".." or whole.startswith("../"):
            self.broken("note", line, f"link to {path} leads outside the notes folder; shown as text")
            return label
        site = self.site or LinkSite({}, {})
        note = find_note(whole, site.pages)
        if note is None:
            if is_image_name(whole) and site.folder is not None:  # a link to an image: to its copy
                found = image_file(site.folder, whole)
                if found is not None:
                    self.account.counts["image shown"] += 1
                    self.account.images[whole] = found
                    return f"[{label}]({RESOLVED}{self.address(media_uri(whole))})"
            self.broken("note", line, f"link to {path} finds no note in the notes folder; shown as text")
            return label
        anchor = ""
        if fragment:
            theirs = site.fragments.get(note, {})
            found = find_fragment(fragment, theirs)
            if found is None:
                self.broken("note heading", line, f"link to {path}#{fragment} finds no such heading in "
                            f"{note}; it leads to the top of that note")
            else:
                self.resolved("note heading", fragment, found)
                anchor = "#" + quote(theirs[found], safe="-_") if theirs[found] else ""
        else:
            self.account.counts["note resolved"] += 1
        if note == self.source:
            return f"[{label}]({RESOLVED}{anchor or '#'})"
        return f"[{label}]({RESOLVED}{self.address(site.pages[note])}{anchor})"

    def wikilink(self, embed: str, name: str, fragment: str | None, label: str | None, line: int) -> str:
        """``[[Note#Heading|label]]`` to that note's page; ``![[image.png]]`` shows the image. A
        wikilink to no note stays text (Obsidian's links to notes not written yet; topics link them)."""
        site = self.site or LinkSite({}, {})
        original = f"{embed}[[{name}{'#' + fragment if fragment is not None else ''}{'|' + label if label else ''}]]"
        if embed and is_image_name(name):
            alt = label if label and not IMAGE_SIZE.match(label) else posixpath.basename(name)
            path = site.by_name(name, site.images) if site.folder is not None else None
            return self.image(alt, quote(path or name, safe="/"), None, line, root=True)
        words = label or (f"{name} › {fragment}" if name and fragment else fragment or name)
        if not name:
            return self.link(words, "#" + (fragment or ""), None, line) if fragment else original
        note = find_note(name, site.pages) or site.by_name(name, list(site.pages)) or \
            site.by_name(name + ".md", list(site.pages))
        if note is None:
            self.account.counts["wikilink to no note (text)"] += 1
            return original
        return self.note_link(words, note, fragment or "", None, line, root=True)

    def address(self, docs_path: str) -> str:
        """A relative address from this note's page to a docs path, percent-encoded."""
        return quote(link(self.page, docs_path), safe="/-_.~")

    def rewrite(self, text: str, first_line: int) -> str:
        """Text with each image and relative link resolved (or dropped, and reported); code spans untouched."""
        if "](" not in text and "[[" not in text:
            return text
        spans: list[str] = []

        def stash(code: re.Match[str]) -> str:  # a code span shows its text: nothing in it is a link
            spans.append(code.group(0))
            return f"\x02{len(spans) - 1}\x03"

        text = self.rewrite_words(CODE_SPAN.sub(stash, text), first_line)
        return STASHED.sub(lambda mt: spans[int(mt.group(1))], text)

    def rewrite_words(self, text: str, first_line: int) -> str:
        def line_of(match: re.Match[str]) -> int:
            return first_line + text.count("\n", 0, match.start())

        text = WIKILINK.sub(lambda mt: self.wikilink(mt.group(1), mt.group(2).strip(), mt.group(3), mt.group(4),
                                                     line_of(mt)), text)
        text = IMAGE.sub(lambda mt: self.image(mt.group(1), mt.group(2), mt.group(3), line_of(mt)), text)
        return LINK.sub(lambda mt: self.link(mt.group(1), mt.group(2), mt.group(3), line_of(mt)), text)

    def block(self, block: m.Block) -> m.Block:
        if block.kind in NO_TEXT:
            return block
        first = block.span.first
        changes: dict = {}
        for name in ("text", "title", "front", "back"):
            value = getattr(block, name)
            if value and ("](" in value or "[[" in value):
                changes[name] = self.rewrite(value, first)
        if block.items:
            changes["items"] = tuple(
                replace(i, text=self.rewrite(i.text, i.span.first), extra=tuple(self.block(e) for e in i.extra))
                for i in block.items)
        if block.stem:  # a question's image, code or table
            changes["stem"] = tuple(self.block(b) for b in block.stem)
        if block.rows:  # the header row, the separator line, then a row a line
            changes["rows"] = tuple(tuple(self.rewrite(c, first + (n + 1 if n else 0)) for c in row)
                                    for n, row in enumerate(block.rows))
        return replace(block, **changes) if changes else block


def resolve_links(source: str, blocks: tuple[m.Block, ...], page: str, own: dict[str, str],
                  site: LinkSite | None) -> tuple[tuple[m.Block, ...], LinkAccount]:
    """The blocks of a note with every link and image resolved, and what became of them.
    ``own``: the note's GitHub heading ids → the ids of its page."""
    links = NoteLinks(source, page, own, site)
    return tuple(links.block(b) for b in blocks), links.account

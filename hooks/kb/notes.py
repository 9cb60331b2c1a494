"""Find, decode and read every raw note of a folder, nothing lost, nothing fatal."""
from __future__ import annotations

import codecs
import hashlib
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import model as m
from .anchors import with_anchors
from .inline import active_html, safe_title
from .readers.detect import family_of

READER_VERSION = "6"  # bump when a reader changes what it makes, to void cached parses
MAX_LINE = 20_000  # characters; longer lines are cut (and reported) to keep pages usable
MAX_NOTE_CHARS = 1_000_000  # characters of one note read; past it lines are dropped (and reported)
MAX_HEADINGS = 1_000  # per note: Material's search index costs headings² per page
MAX_LIST_DEPTH = 9  # deepest list level kept (0-based): Markdown nests recursively
# Files that keep notes company (images, PDFs, notebooks, drawings, a lab's code and settings): never
# read as notes, listed as media.
MEDIA_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".ico", ".avif", ".pdf",
                  ".ipynb", ".excalidraw", ".py", ".sh", ".js", ".css", ".json", ".toml", ".cfg", ".ini")
MEDIA_NAME = re.compile(r"(?:^|/)(?:requirements[\w.-]*\.txt|LICENSE(?:\.\w+)?)$", re.IGNORECASE)


@dataclass(frozen=True)
class NoteProblem:
    """A warning about a note as a whole or one of its lines."""

    source: str
    line: int  # 0: the file as a whole
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"


def find_notes(folder: Path) -> tuple[list[tuple[str, Path]], list[NoteProblem]]:
    """Every regular file below folder (relative POSIX path, path), sorted; links are not followed."""
    found: list[tuple[str, Path]] = []
    problems: list[NoteProblem] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        rootp = Path(root)
        for d in sorted(dirs):
            if (rootp / d).is_symlink():
                problems.append(NoteProblem(rel(rootp / d, folder), 0, "is a symbolic link; not followed"))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (rootp / d).is_symlink())
        for name in sorted(files):
            path = rootp / name
            if name.startswith("."):
                continue
            if path.is_symlink():
                problems.append(NoteProblem(rel(path, folder), 0, "is a symbolic link; not followed"))
                continue
            if path.is_file():
                found.append((rel(path, folder), path))
    return sorted(found), problems


def is_media(source: str) -> bool:
    """A companion of the notes by its name (an image, a PDF, a notebook, a lab's requirements.txt), not a note."""
    return source.lower().endswith(MEDIA_SUFFIXES) or bool(MEDIA_NAME.search(source))


def rel(path: Path, folder: Path) -> str:
    return path.relative_to(folder).as_posix()


WIDE_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")  # Unicode spaces but ASCII's

BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> tuple[str | None, str]:
    """The text of a note and how it was decoded; None when it is not text."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                return None, codec
    if b"\x00" in data[:8192]:
        return None, "binary"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def first_non_utf8_line(data: bytes) -> int:
    """1-based line of the first byte sequence that is not UTF-8 (0 if there is none)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        return data.count(b"\n", 0, err.start) + 1
    return 0


def split_lines(text: str) -> list[str]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [strip_controls(x) for x in lines]


def strip_controls(line: str) -> str:
    if line.isprintable():
        return line
    line = WIDE_SPACE.sub(" ", line)  # a no-break space (Notion, Obsidian, web copies) still parts words
    return "".join(ch for ch in line if ch.isprintable() or ch == "\t")


def read_note(source: str, data: bytes) -> tuple[m.Document | None, list[NoteProblem]]:
    """Read one note; a note that cannot be read yields problems, never an exception."""
    problems: list[NoteProblem] = []
    text, codec = decode(data)
    if text is None:
        return None, [NoteProblem(source, 0, f"is not a text file ({codec}); skipped")]
    if codec == "cp1252":
        problems.append(NoteProblem(source, first_non_utf8_line(data), "is not UTF-8; read as Windows-1252"))
    elif codec in ("utf-16", "utf-32"):
        name = codec.upper()
        problems.append(NoteProblem(source, 0, f"is {name} (byte-order mark), not UTF-8; read as {name}"))
    lines = split_lines(text)
    for n, line in enumerate(lines):
        if len(line) > MAX_LINE:
            problems.append(NoteProblem(source, n + 1, f"line of {len(line)} characters cut to {MAX_LINE}"))
            lines[n] = line[:MAX_LINE] + " …"
    if not any(x.strip() for x in lines):
        problems.append(NoteProblem(source, 0, "is empty; no page made"))
        return None, problems
    kept = lines_within(lines, MAX_NOTE_CHARS)
    if kept < len(lines):
        problems.append(NoteProblem(source, kept + 1, (
            f"is large ({len(text) / 1e6:.1f} MB of text); lines {kept + 1}-{len(lines)} past the "
            f"{MAX_NOTE_CHARS / 1e6:g} MB limit are not read")))
    family = family_of(source, lines[:kept])  # the registry in readers/__init__.py, in order
    try:
        doc = family.read(source, lines[:kept])
    except RecursionError:
        problems.append(NoteProblem(source, 0, f"is nested too deeply for the {family.name} reader; "
                                    "read as plain text"))
        doc = read_plain(source, lines[:kept])
    doc = with_cut_lines(doc, len(lines))
    doc, limited = limit_structure(doc)
    problems += [NoteProblem(source, p.line, p.message) for p in (*doc.problems, *limited)]
    problems += active_html_problems(source, lines[:kept], code_lines(doc))
    return doc, sorted(problems, key=lambda p: p.line)


def lines_within(lines: list[str], budget: int) -> int:
    """How many leading lines fit in a budget of characters (at least one)."""
    used = 0
    for n, line in enumerate(lines):
        used += len(line) + 1
        if used > budget and n:
            return n
    return len(lines)


def with_cut_lines(doc: m.Document, total: int) -> m.Document:
    """The document of a note's leading lines, accounting for the lines past the size limit."""
    if total <= doc.raw_lines:
        return doc
    cut = tuple(m.Dropped(n, "past the note size limit") for n in range(doc.raw_lines + 1, total + 1))
    return replace(doc, raw_lines=total, dropped=doc.dropped + cut)


def limit_structure(doc: m.Document) -> tuple[m.Document, list[m.Problem]]:
    """Cap headings per page and list depth: both cost the theme and Markdown more than linear time."""
    problems: list[m.Problem] = []
    blocks, headings = [], 0
    for block in doc.blocks:
        if block.kind == m.HEADING:
            headings += 1
            if headings == MAX_HEADINGS + 1:
                problems.append(m.Problem(block.span.first, f"more than {MAX_HEADINGS} headings; "
                                          "the rest are shown as bold paragraphs"))
            if headings > MAX_HEADINGS:
                block = m.Block(m.PARAGRAPH, block.span, text=f"**{block.text}**")
        elif block.kind == m.LIST and any(i.depth > MAX_LIST_DEPTH for i in block.items):
            deepest = max(block.items, key=lambda i: i.depth)
            problems.append(m.Problem(deepest.span.first, f"list nested {deepest.depth + 1} levels deep; "
                                      f"levels past {MAX_LIST_DEPTH + 1} are shown at level {MAX_LIST_DEPTH + 1}"))
            block = replace(block, items=tuple(replace(i, depth=min(i.depth, MAX_LIST_DEPTH)) for i in block.items))
        blocks.append(block)
    return (replace(doc, blocks=tuple(blocks)) if problems else doc), problems


def code_lines(doc: m.Document) -> frozenset[int]:
    """Raw lines shown as code (code blocks, trees): HTML there is an example, never markup."""
    found: set[int] = set()

    def visit(block: m.Block) -> None:
        if block.kind in (m.CODE, m.TREE):
            found.update(block.span)
        for extra in block.stem:  # a question's code
            visit(extra)
        for item in block.items:
            for extra in item.extra:
                visit(extra)

    for block in doc.blocks:
        visit(block)
    return frozenset(found)


def active_html_problems(source: str, lines: list[str], skip: frozenset[int]) -> list[NoteProblem]:
    """A warning for each line (and the file name) holding HTML or a link that could run a script."""
    out = []
    name = active_html(source)
    if name:
        out.append(NoteProblem(source, 0, f"name holds HTML that could run a script ({name}); shown as text"))
    for n, line in enumerate(lines, 1):
        found = None if n in skip else active_html(line)
        if found:
            out.append(NoteProblem(source, n, f"holds HTML that could run a script ({found}); shown as text"))
    return out


def read_plain(source: str, lines: list[str]) -> m.Document:
    """Last resort: every line a paragraph, so nothing is lost."""
    blocks = tuple(m.Block(m.PARAGRAPH, m.Span(i + 1, i + 1), text=x.strip()) for i, x in enumerate(lines) if x.strip())
    return m.Document(source, "web-copy", source.rsplit("/", 1)[-1], len(lines), blocks,
                      blank=frozenset(i + 1 for i, x in enumerate(lines) if not x.strip()))


@dataclass
class ParseCache:
    """Parsed notes by content hash, so a rebuild re-reads only notes that changed."""

    by_stat: dict[tuple[str, int, int], str] = field(default_factory=dict)
    by_hash: dict[str, tuple[m.Document | None, list[NoteProblem]]] = field(default_factory=dict)
    reads: int = 0  # notes parsed (not served from the cache), for the benchmark

    def read(self, source: str, path: Path) -> tuple[m.Document | None, list[NoteProblem]]:
        st = path.stat()
        key = (source, st.st_mtime_ns, st.st_size)
        digest = self.by_stat.get(key)
        if digest is None or digest not in self.by_hash:
            data = path.read_bytes()
            digest = hashlib.sha256(READER_VERSION.encode() + source.encode() + b"\0" + data).hexdigest()
            self.by_stat[key] = digest
            if digest not in self.by_hash:
                self.reads += 1
                self.by_hash[digest] = anchored(read_note(source, data))
        return self.by_hash[digest]


def anchored(read: tuple[m.Document | None, list[NoteProblem]]) -> tuple[m.Document | None, list[NoteProblem]]:
    """A note just read, its heading ids assigned: once per note, kept by the cache, read by every stage."""
    doc, problems = read
    return (with_anchors(doc) if doc is not None else None), problems


@dataclass(frozen=True)
class Corpus:
    folder: Path
    documents: tuple[m.Document, ...]
    problems: tuple[NoteProblem, ...]
    skipped: tuple[str, ...]  # notes with no page (binary, empty)
    media: tuple[str, ...] = ()  # companions of the notes (images, PDFs…): not read, never warned about


def read_corpus(folder: Path, cache: ParseCache | None = None) -> Corpus:
    cache = cache or ParseCache()
    if not folder.is_dir():
        return Corpus(folder, (), (NoteProblem(str(folder), 0, "notes folder does not exist"),), ())
    found, problems = find_notes(folder)
    media = tuple(source for source, _ in found if is_media(source))
    docs, skipped = [], []
    for source, path in found:
        if is_media(source):
            continue
        try:
            doc, more = cache.read(source, path)
        except OSError as err:
            doc, more = None, [NoteProblem(source, 0, f"cannot be read ({err.strerror})")]
        problems += more
        if doc is None:
            skipped.append(source)
        else:
            docs.append(doc)
    problems += title_collisions(docs)
    return Corpus(folder, tuple(docs), tuple(problems), tuple(skipped), media)


def title_collisions(docs: list[m.Document]) -> list[NoteProblem]:
    """A warning for each note whose page title an earlier note already has."""
    first: dict[str, str] = {}
    out = []
    for doc in docs:
        title = safe_title(doc.title)
        earlier = first.setdefault(title.casefold(), doc.source)
        if earlier != doc.source:
            out.append(NoteProblem(doc.source, 0, f"has the same title as {earlier} ({title}); "
                                   "the pages differ only by their file names"))
    return out


_SHARED: list[ParseCache] = []


def shared_cache() -> ParseCache:
    """One parse cache per process: ``mkdocs serve`` reloads the hook for every
    rebuild, and this keeps the parsed notes (keyed by content) across them."""
    if not _SHARED:
        _SHARED.append(ParseCache())
    return _SHARED[0]

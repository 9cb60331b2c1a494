"""A line scanner that turns the body of a text note into typed blocks.

It reads Markdown, and the damaged shapes of text copied out of a rendered page:
bare headings, bullet glyphs, unfenced Mermaid and code, box-drawn trees.
Every block keeps the raw lines it came from.
"""
from __future__ import annotations

import html
import re
import textwrap
from dataclasses import dataclass, field

from .. import model as m
from ..tex import repair_tex
from . import patterns as p
from .furniture import drop_furniture
from .questions import DETAILS, make_questions


@dataclass
class Scanner:
    lines: list[str]
    web: bool = False  # conventions of a page copy: bare headings, unfenced code
    numbered_headings: bool = False  # "1.3 Title" lines are headings (GitHub view)
    skip: frozenset[int] = frozenset()  # 0-based indexes already accounted for
    blocks: list[m.Block] = field(default_factory=list)
    dropped: list[m.Dropped] = field(default_factory=list)
    problems: list[m.Problem] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)  # Obsidian #tags of tag-only lines

    # -- helpers -----------------------------------------------------------
    def blank(self, i: int) -> bool:
        return i >= len(self.lines) or i in self.skip or bool(p.BLANK.match(self.lines[i]))

    def next_filled(self, i: int) -> int | None:
        while i < len(self.lines):
            if not self.blank(i):
                return i
            i += 1
        return None

    def add(self, kind: str, first: int, last: int, **fields) -> None:
        self.blocks.append(m.Block(kind, m.Span(first + 1, last + 1), **fields))

    def drop(self, i: int, reason: str) -> None:
        self.dropped.append(m.Dropped(i + 1, reason))

    def warn(self, i: int, message: str) -> None:
        self.problems.append(m.Problem(i + 1, message))

    # -- the scan ----------------------------------------------------------
    def run(self, start: int = 0) -> None:
        steps = (
            self.comment, self.obsidian, self.aside, self.details, self.html_table, self.tab_label, self.admonition,
            self.fenced, self.formula, self.mermaid, self.md_heading,
            self.numbered_heading, self.table, self.callout, self.quote, self.tree,
            self.listing, self.code, self.outline, self.rule, self.bare_heading, self.paragraph,
        )
        i = start
        while i < len(self.lines):
            if self.blank(i):
                i += 1
                continue
            for step in steps:
                after = step(i)
                if after is not None:
                    i = after
                    break
        self.level_bare_headings()
        self.blocks, dropped = drop_furniture(self.blocks, self.lines)
        self.dropped += dropped
        if not self.web:
            self.blocks = [highlighted(b) for b in self.blocks]
        self.blocks = make_questions(self.blocks)

    # -- block readers: each returns the index after the block, or None ---
    def comment(self, i: int) -> int | None:
        line = self.lines[i]
        if p.MORE.match(line):
            self.drop(i, "excerpt marker (<!--more-->)")
            return i + 1
        if p.COMMENT_LINE.match(line):
            self.drop(i, "HTML comment")
            return i + 1
        return None

    def obsidian(self, i: int) -> int | None:
        """Obsidian's own lines in a Markdown note: a line of only #tags (kept as the note's tags), and
        %% comments %% (never shown in Obsidian; an Excalidraw drawing keeps its JSON in one)."""
        if self.web:
            return None
        line = self.lines[i]
        if TAG_LINE.match(line):
            self.tags += [t for t in HASHTAG.findall(line) if t not in self.tags]
            self.drop(i, "tags (Obsidian #tag line)")
            return i + 1
        if EXCALIDRAW_NOTICE.match(line):
            self.drop(i, "Excalidraw plugin notice")
            return i + 1
        if not OBSIDIAN_COMMENT.match(line):
            return None
        closes = (k for k in range(i + 1, len(self.lines)) if "%%" in self.lines[k])
        j = i if "%%" in line.strip()[2:] else next(closes, None)
        if j is None:
            return None  # never closed: Obsidian hides the rest of the note; we show it, as text
        for k in range(i, j + 1):
            self.drop(k, "comment (Obsidian %%…%%)")
        return j + 1

    def aside(self, i: int) -> int | None:
        """An <aside> block, or a <summary> with no <details> around it: a callout of its inner text."""
        if self.web or not ASIDE_OPEN.match(self.lines[i]):
            return None
        j = next((k for k in range(i, len(self.lines)) if ASIDE_CLOSE.search(self.lines[k])), None)
        if j is None:
            return None
        raw = "\n".join(self.lines[i : j + 1])
        text = HTML_TAG.sub("", raw[ASIDE_OPEN.match(raw).end() : ASIDE_CLOSE.search(raw).start()])
        text = BLANK_RUN.sub("\n\n", textwrap.dedent("\n".join(x.rstrip() for x in text.split("\n"))).strip())
        if not text:
            return None
        self.add(m.CALLOUT, i, j, lang="note", title="", text=text)
        return j + 1

    def html_table(self, i: int) -> int | None:
        """An HTML <table> (from a page or a Markdown note): a table of its rows' cell texts."""
        if not HTML_TABLE_OPEN.match(self.lines[i]):
            return None
        j = next((k for k in range(i, len(self.lines)) if HTML_TABLE_CLOSE.search(self.lines[k])), None)
        if j is None:
            return None
        raw = "\n".join(self.lines[i : j + 1])
        rows = [tuple(" ".join(html.unescape(HTML_TAG.sub(" ", c)).split()) for c in HTML_CELL.findall(r))
                for r in HTML_ROW.findall(raw)]
        rows = [r for r in rows if r]
        if not rows:
            return None
        self.add(m.TABLE, i, j, rows=tuple(rows))
        return j + 1

    def tab_label(self, i: int) -> int | None:
        """A content tab of MkDocs Material (``=== "Real-time"``): its label in bold; the lines
        indented under it read on as the note's own blocks."""
        if self.web:
            return None
        mt = CONTENT_TAB.match(self.lines[i])
        if not mt:
            return None
        self.add(m.PARAGRAPH, i, i, text=f"**{mt.group(1).strip()}**")
        return i + 1

    def details(self, i: int) -> int | None:
        """A <details> block (an answer or an explanation shown on demand): its summary as the title,
        its inner text without tags. Never closed within the note: not a block, its lines read as text."""
        if not DETAILS_OPEN.match(self.lines[i]):
            return None
        j = i
        while j < len(self.lines) and not DETAILS_CLOSE.search(self.lines[j]):
            j += 1
        if j >= len(self.lines):
            return None
        raw = "\n".join(self.lines[i : j + 1])
        summary = SUMMARY.search(raw)
        body = raw[summary.end() if summary else DETAILS_OPEN.match(raw).end() : DETAILS_CLOSE.search(raw).start()]
        body = HTML_TAG.sub("", body)  # on the whole body: a tag may break across lines
        text = textwrap.dedent("\n".join(x.rstrip() for x in body.split("\n"))).strip()
        title = " ".join(HTML_TAG.sub("", summary.group(1)).split()) if summary else ""
        self.add(m.CALLOUT, i, j, lang=DETAILS, title=title or "Details", text=BLANK_RUN.sub("\n\n", text))
        return j + 1

    def admonition(self, i: int) -> int | None:
        """A Material admonition (``!!! tip "Title"``, collapsible ``??? success "Answer"``) and the lines
        indented under it: a callout of that type."""
        mt = ADMONITION.match(self.lines[i])
        if not mt:
            return None
        base, j, last = indent_of(self.lines[i]), i + 1, i
        while j < len(self.lines) and (self.blank(j) or indent_of(self.lines[j]) > base):
            last = j if not self.blank(j) else last
            j += 1
        self.add(m.CALLOUT, i, last, lang=mt.group(2).lower(), title=(mt.group(3) or "").strip(),
                 text=self.dedent(i + 1, last + 1).strip())
        return last + 1

    def fenced(self, i: int) -> int | None:
        mt = p.FENCE.match(self.lines[i])
        if not mt:
            return None
        marker, lang = mt.group(2), mt.group(3).lower()
        if lang == "mermaid":
            head = self.next_filled(i + 1)
            last = self.mermaid_extent(head + 1) if head is not None else i
            close = self.next_filled(last + 1)
            if close is not None and self.lines[close].strip().startswith(marker):
                self.add(m.DIAGRAM, i, close, text=self.dedent(i + 1, last + 1))
                return close + 1
            self.add(m.DIAGRAM, i, last, text=self.dedent(i + 1, last + 1))
            return last + 1
        j = i + 1
        while j < len(self.lines):
            stripped = self.lines[j].strip()
            if stripped.startswith(marker[0] * len(marker)) and not stripped.strip(marker[0]):
                break
            j += 1
        if j >= len(self.lines):
            self.warn(i, "code fence is never closed; read to the end of the note as code")
            body, last = self.dedent(i + 1, len(self.lines)), len(self.lines) - 1
        else:
            body, last = self.dedent(i + 1, j), j
        if lang in ("math", "latex", "tex"):
            self.add(m.FORMULA, i, last, text=repair_tex(body))
        else:
            self.add(m.CODE, i, last, text=body, lang=lang)
        return last + 1

    def formula(self, i: int) -> int | None:
        extent = self.formula_extent(i)
        if extent is None:
            return None
        last, tex = extent
        self.add(m.FORMULA, i, last, text=tex)
        return last + 1

    def formula_extent(self, i: int) -> tuple[int, str] | None:
        line = self.lines[i].strip()
        if not p.FORMULA_OPEN.match(line):
            return None
        if len(line) > 4 and line.endswith("$$"):
            return i, repair_tex(line[2:-2])
        j = i + 1
        while j < len(self.lines) and not self.blank(j):
            if self.lines[j].rstrip().endswith("$$"):
                body = "\n".join([line[2:]] + [x.strip() for x in self.lines[i + 1 : j]])
                body += "\n" + self.lines[j].strip()[:-2]
                return j, repair_tex(body.strip())
            j += 1
        self.warn(i, "display formula opened with $$ is never closed; kept as text")
        return None

    def mermaid(self, i: int) -> int | None:
        start = i
        while i < len(self.lines) and p.MERMAID_DIRECTIVE.match(self.lines[i]):
            i += 1  # an init directive belongs to the diagram it precedes
        if i >= len(self.lines) or not p.MERMAID_START.match(self.lines[i]):
            return None
        last = self.mermaid_extent(i + 1)
        self.add(m.DIAGRAM, start, last, text=self.dedent(start, last + 1))
        return last + 1

    def mermaid_extent(self, j: int) -> int:
        """Index of the last line of a diagram body starting at j (j-1 if empty)."""
        last = j - 1
        while j < len(self.lines):
            line = self.lines[j]
            if self.blank(j):
                j += 1
                continue
            if p.FENCE.match(line) or p.ORDERED.match(line) or GLYPH_BULLET.match(line):
                break  # a list straight after a diagram: diagrams have no numbered or bulleted lines
            indented = line[:1] in (" ", "\t")
            if indented or (p.MERMAID_LINE.search(line) and not ends_diagram(line)):
                last = j
                j += 1
                continue
            break
        return last

    def md_heading(self, i: int) -> int | None:
        mt = p.MD_HEADING.match(self.lines[i])
        if not mt:
            return self.setext_heading(i)
        self.add(m.HEADING, i, i, text=mt.group(2), level=len(mt.group(1)))
        return i + 1

    def setext_heading(self, i: int) -> int | None:
        """A line underlined with === (level 1) or --- (level 2): Markdown's other heading."""
        line = self.lines[i]
        if self.web or i + 1 >= len(self.lines) or self.blank(i + 1) or line[:1] in (" ", "\t"):
            return None
        under = SETEXT_UNDERLINE.match(self.lines[i + 1])
        if not under or item_match(line) or self.starts_block(i) or p.TREE.search(line) or p.RULE.match(line):
            return None
        self.add(m.HEADING, i, i + 1, text=line.strip(), level=1 if under.group(1)[0] == "=" else 2)
        return i + 2

    def numbered_heading(self, i: int) -> int | None:
        if not self.numbered_headings:
            return None
        line = self.lines[i]
        mt = NUMBERED.match(line)
        if not mt or not self.isolated(i) or not numbered_title(mt.group(2)):
            return None
        depth = mt.group(1).rstrip(".").count(".") + 1
        self.add(m.HEADING, i, i, text=line.strip(), level=min(6, depth + 1))
        return i + 1

    def table(self, i: int) -> int | None:
        if not (p.TABLE_ROW.match(self.lines[i]) and i + 1 < len(self.lines)
                and p.TABLE_SEP.match(self.lines[i + 1])):
            return None
        j = i + 2
        while j < len(self.lines) and p.TABLE_ROW.match(self.lines[j]):
            j += 1
        rows = tuple(split_row(self.lines[k]) for k in [i, *range(i + 2, j)])
        self.add(m.TABLE, i, j - 1, rows=rows)
        return j

    def callout(self, i: int) -> int | None:
        mt = p.CALLOUT.match(self.lines[i])
        if not mt:
            return None
        j, body = i + 1, []
        while j < len(self.lines) and p.QUOTE.match(self.lines[j]) and not p.CALLOUT.match(self.lines[j]):
            body.append(p.QUOTE.match(self.lines[j]).group(1))
            j += 1
        self.add(m.CALLOUT, i, j - 1, lang=mt.group(1).lower(), title=mt.group(2).strip(),
                 text="\n".join(body).strip())
        return j

    def quote(self, i: int) -> int | None:
        if not p.QUOTE.match(self.lines[i]):
            return None
        j, body = i, []
        while j < len(self.lines) and p.QUOTE.match(self.lines[j]):
            body.append(p.QUOTE.match(self.lines[j]).group(1))
            j += 1
        self.add(m.QUOTE, i, j - 1, text="\n".join(body).strip())
        return j

    def tree(self, i: int) -> int | None:
        nxt = i + 1 if i + 1 < len(self.lines) else i
        if not (p.TREE.search(self.lines[i]) or (p.TREE.search(self.lines[nxt]) and is_tree_root(self.lines[i]))):
            return None
        j = i + 1
        while j < len(self.lines) and not self.blank(j) and p.TREE.search(self.lines[j]):
            j += 1
        self.add(m.TREE, i, j - 1, text=self.dedent(i, j))
        return j

    def listing(self, i: int) -> int | None:
        if not item_match(self.lines[i]):
            return None
        items: list[m.Item] = []
        stack: list[int] = []
        base = indent_of(self.lines[i])
        j = i
        while j < len(self.lines):
            if self.blank(j):
                k = self.next_filled(j)
                if k is None or not self.list_continues(k, base, items):
                    break
                j = k
                continue
            line = self.lines[j]
            it = item_match(line)
            if it and indent_of(line) >= base - 1 and not (self.numbered_heading_at(j)):
                ind, ordered, text = it
                if items and ind <= base and ordered != items[0].ordered:
                    break  # bullets then numbers (or back) at the outer level: a second list
                while stack and ind < stack[-1]:
                    stack.pop()
                if not stack or ind > stack[-1]:
                    stack.append(ind)
                checked = None
                task = p.TASK.match(text)
                if task:
                    checked, text = task.group(1).lower() == "x", task.group(2)
                items.append(m.Item(text.strip(), m.Span(j + 1, j + 1), len(stack) - 1, ordered, checked))
                j += 1
                continue
            if items and (indent_of(line) > stack[-1] or (self.blank(j - 1) and indent_of(line) > base + 1)):
                j = self.item_extra(j, items)  # indented under an item (after a blank line: under an outer one)
                continue
            if items and not self.web and not self.blank(j - 1) and not self.starts_block(j) and not it:
                last = items[-1]  # lazy continuation line of a Markdown item (an item further out ends the list)
                items[-1] = m.Item(f"{last.text}\n{line.strip()}", m.Span(last.span.first, j + 1),
                                   last.depth, last.ordered, last.checked, last.extra)
                j += 1
                continue
            break
        first, last_line = items[0].span.first, max(item_last(x) for x in items)
        self.blocks.append(m.Block(m.LIST, m.Span(first, last_line), items=tuple(items)))
        return last_line

    def list_continues(self, k: int, base: int, items: list[m.Item]) -> bool:
        line = self.lines[k]
        if item_match(line) and not self.numbered_heading_at(k):
            return indent_of(line) >= base if not self.web else indent_of(line) >= max(1, base)
        return bool(items) and indent_of(line) > base + 1

    def numbered_heading_at(self, j: int) -> bool:
        mt = NUMBERED.match(self.lines[j])
        return bool(self.numbered_headings and mt and self.isolated(j) and numbered_title(mt.group(2)))

    def item_extra(self, j: int, items: list[m.Item]) -> int:
        """Read a block indented under the last item; return the index after it."""
        sub = Scanner(self.lines, self.web, False, self.skip)
        line = self.lines[j]
        after = (sub.details(j) or sub.fenced(j) or sub.formula(j) or sub.mermaid(j) or sub.tree(j)
                 or (sub.code(j) if self.web else None))
        if after is None:
            sub.add(m.PARAGRAPH, j, j, text=line.strip())
            after = j + 1
        self.problems.extend(sub.problems)
        last = items[-1]
        items[-1] = m.Item(last.text, last.span, last.depth, last.ordered, last.checked,
                           last.extra + tuple(sub.blocks))
        return after

    def starts_block(self, j: int) -> bool:
        line = self.lines[j]
        return bool(p.FENCE.match(line) or p.FORMULA_OPEN.match(line) or p.MD_HEADING.match(line)
                    or DETAILS_OPEN.match(line) or p.QUOTE.match(line) or p.TABLE_ROW.match(line)
                    or p.MERMAID_START.match(line))

    def code(self, i: int) -> int | None:
        if not self.web:
            return None
        lang = self.code_lang(i)
        if lang is None:
            return None
        depth, cont, j, last = 0, False, i, i
        while j < len(self.lines):
            line = self.lines[j]
            if self.blank(j):
                k = self.next_filled(j)
                if k is None:
                    break
                nxt = self.lines[k]
                if depth > 0 or (lang in ("python", "yaml") and nxt[:1] in (" ", "\t")) or (
                    lang == "dockerfile" and p.DOCKER_LINE.match(nxt)
                ) or (lang == "python" and self.code_lang(k) == "python"):  # Python after a blank line: one script
                    j = k
                    continue
                break
            if j > i and not (depth > 0 or cont or line[:1] in (" ", "\t") or code_line(line, lang)):
                break
            if j > i and lang == "python" and p.MD_HEADING.match(line) and self.heading_follows(j):
                break
            depth = max(0, depth + bracket_balance(line))
            cont = line.rstrip().endswith("\\")
            last = j
            j += 1
        self.add(m.CODE, i, last, text=self.dedent(i, last + 1), lang=lang)
        return last + 1

    def outline(self, i: int) -> int | None:
        """A plain-text outline (a text editor's, an outliner's): lines under lines by tabs, no bullets.
        Each line an item, nested by its tabs; only in text notes, where a tab never starts code."""
        if not self.web or i + 1 >= len(self.lines) or self.blank(i + 1):
            return None
        base = tabs_of(self.lines[i])
        if base is None or (tabs_of(self.lines[i + 1]) or 0) <= base:
            return None
        items: list[m.Item] = []
        j = i
        while j < len(self.lines) and not self.blank(j):
            tabs = tabs_of(self.lines[j])
            if tabs is None or tabs < base or item_match(self.lines[j]):
                break
            depth = min(tabs - base, items[-1].depth + 1 if items else 0)
            items.append(m.Item(self.lines[j].strip(), m.Span(j + 1, j + 1), depth))
            j += 1
        self.blocks.append(m.Block(m.LIST, m.Span(i + 1, j), items=tuple(items)))
        return j

    def heading_follows(self, j: int) -> bool:
        """A "# ..." line in unfenced Python is a heading unless Python goes on after it
        (past any more "#" lines, which read either way)."""
        k = self.next_filled(j + 1)
        while k is not None and self.lines[k].startswith("#"):
            k = self.next_filled(k + 1)
        return k is None or not (self.lines[k][:1] in (" ", "\t") or code_line(self.lines[k], "python"))

    def code_lang(self, i: int) -> str | None:
        line = self.lines[i]
        if p.DOCKER_START.match(line):
            return "dockerfile"
        if p.JSON_START.match(line):
            return "json"
        if p.SHELL_START.match(line) or (line.rstrip().endswith(" \\") and not looks_like_prose(line)):
            return "bash"
        if p.PY_STRONG.match(line) or (p.PY_START.match(line) and not looks_like_prose(line)):
            return "python"
        if p.YAML_KEY.match(line) and i + 1 < len(self.lines) and p.YAML_LINE.match(self.lines[i + 1]):
            return "yaml"
        return None

    def rule(self, i: int) -> int | None:
        if not p.RULE.match(self.lines[i]):
            return None
        self.add(m.RULE, i, i)
        return i + 1

    def bare_heading(self, i: int) -> int | None:
        line = self.lines[i]
        if not self.web or line[:1] in (" ", "\t") or not self.isolated(i) or not is_title_like(line):
            return None
        self.add(m.HEADING, i, i, text=line.strip(), level=0)  # level set later
        return i + 1

    def paragraph(self, i: int) -> int:
        j = i + 1
        if not self.web:
            while j < len(self.lines) and not self.blank(j) and not self.starts_block(j) \
                    and not item_match(self.lines[j]) and not p.RULE.match(self.lines[j]):
                j += 1
        text = "\n".join(x.strip() for x in self.lines[i:j])
        self.add(m.PARAGRAPH, i, j - 1, text=text)
        return j

    # -- passes over the blocks --------------------------------------------
    def level_bare_headings(self) -> None:
        """A page copy loses heading levels: a heading straight after another
        heading opens a section (level 2); the rest sit inside it (level 3)."""
        seen_section = False
        out = []
        for n, block in enumerate(self.blocks):
            if block.kind == m.HEADING and block.level == 0:
                if block.span.first == 1 and n == 0:
                    level = 1
                else:
                    nxt = self.blocks[n + 1] if n + 1 < len(self.blocks) else None
                    opens = nxt is not None and nxt.kind == m.HEADING and nxt.level in (0, 2, 3)
                    level = 2 if opens or not seen_section else 3
                    seen_section = seen_section or opens
                block = m.Block(**{**block.__dict__, "level": level})
            out.append(block)
        self.blocks = out

    def isolated(self, i: int) -> bool:
        return (i == 0 or self.blank(i - 1)) and self.blank(i + 1)

    def dedent(self, start: int, stop: int) -> str:
        return textwrap.dedent("\n".join(x.rstrip() for x in self.lines[start:stop])).strip("\n")


HTML_TABLE_OPEN = re.compile(r"^\s*<table\b[^>]*>", re.IGNORECASE)
HTML_TABLE_CLOSE = re.compile(r"</table\s*>", re.IGNORECASE)
HTML_ROW = re.compile(r"<tr\b[^>]*>(.*?)(?=<tr\b|</table\s*>|$)", re.IGNORECASE | re.DOTALL)
HTML_CELL = re.compile(r"<t[hd]\b[^>]*>(.*?)(?=</?t[hdr]\b|</table\s*>|$)", re.IGNORECASE | re.DOTALL)
CONTENT_TAB = re.compile(r'^\s*===!?\+?\s+"([^"]+)"\s*$')  # pymdownx.tabbed: === "Label"
FOOTNOTE_DEF = re.compile(r"^\[\^([\w-]{1,20})\]:\s*", re.MULTILINE)
FOOTNOTE_REF = re.compile(r"\[\^([\w-]{1,20})\](?!\()")  # [^1] in text; its definition "[^1]: …" starts a line
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(={2,}|-{2,})\s*$")
TAG_LINE = re.compile(r"^\s*#[A-Za-z][\w/-]*(?:[ \t]+#[A-Za-z][\w/-]*)*\s*$")  # "#card", "#ml #stats"
EXCALIDRAW_NOTICE = re.compile(r"^\s*==\W*Switch to EXCALIDRAW VIEW\b.*==\s*$", re.IGNORECASE)
BLOCK_ID = re.compile(r"[ \t]+\^[A-Za-z0-9-]+$", re.MULTILINE)  # Obsidian's block id, for references: no words
HASHTAG = re.compile(r"#([A-Za-z][\w/-]*)")
OBSIDIAN_COMMENT = re.compile(r"^\s*%%(?!\{)")  # %%{init…}%% is a Mermaid directive
# <aside> (Notion's callout, a Cornell note's cue); a <summary> outside <details> (a Cornell note's summary).
ASIDE_OPEN = re.compile(r"^\s*<(?:aside|summary)\b[^>]*>", re.IGNORECASE)
ASIDE_CLOSE = re.compile(r"</(?:aside|summary)\s*>", re.IGNORECASE)
HIGHLIGHT = re.compile(r"(?<![=\w`])==(?=[^\s=])([^=\n`]+?)(?<=[^\s=])==(?![=\w])")  # Obsidian ==highlight==
MARK_ATTRS = re.compile(r"<mark\s[^<>]*>", re.IGNORECASE)  # Obsidian's coloured highlight: <mark style=…>
ADMONITION = re.compile(r"^\s*(!!!|\?\?\?\+?)\s+([A-Za-z][\w-]*)(?:\s+[\w\s-]*?)?(?:\s+\"([^\"]*)\")?\s*$")
DETAILS_OPEN = re.compile(r"^\s*<details\b[^>]*>", re.IGNORECASE)
DETAILS_CLOSE = re.compile(r"</details\s*>", re.IGNORECASE)
SUMMARY = re.compile(r"<summary\b[^>]*>(.*?)</summary\s*>", re.IGNORECASE | re.DOTALL)
HTML_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
BLANK_RUN = re.compile(r"\n\s*\n(?:\s*\n)+")
GLYPH_BULLET = re.compile(r"^\s*[•◦▪‣●○■▸►]\s")
NUMBERED = re.compile(r"^(\d+(?:\.\d+)*\.?)\s+(\S.{0,90})$")
ASSIGNMENT = re.compile(r"^[\w.\[\], ]+\s*[-+*/%]?=\s*\S")


def item_match(line: str) -> tuple[int, bool, str] | None:
    mt = p.BULLET.match(line)
    if mt and mt.group(3):
        return len(mt.group(1).expandtabs(4)), False, mt.group(3)
    mt = p.ORDERED.match(line)
    if mt:
        return len(mt.group(1).expandtabs(4)), True, mt.group(3)
    return None


def tabs_of(line: str) -> int | None:
    """How many tabs indent a line; None when spaces indent it (an outline indents with tabs only)."""
    lead = line[: len(line) - len(line.lstrip())]
    return None if lead.strip("\t") else len(lead)


def item_last(item: m.Item) -> int:
    return max([item.span.last] + [b.span.last for b in item.extra])


def indent_of(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def is_title_like(line: str) -> bool:
    s = line.strip()
    words = s.split()
    return (
        0 < len(words) <= 10 and len(s) <= 80 and (s[0].isupper() or s[0].isdigit())
        and not p.PROSE_END.search(s) and "://" not in s and not s.endswith(",")
    )


def numbered_title(text: str) -> bool:
    """The words after a section number: a title, even one opening with a lower-case name ('3.2.4 k-nearest
    neighbours (kNN)')."""
    return is_title_like(text[:1].upper() + text[1:])


def is_tree_root(line: str) -> bool:
    s = line.strip()
    return bool(s) and len(s.split()) <= 3 and not p.PROSE_END.search(s)


def looks_like_prose(line: str) -> bool:
    """A sentence, not code: five words or more, and ending like a sentence or free of code marks."""
    if line[:1] in (" ", "\t") or len(p.WORD.findall(line)) < 5:
        return False
    s = line.strip()
    return s.endswith((".", "!", "?")) or not any(c in s for c in "=(){}[]\"'")


def ends_diagram(line: str) -> bool:
    """A column-0 line after a diagram that is a sentence of prose, not more diagram."""
    s = line.strip()
    return len(p.WORD.findall(s)) >= 5 and s.endswith((".", "!", "?", ":")) and "-->" not in s


def code_line(line: str, lang: str) -> bool:
    s = line.strip()
    if s[:1] in ")]}'\"":
        return True
    if lang == "python":
        return bool(p.PY_START.match(line) or p.PY_MORE.match(line) or s.startswith("#")
                    or ASSIGNMENT.match(s))
    if lang == "bash":
        return bool(p.SHELL_START.match(line) or s.startswith("--"))
    if lang == "json":
        return bool(p.JSON_START.match(line))
    if lang == "dockerfile":
        return bool(p.DOCKER_LINE.match(line) or s.startswith("#"))
    if lang == "yaml":
        return bool(p.YAML_LINE.match(line) or p.YAML_KEY.match(line))
    return False


def bracket_balance(line: str) -> int:
    return sum(line.count(c) for c in "([{") - sum(line.count(c) for c in ")]}")


def split_row(line: str) -> tuple[str, ...]:
    cells, cur, esc = [], "", False
    for ch in line.strip().strip("|"):
        if ch == "|" and not esc:
            cells.append(cur.strip())
            cur = ""
        else:
            cur += ch
        esc = ch == "\\"
    cells.append(cur.strip())
    return tuple(cells)


def highlight_text(text: str) -> str:
    """Obsidian's highlights as <mark>, the one formatting tag the site keeps (without attributes);
    its block ids (``text ^a1b2``) removed; a footnote mark ``[^1]`` (and its definition's) as a superscript."""
    if "^" in text:
        text = FOOTNOTE_DEF.sub(r"<sup>\1</sup> ", BLOCK_ID.sub("", text))  # footnotes: no extension reads them
        text = FOOTNOTE_REF.sub(r"<sup>\1</sup>", text)
    return MARK_ATTRS.sub("<mark>", HIGHLIGHT.sub(r"<mark>\1</mark>", text)) if "=" in text or "<" in text else text


def highlighted(block: m.Block) -> m.Block:
    """A block with its highlights marked: paragraphs, quotes, callouts and list items (never code)."""
    if block.kind in (m.PARAGRAPH, m.QUOTE, m.CALLOUT) and block.text:
        new = highlight_text(block.text)
        return block if new == block.text else m.Block(**{**block.__dict__, "text": new})
    if block.kind == m.TABLE:
        rows = tuple(tuple(highlight_text(c) for c in row) for row in block.rows)
        return block if rows == block.rows else m.Block(**{**block.__dict__, "rows": rows})
    if block.kind == m.LIST:
        items = tuple(m.Item(highlight_text(i.text), i.span, i.depth, i.ordered, i.checked, i.extra)
                      for i in block.items)
        return block if items == block.items else m.Block(**{**block.__dict__, "items": items})
    return block

"""A corpus of hostile and broken notes, written by the tests into a temporary folder.

Each bad note comes with the warning a build must print for it (a regex over stderr that
names the file, and the line where there is one) and the strings that must be visible as
text on its page. The good notes beside them must come through whole.
"""
from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

BIG_NOTE_BYTES = 5 * 1024 * 1024
LONG_LINE_CHARS = 1024 * 1024
DEEP_LEVELS = 200
SPACED_NAME = "Spaced name – ünïcödé notes.md"
EVIL_NAME = "\"><img src=x onerror=alert('fname')>.md"
OUTSIDE_TEXT = "OUTSIDE-SECRET-7d1f"  # must never reach the site


@dataclass(frozen=True)
class Case:
    """One bad input: where it is, the warning it must raise, what its page must show."""

    label: str
    path: str  # relative to the notes folder
    warnings: tuple[str, ...]  # regexes over the build's stderr
    visible: tuple[str, ...] = ()  # text that must be on the note's page, as text
    page: bool = True  # whether the note gets a Sources page


@dataclass
class Corpus:
    notes: Path
    outside: Path
    cases: list[Case] = field(default_factory=list)
    good: list[str] = field(default_factory=list)  # notes whose every line must be placed


def w(path: str, line: int | str | None, message: str) -> str:
    """A regex for one warning line: ``path:line: message`` (no line: ``path: message``)."""
    where = re.escape(path) + (f":{line}" if line else "")
    return rf"WARNING\s+-\s+{where}: {message}"


GOOD_MD = """# Kinesis Data Streams basics

Shards give ordered, replayable streams; each holds data for 24 hours by default.

- Producers write with PutRecord or the KPL.
- Consumers read with the KCL or Lambda.
    - Enhanced fan-out gives each consumer its own throughput.

| Limit | Value |
|---|---|
| Write per shard | 1 MB/s |
| Read per shard | 2 MB/s |

> [!tip] Remember
> Firehose is for delivery, Streams for custom processing.
"""

GOOD_WEB = """Feature engineering notes

Scaling
• Standardise features before distance-based algorithms like k-NN.
• Min-max scaling keeps values between zero and one.

Encoding
• One-hot encoding suits nominal categories with few levels.
"""

GOOD_TSV = "What does SageMaker Clarify detect?\tBias in data and models, and feature attributions\n" \
    "Which algorithm finds anomalies in streams?\tRandom Cut Forest\n"

XSS_MD = """---
title: "<script>alert('title')</script> ../../evil"
slug: ../../evil
---
# <img src=x onerror=alert('h1')> Heading ../../x

Para <script>alert('para')</script> and <iframe src="javascript:alert('iframe')"></iframe> end.

Links [click me](javascript:alert('link')) and [upper](JaVaScRiPt:alert('up')) and
<a href="javascript:alert('a')">anchor</a>.

Autolink <javascript:alert('auto')> and ![pic](x" onerror="alert('imgattr')) and [data](data:text/html,alert).

Outside image ![tracker](https://example.com/t.png) loads nothing.

[ref]: javascript:alert('ref')

A reference [ref] and [click ref][ref] stay text.

| <b onmouseover=alert('cell')>cell</b> | </script><script>alert('cell2')</script> |
|---|---|
| <svg onload=alert('svg')> | plain |

> [!warning] <img src=x onerror=alert('callout')> title
> body </script><script>alert('callout2')</script>

```mermaid
graph TD
  %%{init: {"securityLevel": "loose"}}%%
  A["<img src=x onerror=alert('mermaid')>"] --> B["<script>alert('m2')</script>"]
  C["<img src='https://example.com/m.png'> outside image"] --> A
  click A call alert('click')
  click B href "javascript:alert('clickhref')"
```

$$
x + </script><script>alert('tex')</script> + \\href{javascript:alert('href')}{y} + \\includegraphics[height=1em]{https://example.com/k.png}
$$

Inline $a<b>c$ maths and `<script>alert('code')</script>` code.

Braces {: onclick="alert('attr')" } stay text.
"""

XSS_WEB = """Copied page with scripts

flowchart LR
  X[<img src=x onerror=alert('webmermaid')>] --> Y

<script>alert('webpara')</script>

• bullet <img src=x onerror=alert('webbullet')>
"""

XSS_TSV = (
    "What closes a script element?\t</script><script>alert('card')</script>\n"
    "<img src=x onerror=alert('front')> front\tback <iframe srcdoc=\"<script>alert(1)</script>\"></iframe>\n"
)


def cp1252_note() -> bytes:
    return b"Cafe notes\n\nAn ASCII line first.\nSmart \x93quotes\x94 and na\xefve \x96 dash in caf\xe9.\n"


def utf16_note() -> bytes:
    return codecs.BOM_UTF16_LE + "# UTF-16 note\n\nText with \u00fcn\u00efc\u00f6de in UTF-16.\n".encode("utf-16-le")


def big_note() -> str:
    """About 5 MB of realistic Markdown: sections of paragraphs and lists."""
    part = (
        "## Section {n}\n\nParagraph {n} about SageMaker endpoints and autoscaling policies, "
        "long enough to look like a real note written by a student preparing.\n\n"
        "- point {n} one\n- point {n} two\n\n"
    )
    out, n, size = [], 0, 0
    while size < BIG_NOTE_BYTES:
        chunk = part.format(n=n)
        out.append(chunk)
        size += len(chunk)
        n += 1
    return "# Big note\n\n" + "".join(out)


def deep_list() -> str:
    return "# Deep list\n\n" + "".join("  " * d + f"- level {d}\n" for d in range(DEEP_LEVELS))


def write_corpus(root: Path) -> Corpus:
    notes, outside = root / "notes", root / "outside"
    (notes / "good").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.md").write_text(f"# Secret\n\n{OUTSIDE_TEXT}\n")
    corpus = Corpus(notes, outside)

    def put(rel: str, data: str | bytes) -> None:
        path = notes / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode())

    put("good/kinesis.md", GOOD_MD)
    put("good/features.txt", GOOD_WEB)
    put("good/cards.tsv", GOOD_TSV)
    corpus.good += ["good/kinesis.md", "good/features.txt", "good/cards.tsv"]

    put("cp1252.txt", cp1252_note())
    put("utf16.md", utf16_note())
    put("blob.bin", bytes(range(256)) * 64)
    put("picture.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    put("empty.md", b"")
    put("whitespace.txt", b"   \n\t\t\n \r\n  \n")
    put("big.md", big_note())
    put("long-line.txt", "# Long line\n\nx\n" + "word " * (LONG_LINE_CHARS // 5) + "\nafter the long line\n")
    put("unclosed-fence.md", "# Fence\n\nSome text.\n\n```python\nprint('never closed')\n")
    put("unclosed-front.md", "---\ntitle: Never closed\nbody text after it\n")
    put("bad-yaml.md", "---\ntitle: [oops\nkey: : value\n---\n# Bad YAML body\n\nStill read.\n")
    put("deep-list.md", deep_list())
    put(SPACED_NAME, "# Spaced name note\n\nNon-ASCII name, ordinary content: Ünïcödé.\n")
    put("collide/one.md", "# Same Title\n\nFirst note with this title.\n")
    put("collide/two.md", "# Same Title\n\nSecond note with this title.\n")
    os.symlink(outside / "secret.md", notes / "link-out.md")
    os.symlink(outside, notes / "linked-dir")
    put("xss.md", XSS_MD)
    put("xss-web.txt", XSS_WEB)
    put("xss-cards.tsv", XSS_TSV)
    put(EVIL_NAME, "# Evil file name\n\nThe name of this note is an HTML tag.\n")

    corpus.cases = list(CASES)
    return corpus


def line_of(text: str, needle: str) -> int:
    """1-based number of the first line of text holding needle."""
    return next(n for n, line in enumerate(text.split("\n"), 1) if needle in line)


def html_warnings(path: str, text: str, needles: dict[str, str]) -> tuple[str, ...]:
    """Warnings for lines holding active HTML: needle on the line → what the warning names."""
    return tuple(w(path, line_of(text, k), rf"holds HTML that could run a script \({re.escape(v)}\)")
                 for k, v in needles.items())


CASES: tuple[Case, ...] = (
    Case("Windows-1252 text", "cp1252.txt", (w("cp1252.txt", 4, "is not UTF-8; read as Windows-1252"),),
         ("Smart \u201cquotes\u201d and na\u00efve \u2013 dash in caf\u00e9.",)),
    Case("UTF-16 with a BOM", "utf16.md", (w("utf16.md", None, r"is UTF-16 \(byte-order mark\), not UTF-8"),),
         ("Text with \u00fcn\u00efc\u00f6de in UTF-16.",)),
    Case("binary file", "blob.bin", (w("blob.bin", None, r"is not a text file \(binary\); skipped"),), page=False),
    Case("binary file named .md", "picture.md", (w("picture.md", None, r"is not a text file \(binary\); skipped"),),
         page=False),
    Case("empty file", "empty.md", (w("empty.md", None, "is empty; no page made"),), page=False),
    Case("whitespace only", "whitespace.txt", (w("whitespace.txt", None, "is empty; no page made"),), page=False),
    Case("5 MB note", "big.md", (w("big.md", r"\d+", r"is large \(5\.\d MB of text\); lines \d+-\d+ past the"),
                                 w("big.md", r"\d+", "more than 1000 headings")),
         ("Paragraph 1 about SageMaker",)),
    Case("1 MB line", "long-line.txt", (w("long-line.txt", 4, "line of 104857[0-9] characters cut to 20000"),),
         ("after the long line",)),
    Case("unclosed code fence", "unclosed-fence.md", (w("unclosed-fence.md", 5, "code fence is never closed"),),
         ("print('never closed')",)),
    Case("unclosed front matter", "unclosed-front.md", (w("unclosed-front.md", 1, "front matter is never closed"),),
         ("body text after it",)),
    Case("front matter not YAML", "bad-yaml.md", (w("bad-yaml.md", 3, "front matter is not valid YAML"),),
         ("Still read.",)),
    Case("deeply nested list", "deep-list.md",
         (w("deep-list.md", DEEP_LEVELS + 2, f"list nested {DEEP_LEVELS} levels deep; levels past 10"),),
         ("level 0", f"level {DEEP_LEVELS - 1}")),
    Case("spaces and non-ASCII in the name", SPACED_NAME, (),
         ("Non-ASCII name, ordinary content: \u00dcn\u00efc\u00f6d\u00e9.",)),
    Case("two notes whose titles collide", "collide/two.md",
         (w("collide/two.md", None, r"has the same title as collide/one\.md \(Same Title\)"),),
         ("Second note with this title.",)),
    Case("symlink to a file outside", "link-out.md", (w("link-out.md", None, "is a symbolic link; not followed"),),
         page=False),
    Case("symlink to a folder outside", "linked-dir", (w("linked-dir", None, "is a symbolic link; not followed"),),
         page=False),
    Case("<script>, <iframe>, onerror=, javascript: links in Markdown", "xss.md", html_warnings("xss.md", XSS_MD, {
        "alert('title')": "<script", "alert('h1')": "onerror=", "alert('para')": "<script",
        "alert('link')": "javascript:", "alert('ref')": "javascript:", "alert('cell')": "onmouseover=",
        "alert('svg')": "<svg", "alert('callout')": "onerror=", "alert('callout2')": "</script",
        "alert('mermaid')": "onerror=", "alert('clickhref')": "javascript:", "alert('tex')": "</script",
    }), ("<script>alert('para')</script>", "<iframe src=\"javascript:alert('iframe')\"></iframe>",
         "click me and upper and", "</script><script>alert('cell2')</script>", "<svg onload=alert('svg')>",
         "<img src=x onerror=alert('callout')> title", "A reference [ref] and [click ref][ref] stay text.",
         "{: onclick=\"alert('attr')\" }", "\u2039img src=x onerror=alert('h1')\u203a Heading ../../x")),
    Case("<script> and onerror= in a page copy", "xss-web.txt", html_warnings("xss-web.txt", XSS_WEB, {
        "alert('webmermaid')": "onerror=", "alert('webpara')": "<script", "alert('webbullet')": "onerror=",
    }), ("<script>alert('webpara')</script>",)),
    Case("</script> in card text", "xss-cards.tsv", html_warnings("xss-cards.tsv", XSS_TSV, {
        "alert('card')": "</script", "alert('front')": "onerror=",
    }), ("</script><script>alert('card')</script>", "<img src=x onerror=alert('front')> front")),
    Case("HTML in the file name", EVIL_NAME, (w(EVIL_NAME, None, r"name holds HTML that could run a script"),),
         ("The name of this note is an HTML tag.", EVIL_NAME)),
)

"""Regular expressions shared by the readers, compiled once."""
from __future__ import annotations

import re

BLANK = re.compile(r"^\s*$")
BULLET = re.compile(r"^(\s*)([•◦▪‣●○■▸►]|[-*+](?=\s))\s*(.*)$")
ORDERED = re.compile(r"^(\s*)(\d{1,3})[.)]\s+(\S.*)$")
TASK = re.compile(r"^\[([ xX])\]\s+(.*)$")
MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([\w+#.-]*)[^`]*$")
MERMAID_START = re.compile(
    r"^\s*(?:(?:flowchart|graph)(?:\s+(?:TB|TD|BT|RL|LR))?\s*;?\s*$"
    r"|(?:sequenceDiagram|classDiagram|stateDiagram(?:-v2)?|erDiagram|gantt|pie(?:\s+.*)?"
    r"|journey|mindmap|timeline|gitGraph|quadrantChart|xychart-beta|block-beta|sankey-beta)\s*$)"
)
MERMAID_DIRECTIVE = re.compile(r"^\s*%%\{.*\}%%\s*$")  # %%{init: {...}}%% on the line(s) before a diagram
MERMAID_LINE = re.compile(
    r"^\s*(?:%%|subgraph\b|end\s*$|classDef\b|class\s|style\s|linkStyle\b|click\s|direction\s"
    r"|participant\s|actor\s|loop\b|alt\b|else\b|opt\b|par\b|and\b|Note\s|note\s|title\s|section\s"
    r"|autonumber\b|activate\s|deactivate\s)"
    r"|-->|---|-\.->?|==>|<-->|->>|-->>|--\s*\w.*-->|\|\w"
    r"|^\s*[\w-]+(?:\[|\(|\{|>)"
)
TREE = re.compile(r"[├└│┬┼]|^\s*-{3,}[^\s-]|^\s*[|`+]--|^\s*\|\s+[|`+]--")
FORMULA_OPEN = re.compile(r"^\s*\$\$")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
CALLOUT = re.compile(r"^\s*>\s*\[!(\w+)\][+-]?\s*(.*)$")
QUOTE = re.compile(r"^\s*>\s?(.*)$")
COMMENT_LINE = re.compile(r"^\s*<!--.*-->\s*$")
MORE = re.compile(r"^\s*<!--\s*more\s*-->\s*$", re.IGNORECASE)
RULE = re.compile(r"^\s*([-*_])(?:\s*\1){2,}\s*$")
OPTION = re.compile(r"^(?:\(?([A-Ha-h])[.)]|([A-Ha-h]):)\s+(.*)$")

SHELL_START = re.compile(
    r"^\s*(?:\$ )?(?:aws|pip3?|python3?|docker|kubectl|git|curl|wget|export|cd|mkdir|sudo|npm"
    r"|conda|sam|cdk|eksctl|helm|terraform|jupyter)\s+\S"
)
PY_START = re.compile(
    r"^\s*(?:import\s+\w|from\s+[\w.]+\s+import\s|def\s+\w+\s*\(|class\s+\w+\s*[(:]|@\w"
    r"|if __name__|print\(|[\w.]+\s*=\s*[\w.]+\(|[\w.]+\s*=\s*[\[{(]\s*$|return\b|for\s+\w+.*:\s*$"
    r"|while\s.*:\s*$|with\s.*:\s*$|[\w.]+\([^()]*\)\s*$)"
)
PY_STRONG = re.compile(
    r"^\s*(?:import\s+[\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+)*\s*$|from\s+[\w.]+\s+import\s+[\w*, ()]+$"
    r"|def\s+\w+\s*\(.*\)\s*(?:->.*)?:\s*$|class\s+\w+\s*(?:\(.*\))?:\s*$)"
)
# Lines that only go on a Python block already started (never start one): compound
# statement heads, bare keywords, and a call or literal left open at the end of the line.
PY_MORE = re.compile(
    r"^\s*(?:(?:if|elif|else|try|except|finally|for|while|with|async)\b.*:\s*$"
    r"|(?:raise|pass|break|continue|return|yield|assert|del|global|nonlocal)\b"
    r"|[\w.\[\]\"']+\s*(?:=\s*)?[\w.]*[(\[{]\s*$)"
)
DOCKER_START = re.compile(r"^FROM\s+[\w./:-]+(?:\s+AS\s+\w+)?\s*$", re.IGNORECASE)
DOCKER_LINE = re.compile(
    r"^(?:FROM|RUN|COPY|ADD|ENTRYPOINT|CMD|WORKDIR|ENV|EXPOSE|ARG|LABEL|USER|VOLUME|HEALTHCHECK)\s")
JSON_START = re.compile(r"^\s*(?:[{\[]\s*$|\{\s*\"[\w-]+\"\s*:)")
YAML_KEY = re.compile(r"^[A-Za-z_][\w-]*:\s*$")
YAML_LINE = re.compile(r"^\s+(?:- )?[\w.\"'-]+:(?:\s|$)|^\s+- \S")
PROSE_END = re.compile(r"[.!?:;]\s*$|[.!?]\)\s*$")
WORD = re.compile(r"[A-Za-z]+")

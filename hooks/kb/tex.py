"""Repairs of LaTeX that copying out of a rendered page damaged."""
from __future__ import annotations

import re

LOG_BANG = re.compile(r"\\(log|ln|exp|sin|cos|max|min|sum|prod)!(?=\\left|\(|\\bigl|\\Big)")
CASES = re.compile(r"(\\begin\{cases\})(.*?)(\\end\{cases\})", re.DOTALL)
LOST_ROW_END = re.compile(r"(&[^&]*?)(?<!\\)\\ (?=[^&]*&)")  # a lone "\ ", not the end of a "\\ "


def repair_tex(tex: str) -> str:
    """Undo scrape damage that has one reading: ``\\log!\\left(`` lost the ``\\`` of
    ``\\!``, and a ``cases`` row holding two ``&`` lost the ``\\\\`` that ended it."""
    tex = LOG_BANG.sub(lambda mt: f"\\{mt.group(1)}\\!", tex.strip())
    return CASES.sub(lambda mt: mt.group(1) + LOST_ROW_END.sub(r"\1\\\\ ", mt.group(2)) + mt.group(3), tex)

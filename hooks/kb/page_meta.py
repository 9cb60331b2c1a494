"""The front matter of every page the knowledge base generates."""
from __future__ import annotations

import json

from .inline import safe_attribute, safe_title

DESCRIPTION_CHARS = 300


def front_matter(title: str, description: str, **extra: object) -> str:
    """MkDocs page meta. The theme prints the title and the description unescaped (the description
    inside ``content="…"``), so both lose Markdown marks and anything a template could read as
    markup (safe_title, safe_attribute); JSON is valid YAML and quotes every value."""
    fields = {"title": safe_title(title), "description": safe_attribute(description)[:DESCRIPTION_CHARS], **extra}
    return "---\n" + "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items()) + "\n---\n"

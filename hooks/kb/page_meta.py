"""The front matter of every page the knowledge base generates."""
from __future__ import annotations

import json

from .inline import plain_text, safe_attribute, safe_title

DESCRIPTION_CHARS = 300


def front_matter(title: str, description: str, **extra: object) -> str:
    """MkDocs page meta. The theme prints the title and the description unescaped (the description
    inside ``content="…"``), so both lose anything a template could read as markup; JSON is valid
    YAML and quotes every value, whatever a note put in it."""
    fields = {"title": safe_title(title),
              "description": safe_attribute(plain_text(description))[:DESCRIPTION_CHARS], **extra}
    return "---\n" + "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items()) + "\n---\n"

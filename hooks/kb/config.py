"""The knowledge base's settings: ``extra.kb`` in mkdocs.yml, checked with MkDocs' own config options.

Each setting has a default here; mkdocs.yml may name an environment variable that overrides it
(``notes: !ENV [KB_NOTES, docs/notes]``). A bad value stops the build with the key's name.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import ConfigurationError

ON = frozenset({"on", "true", "yes", "1"})
OFF = frozenset({"off", "false", "no", "0"})
PACKAGE = Path(__file__).resolve().parent
WATCHED = frozenset({".py", ".yaml", ".mjs"})  # the package's code and data files


class Switch(c.OptionallyRequired[bool]):
    """On or off, from YAML (true/false) or from an environment variable (on/off, true/false, 1/0)."""

    def run_validation(self, value: object) -> bool:
        if isinstance(value, bool):
            return value
        word = str(value).strip().lower()
        if word in ON or word in OFF:
            return word in ON
        raise base.ValidationError(f"expected on or off, got {value!r}")


class KbConfig(base.Config):
    """The options under ``extra: kb:``; paths are relative to mkdocs.yml."""

    notes = c.Type(str, default="docs/notes")  # folder of raw notes
    catalog = c.Type(str, default=str(PACKAGE / "catalog.yaml"))  # the topics
    render_check = Switch(default=True)  # parse every diagram and formula with Node at build time
    export = c.Type(str, default="")  # a folder: also write the site's source there for hook-free engines


@dataclass(frozen=True)
class Settings:
    notes: Path
    catalog: Path
    render_check: bool
    export: Path | None
    watched: tuple[Path, ...]  # what `mkdocs serve` rebuilds on: the data files and the pipeline's code


def load_settings(extra: dict | None, config_file: str | None) -> Settings:
    """``extra.kb`` validated; a wrong key or value raises ConfigurationError naming it."""
    raw = (extra or {}).get("kb") or {}
    if not isinstance(raw, dict):
        raise ConfigurationError(f"extra.kb must be a mapping of settings, not {type(raw).__name__}")
    config = KbConfig(config_file_path=config_file)
    config.load_dict(raw)
    errors, warnings = config.validate()
    problems = [f"extra.kb.{key}: {err}" for key, err in [*errors, *warnings]]
    if problems:
        raise ConfigurationError("; ".join(problems))
    here = Path(config_file or ".").resolve().parent
    catalog = (here / config.catalog).resolve()
    export = (here / config.export).resolve() if config.export else None
    return Settings((here / config.notes).resolve(), catalog, config.render_check, export,
                    tuple(dict.fromkeys((*package_files(), catalog))))


def package_files() -> list[Path]:
    """The pipeline's code and data files, one by one: watching the folder would also see the
    bytecode Python writes into __pycache__ while a rebuild imports the edited code."""
    return sorted(p for p in PACKAGE.rglob("*") if p.suffix in WATCHED and "__pycache__" not in p.parts)

"""extra.kb settings: defaults, environment overrides, errors naming the bad key; serve reloads edited code."""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest
from conftest import HOOKS, ROOT
from kb.config import load_settings
from mkdocs.exceptions import ConfigurationError

CONFIG_FILE = str(ROOT / "mkdocs.yml")


def test_defaults_are_the_bundled_notes_the_catalog_and_the_check():
    settings = load_settings({}, CONFIG_FILE)
    assert settings.notes == ROOT / "docs" / "notes"
    assert settings.catalog == HOOKS / "kb" / "catalog.yaml"
    assert settings.render_check is True
    watched = set(settings.watched)  # the pipeline's code and data files
    kb = HOOKS / "kb"
    assert {kb / "knowledge.py", kb / "readers" / "text.py", kb / "pipelines.yaml"} <= watched
    assert not any("__pycache__" in p.parts for p in watched)


def test_paths_are_relative_to_mkdocs_yml_and_switches_read_words():
    settings = load_settings({"kb": {"notes": "my-notes", "render_check": "off"}}, CONFIG_FILE)
    assert settings.notes == ROOT / "my-notes"
    assert settings.render_check is False
    assert load_settings({"kb": {"render_check": False}}, CONFIG_FILE).render_check is False


@pytest.mark.parametrize(("extra", "message"), [
    ({"kb": {"render_check": "sometimes"}}, "extra.kb.render_check: expected on or off, got 'sometimes'"),
    ({"kb": {"notes": 3}}, "extra.kb.notes"),
    ({"kb": {"nots": "docs/notes"}}, "extra.kb.nots"),  # a misspelt key is named, not ignored
    ({"kb": ["docs/notes"]}, "extra.kb must be a mapping"),
])
def test_a_bad_setting_stops_the_build_naming_its_key(extra, message):
    with pytest.raises(ConfigurationError, match=message.replace(".", r"\.").replace("(", r"\(")):
        load_settings(extra, CONFIG_FILE)


def load_hook():
    spec = importlib.util.spec_from_file_location("kb_hook_under_test", HOOKS / "kb_hook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_serve_rebuild_runs_edited_pipeline_code():
    """mkdocs serve runs the hook file again per rebuild: an edited kb module must be imported anew."""
    saved = {n: m for n, m in sys.modules.items() if n == "kb" or n.startswith("kb.")}
    load_hook()
    before = sys.modules["kb.slug"]
    load_hook()
    assert sys.modules["kb.slug"] is before, "nothing changed: modules are kept"
    path = Path(before.__file__)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    try:
        load_hook()
        assert sys.modules["kb.slug"] is not before, "an edited module is imported again"
    finally:
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        for name in [n for n in sys.modules if n == "kb" or n.startswith("kb.")]:
            del sys.modules[name]
        sys.modules.update(saved)  # later tests keep the modules they imported

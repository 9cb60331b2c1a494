"""extra.kb settings: defaults, environment overrides, errors naming the bad key; serve reloads edited code."""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest
from conftest import HOOKS, ROOT
from kb.config import load_settings
from mkdocs.config import load_config
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


def test_mkdocs_loads_the_hook_once_per_process():
    """The premise of reload_changed_kb: `mkdocs serve` reloads mkdocs.yml per rebuild, not the hook file."""
    first, again = load_config(CONFIG_FILE), load_config(CONFIG_FILE)
    assert first.hooks and all(first.hooks[name] is again.hooks[name] for name in first.hooks)


def test_serve_rebuild_runs_edited_pipeline_code():
    """An edited kb module is imported anew at the next build's on_config, and the hook calls the new code."""
    saved = {n: m for n, m in sys.modules.items() if n == "kb" or n.startswith("kb.")}
    hook = load_hook()
    before, module = hook.build_checked_site, sys.modules["kb.site"]
    assert not hook.reload_changed_kb(vars(hook)), "nothing changed: modules are kept"
    assert sys.modules["kb.site"] is module and hook.build_checked_site is before
    path = Path(module.__file__)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    try:
        assert hook.reload_changed_kb(vars(hook)), "an edited module is imported again"
        assert sys.modules["kb.site"] is not module
        assert hook.build_checked_site is sys.modules["kb.site"].build_checked_site
        assert hook.incremental is sys.modules["kb.incremental"]
        assert not hook.reload_changed_kb(vars(hook)), "and only once"
    finally:
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        for name in [n for n in sys.modules if n == "kb" or n.startswith("kb.")]:
            del sys.modules[name]
        sys.modules.update(saved)  # later tests keep the modules they imported

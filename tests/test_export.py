"""make export: the generated site source, which plain MkDocs (no hooks, no mermaid2) builds into the same pages."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, missing_tool, mkdocs_build
from kb.export import export_config, page_source
from mkdocs.config import load_config

NAV = [{"Home": "index.md"}, {"Topics": [{"AWS services": "services/index.md"}]}]


@pytest.fixture(scope="module")
def config_text() -> str:
    return export_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), NAV)


def test_the_exported_config_has_no_hooks_no_mermaid2_and_no_kb_settings(config_text):
    assert "hooks:" not in config_text and "kb_hook.py" not in config_text
    assert "- mermaid2" not in config_text and "KB_NOTES" not in config_text and "exclude_docs" not in config_text
    # What the pages need stays: the theme, search, the custom fences that mark diagrams.
    for kept in ("name: material", "- search:", "name: mermaid", "name: kb-diagram", "pymdownx.arithmatex"):
        assert kept in config_text, kept


def test_the_exported_config_loads_in_plain_mkdocs_with_the_navigation(config_text, tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "overrides").mkdir()  # the theme's custom_dir, exported beside it
    (tmp_path / "mkdocs.yml").write_text(config_text, encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    assert config.nav == NAV
    assert not config.hooks and "mermaid2" not in config.plugins


def test_a_page_keeps_its_front_matter():
    assert page_source({"title": "S3", "kb_topic": "s3"}, "# S3\n") == "---\nkb_topic: s3\ntitle: S3\n---\n\n# S3\n"
    assert page_source({}, "# Plain\n") == "# Plain\n"


def html_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


@pytest.mark.build
def test_plain_mkdocs_builds_the_export_strictly_into_the_same_pages(bundled_site, tmp_path):
    out = tmp_path / "export"
    result = mkdocs_build(tmp_path / "hooked-site", env_extra={"KB_EXPORT": str(out)})
    assert result.returncode == 0, result.stderr[-3000:]
    assert not (out / "docs" / "notes").exists(), "raw notes are not part of the site's source"
    sample = (out / "docs" / "sources" / "index.md").read_text(encoding="utf-8")
    assert sample.startswith("---\n") and "# Sources" in sample
    assert any("```mermaid" in p.read_text(encoding="utf-8") for p in (out / "docs" / "sources").rglob("*.md"))
    assert (out / "docs" / "data" / "cards.json").is_file() and (out / "docs" / "data" / "report.json").is_file()
    plain = tmp_path / "plain-site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "", "KB_OFFLINE": "false"}
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(plain)],
                         cwd=out, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    assert html_pages(plain) == html_pages(bundled_site)
    kds = (plain / "services" / "kinesis-data-streams" / "index.html").read_text(encoding="utf-8")
    assert 'class="kb-map kb-map-hub"' in kds and "kb-render.js" in kds  # the map is drawn at build time


def zensical() -> str:
    """Zensical as `make test` installs it (.venv-zensical), else one on PATH."""
    own = ROOT / ".venv-zensical" / "bin" / "zensical"
    path = str(own) if own.is_file() else shutil.which("zensical")
    if path is None:
        missing_tool("zensical not installed (make test installs it in .venv-zensical)")
    return path


@pytest.mark.build
def test_zensical_builds_the_export_with_the_generated_pages(tmp_path):
    tool = zensical()
    out = tmp_path / "export"
    assert mkdocs_build(tmp_path / "hooked-site", env_extra={"KB_EXPORT": str(out)}).returncode == 0
    run = subprocess.run([tool, "build"], cwd=out, capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    built = html_pages(out / "site")
    for page in ("index.html", "services/kinesis-data-streams/index.html", "practice/index.html",
                 "glossary/index.html"):
        assert page in built, page

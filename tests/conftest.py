"""Shared test fixtures: paths, the seed corpus, built sites, a headless Chromium."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / "hooks"
# KB_SEEDS points elsewhere, e.g. from a git worktree that has no ../shared beside it.
SEEDS = Path(os.environ.get("KB_SEEDS") or ROOT.parent / "shared" / "seeds")
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The bundled site is built for this address, as GitHub Pages publishes a project: under /<repo>/.
PUBLIC_URL = "https://user.github.io/repo/"
sys.path.insert(0, str(HOOKS))


# Fixtures whose tests drive a browser or build a whole site: `make check` leaves those tests out.
BROWSER_FIXTURES = frozenset({"browser", "page"})
BUILD_FIXTURES = frozenset({"bundled_site", "seed_site", "built", "instant_site", "hostile_site", "odd_title_site",
                            "offline_site"})
# Where a tool the suite needs is missing, a CI run fails instead of skipping (CI=true there).
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def pytest_collection_modifyitems(config, items) -> None:
    """Mark each test by what it runs: `browser` (headless Chromium), `build` (a real MkDocs build)."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if fixtures & BUILD_FIXTURES:
            item.add_marker(pytest.mark.build)


def missing_tool(message: str):
    """Skip where a tool is missing on a user's machine; fail in CI, where `make test` installs it."""
    if IN_CI:
        pytest.fail(f"{message} (CI must install it: see scripts/ensure-chromium.sh)", pytrace=False)
    pytest.skip(message)


def load_script(name: str):
    """A module of scripts/ (not a package), imported under its own name so its dataclasses resolve."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def seeds_dir() -> Path:
    """The raw seed notes, or a clean skip where they are absent (as on a user's machine)."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed notes not found at {SEEDS}: this test reads ../shared/seeds")
    return SEEDS


def mkdocs_build(site_dir: Path, notes: Path | None = None, strict: bool = True,
                 env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run a real `mkdocs build` of this repository into site_dir (env_extra: e.g. SITE_URL, KB_OFFLINE)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "", "KB_OFFLINE": "false", **(env_extra or {})}
    if notes is not None:
        env["KB_NOTES"] = str(notes)
    else:
        env.pop("KB_NOTES", None)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir),
           "--config-file", str(ROOT / "mkdocs.yml")]
    if strict:
        cmd.append("--strict")
    else:
        cmd.append("--no-strict")
    return subprocess.run(cmd, check=False, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("bundled-site")
    result = mkdocs_build(site, env_extra={"SITE_URL": PUBLIC_URL})  # as published: under a sub-path
    assert result.returncode == 0, result.stderr[-4000:]
    return site


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Path:
    seeds = seeds_dir()
    site = tmp_path_factory.mktemp("seed-site")
    result = mkdocs_build(site, notes=seeds)
    assert result.returncode == 0, result.stderr[-4000:]
    return site


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output clean
        pass


@pytest.fixture(scope="session")
def serve():
    """serve(site_dir) → base URL of a loopback HTTP server for that folder."""
    servers = []

    def start(directory: Path) -> str:
        handler = functools.partial(QuietHandler, directory=str(directory))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()


def chromium_path() -> str | None:
    return os.environ.get("KB_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright; never a downloaded browser."""
    path = chromium_path()
    if path is None:
        missing_tool("Chromium not found: install Debian's 'chromium' package (make test does this as root)")
    from playwright import sync_api
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=path,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors, dialogs and requests leaving the loopback."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.kb_errors = []
    pg.kb_dialogs = []
    pg.kb_foreign = []
    pg.on("pageerror", lambda e: pg.kb_errors.append(str(e)))
    pg.on("dialog", lambda d: (pg.kb_dialogs.append(d.message), d.dismiss()))
    pg.on("request", lambda r: pg.kb_foreign.append(r.url)
          if not r.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")) else None)
    yield pg
    context.close()

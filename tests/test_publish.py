"""Publishing: the Pages workflow, a site that works under a sub-path, search, home page, 404, meta tags.

The bundled site is built for https://user.github.io/repo/ (conftest.PUBLIC_URL), as GitHub Pages
publishes a project. Here it is copied under /repo/ of a loopback server that, like Pages, answers
a missing address with the site's 404 page.
"""
from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import unquote, urldefrag, urljoin, urlsplit
from urllib.request import Request, urlopen

import pytest
import yaml
from conftest import PUBLIC_URL, ROOT, mkdocs_build
from kb.assets import relative
from kb.home import Figures, home_page

WORKFLOWS = ROOT / ".github" / "workflows"
PAGES_WORKFLOW = WORKFLOWS / "pages.yml"
SUBPATH = urlsplit(PUBLIC_URL).path  # "/repo/"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40}$")  # owner/action@<full commit SHA>
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# Tags whose address the browser fetches as part of the page (a link elsewhere is only a link).
FETCHED = {("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"),
           ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data")}
NOT_FETCHED_LINKS = {"canonical", "prev", "next", "alternate"}  # <link rel=…> that only name a page


# --------------------------------------------------------------------------- the workflow

def check_jsonschema(path: Path) -> subprocess.CompletedProcess:
    """Validate a workflow with check-jsonschema's bundled GitHub workflow schema (no network)."""
    cmd = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)]
    return subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=120)


def load_workflow(path: Path = PAGES_WORKFLOW) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def all_steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.y*ml")), ids=lambda p: p.name)
def test_workflow_passes_the_offline_schema_linter(path):
    result = check_jsonschema(path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_linter_rejects_a_broken_workflow(tmp_path):
    broken = PAGES_WORKFLOW.read_text(encoding="utf-8").replace("runs-on:", "run-on:", 1)
    (tmp_path / "broken.yml").write_text(broken, encoding="utf-8")
    assert check_jsonschema(tmp_path / "broken.yml").returncode != 0


def test_workflow_tests_builds_and_deploys_main_with_pinned_actions():
    workflow = load_workflow()
    assert workflow["on"]["push"]["branches"] == ["main"]
    steps = all_steps(workflow)
    uses = [s["uses"] for s in steps if "uses" in s]
    assert all(PINNED.match(u) for u in uses), [u for u in uses if not PINNED.match(u)]
    names = {u.split("@")[0] for u in uses}
    assert {"actions/checkout", "actions/setup-python", "actions/setup-node", "actions/configure-pages",
            "actions/upload-pages-artifact", "actions/deploy-pages"} <= names
    runs = [s.get("run", "").strip() for s in steps]
    assert runs.index("make test") < runs.index("make build")
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    mkdocs = yaml.safe_load(re.sub(r"!!?[\w:./]+", "", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")))
    assert upload["with"]["path"] == mkdocs["site_dir"]
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"


def test_a_fork_publishes_without_editing_any_file():
    """The site and repository addresses come from the repository the workflow runs in."""
    text = PAGES_WORKFLOW.read_text(encoding="utf-8")
    assert "github.io" not in text
    build = next(s for s in all_steps(load_workflow()) if s.get("run", "").strip() == "make build")
    assert "steps.pages.outputs.base_url" in build["env"]["SITE_URL"]
    assert "github.repository" in build["env"]["REPO_URL"]
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^site_url: !ENV \[SITE_URL,", mkdocs, re.MULTILINE)
    assert re.search(r"^repo_url: !ENV \[REPO_URL,", mkdocs, re.MULTILINE)


def test_readme_gives_both_ways_to_publish():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert ".github/workflows/pages.yml" in readme
    assert "GitHub Actions" in readme
    assert "mkdocs gh-deploy" in readme


# --------------------------------------------------------------------------- a Pages-like host

class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder; a missing address below the site answers 404 with the site's 404 page."""

    def log_message(self, *args) -> None:
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / SUBPATH.strip("/") / "404.html"
        if code != 404 or not self.path.startswith(SUBPATH) or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


@pytest.fixture(scope="module")
def host(bundled_site, tmp_path_factory):
    """(base URL of the site under /repo/, the served copy of the site)."""
    root = tmp_path_factory.mktemp("pages-host")
    site = root / SUBPATH.strip("/")
    shutil.copytree(bundled_site, site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(PagesHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}", site
    server.shutdown()


def fetch(url: str, method: str = "GET") -> tuple[int, bytes]:
    try:
        with urlopen(Request(url, method=method), timeout=30) as response:
            return response.status, response.read()
    except HTTPError as error:
        return error.code, error.read()


# --------------------------------------------------------------------------- the crawl

class PageParser(HTMLParser):
    """Every address a page refers to, its element ids, and its meta tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str, str, str]] = []  # (tag, attribute, rel, value)
        self.ids: set[str] = set()
        self.meta: list[dict[str, str]] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        if tag == "meta":
            self.meta.append(a)
        if tag == "title":
            self._in_title = True
        for attr in ("href", "src", "data"):
            if a.get(attr) and (tag == "a" and attr == "href" or (tag, attr) in FETCHED):
                self.refs.append((tag, attr, a.get("rel", ""), a[attr]))

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def parse_page(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    parser.close()
    return parser


def page_urls(site: Path, base: str) -> list[str]:
    """The address of every HTML page of the site, as a reader reaches it (directory URLs)."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel == "404.html" or rel.startswith("assets/"):
            continue
        urls.append(base + (rel.removesuffix("index.html")))
    return urls


@dataclass
class Crawl:
    base: str
    pages: int = 0
    refs: int = 0
    checked: dict[str, int] = field(default_factory=dict)  # URL without fragment → status
    parsed: dict[str, PageParser] = field(default_factory=dict)  # page URL → what it holds
    broken: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    fragments: list[tuple[str, str]] = field(default_factory=list)  # (from page, target URL with #)

    def local(self, url: str) -> str:
        """A public address of the site (canonical link, sitemap entry) mapped onto the local copy."""
        return self.base + url[len(PUBLIC_URL):] if url.startswith(PUBLIC_URL) else url

    def status(self, url: str) -> int:
        if url not in self.checked:
            self.checked[url] = fetch(url, "HEAD")[0]
        return self.checked[url]

    def check_page(self, url: str, html: str) -> PageParser:
        parsed = parse_page(html)
        self.pages += 1
        self.parsed[url] = parsed
        for tag, attr, rel, value in parsed.refs:
            self.refs += 1
            if value.startswith(("mailto:", "data:", "#")):
                if value.startswith("#") and len(value) > 1:
                    self.fragments.append((url, url + value))
                continue
            target = self.local(urljoin(url, value))
            fetched = (tag, attr) in FETCHED and not (tag == "link" and set(rel.split()) <= NOT_FETCHED_LINKS)
            if urlsplit(target).scheme not in ("http", "https"):
                self.broken.append(f"{url}: <{tag} {attr}={value!r}> has scheme {urlsplit(target).scheme!r}")
            elif not target.startswith(self.base.split(SUBPATH)[0]):
                if fetched:
                    self.outside.append(f"{url}: <{tag} {attr}={value!r}> loads from another site")
            elif not target.startswith(self.base):
                self.outside.append(f"{url}: <{tag} {attr}={value!r}> leaves the site's sub-path")
            else:
                bare, fragment = urldefrag(target)
                code = self.status(bare)
                if code != 200:
                    self.broken.append(f"{url}: <{tag} {attr}={value!r}> → {code}")
                elif fragment:
                    self.fragments.append((url, target))
        return parsed


@pytest.fixture(scope="module")
def crawl(host) -> Crawl:
    base, site = host
    result = Crawl(base)
    for url in page_urls(site, base):
        code, body = fetch(url)
        assert code == 200, url
        result.check_page(url, body.decode("utf-8"))
    code, body = fetch(base + "a/missing/page/")  # the 404 page, reached at depth as Pages serves it
    assert code == 404 and b"Page not found" in body
    result.check_page(base + "a/missing/page/", body.decode("utf-8"))
    return result


def test_every_page_link_script_stylesheet_and_image_resolves_under_the_sub_path(crawl, host):
    base, site = host
    assert crawl.pages == len(page_urls(site, base)) + 1
    assert crawl.pages > 20 and crawl.refs > 1000
    assert crawl.broken == [], crawl.broken[:20]
    assert crawl.outside == [], crawl.outside[:20]
    print(f"\nsub-path crawl: {crawl.pages} pages, {crawl.refs} references, {len(crawl.checked)} distinct "
          f"addresses checked, {len(crawl.fragments)} #fragments")


def test_every_link_to_a_heading_finds_its_anchor(crawl):
    missing = []
    for page, target in crawl.fragments:
        bare, fragment = urldefrag(target)
        if bare not in crawl.parsed:
            continue  # not an HTML page of the site (a data file, a download)
        if unquote(fragment) not in crawl.parsed[bare].ids:
            missing.append(f"{page} → {target}")
    targets = sorted({m.split(" → ")[1] for m in missing})
    assert missing == [], f"{len(missing)} links to {len(targets)} missing anchors: {targets[:10]}"


def test_sitemap_lists_every_page_at_its_public_address(crawl, host):
    base, site = host
    code, body = fetch(base + "sitemap.xml")
    assert code == 200
    locs = [el.text for el in ET.fromstring(body).findall("s:url/s:loc", SITEMAP_NS)]
    assert locs and all(loc.startswith(PUBLIC_URL) for loc in locs), locs[:5]
    assert {crawl.local(loc) for loc in locs} == set(page_urls(site, base))
    assert all(crawl.status(crawl.local(loc)) == 200 for loc in locs)
    assert fetch(base + "sitemap.xml.gz", "HEAD")[0] == 200


def test_every_data_file_is_served_and_parses(host):
    base, site = host
    files = sorted((site / "data").iterdir())
    assert {"report.json", "topics.json"} <= {f.name for f in files}
    for path in files:
        code, body = fetch(base + "data/" + path.name)
        assert code == 200, path.name
        if path.suffix == ".json":
            json.loads(body)


# --------------------------------------------------------------------------- meta tags and titles

def meta_of(parsed: PageParser, key: str) -> list[str]:
    return [m.get("content", "") for m in parsed.meta if m.get("name") == key or m.get("property") == key]


def test_every_page_has_a_title_description_and_link_preview(crawl, host):
    base, site = host
    for url in page_urls(site, base):
        parsed = crawl.parsed[url]
        assert parsed.title.strip(), url
        for key in ("description", "og:title", "og:description", "og:site_name", "twitter:card"):
            values = meta_of(parsed, key)
            assert len(values) == 1 and values[0].strip(), (url, key, values)
        assert meta_of(parsed, "og:url") == [PUBLIC_URL + url[len(base):]], url


def test_home_page_title_is_the_site_name(crawl, host):
    base, _ = host
    parsed = crawl.parsed[base]
    assert parsed.title.strip() == "AWS ML Exam Knowledge Base"
    assert meta_of(parsed, "og:title") == ["AWS ML Exam Knowledge Base"]
    assert re.search(r"\d+ topics, [\d,]+ facts and [\d,]+ cards", meta_of(parsed, "description")[0])


@pytest.fixture(scope="module")
def odd_title_site(tmp_path_factory) -> Path:
    """A small build of a note whose title has quotes, an ampersand and an apostrophe."""
    notes = tmp_path_factory.mktemp("odd-notes")
    (notes / "odd.md").write_text(
        '# Say "hi" & don\'t\n\nAmazon Kinesis Data Streams takes up to 1 MB/s of writes per shard.\n',
        encoding="utf-8")
    site = tmp_path_factory.mktemp("odd-site")
    result = mkdocs_build(site, notes=notes)
    assert result.returncode == 0, result.stderr[-4000:]
    return site


def test_titles_from_notes_are_escaped_in_meta_tags(odd_title_site):
    html = (odd_title_site / "sources" / "odd" / "index.html").read_text(encoding="utf-8")
    head = html[: html.index("</head>")]
    parsed = parse_page(head)
    assert parsed.title == 'Say "hi" & don\'t - AWS ML Exam Knowledge Base'
    assert meta_of(parsed, "og:title") == meta_of(parsed, "twitter:title") == ['Say "hi" & don\'t']
    assert 'content="Say &#34;hi&#34; &amp; don&#39;t"' in head
    assert all(set(m) <= {"name", "property", "content", "charset"} for m in parsed.meta), parsed.meta


# --------------------------------------------------------------------------- home page

def test_home_page_counts_come_from_the_build(host):
    base, site = host
    text = re.sub(r"<[^>]+>", "", fetch(base)[1].decode("utf-8"))
    topics = json.loads((site / "data" / "topics.json").read_text(encoding="utf-8"))
    found = re.search(r"This build holds ([\d,]+) topics, ([\d,]+) facts and ([\d,]+) cards from ([\d,]+) notes", text)
    assert found, "home page figures missing"
    n_topics, n_facts, n_cards, n_notes = (int(x.replace(",", "")) for x in found.groups())
    assert n_topics == len(topics)
    report = json.loads((site / "data" / "report.json").read_text(encoding="utf-8"))
    assert n_notes == len(report["notes"])
    assert n_facts >= n_topics
    cards = site / "data" / "cards.json"  # the bundled notes always make a practice deck
    assert n_cards == len(json.loads(cards.read_text(encoding="utf-8"))["cards"])


def test_home_page_links_into_every_section_and_says_how_to_use_the_site(crawl, host):
    base, site = host
    parsed = crawl.parsed[base]
    links = {urljoin(base, v) for tag, _, _, v in parsed.refs if tag == "a"}
    for section in ("services", "algorithms", "security", "mlops", "concepts"):  # the bundled notes fill each
        assert (site / section / "index.html").is_file(), section
        assert base + section + "/" in links, section
    for page in ("glossary/", "sources/", "report/", "practice/", "cheatsheets/"):
        assert (site / page / "index.html").is_file(), page
        assert base + page in links, page
    text = fetch(base)[1].decode("utf-8")
    for verb in ("Read", "Search", "Practise", "Print"):
        assert f"<strong>{verb}</strong>" in text, verb


def test_home_page_links_only_to_pages_that_exist():
    figures = Figures(notes=2, topics=3, facts=10, cards=1)
    bare = home_page(figures, {"services": 3}, {"services/index.md", "glossary.md", "sources/index.md", "report.md"})
    assert "3 topics, 10 facts and 1 card from 2 notes" in bare
    assert "(services/index.md)" in bare and "(algorithms/index.md)" not in bare
    assert "practice.md" not in bare and "cheatsheets/" not in bare and "formulas.md" not in bare
    full = home_page(figures, {"services": 3}, {"services/index.md", "glossary.md", "sources/index.md",
                                                 "report.md", "practice.md", "cheatsheets/index.md", "formulas.md"})
    assert "[**Practise**](practice.md)" in full and "[**Print**](cheatsheets/index.md)" in full
    assert "(formulas.md)" in full


def test_home_page_is_generated_not_hand_written():
    assert not (ROOT / "docs" / "index.md").exists()


# --------------------------------------------------------------------------- in the browser

def watch(page) -> dict[str, list[str]]:
    """Record failed requests and error responses of a page (kb_foreign comes from conftest)."""
    seen: dict[str, list[str]] = {"failed": [], "errors": []}
    # ERR_ABORTED: the next navigation cancelled a request still under way (the favicon, say).
    page.on("requestfailed", lambda r: seen["failed"].append(f"{r.url} {r.failure}")
            if "ERR_ABORTED" not in (r.failure or "") else None)
    page.on("response", lambda r: seen["errors"].append(f"{r.status} {r.url}") if r.status >= 400 else None)
    return seen


def browser_pages(site: Path) -> list[str]:
    """A page of each kind: home, a section, a topic, a note, practice, a cheatsheet, glossary."""
    topics = json.loads((site / "data" / "topics.json").read_text(encoding="utf-8"))
    report = json.loads((site / "data" / "report.json").read_text(encoding="utf-8"))
    paths = ["", "services/", topics[0]["url"], report["notes"][0]["page"], "glossary/"]
    paths += ["practice/", "cheatsheets/"]
    return paths


def test_pages_load_under_the_sub_path_with_no_failed_or_foreign_request(host, page):
    base, site = host
    seen = watch(page)
    for path in browser_pages(site):
        page.goto(base + path, wait_until="networkidle")
        assert page.locator(".md-header").count() == 1, path
    assert seen["failed"] == [], seen["failed"]
    assert seen["errors"] == [], seen["errors"]
    assert page.kb_foreign == [], page.kb_foreign
    assert page.kb_errors == [], page.kb_errors


def test_404_page_at_depth_is_styled_and_opens_search_with_the_missing_words(host, page):
    base, _ = host
    seen = watch(page)
    response = page.goto(base + "algorithms/random-cut-forest-old/", wait_until="networkidle")
    assert response.status == 404
    assert page.locator(".md-content h1").first.inner_text() == "Page not found"  # search results hold h1s too
    assert page.locator("link[rel=stylesheet]").count() >= 1
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    assert page.locator("#__search").is_checked()
    assert page.locator(".md-search__input").input_value() == "random cut forest old"
    assert page.locator(".md-search-result__item a").first.get_attribute("href").startswith(
        base + "algorithms/random-cut-forest/")
    assert seen["failed"] == [], seen["failed"]
    assert [e for e in seen["errors"] if "random-cut-forest-old" not in e] == []
    assert page.kb_foreign == [] and page.kb_errors == []


# Representative queries and the page the first result must be: an acronym, an algorithm's
# acronym, two former names, a hyperparameter and a short name that is part of longer names.
QUERIES = [
    ("KDS", "services/kinesis-data-streams/"),
    ("RCF", "algorithms/random-cut-forest/"),
    ("Kinesis Data Firehose", "services/amazon-data-firehose/"),
    ("Kinesis Data Analytics", "services/managed-service-for-apache-flink/"),
    ("num_samples_per_tree", "algorithms/random-cut-forest/"),
    ("KPL", "services/kinesis-producer-library/"),  # a library with its own page, not an alias of KDS
]


def search(page, query: str) -> list[dict]:
    """Type a query in the real search box; the result groups, best first: page URL, title, text."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill("")
    # The whole query at once, then a key release for Material to read it: typed letter by letter,
    # the result list could still show a partial query's results ("Kinesis Data Analy" finds
    # IAM Access Analyzer) when the check below runs.
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        """q => document.querySelector('.md-search__input').value === q
              && /matching/.test(document.querySelector('.md-search-result__meta').textContent)""",
        arg=query, timeout=30000)
    return page.eval_on_selector_all(
        ".md-search-result__item",
        """items => items.map(li => {
             const a = li.querySelector('a.md-search-result__link');
             return {url: a.href.split('?')[0], title: (a.querySelector('h1, h2') || a).textContent.trim(),
                     text: li.textContent.replace(/\\s+/g, ' ')};
           })""")


@pytest.fixture
def search_page(host, page):
    base, _ = host
    page.goto(base, wait_until="networkidle")
    return page, base


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_search_finds_the_topic_first(search_page, query, expected):
    page, base = search_page
    results = search(page, query)
    assert results, f"no result for {query!r}"
    print(f"\n{query!r} → {[r['url'][len(base):] for r in results[:3]]}")
    assert results[0]["url"] == base + expected, [r["url"] for r in results[:3]]


def test_search_for_a_number_finds_the_fact(search_page):
    page, base = search_page
    results = search(page, "1 MB/s")
    print(f"\n'1 MB/s' → {[(r['url'][len(base):], r['title']) for r in results[:3]]}")
    first = results[0]["text"]
    assert "1 MB/s" in first and "shard" in first.lower(), first[:300]


# --------------------------------------------------------------------------- offline copy

@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    """A small KB_OFFLINE=true build, as opened from disk or a zip."""
    notes = tmp_path_factory.mktemp("offline-notes")
    (notes / "kinesis.md").write_text(
        "# Streaming notes\n\n- Amazon Kinesis Data Streams (KDS) takes up to 1 MB/s of writes per shard.\n"
        "- Random Cut Forest (RCF) scores anomalies; num_samples_per_tree sets the sample per tree.\n\n"
        "## Shards\n\nShards needed for the writes of Amazon Kinesis Data Streams:\n\n"
        "$$\nn = \\lceil \\frac{w}{1\\,\\text{MB/s}} \\rceil\n$$\n",
        encoding="utf-8")
    site = tmp_path_factory.mktemp("offline-site")
    result = mkdocs_build(site, notes=notes, env_extra={"KB_OFFLINE": "true"})
    assert result.returncode == 0, result.stderr[-4000:]
    return site


def test_offline_build_inlines_the_search_index_and_its_worker_shim(offline_site):
    assert (offline_site / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index =")
    assert (offline_site / "services" / "kinesis-data-streams.html").is_file()
    home = (offline_site / "index.html").read_text(encoding="utf-8")
    assert 'src="assets/vendor/iframe-worker/shim.js"' in home
    assert "unpkg.com" not in home


def test_offline_build_links_resolve_on_disk(offline_site):
    """Every page, script, stylesheet and image a page of the offline build names is a file beside it."""
    missing, refs = [], 0
    for path in offline_site.rglob("*.html"):
        if path.name == "404.html" or "assets" in path.relative_to(offline_site).parts:
            continue  # the 404 page is only for a web host
        for tag, attr, _, value in parse_page(path.read_text(encoding="utf-8")).refs:
            if value.startswith(("http:", "https:", "mailto:", "data:", "#")):
                continue
            refs += 1
            target = Path(unquote(urlsplit(urljoin(path.as_uri(), value)).path))
            if not (target / "index.html" if target.is_dir() else target).is_file():
                missing.append(f"{path.relative_to(offline_site)}: <{tag} {attr}={value!r}>")
    assert refs > 100 and missing == [], missing[:10]
    assert "katex.min.js" in (offline_site / "sources" / "kinesis.html").read_text(encoding="utf-8")


def test_maths_assets_are_linked_relative_to_either_kind_of_page_url():
    assert relative("assets/a.js", "") == "assets/a.js"
    assert relative("assets/a.js", "services/kds/") == "../../assets/a.js"
    assert relative("assets/a.js", "formulas.html") == "assets/a.js"  # offline build: no directory URLs
    assert relative("assets/a.js", "services/kds.html") == "../assets/a.js"


def test_offline_build_searches_from_disk(offline_site, page):
    failed = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto((offline_site / "index.html").as_uri(), wait_until="load")
    results = search(page, "KDS")
    assert results and results[0]["url"] == (offline_site / "services" / "kinesis-data-streams.html").as_uri()
    page.locator(".md-search-result__item a.md-search-result__link").first.click()
    page.wait_for_load_state("load")
    assert page.locator("h1").first.inner_text().startswith("Amazon Kinesis Data Streams")
    foreign = [u for u in page.kb_foreign if not u.startswith("file:")]
    assert foreign == [] and page.kb_errors == []
    assert [u for u in failed if not u.endswith(".json")] == []  # data/*.json fetches cannot work from file://

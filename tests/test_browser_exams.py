"""The exam status banner, the blueprint page and the topic status badge, in headless Chromium."""
from __future__ import annotations

import pytest

DOMAINS = {
    "MLA-C01": ("Data Preparation for Machine Learning", "ML Model Development",
                "Deployment and Orchestration of ML Workflows", "ML Solution Monitoring, Maintenance, and Security"),
    "MLS-C01": ("Data Engineering", "Exploratory Data Analysis", "Modeling",
                "Machine Learning Implementation and Operations"),
}


@pytest.fixture(scope="module")
def base(bundled_site, serve) -> str:
    return serve(bundled_site)


def banner(page):
    return page.locator("[data-md-component=announce] .kb-announce")


def test_the_banner_says_the_exam_status_on_a_topic_page_and_prints_nothing(page, base):
    page.goto(base + "services/amazon-s3/", wait_until="networkidle")
    bar = banner(page)
    assert bar.is_visible()
    assert "MLS-C01 retired on 31 March 2026" in bar.inner_text()
    hrefs = bar.locator("a").evaluate_all("els => els.map(a => a.href)")
    assert "https://aws.amazon.com/certification/certified-machine-learning-engineer-associate/" in hrefs
    assert all(h.startswith("https://aws.amazon.com/certification/") for h in hrefs)  # the same HTML on every page
    page.emulate_media(media="print")
    assert not bar.is_visible()
    assert page.kb_errors == [] and page.kb_foreign == []


def test_the_banner_can_be_dismissed_and_stays_dismissed(page, base):
    page.goto(base + "glossary/", wait_until="networkidle")
    page.locator(".md-banner__button").click()
    assert not banner(page).is_visible()
    page.goto(base + "services/amazon-s3/", wait_until="networkidle")
    assert not banner(page).is_visible()


def test_the_blueprint_page_lists_every_domain_of_both_exams_the_current_first(page, base):
    page.goto(base + "blueprint/", wait_until="networkidle")
    headings = page.locator("article h2").all_inner_texts()
    assert headings[0].startswith("MLA-C01") and headings[1].startswith("MLS-C01")
    domains = " ".join(page.locator("article h3").all_inner_texts())
    for code, names in DOMAINS.items():
        for name in names:
            assert name in domains, (code, name)
    assert page.locator("article table").count() >= 10  # a summary and a task table per domain, per exam
    assert page.kb_errors == []


def test_a_topic_page_shows_its_status_badge_at_the_top(page, base):
    page.goto(base + "services/amazon-fraud-detector/", wait_until="networkidle")
    badge = page.locator("article .kb-lifecycle")
    assert badge.is_visible() and "Closed to new customers" in badge.inner_text()
    box, title = badge.bounding_box(), page.locator("article h1").bounding_box()
    assert 0 < box["y"] - title["y"] < 150  # right under the title

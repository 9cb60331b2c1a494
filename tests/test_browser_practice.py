"""The practice widgets in headless Chromium: flashcards with spaced repetition, quizzes,
progress kept, exported, imported and reset; keyboard; phone width; hostile card text."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import mkdocs_build

STORE = "kb-practice-progress"
HOSTILE_FRONT = "<img src=x onerror=alert(1)></script><script>alert(2)</script>"
HOSTILE_BACK = "<b onmouseover=alert(3)>AWS CloudTrail</b> & <svg/onload=alert(4)>"


def open_practice(page, base: str, query: str = ""):
    page.goto(base + "practice/" + query, wait_until="networkidle")
    page.wait_for_selector(".kb-practice[data-kb-ready]")


def stored(page) -> dict:
    raw = page.evaluate(f"localStorage.getItem({STORE!r})")
    return json.loads(raw)["cards"] if raw else {}


def deck(site: Path) -> list[dict]:
    return json.loads((site / "data" / "cards.json").read_text(encoding="utf-8"))["cards"]


def front_text(page) -> str:
    return page.locator(".kb-p-front .kb-p-text").inner_text()


def progress_row(page, section: str = "*") -> dict[str, int]:
    cells = page.locator(f'.kb-p-progress tr[data-section="{section}"] td').all_inner_texts()
    return dict(zip(("new", "learning", "mastered", "due", "total"), map(int, cells), strict=True))


def no_trouble(page) -> None:
    assert page.kb_errors == [], page.kb_errors
    assert page.kb_dialogs == [], page.kb_dialogs
    assert page.kb_foreign == [], page.kb_foreign


@pytest.fixture(scope="module")
def base(bundled_site, serve) -> str:
    return serve(bundled_site)


def test_practice_page_links_the_card_files(bundled_site, page, base):
    open_practice(page, base)
    # (resolved: with instant navigation on, Material makes every link on the page absolute)
    hrefs = page.eval_on_selector_all(".md-content a", "els => els.map(a => a.href)")
    assert base + "data/cards.json" in hrefs and base + "data/cards.tsv" in hrefs
    for name in ("cards.json", "cards.tsv"):
        assert page.request.get(base + "data/" + name).ok
    no_trouble(page)


def test_flip_grade_reload_keeps_progress(bundled_site, page, base):
    open_practice(page, base)
    first = front_text(page)
    assert page.locator(".kb-p-back").is_hidden()
    page.get_by_role("button", name="Show answer").click()
    assert page.locator(".kb-p-back").is_visible()
    page.get_by_role("button", name="Good").click()
    assert front_text(page) != first
    saved = stored(page)
    assert len(saved) == 1
    (state,) = saved.values()
    assert (state["n"], state["i"], state["r"]) == (1, 1, 1)
    page.reload(wait_until="networkidle")
    page.wait_for_selector(".kb-practice[data-kb-ready]")
    assert stored(page) == saved
    assert "1 learning" in page.locator(".kb-p-summary").inner_text()
    assert front_text(page) != first  # graded and not due: it no longer comes first
    page.get_by_role("button", name="Progress").click()
    assert progress_row(page)["learning"] == 1
    no_trouble(page)


def test_progress_is_shared_with_the_topic_pages(bundled_site, page, base):
    card = next(c for c in deck(bundled_site)
                if c["topic"] and (bundled_site / c["section"] / c["topic"] / "index.html").is_file())
    open_practice(page, base, f"?topic={card['topic']}")
    page.get_by_role("button", name="Show answer").click()
    page.get_by_role("button", name="Easy").click()
    page.goto(f"{base}{card['section']}/{card['topic']}/", wait_until="networkidle")
    block = page.locator(".kb-practice--topic[data-kb-ready]")
    block.wait_for()
    assert "1 learning" in block.locator(".kb-p-summary").inner_text()
    block.get_by_role("button", name="Show answer").click()
    block.get_by_role("button", name="Good").click()
    assert len(stored(page)) == 2
    no_trouble(page)


def answer_of(cards: list[dict], front: str, options: list[str]) -> int:
    match = [c for c in cards if c["front"] == front and c.get("options") == options]
    assert match, front
    return match[0]["answer"]


def test_quiz_gives_feedback_and_a_final_score(bundled_site, page, base):
    cards = deck(bundled_site)
    open_practice(page, base)
    page.get_by_role("button", name="Quiz").click()
    page.get_by_label("Questions per quiz").select_option("5")
    for n in range(5):
        front = page.locator(".kb-p-question").inner_text()
        options = page.locator(".kb-p-choice span").all_inner_texts()
        right = answer_of(cards, front, options)
        pick = (right + 1) % len(options) if n == 0 else right  # first wrong, then right
        page.locator(".kb-p-choice").nth(pick).click()
        feedback = page.locator(".kb-p-feedback").inner_text()
        if n == 0:
            assert feedback.startswith("Not quite") and options[right] in feedback
            assert page.locator(".kb-p-choice--wrong").count() == 1
        else:
            assert feedback == "Correct."
        assert page.locator(".kb-p-choice--right").count() == 1
        assert page.locator(".kb-p-choice:disabled").count() == len(options)
        page.locator(".kb-p-actions .kb-p-next").click()
    assert page.locator(".kb-p-score").inner_text() == "You scored 4 of 5 (80%)."
    page.get_by_role("button", name="New quiz").click()
    assert page.locator(".kb-p-question").count() == 1
    no_trouble(page)


def test_review_due_shows_only_due_cards(bundled_site, page, base):
    cards = deck(bundled_site)
    open_practice(page, base)
    page.get_by_role("button", name="Review due").click()
    assert "Nothing is due today" in page.locator(".kb-p-panel").inner_text()
    today = page.evaluate("KBSrs.today()")
    due = {"n": 2, "ef": 2.5, "i": 6, "due": today - 1, "r": 2, "l": 0, "t": today - 7}
    later = {**due, "due": today + 5}
    progress = {"version": 1, "cards": {cards[0]["id"]: due, cards[1]["id"]: later}}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE, json.dumps(progress)])
    page.reload(wait_until="networkidle")
    page.wait_for_selector(".kb-practice[data-kb-ready]")
    page.get_by_role("button", name="Review due").click()
    assert page.locator(".kb-p-meta span").first.inner_text() == "Card 1 of 1"
    assert front_text(page) == cards[0]["front"]
    page.keyboard.press("Space")
    page.keyboard.press("3")
    assert stored(page)[cards[0]["id"]]["i"] == 15  # SM-2: 6 days × EF 2.5
    assert "Session finished" in page.locator(".kb-p-panel").inner_text()
    no_trouble(page)


def test_export_reset_import_restores_progress(bundled_site, page, base, tmp_path):
    open_practice(page, base)
    for grade in ("Good", "Hard"):
        page.get_by_role("button", name="Show answer").click()
        page.get_by_role("button", name=grade).click()
    before = stored(page)
    assert len(before) == 2
    page.get_by_role("button", name="Progress").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Export progress").click()
    exported = tmp_path / "progress.json"
    info.value.save_as(exported)
    assert json.loads(exported.read_text())["cards"] == before
    page.get_by_role("button", name="Reset progress…").click()
    page.get_by_role("button", name="Yes, reset").click()
    assert stored(page) == {}
    assert progress_row(page)["learning"] == 0
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}')
    page.get_by_label("Import progress…").set_input_files(bad)
    page.wait_for_selector(".kb-p-message--warn")
    assert "nothing was changed" in page.locator(".kb-p-message").inner_text()
    page.get_by_label("Import progress…").set_input_files(exported)
    page.wait_for_function("document.querySelector('.kb-p-message').textContent.startsWith('Imported')")
    assert stored(page) == before
    assert progress_row(page)["learning"] == 2
    page.reload(wait_until="networkidle")
    page.wait_for_selector(".kb-practice[data-kb-ready]")
    assert stored(page) == before
    no_trouble(page)


@pytest.mark.parametrize("value, why", [
    ("{not json", "damaged"),
    (json.dumps({"version": 1, "cards": {"abcdef123456": {"n": "many"}}}), "damaged"),
    (json.dumps({"version": 0, "cards": {}}), "different version"),
])
def test_corrupted_or_outdated_progress_resets_with_a_message(bundled_site, page, base, value, why):
    open_practice(page, base)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORE, value])
    page.reload(wait_until="networkidle")
    page.wait_for_selector(".kb-practice[data-kb-ready]")
    message = page.locator(".kb-p-message")
    assert message.is_visible()
    assert why in message.inner_text() and "reset" in message.inner_text()
    page.get_by_role("button", name="Show answer").click()
    page.get_by_role("button", name="Good").click()
    assert len(stored(page)) == 1  # the widget works and saves again
    no_trouble(page)


def test_keyboard_space_shows_digits_grade_arrows_move(bundled_site, page, base):
    open_practice(page, base)
    first = front_text(page)
    page.evaluate("document.activeElement && document.activeElement.blur()")  # the page, not a control, has focus
    page.keyboard.press("Space")
    assert page.locator(".kb-p-back").is_visible()
    page.keyboard.press("4")
    assert len(stored(page)) == 1
    assert next(iter(stored(page).values()))["ef"] == 2.6  # Easy
    second = front_text(page)
    assert second != first and page.locator(".kb-p-back").is_hidden()
    page.keyboard.press("1")  # no grade before the answer is shown
    assert len(stored(page)) == 1
    page.keyboard.press("ArrowRight")
    assert front_text(page) not in (first, second)
    page.keyboard.press("ArrowLeft")
    assert front_text(page) == second
    page.get_by_role("button", name="Quiz").click()
    page.keyboard.press("2")
    assert page.locator(".kb-p-feedback").count() == 1
    page.keyboard.press("Enter")
    assert page.locator(".kb-p-meta span").first.inner_text().startswith("Question 2")
    no_trouble(page)


def test_every_control_has_a_name(bundled_site, page, base):
    open_practice(page, base)
    unnamed_js = """root => [...root.querySelectorAll('button, input, select, a')].filter(e => {
        const label = e.id && document.querySelector(`label[for="${e.id}"]`);
        const name = (e.getAttribute('aria-label') || e.textContent || (label && label.textContent) || '').trim();
        return !name;
    }).map(e => e.outerHTML)"""
    for mode in ("Flashcards", "Quiz", "Review due", "Progress"):
        page.get_by_role("button", name=mode, exact=True).click()
        if mode == "Flashcards":
            page.get_by_role("button", name="Show answer").click()
        assert page.eval_on_selector(".kb-practice", unnamed_js) == [], mode
    assert page.locator(".kb-p-mode[aria-pressed=true]").count() == 1
    no_trouble(page)


def test_phone_width_has_no_sideways_scroll(bundled_site, browser, base):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        open_practice(page, base)
        for mode in ("Flashcards", "Quiz", "Progress"):
            page.get_by_role("button", name=mode, exact=True).click()
            if mode == "Flashcards":
                page.get_by_role("button", name="Show answer").click()
            if mode == "Quiz":
                page.locator(".kb-p-choice").first.click()
            wide = page.evaluate("""() => [...document.querySelectorAll('.kb-practice *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .map(e => e.className)""")
            assert wide == [], (mode, wide)
            assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile-cards")
    notes = root / "notes"
    notes.mkdir()
    (notes / "deck.tsv").write_text(
        f"{HOSTILE_FRONT}\t{HOSTILE_BACK}\n"
        "Which service records every API call in an AWS account?\tAWS CloudTrail\n",
        encoding="utf-8",
    )
    site = root / "site"
    result = mkdocs_build(site, notes=notes, strict=False)  # the hostile note is (rightly) warned about
    assert result.returncode == 0, result.stderr[-3000:]
    assert "deck.tsv:1" in result.stderr
    return site


def test_hostile_card_text_shows_as_text_and_runs_nothing(hostile_site, page, serve):
    cards = deck(hostile_site)
    assert any(c["front"] == HOSTILE_FRONT for c in cards)
    # Card text is never inlined in the widgets' HTML: it arrives as data and is set as text.
    assert "onerror" not in (hostile_site / "practice" / "index.html").read_text(encoding="utf-8")
    topic = (hostile_site / "security" / "aws-cloudtrail" / "index.html").read_text(encoding="utf-8")
    block = topic[topic.index('id="test-yourself"'):]
    assert 'data-kb-practice="topic"' in block and "onerror" not in block
    base = serve(hostile_site)
    open_practice(page, base)
    texts = []
    for _ in range(len(cards)):
        page.get_by_role("button", name="Show answer").click()
        texts.append((front_text(page), page.locator(".kb-p-back .kb-p-text").inner_text()))
        page.get_by_role("button", name="Next card").click()
    assert (HOSTILE_FRONT, HOSTILE_BACK) in texts
    assert page.locator(".kb-practice img, .kb-practice script, .kb-practice svg, .kb-practice b").count() == 0
    page.goto(base + "security/aws-cloudtrail/", wait_until="networkidle")
    block = page.locator(".kb-practice--topic[data-kb-ready]")
    block.wait_for()
    shown = set()
    for _ in range(2):
        block.get_by_role("button", name="Show answer").click()
        shown.add(block.locator(".kb-p-front .kb-p-text").inner_text())
        block.get_by_role("button", name="Next card").click()
    assert HOSTILE_FRONT in shown
    assert block.locator("img, script, svg, b").count() == 0
    page.wait_for_timeout(300)
    no_trouble(page)

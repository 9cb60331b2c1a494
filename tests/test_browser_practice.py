"""The practice widgets in headless Chromium: FSRS flashcards (four intervals, undo, daily limits,
leeches, SM-2 migration), quizzes that teach (multiple answers too), the mock exam, the dashboard,
progress kept, exported, imported and reset; keyboard; phone width; hostile card text."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from conftest import mkdocs_build

STORE = "kb-practice-progress"
RUN = "kb-practice-exam-run"
DAY_MS = 86_400_000
HOSTILE_FRONT = "<img src=x onerror=alert(1)></script><script>alert(2)</script>"
HOSTILE_BACK = "<b onmouseover=alert(3)>AWS CloudTrail</b> & <svg/onload=alert(4)>"
# A small blueprint served as data/exams.json (the contract the exams helper writes).
EXAMS = {"default": "TST-C01", "exams": [
    {"code": "TST-C01", "name": "Test exam", "status": "current", "questions": 10, "minutes": 20, "passing": 700,
     "question_types": ["multiple choice"], "domains": [
         {"id": "1", "name": "Data", "weight": 60, "tasks": []},
         {"id": "2", "name": "Models", "weight": 40, "tasks": []}]},
    {"code": "OLD-C01", "name": "Retired exam", "status": "retired", "questions": 20, "minutes": 60, "passing": 750,
     "question_types": ["multiple choice"], "domains": [{"id": "1", "name": "All", "weight": 100, "tasks": []}]},
]}


def open_practice(page, base: str, query: str = "", path: str = "practice/"):
    page.goto(base + path + query, wait_until="networkidle")
    page.wait_for_selector(".kb-practice[data-kb-ready]")


def progress(page) -> dict:
    raw = page.evaluate(f"localStorage.getItem({STORE!r})")
    return json.loads(raw) if raw else {}


def stored(page) -> dict:
    return progress(page).get("cards", {})


def put(page, key: str, value) -> None:
    text = value if isinstance(value, str) else json.dumps(value)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, text])


def reload(page) -> None:
    page.reload(wait_until="networkidle")
    page.wait_for_selector(".kb-practice[data-kb-ready]")


def deck(site: Path) -> list[dict]:
    return json.loads((site / "data" / "cards.json").read_text(encoding="utf-8"))["cards"]


def front_text(page) -> str:
    return page.locator(".kb-p-front .kb-p-text").inner_text()


def progress_row(page, section: str = "*") -> dict[str, int]:
    cells = page.locator(f'.kb-p-progress tr[data-section="{section}"] td').all_inner_texts()[:5]
    return dict(zip(("new", "learning", "mastered", "due", "total"), map(int, cells), strict=True))


def no_trouble(page) -> None:
    assert page.kb_errors == [], page.kb_errors
    assert page.kb_dialogs == [], page.kb_dialogs
    assert page.kb_foreign == [], page.kb_foreign


def review_state(days_ago: int, interval: int, lapses: int = 0, reps: int = 5) -> dict:
    """A graduated card last seen `days_ago` days ago with an `interval`-day schedule (FSRS fields)."""
    now = int(time.time() * 1000)
    return {"due": now - (days_ago - interval) * DAY_MS, "s": float(interval), "d": 5.0, "st": 2, "step": 0, "r": reps,
            "l": lapses, "sd": interval, "ed": 0, "lr": now - days_ago * DAY_MS}


def with_test_data(page, multi: bool = True, only_multi: bool = False) -> None:
    """Serve the exam blueprint above, and label the practice questions with its domains; the first
    question gets two right answers ("choose two"); with only_multi, it is the only question."""
    def cards(route):
        data = route.fetch().json()
        choice = [c for c in data["cards"] if c.get("options")]
        for n, c in enumerate(choice):
            c["domain"] = {"TST-C01": "1" if n % 2 else "2"}
        if multi:
            first = choice[0]
            first["answer"] = sorted({first["answer"], (first["answer"] + 1) % len(first["options"])})
        if only_multi:
            data["cards"] = [c for c in data["cards"] if not c.get("options") or c is choice[0]]
        route.fulfill(json=data)
    page.route("**/data/cards.json", cards)
    page.route("**/data/exams.json", lambda route: route.fulfill(json=EXAMS))


@pytest.fixture(scope="module")
def base(bundled_site, serve) -> str:
    return serve(bundled_site)


def test_practice_page_links_the_card_files_and_the_exam(bundled_site, page, base):
    open_practice(page, base)
    hrefs = page.eval_on_selector_all(".md-content a", "els => els.map(a => a.href)")
    for name in ("cards.json", "cards.tsv", "cards.apkg"):
        assert base + "data/" + name in hrefs
        assert page.request.get(base + "data/" + name).ok
    assert base + "practice/exam/" in hrefs
    assert page.request.get(base + "assets/vendor/ts-fsrs/index.mjs").ok  # the scheduler, served by the site
    no_trouble(page)


def test_a_new_card_shows_four_different_intervals_and_each_grade_keeps_its_own(bundled_site, page, base):
    open_practice(page, base)
    page.get_by_role("button", name="Show answer").click()
    labels = page.locator(".kb-p-grade small").all_inner_texts()
    assert labels == ["1 min", "6 min", "10 min", "8 days"]
    due = {}
    for grade in ("Again", "Hard", "Good", "Easy"):
        if page.locator(".kb-p-back").is_hidden():
            page.get_by_role("button", name="Show answer").click()
        before = set(stored(page))
        t0 = time.time() * 1000
        page.locator(".kb-p-grade--" + grade.lower()).click()  # (the exam banner has a "Don't show this again")
        (card,) = set(stored(page)) - before
        due[grade] = round((stored(page)[card]["due"] - t0) / 60000)
    assert due["Again"] in (0, 1) and due["Hard"] in (5, 6) and due["Good"] in (9, 10) and due["Easy"] >= 8 * 1440 - 1
    assert len(set(due.values())) == 4
    no_trouble(page)


def test_flip_grade_reload_keeps_progress(bundled_site, page, base):
    open_practice(page, base)
    first = front_text(page)
    assert page.locator(".kb-p-back").is_hidden()
    page.get_by_role("button", name="Show answer").click()
    assert page.locator(".kb-p-back").is_visible()
    page.get_by_role("button", name="Easy").click()
    assert front_text(page) != first
    saved = progress(page)
    (state,) = saved["cards"].values()
    assert (state["st"], state["r"], state["sd"]) == (2, 1, 8)  # a review card, back in 8 days
    assert saved["version"] == 2 and sum(d["r"] for d in saved["days"].values()) == 1
    reload(page)
    assert progress(page) == saved
    assert "1 learning" in page.locator(".kb-p-summary").inner_text()
    assert front_text(page) != first  # graded and not due: it no longer comes first
    page.get_by_role("button", name="Progress").click()
    assert progress_row(page)["learning"] == 1
    no_trouble(page)


def test_undo_puts_the_last_grade_back(bundled_site, page, base):
    open_practice(page, base)
    first = front_text(page)
    page.get_by_role("button", name="Show answer").click()
    page.get_by_role("button", name="Easy").click()
    assert len(stored(page)) == 1
    page.get_by_role("button", name="Undo last grade").click()
    assert stored(page) == {}
    assert sum(d["r"] for d in progress(page)["days"].values()) == 0
    assert front_text(page) == first
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press("Space")
    page.keyboard.press("3")
    page.keyboard.press("u")
    assert stored(page) == {}
    no_trouble(page)


def test_daily_new_card_limit_then_learning_cards_come_back(bundled_site, page, base):
    open_practice(page, base)
    page.get_by_role("button", name="Progress").click()
    page.locator(".kb-p-settings summary").click()
    page.get_by_label("New cards a day").fill("3")
    page.get_by_label("New cards a day").press("Tab")
    assert progress(page)["settings"]["newPerDay"] == 3
    page.get_by_role("button", name="Study").click()
    assert page.locator(".kb-p-count--new").inner_text() == "3 new"
    for _ in range(3):
        page.get_by_role("button", name="Show answer").click()
        page.get_by_role("button", name="Good").click()  # each goes to its 10-minute step
    # the learning cards are within Anki's 20-minute learn-ahead, so they come back now
    assert page.locator(".kb-p-count--learning").inner_text() == "3 learning"
    for _ in range(3):
        page.get_by_role("button", name="Show answer").click()
        page.get_by_role("button", name="Good").click()  # graduated
    assert "Today's new cards are done (limit 3 a day" in page.locator(".kb-p-panel").inner_text()
    assert len(stored(page)) == 3
    reload(page)
    assert "Today's new cards are done" in page.locator(".kb-p-panel").inner_text()  # the count is kept
    no_trouble(page)


def test_due_reviews_and_new_cards_are_interleaved(bundled_site, page, base):
    cards = deck(bundled_site)
    open_practice(page, base)
    put(page, STORE, {"version": 2, "cards": {c["id"]: review_state(10, 9) for c in cards[-6:]},
                      "settings": {"retention": 0.9, "newPerDay": 3, "reviewsPerDay": 200}})
    reload(page)
    kinds = []
    for _ in range(9):
        kinds.append(page.locator(".kb-p-meta span").nth(1).inner_text())
        page.get_by_role("button", name="Show answer").click()
        page.get_by_role("button", name="Easy").click()
    assert kinds.count("new") == 3 and kinds[0] != "new"  # a due review first
    assert all(not (a == b == "new") for a, b in zip(kinds, kinds[1:], strict=False)), kinds  # new cards spread out
    no_trouble(page)


def test_a_leech_is_suspended_with_a_notice_and_can_come_back(bundled_site, page, base):
    cards = deck(bundled_site)
    open_practice(page, base)
    put(page, STORE, {"version": 2, "cards": {cards[5]["id"]: review_state(3, 2, lapses=7, reps=20)}})
    reload(page)
    assert front_text(page) == cards[5]["front"]  # the due review comes first
    page.get_by_role("button", name="Show answer").click()
    page.locator(".kb-p-grade--again").click()
    assert "suspended as a leech" in page.locator(".kb-p-message").inner_text()
    state = stored(page)[cards[5]["id"]]
    assert (state["l"], state["sus"]) == (8, 1)
    page.get_by_role("button", name="Progress").click()
    assert "1 suspended card" in page.locator(".kb-p-suspended summary").inner_text()
    page.get_by_role("button", name="Study again").click()
    assert "sus" not in stored(page)[cards[5]["id"]]
    no_trouble(page)


def test_sm2_progress_is_carried_over_to_fsrs(bundled_site, page, base):
    cards = deck(bundled_site)
    open_practice(page, base)
    today = page.evaluate("Math.floor((Date.now() - new Date().getTimezoneOffset() * 60000) / 86400000)")
    due = {"n": 2, "ef": 2.5, "i": 6, "due": today - 1, "r": 2, "l": 0, "t": today - 7}
    later = {"n": 3, "ef": 2.6, "i": 40, "due": today + 30, "r": 3, "l": 0, "t": today - 10}
    old = {"version": 1, "cards": {cards[0]["id"]: due, cards[1]["id"]: later}}
    put(page, STORE, old)
    reload(page)
    assert "carried over to the new scheduler (FSRS)" in page.locator(".kb-p-message").inner_text()
    saved = progress(page)
    assert saved["version"] == 2 and set(saved["cards"]) == {cards[0]["id"], cards[1]["id"]}
    assert saved["cards"][cards[1]["id"]]["s"] == 40
    assert "1 due today" in page.locator(".kb-p-summary").inner_text()
    assert front_text(page) == cards[0]["front"]  # the overdue card is reviewed first
    page.get_by_role("button", name="Show answer").click()
    assert page.locator(".kb-p-grade--good small").inner_text().endswith(("days", "months"))
    no_trouble(page)


def quiz_answer(cards: list[dict], front: str, options: list[str]) -> dict:
    match = [c for c in cards if c["front"] == front and c.get("options") == options]
    assert match, front
    return match[0]


def test_quiz_explains_links_and_feeds_the_schedule(bundled_site, page, base):
    cards = deck(bundled_site)
    open_practice(page, base, "?mode=quiz")
    page.get_by_label("Questions per quiz").select_option("5")
    fronts = []
    for n in range(5):
        front = page.locator(".kb-p-question").inner_text()
        options = page.locator(".kb-p-choice span").all_inner_texts()
        card = quiz_answer(cards, front, options)
        fronts.append(card)
        right = card["answer"]
        pick = (right + 1) % len(options) if n == 0 else right  # first wrong, then right
        page.locator(".kb-p-choice").nth(pick).click()
        feedback = page.locator(".kb-p-feedback").inner_text()
        if n == 0:
            assert feedback.startswith("Not quite") and options[right] in feedback
            assert page.locator(".kb-p-choice--wrong").count() == 1
        else:
            assert feedback == "Correct."
        assert page.locator(".kb-p-choice--right").count() == 1
        source = page.locator(".kb-p-after .kb-p-source")
        assert card["source"].split(":")[0] in source.inner_text()
        assert source.locator("a.kb-p-sourcelink").count() == 1
        if card.get("topic"):
            assert source.locator("a.kb-p-topiclink").count() == 1
        page.locator(".kb-p-actions .kb-p-next").click()
    assert page.locator(".kb-p-score").inner_text() == "You scored 4 of 5 (80%)."
    assert page.locator(".kb-p-missed li").count() == 1  # the missed question, reviewed
    saved = stored(page)
    missed = saved[fronts[0]["id"]]
    assert missed["st"] == 1 and missed["due"] - missed["lr"] == 60000  # Again: learning, back in 1 min
    assert all(saved[c["id"]]["r"] >= 1 for c in fronts)
    href = page.locator(".kb-p-missed a.kb-p-sourcelink").first.get_attribute("href")
    assert page.request.get(href).ok
    page.get_by_role("button", name="New quiz").click()
    assert page.locator(".kb-p-question").count() == 1
    no_trouble(page)


def test_a_multiple_answer_question_uses_check_boxes_and_scores_all_or_nothing(bundled_site, page, base):
    with_test_data(page, only_multi=True)
    cards = deck(bundled_site)
    open_practice(page, base, "?mode=quiz")
    assert page.locator(".kb-p-quizbar").inner_text().endswith("1 question available")
    assert page.locator(".kb-p-choose").inner_text() == "Choose two."
    boxes = page.locator(".kb-p-choices input[type=checkbox]")
    front = page.locator(".kb-p-question").inner_text()
    card = next(c for c in cards if c["front"] == front and c.get("options"))
    right = sorted({card["answer"], (card["answer"] + 1) % len(card["options"])})
    assert page.get_by_role("button", name="Check answer").is_disabled()
    boxes.nth(right[0]).check()  # one of the two: not enough
    page.get_by_role("button", name="Check answer").click()
    assert page.locator(".kb-p-feedback").inner_text().startswith("Not quite")
    assert page.locator(".kb-p-choice--right").count() == 2
    assert stored(page)[card["id"]]["st"] == 1  # wrong: Again
    page.get_by_role("button", name="See your score").click()
    assert page.locator(".kb-p-score").inner_text() == "You scored 0 of 1 (0%)."
    page.get_by_role("button", name="New quiz").click()
    for k in right:  # both right options, and only those
        page.locator(".kb-p-choices input[type=checkbox]").nth(k).check()
    assert page.evaluate("document.activeElement.type") == "checkbox"  # the focus stays on the box
    page.get_by_role("button", name="Check answer").click()
    assert page.locator(".kb-p-feedback").inner_text() == "Correct."
    no_trouble(page)


def test_a_short_mock_exam_runs_to_the_end_and_is_kept(bundled_site, page, base):
    with_test_data(page)
    open_practice(page, base, path="practice/exam/")
    assert "Test exam" in page.get_by_label("Exam", exact=True).inner_text()
    assert "20 questions, 40 min" not in page.get_by_label("Length").inner_text()  # the exam has 10
    page.get_by_label("Length").select_option("10")
    page.get_by_role("button", name="Start the exam").click()
    timer = page.get_by_role("timer")
    assert timer.inner_text().startswith("Time left 19:") or timer.inner_text() == "Time left 20:00"
    first = timer.inner_text()
    page.wait_for_timeout(1200)
    assert timer.inner_text() != first  # counting down
    nav = page.locator(".kb-x-nav button")
    assert nav.count() == 10
    page.locator(".kb-p-choice").first.click()  # answer question 1 (a check box when it has two answers)
    page.get_by_role("button", name="Flag for review").click()
    assert "flagged" in nav.nth(0).get_attribute("aria-label")
    page.get_by_role("button", name="Next →").click()
    page.locator(".kb-p-choice").nth(1).click()
    nav.nth(5).click()
    assert page.locator(".kb-x-question .kb-p-meta span").first.inner_text() == "Question 6 of 10"
    assert nav.nth(5).get_attribute("aria-current") == "step"
    reload(page)  # a running exam survives a reload
    assert page.locator(".kb-x-question .kb-p-meta span").first.inner_text() == "Question 6 of 10"
    assert "answered" in page.locator(".kb-x-nav button").nth(1).get_attribute("aria-label")
    page.get_by_role("button", name="Submit exam").click()
    warning = page.locator(".kb-x-confirm")
    assert "8 questions not answered: 3, 4, 5, 6, 7, 8, 9, 10" in warning.inner_text()
    assert "1 question flagged" in warning.inner_text()
    page.get_by_role("button", name="Go back").click()
    assert page.locator(".kb-x-confirm").count() == 0
    page.get_by_role("button", name="Submit exam").click()
    page.get_by_role("button", name="Submit anyway").click()
    result = page.locator(".kb-x-result")
    assert result.locator(".kb-x-score").inner_text().startswith("Score ")
    rows = result.locator(".kb-x-domains tbody tr")
    assert rows.count() == 2
    assert {rows.nth(k).get_attribute("data-domain") for k in range(2)} == {"1", "2"}
    counts = [int(rows.nth(k).locator("td").first.inner_text().split(" of ")[1]) for k in range(2)]
    assert sorted(counts) == [4, 6]  # 60% and 40% of 10
    review = page.locator(".kb-x-review > li")
    assert review.count() == 10
    assert review.first.locator(".kb-p-yours").inner_text().startswith("Your answer: ")
    assert review.nth(2).locator(".kb-p-yours").inner_text() == "Your answer: none"
    assert review.first.locator(".kb-p-after .kb-p-source a").count() >= 1
    attempts = progress(page)["exams"]
    assert len(attempts) == 1 and attempts[0]["total"] == 10 and attempts[0]["code"] == "TST-C01"
    assert sum(stored(page)[k]["r"] for k in stored(page)) == 10  # every question fed the schedule
    reload(page)  # the result and the review stay
    assert page.locator(".kb-x-review > li").count() == 10
    page.get_by_role("button", name="New exam").click()
    assert page.locator(".kb-p-trend li").count() == 1
    no_trouble(page)


def test_the_exam_submits_itself_when_the_time_is_up(bundled_site, page, base):
    with_test_data(page, multi=False)
    open_practice(page, base, path="practice/exam/")
    page.get_by_role("button", name="Start the exam").click()
    run = json.loads(page.evaluate(f"localStorage.getItem({RUN!r})"))
    run["deadline"] = int(time.time() * 1000) + 1500
    put(page, RUN, run)
    reload(page)
    page.wait_for_selector(".kb-x-result", timeout=5000)
    assert "the time ran out" in page.locator(".kb-x-result").inner_text()
    no_trouble(page)


def test_home_page_shows_due_today_and_starts_the_review(bundled_site, page, base):
    cards = deck(bundled_site)
    open_practice(page, base, path="")
    put(page, STORE, {"version": 2, "cards": {c["id"]: review_state(5, 4) for c in cards[:7]}})
    reload(page)
    assert page.locator(".kb-p-home__due").inner_text() == "7 cards due today"
    page.get_by_role("link", name="Start review").click()
    page.wait_for_selector(".kb-practice[data-kb-ready] .kb-p-card")
    assert page.locator(".kb-p-count--review").inner_text() == "7 to review"
    no_trouble(page)


def test_progress_view_forecast_calendar_and_mastery(bundled_site, page, base):
    with_test_data(page, multi=False)
    cards = deck(bundled_site)
    open_practice(page, base, "?mode=progress")
    now = int(time.time() * 1000)
    states = {cards[0]["id"]: review_state(1, 4), cards[1]["id"]: review_state(1, 30),
              cards[2]["id"]: review_state(3, 3)}
    today = page.evaluate("Math.floor((Date.now() - new Date().getTimezoneOffset() * 60000) / 86400000)")
    days = {str(today - 1): {"r": 12, "n": 2, "rv": 10}, str(today): {"r": 3, "n": 0, "rv": 3}}
    put(page, STORE, {"version": 2, "cards": states, "days": days, "started": now - 3 * DAY_MS})
    reload(page)
    bars = page.locator(".kb-p-bars li")
    assert bars.count() == 14
    assert bars.nth(0).locator(".kb-p-bar__n").inner_text() == "1"  # due today
    assert bars.nth(3).locator(".kb-p-bar__n").inner_text() == "1"  # due in 3 days
    assert page.locator(".kb-p-days [data-reviews='12']").count() == 1
    assert "15 on 2 days" in page.locator(".kb-p-heatmap figcaption").inner_text()
    assert progress_row(page)["mastered"] == 1  # the 30-day interval
    assert page.locator(".kb-p-domains tbody tr").count() == 2  # the blueprint's domains
    assert page.locator(".kb-p-stats").inner_text().startswith("1 due today")
    no_trouble(page)


def test_export_reset_import_restores_progress_and_the_reminder(bundled_site, page, base, tmp_path):
    open_practice(page, base)
    for grade in ("Good", "Easy"):
        page.get_by_role("button", name="Show answer").click()
        page.get_by_role("button", name=grade).click()
    before = stored(page)
    assert len(before) == 2
    saved = progress(page)
    saved["started"] = int(time.time() * 1000) - 20 * DAY_MS  # three weeks of progress, never exported
    put(page, STORE, saved)
    reload(page)
    assert "has not been exported for two weeks" in page.locator(".kb-p-message").inner_text()
    page.get_by_role("button", name="Progress").click()
    assert page.locator(".kb-p-tools .kb-p-remind").count() == 1
    with page.expect_download() as info:
        page.get_by_role("button", name="Export progress").click()
    exported = tmp_path / "progress.json"
    info.value.save_as(exported)
    assert json.loads(exported.read_text())["cards"] == before
    assert page.locator(".kb-p-tools .kb-p-remind").count() == 0  # just exported
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
    reload(page)
    assert stored(page) == before
    assert "exported" not in page.locator(".kb-p-message").inner_text()
    no_trouble(page)


def test_persistent_storage_is_requested_on_the_first_grade(bundled_site, page, base):
    page.add_init_script("""navigator.storage.persisted = () => Promise.resolve(false);
        navigator.storage.persist = () => { window.kbPersistAsked = (window.kbPersistAsked || 0) + 1;
            return Promise.resolve(true); };""")
    open_practice(page, base)
    page.get_by_role("button", name="Show answer").click()
    page.get_by_role("button", name="Good").click()
    page.wait_for_function("window.kbPersistAsked === 1")
    no_trouble(page)


@pytest.mark.parametrize("value, why", [
    ("{not json", "damaged"),
    (json.dumps({"version": 2, "cards": {"abcdef123456": {"r": "many"}}}), "damaged"),
    (json.dumps({"version": 0, "cards": {}}), "different version"),
])
def test_corrupted_or_outdated_progress_resets_with_a_message(bundled_site, page, base, value, why):
    open_practice(page, base)
    put(page, STORE, value)
    reload(page)
    message = page.locator(".kb-p-message")
    assert message.is_visible()
    assert why in message.inner_text() and "reset" in message.inner_text()
    page.get_by_role("button", name="Show answer").click()
    page.get_by_role("button", name="Good").click()
    assert len(stored(page)) == 1  # the widget works and saves again
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


def test_keyboard_space_shows_digits_grade(bundled_site, page, base):
    open_practice(page, base)
    first = front_text(page)
    page.evaluate("document.activeElement && document.activeElement.blur()")  # the page, not a control, has focus
    page.keyboard.press("Space")
    assert page.locator(".kb-p-back").is_visible()
    page.keyboard.press("4")
    assert len(stored(page)) == 1
    assert next(iter(stored(page).values()))["sd"] == 8  # Easy
    second = front_text(page)
    assert second != first and page.locator(".kb-p-back").is_hidden()
    page.keyboard.press("1")  # no grade before the answer is shown
    assert len(stored(page)) == 1
    page.get_by_role("button", name="Quiz").click()
    page.keyboard.press("2")
    assert page.locator(".kb-p-feedback").count() == 1
    page.keyboard.press("Enter")
    assert page.locator(".kb-p-meta span").first.inner_text().startswith("Question 2")
    no_trouble(page)


UNNAMED_JS = """root => [...root.querySelectorAll('button, input, select, a')].filter(e => {
    const label = e.id && document.querySelector(`label[for="${e.id}"]`);
    const name = (e.getAttribute('aria-label') || e.textContent || (label && label.textContent) || '').trim();
    return !name;
}).map(e => e.outerHTML)"""


def test_every_control_has_a_name(bundled_site, page, base):
    open_practice(page, base)
    for mode in ("Study", "Quiz", "Progress"):
        page.get_by_role("button", name=mode, exact=True).click()
        if mode == "Study":
            page.get_by_role("button", name="Show answer").click()
        assert page.eval_on_selector(".kb-practice", UNNAMED_JS) == [], mode
    assert page.locator(".kb-p-mode[aria-pressed=true]").count() == 1
    open_practice(page, base, path="practice/exam/")
    page.get_by_role("button", name="Start the exam").click()
    assert page.eval_on_selector(".kb-practice", UNNAMED_JS) == []
    no_trouble(page)


def test_phone_width_has_no_sideways_scroll(bundled_site, browser, base):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        open_practice(page, base)
        for mode in ("Study", "Quiz", "Progress"):
            page.get_by_role("button", name=mode, exact=True).click()
            if mode == "Study":
                page.get_by_role("button", name="Show answer").click()
            if mode == "Quiz":
                page.locator(".kb-p-choice").first.click()
            wide = page.evaluate("""() => [...document.querySelectorAll('.kb-practice *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .map(e => e.className)""")
            assert wide == [], (mode, wide)
            assert page.evaluate("document.documentElement.scrollWidth") <= 390
        open_practice(page, base, path="practice/exam/")
        page.get_by_role("button", name="Start the exam").click()
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
        page.get_by_role("button", name="Easy").click()
    assert (HOSTILE_FRONT, HOSTILE_BACK) in texts
    assert page.locator(".kb-practice img, .kb-practice script, .kb-practice svg, .kb-practice b").count() == 0
    page.evaluate(f"localStorage.removeItem({STORE!r})")
    page.goto(base + "security/aws-cloudtrail/", wait_until="networkidle")
    block = page.locator(".kb-practice--topic[data-kb-ready]")
    block.wait_for()
    shown = set()
    for _ in range(2):
        block.get_by_role("button", name="Show answer").click()
        shown.add(block.locator(".kb-p-front .kb-p-text").inner_text())
        block.get_by_role("button", name="Easy").click()
    assert HOSTILE_FRONT in shown
    assert block.locator("img, script, svg, b").count() == 0
    page.wait_for_timeout(300)
    no_trouble(page)

"""A patient holds the whole conversation in Chromium: on the clinic link, and embedded."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from coproduce.aims import topics
from tests.browser.conftest import CLINIC_NAME, axe_problems
from tests.e2e.servers import Stack

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.model]

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
WAIT_MS = 30_000
TOTAL = len(topics.MAIN)
SKIP = object()  # press "Skip this one" instead of typing


@pytest.fixture
def phone(browser: Any, artifacts: Path, request: pytest.FixtureRequest) -> Any:
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    yield page
    # What the patient saw, as text, next to the screenshots: the first thing to read on a failure.
    transcript = page.locator(".log").all_inner_texts() if not page.is_closed() else []
    (artifacts / f"{request.node.name}.txt").write_text("\n".join(transcript))
    context.close()


def expect(locator: Any) -> Any:
    from playwright.sync_api import expect as playwright_expect

    playwright_expect.set_options(timeout=WAIT_MS)
    return playwright_expect(locator)


def bot_said(page: Any, text: str) -> Any:
    return page.locator(".msg.bot", has_text=text)


def answer(page: Any, text: str) -> None:
    box = page.get_by_label("Your answer")
    box.fill(text)
    box.press("Enter")
    expect(page.locator(".msg.user", has_text=text).last).to_be_visible()


def at_question(page: Any, step: int, topic: str | None = None) -> None:
    progress = page.locator(".progress")
    expect(progress).to_contain_text(f"Question {step} of {TOTAL}", timeout=WAIT_MS)
    if topic:
        expect(progress).to_have_attribute("data-topic", topic)
    expect(page.locator(".replies button").first).to_be_visible()


def reply(page: Any, text: Any) -> str | None:
    """Answer (or skip) the question on screen; return the topic of the next one asked."""
    before = page.locator(".msg.bot").count()
    if text is SKIP:
        page.get_by_role("button", name="Skip this one").click()
    else:
        answer(page, text)
    expect(page.locator(".msg.bot").nth(before)).to_be_attached()
    expect(page.locator(".typing")).to_be_hidden()
    if page.locator(".card").count() and page.locator(".progress").is_hidden():
        return None  # the read-back
    expect(page.locator(".replies button").first).to_be_visible()
    if page.get_by_role("button", name="No, not right now").is_visible():
        # The safety classifier wondered about an ordinary answer: the general question.
        before = page.locator(".msg.bot").count()
        page.get_by_role("button", name="No, not right now").click()
        expect(page.locator(".msg.bot").nth(before)).to_be_attached()
        expect(page.locator(".typing")).to_be_hidden()
        expect(page.locator(".replies button").first).to_be_visible()
    return page.locator(".progress").get_attribute("data-topic")


def assert_scale_fits_a_finger(page: Any) -> None:
    """0-10: each button at least 44 x 44 px, in one row or two even ones, ends named."""
    boxes = [b.bounding_box() for b in page.locator(".scale button").all()]
    assert len(boxes) == 11 and all(b is not None for b in boxes)
    assert all(b["width"] >= 44 and b["height"] >= 44 for b in boxes), boxes
    rows = sorted({round(b["y"]) for b in boxes})
    assert len(rows) in (1, 2)
    if len(rows) == 2:
        assert [sum(round(b["y"]) == row for b in boxes) for row in rows] == [6, 5]
    expect(page.locator(".scale-ends")).to_contain_text("0 = ")
    expect(page.locator(".scale-ends")).to_contain_text("10 = ")


def assert_read_back_is_compact(page: Any) -> None:
    """One line per topic at 360 px, and the card's question and buttons a short scroll away."""
    card = page.locator(".card").last
    rows = card.locator(".topic")
    assert rows.count() >= TOTAL  # a question asked only when needed adds its row
    for row in rows.all():
        box = row.bounding_box()
        assert box is not None and box["height"] <= 56, row.inner_text()
    box = card.bounding_box()
    assert box is not None and box["height"] <= 0.85 * PHONE["height"], box
    for name in ("Yes, that's right", "Change something"):
        expect(page.get_by_role("button", name=name)).to_be_visible()


def answer_until(page: Any, first: Any, script: dict[str, Any], last: str | None) -> None:
    """Reply `first`, then answer each question from `script` until `last` is asked."""
    topic = reply(page, first)
    for _ in range(2 * TOTAL):
        if topic == last:
            return
        assert topic in script, f"asked {topic}, which the script does not answer"
        topic = reply(page, script[topic])
    raise AssertionError(f"{last} was never asked")


def shoot(page: Any, artifacts: Path, name: str) -> None:
    """Save what the patient sees, on a phone and on a desktop screen."""
    page.mouse.move(0, 0)  # no hover highlight in the pictures
    page.screenshot(path=str(artifacts / f"{name}-360.png"))
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=str(artifacts / f"{name}-1280.png"))
    page.set_viewport_size(PHONE)


def test_a_patient_holds_the_conversation_on_the_chat_page(
    chat_stack: Stack, phone: Any, artifacts: Path
) -> None:
    page = phone
    visit = chat_stack.create_visit(scheduled_for="2026-12-01T09:30:00Z")
    page.goto(visit["chat_url"])
    expect(page.locator("header")).to_contain_text(CLINIC_NAME)
    expect(bot_said(page, "Is it OK to go ahead?")).to_be_visible()
    expect(page.locator(".log")).to_have_attribute("aria-live", "polite")

    page.get_by_role("button", name="Yes, go ahead").click()
    at_question(page, 1, "aim")
    answer(page, "I want to sort my knee out so I can walk the dog again, mornings are agony")
    at_question(page, 2, "what_matters")
    answer(page, "my grandkids, and getting down the allotment")
    at_question(page, 3, "illness_burden")
    question = page.locator(".msg.bot").last.inner_text()

    page.reload()
    expect(page.locator(".msg.user", has_text="walk the dog again")).to_be_visible()
    expect(page.locator(".msg.bot").last).to_have_text(question)
    at_question(page, 3)

    assert reply(page, "can't sleep for the pain and I've stopped going to the allotment") == (
        "treatment_burden"
    )
    at_question(page, 4, "treatment_burden")
    # Far down a long conversation on a phone, where they are is still in view.
    assert reply(page, "too many tablets, I never know which to take when") in (
        "one_thing",
        "concerns",
    )
    if page.locator(".progress").get_attribute("data-topic") == "one_thing":
        reply(page, "the tablets")
    at_question(page, 5, "concerns")
    box = page.locator(".progress").bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]
    answer_until(
        page,
        "that I'll end up needing a new knee",
        {
            "expectations": "sort the tablets out",
            "assets": SKIP,
            "supports": "my daughter does my shopping. I look after my husband, he has dementia",
            "care_preferences": "not early mornings",
            "improvement_measure": "if I could walk to the park and back with the dog",
        },
        "baseline_rating",
    )
    at_question(page, TOTAL, "baseline_rating")
    scale = page.locator(".scale button")
    expect(scale).to_have_count(11)
    shoot(page, artifacts, "chat-page-rating")
    scale.get_by_text("3", exact=True).click()

    card = page.locator(".card")
    expect(card).to_be_visible()
    expect(card).to_contain_text("walk the dog again")
    expect(card).to_contain_text("3 out of 10")
    assert_read_back_is_compact(page)
    shoot(page, artifacts, "chat-read-back")
    page.get_by_role("button", name="Show in full").click()
    more = page.get_by_role("button", name="Show less")
    expect(more).to_have_attribute("aria-expanded", "true")
    long_row = card.locator(".topic", has_text="walk the dog again")
    assert long_row.bounding_box()["height"] > 60  # the whole answer, over several lines
    page.mouse.move(0, 0)
    page.screenshot(path=str(artifacts / "chat-read-back-open-360.png"))
    more.click()
    expect(page.get_by_role("button", name="Show in full")).to_have_attribute(
        "aria-expanded", "false"
    )
    expect(page.locator(".msg.bot", has_text="Here's what I've noted")).to_have_count(0)
    answer(page, "the tablets bit should say I forget the evening ones")
    expect(page.locator(".card")).to_have_count(2)
    expect(page.locator(".card").last).to_contain_text("I forget the evening ones")
    expect(page.locator(".card").first.get_by_role("button").first).to_be_disabled()
    shoot(page, artifacts, "chat-page")
    answer(page, "yes that's right")
    expect(bot_said(page, "that's everything")).to_be_visible()

    summary = chat_stack.summary(visit["id"])
    assert summary["status"] == "completed"
    assert summary["patient_confirmed"] is True
    assert summary["aim"]["statement"].startswith("I want to sort my knee out")
    assert summary["improvement"]["baseline_rating"] == 3
    assert summary["skipped_topics"] == ["assets"]
    assert any("forget the evening ones" in b["text"] for b in summary["treatment_burdens"])


HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Riverside Surgery</title>
<style>
  /* A clinic's own styles, hostile on purpose: the widget must not care. */
  body {{ font-family: Georgia, serif; margin: 0; background: #fdf6e3; }}
  header {{ background: #2f4f2f; color: #fff; padding: 1rem; }}
  main {{ max-width: 40rem; margin: 0 auto; padding: 1rem; }}
  button {{ display: none; }}
  li {{ color: red; font-size: 9px; }}
</style></head>
<body><header><strong>Riverside Surgery</strong></header>
<main><h1>Before your appointment</h1>
<p>Please tell us what you would like from your visit.</p>
<script src="{api}/widget.js" data-invite-token="{token}" data-server="{api}" async></script>
<p>Thank you.</p></main></body></html>
"""


def test_the_widget_works_embedded_on_a_clinic_site(
    chat_stack: Stack, host_site: Path, host_origin: str, phone: Any, artifacts: Path
) -> None:
    page = phone
    visit = chat_stack.create_visit()
    (host_site / "index.html").write_text(
        HOST_PAGE.format(api=chat_stack.api_url, token=visit["invite_token"])
    )
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(f"{host_origin}/index.html")
    expect(bot_said(page, "Is it OK to go ahead?")).to_be_visible()
    yes = page.get_by_role("button", name="Yes, go ahead")
    expect(yes).to_be_visible()
    assert re.search(r"rgb\(11, 79, 138\)", yes.evaluate("b => getComputedStyle(b).color"))
    yes.click()
    at_question(page, 1, "aim")
    skip_all = dict.fromkeys(topics.TOPICS, SKIP)
    answer_until(
        page,
        "I'd like to get my breathing sorted so I can get back to bowls",
        skip_all,
        "baseline_rating",
    )
    at_question(page, TOTAL, "baseline_rating")
    assert_scale_fits_a_finger(page)
    shoot(page, artifacts, "chat-embed")
    page.get_by_role("button", name="Skip this one").click()
    expect(page.locator(".card")).to_be_visible()
    answer(page, "yes")
    expect(bot_said(page, "that's everything")).to_be_visible()
    shoot(page, artifacts, "chat-embed-done")

    summary = chat_stack.summary(visit["id"])
    assert summary["status"] == "completed"
    assert summary["aim"]["statement"] == (
        "I'd like to get my breathing sorted so I can get back to bowls"
    )
    assert not [url for url in failed if "chat-sessions" in url]


def test_the_read_back_card_edits_a_topic_and_confirms(chat_stack: Stack, phone: Any) -> None:
    page = phone
    visit = chat_stack.create_visit()
    page.goto(visit["chat_url"])
    page.get_by_role("button", name="Yes, go ahead").click()
    at_question(page, 1, "aim")
    skip_all = dict.fromkeys(topics.TOPICS, SKIP)
    answer_until(page, "to stop being so tired all the time", skip_all, None)
    expect(page.locator(".card")).to_be_visible()
    page.get_by_role("button", name=f"Edit: {topics.LABELS[topics.ASSETS]}").click()
    step = topics.MAIN.index(topics.ASSETS) + 1
    expect(page.locator(".progress")).to_contain_text(f"Question {step} of {TOTAL}")
    answer(page, "my cat and my garden")
    expect(page.locator(".card")).to_have_count(2)
    expect(page.locator(".card").last).to_contain_text("my cat and my garden")
    page.get_by_role("button", name="Yes, that's right").click()
    expect(bot_said(page, "that's everything")).to_be_visible(timeout=10_000)
    assert chat_stack.summary(visit["id"])["patient_confirmed"] is True
    # A clear finish: no text box to type into, and it stays that way after a reload.
    expect(page.locator(".done")).to_contain_text("All done")
    expect(page.get_by_label("Your answer")).to_have_count(0)
    page.reload()
    expect(page.locator(".done")).to_contain_text("All done")
    expect(page.get_by_label("Your answer")).to_have_count(0)


def test_a_dead_link_shows_a_clear_page(chat_stack: Stack, phone: Any, artifacts: Path) -> None:
    token = "expired-or-made-up-invite-token-4711"
    response = phone.goto(f"{chat_stack.api_url}/chat/{token}")
    assert response.status == 404
    expect(phone.get_by_role("heading")).to_have_text("This link isn't working")
    assert token not in phone.content()
    shoot(phone, artifacts, "chat-invalid")


def test_emergency_guidance_is_an_alert_with_a_number_to_tap(
    chat_stack: Stack, phone: Any, artifacts: Path
) -> None:
    page = phone
    visit = chat_stack.create_visit()
    page.goto(visit["chat_url"])
    page.get_by_role("button", name="Yes, go ahead").click()
    at_question(page, 1, "aim")
    answer(page, "I've got crushing pain in my chest right now and my left arm has gone numb")
    alert = page.locator(".msg.alert [role=alert]")
    expect(alert).to_be_visible()
    expect(alert.locator('a[href="tel:999"]')).to_be_visible()
    page.set_viewport_size({"width": 360, "height": 740})
    shoot(page, artifacts, "chat-emergency")
    # Still an alert after a reload, and its buttons are not hidden behind the text box.
    page.reload()
    expect(page.locator(".msg.alert [role=alert]")).to_be_visible()
    last = page.locator(".replies button").last
    expect(last).to_be_visible()
    last.scroll_into_view_if_needed()
    button_box, composer_box = last.bounding_box(), page.locator(".composer").bounding_box()
    assert button_box is not None and composer_box is not None
    assert button_box["y"] + button_box["height"] <= composer_box["y"] + 1


def test_no_serious_accessibility_problem_at_any_step(chat_stack: Stack, phone: Any) -> None:
    page = phone
    visit = chat_stack.create_visit()
    page.goto(visit["chat_url"])
    expect(bot_said(page, "Is it OK to go ahead?")).to_be_visible()
    problems = {"consent": axe_problems(page)}
    page.get_by_role("button", name="Yes, go ahead").click()
    at_question(page, 1, "aim")
    problems["question"] = axe_problems(page)
    skip_all = dict.fromkeys(topics.TOPICS, SKIP)
    answer_until(page, "to get my breathing sorted", skip_all, "baseline_rating")
    problems["scale"] = axe_problems(page)
    page.get_by_role("button", name="Skip this one").click()
    expect(page.locator(".card")).to_be_visible()
    problems["read-back"] = axe_problems(page)
    answer(page, "yes")
    expect(page.locator(".done")).to_be_visible()
    problems["finished"] = axe_problems(page)
    assert {step: found for step, found in problems.items() if found} == {}

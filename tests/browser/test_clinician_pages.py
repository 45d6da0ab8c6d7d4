"""A clinician signs in through the form, reads the list and a summary, and prints it on one A4."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from coproduce.aims import service as aim_service
from coproduce.aims import topics
from coproduce.clinics import service as clinic_service
from coproduce.database import new_session, utcnow
from coproduce.visits import service as visit_service
from tests.browser.conftest import api_only, axe_problems
from tests.builders import EXAMPLE_ANSWERS
from tests.e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>"
SHOTS = Path(ARTIFACTS) / "clinician"


@dataclass
class Site:
    url: str
    token: str
    typical: str
    hostile: str


def _today_at(hour: int, minute: int = 0) -> datetime:
    from api.clinician.pages import CLINIC_TZ

    local = datetime.now(CLINIC_TZ).replace(hour=hour, minute=minute, second=0, microsecond=0)
    return local.astimezone(timezone.utc).replace(tzinfo=None)


def _seed(database_url: str) -> tuple[str, str, str]:
    """Create a clinic, a clinician and a day of visits; return the token and two visit ids."""
    session = new_session(database_url)
    try:
        clinic = clinic_service.create_clinic(session=session, name="Riverside Surgery")
        doctor = clinic_service.create_clinician(session=session, clinic_id=clinic.id, name="Dr A")
        token = clinic_service.create_token(session=session, clinician_id=doctor.id)
        ids = {}
        for ref, hour in [("MRN-100231", 9), ("MRN-100245", 10), ("MRN-100388", 14)]:
            visit, _ = visit_service.create_visit(
                session=session, patient_ref=ref, scheduled_for=_today_at(hour), clinic_id=clinic.id
            )
            ids[ref] = visit.id
        hostile, _ = visit_service.create_visit(
            session=session,
            patient_ref=f"MRN {XSS}",
            scheduled_for=_today_at(11, 30),
            clinic_id=clinic.id,
        )
        typical = ids["MRN-100245"]
        answers = [
            (typical, EXAMPLE_ANSWERS, "my chest gets tight and heavy when I walk up the hill"),
            (
                hostile.id,
                {topic: f"{EXAMPLE_ANSWERS[topic]} {XSS}" for topic in topics.TEXT_TOPICS},
                f"chest pain {XSS}",
            ),
        ]
        for visit_id, said, flag_text in answers:
            state = aim_service.AimState(
                answers=dict(said), baseline_rating=3, consent=True, confirmed=True
            )
            aim_service.save_state(session=session, visit_id=visit_id, state=state)
            aim_service.record_red_flag(
                session=session,
                visit_id=visit_id,
                category="chest_pain",
                text=flag_text,
                at=utcnow(),
                dedupe_key=f"flag-{visit_id}",
            )
        _with_follow_ups(session, ids["MRN-100388"])
        session.commit()
        return token, typical, hostile.id
    finally:
        session.close()


def _with_follow_ups(session: Any, visit_id: str) -> None:
    """Give one visit a baseline of 2 and two answered follow-ups (4, then 6)."""
    from datetime import timedelta

    from coproduce.followups import service as follow_up_service
    from coproduce.followups.models import FollowUp
    from coproduce.visits.models import Visit

    state = aim_service.AimState(
        answers=dict(EXAMPLE_ANSWERS), baseline_rating=2, consent=True, confirmed=True
    )
    aim_service.save_state(session=session, visit_id=visit_id, state=state)
    visit = session.get(Visit, visit_id)
    for weeks, rating, attainment in [(3, 4, 0), (6, 6, 1)]:
        follow_up, _ = follow_up_service.create_follow_up(session=session, visit=visit, due_at=None)
        follow_up_service.save_state(
            session=session,
            follow_up_id=follow_up.id,
            state=follow_up_service.FollowUpState(
                rating=rating,
                goal_attainment=attainment,
                helped="the new tablets at night",
                barriers="the bus to physio",
                aim_update="still the same",
                completed=True,
            ),
        )
        session.get(FollowUp, follow_up.id).answered_at = utcnow() + timedelta(weeks=weeks)
    session.flush()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with api_only(tmp_path_factory.mktemp("clinician-site"), _seed) as (url, seeded):
        token, typical, hostile = seeded
        yield Site(url=url, token=token, typical=typical, hostile=hostile)


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    """A fresh browser context; any alert() or console error fails the test."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    problems: list[str] = []
    tab.on(
        "dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss())
    )
    tab.on(
        "console",
        # the wrong-token page is served with 401 on purpose; Chromium logs that as an error
        lambda message: (
            problems.append(f"console: {message.text}")
            if message.type == "error" and "status of 401" not in message.text
            else None
        ),
    )
    yield tab
    context.close()
    assert problems == []


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def sign_in(page: Any, site: Site) -> None:
    page.goto(f"{site.url}/clinician")
    assert "/clinician/login" in page.url
    page.screenshot(path=str(SHOTS / "login-1280.png"))
    page.get_by_label("Access token").fill(site.token)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{site.url}/clinician")


def test_sign_in_read_the_list_and_a_summary(page: Any, site: Site) -> None:
    sign_in(page, site)
    rows = page.locator("table.visits tbody tr")
    assert rows.count() == 4
    assert "Red flag" in rows.nth(0).inner_text()  # flagged first, marked in words
    assert "Red flag" not in rows.nth(3).inner_text()
    page.screenshot(path=str(SHOTS / "list-1280.png"), full_page=True)

    page.get_by_role("link", name=re.compile("MRN-100245")).click()
    page.wait_for_url(f"**/clinician/visits/{site.typical}")
    assert page.get_by_role("heading", level=2, name=re.compile("Red flags")).is_visible()
    assert page.locator("blockquote").first.inner_text().startswith("my chest gets tight")
    assert page.locator("blockquote.quote--aim").inner_text() == EXAMPLE_ANSWERS["aim"]
    page.screenshot(path=str(SHOTS / "summary-top-1280.png"))
    page.screenshot(path=str(SHOTS / "summary-1280.png"), full_page=True)
    page.set_viewport_size({"width": 360, "height": 740})
    page.screenshot(path=str(SHOTS / "summary-360.png"), full_page=True)
    page.goto(f"{site.url}/clinician")
    page.screenshot(path=str(SHOTS / "list-360.png"), full_page=True)


def test_a_typical_summary_prints_on_one_a4_page(page: Any, site: Site) -> None:
    sign_in(page, site)
    page.goto(f"{site.url}/clinician/visits/{site.typical}")
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="Sign out").is_visible()
    # What the sheet looks like: A4 less the 15 mm margins is 180 mm, 680 CSS pixels wide.
    page.set_viewport_size({"width": 680, "height": 962})
    page.screenshot(path=str(SHOTS / "summary-print-media.png"), full_page=True)
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    (SHOTS / "summary-print.pdf").write_bytes(pdf)
    assert pdf_pages(pdf) == 1


def test_patient_words_show_as_text_and_never_run(page: Any, site: Site) -> None:
    sign_in(page, site)
    link = page.locator("td.patient a").filter(has_text=f"MRN {XSS}")
    assert link.text_content() == f"MRN {XSS}: open summary"
    page.goto(f"{site.url}/clinician/visits/{site.hostile}")
    assert page.get_by_role("heading", level=1).inner_text().endswith(f"MRN {XSS}")
    aim = page.locator("blockquote.quote--aim")
    assert aim.inner_text() == f"{EXAMPLE_ANSWERS['aim']} {XSS}"
    assert page.get_by_text(f"chest pain {XSS}").is_visible()
    assert page.locator("main script, main img").count() == 0
    page.screenshot(path=str(SHOTS / "summary-hostile-1280.png"), full_page=True)


def test_keyboard_users_can_skip_to_content_and_sign_out(page: Any, site: Site) -> None:
    sign_in(page, site)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to main content"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/clinician/login?signed_out=1")
    page.get_by_label("Access token").fill("cpd_wrong")
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("alert").inner_text().startswith("That token was not recognised")
    page.screenshot(path=str(SHOTS / "login-wrong-token-1280.png"))
    page.goto(f"{site.url}/clinician/login?signed_out=1")
    assert page.get_by_text("You have signed out.").is_visible()
    page.goto(f"{site.url}/clinician")
    assert "/clinician/login" in page.url


def test_follow_up_ratings_show_as_a_chart_with_the_change(page: Any, site: Site) -> None:
    sign_in(page, site)
    page.get_by_role("link", name=re.compile("MRN-100388")).click()
    chart = page.locator("svg.chart")
    assert chart.count() == 1
    assert chart.locator("circle").count() == 3  # baseline and two follow-ups
    assert page.get_by_text("change +4 since before the visit").is_visible()
    chart.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "summary-follow-up-1280.png"), full_page=True)


def test_no_serious_accessibility_problem_on_any_clinician_page(page: Any, site: Site) -> None:
    page.goto(f"{site.url}/clinician/login")
    problems = {"sign-in": axe_problems(page)}
    sign_in(page, site)
    problems["day list"] = axe_problems(page)
    page.goto(f"{site.url}/clinician/visits/{site.typical}")
    problems["summary"] = axe_problems(page)
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    problems["summary on a phone"] = axe_problems(page)
    assert {where: found for where, found in problems.items() if found} == {}


def test_the_clinician_records_what_was_agreed_and_the_patients_link_shows_it(
    page: Any, site: Site
) -> None:
    sign_in(page, site)
    page.get_by_role("link", name=re.compile("MRN-100388")).click()
    page.get_by_text("Record what we agreed").click()
    aim = page.get_by_label("The aim, as agreed")
    assert aim.input_value() == EXAMPLE_ANSWERS["aim"]  # starts from the patient's words
    aim.fill("Walk the dog to the park and back without stopping")
    page.get_by_label("Target on their own measure").select_option("6")
    page.get_by_label("Item 1: what").fill("Knee exercises from the leaflet every morning")
    page.locator("#notes-1").fill("Classes were two buses away; home exercises fit round caring")
    page.get_by_label("Item 2: what").fill("Refer to community physiotherapy")
    page.locator("#who-2").select_option("clinician")
    problems = {"plan form": axe_problems(page)}
    page.locator("section.plan").screenshot(path=str(SHOTS / "plan-form-1280.png"))
    page.get_by_role("button", name="Save what we agreed").click()
    page.wait_for_url(re.compile(r"/clinician/visits/[^/]+#plan-heading$"))
    plan = page.locator("section.plan")
    assert "Version 1" in plan.inner_text() and "by Dr A" in plan.inner_text()
    rows = plan.locator("table.plan-items tbody tr")
    assert rows.count() == 2
    assert "not asked yet" in rows.nth(0).inner_text()  # the patient's item, before follow-up
    plan.scroll_into_view_if_needed()
    plan.screenshot(path=str(SHOTS / "plan-1280.png"))
    problems["plan saved"] = axe_problems(page)

    page.get_by_text("Revise what we agreed").click()
    page.get_by_role("button", name="Make a link for the patient").click()
    link = page.locator("code.link").inner_text()
    assert "/plan/" in link
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(link)
    assert page.get_by_role("heading", level=1).inner_text() == "What we agreed"
    text = page.locator("main").inner_text()
    assert "Walk the dog to the park and back without stopping" in text
    assert EXAMPLE_ANSWERS["aim"] in text  # their words before the visit
    assert "Knee exercises from the leaflet every morning" in text
    assert "Refer to community physiotherapy" in text
    assert "aiming for 6 out of 10" in text
    page.screenshot(path=str(SHOTS / "plan-patient-360.png"), full_page=True)
    problems["patient's page"] = axe_problems(page)
    assert {where: found for where, found in problems.items() if found} == {}

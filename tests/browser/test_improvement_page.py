"""A clinic lead reads the improvement page at 1280 px: the charts, their limits, a signal."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from coproduce.aims import service as aim_service
from coproduce.clinics import service as clinic_service
from coproduce.database import new_session
from coproduce.quality import demo
from coproduce.visits import service as visit_service
from tests.browser.conftest import api_only, axe_problems
from tests.browser.test_clinician_pages import CHROMIUM, CHROMIUM_ARGS, SHOTS

pytestmark = pytest.mark.browser

OTHER_CLINICS_AIM = "to go sailing on the loch again"


@dataclass
class Lead:
    url: str
    token: str


def _seed(database_url: str) -> str:
    """A year of demo visits for Riverside; six patients of Hillview with their own aim."""
    session = new_session(database_url)
    try:
        riverside = clinic_service.create_clinic(session=session, name="Riverside Surgery")
        lead = clinic_service.create_clinician(
            session=session, clinic_id=riverside.id, name="Dr Lead"
        )
        token = clinic_service.create_token(session=session, clinician_id=lead.id)
        demo.create(session=session, clinic_id=riverside.id, months=12, today=date.today())
        hillview = clinic_service.create_clinic(session=session, name="Hillview")
        for n in range(6):
            visit, _ = visit_service.create_visit(
                session=session, patient_ref=f"DEMO-H{n}", scheduled_for=None, clinic_id=hillview.id
            )
            aim_service.save_state(
                session=session,
                visit_id=visit.id,
                state=aim_service.AimState(
                    answers={"aim": OTHER_CLINICS_AIM}, consent=True, confirmed=True
                ),
            )
        session.commit()
        return token
    finally:
        session.close()


@pytest.fixture(scope="module")
def lead(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lead]:
    with api_only(tmp_path_factory.mktemp("improvement-site"), _seed) as (url, token):
        yield Lead(url=url, token=token)


@pytest.fixture(scope="module")
def page(lead: Lead) -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
        tab = context.new_page()
        tab.set_default_timeout(10_000)
        tab.goto(f"{lead.url}/clinician/login")
        tab.get_by_label("Access token").fill(lead.token)
        tab.get_by_role("button", name="Sign in").click()
        tab.wait_for_url(f"{lead.url}/clinician")
        yield tab
        browser.close()


def test_the_lead_reads_control_charts_with_limits_and_a_special_cause(
    page: Any, lead: Lead
) -> None:
    page.get_by_role("link", name="Improvement").click()
    page.wait_for_url(f"{lead.url}/clinician/improvement")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Improvement")
    p_chart = page.locator("svg.chart--p")
    assert p_chart.count() == 1
    assert p_chart.locator("line.chart__centre").count() == 1
    assert p_chart.locator("line.chart__limit").count() >= 20  # a lower and an upper per month
    assert p_chart.locator("circle.chart__signal").count() >= 1  # the demo's staffing gap
    assert "Special-cause variation" in page.locator("section.qi").first.inner_text()
    run_chart = page.locator("svg.chart--run")
    assert run_chart.count() == 1 and run_chart.locator("line.chart__centre").count() == 1
    assert page.locator("table.qi-table tbody tr.qi-signal").count() >= 1
    # Themes as bars, shared by five or more patients; the funnel; CSV downloads.
    assert page.locator("svg.chart--bars").count() >= 3
    assert page.locator("table.qi-funnel tbody tr").count() == 7
    assert OTHER_CLINICS_AIM not in page.content() and "sailing" not in page.content()
    assert page.locator("main script").count() == 0
    page.screenshot(path=str(SHOTS / "improvement-1280.png"), full_page=True)
    with page.expect_download() as download:
        page.locator("a[href^='/clinician/improvement/series.csv']").click()
    assert download.value.suggested_filename.startswith("improvement-months-")
    assert axe_problems(page) == []


def test_weeks_and_a_bad_date_are_handled_on_the_page(page: Any, lead: Lead) -> None:
    page.goto(f"{lead.url}/clinician/improvement?interval=week")
    assert page.locator("svg.chart--p circle").count() >= 5
    page.goto(f"{lead.url}/clinician/improvement?from=not-a-date")
    assert "Use dates like" in page.get_by_role("alert").inner_text()
    assert re.search(r"Improvement", page.title())

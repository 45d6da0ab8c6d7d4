"""The clinician's web pages: sign in, today's list, a summary, CSRF, scoping, audit, escaping."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from markupsafe import escape
from sqlalchemy import select

from api.clinician.pages import CLINIC_TZ
from api.main import create_app
from api.web_session import SESSION_COOKIE
from coproduce.aims import service as aim_service
from coproduce.aims import topics
from coproduce.audit.models import AuditEvent
from coproduce.clinics import service as clinic_service
from coproduce.config import get_settings
from coproduce.database import session_scope, utcnow
from coproduce.visits import service as visit_service
from tests.builders import EXAMPLE_ANSWERS
from tests.conftest import API_TOKEN

XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>"
CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class Clinics:
    tokens: dict[str, str]
    visits: dict[str, str]


def today_at(hour: int, minute: int = 0) -> datetime:
    """Return today at a clinic-local time, as the naive UTC the database stores."""
    local = datetime.now(CLINIC_TZ).replace(hour=hour, minute=minute, second=0, microsecond=0)
    return local.astimezone(timezone.utc).replace(tzinfo=None)


@pytest.fixture
def client(database_url: str, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    monkeypatch.setenv("COPRODUCE_SESSION_SECRET", "test-session-secret")
    get_settings.cache_clear()
    return TestClient(create_app())


@pytest.fixture
def clinics(client: TestClient) -> Clinics:
    with session_scope() as session:
        riverside = clinic_service.create_clinic(session=session, name="Riverside")
        hillview = clinic_service.create_clinic(session=session, name="Hillview")
        doc_a = clinic_service.create_clinician(
            session=session, clinic_id=riverside.id, name="Dr A"
        )
        doc_b = clinic_service.create_clinician(session=session, clinic_id=hillview.id, name="Dr B")
        tokens = {
            "a": clinic_service.create_token(session=session, clinician_id=doc_a.id),
            "b": clinic_service.create_token(session=session, clinician_id=doc_b.id),
        }
        visits = {}
        for name, clinic_id, at in [
            ("A-early", riverside.id, today_at(9)),
            ("A-late-flagged", riverside.id, today_at(15)),
            ("A-tomorrow", riverside.id, today_at(10) + timedelta(days=1)),
            ("B-one", hillview.id, today_at(11)),
        ]:
            visit, _ = visit_service.create_visit(
                session=session, patient_ref=name, scheduled_for=at, clinic_id=clinic_id
            )
            visits[name] = visit.id
        aim_service.record_red_flag(
            session=session,
            visit_id=visits["A-late-flagged"],
            category="chest_pain",
            text="my chest feels crushed",
            at=utcnow(),
            dedupe_key="flag-1",
        )
    return Clinics(tokens=tokens, visits=visits)


def csrf_of(response: Response) -> str:
    found = CSRF_FIELD.search(response.text)
    assert found, response.text
    return found.group(1)


def sign_in(client: TestClient, token: str) -> Response:
    form = client.get("/clinician/login")
    return client.post(
        "/clinician/login",
        data={"token": token, "csrf_token": csrf_of(form)},
        follow_redirects=False,
    )


def test_signing_in_sets_a_strict_httponly_session_cookie(client: TestClient, clinics) -> None:
    response = sign_in(client, clinics.tokens["a"])
    assert response.status_code == 303
    assert response.headers["location"] == "/clinician"
    cookie = next(
        c for c in response.headers.get_list("set-cookie") if c.startswith(SESSION_COOKIE)
    )
    flags = cookie.lower()
    assert "httponly" in flags
    assert "samesite=strict" in flags
    assert "path=/clinician" in flags
    assert "max-age" not in flags  # ends with the browser
    page = client.get("/clinician")
    assert page.status_code == 200
    assert "Riverside" in page.text


def test_the_cookie_does_not_reveal_the_token(client: TestClient, clinics) -> None:
    sign_in(client, clinics.tokens["a"])
    value = client.cookies[SESSION_COOKIE]
    secret_part = clinics.tokens["a"][len("cpd_") :]
    decoded = base64.urlsafe_b64decode(value.split(".")[0] + "==").decode(errors="replace")
    assert secret_part not in value
    assert secret_part not in decoded


def test_a_wrong_token_shows_the_form_again_with_401(client: TestClient, clinics) -> None:
    response = sign_in(client, "cpd_not-a-real-token")
    assert response.status_code == 401
    assert "text/html" in response.headers["content-type"]
    assert "not recognised" in response.text
    assert 'type="password"' in response.text
    assert SESSION_COOKIE not in client.cookies


def test_the_bootstrap_admin_token_signs_in_and_sees_every_clinic(
    client: TestClient, clinics
) -> None:
    assert sign_in(client, API_TOKEN).status_code == 303
    page = client.get("/clinician").text
    assert "A-early" in page and "B-one" in page


def test_pages_send_you_to_sign_in_first(client: TestClient, clinics) -> None:
    visit_id = clinics.visits["A-early"]
    response = client.get(f"/clinician/visits/{visit_id}", follow_redirects=False)
    assert response.status_code == 303
    assert (
        response.headers["location"] == f"/clinician/login?next=%2Fclinician%2Fvisits%2F{visit_id}"
    )
    form = client.get(response.headers["location"])
    signed_in = client.post(
        "/clinician/login",
        data={
            "token": clinics.tokens["a"],
            "csrf_token": csrf_of(form),
            "next": f"/clinician/visits/{visit_id}",
        },
        follow_redirects=False,
    )
    assert signed_in.headers["location"] == f"/clinician/visits/{visit_id}"


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example", "/clinician/../api/v1/visits"]
)
def test_sign_in_only_redirects_to_our_own_pages(client: TestClient, clinics, target: str) -> None:
    form = client.get("/clinician/login")
    response = client.post(
        "/clinician/login",
        data={"token": clinics.tokens["a"], "csrf_token": csrf_of(form), "next": target},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/clinician"


def test_sign_in_without_the_form_csrf_token_is_refused(client: TestClient, clinics) -> None:
    client.get("/clinician/login")
    response = client.post(
        "/clinician/login", data={"token": clinics.tokens["a"]}, follow_redirects=False
    )
    assert response.status_code == 403
    assert SESSION_COOKIE not in client.cookies
    other = TestClient(client.app)  # a form from another browser does not count either
    stolen = csrf_of(other.get("/clinician/login"))
    client.cookies.clear()
    response = client.post(
        "/clinician/login",
        data={"token": clinics.tokens["a"], "csrf_token": stolen},
        follow_redirects=False,
    )
    assert response.status_code == 403


def test_sign_out_needs_the_csrf_token_then_ends_the_session(client: TestClient, clinics) -> None:
    sign_in(client, clinics.tokens["a"])
    page = client.get("/clinician")
    refused = client.post("/clinician/logout", data={}, follow_redirects=False)
    assert refused.status_code == 403
    assert client.get("/clinician", follow_redirects=False).status_code == 200
    done = client.post(
        "/clinician/logout", data={"csrf_token": csrf_of(page)}, follow_redirects=False
    )
    assert done.status_code == 303
    assert any(c.startswith(f'{SESSION_COOKIE}=""') for c in done.headers.get_list("set-cookie")), (
        done.headers
    )
    client.cookies.clear()
    assert client.get("/clinician", follow_redirects=False).status_code == 303


def test_a_forged_or_revoked_session_is_refused(client: TestClient, clinics) -> None:
    sign_in(client, clinics.tokens["a"])
    good = client.cookies[SESSION_COOKIE]

    def status_with(cookie: str) -> int:
        browser = TestClient(client.app, cookies={SESSION_COOKIE: cookie})
        return browser.get("/clinician", follow_redirects=False).status_code

    assert status_with(good) == 200
    assert status_with(good[:-2] + ("xx" if not good.endswith("xx") else "yy")) == 303
    with session_scope() as session:
        clinic_service.revoke_token(session=session, prefix=clinics.tokens["a"][:12])
    assert status_with(good) == 303


def test_the_list_is_the_clinics_own_flagged_first(client: TestClient, clinics) -> None:
    sign_in(client, clinics.tokens["a"])
    page = client.get("/clinician").text
    assert "B-one" not in page
    assert "A-tomorrow" not in page
    assert page.index("A-late-flagged") < page.index("A-early")
    flagged_row = page[page.index("A-late-flagged") :].split("</tr>")[0]
    assert "Red flag" in flagged_row and "⚠" in flagged_row
    tomorrow = (datetime.now(CLINIC_TZ).date() + timedelta(days=1)).isoformat()
    assert "A-tomorrow" in client.get(f"/clinician?date={tomorrow}").text
    only_flagged = client.get("/clinician?flagged=true").text
    assert "A-late-flagged" in only_flagged and "A-early" not in only_flagged
    assert client.get("/clinician?date=yesterday").status_code == 400


def test_the_day_list_shows_each_aim_rating_and_call_back(client: TestClient, clinics) -> None:
    visit_id = clinics.visits["A-early"]
    with session_scope() as session:
        state = aim_service.AimState(
            answers={"aim": f"to walk the dog again {XSS}\nand sleep"},
            baseline_rating=4,
            consent=True,
        )
        aim_service.save_state(session=session, visit_id=visit_id, state=state)
        visit = visit_service.get_visit(session=session, visit_id=visit_id)
        assert visit is not None
        visit.callback_requested_at = utcnow()
    sign_in(client, clinics.tokens["a"])
    page = client.get("/clinician").text
    row = page[page.index("A-early") :]
    row = row[: row.index("</tr>")]
    assert "to walk the dog again" in row and "and sleep" not in row  # the first line
    assert XSS not in row and str(escape(XSS))[:20] in row
    assert "4/10" in row and "Asked for a call" in row
    late = page[page.index("A-late-flagged") :]
    assert "Not yet" in late[: late.index("</tr>")]


def test_another_clinics_summary_is_a_404_page(client: TestClient, clinics) -> None:
    sign_in(client, clinics.tokens["a"])
    response = client.get(f"/clinician/visits/{clinics.visits['B-one']}")
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "B-one" not in response.text
    assert client.get("/clinician/visits/no-such-visit").status_code == 404


def test_reading_a_summary_is_audited(client: TestClient, clinics) -> None:
    sign_in(client, clinics.tokens["a"])
    visit_id = clinics.visits["A-late-flagged"]
    response = client.get(f"/clinician/visits/{visit_id}")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    assert "default-src 'none'" in response.headers["content-security-policy"]
    with session_scope() as session:
        events = list(
            session.execute(select(AuditEvent).where(AuditEvent.visit_id == visit_id)).scalars()
        )
    assert [e.action for e in events] == ["page.read"]
    assert events[0].actor.startswith("clinician:")
    assert events[0].source == "testclient"


def test_red_flags_come_before_the_aim_on_the_summary(client: TestClient, clinics) -> None:
    sign_in(client, clinics.tokens["a"])
    page = client.get(f"/clinician/visits/{clinics.visits['A-late-flagged']}").text
    assert page.index("Red flags (1)") < page.index("in their own words")
    assert "Chest pain" in page and "my chest feels crushed" in page


def test_a_safety_question_answered_not_now_is_shown_unflagged(client: TestClient, clinics) -> None:
    visit_id = clinics.visits["A-early"]
    with session_scope() as session:
        aim_service.record_safety_check(
            session=session,
            visit_id=visit_id,
            category="general",
            text=f"can't sleep for the pain {XSS}",
            answer="no, not right now",
            at=utcnow(),
            dedupe_key="check-1",
        )
    sign_in(client, clinics.tokens["a"])
    page = client.get(f"/clinician/visits/{visit_id}").text
    assert "Safety questions asked, answered not now" in page
    assert "if they needed urgent help" in page and "no, not right now" in page
    assert XSS not in page and str(escape(XSS)) in page
    assert "Red flags (" not in page
    summary = client.get(
        f"/api/v1/visits/{visit_id}/summary", headers={"Authorization": f"Bearer {API_TOKEN}"}
    ).json()
    [check] = summary["safety_checks"]
    assert check["category"] == "general" and check["answer"] == "no, not right now"


def test_patient_words_are_escaped_everywhere(client: TestClient, clinics) -> None:
    with session_scope() as session:
        visit, _ = visit_service.create_visit(
            session=session,
            patient_ref=f"MRN {XSS}",
            scheduled_for=today_at(12),
            clinic_id=None,
        )
        state = aim_service.AimState(
            answers={topic: f"{EXAMPLE_ANSWERS[topic]} {XSS}" for topic in topics.TEXT_TOPICS},
            baseline_rating=4,
            consent=True,
            confirmed=True,
        )
        aim_service.save_state(session=session, visit_id=visit.id, state=state)
        aim_service.record_red_flag(
            session=session,
            visit_id=visit.id,
            category="<img src=x onerror=alert(1)>",  # column is 32 chars
            text=f"chest pain {XSS}",
            at=utcnow(),
            dedupe_key="xss-1",
        )
        visit_id = visit.id
    sign_in(client, API_TOKEN)
    for page in (client.get("/clinician").text, client.get(f"/clinician/visits/{visit_id}").text):
        assert "<script" not in page.lower()
        assert "<img" not in page.lower()
        assert "onerror=alert(1)>" not in page
        assert str(escape(XSS)) in page
    summary = client.get(f"/clinician/visits/{visit_id}").text
    # the whole answer of each free-text topic is quoted, escaped, as the patient wrote it
    for topic in (topics.AIM, topics.WHAT_MATTERS, topics.IMPROVEMENT_MEASURE):
        assert str(escape(f"{EXAMPLE_ANSWERS[topic]} {XSS}")) in summary
    assert str(escape(f"chest pain {XSS}")) in summary


def _plan_form(csrf: str, **rows: Any) -> dict[str, Any]:
    """The plan form as a browser posts it: one value per field per row, blanks included."""
    data: dict[str, Any] = {
        "csrf_token": csrf,
        "aim": rows.pop("aim", "Walk to the shops again"),
        "target_rating": "6",
        "target_by": "2027-03-01",
    }
    for name in ("item_id", "what", "who", "who_name", "by", "notes"):
        data[name] = []
    for what, who, who_name in rows.pop("items", []):
        for name, value in zip(
            ("item_id", "what", "who", "who_name", "by", "notes"),
            ("", what, who, who_name, "", ""),
            strict=True,
        ):
            data[name].append(value)
    return data


def test_a_clinician_records_and_revises_the_plan_on_the_summary_page(
    client: TestClient, clinics: Clinics
) -> None:
    sign_in(client, clinics.tokens["a"])
    visit_id = clinics.visits["A-early"]
    page = client.get(f"/clinician/visits/{visit_id}")
    assert "Record what we agreed" in page.text
    csrf = csrf_of(page)
    items = [("Knee exercises every morning", "patient", ""), ("Refer to physio", "clinician", "")]
    saved = client.post(
        f"/clinician/visits/{visit_id}/plan",
        data=_plan_form(csrf, items=[*items, ("", "patient", "")]),  # a blank row is left out
        follow_redirects=False,
    )
    assert saved.status_code == 303
    page = client.get(f"/clinician/visits/{visit_id}")
    assert "Version 1" in page.text and "by Dr A" in page.text
    assert "Knee exercises every morning" in page.text
    assert "Revise what we agreed" in page.text
    with session_scope() as session:
        actions = session.execute(
            select(AuditEvent.action).where(AuditEvent.visit_id == visit_id)
        ).scalars()
        assert "plan.write" in list(actions)
    # A supporter with no name is refused with the row named, and nothing is lost.
    bad = client.post(
        f"/clinician/visits/{visit_id}/plan",
        data=_plan_form(csrf, aim=f"Walk again {XSS}", items=[("Lifts", "supporter", "")]),
    )
    assert bad.status_code == 422
    assert "Plan item 1, who name" in bad.text
    assert "Walk again &lt;script&gt;" in bad.text and XSS not in bad.text
    link = client.post(f"/clinician/visits/{visit_id}/plan/link", data={"csrf_token": csrf})
    assert link.status_code == 200
    url = re.search(r'<code class="link">([^<]+)</code>', link.text)
    assert url is not None and "/plan/" in url.group(1)


def test_the_plan_form_needs_the_csrf_token_and_the_clinics_own_visit(
    client: TestClient, clinics: Clinics
) -> None:
    sign_in(client, clinics.tokens["a"])
    csrf = csrf_of(client.get("/clinician"))
    ours, theirs = clinics.visits["A-early"], clinics.visits["B-one"]
    forged = client.post(f"/clinician/visits/{ours}/plan", data=_plan_form("forged"))
    assert forged.status_code == 403
    other = client.post(f"/clinician/visits/{theirs}/plan", data=_plan_form(csrf))
    assert other.status_code == 404
    with session_scope() as session:
        from coproduce.plans.models import CarePlan

        assert session.execute(select(CarePlan)).scalars().all() == []

"""The audit log: who read or deleted which visit's record, when and from where."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session

from coproduce.audit import service as audit_service
from coproduce.audit.models import AuditEvent
from coproduce.database import utcnow
from coproduce.visits import service as visit_service
from tests.builders import make_visit


def _record(session: Session, n: int, *, visit_id: str | None = "v-1") -> None:
    for i in range(n):
        audit_service.record(
            session=session, actor=f"clinician:{i}", action="summary.read", visit_id=visit_id
        )


def test_an_access_is_recorded_with_who_what_when_and_where(session: Session) -> None:
    before = utcnow()
    audit_service.record(
        session=session,
        actor="clinician:abc",
        action="summary.read",
        visit_id="v-1",
        clinic_id="c-1",
        source="10.0.0.7",
    )
    session.commit()
    [event] = audit_service.list_events(session=session)
    assert (event.actor, event.action, event.visit_id, event.clinic_id, event.source) == (
        "clinician:abc",
        "summary.read",
        "v-1",
        "c-1",
        "10.0.0.7",
    )
    assert before <= event.at <= utcnow()


def test_overlong_fields_are_cut_to_their_columns_and_an_empty_source_is_none(
    session: Session,
) -> None:
    audit_service.record(
        session=session, actor="a" * 200, action="b" * 100, visit_id=None, source=""
    )
    audit_service.record(session=session, actor="x", action="y", visit_id=None, source="s" * 200)
    session.commit()
    newest, oldest = audit_service.list_events(session=session)
    assert (len(oldest.actor), len(oldest.action), oldest.source) == (80, 40, None)
    assert newest.source == "s" * 80


def test_events_are_listed_newest_first_and_paged(session: Session) -> None:
    _record(session, 5)
    session.commit()
    everything = audit_service.list_events(session=session)
    assert [e.actor for e in everything] == [f"clinician:{i}" for i in (4, 3, 2, 1, 0)]
    page = audit_service.list_events(session=session, limit=2, offset=1)
    assert [e.id for e in page] == [e.id for e in everything[1:3]]
    assert audit_service.list_events(session=session, offset=5) == []


def test_events_are_filtered_by_visit_and_by_time(session: Session) -> None:
    _record(session, 2, visit_id="v-1")
    _record(session, 1, visit_id="v-2")
    session.flush()
    old = utcnow() - timedelta(days=10)
    session.execute(update(AuditEvent).where(AuditEvent.actor == "clinician:0").values(at=old))
    session.commit()
    assert [e.visit_id for e in audit_service.list_events(session=session, visit_id="v-2")] == [
        "v-2"
    ]
    recent = audit_service.list_events(session=session, since=utcnow() - timedelta(days=1))
    assert [(e.actor, e.visit_id) for e in recent] == [("clinician:1", "v-1")]
    assert audit_service.list_events(session=session, visit_id="no-such-visit") == []


def test_the_log_outlives_the_visit_it_is_about(session: Session) -> None:
    visit, _ = make_visit(session)
    audit_service.record(
        session=session, actor="admin:bootstrap", action="visit.delete", visit_id=visit.id
    )
    visit_service.delete_visit(session=session, visit_id=visit.id)
    session.commit()
    [event] = audit_service.list_events(session=session, visit_id=visit.id)
    assert event.action == "visit.delete"

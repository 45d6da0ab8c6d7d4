"""Forgetting a visit: one path for the API and the patient's own request in the chat."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coproduce.audit.models import AuditEvent
from coproduce.visits import forget
from coproduce.visits.models import Visit
from tests.builders import make_visit


def test_the_visit_goes_its_transcripts_first_and_the_request_is_recorded(
    session: Session, monkeypatch: Any
) -> None:
    visit, _ = make_visit(session)
    deleted: list[list[str]] = []
    monkeypatch.setattr(forget.tracker_store, "delete_events", lambda s, **_: deleted.append(s))
    forget.forget_visit(
        session=session,
        visit_id=visit.id,
        actor="clinic-system",
        action="visit.delete",
        source="10.0.0.1",
    )
    session.commit()
    assert session.get(Visit, visit.id) is None
    assert len(deleted) == 1  # the transcripts, before the rows
    [event] = session.execute(select(AuditEvent).where(AuditEvent.visit_id == visit.id)).scalars()
    assert (event.actor, event.action) == ("clinic-system", "visit.delete")


def test_the_chat_leaves_the_transcript_for_later(session: Session, monkeypatch: Any) -> None:
    visit, _ = make_visit(session)
    monkeypatch.setattr(
        forget.tracker_store, "delete_events", lambda *a, **k: (_ for _ in ()).throw(AssertionError)
    )
    forget.forget_visit(
        session=session,
        visit_id=visit.id,
        actor="patient",
        action="visit.delete.patient",
        source="chat",
        with_transcripts=False,
    )
    session.commit()
    assert session.get(Visit, visit.id) is None

"""Red flags: what was said, how urgent, what the patient was told and what they answered.

Questions for the clinician are kept here too: what the patient asked that the bot must not
answer, listed for the visit.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from coproduce.aims.models import ClinicianQuestion, RedFlagRecord, SafetyCheck
from coproduce.database import utcnow
from coproduce.visits.models import Visit


def _insert_once(session: Session, model: type, values: dict[str, object]) -> bool:
    """Insert a row unless one with the same dedupe_key exists; return True when new."""
    dialect = session.bind.dialect.name
    if dialect in ("sqlite", "postgresql"):
        insert = sqlite.insert if dialect == "sqlite" else postgresql.insert
        result = session.execute(
            insert(model).values(**values).on_conflict_do_nothing(index_elements=["dedupe_key"])
        )
        return bool(result.rowcount)
    exists = session.execute(
        select(model.id).where(model.dedupe_key == values["dedupe_key"])  # type: ignore[attr-defined]
    ).first()
    if exists is None:
        session.add(model(**values))
    return exists is None


def record_red_flag(
    *,
    session: Session,
    visit_id: str,
    category: str,
    text: str,
    at: datetime,
    dedupe_key: str,
    urgency: str = "emergency",
    about: str = "patient",
    guidance: str | None = None,
) -> bool:
    """Store a red flag once per message and category; return True when it is new."""
    values = {
        "visit_id": visit_id,
        "category": category,
        "text": text.strip(),
        "detected_at": at,
        "dedupe_key": dedupe_key[:128],
        "urgency": urgency,
        "about": about,
        "guidance": guidance,
    }
    created = _insert_once(session, RedFlagRecord, values)
    visit = session.get(Visit, visit_id)
    if visit is not None:
        visit.flagged = True
        visit.updated_at = utcnow()
    session.flush()
    return created


def record_safety_reply(
    *, session: Session, visit_id: str, dedupe_keys: list[str], reply: str, safe: bool
) -> None:
    """Keep the patient's answer to "are you safe to carry on?" with the flags it follows."""
    if not dedupe_keys:
        return
    rows = session.execute(
        select(RedFlagRecord).where(
            RedFlagRecord.visit_id == visit_id,
            RedFlagRecord.dedupe_key.in_([key[:128] for key in dedupe_keys]),
        )
    ).scalars()
    for row in rows:
        row.safety_reply = reply.strip()[:2000]
        row.safe_to_continue = safe
    session.flush()


def record_question(
    *, session: Session, visit_id: str, text: str, kind: str, at: datetime, dedupe_key: str
) -> bool:
    """Keep a question or request for the clinician, once per message; True when new."""
    values = {
        "visit_id": visit_id,
        "text": text.strip()[:4000],
        "kind": kind,
        "asked_at": at,
        "dedupe_key": dedupe_key[:128],
    }
    return _insert_once(session, ClinicianQuestion, values)


def list_questions(*, session: Session, visit_id: str) -> list[ClinicianQuestion]:
    """Return the patient's questions for the clinician, in the order asked."""
    return list(
        session.execute(
            select(ClinicianQuestion)
            .where(ClinicianQuestion.visit_id == visit_id)
            .order_by(ClinicianQuestion.asked_at, ClinicianQuestion.id)
        ).scalars()
    )


def record_safety_check(
    *,
    session: Session,
    visit_id: str,
    category: str,
    text: str,
    answer: str,
    at: datetime,
    dedupe_key: str,
) -> bool:
    """Keep a check question answered no, once per message; True when new."""
    values = {
        "visit_id": visit_id,
        "category": category[:32],
        "text": text.strip()[:4000],
        "answer": answer.strip()[:2000],
        "asked_at": at,
        "dedupe_key": dedupe_key[:128],
    }
    return _insert_once(session, SafetyCheck, values)


def list_safety_checks(*, session: Session, visit_id: str) -> list[SafetyCheck]:
    """Return the check questions the patient answered no to, in order."""
    return list(
        session.execute(
            select(SafetyCheck)
            .where(SafetyCheck.visit_id == visit_id)
            .order_by(SafetyCheck.asked_at, SafetyCheck.id)
        ).scalars()
    )

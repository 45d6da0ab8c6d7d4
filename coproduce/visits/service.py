"""Create visits, issue and resolve their invites, bind conversations to them."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from coproduce.config import get_settings
from coproduce.database import utcnow
from coproduce.visits.models import Conversation, Invite, Visit, VisitStatus


def hash_token(token: str) -> str:
    """Return the stored form of an invite token (tokens themselves are never stored)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def chat_url(token: str) -> str:
    """Return the link a patient opens to start the conversation."""
    return f"{get_settings().public_url}/chat/{token}"


def create_visit(
    *,
    session: Session,
    patient_ref: str,
    scheduled_for: datetime | None,
    clinic_id: str | None = None,
) -> tuple[Visit, str]:
    """Create a visit and its first invite; return the visit and the raw invite token."""
    visit = Visit(
        id=str(uuid.uuid4()),
        clinic_id=clinic_id,
        patient_ref=patient_ref,
        scheduled_for=scheduled_for,
        status=VisitStatus.INVITED,
    )
    session.add(visit)
    session.flush()
    token = issue_invite(session=session, visit=visit)
    return visit, token


def issue_invite(
    *,
    session: Session,
    visit: Visit,
    purpose: str = "previsit",
    follow_up_id: str | None = None,
    valid_from: datetime | None = None,
) -> str:
    """Revoke the live invites of the same purpose and issue a new one; return its raw token."""
    now = utcnow()
    live = (Invite.visit_id == visit.id, Invite.purpose == purpose, Invite.revoked_at.is_(None))
    same = Invite.follow_up_id == follow_up_id if follow_up_id else Invite.follow_up_id.is_(None)
    session.execute(update(Invite).where(*live, same).values(revoked_at=now))
    token = secrets.token_urlsafe(32)
    anchor = max(valid_from or visit.scheduled_for or now, now)
    expires_at = anchor + timedelta(days=get_settings().invite_ttl_days)
    session.add(
        Invite(
            token_hash=hash_token(token),
            visit_id=visit.id,
            purpose=purpose,
            follow_up_id=follow_up_id,
            expires_at=expires_at,
        )
    )
    session.flush()
    return token


def resolve_invite(*, session: Session, token: str | None) -> tuple[Visit, Invite] | None:
    """Return the visit a live invite token opens, or None for unknown or expired tokens."""
    if not token or not isinstance(token, str) or len(token) > 256:
        return None
    row = session.execute(
        select(Visit, Invite)
        .join(Invite, Invite.visit_id == Visit.id)
        .where(Invite.token_hash == hash_token(token))
    ).first()
    if row is None:
        return None
    visit, invite = row
    if invite.revoked_at is not None or invite.expires_at <= utcnow():
        return None
    if visit.status == VisitStatus.CANCELLED:
        return None
    return visit, invite


def get_visit(*, session: Session, visit_id: str, for_update: bool = False) -> Visit | None:
    """Return one visit by id; `for_update` locks its row until the transaction ends.

    Writes that change a visit's invites lock it first, so two at once cannot each revoke
    the invites they see and leave two live links (SQLite writes one at a time anyway).
    """
    lock = for_update and session.get_bind().dialect.name != "sqlite"
    visit: Visit | None = session.get(Visit, visit_id, with_for_update=lock)
    return visit


def bind_conversation(*, session: Session, sender_id: str, visit_id: str) -> None:
    """Record that a chat sender id belongs to a visit (idempotent)."""
    existing = session.get(Conversation, sender_id)
    if existing is None:
        session.add(Conversation(sender_id=sender_id, visit_id=visit_id))
        session.flush()


def conversation_ids(*, session: Session, visit_id: str) -> list[str]:
    """Return the chat sender ids bound to a visit."""
    return list(
        session.execute(
            select(Conversation.sender_id).where(Conversation.visit_id == visit_id)
        ).scalars()
    )


def list_visits(
    *,
    session: Session,
    clinic_id: str | None = None,
    flagged: bool | None = None,
    callback: bool | None = None,
    status: str | None = None,
    date_from: datetime | None = None,
    date_to: datetime | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[Visit]:
    """Return visits, flagged first, then by scheduled time (unscheduled last)."""
    query = select(Visit)
    if clinic_id is not None:
        query = query.where(Visit.clinic_id == clinic_id)
    if flagged is not None:
        query = query.where(Visit.flagged.is_(flagged))
    if callback is not None:
        requested = Visit.callback_requested_at.is_not(None)
        query = query.where(requested if callback else ~requested)
    if status is not None:
        query = query.where(Visit.status == status)
    if date_from is not None:
        query = query.where(Visit.scheduled_for >= date_from)
    if date_to is not None:
        query = query.where(Visit.scheduled_for < date_to)
    query = query.order_by(
        Visit.flagged.desc(),
        Visit.scheduled_for.is_(None),
        Visit.scheduled_for,
        Visit.created_at,
        Visit.id,
    )
    return list(session.execute(query.limit(limit).offset(offset)).scalars())


def cancel_visit(*, session: Session, visit: Visit) -> None:
    """Cancel a visit: its invites stop working and the conversation stops."""
    now = utcnow()
    session.execute(
        update(Invite)
        .where(Invite.visit_id == visit.id, Invite.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    visit.status = VisitStatus.CANCELLED
    visit.updated_at = now
    session.flush()


def delete_visit(*, session: Session, visit_id: str) -> list[str]:
    """Delete a visit and everything said in it; return its conversation ids."""
    from coproduce.aims.models import (
        AnswerItem,
        ClinicianQuestion,
        RedFlagRecord,
        SafetyCheck,
        TopicAnswer,
    )
    from coproduce.followups.models import FollowUp
    from coproduce.plans.models import CarePlan, CarePlanItem, PlanItemProgress

    senders = conversation_ids(session=session, visit_id=visit_id)
    plans = select(CarePlan.id).where(CarePlan.visit_id == visit_id)
    follow_ups = select(FollowUp.id).where(FollowUp.visit_id == visit_id)
    unsynced = {"synchronize_session": False}
    session.execute(
        delete(CarePlanItem).where(CarePlanItem.plan_id.in_(plans)), execution_options=unsynced
    )
    session.execute(
        delete(PlanItemProgress).where(PlanItemProgress.follow_up_id.in_(follow_ups)),
        execution_options=unsynced,
    )
    session.execute(delete(CarePlan).where(CarePlan.visit_id == visit_id))
    for model in (
        AnswerItem,
        TopicAnswer,
        RedFlagRecord,
        ClinicianQuestion,
        SafetyCheck,
        Invite,
        Conversation,
        FollowUp,
    ):
        session.execute(delete(model).where(model.visit_id == visit_id))
    session.execute(delete(Visit).where(Visit.id == visit_id))
    session.flush()
    return senders

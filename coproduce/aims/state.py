"""Store what the patient said as structure, and load it back to resume a conversation."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from coproduce.aims import topics
from coproduce.aims.models import AnswerItem, TopicAnswer
from coproduce.database import utcnow
from coproduce.nlp import cues
from coproduce.visits.models import Visit, VisitStatus


@dataclass
class AimState:
    """Everything the conversation holds about a visit's aim, as the tracker's slots hold it."""

    answers: dict[str, str | None] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    baseline_rating: int | None = None
    consent: bool | None = None
    confirmed: bool = False
    #: Item text -> treatment burden category kept through a correction of that item.
    category_overrides: dict[str, str] = field(default_factory=dict)
    #: Why a topic was skipped: "patient" (they chose to) or "unclear" (not understood twice).
    skip_reasons: dict[str, str] = field(default_factory=dict)
    #: Who answered: {"type": "patient" | "proxy", "relationship": ...}.
    respondent: dict[str, Any] | None = None
    #: A call-back request: {"phone", "preferred_time", "reason", "requested_at"}.
    callback: dict[str, Any] | None = None

    def answer(self, topic: str) -> str | None:
        """Return the patient's words for a topic, or None if skipped or not answered."""
        value = self.answers.get(topic)
        if value is None or value == topics.SKIPPED or topic in self.skipped:
            return None
        return value.strip() or None


def _items_for(
    topic: str,
    text: str,
    overrides: dict[str, str],
    respondent: str | None = None,
    elsewhere: tuple[str, ...] = (),
) -> list[AnswerItem]:
    # Imported here: spaCy is heavy, and the API only reads what the action server wrote.
    from coproduce.nlp import extraction

    if cues.is_none_answer(text):
        return []
    if topic == topics.TREATMENT_BURDEN:
        return [
            AnswerItem(text=b.text, category=_category(b.text, b.category, overrides))
            for b in extraction.extract_treatment_burdens(text)
        ]
    if topic == topics.SUPPORTS:
        return [
            AnswerItem(text=s.text, relationship=s.relationship, kind=s.kind)
            for s in extraction.extract_supports(text, respondent=respondent, elsewhere=elsewhere)
        ]
    if topic in (topics.AIM, topics.WHAT_MATTERS):
        return [AnswerItem(text=a, kind="activity") for a in extraction.extract_activities(text)]
    if topic in (topics.ILLNESS_BURDEN, topics.ASSETS):
        things = topic == topics.ASSETS
        return [AnswerItem(text=item) for item in extraction.split_list(text, things=things)]
    return []


def _proxy_relationship(state: AimState) -> str | None:
    """Who "me" is in an answer typed for the patient (their relationship to the patient)."""
    respondent = state.respondent or {}
    if respondent.get("type") != "proxy":
        return None
    return str(respondent.get("relationship") or "") or None


def _category(text: str, found: str, overrides: dict[str, str]) -> str:
    if found != "other":
        return found
    return overrides.get(text.strip(), found)


def _upsert_answer(
    *,
    session: Session,
    visit_id: str,
    topic: str,
    text: str | None,
    skipped: bool,
    reason: str | None,
    stored: dict[str, TopicAnswer],
) -> bool:
    """Write one topic's answer; return True when its text changed."""
    row = stored.get(topic)
    if row is None:
        session.add(
            TopicAnswer(
                visit_id=visit_id, topic=topic, text=text, skipped=skipped, skip_reason=reason
            )
        )
        return True
    changed = bool(row.text != text or row.skipped != skipped)
    if changed or row.skip_reason != reason:
        row.text, row.skipped, row.skip_reason = text, skipped, reason
        row.updated_at = utcnow()
    return changed


def _elsewhere(state: AimState, topic: str) -> tuple[str, ...]:
    return tuple(
        answer
        for other in topics.TEXT_TOPICS
        if other != topic and (answer := state.answer(other)) is not None
    )


def _write_items(
    session: Session,
    visit_id: str,
    topic: str,
    text: str | None,
    state: AimState,
    items: list[AnswerItem] | None = None,
) -> None:
    session.execute(
        delete(AnswerItem).where(AnswerItem.visit_id == visit_id, AnswerItem.topic == topic)
    )
    session.flush()
    if items is None and text:
        items = _items_for(
            topic,
            text,
            state.category_overrides,
            _proxy_relationship(state),
            _elsewhere(state, topic),
        )
    for position, item in enumerate(items or []):
        item.visit_id, item.topic, item.position = visit_id, topic, position
        session.add(item)


def _refresh_supports(
    session: Session, visit_id: str, state: AimState, rewritten: set[str]
) -> None:
    """Re-read the supports when another answer changed: it may say who a name is.

    "Karen pops in" in the supports, then "without my daughter Karen worrying" in the measure:
    Karen is the daughter, whichever answer came first. Rows are kept when nothing differs.
    """
    text = state.answer(topics.SUPPORTS)
    if not text or not rewritten or topics.SUPPORTS in rewritten:
        return
    items = _items_for(
        topics.SUPPORTS,
        text,
        state.category_overrides,
        _proxy_relationship(state),
        _elsewhere(state, topics.SUPPORTS),
    )
    stored = session.execute(
        select(AnswerItem.text, AnswerItem.relationship, AnswerItem.kind)
        .where(AnswerItem.visit_id == visit_id, AnswerItem.topic == topics.SUPPORTS)
        .order_by(AnswerItem.position)
    ).all()
    if [tuple(row) for row in stored] != [(i.text, i.relationship, i.kind) for i in items]:
        _write_items(session, visit_id, topics.SUPPORTS, text, state, items)


def _write_people(visit: Visit, state: AimState) -> None:
    if state.respondent is not None:
        visit.respondent_type = str(state.respondent.get("type") or "patient")
        relationship = state.respondent.get("relationship")
        visit.respondent_relationship = str(relationship)[:32] if relationship else None
    callback = state.callback
    if callback and callback.get("phone") and visit.callback_requested_at is None:
        requested = callback.get("requested_at")
        visit.callback_requested_at = (
            datetime.fromisoformat(str(requested).rstrip("Z")) if requested else utcnow()
        )
    if callback and callback.get("phone"):
        visit.callback_phone = str(callback["phone"])[:32]
        visit.callback_time = str(callback.get("preferred_time") or "")[:200] or None
        visit.callback_reason = str(callback.get("reason") or "")[:200] or None


def save_state(*, session: Session, visit_id: str, state: AimState) -> None:
    """Upsert the whole state of a visit's conversation; the same state twice writes nothing new."""
    visit = session.get(Visit, visit_id, with_for_update=session.bind.dialect.name != "sqlite")
    if visit is None or visit.status == VisitStatus.CANCELLED:
        return
    _write_people(visit, state)
    stored = {
        row.topic: row
        for row in session.execute(
            select(TopicAnswer).where(TopicAnswer.visit_id == visit_id)
        ).scalars()
    }
    if state.consent:
        rewritten: set[str] = set()
        for topic in topics.TOPICS:
            text = state.answer(topic) if topic in topics.TEXT_TOPICS else None
            skipped = topic in state.skipped
            if text is None and not skipped:
                continue
            reason = state.skip_reasons.get(topic, "patient") if skipped else None
            changed = _upsert_answer(
                session=session,
                visit_id=visit_id,
                topic=topic,
                text=text,
                skipped=skipped,
                reason=reason,
                stored=stored,
            )
            if changed and topic in topics.TEXT_TOPICS:
                _write_items(session, visit_id, topic, text, state)
                rewritten.add(topic)
        _refresh_supports(session, visit_id, state, rewritten)
        visit.baseline_rating = state.baseline_rating
    visit.consent_given = state.consent
    visit.patient_confirmed = state.confirmed
    if state.consent is False:
        visit.status = VisitStatus.DECLINED
    elif state.confirmed:
        visit.status = VisitStatus.COMPLETED
    elif state.consent:
        visit.status = VisitStatus.IN_PROGRESS
    visit.updated_at = utcnow()
    session.flush()


def load_state(*, session: Session, visit_id: str) -> AimState:
    """Rebuild the conversation state of a visit from what was stored."""
    visit = session.get(Visit, visit_id)
    state = AimState()
    if visit is None:
        return state
    rows = session.execute(select(TopicAnswer).where(TopicAnswer.visit_id == visit_id)).scalars()
    for row in rows:
        if row.skipped:
            state.skipped.append(row.topic)
            state.answers[row.topic] = topics.SKIPPED
            if row.skip_reason:
                state.skip_reasons[row.topic] = row.skip_reason
        else:
            state.answers[row.topic] = row.text
    treatment_items = session.execute(
        select(AnswerItem).where(
            AnswerItem.visit_id == visit_id, AnswerItem.topic == topics.TREATMENT_BURDEN
        )
    ).scalars()
    state.category_overrides = {i.text: i.category for i in treatment_items if i.category}
    state.baseline_rating = visit.baseline_rating
    state.consent = visit.consent_given
    state.confirmed = bool(visit.patient_confirmed)
    if visit.respondent_type:
        state.respondent = {
            "type": visit.respondent_type,
            "relationship": visit.respondent_relationship,
        }
    if visit.callback_phone:
        state.callback = {
            "phone": visit.callback_phone,
            "preferred_time": visit.callback_time,
            "reason": visit.callback_reason,
            "requested_at": visit.callback_requested_at.isoformat(timespec="seconds") + "Z"
            if visit.callback_requested_at
            else None,
        }
    return state


def mark_declined(*, session: Session, visit_id: str) -> None:
    """Record that the patient said no: status declined and no answers kept.

    A call-back the patient asked for is kept: they asked for it.
    """
    visit = session.get(Visit, visit_id)
    if visit is None:
        return
    session.execute(delete(AnswerItem).where(AnswerItem.visit_id == visit_id))
    session.execute(delete(TopicAnswer).where(TopicAnswer.visit_id == visit_id))
    visit.status = VisitStatus.DECLINED
    visit.consent_given = False
    visit.patient_confirmed = False
    visit.baseline_rating = None
    visit.updated_at = utcnow()

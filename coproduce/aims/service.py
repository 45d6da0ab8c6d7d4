"""Store what the patient said as structure, and read it back as a summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from coproduce.aims import topics
from coproduce.aims.models import AnswerItem, RedFlagRecord, TopicAnswer
from coproduce.aims.schemas import (
    AimStatement,
    AimSummary,
    FollowUpOut,
    Improvement,
    RedFlagOut,
    SupportItem,
    TextItem,
    TreatmentBurdenItem,
)
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

    def answer(self, topic: str) -> str | None:
        """Return the patient's words for a topic, or None if skipped or not answered."""
        value = self.answers.get(topic)
        if value is None or value == topics.SKIPPED or topic in self.skipped:
            return None
        return value.strip() or None


def _items_for(topic: str, text: str, overrides: dict[str, str]) -> list[AnswerItem]:
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
            for s in extraction.extract_supports(text)
        ]
    if topic in (topics.AIM, topics.WHAT_MATTERS):
        return [AnswerItem(text=a, kind="activity") for a in extraction.extract_activities(text)]
    if topic in (topics.ILLNESS_BURDEN, topics.ASSETS):
        return [AnswerItem(text=item) for item in extraction.split_items(text)]
    return []


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
    stored: dict[str, TopicAnswer],
) -> bool:
    """Write one topic's answer; return True when its text changed."""
    row = stored.get(topic)
    if row is None:
        session.add(TopicAnswer(visit_id=visit_id, topic=topic, text=text, skipped=skipped))
        return True
    changed = row.text != text or row.skipped != skipped
    if changed:
        row.text, row.skipped, row.updated_at = text, skipped, utcnow()
    return changed


def save_state(*, session: Session, visit_id: str, state: AimState) -> None:
    """Upsert the whole state of a visit's conversation; the same state twice writes nothing new."""
    visit = session.get(Visit, visit_id, with_for_update=session.bind.dialect.name != "sqlite")
    if visit is None or visit.status == VisitStatus.CANCELLED:
        return
    stored = {
        row.topic: row
        for row in session.execute(
            select(TopicAnswer).where(TopicAnswer.visit_id == visit_id)
        ).scalars()
    }
    for topic in topics.TEXT_TOPICS:
        text = state.answer(topic)
        skipped = topic in state.skipped
        if text is None and not skipped:
            continue
        if _upsert_answer(
            session=session,
            visit_id=visit_id,
            topic=topic,
            text=text,
            skipped=skipped,
            stored=stored,
        ):
            session.execute(
                delete(AnswerItem).where(AnswerItem.visit_id == visit_id, AnswerItem.topic == topic)
            )
            session.flush()
            for position, item in enumerate(
                _items_for(topic, text, state.category_overrides) if text else []
            ):
                item.visit_id, item.topic, item.position = visit_id, topic, position
                session.add(item)
    if topics.BASELINE_RATING in state.skipped:
        _upsert_answer(
            session=session,
            visit_id=visit_id,
            topic=topics.BASELINE_RATING,
            text=None,
            skipped=True,
            stored=stored,
        )
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
    return state


def mark_declined(*, session: Session, visit_id: str) -> None:
    """Record that the patient said no: status declined and nothing else kept."""
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
    dialect = session.bind.dialect.name
    if dialect in ("sqlite", "postgresql"):
        insert = sqlite.insert if dialect == "sqlite" else postgresql.insert
        result = session.execute(
            insert(RedFlagRecord)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["dedupe_key"])
        )
        created = bool(result.rowcount)
    else:
        exists = session.execute(
            select(RedFlagRecord.id).where(RedFlagRecord.dedupe_key == values["dedupe_key"])
        ).first()
        created = exists is None
        if created:
            session.add(RedFlagRecord(**values))
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


def get_summary(*, session: Session, visit_id: str) -> AimSummary | None:
    """Return the structured summary of a visit, or None if there is no such visit."""
    visit = session.get(Visit, visit_id)
    if visit is None:
        return None
    answers = {
        row.topic: row
        for row in session.execute(
            select(TopicAnswer).where(TopicAnswer.visit_id == visit_id)
        ).scalars()
    }
    items: dict[str, list[AnswerItem]] = {}
    for item in session.execute(
        select(AnswerItem).where(AnswerItem.visit_id == visit_id).order_by(AnswerItem.position)
    ).scalars():
        items.setdefault(item.topic, []).append(item)
    flags = session.execute(
        select(RedFlagRecord)
        .where(RedFlagRecord.visit_id == visit_id)
        .order_by(RedFlagRecord.detected_at, RedFlagRecord.id)
    ).scalars()

    def text(topic: str) -> str | None:
        row = answers.get(topic)
        return None if row is None or row.skipped else row.text

    activities = [i.text for t in (topics.AIM, topics.WHAT_MATTERS) for i in items.get(t, [])]
    follow_ups = _follow_ups(session, visit_id)
    rated = [f for f in follow_ups if f.rating is not None]
    latest = max(rated, key=lambda f: f.at or f.due_at).rating if rated else None
    change = (
        latest - visit.baseline_rating
        if latest is not None and visit.baseline_rating is not None
        else None
    )
    return AimSummary(
        visit_id=visit.id,
        status=visit.status,
        updated_at=visit.updated_at,
        aim=AimStatement(
            statement=text(topics.AIM),
            what_matters=text(topics.WHAT_MATTERS),
            activities=list(dict.fromkeys(activities)),
        ),
        illness_burdens=[TextItem(text=i.text) for i in items.get(topics.ILLNESS_BURDEN, [])],
        treatment_burdens=[
            TreatmentBurdenItem(text=i.text, category=i.category or "other")
            for i in items.get(topics.TREATMENT_BURDEN, [])
        ],
        assets=[TextItem(text=i.text) for i in items.get(topics.ASSETS, [])],
        supports=[
            SupportItem(text=i.text, relationship=i.relationship, kind=i.kind or "support")
            for i in items.get(topics.SUPPORTS, [])
        ],
        improvement=Improvement(
            measure=text(topics.IMPROVEMENT_MEASURE),
            baseline_rating=visit.baseline_rating,
            latest_rating=latest,
            change=change,
        ),
        skipped_topics=[t for t in topics.TOPICS if t in answers and answers[t].skipped],
        none_answers={
            t: str(answers[t].text)
            for t in topics.TEXT_TOPICS
            if t in answers and answers[t].text and cues.is_none_answer(answers[t].text)
        },
        red_flags=[
            RedFlagOut(
                category=f.category,
                text=f.text,
                at=f.detected_at,
                urgency=f.urgency or "emergency",
                about=f.about or "patient",
                guidance=f.guidance,
                safety_reply=f.safety_reply,
                safe_to_continue=f.safe_to_continue,
            )
            for f in flags
        ],
        patient_confirmed=bool(visit.patient_confirmed),
        follow_ups=follow_ups,
    )


def _follow_ups(session: Session, visit_id: str) -> list[FollowUpOut]:
    from coproduce.followups import service as follow_up_service

    return [
        FollowUpOut(
            id=f.id,
            at=f.answered_at,
            due_at=f.due_at,
            status=f.status,
            rating=f.rating,
            goal_attainment=f.goal_attainment,
            helped=f.helped,
            barriers=f.barriers,
            aim_update=f.aim_update,
        )
        for f in follow_up_service.list_follow_ups(session=session, visit_id=visit_id)
    ]

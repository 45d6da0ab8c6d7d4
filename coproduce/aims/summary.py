"""Read a visit back as the structured summary the clinician sees, headline first."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from coproduce.aims import topics
from coproduce.aims.flags import list_questions, list_safety_checks
from coproduce.aims.models import AnswerItem, RedFlagRecord, TopicAnswer
from coproduce.aims.schemas import (
    AimStatement,
    AimSummary,
    CallbackRequest,
    FollowUpOut,
    Headline,
    Improvement,
    PlanItemOut,
    PlanOut,
    PlanTarget,
    QuestionOut,
    RedFlagOut,
    Respondent,
    SafetyCheckOut,
    SupportItem,
    TextItem,
    TreatmentBurdenItem,
)
from coproduce.followups import service as follow_up_service
from coproduce.nlp import cues, vague
from coproduce.nlp.ice import split_concerns
from coproduce.plans import service as plan_service
from coproduce.visits.models import Visit


def _follow_ups(session: Session, visit_id: str) -> list[FollowUpOut]:
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
            worry_resolved=f.worry_resolved,
        )
        for f in follow_up_service.list_follow_ups(session=session, visit_id=visit_id)
    ]


def _flag_out(flag: RedFlagRecord) -> RedFlagOut:
    return RedFlagOut(
        category=flag.category,
        text=flag.text,
        at=flag.detected_at,
        urgency=flag.urgency or "emergency",
        about=flag.about or "patient",
        guidance=flag.guidance,
        safety_reply=flag.safety_reply,
        safe_to_continue=flag.safe_to_continue,
    )


def _headline(summary: AimSummary, latest_aim: str | None) -> Headline:
    """The top card: red flags, the focus, the worry, the request, preferences, the measure."""
    flags = list(
        dict.fromkeys(f"{f.urgency}: {f.category.replace('_', ' ')}" for f in summary.red_flags)
    )
    respondent = summary.respondent
    who = (
        f"{respondent.relationship or 'someone'} (for the patient)"
        if respondent.type == "proxy"
        else "patient"
    )
    measure = summary.improvement.measure_detail or summary.improvement.measure
    return Headline(
        red_flags=flags,
        focus=latest_aim or summary.one_thing or summary.aim.statement,
        worry=summary.concerns,
        request=summary.expectations,
        care_preferences=summary.care_preferences,
        measure=measure,
        rating=summary.improvement.latest_rating
        if summary.improvement.latest_rating is not None
        else summary.improvement.baseline_rating,
        respondent=who,
        callback=summary.callback_request is not None,
    )


def _changed_aim(follow_ups: list[FollowUpOut]) -> str | None:
    """Return the aim a follow-up said now replaces the first one, if any."""
    from coproduce.nlp import yes_no

    for follow_up in sorted(follow_ups, key=lambda f: f.at or f.due_at, reverse=True):
        update = (follow_up.aim_update or "").strip()
        if update and yes_no.answer(update) != yes_no.YES and len(update.split()) >= 3:
            return update
    return None


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
    measure, detail = text(topics.IMPROVEMENT_MEASURE), text(topics.IMPROVEMENT_DETAIL)
    concerns, ideas = split_concerns(text(topics.CONCERNS))
    answered = [row.updated_at for row in answers.values() if row.updated_at is not None]
    summary = AimSummary(
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
            measure=measure,
            measure_detail=detail,
            measure_specific=not (
                (detail is None or vague.is_vague(detail))
                and (measure is None or vague.is_vague_measure(measure))
            ),
            baseline_rating=visit.baseline_rating,
            latest_rating=latest,
            change=change,
        ),
        skipped_topics=[t for t in topics.TOPICS if t in answers and answers[t].skipped],
        skip_reasons={
            t: str(answers[t].skip_reason or "patient")
            for t in topics.TOPICS
            if t in answers and answers[t].skipped
        },
        none_answers={
            t: str(answers[t].text)
            for t in topics.TEXT_TOPICS
            if t in answers and answers[t].text and cues.is_none_answer(answers[t].text)
        },
        red_flags=[_flag_out(f) for f in flags],
        patient_confirmed=bool(visit.patient_confirmed),
        follow_ups=follow_ups,
        plan=plan_out(session=session, visit_id=visit_id),
        patient_ref=visit.patient_ref,
        scheduled_for=visit.scheduled_for,
        answered_at=max(answered) if answered else None,
        one_thing=text(topics.ONE_THING),
        concerns=concerns,
        ideas=ideas,
        expectations=text(topics.EXPECTATIONS),
        care_preferences=text(topics.CARE_PREFERENCES),
        questions=[
            QuestionOut(text=q.text, kind=q.kind, at=q.asked_at)
            for q in list_questions(session=session, visit_id=visit_id)
        ],
        safety_checks=[
            SafetyCheckOut(category=c.category, text=c.text, answer=c.answer, at=c.asked_at)
            for c in list_safety_checks(session=session, visit_id=visit_id)
        ],
        respondent=Respondent(
            type=visit.respondent_type or "patient",
            relationship=visit.respondent_relationship,
        ),
        callback_request=CallbackRequest(
            requested_at=visit.callback_requested_at,
            phone=visit.callback_phone,
            preferred_time=visit.callback_time,
            reason=visit.callback_reason,
        )
        if visit.callback_phone and visit.callback_requested_at
        else None,
    )
    summary.headline = _headline(summary, _changed_aim(follow_ups))
    return summary


def plan_out(*, session: Session, visit_id: str) -> PlanOut | None:
    """The latest agreed plan, with how each item went at follow-up."""
    plan = plan_service.view(session=session, visit_id=visit_id)
    if plan is None:
        return None
    return PlanOut(
        aim=plan.aim,
        patient_aim=plan.patient_aim,
        target=PlanTarget(rating=plan.target_rating, by=plan.target_by),
        items=[
            PlanItemOut(
                id=item.key,
                what=item.what,
                who=item.who,
                who_name=item.who_name,
                by=item.by,
                notes=item.notes,
                status=item.status,
                barriers=item.barriers,
            )
            for item in plan.items
        ],
        versions=plan.versions,
        agreed_at=plan.agreed_at,
        agreed_by=plan.agreed_by,
    )


def aims_of(*, session: Session, visit_ids: list[str]) -> dict[str, str]:
    """Return each visit's aim in the patient's words (visits with none are left out)."""
    if not visit_ids:
        return {}
    rows = session.execute(
        select(TopicAnswer.visit_id, TopicAnswer.text).where(
            TopicAnswer.visit_id.in_(visit_ids),
            TopicAnswer.topic == topics.AIM,
            TopicAnswer.skipped.is_(False),
            TopicAnswer.text.is_not(None),
        )
    ).all()
    return {visit_id: str(text) for visit_id, text in rows}

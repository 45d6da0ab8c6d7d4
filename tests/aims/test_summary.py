"""The summary a clinician reads: what the patient said as structure, headline first."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from coproduce.aims import service as aim_service
from coproduce.aims import topics
from coproduce.aims.service import AimState
from coproduce.followups import service as follow_up_service
from coproduce.followups.service import FollowUpState
from coproduce.plans import service as plan_service
from coproduce.plans.service import ItemDraft, PlanDraft
from coproduce.visits.models import Visit, VisitStatus
from tests.builders import EXAMPLE_ANSWERS, make_visit


def _answered(session: Session, state: AimState, *, patient_ref: str = "MRN-123") -> Visit:
    visit, _ = make_visit(session, patient_ref=patient_ref)
    aim_service.save_state(session=session, visit_id=visit.id, state=state)
    session.commit()
    return visit


def _follow_up(session: Session, visit: Visit, state: FollowUpState) -> None:
    follow_up, _ = follow_up_service.create_follow_up(session=session, visit=visit, due_at=None)
    follow_up_service.save_state(session=session, follow_up_id=follow_up.id, state=state)
    session.commit()


def test_a_visit_nobody_has_answered_yet_has_an_empty_summary(session: Session) -> None:
    assert aim_service.get_summary(session=session, visit_id="no-such-visit") is None
    visit, _ = make_visit(session, scheduled_for=datetime(2026, 5, 4, 9, 30))
    summary = aim_service.get_summary(session=session, visit_id=visit.id)
    assert summary is not None
    assert (summary.status, summary.patient_ref) == (VisitStatus.INVITED, "MRN-123")
    assert summary.scheduled_for == datetime(2026, 5, 4, 9, 30)
    assert summary.aim.statement is None and summary.aim.activities == []
    assert summary.illness_burdens == summary.supports == summary.red_flags == []
    assert (summary.answered_at, summary.callback_request, summary.plan) == (None, None, None)
    assert summary.headline.focus is None and summary.headline.respondent == "patient"


def test_the_patients_answers_come_back_structured_with_a_headline(session: Session) -> None:
    visit = _answered(
        session,
        AimState(
            answers=dict(EXAMPLE_ANSWERS),
            baseline_rating=3,
            consent=True,
            confirmed=True,
            # A carer typing the patient's words as the patient says them ("my daughter").
            respondent={"type": "proxy", "relationship": "carer"},
        ),
    )
    summary = aim_service.get_summary(session=session, visit_id=visit.id)
    assert summary is not None
    assert summary.aim.statement == EXAMPLE_ANSWERS[topics.AIM]
    assert "walk the dog" in summary.aim.activities
    assert {(b.text, b.category) for b in summary.treatment_burdens} >= {
        ("physio is two buses away", "appointments")
    }
    assert {(s.relationship, s.kind) for s in summary.supports} == {
        ("daughter", "support"),
        ("neighbour", "support"),
        ("husband", "caring_for"),
    }
    # The worry and the patient's idea of its cause are told apart (ICE).
    assert (summary.concerns, summary.ideas) == (
        "worried I'll need an operation",
        "I think it's wear and tear",
    )
    assert summary.improvement.measure_specific is True
    assert summary.answered_at is not None and summary.patient_confirmed is True
    headline = summary.headline
    assert headline.focus == EXAMPLE_ANSWERS[topics.ONE_THING]  # the one thing beats the aim
    assert headline.measure == EXAMPLE_ANSWERS[topics.IMPROVEMENT_DETAIL]
    assert (headline.rating, headline.respondent) == (3, "carer (for the patient)")


def test_skips_and_nothing_answers_are_told_apart(session: Session) -> None:
    visit = _answered(
        session,
        AimState(
            answers={topics.AIM: "walk the dog", topics.SUPPORTS: "nobody really"},
            skipped=[topics.CONCERNS, topics.BASELINE_RATING],
            skip_reasons={topics.CONCERNS: "unclear"},
            consent=True,
        ),
    )
    summary = aim_service.get_summary(session=session, visit_id=visit.id)
    assert summary is not None
    assert summary.skipped_topics == [topics.CONCERNS, topics.BASELINE_RATING]
    assert summary.skip_reasons == {topics.CONCERNS: "unclear", topics.BASELINE_RATING: "patient"}
    assert summary.none_answers == {topics.SUPPORTS: "nobody really"}
    assert summary.supports == []  # "nobody" is not a supporter called Nobody
    assert summary.concerns is None and summary.improvement.baseline_rating is None


def test_the_latest_follow_up_rating_gives_the_change_and_may_replace_the_focus(
    session: Session,
) -> None:
    visit = _answered(
        session,
        AimState(answers={topics.AIM: "sort my knee out"}, baseline_rating=3, consent=True),
    )
    _follow_up(session, visit, FollowUpState(rating=5, aim_update="yes", completed=True))
    summary = aim_service.get_summary(session=session, visit_id=visit.id)
    assert summary is not None
    assert (summary.improvement.latest_rating, summary.improvement.change) == (5, 2)
    assert summary.headline.focus == "sort my knee out"  # "yes": the aim still stands

    _follow_up(
        session,
        visit,
        FollowUpState(rating=7, aim_update="get back to the allotment now", completed=True),
    )
    summary = aim_service.get_summary(session=session, visit_id=visit.id)
    assert summary is not None
    assert [f.rating for f in summary.follow_ups] == [5, 7]
    assert (summary.improvement.latest_rating, summary.improvement.change) == (7, 4)
    assert summary.headline.rating == 7
    assert summary.headline.focus == "get back to the allotment now"


def test_red_flags_are_listed_oldest_first_and_once_each_in_the_headline(
    session: Session,
) -> None:
    visit, _ = make_visit(session)
    for minute, key, category, urgency in (
        (5, "k-2", "chest_pain", "emergency"),
        (1, "k-1", "chest_pain", "emergency"),
        (9, "k-3", "self_harm", "urgent"),
    ):
        aim_service.record_red_flag(
            session=session,
            visit_id=visit.id,
            category=category,
            text=f"message {key}",
            at=datetime(2026, 3, 1, 9, minute),
            dedupe_key=key,
            urgency=urgency,
        )
    session.commit()
    summary = aim_service.get_summary(session=session, visit_id=visit.id)
    assert summary is not None
    assert [f.text for f in summary.red_flags] == ["message k-1", "message k-2", "message k-3"]
    assert summary.headline.red_flags == ["emergency: chest pain", "urgent: self harm"]


def test_the_latest_agreed_plan_is_part_of_the_summary(session: Session) -> None:
    visit = _answered(session, AimState(answers={topics.AIM: "walk the dog"}, consent=True))
    for aim in ("Walk to the park", "Walk to the park and back"):
        plan_service.save(
            session=session,
            visit=visit,
            draft=PlanDraft(aim=aim, items=(ItemDraft(what="Knee exercises", who="patient"),)),
            agreed_by="Dr A",
            agreed_by_id=None,
        )
    session.commit()
    summary = aim_service.get_summary(session=session, visit_id=visit.id)
    assert summary is not None and summary.plan is not None
    assert (summary.plan.aim, summary.plan.patient_aim) == (
        "Walk to the park and back",
        "walk the dog",
    )
    assert (summary.plan.versions, summary.plan.agreed_by) == (2, "Dr A")
    assert [(i.what, i.who) for i in summary.plan.items] == [("Knee exercises", "patient")]


def test_aims_of_gives_each_visits_aim_in_the_patients_words(session: Session) -> None:
    answered = _answered(
        session, AimState(answers={topics.AIM: "walk the dog"}, consent=True), patient_ref="A"
    )
    skipped = _answered(session, AimState(skipped=[topics.AIM], consent=True), patient_ref="B")
    silent, _ = make_visit(session, patient_ref="C")
    ids = [answered.id, skipped.id, silent.id, "no-such-visit"]
    assert aim_service.aims_of(session=session, visit_ids=ids) == {answered.id: "walk the dog"}
    assert aim_service.aims_of(session=session, visit_ids=[]) == {}

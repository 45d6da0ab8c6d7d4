"""Follow-ups: created with their invite, answered, and counted per clinic."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from coproduce.aims import service as aim_service
from coproduce.aims.service import AimState
from coproduce.clinics import service as clinic_service
from coproduce.config import get_settings
from coproduce.database import utcnow
from coproduce.followups import service as follow_up_service
from coproduce.followups.models import FollowUp, FollowUpStatus
from coproduce.followups.service import ClinicImprovement, FollowUpState
from coproduce.plans import service as plan_service
from coproduce.plans.service import ItemDraft, PlanDraft
from coproduce.visits import service as visit_service
from coproduce.visits.models import Visit
from tests.builders import make_visit

VISIT_AT = datetime(2031, 3, 2, 9, 30)


def _patient(
    session: Session,
    *,
    clinic_id: str | None = None,
    baseline: int | None = 3,
    ratings: tuple[int | None, ...] = (),
    attainment: int | None = None,
) -> tuple[Visit, list[FollowUp]]:
    """A visit with its baseline and one completed follow-up per rating, a day apart."""
    visit, _ = visit_service.create_visit(
        session=session, patient_ref="P", scheduled_for=VISIT_AT, clinic_id=clinic_id
    )
    aim_service.save_state(
        session=session,
        visit_id=visit.id,
        state=AimState(answers={"aim": "walk the dog"}, baseline_rating=baseline, consent=True),
    )
    follow_ups = []
    for day, rating in enumerate(ratings):
        follow_up, _ = follow_up_service.create_follow_up(
            session=session, visit=visit, due_at=VISIT_AT + timedelta(weeks=6, days=day)
        )
        follow_up_service.save_state(
            session=session,
            follow_up_id=follow_up.id,
            state=FollowUpState(rating=rating, goal_attainment=attainment, completed=True),
        )
        follow_up.answered_at = (
            None if rating is None else datetime(2031, 5, 1) + timedelta(days=day)
        )
        follow_ups.append(follow_up)
    session.commit()
    return visit, follow_ups


def test_a_follow_up_is_due_six_weeks_after_the_visit_with_its_own_invite(
    session: Session,
) -> None:
    visit, previsit_token = make_visit(session, scheduled_for=VISIT_AT)
    follow_up, token = follow_up_service.create_follow_up(session=session, visit=visit, due_at=None)
    session.commit()
    assert (follow_up.due_at, follow_up.status) == (VISIT_AT + timedelta(weeks=6), "invited")
    resolved = visit_service.resolve_invite(session=session, token=token)
    assert resolved is not None
    found, invite = resolved
    assert (found.id, invite.purpose, invite.follow_up_id) == (visit.id, "followup", follow_up.id)
    # The link works from when it is due, for as long as any invite does.
    ttl = timedelta(days=get_settings().invite_ttl_days)
    assert invite.expires_at == follow_up.due_at + ttl
    assert visit_service.resolve_invite(session=session, token=previsit_token) is not None


def test_an_unscheduled_visit_is_followed_up_six_weeks_from_now_or_when_asked(
    session: Session,
) -> None:
    visit, _ = make_visit(session)
    before = utcnow()
    default, _ = follow_up_service.create_follow_up(session=session, visit=visit, due_at=None)
    chosen, _ = follow_up_service.create_follow_up(
        session=session, visit=visit, due_at=datetime(2031, 1, 1)
    )
    assert before + timedelta(weeks=6) <= default.due_at <= utcnow() + timedelta(weeks=6)
    assert chosen.due_at == datetime(2031, 1, 1)


def test_each_follow_up_keeps_its_own_live_link(session: Session) -> None:
    visit, _ = make_visit(session, scheduled_for=VISIT_AT)
    first, first_token = follow_up_service.create_follow_up(
        session=session, visit=visit, due_at=None
    )
    second, second_token = follow_up_service.create_follow_up(
        session=session, visit=visit, due_at=VISIT_AT + timedelta(weeks=12)
    )
    session.commit()
    opened = [
        visit_service.resolve_invite(session=session, token=t) for t in (first_token, second_token)
    ]
    assert [pair[1].follow_up_id for pair in opened if pair] == [first.id, second.id]


def test_follow_ups_are_listed_by_due_date_for_their_visit_only(session: Session) -> None:
    visit, _ = make_visit(session, patient_ref="A")
    other, _ = make_visit(session, patient_ref="B")
    later, _ = follow_up_service.create_follow_up(
        session=session, visit=visit, due_at=datetime(2031, 9, 1)
    )
    sooner, _ = follow_up_service.create_follow_up(
        session=session, visit=visit, due_at=datetime(2031, 6, 1)
    )
    follow_up_service.create_follow_up(session=session, visit=other, due_at=datetime(2031, 1, 1))
    session.commit()
    listed = follow_up_service.list_follow_ups(session=session, visit_id=visit.id)
    assert [f.id for f in listed] == [sooner.id, later.id]
    assert follow_up_service.list_follow_ups(session=session, visit_id="no-such-visit") == []


def test_answers_are_saved_and_resumed_and_the_first_answer_time_is_kept(
    session: Session,
) -> None:
    visit, _ = make_visit(session)
    follow_up, _ = follow_up_service.create_follow_up(session=session, visit=visit, due_at=None)
    follow_up_service.save_state(
        session=session,
        follow_up_id=follow_up.id,
        state=FollowUpState(helped="the exercises", skipped=["goal_attainment"]),
    )
    session.commit()
    assert (follow_up.status, follow_up.answered_at) == (FollowUpStatus.IN_PROGRESS, None)

    state = FollowUpState(
        rating=6,
        goal_attainment=1,
        helped="the exercises",
        barriers="the rain",
        aim_update="walk to the shops too",
        worry_resolved="yes, it's not an operation",
        skipped=["goal_attainment", "worry_resolved"],
        completed=True,
    )
    follow_up_service.save_state(session=session, follow_up_id=follow_up.id, state=state)
    session.commit()
    answered, completed = follow_up.answered_at, follow_up.completed_at
    assert answered is not None and completed is not None
    assert follow_up_service.load_state(session=session, follow_up_id=follow_up.id) == state

    state.rating = 7
    follow_up_service.save_state(session=session, follow_up_id=follow_up.id, state=state)
    session.commit()
    assert (follow_up.rating, follow_up.answered_at, follow_up.completed_at) == (
        7,
        answered,
        completed,
    )


def test_an_unknown_follow_up_saves_nothing_and_loads_empty(session: Session) -> None:
    follow_up_service.save_state(
        session=session, follow_up_id="no-such", state=FollowUpState(rating=5, completed=True)
    )
    assert session.query(FollowUp).count() == 0
    assert follow_up_service.load_state(session=session, follow_up_id="no-such") == FollowUpState()


def test_the_patients_plan_items_are_asked_about_and_their_answers_kept(
    session: Session,
) -> None:
    visit, _ = make_visit(session)
    plan_service.save(
        session=session,
        visit=visit,
        draft=PlanDraft(
            aim="Walk to the park",
            items=(
                ItemDraft(what="Knee exercises every morning", who="patient"),
                ItemDraft(what="Refer to physio", who="clinician"),
            ),
        ),
        agreed_by="Dr A",
        agreed_by_id=None,
    )
    follow_up, _ = follow_up_service.create_follow_up(session=session, visit=visit, due_at=None)
    session.commit()
    loaded = follow_up_service.load_state(session=session, follow_up_id=follow_up.id)
    [item] = loaded.plan_items
    assert item["what"] == "Knee exercises every morning"

    loaded.plan = {item["id"]: {"status": "partly", "barriers": "my back"}}
    follow_up_service.save_state(session=session, follow_up_id=follow_up.id, state=loaded)
    session.commit()
    again = follow_up_service.load_state(session=session, follow_up_id=follow_up.id)
    assert again.plan == {item["id"]: {"status": "partly", "barriers": "my back"}}


@pytest.mark.parametrize(
    ("scores", "expected"),
    [([], None), ([0, 0, 0], 50.0), ([2], 70.0), ([-2], 30.0), ([1, 0, -1, 2], 57.2548)],
)
def test_the_gas_t_score_matches_kiresuk_and_sherman(
    scores: list[int], expected: float | None
) -> None:
    # T = 50 + 10 * sum / sqrt(0.7 n + 0.3 n^2): [1, 0, -1, 2] -> 50 + 20 / sqrt(7.6)
    assert follow_up_service.gas_t_score(scores) == pytest.approx(expected, abs=1e-4)


def test_improvement_counts_each_patients_latest_rating_per_clinic(session: Session) -> None:
    north = clinic_service.create_clinic(session=session, name="North").id
    south = clinic_service.create_clinic(session=session, name="South").id
    _patient(session, clinic_id=north, baseline=2, ratings=(9, 6), attainment=1)  # latest: +4
    _patient(session, clinic_id=north, baseline=5, ratings=(6,), attainment=0)  # +1
    _patient(session, clinic_id=north, baseline=None, ratings=(8,))  # counted, no change
    _patient(session, clinic_id=north, ratings=(None,))  # no rating: not counted
    _patient(session, clinic_id=south, baseline=4, ratings=(3,), attainment=-1)  # -1
    _patient(session, clinic_id=None, baseline=1, ratings=(5,))

    figures = {f.clinic_id: f for f in follow_up_service.improvement_by_clinic(session=session)}
    assert list(figures) == [None, *sorted([north, south])]
    assert figures[north] == ClinicImprovement(
        clinic_id=north,
        patients=3,
        improved_by_2_or_more=0.5,
        median_change=2.5,
        gas_t_score=pytest.approx(50 + 10 * 1 / (0.7 * 2 + 0.3 * 4) ** 0.5),  # scores 1 and 0
    )
    assert (figures[south].patients, figures[south].median_change) == (1, -1.0)
    scoped = follow_up_service.improvement_by_clinic(session=session, clinic_id=south)
    assert [f.clinic_id for f in scoped] == [south]
    assert follow_up_service.improvement_by_clinic(session=session, clinic_id="no-such") == []


def test_improvement_can_be_limited_to_answers_within_dates(session: Session) -> None:
    _patient(session, baseline=2, ratings=(4, 9))  # answered 1 May (+2) and 2 May (+7)
    [may_first] = follow_up_service.improvement_by_clinic(
        session=session, date_from=datetime(2031, 5, 1), date_to=datetime(2031, 5, 2)
    )
    assert (may_first.patients, may_first.median_change) == (1, 2.0)
    [both] = follow_up_service.improvement_by_clinic(
        session=session, date_from=datetime(2031, 5, 1)
    )
    assert both.median_change == 7.0
    assert (
        follow_up_service.improvement_by_clinic(session=session, date_to=datetime(2031, 4, 1)) == []
    )


def test_improvement_is_split_by_whether_the_patient_did_their_plan_items(
    session: Session,
) -> None:
    changes = {}
    for name, baseline, rating, statuses in (
        ("did all", 2, 7, ("done", "done")),
        ("did some", 3, 4, ("done", "not_yet")),
        ("skipped both", 3, 9, (None, None)),
    ):
        visit, [follow_up] = _patient(session, baseline=baseline, ratings=(rating,))
        plan_service.save(
            session=session,
            visit=visit,
            draft=PlanDraft(
                aim="Walk further",
                items=(
                    ItemDraft(what="Exercises", who="patient"),
                    ItemDraft(what="Walk", who="patient"),
                ),
            ),
            agreed_by=None,
            agreed_by_id=None,
        )
        keys = [key for key, _ in plan_service.patient_items(session=session, visit_id=visit.id)]
        plan_service.save_progress(
            session=session,
            follow_up_id=follow_up.id,
            answers={k: {"status": s} for k, s in zip(keys, statuses, strict=True)},
        )
        changes[name] = rating - baseline
    session.commit()
    [figures] = follow_up_service.improvement_by_clinic(session=session)
    assert (figures.patients, figures.plan_items_answered) == (3, 4)  # skipped items left out
    assert figures.share_plan_items_done == 0.75
    assert figures.median_change_items_done == changes["did all"]
    assert figures.median_change_items_not_done == changes["did some"]

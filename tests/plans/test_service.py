"""What was agreed at the visit: kept version by version, with how each item went."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from coproduce.aims import service as aim_service
from coproduce.aims.service import AimState
from coproduce.followups import service as follow_up_service
from coproduce.followups.models import FollowUp
from coproduce.plans import service as plan_service
from coproduce.plans.models import PlanItemProgress
from coproduce.plans.service import ItemDraft, ItemView, PlanDraft
from coproduce.visits.models import Visit
from tests.builders import make_visit

PATIENT_AIM = "I want to walk the dog to the park again"
EXERCISES = ItemDraft(
    what="Do the knee exercises every morning",
    who="patient",
    by=date(2031, 1, 15),
    notes="  Classes were two buses away; home exercises fit round caring  ",
)
REFERRAL = ItemDraft(what="Refer to community physiotherapy", who="clinician")
LIFT = ItemDraft(what="Drive her to the first session", who="supporter", who_name="  Sam  ")
DRAFT = PlanDraft(
    aim="  Walk the dog to the park and back  ",
    target_rating=6,
    target_by=date(2031, 2, 1),
    items=(EXERCISES, REFERRAL, LIFT),
)


def _visit(session: Session, patient_ref: str = "MRN-1") -> Visit:
    visit, _ = make_visit(session, patient_ref=patient_ref)
    aim_service.save_state(
        session=session,
        visit_id=visit.id,
        state=AimState(answers={"aim": PATIENT_AIM}, consent=True),
    )
    session.commit()
    return visit


def _save(session: Session, visit: Visit, draft: PlanDraft, by: str = "Dr Ada") -> bool:
    _, changed = plan_service.save(
        session=session, visit=visit, draft=draft, agreed_by=by, agreed_by_id="c-1"
    )
    session.commit()
    return changed


def _follow_up(session: Session, visit: Visit) -> FollowUp:
    follow_up, _ = follow_up_service.create_follow_up(session=session, visit=visit, due_at=None)
    session.commit()
    return follow_up


def _keys(session: Session, visit: Visit) -> dict[str, str]:
    plan = plan_service.view(session=session, visit_id=visit.id)
    assert plan is not None
    return {item.what: item.key for item in plan.items}


def test_a_visit_without_a_plan_has_nothing_to_show(session: Session) -> None:
    visit = _visit(session)
    assert plan_service.view(session=session, visit_id=visit.id) is None
    assert plan_service.plan_count(session=session, visit_id=visit.id) == 0
    assert plan_service.patient_items(session=session, visit_id=visit.id) == []
    assert plan_service.earlier_versions(session=session, visit_id=visit.id, before=99) == []


def test_a_plan_is_kept_with_the_patients_own_words_and_read_back(session: Session) -> None:
    visit = _visit(session)
    plan, changed = plan_service.save(
        session=session, visit=visit, draft=DRAFT, agreed_by="Dr Ada", agreed_by_id="c-1"
    )
    session.commit()
    assert (changed, plan.version, plan.agreed_by_id) == (True, 1, "c-1")
    view = plan_service.view(session=session, visit_id=visit.id)
    assert view is not None
    assert (view.aim, view.patient_aim, view.versions) == (
        "Walk the dog to the park and back",
        PATIENT_AIM,
        1,
    )
    assert (view.target_rating, view.target_by, view.agreed_by) == (6, date(2031, 2, 1), "Dr Ada")
    exercises, referral, lift = view.items
    assert (exercises.by, exercises.notes, exercises.status) == (
        date(2031, 1, 15),
        "Classes were two buses away; home exercises fit round caring",
        None,
    )
    assert [i.who_text for i in view.items] == ["You", "Your clinician", "Sam"]
    assert referral.who_name is None and lift.who_name == "Sam"
    assert view.earlier == ()


def test_saving_the_same_plan_again_keeps_one_version(session: Session) -> None:
    visit = _visit(session)
    assert _save(session, visit, DRAFT)
    assert not _save(session, visit, DRAFT, by="Dr Bea")  # a resubmitted form, a retried PUT
    respaced = PlanDraft(
        aim="Walk the dog to the park and back",
        target_rating=6,
        target_by=date(2031, 2, 1),
        items=(EXERCISES, REFERRAL, ItemDraft(what=LIFT.what, who="supporter", who_name="Sam")),
    )
    assert not _save(session, visit, respaced)
    assert plan_service.plan_count(session=session, visit_id=visit.id) == 1
    view = plan_service.view(session=session, visit_id=visit.id)
    assert view is not None and view.agreed_by == "Dr Ada"


def test_a_revision_is_a_new_version_and_unchanged_items_keep_their_keys(
    session: Session,
) -> None:
    visit = _visit(session)
    _save(session, visit, DRAFT)
    first = _keys(session, visit)
    revised = PlanDraft(
        aim="Walk to the park and back, then the shops",
        target_rating=7,
        items=(
            ItemDraft(what="  do the knee EXERCISES every morning ", who="patient"),  # same words
            ItemDraft(
                what="Physio referral sent", who="clinician", key=first[REFERRAL.what]
            ),  # reworded, named by its key
            ItemDraft(what="Swim on Tuesdays", who="patient", key="not-a-key-of-this-plan"),
        ),
    )
    assert _save(session, visit, revised, by="Dr Bea")
    view = plan_service.view(session=session, visit_id=visit.id)
    assert view is not None
    assert (view.version, view.target_by, view.agreed_by) == (2, None, "Dr Bea")
    exercises, referral, swim = view.items
    assert exercises.what == "do the knee EXERCISES every morning"
    assert exercises.key == first[EXERCISES.what]
    assert referral.key == first[REFERRAL.what]
    assert swim.key not in (*first.values(), "not-a-key-of-this-plan")
    [earlier] = view.earlier
    assert (earlier.version, earlier.agreed_by) == (1, "Dr Ada")
    assert earlier.items == (EXERCISES.what, REFERRAL.what, LIFT.what)


def test_versions_and_item_keys_belong_to_their_visit(session: Session) -> None:
    mine, theirs = _visit(session, "A"), _visit(session, "B")
    _save(session, mine, DRAFT)
    _save(session, mine, PlanDraft(aim="Walk further", items=(EXERCISES,)))
    _save(session, theirs, DRAFT)
    assert plan_service.plan_count(session=session, visit_id=mine.id) == 2
    assert plan_service.plan_count(session=session, visit_id=theirs.id) == 1
    earlier = plan_service.earlier_versions(session=session, visit_id=mine.id, before=3)
    assert [(v.version, v.aim) for v in earlier] == [
        (2, "Walk further"),
        (1, "Walk the dog to the park and back"),
    ]
    # A key names an item of this visit's plan only: another visit's key starts a new item.
    their_key = _keys(session, theirs)[EXERCISES.what]
    borrowing = PlanDraft(aim="Walk further", items=(ItemDraft("Swim", "patient", key=their_key),))
    _save(session, mine, borrowing)
    assert _keys(session, mine)["Swim"] != their_key


def test_two_items_naming_the_same_earlier_item_do_not_share_its_key(session: Session) -> None:
    visit = _visit(session)
    _save(session, visit, PlanDraft(aim="Walk further", items=(EXERCISES,)))
    key = _keys(session, visit)[EXERCISES.what]
    split = PlanDraft(
        aim="Walk further",
        items=(
            ItemDraft(what="Knee exercises in the morning", who="patient", key=key),
            ItemDraft(what="Knee exercises in the evening", who="patient", key=key),
        ),
    )
    _save(session, visit, split)
    keys = [k for k, _ in plan_service.patient_items(session=session, visit_id=visit.id)]
    assert len(set(keys)) == len(keys) == 2


def test_only_the_patients_own_items_are_asked_about_and_answers_are_cleaned(
    session: Session,
) -> None:
    visit = _visit(session)
    _save(session, visit, DRAFT)
    keys = _keys(session, visit)
    assert plan_service.patient_items(session=session, visit_id=visit.id) == [
        (keys[EXERCISES.what], EXERCISES.what)
    ]
    follow_up = _follow_up(session, visit)
    plan_service.save_progress(
        session=session,
        follow_up_id=follow_up.id,
        answers={
            keys[EXERCISES.what]: {"status": "mostly", "barriers": "   "},
            keys[REFERRAL.what]: {"status": "done"},  # the clinician's item: not the patient's
            "no-such-item": {"status": "done"},
        },
    )
    plan_service.save_progress(
        session=session, follow_up_id="no-such-follow-up", answers={keys[EXERCISES.what]: {}}
    )
    session.commit()
    rows = session.execute(select(PlanItemProgress)).scalars().all()
    assert [(r.item_key, r.status, r.barriers) for r in rows] == [
        (keys[EXERCISES.what], None, None)  # an unknown status is no answer
    ]
    assert plan_service.load_progress(session=session, follow_up_id=follow_up.id) == {
        keys[EXERCISES.what]: {"status": None}  # asked, skipped; no barriers given
    }


def test_an_unchanged_answer_keeps_its_time_and_a_changed_one_is_restamped(
    session: Session,
) -> None:
    visit = _visit(session)
    _save(session, visit, DRAFT)
    key = _keys(session, visit)[EXERCISES.what]
    follow_up = _follow_up(session, visit)
    answer = {"status": "partly", "barriers": " my back "}
    plan_service.save_progress(session=session, follow_up_id=follow_up.id, answers={key: answer})
    session.commit()
    [row] = session.execute(select(PlanItemProgress)).scalars().all()
    first_at = row.answered_at

    plan_service.save_progress(session=session, follow_up_id=follow_up.id, answers={key: answer})
    session.commit()
    assert row.answered_at == first_at
    plan_service.save_progress(
        session=session, follow_up_id=follow_up.id, answers={key: {"status": "done"}}
    )
    session.commit()
    assert (row.status, row.barriers) == ("done", None)
    assert row.answered_at > first_at
    assert plan_service.load_progress(session=session, follow_up_id=follow_up.id) == {
        key: {"status": "done"}
    }


def test_the_latest_answer_about_an_item_follows_it_into_a_revised_plan(
    session: Session,
) -> None:
    visit = _visit(session)
    _save(session, visit, DRAFT)
    key = _keys(session, visit)[EXERCISES.what]
    for status, barriers in (("not_yet", "the rain"), ("partly", "my back")):
        follow_up = _follow_up(session, visit)
        plan_service.save_progress(
            session=session,
            follow_up_id=follow_up.id,
            answers={key: {"status": status, "barriers": barriers}},
        )
        session.commit()
    _save(session, visit, PlanDraft(aim="Walk further", items=(EXERCISES,)))
    view = plan_service.view(session=session, visit_id=visit.id)
    assert view is not None and view.version == 2
    [item] = view.items
    assert (item.key, item.status, item.barriers) == (key, "partly", "my back")
    assert item.answered_at is not None


def test_who_does_an_item_is_said_in_words() -> None:
    def item(who: str, name: str | None = None) -> ItemView:
        return ItemView(key="k", what="x", who=who, who_name=name, by=None, notes=None)

    assert item("patient", "ignored").who_text == "You"
    assert item("clinician").who_text == "Your clinician"
    assert item("service", "Physio team").who_text == "Physio team"
    assert item("service").who_text == "Another service"
    assert item("supporter").who_text == "Someone who helps you"
    assert item("pharmacist").who_text == "pharmacist"

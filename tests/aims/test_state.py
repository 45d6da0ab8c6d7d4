"""Saving what the patient said as structure, and loading it back to resume the conversation."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from coproduce.aims import service as aim_service
from coproduce.aims import topics
from coproduce.aims.models import AnswerItem, TopicAnswer
from coproduce.aims.service import AimState
from coproduce.visits import service as visit_service
from coproduce.visits.models import Visit, VisitStatus
from tests.builders import EXAMPLE_ANSWERS, make_visit

CALLBACK = {
    "phone": "07700 900123",
    "preferred_time": "weekday mornings",
    "reason": "my knee",
    "requested_at": "2026-03-01T10:15:00Z",
}


def _answers(session: Session, visit_id: str) -> dict[str, TopicAnswer]:
    rows = session.execute(select(TopicAnswer).where(TopicAnswer.visit_id == visit_id)).scalars()
    return {row.topic: row for row in rows}


def _items(session: Session, visit_id: str, topic: str) -> list[AnswerItem]:
    return list(
        session.execute(
            select(AnswerItem)
            .where(AnswerItem.visit_id == visit_id, AnswerItem.topic == topic)
            .order_by(AnswerItem.position)
        ).scalars()
    )


def test_what_was_saved_loads_back_as_the_same_state(session: Session) -> None:
    visit, _ = make_visit(session)
    saved = AimState(
        answers={**EXAMPLE_ANSWERS, topics.CARE_PREFERENCES: topics.SKIPPED},
        skipped=[topics.CARE_PREFERENCES, topics.ONE_THING],
        skip_reasons={topics.ONE_THING: "unclear"},
        baseline_rating=3,
        consent=True,
        respondent={"type": "proxy", "relationship": "daughter"},
        callback=CALLBACK,
    )
    aim_service.save_state(session=session, visit_id=visit.id, state=saved)
    session.commit()

    loaded = aim_service.load_state(session=session, visit_id=visit.id)
    assert loaded.answer(topics.AIM) == EXAMPLE_ANSWERS[topics.AIM]
    assert loaded.answer(topics.ONE_THING) is None  # skipped, though words were in the slot
    assert sorted(loaded.skipped) == [topics.CARE_PREFERENCES, topics.ONE_THING]
    assert loaded.skip_reasons == {topics.CARE_PREFERENCES: "patient", topics.ONE_THING: "unclear"}
    assert (loaded.baseline_rating, loaded.consent, loaded.confirmed) == (3, True, False)
    assert loaded.respondent == {"type": "proxy", "relationship": "daughter"}
    assert loaded.callback == CALLBACK
    assert loaded.category_overrides["physio is two buses away"] == "appointments"
    assert session.get(Visit, visit.id).status == VisitStatus.IN_PROGRESS


def test_saving_the_same_state_again_rewrites_nothing(session: Session) -> None:
    visit, _ = make_visit(session)
    state = AimState(answers=dict(EXAMPLE_ANSWERS), baseline_rating=4, consent=True)
    aim_service.save_state(session=session, visit_id=visit.id, state=state)
    session.commit()
    stamps = {t: row.updated_at for t, row in _answers(session, visit.id).items()}
    item_ids = [i.id for i in _items(session, visit.id, topics.SUPPORTS)]

    aim_service.save_state(
        session=session,
        visit_id=visit.id,
        state=aim_service.load_state(session=session, visit_id=visit.id),
    )
    session.commit()
    session.expire_all()
    assert {t: row.updated_at for t, row in _answers(session, visit.id).items()} == stamps
    assert [i.id for i in _items(session, visit.id, topics.SUPPORTS)] == item_ids


def test_a_changed_answer_rewrites_its_own_items_only(session: Session) -> None:
    visit, _ = make_visit(session)
    state = AimState(answers=dict(EXAMPLE_ANSWERS), consent=True)
    aim_service.save_state(session=session, visit_id=visit.id, state=state)
    session.commit()
    support_ids = [i.id for i in _items(session, visit.id, topics.SUPPORTS)]

    state.answers[topics.ASSETS] = "swimming on Tuesdays"
    aim_service.save_state(session=session, visit_id=visit.id, state=state)
    session.commit()
    assert [i.text for i in _items(session, visit.id, topics.ASSETS)] == ["swimming on Tuesdays"]
    assert [i.id for i in _items(session, visit.id, topics.SUPPORTS)] == support_ids


def test_skipping_a_topic_after_answering_it_drops_its_words_and_items(session: Session) -> None:
    visit, _ = make_visit(session)
    state = AimState(answers=dict(EXAMPLE_ANSWERS), consent=True)
    aim_service.save_state(session=session, visit_id=visit.id, state=state)
    session.commit()
    assert _items(session, visit.id, topics.TREATMENT_BURDEN)

    state.answers[topics.TREATMENT_BURDEN] = topics.SKIPPED
    state.skipped.append(topics.TREATMENT_BURDEN)
    aim_service.save_state(session=session, visit_id=visit.id, state=state)
    session.commit()
    row = _answers(session, visit.id)[topics.TREATMENT_BURDEN]
    assert (row.text, row.skipped, row.skip_reason) == (None, True, "patient")
    assert _items(session, visit.id, topics.TREATMENT_BURDEN) == []


def test_a_category_the_patient_corrected_wins_over_the_extracted_one(session: Session) -> None:
    visit, _ = make_visit(session)
    burden = "the whole thing is a faff"  # extraction alone files this under "other"
    state = AimState(
        answers={topics.TREATMENT_BURDEN: burden},
        consent=True,
        category_overrides={burden: "appointments"},
    )
    aim_service.save_state(session=session, visit_id=visit.id, state=state)
    session.commit()
    [item] = _items(session, visit.id, topics.TREATMENT_BURDEN)
    assert (item.text, item.category) == (burden, "appointments")


def test_nothing_is_kept_without_consent_and_the_status_follows_the_answers(
    session: Session,
) -> None:
    undecided, _ = make_visit(session, patient_ref="MRN-1")
    declined, _ = make_visit(session, patient_ref="MRN-2")
    confirmed, _ = make_visit(session, patient_ref="MRN-3")
    answers = dict(EXAMPLE_ANSWERS)
    for visit, consent, done in ((undecided, None, False), (declined, False, False)):
        state = AimState(answers=answers, baseline_rating=5, consent=consent, confirmed=done)
        aim_service.save_state(session=session, visit_id=visit.id, state=state)
    aim_service.save_state(
        session=session,
        visit_id=confirmed.id,
        state=AimState(answers={topics.AIM: "walk the dog"}, consent=True, confirmed=True),
    )
    session.commit()
    for visit in (undecided, declined):
        assert _answers(session, visit.id) == {}
        assert session.get(Visit, visit.id).baseline_rating is None
    assert [session.get(Visit, v.id).status for v in (undecided, declined, confirmed)] == [
        VisitStatus.INVITED,
        VisitStatus.DECLINED,
        VisitStatus.COMPLETED,
    ]
    assert session.get(Visit, confirmed.id).patient_confirmed is True


def test_a_cancelled_or_unknown_visit_is_left_alone(session: Session) -> None:
    visit, _ = make_visit(session)
    visit_service.cancel_visit(session=session, visit=visit)
    session.commit()
    state = AimState(answers=dict(EXAMPLE_ANSWERS), consent=True, confirmed=True)
    aim_service.save_state(session=session, visit_id=visit.id, state=state)
    aim_service.save_state(session=session, visit_id="no-such-visit", state=state)
    session.commit()
    assert session.get(Visit, visit.id).status == VisitStatus.CANCELLED
    assert _answers(session, visit.id) == {}
    assert aim_service.load_state(session=session, visit_id="no-such-visit") == AimState()


def test_declining_afterwards_forgets_the_answers_but_keeps_the_call_back(
    session: Session,
) -> None:
    visit, _ = make_visit(session)
    state = AimState(
        answers=dict(EXAMPLE_ANSWERS), baseline_rating=3, consent=True, callback=CALLBACK
    )
    aim_service.save_state(session=session, visit_id=visit.id, state=state)
    session.commit()

    aim_service.mark_declined(session=session, visit_id=visit.id)
    aim_service.mark_declined(session=session, visit_id="no-such-visit")
    session.commit()
    assert _answers(session, visit.id) == {}
    assert (
        session.execute(select(AnswerItem).where(AnswerItem.visit_id == visit.id)).first() is None
    )
    loaded = aim_service.load_state(session=session, visit_id=visit.id)
    assert (loaded.consent, loaded.baseline_rating, loaded.answers) == (False, None, {})
    assert loaded.callback == CALLBACK
    assert session.get(Visit, visit.id).status == VisitStatus.DECLINED


def test_a_relationship_said_in_a_later_answer_reaches_the_supports(session: Session) -> None:
    visit, _ = make_visit(session)
    state = AimState(
        answers={topics.SUPPORTS: "Karen pops in most days and does my shopping"}, consent=True
    )
    aim_service.save_state(session=session, visit_id=visit.id, state=state)
    session.commit()
    assert [i.relationship for i in _items(session, visit.id, topics.SUPPORTS)] == [None]

    state.answers[topics.IMPROVEMENT_MEASURE] = "going to the shops without my daughter Karen"
    aim_service.save_state(session=session, visit_id=visit.id, state=state)
    session.commit()
    [karen] = _items(session, visit.id, topics.SUPPORTS)
    assert ("Karen" in karen.text, karen.relationship, karen.kind) == (True, "daughter", "support")

"""Red flags, the patient's safety reply, questions for the clinician and safety checks."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coproduce.aims import service as aim_service
from coproduce.aims.models import RedFlagRecord
from coproduce.visits.models import Visit
from tests.builders import make_visit

AT = datetime(2026, 3, 1, 9, 0)


def _flags(session: Session, visit_id: str) -> list[RedFlagRecord]:
    return list(
        session.execute(
            select(RedFlagRecord)
            .where(RedFlagRecord.visit_id == visit_id)
            .order_by(RedFlagRecord.id)
        ).scalars()
    )


def test_a_red_flag_is_stored_once_per_message_and_flags_the_visit(session: Session) -> None:
    visit, _ = make_visit(session)
    assert session.get(Visit, visit.id).flagged is False
    first = aim_service.record_red_flag(
        session=session,
        visit_id=visit.id,
        category="chest_pain",
        text="  crushing pain in my chest  ",
        at=AT,
        dedupe_key="m-1:chest_pain",
        urgency="emergency",
        guidance="utter_safety_emergency",
    )
    again = aim_service.record_red_flag(
        session=session,
        visit_id=visit.id,
        category="chest_pain",
        text="crushing pain in my chest",
        at=AT,
        dedupe_key="m-1:chest_pain",
    )
    session.commit()
    assert (first, again) == (True, False)
    [flag] = _flags(session, visit.id)
    assert (flag.category, flag.text, flag.urgency, flag.about) == (
        "chest_pain",
        "crushing pain in my chest",
        "emergency",
        "patient",
    )
    assert flag.guidance == "utter_safety_emergency"
    assert (flag.safety_reply, flag.safe_to_continue) == (None, None)
    assert session.get(Visit, visit.id).flagged is True


def test_a_long_dedupe_key_is_cut_to_its_column_and_still_dedupes(session: Session) -> None:
    visit, _ = make_visit(session)
    stem = "sender-" + "x" * 200
    created = [
        aim_service.record_red_flag(
            session=session,
            visit_id=visit.id,
            category="stroke",
            text="my face has dropped",
            at=AT,
            dedupe_key=stem + suffix,
        )
        for suffix in ("a", "b")
    ]
    session.commit()
    assert created == [True, False]
    [flag] = _flags(session, visit.id)
    assert flag.dedupe_key == stem[:128]


def test_the_safety_reply_goes_to_the_named_flags_of_that_visit_only(session: Session) -> None:
    visit, _ = make_visit(session, patient_ref="MRN-1")
    other, _ = make_visit(session, patient_ref="MRN-2")
    for key, visit_id in (("k-1", visit.id), ("k-2", visit.id), ("k-3", other.id)):
        aim_service.record_red_flag(
            session=session,
            visit_id=visit_id,
            category="self_harm",
            text="I want to end it",
            at=AT,
            dedupe_key=key,
            urgency="urgent",
        )
    aim_service.record_safety_reply(
        session=session,
        visit_id=visit.id,
        dedupe_keys=["k-1", "k-3"],
        reply="  I'm safe, my sister is here  ",
        safe=True,
    )
    aim_service.record_safety_reply(
        session=session, visit_id=visit.id, dedupe_keys=[], reply="no", safe=False
    )
    session.commit()
    replies = {
        f.dedupe_key: (f.safety_reply, f.safe_to_continue) for f in _flags(session, visit.id)
    }
    assert replies == {"k-1": ("I'm safe, my sister is here", True), "k-2": (None, None)}
    assert [(f.safety_reply, f.safe_to_continue) for f in _flags(session, other.id)] == [
        (None, None)
    ]


def test_questions_are_kept_once_each_and_listed_in_the_order_asked(session: Session) -> None:
    visit, _ = make_visit(session)
    later, earlier = datetime(2026, 3, 1, 10, 0), datetime(2026, 3, 1, 9, 0)
    assert aim_service.record_question(
        session=session,
        visit_id=visit.id,
        text="can I take ibuprofen with my tablets?",
        kind="medicine",
        at=later,
        dedupe_key="q-2",
    )
    assert aim_service.record_question(
        session=session,
        visit_id=visit.id,
        text="  " + "when is my scan? " * 400,
        kind="appointment",
        at=earlier,
        dedupe_key="q-1",
    )
    assert not aim_service.record_question(
        session=session, visit_id=visit.id, text="again", kind="other", at=AT, dedupe_key="q-1"
    )
    session.commit()
    questions = aim_service.list_questions(session=session, visit_id=visit.id)
    assert [q.kind for q in questions] == ["appointment", "medicine"]
    assert questions[0].text.startswith("when is my scan?") and len(questions[0].text) == 4000
    assert aim_service.list_questions(session=session, visit_id="no-such-visit") == []


def test_safety_checks_answered_no_are_kept_once_and_do_not_flag_the_visit(
    session: Session,
) -> None:
    visit, _ = make_visit(session)
    for key in ("c-1", "c-1"):
        aim_service.record_safety_check(
            session=session,
            visit_id=visit.id,
            category="breathing_difficulty_" + "x" * 40,
            text=" a bit short of breath on the stairs ",
            answer=" no, it's how it always is ",
            at=AT,
            dedupe_key=key,
        )
    session.commit()
    [check] = aim_service.list_safety_checks(session=session, visit_id=visit.id)
    assert (len(check.category), check.text, check.answer) == (
        32,
        "a bit short of breath on the stairs",
        "no, it's how it always is",
    )
    assert session.get(Visit, visit.id).flagged is False
    count = select(func.count()).select_from(RedFlagRecord)
    assert session.execute(count).scalar_one() == 0

"""The conversation's saved state: every read and write goes through `Conversation`.

Each write acts on the visit the current message's invite opens, with the running action's
authority, and on nothing else; the slots and the stored state map both ways alike.
"""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import SlotSet
from sqlalchemy.orm import Session

from actions.authority import Authority, check, granted, of
from actions.conversation import Conversation
from coproduce.aims import service as aim_service
from coproduce.visits.models import Visit
from coproduce.visits.service import hash_token
from tests.builders import make_visit, tracker


@pytest.fixture
def visit(session: Session) -> dict[str, Any]:
    row, token = make_visit(session, patient_ref="CONV-1")
    return {"visit_id": row.id, "token": token}


def _authority(visit: dict[str, Any]) -> Authority:
    found = of(check(hash_token(visit["token"])))
    assert found is not None
    return found


def _slots(visit: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {"visit_id": visit["visit_id"], "invite_token": hash_token(visit["token"]), **more}


def _summary(session: Session, visit_id: str) -> Any:
    session.expire_all()
    return aim_service.get_summary(session=session, visit_id=visit_id)


def test_binding_loads_what_was_saved_and_names_the_invites_visit(
    visit: dict[str, Any], session: Session
) -> None:
    with granted(_authority(visit)):
        first = Conversation(
            tracker(slots=_slots(visit, consent=True, aim="walk to the shops", baseline_rating=3))
        )
        assert first.save() is True
        events = Conversation(tracker(sender_id="new-tab")).bind(_authority(visit))
    loaded = {e["name"]: e["value"] for e in events}
    assert loaded["visit_id"] == visit["visit_id"]
    assert loaded["invite_token"] == hash_token(visit["token"])  # the hash, never the token
    assert (loaded["aim"], loaded["baseline_rating"], loaded["consent"]) == (
        "walk to the shops",
        3,
        True,
    )
    assert Conversation(tracker(slots=_slots(visit))).bound_as(events)
    assert not Conversation(tracker(slots={"visit_id": "another"})).bound_as(events)


def test_nothing_is_saved_before_consent_and_the_events_of_the_action_count(
    visit: dict[str, Any], session: Session
) -> None:
    with granted(_authority(visit)):
        assert Conversation(tracker(slots=_slots(visit, aim="said too early"))).save() is True
        assert _summary(session, visit["visit_id"]).aim.statement is None
        events = [SlotSet("consent", True), SlotSet("aim", "to sleep through")]
        assert Conversation(tracker(slots=_slots(visit)), events).save() is True
    assert _summary(session, visit["visit_id"]).aim.statement == "to sleep through"


def test_every_write_is_refused_without_the_invites_authority(
    visit: dict[str, Any], session: Session
) -> None:
    other, other_token = make_visit(session, patient_ref="CONV-2")
    forged = Conversation(tracker(slots=_slots(visit, consent=True, aim="forged")))
    for authority in (None, of(check(hash_token(other_token)))):
        with granted(authority):
            assert forged.save() is False
            assert forged.record_callback() is False
            assert forged.forget() is False
            assert forged.record_red_flags(message_id="m", text="x", categories=["stroke"]) == []
            forged.record_question(text="can I have a scan?", kind="request")
            forged.decline()
    summary = _summary(session, visit["visit_id"])
    assert summary.aim.statement is None
    assert summary.red_flags == [] and summary.questions == []
    assert session.get(Visit, visit["visit_id"]) is not None
    assert _summary(session, other.id).red_flags == []


def test_flags_questions_checks_and_replies_are_kept_once_per_message(
    visit: dict[str, Any], session: Session
) -> None:
    conversation = Conversation(tracker(text="hello", slots=_slots(visit, consent=True)))
    with granted(_authority(visit)):
        assert conversation.save()
        for _ in range(2):
            keys = conversation.record_red_flags(
                message_id="m-1", text="my face dropped", categories=["stroke"]
            )
            conversation.record_question(text="can I get a blue badge?", kind="request")
            conversation.record_safety_check(
                message_id="m-2", category="chest_pain", text="chest ache", answer="no, last year"
            )
        conversation.record_safety_reply(keys=keys, reply="yes my son is calling", safe=True)
    summary = _summary(session, visit["visit_id"])
    assert [
        (f.category, f.text, f.safety_reply, f.safe_to_continue) for f in summary.red_flags
    ] == [("stroke", "my face dropped", "yes my son is calling", True)]
    assert [q.text for q in summary.questions] == ["can I get a blue badge?"]
    assert [(c.category, c.answer) for c in summary.safety_checks] == [
        ("chest_pain", "no, last year")
    ]


def test_declining_drops_the_answers_and_forgetting_removes_the_visit(
    visit: dict[str, Any], session: Session
) -> None:
    with granted(_authority(visit)):
        conversation = Conversation(tracker(slots=_slots(visit, consent=True, aim="my knee")))
        assert conversation.save()
        conversation.decline()
        assert _summary(session, visit["visit_id"]).aim.statement is None
        assert conversation.forget() is True
    session.expire_all()
    assert session.get(Visit, visit["visit_id"]) is None

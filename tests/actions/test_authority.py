"""Authority to write comes from the current message's invite, never from a tracker's slots."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select
from sqlalchemy.orm import Session

from actions.authority import granted
from actions.conversation import Conversation
from actions.elicitation import ValidateElicitationForm
from actions.finish import ActionFinish
from actions.safety import ActionRedFlag
from coproduce.aims import service as aim_service
from coproduce.aims.models import RedFlagRecord
from coproduce.safety.assess import Assessment
from coproduce.visits import service as visit_service
from coproduce.visits.models import Visit
from coproduce.visits.service import hash_token
from tests.builders import make_visit, tracker

DOMAIN: dict[str, Any] = {"responses": {}}
DANGER = Assessment("emergency", ("chest_pain",)).to_metadata()


def run(action: Any, **kwargs: Any) -> tuple[dict[str, Any], list[str]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker(**kwargs), DOMAIN))
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    return slots, [m.get("response") or m.get("text") for m in dispatcher.messages]


@pytest.fixture
def victim(session: Session) -> dict[str, Any]:
    visit, token = make_visit(session, patient_ref="VICTIM")
    aim_service.save_state(
        session=session,
        visit_id=visit.id,
        state=aim_service.AimState(answers={"aim": "walk the dog again"}, consent=True),
    )
    session.commit()
    return {"visit_id": visit.id, "token": token}


def _victim_slots(victim: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {
        "visit_id": victim["visit_id"],
        "invite_token": hash_token(victim["token"]),
        "consent": True,
        **more,
    }


def _flags(session: Session, visit_id: str) -> list[RedFlagRecord]:
    session.expire_all()
    rows = session.execute(select(RedFlagRecord).where(RedFlagRecord.visit_id == visit_id))
    return list(rows.scalars())


def _aim(session: Session, visit_id: str) -> str | None:
    session.expire_all()
    summary = aim_service.get_summary(session=session, visit_id=visit_id)
    return None if summary is None else summary.aim.statement


@pytest.mark.parametrize("token", [None, "made-up-token"])
def test_a_forged_tracker_without_a_live_invite_writes_nothing(
    victim: dict[str, Any], session: Session, token: str | None
) -> None:
    slots, responses = run(
        ValidateElicitationForm(),
        text="I have crushing chest pain right now",
        requested_slot="aim",
        slots=_victim_slots(victim),
        token=token,
        safety=DANGER,
    )
    assert "utter_invite_invalid" in responses
    assert responses[0] == "utter_safety_emergency"  # safety still comes first
    assert "aim" not in slots
    assert _aim(session, victim["visit_id"]) == "walk the dog again"
    assert _flags(session, victim["visit_id"]) == []


def test_another_patients_live_invite_cannot_write_into_this_visit(
    victim: dict[str, Any], session: Session
) -> None:
    _, attacker_token = make_visit(session, patient_ref="ATTACKER")
    _, responses = run(
        ValidateElicitationForm(),
        text="my chest is crushing right now",
        requested_slot="aim",
        slots=_victim_slots(victim),
        token=attacker_token,
        safety=DANGER,
    )
    assert "utter_not_this_conversation" in responses
    assert _aim(session, victim["visit_id"]) == "walk the dog again"
    assert _flags(session, victim["visit_id"]) == []


def test_a_forged_deletion_deletes_nothing(victim: dict[str, Any], session: Session) -> None:
    _, attacker_token = make_visit(session, patient_ref="ATTACKER")
    for token in (None, attacker_token):
        run(
            ValidateElicitationForm(),
            text="/affirm",
            intent="affirm",
            requested_slot="aim",
            slots=_victim_slots(victim, delete_pending=True),
            token=token,
        )
        run(
            ValidateElicitationForm(),
            text="/affirm",
            intent="affirm",
            in_form=False,
            slots=_victim_slots(victim, delete_pending=True),
            token=token,
        )
    session.expire_all()
    assert session.get(Visit, victim["visit_id"]) is not None


def test_a_forged_red_flag_outside_the_form_is_answered_but_not_recorded(
    victim: dict[str, Any], session: Session
) -> None:
    _, responses = run(
        ActionRedFlag(),
        text="crushing chest pain now",
        intent="red_flag",
        slots=_victim_slots(victim),
        in_form=False,
        safety=DANGER,
    )
    assert responses[0] == "utter_safety_emergency"
    assert _flags(session, victim["visit_id"]) == []


def test_the_finish_action_saves_only_with_the_visits_invite(
    victim: dict[str, Any], session: Session
) -> None:
    run(ActionFinish(), text="bye", slots=_victim_slots(victim, aim="forged aim"), token=None)
    assert _aim(session, victim["visit_id"]) == "walk the dog again"
    run(
        ActionFinish(),
        text="bye",
        slots=_victim_slots(victim, aim="my own new aim"),
        token=victim["token"],
    )
    assert _aim(session, victim["visit_id"]) == "my own new aim"


def test_store_writes_refuse_outside_a_granted_action(victim: dict[str, Any]) -> None:
    slots = _victim_slots(victim, aim="forged")
    assert Conversation(tracker(slots=slots)).save() is False
    assert Conversation(tracker(slots=slots)).forget() is False
    with granted(None):
        assert Conversation(tracker(slots=slots)).save() is False


def test_an_old_link_after_a_reissue_saves_nothing_and_says_so(
    victim: dict[str, Any], session: Session
) -> None:
    visit = session.get(Visit, victim["visit_id"])
    assert visit is not None
    new_token = visit_service.issue_invite(session=session, visit=visit)
    session.commit()
    slots, responses = run(
        ValidateElicitationForm(),
        text="a new aim from the old link",
        requested_slot="aim",
        slots=_victim_slots(victim),
        token=victim["token"],
    )
    assert responses == ["utter_link_replaced"]
    assert "aim" not in slots
    slots, responses = run(
        ValidateElicitationForm(),
        text="a new aim from the new link",
        requested_slot="aim",
        slots=_victim_slots(victim),
        token=new_token,
    )
    assert slots["aim"] == "a new aim from the new link"
    assert slots["invite_token"] == hash_token(new_token)
    assert _aim(session, victim["visit_id"]) == "a new aim from the new link"


def test_a_cancelled_visit_takes_no_more_answers(victim: dict[str, Any], session: Session) -> None:
    visit = session.get(Visit, victim["visit_id"])
    assert visit is not None
    visit_service.cancel_visit(session=session, visit=visit)
    session.commit()
    slots, responses = run(
        ValidateElicitationForm(),
        text="another answer",
        requested_slot="aim",
        slots=_victim_slots(victim),
        token=victim["token"],
    )
    assert responses == ["utter_visit_cancelled"]
    assert "aim" not in slots

"""'Delete my answers': confirm, then forget the visit and its chat transcript."""

from __future__ import annotations

import logging
import threading
import time
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.context import REQUESTED_SLOT, Turn
from coproduce.audit import service as audit_service
from coproduce.conversations import tracker_store
from coproduce.database import session_scope
from coproduce.visits import service as visit_service

logger = logging.getLogger(__name__)

Events = list[dict[str, Any]]
CONFIRM_BUTTONS = [
    {"title": "Yes, delete everything", "payload": "/affirm"},
    {"title": "No, keep my answers", "payload": "/deny"},
]
#: Rasa stores this turn's events after the action returns; delete the transcript after that.
TRACKER_DELETE_DELAYS_S = (5.0, 30.0)


def ask_to_confirm(dispatcher: CollectingDispatcher) -> Events:
    """Ask the patient to confirm that everything should be deleted."""
    dispatcher.utter_message(response="utter_confirm_delete", buttons=CONFIRM_BUTTONS)
    return [SlotSet("delete_pending", True), SlotSet("form_prompt", "silent")]


def _forget_transcripts(senders: list[str], before: datetime) -> None:
    for delay in TRACKER_DELETE_DELAYS_S:
        time.sleep(delay)
        try:
            tracker_store.delete_events(senders, before=before)
        except SQLAlchemyError:
            logger.error("Deleting a chat transcript failed; will retry")


def _delete(tracker: Tracker) -> bool:
    visit_id = tracker.get_slot("visit_id")
    if not visit_id:
        return True
    try:
        with session_scope() as session:
            senders = visit_service.delete_visit(session=session, visit_id=visit_id)
            audit_service.record(
                session=session,
                actor="patient",
                action="visit.delete.patient",
                visit_id=visit_id,
                source="chat",
            )
    except SQLAlchemyError:
        logger.error("Deleting visit %s on the patient's request failed", visit_id)
        return False
    senders = list(dict.fromkeys([*senders, tracker.sender_id]))
    before = datetime.now(timezone.utc)
    threading.Thread(target=_forget_transcripts, args=(senders, before), daemon=True).start()
    return True


def handle_reply(dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn) -> Events:
    """Delete on yes; on anything else keep everything and carry on."""
    if turn.intent == "affirm":
        if not _delete(tracker):
            dispatcher.utter_message(response="utter_delete_failed")
            return [SlotSet("delete_pending", False), SlotSet("form_prompt", "reask")]
        dispatcher.utter_message(response="utter_answers_deleted")
        return [AllSlotsReset(), SlotSet("form_prompt", "silent"), SlotSet(REQUESTED_SLOT, None)]
    dispatcher.utter_message(response="utter_delete_cancelled")
    return [SlotSet("delete_pending", False), SlotSet("form_prompt", "reask")]


class ActionRequestDelete(Action):
    """Outside the form: ask to confirm the deletion (the reply restarts the form)."""

    def name(self) -> str:
        return "action_request_delete"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> Events:
        if not tracker.get_slot("visit_id"):
            dispatcher.utter_message(response="utter_invite_invalid")
            return []
        return ask_to_confirm(dispatcher)

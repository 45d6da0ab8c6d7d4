"""Messages that cannot be saved are kept, the patient is told, and they are saved later."""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
import redis
from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore
from rasa.shared.core.events import SlotSet, UserUttered
from sqlalchemy import select
from sqlalchemy.orm import Session

from coproduce.aims.models import RedFlagRecord
from coproduce.conversations.outbox import Outbox, PendingMessage, RedisOutbox, SqliteOutbox
from coproduce.safety import flagging
from coproduce.safety.assess import Assessment
from coproduce.visits.service import hash_token
from rasa_server.channels import delivery as delivery_module
from rasa_server.channels.delivery import (
    DELAYED_NOTICE,
    NOT_KEPT_NOTICE,
    Delivery,
    flag_kept_message,
    merged_text,
    safety_guidance,
)
from rasa_server.channels.gate import Admission
from tests import aio
from tests.builders import make_visit

RESPONSES = {
    "utter_safety_emergency": [{"text": "Please call {emergency_number} now."}],
    "utter_safety_someone_else": [{"text": "Call {emergency_number} for them now."}],
    "utter_safety_self_harm": [{"text": "Call {emergency_number} or {crisis_line}."}],
    "utter_safety_harm_from_others": [{"text": "If in danger call {emergency_number}."}],
}


def pending(*texts: str, channel: str = "rest", at: float | None = None) -> list[PendingMessage]:
    return [PendingMessage(text, channel, at=at or time.time()) for text in texts]


@pytest.mark.parametrize(
    ("texts", "merged"),
    [
        (["my allotment", "hello?", "and the choir"], "my allotment\nand the choir"),
        (["my allotment", "Are you still there??", "anyone there"], "my allotment"),
        (["ok"], "ok"),
        (["hello?", "are you there"], "are you there"),
        (["  ", "my dog  "], "my dog"),
        (["yes", "ok"], "yes"),
    ],
)
def test_kept_messages_become_one_answer_without_check_ins(texts: list[str], merged: str) -> None:
    assert merged_text(pending(*texts)) == merged


def test_danger_gets_the_domain_guidance_with_the_numbers() -> None:
    def judged(level: str, *categories: str, about: str = "patient") -> dict:
        return {"safety": Assessment(level, categories, about).to_metadata()}

    assert safety_guidance(judged("emergency", "chest_pain"), RESPONSES) == "Please call 999 now."
    assert "116 123" in str(safety_guidance(judged("check", "self_harm"), RESPONSES))
    assert safety_guidance(judged("none"), RESPONSES) is None
    assert safety_guidance({}, RESPONSES) is None
    someone = safety_guidance(judged("emergency", "stroke", about="someone_else"), RESPONSES)
    assert someone == "Call 999 for them now."


class FakeRasa:
    """Stands in for `agent.handle_message`: replies, stays silent, or raises."""

    def __init__(self, *outcomes: str) -> None:
        self.outcomes = list(outcomes)
        self.texts: list[str] = []
        self.ids: list[str] = []

    async def __call__(self, message: UserMessage) -> None:
        self.texts.append(message.text or "")
        self.ids.append(str(message.message_id))
        outcome = self.outcomes.pop(0) if self.outcomes else "reply"
        if outcome == "raise":
            raise ConnectionError("database is down")
        if outcome == "reply":
            await message.output_channel.send_text_message(message.sender_id, "next question")


async def _open(**_: object) -> Admission:
    """A gate that lets every message through (the gate has tests of its own)."""
    return Admission(True, "live")


def make_delivery(
    rasa: FakeRasa, outbox: Outbox, monkeypatch: pytest.MonkeyPatch, *, up: bool = True
) -> Delivery:
    monkeypatch.setattr(delivery_module, "RETRY_PAUSE_SECONDS", 0)
    monkeypatch.setattr(delivery_module, "database_up", lambda: up)
    delivery = Delivery(
        "rest", rasa, lambda _: CollectingOutputChannel(), outbox, admit=_open, recheck=_open
    )
    # The Agent's own wrapping, with the patch `python -m rasa_server` installs.
    store = Agent._create_tracker_store(InMemoryTrackerStore(None), None)  # type: ignore[arg-type]
    agent = SimpleNamespace(
        action_endpoint=None, tracker_store=store, domain=SimpleNamespace(responses=RESPONSES)
    )
    delivery.app = SimpleNamespace(ctx=SimpleNamespace(agent=agent))
    return delivery


def say(
    delivery: Delivery, text: str, sender: str = "pat-1", safety: Assessment | None = None
) -> list[str]:
    collector = CollectingOutputChannel()
    metadata = {"safety": safety.to_metadata()} if safety else {}
    message = UserMessage(text, collector, sender, input_channel="rest", metadata=metadata)
    aio.run(delivery.handle(message))
    return [m["text"] for m in collector.messages]


@pytest.fixture
def outbox(tmp_path: Path) -> SqliteOutbox:
    return SqliteOutbox(tmp_path / "outbox.db")


def test_a_handled_message_passes_straight_through(outbox, monkeypatch) -> None:
    rasa = FakeRasa("reply")
    assert say(make_delivery(rasa, outbox, monkeypatch), "my allotment") == ["next question"]
    assert rasa.texts == ["my allotment"]
    assert aio.run(outbox.senders()) == []


def test_a_failure_is_tried_once_more_before_the_message_is_kept(outbox, monkeypatch) -> None:
    rasa = FakeRasa("raise", "reply")
    assert say(make_delivery(rasa, outbox, monkeypatch), "my allotment") == ["next question"]
    assert rasa.texts == ["my allotment", "my allotment"]
    assert aio.run(outbox.senders()) == []


def test_while_rasa_fails_messages_are_kept_and_then_saved_as_one_answer(
    outbox, monkeypatch
) -> None:
    rasa = FakeRasa("raise", "raise", "raise", "raise")
    delivery = make_delivery(rasa, outbox, monkeypatch)
    assert say(delivery, "my allotment") == [DELAYED_NOTICE]
    assert say(delivery, "hello?") == [DELAYED_NOTICE]
    assert [m.text for m in aio.run(outbox.pending("pat-1"))] == ["my allotment", "hello?"]

    assert say(delivery, "and the choir") == ["next question"]
    assert rasa.texts[-1] == "my allotment\nand the choir"
    assert aio.run(outbox.pending("pat-1")) == []


def test_while_the_actions_cannot_save_rasa_is_not_asked_again(outbox, monkeypatch) -> None:
    rasa = FakeRasa("silent")
    delivery = make_delivery(rasa, outbox, monkeypatch, up=False)
    assert say(delivery, "my allotment") == [DELAYED_NOTICE]
    assert say(delivery, "and the choir") == [DELAYED_NOTICE]
    assert rasa.texts == ["my allotment"]
    assert len(aio.run(outbox.pending("pat-1"))) == 2


def test_a_turn_that_could_not_be_saved_is_taken_back_out_of_the_conversation(
    outbox, monkeypatch
) -> None:
    delivery = make_delivery(FakeRasa(), outbox, monkeypatch, up=False)
    store = delivery.app.ctx.agent.tracker_store

    async def rasa_whose_actions_fail(message: UserMessage) -> None:
        # Rasa logs the message and the answer the validation took, then the ask fails.
        tracker = await store.get_or_create_tracker(message.sender_id)
        tracker.update(UserUttered(message.text))
        tracker.update(SlotSet("what_matters", message.text))
        await store.save(tracker)

    delivery.on_new_message = rasa_whose_actions_fail
    assert say(delivery, "my allotment") == [DELAYED_NOTICE]

    tracker = aio.run(store.retrieve("pat-1"))
    applied = tracker.applied_events()
    assert not [e for e in applied if isinstance(e, (UserUttered, SlotSet))]
    assert [m.text for m in aio.run(outbox.pending("pat-1"))] == ["my allotment"]


def test_silence_while_everything_is_up_is_the_bots_choice(outbox, monkeypatch) -> None:
    rasa = FakeRasa("silent")
    assert say(make_delivery(rasa, outbox, monkeypatch), "thanks") == []
    assert aio.run(outbox.senders()) == []


def test_danger_while_saving_is_delayed_gets_the_guidance_first(outbox, monkeypatch) -> None:
    delivery = make_delivery(FakeRasa("raise", "raise"), outbox, monkeypatch)
    danger = Assessment("emergency", ("chest_pain",))
    replies = say(delivery, "I've got crushing chest pain right now", safety=danger)
    assert replies == ["Please call 999 now.", DELAYED_NOTICE]


def test_a_red_flag_kept_in_an_outage_reaches_the_clinic_at_once_and_once(
    session: Session, outbox: SqliteOutbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    visit, token = make_visit(session)
    alerted: list[dict] = []
    monkeypatch.setattr(flagging.alerts, "send_alert", lambda **alert: alerted.append(alert))
    danger = Assessment("emergency", ("chest_pain",))
    metadata = {"safety": danger.to_metadata(), "invite_hash": hash_token(token)}

    def flags() -> list[str]:
        session.expire_all()
        query = select(RedFlagRecord.category).where(RedFlagRecord.visit_id == visit.id)
        return list(session.execute(query).scalars())

    down = make_delivery(FakeRasa("raise", "raise"), outbox, monkeypatch)

    async def live(**_: object) -> Admission:
        return Admission(True, "live", hash_token(token), visit.id)

    down.admit = live
    text = "I've got crushing chest pain right now"
    aio.run(down.handle(UserMessage(text, CollectingOutputChannel(), "pat-1", metadata=metadata)))
    # Recorded while the action server is down, and the clinic alerted.
    assert flags() == ["chest_pain"]
    assert alerted == [{"visit_id": visit.id, "category": "chest_pain", "urgency": "emergency"}]

    # Saved later as one message under the kept batch's id: the actions find it stored.
    [kept] = aio.run(outbox.pending("pat-1"))
    rasa = FakeRasa("reply")
    up = make_delivery(rasa, outbox, monkeypatch)
    aio.run(up.handle(UserMessage("hello?", CollectingOutputChannel(), "pat-1", metadata=metadata)))
    assert rasa.ids == [kept.id]
    flagging.record(
        visit_id=visit.id,
        sender_id="pat-1",
        message_key=rasa.ids[0],
        text=text,
        categories=["chest_pain"],
    )
    assert flags() == ["chest_pain"]
    assert len(alerted) == 1


def test_a_kept_message_with_a_dead_link_flags_nothing(
    session: Session, outbox: SqliteOutbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    danger = {"safety": Assessment("emergency", ("chest_pain",)).to_metadata()}
    refused = Admission(False, "replaced", "0" * 64, "visit-1")
    assert flag_kept_message("pat-2", "b1", "chest pain", danger, refused) == []
    assert flag_kept_message("pat-2", "b1", "chest pain", danger, None) == []  # could not say
    live = Admission(True, "live", "0" * 64, "visit-1")
    assert flag_kept_message("pat-2", "b1", "my knee", {}, live) == []  # nothing to flag


def test_when_nothing_can_be_kept_the_patient_is_told_to_try_again(monkeypatch) -> None:
    class BrokenOutbox(SqliteOutbox):
        async def add(self, sender: str, message: PendingMessage) -> None:
            raise OSError("disk full")

    outbox = BrokenOutbox(Path(f"/tmp/outbox-{uuid.uuid4().hex}.db"))
    delivery = make_delivery(FakeRasa("raise", "raise"), outbox, monkeypatch)
    assert say(delivery, "my allotment") == [NOT_KEPT_NOTICE]


def test_tracker_store_errors_reach_the_delivery_instead_of_an_empty_tracker(
    outbox, monkeypatch
) -> None:
    delivery = make_delivery(FakeRasa(), outbox, monkeypatch)
    store = delivery.app.ctx.agent.tracker_store

    async def broken(sender_id: str) -> None:
        raise ConnectionError("database is down")

    store._tracker_store.retrieve = broken
    assert isinstance(store, FailSafeTrackerStore)
    with pytest.raises(ConnectionError):
        aio.run(store.retrieve("pat-1"))


def test_the_background_retry_waits_for_rest_patients_to_go_quiet(outbox, monkeypatch) -> None:
    rasa = FakeRasa()
    delivery = make_delivery(rasa, outbox, monkeypatch)
    old = time.time() - 120
    for message in pending("my allotment", "and the choir", at=old):
        aio.run(outbox.add("quiet", message))
    aio.run(outbox.add("typing", pending("my dog")[0]))
    aio.run(outbox.add("socket", pending("my cat", channel="socketio")[0]))

    assert aio.run(delivery.flush(idle_seconds=60)) == 2
    assert rasa.texts == ["my allotment\nand the choir"]
    assert aio.run(outbox.senders()) == ["socket", "typing"]


def test_the_background_retry_stops_while_saving_is_still_impossible(outbox, monkeypatch) -> None:
    rasa = FakeRasa()
    delivery = make_delivery(rasa, outbox, monkeypatch, up=False)
    aio.run(outbox.add("quiet", pending("my allotment", at=time.time() - 120)[0]))
    assert aio.run(delivery.flush(idle_seconds=60)) == 0
    assert rasa.texts == []


def _redis_url() -> str | None:
    try:
        redis.Redis(host="127.0.0.1", port=6379, socket_timeout=1).ping()
    except redis.RedisError:
        return None
    return "redis://127.0.0.1:6379/4"


@pytest.mark.parametrize("kind", ["sqlite", "redis"])
def test_both_outboxes_keep_order_remove_by_id_and_lock_per_conversation(
    kind: str, tmp_path: Path
) -> None:
    if kind == "redis":
        url = _redis_url()
        if url is None:
            pytest.skip("Redis is not running on 127.0.0.1:6379")
        store: Outbox = RedisOutbox(url)
    else:
        store = SqliteOutbox(tmp_path / "outbox.db")
    sender = f"pat-{uuid.uuid4().hex}"
    first, second, third = pending("one", "two", "three")

    async def scenario() -> list[str]:
        for message in (first, second, third):
            await store.add(sender, message)
        assert [m.text for m in await store.pending(sender)] == ["one", "two", "three"]
        assert sender in await store.senders()
        await store.remove(sender, [first.id, third.id])
        assert [m.text for m in await store.pending(sender)] == ["two"]
        await store.remove(sender, [second.id])
        assert sender not in await store.senders()

        order: list[str] = []

        async def hold(name: str) -> None:
            async with store.lock(sender):
                order.append(f"{name} in")
                await asyncio.sleep(0.05)
                order.append(f"{name} out")

        await asyncio.gather(hold("a"), hold("b"))
        return order

    order = aio.run(scenario())
    assert order in (["a in", "a out", "b in", "b out"], ["b in", "b out", "a in", "a out"])


def test_the_outbox_url_must_name_sqlite_or_redis() -> None:
    from coproduce.conversations.outbox import outbox_for

    with pytest.raises(ValueError, match="COPRODUCE_OUTBOX_URL"):
        outbox_for("postgresql://x/y")
    assert os.environ["COPRODUCE_OUTBOX_URL"].startswith("sqlite:///")


@pytest.mark.parametrize("kind", ["sqlite", "redis"])
def test_forgetting_a_conversation_drops_its_kept_messages(kind: str, tmp_path: Path) -> None:
    from coproduce.conversations.outbox import forget

    url = _redis_url() if kind == "redis" else f"sqlite:///{tmp_path / 'outbox.db'}"
    if url is None:
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    store = RedisOutbox(url) if kind == "redis" else SqliteOutbox(tmp_path / "outbox.db")
    gone, kept = f"gone-{uuid.uuid4().hex}", f"kept-{uuid.uuid4().hex}"

    async def scenario() -> tuple[int, int, list[str]]:
        for sender in (gone, kept):
            await store.add(sender, pending("my knee")[0])
        await asyncio.to_thread(forget, [gone], url)
        return len(await store.pending(gone)), len(await store.pending(kept)), await store.senders()

    left_gone, left_kept, senders = aio.run(scenario())
    assert (left_gone, left_kept) == (0, 1)
    assert gone not in senders

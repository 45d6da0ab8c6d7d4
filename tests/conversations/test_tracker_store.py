"""Forgetting a conversation removes its tracker events (and its kept messages) only."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import select, text
from sqlalchemy.engine import Engine

from coproduce.conversations import tracker_store
from coproduce.conversations.outbox import PendingMessage, get_outbox
from tests import aio
from tests.conversations.conftest import EVENTS, AddEvents, senders_left, unique

NOON = datetime(2026, 3, 1, 12, 0)
NOON_TS = NOON.replace(tzinfo=timezone.utc).timestamp()


def test_only_the_named_conversations_lose_their_events_and_kept_messages(
    tracker: Engine, add_events: AddEvents
) -> None:
    gone, other, kept = unique("gone"), unique("other"), unique("kept")
    add_events(gone, NOON_TS - 60, NOON_TS)
    add_events(other, NOON_TS)
    add_events(kept, NOON_TS)
    outbox = get_outbox()
    for sender in (gone, kept):
        aio.run(outbox.add(sender, PendingMessage("my hip", "rest")))

    assert tracker_store.delete_events([gone, other, unique("never-seen")]) == 3
    assert senders_left(tracker) == [kept]
    assert aio.run(outbox.pending(gone)) == []
    assert len(aio.run(outbox.pending(kept))) == 1


def test_events_from_before_a_time_go_and_later_ones_stay(
    tracker: Engine, add_events: AddEvents
) -> None:
    add_events("pat-1", NOON_TS - 3600, NOON_TS - 1, NOON_TS, NOON_TS + 5)
    assert tracker_store.delete_events(["pat-1"], before=NOON) == 2  # naive means UTC
    aware = NOON.replace(tzinfo=timezone.utc)
    assert tracker_store.delete_events(["pat-1"], before=aware) == 0
    with tracker.connect() as connection:
        left = connection.execute(select(EVENTS.c.timestamp).order_by(EVENTS.c.timestamp))
        assert list(left.scalars()) == [NOON_TS, NOON_TS + 5]


def test_no_conversations_or_no_tracker_table_deletes_nothing(
    tracker: Engine, add_events: AddEvents
) -> None:
    add_events("pat-1", NOON_TS)
    assert tracker_store.delete_events([]) == 0
    assert senders_left(tracker) == ["pat-1"]
    with tracker.begin() as connection:
        connection.execute(text("DROP TABLE events"))
    assert tracker_store.delete_events(["pat-1"]) == 0

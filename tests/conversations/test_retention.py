"""Chat transcripts past retention are deleted whole, with their messages kept in the outbox."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from coproduce.conversations import retention
from coproduce.conversations.outbox import PendingMessage, get_outbox
from tests import aio
from tests.conversations.conftest import AddEvents, senders_left, unique

DAY = 86400.0
NOW = 1_790_000_000.0


def test_without_a_tracker_table_there_is_nothing_to_purge(
    tracker: Engine,
) -> None:
    with tracker.begin() as connection:
        connection.execute(text("DROP TABLE events"))
    assert retention.stale_conversations(older_than_days=30, now=NOW) == []
    assert retention.purge_transcripts(older_than_days=30, now=NOW) == 0


def test_a_conversation_is_stale_only_when_its_last_message_is_past_retention(
    tracker: Engine, add_events: AddEvents
) -> None:
    add_events("old", NOW - 40 * DAY, NOW - 31 * DAY)
    add_events("still-talking", NOW - 50 * DAY, NOW - 60)  # kept whole, old turns too
    add_events("on-the-cutoff", NOW - 30 * DAY)
    add_events("recent", NOW - DAY)
    assert retention.stale_conversations(older_than_days=30, now=NOW) == ["old"]
    assert sorted(retention.stale_conversations(older_than_days=0.5, now=NOW)) == [
        "old",
        "on-the-cutoff",
        "recent",
    ]


def test_purging_deletes_stale_transcripts_and_their_kept_messages(
    tracker: Engine, add_events: AddEvents
) -> None:
    stale, live = unique("stale"), unique("live")
    add_events(stale, NOW - 45 * DAY)
    add_events(live, NOW - DAY)
    outbox = get_outbox()
    for sender in (stale, live):
        aio.run(outbox.add(sender, PendingMessage("my knee", "rest")))

    assert retention.purge_transcripts(older_than_days=30, now=NOW) == 1
    assert senders_left(tracker) == [live]
    assert aio.run(outbox.pending(stale)) == []
    assert [m.text for m in aio.run(outbox.pending(live))] == ["my knee"]
    assert retention.purge_transcripts(older_than_days=30, now=NOW) == 0


def test_many_stale_conversations_are_purged_batch_by_batch(
    tracker: Engine, add_events: AddEvents, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(retention, "_BATCH", 2)
    forgotten: list[list[str]] = []
    monkeypatch.setattr(retention.outbox, "forget", lambda batch: forgotten.append(batch))
    for n in range(5):
        add_events(f"old-{n}", NOW - (40 + n) * DAY)
    add_events("recent", NOW - DAY)
    assert retention.purge_transcripts(older_than_days=30, now=NOW) == 5
    assert [len(batch) for batch in forgotten] == [2, 2, 1]
    assert senders_left(tracker) == ["recent"]


def test_the_retention_clock_is_the_current_time_by_default(
    tracker: Engine, add_events: AddEvents
) -> None:
    now = time.time()
    add_events("last-month", now - 31 * DAY)
    add_events("yesterday", now - DAY)
    assert retention.purge_transcripts(older_than_days=30) == 1
    assert senders_left(tracker) == ["yesterday"]

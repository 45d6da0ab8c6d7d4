"""'Forget me': deletion removes the visit and the chat transcript from the tracker store."""

from __future__ import annotations

import time

import httpx
import pytest
from sqlalchemy import bindparam, create_engine, text

from tests.e2e.servers import API_TOKEN, Chat, Stack

pytestmark = [pytest.mark.e2e, pytest.mark.model]


def _tracker_rows(stack: Stack, sender: str) -> int:
    url = stack.env.get("COPRODUCE_TRACKER_DATABASE_URL") or stack.env["COPRODUCE_DATABASE_URL"]
    engine = create_engine(url)
    with engine.connect() as connection:
        query = text("SELECT count(*) FROM events WHERE sender_id IN :s").bindparams(
            bindparam("s", expanding=True)
        )
        count = int(connection.execute(query, {"s": [sender]}).scalar_one())
    engine.dispose()
    return count


def test_api_delete_removes_the_visit_and_its_tracker_events(stack: Stack) -> None:
    visit = stack.create_visit()
    chat = Chat(stack, visit["invite_token"])
    chat.say("hi")
    chat.say("yes")
    chat.say("my secret aim about my bowels")
    assert _tracker_rows(stack, chat.sender) > 0
    with httpx.Client(
        base_url=stack.api_url, headers={"Authorization": f"Bearer {API_TOKEN}"}
    ) as client:
        assert client.delete(f"/api/v1/visits/{visit['id']}").status_code == 204
        assert client.get(f"/api/v1/visits/{visit['id']}/summary").status_code == 404
        audit = client.get("/api/v1/audit", params={"visit_id": visit["id"]}).json()["items"]
    assert _tracker_rows(stack, chat.sender) == 0
    assert [e["action"] for e in audit] == ["visit.delete"]
    assert "bowels" not in str(audit)
    reply = chat.text(chat.say("hello again"))
    assert "link isn't working" in reply


def test_delete_my_answers_in_the_chat_asks_then_forgets(stack: Stack) -> None:
    visit = stack.create_visit()
    chat = Chat(stack, visit["invite_token"])
    chat.say("hi")
    chat.say("yes")
    chat.say("I want to talk about my private worry")
    reply = chat.text(chat.say("please delete my answers"))
    assert "delete everything" in reply
    assert stack.summary(visit["id"])["aim"]["statement"]
    reply = chat.text(chat.say("yes"))
    assert "deleted" in reply
    with httpx.Client(
        base_url=stack.api_url, headers={"Authorization": f"Bearer {API_TOKEN}"}
    ) as client:
        assert client.get(f"/api/v1/visits/{visit['id']}").status_code == 404
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        texts = _transcript(stack, chat.sender)
        if "private worry" not in texts:
            break
        time.sleep(1)
    assert "private worry" not in _transcript(stack, chat.sender)


def _transcript(stack: Stack, sender: str) -> str:
    url = stack.env.get("COPRODUCE_TRACKER_DATABASE_URL") or stack.env["COPRODUCE_DATABASE_URL"]
    engine = create_engine(url)
    with engine.connect() as connection:
        rows = (
            connection.execute(text("SELECT data FROM events WHERE sender_id = :s"), {"s": sender})
            .scalars()
            .all()
        )
    engine.dispose()
    return "\n".join(rows)

"""Restarts lose nothing: the Rasa server restarts mid-conversation and it carries on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.servers import Chat, Stack, running_stack, start_rasa, stop

pytestmark = [pytest.mark.e2e, pytest.mark.model]


@pytest.fixture(scope="module")
def own_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    workdir = tmp_path_factory.mktemp("faults")
    with running_stack(workdir, database_url=f"sqlite:///{workdir / 'aims.db'}") as stack:
        yield stack


def test_a_rasa_restart_mid_conversation_keeps_every_answer(own_stack: Stack) -> None:
    stack = own_stack
    visit = stack.create_visit()
    chat = Chat(stack, visit["invite_token"])
    for text in ["hi", "yes", "to manage my breathing better", "my allotment"]:
        chat.say(text)
    assert chat.requested_slot() == "illness_burden"

    stop(stack, "rasa")
    start_rasa(stack, Path(stack.log_dir) / "endpoints.yml")

    assert chat.requested_slot() == "illness_burden"
    for text in [
        "I get breathless on the stairs",
        "the inhaler technique confuses me",
        "my breathing exercises",
        "my son",
        "if I could do the stairs in one go",
        "3",
        "yes that's right",
    ]:
        assert chat.say(text), text
    summary = stack.summary(visit["id"])
    assert summary["status"] == "completed"
    assert summary["aim"]["statement"] == "to manage my breathing better"
    assert summary["aim"]["what_matters"] == "my allotment"
    assert summary["illness_burdens"] == [{"text": "I get breathless on the stairs"}]
    assert summary["treatment_burdens"][0]["text"] == "the inhaler technique confuses me"
    assert summary["assets"] == [{"text": "my breathing exercises"}]
    assert summary["supports"][0]["relationship"] == "son"
    assert summary["improvement"]["baseline_rating"] == 3

"""Each Rasa patch: installed only when asked, guarded by the Rasa version, doing its job."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction
from rasa.core.agent import Agent
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Event, SlotSet, UserUttered

from rasa_server import patches
from tests import aio

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


@pytest.fixture
def unpatched() -> Iterator[None]:
    """Rasa as it ships, for the length of one test; patched again afterwards."""
    for patch in patches.PATCHES:
        patch.uninstall()
    yield
    patches.install()


def test_importing_the_rasa_server_package_patches_nothing() -> None:
    code = (
        "import rasa_server, rasa_server.patches, rasa_server.channels.guarded, "
        "rasa_server.channels.patient_socket, rasa_server.tracker_store, "
        "rasa_server.lock_store, rasa_server.red_flags\n"
        "from rasa_server import patches\n"
        "assert not any(p.installed() for p in patches.PATCHES), 'patched on import'\n"
        "patches.install()\n"
        "assert patches.installed()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]


def test_the_patches_refuse_another_rasa_version(monkeypatch: pytest.MonkeyPatch) -> None:
    patches.check_rasa_version("3.6.21")
    with pytest.raises(RuntimeError, match=r"Rasa 3\.7\.0 is installed"):
        patches.check_rasa_version("3.7.0")
    monkeypatch.setattr(patches, "rasa_version", "3.7.0")
    with pytest.raises(RuntimeError, match=r"3\.7\.0"):
        patches.install()


def test_install_puts_every_patch_in_place_and_uninstall_takes_it_out(unpatched: None) -> None:
    assert not patches.installed()
    with pytest.raises(RuntimeError, match="python -m rasa_server"):
        patches.require()
    assert [p.name for p in patches.install()] == [
        "action_reply_validation",
        "event_class_lookup",
        "tracker_store_errors_raise",
    ]
    assert patches.installed()
    patches.require()
    patches.install()  # idempotent
    assert patches.installed()


@pytest.mark.parametrize(
    "result",
    [
        {"events": [{"event": "slot", "name": "aim", "value": "walk"}], "responses": []},
        {"events": "not a list", "responses": []},
        {"events": [{"no_event_key": 1}], "responses": []},
        {"events": [], "responses": [{"text": 5}]},
    ],
)
def test_action_replies_are_validated_exactly_as_rasa_does(
    result: dict[str, Any], unpatched: None
) -> None:
    action = RemoteAction("action_x", None)

    def outcome() -> str:
        try:
            return str(action._validate_action_result(result))
        except jsonschema.ValidationError as error:
            return f"invalid: {error.validator}"

    in_rasa = outcome()
    patches.install()
    assert outcome() == in_rasa


def test_event_classes_are_found_as_rasa_finds_them(unpatched: None) -> None:
    names = ["user", "action", "slot", "bot", "session_started", "followup", "reset_slots"]
    in_rasa = [Event.resolve_by_type(name, None) for name in names]
    patches.install()
    assert [Event.resolve_by_type(name, None) for name in names] == in_rasa
    assert Event.resolve_by_type("user") is UserUttered
    assert Event.resolve_by_type("action") is ActionExecuted
    assert Event.resolve_by_type("slot") is SlotSet


def test_tracker_store_errors_raise_instead_of_an_empty_conversation(unpatched: None) -> None:
    async def broken(sender_id: str) -> None:
        raise ConnectionError("database is down")

    def store_of_new_agent() -> FailSafeTrackerStore:
        store = Agent._create_tracker_store(InMemoryTrackerStore(Domain.empty()), Domain.empty())
        assert isinstance(store, FailSafeTrackerStore)
        store._tracker_store.retrieve = broken
        return store

    # Rasa as it ships: the conversation comes back empty, as if the patient were new.
    assert aio.run(store_of_new_agent().retrieve("pat-1")) is None
    patches.install()
    with pytest.raises(ConnectionError):
        aio.run(store_of_new_agent().retrieve("pat-1"))


def test_the_rasa_server_is_started_through_the_patching_entry_point() -> None:
    script = (ROOT / "scripts" / "rasa_server.sh").read_text()
    assert "-m rasa_server run" in script
    assert "bin/rasa run" not in script

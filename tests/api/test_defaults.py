"""Safe defaults: every service listens on loopback unless told otherwise."""

from __future__ import annotations

import pytest

from coproduce.config import Settings


def test_services_listen_on_loopback_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COPRODUCE_HOST", raising=False)
    assert Settings(_env_file=None).host == "127.0.0.1"  # type: ignore[call-arg]


def test_the_host_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPRODUCE_HOST", "10.0.0.5")
    assert Settings(_env_file=None).host == "10.0.0.5"  # type: ignore[call-arg]

"""Every response in the domain is sent by something: a rule, a story or a custom action.

Rasa's validator warns about responses "not used in any story or rule" because it cannot
see the custom actions, which send most of them by name; this test can, so a response that
nothing sends any more is caught here instead.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SENDERS = [
    *ROOT.glob("actions/*.py"),
    *ROOT.glob("coproduce/**/*.py"),
    *ROOT.glob("rasa_server/**/*.py"),
]
FLOWS = [*ROOT.glob("bot/data/*.yml"), *ROOT.glob("tests/stories/*.yml")]


def _responses() -> set[str]:
    names: set[str] = set()
    for path in ROOT.glob("bot/domain/*.yml"):
        names |= set((yaml.safe_load(path.read_text()) or {}).get("responses") or {})
    return names


def _used() -> set[str]:
    text = "\n".join(p.read_text() for p in [*SENDERS, *FLOWS])
    used = set(re.findall(r"utter_[a-z0-9_]+", text))
    # The ask actions build these names from the slot: utter_ask_<slot>, utter_explain_<slot>.
    if 'f"utter_ask_{' in text or "utter_ask_{" in text:
        used |= {n for n in _responses() if n.startswith(("utter_ask_", "utter_explain_"))}
    return used


#: Sent by Rasa itself: the core fallback action says utter_default.
SENT_BY_RASA = {"utter_default"}


def test_every_response_is_sent_by_something() -> None:
    unused = sorted(_responses() - _used() - SENT_BY_RASA)
    assert unused == [], f"responses nothing sends: {unused}"


def test_every_response_an_action_sends_exists() -> None:
    sent = set(re.findall(r"\"(utter_[a-z0-9_]+)\"", "\n".join(p.read_text() for p in SENDERS)))
    missing = sorted(sent - _responses())
    assert missing == [], f"actions send responses the domain does not have: {missing}"

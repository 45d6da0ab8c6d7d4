"""Every list of the conversation's questions agrees with the one in coproduce/aims/topics.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from actions import saved_state, session
from actions.prompts import FORM_PROMPT, Prompt
from api.clinician.pages import TOPIC_LABELS
from coproduce.aims import topics
from coproduce.followups.service import FOLLOWUP_TOPICS, FollowUpState
from coproduce.safety.guidance import check_response, guidance_response
from coproduce.safety.patterns import CATEGORIES

DOMAIN = Path(__file__).resolve().parents[2] / "bot/domain"


def _domain(name: str) -> dict[str, Any]:
    return dict(yaml.safe_load((DOMAIN / name).read_text()))


def test_the_form_asks_every_topic_in_the_order_of_topics_py() -> None:
    elicitation = _domain("elicitation.yml")
    required = elicitation["forms"]["elicitation_form"]["required_slots"]
    assert [slot for slot in required if slot in topics.TOPICS] == list(topics.TOPICS)
    for topic in topics.TOPICS:
        assert topic in elicitation["slots"], topic
        assert f"utter_ask_{topic}" in elicitation["responses"] or (
            f"action_ask_{topic}" in elicitation.get("actions", [])
        ), topic


@pytest.mark.parametrize(
    ("name", "labels"),
    [
        ("LABELS", topics.LABELS),
        ("SHORT_LABELS", topics.SHORT_LABELS),
        ("clinician TOPIC_LABELS", TOPIC_LABELS),
    ],
)
def test_every_topic_has_a_label_and_no_label_is_left_over(
    name: str, labels: dict[str, str]
) -> None:
    assert set(labels) == set(topics.TOPICS), name


def test_the_follow_up_slots_are_stored_and_reloaded_alike() -> None:
    followup = _domain("followup.yml")
    assert set(FOLLOWUP_TOPICS) <= set(followup["slots"])
    slots = {
        "followup_rating": 6,
        "goal_attainment": 1,
        "worry_resolved": "yes, sorted",
        "followup_helped": "the new tablets",
        "followup_barriers": "the bus",
        "aim_update": "still the same",
    }
    assert set(slots) == set(FOLLOWUP_TOPICS)
    state = saved_state.follow_up_state(slots)
    assert isinstance(state, FollowUpState)
    events = saved_state.follow_up_slots(state)
    assert {e["name"]: e["value"] for e in events} == slots
    skipped = saved_state.follow_up_state({**slots, "aim_update": topics.SKIPPED})
    reloaded = {e["name"]: e["value"] for e in saved_state.follow_up_slots(skipped)}
    assert reloaded == {**slots, "aim_update": topics.SKIPPED}


def test_the_pre_visit_answers_are_stored_and_reloaded_alike() -> None:
    slots: dict[str, Any] = {topic: f"said about {topic}" for topic in topics.TEXT_TOPICS}
    slots |= {
        topics.BASELINE_RATING: 3,
        "consent": True,
        "confirm_summary": True,
        "skipped_topics": ["assets"],
        "category_overrides": {"treatment_burden:0": "costs"},
        "skip_reasons": {"assets": "rather not say"},
        "respondent": {"type": "proxy", "relationship": "daughter"},
        "callback": {"phone": "01632 960123", "preferred_time": "mornings"},
    }
    events = saved_state.aim_slots(saved_state.aim_state(slots))
    assert {e["name"]: e["value"] for e in events} == slots


def test_every_safety_response_the_actions_name_is_in_the_domain() -> None:
    responses = _domain("safety.yml")["responses"]
    for category in CATEGORIES:
        for about in ("patient", "someone_else"):
            assert guidance_response([category], about=about) in responses, (category, about)
        assert check_response([category]) in responses, category
    assert check_response([]) in responses


def test_the_form_prompt_protocol_is_one_enum_and_its_slot_is_in_the_domain() -> None:
    slots = _domain("elicitation.yml")["slots"]
    assert FORM_PROMPT in slots
    assert FORM_PROMPT in session.TRANSIENT
    assert len({p.value for p in Prompt}) == len(Prompt)
    actions = Path(__file__).resolve().parents[2] / "actions"
    for path in actions.glob("*.py"):
        if path.name != "prompts.py":
            assert '"form_prompt"' not in path.read_text(), path.name

"""Read the summary back to the patient in their own words."""

from __future__ import annotations

from typing import Any

from coproduce.aims import topics
from coproduce.nlp import extraction

CONFIRM_BUTTONS = [
    {"title": "Yes, that's right", "payload": "/affirm"},
    {"title": "Change something", "payload": "/correct"},
]


def _answer(slots: dict[str, Any], topic: str) -> str | None:
    value = slots.get(topic)
    if value is None or value == topics.SKIPPED:
        return None
    return str(value).strip() or None


def _line(slots: dict[str, Any], topic: str) -> str:
    label = topics.LABELS[topic]
    if topic == topics.BASELINE_RATING:
        rating = slots.get(topic)
        shown = f"{rating} out of 10" if isinstance(rating, int) else "(skipped)"
        return f"• {label}: {shown}"
    text = _answer(slots, topic)
    if text is None:
        return f"• {label}: (skipped)"
    if topic in topics.STATEMENT_TOPICS:
        return f"• {label}: “{text}”"
    items = extraction.split_items(text) or [text]
    if len(items) == 1:
        return f"• {label}: {items[0]}"
    return f"• {label}:\n" + "\n".join(f"   – {item}" for item in items)


def shown_topics(slots: dict[str, Any]) -> list[str]:
    """The topics the read-back shows: all asked of everyone, and the conditional ones asked."""
    return [t for t in topics.TOPICS if t not in topics.CONDITIONAL or slots.get(t) is not None]


def summary_text(slots: dict[str, Any]) -> str:
    """Render every topic as one readable message."""
    lines = [_line(slots, topic) for topic in shown_topics(slots)]
    return "Here's what I've noted, in your words:\n" + "\n".join(lines)


def summary_card(slots: dict[str, Any]) -> dict[str, Any]:
    """Return the read-back as structure, for the chat widget to draw as a card."""
    return {
        "type": "summary",
        "topics": [
            {
                "topic": topic,
                "label": topics.LABELS[topic],
                "short_label": topics.SHORT_LABELS[topic],
                "text": (
                    f"{slots.get(topic)} out of 10"
                    if topic == topics.BASELINE_RATING and isinstance(slots.get(topic), int)
                    else _answer(slots, topic)
                ),
                "edit_payload": f'/correct{{"edit_topic":"{topic}"}}',
            }
            for topic in shown_topics(slots)
        ],
    }


def edit_buttons() -> list[dict[str, str]]:
    """Offer one button per topic to change."""
    return [
        {"title": topics.LABELS[topic], "payload": f'/correct{{"edit_topic":"{topic}"}}'}
        for topic in topics.TOPICS
    ]

"""What a clinic's patients share: burdens, activities, skipped topics, red flags.

No free text of one patient leaves this module: a theme is shown only when at least
`MIN_PATIENTS` patients share it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coproduce.aims import topics
from coproduce.aims.models import AnswerItem, RedFlagRecord, TopicAnswer
from coproduce.quality.periods import day_bounds, scoped
from coproduce.quality.themes import illness_themes
from coproduce.visits.models import Visit

#: A theme is shown only when at least this many patients share it.
MIN_PATIENTS = 5


@dataclass(frozen=True)
class Theme:
    """One theme patients share: how many, and their share of the conversations."""

    name: str
    patients: int
    share: float  # of the conversations in the range


@dataclass
class Themes:
    """What the clinic's patients share in a range; themes too few patients share are hidden."""

    conversations: int
    treatment_burdens: list[Theme] = field(default_factory=list)
    illness_burdens: list[Theme] = field(default_factory=list)
    activities: list[Theme] = field(default_factory=list)
    skipped_topics: list[Theme] = field(default_factory=list)
    #: Per 100 conversations, or None when fewer than MIN_PATIENTS conversations.
    red_flags_per_100: float | None = None
    callbacks_per_100: float | None = None
    hidden: int = 0  # themes left out because fewer than MIN_PATIENTS shared them


def _themes(counts: Counter[str], conversations: int, themes: Themes) -> list[Theme]:
    shown = [
        Theme(name, n, n / conversations)
        for name, n in counts.most_common()
        if n >= MIN_PATIENTS and conversations
    ]
    themes.hidden += sum(1 for n in counts.values() if n < MIN_PATIENTS)
    return shown


def themes(*, session: Session, clinic_id: str | None, date_from: date, date_to: date) -> Themes:
    """What the clinic's patients share: burdens, activities, skipped topics, red flags."""
    start, end = day_bounds(date_from, date_to)
    visits = scoped(
        select(Visit.id).where(
            Visit.consent_given.is_(True), Visit.created_at >= start, Visit.created_at < end
        ),
        clinic_id,
    ).subquery()
    ids = select(visits.c.id)
    conversations = session.execute(select(func.count()).select_from(visits)).scalar_one()
    found = Themes(conversations=conversations)
    rows = session.execute(
        select(AnswerItem.visit_id, AnswerItem.topic, AnswerItem.category, AnswerItem.text).where(
            AnswerItem.visit_id.in_(ids),
            AnswerItem.topic.in_((topics.TREATMENT_BURDEN, topics.ILLNESS_BURDEN)),
        )
    ).all()
    burdens: dict[str, set[str]] = {}
    illness: dict[str, set[str]] = {}
    for visit_id, topic, category, text in rows:
        if topic == topics.TREATMENT_BURDEN:
            burdens.setdefault(category or "other", set()).add(visit_id)
        else:
            for theme in illness_themes(text):
                illness.setdefault(theme, set()).add(visit_id)
    found.treatment_burdens = _themes(_sizes(burdens), conversations, found)
    found.illness_burdens = _themes(_sizes(illness), conversations, found)
    found.activities = _themes(_activity_counts(session, ids), conversations, found)
    skipped = session.execute(
        select(TopicAnswer.topic, func.count())
        .where(TopicAnswer.visit_id.in_(ids), TopicAnswer.skipped.is_(True))
        .group_by(TopicAnswer.topic)
    ).all()
    found.skipped_topics = _themes(
        Counter({str(t): int(n) for t, n in skipped}), conversations, found
    )
    if conversations >= MIN_PATIENTS:
        flagged = session.execute(
            select(func.count(func.distinct(RedFlagRecord.visit_id))).where(
                RedFlagRecord.visit_id.in_(ids)
            )
        ).scalar_one()
        callbacks = session.execute(
            select(func.count())
            .select_from(Visit)
            .where(Visit.id.in_(ids), Visit.callback_requested_at.is_not(None))
        ).scalar_one()
        found.red_flags_per_100 = 100 * flagged / conversations
        found.callbacks_per_100 = 100 * callbacks / conversations
    return found


def _sizes(groups: dict[str, set[str]]) -> Counter[str]:
    return Counter({name: len(visits) for name, visits in groups.items()})


def _activity_counts(session: Session, ids: Any) -> Counter[str]:
    """Patients naming each activity (what matters, the aim), as stored with their summary.

    The action server split the activities out when it saved the answer, so the API reads
    them and never loads spaCy.
    """
    named: dict[str, set[str]] = {}
    rows = session.execute(
        select(AnswerItem.visit_id, AnswerItem.text).where(
            AnswerItem.visit_id.in_(ids),
            AnswerItem.topic.in_((topics.AIM, topics.WHAT_MATTERS)),
            AnswerItem.kind == "activity",
        )
    ).all()
    for visit_id, text in rows:
        named.setdefault(" ".join(text.lower().split()), set()).add(visit_id)
    return _sizes(named)

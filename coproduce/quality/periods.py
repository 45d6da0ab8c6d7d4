"""Weeks and months, and the clinic and date range every improvement count is taken over."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.sql import Select

from coproduce.visits.models import Visit

INTERVALS = ("week", "month")


def period_start(day: date, interval: str) -> date:
    """The first day of the week (Monday) or month that `day` falls in."""
    if interval == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def next_period(start: date, interval: str) -> date:
    """Return the first day of the week or month after the one starting on `start`."""
    if interval == "week":
        return start + timedelta(days=7)
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1)


def periods(date_from: date, date_to: date, interval: str) -> list[date]:
    """Every period from the one holding `date_from` to the one holding `date_to`."""
    starts, current = [], period_start(date_from, interval)
    while current <= date_to:
        starts.append(current)
        current = next_period(current, interval)
    return starts


def scoped(query: Select[Any], clinic_id: str | None) -> Select[Any]:
    """The query limited to one clinic's visits (None: every clinic, for an admin)."""
    return query if clinic_id is None else query.where(Visit.clinic_id == clinic_id)


def day_bounds(date_from: date, date_to: date) -> tuple[datetime, datetime]:
    """The half-open datetime range [date_from 00:00, the day after date_to 00:00)."""
    return datetime.combine(date_from, datetime.min.time()), datetime.combine(
        date_to + timedelta(days=1), datetime.min.time()
    )

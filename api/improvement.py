"""The improvement reports as clinic systems and the clinician page read them: bodies and CSV.

Series with SPC signals, shared themes and the funnel (`coproduce/quality/`), shaped for the
JSON API (`api/routes/quality.py`) and the clinic leads' page
(`api/routes/clinician_improvement.py`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import asdict
from datetime import date, timedelta
from typing import Any, Literal

from fastapi.responses import Response
from pydantic import BaseModel
from sqlalchemy.orm import Session

from api.errors import NotFound, Unprocessable
from coproduce.clinics.models import Clinic
from coproduce.clinics.service import Principal
from coproduce.quality import funnel as drop_out
from coproduce.quality import service as quality
from coproduce.quality import shared_themes

Interval = Literal["week", "month"]


Format = Literal["json", "csv"]


#: The longest range asked for at once (a decade of weeks is still only 520 points).
MAX_DAYS = 3660


class RunsOut(BaseModel):
    """Anhøj's run-chart analysis of the median change: the runs and crossings and their limits."""

    median: float | None
    useful_observations: int
    longest_run: int
    longest_run_limit: int | None
    crossings: int
    crossings_limit: int | None
    long_run_signal: bool
    few_crossings_signal: bool


class PeriodOut(BaseModel):
    """One week or month: patients followed up, the share improved with its p-chart limits."""

    start: date
    end: date
    patients: int
    improved: int
    share_improved: float | None
    lower_limit: float | None
    upper_limit: float | None
    special_cause: str | None
    median_change: float | None
    in_long_run: bool
    mean_gas_t_score: float | None


class SeriesOut(BaseModel):
    """The clinic's improvement per week or month, with the p-chart's centre and run analysis."""

    clinic_id: str | None
    interval: str
    date_from: date
    date_to: date
    centre_line: float | None
    runs: RunsOut
    periods: list[PeriodOut]


class ThemeOut(BaseModel):
    """One theme, with how many patients share it and their share of the conversations."""

    name: str
    patients: int
    share: float


class ThemesOut(BaseModel):
    """What the clinic's patients share; themes fewer than `min_patients` share are hidden."""

    clinic_id: str | None
    date_from: date
    date_to: date
    conversations: int
    min_patients: int
    treatment_burdens: list[ThemeOut]
    illness_burdens: list[ThemeOut]
    activities: list[ThemeOut]
    skipped_topics: list[ThemeOut]
    red_flags_per_100: float | None
    callbacks_per_100: float | None
    hidden_themes: int


class FunnelStepOut(BaseModel):
    """One step of the funnel: how many visits reached it, and the median hours it took."""

    step: str
    label: str
    visits: int
    share_of_invited: float | None
    median_hours_from_previous: float | None


class FunnelOut(BaseModel):
    """Where patients drop out, step by step, for visits created in the range."""

    clinic_id: str | None
    date_from: date
    date_to: date
    steps: list[FunnelStepOut]


def scope(session: Session, principal: Principal, clinic_id: str | None) -> str | None:
    """The clinic to count: a clinician's own; an admin's choice (None: every clinic)."""
    if principal.is_admin:
        if clinic_id is not None and session.get(Clinic, clinic_id) is None:
            raise NotFound(f"No clinic with id '{clinic_id}'.")
        return clinic_id
    if clinic_id is not None and clinic_id != principal.clinic_id:
        raise NotFound(f"No clinic with id '{clinic_id}'.")
    return principal.clinic_id


def window(date_from: date | None, date_to: date | None, interval: str) -> tuple[date, date]:
    """The range asked for; by default the last 12 months (or 12 weeks) up to today."""
    end = date_to or date.today()
    start = date_from or (
        end - timedelta(weeks=12)
        if interval == "week"
        else end.replace(day=1) - timedelta(days=334)
    )
    if start > end:
        raise Unprocessable("'from' must not be after 'to'.")
    if (end - start).days > MAX_DAYS:
        raise Unprocessable("Ask for at most ten years at a time.")
    return start, end


def series_out(clinic_id: str | None, found: quality.Series) -> SeriesOut:
    """Return the series as the API's body."""
    runs = found.runs
    return SeriesOut(
        clinic_id=clinic_id,
        interval=found.interval,
        date_from=found.date_from,
        date_to=found.date_to,
        centre_line=found.centre,
        runs=RunsOut(
            median=runs.median,
            useful_observations=runs.useful,
            longest_run=runs.longest_run,
            longest_run_limit=runs.longest_run_limit,
            crossings=runs.crossings,
            crossings_limit=runs.crossings_limit,
            long_run_signal=runs.long_run,
            few_crossings_signal=runs.few_crossings,
        ),
        periods=[
            PeriodOut(
                start=p.start,
                end=p.end,
                patients=p.patients,
                improved=p.improved,
                share_improved=p.share_improved,
                lower_limit=p.limits.lower if p.limits else None,
                upper_limit=p.limits.upper if p.limits else None,
                special_cause=p.limits.signal if p.limits else None,
                median_change=p.median_change,
                in_long_run=p.in_long_run,
                mean_gas_t_score=None if p.mean_gas_t is None else round(p.mean_gas_t, 2),
            )
            for p in found.periods
        ],
    )


def themes_out(
    clinic_id: str | None, start: date, end: date, found: shared_themes.Themes
) -> ThemesOut:
    """Return the themes as the API's body."""

    def listed(items: list[shared_themes.Theme]) -> list[ThemeOut]:
        return [ThemeOut(**asdict(item)) for item in items]

    return ThemesOut(
        clinic_id=clinic_id,
        date_from=start,
        date_to=end,
        conversations=found.conversations,
        min_patients=shared_themes.MIN_PATIENTS,
        treatment_burdens=listed(found.treatment_burdens),
        illness_burdens=listed(found.illness_burdens),
        activities=listed(found.activities),
        skipped_topics=listed(found.skipped_topics),
        red_flags_per_100=found.red_flags_per_100,
        callbacks_per_100=found.callbacks_per_100,
        hidden_themes=found.hidden,
    )


def funnel_out(clinic_id: str | None, start: date, end: date, steps: list[Any]) -> FunnelOut:
    """Return the funnel's steps as the API's body."""
    return FunnelOut(
        clinic_id=clinic_id,
        date_from=start,
        date_to=end,
        steps=[FunnelStepOut(**asdict(step)) for step in steps],
    )


def csv_response(name: str, header: list[str], rows: list[list[Any]]) -> Response:
    """A CSV download; cells that a spreadsheet would run as a formula are quoted as text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(
            [
                f"'{cell}" if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@") else cell
                for cell in row
            ]
        )
    return Response(
        buffer.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )


def series_csv(out: SeriesOut) -> Response:
    """Return the series as a CSV download, one row per period."""
    header = list(PeriodOut.__fields__)
    rows = [[getattr(p, field) for field in header] for p in out.periods]
    return csv_response(f"improvement-{out.interval}s-{out.date_from}-{out.date_to}", header, rows)


def themes_csv(out: ThemesOut) -> Response:
    """Return the themes as a CSV download, one row per theme, then the rates."""
    rows: list[list[Any]] = []
    for kind in ("treatment_burdens", "illness_burdens", "activities", "skipped_topics"):
        rows += [[kind, t.name, t.patients, round(t.share, 4)] for t in getattr(out, kind)]
    rows.append(["rates", "red flags per 100 conversations", None, out.red_flags_per_100])
    rows.append(["rates", "call-backs per 100 conversations", None, out.callbacks_per_100])
    return csv_response(
        f"themes-{out.date_from}-{out.date_to}", ["kind", "theme", "patients", "share"], rows
    )


def funnel_csv(out: FunnelOut) -> Response:
    """Return the funnel as a CSV download, one row per step."""
    header = list(FunnelStepOut.__fields__)
    rows = [[getattr(s, field) for field in header] for s in out.steps]
    return csv_response(f"funnel-{out.date_from}-{out.date_to}", header, rows)


def report(
    kind: str, session: Session, clinic: str | None, start: date, end: date, interval: str
) -> Any:
    """One of the three reports, for one clinic (or all) and one range."""
    if kind == "series":
        found = quality.series(
            session=session, clinic_id=clinic, date_from=start, date_to=end, interval=interval
        )
        return series_out(clinic, found)
    if kind == "themes":
        themes = shared_themes.themes(
            session=session, clinic_id=clinic, date_from=start, date_to=end
        )
        return themes_out(clinic, start, end, themes)
    steps = drop_out.funnel(session=session, clinic_id=clinic, date_from=start, date_to=end)
    return funnel_out(clinic, start, end, steps)


CSV: dict[str, Callable[[Any], Response]] = {
    "series": series_csv,
    "themes": themes_csv,
    "funnel": funnel_csv,
}

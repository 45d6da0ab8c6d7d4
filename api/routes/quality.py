"""Is the clinic getting better at what matters to patients? The JSON and CSV API.

Series with SPC signals, shared themes and the funnel, for clinic systems; the clinic leads'
page is `api/routes/clinician_improvement.py`.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy.orm import Session

from api import improvement
from api.deps import PrincipalDep, SessionDep
from coproduce.clinics.service import Principal

router = APIRouter(tags=["improvement"])


def _answer(
    kind: str,
    session: Session,
    principal: Principal,
    clinic_id: str | None,
    dates: tuple[date | None, date | None],
    interval: str,
    format: str,
) -> Any:
    clinic = improvement.scope(session, principal, clinic_id)
    start, end = improvement.window(dates[0], dates[1], interval)
    out = improvement.report(kind, session, clinic, start, end, interval)
    return improvement.CSV[kind](out) if format == "csv" else out


FromQuery = Annotated[
    date | None, Query(alias="from", description="First day (default: a year ago)")
]


ToQuery = Annotated[date | None, Query(alias="to", description="Last day (default: today)")]


@router.get("/api/v1/improvement/series", response_model=improvement.SeriesOut)
def improvement_series(
    session: SessionDep,
    principal: PrincipalDep,
    clinic_id: str | None = None,
    date_from: FromQuery = None,
    date_to: ToQuery = None,
    interval: improvement.Interval = "month",
    format: improvement.Format = "json",
) -> Any:
    """The clinic's improvement, per week or month.

    Patients followed up, the share improved by ≥ 2 points with p-chart limits (3 sigma,
    varying with each period's n) and a special-cause mark, the median change with Anhøj's
    run-chart rules, and the mean GAS T-score.
    """
    return _answer("series", session, principal, clinic_id, (date_from, date_to), interval, format)


@router.get("/api/v1/improvement/themes", response_model=improvement.ThemesOut)
def improvement_themes(
    session: SessionDep,
    principal: PrincipalDep,
    clinic_id: str | None = None,
    date_from: FromQuery = None,
    date_to: ToQuery = None,
    format: improvement.Format = "json",
) -> Any:
    """What the clinic's patients share.

    Treatment-burden categories, illness-burden themes, activities, skipped topics, red flags
    and call-backs per 100 conversations. A theme is listed only when at least 5 patients
    share it; never one patient's words.
    """
    return _answer("themes", session, principal, clinic_id, (date_from, date_to), "month", format)


@router.get("/api/v1/improvement/funnel", response_model=improvement.FunnelOut)
def improvement_funnel(
    session: SessionDep,
    principal: PrincipalDep,
    clinic_id: str | None = None,
    date_from: FromQuery = None,
    date_to: ToQuery = None,
    format: improvement.Format = "json",
) -> Any:
    """Where patients drop out, for visits created in the range.

    Invited, opened, consented, completed, confirmed, follow-up invited and completed, with
    the median hours between steps.
    """
    return _answer("funnel", session, principal, clinic_id, (date_from, date_to), "month", format)

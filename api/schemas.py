"""Request and response bodies of the visits API."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any, Literal

from pydantic import BaseModel, Field, validator

#: Visits are booked within these years; anything else is a typo (and year 9999 overflows).
EARLIEST_VISIT = datetime(2000, 1, 1)
LATEST_VISIT = datetime(2999, 12, 31, 23, 59, 59)
LATEST_FOLLOW_UP = LATEST_VISIT


def to_utc_naive(value: datetime | None) -> datetime | None:
    """Normalise an incoming time to naive UTC (naive input is taken as UTC).

    A time so near year 1 or 9999 that its UTC value cannot be represented is clamped to
    the smallest or largest time, which is what it means as a filter bound.
    """
    if value is None or value.tzinfo is None:
        return value
    try:
        return value.astimezone(timezone.utc).replace(tzinfo=None)
    except OverflowError:
        return datetime.max if value.year > 1 else datetime.min


def iso_utc(value: datetime | None) -> str | None:
    """Format a stored naive-UTC time as ISO 8601 with a Z."""
    return None if value is None else value.isoformat(timespec="seconds") + "Z"


class VisitCreate(BaseModel):
    """The request to create a visit: the clinic's reference for the patient, and when it is."""

    patient_ref: str = Field(
        ...,
        min_length=1,
        max_length=128,
        regex=r"^[^\x00-\x1f\x7f]+$",
        description="The clinic's own reference for the patient (e.g. an MRN)",
    )
    scheduled_for: datetime | None = Field(None, description="When the visit takes place")

    @validator("patient_ref")
    def _trimmed(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("must not be blank")
        return value

    @validator("scheduled_for")
    def _utc(cls, value: datetime | None) -> datetime | None:
        value = to_utc_naive(value)
        if value is not None and not EARLIEST_VISIT <= value <= LATEST_VISIT:
            raise ValueError("must be between the years 2000 and 2999")
        return value

    class Config:
        """Pydantic settings for this model: no unknown fields, and an example."""

        extra = "forbid"
        schema_extra = {
            "example": {"patient_ref": "MRN-123", "scheduled_for": "2026-12-01T09:30:00Z"}
        }


class VisitCreated(BaseModel):
    """A visit just created, with the invite link for the patient's chat."""

    id: str
    invite_token: str
    chat_url: str
    status: str


class VisitOut(BaseModel):
    """One visit, as listed: its status, red flags, confirmed summary and call-back request."""

    id: str
    patient_ref: str
    scheduled_for: str | None
    status: str
    flagged: bool
    patient_confirmed: bool
    callback_requested: bool = False
    created_at: str
    updated_at: str


class VisitPage(BaseModel):
    """One page of visits, and the offset of the next (None on the last page)."""

    items: list[VisitOut]
    next_offset: int | None


class InviteOut(BaseModel):
    """A new invite for a visit's chat (the old one no longer opens it)."""

    visit_id: str
    invite_token: str
    chat_url: str
    expires_at: str | None


class AuditEventOut(BaseModel):
    """One entry of the audit log: who did what to which visit, when and from where."""

    at: str
    actor: str
    clinic_id: str | None
    visit_id: str | None
    action: str
    source: str | None


class AuditPage(BaseModel):
    """One page of the audit log, and the offset of the next (None on the last page)."""

    items: list[AuditEventOut]
    next_offset: int | None


def _in_our_years(value: date | None) -> date | None:
    """A plan's date: within the years visits are booked (anything else is a typo)."""
    if value is not None and not EARLIEST_VISIT.date() <= value <= LATEST_VISIT.date():
        raise ValueError("must be between the years 2000 and 2999")
    return value


class PlanItemIn(BaseModel):
    """One item of the plan: what will be done, by whom, and by when."""

    id: str | None = Field(
        None, max_length=36, description="An item of the previous version, to keep its history"
    )
    what: str = Field(..., min_length=1, max_length=500, description="What will be done")
    who: Literal["patient", "clinician", "service", "supporter"] = Field(
        ..., description="Who does it"
    )
    who_name: str | None = Field(
        None, max_length=200, description="The service, or the supporter's name (from supports)"
    )
    by: date | None = Field(None, description="By when")
    notes: str | None = Field(
        None, max_length=2000, description="Options discussed, and why this one fitted"
    )

    @validator("what")
    def _what(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("must not be blank")
        return value

    @validator("who_name", always=True)
    def _named(cls, value: str | None, values: dict[str, Any]) -> str | None:
        value = (value or "").strip() or None
        if values.get("who") == "supporter" and value is None:
            raise ValueError("name the supporter (for example 'Sam, daughter')")
        return value

    _by = validator("by", allow_reuse=True)(lambda cls, value: _in_our_years(value))

    class Config:
        """Pydantic settings for this model: no unknown fields."""

        extra = "forbid"


class PlanTargetIn(BaseModel):
    """The rating aimed for on the patient's own measure, and by when."""

    rating: int | None = Field(None, ge=0, le=10, description="0-10 on the patient's own measure")
    by: date | None = None

    _by = validator("by", allow_reuse=True)(lambda cls, value: _in_our_years(value))

    class Config:
        """Pydantic settings for this model: no unknown fields."""

        extra = "forbid"


class PlanIn(BaseModel):
    """What the clinician and the patient agreed: saving it keeps a new version."""

    aim: str = Field(..., min_length=1, max_length=2000, description="The aim as agreed")
    target: PlanTargetIn = Field(default_factory=lambda: PlanTargetIn(rating=None, by=None))
    items: list[PlanItemIn] = Field(default_factory=list, max_items=20)

    @validator("aim")
    def _aim(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("must not be blank")
        return value

    class Config:
        """Pydantic settings for this model: no unknown fields, and an example."""

        extra = "forbid"
        schema_extra = {
            "example": {
                "aim": "Walk the dog to the park and back without stopping",
                "target": {"rating": 6, "by": "2027-02-01"},
                "items": [
                    {
                        "what": "Do the knee exercises from the leaflet every morning",
                        "who": "patient",
                        "by": "2027-01-15",
                        "notes": "Physio class was too far; home exercises fit round caring",
                    },
                    {"what": "Refer to community physiotherapy", "who": "clinician"},
                ],
            }
        }


class PlanLinkOut(BaseModel):
    """A link for the patient to keep what was agreed, and when it expires."""

    plan_url: str = Field(..., description="A link for the patient to keep what was agreed")
    expires_at: str | None = None

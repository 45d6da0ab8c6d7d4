"""The shapes of an aim summary, as the API returns it."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


class AimStatement(BaseModel):
    statement: str | None = Field(None, description="What the patient most wants from the visit")
    what_matters: str | None = Field(None, description="What matters most in their life now")
    activities: list[str] = Field(default_factory=list, description="Activities they named")


class TextItem(BaseModel):
    text: str


class TreatmentBurdenItem(BaseModel):
    text: str
    category: str = Field(
        ...,
        description="medications | appointments | tests_monitoring | costs | side_effects"
        " | information | other",
    )


class SupportItem(BaseModel):
    text: str
    relationship: str | None = None
    kind: str = Field(..., description="support (they help me) | caring_for (I look after them)")


class Improvement(BaseModel):
    measure: str | None = None
    baseline_rating: int | None = Field(None, ge=0, le=10)
    latest_rating: int | None = Field(None, ge=0, le=10, description="Latest follow-up rating")
    change: int | None = Field(None, description="latest_rating minus baseline_rating")


class FollowUpOut(BaseModel):
    id: str
    at: datetime | None = Field(None, description="When the patient answered")
    due_at: datetime
    status: str
    rating: int | None = None
    goal_attainment: int | None = Field(None, ge=-2, le=2)
    helped: str | None = None
    barriers: str | None = None
    aim_update: str | None = None


class RedFlagOut(BaseModel):
    category: str
    text: str
    at: datetime
    urgency: str = Field(
        "emergency", description="emergency (told to call 999 now) | urgent (practice today)"
    )
    about: str = Field("patient", description="patient | someone_else (someone with them)")
    guidance: str | None = Field(None, description="The safety message the patient was shown")
    safety_reply: str | None = Field(
        None, description='The patient\'s answer to "are you safe to carry on?"'
    )
    safe_to_continue: bool | None = None


class AimSummary(BaseModel):
    visit_id: str
    status: str
    updated_at: datetime
    aim: AimStatement
    illness_burdens: list[TextItem]
    treatment_burdens: list[TreatmentBurdenItem]
    assets: list[TextItem]
    supports: list[SupportItem]
    improvement: Improvement
    skipped_topics: list[str]
    # Topics the patient answered with "nothing" or "nobody", in their words.
    none_answers: dict[str, str] = Field(default_factory=dict)
    red_flags: list[RedFlagOut]
    patient_confirmed: bool
    follow_ups: list[FollowUpOut] = Field(default_factory=list)

    class Config:
        json_encoders = {datetime: lambda value: value.isoformat(timespec="seconds") + "Z"}

"""The shapes of an aim summary, as the API returns it."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field


class AimStatement(BaseModel):
    """The patient's aim for the visit, in their words, and what matters to them."""

    statement: str | None = Field(None, description="What the patient most wants from the visit")
    what_matters: str | None = Field(None, description="What matters most in their life now")
    activities: list[str] = Field(default_factory=list, description="Activities they named")


class TextItem(BaseModel):
    """One item the patient named, in their words."""

    text: str


class TreatmentBurdenItem(BaseModel):
    """One thing that is hard about treatment, in the patient's words, with its category."""

    text: str
    category: str = Field(
        ...,
        description="medications | appointments | tests_monitoring | costs | side_effects"
        " | information | other",
    )


class SupportItem(BaseModel):
    """Someone who supports the patient, or whom the patient cares for."""

    text: str
    relationship: str | None = None
    kind: str = Field(..., description="support (they help me) | caring_for (I look after them)")


class Improvement(BaseModel):
    """How the patient would know things are better, and their ratings on it (0-10)."""

    measure: str | None = None
    measure_detail: str | None = Field(
        None, description="The specific thing they would notice, asked when the measure was vague"
    )
    measure_specific: bool = Field(
        True, description="False when the measure names no activity, symptom or change"
    )
    baseline_rating: int | None = Field(None, ge=0, le=10)
    latest_rating: int | None = Field(None, ge=0, le=10, description="Latest follow-up rating")
    change: int | None = Field(None, description="latest_rating minus baseline_rating")


class FollowUpOut(BaseModel):
    """One follow-up: the new rating, how it went against what they hoped, and in their words."""

    id: str
    at: datetime | None = Field(None, description="When the patient answered")
    due_at: datetime
    status: str
    rating: int | None = None
    goal_attainment: int | None = Field(None, ge=-2, le=2)
    helped: str | None = None
    barriers: str | None = None
    aim_update: str | None = None
    worry_resolved: str | None = Field(None, description="Was the worry dealt with, in words")


class RedFlagOut(BaseModel):
    """One red flag: what was said, how urgent, and what the patient was told."""

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


class Respondent(BaseModel):
    """Who answered: the patient, or someone answering for them."""

    type: str = Field("patient", description="patient | proxy (someone answering for them)")
    relationship: str | None = Field(None, description="The proxy's relationship to the patient")


class CallbackRequest(BaseModel):
    """A call-back the patient asked for: their number, when suits them, and why."""

    requested_at: datetime
    phone: str
    preferred_time: str | None = None
    reason: str | None = None


class QuestionOut(BaseModel):
    """A question the patient has for the clinician."""

    text: str
    kind: str = Field(..., description="medicine | appointment | other")
    at: datetime


class SafetyCheckOut(BaseModel):
    """A check question the patient did not answer yes: nothing was flagged."""

    category: str = Field(..., description="The red-flag category asked about, or 'general'")
    text: str = Field(..., description="The message that raised the question")
    answer: str = Field(..., description="The patient's reply")
    at: datetime


class Headline(BaseModel):
    """What a clinician needs in thirty seconds, in the patient's words."""

    red_flags: list[str] = Field(default_factory=list, description="Urgency and category")
    focus: str | None = Field(None, description="The one thing to sort, or else the aim")
    worry: str | None = None
    request: str | None = Field(None, description="What they hope the clinician will do")
    care_preferences: str | None = None
    measure: str | None = None
    rating: int | None = None
    respondent: str = Field("patient", description='"patient" or e.g. "daughter (proxy)"')
    callback: bool = False


class PlanTarget(BaseModel):
    """What the patient aims for on their own measure, and by when."""

    rating: int | None = Field(None, description="The rating aimed for on their own measure")
    by: date | None = Field(None, description="When they hope to reach it")


class PlanItemOut(BaseModel):
    """One item of the plan: who does what by when, and how it went at follow-up."""

    id: str = Field(..., description="Stable across versions of the plan")
    what: str
    who: str = Field(..., description="patient | clinician | service | supporter")
    who_name: str | None = Field(None, description="The service, or the supporter's name")
    by: date | None = None
    notes: str | None = Field(None, description="Options discussed, and why this one fitted")
    status: str | None = Field(
        None, description="At the latest follow-up that asked: done | partly | not_yet"
    )
    barriers: str | None = Field(None, description="What got in the way, in the patient's words")


class PlanOut(BaseModel):
    """What the clinician and the patient agreed at the visit (the latest version)."""

    aim: str = Field(..., description="The aim as agreed together")
    patient_aim: str | None = Field(None, description="The patient's own words for their aim")
    target: PlanTarget
    items: list[PlanItemOut]
    versions: int = Field(..., description="How many versions were saved; this is the latest")
    agreed_at: datetime
    agreed_by: str | None = None

    class Config:
        """Pydantic settings for this model: times in JSON are UTC with a Z."""

        json_encoders = {datetime: lambda value: value.isoformat(timespec="seconds") + "Z"}


class AimSummary(BaseModel):
    """Everything the patient said for one visit, structured for the clinician, with a headline."""

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
    patient_ref: str | None = None
    scheduled_for: datetime | None = None
    answered_at: datetime | None = Field(None, description="When the last answer was given")
    one_thing: str | None = None
    concerns: str | None = Field(None, description="What worries them")
    ideas: str | None = Field(None, description="What they think is causing it")
    expectations: str | None = Field(None, description="What they hope the clinician will do")
    care_preferences: str | None = Field(
        None, description="Care they'd rather avoid, or that won't fit round their life"
    )
    questions: list[QuestionOut] = Field(default_factory=list)
    safety_checks: list[SafetyCheckOut] = Field(
        default_factory=list,
        description=(
            'Check questions ("Do you need urgent help right now?") not answered yes: '
            "nothing was flagged"
        ),
    )
    respondent: Respondent = Field(
        default_factory=lambda: Respondent(type="patient", relationship=None)
    )
    callback_request: CallbackRequest | None = None
    skip_reasons: dict[str, str] = Field(default_factory=dict)
    plan: PlanOut | None = Field(None, description="What was agreed at the visit, if recorded")
    headline: Headline = Field(
        default_factory=lambda: Headline(focus=None, request=None, respondent="patient")
    )

    class Config:
        """Pydantic settings for this model: times in JSON are UTC with a Z."""

        json_encoders = {datetime: lambda value: value.isoformat(timespec="seconds") + "Z"}

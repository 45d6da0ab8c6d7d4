"""Export a patient's aim as a FHIR R4B Bundle for the clinical record.

The bundle (type ``collection``) holds a Patient, the aim as a ``proposed`` Goal expressed by
the patient, the topic answers as a QuestionnaireResponse, and one Observation per rating on
the patient's own 0-10 measure. Patient text goes in unchanged: escaping it is the renderer's
job, and the JSON encoder already escapes what JSON needs.
"""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime, timezone
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.careplan import CarePlan
from fhir.resources.R4B.goal import Goal
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from fhir.resources.R4B.relatedperson import RelatedPerson
from fhir.resources.R4B.resource import Resource
from pydantic.json import pydantic_encoder

from coproduce.aims import topics
from coproduce.aims.schemas import AimSummary
from coproduce.aims.timeline import BASELINE, FOLLOW_UP, RatingPoint

PATIENT_REF_SYSTEM = "urn:coproduce:patient-ref"
QUESTIONNAIRE = "urn:coproduce:questionnaire:previsit-aim"
MEASURE_SYSTEM = "urn:coproduce:measure"
MEASURE_CODE = "patient-measure-rating"
MEASURE_TEXT = "Patient-defined measure rating (0-10)"
GOAL_ACHIEVEMENT_SYSTEM = "http://terminology.hl7.org/CodeSystem/goal-achievement"
SKIPPED_EXTENSION = "urn:coproduce:extension:topic-skipped"
TREATMENT_BURDEN_SYSTEM = "urn:coproduce:treatment-burden-category"
SUPPORT_RELATIONSHIP_SYSTEM = "urn:coproduce:support-relationship"
SUPPORT_KIND_SYSTEM = "urn:coproduce:support-kind"
RED_FLAG_SYSTEM = "urn:coproduce:red-flag-category"
RED_FLAG_URGENCY_SYSTEM = "urn:coproduce:red-flag-urgency"
RED_FLAG_ABOUT_SYSTEM = "urn:coproduce:red-flag-about"
RED_FLAGS = "red_flags"
QUESTIONS = "questions"
ICE_SYSTEM = "urn:coproduce:ice"
QUESTION_KIND_SYSTEM = "urn:coproduce:question-kind"
ROLE_CODE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
#: The respondent's relationship to the patient, as HL7 v3 RoleCode (text only otherwise).
ROLE_CODES = {
    "daughter": "DAU",
    "son": "SON",
    "wife": "WIFE",
    "husband": "HUSB",
    "partner": "SIGOTHR",
    "mum": "MTH",
    "dad": "FTH",
    "parent": "PRN",
    "child": "CHILD",
    "sister": "SIS",
    "brother": "BRO",
    "grandchild": "GRNDCHILD",
    "grandparent": "GRPRN",
    "friend": "FRND",
    "family": "FAMMEMB",
}

_UUID_BASE = "urn:uuid:"
_ACHIEVEMENT_DISPLAY = {
    "in-progress": "In Progress",
    "improving": "Improving",
    "worsening": "Worsening",
    "no-change": "No Change",
    "achieved": "Achieved",
}


def build_bundle(
    *,
    summary: AimSummary,
    patient_ref: str,
    ratings: list[RatingPoint] | None = None,
    base_url: str = _UUID_BASE,
) -> dict[str, Any]:
    """Return a FHIR R4B Bundle (type collection) of the patient's aim, as JSON-ready dict.

    Args:
        summary: The aim summary of one visit.
        patient_ref: The clinic's reference for the patient (e.g. an MRN); no name is held.
        ratings: Baseline and follow-up ratings on the patient's measure, in any order.
        base_url: ``urn:uuid:`` (default) gives ``urn:uuid:<uuid>`` full URLs; an ``http(s)``
            server base gives ``<base>/<ResourceType>/<uuid>``. The uuids are uuid5 of the
            visit id and the resource's role, so repeated exports are stable.

    Returns:
        The bundle as plain JSON types; datetimes are UTC strings ending in ``Z``.

    Raises:
        ValueError: if ``base_url`` or a rating is not valid.
    """
    points = _checked_ratings(ratings or [])
    urls = _Urls(visit_id=summary.visit_id, base_url=base_url)
    patient = _patient(urls, patient_ref)
    goal = _goal(urls, summary, points)
    resources: list[Resource] = [patient, goal]
    respondent = _related_person(urls, summary)
    if respondent is not None:
        resources.append(respondent)
    if summary.plan is not None:
        resources.append(_care_plan(urls, summary))
    resources.append(_questionnaire_response(urls, summary))
    for role, point in _observation_roles(points):
        resources.append(_observation(urls, role, point))
    bundle = Bundle.parse_obj(
        {
            "resourceType": "Bundle",
            "id": summary.visit_id,
            "type": "collection",
            "timestamp": _utc(summary.updated_at),
            "entry": [
                {"fullUrl": urls.full_url(r.resource_type, r.id), "resource": r} for r in resources
            ],
        }
    )
    encoded: dict[str, Any] = json.loads(json.dumps(bundle.dict(), default=_encode))
    return encoded


def achievement_status(*, baseline: int | None, ratings: list[RatingPoint]) -> str | None:
    """Return the goal-achievement code for the latest follow-up, or None without follow-ups.

    The rule, applied to the latest follow-up (by ``at``; ties go to the later in the list):

    1. ``achieved`` if its rating is >= 9, or its goal attainment is >= +1 and its rating >= 8;
    2. otherwise ``in-progress`` if no baseline is known (nothing to compare with);
    3. otherwise by rating minus baseline: >= +1 ``improving``, <= -1 ``worsening``,
       0 ``no-change``. Ratings are whole numbers, and a change of one point is the smallest
       that matters to patients (as in MYMOP).
    """
    follow_ups = [(p.at, i, p) for i, p in enumerate(ratings) if p.kind == FOLLOW_UP]
    if not follow_ups:
        return None
    latest = max(follow_ups, key=lambda entry: (entry[0], entry[1]))[2]
    attainment = latest.goal_attainment
    if latest.rating >= 9 or (attainment is not None and attainment >= 1 and latest.rating >= 8):
        return "achieved"
    if baseline is None:
        return "in-progress"
    change = latest.rating - baseline
    if change >= 1:
        return "improving"
    if change <= -1:
        return "worsening"
    return "no-change"


class _Urls:
    """Stable uuids and full URLs for the resources of one visit's bundle."""

    def __init__(self, *, visit_id: str, base_url: str) -> None:
        if base_url != _UUID_BASE and not base_url.startswith(("http://", "https://")):
            raise ValueError(f"base_url must be 'urn:uuid:' or an http(s) URL, not {base_url!r}")
        self.visit_id = visit_id
        self.base_url = base_url

    def new_id(self, role: str) -> str:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:coproduce:visit:{self.visit_id}:{role}"))

    def full_url(self, resource_type: str, resource_id: str) -> str:
        if self.base_url == _UUID_BASE:
            return f"{_UUID_BASE}{resource_id}"
        return f"{self.base_url.rstrip('/')}/{resource_type}/{resource_id}"

    def reference(self, resource_type: str, role: str) -> dict[str, str]:
        return {"reference": self.full_url(resource_type, self.new_id(role))}


def _patient(urls: _Urls, patient_ref: str) -> Patient:
    return Patient.parse_obj(
        {
            "resourceType": "Patient",
            "id": urls.new_id("patient"),
            "identifier": [{"system": PATIENT_REF_SYSTEM, "value": patient_ref}],
        }
    )


def _goal(urls: _Urls, summary: AimSummary, points: list[RatingPoint]) -> Goal:
    patient = urls.reference("Patient", "patient")
    goal: dict[str, Any] = {
        "resourceType": "Goal",
        "id": urls.new_id("goal"),
        "lifecycleStatus": "proposed",
        "description": {"text": _aim_text(summary)},
        "subject": patient,
        "expressedBy": patient,
        "startDate": summary.updated_at.date(),
    }
    baseline = _baseline(summary, points)
    target = _target(summary.improvement.measure, baseline)
    notes = _goal_notes(summary)
    if summary.plan is not None:
        # Agreed at the visit: the aim as agreed, the patient's own words kept in a note,
        # and the target rating on their own measure with its date.
        goal["lifecycleStatus"] = "accepted"
        goal["description"] = {"text": summary.plan.aim}
        if summary.aim.statement and summary.aim.statement != summary.plan.aim:
            notes.append(
                {"text": f"In the patient's words before the visit: {summary.aim.statement}"}
            )
        if summary.plan.target.rating is not None:
            if target and target.get("detailString"):
                notes.append({"text": str(target["detailString"])})
            target = {
                "measure": {"text": summary.improvement.measure or MEASURE_TEXT},
                "detailInteger": summary.plan.target.rating,
            }
            if summary.plan.target.by is not None:
                target["dueDate"] = summary.plan.target.by
    if target:
        goal["target"] = [target]
    if notes:
        goal["note"] = notes
    code = achievement_status(baseline=baseline[0] if baseline else None, ratings=points)
    if code is not None:
        coding = {"system": GOAL_ACHIEVEMENT_SYSTEM, "code": code}
        goal["achievementStatus"] = {"coding": [{**coding, "display": _ACHIEVEMENT_DISPLAY[code]}]}
    return Goal.parse_obj(goal)


#: How the patient's answer at follow-up maps to an activity's status.
_ACTIVITY_STATUS = {"done": "completed", "partly": "in-progress", "not_yet": "not-started"}


def _performer(urls: _Urls, who: str, who_name: str | None) -> dict[str, str]:
    if who == "patient":
        return {**urls.reference("Patient", "patient"), "display": "The patient"}
    if who == "clinician":
        return {"display": "Clinician or practice"}
    return {"display": who_name or ("Another service" if who == "service" else "A supporter")}


def _care_plan(urls: _Urls, summary: AimSummary) -> CarePlan:
    """What was agreed at the visit: each item an activity, its status from the follow-up."""
    plan = summary.plan
    assert plan is not None
    activities = []
    for item in plan.items:
        detail: dict[str, Any] = {
            "status": _ACTIVITY_STATUS.get(item.status or "", "scheduled"),
            "description": item.what,
            "performer": [_performer(urls, item.who, item.who_name)],
            "goal": [urls.reference("Goal", "goal")],
        }
        if item.by is not None:
            detail["scheduledString"] = f"by {item.by.isoformat()}"
        if item.barriers:
            detail["statusReason"] = {"text": item.barriers}
        activity: dict[str, Any] = {"detail": detail}
        if item.notes:
            activity["progress"] = [{"text": f"Why this: {item.notes}"}]
        activities.append(activity)
    care_plan: dict[str, Any] = {
        "resourceType": "CarePlan",
        "id": urls.new_id("careplan"),
        "status": "active",
        "intent": "plan",
        "title": "What we agreed",
        "description": plan.aim,
        "subject": urls.reference("Patient", "patient"),
        "created": _utc(plan.agreed_at),
        "goal": [urls.reference("Goal", "goal")],
        "activity": activities,
    }
    if plan.agreed_by:
        care_plan["author"] = {"display": plan.agreed_by}
    if plan.target.by is not None:
        care_plan["period"] = {"end": plan.target.by.isoformat()}
    return CarePlan.parse_obj(care_plan)


def _aim_text(summary: AimSummary) -> str:
    if summary.aim.statement:
        return summary.aim.statement
    return "Not stated (skipped)" if topics.AIM in summary.skipped_topics else "Not stated"


def _baseline(summary: AimSummary, points: list[RatingPoint]) -> tuple[int, date] | None:
    """Return the baseline rating and its date: the summary's, else the latest baseline point."""
    if summary.improvement.baseline_rating is not None:
        return summary.improvement.baseline_rating, summary.updated_at.date()
    baselines = [p for p in points if p.kind == BASELINE]
    if not baselines:
        return None
    latest = max(baselines, key=lambda p: p.at)
    return latest.rating, latest.at.date()


def _target(measure: str | None, baseline: tuple[int, date] | None) -> dict[str, Any] | None:
    if measure is None and baseline is None:
        return None
    # A target with a detail needs a measure (gdl-1), so a baseline alone names the scale.
    target: dict[str, Any] = {"measure": {"text": measure or MEASURE_TEXT}}
    if baseline is not None:
        rating, on = baseline
        target["detailString"] = f"baseline {rating}/10 on {on.isoformat()}"
    return target


def _goal_notes(summary: AimSummary) -> list[dict[str, str]]:
    notes = []
    if summary.aim.what_matters:
        notes.append({"text": f"What matters: {summary.aim.what_matters}"})
    if summary.aim.activities:
        notes.append({"text": f"Activities: {'; '.join(summary.aim.activities)}"})
    return notes


def _related_person(urls: _Urls, summary: AimSummary) -> RelatedPerson | None:
    """The person who answered for the patient (a parent, relative or carer), if one did."""
    if summary.respondent.type != "proxy":
        return None
    relationship = summary.respondent.relationship
    concept: dict[str, Any] = {"text": relationship or "answered for the patient"}
    if relationship in ROLE_CODES:
        concept["coding"] = [{"system": ROLE_CODE_SYSTEM, "code": ROLE_CODES[relationship]}]
    return RelatedPerson.parse_obj(
        {
            "resourceType": "RelatedPerson",
            "id": urls.new_id("respondent"),
            "patient": urls.reference("Patient", "patient"),
            "relationship": [concept],
        }
    )


def _questionnaire_response(urls: _Urls, summary: AimSummary) -> QuestionnaireResponse:
    shown = [t for t in topics.TOPICS if t not in topics.CONDITIONAL or _asked(summary, t)]
    items = [_topic_item(summary, topic) for topic in shown]
    if summary.questions:
        items.append(_questions_item(summary))
    if summary.red_flags:
        items.append(_red_flags_item(summary))
    who = (
        urls.reference("RelatedPerson", "respondent")
        if summary.respondent.type == "proxy"
        else urls.reference("Patient", "patient")
    )
    return QuestionnaireResponse.parse_obj(
        {
            "resourceType": "QuestionnaireResponse",
            "id": urls.new_id("questionnaire-response"),
            "questionnaire": QUESTIONNAIRE,
            "status": "completed" if summary.patient_confirmed else "in-progress",
            "subject": urls.reference("Patient", "patient"),
            "authored": _utc(summary.updated_at),
            "author": who,
            "source": who,
            "item": items,
        }
    )


def _asked(summary: AimSummary, topic: str) -> bool:
    if topic in summary.skipped_topics:
        return True
    if topic == topics.ONE_THING:
        return summary.one_thing is not None
    return summary.improvement.measure_detail is not None


def _questions_item(summary: AimSummary) -> dict[str, Any]:
    answers = [
        _coded_answer(q.text, QUESTIONS, [("kind", QUESTION_KIND_SYSTEM, q.kind)])
        for q in summary.questions
    ]
    return {"linkId": QUESTIONS, "text": "Questions for the clinician", "answer": answers}


def _topic_item(summary: AimSummary, topic: str) -> dict[str, Any]:
    item: dict[str, Any] = {"linkId": topic, "text": topics.LABELS[topic]}
    if topic in summary.skipped_topics:
        item["extension"] = [{"url": SKIPPED_EXTENSION, "valueBoolean": True}]
        return item
    answers = _topic_answers(summary, topic)
    if answers:  # an unanswered topic is an item without answer, which FHIR allows
        item["answer"] = answers
    return item


def _topic_answers(summary: AimSummary, topic: str) -> list[dict[str, Any]]:
    if topic == topics.AIM:
        return _strings([summary.aim.statement])
    if topic == topics.WHAT_MATTERS:
        return _strings([summary.aim.what_matters])
    if topic == topics.ILLNESS_BURDEN:
        return _strings([i.text for i in summary.illness_burdens])
    if topic == topics.ASSETS:
        return _strings([i.text for i in summary.assets])
    if topic == topics.IMPROVEMENT_MEASURE:
        return _strings([summary.improvement.measure])
    if topic == topics.BASELINE_RATING:
        rating = summary.improvement.baseline_rating
        return [] if rating is None else [{"valueInteger": rating}]
    if topic == topics.TREATMENT_BURDEN:
        return [
            _coded_answer(b.text, topic, [("category", TREATMENT_BURDEN_SYSTEM, b.category)])
            for b in summary.treatment_burdens
        ]
    if topic == topics.SUPPORTS:
        return [
            _coded_answer(
                s.text,
                topic,
                [
                    ("relationship", SUPPORT_RELATIONSHIP_SYSTEM, s.relationship),
                    ("kind", SUPPORT_KIND_SYSTEM, s.kind),
                ],
            )
            for s in summary.supports
        ]
    if topic == topics.CONCERNS:
        answers = []
        for name, value in (("concerns", summary.concerns), ("ideas", summary.ideas)):
            if value:
                answers.append(
                    {
                        "valueString": value,
                        "item": [
                            {
                                "linkId": f"{topic}.kind",
                                "answer": [{"valueCoding": _coding(ICE_SYSTEM, name)}],
                            }
                        ],
                    }
                )
        return answers
    texts = {
        topics.ONE_THING: summary.one_thing,
        topics.EXPECTATIONS: summary.expectations,
        topics.CARE_PREFERENCES: summary.care_preferences,
        topics.IMPROVEMENT_DETAIL: summary.improvement.measure_detail,
    }
    if topic in texts:
        return _strings([texts[topic]])
    raise ValueError(f"no FHIR mapping for topic {topic!r}")


def _strings(texts: list[str | None]) -> list[dict[str, Any]]:
    return [{"valueString": text} for text in texts if text]


def _coded_answer(
    text: str, topic: str, codes: list[tuple[str, str, str | None]]
) -> dict[str, Any]:
    """Answer with the patient's text; its codes go in child items (an answer may nest items)."""
    children = [
        {"linkId": f"{topic}.{name}", "answer": [{"valueCoding": _coding(system, code)}]}
        for name, system, code in codes
        if code and code.strip()
    ]
    answer: dict[str, Any] = {"valueString": text}
    if children:
        answer["item"] = children
    return answer


def _coding(system: str, code: str) -> dict[str, str]:
    # A FHIR code has no leading, trailing or doubled whitespace.
    return {"system": system, "code": " ".join(code.split())}


def _red_flags_item(summary: AimSummary) -> dict[str, Any]:
    answers = []
    for flag in summary.red_flags:
        answer = _coded_answer(
            flag.text,
            RED_FLAGS,
            [
                ("category", RED_FLAG_SYSTEM, flag.category),
                ("urgency", RED_FLAG_URGENCY_SYSTEM, flag.urgency),
                ("about", RED_FLAG_ABOUT_SYSTEM, flag.about),
            ],
        )
        answer["item"].append(
            {"linkId": f"{RED_FLAGS}.at", "answer": [{"valueDateTime": _utc(flag.at)}]}
        )
        answers.append(answer)
    return {"linkId": RED_FLAGS, "text": "Safety concerns raised", "answer": answers}


def _checked_ratings(ratings: list[RatingPoint]) -> list[RatingPoint]:
    for point in ratings:
        if point.kind not in (BASELINE, FOLLOW_UP):
            raise ValueError(f"rating kind must be 'baseline' or 'follow_up', not {point.kind!r}")
        if not 0 <= point.rating <= 10:
            raise ValueError(f"rating must be 0-10, not {point.rating!r}")
        if point.goal_attainment is not None and not -2 <= point.goal_attainment <= 2:
            raise ValueError(f"goal_attainment must be -2..+2, not {point.goal_attainment!r}")
    return sorted(ratings, key=lambda p: p.at)  # stable: equal times keep the caller's order


def _observation_roles(points: list[RatingPoint]) -> list[tuple[str, RatingPoint]]:
    """Name each rating by kind and time, so its uuid survives re-exports with more ratings."""
    seen: dict[str, int] = {}
    roles = []
    for point in points:
        role = f"observation:{point.kind}:{_utc(point.at).isoformat()}"
        seen[role] = seen.get(role, 0) + 1
        roles.append((role if seen[role] == 1 else f"{role}#{seen[role]}", point))
    return roles


def _observation(urls: _Urls, role: str, point: RatingPoint) -> Observation:
    label = "Baseline rating" if point.kind == BASELINE else "Follow-up rating"
    observation: dict[str, Any] = {
        "resourceType": "Observation",
        "id": urls.new_id(role),
        "status": "final",
        "code": {
            "coding": [{"system": MEASURE_SYSTEM, "code": MEASURE_CODE, "display": MEASURE_TEXT}],
            "text": MEASURE_TEXT,
        },
        "subject": urls.reference("Patient", "patient"),
        "focus": [urls.reference("Goal", "goal")],
        "effectiveDateTime": _utc(point.at),
        "valueInteger": point.rating,
        "note": [{"text": label}],
    }
    if point.goal_attainment is not None:
        observation["component"] = [
            {"code": {"text": "Goal attainment (GAS)"}, "valueInteger": point.goal_attainment}
        ]
    return Observation.parse_obj(observation)


def _utc(moment: datetime) -> datetime:
    """Return an aware UTC datetime; naive values are UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return _utc(value).isoformat(timespec="seconds").replace("+00:00", "Z")
    return pydantic_encoder(value)

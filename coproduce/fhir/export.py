"""Export a patient's aim as a FHIR R4B Bundle for the clinical record.

The bundle (type ``collection``) holds a Patient, the aim as a ``proposed`` Goal expressed by
the patient, the topic answers as a QuestionnaireResponse, and one Observation per rating on
the patient's own 0-10 measure. Patient text goes in unchanged: escaping it is the renderer's
job, and the JSON encoder already escapes what JSON needs.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.careplan import CarePlan
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.relatedperson import RelatedPerson
from fhir.resources.R4B.resource import Resource
from pydantic.json import pydantic_encoder

from coproduce.aims.schemas import AimSummary
from coproduce.aims.timeline import RatingPoint
from coproduce.fhir.common import (
    PATIENT_REF_SYSTEM,
    ROLE_CODE_SYSTEM,
    ROLE_CODES,
    UUID_BASE,
    Urls,
    utc,
)
from coproduce.fhir.goal import (
    achievement_status,
    checked_ratings,
    goal,
    observation,
    observation_roles,
)
from coproduce.fhir.questionnaire import questionnaire_response

__all__ = ["achievement_status", "build_bundle"]


def build_bundle(
    *,
    summary: AimSummary,
    patient_ref: str,
    ratings: list[RatingPoint] | None = None,
    base_url: str = UUID_BASE,
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
    points = checked_ratings(ratings or [])
    urls = Urls(visit_id=summary.visit_id, base_url=base_url)
    patient = _patient(urls, patient_ref)
    aim = goal(urls, summary, points)
    resources: list[Resource] = [patient, aim]
    respondent = _related_person(urls, summary)
    if respondent is not None:
        resources.append(respondent)
    if summary.plan is not None:
        resources.append(_care_plan(urls, summary))
    resources.append(questionnaire_response(urls, summary))
    for role, point in observation_roles(points):
        resources.append(observation(urls, role, point))
    bundle = Bundle.parse_obj(
        {
            "resourceType": "Bundle",
            "id": summary.visit_id,
            "type": "collection",
            "timestamp": utc(summary.updated_at),
            "entry": [
                {"fullUrl": urls.full_url(r.resource_type, r.id), "resource": r} for r in resources
            ],
        }
    )
    encoded: dict[str, Any] = json.loads(json.dumps(bundle.dict(), default=_encode))
    return encoded


def _patient(urls: Urls, patient_ref: str) -> Patient:
    return Patient.parse_obj(
        {
            "resourceType": "Patient",
            "id": urls.new_id("patient"),
            "identifier": [{"system": PATIENT_REF_SYSTEM, "value": patient_ref}],
        }
    )


#: How the patient's answer at follow-up maps to an activity's status.
_ACTIVITY_STATUS = {"done": "completed", "partly": "in-progress", "not_yet": "not-started"}


def _performer(urls: Urls, who: str, who_name: str | None) -> dict[str, str]:
    if who == "patient":
        return {**urls.reference("Patient", "patient"), "display": "The patient"}
    if who == "clinician":
        return {"display": "Clinician or practice"}
    return {"display": who_name or ("Another service" if who == "service" else "A supporter")}


def _care_plan(urls: Urls, summary: AimSummary) -> CarePlan:
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
        "created": utc(plan.agreed_at),
        "goal": [urls.reference("Goal", "goal")],
        "activity": activities,
    }
    if plan.agreed_by:
        care_plan["author"] = {"display": plan.agreed_by}
    if plan.target.by is not None:
        care_plan["period"] = {"end": plan.target.by.isoformat()}
    return CarePlan.parse_obj(care_plan)


def _related_person(urls: Urls, summary: AimSummary) -> RelatedPerson | None:
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


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return utc(value).isoformat(timespec="seconds").replace("+00:00", "Z")
    return pydantic_encoder(value)

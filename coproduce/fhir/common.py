"""What the FHIR resources of one visit's bundle share: code systems, ids and times."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

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
    "sibling": "SIB",
    "grandchild": "GRNDCHILD",
    "grandparent": "GRPRN",
    "friend": "FRND",
    "neighbour": "NBOR",
    "family": "FAMMEMB",
}

UUID_BASE = "urn:uuid:"


class Urls:
    """Stable uuids and full URLs for the resources of one visit's bundle."""

    def __init__(self, *, visit_id: str, base_url: str) -> None:
        """Ids for this visit's resources; `base_url` is `urn:uuid:` or an http(s) base."""
        if base_url != UUID_BASE and not base_url.startswith(("http://", "https://")):
            raise ValueError(f"base_url must be 'urn:uuid:' or an http(s) URL, not {base_url!r}")
        self.visit_id = visit_id
        self.base_url = base_url

    def new_id(self, role: str) -> str:
        """A uuid5 of the visit and the resource's role: stable across exports."""
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:coproduce:visit:{self.visit_id}:{role}"))

    def full_url(self, resource_type: str, resource_id: str) -> str:
        """The full URL of a resource: `urn:uuid:<id>` or `<base>/<type>/<id>`."""
        if self.base_url == UUID_BASE:
            return f"{UUID_BASE}{resource_id}"
        return f"{self.base_url.rstrip('/')}/{resource_type}/{resource_id}"

    def reference(self, resource_type: str, role: str) -> dict[str, str]:
        """A FHIR reference to the resource of this role."""
        return {"reference": self.full_url(resource_type, self.new_id(role))}


def utc(moment: datetime) -> datetime:
    """Return an aware UTC datetime; naive values are UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def coding(system: str, code: str) -> dict[str, str]:
    """A Coding; a FHIR code has no leading, trailing or doubled whitespace."""
    return {"system": system, "code": " ".join(code.split())}

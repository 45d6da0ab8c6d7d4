"""The FHIR export: a valid R4B Bundle that keeps the patient's words and measure."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import pytest
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

from coproduce.aims import topics
from coproduce.aims.schemas import (
    AimStatement,
    AimSummary,
    Improvement,
    PlanItemOut,
    PlanOut,
    PlanTarget,
    RedFlagOut,
    SupportItem,
    TextItem,
    TreatmentBurdenItem,
)
from coproduce.aims.timeline import RatingPoint
from coproduce.fhir.export import build_bundle
from tests.builders import EXAMPLE_ANSWERS

VISIT_ID = "3f2a9c1e-7b1d-4c2e-9a51-0c6a1d2e4f10"
UPDATED = datetime(2024, 5, 1, 9, 30, 12)
XSS = "<script>alert(1)</script>"


def summary(**changes: Any) -> AimSummary:
    """The example knee patient's summary, confirmed, with any field replaced."""
    fields: dict[str, Any] = {
        "visit_id": VISIT_ID,
        "status": "completed",
        "updated_at": UPDATED,
        "aim": AimStatement(
            statement=EXAMPLE_ANSWERS["aim"],
            what_matters=EXAMPLE_ANSWERS["what_matters"],
            activities=["walk the dog", "getting down the allotment"],
        ),
        "illness_burdens": [TextItem(text="can't sleep for the pain")],
        "treatment_burdens": [
            TreatmentBurdenItem(text="too many tablets", category="medications"),
            TreatmentBurdenItem(text="physio is two buses away", category="appointments"),
        ],
        "assets": [TextItem(text="I still do my exercises most days")],
        "supports": [
            SupportItem(
                text="my daughter does my shopping", relationship="daughter", kind="support"
            ),
            SupportItem(text="my neighbour drives me", relationship="neighbour", kind="support"),
            SupportItem(text="I look after my husband", relationship="husband", kind="caring_for"),
        ],
        "improvement": Improvement(
            measure=EXAMPLE_ANSWERS["improvement_measure"], baseline_rating=3
        ),
        "skipped_topics": [],
        "red_flags": [],
        "patient_confirmed": True,
    }
    fields.update(changes)
    return AimSummary(**fields)


def export(aim: AimSummary | None = None, **kwargs: Any) -> dict[str, Any]:
    return build_bundle(summary=aim or summary(), patient_ref="MRN-123", **kwargs)


def only(bundle: dict[str, Any], resource_type: str) -> dict[str, Any]:
    [entry] = entries(bundle, resource_type)
    return entry


def entries(bundle: dict[str, Any], resource_type: str) -> list[dict[str, Any]]:
    return [e for e in bundle["entry"] if e["resource"]["resourceType"] == resource_type]


def items_by_link(bundle: dict[str, Any]) -> dict[str, dict[str, Any]]:
    response = only(bundle, "QuestionnaireResponse")["resource"]
    return {item["linkId"]: item for item in response["item"]}


def follow_up(day: int, rating: int, gas: int | None = None) -> RatingPoint:
    return RatingPoint(
        at=datetime(2024, 6, day, 10), rating=rating, kind="follow_up", goal_attainment=gas
    )


BASELINE = RatingPoint(at=datetime(2024, 5, 1, 9, 30), rating=3, kind="baseline")


def test_bundle_and_every_resource_parse_back_as_r4b() -> None:
    bundle = export(ratings=[BASELINE, follow_up(1, 5, gas=1)])

    parsed = Bundle.parse_obj(bundle)

    assert parsed.type == "collection"
    assert parsed.id == VISIT_ID
    assert bundle["timestamp"] == "2024-05-01T09:30:12Z"
    for entry in bundle["entry"]:
        resource = entry["resource"]
        model = get_fhir_model_class(resource["resourceType"])
        assert model.parse_obj(resource).dict()["id"] == entry["fullUrl"].removeprefix("urn:uuid:")
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert kinds == ["Patient", "Goal", "QuestionnaireResponse", "Observation", "Observation"]


def test_patient_is_identified_only_by_the_clinic_reference() -> None:
    patient = only(export(), "Patient")["resource"]

    assert patient["identifier"] == [{"system": "urn:coproduce:patient-ref", "value": "MRN-123"}]
    assert "name" not in patient


def test_goal_is_the_patients_aim_in_their_own_words() -> None:
    bundle = export()
    patient_url = only(bundle, "Patient")["fullUrl"]
    goal = only(bundle, "Goal")["resource"]

    assert goal["description"]["text"] == EXAMPLE_ANSWERS["aim"]
    assert goal["lifecycleStatus"] == "proposed"
    assert goal["expressedBy"] == {"reference": patient_url}
    assert goal["subject"] == {"reference": patient_url}
    assert goal["target"] == [
        {
            "measure": {"text": EXAMPLE_ANSWERS["improvement_measure"]},
            "detailString": "baseline 3/10 on 2024-05-01",
        }
    ]
    assert goal["startDate"] == "2024-05-01"
    assert {"text": f"What matters: {EXAMPLE_ANSWERS['what_matters']}"} in goal["note"]
    assert {"text": "Activities: walk the dog; getting down the allotment"} in goal["note"]
    assert "achievementStatus" not in goal  # no follow-up yet


def test_skipped_aim_and_no_measure_leave_a_plain_goal() -> None:
    aim = summary(
        aim=AimStatement(statement=None, what_matters=None),
        improvement=Improvement(measure=None, baseline_rating=None),
        skipped_topics=[topics.AIM, topics.IMPROVEMENT_MEASURE],
    )

    goal = only(export(aim), "Goal")["resource"]

    assert goal["description"]["text"] == "Not stated (skipped)"
    assert "target" not in goal
    assert "note" not in goal


@pytest.mark.parametrize(("confirmed", "status"), [(True, "completed"), (False, "in-progress")])
def test_questionnaire_status_follows_patient_confirmation(confirmed: bool, status: str) -> None:
    bundle = export(summary(patient_confirmed=confirmed))
    response = only(bundle, "QuestionnaireResponse")["resource"]

    assert response["status"] == status
    assert response["questionnaire"] == "urn:coproduce:questionnaire:previsit-aim"
    assert response["authored"] == "2024-05-01T09:30:12Z"
    assert response["subject"] == {"reference": only(bundle, "Patient")["fullUrl"]}


def test_every_topic_asked_is_an_item_in_the_order_asked() -> None:
    response = only(export(), "QuestionnaireResponse")["resource"]
    asked = [t for t in topics.TOPICS if t not in topics.CONDITIONAL]  # none needed here

    assert [item["linkId"] for item in response["item"]] == asked
    assert [item["text"] for item in response["item"]] == [topics.LABELS[t] for t in asked]


def test_answers_keep_the_words_and_code_the_categories() -> None:
    items = items_by_link(export())

    assert items["aim"]["answer"] == [{"valueString": EXAMPLE_ANSWERS["aim"]}]
    assert items["baseline_rating"]["answer"] == [{"valueInteger": 3}]
    burdens = items["treatment_burden"]["answer"]
    assert [b["valueString"] for b in burdens] == ["too many tablets", "physio is two buses away"]
    assert [b["item"][0]["answer"][0]["valueCoding"] for b in burdens] == [
        {"system": "urn:coproduce:treatment-burden-category", "code": "medications"},
        {"system": "urn:coproduce:treatment-burden-category", "code": "appointments"},
    ]
    husband = items["supports"]["answer"][2]
    codes = {
        child["linkId"]: child["answer"][0]["valueCoding"]["code"] for child in husband["item"]
    }
    assert codes == {"supports.relationship": "husband", "supports.kind": "caring_for"}


def test_skipped_topic_is_present_without_an_answer() -> None:
    aim = summary(
        assets=[],
        improvement=Improvement(
            measure=EXAMPLE_ANSWERS["improvement_measure"], baseline_rating=None
        ),
        skipped_topics=[topics.ASSETS, topics.BASELINE_RATING],
    )

    items = items_by_link(export(aim))

    for topic in (topics.ASSETS, topics.BASELINE_RATING):
        assert "answer" not in items[topic]
        assert items[topic]["extension"] == [
            {"url": "urn:coproduce:extension:topic-skipped", "valueBoolean": True}
        ]
    assert "extension" not in items[topics.AIM]


def test_red_flags_are_recorded_with_category_and_text() -> None:
    flag = RedFlagOut(
        category="chest_pain", text="tight chest right now", at=datetime(2024, 5, 1, 9)
    )

    items = items_by_link(export(summary(red_flags=[flag])))

    [answer] = items["red_flags"]["answer"]
    assert answer["valueString"] == "tight chest right now"
    children = {child["linkId"]: child["answer"][0] for child in answer["item"]}
    assert children["red_flags.category"]["valueCoding"]["code"] == "chest_pain"
    assert children["red_flags.at"] == {"valueDateTime": "2024-05-01T09:00:00Z"}
    assert "red_flags" not in items_by_link(export())


def test_script_in_the_aim_survives_verbatim() -> None:
    words = f'my knee {XSS} & "mornings" are agony 😩'
    bundle = export(summary(aim=AimStatement(statement=words, what_matters=None)))

    assert only(bundle, "Goal")["resource"]["description"]["text"] == words
    assert items_by_link(bundle)["aim"]["answer"] == [{"valueString": words}]
    assert XSS in json.dumps(bundle)
    Bundle.parse_obj(bundle)


def test_each_rating_is_an_observation_focused_on_the_goal() -> None:
    bundle = export(ratings=[follow_up(1, 6, gas=1), BASELINE])
    goal_url = only(bundle, "Goal")["fullUrl"]
    patient_url = only(bundle, "Patient")["fullUrl"]

    baseline, later = (e["resource"] for e in entries(bundle, "Observation"))

    assert baseline["valueInteger"] == 3
    assert baseline["effectiveDateTime"] == "2024-05-01T09:30:00Z"
    assert baseline["note"] == [{"text": "Baseline rating"}]
    assert "component" not in baseline
    assert later["valueInteger"] == 6
    assert later["note"] == [{"text": "Follow-up rating"}]
    assert later["component"] == [{"code": {"text": "Goal attainment (GAS)"}, "valueInteger": 1}]
    for observation in (baseline, later):
        assert observation["status"] == "final"
        assert observation["code"]["coding"][0]["code"] == "patient-measure-rating"
        assert observation["code"]["coding"][0]["system"] == "urn:coproduce:measure"
        assert observation["focus"] == [{"reference": goal_url}]
        assert observation["subject"] == {"reference": patient_url}


@pytest.mark.parametrize(
    ("follow_ups", "code"),
    [
        ([follow_up(1, 4)], "improving"),
        ([follow_up(1, 2)], "worsening"),
        ([follow_up(1, 3)], "no-change"),
        ([follow_up(1, 9)], "achieved"),
        ([follow_up(1, 8, gas=1)], "achieved"),
        ([follow_up(1, 8, gas=0)], "improving"),
        ([follow_up(1, 7, gas=2)], "improving"),
        ([follow_up(9, 2), follow_up(1, 9)], "worsening"),  # the latest by time counts
    ],
)
def test_achievement_status_compares_latest_follow_up_with_baseline(
    follow_ups: list[RatingPoint], code: str
) -> None:
    goal = only(export(ratings=[BASELINE, *follow_ups]), "Goal")["resource"]

    [coding] = goal["achievementStatus"]["coding"]
    assert coding["system"] == "http://terminology.hl7.org/CodeSystem/goal-achievement"
    assert coding["code"] == code


def test_achievement_without_any_baseline_is_in_progress() -> None:
    aim = summary(improvement=Improvement(measure="walk to the park", baseline_rating=None))

    goal = only(export(aim, ratings=[follow_up(1, 5)]), "Goal")["resource"]

    assert goal["achievementStatus"]["coding"][0]["code"] == "in-progress"
    assert goal["target"] == [{"measure": {"text": "walk to the park"}}]


def test_baseline_from_ratings_when_summary_has_none() -> None:
    aim = summary(improvement=Improvement(measure="walk to the park", baseline_rating=None))

    goal = only(export(aim, ratings=[BASELINE, follow_up(1, 3)]), "Goal")["resource"]

    assert goal["target"][0]["detailString"] == "baseline 3/10 on 2024-05-01"
    assert goal["achievementStatus"]["coding"][0]["code"] == "no-change"


def test_full_urls_are_stable_across_exports_and_unique() -> None:
    ratings = [BASELINE, follow_up(1, 5), follow_up(1, 5)]

    first, second = export(ratings=ratings), export(ratings=list(ratings))
    other_visit = export(summary(visit_id="9b0c1d2e-0000-4000-8000-000000000002"), ratings=ratings)

    urls = [e["fullUrl"] for e in first["entry"]]
    assert urls == [e["fullUrl"] for e in second["entry"]]
    assert len(set(urls)) == len(urls)
    assert all(url.startswith("urn:uuid:") for url in urls)
    assert not set(urls) & {e["fullUrl"] for e in other_visit["entry"]}


def test_server_base_url_gives_restful_full_urls() -> None:
    bundle = export(base_url="https://fhir.example.org/r4/")

    patient = only(bundle, "Patient")
    assert patient["fullUrl"] == f"https://fhir.example.org/r4/Patient/{patient['resource']['id']}"
    assert only(bundle, "Goal")["resource"]["subject"] == {"reference": patient["fullUrl"]}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"base_url": "fhir.example.org"}, "base_url"),
        ({"ratings": [RatingPoint(at=UPDATED, rating=11, kind="baseline")]}, "rating must be 0-10"),
        ({"ratings": [RatingPoint(at=UPDATED, rating=5, kind="later")]}, "'later'"),
        ({"ratings": [follow_up(1, 5, gas=3)]}, "goal_attainment"),
    ],
)
def test_bad_input_is_refused_with_its_name(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        export(**kwargs)


def agreed_plan() -> PlanOut:
    return PlanOut(
        aim="Walk the dog to the park and back without stopping",
        patient_aim=EXAMPLE_ANSWERS["aim"],
        target=PlanTarget(rating=6, by=date(2024, 7, 1)),
        items=[
            PlanItemOut(
                id="k1",
                what="Knee exercises every morning",
                who="patient",
                by=date(2024, 6, 1),
                notes="Classes were two buses away",
                status="partly",
                barriers="my knee flared up",
            ),
            PlanItemOut(id="k2", what="Refer to physiotherapy", who="clinician"),
            PlanItemOut(id="k3", what="Lifts to physio", who="supporter", who_name="Sam"),
        ],
        versions=2,
        agreed_at=datetime(2024, 5, 3, 10, 0, 0),
        agreed_by="Dr Okafor",
    )


def test_what_was_agreed_is_a_care_plan_and_the_goal_is_accepted_with_its_target() -> None:
    bundle = build_bundle(
        summary=summary(plan=agreed_plan()), patient_ref="MRN-1", ratings=[BASELINE]
    )
    Bundle.parse_obj(bundle)  # the whole bundle is valid R4B
    resources = {e["resource"]["resourceType"]: e for e in bundle["entry"]}
    goal, care_plan = resources["Goal"], resources["CarePlan"]
    get_fhir_model_class("CarePlan").parse_obj(care_plan["resource"])
    assert goal["resource"]["lifecycleStatus"] == "accepted"
    assert goal["resource"]["description"]["text"] == agreed_plan().aim
    [target] = goal["resource"]["target"]
    assert target["detailInteger"] == 6 and target["dueDate"] == "2024-07-01"
    assert any(EXAMPLE_ANSWERS["aim"] in n["text"] for n in goal["resource"]["note"])
    plan = care_plan["resource"]
    assert (plan["intent"], plan["status"]) == ("plan", "active")
    assert plan["goal"] == [{"reference": goal["fullUrl"]}]
    assert plan["author"] == {"display": "Dr Okafor"}
    first, second, third = (a["detail"] for a in plan["activity"])
    assert first["status"] == "in-progress" and first["statusReason"]["text"] == "my knee flared up"
    assert first["performer"][0]["reference"] == resources["Patient"]["fullUrl"]
    assert second["status"] == "scheduled" and second["performer"] == [
        {"display": "Clinician or practice"}
    ]
    assert third["performer"] == [{"display": "Sam"}]


def test_without_a_plan_the_goal_stays_proposed_and_there_is_no_care_plan() -> None:
    bundle = export()
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert "CarePlan" not in kinds
    goal = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Goal")
    assert goal["lifecycleStatus"] == "proposed"

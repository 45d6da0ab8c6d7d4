"""The topic answers as a FHIR QuestionnaireResponse, codes in nested answer items."""

from __future__ import annotations

from typing import Any

from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from coproduce.aims import topics
from coproduce.aims.schemas import AimSummary
from coproduce.fhir.common import (
    ICE_SYSTEM,
    QUESTION_KIND_SYSTEM,
    QUESTIONNAIRE,
    QUESTIONS,
    RED_FLAG_ABOUT_SYSTEM,
    RED_FLAG_SYSTEM,
    RED_FLAG_URGENCY_SYSTEM,
    RED_FLAGS,
    SKIPPED_EXTENSION,
    SUPPORT_KIND_SYSTEM,
    SUPPORT_RELATIONSHIP_SYSTEM,
    TREATMENT_BURDEN_SYSTEM,
    Urls,
    coding,
    utc,
)


def questionnaire_response(urls: Urls, summary: AimSummary) -> QuestionnaireResponse:
    """Every topic asked, the questions for the clinician and the red flags, by the author."""
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
            "authored": utc(summary.updated_at),
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
                                "answer": [{"valueCoding": coding(ICE_SYSTEM, name)}],
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
        {"linkId": f"{topic}.{name}", "answer": [{"valueCoding": coding(system, code)}]}
        for name, system, code in codes
        if code and code.strip()
    ]
    answer: dict[str, Any] = {"valueString": text}
    if children:
        answer["item"] = children
    return answer


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
            {"linkId": f"{RED_FLAGS}.at", "answer": [{"valueDateTime": utc(flag.at)}]}
        )
        answers.append(answer)
    return {"linkId": RED_FLAGS, "text": "Safety concerns raised", "answer": answers}

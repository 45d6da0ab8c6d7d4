"""The plan form on a visit's summary page: its values, the API body it makes, its problems."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from api.schemas import PlanIn
from coproduce.aims.schemas import AimSummary, PlanOut

#: Who can do a plan item, as the form offers it.
PLAN_OWNERS = {
    "patient": "The patient",
    "clinician": "Clinician or practice",
    "service": "Another service",
    "supporter": "Someone who helps them",
}
BLANK_ITEMS = 3


def supporters(summary: AimSummary) -> list[str]:
    """The people the patient named as helping them, as a plan item's "who" may name them."""
    names = []
    for support in summary.supports:
        if support.kind != "caring_for":
            names.append(support.relationship or support.text[:60])
    return list(dict.fromkeys(names))


def form_values(plan: PlanOut | None, summary: AimSummary) -> dict[str, Any]:
    """The form's values: the latest plan, or the patient's own aim to start from."""
    blank = {"id": "", "what": "", "who": "patient", "who_name": "", "by": "", "notes": ""}
    if plan is None:
        return {
            "aim": summary.aim.statement or "",
            "target_rating": "",
            "target_by": "",
            "items": [dict(blank) for _ in range(BLANK_ITEMS)],
        }
    return {
        "aim": plan.aim,
        "target_rating": "" if plan.target.rating is None else str(plan.target.rating),
        "target_by": plan.target.by.isoformat() if plan.target.by else "",
        "items": [
            {
                "id": item.id,
                "what": item.what,
                "who": item.who,
                "who_name": item.who_name or "",
                "by": item.by.isoformat() if item.by else "",
                "notes": item.notes or "",
            }
            for item in plan.items
        ]
        + [dict(blank) for _ in range(BLANK_ITEMS)],
    }


def plan_body(form: dict[str, Any]) -> PlanIn:
    """The submitted form as the API's plan body (rows left blank are not items)."""
    items = []
    for row in form["items"]:
        if not row["what"].strip() and not row["notes"].strip():
            continue
        items.append(
            {
                "id": row["id"] or None,
                "what": row["what"],
                "who": row["who"],
                "who_name": row["who_name"] or None,
                "by": row["by"] or None,
                "notes": row["notes"] or None,
            }
        )
    return PlanIn.parse_obj(
        {
            "aim": form["aim"],
            "target": {
                "rating": form["target_rating"] or None,
                "by": form["target_by"] or None,
            },
            "items": items,
        }
    )


def problems(error: ValidationError) -> list[str]:
    """Say what to fix in words a clinician reads, naming the row."""
    names = {"aim": "Aim", "target": "Target", "items": "Plan item"}
    problems = []
    for found in error.errors():
        where = found["loc"]
        label = names.get(str(where[0]), str(where[0]))
        if where[0] == "items" and len(where) > 1 and isinstance(where[1], int):
            label = f"Plan item {where[1] + 1}, {str(where[-1]).replace('_', ' ')}"
        elif len(where) > 1:
            label = f"{label} {str(where[-1]).replace('_', ' ')}"
        problems.append(f"{label}: {found['msg']}")
    return problems

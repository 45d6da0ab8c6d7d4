"""Save what was agreed at the visit, and read it back with how each item went at follow-up.

Each save is a new version.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coproduce.aims.models import TopicAnswer
from coproduce.aims.topics import AIM
from coproduce.database import utcnow
from coproduce.followups.models import FollowUp
from coproduce.plans.models import CarePlan, CarePlanItem, ItemStatus, PlanItemProgress, PlanOwner
from coproduce.visits.models import Visit

#: How the patient's answer is said back, on every page.
STATUS_LABELS = {
    ItemStatus.DONE: "Done",
    ItemStatus.PARTLY: "Partly",
    ItemStatus.NOT_YET: "Not yet",
}
OWNER_LABELS = {
    PlanOwner.PATIENT: "You",
    PlanOwner.CLINICIAN: "Your clinician",
    PlanOwner.SERVICE: "Another service",
    PlanOwner.SUPPORTER: "Someone who helps you",
}
MAX_ITEMS = 20


@dataclass(frozen=True)
class ItemDraft:
    """One item of a plan about to be saved (`key`: an item of the previous version)."""

    what: str
    who: str
    key: str | None = None
    who_name: str | None = None
    by: date | None = None
    notes: str | None = None


@dataclass(frozen=True)
class PlanDraft:
    """A plan about to be saved: the aim, the target, and its items."""

    aim: str
    target_rating: int | None = None
    target_by: date | None = None
    items: tuple[ItemDraft, ...] = ()


@dataclass(frozen=True)
class ItemView:
    """One item of a plan as it is shown, with how it went at the latest follow-up."""

    key: str
    what: str
    who: str
    who_name: str | None
    by: date | None
    notes: str | None
    #: How it went at the latest follow-up that asked (None before any answer).
    status: str | None = None
    barriers: str | None = None
    answered_at: datetime | None = None

    @property
    def who_text(self) -> str:
        """Who does it, in words: "You", "Your clinician", "Physio team", "Sam (daughter)"."""
        if self.who in (PlanOwner.SERVICE, PlanOwner.SUPPORTER) and self.who_name:
            return self.who_name
        return OWNER_LABELS.get(self.who, self.who)


@dataclass(frozen=True)
class PlanView:
    """The latest version of a visit's plan, as every reader shows it."""

    id: str
    version: int
    aim: str
    patient_aim: str | None
    target_rating: int | None
    target_by: date | None
    agreed_at: datetime
    agreed_by: str | None
    items: tuple[ItemView, ...]
    earlier: tuple[PlanVersion, ...] = field(default=())

    @property
    def versions(self) -> int:
        """Return how many versions were saved: this one is the latest."""
        return self.version


@dataclass(frozen=True)
class PlanVersion:
    """An earlier version of a plan, in brief: its aim, when and by whom, and its items' words."""

    version: int
    aim: str
    agreed_at: datetime
    agreed_by: str | None
    items: tuple[str, ...]


def _day(value: date | None) -> datetime | None:
    return None if value is None else datetime.combine(value, time())


def _date(value: datetime | None) -> date | None:
    return None if value is None else value.date()


def _clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


def save(
    *,
    session: Session,
    visit: Visit,
    draft: PlanDraft,
    agreed_by: str | None,
    agreed_by_id: str | None,
) -> tuple[CarePlan, bool]:
    """Keep a new version of the plan; return it and whether anything changed.

    Saving the same plan again keeps the latest version as it is (a resubmitted form, a
    retried PUT). Items named by an earlier version's key keep that key.
    """
    latest = _latest(session, visit.id)
    if latest is not None and _same(session, latest, draft):
        return latest, False
    keys = _keys_for(_items(session, latest.id) if latest else [], draft.items)
    plan = CarePlan(
        id=str(uuid.uuid4()),
        visit_id=visit.id,
        version=(latest.version if latest else 0) + 1,
        aim=draft.aim.strip(),
        patient_aim=patient_words(session=session, visit_id=visit.id, topic=AIM),
        target_rating=draft.target_rating,
        target_by=_day(draft.target_by),
        agreed_at=utcnow(),
        agreed_by=agreed_by,
        agreed_by_id=agreed_by_id,
    )
    session.add(plan)
    session.flush()
    for position, (item, key) in enumerate(zip(draft.items, keys, strict=True)):
        session.add(
            CarePlanItem(
                plan_id=plan.id,
                item_key=key,
                position=position,
                what=item.what.strip(),
                who=item.who,
                who_name=_clean(item.who_name),
                due_by=_day(item.by),
                notes=_clean(item.notes),
            )
        )
    session.flush()
    return plan, True


def patient_words(*, session: Session, visit_id: str, topic: str) -> str | None:
    """The patient's own words for one topic of the pre-visit chat (None if not given)."""
    answer = session.execute(
        select(TopicAnswer.text).where(TopicAnswer.visit_id == visit_id, TopicAnswer.topic == topic)
    ).scalar_one_or_none()
    return _clean(answer)


def _same_words(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def _keys_for(earlier: list[CarePlanItem], drafts: tuple[ItemDraft, ...]) -> list[str]:
    """Return each drafted item's key: the one it names, else an earlier item's, else a new one.

    The earlier item is the one with the same words, so a caller that does not send ids keeps
    the history of unchanged items.
    """
    known = {item.item_key for item in earlier}
    used = {d.key for d in drafts if d.key in known}
    keys: list[str] = []
    for draft in drafts:
        # An earlier item split in two keeps its key on the first part only.
        key = draft.key if draft.key in known and draft.key not in keys else None
        if key is None:
            key = next(
                (
                    e.item_key
                    for e in earlier
                    if e.item_key not in used and _same_words(e.what, draft.what)
                ),
                None,
            )
        key = key or str(uuid.uuid4())
        used.add(key)
        keys.append(key)
    return keys


def _same(session: Session, plan: CarePlan, draft: PlanDraft) -> bool:
    earlier = _items(session, plan.id)
    stored = [(i.item_key, i.what, i.who, i.who_name, _date(i.due_by), i.notes) for i in earlier]
    drafted = [
        (key, i.what.strip(), i.who, _clean(i.who_name), i.by, _clean(i.notes))
        for i, key in zip(draft.items, _keys_for(earlier, draft.items), strict=True)
    ]
    return (
        plan.aim == draft.aim.strip()
        and plan.target_rating == draft.target_rating
        and _date(plan.target_by) == draft.target_by
        and stored == drafted
    )


def _latest(session: Session, visit_id: str) -> CarePlan | None:
    latest: CarePlan | None = session.execute(
        select(CarePlan)
        .where(CarePlan.visit_id == visit_id)
        .order_by(CarePlan.version.desc())
        .limit(1)
    ).scalar_one_or_none()
    return latest


def _items(session: Session, plan_id: str) -> list[CarePlanItem]:
    return list(
        session.execute(
            select(CarePlanItem)
            .where(CarePlanItem.plan_id == plan_id)
            .order_by(CarePlanItem.position)
        ).scalars()
    )


def latest_progress(*, session: Session, visit_id: str) -> dict[str, PlanItemProgress]:
    """Per item key, the newest follow-up answer about it."""
    rows = session.execute(
        select(PlanItemProgress)
        .join(FollowUp, FollowUp.id == PlanItemProgress.follow_up_id)
        .where(FollowUp.visit_id == visit_id)
        .order_by(PlanItemProgress.answered_at, PlanItemProgress.id)
    ).scalars()
    return {row.item_key: row for row in rows}


def view(*, session: Session, visit_id: str) -> PlanView | None:
    """The latest plan of a visit with how each item went, or None if nothing was agreed."""
    latest = _latest(session, visit_id)
    if latest is None:
        return None
    progress = latest_progress(session=session, visit_id=visit_id)
    items = []
    for item in _items(session, latest.id):
        answer = progress.get(item.item_key)
        items.append(
            ItemView(
                key=item.item_key,
                what=item.what,
                who=item.who,
                who_name=item.who_name,
                by=_date(item.due_by),
                notes=item.notes,
                status=answer.status if answer else None,
                barriers=answer.barriers if answer else None,
                answered_at=answer.answered_at if answer else None,
            )
        )
    return PlanView(
        id=latest.id,
        version=latest.version,
        aim=latest.aim,
        patient_aim=latest.patient_aim,
        target_rating=latest.target_rating,
        target_by=_date(latest.target_by),
        agreed_at=latest.agreed_at,
        agreed_by=latest.agreed_by,
        items=tuple(items),
        earlier=tuple(earlier_versions(session=session, visit_id=visit_id, before=latest.version)),
    )


def earlier_versions(*, session: Session, visit_id: str, before: int) -> list[PlanVersion]:
    """The versions of a visit's plan before `before`, newest first, each with its items."""
    earlier = session.execute(
        select(CarePlan)
        .where(CarePlan.visit_id == visit_id, CarePlan.version < before)
        .order_by(CarePlan.version.desc())
    ).scalars()
    return [
        PlanVersion(
            version=plan.version,
            aim=plan.aim,
            agreed_at=plan.agreed_at,
            agreed_by=plan.agreed_by,
            items=tuple(i.what for i in _items(session, plan.id)),
        )
        for plan in earlier
    ]


def patient_items(*, session: Session, visit_id: str) -> list[tuple[str, str]]:
    """The items of the latest plan the patient does themselves: (key, what), in order."""
    latest = _latest(session, visit_id)
    if latest is None:
        return []
    return [(i.item_key, i.what) for i in _items(session, latest.id) if i.who == PlanOwner.PATIENT]


def save_progress(
    *, session: Session, follow_up_id: str, answers: dict[str, dict[str, str | None]]
) -> None:
    """Upsert the patient's answers about their items at one follow-up (idempotent)."""
    follow_up = session.get(FollowUp, follow_up_id)
    if follow_up is None:
        return
    keys = {key for key, _ in patient_items(session=session, visit_id=follow_up.visit_id)}
    stored = {
        row.item_key: row
        for row in session.execute(
            select(PlanItemProgress).where(PlanItemProgress.follow_up_id == follow_up_id)
        ).scalars()
    }
    for key, answer in answers.items():
        if key not in keys:
            continue  # an item of the plan the patient was never asked about: ignore
        status = answer.get("status")
        status = status if status in ItemStatus.ALL else None
        barriers = _clean(answer.get("barriers"))
        row = stored.get(key)
        if row is None:
            session.add(
                PlanItemProgress(
                    follow_up_id=follow_up_id, item_key=key, status=status, barriers=barriers
                )
            )
        elif (row.status, row.barriers) != (status, barriers):
            row.status, row.barriers, row.answered_at = status, barriers, utcnow()
    session.flush()


def load_progress(*, session: Session, follow_up_id: str) -> dict[str, dict[str, str | None]]:
    """What a follow-up already holds about the plan's items, to resume its conversation."""
    rows = session.execute(
        select(PlanItemProgress).where(PlanItemProgress.follow_up_id == follow_up_id)
    ).scalars()
    loaded: dict[str, dict[str, str | None]] = {}
    for row in rows:
        # "status" present means asked (None: skipped); "barriers" only once answered.
        loaded[row.item_key] = {"status": row.status}
        if row.barriers is not None:
            loaded[row.item_key]["barriers"] = row.barriers
    return loaded


def plan_count(*, session: Session, visit_id: str) -> int:
    """Return how many versions of the plan a visit has (0: none saved)."""
    return int(
        session.execute(
            select(func.count()).select_from(CarePlan).where(CarePlan.visit_id == visit_id)
        ).scalar_one()
    )

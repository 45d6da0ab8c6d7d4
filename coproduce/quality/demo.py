"""Demo data for the improvement page: a year of realistic, clearly marked visits.

Every demo visit's patient reference starts with `DEMO-`. Answers are drawn from plain
examples of how patients talk, stored through the same code as real answers (so burdens are
split and categorised as they would be); follow-ups, plans and red flags are added at the
rates a clinic might see, with the share improved rising over the year, so the charts have
something to show. A database that holds real visits is refused unless forced.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from coproduce.aims import service as aim_service
from coproduce.aims.models import TopicAnswer
from coproduce.aims.service import AimState
from coproduce.followups import service as follow_up_service
from coproduce.followups.models import FollowUp
from coproduce.plans import service as plan_service
from coproduce.plans.service import ItemDraft, PlanDraft
from coproduce.visits import service as visit_service
from coproduce.visits.models import Conversation, Visit

DEMO_PREFIX = "DEMO-"

AIMS = [
    "I want to get back to walking the dog without my knee giving way",
    "to sleep through the night without the pain waking me",
    "sort out my breathing so I can play with the grandkids",
    "get my sugars under control so I can keep driving",
    "stop feeling so tired all the time so I can go back to work full time",
    "be able to go dancing again on a Friday",
    "get my back sorted so I can do the garden",
    "to feel less low and get out of the house more",
    "understand my tablets and cut down if I can",
    "manage the pain well enough to go swimming again",
]
MATTERS = [
    "my grandkids and getting down the allotment",
    "walking the dog every morning",
    "going to church on a Sunday",
    "playing bowls with my friends",
    "looking after my husband",
    "cooking for the family",
    "my job, I can't afford time off",
    "going swimming twice a week",
]
ILLNESS = [
    "the pain wakes me at night",
    "I'm too tired to do much by the afternoon",
    "I get out of breath on the stairs",
    "I can't walk far any more",
    "I feel low most days",
    "I've had to cut my hours at work",
    "I don't go out with friends like I used to",
    "the pain in my back is there all day",
    "I worry about falling",
    "I keep forgetting things",
]
TREATMENT = [
    "too many tablets and I never know which to take when",
    "the appointments are two buses away",
    "the blood tests every month are a pain",
    "the prescriptions cost a fortune",
    "the tablets make me feel sick",
    "nobody explains my results",
    "the inhaler is hard to use",
    "checking my sugar four times a day",
]
MEASURES = [
    "if I could walk to the park and back",
    "sleeping six hours without waking",
    "getting through a day at work without a nap",
    "doing the garden for an hour",
    "going out with my friends again",
]
ITEMS = [
    "Knee exercises from the leaflet every morning",
    "Take the new tablet an hour before bed",
    "Walk for ten minutes after lunch",
    "Use the brown inhaler twice a day",
    "Keep a sleep diary for two weeks",
    "Book the blood test at the surgery",
]


@dataclass(frozen=True)
class DemoSummary:
    """How many demo visits, follow-ups and plans were made."""

    visits: int
    follow_ups: int
    plans: int


class RealVisitsPresent(Exception):
    """The database holds visits that are not demo visits."""


def real_visits(session: Session) -> int:
    """Return how many visits are not demo visits."""
    return int(
        session.execute(
            select(func.count())
            .select_from(Visit)
            .where(Visit.patient_ref.not_like(f"{DEMO_PREFIX}%"))
        ).scalar_one()
    )


def create(
    *,
    session: Session,
    clinic_id: str | None,
    months: int = 12,
    per_month: int = 30,
    seed: int = 7,
    force: bool = False,
    today: date | None = None,
) -> DemoSummary:
    """Create `months` months of demo visits for a clinic, ending today."""
    if not force and real_visits(session):
        raise RealVisitsPresent(
            "this database has real visits; demo data goes only into an empty one (or --force)"
        )
    rng = random.Random(seed)
    end = today or date.today()
    visits = follow_ups = plans = 0
    for month in range(months):
        first = (end.replace(day=1) - timedelta(days=31 * (months - 1 - month))).replace(day=1)
        improve_chance = _story(month, months)
        for _ in range(per_month):
            created = datetime.combine(first, datetime.min.time()) + timedelta(
                days=rng.randrange(0, 27), hours=rng.randrange(8, 18)
            )
            if created.date() > end:
                continue
            visits += 1
            outcome = _visit(session, rng, clinic_id, created, improve_chance, end)
            follow_ups += outcome[0]
            plans += outcome[1]
    session.flush()
    return DemoSummary(visits=visits, follow_ups=follow_ups, plans=plans)


def _story(month: int, months: int) -> float:
    """The chance a patient improves, month by month: the story the charts tell.

    A third of the way through, the clinic starts agreeing a plan with each patient and the
    share improved steps up from about a quarter to about two thirds (a shift the run chart
    shows); one month before that, a staffing gap left almost nobody improved (a point the
    p-chart marks below its limits).
    """
    change = max(1, months // 3)
    if month == change - 1 and months >= 6:
        return 0.0
    return 0.25 if month < change else 0.7


def _visit(
    session: Session,
    rng: random.Random,
    clinic_id: str | None,
    created: datetime,
    improve_chance: float,
    today: date,
) -> tuple[int, int]:
    visit, _ = visit_service.create_visit(
        session=session,
        patient_ref=f"{DEMO_PREFIX}{rng.randrange(10**7):07d}",
        scheduled_for=created + timedelta(days=7),
        clinic_id=clinic_id,
    )
    visit.created_at = created
    if rng.random() < 0.12:  # never opened the link
        return 0, 0
    opened = created + timedelta(hours=rng.uniform(1, 72))
    session.add(Conversation(sender_id=str(uuid.uuid4()), visit_id=visit.id, created_at=opened))
    if rng.random() < 0.06:  # opened, then said no
        aim_service.save_state(session=session, visit_id=visit.id, state=AimState(consent=False))
        return 0, 0
    finished = rng.random() > 0.1
    answers: dict[str, str | None] = {
        "aim": rng.choice(AIMS),
        "what_matters": rng.choice(MATTERS),
        "illness_burden": ". ".join(rng.sample(ILLNESS, rng.randint(1, 2))),
        "treatment_burden": ". ".join(rng.sample(TREATMENT, rng.randint(1, 2))),
        "improvement_measure": rng.choice(MEASURES),
    }
    skipped = [t for t in ("assets", "supports") if rng.random() < 0.15]
    baseline = rng.randint(1, 6)
    state = AimState(
        answers=answers if finished else {"aim": answers["aim"]},
        skipped=skipped if finished else [],
        baseline_rating=baseline if finished else None,
        consent=True,
        confirmed=finished,
    )
    if rng.random() < 0.04:
        state.callback = {
            "phone": "07700 900000",
            "preferred_time": "mornings",
            "reason": "rather talk to someone",
            "requested_at": opened.isoformat(),
        }
    aim_service.save_state(session=session, visit_id=visit.id, state=state)
    answered = opened + timedelta(minutes=rng.uniform(4, 20))
    session.execute(
        update(TopicAnswer)
        .where(TopicAnswer.visit_id == visit.id)
        .values(updated_at=answered)
        .execution_options(synchronize_session=False)
    )
    if rng.random() < 0.03:
        aim_service.record_red_flag(
            session=session,
            visit_id=visit.id,
            category=rng.choice(["chest_pain", "self_harm", "breathing"]),
            text="(demo red flag)",
            at=answered,
            dedupe_key=f"demo-{visit.id}",
        )
    if not finished:
        return 0, 0
    plan_items = []
    has_plan = rng.random() < 0.6
    if has_plan:
        chosen = rng.sample(ITEMS, 2)
        draft = PlanDraft(
            aim=str(answers["aim"]),
            target_rating=min(10, baseline + rng.randint(2, 4)),
            items=(
                ItemDraft(what=chosen[0], who="patient"),
                ItemDraft(what=chosen[1], who=rng.choice(["patient", "clinician"])),
            ),
        )
        plan_service.save(
            session=session, visit=visit, draft=draft, agreed_by="Dr Demo", agreed_by_id=None
        )
        plan_items = plan_service.patient_items(session=session, visit_id=visit.id)
    due = created + timedelta(weeks=6)
    if due.date() > today or rng.random() < 0.15:
        return 0, int(has_plan)
    follow_up, _ = follow_up_service.create_follow_up(session=session, visit=visit, due_at=due)
    follow_up.created_at = created + timedelta(days=8)
    if rng.random() < 0.2:  # invited, never answered
        return 1, int(has_plan)
    improved = rng.random() < improve_chance
    rating = min(10, baseline + (rng.randint(2, 4) if improved else rng.randint(-1, 1)))
    progress: dict[str, dict[str, str | None]] = {
        key: {"status": rng.choices(["done", "partly", "not_yet"], [5, 3, 2])[0]}
        for key, _ in plan_items
    }
    follow_up_service.save_state(
        session=session,
        follow_up_id=follow_up.id,
        state=follow_up_service.FollowUpState(
            rating=rating,
            goal_attainment=max(-2, min(2, (rating - baseline) // 2 - (0 if improved else 1))),
            completed=True,
            plan=progress,
        ),
    )
    answered_at = due + timedelta(days=rng.uniform(0, 5))
    row = session.get(FollowUp, follow_up.id)
    row.answered_at, row.completed_at = answered_at, answered_at + timedelta(minutes=3)
    return 1, int(has_plan)

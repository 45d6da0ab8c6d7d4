"""Run simulated patients against the real stack over REST; print items captured and who got stuck.

Each persona (YAML, see bench/data/personas_*.yml) holds, per question, the messages the
patient sends when asked it: the first time, then if asked again, and so on (the last one is
repeated). The runner answers whatever `requested_slot` the tracker shows, like an evaluator
that knows nothing of the bot's internals, then reads the summary from the API and counts the
items the persona expects to find there.

    .venv/bin/python bench/personas.py --set bench/data/personas_dev.yml
    .venv/bin/python bench/personas.py --set <file> --quiet      # aggregate figures only

A patient is stuck when the same question is asked more than MAX_ASKS times in a row, or the
conversation has not ended after MAX_TURNS messages.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import yaml  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

MAX_ASKS = 6
TRANSCRIPT = False
MAX_TURNS = 70
#: Seconds a typical patient takes per turn: reading the question and typing an answer.
SECONDS_PER_TURN = 25

#: What the runner sends for each requested slot: the persona's answer under this key.
SLOT_KEYS = {
    "concerns": "worries",
    "ideas": "worries",
    "improvement_detail": "measure_probe",
    "measure_probe": "measure_probe",
    "callback_phone": "callback",
    "callback_time": "callback",
    "callback_request": "callback",
    "respondent": "respondent",
    "worry_resolved": "worry_resolved",
}


#: Treatment-burden categories as persona writers name them -> the summary's categories.
CATEGORY_SYNONYMS = {
    "tests": "tests_monitoring",
    "monitoring": "tests_monitoring",
    "test": "tests_monitoring",
    "lifestyle": "other",
    # Diet, exercise and other self-care advice: TBQ's "diet and exercise", filed as other.
    "self_care": "other",
}
#: Support kinds and relationships as persona writers name them -> the summary's words.
KIND_SYNONYMS = {"receives": "support", "gives": "caring_for"}
RELATIONSHIP_SYNONYMS = {
    "mother": "mum",
    "father": "dad",
    "support worker": "carer",
    "grandson": "grandchild",
    "granddaughter": "grandchild",
    "grandchildren": "grandchild",
    "children": "child",
    "spouse": "partner",
}


@dataclass
class Outcome:
    """What happened to one persona."""

    persona: str
    kind: str
    turns: int = 0
    stuck: str | None = None
    expected: int = 0
    captured: int = 0
    missed: list[str] = field(default_factory=list)
    new_expected: int = 0
    new_captured: int = 0
    new_missed: list[str] = field(default_factory=list)
    error: str | None = None
    #: The stored summary (written only with --json, for reading what was missed).
    summary: dict[str, Any] | None = None


@dataclass
class Target:
    """The running stack: where Rasa and the API answer, and the tokens to use them."""

    rasa_url: str
    api_url: str
    api_token: str
    rasa_token: str
    database_url: str | None = None


def _answer_key(slot: str | None) -> str:
    if slot is None:
        return "opening"
    if slot.startswith("plan_item"):
        return "plan_barriers" if slot.endswith(("barrier", "barriers")) else "plan_item"
    return SLOT_KEYS.get(slot, slot)


class Patient:
    """One simulated patient talking over REST."""

    def __init__(self, target: Target, persona: dict[str, Any], invite_token: str) -> None:
        self.target = target
        self.persona = persona
        self.token = invite_token
        self.sender = str(uuid.uuid4())
        self.asked: Counter[str] = Counter()
        self.client = httpx.Client(timeout=120)

    def say(self, text: str) -> list[dict[str, Any]]:
        reply = self.client.post(
            f"{self.target.rasa_url}/webhooks/rest/webhook",
            json={"sender": self.sender, "message": text, "metadata": {"invite_token": self.token}},
        )
        reply.raise_for_status()
        messages = list(reply.json())
        if TRANSCRIPT:
            print(f"  > {text}")
            for message in messages:
                if message.get("text"):
                    print(f"    < {message['text'][:160]}")
        return messages

    def tracker(self) -> dict[str, Any]:
        reply = self.client.get(
            f"{self.target.rasa_url}/conversations/{self.sender}/tracker",
            params={"token": self.target.rasa_token},
        )
        reply.raise_for_status()
        return dict(reply.json())

    def next_message(self, slot: str | None) -> str | None:
        key = _answer_key(slot)
        answers = self.persona["answers"].get(key)
        if answers is None:
            fallback = {"opening": "hello"}.get(key)
            if fallback is None:
                return "dunno"
            answers = [fallback]
        if isinstance(answers, str):
            answers = [answers]
        index = self.asked[key]
        self.asked[key] += 1
        return str(answers[min(index, len(answers) - 1)])

    def run(self) -> tuple[int, str | None]:
        """Talk until the conversation ends; return (turns, why stuck or None)."""
        turns, last, repeats = 0, "", 0
        self.say(self.next_message(None) or "hello")
        turns += 1
        while turns < MAX_TURNS:
            slots = self.tracker()["slots"]
            if _finished(slots):
                return turns, None
            slot = slots.get("requested_slot")
            if TRANSCRIPT:
                print(f"  [requested_slot={slot}]")
            repeats = repeats + 1 if slot == last else 0
            last = slot or ""
            if repeats >= MAX_ASKS:
                return turns, f"asked {slot} {repeats + 1} times"
            if slot == "confirm_summary" and slots.get("correction_pending"):
                # "What would you like to change?" is asked with the read-back still open.
                slot = "what_to_change" if "what_to_change" in self.persona["answers"] else slot
            message = self.next_message(slot)
            if message is None:
                return turns, f"no answer for {slot}"
            self.say(message)
            turns += 1
        return turns, f"not finished after {MAX_TURNS} messages"


def _finished(slots: dict[str, Any]) -> bool:
    if slots.get("conversation_kind") == "followup":
        return bool(slots.get("followup_done"))
    return slots.get("consent") is False or bool(slots.get("confirm_summary"))


# -- scoring --------------------------------------------------------------------------------


def _norm(text: Any) -> str:
    return " ".join(str(text or "").lower().replace("’", "'").split())


def has_words(text: Any, words: list[str]) -> bool:
    """True when every key word is in the text (a typo of one letter or two is forgiven)."""
    haystack = _norm(text)
    for word in words:
        word = _norm(word)
        if not word:
            continue
        if word in haystack:
            continue
        if len(word) >= 4 and fuzz.partial_ratio(word, haystack) >= 85:
            continue
        return False
    return True


def _match_items(expected: list[Any], stored: list[dict[str, Any]], fits: Any) -> list[bool]:
    """Match each expected item to a different stored item; return which were found."""
    free = list(range(len(stored)))
    found = []
    for item in expected:
        hit = next((i for i in free if fits(item, stored[i])), None)
        if hit is not None:
            free.remove(hit)
        found.append(hit is not None)
    return found


def _words(item: Any) -> list[str]:
    if isinstance(item, dict):
        return [str(w) for w in item.get("words") or []]
    if isinstance(item, list):
        return [str(w) for w in item]
    return [str(item)]


def score_previsit(
    expect: dict[str, Any], summary: dict[str, Any] | None, outcome: Outcome
) -> None:
    """Count the expected items found in the summary (core topics, then the newer fields)."""

    def core(name: str, ok: bool) -> None:
        outcome.expected += 1
        outcome.captured += ok
        if not ok:
            outcome.missed.append(name)

    def new(name: str, ok: bool) -> None:
        outcome.new_expected += 1
        outcome.new_captured += ok
        if not ok:
            outcome.new_missed.append(name)

    summary = summary or {}
    consent = expect.get("consent", True)
    status = summary.get("status")
    core("consent", (status == "declined") == (consent is False) and status is not None)
    if consent is False:
        return
    aim = summary.get("aim") or {}
    improvement = summary.get("improvement") or {}
    skipped = set(summary.get("skipped_topics") or [])
    headline_aim = " ".join(
        str(x or "") for x in (aim.get("statement"), (summary.get("one_thing") or ""))
    )
    if expect.get("aim"):
        core("aim", has_words(headline_aim, _words(expect["aim"])))
    if expect.get("what_matters"):
        core("what_matters", has_words(aim.get("what_matters"), _words(expect["what_matters"])))
    for name, key, extra in (
        ("illness_burden", "illness_burdens", None),
        ("asset", "assets", None),
        ("treatment_burden", "treatment_burdens", "category"),
        ("support", "supports", "relationship"),
    ):
        wanted = expect.get(key) or []
        stored = summary.get(key) or []

        def fits(item: Any, got: dict[str, Any], extra: str | None = extra) -> bool:
            if not has_words(got.get("text"), _words(item)):
                return False
            if extra == "category" and isinstance(item, dict) and item.get("category"):
                wanted = CATEGORY_SYNONYMS.get(item["category"], item["category"])
                return bool(got.get("category") == wanted)
            if extra == "relationship" and isinstance(item, dict):
                relationship = item.get("relationship")
                relationship = RELATIONSHIP_SYNONYMS.get(relationship, relationship)
                if relationship not in (None, "other") and got.get("relationship") != relationship:
                    return False
                kind = KIND_SYNONYMS.get(item.get("kind"), item.get("kind"))
                if kind and got.get("kind") != kind:
                    return False
            return True

        for item, ok in zip(wanted, _match_items(wanted, stored, fits), strict=True):
            core(f"{name}:{'/'.join(_words(item))}", ok)
    measure = " ".join(
        str(x or "") for x in (improvement.get("measure"), improvement.get("measure_detail"))
    )
    if expect.get("measure"):
        core("measure", has_words(measure, _words(expect["measure"])))
    if "baseline_rating" in expect:
        core("baseline_rating", improvement.get("baseline_rating") == expect["baseline_rating"])
    for topic in expect.get("skipped") or []:
        core(f"skipped:{topic}", topic in skipped or _is_none_answer(summary, topic))
    if expect.get("worries"):
        text = " ".join(str(summary.get(k) or "") for k in ("concerns", "ideas"))
        new("worries", has_words(text, _words(expect["worries"])))
    if expect.get("expectations"):
        new("expectations", has_words(summary.get("expectations"), _words(expect["expectations"])))
    respondent = expect.get("respondent")
    if respondent:
        got = summary.get("respondent") or {}
        ok = got.get("type", "patient") == respondent.get("type", "patient")
        if ok and respondent.get("relationship"):
            wanted = RELATIONSHIP_SYNONYMS.get(
                respondent["relationship"], respondent["relationship"]
            )
            ok = (
                RELATIONSHIP_SYNONYMS.get(got.get("relationship"), got.get("relationship"))
                == wanted
            )
        new("respondent", ok)
    if expect.get("callback"):
        new("callback", bool(summary.get("callback_request")))


def _is_none_answer(summary: dict[str, Any], topic: str) -> bool:
    return topic in (summary.get("none_answers") or {})


def score_followup(
    expect: dict[str, Any], summary: dict[str, Any] | None, outcome: Outcome
) -> None:
    """Count the expected follow-up items found in the visit's latest follow-up."""
    follow_ups = (summary or {}).get("follow_ups") or []
    latest = follow_ups[-1] if follow_ups else {}

    def core(name: str, ok: bool) -> None:
        outcome.expected += 1
        outcome.captured += ok
        if not ok:
            outcome.missed.append(name)

    if "followup_rating" in expect:
        core("followup_rating", latest.get("rating") == expect["followup_rating"])
    if "goal_attainment" in expect:
        core("goal_attainment", latest.get("goal_attainment") == expect["goal_attainment"])
    if expect.get("helped"):
        core("helped", has_words(latest.get("helped"), _words(expect["helped"])))
    if expect.get("barriers"):
        plan = (summary or {}).get("plan") or {}
        text = " ".join(
            str(x or "")
            for x in [latest.get("barriers")] + [i.get("barriers") for i in plan.get("items") or []]
        )
        core("barriers", has_words(text, _words(expect["barriers"])))


# -- the stack ------------------------------------------------------------------------------


def _api(target: Target) -> httpx.Client:
    return httpx.Client(
        base_url=target.api_url,
        timeout=60,
        headers={"Authorization": f"Bearer {target.api_token}"},
    )


def _seed_baseline(target: Target, visit_id: str, baseline: dict[str, Any]) -> None:
    """Store the answers a follow-up persona gave before its visit (straight into the DB)."""
    from coproduce.aims import service as aim_service
    from coproduce.aims.service import AimState
    from coproduce.database import session_scope

    state = AimState(
        answers={"aim": baseline.get("aim"), "improvement_measure": baseline.get("measure")},
        baseline_rating=baseline.get("rating"),
        consent=True,
        confirmed=True,
    )
    with session_scope(target.database_url) as session:
        aim_service.save_state(session=session, visit_id=visit_id, state=state)
    items = baseline.get("plan_items") or []
    if items:
        # What was agreed at the visit: the items the patient does, asked about at follow-up.
        from coproduce.plans import service as plan_service
        from coproduce.visits.models import Visit

        draft = plan_service.PlanDraft(
            aim=str(baseline.get("aim") or "the aim"),
            items=tuple(plan_service.ItemDraft(what=str(what), who="patient") for what in items),
        )
        with session_scope(target.database_url) as session:
            visit = session.get(Visit, visit_id)
            plan_service.save(
                session=session, visit=visit, draft=draft, agreed_by="bench", agreed_by_id=None
            )


def run_persona(target: Target, persona: dict[str, Any]) -> Outcome:
    """Run one persona from a fresh visit to the end; score its summary."""
    kind = persona.get("conversation", "previsit")
    outcome = Outcome(persona=str(persona.get("id")), kind=kind)
    try:
        with _api(target) as api:
            scheduled = time.strftime("%Y-%m-%dT09:00:00Z", time.gmtime(time.time() + 86400))
            visit = api.post(
                "/api/v1/visits",
                json={"patient_ref": f"SIM-{outcome.persona}", "scheduled_for": scheduled},
            ).json()
            token = visit["invite_token"]
            if kind == "followup":
                _seed_baseline(target, visit["id"], persona.get("baseline") or {})
                due = time.strftime("%Y-%m-%dT09:00:00Z", time.gmtime(time.time() - 3600))
                made = api.post(f"/api/v1/visits/{visit['id']}/follow-ups", json={"due_at": due})
                made.raise_for_status()
                token = made.json()["invite_token"]
            patient = Patient(target, persona, token)
            outcome.turns, outcome.stuck = patient.run()
            summary = api.get(f"/api/v1/visits/{visit['id']}/summary").json()
    except Exception as error:  # a crash is reported, not hidden
        outcome.error = f"{type(error).__name__}: {error}"
        summary = None
    outcome.summary = summary
    if kind == "followup":
        score_followup(persona.get("expect") or {}, summary, outcome)
    else:
        score_previsit(persona.get("expect") or {}, summary, outcome)
    return outcome


def report(outcomes: list[Outcome], *, quiet: bool) -> dict[str, Any]:
    """Print the figures; return them as a dict."""
    figures: dict[str, Any] = {}
    for kind in ("previsit", "followup"):
        group = [o for o in outcomes if o.kind == kind]
        if not group:
            continue
        expected = sum(o.expected for o in group)
        captured = sum(o.captured for o in group)
        new_expected = sum(o.new_expected for o in group)
        new_captured = sum(o.new_captured for o in group)
        stuck = [o for o in group if o.stuck or o.error]
        finished = [o.turns for o in group if not o.stuck and not o.error]
        median_turns = statistics.median(finished) if finished else 0
        figures[kind] = {
            "patients": len(group),
            "items_expected": expected,
            "items_captured": captured,
            "share_captured": round(captured / expected, 3) if expected else None,
            "new_items_expected": new_expected,
            "new_items_captured": new_captured,
            "stuck": len(stuck),
            "median_turns": median_turns,
            "median_minutes": round(median_turns * SECONDS_PER_TURN / 60, 1),
        }
        share = f"{captured / expected:.1%}" if expected else "-"
        print(
            f"{kind}: {len(group)} patients, items captured {captured}/{expected} ({share}), "
            f"stuck {len(stuck)}, median {median_turns} messages "
            f"(~{figures[kind]['median_minutes']} min)"
        )
        if new_expected:
            print(
                f"  newer fields (worries, expectations, respondent, call-back): "
                f"{new_captured}/{new_expected}"
            )
        if not quiet:
            for o in group:
                if o.missed or o.stuck or o.error or o.new_missed:
                    print(
                        f"  {o.persona}: stuck={o.stuck} error={o.error} missed={o.missed} "
                        f"new_missed={o.new_missed}"
                    )
            misses = Counter(m.split(":")[0] for o in group for m in o.missed)
            print(f"  missed by kind: {dict(misses.most_common())}")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", required=True, type=Path, help="persona YAML file")
    parser.add_argument("--only", nargs="*", help="persona ids to run")
    parser.add_argument("--parallel", type=int, default=3)
    parser.add_argument("--quiet", action="store_true", help="aggregate figures only")
    parser.add_argument("--json", type=Path, help="write every outcome here")
    parser.add_argument("--rasa-url", help="a running stack (default: start one)")
    parser.add_argument("--api-url")
    parser.add_argument("--database-url", help="the running stack's aims database")
    parser.add_argument("--transcript", action="store_true", help="print every exchange")
    args = parser.parse_args()
    global TRANSCRIPT
    TRANSCRIPT = args.transcript
    personas = yaml.safe_load(args.set.read_text(encoding="utf-8"))
    if args.only:
        personas = [p for p in personas if p.get("id") in set(args.only)]

    def go(target: Target) -> list[Outcome]:
        with ThreadPoolExecutor(max_workers=args.parallel) as pool:
            return list(pool.map(lambda p: run_persona(target, p), personas))

    if args.rasa_url:
        target = Target(
            rasa_url=args.rasa_url,
            api_url=args.api_url,
            api_token=os.environ["COPRODUCE_API_TOKEN"],
            rasa_token=os.environ["COPRODUCE_RASA_TOKEN"],
            database_url=args.database_url,
        )
        outcomes = go(target)
    else:
        from tests.e2e import servers

        with tempfile.TemporaryDirectory() as workdir:
            database_url = f"sqlite:///{Path(workdir) / 'aims.db'}"
            os.environ["COPRODUCE_DATABASE_URL"] = database_url
            with servers.running_stack(Path(workdir), database_url=database_url) as stack:
                target = Target(
                    rasa_url=stack.rasa_url,
                    api_url=stack.api_url,
                    api_token=servers.API_TOKEN,
                    rasa_token=servers.RASA_TOKEN,
                    database_url=database_url,
                )
                outcomes = go(target)
    figures = report(outcomes, quiet=args.quiet)
    if args.json:
        args.json.write_text(
            json.dumps({"figures": figures, "outcomes": [o.__dict__ for o in outcomes]}, indent=1)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

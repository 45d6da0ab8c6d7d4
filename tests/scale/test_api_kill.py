"""Killing the API mid-request leaves no partial rows.

Six clients stream writes through the real API (create a visit, re-issue its invite, add a
follow-up, cancel, delete) while the uvicorn process is killed with SIGKILL, three times in
one run. After each kill the database, read directly, holds every write a client saw
acknowledged and nothing half done: one live invite per open visit and none per cancelled
one, one invite per follow-up, no row pointing to a missing visit, each deleted visit gone
with all its answers and audited once, each kept visit with all of them. The API restarted
on the same database then serves every surviving visit and takes new writes.
"""

from __future__ import annotations

import itertools
import os
import random
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, text

from coproduce.aims.models import AnswerItem, RedFlagRecord, TopicAnswer
from coproduce.audit.models import AuditEvent
from coproduce.database import get_engine, new_session, session_scope
from coproduce.followups.models import FollowUp
from coproduce.visits import service as visit_service
from coproduce.visits.models import Conversation, Invite, Visit, VisitStatus
from tests.e2e.servers import API_TOKEN, CHAT_JWT_SECRET, ROOT, Stack, free_port, start_api, stop

pytestmark = [pytest.mark.e2e]

ROUNDS = 3
WRITERS = 6
SEEDED_PER_WRITER = 10
SEED = 1729
#: Names the API's PostgreSQL sessions (libpq reads PGAPPNAME), to wait for them to end.
APP_NAME = "coproduce-api-kill-test"
KILL_AFTER_S = (0.3, 1.0)
#: How long a request must have been unanswered to count as reaching the API before a kill.
IN_FLIGHT_FOR_S = 0.003
EXPECTED_STATUS = {"create": 201, "reissue": 201, "follow_up": 201, "cancel": 200, "delete": 204}
FRESH_PLANS = (
    ("create", "reissue", "follow_up", "reissue"),
    ("create", "follow_up", "reissue", "cancel"),
    ("create", "reissue", "follow_up", "delete"),
    ("create", "cancel", "delete"),
    ("create",),
)
NEVER_CONNECTED = (httpx.ConnectError, httpx.ConnectTimeout)
SUFFIXES = {"reissue": "/invite", "follow_up": "/follow-ups", "cancel": "/cancel"}
SEEDED_PLANS = (("delete",), ("reissue", "delete"), ("follow_up", "cancel"), ("cancel", "delete"))
#: What a conversation leaves behind for a seeded visit: deleting it must take all of it.
SEEDED_ROWS: dict[Any, int] = {Conversation: 1, TopicAnswer: 2, AnswerItem: 2, RedFlagRecord: 1}
CHILD_TABLES = (Invite, FollowUp, Conversation, TopicAnswer, AnswerItem, RedFlagRecord)


@dataclass
class Ledger:
    """What the client knows of one visit: the writes acknowledged, and at most one unknown."""

    patient_ref: str
    plan: tuple[str, ...]
    seeded: bool = False
    visit_id: str | None = None
    live_invite: str | None = None
    invites: set[str] = field(default_factory=set)
    follow_ups: set[str] = field(default_factory=set)
    cancelled: bool = False
    deleted: bool = False
    unknown: str | None = None

    def acknowledge(self, op: str, body: dict[str, Any]) -> None:
        """Record a write the API answered with its success status."""
        if op == "create":
            self.visit_id = body["id"]
        if op in ("create", "reissue"):
            self.live_invite = visit_service.hash_token(body["invite_token"])
            self.invites.add(self.live_invite)
        elif op == "follow_up":
            self.follow_ups.add(body["id"])
        elif op == "cancel":
            self.cancelled = True
        elif op == "delete":
            self.deleted = True


def _send(client: httpx.Client, ledger: Ledger, op: str) -> httpx.Response:
    if op == "create":
        return client.post("/api/v1/visits", json={"patient_ref": ledger.patient_ref})
    path = f"/api/v1/visits/{ledger.visit_id}"
    if op == "delete":
        return client.delete(path)
    return client.post(path + SUFFIXES[op])


@dataclass
class Writer:
    """One client thread writing visit after visit until the API stops answering."""

    stack: Stack
    name: str
    rng: random.Random
    seeded: list[Ledger]
    fresh: list[Ledger] = field(default_factory=list)
    acknowledged: int = 0
    lost: tuple[float, type[Exception]] | None = None
    unexpected: list[str] = field(default_factory=list)
    answered: threading.Event = field(default_factory=threading.Event)
    #: When the request now awaiting its answer was sent; None between requests.
    waiting_since: float | None = None

    def waiting_for(self, now: float) -> float:
        """Say how long this writer has been waiting for an answer (0 between requests)."""
        since = self.waiting_since
        return 0.0 if since is None else now - since

    def lost_in_flight(self, killed_at: float) -> bool:
        """Say whether a request reached the API before the kill and never got its answer."""
        if self.lost is None:
            return False
        sent_at, error = self.lost
        return sent_at < killed_at and not issubclass(error, NEVER_CONNECTED)

    def run(self) -> None:
        with self.stack.api() as client:
            for ledger in self._visits():
                for op in ledger.plan:
                    if not self._write(client, ledger, op):
                        return

    def _visits(self) -> Iterator[Ledger]:
        seeded = iter(self.seeded)
        for number in itertools.count():
            if number % 2 and (ledger := next(seeded, None)):
                yield ledger
                continue
            self.fresh.append(Ledger(f"{self.name}-{number}", self.rng.choice(FRESH_PLANS)))
            yield self.fresh[-1]

    def _write(self, client: httpx.Client, ledger: Ledger, op: str) -> bool:
        sent_at = self.waiting_since = time.monotonic()
        try:
            response = _send(client, ledger, op)
        except httpx.TransportError as error:
            ledger.unknown, self.lost = op, (sent_at, type(error))
            return False
        finally:
            self.waiting_since = None
        self.answered.set()
        if response.status_code != EXPECTED_STATUS[op]:
            ledger.unknown = op
            self.unexpected.append(
                f"{op} {ledger.patient_ref}: {response.status_code} {response.text[:300]}"
            )
            return False
        ledger.acknowledge(op, response.json() if response.content else {})
        self.acknowledged += 1
        return True


@dataclass
class Snapshot:
    """The aims database as read directly, with no API in between."""

    visits: dict[str, Visit]
    by_ref: dict[str, list[Visit]]
    invites: list[Invite]
    follow_ups: list[FollowUp]
    children: Counter[tuple[str, str | None]]
    deletes: Counter[str | None]
    audit: list[AuditEvent]

    @classmethod
    def read(cls, database_url: str) -> Snapshot:
        with new_session(database_url) as db:
            visits = list(db.execute(select(Visit)).scalars())
            children: Counter[tuple[str, str | None]] = Counter()
            for model in CHILD_TABLES:
                counts = db.execute(select(model.visit_id, func.count()).group_by(model.visit_id))
                children.update({(model.__tablename__, v): n for v, n in counts})
            audit = list(db.execute(select(AuditEvent)).scalars())
            by_ref: dict[str, list[Visit]] = {}
            for visit in visits:
                by_ref.setdefault(visit.patient_ref, []).append(visit)
            return cls(
                visits={v.id: v for v in visits},
                by_ref=by_ref,
                invites=list(db.execute(select(Invite)).scalars()),
                follow_ups=list(db.execute(select(FollowUp)).scalars()),
                children=children,
                deletes=Counter(e.visit_id for e in audit if e.action == "visit.delete"),
                audit=audit,
            )

    def invites_of(self, visit_id: str, purpose: str | None = None) -> list[Invite]:
        return [i for i in self.invites if i.visit_id == visit_id and purpose in (None, i.purpose)]


def _orphan_problems(snap: Snapshot) -> list[str]:
    return [
        f"{table}: {rows} row(s) point to missing visit {visit_id}"
        for (table, visit_id), rows in snap.children.items()
        if visit_id not in snap.visits
    ]


def _visit_problems(snap: Snapshot) -> list[str]:
    problems = []
    for visit in snap.visits.values():
        cancelled = visit.status == VisitStatus.CANCELLED
        live = [i for i in snap.invites_of(visit.id) if i.revoked_at is None]
        live_previsit = [i for i in live if i.purpose == "previsit"]
        if visit.status not in (VisitStatus.INVITED, VisitStatus.CANCELLED):
            problems.append(f"visit {visit.id} is {visit.status!r} though nobody chatted")
        if not snap.invites_of(visit.id, "previsit"):
            problems.append(f"visit {visit.id} was created without its invite")
        if cancelled and live:
            problems.append(f"cancelled visit {visit.id} has {len(live)} live invite(s)")
        if not cancelled and len(live_previsit) != 1:
            problems.append(f"open visit {visit.id} has {len(live_previsit)} live invites")
    return problems


def _follow_up_problems(snap: Snapshot) -> list[str]:
    problems = [
        f"invite {i.token_hash[:8]} is {i.purpose!r} with follow-up {i.follow_up_id}"
        for i in snap.invites
        if (i.purpose == "followup") != (i.follow_up_id is not None)
    ]
    for follow_up in snap.follow_ups:
        own = [i for i in snap.invites if i.follow_up_id == follow_up.id]
        visit = snap.visits.get(follow_up.visit_id)
        if len(own) != 1 or own[0].visit_id != follow_up.visit_id:
            problems.append(f"follow-up {follow_up.id} has {len(own)} invite(s) of its visit")
        elif visit and visit.status != VisitStatus.CANCELLED and own[0].revoked_at is not None:
            problems.append(f"follow-up {follow_up.id} of an open visit has a revoked invite")
    return problems


def _audit_problems(snap: Snapshot) -> list[str]:
    problems = [f"visit {v} audited as deleted {n} times" for v, n in snap.deletes.items() if n > 1]
    problems += [
        f"visit {v} audited as deleted but still there" for v in snap.deletes if v in snap.visits
    ]
    problems += [
        f"audit event {e.id} ({e.action}) names visit {e.visit_id}: neither there nor deleted"
        for e in snap.audit
        if e.visit_id and e.visit_id not in snap.visits and e.visit_id not in snap.deletes
    ]
    return problems


def _ledger_problems(ledger: Ledger, snap: Snapshot) -> list[str]:
    rows = snap.by_ref.get(ledger.patient_ref, [])
    ref = ledger.patient_ref
    if len(rows) > 1:
        return [f"{ref}: one request made {len(rows)} visits"]
    if ledger.visit_id is None:
        return [f"{ref}: a visit nobody was told of"] if rows and ledger.unknown != "create" else []
    if not rows:
        if not (ledger.deleted or ledger.unknown == "delete"):
            return [f"{ref}: acknowledged visit {ledger.visit_id} is missing"]
        return [] if snap.deletes[ledger.visit_id] == 1 else [f"{ref}: deleted but not audited"]
    return _kept_visit_problems(ledger, rows[0], snap)


def _kept_visit_problems(ledger: Ledger, visit: Visit, snap: Snapshot) -> list[str]:
    ref, problems = ledger.patient_ref, []
    cancelled = visit.status == VisitStatus.CANCELLED
    previsit = snap.invites_of(visit.id, "previsit")
    live = {i.token_hash for i in previsit if i.revoked_at is None}
    follow_ups = {f.id for f in snap.follow_ups if f.visit_id == visit.id}
    if visit.id != ledger.visit_id or ledger.deleted:
        problems.append(
            f"{ref}: visit {visit.id} there, expected {ledger.visit_id} deleted={ledger.deleted}"
        )
    if cancelled != ledger.cancelled and ledger.unknown != "cancel":
        problems.append(f"{ref}: status {visit.status!r}, cancel acknowledged={ledger.cancelled}")
    if not ledger.invites <= {i.token_hash for i in previsit}:
        problems.append(f"{ref}: an acknowledged invite is missing")
    if not cancelled and ledger.unknown != "reissue" and live != {ledger.live_invite}:
        problems.append(f"{ref}: the live invite is not the last one acknowledged")
    extra = len(follow_ups - ledger.follow_ups)
    if not ledger.follow_ups <= follow_ups or extra > int(ledger.unknown == "follow_up"):
        problems.append(
            f"{ref}: follow-ups {sorted(follow_ups)}, acknowledged {sorted(ledger.follow_ups)}"
        )
    for model, rows in SEEDED_ROWS.items() if ledger.seeded else ():
        if snap.children[(model.__tablename__, visit.id)] != rows:
            problems.append(f"{ref}: {model.__tablename__} partly deleted")
    return problems


def _settle(ledger: Ledger, snap: Snapshot) -> None:
    """Take the database's answer for the write whose outcome the client never learnt."""
    rows = snap.by_ref.get(ledger.patient_ref, [])
    if not rows:
        ledger.deleted = ledger.visit_id is not None
    else:
        visit = rows[0]
        previsit = snap.invites_of(visit.id, "previsit")
        ledger.visit_id = visit.id
        ledger.invites = {i.token_hash for i in previsit}
        ledger.live_invite = next((i.token_hash for i in previsit if i.revoked_at is None), None)
        ledger.follow_ups = {f.id for f in snap.follow_ups if f.visit_id == visit.id}
        ledger.cancelled = visit.status == VisitStatus.CANCELLED
    ledger.unknown = None


def _assert_consistent(database_url: str, ledgers: list[Ledger]) -> None:
    snap = Snapshot.read(database_url)
    problems = (
        _orphan_problems(snap)
        + _visit_problems(snap)
        + _follow_up_problems(snap)
        + _audit_problems(snap)
        + [p for ledger in ledgers for p in _ledger_problems(ledger, snap)]
    )
    known = {ledger.patient_ref for ledger in ledgers}
    problems += [
        f"visit {v.id} for {v.patient_ref!r}, never sent"
        for v in snap.visits.values()
        if v.patient_ref not in known
    ]
    assert not problems, "\n".join(problems)
    for ledger in ledgers:
        _settle(ledger, snap)


def _seed(database_url: str, name: str, rng: random.Random) -> list[Ledger]:
    """Create visits holding what a conversation leaves behind, as the action server would."""
    ledgers = []
    with session_scope(database_url) as db:
        for number in range(SEEDED_PER_WRITER):
            ledger = Ledger(f"{name}-seeded-{number}", rng.choice(SEEDED_PLANS), seeded=True)
            visit, token = visit_service.create_visit(
                session=db, patient_ref=ledger.patient_ref, scheduled_for=None
            )
            ledger.acknowledge("create", {"id": visit.id, "invite_token": token})
            db.add_all(
                [
                    Conversation(sender_id=str(uuid.uuid4()), visit_id=visit.id),
                    TopicAnswer(visit_id=visit.id, topic="aim", text="to walk the dog again"),
                    TopicAnswer(
                        visit_id=visit.id, topic="assets", text="my exercises, my allotment"
                    ),
                    AnswerItem(visit_id=visit.id, topic="assets", position=0, text="my exercises"),
                    AnswerItem(visit_id=visit.id, topic="assets", position=1, text="my allotment"),
                    RedFlagRecord(
                        visit_id=visit.id,
                        category="chest_pain",
                        text="my chest hurts",
                        dedupe_key=f"kill-{visit.id}",
                    ),
                ]
            )
            ledgers.append(ledger)
    return ledgers


def _writers(stack: Stack, database_url: str, round_number: int) -> list[Writer]:
    writers = []
    for number in range(WRITERS):
        name, rng = f"r{round_number}w{number}", random.Random(f"{SEED}-{round_number}-{number}")
        writers.append(Writer(stack, name, rng, _seed(database_url, name, rng)))
    return writers


def _api_env(database_url: str, workdir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PGAPPNAME": APP_NAME,
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        "COPRODUCE_ENV": "test",
        "COPRODUCE_DATABASE_URL": database_url,
        "COPRODUCE_TRACKER_DATABASE_URL": f"sqlite:///{workdir / 'tracker.db'}",
        "COPRODUCE_OUTBOX_URL": f"sqlite:///{workdir / 'outbox.db'}",
        "COPRODUCE_API_TOKEN": API_TOKEN,
        "COPRODUCE_CHAT_JWT_SECRET": CHAT_JWT_SECRET,
        "COPRODUCE_SESSION_SECRET": "test-session-secret",
    }


def _start_api(env: dict[str, str], log_dir: Path) -> Stack:
    log_dir.mkdir()
    url = f"http://127.0.0.1:{free_port()}"
    stack = Stack(rasa_url="", api_url=url, action_url="", log_dir=log_dir, env=env)
    try:
        start_api(stack)
    except RuntimeError:
        stop(stack, "api")
        raise
    return stack


def _wait_for_a_request_in_the_api(writers: list[Writer]) -> None:
    """Return once some writer's request has had time to reach the API and is unanswered.

    Requests take milliseconds, so a kill at a random moment can fall while every writer is
    between requests; waiting for one in flight makes each round cut a request off.
    """
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        now = time.monotonic()
        if any(w.waiting_for(now) >= IN_FLIGHT_FOR_S for w in writers):
            return
        time.sleep(0.0005)


def _kill_mid_storm(stack: Stack, writers: list[Writer], delay: float) -> float:
    """Once every writer is writing, wait `delay` seconds and for a request in flight,
    SIGKILL the API; return the time."""
    threads = [threading.Thread(target=w.run, name=w.name) for w in writers]
    for thread in threads:
        thread.start()
    for writer in writers:
        assert writer.answered.wait(timeout=30), f"{writer.name} never got an answer"
    time.sleep(delay)
    _wait_for_a_request_in_the_api(writers)
    process = stack.processes.pop("api")
    killed_at = time.monotonic()
    process.kill()
    process.wait(timeout=10)
    for thread in threads:
        thread.join(timeout=30)
    assert not any(t.is_alive() for t in threads), "a writer hung after the kill"
    return killed_at


def _wait_for_dead_sessions(database_url: str) -> None:
    """Let PostgreSQL finish what the killed API had sent: a COMMIT can still land after it."""
    if not database_url.startswith("postgresql"):
        return
    query = text("SELECT count(*) FROM pg_stat_activity WHERE application_name = :name")
    deadline = time.monotonic() + 30
    while True:
        # A new connection each time: pg_stat_activity is a snapshot per transaction.
        with get_engine(database_url).connect() as connection:
            if not connection.scalar(query, {"name": APP_NAME}):
                return
        assert time.monotonic() < deadline, "the killed API's database sessions never ended"
        time.sleep(0.05)


def _round_figures(number: int, writers: list[Writer], killed_at: float) -> str:
    unknown = Counter(
        f"{v.unknown} {'seeded' if v.seeded else 'fresh'}"
        for w in writers
        for v in w.seeded + w.fresh
        if v.unknown
    )
    in_flight = sum(w.lost_in_flight(killed_at) for w in writers)
    acknowledged = sum(w.acknowledged for w in writers)
    return f"round {number}: {acknowledged} writes answered, {in_flight} cut off: {dict(unknown)}"


def _assert_serves(stack: Stack, ledgers: list[Ledger], name: str) -> Ledger:
    """Read every surviving visit through the restarted API, then write through it."""
    with stack.api() as client:
        for ledger in ledgers:
            if ledger.visit_id is None or ledger.deleted:
                continue
            response = client.get(f"/api/v1/visits/{ledger.visit_id}/summary")
            assert response.status_code == 200, response.text
            summary = response.json()
            expected = VisitStatus.CANCELLED if ledger.cancelled else VisitStatus.INVITED
            assert summary["status"] == expected
            assert {f["id"] for f in summary["follow_ups"]} == ledger.follow_ups
            assert len(summary["red_flags"]) == (1 if ledger.seeded else 0)
        fresh = Ledger(name, ("create", "reissue", "follow_up"))
        open_visit = next(v for v in ledgers if v.visit_id and not (v.deleted or v.cancelled))
        for ledger, op in [*((fresh, op) for op in fresh.plan), (open_visit, "reissue")]:
            response = _send(client, ledger, op)
            assert response.status_code == EXPECTED_STATUS[op], response.text
            ledger.acknowledge(op, response.json())
    return fresh


def test_killing_the_api_mid_request_leaves_no_partial_rows(
    database_url: str, tmp_path: Path
) -> None:
    rng = random.Random(SEED)
    env = _api_env(database_url, tmp_path)
    ledgers: list[Ledger] = []
    cut_off = 0
    stack = _start_api(env, tmp_path / "api-0")
    try:
        for number in range(1, ROUNDS + 1):
            writers = _writers(stack, database_url, number)
            killed_at = _kill_mid_storm(stack, writers, rng.uniform(*KILL_AFTER_S))
            print(_round_figures(number, writers, killed_at))

            unexpected = [u for w in writers for u in w.unexpected]
            assert not unexpected, "\n".join(unexpected)
            cut_off += sum(w.lost_in_flight(killed_at) for w in writers)
            ledgers += [ledger for w in writers for ledger in w.seeded + w.fresh]
            _wait_for_dead_sessions(database_url)
            _assert_consistent(database_url, ledgers)

            stack = _start_api(env, tmp_path / f"api-{number}")
            ledgers.append(_assert_serves(stack, ledgers, f"r{number}-after-restart"))
        _assert_consistent(database_url, ledgers)
        assert cut_off, "no kill cut a request off in flight"
    finally:
        stop(stack, "api")

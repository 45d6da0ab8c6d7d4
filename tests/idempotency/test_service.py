"""Idempotency-Key: a retried request gets the first response, never a second result."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from coproduce.database import new_session, utcnow
from coproduce.idempotency import service
from coproduce.idempotency.models import IdempotentRequest
from coproduce.idempotency.service import Claim, InFlight, KeyReused, Replay

SCOPE = "clinician:c-1"
BODY = {"patient_ref": "MRN-7", "scheduled_for": "2031-02-03T09:00:00Z"}
REQUEST = service.fingerprint("POST", "/api/v1/visits", BODY)
RESPONSE = {"id": "v-1", "chat_url": "https://clinic.example/chat/secret-invite-token"}


def _claim(session: Session, key: str = "key-1", **changes: Any) -> Replay | Claim:
    arguments = {"scope": SCOPE, "key": key, "request": REQUEST, **changes}
    return service.claim(session, **arguments)


def _rows(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(IdempotentRequest)).scalar_one())


def _age(session: Session, hours: float) -> None:
    session.execute(update(IdempotentRequest).values(created_at=utcnow() - timedelta(hours=hours)))
    session.commit()


def test_the_fingerprint_ignores_key_order_and_method_case_but_not_the_content() -> None:
    reordered = {"scheduled_for": BODY["scheduled_for"], "patient_ref": "MRN-7"}
    assert service.fingerprint("post", "/api/v1/visits", reordered) == REQUEST
    assert service.fingerprint("POST", "/api/v1/visits", {**BODY, "patient_ref": "MRN-8"}) != (
        REQUEST
    )
    assert service.fingerprint("POST", "/api/v1/visits/v-1/follow-ups", BODY) != REQUEST
    assert service.fingerprint("PUT", "/api/v1/visits", BODY) != REQUEST


def test_a_completed_request_is_replayed_with_its_first_response(session: Session) -> None:
    claimed = _claim(session)
    assert isinstance(claimed, Claim)
    service.complete(claimed, scope=SCOPE, status_code=201, body=RESPONSE)
    session.commit()
    assert _claim(session) == Replay(201, RESPONSE)
    assert _claim(session) == Replay(201, RESPONSE)
    assert _rows(session) == 1


def test_neither_the_key_nor_the_response_is_stored_in_the_clear(session: Session) -> None:
    claimed = _claim(session, key="my-very-own-idempotency-key")
    assert isinstance(claimed, Claim)
    service.complete(claimed, scope=SCOPE, status_code=201, body=RESPONSE)
    session.commit()
    row = session.execute(select(IdempotentRequest)).scalar_one()
    assert "my-very-own-idempotency-key" not in row.key_hash and len(row.key_hash) == 64
    assert b"secret-invite-token" not in bytes(row.response)
    assert row.status_code == 201


def test_the_same_key_for_another_request_is_refused(session: Session) -> None:
    claimed = _claim(session)
    assert isinstance(claimed, Claim)
    service.complete(claimed, scope=SCOPE, status_code=201, body=RESPONSE)
    session.commit()
    other = service.fingerprint("POST", "/api/v1/visits", {"patient_ref": "MRN-8"})
    with pytest.raises(KeyReused):
        _claim(session, request=other)


def test_a_key_whose_request_has_not_finished_is_in_flight(session: Session) -> None:
    assert isinstance(_claim(session), Claim)
    session.commit()
    with pytest.raises(InFlight):
        _claim(session)


def test_keys_belong_to_their_caller(session: Session) -> None:
    mine = _claim(session)
    assert isinstance(mine, Claim)
    service.complete(mine, scope=SCOPE, status_code=201, body=RESPONSE)
    session.commit()
    theirs = _claim(session, scope="admin:bootstrap")
    assert isinstance(theirs, Claim)  # a new request of its own, not my response
    assert _rows(session) == 2


def test_a_key_is_forgotten_after_a_day(session: Session) -> None:
    claimed = _claim(session)
    assert isinstance(claimed, Claim)
    service.complete(claimed, scope=SCOPE, status_code=201, body=RESPONSE)
    session.commit()
    _age(session, 23.9)
    assert isinstance(_claim(session), Replay)
    _age(session, 24.1)
    fresh = _claim(session)
    assert isinstance(fresh, Claim)
    session.commit()
    assert _rows(session) == 1  # the old row made way for the new claim


def test_purging_deletes_only_keys_older_than_a_day(session: Session) -> None:
    for key in ("old-1", "old-2"):
        _claim(session, key=key)
    session.commit()
    _age(session, 25)
    _claim(session, key="new")
    session.commit()
    assert service.purge_expired(session) == 2
    session.commit()
    assert _rows(session) == 1
    assert service.purge_expired(session) == 0


@pytest.fixture
def loser(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Session]:
    """Another request's session, which looked for its key before the winner had committed."""
    real_find = service._find
    looks: list[str] = []

    def find_after_the_first_look(db: Session, key_hash: str) -> IdempotentRequest | None:
        looks.append(key_hash)
        return None if len(looks) == 1 else real_find(db, key_hash)

    monkeypatch.setattr(service, "_find", find_after_the_first_look)
    db = new_session(database_url)
    try:
        yield db
    finally:
        db.rollback()
        db.close()


def test_a_request_that_lost_the_race_for_its_key_gets_the_winners_response(
    session: Session, loser: Session
) -> None:
    winner = _claim(session)
    assert isinstance(winner, Claim)
    service.complete(winner, scope=SCOPE, status_code=201, body=RESPONSE)
    session.commit()
    # The loser's insert hits the unique key, and it reads the winner's row after all.
    assert _claim(loser) == Replay(201, RESPONSE)
    assert _rows(loser) == 1


def test_a_request_that_lost_the_race_to_one_still_running_is_in_flight(
    session: Session, loser: Session
) -> None:
    assert isinstance(_claim(session), Claim)
    session.commit()
    with pytest.raises(InFlight):
        _claim(loser)

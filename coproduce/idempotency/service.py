"""Idempotency-Key: the same key and body within 24 hours returns the first result.

A clinic system whose `POST /api/v1/visits` was cut off cannot know whether the visit was
made; it sends the request again with the same `Idempotency-Key` and gets the first answer
(the same visit and link) instead of a second visit. The same key with a different body is
refused (422): it is a bug in the caller, and guessing would be worse.

The key is claimed before the work is done, in the same transaction: a second request with
the key waits for the first (SQLite's write lock, or PostgreSQL's unique index) and then
finds its result. Keys are scoped to the caller, stored only as a keyed hash, and the stored
response is encrypted with a key derived from the Idempotency-Key, so a copy of the
database does not give away the invite links in it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coproduce.config import get_settings
from coproduce.database import utcnow
from coproduce.idempotency.models import IdempotentRequest

#: How long a key is remembered.
LIFETIME = timedelta(hours=24)
MAX_KEY_LENGTH = 255


class KeyReused(Exception):
    """The key was used for a different request (method, path or body)."""


class InFlight(Exception):
    """The first request with this key has not finished yet."""


@dataclass(frozen=True)
class Replay:
    """The first response to a request with this key."""

    status_code: int
    body: dict[str, Any]


@dataclass(frozen=True)
class Claim:
    """A key claimed for a new request: complete it with the response."""

    row: IdempotentRequest
    key: str


def fingerprint(method: str, path: str, body: Any) -> str:
    """Return a hash of what a request asks for (the body's key order does not matter)."""
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(f"{method.upper()} {path}\n{canonical}".encode()).hexdigest()


def _secret() -> bytes:
    settings = get_settings()
    secret = settings.session_secret or settings.chat_jwt_secret or settings.api_token or ""
    return secret.encode()


def _key_hash(scope: str, key: str) -> str:
    return hmac.new(_secret(), f"{scope}\n{key}".encode(), hashlib.sha256).hexdigest()


def _cipher(scope: str, key: str) -> Fernet:
    derived = hmac.new(key.encode(), b"coproduce-idempotency\n" + scope.encode(), hashlib.sha256)
    return Fernet(base64.urlsafe_b64encode(derived.digest()))


def _find(session: Session, key_hash: str) -> IdempotentRequest | None:
    row: IdempotentRequest | None = session.execute(
        select(IdempotentRequest).where(IdempotentRequest.key_hash == key_hash)
    ).scalar_one_or_none()
    if row is not None and row.created_at < utcnow() - LIFETIME:
        session.delete(row)
        session.flush()
        return None
    return row


def _replay(row: IdempotentRequest, scope: str, key: str, wanted: str) -> Replay:
    if not hmac.compare_digest(row.fingerprint, wanted):
        raise KeyReused
    if row.response is None or row.status_code is None:
        raise InFlight
    try:
        body = json.loads(_cipher(scope, key).decrypt(bytes(row.response)))
    except InvalidToken:  # pragma: no cover - only with a changed server secret
        raise KeyReused from None
    return Replay(int(row.status_code), body)


def claim(session: Session, *, scope: str, key: str, request: str) -> Replay | Claim:
    """Claim `key` for this request, or return the first response when it was used before.

    Raises:
        KeyReused: the key was used for a different request.
        InFlight: a request with the key is still being handled.
    """
    key_hash = _key_hash(scope, key)
    found = _find(session, key_hash)
    if found is not None:
        return _replay(found, scope, key, request)
    row = IdempotentRequest(key_hash=key_hash, fingerprint=request, created_at=utcnow())
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        # Another request with this key got there first and has finished by now.
        found = _find(session, key_hash)
        if found is None:
            raise InFlight from None
        return _replay(found, scope, key, request)
    return Claim(row, key)


def complete(claimed: Claim, *, scope: str, status_code: int, body: dict[str, Any]) -> None:
    """Remember the response for this key (committed with the work it describes)."""
    claimed.row.status_code = status_code
    claimed.row.response = _cipher(scope, claimed.key).encrypt(
        json.dumps(body, default=str).encode()
    )


def purge_expired(session: Session) -> int:
    """Delete keys older than the lifetime; return how many."""
    result = session.execute(
        delete(IdempotentRequest).where(IdempotentRequest.created_at < utcnow() - LIFETIME)
    )
    return int(result.rowcount or 0)

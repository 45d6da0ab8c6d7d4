"""The Idempotency-Key header on the API's POSTs (see coproduce/idempotency/service.py)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Header
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.orm import Session

from api.errors import Conflict, Unprocessable
from coproduce.clinics.service import Principal
from coproduce.idempotency import service

IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=service.MAX_KEY_LENGTH,
        description=(
            "Any unique string (a UUID is best). Sending the same request again with the same "
            "key within 24 hours returns the first result instead of doing it twice; the "
            "same key with a different body is refused with 422."
        ),
    ),
]
REPLAYED_HEADER = "Idempotent-Replayed"


def start(
    session: Session,
    principal: Principal,
    key: str | None,
    *,
    method: str,
    path: str,
    body: Any,
) -> service.Claim | JSONResponse | None:
    """Claim the key, or return the first response; None when no key was sent."""
    if key is None:
        return None
    request = service.fingerprint(method, path, body)
    try:
        claimed = service.claim(session, scope=principal.actor, key=key, request=request)
    except service.KeyReused:
        raise Unprocessable(
            "This Idempotency-Key was already used for a different request. Use a new key "
            "for a new request."
        ) from None
    except service.InFlight:
        raise Conflict(
            "A request with this Idempotency-Key is still being handled. Try again shortly."
        ) from None
    if isinstance(claimed, service.Replay):
        return JSONResponse(
            claimed.body, status_code=claimed.status_code, headers={REPLAYED_HEADER: "true"}
        )
    return claimed


def finish(
    claimed: service.Claim | None, principal: Principal, status_code: int, result: BaseModel
) -> None:
    """Remember the response for the key, in the transaction that made it."""
    if claimed is not None:
        service.complete(
            claimed, scope=principal.actor, status_code=status_code, body=result.dict()
        )

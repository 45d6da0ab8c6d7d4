"""Request-scoped dependencies: a database session and the caller's identity."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy.orm import Session

from api.errors import Forbidden, TooManyRequests, Unauthorized
from coproduce import ratelimit
from coproduce.clinics import service as clinic_service
from coproduce.clinics.service import Principal
from coproduce.config import get_settings
from coproduce.database import session_scope


def get_session() -> Iterator[Session]:
    """Yield one session per request; commit when the route returns, roll back on error."""
    with session_scope() as session:
        yield session


# scope="function": commit before the response leaves, so the next request sees the data.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def _bearer(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def client_address(request: Request) -> str:
    """Return the caller's address (the proxy's, unless uvicorn is told to trust it)."""
    return request.client.host if request.client else "unknown"


ClientDep = Annotated[str, Depends(client_address)]


def get_principal(
    session: SessionDep,
    client: ClientDep,
    authorization: Annotated[str | None, Header()] = None,
) -> Principal:
    """Authenticate the bearer token of the request; a client that keeps failing waits."""
    token = _bearer(authorization)
    if token is None:
        raise Unauthorized("Send 'Authorization: Bearer <token>'.")
    get_settings().require("api_token")
    limited = ratelimit.check(ratelimit.AUTH_FAILURES, client)
    if not limited.allowed:
        raise TooManyRequests(
            "Too many wrong tokens from this address.", retry_after=limited.retry_after
        )
    principal = clinic_service.authenticate(session=session, token=token)
    if principal is None:
        ratelimit.hit(ratelimit.AUTH_FAILURES, client)
        raise Unauthorized("The bearer token is not valid.")
    return principal


PrincipalDep = Annotated[Principal, Depends(get_principal)]


def require_admin(principal: PrincipalDep) -> Principal:
    """Allow only admins."""
    if not principal.is_admin:
        raise Forbidden("Only an admin may do this.")
    return principal


AdminDep = Annotated[Principal, Depends(require_admin)]


#: Where a request came from, for the audit log.
SourceDep = ClientDep

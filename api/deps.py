"""Request-scoped dependencies: a database session and the caller's identity."""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, nullcontext
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from api.errors import Forbidden, NotFound, TooManyRequests, Unauthorized
from coproduce import ratelimit
from coproduce.clinics import service as clinic_service
from coproduce.clinics.service import Principal
from coproduce.config import get_settings
from coproduce.database import SQLITE_BUSY_TIMEOUT_MS, DatabaseBusy, session_scope
from coproduce.visits import service as visit_service
from coproduce.visits.models import Visit

#: One queue per event loop (tests run several loops, one after another).
_sqlite_turns: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
    weakref.WeakKeyDictionary()
)


def _turn() -> AbstractAsyncContextManager[Any]:
    """On SQLite, one request's unit of work at a time, waiting in the event loop.

    A request's unit of work holds SQLite's write lock from its first step to its last,
    and each step runs on a worker thread. Were requests to queue for the lock on those
    threads, a busy morning would fill them all with waiters while the request holding the
    lock waited for a thread to finish on. Queued here, waiting costs no thread.
    """
    if not get_settings().database_url.startswith("sqlite"):
        return nullcontext()
    loop = asyncio.get_running_loop()
    return _queued(_sqlite_turns.setdefault(loop, asyncio.Semaphore(1)))


class _queued:
    def __init__(self, semaphore: asyncio.Semaphore) -> None:
        self.semaphore = semaphore

    async def __aenter__(self) -> None:
        try:
            await asyncio.wait_for(self.semaphore.acquire(), SQLITE_BUSY_TIMEOUT_MS / 1000)
        except asyncio.TimeoutError:
            raise DatabaseBusy("The database is busy with other requests.") from None

    async def __aexit__(self, *_: object) -> None:
        self.semaphore.release()


async def get_session() -> AsyncIterator[Session]:
    """Yield one session per request; commit when the route returns, roll back on error."""
    async with _turn():
        scope = session_scope()
        session = await run_in_threadpool(scope.__enter__)
        try:
            yield session
        except BaseException as error:
            await run_in_threadpool(scope.__exit__, type(error), error, error.__traceback__)
            raise
        await run_in_threadpool(scope.__exit__, None, None, None)


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


def visible_visit(
    session: Session, principal: Principal, visit_id: str, *, for_update: bool = False
) -> Visit:
    """Return the visit if this caller may see it; another clinic's visit does not exist."""
    visit = visit_service.get_visit(session=session, visit_id=visit_id, for_update=for_update)
    if visit is None or (not principal.is_admin and visit.clinic_id != principal.clinic_id):
        raise NotFound(f"No visit with id '{visit_id}'.")
    return visit

"""Request-scoped dependencies: a database session and the caller's identity."""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header
from sqlalchemy.orm import Session

from api.errors import Unauthorized
from coproduce.config import get_settings
from coproduce.database import new_session


def get_session() -> Iterator[Session]:
    """Yield one session per request; commit when the route returns, roll back on error."""
    session = new_session()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


SessionDep = Annotated[Session, Depends(get_session)]


@dataclass(frozen=True)
class Principal:
    """Who is calling: an admin (the bootstrap token) or a clinic's clinician."""

    kind: str
    clinic_id: str | None = None

    @property
    def is_admin(self) -> bool:
        return self.kind == "admin"


def _bearer(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def get_principal(authorization: Annotated[str | None, Header()] = None) -> Principal:
    """Authenticate the bearer token of the request."""
    token = _bearer(authorization)
    if token is None:
        raise Unauthorized("Send 'Authorization: Bearer <token>'.")
    expected = get_settings().require("api_token")
    if hmac.compare_digest(token.encode(), expected.encode()):
        return Principal(kind="admin")
    raise Unauthorized("The bearer token is not valid.")


PrincipalDep = Annotated[Principal, Depends(get_principal)]

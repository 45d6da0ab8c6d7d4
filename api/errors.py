"""Domain errors raised by routes, translated to HTTP once, here."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError

from coproduce.database import DatabaseBusy


class ApiError(Exception):
    """A domain error that a route raises: answered as its status code with a JSON body."""

    status_code = 400
    code = "bad_request"

    def __init__(self, message: str) -> None:
        """Keep the message, shown to the caller as `message` and `detail`."""
        super().__init__(message)
        self.message = message


class Unauthorized(ApiError):
    """401: no bearer token, or one that is not valid."""

    status_code = 401
    code = "unauthorized"


class Forbidden(ApiError):
    """403: the caller may not do this."""

    status_code = 403
    code = "forbidden"


class NotFound(ApiError):
    """404: no such thing (another clinic's record is not found either)."""

    status_code = 404
    code = "not_found"


class Conflict(ApiError):
    """409: the request conflicts with what is stored."""

    status_code = 409
    code = "conflict"


class Unprocessable(ApiError):
    """422: the request is well formed but cannot be carried out."""

    status_code = 422
    code = "unprocessable"


class TooManyRequests(ApiError):
    """429: too many requests; the caller is told when to try again."""

    status_code = 429
    code = "rate_limited"

    def __init__(self, message: str, *, retry_after: int) -> None:
        """Keep the message, with when to try again, and the wait for the Retry-After header."""
        super().__init__(f"{message} Please try again in {retry_after} seconds.")
        self.retry_after = retry_after


def _describe(error: dict[str, Any]) -> str:
    location = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
    return f"{location or 'body'}: {error.get('msg', 'invalid value')}"


async def _api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    headers = {"WWW-Authenticate": "Bearer"} if exc.status_code == 401 else {}
    body: dict[str, object] = {"error": exc.code, "message": exc.message, "detail": exc.message}
    if isinstance(exc, TooManyRequests):
        headers["Retry-After"] = str(exc.retry_after)
        body["retry_after"] = exc.retry_after
    return JSONResponse(
        body,
        status_code=exc.status_code,
        headers=headers,
    )


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {key: value for key, value in err.items() if key in ("loc", "msg", "type")}
        for err in exc.errors()
    ]
    message = "; ".join(_describe(err) for err in errors) or "The request is not valid."
    return JSONResponse(
        {"error": "invalid_request", "message": message, "detail": errors}, status_code=422
    )


#: How long a client is asked to wait when the embedded database is too busy.
BUSY_RETRY_AFTER_S = 5


async def _database_busy(_request: Request, exc: Exception) -> JSONResponse:
    """The database stayed locked or could not be reached: a clear 503 to retry, not a 500."""
    message = (
        "The service is busy or its database cannot be reached just now. Nothing was saved; "
        "please try again in "
        f"{BUSY_RETRY_AFTER_S} seconds (send the same Idempotency-Key to make the retry safe)."
    )
    return JSONResponse(
        {"error": "busy", "message": message, "detail": message, "retry_after": BUSY_RETRY_AFTER_S},
        status_code=503,
        headers={"Retry-After": str(BUSY_RETRY_AFTER_S)},
    )


def install(app: FastAPI) -> None:
    """Register the handlers that turn domain errors into clear JSON responses."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(DatabaseBusy, _database_busy)
    app.add_exception_handler(OperationalError, _database_busy)

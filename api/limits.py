"""Checks on every request before a route sees it: body size, NUL in the URL, repeated fields."""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: No API request needs more: the largest is a visit or a sign-in form of a few hundred bytes.
MAX_BODY_BYTES = 64 * 1024


def _refusal(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    body = {"error": code, "message": message, "detail": message, **extra}
    return JSONResponse(body, status_code=status)


def _too_large(max_bytes: int) -> JSONResponse:
    message = f"The request body is larger than {max_bytes} bytes."
    return _refusal(413, "payload_too_large", message, max_bytes=max_bytes)


def _header(scope: Scope, wanted: bytes) -> bytes | None:
    return next((value for name, value in scope.get("headers", ()) if name == wanted), None)


def _declared_length(scope: Scope) -> int | None:
    value = _header(scope, b"content-length")
    return int(value) if value is not None and value.isdigit() else None


def _has_nul(scope: Scope) -> bool:
    # PostgreSQL cannot store or compare text holding NUL: it would fail as a 500.
    raw = bytes(scope.get("raw_path") or b"") + b"?" + bytes(scope.get("query_string") or b"")
    return "\x00" in scope.get("path", "") or b"%00" in raw or b"\x00" in raw


class _Repeated(ValueError):
    pass


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for key, value in pairs:
        if key in fields:
            raise _Repeated(key)
        fields[key] = value
    return fields


def _unwritable(value: Any, path: str = "body") -> str | None:
    """Return where a JSON value holds text that is not valid Unicode (a lone surrogate)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return path
        return None
    if isinstance(value, dict):
        items: Any = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        found = _unwritable(key, path) if isinstance(key, str) else None
        found = found or _unwritable(item, f"{path}.{key}")
        if found:
            return found
    return None


def json_problem(scope: Scope, body: bytes) -> str | None:
    r"""Return what is wrong with a JSON body that no route could handle well, or None.

    A field named twice (JSON would silently keep the last one), or text that cannot be
    stored (a lone UTF-16 surrogate such as "\ud800", which no database can write).
    """
    content_type = (_header(scope, b"content-type") or b"").split(b";")[0].strip().lower()
    if not body or not content_type.endswith(b"json"):
        return None
    try:
        value = json.loads(body, object_pairs_hook=_unique)
    except _Repeated as repeated:
        return f"The field '{repeated}' appears more than once; send it once."
    except (ValueError, RecursionError):
        return None  # not JSON: the route's own validation says so
    where = _unwritable(value)
    if where is not None:
        return f"{where}: holds characters that are not valid text (a lone surrogate)."
    return None


class RequestGuard:
    """ASGI middleware that refuses what no route should handle, as clear JSON errors."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        """Wrap `app`, refusing bodies over `max_bytes`."""
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refuse a request no route should handle; hand every other one to the app."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if _has_nul(scope):
            text = "The URL must not contain NUL characters."
            await _refusal(400, "bad_request", text)(scope, receive, send)
            return
        declared = _declared_length(scope)
        if declared is not None and declared > self.max_bytes:
            await _too_large(self.max_bytes)(scope, receive, send)
            return
        # A chunked body has no length up front: read it here, counting, then replay it.
        chunks: list[bytes] = []
        size = 0
        other: Message | None = None
        while True:
            message = await receive()
            if message["type"] != "http.request":
                other = message
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await _too_large(self.max_bytes)(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        problem = json_problem(scope, body)
        if problem is not None:
            status = 400 if "more than once" in problem else 422
            code = "bad_request" if status == 400 else "invalid_request"
            await _refusal(status, code, problem)(scope, receive, send)
            return
        replay: list[Message] = [
            other or {"type": "http.request", "body": body, "more_body": False}
        ]

        async def replayed() -> Message:
            return replay.pop() if replay else await receive()

        await self.app(scope, replayed, send)


class SecurityHeaders:
    """ASGI middleware: nothing with patient data is cached; HSTS once served over https.

    Every API response may hold patient data (a summary, a FHIR export, an invite link), so
    none may be stored by a browser or proxy. Routes that set their own Cache-Control (the
    widget script) keep it.
    """

    HSTS = b"max-age=31536000; includeSubDomains"

    def __init__(self, app: ASGIApp) -> None:
        """Wrap `app`."""
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Add the headers to every HTTP response that has not set its own."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        https = scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                names = {name.lower() for name, _ in headers}
                if b"cache-control" not in names:
                    headers.append((b"cache-control", b"no-store"))
                if https and b"strict-transport-security" not in names:
                    headers.append((b"strict-transport-security", self.HSTS))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)

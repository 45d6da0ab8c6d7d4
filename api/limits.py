"""A cap on request bodies: a larger one is a 413 JSON answer before any route reads it."""

from __future__ import annotations

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: No API request needs more: the largest is a visit or a sign-in form of a few hundred bytes.
MAX_BODY_BYTES = 64 * 1024


def _too_large(max_bytes: int) -> JSONResponse:
    message = f"The request body is larger than {max_bytes} bytes."
    return JSONResponse(
        {
            "error": "payload_too_large",
            "message": message,
            "detail": message,
            "max_bytes": max_bytes,
        },
        status_code=413,
    )


def _declared_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            return int(value) if value.isdigit() else None
    return None


class BodySizeLimit:
    """ASGI middleware that reads at most `max_bytes` of a request body, then refuses it."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _declared_length(scope)
        if declared is not None and declared > self.max_bytes:
            await _too_large(self.max_bytes)(scope, receive, send)
            return
        # A chunked body has no length up front: read it here, counting, then replay it.
        chunks: list[bytes] = []
        size = 0
        first: Message | None = None
        while True:
            message = await receive()
            if message["type"] != "http.request":
                first = message
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await _too_large(self.max_bytes)(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        replay: list[Message] = [
            first or {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        ]

        async def replayed() -> Message:
            return replay.pop() if replay else await receive()

        await self.app(scope, replayed, send)

"""Rasa's socket.io channel, made safe for the patient chat.

Rasa 3.6's own `SocketIOInput` checks a JWT when the socket connects but then lets that
socket join any conversation room, and it passes a custom JSON payload to `AsyncServer.emit`
as keyword arguments, so a `{"type": "summary", ...}` payload raises instead of reaching the
client. This channel binds each socket to the conversation named by its token's `sub` claim
and sends custom payloads as `{"custom": {...}}`, the shape the REST channel uses.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import jwt
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from coproduce.channels.delivery import Delivery

logger = logging.getLogger(__name__)


def token_subject(token: Any, *, key: str, algorithm: str) -> str | None:
    """Return the `sub` claim of a valid, unexpired chat token, or None."""
    if not isinstance(token, str) or not token:
        return None
    try:
        claims = jwt.decode(token, key, algorithms=[algorithm], options={"require": ["exp", "sub"]})
    except jwt.PyJWTError as error:
        logger.info("Refused a chat socket: %s", type(error).__name__)
        return None
    subject = claims.get("sub")
    return subject if isinstance(subject, str) and subject else None


class PatientSocketOutput(SocketIOOutput):
    """Send bot messages to one conversation's room; custom payloads as `{"custom": ...}`."""

    sent = 0

    async def _send_message(self, socket_id: str, response: Any) -> None:
        self.sent += 1
        await super()._send_message(socket_id, response)

    async def send_custom_json(
        self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any
    ) -> None:
        await self._send_message(recipient_id, {"custom": json_message})


class PatientSocketInput(SocketIOInput):
    """socket.io input that needs a chat JWT and keeps each socket to its own conversation."""

    @classmethod
    def name(cls) -> str:
        return "socketio"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        credentials = credentials or {}
        if not credentials.get("jwt_key"):
            raise ValueError("The patient socket channel needs `jwt_key` in credentials.yml.")
        return cls(
            credentials.get("user_message_evt", "user_uttered"),
            credentials.get("bot_message_evt", "bot_uttered"),
            credentials.get("namespace"),
            True,
            credentials.get("socketio_path", "/socket.io"),
            credentials["jwt_key"],
            credentials.get("jwt_method", "HS256"),
            credentials.get("metadata_key", "metadata"),
        )

    def get_output_channel(self) -> OutputChannel | None:
        if self.sio is None:
            return None
        return PatientSocketOutput(self.sio, self.bot_message_evt)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        # An empty list turns off engine.io's own CORS headers; Sanic-CORS (`rasa run --cors`)
        # answers for the HTTP long-polling transport, so the headers are not sent twice.
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=[])
        self.sio = sio
        webhook = SocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        namespace = self.namespace
        delivery = Delivery(
            self.name(), on_new_message, lambda _: PatientSocketOutput(sio, self.bot_message_evt)
        )
        webhook.listener("after_server_start")(delivery.start)
        webhook.listener("before_server_stop")(delivery.stop)
        key, algorithm = str(self.jwt_key), str(self.jwt_algorithm or "HS256")

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=namespace)
        async def connect(sid: str, environ: dict, auth: dict | None) -> bool:
            token = auth.get("token") if isinstance(auth, dict) else None
            subject = token_subject(token, key=key, algorithm=algorithm)
            if subject is None:
                return False
            await sio.save_session(sid, {"conversation": subject}, namespace=namespace)
            return True

        async def conversation_of(sid: str) -> str:
            session = await sio.get_session(sid, namespace=namespace)
            return str(session["conversation"])

        @sio.on("session_request", namespace=namespace)
        async def session_request(sid: str, data: dict | None) -> None:
            conversation = await conversation_of(sid)
            asked = (data or {}).get("session_id")
            if asked and asked != conversation:
                await sio.disconnect(sid, namespace=namespace)
                return
            result = sio.enter_room(sid, conversation, namespace=namespace)
            if isinstance(result, Awaitable):
                await result
            await sio.emit("session_confirm", conversation, room=sid, namespace=namespace)

        @sio.on(self.user_message_evt, namespace=namespace)
        async def handle_message(sid: str, data: dict) -> None:
            conversation = await conversation_of(sid)
            if not isinstance(data, dict) or data.get("session_id") != conversation:
                return
            metadata = data.get(self.metadata_key) or {}
            if isinstance(metadata, str):
                try:
                    metadata = json.loads(metadata)
                except ValueError:
                    metadata = {}
            message = UserMessage(
                str(data.get("message", "")),
                PatientSocketOutput(sio, self.bot_message_evt),
                conversation,
                input_channel=self.name(),
                metadata=metadata if isinstance(metadata, dict) else {},
            )
            await delivery.handle(message)

        return webhook

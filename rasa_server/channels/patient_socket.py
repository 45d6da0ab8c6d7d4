"""The patient chat's socket.io channel (named `socketio`, configured in bot/credentials.yml).

Rasa 3.6's own `SocketIOInput` checks a JWT when the socket connects but then lets that
socket join any conversation room, it passes a custom JSON payload to `AsyncServer.emit` as
keyword arguments (so a `{"type": "summary", ...}` payload raises), and it hands anything a
client sends straight to NLU. This channel:

- accepts a socket only with a chat JWT from the API (`POST /api/v1/chat-sessions`) whose
  invite is still live; the token names the conversation (`sub`) and the invite (`inv`);
- keeps each socket to that conversation's room;
- checks every message: an unreadable or over-long one gets a kind reply and never reaches
  Rasa; the rest go through the gate (the invite checked again, every time) and the
  delivery (kept if they cannot be saved yet);
- sends custom payloads as `{"custom": {...}}`, the shape the REST channel uses.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import jwt
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.exceptions import ServerError
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer
from socketio.exceptions import ConnectionRefusedError as SocketRefused

from coproduce.config import get_settings
from coproduce.visits import access
from rasa_server import logs, patches
from rasa_server.channels import gate
from rasa_server.channels.delivery import Delivery
from rasa_server.channels.guarded import check_socket_message, domain_vocabulary, patient_text

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChatClaims:
    """What a valid chat token says: the conversation and the invite it was issued for."""

    conversation: str
    invite_hash: str


def token_claims(token: Any, *, key: str, algorithm: str) -> ChatClaims | None:
    """Return the claims of a valid, unexpired chat token, or None."""
    if not isinstance(token, str) or not token or len(token) > 4096:
        return None
    try:
        claims = jwt.decode(
            token, key, algorithms=[algorithm], options={"require": ["exp", "sub", "inv"]}
        )
    except jwt.PyJWTError as error:
        logger.info("Refused a chat socket: %s", type(error).__name__)
        return None
    subject, invite = claims.get("sub"), claims.get("inv")
    if not isinstance(subject, str) or not subject or not access.is_invite_hash(invite):
        return None
    return ChatClaims(subject, str(invite))


class PatientSocketOutput(SocketIOOutput):
    """Send bot messages to one conversation's room; custom payloads as `{"custom": ...}`."""

    sent = 0

    async def _send_message(self, socket_id: str, response: Any) -> None:
        self.sent += 1
        await super()._send_message(socket_id, response)

    async def send_custom_json(
        self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any
    ) -> None:
        """Send a custom payload as `{"custom": ...}`, the way the chat widget reads it."""
        await self._send_message(recipient_id, {"custom": json_message})


def quiet_finished_websockets(app: Any, socketio_path: str) -> None:
    """Stop Sanic logging an ERROR traceback each time a socket.io websocket closes.

    engine.io serves its websocket from an ordinary route that returns nothing once the
    socket closes; Sanic then reports "Invalid response type None" as a server error. For
    that path and that error only, there is nothing left to answer.
    """
    default = app.error_handler.default

    def handler(request: Request, error: Exception) -> HTTPResponse:
        closed_websocket = request.path.startswith(socketio_path) and str(error).startswith(
            "Invalid response type None"
        )
        if closed_websocket:
            return response.empty()
        return default(request, error)

    app.error_handler.add(ServerError, handler)


def _client(environ: dict[str, Any]) -> str:
    return str(environ.get("REMOTE_ADDR") or environ.get("HTTP_X_REAL_IP") or "unknown")


class PatientSocketInput(SocketIOInput):
    """socket.io input that needs a live chat token and keeps each socket to its conversation."""

    @classmethod
    def name(cls) -> str:
        """Return the channel's name: `socketio`, as Rasa's own socket.io channel."""
        return "socketio"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        """Make the channel from `credentials.yml`; refuse it without a `jwt_key`."""
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
        """Return the output to this channel's sockets, or None before the socket server is made."""
        if self.sio is None:
            return None
        return PatientSocketOutput(self.sio, self.bot_message_evt)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Return the socket.io routes: connect with a chat token, join a room, send messages."""
        patches.require()
        # An empty list turns off engine.io's own CORS headers; Sanic-CORS (`rasa run --cors`)
        # answers for the HTTP long-polling transport, so the headers are not sent twice.
        logs.install()
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=[])
        self.sio = sio
        webhook = SocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        namespace = self.namespace or "/"
        bot_event = self.bot_message_evt
        metadata_key = self.metadata_key or "metadata"
        max_chars = get_settings().max_message_chars
        delivery = Delivery(self.name(), on_new_message, lambda _: self._output(sio))
        webhook.listener("after_server_start")(delivery.start)
        webhook.listener("before_server_stop")(delivery.stop)
        key, algorithm = str(self.jwt_key), str(self.jwt_algorithm or "HS256")
        app_ref: dict[str, Any] = {}

        @webhook.listener("after_server_start")
        async def remember_app(app: Any, *_: Any) -> None:
            app_ref["app"] = app
            quiet_finished_websockets(app, self.socketio_path)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=namespace)
        async def connect(sid: str, environ: dict[str, Any], auth: Any = None) -> bool:
            client = _client(environ)
            token = auth.get("token") if isinstance(auth, dict) else None
            claims = token_claims(token, key=key, algorithm=algorithm)
            if claims is None:
                return False
            admission = await gate.admit(
                sender=claims.conversation, invite_hash=claims.invite_hash, client=client
            )
            if admission is not None and not admission.allowed:
                raise SocketRefused(
                    {"reason": admission.reason, "retry_after": admission.retry_after}
                )
            await sio.save_session(
                sid,
                {
                    "conversation": claims.conversation,
                    "invite_hash": claims.invite_hash,
                    "client": client,
                },
                namespace=namespace,
            )
            return True

        @sio.on("session_request", namespace=namespace)
        async def session_request(sid: str, data: Any = None, *_extra: Any) -> None:
            session = await sio.get_session(sid, namespace=namespace)
            conversation = str(session["conversation"])
            asked = data.get("session_id") if isinstance(data, dict) else None
            if asked and asked != conversation:
                await sio.disconnect(sid, namespace=namespace)
                return
            entered = sio.enter_room(sid, conversation, namespace=namespace)
            if isinstance(entered, Awaitable):  # a coroutine from python-socketio 5.10 on
                await entered
            await sio.emit("session_confirm", conversation, room=sid, namespace=namespace)

        @sio.on(self.user_message_evt, namespace=namespace)
        async def handle_message(sid: str, data: Any = None, *_extra: Any) -> None:
            session = await sio.get_session(sid, namespace=namespace)
            conversation = str(session["conversation"])
            checked = check_socket_message(data, max_chars=max_chars, metadata_key=metadata_key)
            if isinstance(checked, str):
                logger.info("Refused an unreadable or over-long socket message")
                await sio.emit(bot_event, {"text": checked}, room=sid, namespace=namespace)
                return
            if checked["session_id"] != conversation:
                return
            invite_hash = str(session["invite_hash"])
            sent_token = (checked.get(metadata_key) or {}).get("invite_token")
            if sent_token is not None and access.hash_of(sent_token) != invite_hash:
                invite_hash = ""  # a token from another link: refused by the gate
            text = patient_text(checked["message"], domain_vocabulary(app_ref.get("app")))
            message = UserMessage(
                text,
                self._output(sio),
                conversation,
                input_channel=self.name(),
                metadata=gate.clean_metadata(invite_hash or None, await gate.judge(text)),
            )
            await delivery.handle(message, client=str(session.get("client") or "unknown"))

        return webhook

    def _output(self, sio: AsyncServer) -> PatientSocketOutput:
        return PatientSocketOutput(sio, self.bot_message_evt)

"""Input channels that turn away malformed and over-long patient messages before NLU sees them.

A chat facing the public internet gets anything: bodies that are not JSON, numbers where text
belongs, 100 KB pastes, control characters. Rasa's own channels pass most of that straight to
the NLU pipeline (a 100 KB message keeps DIET's transformer busy for a long time) or fail with
a 500. These channels check the request first: the REST channel answers a clear 400 or 413
JSON error, the socket.io channel a kind bot message; everything else reaches Rasa unchanged
except that control characters are taken out of the patient's text.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from coproduce.config import get_settings
from coproduce.visits import access
from rasa_server import logs, patches
from rasa_server.channels.delivery import Delivery
from rasa_server.channels.gate import Vocabulary, clean_metadata, judge, neutral_text

logger = logging.getLogger(__name__)

MAX_SENDER_CHARS = 255
MAX_INPUT_CHANNEL_CHARS = 64
TOO_LONG_REPLY = (
    "That message is a bit long for me — could you send it in shorter parts? Nothing has been lost."
)
UNREADABLE_REPLY = (
    "Sorry, I couldn't read that message — could you type it again? Nothing has been lost."
)

# C0 and C1 controls except tab and newline, DEL, and halves of surrogate pairs (which cannot
# be written as UTF-8). Format characters stay: RTL marks and emoji joiners are text.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Return the patient's text without control characters; newlines and tabs stay."""
    return _CONTROL.sub("", text)


def patient_text(text: str, vocabulary: Vocabulary | None = None) -> str:
    """Return the text to hand to Rasa: cleaned, and never read as a command.

    Only our own buttons' payloads ("/affirm", '/correct{"edit_topic": "aim"}') keep a
    leading slash; typed as "/restart" or "/ my diagnosis", the patient's words go to NLU as
    words (Rasa would otherwise run its own command, or log the text it failed to parse).
    """
    return neutral_text(clean_text(text), vocabulary)


def max_body_bytes(max_chars: int) -> int:
    """Return the largest REST body worth parsing: a full message, JSON-escaped, plus room."""
    return 12 * max_chars + 64 * 1024


@dataclass(frozen=True)
class Refusal:
    """Why a request was turned away, as an HTTP status and a JSON body."""

    status: int
    error: str
    message: str
    max_chars: int | None = None

    def body(self) -> dict[str, Any]:
        """Return the JSON body of the refusal."""
        body: dict[str, Any] = {"error": self.error, "message": self.message}
        if self.max_chars is not None:
            body["max_chars"] = self.max_chars
        return body


def _bad(message: str) -> Refusal:
    return Refusal(400, "bad_request", message)


def _too_long(length: int, max_chars: int) -> Refusal:
    return Refusal(
        413,
        "message_too_long",
        f"The message is {length} characters long; the most it can be is {max_chars}. "
        "Please send it in shorter parts.",
        max_chars=max_chars,
    )


class _DuplicateField(ValueError):
    pass


def _unique_fields(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for key, value in pairs:
        if key in fields:
            raise _DuplicateField(key)
        fields[key] = value
    return fields


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def parse_json_object(raw: bytes) -> dict[str, Any] | Refusal:
    """Parse a request body that must be one JSON object, with no field given twice."""
    try:
        value = json.loads(raw, object_pairs_hook=_unique_fields, parse_constant=_no_constant)
    except _DuplicateField as duplicate:
        return _bad(f"The field '{duplicate}' appears more than once; send it once.")
    except (ValueError, RecursionError):
        return _bad('The body must be JSON: {"sender": ..., "message": ...}.')
    if not isinstance(value, dict):
        return _bad("The body must be a JSON object with 'sender' and 'message'.")
    return value


def _has_control(text: str) -> bool:
    return _CONTROL.search(text) is not None or "\n" in text or "\t" in text


def check_rest_body(raw: bytes, *, max_chars: int) -> dict[str, Any] | Refusal:
    """Return the REST message body with the patient's text cleaned, or why it is refused.

    Args:
        raw: the request body as sent.
        max_chars: the longest message taken (COPRODUCE_MAX_MESSAGE_CHARS).

    Returns:
        The body to hand to Rasa's REST channel, or a Refusal: 400 for a malformed body,
        413 for one too long.
    """
    if len(raw) > max_body_bytes(max_chars):
        return Refusal(
            413,
            "body_too_large",
            f"The request body is {len(raw)} bytes; a message may be at most "
            f"{max_chars} characters.",
            max_chars=max_chars,
        )
    body = parse_json_object(raw)
    if isinstance(body, Refusal):
        return body
    sender = body.get("sender")
    if not isinstance(sender, str):
        return _bad("'sender' is missing or not a string; send the conversation id as text.")
    if not sender.strip() or len(sender) > MAX_SENDER_CHARS or _has_control(sender):
        return _bad(
            f"'sender' must be 1 to {MAX_SENDER_CHARS} characters, with no control characters."
        )
    message = body.get("message")
    if not isinstance(message, str):
        return _bad("'message' is missing or not a string; send the patient's text as text.")
    if len(message) > max_chars:
        return _too_long(len(message), max_chars)
    metadata = body.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        return _bad('\'metadata\' must be a JSON object, e.g. {"invite_token": "..."}.')
    channel = body.get("input_channel")
    if channel is not None and (
        not isinstance(channel, str) or not 0 < len(channel) <= MAX_INPUT_CHANNEL_CHARS
    ):
        return _bad(f"'input_channel' must be text of 1 to {MAX_INPUT_CHANNEL_CHARS} characters.")
    return {**body, "message": clean_text(message)}


class GuardedRestInput(RestInput):
    """Rasa's REST channel (still named `rest`) that refuses malformed or over-long bodies.

    Messages go to Rasa through a `Delivery`, so one that cannot be saved is kept and the
    patient is told; Rasa's own webhook would log the patient's text when a message fails.
    """

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Return the channel's routes: a health check and the webhook that takes messages."""
        patches.require()
        logs.install()
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)
        max_chars = get_settings().max_message_chars
        delivery = Delivery(self.name(), on_new_message, lambda _: CollectingOutputChannel())
        webhook.listener("after_server_start")(delivery.start)
        webhook.listener("before_server_stop")(delivery.stop)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            checked = check_rest_body(request.body or b"", max_chars=max_chars)
            if isinstance(checked, Refusal):
                logger.info("Refused a REST message: %s", checked.error)
                return response.json(checked.body(), status=checked.status)
            collector = CollectingOutputChannel()
            metadata = checked.get("metadata") or {}
            text = patient_text(checked["message"], domain_vocabulary(request.app))
            invite_hash = access.hash_of(metadata.get("invite_token"))
            admission = await delivery.handle(
                UserMessage(
                    text,
                    collector,
                    checked["sender"],
                    input_channel=checked.get("input_channel") or self.name(),
                    metadata=clean_metadata(invite_hash, await judge(text)),
                ),
                client=request.ip or "unknown",
            )
            limited = admission is not None and admission.reason == "rate_limited"
            if limited and len(collector.messages) <= 2:
                # The refusal alone (no safety guidance came first): a plain 429.
                assert admission is not None
                return response.json(
                    {
                        "error": "rate_limited",
                        "message": "Too many attempts with links that don't work. "
                        f"Please wait {admission.retry_after} seconds.",
                        "retry_after": admission.retry_after,
                    },
                    status=429,
                    headers={"Retry-After": str(admission.retry_after)},
                )
            return response.json(collector.messages)

        return webhook


def domain_vocabulary(app: Any) -> Vocabulary | None:
    """Return the loaded model's intents and entities (None before a model is loaded)."""
    domain = getattr(getattr(getattr(app, "ctx", None), "agent", None), "domain", None)
    if domain is None:
        return None
    return Vocabulary(frozenset(domain.intents), frozenset(domain.entities))


def socket_metadata(value: Any) -> dict[str, Any]:
    """Return the socket message's metadata (an object, or JSON text of one) as a dict."""
    if isinstance(value, str):
        try:
            value = json.loads(value, parse_constant=_no_constant)
        except (ValueError, RecursionError):
            return {}
    return value if isinstance(value, dict) else {}


def check_socket_message(data: Any, *, max_chars: int, metadata_key: str) -> dict[str, Any] | str:
    """Return the socket message to hand on, cleaned, or the kind reply that refuses it."""
    if not isinstance(data, dict) or not all(
        isinstance(data.get(field), str) for field in ("message", "session_id")
    ):
        return UNREADABLE_REPLY
    message: str = data["message"]
    if len(message) > max_chars:
        return TOO_LONG_REPLY
    checked = {**data, "message": clean_text(message)}
    if metadata_key in data:
        checked[metadata_key] = socket_metadata(data[metadata_key])
    return checked

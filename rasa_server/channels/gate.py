"""Check every chat message's invite before Rasa sees its text.

The gate runs in the Rasa server's chat channels, for REST and socket.io alike:

- the invite token is replaced by its hash (`access.METADATA_KEY`): the raw token is never
  written to the tracker store, the outbox or a log, and nothing else a client puts in the
  metadata is passed on;
- a message whose invite is unknown, expired, replaced by a newer link or whose visit was
  cancelled never reaches Rasa (so its text is not kept); the patient is told why, after the
  safety guidance if the message signals danger;
- a conversation id already bound to another visit is refused, so nobody can write into or
  read from another patient's conversation by naming its id;
- wrong invites are counted per client address, and a client over the limit is told to wait.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from coproduce import ratelimit
from coproduce.database import session_scope
from coproduce.safety.assess import Assessment, assess
from coproduce.visits import access
from coproduce.visits.access import InviteCheck, InviteStatus

logger = logging.getLogger(__name__)

#: The domain response that tells the patient why their message was not taken.
REFUSAL_RESPONSES = {
    InviteStatus.UNKNOWN: "utter_invite_invalid",
    InviteStatus.EXPIRED: "utter_link_expired",
    InviteStatus.REPLACED: "utter_link_replaced",
    InviteStatus.CANCELLED: "utter_visit_cancelled",
    "other_conversation": "utter_not_this_conversation",
    "rate_limited": "utter_too_many_attempts",
}
FALLBACK_TEXT = "Sorry, this link isn't working. Please contact your clinic for a new one."

# Rasa reads a message starting with "/" as a command ("/intent{json}"), and logs the whole
# text when it cannot parse one. Only our own buttons send such payloads.
_PAYLOAD = re.compile(r"^/([A-Za-z_][A-Za-z0-9_]*)(\{.*\})?$", re.DOTALL)
_RASA_COMMANDS = frozenset({"restart", "session_start", "back"})
_LEADING_SLASHES = re.compile(r"^[\s/]+")
_GUESSES = frozenset({InviteStatus.UNKNOWN.value, "other_conversation"})


@dataclass(frozen=True)
class Admission:
    """The gate's decision on one message."""

    allowed: bool
    reason: str
    invite_hash: str | None = None
    visit_id: str | None = None
    retry_after: int = 0

    @property
    def response(self) -> str:
        """Return the domain response that tells the patient why the message was refused."""
        return REFUSAL_RESPONSES.get(self.reason, "utter_invite_invalid")


@dataclass(frozen=True)
class Vocabulary:
    """What a button payload may name: the domain's intents and entities."""

    intents: frozenset[str]
    entities: frozenset[str]


def neutral_text(text: str, vocabulary: Vocabulary | None) -> str:
    """Return the text with any leading "/" removed unless it is one of our button payloads.

    A payload is "/intent" or '/intent{"entity": value}' naming an intent and entities of the
    domain (never Rasa's own /restart, /session_start or /back). Anything else a patient
    types after a slash ("/ my diagnosis") is their words, and goes to NLU as words: Rasa
    would otherwise try to run it, and log the text it could not parse. With no model loaded
    yet (no vocabulary) nothing is a payload.
    """
    if not text.lstrip().startswith("/"):
        return text
    match = _PAYLOAD.match(text.strip())
    if match and vocabulary is not None and _is_button(match, vocabulary):
        return text.strip()
    return _LEADING_SLASHES.sub("", text)


def _is_button(match: re.Match[str], vocabulary: Vocabulary) -> bool:
    intent, arguments = match.group(1), match.group(2)
    if intent in _RASA_COMMANDS or intent not in vocabulary.intents:
        return False
    if arguments is None:
        return True
    try:
        values = json.loads(arguments)
    except ValueError:
        return False
    return isinstance(values, dict) and set(values) <= vocabulary.entities


def clean_metadata(invite_hash: str | None, safety: Assessment | None = None) -> dict[str, Any]:
    """Return the only metadata a message carries on into Rasa.

    Its invite's hash, and the urgency the channel judged it to have (the one judgement of
    the message, used by the NLU component and the actions). Nothing a client sent.
    """
    metadata: dict[str, Any] = {access.METADATA_KEY: invite_hash} if invite_hash else {}
    if safety is not None and safety is not NOTHING_JUDGED:
        metadata["safety"] = safety.to_metadata()
    return metadata


#: What a button payload or an empty message carries: nothing was judged.
NOTHING_JUDGED = Assessment("none", (), "patient", -1.0)


async def judge(text: str) -> Assessment:
    """Judge the urgency of a typed message (button payloads are not judged)."""
    if not text.strip() or text.startswith("/"):
        return NOTHING_JUDGED
    return await asyncio.to_thread(assess, text)


def _decide(sender: str, invite_hash: str | None) -> Admission:
    with session_scope() as session:
        check: InviteCheck = access.check_invite(session=session, invite_hash=invite_hash)
        if not check.live:
            return Admission(False, check.status.value, invite_hash, check.visit_id)
        # The first message binds the conversation id to its visit; later ones must match.
        if not access.bind_conversation_once(session=session, sender_id=sender, check=check):
            return Admission(False, "other_conversation", invite_hash, check.visit_id)
    return Admission(True, "live", invite_hash, check.visit_id)


async def admit(*, sender: str, invite_hash: str | None, client: str) -> Admission | None:
    """Decide whether a message may reach Rasa; None when the database cannot say.

    Args:
        sender: the conversation id the message is for.
        invite_hash: the hash of the invite token the message carries.
        client: the caller's address, for counting wrong invites.

    Returns:
        The admission, or None when the aims database is down (the chat channel then keeps
        the message until it can be checked and saved).
    """
    limited = await asyncio.to_thread(ratelimit.check, ratelimit.INVITE_FAILURES, client)
    if not limited.allowed:
        return Admission(False, "rate_limited", invite_hash, retry_after=limited.retry_after)
    try:
        admission = await asyncio.to_thread(_decide, sender, invite_hash)
    except SQLAlchemyError as error:
        logger.warning("Could not check a chat invite (%s)", type(error).__name__)
        return None
    if admission.reason in _GUESSES:
        # An expired, replaced or cancelled link is the patient's own; an unknown one a guess.
        await asyncio.to_thread(ratelimit.hit, ratelimit.INVITE_FAILURES, client)
    if not admission.allowed:
        logger.info("Refused a chat message (%s)", admission.reason)
    return admission


async def recheck(*, sender: str, invite_hash: str | None) -> Admission | None:
    """Check a kept message again before it is handed to Rasa (no rate limit: not a guess)."""
    try:
        return await asyncio.to_thread(_decide, sender, invite_hash)
    except SQLAlchemyError as error:
        logger.warning("Could not check a chat invite (%s)", type(error).__name__)
        return None


def refusal_text(admission: Admission, responses: dict[str, Any]) -> str:
    """Return the kind words that tell the patient why their message was not taken."""
    variants = responses.get(admission.response) or [{}]
    return str(variants[0].get("text") or FALLBACK_TEXT)

"""Hand patient messages to Rasa; when they cannot be saved, keep them and say so kindly.

Rasa answers nothing when the action server is down (it logs the failed action and carries
on) and raises when its tracker store's database is down. Either way the patient would stare
at a silent chat and their answer would be gone. Each chat channel sends its messages through
a `Delivery` instead:

- a message Rasa handled normally passes straight through;
- a message that failed is kept in the outbox, and the patient is told that saving is delayed
  (with the safety guidance first if the message signals danger: the rules run here too);
- while messages are kept, the patient's next message is not sent on until the action server
  answers its health check; then everything kept, with the new message, goes to Rasa as one
  answer to the question the patient is still looking at (the bot asked nothing new since);
- a background task does the same for conversations whose patient has gone quiet: at once for
  the socket.io chat (the replies reach the open page), after `COPRODUCE_OUTBOX_IDLE_SECONDS`
  for REST clients, which can only get replies in answer to their next request.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel, UserMessage
from rasa.shared.core.events import UserUtteranceReverted, UserUttered
from sqlalchemy import text as sql
from sqlalchemy.exc import SQLAlchemyError

from coproduce.config import get_settings
from coproduce.conversations.outbox import Outbox, PendingMessage, get_outbox
from coproduce.database import get_engine
from coproduce.safety import flagging
from coproduce.safety.assess import EMERGENCY, NONE, URGENT, Assessment
from coproduce.safety.guidance import guidance_response
from coproduce.visits import access
from rasa_server.channels import gate
from rasa_server.channels.gate import Admission

logger = logging.getLogger(__name__)

DELAYED_NOTICE = (
    "Sorry, I can't save your answers just at the moment. I've kept what you wrote, so you "
    "don't need to type it again, and I'll carry on from here as soon as I can. You can wait "
    "a minute, or add anything else you'd like to say."
)
NOT_KEPT_NOTICE = (
    "Sorry, I couldn't save that just now, and I couldn't keep it for later either. Please "
    "try again in a few minutes."
)
#: Used only if the model's domain is not loaded yet: safety guidance is never left out.
FALLBACK_GUIDANCE = (
    "What you've told me sounds serious. If you or someone with you is in danger or very "
    "unwell right now, call {emergency_number} now. This chat is not watched in real time."
)
RETRY_PAUSE_SECONDS = 0.25
# Messages that only check whether the bot is still there are not part of the answer.
_CHECK_IN = re.compile(
    r"^\W*(?:hello+|hi+|hey+|(?:are )?you (?:still )?there|(?:is )?any ?(?:one|body) there"
    r"|still there|ok(?:ay)?|\?+)\W*$",
    re.IGNORECASE,
)


def merged_text(messages: list[PendingMessage]) -> str:
    """Return the kept messages as one answer, leaving out "hello?"-style check-ins."""
    texts = [m.text.strip() for m in messages if m.text.strip()]
    answers = [text for text in texts if not _CHECK_IN.match(text)]
    return "\n".join(answers or texts[-1:])


def replies_sent(output: OutputChannel) -> int:
    """Return how many bot messages the output channel has sent so far."""
    if isinstance(output, CollectingOutputChannel):
        return len(output.messages)
    return int(getattr(output, "sent", 0))


def safety_guidance(metadata: dict[str, Any] | None, responses: dict[str, Any]) -> str | None:
    """Return the safety guidance for a message Rasa cannot handle now, else None.

    The message's urgency was judged by the channel (carried in its metadata). With no
    conversation to ask a check question in, a message that would get one gets the
    emergency guidance instead: safety first.
    """
    assessment = Assessment.from_metadata((metadata or {}).get("safety"))
    if assessment is None or assessment.level == NONE:
        return None
    if assessment.level == URGENT:
        name = "utter_safety_urgent"
    else:
        name = guidance_response(list(assessment.categories), about=assessment.about)
    variants = responses.get(name) or [{}]
    template = str(variants[0].get("text") or FALLBACK_GUIDANCE)
    settings = get_settings()
    return template.format(
        emergency_number=settings.emergency_number,
        crisis_line=settings.crisis_line,
        urgent_advice=settings.urgent_advice,
    )


async def action_server_up(action_url: str | None) -> bool:
    """Return whether the action server answers its health check (no URL: no server needed)."""
    if not action_url:
        return True
    health = action_url.rsplit("/webhook", 1)[0].rstrip("/") + "/health"
    try:
        timeout = aiohttp.ClientTimeout(total=2)
        async with aiohttp.ClientSession(timeout=timeout) as session, session.get(health) as reply:
            return reply.status == 200
    except (aiohttp.ClientError, asyncio.TimeoutError, OSError):
        return False


def database_up() -> bool:
    """Return whether the aims database answers a trivial query."""
    try:
        with get_engine().connect() as connection:
            connection.execute(sql("SELECT 1"))
    except SQLAlchemyError:
        return False
    return True


def invite_hash_of(message: UserMessage) -> str | None:
    """Return the invite hash the channel put in a message's metadata."""
    value = (message.metadata or {}).get(access.METADATA_KEY)
    return value if isinstance(value, str) else None


def _hash_in(metadata: dict[str, Any]) -> str | None:
    value = metadata.get(access.METADATA_KEY)
    return value if isinstance(value, str) else None


async def _rejudged(text: str, metadata: dict[str, Any]) -> dict[str, Any]:
    """Metadata for kept messages merged into one: the merged text is judged afresh."""
    return {**metadata, "safety": (await gate.judge(text)).to_metadata()}


def flag_kept_message(
    sender: str,
    batch_id: str,
    text: str,
    metadata: dict[str, Any] | None,
    admission: Admission | None,
) -> list[str]:
    """Record the red flags of a message kept for later on the visit the gate let it into.

    Run while the action server (or Rasa's database) is down, so that the clinic hears of an
    emergency at once. The visit is the one the gate found for the message's live invite and
    this conversation (no admission: the aims database could not say, so nothing is
    recorded). The flags are keyed by the kept batch's id, the message id Rasa gets when the
    batch is saved, so the action server then finds them already stored. Returns the keys
    stored ([] when there is nothing to flag or the aims database is down).
    """
    assessment = Assessment.from_metadata((metadata or {}).get("safety"))
    if assessment is None or assessment.level not in (EMERGENCY, URGENT):
        return []
    if admission is None or not admission.allowed or admission.visit_id is None:
        return []
    guidance = (
        "utter_safety_urgent"
        if assessment.level == URGENT
        else guidance_response(list(assessment.categories), about=assessment.about)
    )
    return flagging.record_or_log(
        visit_id=admission.visit_id,
        sender_id=sender,
        message_key=batch_id,
        text=text,
        categories=list(assessment.categories) or ["other"],
        urgency=assessment.level,
        about=assessment.about,
        guidance=guidance,
    )


class Delivery:
    """Sends one channel's messages to Rasa, keeping those that cannot be saved yet."""

    def __init__(
        self,
        channel: str,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        output_for: Callable[[str], OutputChannel],
        outbox: Outbox | None = None,
        admit: Callable[..., Awaitable[Admission | None]] = gate.admit,
        recheck: Callable[..., Awaitable[Admission | None]] = gate.recheck,
    ) -> None:
        """Set up one channel's delivery: Rasa's handler, each conversation's output, the outbox."""
        self.channel = channel
        self.on_new_message = on_new_message
        self.output_for = output_for
        self.outbox = outbox or get_outbox()
        self.admit = admit
        self.recheck = recheck
        self.app: Any = None
        self._flusher: asyncio.Task[None] | None = None

    async def start(self, app: Any, *_: Any) -> None:
        """Remember the Sanic app (for the agent) and start retrying kept messages."""
        self.app = app
        self._flusher = asyncio.create_task(self._flush_forever())

    async def stop(self, *_: Any) -> None:
        """Stop retrying kept messages."""
        if self._flusher is not None:
            self._flusher.cancel()

    def _agent(self) -> Any:
        return getattr(getattr(self.app, "ctx", None), "agent", None)

    async def _actions_up(self) -> bool:
        endpoint = getattr(self._agent(), "action_endpoint", None)
        return await action_server_up(getattr(endpoint, "url", None))

    async def _can_save(self) -> bool:
        """Return whether the action server and the aims database are both reachable."""
        return await self._actions_up() and await asyncio.to_thread(database_up)

    async def handle(self, message: UserMessage, *, client: str = "unknown") -> Admission | None:
        """Get one patient message saved by Rasa, or keep it and tell the patient.

        The message's invite is checked first (`gate.admit`): a refused message never
        reaches Rasa. Returns the gate's decision (None when the database could not say).
        """
        sender = str(message.sender_id)
        admission = await self.admit(
            sender=sender, invite_hash=invite_hash_of(message), client=client
        )
        if admission is not None and not admission.allowed:
            await self.refuse(message, admission)
            return admission
        if not await self._pending(sender):
            if not await self._handled(message):
                await self._keep(message, admission)
            return admission
        async with self.outbox.lock(sender):
            kept = await self._pending(sender)
            if kept and not await self._can_save():
                await self._keep(message, admission)
                return admission
            if await self._handled(await self._merged(message, kept)):
                await self.outbox.remove(sender, [m.id for m in kept])
                return admission
            await self._keep(message, admission)
        return admission

    async def refuse(self, message: UserMessage, admission: Admission) -> None:
        """Tell the patient why their message was not taken: safety guidance comes first."""
        sender = str(message.sender_id)
        responses = self._responses()
        guidance = safety_guidance(message.metadata, responses)
        output = message.output_channel
        if guidance:
            await output.send_text_message(sender, guidance)
        await output.send_text_message(sender, gate.refusal_text(admission, responses))
        closed: dict[str, Any] = {"type": "chat_closed", "reason": admission.reason}
        if admission.retry_after:
            closed["retry_after"] = admission.retry_after
        await output.send_custom_json(sender, closed)

    def _responses(self) -> dict[str, Any]:
        return dict(getattr(getattr(self._agent(), "domain", None), "responses", {}) or {})

    async def _pending(self, sender: str) -> list[PendingMessage]:
        try:
            return await self.outbox.pending(sender)
        except Exception as error:
            # A broken outbox must not stop the chat.
            logger.warning("Could not read kept messages (%s)", type(error).__name__)
            return []

    async def _merged(self, message: UserMessage, kept: list[PendingMessage]) -> UserMessage:
        if not kept:
            return message
        now = PendingMessage(message.text or "", self.channel, dict(message.metadata or {}))
        text = merged_text([*kept, now])
        return UserMessage(
            text,
            message.output_channel,
            message.sender_id,
            input_channel=message.input_channel,
            message_id=kept[0].id,
            metadata=await _rejudged(text, dict(message.metadata or {})),
        )

    async def _handled(self, message: UserMessage) -> bool:
        """Return whether Rasa handled the message; False if it could not be saved.

        A failure is tried once more: the first use of a database after it comes back fails
        on the connections the pool still holds (and throws them away). Rasa stores nothing
        of a turn that raised, and every answer is written whole, so the retry is safe.
        """
        before = replies_sent(message.output_channel)
        for attempt in range(2):
            try:
                await self.on_new_message(message)
                break
            except Exception as error:
                # Never the text: it is health data. The type says which part failed.
                logger.error("A patient message could not be handled (%s)", type(error).__name__)
                if attempt:
                    return False
                await asyncio.sleep(RETRY_PAUSE_SECONDS)
        if replies_sent(message.output_channel) > before:
            return True
        # No reply at all: fine if the bot chose silence, a failure if an action could not
        # run or could not reach the database.
        if await self._can_save():
            return True
        await self._undo_attempt(message)
        return False

    async def _undo_attempt(self, message: UserMessage) -> None:
        """Take a turn that could not be saved back out of the conversation.

        Rasa logged the message (and whatever its actions managed) before an action failed.
        The message goes to Rasa again, kept with any others, once it can be saved: without
        this the conversation would hold it twice, and a turn whose answer was taken but
        whose next question never went out would make the replay answer a question the
        patient never saw. A `UserUtteranceReverted` event takes the attempt out of the
        conversation Rasa applies; the replay then answers the question on screen.
        """
        agent = self._agent()
        store = getattr(agent, "tracker_store", None)
        if store is None:
            return
        sender = str(message.sender_id)
        try:
            lock_store = getattr(agent, "lock_store", None)
            async with lock_store.lock(sender) if lock_store else contextlib.nullcontext():
                tracker = await store.retrieve(sender)
                last = tracker.get_last_event_for(UserUttered) if tracker else None
                if tracker is None or last is None or last.text != message.text:
                    return
                tracker.update(UserUtteranceReverted())
                await store.save(tracker)
        except Exception as error:
            logger.warning("Could not undo a turn that was not saved (%s)", type(error).__name__)

    async def _keep(self, message: UserMessage, admission: Admission | None) -> None:
        sender = str(message.sender_id)
        text = message.text or ""
        notices = []
        guidance = safety_guidance(message.metadata, self._responses())
        if guidance:
            notices.append(guidance)
        pending = PendingMessage(text, self.channel, dict(message.metadata or {}))
        try:
            kept = await self.outbox.pending(sender)
            await self.outbox.add(sender, pending)
            notices.append(DELAYED_NOTICE)
            logger.info("Kept a message for conversation %s until it can be saved", sender)
        except Exception as error:
            logger.error("Could not keep a message for later (%s)", type(error).__name__)
            notices.append(NOT_KEPT_NOTICE)
            kept = []
        for notice in notices:
            await message.output_channel.send_text_message(sender, notice)
        # The kept messages go to Rasa later as one, under the first one's id: its red flags
        # are recorded now under that id, so the clinic hears at once and only once.
        batch = kept[0].id if kept else pending.id
        await asyncio.to_thread(flag_kept_message, sender, batch, text, message.metadata, admission)

    async def _flush_forever(self) -> None:
        settings = get_settings()
        while True:
            await asyncio.sleep(settings.outbox_retry_seconds)
            try:
                await self.flush(idle_seconds=settings.outbox_idle_seconds)
            except asyncio.CancelledError:
                raise
            except Exception as error:
                logger.warning("Retrying kept messages failed (%s)", type(error).__name__)

    async def flush(self, *, idle_seconds: float) -> int:
        """Hand kept messages of quiet conversations to Rasa; return how many were saved."""
        saved = 0
        for sender in await self.outbox.senders():
            kept = await self.outbox.pending(sender)
            if not kept or kept[-1].input_channel != self.channel:
                continue
            if self.channel == "rest" and time.time() - kept[-1].at < idle_seconds:
                continue
            if not await self._can_save():
                return saved
            async with self.outbox.lock(sender):
                kept = await self.outbox.pending(sender)
                if not kept:
                    continue
                admission = await self.recheck(
                    sender=sender, invite_hash=_hash_in(kept[-1].metadata)
                )
                if admission is None:
                    return saved
                if not admission.allowed:
                    # The link was replaced or the visit cancelled meanwhile: not kept.
                    await self.outbox.remove(sender, [m.id for m in kept])
                    text = merged_text(kept)
                    metadata = await _rejudged(text, kept[-1].metadata)
                    refused = UserMessage(text, self.output_for(sender), sender, metadata=metadata)
                    await self.refuse(refused, admission)
                    continue
                text = merged_text(kept)
                message = UserMessage(
                    text,
                    self.output_for(sender),
                    sender,
                    input_channel=self.channel,
                    message_id=kept[0].id,
                    metadata=await _rejudged(text, kept[-1].metadata),
                )
                if not await self._handled(message):
                    return saved
                await self.outbox.remove(sender, [m.id for m in kept])
                saved += len(kept)
        return saved

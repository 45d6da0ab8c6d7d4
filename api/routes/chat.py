"""The patient chat: its page, its embeddable widget script, and socket tokens for it."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

import jwt
from fastapi import APIRouter, Request, status
from fastapi.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field

from api.deps import ClientDep, SessionDep
from api.errors import NotFound, TooManyRequests
from coproduce import display, ratelimit
from coproduce.clinics import service as clinic_service
from coproduce.config import get_settings
from coproduce.plans import service as plan_service
from coproduce.visits import access
from coproduce.visits.access import InviteCheck, InviteStatus
from coproduce.visits.models import Visit

API_DIR = Path(__file__).resolve().parent.parent
WIDGET_JS = API_DIR / "static" / "widget.js"
templates = Jinja2Templates(directory=str(API_DIR / "templates"))
templates.env.finalize = display.finalize  # no bidi overrides or hidden characters shown

router = APIRouter(tags=["chat"])
NEUTRAL_NOT_FOUND = "This chat link isn't working. Please ask your clinic for a new one."


class ChatSessionCreate(BaseModel):
    """A request for a chat session: the link's invite token, and an earlier session to continue."""

    invite_token: str = Field(..., min_length=1, max_length=256, description="From the chat link")
    session_id: uuid.UUID | None = Field(None, description="An earlier session id, to continue")


class ChatSession(BaseModel):
    """A chat session: the socket token, the conversation id and where to connect."""

    token: str = Field(..., description="JWT for the socket's `auth: {token}`")
    session_id: str = Field(..., description="The conversation id to send with every message")
    socket_url: str = Field(..., description="Base URL of Rasa's socket.io server")
    expires_in: int = Field(..., description="Seconds until the token expires")


def chat_token(session_id: str, check: InviteCheck) -> tuple[str, int]:
    """Sign a short-lived socket token for one conversation of one invite.

    `sub` names the conversation, `inv` the invite's hash and `vis` the visit: Rasa's socket
    channel checks the invite is still live on connect and on every message.
    """
    settings = get_settings()
    lifetime = timedelta(minutes=settings.chat_jwt_ttl_minutes)
    now = datetime.now(timezone.utc)
    claims = {
        "sub": session_id,
        "inv": check.invite_hash,
        "vis": check.visit_id,
        "iat": now,
        "exp": now + lifetime,
        "scope": "chat",
    }
    token = jwt.encode(claims, settings.require("chat_jwt_secret"), algorithm="HS256")
    return token, int(lifetime.total_seconds())


@router.post(
    "/api/v1/chat-sessions", status_code=status.HTTP_201_CREATED, response_model=ChatSession
)
def create_chat_session(
    body: ChatSessionCreate, session: SessionDep, client: ClientDep
) -> ChatSession:
    """Open (or continue) a patient's chat: a socket token for a live invite.

    A `session_id` is continued only when it was issued for this same invite; any other id
    (another patient's, or one from a link that has since been replaced) gets a new one.
    """
    check = invite_check(session, body.invite_token, client)
    session_id = body.session_id.hex if body.session_id else None
    if session_id is None or not access.claim_session(
        session=session, sender_id=session_id, check=check
    ):
        session_id = uuid.uuid4().hex
        access.claim_session(session=session, sender_id=session_id, check=check)
    token, lifetime = chat_token(session_id, check)
    return ChatSession(
        token=token,
        session_id=session_id,
        socket_url=get_settings().rasa_url,
        expires_in=lifetime,
    )


def _page_headers() -> dict[str, str]:
    rasa = urlsplit(get_settings().rasa_url)
    socket_ws = f"{'wss' if rasa.scheme == 'https' else 'ws'}://{rasa.netloc}"
    return {
        # The URL holds the invite token: never send it on as a referrer, never cache the page.
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": (
            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            f"connect-src 'self' {rasa.scheme}://{rasa.netloc} {socket_ws}; img-src 'self'; "
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        ),
    }


def invite_check(session: SessionDep, invite_token: str, client: str) -> InviteCheck:
    """Return the live invite a token opens; 404 for any other, 429 for a guesser."""
    limited = ratelimit.check(ratelimit.INVITE_FAILURES, client)
    if not limited.allowed:
        raise TooManyRequests(
            "Too many links that don't work from this address.", retry_after=limited.retry_after
        )
    check = access.check_invite(session=session, invite_hash=access.hash_of(invite_token))
    if not check.live:
        if check.status is InviteStatus.UNKNOWN:
            ratelimit.hit(ratelimit.INVITE_FAILURES, client)
        raise NotFound(NEUTRAL_NOT_FOUND)
    return check


@router.get("/chat/{invite_token}", response_class=HTMLResponse, include_in_schema=False)
def chat_page(
    invite_token: str, request: Request, session: SessionDep, client: ClientDep
) -> Response:
    """Serve the patient's chat page for a live invite, or a clear page for a dead one."""
    settings = get_settings()
    context = {"clinic_name": settings.clinic_name, "emergency_number": settings.emergency_number}
    try:
        check = invite_check(session, invite_token, client)
    except NotFound:
        return templates.TemplateResponse(
            request,
            "chat/invalid.html",
            context,
            status_code=status.HTTP_404_NOT_FOUND,
            headers=_page_headers(),
        )
    visit = session.get(Visit, check.visit_id)
    context["clinic_name"] = clinic_service.clinic_name(
        session=session, clinic_id=visit.clinic_id if visit is not None else None
    )
    # After the visit, the same link leads to what was agreed there.
    agreed = plan_service.plan_count(session=session, visit_id=check.visit_id or "") > 0
    return templates.TemplateResponse(
        request,
        "chat/page.html",
        {**context, "invite_token": invite_token, "plan_agreed": agreed},
        headers=_page_headers(),
    )


@router.get("/widget.js", include_in_schema=False)
def widget_script() -> Response:
    """Serve the chat widget that clinics embed with one script tag."""
    if not WIDGET_JS.exists():
        return PlainTextResponse("widget.js is not built: run `make widget`.", status_code=503)
    return FileResponse(
        WIDGET_JS,
        media_type="text/javascript",
        headers={"Cache-Control": "public, max-age=300"},
    )

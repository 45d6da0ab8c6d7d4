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

from api.deps import SessionDep
from api.errors import NotFound
from coproduce.config import get_settings
from coproduce.visits import service as visit_service

API_DIR = Path(__file__).resolve().parent.parent
WIDGET_JS = API_DIR / "static" / "widget.js"
templates = Jinja2Templates(directory=str(API_DIR / "templates"))

router = APIRouter(tags=["chat"])
NEUTRAL_NOT_FOUND = "This chat link isn't working. Please ask your clinic for a new one."


class ChatSessionCreate(BaseModel):
    invite_token: str = Field(..., min_length=1, max_length=256, description="From the chat link")
    session_id: uuid.UUID | None = Field(None, description="An earlier session id, to continue")


class ChatSession(BaseModel):
    token: str = Field(..., description="JWT for the socket's `auth: {token}`")
    session_id: str = Field(..., description="The conversation id to send with every message")
    socket_url: str = Field(..., description="Base URL of Rasa's socket.io server")
    expires_in: int = Field(..., description="Seconds until the token expires")


def chat_token(session_id: str) -> tuple[str, int]:
    """Sign a short-lived socket token for one conversation; return it and its lifetime."""
    settings = get_settings()
    lifetime = timedelta(minutes=settings.chat_jwt_ttl_minutes)
    now = datetime.now(timezone.utc)
    claims = {"sub": session_id, "iat": now, "exp": now + lifetime, "scope": "chat"}
    token = jwt.encode(claims, settings.require("chat_jwt_secret"), algorithm="HS256")
    return token, int(lifetime.total_seconds())


@router.post(
    "/api/v1/chat-sessions", status_code=status.HTTP_201_CREATED, response_model=ChatSession
)
def create_chat_session(body: ChatSessionCreate, session: SessionDep) -> ChatSession:
    """Open (or continue) a patient's chat: a socket token for a live invite."""
    if visit_service.resolve_invite(session=session, token=body.invite_token) is None:
        raise NotFound(NEUTRAL_NOT_FOUND)
    session_id = (body.session_id or uuid.uuid4()).hex
    token, lifetime = chat_token(session_id)
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


@router.get("/chat/{invite_token}", response_class=HTMLResponse, include_in_schema=False)
def chat_page(invite_token: str, request: Request, session: SessionDep) -> Response:
    """Serve the patient's chat page for a live invite, or a clear page for a dead one."""
    settings = get_settings()
    context = {"clinic_name": settings.clinic_name, "emergency_number": settings.emergency_number}
    if visit_service.resolve_invite(session=session, token=invite_token) is None:
        return templates.TemplateResponse(
            request,
            "chat/invalid.html",
            context,
            status_code=status.HTTP_404_NOT_FOUND,
            headers=_page_headers(),
        )
    return templates.TemplateResponse(
        request,
        "chat/page.html",
        {**context, "invite_token": invite_token},
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

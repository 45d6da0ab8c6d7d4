"""Signed session cookies and CSRF tokens for the clinician's web pages.

Design (why it looks like this):

* The session cookie carries the clinician's own API token, so every request re-authenticates
  it with ``clinic_service.authenticate``: a revoked or expired token, or a deactivated
  clinician, is locked out on the next click, and the bootstrap admin token works too (its
  hash alone could not be checked again). It also names a sign-in kept on the server
  (``clinician_sessions``): signing out revokes it there, so a copied cookie stops working
  the moment its owner signs out.
* The token is encrypted (Fernet, key derived from COPRODUCE_SESSION_SECRET) inside a payload
  signed and timestamped by itsdangerous. Someone who copies the cookie out of a shared ward
  PC's browser profile cannot read the long-lived token out of it, and the cookie is refused
  after 12 hours whatever the browser does.
* The cookie is HttpOnly, SameSite=Strict, limited to ``/clinician``, Secure when the request
  came over https, and has no Max-Age, so closing the browser ends the session.
* CSRF: besides SameSite=Strict, every POST form carries a token. Signed-in forms carry the
  session's own random token (stored in the signed cookie); the login form is a double submit:
  a signed, short-lived cookie set with the form must match the form's hidden field.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from cryptography.fernet import Fernet, InvalidToken
from fastapi import Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from coproduce.config import get_settings

SESSION_COOKIE = "coproduce_clinician"
LOGIN_CSRF_COOKIE = "coproduce_login_csrf"
COOKIE_PATH = "/clinician"
SESSION_MAX_AGE_S = 12 * 60 * 60
LOGIN_FORM_MAX_AGE_S = 60 * 60
_SESSION_SALT = "coproduce.clinician.session"
_LOGIN_SALT = "coproduce.clinician.login-csrf"


@dataclass(frozen=True)
class WebSession:
    """What a valid session cookie holds: the API token, the CSRF token and the sign-in id."""

    token: str
    csrf: str
    sign_in: str


def _secret() -> str:
    return get_settings().require("session_secret")


def _serializer(salt: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(_secret(), salt=salt)


def _fernet() -> Fernet:
    key = hashlib.sha256(f"{_SESSION_SALT}:{_secret()}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def new_session(token: str, sign_in: str) -> tuple[str, WebSession]:
    """Start a session for a token that has just authenticated; return its cookie value."""
    session = WebSession(token=token, csrf=secrets.token_urlsafe(32), sign_in=sign_in)
    sealed = _fernet().encrypt(token.encode()).decode()
    payload = {"t": sealed, "c": session.csrf, "s": sign_in}
    return _serializer(_SESSION_SALT).dumps(payload), session


def read_session(cookie: str | None) -> WebSession | None:
    """Return the session a cookie holds, or None when it is missing, forged or too old."""
    if not cookie or len(cookie) > 4096:
        return None
    try:
        payload = _serializer(_SESSION_SALT).loads(cookie, max_age=SESSION_MAX_AGE_S)
        token = _fernet().decrypt(payload["t"].encode(), ttl=SESSION_MAX_AGE_S).decode()
        csrf, sign_in = payload["c"], payload["s"]
    except (BadSignature, InvalidToken, KeyError, TypeError, AttributeError, ValueError):
        return None
    if not isinstance(csrf, str) or not csrf or not isinstance(sign_in, str) or not sign_in:
        return None
    return WebSession(token=token, csrf=csrf, sign_in=sign_in)


def csrf_matches(session: WebSession, submitted: str | None) -> bool:
    """Check a signed-in form's CSRF token against the session's."""
    return bool(submitted) and hmac.compare_digest(session.csrf.encode(), str(submitted).encode())


def new_login_csrf() -> tuple[str, str]:
    """Return (cookie value, form value) for one login form."""
    value = secrets.token_urlsafe(32)
    return _serializer(_LOGIN_SALT).dumps(value), value


def login_csrf_matches(cookie: str | None, submitted: str | None) -> bool:
    """Check the login form's hidden field against the cookie set with the form."""
    if not cookie or not submitted or len(cookie) > 1024:
        return False
    try:
        expected = _serializer(_LOGIN_SALT).loads(cookie, max_age=LOGIN_FORM_MAX_AGE_S)
    except BadSignature:
        return False
    return isinstance(expected, str) and hmac.compare_digest(expected.encode(), submitted.encode())


def set_cookie(
    response: Response, name: str, value: str, *, secure: bool, max_age: int | None = None
) -> None:
    """Set one of our cookies: HttpOnly, SameSite=Strict, only for the clinician pages."""
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path=COOKIE_PATH,
        secure=secure,
        httponly=True,
        samesite="strict",
    )


def clear_cookie(response: Response, name: str, *, secure: bool) -> None:
    """Remove one of our cookies."""
    response.delete_cookie(name, path=COOKIE_PATH, secure=secure, httponly=True, samesite="strict")

"""Create clinics, clinicians and tokens; authenticate a bearer token."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from coproduce.clinics.models import ApiToken, Clinic, Clinician, ClinicianSession
from coproduce.config import get_settings
from coproduce.database import utcnow

TOKEN_PREFIX = "cpd_"  # noqa: S105  (a visible marker, not a secret)


class ClinicError(ValueError):
    """A clinic, clinician or token request that cannot be carried out."""


@dataclass(frozen=True)
class Principal:
    """Who is calling: an admin, or a clinician acting for one clinic."""

    kind: str
    clinic_id: str | None = None
    clinician_id: str | None = None
    token_prefix: str | None = None

    @property
    def is_admin(self) -> bool:
        """True for an admin, who acts for every clinic."""
        return self.kind == "admin"

    @property
    def actor(self) -> str:
        """Name the caller for the audit log (never a secret)."""
        if self.clinician_id:
            return f"clinician:{self.clinician_id}"
        return f"admin:{self.token_prefix or 'bootstrap'}"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_clinic(*, session: Session, name: str) -> Clinic:
    """Create a clinic."""
    if not name.strip():
        raise ClinicError("A clinic needs a name.")
    clinic = Clinic(id=str(uuid.uuid4()), name=name.strip())
    session.add(clinic)
    session.flush()
    return clinic


def create_clinician(*, session: Session, clinic_id: str, name: str) -> Clinician:
    """Add a clinician to a clinic."""
    if not name.strip():
        raise ClinicError("A clinician needs a name.")
    if session.get(Clinic, clinic_id) is None:
        raise ClinicError(f"No clinic with id '{clinic_id}'.")
    clinician = Clinician(id=str(uuid.uuid4()), clinic_id=clinic_id, name=name.strip())
    session.add(clinician)
    session.flush()
    return clinician


def create_token(
    *,
    session: Session,
    clinician_id: str | None = None,
    admin: bool = False,
    expires_in_days: int | None = None,
    label: str | None = None,
) -> str:
    """Create an API token for a clinician (or an admin); return it — it is never shown again.

    Every token expires: after `expires_in_days`, or COPRODUCE_TOKEN_LIFETIME_DAYS (90).
    """
    if expires_in_days is None:
        expires_in_days = get_settings().token_lifetime_days
    if not 1 <= expires_in_days <= 3650:
        raise ClinicError(
            f"--expires-days must be between 1 and 3650, not {expires_in_days}: "
            "every token expires."
        )
    clinician = session.get(Clinician, clinician_id) if clinician_id else None
    if not admin and clinician is None:
        raise ClinicError(f"No clinician with id '{clinician_id}'.")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(
        ApiToken(
            token_hash=_hash(token),
            prefix=token[:12],
            role="admin" if admin else "clinician",
            clinic_id=None if admin or clinician is None else clinician.clinic_id,
            clinician_id=None if admin or clinician is None else clinician.id,
            label=label,
            expires_at=utcnow() + timedelta(days=expires_in_days),
        )
    )
    session.flush()
    return token


def revoke_token(*, session: Session, prefix: str) -> int:
    """Revoke the live tokens whose 12-character prefix is `prefix`'s; return how many.

    Only the first 12 characters are compared, and they must match whole: a shorter prefix
    ("cpd_") revokes nothing, so one mistyped command cannot revoke every token.
    """
    rows = session.execute(
        select(ApiToken).where(ApiToken.prefix == prefix[:12], ApiToken.revoked_at.is_(None))
    ).scalars()
    count = 0
    for row in rows:
        row.revoked_at = utcnow()
        count += 1
    return count


def list_tokens(*, session: Session) -> list[ApiToken]:
    """Return every token (never its value: only its prefix), newest first."""
    return list(session.execute(select(ApiToken).order_by(ApiToken.created_at.desc())).scalars())


def open_sign_in(*, session: Session, token: str, lifetime_s: int) -> str:
    """Record a clinician page sign-in for a token that has just authenticated; return its id."""
    sign_in = ClinicianSession(
        id=secrets.token_urlsafe(32),
        token_hash=_hash(token),
        expires_at=utcnow() + timedelta(seconds=lifetime_s),
    )
    session.add(sign_in)
    session.flush()
    return str(sign_in.id)


def sign_in_active(*, session: Session, sign_in: str, token: str) -> bool:
    """True when the sign-in exists for this token, is not revoked and has not expired."""
    row = session.get(ClinicianSession, sign_in)
    return (
        row is not None
        and row.revoked_at is None
        and row.expires_at > utcnow()
        and hmac.compare_digest(row.token_hash, _hash(token))
    )


def close_sign_in(*, session: Session, sign_in: str) -> None:
    """Revoke a sign-in (signing out): its cookie never works again."""
    row = session.get(ClinicianSession, sign_in)
    if row is not None and row.revoked_at is None:
        row.revoked_at = utcnow()
        session.flush()


def authenticate(*, session: Session, token: str) -> Principal | None:
    """Return who a bearer token stands for, or None when it is unknown, revoked or expired."""
    bootstrap = get_settings().api_token
    if bootstrap and hmac.compare_digest(token.encode(), bootstrap.encode()):
        return Principal(kind="admin")
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    row = session.get(ApiToken, _hash(token))
    if row is None or row.revoked_at is not None:
        return None
    if row.expires_at is not None and row.expires_at <= utcnow():
        return None
    if row.role == "admin":
        return Principal(kind="admin", token_prefix=row.prefix)
    clinician = session.get(Clinician, row.clinician_id)
    if clinician is None or not clinician.active:
        return None
    return Principal(
        kind="clinician",
        clinic_id=row.clinic_id,
        clinician_id=row.clinician_id,
        token_prefix=row.prefix,
    )


def clinic_name(*, session: Session, clinic_id: str | None) -> str:
    """Return the clinic's name, or the configured default."""
    clinic = session.get(Clinic, clinic_id) if clinic_id else None
    return clinic.name if clinic is not None else get_settings().clinic_name


def list_clinics(*, session: Session) -> list[Clinic]:
    """Return every clinic by name."""
    return list(session.execute(select(Clinic).order_by(Clinic.name)).scalars())


def list_clinicians(*, session: Session, clinic_id: str | None = None) -> list[Clinician]:
    """Return clinicians, optionally of one clinic."""
    query = select(Clinician).order_by(Clinician.name)
    if clinic_id:
        query = query.where(Clinician.clinic_id == clinic_id)
    return list(session.execute(query).scalars())

"""Clinics, their clinicians, and the API tokens that act for them."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, String

from coproduce.database import Base, utcnow


class Clinic(Base):
    """A clinic: its visits and clinicians belong to it."""

    __tablename__ = "clinics"

    id = Column(String(36), primary_key=True)
    name = Column(String(200), nullable=False)
    created_at = Column(DateTime, nullable=False, default=utcnow)


class Clinician(Base):
    """A clinician of one clinic; their API tokens act for that clinic."""

    __tablename__ = "clinicians"

    id = Column(String(36), primary_key=True)
    clinic_id = Column(String(36), ForeignKey("clinics.id", ondelete="CASCADE"), index=True)
    name = Column(String(200), nullable=False)
    active = Column(Boolean, nullable=False, default=True)
    created_at = Column(DateTime, nullable=False, default=utcnow)


class ApiToken(Base):
    """A bearer token, stored only as its SHA-256 hash; shown once when created."""

    __tablename__ = "api_tokens"

    token_hash = Column(String(64), primary_key=True)
    prefix = Column(String(12), nullable=False, index=True)
    role = Column(String(16), nullable=False)  # admin | clinician
    clinic_id = Column(String(36), ForeignKey("clinics.id", ondelete="CASCADE"), nullable=True)
    clinician_id = Column(
        String(36), ForeignKey("clinicians.id", ondelete="CASCADE"), nullable=True
    )
    label = Column(String(200), nullable=True)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    expires_at = Column(DateTime, nullable=True)
    revoked_at = Column(DateTime, nullable=True)


class ClinicianSession(Base):
    """A signed-in browser session of the clinician pages; signing out revokes it here."""

    __tablename__ = "clinician_sessions"

    id = Column(String(64), primary_key=True)
    token_hash = Column(String(64), nullable=False, index=True)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    expires_at = Column(DateTime, nullable=False)
    revoked_at = Column(DateTime, nullable=True)

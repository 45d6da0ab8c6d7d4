"""One row per Idempotency-Key a caller used on a POST in the last 24 hours."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Integer, LargeBinary, String

from coproduce.database import Base, utcnow


class IdempotentRequest(Base):
    """One Idempotency-Key used on a POST, with the first response to it (encrypted)."""

    __tablename__ = "idempotent_requests"

    #: sha256 of the caller, the key and a server secret: the key itself is never stored.
    key_hash = Column(String(64), primary_key=True)
    #: sha256 of the method, the path and the body, to refuse the same key for another request.
    fingerprint = Column(String(64), nullable=False)
    status_code = Column(Integer, nullable=True)
    #: The first response, encrypted with a key derived from the Idempotency-Key: the
    #: response holds an invite link, which the database alone must not give away.
    response = Column(LargeBinary, nullable=True)
    created_at = Column(DateTime, nullable=False, default=utcnow, index=True)

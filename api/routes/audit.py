"""The audit log, for admins."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import AdminDep, SessionDep
from api.schemas import AuditEventOut, AuditPage, iso_utc
from coproduce.audit import service as audit_service

router = APIRouter(prefix="/api/v1/audit", tags=["audit"])


@router.get("", response_model=AuditPage)
def list_audit_events(
    session: SessionDep,
    principal: AdminDep,
    visit_id: Annotated[str | None, Query(max_length=64)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> AuditPage:
    """List who read or deleted which visit's record, newest first (admins only)."""
    events = audit_service.list_events(
        session=session, visit_id=visit_id, limit=limit + 1, offset=offset
    )
    return AuditPage(
        items=[
            AuditEventOut(
                at=iso_utc(e.at) or "",
                actor=e.actor,
                clinic_id=e.clinic_id,
                visit_id=e.visit_id,
                action=e.action,
                source=e.source,
            )
            for e in events[:limit]
        ],
        next_offset=offset + limit if len(events) > limit else None,
    )

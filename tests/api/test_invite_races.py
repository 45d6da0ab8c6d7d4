"""Writes that change a visit's invites at the same moment still leave one live link."""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from coproduce.database import session_scope
from coproduce.visits import service as visit_service
from coproduce.visits.models import Invite

WRITERS = 8


def _live_invites(database_url: str, visit_id: str) -> int:
    with session_scope(database_url) as session:
        query = select(func.count()).where(Invite.visit_id == visit_id, Invite.revoked_at.is_(None))
        return int(session.execute(query).scalar_one())


def test_simultaneous_reissues_leave_exactly_one_live_invite(database_url: str) -> None:
    with session_scope(database_url) as session:
        visit, _ = visit_service.create_visit(
            session=session, patient_ref="MRN-1", scheduled_for=None
        )
        visit_id = visit.id
    start = threading.Barrier(WRITERS)
    failures: list[BaseException] = []

    def reissue() -> None:
        try:
            start.wait(timeout=30)  # all at once, each then opening its unit of work
            with session_scope(database_url) as session:
                locked = visit_service.get_visit(
                    session=session, visit_id=visit_id, for_update=True
                )
                assert locked is not None
                visit_service.issue_invite(session=session, visit=locked)
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=reissue) for _ in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert failures == []
    assert _live_invites(database_url, visit_id) == 1

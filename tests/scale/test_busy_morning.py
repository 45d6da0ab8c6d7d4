"""A busy morning on the embedded default: 50 visits booked at once while 50 patients chat.

SQLite allows one writer at a time. Units of work that write begin IMMEDIATE (they queue for
the write lock up front rather than failing half-way) and wait up to 30 s for it, so a clinic
system booking its morning list in parallel loses nothing while patients are talking.
"""

from __future__ import annotations

import pytest

from bench.busy_morning import run

pytestmark = [pytest.mark.e2e, pytest.mark.model]


def test_fifty_creates_and_fifty_chats_at_once_all_succeed() -> None:
    result = run(50)
    assert result["failures"] == {}
    assert result["visits_stored"] == result["visits_expected"] == 100
    assert result["database_is_locked_in_logs"] == 0

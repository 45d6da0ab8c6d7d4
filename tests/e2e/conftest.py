"""One running stack per database backend, shared by the end-to-end tests of a session."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.e2e.servers import Stack, running_stack

ARTIFACTS = os.environ.get("COPRODUCE_TEST_ARTIFACTS", "test-artifacts")


def _backends() -> list:
    params = [pytest.param("sqlite", id="sqlite")]
    postgres = os.environ.get("COPRODUCE_TEST_DATABASE_URL")
    params.append(
        pytest.param(
            postgres or "postgresql",
            id="postgresql",
            marks=[
                pytest.mark.postgres,
                pytest.mark.skipif(not postgres, reason="COPRODUCE_TEST_DATABASE_URL not set"),
            ],
        )
    )
    return params


@pytest.fixture(scope="session", params=_backends())
def stack(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stack]:
    workdir = tmp_path_factory.mktemp(f"stack-{request.param.split(':')[0]}")
    if request.param == "sqlite":
        url = f"sqlite:///{workdir / 'aims.db'}"
    else:
        url = request.param
        from tests.conftest import reset_postgres

        reset_postgres(url)
    with running_stack(workdir, database_url=url) as running:
        yield running

"""The Rasa server's modules are tested as `python -m rasa_server` runs them: patched."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rasa_server import patches


@pytest.fixture(autouse=True, scope="session")
def _rasa_patches_installed() -> Iterator[None]:
    patches.install()
    yield

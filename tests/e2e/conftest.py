"""Settings of the end-to-end tests; their `stack` fixture is in tests/conftest.py (shared)."""

from __future__ import annotations

import os

ARTIFACTS = os.environ.get("COPRODUCE_TEST_ARTIFACTS", "test-artifacts")

"""A stack whose API allows one clinic origin, a page on that origin, and headless Chromium."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.servers import API_TOKEN, ROOT, Stack, free_port, running_stack, start_api, stop

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CLINIC_NAME = "Riverside Surgery"


@pytest.fixture(scope="session")
def host_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def host_origin(host_port: int) -> str:
    # `localhost` against the API's 127.0.0.1: another origin, as a clinic's own site is.
    return f"http://localhost:{host_port}"


@pytest.fixture(scope="session")
def chat_stack(tmp_path_factory: pytest.TempPathFactory, host_origin: str) -> Iterator[Stack]:
    workdir = tmp_path_factory.mktemp("stack-chat")
    extra = {"COPRODUCE_ALLOWED_ORIGINS": host_origin, "COPRODUCE_CLINIC_NAME": CLINIC_NAME}
    with running_stack(
        workdir, database_url=f"sqlite:///{workdir / 'aims.db'}", extra_env=extra
    ) as stack:
        yield stack


@pytest.fixture(scope="session")
def host_site(tmp_path_factory: pytest.TempPathFactory, host_port: int) -> Iterator[Path]:
    """Serve a folder as a clinic's own website, on another origin than the API."""
    root = tmp_path_factory.mktemp("clinic-site")
    handler = partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", host_port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root
    server.shutdown()
    server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    path = Path(ARTIFACTS)
    path.mkdir(parents=True, exist_ok=True)
    return path


AXE = Path(__file__).resolve().parents[2] / "web/widget/node_modules/axe-core/axe.min.js"
#: What must never be found: WCAG failures axe-core rates serious or critical.
BLOCKING = ("serious", "critical")


def axe_problems(page: Any) -> list[str]:
    """Run axe-core (from npm, installed by `make`) on the page; return serious problems.

    The page's context must bypass its Content-Security-Policy so the script can be added.
    axe-core looks inside open shadow roots, so the chat widget is checked too.
    """
    assert AXE.exists(), "axe-core is missing: run `make widget`"
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async () => {
          const result = await axe.run(document, {
            runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                            "wcag22aa", "best-practice"]},
          });
          return result.violations.map(v => ({
            id: v.id, impact: v.impact,
            where: v.nodes.slice(0, 3).map(n => n.target.join(" ")),
          }));
        }"""
    )
    return [f"{v['id']} ({v['impact']}): {v['where']}" for v in found if v["impact"] in BLOCKING]


@contextmanager
def api_only(workdir: Path, seed: Callable[[str], Any]) -> Iterator[tuple[str, Any]]:
    """The API alone on a fresh SQLite database that `seed(database_url)` fills first.

    Yields the API's URL and what `seed` returned; the clinician pages need nothing else.
    """
    from coproduce.database import create_all

    database_url = f"sqlite:///{workdir / 'aims.db'}"
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        "COPRODUCE_ENV": "test",
        "COPRODUCE_DATABASE_URL": database_url,
        "COPRODUCE_API_TOKEN": API_TOKEN,
        "COPRODUCE_SESSION_SECRET": "test-session-secret",
        "COPRODUCE_PUBLIC_URL": f"http://127.0.0.1:{port}",
    }
    create_all(database_url)
    seeded = seed(database_url)
    stack = Stack(
        rasa_url="", api_url=f"http://127.0.0.1:{port}", action_url="", log_dir=workdir, env=env
    )
    try:
        start_api(stack)
        yield stack.api_url, seeded
    finally:
        stop(stack, "api")

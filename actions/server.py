"""The action server: rasa-sdk's executor behind a check that only Rasa may call it.

Run with `python -m actions.server` (what `make run` does). Compared with `rasa run actions`:

- every call but `/health` must carry `Authorization: Bearer <COPRODUCE_ACTION_SECRET>`, which
  Rasa sends from `action_endpoint.headers` in bot/endpoints*.yml; anything else is a 401
  before any action runs;
- it listens on COPRODUCE_HOST (loopback unless a deployment says otherwise);
- a failing action's 500 says nothing of the request (rasa-sdk's echoes the whole tracker);
- it never imports Rasa or TensorFlow: spaCy's thinc would import TensorFlow (installed for
  Rasa) and hold hundreds of MB for nothing, so it is kept out before spaCy is loaded.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
import sys
import threading
import zlib
from typing import Any

logger = logging.getLogger(__name__)


def keep_tensorflow_out() -> None:
    """Make `import tensorflow` fail in this process, so thinc (spaCy) does without it."""
    sys.modules.setdefault("tensorflow", None)  # type: ignore[arg-type]


def authorized(header: str | None, secret: str) -> bool:
    """True when an Authorization header carries the action server's secret."""
    if not header:
        return False
    scheme, _, value = header.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        value.strip().encode(), secret.encode()
    )


def _warm_up() -> None:
    # Build the spaCy pipeline now, so the first patient message is not the slow one.
    from coproduce.nlp import extraction

    extraction.split_items("warm up, please")


def create_app(secret: str, *, warm_up: bool = True) -> Any:
    """Build the Sanic app that runs the actions of the `actions` package."""
    from rasa_sdk import utils
    from rasa_sdk.executor import ActionExecutor
    from rasa_sdk.interfaces import ActionExecutionRejection, ActionNotFoundException
    from sanic import Sanic, response
    from sanic.request import Request
    from sanic.response import HTTPResponse

    app = Sanic("coproduce_actions", configure_logging=False)
    # Longer than aiohttp's 15 s pool keep-alive in Rasa, so the action server never closes
    # a connection Rasa is about to reuse ("Cannot write to closing transport").
    app.config.KEEP_ALIVE_TIMEOUT = 30
    executor = ActionExecutor()
    executor.register_package("actions")

    @app.on_request
    async def authenticate(request: Request) -> HTTPResponse | None:
        if request.path == "/health" or authorized(request.headers.get("authorization"), secret):
            return None
        logger.warning("Refused an action server call without the secret")
        return response.json(
            {"error": "unauthorized", "message": "Send 'Authorization: Bearer <secret>'."},
            status=401,
            headers={"WWW-Authenticate": "Bearer"},
        )

    @app.get("/health")
    async def health(_: Request) -> HTTPResponse:
        return response.json({"status": "ok"})

    @app.post("/webhook")
    async def webhook(request: Request) -> HTTPResponse:
        try:
            raw = request.body or b""
            if request.headers.get("Content-Encoding") == "deflate":
                raw = zlib.decompress(raw)
            action_call = json.loads(raw)
        except (ValueError, zlib.error):
            return response.json({"error": "The body must be a JSON action call."}, status=400)
        if not isinstance(action_call, dict):
            return response.json({"error": "The body must be a JSON object."}, status=400)
        utils.check_version_compatibility(action_call.get("version"))
        try:
            result = await executor.run(action_call)
        except ActionExecutionRejection as rejection:
            body = {"error": rejection.message, "action_name": rejection.action_name}
            return response.json(body, status=400)
        except ActionNotFoundException as missing:
            body = {"error": missing.message, "action_name": missing.action_name}
            return response.json(body, status=404)
        return response.json(result, status=200)

    @app.get("/actions")
    async def actions(_: Request) -> HTTPResponse:
        return response.json([{"name": name} for name in executor.actions])

    @app.exception(Exception)
    async def failed(request: Request, error: Exception) -> HTTPResponse:
        # Never the request: it holds the whole conversation (health data).
        logger.error("An action failed (%s)", type(error).__name__)
        status = int(getattr(error, "status_code", 500) or 500)
        return response.json({"error": "The action failed."}, status=status)

    if warm_up:

        @app.after_server_start
        async def start_warm_up(*_: Any) -> None:
            threading.Thread(target=_warm_up, name="warm-up", daemon=True).start()

    return app


def main() -> None:
    """Start the action server on COPRODUCE_HOST:COPRODUCE_ACTION_PORT."""
    keep_tensorflow_out()
    from coproduce.config import get_settings

    logging.basicConfig(
        level=os.environ.get("LOG_LEVEL", "INFO"),
        format="%(asctime)s %(levelname)-8s %(name)s - %(message)s",
    )
    settings = get_settings()
    secret = settings.require("action_secret")
    app = create_app(secret)
    logger.info("Action server listening on %s:%s", settings.host, settings.action_port)
    app.run(
        host=settings.host,
        port=settings.action_port,
        workers=1,
        access_log=False,
        motd=False,
    )


if __name__ == "__main__":
    main()

"""Tell the clinic about a red flag by webhook, in the background, with retries."""

from __future__ import annotations

import logging
import threading
import time

import httpx

from coproduce.config import get_settings

logger = logging.getLogger(__name__)

RETRY_DELAYS_S = (0.0, 1.0, 4.0, 15.0)


def _deliver(url: str, payload: dict[str, str]) -> None:
    for attempt, delay in enumerate(RETRY_DELAYS_S, start=1):
        time.sleep(delay)
        try:
            response = httpx.post(url, json=payload, timeout=5.0)
            if response.status_code < 500:
                if response.status_code >= 400:
                    logger.error("Red-flag alert refused with HTTP %s", response.status_code)
                return
        except httpx.HTTPError as exc:
            logger.warning("Red-flag alert attempt %s failed: %s", attempt, type(exc).__name__)
    logger.error("Red-flag alert for visit %s not delivered", payload["visit_id"])


def send_alert(
    *, visit_id: str, category: str, urgency: str = "emergency", kind: str = "red_flag"
) -> threading.Thread | None:
    """Post {event, visit_id, category, urgency} (no patient text) to the alert webhook if set."""
    url = get_settings().alert_webhook_url
    if not url:
        return None
    payload = {"event": kind, "kind": kind, "visit_id": visit_id, "category": category}
    if kind == "red_flag":
        payload["urgency"] = urgency
    thread = threading.Thread(target=_deliver, args=(url, payload), daemon=True)
    thread.start()
    return thread

"""A busy morning on the embedded default (SQLite): visits booked in parallel while patients chat.

Starts the real Rasa, action server and API on a fresh SQLite database, then at once: N
clinic-system clients each create a visit (`POST /api/v1/visits`) while N patients each have
the start of a conversation over REST. Prints how many requests failed, by kind and status.

    .venv/bin/python bench/busy_morning.py [--clients 50]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.e2e.servers import API_TOKEN, running_stack

CHAT = ["hi", "yes", "to walk to the shops without stopping", "my garden"]


def run(clients: int) -> dict[str, object]:
    """Run the morning; return the failures and timings."""
    failures: Counter[str] = Counter()
    took: dict[str, list[float]] = {"create": [], "chat": []}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        url = f"sqlite:///{workdir / 'aims.db'}"
        with running_stack(workdir, database_url=url) as stack:
            headers = {"Authorization": f"Bearer {API_TOKEN}"}
            with httpx.Client(base_url=stack.api_url, headers=headers, timeout=120) as api:
                invites = [
                    api.post("/api/v1/visits", json={"patient_ref": f"CHAT-{i}"}).json()
                    for i in range(clients)
                ]

            def create(index: int) -> None:
                try:
                    with httpx.Client(base_url=stack.api_url, headers=headers, timeout=120) as c:
                        began = time.monotonic()
                        response = c.post("/api/v1/visits", json={"patient_ref": f"NEW-{index}"})
                        took["create"].append(time.monotonic() - began)
                    if response.status_code != 201:
                        failures[f"create HTTP {response.status_code}"] += 1
                except httpx.HTTPError as error:
                    failures[f"create {type(error).__name__}"] += 1

            def chat(index: int) -> None:
                sender = f"busy-{index}"
                token = invites[index]["invite_token"]
                with httpx.Client(timeout=180) as c:
                    for text in CHAT:
                        try:
                            began = time.monotonic()
                            response = c.post(
                                f"{stack.rasa_url}/webhooks/rest/webhook",
                                json={
                                    "sender": sender,
                                    "message": text,
                                    "metadata": {"invite_token": token},
                                },
                            )
                            took["chat"].append(time.monotonic() - began)
                            if response.status_code != 200 or not response.json():
                                failures[f"chat HTTP {response.status_code}"] += 1
                        except httpx.HTTPError as error:
                            failures[f"chat {type(error).__name__}"] += 1

            started = time.monotonic()
            with ThreadPoolExecutor(max_workers=clients * 2) as pool:
                jobs = [pool.submit(create, i) for i in range(clients)]
                jobs += [pool.submit(chat, i) for i in range(clients)]
                for job in jobs:
                    job.result()
            elapsed = time.monotonic() - started
            with httpx.Client(base_url=stack.api_url, headers=headers, timeout=60) as api:
                made = 0
                offset: int | None = 0
                while offset is not None:
                    page = api.get("/api/v1/visits", params={"limit": 200, "offset": offset})
                    made += len(page.json()["items"])
                    offset = page.json()["next_offset"]
            database_errors = stack.logs().count("database is locked")
    return {
        "clients": clients,
        "failures": dict(failures),
        "visits_stored": made,
        "visits_expected": clients * 2,
        "database_is_locked_in_logs": database_errors,
        "seconds": round(elapsed, 1),
        "p95_seconds": {kind: _p95(times) for kind, times in took.items()},
    }


def _p95(times: list[float]) -> float:
    ordered = sorted(times)
    return round(ordered[int(0.95 * (len(ordered) - 1))], 2) if ordered else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    args = parser.parse_args()
    result = run(args.clients)
    failed = sum(result["failures"].values())  # type: ignore[union-attr]
    print(
        f"busy morning, {result['clients']} creates + {result['clients']} chats at once: "
        f"{failed} failed {result['failures']}, visits stored {result['visits_stored']}/"
        f"{result['visits_expected']}, 'database is locked' in logs "
        f"{result['database_is_locked_in_logs']}, {result['seconds']} s; p95 per request: "
        f"create {result['p95_seconds']['create']} s, "  # type: ignore[index]
        f"chat turn {result['p95_seconds']['chat']} s"  # type: ignore[index]
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

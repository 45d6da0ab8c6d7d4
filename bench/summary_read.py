"""Summary read latency with 10,000 visits in the database, beside a bare FastAPI route.

.venv/bin/python bench/summary_read.py --database-url postgresql://postgres@127.0.0.1/test
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import print_table, rss_mb, save_json, summarise_ms  # noqa: E402
from tests.e2e.servers import API_TOKEN, VENV_BIN, _wait, free_port  # noqa: E402


def seed(url: str, visits: int) -> list[str]:
    """Fill the database with `visits` completed visits (answers, items, a few red flags)."""
    from sqlalchemy import insert

    from coproduce.aims.models import AnswerItem, RedFlagRecord, TopicAnswer
    from coproduce.database import create_all, get_engine, utcnow
    from coproduce.visits.models import Visit

    create_all(url)
    now = utcnow()
    ids = [str(uuid.uuid4()) for _ in range(visits)]
    topics = [
        "aim",
        "what_matters",
        "illness_burden",
        "treatment_burden",
        "assets",
        "supports",
        "improvement_measure",
    ]
    with get_engine(url).begin() as connection:
        connection.execute(
            insert(Visit),
            [
                {
                    "id": i,
                    "patient_ref": f"MRN-{n}",
                    "status": "completed",
                    "consent_given": True,
                    "patient_confirmed": True,
                    "baseline_rating": n % 11,
                    "flagged": n % 50 == 0,
                    "created_at": now,
                    "updated_at": now,
                }
                for n, i in enumerate(ids)
            ],
        )
        connection.execute(
            insert(TopicAnswer),
            [
                {
                    "visit_id": i,
                    "topic": t,
                    "text": f"the patient's words about {t}",
                    "skipped": False,
                    "updated_at": now,
                }
                for i in ids
                for t in topics
            ],
        )
        connection.execute(
            insert(AnswerItem),
            [
                {
                    "visit_id": i,
                    "topic": "treatment_burden",
                    "position": p,
                    "text": f"item {p}",
                    "category": "medications",
                }
                for i in ids
                for p in range(2)
            ],
        )
        connection.execute(
            insert(RedFlagRecord),
            [
                {
                    "visit_id": i,
                    "category": "chest_pain",
                    "text": "chest pain now",
                    "detected_at": now,
                    "dedupe_key": f"bench:{i}",
                }
                for i in ids[::50]
            ],
        )
    return ids


def timed_gets(client: httpx.Client, paths: list[str]) -> list[float]:
    samples = []
    for path in paths:
        started = time.perf_counter()
        response = client.get(path)
        samples.append(time.perf_counter() - started)
        response.raise_for_status()
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=os.environ.get("COPRODUCE_TEST_DATABASE_URL"))
    parser.add_argument("--visits", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--json")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-summary-"))
    url = args.database_url or f"sqlite:///{work / 'aims.db'}"
    if url.startswith("postgresql"):
        from tests.conftest import reset_postgres

        reset_postgres(url)
    started = time.perf_counter()
    ids = seed(url, args.visits)
    print(
        f"seeded {len(ids)} visits in {time.perf_counter() - started:.1f} s ({url.split('@')[-1]})"
    )
    port = free_port()
    env = {
        **os.environ,
        "COPRODUCE_DATABASE_URL": url,
        "COPRODUCE_API_TOKEN": API_TOKEN,
        "PYTHONPATH": str(ROOT),
    }
    api = subprocess.Popen(
        [
            str(VENV_BIN / "uvicorn"),
            "api.main:app",
            "--port",
            str(port),
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    bare_port = free_port()
    bare_app = subprocess.Popen(
        [
            str(VENV_BIN / "uvicorn"),
            "bench.bare_app:app",
            "--port",
            str(bare_port),
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**env, "BENCH_DATABASE_URL": url},
    )
    try:
        _wait(
            f"http://127.0.0.1:{bare_port}/healthz",
            deadline=time.monotonic() + 120,
            process=bare_app,
            name="bare app",
        )
        _wait(
            f"http://127.0.0.1:{port}/healthz",
            deadline=time.monotonic() + 120,
            process=api,
            name="api",
        )
        picks = random.Random(7).choices(ids, k=args.requests)
        with httpx.Client(
            base_url=f"http://127.0.0.1:{port}",
            timeout=30,
            headers={"Authorization": f"Bearer {API_TOKEN}"},
        ) as client:
            timed_gets(
                client, ["/healthz"] * 50 + [f"/api/v1/visits/{i}/summary" for i in picks[:50]]
            )  # warm up
            bare = timed_gets(client, ["/healthz"] * args.requests)
            summary = timed_gets(client, [f"/api/v1/visits/{i}/summary" for i in picks])
        with httpx.Client(base_url=f"http://127.0.0.1:{bare_port}", timeout=30) as client:
            timed_gets(client, [f"/visits/{i}" for i in picks[:50]])  # warm up
            bare_row = timed_gets(client, [f"/visits/{i}" for i in picks])
        memory = rss_mb(api.pid)
    finally:
        for process in (api, bare_app):
            process.terminate()
            process.wait(timeout=30)
    bare_figures, summary_figures = summarise_ms(bare), summarise_ms(summary)
    row_figures = summarise_ms(bare_row)
    rows = [
        {"case": "bare route, no database (/healthz)", **bare_figures},
        {"case": "bare FastAPI route reading the visit row", **row_figures},
        {
            "case": f"summary read, {len(ids)} visits",
            **summary_figures,
            "p95_vs_row_route": round(summary_figures["p95_ms"] / row_figures["p95_ms"], 2),
            "p95_vs_no_db": round(summary_figures["p95_ms"] / bare_figures["p95_ms"], 2),
        },
    ]
    print_table("Summary read latency (one client, sequential)", rows)
    print(f"API resident memory: {memory} MB")
    save_json(args.json, {"rows": rows, "api_rss_mb": memory, "database": url.split("://")[0]})


if __name__ == "__main__":
    main()

"""Per-turn latency over REST: whole conversations, 1 and 50 concurrent patients.

Beside it, the framework's floor: a bare Rasa model (one intent, one rule, no custom
actions) trained by this script in the same run and served the same way. Prints a table,
saves JSON, never fails on a time.

    .venv/bin/python bench/turns.py [--patients 50] [--json bench/results/turns.json]
"""

from __future__ import annotations

import argparse
import asyncio
import os
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
from tests.e2e.servers import (  # noqa: E402
    RASA_TOKEN,
    VENV_BIN,
    Stack,
    _wait,
    free_port,
    running_stack,
)

SOLO_CONVERSATIONS = 5
CONVERSATION = [
    "hi",
    "yes ok",
    "I want to sort my knee out so I can walk the dog again, mornings are agony",
    "my grandkids, and getting down the allotment",
    "can't sleep for the pain and I've stopped going to the allotment",
    "too many tablets, I never know which to take when, and physio is two buses away",
    "I still do my exercises most days, I'm stubborn",
    "my daughter does my shopping and my neighbour drives me sometimes",
    "if I could walk to the park and back with the dog",
    "about a 3",
    "yes that's right",
]
BARE_DOMAIN = """version: "3.1"
intents: [greet, inform]
responses:
  utter_reply:
    - text: Thank you.
"""
BARE_NLU = """version: "3.1"
nlu:
- intent: greet
  examples: |
    - hi
    - hello
    - good morning
- intent: inform
  examples: |
    - my knee hurts
    - I want to walk the dog
    - too many tablets
    - my daughter helps me
"""
BARE_RULES = """version: "3.1"
rules:
- rule: reply to a greeting
  steps:
  - intent: greet
  - action: utter_reply
- rule: reply to anything said
  steps:
  - intent: inform
  - action: utter_reply
"""
BARE_CONFIG = """recipe: default.v1
language: en
assistant_id: bare
pipeline:
  - name: WhitespaceTokenizer
  - name: CountVectorsFeaturizer
  - name: CountVectorsFeaturizer
    analyzer: char_wb
    min_ngram: 1
    max_ngram: 4
  - name: DIETClassifier
    epochs: 20
    number_of_transformer_layers: 1
    transformer_size: 128
policies:
  - name: RulePolicy
"""


def train_bare(workdir: Path) -> tuple[Path, float]:
    """Train the bare model; return its path and the training time."""
    (workdir / "data").mkdir(parents=True, exist_ok=True)
    (workdir / "domain.yml").write_text(BARE_DOMAIN)
    (workdir / "config.yml").write_text(BARE_CONFIG)
    (workdir / "data" / "nlu.yml").write_text(BARE_NLU)
    (workdir / "data" / "rules.yml").write_text(BARE_RULES)
    started = time.perf_counter()
    subprocess.run(
        [str(VENV_BIN / "rasa"), "train", "--out", "models", "--fixed-model-name", "bare"],
        cwd=workdir,
        check=True,
        capture_output=True,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"},
    )
    return workdir / "models" / "bare.tar.gz", time.perf_counter() - started


async def _conversation(
    client: httpx.AsyncClient, url: str, token: str | None, turns: list[str]
) -> tuple[list[float], int]:
    sender, samples, errors = str(uuid.uuid4()), [], 0
    for text in turns:
        body = {
            "sender": sender,
            "message": text,
            "metadata": {"invite_token": token} if token else {},
        }
        started = time.perf_counter()
        try:
            response = await client.post(url, json=body)
            if response.status_code != 200 or not response.json():
                errors += 1
        except httpx.HTTPError:
            errors += 1
        samples.append(time.perf_counter() - started)
    return samples, errors


async def run_patients(
    url: str, tokens: list[str | None], turns: list[str]
) -> tuple[list[float], int]:
    """Hold one whole conversation per token, all at once; return turn times and errors."""
    async with httpx.AsyncClient(timeout=300) as client:
        results = await asyncio.gather(*(_conversation(client, url, t, turns) for t in tokens))
    return [s for samples, _ in results for s in samples], sum(e for _, e in results)


def _row(name: str, samples: list[float], errors: int, floor: dict | None) -> dict:
    figures = summarise_ms(samples)
    row = {"case": name, **figures, "errors": errors}
    if floor:
        row["p95_ratio"] = round(figures["p95_ms"] / floor["p95_ms"], 2)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--patients", type=int, default=50)
    parser.add_argument("--database-url")
    parser.add_argument("--json")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-turns-"))
    bare_model, bare_train_s = train_bare(work / "bare")
    url = args.database_url or f"sqlite:///{work / 'aims.db'}"
    with running_stack(work / "stack", database_url=url) as stack:
        bare_port = free_port()
        bare = subprocess.Popen(
            [
                str(VENV_BIN / "rasa"),
                "run",
                "--port",
                str(bare_port),
                "--model",
                str(bare_model),
                "--enable-api",
                "--auth-token",
                RASA_TOKEN,
            ],
            cwd=work / "bare",
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"},
        )
        try:
            _wait(
                f"http://127.0.0.1:{bare_port}/status?token={RASA_TOKEN}",
                deadline=time.monotonic() + 300,
                process=bare,
                name="bare rasa",
                check=lambda r: bool(r.json().get("model_file")),
            )
            rows, memory = measure(stack, f"http://127.0.0.1:{bare_port}", args.patients)
            memory["bare_rasa"] = rss_mb(bare.pid)
        finally:
            bare.terminate()
            bare.wait(timeout=30)
    print_table("Per-turn latency over REST (whole conversations)", rows)
    print_table("Resident memory (MB)", [memory])
    print(f"\nbare model training: {bare_train_s:.1f} s")
    save_json(args.json, {"turns": rows, "memory_mb": memory, "bare_train_s": bare_train_s})


def _one_at_a_time(url: str, tokens: list[str | None], turns: list[str]) -> tuple[list[float], int]:
    samples: list[float] = []
    errors = 0
    for token in tokens:
        more, failed = asyncio.run(run_patients(url, [token], turns))
        samples += more
        errors += failed
    return samples, errors


def measure(stack: Stack, bare_url: str, patients: int) -> tuple[list[dict], dict]:
    """Run the four cases and read each service's memory."""
    rest = f"{stack.rasa_url}/webhooks/rest/webhook"
    bare_rest = f"{bare_url}/webhooks/rest/webhook"
    bare_turns = ["hi", *CONVERSATION[2:]]
    asyncio.run(run_patients(bare_rest, [None], bare_turns))  # warm up
    asyncio.run(run_patients(rest, [stack.create_visit()["invite_token"]], CONVERSATION))
    # One patient at a time, several whole conversations in a row, so p95 is not one turn.
    floor_1, floor_1_errors = _one_at_a_time(bare_rest, [None] * SOLO_CONVERSATIONS, bare_turns)
    ours_1, ours_1_errors = _one_at_a_time(
        rest,
        [stack.create_visit()["invite_token"] for _ in range(SOLO_CONVERSATIONS)],
        CONVERSATION,
    )
    floor_n, floor_n_errors = asyncio.run(run_patients(bare_rest, [None] * patients, bare_turns))
    tokens = [stack.create_visit()["invite_token"] for _ in range(patients)]
    ours_n, ours_n_errors = asyncio.run(run_patients(rest, tokens, CONVERSATION))
    f1, fn = summarise_ms(floor_1), summarise_ms(floor_n)
    rows = [
        _row("bare Rasa, 1 patient", floor_1, floor_1_errors, None),
        _row("Coproduce, 1 patient", ours_1, ours_1_errors, f1),
        _row(f"bare Rasa, {patients} patients", floor_n, floor_n_errors, None),
        _row(f"Coproduce, {patients} patients", ours_n, ours_n_errors, fn),
    ]
    memory = {name: rss_mb(process.pid) for name, process in stack.processes.items()}
    return rows, memory


if __name__ == "__main__":
    main()

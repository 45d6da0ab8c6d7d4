"""Print recall, false alarms, category accuracy and timing of the red-flag detector.

Sets: ``eval`` (tests/safety danger.yml + benign.yml, used to tune the rules), ``dev``
(tests/safety/dev.yml, for development) and ``blind`` (bench/data/red_flags_blind.yml, never
used for tuning: only aggregate figures are ever printed for it).

Pipelines: ``rules`` (the spaCy rule detector alone) or ``nlu`` (the trained Rasa model named in
models/current, whose last component applies the rules; a hit is the ``red_flag`` intent).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from tests.safety.evalsets import load_benign, load_danger, load_dev  # noqa: E402

BLIND = ROOT / "bench" / "data" / "red_flags_blind.yml"

# A judge returns the categories it sees in a text, most severe first, and its time in ms.
Judge = Callable[[str], tuple[list[str], float]]


def load_set(name: str) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Return (danger, benign) items of a named evaluation set."""
    if name == "eval":
        return load_danger(), load_benign()
    if name == "dev":
        dev = load_dev()
        return dev["danger"], dev["benign"]
    if name == "dev2":
        items = [
            {k: str(v) for k, v in item.items()}
            for item in yaml.safe_load((ROOT / "tests" / "safety" / "dev2.yml").read_text())
        ]
        return [i for i in items if "category" in i], [i for i in items if "kind" in i]
    document = yaml.safe_load(BLIND.read_text(encoding="utf-8"))
    danger = [{k: str(v) for k, v in item.items()} for item in document["danger"]]
    benign = [{k: str(v) for k, v in item.items()} for item in document["benign"]]
    return danger, benign


def rules_judge() -> tuple[Judge, float]:
    """Return the rule detector as a judge, and its first-call time in ms."""
    from coproduce.safety.detector import detect_red_flags

    warm = time.perf_counter()
    detect_red_flags("warm up the pipeline")
    warmup_ms = (time.perf_counter() - warm) * 1000

    def judge(text: str) -> tuple[list[str], float]:
        start = time.perf_counter()
        flags = detect_red_flags(text + " ")  # a fresh string each run defeats the result cache
        return [flag.category for flag in flags], (time.perf_counter() - start) * 1000

    return judge, warmup_ms


def nlu_judge() -> tuple[Judge, float]:
    """Return the trained Rasa model (models/current) as a judge, and its load time in ms."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ["LOG_LEVEL"] = "ERROR"  # Rasa's debug log would print every parsed text
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p
    )
    import logging

    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.ERROR)
    logging.disable(logging.WARNING)

    name = (ROOT / "models" / "current").read_text(encoding="utf-8").strip()
    start = time.perf_counter()
    agent = Agent.load(str(ROOT / "models" / name))
    loop = asyncio.new_event_loop()
    loop.run_until_complete(agent.parse_message("warm up the pipeline"))
    load_ms = (time.perf_counter() - start) * 1000

    def judge(text: str) -> tuple[list[str], float]:
        begin = time.perf_counter()
        parsed = loop.run_until_complete(agent.parse_message(text))
        elapsed = (time.perf_counter() - begin) * 1000
        if (parsed.get("intent") or {}).get("name") != "red_flag":
            return [], elapsed
        categories = [
            str(e.get("value"))
            for e in parsed.get("entities") or []
            if e.get("entity") == "red_flag_category"
        ]
        return categories or ["unknown"], elapsed

    return judge, load_ms


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)] if ordered else 0.0


def _danger_rows(
    judge: Judge, items: list[dict[str, str]], misses: list[str]
) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[tuple[list[str], float]]] = defaultdict(list)
    for item in items:
        categories, ms = judge(item["text"])
        groups[item["category"]].append((categories, ms))
        if not categories:
            misses.append(f"[{item['category']}] {item['text']}")
    rows = {category: _row(groups[category], category) for category in sorted(groups)}
    every = list(rows.values())
    n = sum(row["n"] for row in every)
    rows["OVERALL"] = {
        "n": n,
        **{
            key: sum(row[key] * row["n"] for row in every) / n
            for key in ("recall", "category_accuracy", "mean_ms")
        },
        "p95_ms": _p95([ms for results in groups.values() for _, ms in results]),
    }
    return rows


def _row(results: list[tuple[list[str], float]], category: str) -> dict[str, Any]:
    n = len(results)
    return {
        "n": n,
        "recall": sum(bool(c) for c, _ in results) / n,
        "category_accuracy": sum(bool(c) and c[0] == category for c, _ in results) / n,
        "mean_ms": statistics.fmean(ms for _, ms in results),
        "p95_ms": _p95([ms for _, ms in results]),
    }


def _benign_rows(
    judge: Judge, items: list[dict[str, str]], alarms: list[str]
) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[tuple[list[str], float]]] = defaultdict(list)
    for item in items:
        categories, ms = judge(item["text"])
        groups[item["kind"]].append((categories, ms))
        if categories:
            alarms.append(f"[{item['kind']} -> {','.join(categories)}] {item['text']}")
    every = [r for results in groups.values() for r in results]
    rows = {}
    for kind, results in [*sorted(groups.items()), ("OVERALL", every)]:
        rows[kind] = {
            "n": len(results),
            "false_alarm_rate": sum(bool(c) for c, _ in results) / len(results),
            "mean_ms": statistics.fmean(ms for _, ms in results),
            "p95_ms": _p95([ms for _, ms in results]),
        }
    return rows


def _print_table(title: str, rows: dict[str, dict[str, Any]], columns: list[str]) -> None:
    print(f"\n{title}")
    print(f"{'':18}" + "".join(f"{column:>18}" for column in columns))
    for name, row in rows.items():
        cells = "".join(
            f"{row[c]:>18d}" if isinstance(row[c], int) else f"{row[c]:>18.3f}" for c in columns
        )
        print(f"{name:18}{cells}")


def main(argv: list[str] | None = None) -> int:
    """Run an evaluation set through a pipeline and print aggregate figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", choices=["eval", "dev", "dev2", "blind"], default="eval")
    parser.add_argument("--pipeline", choices=["rules", "nlu"], default="rules")
    parser.add_argument("--json", type=Path, help="also save the figures to this file")
    parser.add_argument(
        "--show-misses",
        action="store_true",
        help="list missed danger and false alarms (not allowed for the blind set)",
    )
    args = parser.parse_args(argv)
    if args.show_misses and args.set == "blind":
        parser.error("--show-misses is refused for the blind set: keep it blind")
    try:
        judge, warmup_ms = rules_judge() if args.pipeline == "rules" else nlu_judge()
        danger_items, benign_items = load_set(args.set)
        misses: list[str] = []
        alarms: list[str] = []
        danger = _danger_rows(judge, danger_items, misses)
        benign = _benign_rows(judge, benign_items, alarms)
        print(f"set={args.set} pipeline={args.pipeline}")
        _print_table("danger", danger, ["n", "recall", "category_accuracy", "mean_ms", "p95_ms"])
        _print_table("benign", benign, ["n", "false_alarm_rate", "mean_ms", "p95_ms"])
        all_ms = [r["mean_ms"] for r in [*danger.values(), *benign.values()]]
        print(
            f"\nfirst call (builds the pipeline): {warmup_ms:.0f} ms; "
            f"mean of group means: {statistics.fmean(all_ms):.2f} ms"
        )
        if args.show_misses:
            print("\nmissed danger:", *misses, sep="\n  ")
            print("\nfalse alarms:", *alarms, sep="\n  ")
        if args.json:
            figures = {
                "set": args.set,
                "pipeline": args.pipeline,
                "danger": danger,
                "benign": benign,
                "warmup_ms": warmup_ms,
            }
            args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    except Exception as error:  # a benchmark reports, it never fails a build
        print(f"benchmark could not run: {error}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

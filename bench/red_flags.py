"""Print recall, false alarms, category accuracy and timing of the red-flag detector."""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coproduce.safety.detector import RedFlag, detect_red_flags  # noqa: E402
from tests.safety.evalsets import load_benign, load_danger  # noqa: E402


def _timed(text: str) -> tuple[list[RedFlag], float]:
    start = time.perf_counter()
    flags = detect_red_flags(text + " ")  # a fresh string each run defeats the result cache
    return flags, (time.perf_counter() - start) * 1000


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)] if ordered else 0.0


def _danger_rows() -> dict[str, dict[str, Any]]:
    groups: dict[str, list[tuple[str, list[RedFlag], float]]] = defaultdict(list)
    for item in load_danger():
        flags, ms = _timed(item["text"])
        groups[item["category"]].append((item["category"], flags, ms))
    rows = {}
    for category, results in groups.items():
        n = len(results)
        rows[category] = {
            "n": n,
            "recall": sum(bool(flags) for _, flags, _ in results) / n,
            "category_accuracy": sum(
                bool(flags) and flags[0].category == expected for expected, flags, _ in results
            )
            / n,
            "mean_ms": statistics.fmean(ms for *_, ms in results),
            "p95_ms": _p95([ms for *_, ms in results]),
        }
    return rows


def _benign_rows() -> dict[str, dict[str, Any]]:
    groups: dict[str, list[tuple[list[RedFlag], float]]] = defaultdict(list)
    for item in load_benign():
        groups[item["kind"]].append(_timed(item["text"]))
    return {
        kind: {
            "n": len(results),
            "false_alarm_rate": sum(bool(flags) for flags, _ in results) / len(results),
            "mean_ms": statistics.fmean(ms for _, ms in results),
            "p95_ms": _p95([ms for _, ms in results]),
        }
        for kind, results in groups.items()
    }


def _print_table(title: str, rows: dict[str, dict[str, Any]], columns: list[str]) -> None:
    print(f"\n{title}")
    print(f"{'':18}" + "".join(f"{column:>18}" for column in columns))
    for name, row in rows.items():
        cells = "".join(
            f"{row[c]:>18d}" if isinstance(row[c], int) else f"{row[c]:>18.3f}" for c in columns
        )
        print(f"{name:18}{cells}")


def main() -> int:
    """Run the evaluation sets through the detector and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", type=Path, help="also save the figures to this file")
    args = parser.parse_args()
    try:
        warm = time.perf_counter()
        detect_red_flags("warm up the pipeline")
        warmup_ms = (time.perf_counter() - warm) * 1000
        danger, benign = _danger_rows(), _benign_rows()
        all_ms = [r["mean_ms"] for r in [*danger.values(), *benign.values()]]
        _print_table("danger", danger, ["n", "recall", "category_accuracy", "mean_ms", "p95_ms"])
        _print_table("benign", benign, ["n", "false_alarm_rate", "mean_ms", "p95_ms"])
        print(
            f"\nfirst call (builds the pipeline): {warmup_ms:.0f} ms; "
            f"mean of group means: {statistics.fmean(all_ms):.2f} ms"
        )
        if args.json:
            figures = {"danger": danger, "benign": benign, "warmup_ms": warmup_ms}
            args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    except Exception as error:  # a benchmark reports, it never fails a build
        print(f"benchmark could not run: {error}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

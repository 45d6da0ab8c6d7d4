"""Print how the safety assessment treats danger, same-day and look-alike messages.

    .venv/bin/python bench/red_flags.py --set blind
    .venv/bin/python bench/red_flags.py --file bench/data/red_flags_fresh_a.yml --quiet

Sets: ``eval`` (tests/safety danger.yml + benign.yml), ``dev`` (tests/safety/dev.yml), ``dev2``
(tests/safety/dev2.yml), ``blind`` (bench/data/red_flags_blind.yml), or ``--file`` any set with
``danger``/``urgent``/``benign`` lists. Pipelines: ``assess`` (the rules and the classifier, as
the product decides), ``rules`` (the hand-written rules alone).

For danger messages: the share given emergency guidance at once, the share asked the check
question first (whose "yes, it's happening now" leads to the guidance), and the share missed.
For same-day messages: the share given same-day advice, and the share wrongly told to call
999. For look-alikes: false alarms (emergency guidance at once) and checks asked. A patient
who answers the check with "yes" gets the guidance: "reaching guidance" counts both.
"""

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

import yaml  # noqa: E402

BLIND = ROOT / "bench" / "data" / "red_flags_blind.yml"
NAMED = {
    "dev": ROOT / "tests" / "safety" / "dev.yml",
    "dev2": ROOT / "tests" / "safety" / "dev2.yml",
    "blind": BLIND,
}


def load_set(name: str | None, file: Path | None) -> dict[str, list[dict[str, str]]]:
    """Return {"danger": [...], "urgent": [...], "benign": [...]} for a named set or file."""
    if file is not None:
        document: Any = yaml.safe_load(file.read_text(encoding="utf-8"))
    elif name == "eval":
        document = {
            "danger": yaml.safe_load((ROOT / "tests/safety/danger.yml").read_text()),
            "benign": yaml.safe_load((ROOT / "tests/safety/benign.yml").read_text()),
        }
    else:
        document = yaml.safe_load(NAMED[str(name)].read_text(encoding="utf-8"))
    if isinstance(document, list):
        document = {
            "danger": [i for i in document if "category" in i],
            "benign": [i for i in document if "kind" in i],
        }
    return {
        part: [{k: str(v) for k, v in item.items()} for item in document.get(part) or []]
        for part in ("danger", "urgent", "benign")
    }


def judge_with(pipeline: str) -> Any:
    """Return a function text -> level ("emergency" | "check" | "urgent" | "none")."""
    if pipeline == "rules":
        from coproduce.safety.detector import detect_red_flags

        return lambda text: "emergency" if detect_red_flags(text) else "none"
    from coproduce.safety.assess import CHECK, URGENT, assess

    def judge(text: str) -> str:
        found = assess(text)
        # A check whose "no" still gets same-day advice.
        return "check+urgent" if found.level == CHECK and found.fallback == URGENT else found.level

    return judge


def _share(values: list[bool]) -> float:
    return sum(values) / len(values) if values else 0.0


def evaluate(items: dict[str, list[dict[str, str]]], judge: Any) -> dict[str, Any]:
    """Judge every message; return the figures, per category for danger."""
    levels: dict[str, list[tuple[dict[str, str], str]]] = {}
    checked_then_same_day: list[bool] = []
    times: list[float] = []
    for part, rows in items.items():
        levels[part] = []
        for item in rows:
            start = time.perf_counter()
            levels[part].append((item, judge(item["text"] + " ").split("+")[0]))
            if part == "urgent":
                checked_then_same_day.append(judge(item["text"] + " ") == "check+urgent")
            times.append((time.perf_counter() - start) * 1000)
    figures: dict[str, Any] = {"ms_per_message": statistics.fmean(times) if times else 0.0}
    danger = levels["danger"]
    by_category: dict[str, list[str]] = defaultdict(list)
    for item, level in danger:
        by_category[item.get("category", "?")].append(level)
    by_category["OVERALL"] = [level for _, level in danger]
    figures["danger"] = {
        name: {
            "n": len(found),
            "immediate": _share([lv == "emergency" for lv in found]),
            "check": _share([lv == "check" for lv in found]),
            "reaching_guidance": _share([lv in ("emergency", "check") for lv in found]),
            "urgent_only": _share([lv == "urgent" for lv in found]),
            "missed": _share([lv == "none" for lv in found]),
        }
        for name, found in sorted(by_category.items())
    }
    about = defaultdict(list)
    for item, level in danger:
        about[item.get("about", "patient")].append(level in ("emergency", "check"))
    figures["danger_by_about"] = {k: _share(v) for k, v in about.items()}
    urgent = [level for _, level in levels["urgent"]]
    figures["urgent"] = {
        "n": len(urgent),
        "same_day": _share([lv == "urgent" for lv in urgent]),
        "given_999": _share([lv == "emergency" for lv in urgent]),
        "check": _share([lv == "check" for lv in urgent]),
        "same_day_after_check_no": _share(checked_then_same_day),
        "nothing": _share([lv == "none" for lv in urgent]),
    }
    benign = [level for _, level in levels["benign"]]
    figures["benign"] = {
        "n": len(benign),
        "false_alarms": _share([lv == "emergency" for lv in benign]),
        "checks": _share([lv == "check" for lv in benign]),
        "same_day": _share([lv == "urgent" for lv in benign]),
    }
    figures["_levels"] = levels
    return figures


def print_figures(figures: dict[str, Any], *, show: bool) -> None:
    print(f"{'danger':18}{'n':>6}{'immediate':>11}{'check':>8}{'reaching':>10}{'missed':>8}")
    for name, row in figures["danger"].items():
        print(
            f"{name:18}{row['n']:>6}{row['immediate']:>11.3f}{row['check']:>8.3f}"
            f"{row['reaching_guidance']:>10.3f}{row['missed']:>8.3f}"
        )
    about = ", ".join(f"{k} {v:.3f}" for k, v in figures["danger_by_about"].items())
    print(f"reaching guidance by whose danger: {about}")
    urgent = figures["urgent"]
    if urgent["n"]:
        print(
            f"same-day (n={urgent['n']}): same-day advice {urgent['same_day']:.3f}, "
            f"wrongly 999 {urgent['given_999']:.3f}, check {urgent['check']:.3f} (whose 'no' "
            f"gets same-day advice: {urgent['same_day_after_check_no']:.3f}), "
            f"nothing {urgent['nothing']:.3f}"
        )
    benign = figures["benign"]
    print(
        f"look-alikes (n={benign['n']}): false alarms {benign['false_alarms']:.3f}, "
        f"checks {benign['checks']:.3f}, same-day {benign['same_day']:.3f}"
    )
    print(f"{figures['ms_per_message']:.1f} ms per message")
    if show:
        levels = figures["_levels"]
        print("\nmissed danger:")
        for item, level in levels["danger"]:
            if level in ("none", "urgent"):
                print(f"  [{item.get('category')} -> {level}] {item['text']}")
        print("\nfalse alarms and checks on look-alikes:")
        for item, level in levels["benign"]:
            if level in ("emergency", "check"):
                print(f"  [{item.get('kind')} -> {level}] {item['text']}")
        print("\nsame-day messages not given same-day advice:")
        for item, level in levels["urgent"]:
            if level != "urgent":
                print(f"  [{item.get('category')} -> {level}] {item['text']}")


def main(argv: list[str] | None = None) -> int:
    """Run one set through one pipeline and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=["eval", "dev", "dev2", "blind"], default="eval")
    parser.add_argument("--file", type=Path, help="a set file instead of a named set")
    parser.add_argument("--pipeline", choices=["assess", "rules"], default="assess")
    parser.add_argument("--show", action="store_true", help="list the misses (never for blind)")
    parser.add_argument("--quiet", action="store_true", help="figures only, no per-category rows")
    parser.add_argument("--json", type=Path, help="also save the figures here")
    args = parser.parse_args(argv)
    if args.show and args.set == "blind" and args.file is None:
        parser.error("--show is refused for the blind set: keep it blind")
    try:
        items = load_set(args.set, args.file)
        figures = evaluate(items, judge_with(args.pipeline))
        print(f"set={args.file or args.set} pipeline={args.pipeline}")
        if args.quiet:
            figures["danger"] = {"OVERALL": figures["danger"]["OVERALL"]}
        print_figures(figures, show=args.show)
        if args.json:
            figures.pop("_levels")
            args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    except Exception as error:  # a benchmark reports, it never fails a build
        print(f"benchmark could not run: {type(error).__name__}: {error}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

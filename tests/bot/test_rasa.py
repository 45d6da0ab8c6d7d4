"""Rasa's own evaluations on the trained model: test stories and a held-out NLU set."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.e2e.servers import ROOT, current_model

pytestmark = pytest.mark.model
RASA = str(Path(sys.executable).parent / "rasa")
ENV = {
    **os.environ,
    "PYTHONPATH": str(ROOT),
    "TF_CPP_MIN_LOG_LEVEL": "2",
    "RASA_TELEMETRY_ENABLED": "false",
}


def _rasa(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [RASA, *args], cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=900, check=False
    )


def test_test_stories_pass(tmp_path: Path) -> None:
    result = _rasa(
        "test",
        "core",
        "--stories",
        "tests/stories",
        "--model",
        str(current_model()),
        "--out",
        str(tmp_path),
        "--fail-on-prediction-errors",
    )
    report = json.loads((tmp_path / "story_report.json").read_text())
    accuracy = report.get("accuracy") or report.get("weighted avg", {}).get("f1-score")
    print(f"\ntest stories: action accuracy {accuracy}")
    failed = tmp_path / "failed_test_stories.yml"
    failures = failed.read_text() if failed.exists() else ""
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:] + failures
    assert "story:" not in failures or "None of the test stories failed" in failures


def test_held_out_nlu_set(tmp_path: Path) -> None:
    result = _rasa(
        "test",
        "nlu",
        "--nlu",
        "tests/nlu/test_nlu.yml",
        "--model",
        str(current_model()),
        "--out",
        str(tmp_path),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads((tmp_path / "intent_report.json").read_text())
    macro_f1 = report["macro avg"]["f1-score"]
    print(f"\nheld-out NLU intent macro-F1: {macro_f1:.3f}")
    for intent, scores in sorted(report.items()):
        if (
            isinstance(scores, dict)
            and "support" in scores
            and intent not in ("macro avg", "weighted avg", "micro avg")
        ):
            print(f"  {intent:16} f1={scores['f1-score']:.2f} n={scores['support']}")
    assert macro_f1 >= 0.85
    errors_file = tmp_path / "intent_errors.json"
    errors = json.loads(errors_file.read_text()) if errors_file.exists() else []
    control = {"dont_know", "goodbye", "ask_who_sees", "ask_why", "ask_how_long", "bot_challenge"}
    answers_lost = [
        e["text"]
        for e in errors
        if e["intent"] == "inform"
        and e["intent_prediction"]["name"] in control
        and e["intent_prediction"]["confidence"] >= 0.8
    ]
    assert not answers_lost, f"real answers taken for control messages: {answers_lost}"


def test_domain_and_data_are_consistent() -> None:
    domain_intents: set[str] = set()
    for file in (ROOT / "bot" / "domain").glob("*.yml"):
        domain_intents |= set(yaml.safe_load(file.read_text()).get("intents") or [])
    for name in [
        "greet",
        "goodbye",
        "affirm",
        "deny",
        "dont_know",
        "bot_challenge",
        "out_of_scope",
        "red_flag",
    ]:
        assert name in domain_intents

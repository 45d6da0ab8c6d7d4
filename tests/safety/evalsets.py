"""Load the held-out red-flag evaluation sets and the NLU training examples."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

SAFETY_DIR = Path(__file__).parent
ROOT = SAFETY_DIR.parent.parent


def load_danger() -> list[dict[str, str]]:
    """Return the danger phrasings, each with category and text."""
    return _load(SAFETY_DIR / "danger.yml")


def load_benign() -> list[dict[str, str]]:
    """Return the benign look-alikes, each with kind and text."""
    return _load(SAFETY_DIR / "benign.yml")


def _load(path: Path) -> list[dict[str, str]]:
    items: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [{key: str(value) for key, value in item.items()} for item in items]


def squash(text: str) -> str:
    """Lower-case and collapse whitespace, for verbatim comparisons."""
    return re.sub(r"\s+", " ", text).strip().lower()


def nlu_examples() -> list[str]:
    """Return every example sentence from nlu_data/*.yml."""
    examples: list[str] = []
    for path in sorted((ROOT / "nlu_data").glob("*.yml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for block in document.get("nlu") or []:
            for line in str(block.get("examples") or "").splitlines():
                line = line.strip()
                if line.startswith("- "):
                    examples.append(line[2:])
    return examples


def load_dev() -> dict[str, list[dict[str, str]]]:
    """Return the development set: {"danger": [...], "benign": [...]}."""
    document: dict[str, Any] = yaml.safe_load((SAFETY_DIR / "dev.yml").read_text(encoding="utf-8"))
    return {
        part: [{key: str(value) for key, value in item.items()} for item in document[part]]
        for part in ("danger", "benign")
    }


def load_dev2() -> dict[str, list[dict[str, str]]]:
    """Return the second development set (a flat list): {"danger": [...], "benign": [...]}."""
    items = _load(SAFETY_DIR / "dev2.yml")
    return {
        "danger": [item for item in items if "category" in item],
        "benign": [item for item in items if "kind" in item],
    }

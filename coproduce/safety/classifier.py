"""A learned second opinion on urgency, for wording the hand-written rules have never seen.

The rules (`detector.py`) are precise but know only the phrasings someone wrote down. This
classifier is trained by the project's own command (`python -m coproduce.safety.classifier
build/safety`, run by `make model`) on the safety training data in `coproduce/safety/data/`,
with character and word n-grams over normalised words, so misspellings, slang and unseen
word orders still land near the examples. It gives a probability per urgency level and per
danger category; `assess.py` decides what to do with them.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from coproduce import trained
from coproduce.config import PROJECT_ROOT
from coproduce.safety.normalize import words

DATA_DIR = Path(__file__).resolve().parent / "data"
NLU_DIR = PROJECT_ROOT / "nlu_data"
DEFAULT_MODEL_DIR = PROJECT_ROOT / "build" / "safety"
MODEL_FILE = "classifier.joblib"
LEVELS = ("emergency", "urgent", "none")
#: The old team sets are training data too (the blind set is kept out: it stays a measure),
#: and so are the fresh sets once they have been measured and tuned on; the sets still kept
#: as measures (fresh 4, 6, 7 and 8, the blind set, same-day set b) never are.
EXTRA_SOURCES = (
    PROJECT_ROOT / "tests" / "safety" / "danger.yml",
    PROJECT_ROOT / "tests" / "safety" / "benign.yml",
    PROJECT_ROOT / "tests" / "safety" / "dev.yml",
    PROJECT_ROOT / "tests" / "safety" / "dev2.yml",
    *(PROJECT_ROOT / "bench" / "data" / f"red_flags_fresh_{n}.yml" for n in (1, 2, 3, 5)),
    PROJECT_ROOT / "bench" / "data" / "urgent_fresh_a.yml",
)
#: Simulated patients' answers (none is an emergency), from the persona sets already tuned
#: on; set j is kept out as a measure of false alarms on ordinary answers.
PERSONA_SOURCES = tuple(
    PROJECT_ROOT / "bench" / "data" / f"personas_{name}.yml" for name in ("e", "f", "g", "h", "i")
)


@dataclass(frozen=True)
class Example:
    """One training message with its urgency level and (for danger) category."""

    text: str
    level: str
    category: str | None


@dataclass(frozen=True)
class Opinion:
    """The classifier's probabilities for one message."""

    levels: dict[str, float]
    categories: dict[str, float]

    @property
    def emergency(self) -> float:
        """Return the probability that the message is an emergency."""
        return self.levels.get("emergency", 0.0)

    @property
    def urgent(self) -> float:
        """Return the probability that the message is urgent (same day)."""
        return self.levels.get("urgent", 0.0)

    def top_category(self) -> str | None:
        """Return the most likely red-flag category, or None when there are none."""
        if not self.categories:
            return None
        return max(self.categories.items(), key=lambda item: item[1])[0]


def normalised(text: str) -> str:
    """Return the text as the classifier sees it: normalised, lower-case words."""
    return " ".join(word.text for word in words(text or ""))


def _items(document: Any) -> list[Example]:
    """Read any of the set layouts used in this project into examples."""
    examples: list[Example] = []
    if isinstance(document, list):  # a flat list: danger items have a category, look-alikes a kind
        for item in document:
            level = "emergency" if "category" in item else "none"
            examples.append(Example(str(item["text"]), level, item.get("category")))
        return examples
    for key, level in (
        ("emergency", "emergency"),
        ("danger", "emergency"),
        ("urgent", "urgent"),
        ("none", "none"),
        ("benign", "none"),
    ):
        for item in document.get(key) or []:
            category = item.get("category") if level != "none" else None
            examples.append(Example(str(item["text"]), level, category))
    return examples


def nlu_examples() -> list[Example]:
    """Ordinary answers and replies from the NLU data are look-alikes too ("none").

    Without them the classifier sees only alarming sentences, and "my knee, can't get up the
    stairs" looks more like danger than it should. The red_flag intent's examples are
    emergencies.
    """
    examples: list[Example] = []
    for path in sorted(NLU_DIR.glob("*.yml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for block in document.get("nlu") or []:
            intent = block.get("intent")
            if not intent:
                continue
            level = "emergency" if intent == "red_flag" else "none"
            for line in str(block.get("examples") or "").splitlines():
                line = line.strip()
                if line.startswith("- "):
                    examples.append(Example(line[2:].strip(), level, None))
    return examples


def persona_examples(paths: tuple[Path, ...] = PERSONA_SOURCES) -> list[Example]:
    """Every answer a simulated patient gives is an ordinary answer ("none")."""
    examples: list[Example] = []
    for path in paths:
        if not path.exists():
            continue
        for persona in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            for said in (persona.get("answers") or {}).values():
                for text in said if isinstance(said, list) else [said]:
                    if isinstance(text, str) and text.strip():
                        examples.append(Example(text, "none", None))
    return examples


def load_examples(sources: tuple[Path, ...] | None = None) -> list[Example]:
    """Return every training example: the safety data, the team sets, NLU and persona answers."""
    paths = [*sorted(DATA_DIR.glob("*.yml")), *(sources or EXTRA_SOURCES)]
    examples: list[Example] = [*nlu_examples(), *persona_examples()]
    for path in paths:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.name == "danger.yml":
            document = {"danger": document}
        elif path.name == "benign.yml":
            document = {"benign": document}
        examples += _items(document)
    return examples


def _pipeline() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    features = FeatureUnion(
        [
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True
                ),
            ),
            (
                "words",
                TfidfVectorizer(
                    analyzer="word",
                    ngram_range=(1, 3),
                    min_df=1,
                    sublinear_tf=True,
                    token_pattern=r"[a-z0-9']+",  # noqa: S106  (a regex, not a password)
                ),
            ),
        ]
    )
    model = LogisticRegression(C=8.0, class_weight="balanced", max_iter=3000)
    return Pipeline([("features", features), ("model", model)])


def fingerprint(examples: list[Example]) -> str:
    """Return a short hash of the training data, to know when the model must be rebuilt."""
    digest = hashlib.sha256()
    for example in examples:
        digest.update(f"{example.level}|{example.category}|{example.text}\n".encode())
    return digest.hexdigest()[:12]


def train(examples: list[Example]) -> dict[str, Any]:
    """Fit the urgency and category models; return them with their fingerprint."""
    texts = [normalised(e.text) for e in examples]
    levels = _pipeline().fit(texts, [e.level for e in examples])
    danger = [(t, e.category) for t, e in zip(texts, examples, strict=True) if e.category]
    categories = _pipeline().fit([t for t, _ in danger], [c for _, c in danger])
    return {"levels": levels, "categories": categories, "fingerprint": fingerprint(examples)}


def save(bundle: dict[str, Any], directory: Path) -> Path:
    """Write the trained models to `directory`."""
    return trained.save(bundle, directory, MODEL_FILE, bundle["fingerprint"])


@lru_cache(maxsize=2)
def load(directory: str | None = None) -> dict[str, Any] | None:
    """Return the trained models, or None when they have not been built."""
    bundle: dict[str, Any] | None = trained.load(Path(directory or DEFAULT_MODEL_DIR) / MODEL_FILE)
    return bundle


def opinion(text: str, directory: str | None = None) -> Opinion | None:
    """Return the classifier's probabilities for a message (None if no model is built)."""
    bundle = load(directory)
    if bundle is None or not text or not text.strip():
        return None
    clean = normalised(text)
    levels_model, categories_model = bundle["levels"], bundle["categories"]
    levels = dict(
        zip(levels_model.classes_, levels_model.predict_proba([clean])[0].tolist(), strict=True)
    )
    categories = dict(
        zip(
            categories_model.classes_,
            categories_model.predict_proba([clean])[0].tolist(),
            strict=True,
        )
    )
    return Opinion({str(k): float(v) for k, v in levels.items()}, categories)


def main(argv: list[str] | None = None) -> int:
    """Train the classifier into a folder (default build/safety) unless it is up to date."""
    parser = argparse.ArgumentParser(description="Train the safety classifier.")
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_MODEL_DIR)
    args = parser.parse_args(argv)
    examples = load_examples()
    current = fingerprint(examples)
    if trained.is_current(args.directory, current):
        print(f"Safety classifier up to date: {args.directory / MODEL_FILE}")
        return 0
    path = save(train(examples), args.directory)
    counts = {level: sum(e.level == level for e in examples) for level in LEVELS}
    print(f"Trained the safety classifier on {len(examples)} examples {counts}: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A learned second opinion on a treatment burden's domain, for wording the rules never saw.

The rules in `burden.py` name a domain from the words an item uses; where a patient's wording
is one they have not met, they fall back on the nearest domain word or on "other". This
classifier learns how people file burdens from `data/burden_examples.yml` (burdens labelled by
the persona writers, written by `scripts/burden_examples.py`), with word and character n-grams
so that misspellings and new word orders land near the examples. It is trained by the
project's own command (`python -m coproduce.nlp.burden_domains build/burden`, run by
`make model`) and overrides the rules only when it is much surer of another domain than of
theirs. Measured leave-one-set-out over the 34 labelled sets (3,755 burdens; the rules were
tuned on all of them, the classifier never on the set it is scored on), the rules alone file
3,233 under the writer's domain and the rules with this second opinion 3,297.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from coproduce import trained
from coproduce.config import PROJECT_ROOT

EXAMPLES = Path(__file__).resolve().parent / "data" / "burden_examples.yml"
DEFAULT_MODEL_DIR = PROJECT_ROOT / "build" / "burden"
MODEL_FILE = "classifier.joblib"
#: How much surer of its own domain than of the rules' the classifier must be to override them:
#: less where the rules found no domain word and fell back on "other", more where they named one.
MARGIN_OVER_OTHER = 0.4
MARGIN_OVER_NAMED = 0.7
#: Money is named in so many words, so the rules alone say what is a cost and what is not.
_RULES_ONLY = "costs"
#: A few words ("my water tablets") are too little context to overrule a named domain word.
_FEWEST_WORDS = 4


def load_examples(path: Path = EXAMPLES) -> list[tuple[str, str]]:
    """Return the labelled burdens as (text, domain) pairs."""
    rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [(str(row["text"]), str(row["category"])) for row in rows]


def _seen_as(text: str) -> str:
    return " ".join(text.lower().split())


def _pipeline() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    features = FeatureUnion(
        [
            ("words", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)),
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(3, 5), min_df=3, sublinear_tf=True
                ),
            ),
        ]
    )
    return Pipeline([("features", features), ("model", LogisticRegression(C=8.0, max_iter=3000))])


def fingerprint(examples: list[tuple[str, str]]) -> str:
    """Return a short hash of the training data, to know when the model must be rebuilt."""
    digest = hashlib.sha256()
    for text, domain in examples:
        digest.update(f"{domain}|{text}\n".encode())
    return digest.hexdigest()[:12]


def train(examples: list[tuple[str, str]]) -> dict[str, Any]:
    """Fit the classifier; return it with its training data's fingerprint."""
    model = _pipeline().fit([_seen_as(t) for t, _ in examples], [d for _, d in examples])
    return {"model": model, "fingerprint": fingerprint(examples)}


@lru_cache(maxsize=2)
def load(directory: str | None = None) -> Any | None:
    """Return the trained classifier, or None when it has not been built."""
    bundle = trained.load(Path(directory or DEFAULT_MODEL_DIR) / MODEL_FILE)
    return None if bundle is None else bundle["model"]


def settled_domain(
    text: str,
    found: str,
    *,
    named: bool = True,
    treats: bool = True,
    directory: str | None = None,
) -> str:
    """Return the domain for a burden the rules filed under `found`.

    The classifier's domain wins only when its probability beats that of `found` by the
    margin: lower when the rules fell back on "other" because the item `named` no domain
    word. A side effect is a treatment's effect, so an item that names no treatment or
    effect (`treats` is False: "the GP made me feel like a time waster") never becomes one.
    Without a built classifier the rules' domain stands.
    """
    model = load(directory)
    if model is None or found == _RULES_ONLY or len(text.split()) < _FEWEST_WORDS:
        return found
    chances = dict(zip(model.classes_, model.predict_proba([_seen_as(text)])[0], strict=True))
    best = max(chances, key=chances.__getitem__)
    margin = MARGIN_OVER_NAMED if named else MARGIN_OVER_OTHER
    if best == _RULES_ONLY or (best == "side_effects" and not treats):
        return found
    if chances[best] - chances.get(found, 0.0) > margin:
        return str(best)
    return found


def main(argv: list[str] | None = None) -> int:
    """Train the classifier into a folder (default build/burden) unless it is up to date."""
    parser = argparse.ArgumentParser(description="Train the treatment-burden domain classifier.")
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_MODEL_DIR)
    args = parser.parse_args(argv)
    examples = load_examples()
    current = fingerprint(examples)
    if trained.is_current(args.directory, current):
        print(f"Burden domain classifier up to date: {args.directory / MODEL_FILE}")
        return 0
    trained.save(train(examples), args.directory, MODEL_FILE, current)
    print(f"Trained the burden domain classifier on {len(examples)} examples: {args.directory}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

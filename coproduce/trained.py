"""Models trained by the project's own commands (`make model`), kept under build/.

Each is saved with a fingerprint of its training data beside it, so a build is skipped while
the data has not changed, and loaded once per process.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FINGERPRINT_FILE = "meta.json"


def is_current(directory: Path, fingerprint: str) -> bool:
    """True when the model in `directory` was trained on data with this fingerprint."""
    meta = directory / FINGERPRINT_FILE
    return meta.exists() and json.loads(meta.read_text()).get("fingerprint") == fingerprint


def save(bundle: Any, directory: Path, file_name: str, fingerprint: str) -> Path:
    """Write a trained model and its data's fingerprint to `directory`; return the model's path."""
    import joblib

    directory.mkdir(parents=True, exist_ok=True)
    path = directory / file_name
    joblib.dump(bundle, path)
    (directory / FINGERPRINT_FILE).write_text(json.dumps({"fingerprint": fingerprint}))
    return path


def load(path: Path) -> Any | None:
    """Return the model saved at `path`, or None when it has not been built."""
    import joblib

    if not path.exists():
        return None
    return joblib.load(path)

"""Train the Rasa model only when its inputs changed; print the model's path."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "models"
INPUTS = [
    "config.yml",
    "bot/domain",
    "bot/data",
    "nlu_data",
    "coproduce/nlp",
    "coproduce/safety",
    "requirements.lock",
    "scripts/augment_nlu.py",
]


def fingerprint() -> str:
    digest = hashlib.sha256()
    for entry in INPUTS:
        path = ROOT / entry
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file() and file.suffix in (".yml", ".yaml", ".py", ".lock", ".json"):
                digest.update(str(file.relative_to(ROOT)).encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


# The custom actions send most responses by name, which Rasa's validator cannot see, so it
# warns that they are "not used in any story or rule"; tests/bot/test_responses_used.py
# checks each one is really sent. Those warnings are counted here instead of printed.
_UNUSED_WARNING = "is not used in any story or rule"


def _run_quietly(command: list[str], env: dict[str, str]) -> int:
    """Run Rasa, passing its output through except the unused-response warnings."""
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert process.stdout is not None
    hidden = 0
    for line in process.stdout:
        if _UNUSED_WARNING in line:
            hidden += 1
            continue
        if line.strip() in ("\x1b[0m", ""):
            continue
        sys.stdout.write(line)
        sys.stdout.flush()
    if hidden:
        print(
            f"({hidden} responses are sent by the custom actions, which Rasa's validator does "
            "not see; tests/bot/test_responses_used.py checks that each one is used.)"
        )
    return process.wait()


def main() -> int:
    name = f"coproduce-{fingerprint()}"
    model = MODELS / f"{name}.tar.gz"
    if model.exists():
        print(f"Model up to date: {model.relative_to(ROOT)}")
    else:
        print(f"Training {model.relative_to(ROOT)}...", flush=True)
        rasa = ROOT / ".venv" / "bin" / "rasa"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "TF_CPP_MIN_LOG_LEVEL": "2"}
        augmented = ROOT / "build" / "nlu"
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "scripts" / "augment_nlu.py"),
                str(augmented / "augmented.yml"),
            ],
            cwd=ROOT,
            check=True,
        )
        command = [
            str(rasa),
            "train",
            "--config",
            "config.yml",
            "--domain",
            "bot/domain",
            "--data",
            "nlu_data",
            str(augmented),
            "bot/data",
            "--out",
            "models",
            "--fixed-model-name",
            name,
        ]
        returncode = _run_quietly(command, env)
        if returncode != 0 or not model.exists():
            print("Training failed.", file=sys.stderr)
            return 1
    (MODELS / "current").write_text(f"{model.name}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

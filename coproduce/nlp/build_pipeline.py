"""Write the Coproduce spaCy pipeline to disk for Rasa's ``SpacyNLP`` component.

Usage: ``python -m coproduce.nlp.build_pipeline build/spacy/coproduce_en``
"""

from __future__ import annotations

import argparse
from pathlib import Path

from coproduce.nlp.pipeline import build_nlp


def write_pipeline(*, out_dir: Path) -> Path:
    """Build the pipeline and save it to ``out_dir``; return the directory."""
    out_dir.mkdir(parents=True, exist_ok=True)
    build_nlp().to_disk(out_dir)
    return out_dir


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and write the pipeline."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="directory to write the pipeline to")
    args = parser.parse_args(argv)
    path = write_pipeline(out_dir=args.out_dir)
    print(f"wrote spaCy pipeline to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

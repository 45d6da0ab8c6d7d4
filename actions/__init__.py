"""Rasa custom actions of Coproduce, one module per flow (rasa-sdk registers them all)."""

import threading


def _warm_up() -> None:
    # Build the spaCy pipelines now, so the first patient message is not the slow one.
    from coproduce.nlp import extraction
    from coproduce.safety.detector import detect_red_flags

    detect_red_flags("warm up")
    extraction.split_items("warm up, please")


threading.Thread(target=_warm_up, name="warm-up", daemon=True).start()

"""Patient text never reaches Rasa's structlog output, at any level (DEBUG included)."""

from __future__ import annotations

import io

import structlog

from rasa_server import logs


def test_every_field_that_can_hold_patient_text_is_withheld() -> None:
    event = {"event": "processor.message", "text": "my chest hurts", "slot_values": {"aim": "x"}}
    cleaned = logs.withhold_patient_text(None, "debug", dict(event))
    assert cleaned == {
        "event": "processor.message",
        "text": logs.REDACTED,
        "slot_values": logs.REDACTED,
    }


def test_a_debug_line_through_the_installed_pipeline_holds_no_patient_text() -> None:
    saved = structlog.get_config()
    stream = io.StringIO()
    try:
        structlog.configure(
            processors=[structlog.processors.KeyValueRenderer()],
            logger_factory=structlog.PrintLoggerFactory(stream),
            wrapper_class=structlog.make_filtering_bound_logger(0),  # DEBUG and up
        )
        logs.install()
        logs.install()  # idempotent
        assert structlog.get_config()["processors"].count(logs.withhold_patient_text) == 1
        structlog.get_logger().debug("nlu.parse", text="I took all my tablets", user_text="help")
    finally:
        structlog.configure(**saved)
    written = stream.getvalue()
    assert "nlu.parse" in written
    assert "tablets" not in written and "help" not in written

"""Make Rasa 3.6 check action-server replies with a validator compiled once.

Rasa's RemoteAction calls `jsonschema.validate` on every action-server reply, which checks
the (constant) response schema against the meta-schema each time: about half of the Rasa
server's CPU per turn in our profile (py-spy, bench/turns.py). The reply is still fully
validated, by the same schema; only the repeated schema check is skipped.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jsonschema import ValidationError, validators
from jsonschema.exceptions import best_match
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@lru_cache(maxsize=1)
def _validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    error = best_match(_validator().iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response "
            f"from the Action endpoint is valid. For more information see {DOCS_BASE_URL}"
            "/custom-actions"
        )
        raise error
    return True


def install() -> None:
    """Replace RemoteAction's per-reply schema check by the compiled validator (idempotent)."""
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]


__all__ = ["ValidationError", "install"]

"""Patient text made safe to show: no characters that reorder or hide what is displayed."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from markupsafe import Markup

# Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) can make
# text display reversed or out of order ("\u202eevil" shows as "live"); zero-width spaces,
# word joiners and byte-order marks hide where text really is. Joiners that shape emoji and
# scripts (U+200C, U+200D) and the plain direction marks stay.
_HIDDEN = re.compile("[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]")


def shown(text: str) -> str:
    """Return text as it may be displayed: without bidi overrides or zero-width characters."""
    return _HIDDEN.sub("", text)


def finalize(value: Any) -> Any:
    """Jinja `finalize` hook: every string a template prints is shown() first."""
    if isinstance(value, Markup):
        return Markup(shown(str(value)))  # noqa: S704  (already-safe markup, characters removed)
    return shown(value) if isinstance(value, str) else value


def long_day(value: date | datetime | None) -> str:
    """A day as people read it on a page: "Tuesday 1 December 2026"."""
    return "" if value is None else f"{value:%A} {value.day} {value:%B %Y}"

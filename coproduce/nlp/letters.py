"""An answer written as a letter: its greeting and sign-off are neither answers nor items.

"Dear Sir or Madam, ... Yours faithfully, E. Whitcombe" is read as what lies between: by the
yes/no reader (`yes_no.py`) and by every extraction of items.
"""

from __future__ import annotations

import re

# A line that is only a greeting ("Dear Sir or Madam,", "Hi Doctor,"): "Dear me, my knee" and
# "hi is this the right link?" are not one.
_GREETING = re.compile(
    r"^[ \t]*(?:dear(?: [\w.'-]+){1,4}|to whom it may concern|(?:hello|hi|hiya)(?: [\w.'-]+){0,2})"
    r"[ \t]*[,:!]?[ \t]*$\n?",
    re.IGNORECASE | re.MULTILINE,
)
# From a line that opens with a closing phrase to the end: the sign-off and the name under it.
_SIGN_OFF = re.compile(
    r"^[ \t]*(?:yours (?:faithfully|sincerely|truly)|kind regards|best regards|warm regards|"
    r"best wishes|regards|many thanks|thanks again|with thanks|all the best)\b.*\Z",
    re.IGNORECASE | re.MULTILINE | re.DOTALL,
)


def letter_body(text: str) -> str:
    """Return an answer without a letter's greeting and sign-off (unchanged when that is all)."""
    return _SIGN_OFF.sub("", _GREETING.sub("", text)).strip() or text

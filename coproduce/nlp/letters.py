"""How an answer is read before any rule looks at it: a letter's frame, dictated punctuation.

"Dear Sir or Madam, ... Yours faithfully, E. Whitcombe" is read as what lies between; a
message dictated to a phone ("yes that's fine full stop") is read with the punctuation it
names ("yes that's fine."). Used by the yes/no reader (`yes_no.py`) and by every extraction
of items; the stored text stays as the patient sent it.
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


# Punctuation said aloud to voice typing. "Period" and "colon" are left alone: they are also
# health words.
_DICTATED = {
    "full stop": ".",
    "full-stop": ".",
    "comma": ",",
    "question mark": "?",
    "exclamation mark": "!",
    "exclamation point": "!",
    "semicolon": ";",
    "new line": "\n",
    "new paragraph": "\n",
}
_DICTATED_WORD = re.compile(
    r"[ \t]*\b(" + "|".join(re.escape(w) for w in _DICTATED) + r")\b", re.IGNORECASE
)


def undictate(text: str) -> str:
    """Return a dictated message with the punctuation it names ("fine comma ok": "fine, ok")."""
    return _DICTATED_WORD.sub(lambda m: _DICTATED[m.group(1).lower()], text)


def letter_body(text: str) -> str:
    """Return an answer without a letter's greeting and sign-off, dictation read as punctuation.

    Unchanged when the greeting and sign-off are all there is.
    """
    text = undictate(text)
    return _SIGN_OFF.sub("", _GREETING.sub("", text)).strip() or text

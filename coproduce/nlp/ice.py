"""Split the answer about worries into the worry itself and the patient's idea of the cause.

"Is anything worrying you about this, or do you have any thoughts on what's causing it?" draws
both in one breath: "scared it's cancer, I think it's the new tablets". Clauses that give a
cause ("I think it's...", "maybe because...", "could be the...", "since I started...") are
ideas; the rest are concerns (ICE: ideas, concerns, expectations).
"""

from __future__ import annotations

import re

_CAUSE = re.compile(
    r"\b(?:i think (?:it'?s|it is|it was|it might|it could|its)|(?:it'?s|its|it is) probably|"
    r"might be|could be|must be|probably (?:the|my|from|because|due)|maybe (?:it'?s|its|the|my|"
    r"because|from|due)|because of|caused by|due to|from (?:the|my) (?:new |old )?|since i "
    r"(?:started|stopped|changed|moved|had)|after (?:i |the |my )|i reckon|my theory|i blame|"
    r"down to|to do with|the cause)\b",
    re.IGNORECASE,
)
_CLAUSES = re.compile(r"(?<=[.!?;])\s+|,\s*(?:and |but )?|\s+(?:but|and also|also)\s+")


def split_concerns(text: str | None) -> tuple[str | None, str | None]:
    """Return (concerns, ideas) from the answer, each in the patient's words (or None)."""
    cleaned = (text or "").strip()
    if not cleaned:
        return None, None
    clauses = [c.strip(" ,.") for c in _CLAUSES.split(cleaned) if c and c.strip(" ,.")]
    ideas = [c for c in clauses if _CAUSE.search(c)]
    concerns = [c for c in clauses if c not in ideas]
    if not ideas:
        return cleaned, None
    return (", ".join(concerns) or None), ", ".join(ideas)

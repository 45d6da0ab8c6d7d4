"""Write coproduce/nlp/data/burden_examples.yml: treatment burdens labelled with their domain.

The labels are the persona writers' own: each simulated patient's expected treatment burdens
(bench/data/personas_*.yml, `expect.treatment_burdens`) name a domain, and the burden is found
in the item the extractor cut from that patient's first answer. The sets still kept as
measures (HELD_OUT) are never read, so the learned domains can be measured on them.

    .venv/bin/python scripts/burden_examples.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from personas import CATEGORY_SYNONYMS, has_words  # noqa: E402

from coproduce.nlp.burden import BURDEN_CATEGORIES, extract_treatment_burdens  # noqa: E402
from coproduce.nlp.burden_domains import EXAMPLES  # noqa: E402

#: Persona sets kept as measures of the learned domains: never training data.
HELD_OUT = frozenset({"z", "ac", "ah", "al", "am", "ap", "ar", "at"})


def _labelled(persona: dict) -> list[tuple[str, str]]:
    """The persona's expected burdens as (item text, writer's domain), one item each."""
    answers = (persona.get("answers") or {}).get("treatment_burden") or []
    expected = (persona.get("expect") or {}).get("treatment_burdens") or []
    if not answers or not expected:
        return []
    items = [b.text for b in extract_treatment_burdens(str(answers[0]))]
    free = list(range(len(items)))
    found = []
    for burden in expected:
        if not isinstance(burden, dict) or not burden.get("category"):
            continue
        domain = CATEGORY_SYNONYMS.get(burden["category"], burden["category"])
        hit = next((i for i in free if has_words(items[i], burden.get("words") or [])), None)
        if hit is None or domain not in BURDEN_CATEGORIES:
            continue
        free.remove(hit)
        found.append((items[hit], domain))
    return found


def main() -> int:
    """Collect the labelled burdens from every set not held out and write them."""
    examples: dict[tuple[str, str], None] = {}
    sets = []
    for path in sorted((ROOT / "bench" / "data").glob("personas_*.yml")):
        name = path.stem.removeprefix("personas_")
        if name in HELD_OUT:
            continue
        sets.append(name)
        for persona in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            for text, domain in _labelled(persona):
                examples[(text.strip(), domain)] = None
    header = (
        "# Treatment burdens labelled with their domain by the persona writers (sets "
        f"{', '.join(sets)}).\n# Written by scripts/burden_examples.py; edit a label here "
        "to teach coproduce/nlp/burden_domains.py.\n"
    )
    rows = [{"text": text, "category": domain} for text, domain in examples]
    body = yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=100)
    EXAMPLES.write_text(header + body, encoding="utf-8")
    print(f"wrote {len(rows)} labelled burdens from {len(sets)} sets to {EXAMPLES}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

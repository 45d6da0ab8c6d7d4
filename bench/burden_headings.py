"""How often our treatment-burden headings agree with the ones persona writers chose.

Each persona set's writer filed every treatment burden they expected under a heading
(medications, appointments, side effects...). For each, this finds the item of the stored
answer that holds the writer's key words (split as the product splits it) and compares the
heading the product gives that item with the writer's. Self-care is counted as "other", as the
persona runner scores it. No stack is started: only the extraction code runs.

    PYTHONPATH=. .venv/bin/python bench/burden_headings.py                  # every set
    PYTHONPATH=. .venv/bin/python bench/burden_headings.py --exclude w x    # leave sets out
    PYTHONPATH=. .venv/bin/python bench/burden_headings.py --confusions 15  # what differs most
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

import yaml

from bench.personas import CATEGORY_SYNONYMS, has_words
from coproduce.nlp import burden
from coproduce.nlp.letters import letter_body
from coproduce.nlp.pipeline import get_nlp
from coproduce.nlp.segment import item_spans

DATA = Path(__file__).parent / "data"


def headings(exclude: set[str]) -> list[tuple[str, str, str, str]]:
    """(set, item text, our heading, the writer's heading) for every burden found."""
    nlp = get_nlp()
    found = []
    for path in sorted(DATA.glob("personas_*.yml")):
        label = re.sub(r"^personas_", "", path.stem)
        if label in exclude:
            continue
        for persona in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            expected = (persona.get("expect") or {}).get("treatment_burdens") or []
            answers = (persona.get("answers") or {}).get("treatment_burden") or []
            if not expected or not answers:
                continue
            doc = nlp(letter_body(max(answers, key=len)))
            items = [span for span in item_spans(doc) if span.text.strip()]
            for item in expected:
                if not isinstance(item, dict) or not item.get("category"):
                    continue
                words = [str(w) for w in item.get("words") or []]
                span = next((s for s in items if has_words(s.text, words)), None)
                if span is None:
                    continue
                theirs = str(CATEGORY_SYNONYMS.get(item["category"], item["category"]))
                found.append((label, span.text, burden.burden_category(span), theirs))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exclude", nargs="*", default=[], help="set labels to leave out")
    parser.add_argument("--confusions", type=int, default=0, help="print the N commonest")
    args = parser.parse_args()
    rows = headings(set(args.exclude))
    agree = sum(ours == theirs for _, _, ours, theirs in rows)
    sets = sorted({label for label, *_ in rows})
    print(f"{len(rows)} burdens in {len(sets)} sets: headings agree {agree / len(rows):.1%}")
    for label in sets:
        mine = [r for r in rows if r[0] == label]
        same = sum(ours == theirs for _, _, ours, theirs in mine)
        print(f"  {label}: {same}/{len(mine)} ({same / len(mine):.1%})")
    if args.confusions:
        differ = Counter((ours, theirs) for _, _, ours, theirs in rows if ours != theirs)
        for (ours, theirs), count in differ.most_common(args.confusions):
            print(f"  ours {ours:16} writers {theirs:16} {count}")


if __name__ == "__main__":
    main()

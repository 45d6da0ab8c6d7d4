"""Compare the project's hand-written scope rules with medspaCy ConText and negspacy NegEx.

    <overlay venv>/bin/python bench/scope_compare.py [--json out.json]

medspaCy and negspacy are not project dependencies (they were kept out on these figures), so
this runs in an overlay venv that sees the project's packages: see
docs/safety-scope-comparison.md for the three commands that make one.

Runs the project's red-flag detector (coproduce/safety/detector.py, the "rules" pipeline of
bench/red_flags.py) over each set in several modes that differ only in how a pattern hit's
scope is decided:

  A  scope.py        the detector as it is (hand-written scope.py)
  0  no scope        every pattern hit counts (the ceiling for danger caught, and the false
                     alarms a scope layer has to remove)
  B1 ConText+vetoes  medspaCy ConText (default rules) decides negated / historical /
                     hypothetical / family; the project's non-ConText vetoes are kept
                     (figurative, category_veto, clinical, habitual)
  B2 ConText alone   ConText only; no project veto at all
  B3 ConText+vet+unc B1, and ConText's is_uncertain ("worried about", "possible") also drops
  B4 ConText+vet+prune  B1 with ConText(prune_on_target_overlap=True): cues inside the matched
                     phrase ("won't stop bleeding", "better off without me") are ignored
  B5 B4,keep family  B4, but is_family does not drop (the project counts a carer's report of
                     another person's current danger as danger)
  C  NegEx+scope.py  negspacy NegEx (en_clinical termset) replaces negated_before and
                     negated_after; the rest of scope.py unchanged
  C2 C,keep neg_after  NegEx replaces negated_before only (the project's "chest pain? no"
                     check across the next sentence stays)

Nothing in the repository is modified: the script monkeypatches detector._is_current (B) or
scope.negated_before / scope.negated_after (C) in this process only. The libraries run on the
project's normalised sentence text (the text scope.py sees), each hit given as a target span,
one sentence per doc, over spacy.blank("en") + sentencizer.

Metrics per set: danger caught = share of danger messages with any current hit; false alarms
= share of benign look-alikes with any current hit, also per benign `kind`; ms per message.
Example texts are only printed for dev, dev2 and eval (never for blind or fresh_1).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
parser.add_argument("--json", type=Path, default=None)
parser.add_argument("--examples", type=int, default=40, help="disagreements to print")
ARGS = parser.parse_args()
ROOT = ARGS.root.resolve()
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402
from medspacy.context import ConText  # noqa: E402
from negspacy.negation import Negex  # noqa: E402
from negspacy.termsets import termset  # noqa: E402

from bench.red_flags import load_set  # noqa: E402
from coproduce.safety import detector, scope  # noqa: E402

SETS: list[tuple[str, str | None, Path | None]] = [
    ("dev", "dev", None),
    ("dev2", "dev2", None),
    ("blind", "blind", None),
    ("fresh_1", None, ROOT / "bench" / "data" / "red_flags_fresh_1.yml"),
    ("eval", "eval", None),
]
SHOWABLE = {"dev", "dev2", "eval"}

# --- medspaCy ConText -------------------------------------------------------------------------
CTX_NLP = spacy.blank("en")
CTX_NLP.add_pipe("sentencizer")
CONTEXTS = {
    prune: ConText(
        CTX_NLP,
        rules="default",
        input_span_type="group",
        span_group_name="targets",
        prune_on_target_overlap=prune,
    )
    for prune in (False, True)
}


@lru_cache(maxsize=8192)
def context_of(
    text: str, char_start: int, char_end: int, prune: bool = False
) -> tuple[frozenset[str], tuple[str, ...]]:
    """Return ({is_negated, is_historical, ...} set on the target, the modifier cues)."""
    doc = CTX_NLP(text)
    span = doc.char_span(char_start, char_end, label="DANGER", alignment_mode="expand")
    doc.spans["targets"] = [span]
    CONTEXTS[prune](doc)
    target = doc.spans["targets"][0]
    flags = frozenset(
        name
        for name in ("is_negated", "is_historical", "is_hypothetical", "is_family", "is_uncertain")
        if getattr(target._, name)
    )
    cues = tuple(
        f"{m.category}:'{doc[m.modifier_span[0] : m.modifier_span[1]].text}'"
        for m in target._.modifiers
    )
    return flags, cues


def _project_vetoes(sentences: Any, number: int, category: str, bounds: tuple) -> bool:
    """The project's vetoes that ConText has no counterpart for (as in detector._is_current)."""
    sentence = sentences[number]
    texts = [w.text for w in sentence.words]
    span = scope.Span(category, bounds[0], bounds[1])
    threat = category == "harm_from_others" and scope.THREAT.search(sentence.text)
    if not threat and scope.figurative(sentence.text, bounds[2], bounds[3]):
        return True
    if scope.category_veto(category, sentence.text) or scope.clinical(texts, span):
        return True
    return category not in scope.HABIT_EXEMPT and scope.habitual(texts, span)


def context_is_current(
    vetoes: bool, uncertain: bool = False, prune: bool = False, family: bool = True
) -> Callable[..., bool]:
    drop = {"is_negated", "is_historical", "is_hypothetical"}
    if family:
        drop.add("is_family")
    if uncertain:
        drop.add("is_uncertain")

    def is_current(sentences: Any, number: int, category: str, bounds: tuple) -> bool:
        if vetoes and _project_vetoes(sentences, number, category, bounds):
            return False
        flags, _ = context_of(sentences[number].text, bounds[2], bounds[3], prune)
        return not (flags & drop)

    return is_current


# --- negspacy NegEx ---------------------------------------------------------------------------
NEG_NLP = spacy.blank("en")
NEG_NLP.add_pipe("sentencizer")
NEGEX = Negex(NEG_NLP, "negex", termset("en_clinical").get_patterns(), [], "negex", [])


@lru_cache(maxsize=8192)
def negex_negated(text: str, char_start: int, char_end: int) -> bool:
    doc = NEG_NLP(text)
    span = doc.char_span(char_start, char_end, label="DANGER", alignment_mode="expand")
    doc.ents = [span]
    NEGEX(doc)
    return bool(doc.ents[0]._.negex)


def negex_before(words: list[str], span: scope.Span) -> bool:
    """Stand-in for scope.negated_before: NegEx over the span's sentence."""
    start = sum(len(w) + 1 for w in words[: span.start])
    end = start + len(" ".join(words[span.start : span.end]))
    return negex_negated(" ".join(words), start, end)


# --- modes ------------------------------------------------------------------------------------
ORIGINAL = {
    "is_current": detector._is_current,
    "negated_before": scope.negated_before,
    "negated_after": scope.negated_after,
}


def install(mode: str) -> None:
    detector._is_current = ORIGINAL["is_current"]
    scope.negated_before = ORIGINAL["negated_before"]
    scope.negated_after = ORIGINAL["negated_after"]
    if mode == "0 no scope (ceiling)":
        detector._is_current = lambda *args: True
    elif mode == "B1 ConText+vetoes":
        detector._is_current = context_is_current(vetoes=True, uncertain=False)
    elif mode == "B2 ConText alone":
        detector._is_current = context_is_current(vetoes=False, uncertain=False)
    elif mode == "B3 ConText+vet+unc":
        detector._is_current = context_is_current(vetoes=True, uncertain=True)
    elif mode == "B4 ConText+vet+prune":
        detector._is_current = context_is_current(vetoes=True, prune=True)
    elif mode == "B5 B4,keep family":
        detector._is_current = context_is_current(vetoes=True, prune=True, family=False)
    elif mode == "C NegEx+scope.py":
        scope.negated_before = negex_before
        scope.negated_after = lambda after: False
    elif mode == "C2 C,keep neg_after":
        scope.negated_before = negex_before
    detector._flags.cache_clear()
    context_of.cache_clear()
    negex_negated.cache_clear()


MODES = [
    "A scope.py",
    "0 no scope (ceiling)",
    "B1 ConText+vetoes",
    "B2 ConText alone",
    "B3 ConText+vet+unc",
    "B4 ConText+vet+prune",
    "B5 B4,keep family",
    "C NegEx+scope.py",
    "C2 C,keep neg_after",
]


def run(mode: str, items: dict[str, list[dict[str, str]]]) -> tuple[dict[str, Any], list[bool]]:
    install(mode)
    detector.detect_red_flags("warm up: no chest pain, i am not suicidal ")
    detector._flags.cache_clear()
    decisions: list[bool] = []
    times: list[float] = []
    for part in ("danger", "benign"):
        for item in items[part]:
            start = time.perf_counter()
            hit = bool(detector.detect_red_flags(item["text"] + " "))
            times.append((time.perf_counter() - start) * 1000)
            decisions.append(hit)
    nd = len(items["danger"])
    danger, benign = decisions[:nd], decisions[nd:]
    kinds: dict[str, list[bool]] = defaultdict(list)
    for item, hit in zip(items["benign"], benign, strict=False):
        kinds[item.get("kind", "?")].append(hit)
    about: dict[str, list[bool]] = defaultdict(list)
    for item, hit in zip(items["danger"], danger, strict=False):
        about[item.get("about", "patient")].append(hit)
    figures = {
        "danger_n": nd,
        "danger_caught": sum(danger) / nd if nd else 0.0,
        "danger_caught_by_about": {k: [sum(v), len(v)] for k, v in about.items()},
        "benign_n": len(benign),
        "false_alarms": sum(benign) / len(benign) if benign else 0.0,
        "false_alarms_by_kind": {k: [sum(v), len(v)] for k, v in sorted(kinds.items())},
        "ms_per_message": statistics.fmean(times),
    }
    return figures, decisions


def why(text: str) -> str:
    """ConText cues and NegEx verdict over every pattern hit of a message (for examples)."""
    install("A scope.py")
    sentences, found = detector._candidates(text + " ")
    notes = []
    for number, candidate in found:
        sentence = sentences[number]
        # recover the char span inside the normalised sentence from word indices
        idx = [
            i for i, w in enumerate(sentence.words) if candidate.start <= w.start < candidate.end
        ]
        if not idx:
            continue
        cs = sentence.offsets[idx[0]]
        ce = sentence.offsets[idx[-1]] + len(sentence.words[idx[-1]].text)
        _, cues = context_of(sentence.text, cs, ce)
        _, pruned = context_of(sentence.text, cs, ce, True)
        neg = negex_negated(sentence.text, cs, ce)
        notes.append(
            f"{candidate.category}[{sentence.text[cs:ce]}] scope.py={'live' if candidate.live else 'drop'}"
            f" ConText={list(cues) or '-'} pruned={list(pruned) or '-'}"
            f" NegEx={'neg' if neg else '-'}"
        )
    return "; ".join(notes)


def main() -> int:
    versions = {
        p: metadata.version(p) for p in ("spacy", "medspacy", "negspacy", "PyRuSH", "pysbd")
    }
    print("versions:", versions)
    results: dict[str, Any] = {"versions": versions, "sets": {}}
    disagreements = []
    for name, named, file in SETS:
        items = load_set(named, file)
        per_mode = {}
        decisions = {}
        for mode in MODES:
            per_mode[mode], decisions[mode] = run(mode, items)
        truth = [True] * len(items["danger"]) + [False] * len(items["benign"])
        for mode in MODES:
            base = [d == t for d, t in zip(decisions["A scope.py"], truth, strict=False)]
            this = [d == t for d, t in zip(decisions[mode], truth, strict=False)]
            per_mode[mode]["vs_A_fixes"] = sum(
                t and not b for b, t in zip(base, this, strict=False)
            )
            per_mode[mode]["vs_A_breaks"] = sum(
                b and not t for b, t in zip(base, this, strict=False)
            )
            labels = [f"danger:{i.get('category')}" for i in items["danger"]] + [
                f"benign:{i.get('kind')}" for i in items["benign"]
            ]
            fixed: dict[str, int] = defaultdict(int)
            broken: dict[str, int] = defaultdict(int)
            for label, b, t in zip(labels, base, this, strict=False):
                if t and not b:
                    fixed[label] += 1
                if b and not t:
                    broken[label] += 1
            per_mode[mode]["vs_A_fixes_by_label"] = dict(fixed)
            per_mode[mode]["vs_A_breaks_by_label"] = dict(broken)
        results["sets"][name] = per_mode
        if name in SHOWABLE:
            rows = [("danger", i) for i in items["danger"]] + [
                ("benign", i) for i in items["benign"]
            ]
            for k, (part, item) in enumerate(rows):
                verdicts = {m: decisions[m][k] for m in MODES}
                if len(set(verdicts.values())) > 1:
                    label = item.get("category") if part == "danger" else item.get("kind")
                    disagreements.append(
                        {
                            "set": name,
                            "part": part,
                            "label": label,
                            "text": item["text"],
                            "verdicts": verdicts,
                        }
                    )
    install("A scope.py")
    for d in disagreements:
        d["why"] = why(d["text"])
    results["disagreements"] = disagreements

    head = (
        f"{'set':8}{'mode':22}{'danger':>7}{'caught':>8}{'benign':>7}{'FA':>7}"
        f"{'fix/brk':>9}{'ms/msg':>8}  fixes vs A by label | FA by kind"
    )
    print(head)
    for name, per_mode in results["sets"].items():
        for mode, f in per_mode.items():
            kinds = " ".join(f"{k}={a}/{b}" for k, (a, b) in f["false_alarms_by_kind"].items())
            about = " ".join(f"{k}={a}" for k, a in f["vs_A_fixes_by_label"].items()) or "-"
            fb = f"{f['vs_A_fixes']}/{f['vs_A_breaks']}"
            print(
                f"{name:8}{mode:22}{f['danger_n']:>7}{f['danger_caught']:>8.3f}{f['benign_n']:>7}"
                f"{f['false_alarms']:>7.3f}{fb:>9}{f['ms_per_message']:>8.2f}  {about} | {kinds}"
            )
    print(f"\n{len(disagreements)} disagreements on dev/dev2/eval; first {ARGS.examples}:")
    for d in disagreements[: ARGS.examples]:
        v = " ".join(f"{m.split()[0]}={'HIT' if h else '-'}" for m, h in d["verdicts"].items())
        print(f"[{d['set']} {d['part']}:{d['label']}] {v}\n   {d['text'][:140]}\n   {d['why']}")
    if ARGS.json is not None:
        ARGS.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
        print(f"\nfull results: {ARGS.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

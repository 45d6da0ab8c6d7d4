"""The spaCy pipeline: rules in memory and a saved copy that loads in a fresh process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from coproduce.nlp.build_pipeline import main
from coproduce.nlp.pipeline import build_nlp, get_nlp


def test_get_nlp_builds_once() -> None:
    assert get_nlp() is get_nlp()


@pytest.mark.parametrize(
    ("text", "label", "rel_id"),
    [
        ("the wife helps", "RELATIONSHIP", "wife"),
        ("my other half", "RELATIONSHIP", "partner"),
        ("the lady next door", "RELATIONSHIP", "neighbour"),
        ("Chloe pops in", "PERSON", ""),
        ("and jamie", "PERSON", ""),
        ("my water tablets", "MEDICATION", ""),
        ("the little white ones", "MEDICATION", ""),
        ("prescription charges", "COST", ""),
        ("they make me feel rubbish", "SIDE_EFFECT", ""),
        ("checking my sugars", "TEST_MONITORING", ""),
        ("nobody explains anything", "INFORMATION", ""),
        ("physio", "APPOINTMENT", ""),
    ],
)
def test_entity_ruler_labels(text: str, label: str, rel_id: str) -> None:
    ents = get_nlp()(text).ents
    assert [(ent.label_, ent.ent_id_) for ent in ents] == [(label, rel_id)]


def test_sentencizer_splits_sentences() -> None:
    assert len(list(get_nlp()("my knee hurts. i cant sleep").sents)) == 2


def test_saved_pipeline_loads_in_a_fresh_process(tmp_path: Path) -> None:
    out_dir = tmp_path / "coproduce_en"
    assert main([str(out_dir)]) == 0
    script = (
        "import sys, spacy; nlp = spacy.load(sys.argv[1], disable=['parser']); "
        "doc = nlp('my daughter helps. the water tablets'); "
        "print(nlp.pipe_names, [e.label_ for e in doc.ents], len(list(doc.sents)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(out_dir)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,  # not the repo: the saved pipeline must not need coproduce importable
    )
    assert (
        result.stdout.strip() == "['sentencizer', 'entity_ruler'] ['RELATIONSHIP', 'MEDICATION'] 2"
    )


def test_built_pipeline_has_meta_for_rasa() -> None:
    nlp = build_nlp()
    assert nlp.meta["name"] == "coproduce_en"
    assert nlp.pipe_names == ["sentencizer", "entity_ruler"]

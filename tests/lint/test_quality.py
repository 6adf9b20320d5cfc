"""Quality of the prose rules on a labelled corpus (tests/lint/corpus/), with the numbers printed.

The corpus was written before the rules, as realistic report sentences and problem statements, with
traps: concrete sentences containing stock phrases or hedging words, empty sentences whose only
numerals are fixed terms (三会一课, 四个意识 …), problems whose only "number" is a date.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.lint.concrete import has_example
from pipeline.lint.document import from_text
from pipeline.lint.engine import Linter
from pipeline.lint.figures import has_figure

CORPUS = Path(__file__).resolve().parent / "corpus"


def _load(name: str) -> list[dict]:
    return yaml.safe_load((CORPUS / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sentence_results() -> list[tuple[str, set[str]]]:
    linter = Linter()
    return [(item["label"], {f.category for f in linter.run(from_text(None, item["text"]))})
            for item in _load("sentences.yaml")]


def test_corpus_size() -> None:
    sentences = _load("sentences.yaml")
    assert len(sentences) >= 150
    assert {s["label"] for s in sentences} == {"boilerplate", "hedging", "concrete"}
    assert len(_load("problems.yaml")) >= 40


@pytest.mark.parametrize("label", ["boilerplate", "hedging"])
def test_recall(sentence_results, label: str) -> None:
    cases = [cats for lab, cats in sentence_results if lab == label]
    recall = sum(label in cats for cats in cases) / len(cases)
    print(f"\n{label} recall: {recall:.3f} ({len(cases)} sentences)")
    assert recall >= 0.9


def test_concrete_sentences_rarely_flagged(sentence_results) -> None:
    cases = [cats for lab, cats in sentence_results if lab == "concrete"]
    flagged = sum(bool(cats) for cats in cases) / len(cases)
    print(f"\nconcrete sentences flagged: {flagged:.3f} ({len(cases)} sentences)")
    assert flagged <= 0.10


def test_precision(sentence_results) -> None:
    """Of the sentences flagged boilerplate (hedging), how many are labelled so — printed, loosely bounded."""
    for label in ("boilerplate", "hedging"):
        flagged = [lab for lab, cats in sentence_results if label in cats]
        precision = sum(lab == label for lab in flagged) / len(flagged)
        print(f"\n{label} precision: {precision:.3f} ({len(flagged)} flagged)")
        assert precision >= 0.8


@pytest.mark.parametrize(("field", "detect"), [("example", has_example), ("figure", has_figure)])
def test_problem_detection_accuracy(field: str, detect) -> None:
    problems = _load("problems.yaml")
    wrong = [p["text"] for p in problems if detect(p["text"]) != p[field]]
    accuracy = 1 - len(wrong) / len(problems)
    print(f"\n{field} accuracy: {accuracy:.3f} ({len(problems)} problems); wrong: {wrong}")
    assert accuracy >= 0.9


# Floors for a held-out set's numbers, a little under what was measured after the rule round it
# followed (heldout5: measured 0.54 / 0.83 before that round, 0.80 / 1.00 after; 0% concrete flagged).
HELDOUT_FLOORS = {
    "heldout5.yaml": {"boilerplate": 0.75, "hedging": 0.9},
}


@pytest.mark.parametrize("name", ["heldout.yaml", "heldout2.yaml", "heldout3.yaml", "heldout4.yaml",
                                  "heldout5.yaml"])
def test_heldout_numbers(name: str) -> None:
    """Held-out sets (written after the rules): printed for the record, asserted loosely.

    heldout.yaml measured 0.53 boilerplate / 0.70 hedging recall before the phrase lists were widened
    after reading its misses — it is no longer held out; heldout2.yaml was written after that.
    heldout5.yaml was written (and committed) before the structural patterns of its round, and its
    sentences were not read while tuning them; its floors are in ``HELDOUT_FLOORS``.
    """
    data = _load(name)
    linter = Linter()
    results = [(s["label"], {f.category for f in linter.run(from_text(None, s["text"]))}) for s in data["sentences"]]
    floors = HELDOUT_FLOORS.get(name, {})
    recalls = {}
    for label in ("boilerplate", "hedging"):
        cases = [cats for lab, cats in results if lab == label]
        recalls[label] = sum(label in c for c in cases) / len(cases)
        print(f"\n{name} {label} recall: {recalls[label]:.3f} ({len(cases)})")
    concrete = [cats for lab, cats in results if lab == "concrete"]
    flagged = sum(bool(c) for c in concrete) / len(concrete)
    print(f"{name} concrete flagged: {flagged:.3f} ({len(concrete)})")
    for label, floor in floors.items():
        assert recalls[label] >= floor, f"{name} {label} recall {recalls[label]:.3f} < {floor}"
    for field, detect in (("example", has_example), ("figure", has_figure)):
        right = sum(detect(p["text"]) == p[field] for p in data["problems"])
        print(f"{name} {field} accuracy: {right / len(data['problems']):.3f} ({len(data['problems'])})")
    assert flagged <= (0.05 if floors else 0.25)

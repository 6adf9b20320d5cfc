"""Quality of the prose rules on a labelled corpus (tests/lint/corpus/), with the numbers printed.

The corpus was written before the rules, as realistic report sentences and problem statements, with
traps: concrete sentences containing stock phrases or hedging words, empty sentences whose only
numerals are fixed terms (三会一课, 四个意识 …), problems whose only "number" is a date.
"""

from __future__ import annotations

import pytest

from tests.lint.quality import CORPUS, Figures, load, measure

HELDOUT = ["heldout.yaml", "heldout2.yaml", "heldout3.yaml", "heldout4.yaml", "heldout5.yaml"]


@pytest.fixture(scope="module")
def main_figures() -> Figures:
    corpus = load(CORPUS / "sentences.yaml")
    corpus["problems"] = load(CORPUS / "problems.yaml")["problems"]
    return measure(corpus)


def test_corpus_size() -> None:
    sentences = load(CORPUS / "sentences.yaml")["sentences"]
    assert len(sentences) >= 150
    assert {s["label"] for s in sentences} == {"boilerplate", "hedging", "concrete"}
    assert len(load(CORPUS / "problems.yaml")["problems"]) >= 40


@pytest.mark.parametrize("label", ["boilerplate", "hedging"])
def test_recall(main_figures: Figures, label: str) -> None:
    print(f"\n{label} recall: {main_figures.recall[label]:.3f} ({main_figures.counts[label]} sentences)")
    assert main_figures.recall[label] >= 0.9


def test_concrete_sentences_rarely_flagged(main_figures: Figures) -> None:
    flagged, count = main_figures.concrete_flagged, main_figures.counts["concrete"]
    print(f"\nconcrete sentences flagged: {flagged:.3f} ({count})")
    assert main_figures.concrete_flagged <= 0.10


def test_precision(main_figures: Figures) -> None:
    """Of the sentences flagged boilerplate (hedging), how many are labelled so — printed, loosely bounded."""
    for label in ("boilerplate", "hedging"):
        print(f"\n{label} precision: {main_figures.precision[label]:.3f}")
        assert main_figures.precision[label] >= 0.8


@pytest.mark.parametrize("field", ["example", "figure"])
def test_problem_detection_accuracy(main_figures: Figures, field: str) -> None:
    accuracy = main_figures.accuracy[field]
    print(f"\n{field} accuracy: {accuracy:.3f}; wrong: {main_figures.misses[field]}")
    assert accuracy >= 0.9


# Floors for a held-out set's numbers, a little under what was measured after the rule round it
# followed (heldout5: measured 0.54 / 0.83 before that round, 0.80 / 1.00 after; 0% concrete flagged;
# after issue 13's round, whose phrase lists were tuned on it among others, 1.00 / 1.00).
HELDOUT_FLOORS = {
    "heldout5.yaml": {"boilerplate": 0.75, "hedging": 0.9},
}


@pytest.mark.parametrize("name", HELDOUT)
def test_heldout_numbers(name: str) -> None:
    """Held-out sets (written after the rules): printed for the record, asserted loosely.

    heldout.yaml measured 0.53 boilerplate / 0.70 hedging recall before the phrase lists were widened
    after reading its misses — it is no longer held out; heldout2.yaml was written after that.
    heldout5.yaml was written (and committed) before the structural patterns of its round, and its
    sentences were not read while tuning them; its floors are in ``HELDOUT_FLOORS``.  The held-out set
    of record is now the real-text corpus's test part (test_quality_real.py).
    """
    figures = measure(load(CORPUS / name))
    print(f"\n{name}: {figures.row()}")
    for label, floor in HELDOUT_FLOORS.get(name, {}).items():
        assert figures.recall[label] >= floor, f"{name} {label} recall {figures.recall[label]:.3f} < {floor}"
    assert figures.concrete_flagged <= (0.05 if name in HELDOUT_FLOORS else 0.25)

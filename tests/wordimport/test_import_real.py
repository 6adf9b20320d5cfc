"""The real-report fixtures (tests/fixtures/import_real): each imports with nothing lost, every block
where the spec says (held-out fixtures: nothing lost, figures reported), golden report.yaml; and the
figures of issue 12 over all of them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.wordimport.conserve import clauses, squeeze
from tests.wordimport.real_docs import EXPECTED, STRUCTURAL, Spec, all_specs
from tests.wordimport.real_figures import (
    Figures,
    import_spec,
    measure,
    rendered_blob,
    spec_counts,
    spec_unit,
    standard_questions,
)

SPECS = all_specs()
QSET = standard_questions()


def golden_yaml(name: str, actual: str) -> None:
    """Compare with ``expected/<name>.yaml``; ``UPDATE_GOLDEN=1`` rewrites it."""
    path = EXPECTED / f"{name}.yaml"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"golden file {path} is missing; run UPDATE_GOLDEN=1 and review it"
    assert actual == path.read_text(encoding="utf-8"), f"differs from {path} (UPDATE_GOLDEN=1 to accept)"


def imported(spec: Spec, tmp_path: Path) -> tuple[Figures, str]:
    result = import_spec(spec, tmp_path, QSET)
    assert result.rescued == []  # the walk itself accounted for every paragraph and cell
    figures = measure(spec, result, rendered_blob(result, QSET, spec_unit(spec, tmp_path), tmp_path))
    return figures, result.yaml


@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
def test_real_report_imports_as_its_writer_meant(spec: Spec, tmp_path: Path) -> None:
    figures, yaml_text = imported(spec, tmp_path)
    assert figures.kept == figures.total and figures.rendered == figures.total
    if spec.tuned_on:
        assert figures.wrong == []
    golden_yaml(spec.name, yaml_text.replace(str(tmp_path), "<tmp>"))


@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
def test_no_body_text_taken_whole_as_structure(spec: Spec, tmp_path: Path) -> None:
    """The figures leave out the words taken as structure, so a line taken as a heading by mistake would
    be lost unseen (存在“七个有之”问题苗头 once was): a block the spec places as body text is never taken
    whole, except as the title or a question's heading, which the template writes again."""
    result = import_spec(spec, tmp_path, QSET)
    consumed = dict(result.collected.consumed)
    paras = [p for p in result.paragraphs if p.text]
    blocks = [(c, b.where) for b in spec.blocks for c in (b.cells if b.kind != "P" else [b.text])]
    taken_whole = [
        (text, consumed.get(para.index, ""))
        for para, (text, where) in zip(paras, blocks, strict=True)
        if where
        and where not in STRUCTURAL
        and clauses(text)
        and all(c in squeeze(result.collected.taken.get(para.index, "")) for c in clauses(text))
    ]
    assert [
        (t, what) for t, what in taken_whole if what != "title" and not what.startswith("question ")
    ] == []


def test_figures_over_all_fixtures(tmp_path: Path) -> None:
    tuned, heldout = Figures(), Figures()
    for spec in SPECS:
        scratch = tmp_path / spec.name
        scratch.mkdir()
        (tuned if spec.tuned_on else heldout).add(imported(spec, scratch)[0])
    for group in (tuned, heldout):
        assert group.share("kept") == 100.0 and group.share("rendered") == 100.0
        assert group.share("placed") >= 95.0
    assert tuned.counts_exact == tuned.documents
    assert all(spec_counts(spec) for spec in SPECS)

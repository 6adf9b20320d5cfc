"""Figures of the Word import on the real-report fixtures: what was kept, placed, placed right, rendered.

For every body block of a spec (everything but title, byline, signature and headings) its clauses
(:func:`pipeline.wordimport.conserve.clauses`, minus the words taken as structure) are looked up:

- *kept*: somewhere in the imported report, ``unplaced`` included;
- *placed*: in a part other than ``unplaced``;
- *right*: in the part the spec says (``=> answer Q3``, ``=> problem`` …);
- *rendered*: in the text of the report.docx built from the import (unplaced text included: the
  renderer shows it in its marked section).

Shares are by characters.  Problem and measure counts are compared with the spec's ``# counts:``.
``python tests/wordimport/real_figures.py`` prints the table docs/import-publish.md quotes.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if __name__ == "__main__":
    sys.path.insert(0, str(REPO))

from pipeline.content.model import Draft, QuestionSet, Unit  # noqa: E402
from pipeline.content.workspace import load_workspace, template_for  # noqa: E402
from pipeline.render.document import render_report  # noqa: E402
from pipeline.wordimport import ImportResult, import_docx  # noqa: E402
from pipeline.wordimport.conserve import clauses, squeeze  # noqa: E402
from pipeline.wordimport.items import parse_due  # noqa: E402
from tests.support.docx_text import paragraph_texts  # noqa: E402
from tests.wordimport.real_docs import STRUCTURAL, Spec, all_specs, build_docx  # noqa: E402

# the parts of a report (conserve.parts) each expectation accepts
ACCEPTS = {
    "problem": ("problem ", "cause "),
    "cause": ("cause ",),
    "causes": ("causes",),
    "measure": ("measure ", "owner "),
    "problem+measure": ("problem ", "cause ", "measure ", "owner "),
    "opening": ("opening",),
    "closing": ("closing",),
    "unplaced": ("unplaced",),
    "answer *": ("answer ",),
    "achievements *": ("achievements ",),
}


@dataclass
class Figures:
    """Character counts of one or more fixtures."""

    total: int = 0
    kept: int = 0
    placed: int = 0
    right: int = 0
    rendered: int = 0
    counts_exact: int = 0
    documents: int = 0
    wrong: list[str] = field(default_factory=list)  # "spec:line clause → where" of misplaced clauses

    def add(self, other: Figures) -> None:
        """Sum ``other`` into this one."""
        for name in ("total", "kept", "placed", "right", "rendered", "counts_exact", "documents"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.wrong += other.wrong

    def share(self, name: str) -> float:
        """``name`` as a percentage of the body text."""
        return 100.0 * getattr(self, name) / self.total if self.total else 100.0


def spec_unit(spec: Spec, tmp: Path) -> Unit:
    """The unit a spec's document belongs to."""
    name, organisation, reporter = spec.unit
    return Unit(id="fixture", dir=tmp, name=name, organisation=organisation, reporter=reporter, role="书记")


def standard_questions() -> QuestionSet:
    """The repository's standard 16-question set."""
    unit = load_workspace(REPO).units[0]
    return unit.drafts[0].question_set


def import_spec(spec: Spec, tmp: Path, qset: QuestionSet) -> ImportResult:
    """Build the spec's .docx in ``tmp`` and import it."""
    source = build_docx(spec, tmp / f"{spec.name}.docx")
    return import_docx(source, qset, spec_unit(spec, tmp), target=tmp / "report.yaml")


def spec_counts(spec: Spec) -> tuple[int, int] | None:
    """``(problems, measures)`` from the spec's ``# counts: P M`` line."""
    value = spec.meta.get("counts")
    return (int(value.split()[0]), int(value.split()[1])) if value else None


def _accepts(where: str, part: str) -> bool:
    if where.startswith(("answer Q", "achievements ")) and where not in ACCEPTS:
        return part == where
    return part.startswith(ACCEPTS.get(where, (where,)))


def rendered_blob(result: ImportResult, qset: QuestionSet, unit: Unit, tmp: Path) -> str:
    """The text of the report.docx rendered from the import."""
    draft = Draft(unit=unit, version=1, dir=tmp, report=result.report, question_set=qset)
    path = tmp / "rendered.docx"
    path.write_bytes(render_report(draft, template_for(REPO, unit)))
    return squeeze("\x00".join(paragraph_texts(path)))


def measure(spec: Spec, result: ImportResult, rendered: str) -> Figures:
    """The figures of one imported fixture."""
    from pipeline.wordimport.conserve import Finder

    finder = Finder(result.report)
    paras = [p for p in result.paragraphs if p.text]
    texts = [c for b in spec.blocks for c in (b.cells if b.kind != "P" else [b.text])]
    wheres = [b.where for b in spec.blocks for _ in (b.cells if b.kind != "P" else [b.text])]
    figures = Figures(documents=1)
    dues = {m.due for m in result.report.measures if m.due}
    for para, text, where in zip(paras, texts, wheres, strict=True):
        assert para.text == text
        if where in STRUCTURAL:
            continue
        structure = squeeze(result.collected.taken.get(para.index, ""))
        for clause in clauses(text):
            if clause in structure:
                continue
            size = len(clause)
            figures.total += size
            parts = [w for w, t in finder.parts if clause in t]
            due = parse_due(clause) in dues if dues else False
            if parts or due:
                figures.kept += size
            if due or any(p != "unplaced" for p in parts):
                figures.placed += size
            if due or any(_accepts(where, p) for p in parts):
                figures.right += size
            else:
                figures.wrong.append(f"{spec.name}: {clause[:24]} → {parts or 'nowhere'} (want {where})")
            if clause in rendered or due:
                figures.rendered += size
    counts = spec_counts(spec)
    got = (len(result.report.problems), len(result.report.measures))
    figures.counts_exact = int(counts == got)
    if counts != got:
        figures.wrong.append(f"{spec.name}: problems/measures {got}, want {counts}")
    return figures


def all_figures() -> dict[str, Figures]:
    """Figures per fixture."""
    qset = standard_questions()
    out = {}
    for spec in all_specs():
        with tempfile.TemporaryDirectory(prefix="shuzhi-real-") as scratch:
            tmp = Path(scratch)
            result = import_spec(spec, tmp, qset)
            out[spec.name] = measure(spec, result, rendered_blob(result, qset, spec_unit(spec, tmp), tmp))
    return out


def groups(
    figures: dict[str, Figures], heldout: dict[str, bool], rounds: dict[str, int], tuned: dict[str, bool]
) -> dict[str, Figures]:
    """The sums docs/import-publish.md reports: tuned on (dev), each round written as held out — marked
    "now dev" once it was measured and then tuned on —, the rounds still held out, all."""
    names = {"tuned on": [n for n in figures if tuned[n]]}
    for each in sorted({rounds[n] for n in figures if heldout[n]}):
        members = [n for n in figures if heldout[n] and rounds[n] == each]
        now_dev = all(tuned[n] for n in members)
        names[f"round {each}, held out until measured, now dev" if now_dev else f"held out, round {each}"] = (
            members
        )
    names["still held out"] = [n for n in figures if not tuned[n]]
    names["all"] = list(figures)
    out = {}
    for label, members in names.items():
        total = Figures()
        for name in members:
            total.add(figures[name])
        out[f"{label} ({len(members)})"] = total
    return out


def table(figures: dict[str, Figures]) -> str:
    """The Markdown table of docs/import-publish.md."""
    specs = {spec.name: spec for spec in all_specs()}
    heldout = {name: specs[name].heldout for name in figures}
    rounds = {name: int(specs[name].meta.get("round", "1")) for name in figures}
    tuned = {name: specs[name].tuned_on for name in figures}
    lines = [
        "| fixtures | body text kept | rendered in report.docx | placed outside unplaced "
        "| placed where expected | problem/measure counts exact |",
        "|---|---|---|---|---|---|",
    ]
    for label, each in groups(figures, heldout, rounds, tuned).items():
        lines.append(
            f"| {label} | {each.share('kept'):.1f}% | {each.share('rendered'):.1f}% | "
            f"{each.share('placed'):.1f}% | {each.share('right'):.1f}% | "
            f"{each.counts_exact}/{each.documents} |"
        )
    return "\n".join(lines)


def per_fixture(figures: dict[str, Figures]) -> str:
    """One line per fixture: placed where expected, counts exact."""
    return "\n".join(
        f"{name}: placed where expected {each.share('right'):.1f}%, counts {'exact' if each.counts_exact else 'off'}"
        for name, each in figures.items()
    )


if __name__ == "__main__":
    results = all_figures()
    print(table(results))
    if "--each" in sys.argv:
        print(per_fixture(results))
    for each in results.values():
        for line in each.wrong:
            print("  ", line)

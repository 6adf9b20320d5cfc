"""Companion documents generated from the same draft as the report, so they never disagree with it.

- ``problems.docx`` — 问题清单 (:mod:`.problems_doc`);
- ``rectification.docx`` — 整改清单 with completion rate and overdue marks (:mod:`.rectification`,
  :mod:`.rectification_doc`);
- ``evaluation-form.docx`` — 测评表 (:mod:`.evaluation`, :mod:`.evaluation_doc`);
- the tally of filled-in forms (:mod:`.tally`, ``shuzhi evaluation tally``).

``docs/companions.md`` describes the documents and the results CSV.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipeline.companions.evaluation import EvaluationForm, load_form
from pipeline.companions.evaluation_doc import write_evaluation_form
from pipeline.companions.problems_doc import write_problems
from pipeline.companions.rectification_doc import write_rectification
from pipeline.content.model import Draft
from pipeline.content.workspace import find_root
from pipeline.hq.sources import NO_SOURCES, UnitSources

PROBLEMS_DOCX = "problems.docx"
RECTIFICATION_DOCX = "rectification.docx"
EVALUATION_FORM_DOCX = "evaluation-form.docx"
COMPANION_FILES = (PROBLEMS_DOCX, RECTIFICATION_DOCX, EVALUATION_FORM_DOCX)


def write_companions(
    draft: Draft,
    template: Path,
    out_dir: Path,
    as_of: dt.date | None = None,
    *,
    form: EvaluationForm | None = None,
    sources: UnitSources = NO_SOURCES,
) -> list[Path]:
    """Write the three companion documents of ``draft`` into ``out_dir`` (``build/<unit>/v<N>/``).

    ``template`` is the report's Word template (its styles and page set-up are reused); ``as_of``
    dates the rectification list (default: the draft's date); ``form`` overrides the evaluation items
    (default: the workspace's ``templates/evaluation/standard.yaml`` plus the unit's own); ``sources``
    adds the unit's 述职 meeting and evaluation problems to the rectification list.  Every file
    is written atomically with deterministic bytes.  Raises :class:`~pipeline.errors.UserError` for a
    broken template or evaluation items file.
    """
    out_dir = Path(out_dir)
    if form is None:  # load (and check) the items first: a broken items file writes nothing
        form = load_form(find_root(draft.dir), draft.unit)
    return [
        write_problems(draft, template, out_dir / PROBLEMS_DOCX),
        write_rectification(draft, template, out_dir / RECTIFICATION_DOCX, as_of, sources),
        write_evaluation_form(draft, template, out_dir / EVALUATION_FORM_DOCX, form),
    ]


__all__ = [
    "COMPANION_FILES",
    "EVALUATION_FORM_DOCX",
    "PROBLEMS_DOCX",
    "RECTIFICATION_DOCX",
    "write_companions",
]

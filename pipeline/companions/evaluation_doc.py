"""测评表: the evaluation form members fill in — common items, then the unit's own — rated 好 / 较好 / 一般 / 差.

One table: a merged row per group title, then one row per item with its id (the results CSV's
column header), its wording and four empty rating cells.  Above it: whom the form evaluates and
how to fill it in (the ``instructions`` of the common items file).
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument

from pipeline.companions.evaluation import RATINGS, EvaluationForm, load_form
from pipeline.companions.layout import save_companion, start_document
from pipeline.companions.problems_doc import companion_title
from pipeline.content.model import Draft
from pipeline.content.workspace import find_root
from pipeline.word.house_tables import Column, HouseTable

COLUMNS = (
    Column("序号", 1.5, centre=True),
    Column("测评项目", 7.7),
    *(Column(rating, 1.6, centre=True) for rating in RATINGS),
)


def subject_line(draft: Draft) -> str:
    """``测评对象：青石港海关党委书记、关长 林远航``."""
    unit = draft.unit
    if unit is None:
        return "测评对象："
    return f"测评对象：{unit.name}{unit.role} {unit.reporter}"


def evaluation_document(draft: Draft, template: Path, form: EvaluationForm) -> DocxDocument:
    """The 测评表 of ``draft``'s unit with the items of ``form``."""
    document = start_document(template, companion_title(draft, "述职评议测评表"))
    document.add_paragraph(subject_line(draft), style="Normal")
    if form.instructions:
        document.add_paragraph(form.instructions, style="Normal")
    table = HouseTable(document, COLUMNS)
    for group in form.groups:
        table.add_group_row(f"{group.title}（{len(group.items)}项）")
        for item in group.items:
            table.add_row([[item.id], [item.text], *([""] for _ in RATINGS)])
    return document


def write_evaluation_form(
    draft: Draft, template: Path, path: Path, form: EvaluationForm | None = None
) -> Path:
    """Write ``path`` (``evaluation-form.docx``); ``form`` defaults to the workspace's items for the unit."""
    if form is None:
        form = load_form(find_root(draft.dir), draft.unit)
    title = companion_title(draft, "述职评议测评表")
    return save_companion(evaluation_document(draft, template, form), path, draft, title)

"""The ledger names what an item is about by its title, as the report shows it — never by an id."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from feedback.fixtures import config_of, load_unit, make_workspace
from pipeline.content.workspace import template_for
from pipeline.feedback.api import write_ledger_outputs
from pipeline.feedback.titles import UNKNOWN, target_title


@pytest.mark.parametrize(
    ("on", "title"),
    [
        ("report", "全文"),
        ("Q2", "落实“一岗双责”"),  # the question's short heading
        ("Q3", "书记本人联系基层"),  # unanswered in the draft: still its heading
        ("integrity", "落实党风廉政建设责任制情况"),  # the area's title
        ("P1", "问题1：个别同志理想信念淡化"),  # the problem's number in the report and its headline
        ("P2", "问题2：廉政风险防控不到位"),
        ("M1", "措施1：加强党员教育"),
        ("P9", UNKNOWN),
    ],
)
def test_target_titles(tmp_path: Path, on: str, title: str) -> None:
    draft = load_unit(make_workspace(tmp_path)).drafts[0]
    assert target_title(on, draft) == title


def test_long_headlines_are_cut(tmp_path: Path) -> None:
    from dataclasses import replace

    draft = load_unit(make_workspace(tmp_path)).drafts[0]
    long = replace(draft.report.problems[0], text="党员队伍教育管理还存在不少薄弱环节需要加强，具体表现为……")
    draft = replace(draft, report=replace(draft.report, problems=(long, *draft.report.problems[1:])))
    assert target_title("P1", draft) == "问题1：党员队伍教育管理还存在不少薄弱…"  # 16 characters


def test_the_ledger_shows_titles_not_ids(tmp_path: Path) -> None:
    root = make_workspace(tmp_path)
    unit = load_unit(root)
    docx_path = write_ledger_outputs(
        unit, config_of(root), tmp_path / "build", template_for(root, unit.unit)
    )[0]
    items = docx.Document(str(docx_path)).tables[1]
    assert [cell.text for cell in items.rows[0].cells] == ["序号", "部门", "针对", "意见", "答复"]
    targets = {row.cells[2].text for row in items.rows[1:]}
    assert targets == {
        "问题1：个别同志理想信念淡化",
        "落实“一岗双责”",
        "主体责任落实",
        "全文",
        "落实党风廉政建设责任制情况",
    }


def test_the_whole_report_text_holds_causes_and_unplaced_text(tmp_path: Path) -> None:
    from dataclasses import replace

    from pipeline.feedback.targets import Target, target_text

    draft = load_unit(make_workspace(tmp_path)).drafts[0]
    report = replace(draft.report, causes="根源在于考核机制不健全。", unplaced=("附：名单",))
    draft = replace(draft, report=report)
    text = target_text(Target("report", "report"), draft) or ""
    assert "根源在于考核机制不健全。" in text and "附：名单" in text  # a quote from either resolves

"""What the template renders beyond answers, problems and measures is redlined like the rest.

The redline compares rendered reports, so anything in the body is in it; these tests pin that down
for the report-level 原因分析 (``causes``) and the 待归位内容 section (``unplaced``).
"""

from __future__ import annotations

import pytest
from redline.helpers import assert_round_trip, marked, run

from pipeline.render.document import render_report
from pipeline.render.unplaced import note
from render.fixtures import TEMPLATE, fixture_draft, fixture_report

CAUSES = "根源在于我抓党建的责任意识不强。\n考核机制不健全，年度考核中党建指标只占5%。"


@pytest.mark.parametrize(
    ("old", "new", "inserted", "deleted"),
    [
        (None, CAUSES, "原因分析" + CAUSES.replace("\n", ""), ""),
        (CAUSES, None, "", "原因分析" + CAUSES.replace("\n", "")),
        (CAUSES, CAUSES.replace("5%", "3%"), "3", "5"),
    ],
)
def test_causes_are_redlined(old: str | None, new: str | None, inserted: str, deleted: str) -> None:
    before = render_report(fixture_draft(fixture_report(causes=old)), TEMPLATE)
    after = render_report(fixture_draft(fixture_report(causes=new)), TEMPLATE)
    result = run(before, after)
    assert marked(result.docx) == (inserted, deleted)
    assert_round_trip(before, after, result.docx)


@pytest.mark.parametrize(
    ("old", "new", "inserted", "deleted"),
    [
        ((), ("附：支部名单",), "待归位内容" + note(1) + "附：支部名单", ""),
        (("附：支部名单",), (), "", "待归位内容" + note(1) + "附：支部名单"),
    ],
)
def test_unplaced_text_is_redlined(
    old: tuple[str, ...], new: tuple[str, ...], inserted: str, deleted: str
) -> None:
    before = render_report(fixture_draft(fixture_report(unplaced=old)), TEMPLATE)
    after = render_report(fixture_draft(fixture_report(unplaced=new)), TEMPLATE)
    result = run(before, after)
    assert marked(result.docx) == (inserted, deleted)
    assert_round_trip(before, after, result.docx)

"""A measure's owner and deadline read naturally in every combination, and import back exactly."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.content.model import Measure
from pipeline.render.context import measure_text
from pipeline.render.document import render_report
from pipeline.render.measure_note import split_note, with_note
from render.fixtures import TEMPLATE, fixture_draft, fixture_report

JUNE = dt.date(2026, 6, 30)


@pytest.mark.parametrize(
    ("text", "owner", "due", "rendered"),
    [
        ("加强学习。", "人事处", JUNE, "加强学习。（责任单位：人事处；完成时限：2026年6月30日）"),
        ("加强学习。", "人事处", None, "加强学习。（责任单位：人事处）"),
        ("加强学习。", None, JUNE, "加强学习。（完成时限：2026年6月30日）"),
        ("加强学习。", None, None, "加强学习。"),
        # a deadline in words left in the text by an import joins the one note, never a second bracket
        (
            "加强学习。（完成时限：长期坚持）",
            "人事处",
            None,
            "加强学习。（责任单位：人事处；完成时限：长期坚持）",
        ),
        ("加强学习。（完成时限：长期坚持）", None, None, "加强学习。（完成时限：长期坚持）"),
        (
            "加强学习。（时限：持续推进）",
            "人事处",
            JUNE,
            "加强学习。（责任单位：人事处；完成时限：2026年6月30日，持续推进）",
        ),
        (
            "第一段。\n加强学习。（完成时限：长期坚持）",
            "人事处",
            None,
            "第一段。 加强学习。（责任单位：人事处；完成时限：长期坚持）",
        ),
    ],
)
def test_every_combination_reads_naturally(
    text: str, owner: str | None, due: dt.date | None, rendered: str
) -> None:
    measure = Measure("M1", ("P1",), text, owner=owner, due=due)
    assert measure_text(measure) == rendered
    assert "）（" not in measure_text(measure)


def test_the_rendered_report_has_one_note() -> None:
    measure = Measure("M1", ("P1",), "长期坚持支部书记轮训。（完成时限：长期坚持）", owner="人事处")
    data = render_report(fixture_draft(fixture_report(measures=(measure,))), TEMPLATE)
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert "长期坚持支部书记轮训。（责任单位：人事处；完成时限：长期坚持）" in texts


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "加强学习。（责任：关党委；时限：2026年6月30日）",
            ("加强学习。", "关党委", JUNE),
        ),  # rendered before
        ("加强学习。（责任单位：关党委）", ("加强学习。", "关党委", None)),
        ("加强学习。（另附说明）", ("加强学习。（另附说明）", None, None)),
        ("（责任单位：关党委）", ("（责任单位：关党委）", None, None)),  # nothing but the note: not a note
        ("加强学习。（完成时限：2026年2月30日）", ("加强学习。（完成时限：2026年2月30日）", None, None)),
    ],
)
def test_split_note(paragraph: str, expected: tuple) -> None:
    assert split_note(paragraph) == expected


TEXT = st.text(alphabet="加强学习整改落实，。、0123456789（）", min_size=1, max_size=20).filter(
    lambda t: t.strip() and not t.endswith(("）", "(", ")"))
)
OWNER = st.none() | st.text(alphabet="人事处机关党委办公室，", min_size=1, max_size=8)
DEADLINE = st.none() | st.sampled_from(["长期坚持", "持续推进", "立行立改"])


@given(TEXT, OWNER, st.none() | st.dates(dt.date(2025, 1, 1), dt.date(2030, 12, 31)), DEADLINE)
def test_split_note_inverts_the_note(
    text: str, owner: str | None, due: dt.date | None, deadline: str | None
) -> None:
    line = text + (f"（完成时限：{deadline}）" if deadline else "")
    last, note = with_note(line, owner, due)
    assert split_note(last + note) == (line, owner, due)

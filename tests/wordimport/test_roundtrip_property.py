"""Property: any report rendered by shuzhi and imported back (with the draft as the earlier draft) is
the same report — whatever its text looks like (typed numbers, 存在的问题, 以上报告, dates, causes)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import string
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.content.model import (
    MEASURE_STATUSES,
    Answer,
    AreaContent,
    Draft,
    Measure,
    Problem,
    Report,
    Suppression,
)
from pipeline.content.workspace import load_draft_file, template_for
from pipeline.render.document import render_report
from pipeline.wordimport import import_docx
from pipeline.wordimport.writer import check_loads

REPO = Path(__file__).resolve().parents[2]
BASE = load_draft_file(REPO / "drafts/qingshigang/v1/report.yaml")
TEMPLATE = template_for(REPO, BASE.unit)
# Chinese text with the things that trip heading and section recognition in hand-made drafts.
PIECES = [
    "党建",
    "工作",
    "支部",
    "问题",
    "整改",
    "存在的问题",
    "下一步打算",
    "主要是",
    "原因：",
    "以上报告",
    "一、",
    "（一）",
    "1.",
    "（1）",
    "一是",
    "2026年6月底",
    "2025年12月1日",
    "责任单位：",
    "“",
    "”",
    "，",
    "。",
    "；",
    "（未作答）",
    "林远航",
    *"的了在和与对",
]
LINE = (
    st.lists(
        st.sampled_from(PIECES) | st.text(string.digits + "天地人", min_size=1, max_size=3),
        min_size=1,
        max_size=12,
    )
    .map("".join)
    .map(str.strip)
    .filter(bool)
)
TEXT = st.lists(LINE, min_size=1, max_size=3).map("\n".join)
# lint-ignore entries: Word does not show them; the import takes them from the earlier draft.
IGNORE = st.lists(
    st.builds(Suppression, st.sampled_from(["imbalance", "boilerplate-stock"]), LINE), max_size=1
).map(tuple)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    areas = []
    for area in BASE.question_set.areas:
        answered = draw(st.lists(st.sampled_from(area.questions), unique=True, max_size=2))
        achievements = draw(st.lists(st.tuples(LINE, IGNORE), max_size=2))
        answers = tuple(
            Answer(q.id, draw(TEXT), draw(IGNORE)) for q in sorted(answered, key=area.questions.index)
        )
        if answers or achievements:
            areas.append(
                AreaContent(
                    area.id, answers, tuple(a for a, _ in achievements), tuple(i for _, i in achievements)
                )
            )
    problems = tuple(
        Problem(
            f"P{i}",
            draw(st.sampled_from([a.id for a in BASE.question_set.areas])),
            draw(TEXT),
            draw(st.none() | TEXT),
            draw(IGNORE),
        )
        for i in range(1, draw(st.integers(0, 3)) + 1)
    )
    ids = [p.id for p in problems]
    measures = tuple(
        Measure(
            f"M{i}",
            tuple(draw(st.lists(st.sampled_from(ids), unique=True, max_size=2))) if ids else (),
            draw(TEXT),
            draw(st.none() | LINE.filter(lambda s: not set(s) & set("（）；"))),
            draw(st.none() | st.dates(dt.date(2026, 1, 1), dt.date(2027, 12, 31))),
            draw(st.sampled_from(MEASURE_STATUSES)),
            draw(IGNORE),
        )
        for i in range(1, draw(st.integers(0, 3)) + 1)
    )
    return Report(
        path=BASE.report.path,
        date=draw(st.dates(dt.date(2025, 1, 1), dt.date(2026, 12, 31))),
        title=draw(st.none() | LINE.filter(lambda s: "。" not in s)),
        opening=draw(TEXT),
        areas=tuple(areas),
        problems=problems,
        measures=measures,
        closing=draw(st.none() | TEXT),
        ignore=draw(IGNORE),
    )


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(report=reports())
def test_any_rendered_report_imports_back(report: Report, tmp_path: Path) -> None:
    draft = Draft(unit=BASE.unit, version=1, dir=BASE.dir, report=report, question_set=BASE.question_set)
    source = tmp_path / "report.docx"
    source.write_bytes(render_report(draft, TEMPLATE))
    result = import_docx(source, BASE.question_set, BASE.unit, earlier=(report,), target=report.path)
    imported = result.report
    if report.title is not None and imported.title is None:  # the title equals the default one
        imported = imported.__class__(**{**imported.__dict__, "title": report.title})
    assert imported == report
    assert (
        dataclasses.replace(
            check_loads(result.yaml, BASE.question_set), path=report.path, title=imported.title
        )
        == imported
    )  # and the written report.yaml says so too

"""Both charts draw every Chinese character in the one CJK font, with its glyph; without a font they
fall back to English labels and ids, which the fallback face can draw."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.charts import drawn_texts

from pipeline.companions.evaluation import EvaluationForm, EvaluationGroup, EvaluationItem
from pipeline.companions.tally import tally
from pipeline.companions.tally_report import chart_figure as evaluation_figure
from pipeline.companions.tally_report import chart_png as evaluation_png
from pipeline.content.config import Department
from pipeline.feedback.chart import chart_figure as feedback_figure
from pipeline.feedback.chart import chart_png as feedback_png
from pipeline.feedback.ledger import Ledger, RoundLedger, Tally
from pipeline.render import chart_font
from render.test_chart_font import needs_cjk_font

DEPARTMENTS = (Department("zg", "政工"), Department("rs", "人事"), Department("jj", "纪检监察"))
LEDGER = Ledger(
    "u",
    "测试海关",
    (
        RoundLedger(
            "v1",
            "v2",
            tuple(
                (d, Tally(given=4, adopted=2 + i, partly=1, declined=1 - i // 2))
                for i, d in enumerate(DEPARTMENTS)
            ),
        ),
        RoundLedger("v2", None, tuple((d, Tally(given=2, open=2)) for d in DEPARTMENTS)),
    ),
)
FORM = EvaluationForm(
    title="测评表",
    instructions="",
    groups=(
        EvaluationGroup(
            "共性",
            (
                EvaluationItem("C01", "党委抓基层党建工作责任落实情况", "共性"),
                EvaluationItem("C02", "支部标准化规范化建设情况", "共性"),
            ),
        ),
    ),
)


def _evaluation_tally(tmp_path: Path):
    results = tmp_path / "results.csv"
    results.write_text("respondent,C01,C02\nR1,好,较好\nR2,一般,好\nR3,好,差\n", encoding="utf-8")
    return tally(results, FORM)


def _figures(tmp_path: Path, font: str | None) -> dict[str, object]:
    return {
        "feedback": feedback_figure(LEDGER, font),
        "evaluation": evaluation_figure(_evaluation_tally(tmp_path), "测试海关", font),
    }


@needs_cjk_font
@pytest.mark.parametrize("chart", ["feedback", "evaluation"])
def test_every_chinese_character_is_drawn_with_its_glyph(tmp_path: Path, chart: str) -> None:
    font = chart_font.find_cjk_font()
    assert font is not None
    texts = drawn_texts(_figures(tmp_path, font.family)[chart])
    chinese = [t for t in texts if t.has_cjk]
    assert len(chinese) >= 3, texts  # title, axis label, department names or item texts …
    assert {(Path(t.font_file), t.face_index) for t in chinese} == {
        (font.path, font.index)
    }  # one font for both
    assert [t for t in texts if t.missing] == []


@pytest.mark.parametrize("chart", ["feedback", "evaluation"])
def test_without_a_font_nothing_chinese_is_drawn(tmp_path: Path, chart: str) -> None:
    texts = drawn_texts(_figures(tmp_path, None)[chart])
    assert texts and not [t for t in texts if t.has_cjk or t.missing]


def test_the_glyph_check_can_fail() -> None:
    from matplotlib.figure import Figure

    figure = Figure()
    figure.text(0.5, 0.5, "述职", family="DejaVu Sans")
    assert [t.missing for t in drawn_texts(figure)] == ["述职"]


@needs_cjk_font
def test_pngs_with_the_cjk_font_differ_from_the_fallback_and_are_deterministic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    results = _evaluation_tally(tmp_path)
    with_font = (feedback_png(LEDGER), evaluation_png(results, "测试海关"))
    assert with_font == (feedback_png(LEDGER), evaluation_png(results, "测试海关"))
    monkeypatch.setenv("SHUZHI_CHART_FONT", "none")
    chart_font.find_cjk_font.cache_clear()
    try:
        without = (feedback_png(LEDGER), evaluation_png(results, "测试海关"))
    finally:
        chart_font.find_cjk_font.cache_clear()
    assert with_font[0] != without[0] and with_font[1] != without[1]


def _missing_glyph_warnings(draw) -> list[str]:
    """The "Glyph … missing from font(s)" warnings matplotlib gives while rasterising."""
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        draw()
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


@needs_cjk_font
def test_rasterised_pngs_have_every_glyph(tmp_path: Path) -> None:
    results = _evaluation_tally(tmp_path)
    assert _missing_glyph_warnings(lambda: feedback_png(LEDGER)) == []
    assert _missing_glyph_warnings(lambda: evaluation_png(results, "测试海关")) == []


def test_the_raster_check_can_fail() -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from pipeline.render.chart_font import figure_png

    figure = Figure()
    FigureCanvasAgg(figure)
    figure.text(0.5, 0.5, "述职", family="DejaVu Sans")
    assert _missing_glyph_warnings(lambda: figure_png(figure))

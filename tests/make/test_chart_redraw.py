"""The chart target's digest holds the CJK font's identity: a font installed or removed redraws it."""

from __future__ import annotations

import pytest

from make.test_check import copy_example
from pipeline.cli.main import main
from pipeline.render import chart_font


def _clear() -> None:
    for cached in (chart_font.find_cjk_font, chart_font.font_identity, chart_font._candidates):
        cached.cache_clear()


def _build(root, capsys: pytest.CaptureFixture[str]) -> str:
    _clear()
    # one unit of the example: the counts below are its outputs
    assert main(["build", "qingshigang", "--root", str(root), "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    return captured.out + captured.err


def test_fonts_changing_redraws_the_chart(
    tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_example(tmp_path)
    monkeypatch.delenv("SHUZHI_CHART_FONT", raising=False)
    _build(root, capsys)
    chart = root / "build" / "qingshigang" / "feedback.png"
    drawn = chart.read_bytes()
    charts = len(list((root / "build").glob("*/feedback.png")))  # one ledger target a unit
    assert " 0 outputs built" in _build(root, capsys)  # nothing changed: nothing redrawn
    monkeypatch.setenv("SHUZHI_CHART_FONT", "none")  # as if the CJK fonts were uninstalled
    output = _build(root, capsys)
    assert f" {charts} outputs built" in output and chart_font.NO_FONT_MESSAGE in output  # the charts only
    assert chart.read_bytes() != drawn
    monkeypatch.delenv("SHUZHI_CHART_FONT")
    if chart_font.font_identity() != "none":  # a CJK font is installed: back to the Chinese chart
        assert f" {charts} outputs built" in _build(root, capsys)
        assert chart.read_bytes() == drawn
    _clear()

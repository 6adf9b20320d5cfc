"""``shuzhi evaluation tally`` says so when no Chinese font is installed (the chart falls back to ids)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli.main import main
from pipeline.render import chart_font

SAMPLE = Path("drafts/qingshigang/evaluation/results.csv")


@pytest.mark.parametrize("fonts", ["none", ""])
def test_the_missing_font_is_told(
    workspace_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fonts: str
) -> None:
    monkeypatch.chdir(workspace_copy)
    monkeypatch.setenv("SHUZHI_CHART_FONT", fonts)
    chart_font.find_cjk_font.cache_clear()
    try:
        assert main(["evaluation", "tally", "qingshigang", str(SAMPLE)]) == 0
        told = chart_font.NO_FONT_MESSAGE in capsys.readouterr().err
        assert told == (chart_font.find_cjk_font() is None)
    finally:
        chart_font.find_cjk_font.cache_clear()
    if fonts == "none":
        assert told

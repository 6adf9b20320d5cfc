"""The charts' CJK font: found by itself (fontconfig or the font files, not matplotlib's cache),
shared by both charts, part of the build digest, and every CJK character drawn has its glyph."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from matplotlib import font_manager

from pipeline.render import chart_font
from pipeline.render.chart_font import ChartFont, find_cjk_font, font_identity

needs_cjk_font = pytest.mark.skipif(
    not shutil.which("fc-list") or not chart_font.fontconfig_candidates(),
    reason="no CJK font installed (CI installs fonts-noto-cjk)",
)


@pytest.fixture(autouse=True)
def fresh_lookup(monkeypatch: pytest.MonkeyPatch):
    """Each test looks the font up again (the lookup is cached per process)."""
    monkeypatch.delenv("SHUZHI_CHART_FONT", raising=False)
    for cached in (find_cjk_font, font_identity, chart_font._candidates):
        cached.cache_clear()
    yield
    for cached in (find_cjk_font, font_identity, chart_font._candidates):
        cached.cache_clear()


@needs_cjk_font
def test_found_although_matplotlib_cache_predates_the_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    stale = [f for f in font_manager.fontManager.ttflist if "CJK" not in f.name and "AR PL" not in f.name]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", stale)
    font = find_cjk_font()
    assert font is not None and font.path.is_file()
    assert font.family in chart_font.PREFERRED
    registered = {(Path(f.fname), getattr(f, "index", 0), f.name) for f in font_manager.fontManager.ttflist}
    assert (font.path, font.index, font.family) in registered  # registered explicitly, cache or not


@needs_cjk_font
def test_without_fontconfig_the_font_folders_are_scanned(monkeypatch: pytest.MonkeyPatch) -> None:
    with_fontconfig = find_cjk_font()
    find_cjk_font.cache_clear()
    chart_font._candidates.cache_clear()
    monkeypatch.setattr(chart_font.shutil, "which", lambda name: None)
    assert chart_font.fontconfig_candidates() is None
    assert find_cjk_font() == with_fontconfig  # the same face, found in the files


def test_without_a_cjk_font_the_charts_say_so(monkeypatch: pytest.MonkeyPatch, language: str) -> None:
    from pipeline.i18n import _

    monkeypatch.setattr(chart_font, "fontconfig_candidates", lambda: [])
    monkeypatch.setattr(chart_font, "scanned_candidates", lambda folders=(): [])
    assert find_cjk_font() is None and font_identity() == "none"
    told = _(chart_font.NO_FONT_MESSAGE)
    assert "fonts-noto-cjk" in told and (told == chart_font.NO_FONT_MESSAGE) == (language == "en")


def test_forced_off_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHUZHI_CHART_FONT", "none")
    assert find_cjk_font() is None and font_identity() == "none"


@pytest.mark.parametrize("change", ["content", "touch"])
def test_identity_follows_the_font_file(tmp_path: Path, change: str) -> None:
    import os

    path = tmp_path / "font.ttc"
    path.write_bytes(b"one")
    font = ChartFont("X", path, 2)
    before = font.identity
    assert str(path) in before and "#2" in before
    if change == "content":
        path.write_bytes(b"longer")
    else:
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert font.identity != before
    path.unlink()
    assert font.identity.endswith("missing")


@needs_cjk_font
def test_identity_is_the_chosen_face_and_needs_no_matplotlib() -> None:
    font = find_cjk_font()
    assert font is not None and font_identity() == font.identity

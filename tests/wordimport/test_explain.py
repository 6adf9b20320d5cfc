"""``shuzhi import --explain``: every paragraph's start → where it went, and why; structure listed."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli.main import main
from tests.wordimport.real_docs import SPECS, build_docx, parse_spec


@pytest.fixture
def chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SHUZHI_LANG", raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")


def test_explain_lists_every_paragraph(
    workspace_copy: Path,
    tmp_path: Path,
    chinese: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spec = parse_spec(SPECS / "11_united_front.txt")
    source = build_docx(spec, tmp_path / "draft.docx")
    monkeypatch.chdir(workspace_copy)
    assert main(["import", str(source), "qingshigang", "--explain"]) == 0
    out = capsys.readouterr().out.splitlines()
    table = [line for line in out if "→" in line]
    assert len(table) == len(spec.blocks)  # one line per paragraph, in document order
    assert "（二）组织生活质量" in table[3] and "答案 Q10" in table[3] and "Q10 的标题下" in table[3]
    assert "标题行（结构）" in table[1]
    assert any("问题 P2" in line for line in table) and any("措施 M1" in line for line in table)
    assert any("作为结构" in line for line in out)  # the summary names what was taken as structure


def test_without_explain_only_the_summary(
    workspace_copy: Path,
    tmp_path: Path,
    chinese: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = build_docx(parse_spec(SPECS / "06_town_team_check.txt"), tmp_path / "draft.docx")
    monkeypatch.chdir(workspace_copy)
    assert main(["import", str(source), "qingshigang"]) == 0
    out = capsys.readouterr().out
    assert "→" not in out and "作为结构" in out

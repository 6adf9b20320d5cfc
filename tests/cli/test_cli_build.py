"""``shuzhi validate``: units of a workspace, or single report.yaml files, every error at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.cli.main import main

REPO = Path(__file__).resolve().parents[2]
LONE = """\
date: 2026-01-10
opening: 本年度我抓党建工作12次。
areas:
  duty:
    answers:
      Q1: 全年研究党建工作12次，解决问题3个。
"""


@pytest.fixture()
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("drafts", "templates"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy2(REPO / "shuzhi.toml", tmp_path / "shuzhi.toml")
    (tmp_path / "lone.yaml").write_text(LONE, encoding="utf-8")
    (tmp_path / "broken.yaml").write_text(LONE.replace("opening:", "openin:"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    "args, code, expected",
    [
        ([], 0, "5 units, 13 drafts: all valid"),
        (["qingshigang"], 0, "1 units, 5 drafts: all valid"),
        (["lone.yaml"], 0, "1 files: all valid"),
        (["qingshigang", "lone.yaml"], 0, "1 units, 5 drafts, 1 files: all valid"),
        (["broken.yaml"], 2, "broken.yaml:2:1: openin: unknown key 'openin'"),
        (
            ["lone.yaml", "broken.yaml"],
            2,
            "broken.yaml:2:1: openin: unknown key 'openin' in report.yaml — did you mean 'opening'?",
        ),
        (["nosuch"], 2, "no unit 'nosuch'"),
    ],
)
def test_validate(
    workspace: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int, expected: str
) -> None:
    assert main(["validate", *args]) == code
    captured = capsys.readouterr()
    assert expected in captured.out + captured.err
    assert "Traceback" not in captured.out + captured.err

"""``shuzhi lookback``'s usage errors in the interface language: no file prefix, the unit named, exit 2."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.cli.main import main


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["lookback"], "--parent"),
        (["lookback", "qingshigang", "--parent", "qingshigang"], "--parent"),
        (["lookback", "newu", "--no-docx"], "new-draft newu"),
    ],
)
def test_lookback_usage_errors(
    args: list[str],
    named: str,
    language: str,
    workspace_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(workspace_copy)
    assert main(["add-unit", "newu", "--name", "新关", "--reporter", "张三"]) == 0
    capsys.readouterr()
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and named in err
    assert not err.startswith(("<", ":"))  # an issue of no file starts with its message
    english = re.findall(r"\b(?:unit|name|draft|give)\b", re.sub(r"shuzhi [\w-]+", "", err))
    assert bool(english) == (language == "en"), err

"""What the pre-commit lint hook (``shuzhi lint --latest FILES``) prints, and the lint's own tables, in both
languages: after a validation error only that error (exit 2); earlier drafts alone are not "0 files"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from pipeline.cli.main import main

REPO = Path(__file__).resolve().parents[2]
HISTORY = [f"drafts/qingshigang/v{n}/report.yaml" for n in range(1, 6)]  # v5 is the latest


def _break(workspace: Path, draft: str, key: str) -> int:
    """Misspell the top-level ``key`` of ``draft``; the line it is on."""
    path = workspace / draft
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    lines[number] = lines[number].replace(f"{key}:", f"{key}x:", 1)
    path.write_text("".join(lines), encoding="utf-8")
    return number + 1


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("given", [HISTORY, HISTORY[-1:], [HISTORY[0], HISTORY[-1]]])
def test_after_a_validation_error_only_the_error_is_printed(
    given: list[str], language: str, workspace_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.chdir(workspace_copy)
    line = _break(workspace_copy, HISTORY[-1], "opening")
    code, out, err = _run(["lint", "--latest", *given], capsys)
    assert code == 2
    assert out == ""  # no findings and no "0 errors in 0 files" summary
    assert re.fullmatch(rf"{re.escape(HISTORY[-1])}:{line}:1: openingx: [^\n]+\n", err), err


def test_every_broken_file_is_reported_at_once(
    language: str, workspace_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.chdir(workspace_copy)
    broken = ["drafts/qingshigang/v5/report.yaml", "drafts/shiwan/v2/report.yaml"]
    lines = [_break(workspace_copy, draft, "opening") for draft in broken]
    code, out, err = _run(["lint", *broken], capsys)
    assert code == 2 and out == ""
    located = [m.groups() for m in re.finditer(r"^(\S+?):(\d+):1: openingx: ", err, re.M)]
    assert located == [(draft, str(n)) for draft, n in zip(broken, lines, strict=True)]


def test_earlier_drafts_alone_lint_nothing_and_say_so(
    language: str, workspace_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.chdir(workspace_copy)
    code, out, err = _run(["lint", "--latest", *HISTORY[:-1]], capsys)
    assert (code, out) == (0, "")
    assert "--latest" in err and len(err.splitlines()) == 1


@pytest.mark.parametrize(
    "config", ["pipeline/resources/init/pre-commit-config.yaml", ".pre-commit-hooks.yaml"]
)
def test_the_lint_hook_runs_once_for_all_files(config: str) -> None:
    """pre-commit splits the files of a parallel hook over processes: each batch would print its summary."""
    data = yaml.safe_load((REPO / config).read_text(encoding="utf-8"))
    hooks = data if isinstance(data, list) else [h for repo in data["repos"] for h in repo["hooks"]]
    lint_hook = next(h for h in hooks if h["id"] == "shuzhi-lint")
    assert lint_hook["pass_filenames"] is True and lint_hook["require_serial"] is True


def _latin_words(text: str) -> list[str]:
    """English words left in ``text``, ids, codes, draft names and paths set aside."""
    text = re.sub(r"\S*[/._-]\S*|\bv\d+\b", "", text)
    return re.findall(r"\b[A-Za-z]{3,}\b", text)


def test_the_trend_table_is_in_the_interface_language(
    language: str, repo_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.chdir(repo_root)
    code, out, _err = _run(["lint", "--trend", "qingshigang", "--trend", "shiwan"], capsys)
    lines = out.splitlines()
    titles = [line for line in lines if line.startswith(("青石港海关", "石湾海关"))]
    assert code == 0 and [re.findall(r"\d+", t) for t in titles] == [["5"], ["2"]]
    header = lines[1]
    assert len(re.split(r"\s{2,}", header.strip())) == 10
    assert bool(_latin_words(titles[0] + header)) == (language == "en"), titles[0] + header


def test_the_rules_listing_names_severities_in_the_interface_language(
    language: str, repo_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    from pipeline.lint.readable import severity_name

    monkeypatch.chdir(repo_root)
    code, out, _err = _run(["lint", "--list-rules"], capsys)
    rows = [line.split(maxsplit=3) for line in out.splitlines()]
    assert code == 0 and rows
    assert {row[1] for row in rows} <= {severity_name(s) for s in ("error", "warning", "suggestion")}
    assert ("warning" in {row[1] for row in rows}) == (language == "en")

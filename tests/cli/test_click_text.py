"""The command line speaks the interface language: click's own words, help texts, summaries."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from babel.messages.extract import extract_from_dir

from pipeline.cli.click_text import CLICK_MESSAGES, click_plurals

REPO = Path(__file__).resolve().parents[2]


def _click_msgids() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(Path(click.__file__).parent), method_map=[("**.py", "python")]
    ):
        found.add(message[0] if isinstance(message, (list, tuple)) else message)
    return found


def test_every_listed_message_is_one_of_clicks() -> None:
    """A message click no longer has would silently stay untranslated: the list follows click."""
    known = _click_msgids()
    missing = [m for m in CLICK_MESSAGES + click_plurals() if m not in known]
    assert not missing, missing


def test_a_message_click_asks_for_with_ngettext_is_listed_as_a_plural() -> None:
    """ngettext looks up the (singular, plural) pair: listed as a singular, it would never be found."""
    plurals = {
        message[0]
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(Path(click.__file__).parent), method_map=[("**.py", "python")]
        )
        if isinstance(message, (list, tuple))
    }
    assert [m for m in CLICK_MESSAGES if m in plurals] == []


def _shuzhi(args: list[str], language: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``shuzhi ARGS`` in a fresh process (click reads help texts when a command is imported)."""
    env = {**os.environ, "SHUZHI_LANG": "", "LANG": "C", "LC_ALL": "", "LC_MESSAGES": ""}
    if language == "en":
        env["SHUZHI_LANG"] = "en"
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (
            ["--help"],
            ["用法：", "\n选项：\n", "\n命令：\n", "显示本帮助并退出。", "述职报告的起草"],
            ["Usage:", "\nOptions:\n", "\nCommands:\n", "Show this message and exit."],
        ),
        (
            ["build", "--help"],
            ["用法：", "生成每个单位", "不显示进度条。"],
            ["Usage:", "Build every draft", "No progress bar."],
        ),
        (["build", "--nope"], ["错误：", "没有选项", "查看帮助"], ["Error:", "No such option", "for help"]),
        (
            ["add-unit", "--help"],
            ["[选项] UNIT", "--name 文字", "[必填]", "--root 文件夹"],
            ["[OPTIONS] UNIT", "--name TEXT", "[required]", "--root DIRECTORY"],
        ),
        (["add-unit", "x"], ["缺少选项 '--name'。"], ["Missing option '--name'."]),
        (
            ["build", "--help"],
            ["--jobs 整数", "--as-of 年-月-日"],
            ["--jobs INTEGER", "--as-of YYYY-MM-DD"],
        ),
        (["feedback", "--help"], ["[选项] 命令 [参数]..."], ["[OPTIONS] COMMAND [ARGS]..."]),
        (["build", "--jobs", "abc"], ["不是有效的整数。"], ["is not a valid integer."]),
        (["build", "--as-of", "2026-13-01"], ["不是日期", "年-月-日"], ["does not match the format"]),
    ],
)
def test_help_and_usage_errors_follow_the_language(
    args: list[str], zh: list[str], en: list[str], language: str, tmp_path: Path
) -> None:
    """LANG=C is Chinese; SHUZHI_LANG=en is English — click's words included."""
    done = _shuzhi(args, language, tmp_path)
    output = done.stdout + done.stderr
    expected, other = (zh, en) if language == "zh_CN" else (en, zh)
    assert all(word in output for word in expected), output
    assert not any(word in output for word in other[:1]), output


def test_a_summary_and_an_input_error_in_chinese(tmp_path: Path) -> None:
    """What a secretary sees after a typo: the message and the summary in Chinese, the code unchanged."""
    root = tmp_path / "ws"
    assert _shuzhi(["init", str(root)], "zh_CN", tmp_path).returncode == 0
    assert _shuzhi(["new-draft", "example-unit"], "zh_CN", root).returncode == 0
    report = root / "drafts" / "example-unit" / "v1" / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("opening:", "openin:"), encoding="utf-8")
    done = _shuzhi(["validate"], "zh_CN", root)
    assert done.returncode == 2
    assert "未知的键“openin”" in done.stderr and "是不是想写“opening”" in done.stderr, done.stderr
    assert "missing required key" not in done.stderr and "缺少必填" not in done.stderr  # one error, not two


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (
            ["feedback", "ledger", "qingshigang"],
            ["意见台账", "轮次", "部门", "采纳率", "合计"],
            ["feedback ledger", "round", "department", "adoption", "total"],
        ),
        (
            ["evaluation", "tally", "qingshigang", "drafts/qingshigang/evaluation/results.csv", "--no-chart"],
            ["述职评议测评结果", "有效问卷", "各项满意度（由低到高）："],
            ["evaluation results", "valid forms", "lowest first"],
        ),
    ],
)
def test_ledger_and_tally_headers_follow_the_language(
    args: list[str],
    zh: list[str],
    en: list[str],
    language: str,
    workspace_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from pipeline.cli.main import main

    monkeypatch.chdir(workspace_copy)
    assert main(args) == 0
    out = capsys.readouterr().out
    expected, other = (zh, en) if language == "zh_CN" else (en, zh)
    assert all(word in out for word in expected), out
    assert not any(word in out for word in other), out


@pytest.mark.parametrize(
    "args", [["validate", "qingshigan"], ["build", "qingshigan"], ["feedback", "check", "qingshigan"]]
)
def test_an_unknown_unit_is_told_the_nearest_and_the_known_ones(
    args: list[str],
    language: str,
    workspace_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from pipeline.cli.main import main

    monkeypatch.chdir(workspace_copy)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "qingshigan'" in err or "qingshigan”" in err
    assert (
        ("did you mean 'qingshigang'?" in err) if language == "en" else ("是不是想写“qingshigang”？" in err)
    ), err


def _commands() -> list[tuple[str, click.Command]]:
    """Every command and subcommand of ``shuzhi`` (imported in English: conftest sets SHUZHI_LANG=en)."""
    from pipeline.cli.main import cli

    found: list[tuple[str, click.Command]] = []
    stack: list[tuple[str, click.Command]] = [("shuzhi", cli)]
    while stack:
        name, command = stack.pop()
        found.append((name, command))
        if isinstance(command, click.Group):
            context = click.Context(command)
            for sub in command.list_commands(context):
                child = command.get_command(context, sub)
                if child is not None:
                    stack.append((f"{name} {sub}", child))
    return found


def test_every_help_text_is_in_the_catalog() -> None:
    """A new command or option whose help is not written with _() would stay English for everyone."""
    import re

    from babel.messages.pofile import read_po

    from pipeline.i18n import LOCALE_DIR, translations

    chinese = translations("zh_CN")
    with (LOCALE_DIR / "zh_CN" / "LC_MESSAGES" / "shuzhi.po").open("rb") as handle:
        # A help text filled in after translation ("… [default: {path}]") matches its msgid as a pattern.
        catalog = list(read_po(handle))
    patterns = [
        re.compile(re.sub(r"\\\{[^}]*\\\}", ".*", re.escape(text)) + "$", re.S)
        for m in catalog
        if isinstance(m.id, str)
        for text in (m.id, m.string)
        if isinstance(text, str) and "{" in text
    ]
    # A command first imported while a test ran in Chinese holds the translation itself: also fine.
    translated = {m.string for m in catalog if isinstance(m.string, str) and m.string}
    missing = []
    for name, command in _commands():
        texts = [("", command.help)] + [(p.name or "", getattr(p, "help", None)) for p in command.params]
        for where, text in texts:
            if (
                text
                and text not in {"Show this message and exit.", "Show the version and exit."}
                and chinese.gettext(text) == text
                and text not in translated
                and not any(p.match(text) for p in patterns)
            ):
                missing.append(f"{name} {where}: {text[:60]!r}")
    assert not missing, "\n".join(missing)


def test_feedback_import_with_an_unknown_department_names_the_nearest(
    language: str, workspace_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--department 人事处`` (the office's full name): did you mean rs (人事)?, and the known ones."""
    from pipeline.cli.main import main

    monkeypatch.chdir(workspace_copy)
    (workspace_copy / "reviewed.docx").write_bytes(b"")
    assert (
        main(
            ["feedback", "import", "reviewed.docx", "qingshigang", "--draft", "v1", "--department", "人事处"]
        )
        == 2
    )
    err = capsys.readouterr().err
    guess = "did you mean 'rs' (人事)?" if language == "en" else "是不是想写“rs”（人事）？"
    assert guess in err and "zg (政工)" in err and "ds (督审)" in err, err


def test_every_option_says_what_it_does() -> None:
    """An option without help= shows a bare name on a translated --help page."""
    bare = [
        f"{name} {'/'.join(p.opts)}"
        for name, command in _commands()
        for p in command.params
        if isinstance(p, click.Option) and not p.help and p.name not in ("help", "version")
    ]
    assert not bare, bare


@pytest.mark.skipif(
    getattr(click.exceptions, "NoSuchCommand", None) is None, reason="click < 8.4 suggests no command"
)
@pytest.mark.parametrize(("args", "meant"), [(["biuld"], "'build'"), (["feedback", "chek"], "'check'")])
def test_a_misspelt_command_is_told_the_nearest(
    args: list[str], meant: str, language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The commands are imported lazily, yet a misspelt one still gets click's did-you-mean, punctuated
    as the language writes it (no space after a Chinese full stop)."""
    from pipeline.cli.main import main

    assert main(args) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert meant in err and args[-1] in err
    assert ("。 " not in err) and (("。" in err) == (language == "zh_CN")), err

"""The console script's fast redline path gives what the click command line gives, byte for byte.

Every case runs twice in-process — through :func:`pipeline.cli.entry.main` (the console script) and
through :func:`pipeline.cli.main.main` (click) — and the exit code, stdout, stderr and output bytes
must be the same.  Which argument lists take the fast path is tested on its own, and a subprocess
checks that a plain redline does not import click at all.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from support.handmade import dele, ins, make_docx, p

import pipeline.redline.api
from pipeline.cli import entry
from pipeline.cli import main as click_cli
from pipeline.errors import UserError
from pipeline.make.signals import Stopped

REPO = Path(__file__).resolve().parents[2]
OLD = make_docx(p("开展专项检查3次。") + p("不变的段落。") + p("删去的段落。"))
NEW = make_docx(p("开展专项督导5次。") + p("不变的段落。") + p("新增的段落。"))
TRACKED = make_docx(p("已有", ins("修订"), dele("旧文")) + p("不变的段落。"))


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with old.docx, new.docx and tracked.docx, as the current directory."""
    (tmp_path / "old.docx").write_bytes(OLD)
    (tmp_path / "new.docx").write_bytes(NEW)
    (tmp_path / "tracked.docx").write_bytes(TRACKED)
    (tmp_path / "notzip.docx").write_bytes(b"not a zip")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


Outcome = tuple[int | str | None, str, str, bytes | None]


def _outcome(run: Callable[[list[str]], int], argv: list[str], capsys: pytest.CaptureFixture[str]) -> Outcome:
    """Exit code, stdout, stderr and the bytes of out.docx (None when not written) of one run."""
    Path("out.docx").unlink(missing_ok=True)
    try:
        code: int | str | None = run(argv)
    except SystemExit as exc:  # click exits itself for --help, --version and a closed pipe
        code = exc.code
    captured = capsys.readouterr()
    out = Path("out.docx")
    return code, captured.out, captured.err, out.read_bytes() if out.exists() else None


def _both(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[Outcome, Outcome]:
    return _outcome(entry.main, argv, capsys), _outcome(click_cli.main, argv, capsys)


REDLINE = ["redline", "old.docx", "new.docx"]


@pytest.mark.parametrize(
    "argv",
    [
        [*REDLINE, "-o", "out.docx"],
        ["redline", "-o", "out.docx", "old.docx", "new.docx"],
        [*REDLINE, "--output=out.docx", "--author", "张三", "--date", "2026-03-01T09:30:00+08:00"],
        [*REDLINE, "-o", "out.docx", "--stats"],
        [*REDLINE, "-o", "out.docx", "--stats", "--json", "--author=李四"],
        ["redline", "tracked.docx", "new.docx", "-o", "out.docx"],  # a note on stderr
        ["redline", "missing.docx", "new.docx", "-o", "out.docx"],  # errors of the run itself
        ["redline", "notzip.docx", "new.docx", "-o", "out.docx"],
        [*REDLINE, "-o", "out.docx", "--date", "yesterday"],
        [*REDLINE, "-o", "out.docx", "--author", " "],
        [*REDLINE, "-o", "new.docx"],
        [*REDLINE, "-o", "nofolder/out.docx"],
        ["redline", "sub", "new.docx", "-o", "out.docx"],  # click's own errors (fallback)
        [*REDLINE],
        [*REDLINE, "-o", "out.docx", "--bogus"],
        [*REDLINE, "-o", "out.docx", "-o", "out.docx"],
        ["redline", "--help"],
        ["--version"],
    ],
)
def test_fast_path_and_click_give_the_same(
    argv: list[str], folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fast, full = _both(argv, capsys)
    assert fast == full


@pytest.mark.parametrize(
    "error",
    [
        UserError("bad input"),
        OSError(errno.ENOSPC, "No space left on device", "out.docx"),
        BrokenPipeError(errno.EPIPE, "Broken pipe"),
        RecursionError(),
        KeyboardInterrupt(),
        EOFError(),
        Stopped(signal.SIGTERM),
    ],
    ids=lambda e: type(e).__name__,
)
def test_errors_are_reported_the_same(
    error: BaseException, folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(pipeline.redline.api, "redline_bytes", fail)
    monkeypatch.setattr(sys, "stdout", sys.stdout)  # a closed pipe replaces the streams: put them back
    monkeypatch.setattr(sys, "stderr", sys.stderr)
    argv = [*REDLINE, "-o", "out.docx"]
    fast = _outcome(entry.main, argv, capsys)
    full = _outcome(click_cli.main, argv, capsys)
    assert fast == full
    assert fast[0] != 0


@pytest.mark.parametrize(
    ("argv", "fast"),
    [
        ([*REDLINE, "-o", "out.docx"], True),
        ([*REDLINE, "--output", "out.docx", "--stats", "--json"], True),
        ([*REDLINE, "-o", "out.docx", "--date=2026-03-01", "--author=甲"], True),
        ([*REDLINE], False),
        (["redline", "old.docx", "-o", "out.docx"], False),
        ([*REDLINE, "new.docx", "-o", "out.docx"], False),
        ([*REDLINE, "-o"], False),
        ([*REDLINE, "-o", "--stats"], False),
        ([*REDLINE, "-o=out.docx"], False),
        ([*REDLINE, "-oout.docx"], False),
        ([*REDLINE, "--out", "out.docx"], False),
        ([*REDLINE, "-o", "out.docx", "--stats", "--stats"], False),
        ([*REDLINE, "-o", "out.docx", "--"], False),
        ([*REDLINE, "-o", "out.docx", "-h"], False),
        ([*REDLINE, "-o", "out.docx", "--stats=yes"], False),
        (["redline", "sub", "new.docx", "-o", "out.docx"], False),
        ([*REDLINE, "-o", "sub"], False),
        (["redline", "", "new.docx", "-o", "out.docx"], False),
        (["lint", "old.docx"], False),
        ([], False),
    ],
)
def test_which_invocations_take_the_fast_path(argv: list[str], fast: bool, folder: Path) -> None:
    assert (entry.redline_request(argv) is not None) == fast


def test_an_unreadable_input_goes_to_click(folder: Path) -> None:
    (folder / "old.docx").chmod(0)
    try:
        readable = os.access(folder / "old.docx", os.R_OK)  # root reads anything
        assert (entry.redline_request([*REDLINE, "-o", "out.docx"]) is None) == (not readable)
    finally:
        (folder / "old.docx").chmod(0o644)


def test_shell_completion_goes_to_click(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_SHUZHI_COMPLETE", "bash_complete")
    assert entry.redline_request([*REDLINE, "-o", "out.docx"]) is None


def test_the_request_holds_what_click_would_pass(folder: Path) -> None:
    request = entry.redline_request(
        ["redline", "--stats", "old.docx", "--author", "王五", "new.docx", "--output=out.docx"]
    )
    assert request == entry.Request(
        Path("old.docx"), Path("new.docx"), Path("out.docx"), "王五", None, stats=True, as_json=False
    )


def test_a_plain_redline_does_not_import_click(folder: Path) -> None:
    code = (
        "import sys\n"
        "from pipeline.cli.entry import main\n"
        "status = main(['redline', 'old.docx', 'new.docx', '-o', 'out.docx'])\n"
        "print(status, 'click' in sys.modules, 'pipeline.cli.main' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "False", "False"]
    assert (folder / "out.docx").is_file()


def test_the_console_script_is_the_fast_entry() -> None:
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["shuzhi"] == "pipeline.cli.entry:run"


def test_the_collector_is_put_back(folder: Path) -> None:
    """The fast path makes the cyclic collector run seldom while it compares, and only then."""
    import gc

    before = gc.get_threshold()
    assert entry.main([*REDLINE, "-o", "out.docx"]) == 0
    assert gc.get_threshold() == before

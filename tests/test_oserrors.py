"""``pipeline.oserrors``: what the operating system refused, in the user's language and never its
English ``strerror``; the file named; a code for each kind of refusal."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from pipeline.errors import UserError
from pipeline.oserrors import _OS_ERRORS, os_error_issue, os_hint, os_reason, read_error_issue

NAMED = [errno.ENOENT, errno.EACCES, errno.ENOSPC, errno.EISDIR, errno.ENOTDIR, errno.EEXIST, errno.EROFS]


def _error(code: int, filename: str | None = "drafts/u/v1/report.yaml") -> OSError:
    return OSError(code, os.strerror(code), filename)


@pytest.mark.parametrize("code", sorted(_OS_ERRORS), ids=errno.errorcode.get)
def test_every_known_errno_has_its_own_words(code: int, language: str) -> None:
    reason, hint = os_reason(_error(code)), os_hint(_error(code))
    assert reason and hint
    assert os.strerror(code) not in reason  # the C library's English is never shown
    if language == "zh_CN":
        assert not any(ch.isascii() and ch.isalpha() for ch in reason + hint.replace("ulimit -n", ""))


@pytest.mark.parametrize("code", NAMED, ids=errno.errorcode.get)
def test_the_errors_the_issue_names_are_in_the_table(code: int) -> None:
    assert code in _OS_ERRORS


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (errno.ENOENT, "file-not-found"),
        (errno.EACCES, "file-unreadable"),
        (errno.EISDIR, "file-unreadable"),
        (errno.EIO, "file-unreadable"),
        (errno.EBADF, "file-unreadable"),  # not in the table: still a reading error
    ],
    ids=errno.errorcode.get,
)
def test_a_read_error_has_a_code_and_the_file(code: int, expected: str, language: str) -> None:
    issue = read_error_issue(_error(code, None), Path("drafts/u/v1/report.yaml"))
    assert issue.code == expected
    assert issue.format().startswith("drafts/u/v1/report.yaml: ")
    assert os.strerror(code) not in issue.format()


@pytest.mark.parametrize("code", [errno.EBADF, errno.ECHILD, 9999], ids=str)
def test_an_unknown_errno_still_says_what_and_where(code: int, language: str) -> None:
    issue = os_error_issue(_error(code, "build/u/report.docx"))
    text = UserError(issue).format()
    assert issue.code == "os-error"
    assert text.startswith("build/u/report.docx: ")
    assert errno.errorcode.get(code, str(code)) in text  # EBADF, or the bare number
    assert os.strerror(code) not in text


def test_an_error_of_no_errno_names_no_code(language: str) -> None:
    assert "error" not in os_reason(OSError("something")).replace("refused", "")
    assert os_reason(OSError("something")) == os_reason(OSError("else"))


def test_the_path_given_wins_over_the_exceptions_own(language: str) -> None:
    issue = os_error_issue(_error(errno.ENOSPC, ".report.docx.x1.tmp"), Path("build/u/report.docx"))
    assert str(issue.path) == "build/u/report.docx"


def test_no_module_shows_the_c_librarys_text() -> None:
    """``exc.strerror`` is English whatever the locale: every OSError goes through pipeline.oserrors."""
    pipeline = Path(__file__).resolve().parent.parent / "pipeline"
    users = [
        str(path.relative_to(pipeline.parent))
        for path in sorted(pipeline.rglob("*.py"))
        if path.name != "oserrors.py" and ".strerror" in path.read_text(encoding="utf-8")
    ]
    assert not users, users


@pytest.mark.parametrize("writing", [True, False])
def test_a_write_says_it_is_one(writing: bool, language: str) -> None:
    issue = os_error_issue(_error(errno.ENOSPC, "build/u/report.docx"), writing=writing)
    other = os_error_issue(_error(errno.ENOSPC, "build/u/report.docx"), writing=not writing)
    assert issue.code == other.code == "os-error"
    assert issue.message != other.message

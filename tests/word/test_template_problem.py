"""A Word template python-docx cannot open is told in the user's words, not python-docx's English."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from conftest import REPO_ROOT
from lxml import etree

from pipeline.errors import UserError
from pipeline.word.house_style import open_template, template_problem


def _syntax_error() -> etree.XMLSyntaxError:
    try:
        etree.fromstring(b"<a><b></a>")
    except etree.XMLSyntaxError as exc:
        return exc
    raise AssertionError("parses")


@pytest.mark.parametrize(
    "exc",
    [
        ValueError("file 'x.docx' is not a Word file, content type is 'application/vnd…sheet.main+xml'"),
        KeyError("There is no item named 'word/styles.xml' in the archive"),
        _syntax_error(),
        RuntimeError("something python-docx said"),
    ],
    ids=["content-type", "missing-part", "broken-xml", "other"],
)
def test_python_docx_words_are_not_shown(exc: Exception, language: str) -> None:
    text = template_problem(exc)
    assert text and str(exc).strip("'") not in text
    assert "There is no item" not in text and "not a Word file" not in text


def test_a_template_of_another_office_kind_is_refused(tmp_path: Path, language: str) -> None:
    source = REPO_ROOT / "templates" / "report.docx"
    target = tmp_path / "report.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"wordprocessingml.document.main+xml", b"spreadsheetml.sheet.main+xml")
            new.writestr(info, data)
    with pytest.raises(UserError) as info:
        open_template(target)
    (issue,) = info.value.issues
    assert (issue.code, Path(str(issue.path)).name) == ("invalid-document", "report.docx")
    assert "content type" not in issue.message

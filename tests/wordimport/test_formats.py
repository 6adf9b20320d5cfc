"""Other formats in (.md, .html, .odt, .rtf through pandoc; .doc/.wps through LibreOffice): converted to
.docx and read by the same importer, with the same result; a clear message for what cannot be read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pypandoc
import pytest

from pipeline.errors import UserError
from pipeline.wordimport import import_docx
from pipeline.wordimport.convert import OLE2, sniff, to_docx
from tests.wordimport.real_docs import SPECS, build_docx, parse_spec
from tests.wordimport.real_figures import spec_unit, standard_questions

QSET = standard_questions()
# the start of a compound file, then the name of a Word 97 document's main stream (as in its directory)
WORD97 = OLE2 + b"\0" * 504 + "WordDocument".encode("utf-16-le")
MARKDOWN = """# 2018年抓基层党建工作述职报告

去年10月我从涧田乡调任芙蓉镇党委书记，现将一年来履行抓基层党建第一责任人职责情况报告如下。

## 一、履职情况和工作亮点

1.落实党建责任，认真履职尽责。我主持召开党政班子会专题研究党建工作，开展廉政谈话34次。

2.强化基层基础，激发党建活力。从后备干部和致富能手中选任5名村干部。

## 二、存在的问题

1\\. 抓党建的精力投入不够均衡，到后进村调研各只有1次。

2\\. 党员队伍老化，全镇35岁以下党员只占12%。

## 三、原因分析

我对党建工作的重要性认识不够，考核没有硬约束。

## 四、下一步打算

1\\. 每季度到后进村调研1次。

2\\. 每年从返乡青年中发展党员不少于5人。

| 序号 | 存在问题 | 整改措施 | 责任单位 | 完成时限 |
|---|---|---|---|---|
| 1 | 村级活动场所建设进度偏慢。 | 年内完成芙蓉村活动场所建设。 | 镇党委 | 2018年12月31日 |
"""


def check(result) -> None:
    report = result.report
    assert result.rescued == [] and report.unplaced == ()
    assert sum(len(a.answers) for a in report.areas) >= 1
    assert len(report.problems) == 3 and len(report.measures) == 3
    assert report.causes == "我对党建工作的重要性认识不够，考核没有硬约束。"
    assert report.measures[-1].owner == "镇党委" and report.measures[-1].problems == (report.problems[-1].id,)


@pytest.mark.parametrize("suffix", [".md", ".html", ".odt", ".rtf"])
def test_pandoc_formats_import_like_word(suffix: str, tmp_path: Path) -> None:
    markdown = tmp_path / "draft.md"
    markdown.write_text(MARKDOWN, encoding="utf-8")
    source = markdown if suffix == ".md" else tmp_path / f"draft{suffix}"
    if suffix != ".md":  # the same draft written by pandoc in that format
        pypandoc.convert_file(str(markdown), suffix[1:], outputfile=str(source), extra_args=["--standalone"])
    spec = parse_spec(SPECS / "01_furong_town.txt")
    check(import_docx(source, QSET, spec_unit(spec, tmp_path), target=tmp_path / "report.yaml"))


def test_unknown_format_is_refused_with_the_list(tmp_path: Path) -> None:
    source = tmp_path / "draft.pdf"
    source.write_bytes(b"%PDF-1.4")
    with pytest.raises(UserError) as error:
        to_docx(source, tmp_path / "scratch")
    assert ".docx" in error.value.issues[0].hint and ".wps" in error.value.issues[0].hint


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_without_libreoffice_doc_and_wps_say_what_to_do(
    suffix: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setenv("SHUZHI_LANG", "")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    source = tmp_path / f"draft{suffix}"
    source.write_bytes(WORD97)
    with pytest.raises(UserError) as error:
        to_docx(source, tmp_path / "scratch")
    issue = error.value.issues[0]
    assert issue.code == "tool-missing" and ".docx" in issue.hint


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_doc_goes_through_libreoffice(tmp_path: Path) -> None:
    from pipeline.word.pdf import _run

    spec = parse_spec(SPECS / "15_problem_table.txt")
    docx_path = build_docx(spec, tmp_path / "draft.docx")
    profile = f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}"
    _run(
        [
            shutil.which("soffice") or "soffice",
            profile,
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(tmp_path / "doc"),
            str(docx_path),
        ],
        120,
        "test",
    )
    doc = tmp_path / "doc" / "draft.doc"
    via_doc = import_docx(doc, QSET, spec_unit(spec, tmp_path), target=tmp_path / "report.yaml")
    direct = import_docx(docx_path, QSET, spec_unit(spec, tmp_path), target=tmp_path / "report.yaml")
    assert via_doc.rescued == []
    assert (
        via_doc.report.problems == direct.report.problems
        and via_doc.report.measures == direct.report.measures
    )


@pytest.mark.parametrize(
    "content, kind",
    [
        (WORD97, "word97"),  # Word 97–2003, and Kingsoft WPS's own .wps
        (OLE2 + b"\0" * 504 + "CONTENTS".encode("utf-16-le"), "ole"),  # another compound file (Works 4+)
        (b"PK\x03\x04rest", "zip"),  # a .docx under another name
        (b"{\\rtf1\\ansi hello}", "rtf"),
        (b"\xef\xbb\xbf<html><body>draft</body></html>", "html"),
        (b"MIME-Version: 1.0\r\n", "html"),  # a Word page saved as .mht and renamed .doc
        (b"\x31\xbe\x00\x00\x00\xab", "other"),  # Microsoft Works 2/3 word processor
        (b"plain text", "other"),
    ],
)
def test_old_formats_are_known_by_their_bytes(content: bytes, kind: str, tmp_path: Path) -> None:
    source = tmp_path / "draft.wps"
    source.write_bytes(content)
    assert sniff(source) == kind


@pytest.mark.parametrize("language", ["zh_CN", "en"], indirect=True)
def test_a_wps_that_is_not_word97_is_refused_before_libreoffice(
    language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)  # no LibreOffice needed to say so
    source = tmp_path / "draft.wps"
    source.write_bytes(b"\x31\xbe\x00\x00\x00\xab" + b"\0" * 200)
    with pytest.raises(UserError) as error:
        to_docx(source, tmp_path / "scratch")
    issue = error.value.issues[0]
    assert issue.code == "invalid-document" and ".docx" in issue.hint and "Works" in issue.message


def test_a_docx_named_wps_is_read_as_it_is(tmp_path: Path) -> None:
    spec = parse_spec(SPECS / "15_problem_table.txt")
    source = build_docx(spec, tmp_path / "draft.docx").rename(tmp_path / "draft.wps")
    assert to_docx(source, tmp_path / "scratch") == source
    result = import_docx(source, QSET, spec_unit(spec, tmp_path), target=tmp_path / "report.yaml")
    assert len(result.report.problems) == 3 and result.rescued == []


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_wps_in_word97_format_goes_through_libreoffice(tmp_path: Path) -> None:
    """A Kingsoft WPS .wps is a Word 97 file: one written by LibreOffice as .doc and named .wps stands
    in for it (no file written by WPS Office itself was available)."""
    from pipeline.word.pdf import _run

    spec = parse_spec(SPECS / "15_problem_table.txt")
    docx_path = build_docx(spec, tmp_path / "draft.docx")
    profile = f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}"
    soffice = shutil.which("soffice") or "soffice"
    _run(
        [soffice, profile, "--headless", "--convert-to", "doc", "--outdir", str(tmp_path), str(docx_path)],
        120,
        "test",
    )
    wps = (tmp_path / "draft.doc").rename(tmp_path / "draft.wps")
    assert sniff(wps) == "word97"
    via_wps = import_docx(wps, QSET, spec_unit(spec, tmp_path), target=tmp_path / "report.yaml")
    direct = import_docx(docx_path, QSET, spec_unit(spec, tmp_path), target=tmp_path / "report.yaml")
    assert via_wps.rescued == [] and via_wps.report.problems == direct.report.problems
    assert via_wps.report.measures == direct.report.measures


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_a_compound_wps_libreoffice_cannot_read_names_works(tmp_path: Path) -> None:
    source = tmp_path / "draft.wps"
    source.write_bytes(OLE2 + b"\0" * 504 + "CONTENTS".encode("utf-16-le") + b"\0" * 1024)
    with pytest.raises(UserError) as error:
        to_docx(source, tmp_path / "scratch")
    issue = error.value.issues[0]
    assert issue.code == "invalid-document" and "Works" in issue.hint

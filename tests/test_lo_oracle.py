"""The LibreOffice oracle itself: hand-written tracked changes, accepted and rejected by LibreOffice.

The cases are written the way Word writes them (a tracked row also tracks its cells' content; a
paragraph inserted before a table carries the insertion on the previous paragraph's mark), which
is what LibreOffice 7.4 needs to honour them — see ``test_lo_quirks`` for what it does otherwise.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from support.docx_text import normalise, paragraph_texts, strip_comments
from support.handmade import commented, dele, ins, make_docx, mark, p, r, row_mark, tbl, tr
from support.libreoffice import LibreOfficeOracle, OracleError, lo_oracle  # noqa: F401

TABLE = tbl(tr(p("项目"), p("数量")), tr(p("培训"), p("12次")))

# (id, body, accept-all texts, reject-all texts)
CASES = [
    (
        "run-ins-del",
        p("全年开展", dele("3"), ins("5"), "次集中学习。"),
        ["全年开展5次集中学习。"],
        ["全年开展3次集中学习。"],
    ),
    (
        "paragraph-inserted",
        p("一") + p(ins("二"), ppr=mark("ins")) + p("三"),
        ["一", "二", "三"],
        ["一", "三"],
    ),
    (
        "paragraph-deleted",
        p("一") + p(dele("二"), ppr=mark("del")) + p("三"),
        ["一", "三"],
        ["一", "二", "三"],
    ),
    (
        "inserted-before-table",
        p("前", ppr=mark("ins")) + p(ins("新段")) + TABLE + p("后"),
        ["前", "新段", "项目", "数量", "培训", "12次", "后"],
        ["前", "项目", "数量", "培训", "12次", "后"],
    ),
    (
        "inserted-after-table",
        TABLE + p(ins("新段"), ppr=mark("ins")) + p("后"),
        ["项目", "数量", "培训", "12次", "新段", "后"],
        ["项目", "数量", "培训", "12次", "后"],
    ),
    (
        "cell-edit",
        p("前") + tbl(tr(p("培训"), p(dele("12"), ins("15"), "次"))) + p("后"),
        ["前", "培训", "15次", "后"],
        ["前", "培训", "12次", "后"],
    ),
    (
        "row-inserted",
        p("前") + tbl(tr(p("甲"), p("乙")), tr(p(ins("丙")), p(ins("丁")), trpr=row_mark("ins"))) + p("后"),
        ["前", "甲", "乙", "丙", "丁", "后"],
        ["前", "甲", "乙", "后"],
    ),
    (
        "row-deleted",
        p("前") + tbl(tr(p("甲"), p("乙")), tr(p(dele("丙")), p(dele("丁")), trpr=row_mark("del"))) + p("后"),
        ["前", "甲", "乙", "后"],
        ["前", "甲", "乙", "丙", "丁", "后"],
    ),
    (
        "emoji-mixed",
        p("😀表情", ins("🎉"), dele("👍"), " mixed English 中文 text"),
        ["😀表情🎉 mixed English 中文 text"],
        ["😀表情👍 mixed English 中文 text"],
    ),
    (
        "formatting-only",
        p(r("加粗", '<w:b/><w:rPrChange w:id="900" w:author="测试"><w:rPr/></w:rPrChange>'), "正文"),
        ["加粗正文"],
        ["加粗正文"],
    ),
    (
        "tab-and-break",
        p("甲", "<w:r><w:tab/></w:r>", ins("乙"), "<w:r><w:br/></w:r>", "丙"),
        ["甲\t乙\n丙"],
        ["甲\t\n丙"],
    ),
]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / f"{name}.docx"
    path.write_bytes(data)
    return path


@pytest.mark.libreoffice
@pytest.mark.parametrize(("body", "accepted", "rejected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_accept_and_reject_all(
    lo_oracle: LibreOfficeOracle, tmp_path: Path, body: str, accepted: list[str], rejected: list[str]
) -> None:
    path = write(tmp_path, "case", make_docx(body))
    assert lo_oracle.accept_all(path) == accepted
    assert lo_oracle.reject_all(path) == rejected


@pytest.mark.libreoffice
def test_comments_are_stripped_before_loading(lo_oracle: LibreOfficeOracle, tmp_path: Path) -> None:
    path = write(
        tmp_path, "commented", make_docx(commented("有批注的段落") + p("甲", ins("乙")), comment="请补充数据")
    )
    assert lo_oracle.accept_all(path) == ["有批注的段落", "甲乙"]
    assert lo_oracle.reject_all(path) == ["有批注的段落", "甲"]


@pytest.mark.libreoffice
def test_untracked_document_round_trips(lo_oracle: LibreOfficeOracle, tmp_path: Path) -> None:
    body = p("标题") + TABLE + p("正文 with English, 数字 2,000 和 emoji 😀")
    path = write(tmp_path, "plain", make_docx(body))
    assert lo_oracle.roundtrip(path) == normalise(paragraph_texts(path))


@pytest.mark.libreoffice
def test_lo_quirks(lo_oracle: LibreOfficeOracle, tmp_path: Path) -> None:
    """Documents what LibreOffice 7.4 does with markup Word would not write (guards the notes)."""
    bare_row = p("前") + tbl(tr(p("甲"), p("乙")), tr(p("丙"), p("丁"), trpr=row_mark("del"))) + p("后")
    path = write(tmp_path, "bare-row", make_docx(bare_row))
    # A row tracked in w:trPr alone, its cells' text untracked, is kept by accept-all.
    assert lo_oracle.accept_all(path) == ["前", "甲", "乙", "丙", "丁", "后"]
    mark_before_table = p("前") + p(ins("新段"), ppr=mark("ins")) + TABLE
    path = write(tmp_path, "mark-before-table", make_docx(mark_before_table))
    # An inserted mark on the paragraph directly before a table leaves an empty paragraph.
    assert lo_oracle.reject_all(path) == ["前", "", "项目", "数量", "培训", "12次"]


@pytest.mark.libreoffice
def test_timeout_kills_and_recovers(tmp_path: Path) -> None:
    oracle = LibreOfficeOracle(timeout=0.001)
    path = write(tmp_path, "t", make_docx(p("甲", ins("乙"))))
    try:
        with pytest.raises(OracleError, match="timed out"):
            oracle.accept_all(path)
        oracle.timeout = 60
        assert oracle.accept_all(path) == ["甲乙"]
    finally:
        oracle.close()


# -- the python-side extraction and comment stripping (no LibreOffice) ---------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (p("甲", ins("乙"), dele("丙")), ["甲乙"]),
        (
            p("a", '<w:r><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:br w:type="page"/><w:cr/></w:r>'),
            ["a\tb\nc\n"],
        ),
        (p("<w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink>", "后"), ["链接后"]),
        (tbl(tr(p("a") + p("b"), tbl(tr(p("内"), p("层"))) + p("c"))), ["a", "b", "内", "层", "c"]),
        (p(""), [""]),
    ],
    ids=["ins-del", "tab-break", "hyperlink", "nested-table", "empty"],
)
def test_paragraph_texts(body: str, expected: list[str]) -> None:
    assert paragraph_texts(make_docx(body)) == expected


def test_strip_comments_removes_parts_and_anchors() -> None:
    data = strip_comments(make_docx(commented("正文"), comment="意见"))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        document = archive.read("word/document.xml").decode()
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("word/_rels/document.xml.rels").decode()
    assert "word/comments.xml" not in names
    assert "comment" not in document and "comment" not in types and "comment" not in rels
    assert paragraph_texts(data) == ["正文"]


@pytest.mark.libreoffice
def test_example_reports_round_trip_with_the_same_texts(
    lo_oracle: LibreOfficeOracle, tmp_path: Path, repo_root: Path
) -> None:
    """The python-side extraction and LibreOffice agree on every rendered draft of the example."""
    from pipeline.content.workspace import load_workspace, template_for
    from pipeline.render.document import render_report

    workspace = load_workspace(repo_root)
    drafts = [d for u in workspace.units for d in u.drafts]
    assert drafts
    for draft in drafts:
        path = write(tmp_path, draft.label, render_report(draft, template_for(workspace.root, draft.unit)))
        assert lo_oracle.roundtrip(path) == normalise(paragraph_texts(path)), draft.label

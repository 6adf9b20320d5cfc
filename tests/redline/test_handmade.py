"""Hand-made cases: accept-all gives the new texts, reject-all the old ones; markup as expected."""

from __future__ import annotations

import pytest
from helpers import NS, assert_round_trip, document, marked, run
from support.handmade import make_docx, p, r, tbl, tr

LONG = "我们今年共开展了3次专项检查，发现问题12个，已全部整改到位，相关责任人均已严肃处理。"
MOVED = "这一段落会被整体移动到文档的另一个位置。"
FIELD = (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText>'
    '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
)
NESTED = (
    '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid><w:tr><w:tc><w:tcPr/>'
    '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:tc><w:tcPr/>{inner}</w:tc>'
    "</w:tr></w:tbl>{outer}</w:tc></w:tr></w:tbl>"
)
T2 = tbl(tr(p("项目"), p("数量")), tr(p("检查"), p("3次")))

CASES = {
    "identical": ([p("甲"), p(LONG)], [p("甲"), p(LONG)]),
    "insert before table": ([p("前"), T2, p("后")], [p("前"), p("新增的段落"), T2, p("后")]),
    "delete before table": ([p("前"), p("要删除的段落"), T2, p("后")], [p("前"), T2, p("后")]),
    "insert after table": ([p("前"), T2, p("后")], [p("前"), T2, p("新增"), p("后")]),
    "delete after table": ([p("前"), T2, p("删"), p("后")], [p("前"), T2, p("后")]),
    "insert at end": ([p("甲"), p("乙")], [p("甲"), p("乙"), p("丙")]),
    "delete at end": ([p("甲"), p("乙"), p("丙")], [p("甲"), p("乙")]),
    "replace all": ([p("完全不同的旧内容")], [p("brand new text")]),
    "table first, insert before": ([T2, p("后")], [p("新的开头"), T2, p("后")]),
    "cell edit": ([p("前"), T2], [p("前"), tbl(tr(p("项目"), p("数量")), tr(p("检查"), p("5次")))]),
    "row insert": (
        [p("前"), T2],
        [p("前"), tbl(tr(p("项目"), p("数量")), tr(p("巡查"), p("2次")), tr(p("检查"), p("3次")))],
    ),
    "row delete": ([p("前"), T2, p("后")], [p("前"), tbl(tr(p("检查"), p("3次"))), p("后")]),
    "whole table inserted": ([p("前"), p("后")], [p("前"), T2, p("后")]),
    "whole table deleted": ([p("前"), T2, p("后")], [p("前"), p("后")]),
    "cell paragraph added": (
        [T2, p("")],
        [
            tbl(
                tr(
                    p("项目"),
                    p("数量"),
                ),
                tr(p("检查"), p("3次") + p("另")),
            ),
            p(""),
        ],
    ),
    "cell paragraphs replaced": (
        [tbl(tr(p("旧一") + p("旧二"), p("x"))), p("")],
        [tbl(tr(p("新的一段完全不同"), p("x"))), p("")],
    ),
    "cell paragraphs replaced, table last": (
        [tbl(tr(p("旧一") + p("旧二"), p("x")))],
        [tbl(tr(p("新的一段完全不同"), p("x")))],
    ),
    "move": (
        [p(MOVED), p("甲甲甲甲甲"), p("乙乙乙乙乙"), p("丙丙丙丙丙"), p("丁丁丁丁丁")],
        [p("甲甲甲甲甲"), p("乙乙乙乙乙"), p("丙丙丙丙丙"), p(MOVED), p("丁丁丁丁丁")],
    ),
    "emoji": ([p("完成任务👍了"), p("尾")], [p("完成任务🎉👍了"), p("尾")]),
    "empty paragraphs": ([p(""), p("甲"), p(""), p("")], [p(""), p(""), p("甲"), p("")]),
    "mixed chinese english": ([p("使用OA system办理了12件事项")], [p("使用OA platform办理了15件事项")]),
    "formatting only": ([p(r("加粗的文字", "<w:b/>"))], [p(r("加粗的文字"))]),
    "style only": ([p("标题文字")], [p("标题文字", ppr='<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>')]),
    "tabs and breaks": (
        [p("<w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t></w:r>")],
        [p("<w:r><w:t>甲</w:t><w:tab/><w:t>丙</w:t><w:br/><w:t>丁</w:t></w:r>")],
    ),
    "field": ([p(FIELD, "页")], [p("第", FIELD, "页")]),
    "nested table changed": (
        [p("前"), NESTED.format(inner=p("内层旧"), outer=p("外层")), p("后")],
        [p("前"), NESTED.format(inner=p("内层新"), outer=p("外层")), p("后")],
    ),
    "many edits": (
        [p(LONG), p("第二段内容不变"), p("第三段有改动的内容")],
        [p(LONG.replace("12", "15")), p("第二段内容不变"), p("第三段有改动内容。")],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_accept_gives_new_and_reject_gives_old(name: str) -> None:
    old_body, new_body = CASES[name]
    old, new = make_docx("".join(old_body)), make_docx("".join(new_body))
    assert_round_trip(old, new, run(old, new).docx)


@pytest.mark.parametrize(
    "name, xpath, count",
    [
        ("identical", "//w:ins|//w:del", 0),
        ("formatting only", "//w:rPrChange", 1),
        ("formatting only", "//w:ins|//w:del", 0),
        ("style only", "//w:pPrChange", 1),
        ("style only", "//w:ins|//w:del", 0),
        ("row insert", "//w:trPr/w:ins", 1),
        ("row delete", "//w:trPr/w:del", 1),
        ("whole table inserted", "//w:trPr/w:ins", 2),
        ("move", "//w:p/w:moveFrom", 1),
        ("move", "//w:p/w:moveTo", 1),
        ("move", "//w:pPr/w:rPr/w:moveTo", 1),
        ("move", "//w:moveFromRangeStart[@w:name=//w:moveToRangeStart/@w:name]", 1),
        ("tabs and breaks", "//w:tab", 1),
        ("field", "//w:instrText", 1),
    ],
)
def test_markup(name: str, xpath: str, count: int) -> None:
    old_body, new_body = CASES[name]
    old, new = make_docx("".join(old_body)), make_docx("".join(new_body))
    assert len(document(run(old, new).docx).xpath(xpath, namespaces=NS)) == count


@pytest.mark.parametrize("name", ["insert before table", "delete before table", "table first, insert before"])
def test_no_tracked_mark_directly_before_a_table(name: str) -> None:
    old_body, new_body = CASES[name]
    old, new = make_docx("".join(old_body)), make_docx("".join(new_body))
    root = document(run(old, new).docx)
    before = root.xpath("//w:body/w:tbl/preceding-sibling::*[1][self::w:p]", namespaces=NS)
    for para in before:
        if name != "table first, insert before":
            assert not para.xpath("w:pPr/w:rPr/w:ins|w:pPr/w:rPr/w:del", namespaces=NS)


def test_revision_ids_are_unique() -> None:
    old = make_docx("".join(CASES["many edits"][0]) + T2)
    new = make_docx("".join(CASES["many edits"][1]) + CASES["row insert"][1][1])
    ids = document(run(old, new).docx).xpath(
        "//w:ins/@w:id|//w:del/@w:id|//w:rPrChange/@w:id|//w:pPrChange/@w:id|//w:moveFrom/@w:id|//w:moveTo/@w:id",
        namespaces=NS,
    )
    assert ids and len(ids) == len(set(ids))


def test_mixed_text_marks_only_the_changed_words() -> None:
    old_body, new_body = CASES["mixed chinese english"]
    old, new = make_docx("".join(old_body)), make_docx("".join(new_body))
    assert marked(run(old, new).docx) == ("platform15", "system12")


def test_bookmarks_between_cells_do_not_make_the_table_opaque() -> None:
    mark = '<w:bookmarkStart w:id="3" w:name="表一"/>'
    old = make_docx(p("前") + tbl(tr(p("项目"), p("数量")), tr(p("检查"), p("3次"))) + p("后"))
    new_table = tbl(tr(p("项目"), p("数量")), tr(p("检查"), p("5次"))).replace("<w:tc>", "<w:tc>" + mark, 1)
    new = make_docx(p("前") + new_table + p("后"))
    result = run(old, new)
    assert_round_trip(old, new, result.docx)
    assert marked(result.docx) == ("5", "3")
    assert document(result.docx).xpath("count(//w:bookmarkStart[@w:name='表一'])", namespaces=NS) == 1

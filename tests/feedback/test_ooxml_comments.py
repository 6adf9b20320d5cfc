"""pipeline.ooxml.comments and pipeline.ooxml.visible on hand-made tracked-change paragraphs."""

from __future__ import annotations

import pytest
from lxml import etree
from support.docx_text import paragraph_texts

from feedback.docxcheck import W, comments, extended, markers, ranges
from pipeline.ooxml.comments import Comment, Thread, add_threads
from pipeline.ooxml.visible import VisibleText
from pipeline.word.package import write_package

REV = 'w:author="t" w:date="2026-01-01T00:00:00Z"'
BODY = (
    f'<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>全年</w:t></w:r><w:del w:id="1" {REV}><w:r><w:delText>多次</w:delText>'
    f'</w:r></w:del><w:r><w:t>研究党建工作</w:t></w:r><w:ins w:id="2" {REV}><w:r><w:t>12次</w:t></w:r></w:ins>'
    "<w:r><w:t>。</w:t><w:tab/><w:t>附</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>第二段文字。</w:t></w:r></w:p>"
)
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)


def package(body: str = BODY) -> dict[str, bytes]:
    document = f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    return {"[Content_Types].xml": CONTENT_TYPES.encode(), "word/document.xml": document.encode()}


def note(text: str, author: str = "人事") -> Comment:
    return Comment(author=author, initials=author[:2], date="2026-01-01T00:00:00Z", paragraphs=(text,))


def test_visible_text_skips_deleted_text() -> None:
    body = etree.fromstring(package()["word/document.xml"])[0]
    visible = VisibleText(body)
    assert visible.text == "全年研究党建工作12次。\t附\n第二段文字。"
    assert visible.segment_at(visible.text.index("12")).child.getparent().getparent().tag == f"{{{W}}}ins"


@pytest.mark.parametrize(
    "quote", ["工作12", "全年研究", "次。\t附", "附\n第二", "全年研究党建工作12次。\t附", "文字。", "1"]
)
def test_ranges_cover_exactly_the_quote(quote: str) -> None:
    parts = package()
    text = VisibleText(etree.fromstring(parts["word/document.xml"])[0]).text
    start = text.index(quote)
    out = add_threads(
        parts, [Thread(start, start + len(quote), (note("意见"), note("答复", "王书记")), done=True)]
    )
    data = write_package(out)
    assert ranges(out) == {"0": quote, "1": quote}
    assert markers(out) == {i: ["commentRangeStart", "commentRangeEnd", "commentReference"] for i in "01"}
    assert paragraph_texts(data) == paragraph_texts(write_package(parts))
    root, reply = extended(out)
    assert reply["parent"] == root["paraId"] and root["done"] == reply["done"] == "1"


def test_threads_on_the_same_text_nest_and_ids_continue() -> None:
    parts = add_threads(package(), [Thread(0, 2, (note("一"),)), Thread(0, 2, (note("二"),))])
    parts = add_threads(parts, [Thread(2, 8, (note("三"),))])
    assert [c.id for c in comments(parts)] == ["0", "1", "2"]
    para_ids = [p for c in comments(parts) for p in c.para_ids]
    assert len(set(para_ids)) == 3
    assert ranges(parts) == {"0": "全年", "1": "全年", "2": "研究党建工作"}
    assert parts["[Content_Types].xml"].count(b"comments+xml") == 1

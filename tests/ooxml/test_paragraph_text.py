"""The one rule for the text of a Word paragraph (import, reviewers' comments, the lint of a .docx)."""

from __future__ import annotations

import pytest
from lxml import etree

from pipeline.ooxml import W_NS
from pipeline.ooxml.visible import paragraph_text

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _p(inner: str) -> etree._Element:
    return etree.fromstring(f'<w:p xmlns:w="{W_NS}" xmlns:mc="{MC}">{inner}</w:p>')


@pytest.mark.parametrize(
    ("inner", "text"),
    [
        ("<w:r><w:t>全年研究党建</w:t></w:r><w:r><w:t>12次</w:t></w:r>", "全年研究党建12次"),
        ("<w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t></w:r>", "甲\t乙"),
        ("<w:r><w:t>甲</w:t><w:br/><w:t>乙</w:t></w:r>", "甲\n乙"),
        ('<w:r><w:t>甲</w:t><w:br w:type="page"/><w:t>乙</w:t></w:r>', "甲乙"),
        (
            "<w:r><w:t>甲</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del>"
            "<w:ins><w:r><w:t>增</w:t></w:r></w:ins>",
            "甲增",
        ),
        (
            "<w:moveFrom><w:r><w:t>移走</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>移来</w:t></w:r></w:moveTo>",
            "移来",
        ),
        (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
            "<w:r><w:t>3</w:t></w:r>",
            "3",
        ),
        (
            "<w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink><w:r><w:t>-</w:t><w:noBreakHyphen/></w:r>",
            "链接--",
        ),
        (
            "<w:r><mc:AlternateContent><mc:Choice><w:t>框</w:t></mc:Choice></mc:AlternateContent><w:t>正文</w:t></w:r>",
            "正文",
        ),
        (
            "<w:pPr><w:rPr><w:t>不读</w:t></w:rPr></w:pPr><w:r><w:rPr/><w:t xml:space='preserve'> 空格 </w:t></w:r>",
            " 空格 ",
        ),
    ],
)
def test_paragraph_text(inner: str, text: str) -> None:
    assert paragraph_text(_p(inner)) == text

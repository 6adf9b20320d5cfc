"""``pipeline.ooxml.xmlerror``: where an XML part is broken, without lxml's English."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from pipeline.ooxml.xmlerror import xml_error_text


def _syntax_error(data: bytes) -> etree.XMLSyntaxError:
    try:
        etree.fromstring(data)
    except etree.XMLSyntaxError as exc:
        return exc
    raise AssertionError("the case parses")


@pytest.mark.parametrize(
    ("data", "line", "column"),
    [
        (b"<a><b>text</a>", 1, 15),  # a tag closed that was never opened
        (b"<a>\n<b>\xe4\xb8\xad", 2, 5),  # cut off inside an element
        (b"<a></a><b/>", 1, 8),  # a second root
    ],
)
def test_a_syntax_error_is_told_by_its_place(data: bytes, line: int, column: int, language: str) -> None:
    exc = _syntax_error(data)
    assert exc.position == (line, column)
    text = xml_error_text(exc)
    assert re.findall(r"\d+", text) == [str(line), str(column)]
    assert str(exc).split(",")[0] not in text  # lxml's words are not shown


def test_a_missing_part_is_said(language: str) -> None:
    assert not re.search(r"\d", xml_error_text(KeyError("word/document.xml")))

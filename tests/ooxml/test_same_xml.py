"""``same_xml``: two elements equal apart from rsid and paraId bookkeeping, as ``signature`` says."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from pipeline.ooxml import W_NS, same_xml, signature

NS = f'xmlns:w="{W_NS}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'


def _p(inner: str, attrs: str = "") -> etree._Element:
    return etree.fromstring(f"<w:p {NS}{attrs}>{inner}</w:p>")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("<w:r><w:t>甲</w:t></w:r>", "<w:r><w:t>甲</w:t></w:r>", True),
        ('<w:r w:rsidR="00A1"><w:t>甲</w:t></w:r>', '<w:r w:rsidR="00B2"><w:t>甲</w:t></w:r>', True),
        ("<w:r><w:t>甲</w:t></w:r>", "<w:r><w:t>乙</w:t></w:r>", False),
        ("<w:r><w:t>甲</w:t></w:r>", "<w:r><w:t>甲</w:t></w:r><w:r/>", False),
        ('<w:r><w:rPr><w:b w:val="1"/></w:rPr></w:r>', '<w:r><w:rPr><w:b w:val="0"/></w:rPr></w:r>', False),
        # as many nodes in the same order, but nested differently
        ("<w:r><w:t/></w:r><w:r/>", "<w:r/><w:r><w:t/></w:r>", False),
        ("<w:r><w:t>甲</w:t>尾</w:r>", "<w:r><w:t>甲</w:t></w:r>", False),  # a child's tail counts
        ("<w:r><!--注--></w:r>", "<w:r><w:t/></w:r>", False),
        ("<w:r><!--注--></w:r>", "<w:r><!--注--></w:r>", True),
    ],
)
def test_same_xml(a: str, b: str, same: bool) -> None:
    assert same_xml(_p(a), _p(b)) is same


def test_paragraph_ids_and_the_root_tail_are_bookkeeping() -> None:
    a, b = _p("<w:r/>", ' w14:paraId="1A2B" w14:textId="77"'), _p("<w:r/>", ' w14:paraId="3C4D"')
    assert same_xml(a, b)
    a.tail = "\n"
    assert same_xml(a, b)


_TAGS = st.sampled_from(["r", "t", "rPr", "b"])
_TEXT = st.sampled_from([None, "甲", "乙"])
_ATTRS = st.dictionaries(
    st.sampled_from(["val", "rsidR", "rsidRPr"]), st.sampled_from(["1", "0"]), max_size=2
)
_TREES = st.recursive(
    st.tuples(_TAGS, _ATTRS, _TEXT, _TEXT, st.just(())),
    lambda children: st.tuples(_TAGS, _ATTRS, _TEXT, _TEXT, st.lists(children, max_size=3).map(tuple)),
    max_leaves=8,
)


def _build(tree: tuple, parent: etree._Element) -> None:
    tag, attrs, text, tail, children = tree
    element = etree.SubElement(parent, f"{{{W_NS}}}{tag}", {f"{{{W_NS}}}{k}": v for k, v in attrs.items()})
    element.text, element.tail = text, tail
    for child in children:
        _build(child, element)


def _paragraph(trees: list[tuple]) -> etree._Element:
    root = etree.Element(f"{{{W_NS}}}p", nsmap={"w": W_NS})
    for tree in trees:
        _build(tree, root)
    return root


@given(st.lists(_TREES, max_size=3), st.lists(_TREES, max_size=3))
def test_same_xml_agrees_with_the_signature(a: list[tuple], b: list[tuple]) -> None:
    first, second = _paragraph(a), _paragraph(b)
    assert same_xml(first, second) == (signature(first) == signature(second))
    assert same_xml(first, _paragraph(a))

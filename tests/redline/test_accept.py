"""The pure-Python accept-all / reject-all against hand-made tracked documents (the same cases the
LibreOffice oracle is checked on, plus moves and property changes)."""

from __future__ import annotations

import pytest
from helpers import accepted, rejected
from support.handmade import _REV, dele, ins, make_docx, mark, p, r
from test_lo_oracle import CASES as LO_CASES

MOVE = (
    f'<w:moveFromRangeStart w:id="801" w:name="m1" {_REV}/><w:moveFrom w:id="802" {_REV}><w:r>'
    f'<w:t>移动</w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="801"/>'
)
MOVE_TO = (
    f'<w:moveToRangeStart w:id="803" w:name="m1" {_REV}/><w:moveTo w:id="804" {_REV}><w:r>'
    f'<w:t>移动</w:t></w:r></w:moveTo><w:moveToRangeEnd w:id="803"/>'
)
PPR_CHANGE = (
    f'<w:pPr><w:pStyle w:val="Heading1"/><w:pPrChange w:id="805" {_REV}><w:pPr/></w:pPrChange></w:pPr>'
)

OWN_CASES = [
    (
        "move",
        p(MOVE, ppr=f'<w:pPr><w:rPr><w:moveFrom w:id="806" {_REV}/></w:rPr></w:pPr>')
        + p("中")
        + p(MOVE_TO, ppr=f'<w:pPr><w:rPr><w:moveTo w:id="807" {_REV}/></w:rPr></w:pPr>')
        + p("尾"),
        ["中", "移动", "尾"],
        ["移动", "中", "尾"],
    ),
    ("style change", p("标题", ppr=PPR_CHANGE), ["标题"], ["标题"]),
    ("deleted mark merges", p("前半", ppr=mark("del")) + p("后半"), ["前半后半"], ["前半", "后半"]),
    (
        "inserted mark merges on reject",
        p("前半", ins("新"), ppr=mark("ins")) + p("后半"),
        ["前半新", "后半"],
        ["前半后半"],
    ),
    ("deleted run before text", p(dele("x"), r("甲")), ["甲"], ["x甲"]),
]


@pytest.mark.parametrize(
    ("body", "after_accept", "after_reject"),
    [c[1:] for c in LO_CASES + OWN_CASES],
    ids=[c[0] for c in LO_CASES + OWN_CASES],
)
def test_accept_and_reject(body: str, after_accept: list[str], after_reject: list[str]) -> None:
    docx = make_docx(body)
    assert accepted(docx) == after_accept
    assert rejected(docx) == after_reject

"""Drawings, pictures, SmartArt, text boxes and nested tables in a redline.

Unchanged objects are left alone whatever ids a save gave them (relationship ids, ``wp:docPr``,
``wp14:anchorId``/``editId``); a changed one is deleted and re-inserted with everything it needs.
"""

from __future__ import annotations

import pytest
from helpers import NS, assert_stories_round_trip, document, marked, run
from richdocs import Rich, build

TRACKED = "count(//w:ins|//w:del|//w:moveFrom|//w:moveTo|//w:rPrChange|//w:pPrChange)"


@pytest.mark.parametrize(
    "block",
    [
        ("pic", "red"),
        ("art", "组织架构"),
        ("box", ["框内一", "框内二"]),
        ("nest", "外层", [["内一", "内二"]]),
    ],
    ids=["picture", "smartart", "textbox", "nested"],
)
@pytest.mark.parametrize("rid_shift, id_shift", [(0, 0), (9, 0), (0, 5), (13, 7)])
def test_unchanged_object_under_other_ids_is_left_alone(block: tuple, rid_shift: int, id_shift: int) -> None:
    body = [("p", "前文。"), block, ("p", "后文。")]
    old = build(Rich(body, rid_base=10, id_seed=1))
    new = build(
        Rich([("p", "前文。补充。"), block, ("p", "后文。")], rid_base=10 + rid_shift, id_seed=1 + id_shift)
    )
    out = run(old, new).docx
    root = document(out)
    assert marked(out) == ("补充。", "")
    assert root.xpath(TRACKED, namespaces=NS) == 1  # the one edit, nothing around the object
    assert_stories_round_trip(old, new, out)


@pytest.mark.parametrize(
    "old_block, new_block",
    [
        (("pic", "red"), ("pic", "blue")),
        (("art", "组织架构"), ("art", "工作流程")),
    ],
)
def test_changed_object_is_deleted_and_inserted(old_block: tuple, new_block: tuple) -> None:
    old = build(Rich([("p", "前文。"), old_block]))
    new = build(Rich([("p", "前文。"), new_block], rid_base=20))
    out = run(old, new).docx
    root = document(out)
    assert root.xpath("count(//w:del//w:drawing)", namespaces=NS) == 1
    assert root.xpath("count(//w:ins//w:drawing)", namespaces=NS) == 1
    assert_stories_round_trip(old, new, out)

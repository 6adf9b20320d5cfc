"""Headers, footers, footnotes and text boxes are compared and tracked like the body."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import NS, assert_stories_round_trip, part, run, story_texts
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from lxml import etree
from richdocs import DOC, Rich, build, edited
from support.libreoffice import LibreOfficeOracle, lo_oracle  # noqa: F401  (the fixture)

from pipeline.redline.api import accept_or_reject

BODY = [("p", "正文第一段。"), ("fn", "带脚注的一段", "脚注：数据来源于年度统计。")]


def _marks(xml: bytes) -> tuple[str, str]:
    root = etree.fromstring(xml)
    inserted = "".join(t.text or "" for t in root.xpath("//w:ins//w:t", namespaces=NS))
    deleted = "".join(t.text or "" for t in root.xpath("//w:del//w:delText", namespaces=NS))
    return inserted, deleted


@pytest.mark.parametrize(
    "old, new, name, inserted, deleted",
    [
        (
            Rich(BODY, ["青石港海关2025年度述职报告"]),
            Rich(BODY, ["青石港海关2026年度述职报告"]),
            "word/header1.xml",
            "2026",
            "2025",
        ),
        (
            Rich(BODY, [], ["第一页"]),
            Rich(BODY, [], ["第一页", "内部资料 注意保存"]),
            "word/footer1.xml",
            "内部资料 注意保存",
            "",
        ),
        (Rich(BODY, [], []), Rich(BODY, ["新增页眉"], []), "word/header1.xml", "新增页眉", ""),
        (
            Rich(BODY),
            Rich([BODY[0], ("fn", "带脚注的一段", "脚注：数据来源于季度统计。")]),
            "word/footnotes.xml",
            "季",
            "年",
        ),
    ],
)
def test_story_edits_are_tracked(old: Rich, new: Rich, name: str, inserted: str, deleted: str) -> None:
    old_docx, new_docx = build(old), build(new)
    out = run(old_docx, new_docx).docx
    assert _marks(part(out, name)) == (inserted, deleted)
    assert_stories_round_trip(old_docx, new_docx, out)


def test_reject_all_gives_the_old_header_back() -> None:
    old, new = (
        build(Rich(BODY, ["旧页眉"], ["旧页脚"])),
        build(Rich(BODY, ["新页眉"], ["新页脚"], rid_base=40)),
    )
    out = run(old, new).docx
    rejected = story_texts(accept_or_reject(out, accept=False))
    assert (rejected["header"], rejected["footer"]) == (["旧页眉"], ["旧页脚"])
    accepted = story_texts(accept_or_reject(out, accept=True))
    assert (accepted["header"], accepted["footer"]) == (["新页眉"], ["新页脚"])


def test_unchanged_stories_are_not_rewritten() -> None:
    old, new = (
        build(Rich(BODY, ["页眉"], ["页脚"])),
        build(Rich([("p", "正文第一段。补充。"), BODY[1]], ["页眉"], ["页脚"])),
    )
    out = run(old, new).docx
    for name in ("word/header1.xml", "word/footer1.xml", "word/footnotes.xml"):
        assert part(out, name) == part(new, name)


@pytest.mark.parametrize(
    "old_texts, new_texts, inserted, deleted",
    [
        (["框内第一段文字。", "第二段。"], ["框内第一段文字。", "第二段有改动。"], "有改动", ""),
        (["框内第一段文字。"], ["框内第一段文字。", "新增一段。"], "新增一段。", ""),
        (["开展检查3次。"], ["开展检查5次。"], "5", "3"),
    ],
)
def test_text_boxes_are_compared_inside(
    old_texts: list[str], new_texts: list[str], inserted: str, deleted: str
) -> None:
    old = build(Rich([("p", "前文。"), ("box", old_texts), ("p", "后文。")]))
    new = build(Rich([("p", "前文。"), ("box", new_texts), ("p", "后文。")], id_seed=3))
    out = run(old, new).docx
    root = etree.fromstring(part(out))
    choice = root.xpath(
        "//mc:Choice//w:txbxContent",
        namespaces={**NS, "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"},
    )
    assert len(choice) == 1
    assert _marks(etree.tostring(choice[0])) == (inserted, deleted)
    assert root.xpath("count(//w:del//w:drawing|//w:ins//w:drawing)", namespaces=NS) == 0
    assert_stories_round_trip(old, new, out)
    result = run(old, new)
    assert result.stats.total.inserted == len(inserted)  # the VML copy is not counted twice


@pytest.mark.parametrize(
    "old_rows, new_rows, inserted, deleted",
    [
        ([["检查3次", "内二"]], [["检查5次", "内二"]], "5", "3"),
        ([["甲"], ["乙"]], [["甲"], ["乙"], ["丙"]], "丙", ""),
    ],
)
def test_nested_tables_cell_by_cell(old_rows: list, new_rows: list, inserted: str, deleted: str) -> None:
    old = build(Rich([("p", "前文。"), ("nest", "外层", old_rows)]))
    new = build(Rich([("p", "前文。"), ("nest", "外层", new_rows)]))
    out = run(old, new).docx
    assert _marks(part(out)) == (inserted, deleted)
    assert_stories_round_trip(old, new, out)


LO_PAIRS = {
    # LibreOffice deletes a drawing anchored at the start of a paragraph that a deleted paragraph
    # mark before it merges away (found by the generated test below): the mark moves one back.
    "paragraph deleted before a text box": (
        Rich([("p", "党建"), ("p", "党建"), ("box", ["党建"])]),
        Rich([("p", "党建"), ("box", ["党建"])]),
    ),
    "paragraph deleted before a picture": (
        Rich([("p", "前文。"), ("p", "删去的一段。"), ("pic", "red"), ("p", "后文。")]),
        Rich([("p", "前文。"), ("pic", "red"), ("p", "后文。")]),
    ),
    "header and footer": (
        Rich(BODY, ["旧页眉：青石港海关"], ["第一页"]),
        Rich(BODY, ["新页眉：青石港海关"], ["第一页", "内部资料"], rid_base=30),
    ),
    "footnote": (Rich(BODY), Rich([BODY[0], ("fn", "带脚注的一段", "脚注：数据来源于季度统计。")])),
    "text box": (
        Rich([("p", "前文。"), ("box", ["框内第一段。", "第二段。"]), ("p", "后文。")]),
        Rich([("p", "前文。"), ("box", ["框内第一段有改动。", "第二段。"]), ("p", "后文。")], id_seed=4),
    ),
    "nested table": (
        Rich([("p", "前文。"), ("nest", "外层", [["检查3次", "乙"], ["丙", "丁"]])]),
        Rich([("p", "前文。"), ("nest", "外层", [["检查5次", "乙"], ["丙", "丁"], ["戊", "己"]])]),
    ),
    "picture and diagram": (
        Rich([("p", "前文。"), ("pic", "red"), ("art", "图示"), ("p", "后文。")]),
        Rich([("p", "前文有改。"), ("pic", "blue"), ("p", "后文。")], rid_base=50, id_seed=6),
    ),
}


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", list(LO_PAIRS))
def test_libreoffice_accepts_and_rejects_every_story(
    lo_oracle: LibreOfficeOracle,
    tmp_path: Path,
    name: str,
) -> None:
    old, new = (build(d) for d in LO_PAIRS[name])
    out = tmp_path / "redline.docx"
    out.write_bytes(run(old, new).docx)
    assert story_texts(lo_oracle.convert("accept", out)) == story_texts(new)
    assert story_texts(lo_oracle.convert("reject", out)) == story_texts(old)


@pytest.mark.libreoffice
@settings(
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # LibreOffice is slow: no shrinking
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(DOC, st.data())
def test_libreoffice_on_generated_whole_documents(
    lo_oracle: LibreOfficeOracle,
    tmp_path: Path,
    doc: Rich,
    data: st.DataObject,
) -> None:
    # Both open with a paragraph: before a table that is the very first thing of a document,
    # LibreOffice keeps an empty paragraph (a documented limitation, see docs/redline.md).
    changed = edited(data, doc)
    doc.body.insert(0, ("p", "开头。"))
    changed.body.insert(0, ("p", "开头。"))
    old, new = build(doc), build(changed)
    out = tmp_path / "generated.docx"
    out.write_bytes(run(old, new).docx)
    # Every text of every story must agree; where deleted paragraphs merge into an inserted
    # drawing's paragraph LibreOffice leaves an empty paragraph (docs/redline.md, limitations),
    # so empty body paragraphs are not compared here (the pure-Python oracle compares them).
    assert _texts(story_texts(lo_oracle.convert("accept", out))) == _texts(story_texts(new))
    assert _texts(story_texts(lo_oracle.convert("reject", out))) == _texts(story_texts(old))


def _texts(stories: dict[str, list]) -> dict[str, list]:
    return {**stories, "body": [t for t in stories["body"] if t.strip("\u200b")]}

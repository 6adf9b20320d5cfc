"""Feedback as Word comments: well-formed parts, anchors on the intended text, text unchanged."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from lxml import etree
from support.docx_text import paragraph_texts

from feedback.docxcheck import (
    W,
    comments,
    content_types,
    extended,
    markers,
    parts_of,
    q,
    ranges,
    relationship_targets,
)
from feedback.fixtures import config_of, load_unit, make_workspace
from pipeline.content.workspace import template_for
from pipeline.feedback.annotate import GONE_NOTE
from pipeline.feedback.api import annotate_redline, load_rounds
from pipeline.ooxml.comments import PARTS
from pipeline.render.document import render_report

DEL = '<w:del w:id="{id}" w:author="t" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>{text}</w:delText></w:r></w:del>'
INS = '<w:ins w:id="{id}" w:author="t" w:date="2026-01-01T00:00:00Z"><w:r><w:t>{text}</w:t></w:r></w:ins>'


def hand_redline(new_docx: bytes) -> bytes:
    """The rendered new draft with tracked changes added by hand, the way a redline shows v1→v2.

    Q1's answer gets a deletion and an insertion; the deleted problem P1 comes back as a deleted
    paragraph carrying its old bookmark (which an anchor must never use).
    """
    from pipeline.word.package import write_package

    parts = parts_of(new_docx)
    root = etree.fromstring(parts["word/document.xml"])
    for paragraph in root.iter(q(W, "p")):
        text = "".join(t.text or "" for t in paragraph.iter(q(W, "t")))
        if text == "全年研究党建工作12次。":
            for run in paragraph.findall(q(W, "r")):
                paragraph.remove(run)
            xml = (
                f'<x xmlns:w="{W}"><w:r><w:t>全年</w:t></w:r>'
                + DEL.format(id=901, text="多次")
                + "<w:r><w:t>研究党建工作</w:t></w:r>"
                + INS.format(id=902, text="12次")
                + "<w:r><w:t>。</w:t></w:r></x>"
            )
            paragraph.extend(list(etree.fromstring(xml)))
        if text.startswith("廉政风险防控不到位"):
            deleted = etree.fromstring(
                f'<w:p xmlns:w="{W}"><w:pPr><w:pStyle w:val="NumberedItem"/><w:rPr>'
                '<w:del w:id="903" w:author="t" w:date="2026-01-01T00:00:00Z"/></w:rPr></w:pPr>'
                '<w:bookmarkStart w:id="990" w:name="p-P1"/>'
                + DEL.format(id=904, text="个别同志理想信念淡化。")
                + '<w:bookmarkEnd w:id="990"/></w:p>'
            )
            paragraph.addprevious(deleted)
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return write_package(parts)


@pytest.fixture()
def annotated(tmp_path: Path) -> tuple[bytes, bytes, object]:
    root = make_workspace(tmp_path)
    unit = load_unit(root)
    old, new = unit.drafts
    redline = hand_redline(render_report(new, template_for(root, unit.unit)))
    round_ = load_rounds(unit, config_of(root)).rounds[0]
    return redline, annotate_redline(redline, old, new, round_, unit.unit.reporter), round_


def by_item(parts: dict[str, bytes]) -> dict[str, tuple]:
    """Item id → (root comment, its reply or None, the text its range covers)."""
    found = comments(parts)
    spans = ranges(parts)
    roots = {
        c.paragraphs[0].split("（", 1)[0]: c
        for c in found
        if c.paragraphs[0][:1].isalpha() and "（" in c.paragraphs[0][:8]
    }
    parents = {e["paraId"]: e["parent"] for e in extended(parts)}
    replies = {parents[c.para_ids[-1]]: c for c in found if parents.get(c.para_ids[-1])}
    return {item: (c, replies.get(c.para_ids[-1]), spans[c.id]) for item, c in roots.items()}


def test_anchors_land_on_the_intended_text(annotated) -> None:
    _, data, _ = annotated
    items = by_item(parts_of(data))
    assert items["rs-2"][2] == "班子成员按照分工"  # the quote survives in the answer to Q2
    assert items["jj-3"][2] == "廉政风险防控不到位"  # an area's quote, found in a problem of that area
    assert items["jj-1"][2] == "主体责任落实"  # no quote: the question's heading (q-Q13)
    assert items["rs-1"][2] == "存在的问题"  # P1 was deleted: the problems heading, not the deleted paragraph
    assert GONE_NOTE in items["rs-1"][0].paragraphs and "原文：“个别同志”" in items["rs-1"][0].paragraphs
    assert items["jj-2"][2] == "测试海关2025年度抓基层党建工作述职报告"  # on: report, quote gone: the title


def test_every_item_is_one_comment_by_its_department_with_the_reply(annotated) -> None:
    _, data, round_ = annotated
    parts = parts_of(data)
    items = by_item(parts)
    assert sorted(items) == sorted(i.id for i in round_.items)
    roots = [c for c in comments(parts) if c.author != "王书记"]
    assert len(roots) == len(round_.items)
    for item in round_.items:
        comment, reply, _ = items[item.id]
        assert comment.author == item.department.name
        assert reply is not None and reply.author == "王书记"
    assert items["rs-2"][1].paragraphs == ("未采纳：考核方式已在其他材料中说明。",)
    done = {e["paraId"]: e["done"] for e in extended(parts)}
    assert done[items["rs-1"][0].para_ids[-1]] == "1"  # adopted: resolved
    assert done[items["rs-2"][0].para_ids[-1]] == "0"  # declined: open


def test_comment_parts_are_well_formed(annotated) -> None:
    _, data, _ = annotated
    parts = parts_of(data)
    found = comments(parts)
    ids = [c.id for c in found]
    assert len(ids) == len(set(ids)) == 10
    para_ids = [p for c in found for p in c.para_ids]
    assert len(para_ids) == len(set(para_ids)) and all(int(p, 16) < 0x80000000 for p in para_ids)
    assert [e["paraId"] for e in extended(parts)] == [c.para_ids[-1] for c in found]
    durable = etree.fromstring(parts["word/commentsIds.xml"])
    durable_ids = [
        e.get(q("http://schemas.microsoft.com/office/word/2016/wordml/cid", "durableId")) for e in durable
    ]
    assert len(set(durable_ids)) == len(found) and not set(durable_ids) & set(para_ids)
    body_markers = markers(parts)
    assert set(body_markers) == set(ids)
    for kinds in body_markers.values():
        assert kinds == ["commentRangeStart", "commentRangeEnd", "commentReference"]
    types, rels = content_types(parts), relationship_targets(parts)
    for name, (content_type, rel_type) in PARTS.items():
        assert types[f"/{name}"] == content_type
        assert rels[rel_type] == name.removeprefix("word/")
    assert len(docx.Document(__import__("io").BytesIO(data)).paragraphs) > 10  # python-docx opens it


def test_comments_do_not_change_the_text(annotated) -> None:
    redline, data, _ = annotated
    assert paragraph_texts(data) == paragraph_texts(redline)
    before = [p.text for p in docx.Document(__import__("io").BytesIO(redline)).paragraphs]
    after = [p.text for p in docx.Document(__import__("io").BytesIO(data)).paragraphs]
    assert before == after


def test_annotation_is_deterministic(tmp_path: Path, annotated) -> None:
    redline, data, round_ = annotated
    unit = load_unit(tmp_path)
    again = annotate_redline(redline, *unit.drafts, round_, unit.unit.reporter)
    assert again == data


def test_without_feedback_the_redline_is_unchanged(annotated) -> None:
    redline, _, round_ = annotated
    assert annotate_redline(redline, round_.draft, round_.next_draft, None, "王书记") == redline


def test_without_bookmarks_headings_are_found_by_their_text(tmp_path: Path) -> None:
    root = make_workspace(tmp_path)
    unit = load_unit(root)
    old, new = unit.drafts
    parts = parts_of(render_report(new, template_for(root, unit.unit)))
    parts["word/document.xml"] = re.sub(rb"<w:bookmark(Start|End)[^>]*/>", b"", parts["word/document.xml"])
    from pipeline.word.package import write_package

    round_ = load_rounds(unit, config_of(root)).rounds[0]
    items = by_item(parts_of(annotate_redline(write_package(parts), old, new, round_, "王书记")))
    assert items["jj-1"][2] == "主体责任落实"
    assert items["rs-2"][2] == "班子成员按照分工"
    assert items["jj-3"][2] == "廉政风险防控不到位"
    assert (
        items["rs-1"][2] == "测试海关2025年度抓基层党建工作述职报告"
    )  # target gone, no headings marked: the title


ANCHORS = [  # on, quote, expected anchored text, how
    ("Q2", "班子成员按照分工", "班子成员按照分工", "quote"),
    ("Q2", "不在新稿中的字", "落实“一岗双责”", "target"),
    ("Q1", "研究党建工作", "研究党建工作", "quote"),  # between a deletion and an insertion
    ("Q1", "全年多次", "研究部署党建工作", "target"),  # deleted words are not found: the heading
    ("Q1", "全年研究", "全年研究", "quote"),  # found across a deletion, in the accept-all view
    ("Q3", None, "书记本人联系基层", "target"),  # unanswered in both drafts: its heading
    ("P1", "个别同志", "存在的问题", "fallback"),  # deleted problem: the section heading
    ("duty", "成绩一条", "成绩一条", "quote"),  # an area owns its achievements
    ("integrity", "查验岗位", "查验岗位", "quote"),  # … and its problems
    ("duty", "查验岗位", "履行抓党建第一责任人职责情况", "target"),  # … but not another area's
    ("report", "讲实际工作", "讲实际工作", "quote"),
    ("report", None, "测试海关2025年度抓基层党建工作述职报告", "target"),
]


@pytest.mark.parametrize("on, quote, expected, how", ANCHORS)
def test_find_anchor(tmp_path: Path, on: str, quote: str | None, expected: str, how: str) -> None:
    from pipeline.content.config import Department
    from pipeline.feedback.anchor import DocumentMap, find_anchor
    from pipeline.feedback.model import FeedbackItem, Where
    from pipeline.ooxml.comments import parse

    root = make_workspace(tmp_path)
    unit = load_unit(root)
    old, new = unit.drafts
    body = parse(
        parts_of(hand_redline(render_report(new, template_for(root, unit.unit))))["word/document.xml"]
    )[0]
    doc = DocumentMap(body)
    here = Where(tmp_path, 1, 1)
    item = FeedbackItem("x-1", Department("rs", "人事"), on, "意见", "must", quote, here, here, here)
    anchor = find_anchor(doc, item, old, new)
    assert (doc.text.text[anchor.start : anchor.end], anchor.how) == (expected, how)

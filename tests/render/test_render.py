"""Rendering: golden document.xml, hostile content, determinism, bookmarks, template errors."""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import replace
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import pytest
from conftest import golden
from lxml import etree

from pipeline.content.model import Answer, AreaContent, Problem
from pipeline.errors import UserError
from pipeline.render.context import build_context, chinese_date, paragraphs
from pipeline.render.document import render_report
from pipeline.render.unplaced import note
from render.canonical import NS, canonical_document, part
from render.fixtures import TEMPLATE, fixture_draft, fixture_report

W = f"{{{NS['w']}}}"


def _texts(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def test_golden_document_xml() -> None:
    golden("render-fixture.document.xml", canonical_document(render_report(fixture_draft(), TEMPLATE)))


def test_two_renders_are_byte_identical() -> None:
    first = render_report(fixture_draft(), TEMPLATE)
    second = render_report(fixture_draft(), TEMPLATE)
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()


HOSTILE = [
    "A&B <tag> x > y & \"quoted\" 'single' &amp; &lt;",
    "{{ title }} {% if x %} {# c #} — Jinja in content stays text",
    "表情🎉👍🏽与中文混排，𠀋（扩展B）",
    "长" * 20000,
    "制表\t符",
    "]]> <![CDATA[ x ]]>",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_content_renders_verbatim(text: str) -> None:
    report = fixture_report(opening=text, closing=f"结尾：{text}")
    out = _texts(render_report(fixture_draft(report), TEMPLATE))
    assert out[2] == text
    assert f"结尾：{text}" in out


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_content_everywhere(text: str) -> None:
    report = fixture_report(
        title=text,
        areas=(AreaContent("duty", answers=(Answer("Q1", text),), achievements=(text,)),),
        problems=(Problem("P1", "duty", text, cause=text),),
    )
    texts = _texts(render_report(fixture_draft(report), TEMPLATE))
    assert texts[0] == text
    assert texts.count(text) == 5  # title, answer, achievement, problem, cause


def test_title_and_core_properties() -> None:
    data = render_report(fixture_draft(), TEMPLATE)
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.title == "白沙渡海关2025年度抓基层党建工作述职报告"
    assert props.author == "陈知远" and props.last_modified_by == "陈知远"
    assert props.created.isoformat().startswith("2026-01-15T00:00:00")
    assert props.modified == props.created and props.revision == 1
    core = part(data, "docProps/core.xml")
    assert (
        core.find("{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}lastPrinted")
        is None
    )
    assert "python-docx" not in etree.tostring(core, encoding="unicode")


def test_report_without_unit_renders() -> None:
    texts = _texts(render_report(fixture_draft(unit=None), TEMPLATE))
    assert texts[0] == "2025年度抓基层党建工作述职报告"
    assert texts[-1] == "2026年1月15日"


def test_unanswered_questions_are_marked() -> None:
    texts = _texts(render_report(fixture_draft(), TEMPLATE))
    assert texts[texts.index("书记本人联系基层") + 1] == "（未作答）"
    assert texts.count("（未作答）") == 13  # 16 questions, 3 answered


def test_measure_owner_and_due_follow_the_text() -> None:
    texts = _texts(render_report(fixture_draft(), TEMPLATE))
    assert "每季度到联系点调研1次。（责任单位：陈知远；完成时限：2026年6月30日）" in texts


def _bookmarks(data: bytes) -> dict[str, str]:
    body = part(data, "word/document.xml")
    return {b.get(f"{W}name"): b.get(f"{W}id") for b in body.iter(f"{W}bookmarkStart")}


def test_bookmarks_on_questions_problems_measures_areas() -> None:
    data = render_report(fixture_draft(), TEMPLATE)
    marks = _bookmarks(data)
    expected = {
        "area-duty",
        "area-integrity",
        "q-Q1",
        "q-Q16",
        "p-P1",
        "p-P2",
        "m-M1",
        "m-M2",
        "ach-duty",
        "sec-problems",
        "sec-measures",
    }
    assert expected <= set(marks)
    assert "ach-grassroots" not in marks  # no achievements, no heading
    assert len(set(marks.values())) == len(marks)
    body = part(data, "word/document.xml")
    ends = {e.get(f"{W}id") for e in body.iter(f"{W}bookmarkEnd")}
    assert ends == set(marks.values())
    start = body.find(".//w:bookmarkStart[@w:name='q-Q3']", NS)
    assert "".join(start.getparent().itertext()) == "书记本人联系基层"


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x0c", "\x1b", "\ufffe"])
def test_control_characters_fail_loudly(char: str) -> None:
    report = fixture_report(problems=(Problem("P1", "duty", f"问题{char}文本"),), measures=())
    with pytest.raises(UserError) as info:
        render_report(fixture_draft(report), TEMPLATE)
    assert "problems[0]" in str(info.value) and f"U+{ord(char):04X}" in str(info.value)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("一\n\n  二  \n", ["一", "二"]),
        ("", []),
        (None, []),
        ("单行", ["单行"]),
    ],
)
def test_paragraphs(text, expected) -> None:
    assert paragraphs(text) == expected


def test_chinese_date() -> None:
    import datetime as dt

    assert chinese_date(dt.date(2026, 1, 5)) == "2026年1月5日"


def test_context_is_plain_data() -> None:
    context = build_context(fixture_draft())
    assert [a["id"] for a in context["areas"]] == ["duty", "grassroots", "organisation", "integrity"]
    assert context["areas"][0]["questions"][0]["paragraphs"] == [
        "全年关党委研究党建工作12次，我主持解决了3个具体问题。",
        "第二段：制定清单23项。",
    ]
    assert context["problems"][0]["cause"] == ["根源在于我抓党建的责任意识不强。"]


# --- custom templates -------------------------------------------------------------------------


def _template_with_body_text(tmp_path: Path, text: str) -> Path:
    """A copy of the house template whose title paragraph holds ``text`` (as typed in Word)."""
    with zipfile.ZipFile(TEMPLATE) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    # the title paragraph's loop over the title's lines, replaced by ``text``
    body = parts["word/document.xml"]
    start = body.index(b"{% for line in title_lines %}")
    end = body.index(b"{% endfor %}", start) + len(b"{% endfor %}")
    parts["word/document.xml"] = body[:start] + escape(text).encode() + body[end:]
    out = tmp_path / "custom.docx"
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out


@pytest.mark.parametrize(
    "text, words",
    [
        ("{{ no_such_variable }}", ["no_such_variable", "undefined", "custom.docx", "word/document.xml"]),
        ("{{ areas[0].nope }}", ["nope", "custom.docx"]),
        ("{{ title | }}", ["syntax error", "custom.docx"]),
        ("{% if title %}never closed", ["syntax error", "custom.docx"]),
        ("{% for x in %}", ["syntax error", "custom.docx"]),
        ("{{ title.__class__.__mro__ }}", ["unsafe", "custom.docx"]),
    ],
)
def test_bad_custom_template_is_a_user_error(tmp_path: Path, text: str, words: list[str]) -> None:
    with pytest.raises(UserError) as info:
        render_report(fixture_draft(), _template_with_body_text(tmp_path, text))
    message = info.value.format()
    for word in words:
        assert word in message
    assert "Traceback" not in message


def test_custom_template_using_other_variables(tmp_path: Path) -> None:
    template = _template_with_body_text(tmp_path, "{{ unit_name }}·{{ version }}·{{ date_iso }}")
    assert _texts(render_report(fixture_draft(), template))[0] == "白沙渡海关·v2·2026-01-15"


def test_template_breaking_the_xml_is_a_user_error(tmp_path: Path) -> None:
    template = _template_with_body_text(tmp_path, "{{ '</w:t></w:r></w:p>' | safe }}")
    with pytest.raises(UserError) as info:
        render_report(fixture_draft(), template)
    (issue,) = info.value.issues
    assert (issue.path, issue.code) == (template, "invalid-document")
    assert "word/document.xml" in issue.message  # names the damaged part


@pytest.mark.parametrize("content", [b"not a zip at all", b"PK\x03\x04 broken", b""])
def test_corrupt_template_is_a_user_error(tmp_path: Path, content: bytes) -> None:
    template = tmp_path / "broken.docx"
    template.write_bytes(content)
    with pytest.raises(UserError) as info:
        render_report(fixture_draft(), template)
    (issue,) = info.value.issues
    assert (issue.path, issue.code) == (template, "invalid-document") and issue.hint


def test_missing_template_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError) as info:
        render_report(fixture_draft(), tmp_path / "none.docx")
    (issue,) = info.value.issues
    assert (issue.path, issue.code) == (tmp_path / "none.docx", "file-not-found")


def test_unit_template_override(tmp_path: Path) -> None:
    template = _template_with_body_text(tmp_path, "自定义：{{ title }}")
    draft = fixture_draft()
    draft = replace(draft, unit=replace(draft.unit, template=template))
    assert _texts(render_report(draft, draft.unit.template))[0].startswith("自定义：")


def _styled(data: bytes) -> list[tuple[str, str]]:
    return [(p.style.style_id, p.text) for p in docx.Document(io.BytesIO(data)).paragraphs]


def test_report_level_causes_have_their_own_heading_between_problems_and_measures() -> None:
    report = fixture_report(causes="根源在于我抓党建的责任意识不强。\n考核机制不健全。")
    data = render_report(fixture_draft(report), TEMPLATE)
    styled = _styled(data)
    headings = [text for style, text in styled if style == "Heading1"]
    assert headings[-3:] == ["存在的问题", "原因分析", "下一步打算"]  # numbered 五、六、七 by Word's list
    at = styled.index(("Heading1", "原因分析"))
    assert styled[at + 1 : at + 3] == [
        ("Normal", "根源在于我抓党建的责任意识不强。"),
        ("Normal", "考核机制不健全。"),
    ]
    assert "sec-causes" in _bookmarks(data)


def test_no_causes_no_heading() -> None:
    data = render_report(fixture_draft(), TEMPLATE)
    assert "原因分析" not in _texts(data) and "sec-causes" not in _bookmarks(data)


UNPLACED = ("此外，全年还开展了党员志愿服务活动。\n共组织志愿服务12次。", "附：支部名单")


def test_unplaced_text_is_shown_at_the_end_highlighted() -> None:
    data = render_report(fixture_draft(fixture_report(unplaced=UNPLACED)), TEMPLATE)
    texts = _texts(data)
    assert texts[-5:] == [
        "待归位内容",
        note(3),
        "此外，全年还开展了党员志愿服务活动。",
        "共组织志愿服务12次。",
        "附：支部名单",
    ]
    assert texts[-6] == "2026年1月15日"  # after the signature
    body = part(data, "word/document.xml")
    highlighted = [
        "".join(r.itertext())
        for r in body.iter(f"{W}r")
        if r.find(f"{W}rPr/{W}highlight[@{W}val='yellow']") is not None
    ]
    assert highlighted == texts[-3:]


def test_unplaced_text_shows_with_a_template_that_does_not_know_it(tmp_path: Path) -> None:
    template = _template_with_body_text(tmp_path, "自定义：{{ title }}")
    texts = _texts(render_report(fixture_draft(fixture_report(unplaced=UNPLACED[1:])), template))
    assert texts[-3:] == ["待归位内容", note(1), "附：支部名单"]


def test_no_unplaced_text_no_section() -> None:
    assert "待归位内容" not in _texts(render_report(fixture_draft(), TEMPLATE))


def test_unplaced_control_characters_fail_loudly() -> None:
    with pytest.raises(UserError) as info:
        render_report(fixture_draft(fixture_report(unplaced=("坏\x07字",))), TEMPLATE)
    assert "unplaced[0]" in str(info.value)

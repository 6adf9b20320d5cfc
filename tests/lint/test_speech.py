"""Reported speech: where a text gives someone's words unquoted (pipeline/lint/speech.py)."""

from __future__ import annotations

import pytest

from pipeline.lint.speech import reported_spans


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # a speaker and a verb of saying closed by a comma or a colon: the rest of the sentence
        ("会议强调，要高度重视基层党建工作。", ["要高度重视基层党建工作。"]),
        ("他要求：各支部要抓好整改。", ["各支部要抓好整改。"]),
        # a verb of saying followed by 要, in the middle of a sentence
        ("会议传达了上级精神，强调要坚持政治巡察定位。", ["要坚持政治巡察定位。"]),
        # … and the sentences that go on with the requirements, in the same paragraph
        (
            "他指出，要提高站位。要深化剖析。二要抓好落实。会上还通报了情况。",
            ["要提高站位。", "要深化剖析。", "二要抓好落实。"],
        ),
        # a new paragraph ends them
        ("他指出，要提高站位。\n要深化剖析。", ["要提高站位。"]),
        # not reported speech: the writer's own words, a requirement followed, a quotation, plain narration
        ("我认为，要加强学习。", []),
        ("我们要求，各科室按月报送。", []),
        ("按照上级要求，高度重视基层党建工作。", []),
        ("按照“严、实、细”的要求，抓实抓细各项工作。", []),
        ("我带头践行“三严三实”要求，以身作则。", []),
        ("张书记说：“要加强学习。”", []),
        ("全年研究党建工作12次。", []),
        # 要求 the noun: what was required, not a speaker
        ("对存在的问题及时提出整改要求，推动任务落实。同时，认真组织开展督导检查。", []),
        ("认真学习传达总署党委关于基层党建工作的部署要求，研究制定了工作要点。", []),
        ("省委组织部要求，各级党组织要严肃换届纪律。", ["各级党组织要严肃换届纪律。"]),
    ],
)
def test_reported_spans(text: str, reported: list[str]) -> None:
    assert [text[a:b] for a, b in reported_spans(text)] == reported


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # the writer answering what others demanded or said, in the next sentence or the frame's own (round X)
        (
            "老干部天天到局里，要求按文件落实工资待遇。面对这种情况，我确实压力很大。",
            ["按文件落实工资待遇。"],
        ),
        (
            "也有人说，这几年是发展的顶峰，但我不这么认为。学校会不断地萌发新枝。",
            ["这几年是发展的顶峰，但我不这么认为。"],
        ),
        # … but the speaker's "we", and our city, are the speaker's words going on
        ("会议强调，要压实责任。我们要以钉钉子精神抓整改。", ["要压实责任。"]),
        (
            "会议强调，要压实责任。推动我市各项工作再上新台阶。",
            ["要压实责任。", "推动我市各项工作再上新台阶。"],
        ),
    ],
)
def test_reported_words_end_where_the_writer_speaks(text: str, reported: list[str]) -> None:
    assert [text[a:b] for a, b in reported_spans(text)] == reported


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # the writer's own 说 is a way of putting it, no speaker (round V, #91)
        ("可以说，批评与自我批评是我党的优良作风。", False),
        ("总的来说，今年的整改工作取得了成效。", False),
        ("他说，要压实整改责任。", True),
    ],
)
def test_a_way_of_putting_it_is_no_speaker(text: str, reported: bool) -> None:
    assert bool(reported_spans(text)) is reported

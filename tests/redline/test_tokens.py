"""Tokenizer and diff primitives."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.redline import tokens
from pipeline.redline.diff import DELETE, EQUAL, INSERT, diff_texts, similarity
from pipeline.redline.tokens import is_cjk, tokenize


@pytest.mark.parametrize(
    "text, expected",
    [
        ("开展了3次检查", ["开展", "了", "3", "次", "检查"]),
        ("增长12.5%", ["增长", "12.5", "%"]),
        ("使用OA system", ["使用", "OA", " ", "system"]),
        ("１２３名", ["１２３", "名"]),
        ("好👍。", ["好", "👍", "。"]),
        ("", []),
    ],
)
def test_tokenize(text: str, expected: list[str]) -> None:
    assert tokenize(text) == expected


@given(st.text(alphabet=st.sampled_from("党建工作检查问题3512 .,，。abcXY👍\t\U00100000")))
def test_tokens_join_back(text: str) -> None:
    assert "".join(tokenize(text)) == text


@given(st.text(alphabet="党建工作检查问题35 ，。ab"), st.text(alphabet="党建工作检查问题35 ，。ab"))
def test_diff_rebuilds_both_sides(old: str, new: str) -> None:
    edits = diff_texts(old, new)
    assert "".join(old[e.old_start : e.old_end] for e in edits if e.op in (EQUAL, DELETE)) == old
    assert "".join(new[e.new_start : e.new_end] for e in edits if e.op in (EQUAL, INSERT)) == new


@pytest.mark.parametrize(
    "a, b, low, high",
    [
        ("", "", 1.0, 1.0),
        ("甲", "", 0.0, 0.0),
        ("检查问题", "检查问题", 1.0, 1.0),
        ("检查问题", "问题检查", 0.6, 0.9),
        ("一、总体情况", "一、整体情况", 0.5, 0.9),
        ("检查问题", "党建工作", 0.0, 0.0),
    ],
)
def test_similarity(a: str, b: str, low: float, high: float) -> None:
    assert low <= similarity(a, b) <= high


def _long(seed: int, size: int) -> str:
    import random

    rng = random.Random(seed)
    words = ["党建", "工作", "检查", "问题", "整改", "支部", "党员", "制度", "3次", "OA"]
    return "".join(rng.choice(words) + rng.choice(["", "", "，", "。"]) for _ in range(size // 3))


@pytest.mark.parametrize(
    "old, new",
    [
        (_long(1, 6000), _long(2, 6000)),  # rewritten whole
        (_long(1, 6000), _long(1, 6000).replace("问题", "矛盾", 3)),  # a few edits
        (_long(1, 6000), _long(1, 6000)[:3000] + "新增的一句话。" + _long(1, 6000)[3000:]),
    ],
)
def test_long_paragraphs_go_sentence_by_sentence(old: str, new: str) -> None:
    edits = diff_texts(old, new)
    assert "".join(old[e.old_start : e.old_end] for e in edits if e.op in (EQUAL, DELETE)) == old
    assert "".join(new[e.new_start : e.new_end] for e in edits if e.op in (EQUAL, INSERT)) == new
    if old[:100] == new[:100]:
        marked = sum(e.old_end - e.old_start + e.new_end - e.new_start for e in edits if e.op != EQUAL)
        assert marked <= 20


def test_tokenizing_does_not_load_jiebas_dictionary_and_lint_can_still_load_it() -> None:
    """The redline's segmenter skips the 0.1 s dictionary load; a later ``import rjieba`` still works."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from pipeline.redline.tokens import tokenize\n"
        "assert tokenize('开展专项检查12次') == ['开展', '专项', '检查', '12', '次'], tokenize('开展专项检查12次')\n"
        "assert 'rjieba' not in sys.modules\n"
        "import rjieba\n"
        "assert rjieba.has_word('海关')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


# The tokenizer's pattern as it was over the characters themselves: the reference for the class-letter
# pattern that replaced it (same tokens, without compiling 28,000 characters' classes at start-up).
_REFERENCE = re.compile(
    r"(?P<cjk>[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+)"
    r"|(?P<num>[0-9\uff10-\uff19]+(?:[.,\uff0e][0-9\uff10-\uff19]+)*)"
    r"|(?P<word>[A-Za-z\uff21-\uff3a\uff41-\uff5a\u00c0-\u024f]+(?:['\u2019][A-Za-z]+)*)"
    r"|(?P<space>[ \u3000\u00a0]+)"
    r"|(?P<other>.)",
    re.DOTALL,
)


def _reference_runs(text: str) -> list[tuple[str | None, str]]:
    return [(m.lastgroup, m.group()) for m in _REFERENCE.finditer(text)]


def _runs(text: str) -> list[tuple[str | None, str]]:
    return [
        (m.lastgroup, text[m.start() : m.end()])
        for m in tokens._TOKEN.finditer(text.translate(tokens._CLASSES))
    ]


_EDGES = [
    0x2F,
    0x30,
    0x39,
    0x3A,
    0x40,
    0x41,
    0x5A,
    0x5B,
    0x60,
    0x61,
    0x7A,
    0x7B,
    0xA0,
    0xBF,
    0xC0,
    0xD7,
    0xF7,
]
_EDGES += [0x24F, 0x250, 0x2019, 0x3000, 0x33FF, 0x3400, 0x4DBF, 0x4DC0, 0x4DFF, 0x4E00, 0x9FFF, 0xA000]
_EDGES += [0xF8FF, 0xF900, 0xFAFF, 0xFB00, 0xFF0E, 0xFF0F, 0xFF10, 0xFF19, 0xFF1A, 0xFF20, 0xFF21, 0xFF3A]
_EDGES += [0xFF3B, 0xFF40, 0xFF41, 0xFF5A, 0xFF5B, 0x1FFFF, 0x20000, 0x3134F, 0x31350, 0x100000, 0xD800]


@pytest.mark.parametrize("code", _EDGES)
def test_each_characters_class_is_the_reference_patterns(code: int) -> None:
    assert _runs(chr(code)) == _reference_runs(chr(code))
    assert is_cjk(chr(code)) == (_reference_runs(chr(code))[0][0] == "cjk")


@pytest.mark.parametrize(
    "text",
    [
        "增长12.5%，共3,000次",
        "使用OA system's KPI",
        "１２３．５名",
        "it’s a test'",
        "1.2.3..4,",
        "Ünïcödé×÷ 文字",
    ],
)
def test_runs_are_the_reference_patterns(text: str) -> None:
    assert _runs(text) == _reference_runs(text)


@given(st.text(alphabet=st.sampled_from([chr(c) for c in _EDGES] + list("党建12.,'’ aZé\n\t"))))
def test_runs_are_the_reference_patterns_on_any_text(text: str) -> None:
    assert _runs(text) == _reference_runs(text)


@given(st.text())
def test_runs_are_the_reference_patterns_on_arbitrary_unicode(text: str) -> None:
    assert _runs(text) == _reference_runs(text)

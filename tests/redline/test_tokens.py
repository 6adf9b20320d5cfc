"""Tokenizer and diff primitives."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.redline.diff import DELETE, EQUAL, INSERT, diff_texts, similarity
from pipeline.redline.tokens import tokenize


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


@pytest.mark.parametrize(
    "code",
    [0x33FF, 0x3400, 0x4DBF, 0x4DC0, 0x4DFF, 0x4E00, 0x9FFF, 0xA000, 0xF8FF, 0xF900, 0xFAFF, 0xFB00]
    + [0x1FFFF, 0x20000, 0x3134F, 0x31350, ord("a"), ord("，"), ord("1"), 0x100000],
)
def test_the_diffs_chinese_test_is_the_tokenizers(code: int) -> None:
    """diff._is_cjk (code point ranges, no regex to compile at start-up) says what tokens' cjk group says."""
    from pipeline.redline import diff, tokens

    match = tokens._TOKEN.match(chr(code))
    assert match is not None
    assert diff._is_cjk(chr(code)) == (match.lastgroup == "cjk")

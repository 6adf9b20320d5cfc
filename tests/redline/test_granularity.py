"""Chinese granularity: an edit is marked as small as it really is."""

from __future__ import annotations

import pytest
from helpers import assert_round_trip, marked, run
from support.handmade import make_docx, p

BASE = (
    "今年以来，关党委认真落实全面从严治党主体责任，共开展专项检查3次，发现问题12个，"
    "督促整改到位11个，约谈提醒领导干部5人次，推动基层党组织建设质量持续提升。"
)


@pytest.mark.parametrize(
    "new, inserted, deleted",
    [
        (BASE.replace("检查3次", "检查5次"), "5", "3"),  # figure change
        (BASE.replace("12个", "15个"), "15", "12"),  # a two-digit figure is one token
        (BASE.replace("，发现", "；发现"), "；", "，"),  # punctuation change
        (BASE.replace("专项检查", "专项巡查"), "巡", "检"),  # one character, not its word
        (BASE.replace("专项检查", "专项督导"), "督导", "检查"),  # a whole word replaced: one change
        (BASE.replace("基层党组织", "基层新增党组织"), "新增", ""),  # words inserted inside a phrase
        (
            BASE.replace("基层党组织", "基新增党组织"),
            "新增",
            "层",
        ),  # 基[-层-]{+新增+}, not [-基层-]{+基新增+}
        (BASE.replace("11个", "110个"), "110", "11"),  # a figure reads as one change
        (BASE.replace("约谈", "约谈并"), "并", ""),  # one character inserted
        (BASE.replace("持续提升", "提升"), "", "持续"),  # a word deleted
        (BASE + "下一步将继续加强。", "下一步将继续加强。", ""),  # a sentence appended
    ],
)
def test_marked_characters(new: str, inserted: str, deleted: str) -> None:
    old_docx, new_docx = make_docx(p(BASE)), make_docx(p(new))
    result = run(old_docx, new_docx)
    assert marked(result.docx) == (inserted, deleted)
    assert_round_trip(old_docx, new_docx, result.docx)


@pytest.mark.parametrize("position", [5, 20, 40, 60])
def test_one_character_edit_marks_at_most_a_word_or_two(position: int) -> None:
    new = BASE[:position] + "某" + BASE[position + 1 :]
    inserted, deleted = marked(run(make_docx(p(BASE)), make_docx(p(new))).docx)
    assert 1 <= len(inserted) <= 4 and 1 <= len(deleted) <= 4


def test_statistics_count_marked_characters() -> None:
    result = run(make_docx(p(BASE)), make_docx(p(BASE.replace("12个", "15个"))))
    assert (result.stats.total.inserted, result.stats.total.deleted, result.stats.total.moved) == (2, 2, 0)


SENTENCES = (
    "今年以来，我们认真落实全面从严治党主体责任。",
    "共开展专项检查3次，发现问题12个。",
    "下一步将继续加强监督检查，确保各项整改措施落到实处。",
)


def test_a_sentence_removed_at_the_start_and_one_added_at_the_end() -> None:
    old, new = SENTENCES[0] + SENTENCES[1], SENTENCES[1] + SENTENCES[2]
    old_docx, new_docx = (
        make_docx(p("前文。") + p(old) + p("后文。")),
        make_docx(p("前文。") + p(new) + p("后文。")),
    )
    result = run(old_docx, new_docx)
    assert marked(result.docx) == (SENTENCES[2], SENTENCES[0])
    assert_round_trip(old_docx, new_docx, result.docx)

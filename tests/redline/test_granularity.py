"""Chinese granularity: an edit is marked as small as it really is."""

from __future__ import annotations

import pytest
from helpers import assert_round_trip, marked, run

from support.handmade import make_docx, p

BASE = ("今年以来，关党委认真落实全面从严治党主体责任，共开展专项检查3次，发现问题12个，"
        "督促整改到位11个，约谈提醒领导干部5人次，推动基层党组织建设质量持续提升。")


@pytest.mark.parametrize("new, inserted, deleted", [
    (BASE.replace("检查3次", "检查5次"), "5", "3"),                       # figure change
    (BASE.replace("12个", "15个"), "15", "12"),                           # a two-digit figure is one token
    (BASE.replace("，发现", "；发现"), "；", "，"),                         # punctuation change
    (BASE.replace("专项检查", "专项巡查"), "巡查", "检查"),                 # one character → its word
    (BASE.replace("约谈", "约谈并"), "并", ""),                             # one character inserted
    (BASE.replace("持续提升", "提升"), "", "持续"),                          # a word deleted
    (BASE + "下一步将继续加强。", "下一步将继续加强。", ""),                 # a sentence appended
])
def test_marked_characters(new: str, inserted: str, deleted: str) -> None:
    old_docx, new_docx = make_docx(p(BASE)), make_docx(p(new))
    result = run(old_docx, new_docx)
    assert marked(result.docx) == (inserted, deleted)
    assert_round_trip(old_docx, new_docx, result.docx)


@pytest.mark.parametrize("position", [5, 20, 40, 60])
def test_one_character_edit_marks_at_most_a_word_or_two(position: int) -> None:
    new = BASE[:position] + "某" + BASE[position + 1:]
    inserted, deleted = marked(run(make_docx(p(BASE)), make_docx(p(new))).docx)
    assert 1 <= len(inserted) <= 4 and 1 <= len(deleted) <= 4


def test_statistics_count_marked_characters() -> None:
    result = run(make_docx(p(BASE)), make_docx(p(BASE.replace("12个", "15个"))))
    assert (result.stats.total.inserted, result.stats.total.deleted, result.stats.total.moved) == (2, 2, 0)

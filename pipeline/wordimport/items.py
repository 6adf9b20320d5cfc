"""Problems and measures from their paragraphs: the cause of a problem, the owner and deadline of a measure.

A problem's cause is the part that starts with a marked cause sentence (原因是…, 根源在于…, 主要是…
at the start of a paragraph, or 原因：/原因分析： inside one).  A measure's owner and deadline are read
from ``（责任：关党委；时限：2026年6月30日）`` (how we render them) or ``责任单位：…；完成时限：2026年6月底``
(how people type them); a deadline that is not a date stays in the text, so nothing is lost.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from pipeline.render.measure_note import split_note

CAUSE_START = re.compile(
    r"^(?:主要是|主要原因|原因[是在：:]|根源|究其原因|分析原因|深层次原因|根本原因|"
    r"问题的根源|问题根源|其根源|产生(?:这些|上述)?问题的(?:主要)?原因|问题产生的(?:主要)?原因|"
    # 深层次分析，此类问题的根源在于…: the root named within the first words
    r"[^。；：:]{0,16}?(?:根源在于|原因在于|根子在于|根源是|原因是))"
)
# the whole label, qualifier included (问题产生的原因：), so a split never cuts through it
CAUSE_INLINE = re.compile(
    r"(?:(?:问题产生的|产生问题的|主要|深层次|根本)?(?:原因分析|问题根源|原因|根源))[：:]"
    r"|(?<=[。；])(?:究其原因|根源在于|原因在于)"
)
_OWNER_KEYS = ("责任单位", "责任部门", "牵头单位", "责任领导", "责任人", "责任")
_DUE_KEYS = ("完成时限", "完成时间", "整改时限", "完成期限", "时限")
_META = re.compile(
    r"[（(]?\s*((?:" + "|".join(_OWNER_KEYS + _DUE_KEYS) + r")\s*[：:][^（）()]*?)\s*[）)]?\s*[。]?$"
)
_KEYS = "|".join(_OWNER_KEYS + _DUE_KEYS)
_SEPARATOR = re.compile(rf"[；;]|[，,]\s*(?=(?:{_KEYS})\s*[：:])")
_KEY_VALUE = re.compile(rf"^\s*({_KEYS})\s*[：:]\s*(.*)$")


def split_cause(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """``(text paragraphs, cause paragraphs)`` of a problem."""
    for i, para in enumerate(paragraphs):
        if i > 0 and CAUSE_START.match(para):
            return paragraphs[:i], paragraphs[i:]
    for i, para in enumerate(paragraphs):
        match = CAUSE_INLINE.search(para)
        if match and match.start() > 0:
            head, tail = para[: match.start()].strip(), para[match.start() :].strip()
            return paragraphs[:i] + [head], [tail] + paragraphs[i + 1 :]
    return paragraphs, []


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_due(text: str) -> dt.date | None:
    """A deadline: 2026年6月30日, 2026年6月底, 2026年6月, 2026年底, 2026年上半年, 2026-06-30 …."""
    text = text.strip().rstrip("。前")
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text)
        if m := re.fullmatch(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:底|末|份)?", text):
            return _month_end(int(m[1]), int(m[2]))
        if m := re.fullmatch(r"(\d{4})\s*年(?:年)?(?:底|末|内|全年)", text):
            return dt.date(int(m[1]), 12, 31)
        if m := re.fullmatch(r"(\d{4})\s*年\s*(上|下)半年(?:底|末)?", text):
            return dt.date(int(m[1]), 6, 30) if m[2] == "上" else dt.date(int(m[1]), 12, 31)
        if m := re.fullmatch(r"(\d{4})\s*年\s*第?([一二三四1-4])季度(?:末|底)?", text):
            quarter = "一二三四".find(m[2]) + 1 if m[2] in "一二三四" else int(m[2])
            return _month_end(int(m[1]), quarter * 3)
    except ValueError:
        return None
    return None


def split_meta(paragraph: str) -> tuple[str, str | None, dt.date | None]:
    """``(text, owner, due)``: the owner/deadline note at the end of a measure's paragraph, read."""
    match = _META.search(paragraph)
    if not match:
        return paragraph, None, None
    owner = due = None
    leftover = []
    for part in _SEPARATOR.split(match.group(1)):
        pair = _KEY_VALUE.match(part)
        if pair is None:
            leftover.append(part.strip())
            continue
        key, value = pair[1], pair[2].strip().rstrip("。")
        if key in _OWNER_KEYS and owner is None and value:
            owner = value
        elif key in _DUE_KEYS and due is None and parse_due(value):
            due = parse_due(value)
        else:
            leftover.append(f"{key}：{value}")
    leftover = [item for item in leftover if item]
    text = paragraph[: match.start()].rstrip("；;，, ")
    if (owner is None and due is None) or not text:
        return paragraph, None, None
    if leftover:
        text += f"（{'；'.join(leftover)}）"
    return text, owner, due


def split_rendered_meta(paragraph: str) -> tuple[str, str | None, dt.date | None]:
    """Like :func:`split_meta` for the exact note our template appends (``（责任单位：…；完成时限：…）``,
    or the older ``（责任：…；时限：…）``): the renderer's own inverse, so the two never disagree."""
    return split_note(paragraph)

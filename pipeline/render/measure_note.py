"""The note after a measure: who is responsible and by when, read naturally in every combination.

    （责任单位：人事处；完成时限：2026年6月30日）
    （责任单位：人事处）                      （完成时限：2026年6月30日）
    （责任单位：人事处；完成时限：长期坚持）

A deadline that is not a date (长期坚持, 持续推进 …) cannot be ``due``; an import keeps it at the end of
the measure's text as ``（完成时限：长期坚持）``.  Rendering that text and then the owner as a second
bracket gave ``（完成时限：长期坚持）（责任：人事处）``; here such a trailing deadline is taken into the
one note instead.  :func:`split_note` is the exact inverse for documents we rendered (the Word
import uses it), so a rendered draft imports back to the same owner, date and text.
"""

from __future__ import annotations

import datetime as dt
import re

OWNER_LABEL = "责任单位"
DUE_LABEL = "完成时限"
_DUE_KEYS = "完成时限|整改时限|完成时间|完成期限|时限"
# A deadline typed (or imported) into the text: its last bracket, e.g. （完成时限：长期坚持）.
_TRAILING_DEADLINE = re.compile(rf"[（(]\s*(?:{_DUE_KEYS})\s*[：:]\s*([^（）()]+?)\s*[）)]\s*$")
_DATE = r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"
# The note as rendered now (责任单位/完成时限) and as rendered before (责任/时限).
_NOTE = re.compile(
    rf"（(?:(?:{OWNER_LABEL}|责任)：(?P<owner>[^；（）]+?))?(?:；)?"
    rf"(?:(?:{DUE_LABEL}|时限)：(?:{_DATE}(?:，(?P<also>[^；（）]+))?|(?P<term>[^；（）]+)))?）$"
)


def split_deadline(text: str) -> tuple[str, str | None]:
    """``(text, deadline)``: a deadline in words at the very end of ``text`` taken off, else None."""
    match = _TRAILING_DEADLINE.search(text)
    if match is None or not text[: match.start()].strip():
        return text, None
    return text[: match.start()].rstrip(), match.group(1)


def note(owner: str | None, due: dt.date | None, deadline: str | None = None) -> str:
    """The bracketed note; empty without an owner, a date or a deadline in words."""
    from pipeline.render.context import chinese_date  # context imports this module

    parts = [f"{OWNER_LABEL}：{owner}"] if owner else []
    when = chinese_date(due) if due else None
    if deadline and when:
        when += f"，{deadline}"
    parts += [f"{DUE_LABEL}：{when or deadline}"] if (when or deadline) else []
    return f"（{'；'.join(parts)}）" if parts else ""


def with_note(last_line: str, owner: str | None, due: dt.date | None) -> tuple[str, str]:
    """``(line, note)`` for a measure's last line: the line without a trailing deadline in words, and
    the note that now holds it."""
    line, deadline = split_deadline(last_line)
    return line, note(owner, due, deadline)


def split_note(paragraph: str) -> tuple[str, str | None, dt.date | None]:
    """``(text, owner, due)`` of a paragraph ending in a note this module wrote (or the older
    ``（责任：…；时限：…）``); a deadline in words goes back into the text as ``（完成时限：…）``.  A
    paragraph without such a note comes back unchanged with no owner and no date."""
    match = _NOTE.search(paragraph)
    text = paragraph[: match.start()] if match else ""
    if match is None or not text or not (match["owner"] or match["y"] or match["term"]):
        return paragraph, None, None
    due = None
    if match["y"]:
        try:
            due = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            return paragraph, None, None
    deadline = match["term"] or match["also"]
    if deadline:
        text += f"（{DUE_LABEL}：{deadline}）"
    return text, match["owner"], due

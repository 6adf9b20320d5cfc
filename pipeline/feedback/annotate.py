"""Feedback as Word comments in a redline: one thread per item, the response as its reply.

The root comment's author is the department's name (Word's Review pane filters by author), its text
the item id, kind and text, and the quoted words; the reply's author is the reporter, its text the
response's status and note.  A thread is resolved (``done``) when the item was adopted.
"""

from __future__ import annotations

import datetime as dt

from pipeline.content.model import Draft
from pipeline.feedback.anchor import Anchor, DocumentMap, find_anchor
from pipeline.feedback.model import KIND_LABELS, STATUS_LABELS, FeedbackItem, Response, Round
from pipeline.ooxml import w
from pipeline.ooxml.comments import Comment, Thread, add_threads, parse
from pipeline.word.package import read_package_bytes, write_package

GONE_NOTE = "（所指内容在新稿中已删除，意见附在最近的标题处）"
PENDING_NOTE = "（尚无答复）"


def comment_date(date: dt.date) -> str:
    """``2026-01-10T00:00:00Z``: comments are dated by the drafts, so builds are reproducible."""
    return f"{date.isoformat()}T00:00:00Z"


def item_comment(item: FeedbackItem, anchor: Anchor, date: dt.date) -> Comment:
    """The department's comment for ``item``."""
    paragraphs = [f"{item.id}（{KIND_LABELS[item.kind]}）{item.text}"]
    if item.quote and anchor.how != "quote":
        paragraphs.append(f"原文：“{item.quote}”")
    if anchor.how == "fallback":
        paragraphs.append(GONE_NOTE)
    name = item.department.name
    return Comment(author=name, initials=name[:2], date=comment_date(date), paragraphs=tuple(paragraphs))


def reply_comment(response: Response, reporter: str, date: dt.date) -> Comment:
    """The reporter's reply: the status and the note."""
    text = STATUS_LABELS[response.status] + (f"：{response.note}" if response.note else "。")
    return Comment(author=reporter, initials=reporter[:2], date=comment_date(date), paragraphs=(text,))


def threads_for(
    doc: DocumentMap, round_: Round, old: Draft, new: Draft, reporter: str
) -> list[tuple[FeedbackItem, Anchor, Thread]]:
    """One thread per item of ``round_``, anchored in ``doc`` (the new draft's document)."""
    out = []
    for item in round_.items:
        anchor = find_anchor(doc, item, old, new)
        comments = [item_comment(item, anchor, old.report.date)]
        response = round_.response(item.id)
        if response is not None:
            comments.append(reply_comment(response, reporter, new.report.date))
        done = response is not None and response.status == "adopted"
        out.append((item, anchor, Thread(anchor.start, anchor.end, tuple(comments), done=done)))
    return out


def annotate(redline_docx: bytes, old: Draft, new: Draft, round_: Round, reporter: str) -> bytes:
    """``redline_docx`` with every item of ``round_`` as a comment thread (deterministic bytes)."""
    parts = read_package_bytes(redline_docx)
    body = parse(parts["word/document.xml"]).find(w("body"))
    assert body is not None, "the redline writer always writes a w:body"
    doc = DocumentMap(body)
    threads = [thread for _, _, thread in threads_for(doc, round_, old, new, reporter)]
    return write_package(add_threads(parts, threads))

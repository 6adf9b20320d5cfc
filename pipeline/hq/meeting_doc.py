"""述职会记录: the meeting record as a Word document in the house style.

Title (the report's title with 述职报告 → 述职会议记录), a byline (organisation, the meeting's date),
who heard it; then 一、现场提问 (each question with who asked it, the follow-ups and a summary of the
answer) and 二、点评 (each 点评 in full, with a table of the problems it names and the measures of
the latest draft that address each).
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument

from pipeline.companions.layout import start_document
from pipeline.companions.problems_doc import companion_title
from pipeline.content.model import MEASURE_STATUS_LABELS, Draft
from pipeline.hq.meeting import Meeting
from pipeline.hq.sources import measures_for
from pipeline.render.context import chinese_date, paragraphs
from pipeline.word.house_tables import Column, HouseTable

MEETING_DOCX = "meeting.docx"
COLUMNS = (Column("编号", 1.6, centre=True), Column("点评指出的问题", 6.4), Column("整改措施", 5.6))
NO_MEASURE = "（尚未制定整改措施）"


def meeting_title(draft: Draft) -> str:
    return companion_title(draft, "述职会议记录")


def meeting_byline(draft: Draft, meeting: Meeting) -> str:
    organisation = draft.unit.organisation if draft.unit else ""
    return "　".join(part for part in (organisation, chinese_date(meeting.date)) if part)


def _questions(document: DocxDocument, meeting: Meeting) -> None:
    document.add_paragraph("现场提问", style="Heading 1")  # numbered by the style (一、)
    if not meeting.questions:
        document.add_paragraph("（会上没有提问。）", style="Normal")
    for q in meeting.questions:
        document.add_paragraph(f"{q.asked_by}提问", style="Heading 2")  # （一） from the style
        for line in paragraphs(q.question):
            document.add_paragraph(f"问：{line}", style="Normal")
        for follow_up in q.follow_ups:
            document.add_paragraph(f"追问：{follow_up}", style="Normal")
        for index, line in enumerate(paragraphs(q.answer)):
            document.add_paragraph(f"答（摘要）：{line}" if index == 0 else line, style="Normal")


def _comments(document: DocxDocument, draft: Draft, meeting: Meeting) -> None:
    document.add_paragraph("点评", style="Heading 1")
    for comment in meeting.comments:
        document.add_paragraph(f"{comment.by}点评", style="Heading 2")
        for line in paragraphs(comment.text):
            document.add_paragraph(line, style="Normal")
        if not comment.problems:
            continue
        document.add_paragraph(f"点评指出问题{len(comment.problems)}个：", style="Normal")
        table = HouseTable(document, COLUMNS)
        for problem in comment.problems:
            measures = [
                f"{m.id}（{MEASURE_STATUS_LABELS.get(m.status, m.status)}）{paragraphs(m.text)[0]}"
                for m in measures_for(draft.report, problem.id)
            ]
            table.add_row([[problem.id], paragraphs(problem.text), measures or [NO_MEASURE]])


def meeting_document(draft: Draft, meeting: Meeting, template: Path) -> DocxDocument:
    """The 述职会记录 of the unit of ``draft`` (its latest), as a python-docx document."""
    document = start_document(template, meeting_title(draft))
    document.add_paragraph(meeting_byline(draft, meeting), style="Byline")
    heard = f"听取述职：{meeting.heard_by}。" + (f"主持：{meeting.chair}。" if meeting.chair else "")
    reporter = f"述职人：{draft.unit.reporter}（{draft.unit.role}）。" if draft.unit else ""
    document.add_paragraph(heard + reporter, style="Normal")
    document.add_paragraph(
        f"会上提问{len(meeting.questions)}个，点评{len(meeting.comments)}次，"
        f"指出问题{len(meeting.problems)}个。",
        style="Normal",
    )
    _questions(document, meeting)
    _comments(document, draft, meeting)
    return document


def write_meeting(draft: Draft, meeting: Meeting, template: Path, path: Path) -> Path:
    """Write ``path`` (``meeting.docx``) deterministically and atomically; dated by the meeting."""
    document = meeting_document(draft, meeting, template)
    from pipeline.word.house_style import save_deterministic

    author = draft.unit.reporter if draft.unit else ""
    save_deterministic(document, path, title=meeting_title(draft), author=author, date=meeting.date)
    return path


__all__ = ["MEETING_DOCX", "meeting_document", "write_meeting"]

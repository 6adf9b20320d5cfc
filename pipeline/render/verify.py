"""After a render: does the document hold all the text of its draft?

A report that silently lost text is worse than no report: libxml2 once truncated a paragraph longer
than 10 MB under a forgiving parse, and a unit's own template can leave a section out.  Every
rendered report is therefore checked against the template context it came from: each paragraph of
the draft (opening, answers, achievements, problems and causes, measures, closing, unplaced text)
must appear in the text of ``word/document.xml``.  It is cheap — one strict parse and one substring
search per paragraph — and a miss is a :class:`~pipeline.errors.UserError` naming the first lost
paragraph's place, so the build fails instead of keeping the short document.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree

from pipeline.errors import Issue, UserError
from pipeline.i18n import _

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_TAGS = (f"{W}t", f"{W}tab", f"{W}br")
_SPECIAL = {f"{W}tab": "\t", f"{W}br": "\n"}
_PARSER = etree.XMLParser(recover=False, resolve_entities=False, huge_tree=True, no_network=True)


def draft_paragraphs(context: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """``(where, text)`` of every paragraph of the draft's own text in a template context."""
    for index, text in enumerate(context.get("opening", [])):
        yield f"opening[{index}]", text
    for area in context.get("areas", []):
        for question in area["questions"]:
            for index, text in enumerate(question["paragraphs"]):
                yield f"areas.{area['id']}.answers.{question['id']}[{index}]", text
        for index, text in enumerate(area["achievements"]):
            yield f"areas.{area['id']}.achievements[{index}]", text
    for kind in ("problems", "measures"):
        for item_index, item in enumerate(context.get(kind, [])):
            lines = [item["first"], *item["rest"], *item.get("cause", [])]
            for index, text in enumerate(lines):
                yield f"{kind}[{item_index}] ({item['id']}) [{index}]", text
    for key in ("causes", "closing", "unplaced"):
        for index, text in enumerate(context.get(key) or []):
            yield f"{key}[{index}]", text


def document_text(data: bytes) -> str:
    """The text of ``word/document.xml`` of a package: one line per paragraph (runs joined)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"), parser=_PARSER)
    lines = []
    for paragraph in root.iter(f"{W}p"):
        # docxtpl turns a tab of the text into a w:tab run between two w:t
        lines.append("".join(_SPECIAL.get(node.tag, node.text or "") for node in paragraph.iter(*_TEXT_TAGS)))
    return "\n".join(lines)


def verify_text(data: bytes, context: dict[str, Any], *, draft_path: Path | None, template: Path) -> None:
    """Raise :class:`UserError` when a paragraph of the draft is missing from the rendered document."""
    text = document_text(data)
    for where, paragraph in draft_paragraphs(context):
        wanted = paragraph.strip()
        if wanted and wanted not in text:
            head = wanted if len(wanted) <= 30 else wanted[:30] + "……"
            raise UserError(
                Issue(
                    draft_path,
                    _("the rendered report lacks this text of the draft: “{text}”").format(text=head),
                    key_path=where,
                    code="lost-text",
                    hint=_(
                        "the template {template} leaves it out or cuts it short; nothing was written"
                    ).format(template=template.name),
                )
            )

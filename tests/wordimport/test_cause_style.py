"""A problem's cause comes back as its cause when the rendered report styles the cause paragraphs apart
(style ``ProblemCause``, looking like Normal): even causes that start with no marker (主要是/根源…),
and even without the earlier draft as a hint."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from pipeline.content.workspace import load_draft_file, template_for
from pipeline.render.context import paragraphs
from pipeline.render.document import render_report
from pipeline.wordimport import import_docx

REPO = Path(__file__).resolve().parents[2]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
STYLE = (
    b'<w:style xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:type="paragraph" '
    b'w:styleId="ProblemCause"><w:name w:val="ProblemCause"/><w:basedOn w:val="Normal"/></w:style>'
)


def restyle_causes(data: bytes, causes: set[str]) -> bytes:
    """The rendered report with every cause paragraph in style ProblemCause (what the template may emit)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            part = source.read(info.filename)
            if info.filename == "word/document.xml":
                root = etree.fromstring(part)
                for p in root.iter(f"{W}p"):
                    if "".join(t.text or "" for t in p.iter(f"{W}t")) in causes:
                        p.find(f"{W}pPr/{W}pStyle").set(f"{W}val", "ProblemCause")
                part = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            elif info.filename == "word/styles.xml":
                root = etree.fromstring(part)
                root.append(etree.fromstring(STYLE))
                part = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(info, part)
    return out.getvalue()


def test_styled_causes_come_back_as_causes(tmp_path: Path) -> None:
    draft = load_draft_file(REPO / "drafts/qingshigang/v5/report.yaml")
    causes = {line for p in draft.report.problems for line in paragraphs(p.cause)}
    assert causes and any(not c.startswith(("主要是", "根源", "原因")) for c in causes)
    path = tmp_path / "report.docx"
    path.write_bytes(restyle_causes(render_report(draft, template_for(REPO, draft.unit)), causes))
    report = import_docx(path, draft.question_set, draft.unit, target=draft.report.path).report
    assert [(p.text, p.cause) for p in report.problems] == [(p.text, p.cause) for p in draft.report.problems]

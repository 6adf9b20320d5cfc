"""Hand-written .docx packages for tests: a body of WordprocessingML in, package bytes out.

Helpers keep test cases short: :func:`p` writes a paragraph of runs, :func:`ins` / :func:`dele`
tracked runs, :func:`tbl` a table, and :func:`make_docx` wraps a body (optionally with one comment)
in a minimal valid package with an A4 section.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REV = 'w:author="测试" w:date="2026-01-01T00:00:00Z"'
_ids = iter(range(1, 1_000_000))

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
{extra}</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
{extra}</Relationships>"""
COMMENTS_CT = (
    '<Override PartName="/word/comments.xml" ContentType='
    '"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>\n'
)
COMMENTS_REL = (
    '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/comments" Target="comments.xml"/>\n'
)
SECT_A4 = (
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" '
    'w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>'
)


def r(text: str, rpr: str = "") -> str:
    """A run of text (``rpr``: inner XML of ``w:rPr``)."""
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def ins(text: str) -> str:
    """An inserted run."""
    return f'<w:ins w:id="{next(_ids)}" {_REV}>{r(text)}</w:ins>'


def dele(text: str) -> str:
    """A deleted run."""
    return (
        f'<w:del w:id="{next(_ids)}" {_REV}><w:r><w:delText xml:space="preserve">'
        f"{escape(text)}</w:delText></w:r></w:del>"
    )


def mark(kind: str) -> str:
    """``w:pPr`` with an inserted (``"ins"``) or deleted (``"del"``) paragraph mark."""
    return f'<w:pPr><w:rPr><w:{kind} w:id="{next(_ids)}" {_REV}/></w:rPr></w:pPr>'


def p(*content: str, ppr: str = "") -> str:
    """A paragraph; plain strings become runs, XML fragments (starting with ``<``) pass through."""
    inner = "".join(c if c.startswith("<") else r(c) for c in content)
    return f"<w:p>{ppr}{inner}</w:p>"


def tr(*cells: str, trpr: str = "") -> str:
    """A table row; each cell is body XML (wrap plain text with :func:`p`)."""
    tcs = "".join(f'<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>{c}</w:tc>' for c in cells)
    return f"<w:tr>{trpr}{tcs}</w:tr>"


def row_mark(kind: str) -> str:
    """``w:trPr`` marking a row inserted (``"ins"``) or deleted (``"del"``)."""
    return f'<w:trPr><w:{kind} w:id="{next(_ids)}" {_REV}/></w:trPr>'


def tbl(*rows: str, cols: int = 2) -> str:
    """A table with a simple grid."""
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in range(cols))
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        f"{''.join(rows)}</w:tbl>"
    )


def make_docx(body: str, *, comment: str | None = None) -> bytes:
    """A minimal .docx with ``body`` (XML) and an A4 section; ``comment`` adds comments.xml."""
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}{SECT_A4}</w:body></w:document>'
    )
    parts = {
        "[Content_Types].xml": CONTENT_TYPES.format(extra=COMMENTS_CT if comment else ""),
        "_rels/.rels": ROOT_RELS,
        "word/_rels/document.xml.rels": DOC_RELS.format(extra=COMMENTS_REL if comment else ""),
        "word/document.xml": document,
    }
    if comment is not None:
        parts["word/comments.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="{W_NS}">'
            f'<w:comment w:id="0" w:author="审阅人" w:date="2026-01-01T00:00:00Z" w:initials="审">'
            f"<w:p>{r(comment)}</w:p></w:comment></w:comments>"
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content.encode("utf-8"))
    return buffer.getvalue()


def commented(text: str) -> str:
    """A paragraph whose ``text`` is anchored to comment 0."""
    return (
        f'<w:p><w:commentRangeStart w:id="0"/>{r(text)}<w:commentRangeEnd w:id="0"/>'
        f'<w:r><w:commentReference w:id="0"/></w:r></w:p>'
    )

"""LibreOffice as an independent judge of ``shuzhi redline``.

For the example workspace's consecutive drafts (rendered) and for hand-made pairs, LibreOffice's
Accept All of the redline must give the new document's paragraph texts and its Reject All the old
one's (texts in order, table cells included; see ``support.docx_text``).  One soffice serves all
documents (the session ``lo_oracle``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.shared import Mm
from support.docx_text import normalise, paragraph_texts
from support.libreoffice import LibreOfficeOracle, lo_oracle  # noqa: F401  (the fixture)

from pipeline.cli.main import main

Table = list[list[str]]
Block = str | Table | tuple[str, str]  # paragraph | table (rows of cells) | (style or "bold", text)

LONG = (
    "一年来，我们坚持以党的政治建设为统领，认真落实全面从严治党主体责任，全年开展集中学习12次、专题党课4次。"
)
TABLE: Table = [["项目", "目标", "完成"], ["集中学习", "10次", "12次"], ["专题党课", "4次", "4次"]]

# (id, old blocks, new blocks)
PAIRS: list[tuple[str, list[Block], list[Block]]] = [
    ("one-char-edit", [LONG, "第二段。"], [LONG.replace("统领", "统揽"), "第二段。"]),
    ("figure-change", [LONG], [LONG.replace("12次", "15次")]),
    ("punctuation", [LONG], [LONG.replace("、", "，")]),
    (
        "paragraph-inserted-before-table",
        ["前文。", TABLE, "后文。"],
        ["前文。", "新增一段。", TABLE, "后文。"],
    ),
    (
        "paragraph-deleted-before-table",
        ["前文。", "将删除的一段。", TABLE, "后文。"],
        ["前文。", TABLE, "后文。"],
    ),
    (
        "paragraph-inserted-after-table",
        ["前文。", TABLE, "后文。"],
        ["前文。", TABLE, "新增一段。", "后文。"],
    ),
    (
        "paragraph-deleted-after-table",
        ["前文。", TABLE, "将删除的一段。", "后文。"],
        ["前文。", TABLE, "后文。"],
    ),
    ("first-paragraph-inserted", ["原第一段。", "原第二段。"], ["新的第一段。", "原第一段。", "原第二段。"]),
    ("last-paragraph-deleted", ["甲段。", "乙段。", "丙段。"], ["甲段。", "乙段。"]),
    (
        "cell-edit",
        ["前文。", TABLE, "后文。"],
        ["前文。", [TABLE[0], ["集中学习", "10次", "15次"], TABLE[2]], "后文。"],
    ),
    ("row-inserted", ["前文。", TABLE, "后文。"], ["前文。", [*TABLE, ["廉政教育", "2次", "3次"]], "后文。"]),
    ("row-deleted", ["前文。", TABLE, "后文。"], ["前文。", [TABLE[0], TABLE[2]], "后文。"]),
    ("formatting-only", ["标题段。", LONG], [("bold", "标题段。"), LONG]),
    ("style-only", ["一、总体情况", LONG], [("Heading 1", "一、总体情况"), LONG]),
    ("emoji", ["完成情况良好👍，继续努力。"], ["完成情况良好🎉🎉，继续努力💪。"]),
    (
        "mixed-zh-en",
        ["推进 OA 系统与 ERP 平台对接，完成 3 项 API 改造。"],
        ["推进 OA 系统与 HR 平台对接，完成 5 项 REST API 改造（Phase 2）。"],
    ),
    (
        "paragraphs-reordered",
        ["甲：第一项工作。", "乙：第二项工作。", "丙：第三项工作。"],
        ["丙：第三项工作。", "甲：第一项工作。", "乙：第二项工作。"],
    ),
    ("empty-paragraphs", ["甲。", "", "乙。"], ["甲。", "乙。", "", "丙。"]),
    ("everything-replaced", ["旧内容一。", "旧内容二。"], ["全新的内容。"]),
]


def build(path: Path, blocks: list[Block]) -> Path:
    """A python-docx document (A4) with the given paragraphs, tables and formatted paragraphs."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        elif isinstance(block, tuple):
            kind, text = block
            if kind == "bold":
                document.add_paragraph().add_run(text).bold = True
            else:
                document.add_paragraph(text, style=kind)
        else:
            table = document.add_table(rows=len(block), cols=len(block[0]))
            for r, row in enumerate(block):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
    document.save(str(path))
    return path


def redline(old: Path, new: Path, out: Path) -> Path:
    """Run ``shuzhi redline OLD NEW -o OUT`` in process, as the CLI does."""
    assert main(["redline", str(old), str(new), "-o", str(out)]) == 0
    assert out.exists()
    return out


def judge(lo_oracle: LibreOfficeOracle, old: Path, new: Path, out: Path) -> None:
    assert lo_oracle.accept_all(out) == normalise(paragraph_texts(new)), "accept-all ≠ new"
    assert lo_oracle.reject_all(out) == normalise(paragraph_texts(old)), "reject-all ≠ old"


@pytest.mark.libreoffice
@pytest.mark.parametrize(("old_blocks", "new_blocks"), [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
def test_hand_made_pairs(
    lo_oracle: LibreOfficeOracle, tmp_path: Path, old_blocks: list[Block], new_blocks: list[Block]
) -> None:
    old = build(tmp_path / "old.docx", old_blocks)
    new = build(tmp_path / "new.docx", new_blocks)
    judge(lo_oracle, old, new, redline(old, new, tmp_path / "redline.docx"))


@pytest.mark.libreoffice
def test_example_consecutive_drafts(lo_oracle: LibreOfficeOracle, tmp_path: Path, repo_root: Path) -> None:
    from pipeline.content.workspace import load_workspace, template_for
    from pipeline.render.document import render_report

    workspace = load_workspace(repo_root)
    pairs = 0
    for unit_drafts in workspace.units:
        rendered = []
        for draft in unit_drafts.drafts:
            path = tmp_path / f"{unit_drafts.unit.id}-{draft.label}.docx"
            path.write_bytes(render_report(draft, template_for(workspace.root, draft.unit)))
            rendered.append(path)
        journey = list(zip(rendered, rendered[1:], strict=False))
        if len(rendered) > 2:
            journey.append((rendered[0], rendered[-1]))
        for old, new in journey:
            out = redline(old, new, tmp_path / f"{old.stem}-{new.stem}.redline.docx")
            judge(lo_oracle, old, new, out)
            pairs += 1
    assert pairs, "the example workspace has at least one pair of drafts"

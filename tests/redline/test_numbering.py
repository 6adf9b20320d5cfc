"""List numbers: what a reviewer sees after Accept All and Reject All is the new and the old numbering.

Checked through LibreOffice's rendering (its text export writes each list label, ``1.``, ``一、`` …)
on hand-made lists and on every pair of the example workspace's drafts, whose measures list
restarts at 1 (``w:startOverride``) after the problems list; and in pure Python: the old
document's list ids are translated to the new package's (``pipeline.redline.numbering``).
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from helpers import NS, document, run
from lo_text import rendered_texts
from lxml import etree
from support.libreoffice import LibreOfficeOracle, lo_oracle  # noqa: F401  (the fixture)

from pipeline.ooxml import W_NS
from pipeline.redline.numbering import numbering_map, renumber

L = "List Number"
LISTS = {
    "item inserted": (
        [(None, "前文。"), (L, "甲项工作"), (L, "乙项工作"), (L, "丙项工作")],
        [(None, "前文。"), (L, "甲项工作"), (L, "新增一项"), (L, "乙项工作"), (L, "丙项工作")],
    ),
    "item deleted": (
        [(None, "前文。"), (L, "甲项工作"), (L, "乙项工作"), (L, "丙项工作")],
        [(None, "前文。"), (L, "甲项工作"), (L, "丙项工作")],
    ),
    "paragraph made an item": (
        [(None, "前文。"), (L, "甲项工作"), (None, "普通段落"), (L, "乙项工作")],
        [(None, "前文。"), (L, "甲项工作"), (L, "普通段落"), (L, "乙项工作")],
    ),
    "whole list replaced": (
        [(None, "前文。"), (L, "甲项工作内容"), (L, "乙项工作内容"), (None, "后文。")],
        [(None, "前文。"), (L, "完全不同的一"), (L, "另外新的二"), (None, "后文。")],
    ),
}


def _list_doc(items: list[tuple[str | None, str]]) -> bytes:
    document = docx.Document()
    for style, text in items:
        document.add_paragraph(text, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _example_pairs(repo_root: Path) -> list[tuple[str, bytes, bytes]]:
    from pipeline.content.workspace import load_workspace, template_for
    from pipeline.render.document import render_report

    workspace = load_workspace(repo_root)
    pairs = []
    for unit in workspace.units:
        drafts = [render_report(d, template_for(workspace.root, d.unit)) for d in unit.drafts]
        journey = list(zip(range(len(drafts)), range(1, len(drafts)), strict=False))
        if len(drafts) > 2:
            journey.append((0, len(drafts) - 1))
        pairs += [(f"{unit.unit.id} {i}→{j}", drafts[i], drafts[j]) for i, j in journey]
    return pairs


@pytest.mark.libreoffice
def test_list_numbers_after_accept_and_reject(
    lo_oracle: LibreOfficeOracle,
    tmp_path: Path,
    repo_root: Path,
) -> None:
    cases = [(name, _list_doc(a), _list_doc(b)) for name, (a, b) in LISTS.items()] + _example_pairs(repo_root)
    files: dict[str, dict[str, Path]] = {}
    for index, (name, old, new) in enumerate(cases):
        paths = {
            kind: tmp_path / f"{index}-{kind}.docx"
            for kind in ("old", "new", "redline", "accepted", "rejected")
        }
        paths["old"].write_bytes(old)
        paths["new"].write_bytes(new)
        paths["redline"].write_bytes(run(old, new).docx)
        paths["accepted"].write_bytes(lo_oracle.convert("accept", paths["redline"]))
        paths["rejected"].write_bytes(lo_oracle.convert("reject", paths["redline"]))
        files[name] = paths
    texts = rendered_texts([p for paths in files.values() for p in paths.values()])
    assert any("1." in line for line in texts[files["item inserted"]["new"]])  # labels are rendered
    for name, paths in files.items():
        assert texts[paths["accepted"]] == texts[paths["new"]], f"{name}: Accept All ≠ new"
        assert texts[paths["rejected"]] == texts[paths["old"]], f"{name}: Reject All ≠ old"


def _body(xml: str) -> etree._Element:
    return etree.fromstring(f'<w:body xmlns:w="{W_NS}">{xml}</w:body>')


def _item(text: str, num: str) -> str:
    return (
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
        f"<w:r><w:t>{text}</w:t></w:r></w:p>"
    )


def _paragraphs(body: etree._Element) -> list[tuple[str, etree._Element | None]]:
    return [("".join(p.itertext()), p.find(f"{{{W_NS}}}pPr")) for p in body]


def test_old_list_ids_are_named_as_the_new_package_names_them() -> None:
    old = _body(_item("甲", "7") + _item("乙", "7") + _item("丙", "8") + _item("丁", "5"))
    new = _body(
        _item("甲", "9") + _item("乙", "9") + _item("丙", "3") + "<w:p><w:r><w:t>丁</w:t></w:r></w:p>"
    )
    mapping = numbering_map(_paragraphs(old), _paragraphs(new))
    assert mapping == {"7": "9", "8": "3"}
    renumber(old, mapping)
    assert old.xpath("//w:numId/@w:val", namespaces=NS) == ["9", "9", "3", "5"]


def test_a_list_whose_first_item_is_replaced_keeps_a_paragraph_in_both_views() -> None:
    old, new = (_list_doc(LISTS["whole list replaced"][k]) for k in (0, 1))
    root = document(run(old, new).docx)
    first = root.xpath("//w:p[w:pPr/w:pStyle/@w:val='ListNumber']", namespaces=NS)[0]
    assert first.find(f"{{{W_NS}}}pPr/{{{W_NS}}}rPr/{{{W_NS}}}del") is None
    assert first.find(f"{{{W_NS}}}pPr/{{{W_NS}}}rPr/{{{W_NS}}}ins") is None

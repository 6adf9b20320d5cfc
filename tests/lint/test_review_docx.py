"""The review document: every finding a Word comment by ``shuzhi 检查`` on the words it flags.

Checked on the package itself (comments, their anchors, determinism), through ``shuzhi lint --docx``
and ``shuzhi build``, and through LibreOffice (converted to ODT, the comments must be there).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from pipeline.cli.main import main
from pipeline.content.config import load_config
from pipeline.content.workspace import load_draft_file, load_workspace, template_for
from pipeline.lint.document import from_draft
from pipeline.lint.engine import Linter
from pipeline.lint.locate import locate
from pipeline.lint.review_docx import AUTHOR, draft_review, review_of_draft
from pipeline.ooxml.comments import parse
from pipeline.ooxml.integrity import problems
from pipeline.ooxml.visible import w
from pipeline.render.document import render_report
from pipeline.word.package import read_package_bytes, write_package

DIRTY = "drafts/demo/v1/report.yaml"


def comments_of(data: bytes) -> list[tuple[str, list[str], str]]:
    """``(author, paragraphs, anchored text)`` of every comment, in id order.

    The anchored text is the text of the runs between the comment's range start and end
    (paragraph breaks as ``\\n``).
    """
    parts = read_package_bytes(data)
    if "word/comments.xml" not in parts:
        return []
    bodies = {
        str(c.get(w("id"))): (
            str(c.get(w("author"))),
            ["".join(t.text or "" for t in p.iter(w("t"))) for p in c.iter(w("p"))],
        )
        for c in parse(parts["word/comments.xml"]).iter(w("comment"))
    }
    open_ranges: dict[str, list[str]] = {}
    anchored: dict[str, str] = {}
    for element in parse(parts["word/document.xml"]).iter():
        if element.tag == w("commentRangeStart"):
            open_ranges[str(element.get(w("id")))] = []
        elif element.tag == w("commentRangeEnd"):
            name = str(element.get(w("id")))
            anchored[name] = "".join(open_ranges.pop(name)).strip("\n")
        elif element.tag == w("p"):
            for pieces in open_ranges.values():
                pieces.append("\n")
        elif element.tag == w("t"):
            for pieces in open_ranges.values():
                pieces.append(element.text or "")
    assert not open_ranges, "a comment range is never closed"
    return [(*bodies[i], anchored[i]) for i in sorted(bodies, key=int)]


def _expected_anchor(match: str) -> str:
    """The flagged words as the rendered document shows them: a paragraph per non-empty line."""
    return "\n".join(line.strip() for line in match.splitlines() if line.strip())


def _example_drafts(repo_root: Path) -> list:
    return [d for unit in load_workspace(repo_root).units for d in unit.drafts]


def test_every_finding_of_every_example_draft_is_a_comment_on_its_words(repo_root: Path) -> None:
    linter = Linter(load_config(repo_root).lint)
    checked = 0
    for draft in _example_drafts(repo_root):
        doc = from_draft(draft)
        located = locate(doc, linter.run(doc))
        rendered = render_report(draft, template_for(repo_root, draft.unit))
        comments = comments_of(draft_review(rendered, draft, doc, located))
        assert len(comments) == len(located), draft.label
        for item, (author, paragraphs, anchored) in zip(located, comments, strict=True):
            assert author == AUTHOR
            assert item.finding.rule in paragraphs[0] and paragraphs[1] == item.finding.message
            if item.unit is not None:
                assert anchored == _expected_anchor(item.finding.match), (draft.label, item.finding.rule)
                checked += 1
    assert checked > 100  # the example's early drafts have hundreds of findings on words


def test_review_is_deterministic_and_leaves_the_report_text_alone(repo_root: Path) -> None:
    draft = _example_drafts(repo_root)[0]
    rendered = render_report(draft, template_for(repo_root, draft.unit))
    linter = Linter(load_config(repo_root).lint)
    first, second = (review_of_draft(draft, rendered, linter) for _ in range(2))
    assert first == second

    def text(data: bytes) -> list[str]:
        body = parse(read_package_bytes(data)["word/document.xml"])
        return ["".join(t.text or "" for t in p.iter(w("t"))) for p in body.iter(w("p"))]

    assert text(first) == text(rendered)
    # a whole package: every relationship, reference and content type resolves, as in the report
    assert problems(read_package_bytes(first)) == [] == problems(read_package_bytes(rendered))


def _unanswered_q1(root: Path) -> Path:
    """The fixture's first draft with Q1's answer removed: a finding on a node, not on words."""
    path = root / DIRTY
    path.write_text(
        path.read_text(encoding="utf-8").replace("      Q1: 按要求研究部署。\n", ""), encoding="utf-8"
    )
    return path


@pytest.mark.parametrize(
    ("rule", "anchored"),
    [
        ("unanswered-question", "研究部署党建工作"),  # a missing answer: on its question's heading
        ("not-self-critical", "存在的问题"),  # the whole problem list: on its heading
        ("hedging-minority", "个别同志"),
        ("boilerplate-stock", "高度重视"),
    ],
)
def test_findings_on_nodes_sit_on_their_heading(lint_ws: Path, rule: str, anchored: str) -> None:
    draft = load_draft_file(_unanswered_q1(lint_ws))
    rendered = render_report(draft, template_for(lint_ws, draft.unit))
    comments = comments_of(review_of_draft(draft, rendered, Linter(load_config(lint_ws).lint)))
    assert any(rule in paragraphs[0] and text == anchored for _, paragraphs, text in comments), comments


def test_causes_and_unplaced_text_are_commented_where_the_report_shows_them(lint_ws: Path) -> None:
    path = lint_ws / DIRTY
    path.write_text(
        path.read_text(encoding="utf-8")
        + "causes: 根源在于理论学习不深入，我对党建工作高度重视不够。\n"
        + "unplaced:\n  - 附：关党委全年工作要点另行印发，此处XX。\n",
        encoding="utf-8",
    )
    draft = load_draft_file(path)
    rendered = render_report(draft, template_for(lint_ws, draft.unit))
    linter = Linter(load_config(lint_ws).lint)
    doc = from_draft(draft)
    located = [i for i in locate(doc, linter.run(doc)) if i.key_path[:1] in (("causes",), ("unplaced",))]
    assert {i.key_path[0] for i in located} == {"causes", "unplaced"}
    comments = comments_of(draft_review(rendered, draft, doc, located))
    assert [text for _, _, text in comments] == [_expected_anchor(i.finding.match) for i in located]


def test_lint_docx_writes_the_review_of_a_draft(lint_ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = lint_ws / "review.docx"
    assert main(["lint", "--format", "json", "--docx", str(out), DIRTY]) == 1
    import json

    findings = json.loads(capsys.readouterr().out)
    first = out.read_bytes()
    comments = comments_of(first)
    assert [paragraphs[1] for _, paragraphs, _ in comments] == [f["message"] for f in findings]
    assert main(["lint", "--docx", str(out), DIRTY]) == 1
    assert out.read_bytes() == first


def test_lint_docx_of_a_docx_anchors_on_its_paragraphs(
    lint_ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = load_draft_file(lint_ws / DIRTY)
    source = lint_ws / "外来稿.docx"
    source.write_bytes(render_report(draft, template_for(lint_ws, draft.unit)))
    out = lint_ws / "外来稿-检查.docx"
    assert main(["lint", "--format", "json", "--docx", str(out), str(source)]) == 1  # XX: a placeholder
    import json

    findings = json.loads(capsys.readouterr().out)
    assert findings, "the rendered first draft has boilerplate"
    comments = comments_of(out.read_bytes())
    assert [(c[1][1], c[2]) for c in comments] == [(f["message"], f["match"]) for f in findings]


@pytest.mark.parametrize(
    ("core", "date"),
    [
        (
            b"<dcterms:created>2025-01-02T03:04:05Z</dcterms:created>"
            b"<dcterms:modified>2026-02-03T04:05:06Z</dcterms:modified>",
            "2026-02-03T04:05:06Z",
        ),
        (b"<dcterms:created>2025-01-02T03:04:05Z</dcterms:created>", "2025-01-02T03:04:05Z"),
        (None, "2000-01-01T00:00:00Z"),  # no core properties: a fixed date, so the bytes stay the same
    ],
)
def test_comments_on_a_docx_are_dated_by_the_document(lint_ws: Path, core: bytes | None, date: str) -> None:
    draft = load_draft_file(lint_ws / DIRTY)
    parts = read_package_bytes(render_report(draft, template_for(lint_ws, draft.unit)))
    if core is None:
        parts.pop("docProps/core.xml", None)
    else:
        parts["docProps/core.xml"] = (
            b'<cp:coreProperties xmlns:dcterms="http://purl.org/dc/terms/">' + core + b"</cp:coreProperties>"
        )
    source = lint_ws / "in.docx"
    source.write_bytes(write_package(parts))
    main(["lint", "--docx", str(lint_ws / "out.docx"), str(source)])
    comments = parse(read_package_bytes((lint_ws / "out.docx").read_bytes())["word/comments.xml"])
    assert {c.get(w("date")) for c in comments.iter(w("comment"))} == {date}


def test_a_docx_that_has_comments_keeps_them_and_gets_more(lint_ws: Path) -> None:
    draft = load_draft_file(lint_ws / DIRTY)
    rendered = render_report(draft, template_for(lint_ws, draft.unit))
    reviewed = lint_ws / "reviewed.docx"
    reviewed.write_bytes(review_of_draft(draft, rendered, Linter(load_config(lint_ws).lint)))
    before = comments_of(reviewed.read_bytes())
    again = lint_ws / "again.docx"
    main(["lint", "--docx", str(again), str(reviewed)])
    after = comments_of(again.read_bytes())
    assert after[: len(before)] == before and len(after) > len(before)
    ids = [c.get(w("id")) for c in parse(read_package_bytes(again.read_bytes())["word/comments.xml"])]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--docx", "drafts/demo/v1/review.docx", DIRTY], "drafts/"),
        (["--docx", "drafts/review.docx", DIRTY], "drafts/"),
        (["-o", "drafts/demo/v2/report.yaml", DIRTY], "drafts/"),
        (["--docx", "in.docx", "in.docx"], "input"),
        (["--docx", "out.docx", "notes.txt"], "--docx"),
        (["--docx", "out.docx", "drafts/demo/v1/report.yaml", "drafts/demo/v2/report.yaml"], "--docx"),
        (["--docx", "out.docx"], "--docx"),  # every draft of the workspace: more than one
        (["--summary", "--format", "sarif"], "--summary"),
    ],
)
def test_outputs_that_are_refused(
    lint_ws: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    draft = load_draft_file(lint_ws / DIRTY)
    (lint_ws / "in.docx").write_bytes(render_report(draft, template_for(lint_ws, draft.unit)))
    (lint_ws / "notes.txt").write_text("关党委高度重视党建工作。\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in lint_ws.rglob("*") if p.is_file()}
    assert main(["lint", *args]) == 2
    assert message in capsys.readouterr().err
    assert {p: p.read_bytes() for p in lint_ws.rglob("*") if p.is_file()} == before  # nothing written


def test_build_writes_a_review_per_draft(lint_ws: Path) -> None:
    assert main(["build", "--root", str(lint_ws), "--quiet"]) in (0, 1)
    linter = Linter(load_config(lint_ws).lint)
    for version in (1, 2):
        review = lint_ws / "build" / "demo" / f"v{version}" / "review.docx"
        findings = linter.lint_file(lint_ws / "drafts" / "demo" / f"v{version}" / "report.yaml")
        assert len(comments_of(review.read_bytes())) == len(findings)


def test_the_review_is_rebuilt_when_an_extra_rule_pack_changes(lint_ws: Path) -> None:
    pack = lint_ws / "lint" / "extra.yaml"
    pack.parent.mkdir()

    def write_pack(token: str) -> None:
        pack.write_text(
            "pack: extra\nrules:\n  - id: house-word\n    category: boilerplate\n    severity: warning\n"
            f"    extends: existence\n    message: 本单位不用“{{match}}”\n    tokens: [{token}]\n"
            f"    examples: {{flag: [{token}。], pass: [全年研究12次。]}}\n",
            encoding="utf-8",
        )

    write_pack("按要求")
    (lint_ws / "shuzhi.toml").write_text('[lint]\npacks = ["lint/extra.yaml"]\n', encoding="utf-8")
    review = lint_ws / "build" / "demo" / "v1" / "review.docx"
    main(["build", "--root", str(lint_ws), "--quiet"])
    assert any("本单位不用“按要求”" in c[1][1] for c in comments_of(review.read_bytes()))
    write_pack("纪律意识")
    from pipeline.make.context import BuildOptions
    from pipeline.make.runner import run_build

    again = run_build(lint_ws, None, BuildOptions(), jobs=1)
    assert [r.built for r in again.results] == [["v1/review.docx", "v2/review.docx"]]
    texts = [c[1][1] for c in comments_of(review.read_bytes())]
    assert "本单位不用“纪律意识”" in texts and "本单位不用“按要求”" not in texts


# --- LibreOffice ---------------------------------------------------------------------------------


def _convert(source: Path, fmt: str, work: Path) -> Path:
    """``soffice --headless --convert-to fmt`` with a private profile, killed after 120 s."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice is not None
    command = [
        soffice,
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        fmt,
        "--outdir",
        str(work / "out"),
        str(source),
    ]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail("LibreOffice timed out converting the review document")
    out = work / "out" / (source.stem + "." + fmt.split(":")[0])
    assert out.is_file(), f"LibreOffice wrote no {out.name} (exit {process.returncode})"
    return out


def odt_annotations(odt: Path) -> list[tuple[str, str, str]]:
    """``(creator, comment text, annotated text)`` of every comment LibreOffice kept, in document order."""
    ns = {
        "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
        "dc": "http://purl.org/dc/elements/1.1/",
        "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    }
    root = etree.fromstring(zipfile.ZipFile(odt).read("content.xml"))
    annotation, end = f"{{{ns['office']}}}annotation", f"{{{ns['office']}}}annotation-end"
    found: dict[str, list[str]] = {}
    order: list[tuple[str, str, str]] = []
    texts: dict[str, list[str]] = {}

    def walk(element: etree._Element) -> None:
        if element.tag == annotation:
            name = str(element.get(f"{{{ns['office']}}}name", ""))
            creator = str(element.findtext("dc:creator", default="", namespaces=ns))
            body = "\n".join("".join(str(t) for t in p.itertext()) for p in element.findall("text:p", ns))
            order.append((name, creator, body))
            texts[name] = []
        elif element.tag == end:
            name = str(element.get(f"{{{ns['office']}}}name", ""))
            found[name] = texts.pop(name, [])
        else:
            if element.text:
                for pieces in texts.values():
                    pieces.append(element.text)
            for child in element:
                walk(child)
        if element.tail:
            for pieces in texts.values():
                pieces.append(element.tail)

    walk(root)
    return [(creator, body, "".join(found.get(name, texts.get(name, [])))) for name, creator, body in order]


@pytest.mark.libreoffice
def test_libreoffice_opens_the_review_and_shows_every_comment_on_its_words(
    lint_ws: Path, tmp_path: Path
) -> None:
    """Converting with ``soffice --headless --convert-to`` loads the .docx with its comments (the UNO
    load of Debian's -nogui build aborts on comments; this path does not): every finding is an
    annotation by shuzhi 检查 in the ODT, over the words it flags."""
    out = lint_ws / "review.docx"
    assert main(["lint", "--docx", str(out), DIRTY]) == 1
    expected = comments_of(out.read_bytes())
    annotations = odt_annotations(_convert(out, "odt", tmp_path))
    assert len(annotations) == len(expected) > 5
    assert {creator for creator, _, _ in annotations} == {AUTHOR}
    shown = sorted((body.split("\n")[1], text) for _, body, text in annotations)
    assert shown == sorted((paragraphs[1], text.replace("\n", "")) for _, paragraphs, text in expected)


@pytest.mark.libreoffice
def test_libreoffice_exports_the_comments_to_pdf(lint_ws: Path, tmp_path: Path) -> None:
    out = lint_ws / "review.docx"
    main(["lint", "--docx", str(out), DIRTY])
    pdf = _convert(out, 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}', tmp_path)
    data = pdf.read_bytes()
    assert len(re.findall(rb"/Subtype\s*/Text\b", data)) == len(comments_of(out.read_bytes()))

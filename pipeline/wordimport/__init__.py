"""Word draft → ``report.yaml``: read the paragraphs, recognise headings, place every paragraph.

:func:`import_docx` is the whole import of one .docx against a question set; :func:`import_to_unit`
writes the result as ``drafts/<unit>/v<N>/report.yaml``.  ``docs/import-publish.md`` describes the flow.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline.content.model import Draft, QuestionSet, Report, Unit
from pipeline.errors import Issue, UserError
from pipeline.i18n import _
from pipeline.render.context import default_title
from pipeline.wordimport.assemble import build_report
from pipeline.wordimport.conserve import Placement, lost, placements
from pipeline.wordimport.convert import to_docx
from pipeline.wordimport.hints import Hints
from pipeline.wordimport.reader import Package, Para, open_package, read_paragraphs
from pipeline.wordimport.structure import Collected, walk
from pipeline.wordimport.writer import report_yaml, write_report

__all__ = ["ImportResult", "import_docx", "import_to_unit", "next_version"]
MISSING_OPENING = "（导入时未找到开头部分，请补写）"


@dataclass(frozen=True)
class ImportResult:
    """An imported draft: the model, its YAML, and how each paragraph was used."""

    report: Report
    yaml: str
    paragraphs: list[Para]
    collected: Collected
    warnings: list[str] = field(default_factory=list)
    rescued: list[Para] = field(default_factory=list)  # paragraphs the walk lost, kept in unplaced

    def placements(self) -> list[Placement]:
        """Where every paragraph went and why (``--explain``)."""
        return placements(self.paragraphs, self.collected, self.report)

    def structure(self) -> list[tuple[str, str]]:
        """``(taken as, text)`` of the paragraphs taken as structure: headings, title, byline, signature."""
        texts = {p.index: p.text for p in self.paragraphs}
        return [
            (what, self.collected.taken.get(i) or texts.get(i, "")) for i, what in self.collected.consumed
        ]


def package_date(pkg: Package) -> dt.date | None:
    """The document's modified (else created) date from ``docProps/core.xml``."""
    core = pkg.parts.get("docProps/core.xml", b"").decode("utf-8", "replace")
    for tag in ("modified", "created"):
        match = re.search(rf"<dcterms:{tag}[^>]*>(\d{{4}}-\d{{2}}-\d{{2}})", core)
        if match:
            try:
                return dt.date.fromisoformat(match.group(1))
            except ValueError:
                continue
    return None


def collect(pkg: Package, qset: QuestionSet, unit: Unit | None) -> tuple[list[Para], Collected]:
    """The paragraphs of ``pkg`` and where each one goes."""
    paras = read_paragraphs(pkg)
    return paras, walk(paras, qset, unit)


def _finish(report: Report, draft: Draft, warnings: list[str]) -> Report:
    """No title when it is the one the template makes anyway; a marked placeholder for a missing opening."""
    if report.title and report.title == default_title(draft):
        report = replace(report, title=None)
    if not report.opening:
        warnings.append(_("no opening paragraph found: a placeholder was written"))
        report = replace(report, opening=MISSING_OPENING)
    return report


def import_docx(
    source: Path,
    qset: QuestionSet,
    unit: Unit | None = None,
    *,
    earlier: tuple[Report, ...] = (),
    target: Path = Path("report.yaml"),
    version: int = 1,
) -> ImportResult:
    """Import the Word draft ``source`` against ``qset``.

    ``earlier`` (the unit's drafts, newest first) supplies what Word does not show: problem areas,
    measure links and status, ``lint-ignore`` entries — for items found there unchanged or bookmarked.
    """
    with tempfile.TemporaryDirectory(prefix="shuzhi-import-") as scratch:  # .doc/.wps/.odt/.md … → .docx
        pkg = open_package(to_docx(source, Path(scratch)))
    paras, collected = collect(pkg, qset, unit)
    warnings: list[str] = []
    fallback = package_date(pkg)
    if collected.date is None:
        warnings.append(
            _("no date found at the end of the document: using the document's saved date")
            if fallback
            else _("no date found at the end of the document: using today's date")
        )
    report = build_report(collected, qset, Hints.of(*earlier), target, fallback or dt.date.today())
    draft = Draft(unit=unit, version=version, dir=target.parent, report=report, question_set=qset)
    report = _finish(report, draft, warnings)
    rescued = lost(paras, collected, report)
    if rescued:  # never drop a paragraph: what the walk could not account for goes to unplaced, whole
        report = replace(report, unplaced=report.unplaced + tuple(p.text for p in rescued))
    if report.unplaced:
        warnings.append(
            _("{n} paragraph(s) could not be placed: see 'unplaced' in the file").format(
                n=len(report.unplaced)
            )
        )
    header = (
        f"导入自 {' '.join(source.name.split())}（shuzhi import）。\n"
        "请核对各部分归位是否正确；unplaced 中的文字需要人工安排。"
    )
    return ImportResult(
        report=report,
        yaml=report_yaml(report, header),
        paragraphs=paras,
        collected=collected,
        warnings=warnings,
        rescued=rescued,
    )


def next_version(drafts: tuple[Draft, ...]) -> int:
    """The number after the unit's newest draft (1 when there is none)."""
    return max((d.version for d in drafts), default=0) + 1


def import_to_unit(
    source: Path,
    unit: Unit,
    drafts: tuple[Draft, ...],
    qset: QuestionSet,
    version: int | None = None,
    force: bool = False,
) -> tuple[Path, ImportResult]:
    """Import ``source`` as ``drafts/<unit>/v<N>/report.yaml`` (N: ``version`` or the next one)."""
    version = version or next_version(drafts)
    target = unit.dir / f"v{version}" / "report.yaml"
    if target.exists() and not force:
        raise UserError(
            Issue(
                target,
                _("already exists; not overwritten"),
                hint=_("import as a new draft (--as v{version}) or pass --force").format(
                    version=next_version(drafts)
                ),
                code="exists",
            )
        )
    earlier = tuple(d.report for d in sorted(drafts, key=lambda d: d.version, reverse=True))
    result = import_docx(source, qset, unit, earlier=earlier, target=target, version=version)
    write_report(target, result.yaml, qset, force=force)
    return target, result

"""Rectification checks (category ``rectification``, issue 8): what the 整改清单 and 测评表 need.

- ``measure-assignment``: a measure without an owner or a deadline cannot be tracked;
- ``problem-unaddressed``: a problem no measure names in its ``problems`` list;
- ``unit-evaluation-items``: a unit whose ``evaluation-items`` count is not the expected one
  (option ``count``, 4 in the pilot).  This one reads ``unit.yaml``, not a draft: run it with
  :func:`lint_unit` once per unit; on draft documents it finds nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.content.layout import UNIT_FILE
from pipeline.content.model import AreaContent, Measure, Problem, Report, Unit
from pipeline.lint.checks import EXAMPLE_PATH, EXAMPLE_SET, Context, Hit, first_sentence_end, register
from pipeline.lint.document import Document, TextUnit, from_report

if TYPE_CHECKING:
    from pipeline.content.config import LintConfig
    from pipeline.lint.engine import Linter
    from pipeline.lint.finding import Finding
    from pipeline.lint.rules import Rule

DEFAULT_UNIT_ITEMS = 4
EVALUATION_KEY = "evaluation-items"


@dataclass(frozen=True)
class UnitDocument(Document):
    """A unit file as a lint document: no text units, just the unit for unit-level checks."""

    unit: Unit | None = None


def unit_document(unit: Unit) -> UnitDocument:
    """The lint document of ``unit.yaml``."""
    path = unit.dir / UNIT_FILE
    return UnitDocument(path=path, units=(), lines=tuple(unit.source.text.split("\n")), unit=unit)


def lint_unit(unit: Unit, config: LintConfig | None = None, *, linter: Linter | None = None) -> list[Finding]:
    """Findings of the unit-level rules on ``unit.yaml`` (run once per unit, next to the drafts' lint)."""
    from pipeline.lint.engine import Linter

    return (linter or Linter(config)).run(unit_document(unit))


def _example_report(problems: list[str], measures: list[dict[str, Any]]) -> Document:
    """A report with ``problems`` (P1, P2 …) and ``measures`` (M1 … with problems/owner/due)."""
    report = Report(
        path=EXAMPLE_PATH,
        date=dt.date(2026, 1, 1),
        title=None,
        opening="报告如下。",
        areas=(AreaContent("duty"),),
        problems=tuple(Problem(f"P{i}", "duty", text) for i, text in enumerate(problems, start=1)),
        measures=tuple(
            Measure(
                f"M{i}",
                tuple(m.get("problems", ["P1"])),
                str(m.get("text", "")),
                owner=m.get("owner"),
                due=_date(m.get("due")),
            )
            for i, m in enumerate(measures, start=1)
        ),
    )
    return from_report(report, EXAMPLE_SET)


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


class MeasureAssignment:
    """Flag a measure that has no owner, no deadline, or neither."""

    name = "measure-assignment"
    options: dict[str, type] = {}

    def run(self, rule: Rule, doc: Document, ctx: Context) -> Iterable[Hit]:
        if doc.report is None:
            return
        units = {u.key_path[1]: u for u in doc.units if u.kind == "measure"}
        for index, measure in enumerate(doc.report.measures):
            missing = [
                label
                for label, value in (("责任单位", measure.owner), ("完成时限", measure.due))
                if not value
            ]
            unit = units.get(index)
            if missing and unit is not None:
                yield Hit(
                    unit, 0, first_sentence_end(unit.text), {"id": measure.id, "missing": "和".join(missing)}
                )

    def example(self, rule: Rule, example: Any) -> Document:
        return _example_report(["我全年只到联系点调研2次。"], [dict(example)])


class ProblemUnaddressed:
    """Flag a problem that no measure addresses."""

    name = "problem-unaddressed"
    options: dict[str, type] = {}

    def run(self, rule: Rule, doc: Document, ctx: Context) -> Iterable[Hit]:
        if doc.report is None:
            return
        addressed = {pid for m in doc.report.measures for pid in m.problems}
        units = {u.key_path[1]: u for u in doc.units if u.kind == "problem"}
        for index, problem in enumerate(doc.report.problems):
            unit = units.get(index)
            if problem.id not in addressed and unit is not None:
                yield Hit(unit, 0, first_sentence_end(unit.text), {"id": problem.id})

    def example(self, rule: Rule, example: Any) -> Document:
        data = dict(example)
        return _example_report(list(data.get("problems", [])), list(data.get("measures", [])))


class UnitEvaluationItems:
    """Flag a unit whose own evaluation items are not ``count`` in number (unit documents only)."""

    name = "unit-evaluation-items"
    options: dict[str, type] = {"count": int}

    def run(self, rule: Rule, doc: Document, ctx: Context) -> Iterable[Hit]:
        unit = getattr(doc, "unit", None)
        if not isinstance(unit, Unit):
            return
        expected = int(rule.options.get("count", DEFAULT_UNIT_ITEMS))
        found = len(unit.evaluation_items)
        if found == expected:
            return
        key_path = (EVALUATION_KEY,) if EVALUATION_KEY in _top_keys(unit) else ()
        position = unit.source.position(key_path)
        anchor = TextUnit(key_path, "", "prose", line=position.line, column=position.column)
        yield Hit(anchor, 0, 0, {"count": found, "expected": expected})

    def example(self, rule: Rule, example: Any) -> Document:
        items = tuple(str(item) for item in (example or []))
        unit = Unit(
            id="example",
            dir=Path("."),
            name="示例海关",
            organisation="中共示例海关委员会",
            reporter="张三",
            role="党委书记",
            evaluation_items=items,
        )
        return unit_document(unit)


def _top_keys(unit: Unit) -> set[str]:
    return {path[0] for path in unit.source.spans if len(path) == 1 and isinstance(path[0], str)}


for _check in (MeasureAssignment(), ProblemUnaddressed(), UnitEvaluationItems()):
    register(_check)

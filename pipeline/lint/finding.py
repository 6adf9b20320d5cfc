"""One lint finding: where, which rule, how bad, what to do.  The categories are a fixed interface."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from pipeline.content.source import KeyPath, format_key_path

#: The fixed categories (an interface for CI and other tools; never rename one).
CATEGORIES: tuple[str, ...] = (
    "boilerplate",  # 空话套话
    "hedging",  # 遮遮掩掩
    "missing-example",  # a problem without a concrete case
    "missing-figure",  # a problem without a figure
    "imbalance",  # achievements take too much of the report
    "unanswered-question",  # a required question skipped, empty, too short or only boilerplate
    "not-self-critical",  # the problems never name the reporter's own failings
    "placeholder",  # TODO, XXX, 【待补充】, content an import could not place
    "dangling-reference",  # 见附件2 pointing at nothing
    "feedback",  # used by the feedback checks
    "rectification",  # measures without owner/deadline, problems without a measure (issue 8)
    "content",  # a content file that cannot be loaded (shuzhi check: unknown key, YAML syntax …)
)

#: Severities, most severe first.
SEVERITIES: tuple[str, ...] = ("error", "warning", "suggestion")


def _check_category_and_severity(category: str, severity: str) -> None:
    if category not in CATEGORIES:
        raise ValueError(f"unknown lint category {category!r}")
    if severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r}")


@dataclass(frozen=True)
class Finding:
    """One lint finding.  Lines and columns are 1-based; columns count Unicode code points.

    ``end_column`` is exclusive (the column just after the match), as in SARIF.
    """

    path: Path | None
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    category: str
    severity: str
    message: str
    match: str = ""
    key_path: KeyPath = ()

    def __post_init__(self) -> None:
        _check_category_and_severity(self.category, self.severity)

    @property
    def key(self) -> str:
        """The key path as shown in messages: ``problems[2].text``."""
        return format_key_path(self.key_path)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (str(self.path or ""), self.line, self.column, self.rule)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (path as shown in messages — relative to the current folder when below it)."""
        from pipeline.errors import display_path

        data = asdict(self)
        data["path"] = display_path(self.path) if self.path is not None else None
        data["key_path"] = self.key
        return data


@dataclass(frozen=True)
class RuleDescription:
    """What a rule outside the rule packs checks (feedback checks, invalid content), for SARIF.

    Rule packs describe their own rules (:class:`pipeline.lint.rules.Rule`); checks that report
    findings without a pack describe each rule id they use with one of these.
    """

    id: str
    category: str
    severity: str
    description: str

    def __post_init__(self) -> None:
        _check_category_and_severity(self.category, self.severity)


def severity_rank(severity: str) -> int:
    """0 for error, 1 for warning, 2 for suggestion."""
    return SEVERITIES.index(severity)

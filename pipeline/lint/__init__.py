"""The lint: rules as data (``rules/*.yaml``) over a few check types (``checks/``), one finding record,
output formats for people and CI.  See ``docs/lint.md``.

Entry points: :func:`pipeline.lint.engine.lint_draft`, :func:`pipeline.lint.engine.lint_paths`,
:class:`pipeline.lint.engine.Linter`.
"""

from pipeline.lint.finding import CATEGORIES, SEVERITIES, Finding

__all__ = ["CATEGORIES", "SEVERITIES", "Finding"]

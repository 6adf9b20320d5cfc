"""What the lint says of one sentence: the helpers the round-by-round probe tests (test_round4.py …)
share, each linting ``text`` as a one-paragraph document with the built-in rules."""

from __future__ import annotations

from pipeline.lint.document import from_text
from pipeline.lint.engine import Linter


def categories_on(linter: Linter, text: str) -> set[str]:
    """The categories of the findings on ``text``."""
    return {f.category for f in linter.run(from_text(None, text))}


def rules_on(linter: Linter, text: str) -> set[str]:
    """The rules that flag ``text``."""
    return {f.rule for f in linter.run(from_text(None, text))}


def findings_on(linter: Linter, text: str) -> list[str]:
    """The rule of every finding on ``text``, one entry a finding, sorted."""
    return sorted(f.rule for f in linter.run(from_text(None, text)))

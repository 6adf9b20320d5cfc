"""Everything a unit's targets share while one unit is built: its content, loaded at most once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.content.config import Config
from pipeline.content.model import Draft
from pipeline.content.workspace import UnitDrafts, read_unit_drafts, template_for
from pipeline.errors import Issue, IssueCollector, UserError
from pipeline.i18n import _
from pipeline.make.plan import UnitFiles

if TYPE_CHECKING:  # loaded only when a target needs them
    from pipeline.feedback.model import UnitFeedback
    from pipeline.hq.sources import UnitSources


@dataclass(frozen=True)
class BuildOptions:
    """Settings of one build run (they travel to worker processes, so keep them plain)."""

    force: bool = False
    author: str | None = None  # overrides the redline author of every unit
    as_of: dt.date | None = None  # date for overdue marking; default each draft's own date
    check: bool = False  # also run the feedback checks and lint the latest draft (shuzhi check)


class BuildContext:
    """Lazily loaded content of one unit, and per-run caches (rendered reports)."""

    def __init__(self, files: UnitFiles, config: Config, options: BuildOptions):
        self.files = files
        self.config = config
        self.options = options
        self._rendered: dict[int, bytes] = {}

    @cached_property
    def unit_drafts(self) -> UnitDrafts:
        """The unit and all its drafts; a :class:`UserError` with every issue when any file is bad."""
        issues = IssueCollector()
        loaded = read_unit_drafts(self.files.root, self.files.unit_dir, issues)
        if issues:
            # Every error of every file at once: the feedback and responses files' own errors too.
            from pipeline.feedback.load import feedback_file_issues

            issues.extend(
                i for i in feedback_file_issues(self.files.unit_dir, self.config) if i not in issues.issues
            )
        issues.raise_if_any()
        if loaded is None:  # pragma: no cover - read_unit_drafts records an issue whenever it gives None
            raise UserError(Issue(self.files.unit_dir, _("the unit could not be loaded")))
        return loaded

    @property
    def loaded(self) -> bool:
        """True once the unit's content has been loaded successfully."""
        return "unit_drafts" in self.__dict__  # where cached_property keeps a successful result

    def draft(self, version: int) -> Draft:
        found = self.unit_drafts.draft(version)
        if found is None:  # pragma: no cover - versions come from the same folder listing
            raise UserError(Issue(self.files.report_file(version), _("draft not found"), code="not-found"))
        return found

    @cached_property
    def feedback(self) -> UnitFeedback:  # imported lazily: no-op builds skip it
        """The unit's feedback rounds (items on each draft, responses in the next)."""
        from pipeline.feedback.api import load_rounds

        return load_rounds(self.unit_drafts, self.config)

    @cached_property
    def sources(self) -> UnitSources:  # imported lazily: no-op builds skip it
        """The unit's 述职 meeting record and evaluation problems (the rectification list's other sources)."""
        from pipeline.hq.sources import unit_sources

        loaded = self.unit_drafts
        return unit_sources(self.files.root, loaded.unit, [d.report for d in loaded.drafts])

    @property
    def template(self) -> Path:
        return template_for(self.files.root, self.unit_drafts.unit)

    def rendered(self, version: int) -> bytes:
        """The rendered report.docx of draft ``version`` (rendered once per run)."""
        if version not in self._rendered:
            from pipeline.render.document import render_report  # imported here: a no-op build never needs it
            from pipeline.render.limits import MiB, RenderLimits

            limits = RenderLimits(
                seconds=self.config.render_seconds, max_output=self.config.render_max_output_mb * MiB
            )
            self._rendered[version] = render_report(self.draft(version), self.template, limits)
        return self._rendered[version]

    @property
    def redline_author(self) -> str:
        unit = self.unit_drafts.unit
        return self.options.author or self.config.redline_author or unit.redline_author or unit.reporter

"""What a unit's build consists of, found from the file system alone (no YAML is parsed here).

A no-op rebuild of thousands of drafts must take seconds, so deciding what is stale only hashes
input files; the unit's content is loaded only when one of its targets has to be made.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.content.layout import BUILD_DIR, TEMPLATES_DIR
from pipeline.content.workspace import draft_dirs
from pipeline.errors import IssueCollector

if TYPE_CHECKING:  # the context imports this module
    from pipeline.make.context import BuildContext


@dataclass(frozen=True)
class UnitFiles:
    """The input files of one unit, by role."""

    root: Path
    unit_dir: Path
    versions: tuple[tuple[int, Path], ...]  # (N, drafts/<unit>/v<N>)
    # feedback files by version, listed once: several targets of the unit ask for them
    _feedback: dict[int, list[Path]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def unit_id(self) -> str:
        return self.unit_dir.name

    @property
    def build_dir(self) -> Path:
        return self.root / BUILD_DIR / self.unit_id

    def report_file(self, version: int) -> Path:
        return self.unit_dir / f"v{version}" / "report.yaml"

    def feedback_files(self, version: int) -> list[Path]:
        found = self._feedback.get(version)
        if found is None:
            found = self._feedback[version] = _yaml_files(self.unit_dir / f"v{version}" / "feedback")
        return list(found)

    def responses_file(self, version: int) -> Path:
        return self.unit_dir / f"v{version}" / "responses.yaml"

    def common_inputs(self) -> list[Path]:
        """Files every target of the unit depends on: configuration, templates, the unit's own files."""
        files = [self.root / "shuzhi.toml"]
        files += files_under(self.root / TEMPLATES_DIR)
        files += [p for p in self.unit_dir.iterdir() if p.is_file()]
        return files

    def evaluation_inputs(self) -> list[Path]:
        """``evaluation/`` (results.csv, issues.yaml): the evaluation's problems of the rectification list."""
        return files_under(self.unit_dir / "evaluation")

    def all_feedback_inputs(self) -> list[Path]:
        files: list[Path] = []
        for version, _ in self.versions:
            files += [self.report_file(version), self.responses_file(version), *self.feedback_files(version)]
        return files


def _yaml_files(folder: Path) -> list[Path]:
    try:
        with os.scandir(folder) as entries:  # os.scandir: pathlib's glob dominated no-op builds
            return sorted(folder / e.name for e in entries if e.name.endswith(".yaml"))
    except (FileNotFoundError, NotADirectoryError):
        return []


def files_under(folder: Path) -> list[Path]:
    """Every file below ``folder`` (symlinks to files included, symlinked folders not entered), sorted."""
    found = []
    for top, _, names in os.walk(folder):
        found += [Path(top, name) for name in names if os.path.isfile(os.path.join(top, name))]
    return sorted(found)


def unit_files(root: Path, unit_dir: Path) -> UnitFiles:
    """The unit's input files (misnamed draft folders are left to the loader to report)."""
    return UnitFiles(root=root, unit_dir=unit_dir, versions=tuple(draft_dirs(unit_dir, IssueCollector())))


@dataclass
class Target:
    """Outputs made together from a set of inputs by one function."""

    name: str  # shown in messages, e.g. "v3/report.docx"
    outputs: list[Path]
    inputs: list[Path]
    # Receives the unit's BuildContext; returns outputs to write, or {} when it wrote them itself
    # (atomically, through pipeline.fsutil).
    make: Callable[[BuildContext], dict[Path, bytes]]
    extra: str = ""  # settings that also decide the output (author, as-of date …)
    note: Callable[[BuildContext], str | None] | None = None  # a line for the summary after making

"""The workspace: a folder with ``drafts/<unit>/v<N>/report.yaml``, ``templates/`` and ``shuzhi.toml``.

Discovery and loading of units and drafts.  Loading a whole workspace reports every issue of every
file at once; :func:`read_unit_drafts` loads one unit on its own, so a broken unit never stops the
others in a build.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.content.config import Config, load_config
from pipeline.content.confine import outside_issue, refuse_outside, require_unit_name, unit_name_issue
from pipeline.content.layout import (
    BUILD_DIR,
    CONFIG_FILE,
    DRAFTS_DIR,
    REPORT_FILE,
    UNIT_FILE,
    template_file,
    version_of_dir,
)
from pipeline.content.load import read_question_set, read_report, read_unit, unit_question_set_id
from pipeline.content.model import Draft, QuestionSet, Report, Unit
from pipeline.content.reader import known_hint
from pipeline.errors import Issue, IssueCollector, UserError
from pipeline.i18n import _

DEFAULT_QUESTION_SET = "standard"


@dataclass(frozen=True)
class UnitDrafts:
    """A unit and its drafts, oldest first."""

    unit: Unit
    drafts: tuple[Draft, ...]

    @property
    def latest(self) -> Draft | None:
        return self.drafts[-1] if self.drafts else None

    def draft(self, version: int) -> Draft | None:
        return next((d for d in self.drafts if d.version == version), None)


@dataclass(frozen=True)
class Workspace:
    """A loaded workspace."""

    root: Path
    config: Config
    units: tuple[UnitDrafts, ...]

    @property
    def build_dir(self) -> Path:
        return self.root / BUILD_DIR

    def unit(self, unit_id: str) -> UnitDrafts | None:
        return next((u for u in self.units if u.unit.id == unit_id), None)


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` that holds ``drafts/`` or ``shuzhi.toml``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / DRAFTS_DIR).is_dir() or (folder / CONFIG_FILE).is_file():
            return folder
    return None


def require_root(start: Path | None = None) -> Path:
    """Like :func:`find_root` from ``start`` (default: cwd), but a :class:`UserError` when there is none."""
    root = find_root(start or Path.cwd())
    if root is None:
        raise UserError(
            Issue(
                start or Path.cwd(),
                _("not inside a shuzhi workspace (no drafts/ folder or shuzhi.toml)"),
                hint=_("run it from a workspace, or create one with 'shuzhi init DIR'"),
                code="no-workspace",
            )
        )
    return root


def unit_dirs(root: Path) -> list[Path]:
    """Every unit folder under ``drafts/``, sorted by name (hidden and ``_``-prefixed ones skipped)."""
    drafts = root / DRAFTS_DIR
    if not drafts.is_dir():
        return []
    return sorted(p for p in drafts.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def draft_dirs(unit_dir: Path, issues: IssueCollector) -> list[tuple[int, Path]]:
    """``(N, path)`` of every ``v<N>`` folder of a unit, by N; misnamed version folders are issues."""
    found = []
    for child in unit_dir.iterdir():
        if not child.is_dir():
            continue
        version = version_of_dir(child.name)
        if version is not None:
            found.append((version, child))
        elif child.name[:1] in "vV" and child.name[1:2].isdigit():
            issues.add(
                Issue(
                    child,
                    _("draft folder '{name}' is not named v<N>").format(name=child.name),
                    hint=_("rename it to v1, v2, … (lower-case v, no leading zero)"),
                    code="misnamed-file",
                )
            )
    return sorted(found)


def question_set_path(root: Path | None, set_id: str) -> Path:
    """The file of question set ``set_id``: the workspace's own, else the one shipped with shuzhi."""
    return template_file(root, "questions", f"{set_id}.yaml")


def template_for(root: Path | None, unit: Unit | None) -> Path:
    """The Word template for ``unit``: its own, else the workspace's, else the one shipped with shuzhi."""
    if unit is not None and unit.template is not None:
        return unit.template
    return template_file(root, "report.docx")


class QuestionSets:
    """Loads each question set once per run."""

    def __init__(self, root: Path | None):
        self.root = root
        self.cache: dict[str, QuestionSet | None] = {}

    def get(
        self, set_id: str, issues: IssueCollector, referrer: Path, line: int | None = None
    ) -> QuestionSet | None:
        if unit_name_issue(set_id) is not None:  # an id names a file in templates/questions/, never a path
            issues.add(
                Issue(
                    referrer,
                    _("question set {id!r} is not a name").format(id=set_id),
                    line=line,
                    key_path="questions",
                    code="not-found",
                    hint=_("name a file of templates/questions/ without .yaml, e.g. standard"),
                )
            )
            return None
        if set_id not in self.cache:
            path = question_set_path(self.root, set_id)
            if not path.is_file():
                issues.add(
                    Issue(
                        referrer,
                        _("question set '{id}' not found ({path})").format(id=set_id, path=path),
                        hint=_("add templates/questions/<id>.yaml or use 'questions: standard'"),
                        code="file-not-found",
                    )
                )
                return None
            self.cache[set_id] = read_question_set(path, issues)
        return self.cache[set_id]


def read_unit_drafts(
    root: Path, unit_dir: Path, issues: IssueCollector, question_sets: QuestionSets | None = None
) -> UnitDrafts | None:
    """Load one unit and all its drafts; every problem goes to ``issues``."""
    question_sets = question_sets or QuestionSets(root)
    unit_file = unit_dir / UNIT_FILE
    if not unit_file.is_file():
        issues.add(
            Issue(
                unit_file,
                _("missing unit.yaml"),
                hint=_("every unit folder needs a unit.yaml (name, organisation, reporter, role)"),
                code="missing-file",
            )
        )
        return None
    unit = read_unit(unit_file, issues)
    if unit is not None and not confined_unit(root, unit, issues):
        unit = None
    versions = draft_dirs(unit_dir, issues)
    if unit is None:
        # Still check the drafts, so one run reports every error: against the question set the
        # broken unit.yaml names, if that much of it can be read.
        qset = question_sets.get(unit_question_set_id(unit_file), IssueCollector(), unit_file)
        if qset is not None:
            _read_reports(versions, qset, issues)
        return None
    qset = question_sets.get(unit.questions, issues, unit_file, _key_line(unit, "questions"))
    if qset is None:
        return None
    drafts = [
        Draft(unit=unit, version=version, dir=folder, report=report, question_set=qset)
        for version, folder, report in _read_reports(versions, qset, issues)
    ]
    return UnitDrafts(unit=unit, drafts=tuple(drafts))


def _key_line(unit: Unit, key: str) -> int | None:
    span = unit.source.spans.get((key,))
    return span.line if span is not None else None


def confined_unit(root: Path | None, unit: Unit, issues: IssueCollector) -> bool:
    """False (with an issue at the unit.yaml line or the link) when the unit's template leads outside
    the workspace and its configured template directories."""
    template = template_for(root, unit)
    if unit.template is not None:
        span = unit.source.spans.get(("template",))
        issue = outside_issue(
            template,
            root,
            referrer=unit.dir / UNIT_FILE,
            key_path="template",
            line=span.line if span else None,
            column=span.column if span else None,
        )
    else:
        issue = outside_issue(template, root) if root is not None else None
    if issue is not None:
        issues.add(issue)
    return issue is None


def _read_reports(
    versions: Sequence[tuple[int, Path]], qset: QuestionSet, issues: IssueCollector
) -> list[tuple[int, Path, Report]]:
    """The valid drafts' reports; a missing or invalid report.yaml goes to ``issues``."""
    found = []
    for version, folder in versions:
        report_file = folder / REPORT_FILE
        if not report_file.is_file():
            issues.add(
                Issue(
                    report_file,
                    _("missing report.yaml"),
                    hint=_("add the draft's content, or remove {folder}/").format(folder=folder.name),
                    code="missing-file",
                )
            )
            continue
        report = read_report(report_file, qset, issues)
        if report is not None:
            found.append((version, folder, report))
    return found


def load_workspace(root: Path, units: Sequence[str] | None = None) -> Workspace:
    """Load the workspace at ``root`` (only ``units`` when given); all issues at once as a UserError."""
    root = root.resolve()
    issues = IssueCollector()
    try:
        config = load_config(root)
    except UserError as exc:
        issues.extend(exc.issues)
        config = Config()
    dirs = select_unit_dirs(root, units, issues)
    question_sets = QuestionSets(root)
    loaded = [read_unit_drafts(root, d, issues, question_sets) for d in dirs]
    if units is None:  # the whole workspace: every parent must be a 直属 unit of it, without cycles
        from pipeline.hq.hierarchy import hierarchy_issues, member

        issues.extend(hierarchy_issues([member(u.unit) for u in loaded if u is not None]))
    issues.raise_if_any()
    return Workspace(root=root, config=config, units=tuple(u for u in loaded if u is not None))


def load_unit(
    root: Path, unit_id: str, *, skip_broken_drafts: bool = False
) -> tuple[UnitDrafts, QuestionSet]:
    """One unit by name, with its drafts and its question set: the one way a command loads a single unit.

    Every issue at once as a :class:`UserError`: a name that is a path, an unknown name (the units
    there are listed, with a did-you-mean), ``drafts/<unit>`` linking out of the workspace, a broken
    ``unit.yaml`` or question set, and broken drafts — unless ``skip_broken_drafts`` (the Word import
    adds a draft next to them), when only the drafts that load are returned.
    """
    issues = IssueCollector()
    sets = QuestionSets(root)
    dirs = select_unit_dirs(root, [require_unit_name(unit_id, root)], issues)
    for unit_dir in dirs:
        refuse_outside(unit_dir, root)  # drafts/<unit> itself may be a link out of the workspace
    draft_issues = IssueCollector()
    unit_drafts = read_unit_drafts(root, dirs[0], draft_issues, sets) if dirs else None
    if unit_drafts is None or not skip_broken_drafts:
        issues.extend(draft_issues.issues)
    qset = (
        sets.get(unit_drafts.unit.questions, issues, unit_drafts.unit.dir / UNIT_FILE)
        if unit_drafts
        else None
    )
    issues.raise_if_any()
    assert unit_drafts is not None and qset is not None
    return unit_drafts, qset


def select_unit_dirs(root: Path, units: Iterable[str] | None, issues: IssueCollector) -> list[Path]:
    """The unit folders named in ``units`` (all when None); unknown names are issues."""
    all_dirs = unit_dirs(root)
    if units is None:
        return all_dirs
    by_name = {d.name: d for d in all_dirs}
    chosen = []
    for name in units:
        if name in by_name:
            chosen.append(by_name[name])
        else:
            issues.add(
                Issue(
                    root / DRAFTS_DIR,
                    _("no unit '{name}'").format(name=name),
                    hint=known_hint(name, list(by_name), _("units here: {known}")),
                    code="unknown-unit",
                )
            )
    return chosen


def load_draft_file(path: Path) -> Draft:
    """One ``report.yaml`` as a draft: inside a unit folder it gets its unit, alone the standard set."""
    refuse_outside(path)  # before resolving: a link inside a workspace is confined to it
    path = path.resolve()
    issues = IssueCollector()
    folder = path.parent
    version = version_of_dir(folder.name)
    unit_file = folder.parent / UNIT_FILE
    root = find_root(folder)
    unit = read_unit(unit_file, issues) if version is not None and unit_file.is_file() else None
    if unit is not None and not confined_unit(root, unit, issues):
        issues.raise_if_any()
    set_id = unit.questions if unit else DEFAULT_QUESTION_SET
    qset = QuestionSets(root).get(
        set_id, issues, unit_file if unit else path, _key_line(unit, "questions") if unit else None
    )
    report = read_report(path, qset, issues) if qset else None
    issues.raise_if_any()
    assert report is not None and qset is not None
    return Draft(unit=unit, version=version or 1, dir=folder, report=report, question_set=qset)

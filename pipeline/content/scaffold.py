"""The daily commands that create files: ``shuzhi init`` and ``shuzhi new-draft``.

Neither ever overwrites an existing file: when anything it would write already exists, it writes
nothing and says which files are in the way (``init --keep-existing`` writes just the missing ones).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.content.layout import PACKAGED_TEMPLATES, REPORT_FILE, RESPONSES_FILE, UNIT_FILE, draft_dir_name
from pipeline.content.model import Draft, QuestionSet
from pipeline.content.workspace import UnitDrafts, Workspace, load_workspace, require_root
from pipeline.errors import Issue, IssueCollector, UserError
from pipeline.feedback.load import read_draft_feedback
from pipeline.fsutil import atomic_write_bytes
from pipeline.i18n import _

INIT_RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "init"
UNIT_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
SKELETON_MARK = "【待补充】"  # what the v1 skeleton asks to replace (the lint's placeholder rule flags it)


@dataclass(frozen=True)
class NewUnit:
    """What ``init`` and ``add-unit`` write into a unit's unit.yaml.

    An empty ``organisation`` is the unit's party committee, named after ``name``
    (:func:`default_organisation`): ``init --name 青石港海关`` must not leave 中共示例单位委员会 behind.
    """

    id: str = "example-unit"
    name: str = "示例单位"
    organisation: str = ""
    reporter: str = "（姓名）"
    role: str = "党委书记"

    @property
    def party_organisation(self) -> str:
        """The organisation written to unit.yaml: the one given, or the unit's party committee."""
        return self.organisation.strip() or default_organisation(self.name)


def default_organisation(name: str) -> str:
    """The party committee of the unit called ``name``: 中共 + name + 委员会."""
    return f"中共{name}委员会"


def write_all(files: dict[Path, bytes], keep_existing: bool = False) -> list[Path]:
    """Write every file, or none of them when any already exists; returns the files written.

    With ``keep_existing``, files that already exist are left as they are and the others written
    (adopting shuzhi in a repository that has its own README or .gitignore).
    """
    existing = sorted(p for p in files if p.exists())
    if existing and not keep_existing:
        raise UserError(
            [
                Issue(
                    p,
                    _("already exists; nothing was written"),
                    hint=_(
                        "shuzhi never overwrites: move the file away, choose another folder, "
                        "or add --keep-existing to write only the missing files"
                    ),
                    code="exists",
                )
                for p in existing
            ]
        )
    missing = {path: data for path, data in files.items() if path not in existing}
    for path, data in missing.items():
        atomic_write_bytes(path, data)
    return sorted(missing)


def init_workspace(target: Path, unit: NewUnit, keep_existing: bool = False) -> list[Path]:
    """Create a drafts workspace in ``target``: configuration, templates, CI workflow, one empty unit."""
    _check_unit_id(unit.id)
    files = workspace_files(target)
    files[target / "drafts" / unit.id / UNIT_FILE] = _unit_yaml(unit).encode("utf-8")
    return write_all(files, keep_existing)


def add_unit(unit: NewUnit, root: Path | None = None) -> list[Path]:
    """Add ``drafts/<unit>/unit.yaml`` to the workspace at ``root`` (found from the current folder).

    Refuses a unit that exists already (its folder, not only its unit.yaml: a folder without one is
    someone's half-made unit) and an id that is not a folder name.
    """
    workspace = require_root(root)
    _check_unit_id(unit.id)
    folder = workspace / "drafts" / unit.id
    if folder.exists():
        raise UserError(
            Issue(
                folder,
                _("unit '{unit}' exists already").format(unit=unit.id),
                hint=_(
                    "choose another folder name, or start its next draft with 'shuzhi new-draft {unit}'"
                ).format(unit=unit.id),
                code="exists",
            )
        )
    return write_all({folder / UNIT_FILE: _unit_yaml(unit).encode("utf-8")})


def _check_unit_id(unit_id: str) -> None:
    if not UNIT_ID.match(unit_id):
        raise UserError(
            Issue(
                None,
                _("unit id '{unit}' is not a folder name").format(unit=unit_id),
                hint=_("use lower-case letters, digits, '-' and '_' (e.g. qingshigang)"),
                code="unit-name",
            )
        )


def workspace_files(target: Path) -> dict[Path, bytes]:
    """The files of a new workspace without units: configuration, templates, CI workflow, hooks."""
    files: dict[Path, bytes] = {
        target / "shuzhi.toml": (INIT_RESOURCES / "shuzhi.toml").read_bytes(),
        target / "Makefile": (INIT_RESOURCES / "Makefile").read_bytes(),
        target / ".gitignore": (INIT_RESOURCES / "gitignore").read_bytes(),
        target / "README.md": (INIT_RESOURCES / "README.md").read_bytes(),
        target / ".pre-commit-config.yaml": (INIT_RESOURCES / "pre-commit-config.yaml").read_bytes(),
        target / ".github" / "workflows" / "drafts.yml": (INIT_RESOURCES / "drafts.yml").read_bytes(),
    }
    for source in sorted(PACKAGED_TEMPLATES.rglob("*")):
        if source.is_file() and source.suffix in (".yaml", ".docx"):
            files[target / "templates" / source.relative_to(PACKAGED_TEMPLATES)] = source.read_bytes()
    return files


def _unit_yaml(unit: NewUnit) -> str:
    return (
        f"name: {_yaml_text(unit.name)}\norganisation: {_yaml_text(unit.party_organisation)}\n"
        f"reporter: {_yaml_text(unit.reporter)}\nrole: {_yaml_text(unit.role)}\nquestions: standard\n"
        "# evaluation-items:            # 本单位自己的测评项（试点中为4项），每行一项\n"
        "#   - …\n"
        "# 开始第一稿：shuzhi new-draft " + unit.id + "\n"
    )


# Text that YAML reads back as itself when written plain: Chinese, letters, digits, brackets, dots.
_PLAIN_TEXT = re.compile(r"[^\W\d_][\w（）〔〕·、．. -]*")
_YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}


def _yaml_text(value: str) -> str:
    """``value`` as a YAML scalar that reads back as the same text (double-quoted unless plain is safe)."""
    if _PLAIN_TEXT.fullmatch(value) and value.strip() == value and value.lower() not in _YAML_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


@dataclass(frozen=True)
class NewDraft:
    """What ``new-draft`` wrote, and a warning when the draft it started from looks unfinished."""

    written: list[Path]
    warning: str | None = None


def new_draft(unit_id: str, date: dt.date, root: Path | None = None) -> NewDraft:
    """Start v<N+1> of ``unit_id`` from v<N> (or a v1 skeleton) and a responses.yaml skeleton."""
    workspace = load_workspace(require_root(root), [unit_id])
    unit_drafts = workspace.units[0]
    return NewDraft(_write_next_draft(workspace, unit_drafts, date), unfinished_warning(unit_drafts.drafts))


def unfinished_warning(drafts: tuple[Draft, ...]) -> str | None:
    """Why the latest draft looks unfinished (a copy of the one before, or skeleton placeholders left)."""
    if not drafts:
        return None
    latest = drafts[-1]
    text = _without_date(latest.report.path.read_text(encoding="utf-8"))
    if len(drafts) > 1 and text == _without_date(drafts[-2].report.path.read_text(encoding="utf-8")):
        return _(
            "{latest} is still an unedited copy of {previous}; was it meant to be revised before starting "
            "the next draft?"
        ).format(latest=latest.label, previous=drafts[-2].label)
    if SKELETON_MARK in text:
        return _("{draft} still has {n} {mark} placeholders to fill in").format(
            draft=latest.label, n=text.count(SKELETON_MARK), mark=SKELETON_MARK
        )
    return None


def _without_date(text: str) -> str:
    return re.sub(r"(?m)^date:[^\n]*\n?", "", text, count=1)


def _write_next_draft(workspace: Workspace, unit_drafts: UnitDrafts, date: dt.date) -> list[Path]:
    latest = unit_drafts.latest
    unit_dir = unit_drafts.unit.dir
    if latest is None:
        qset = _question_set(workspace.root, unit_drafts.unit.questions)
        return write_all(
            {unit_dir / draft_dir_name(1) / REPORT_FILE: skeleton_report(qset, date).encode("utf-8")}
        )
    folder = unit_dir / draft_dir_name(latest.version + 1)
    text = latest.report.path.read_text(encoding="utf-8")
    files = {folder / REPORT_FILE: _with_date(text, date).encode("utf-8")}
    issues = IssueCollector()
    items = read_draft_feedback(latest, workspace.config, issues)
    issues.raise_if_any()
    if items:
        files[folder / RESPONSES_FILE] = responses_skeleton(latest.label, items).encode("utf-8")
    return write_all(files)


def _question_set(root: Path, set_id: str) -> QuestionSet:
    from pipeline.content.workspace import QuestionSets

    issues = IssueCollector()
    qset = QuestionSets(root).get(set_id, issues, root / "drafts")
    issues.raise_if_any()
    assert qset is not None
    return qset


def _with_date(text: str, date: dt.date) -> str:
    """The report text with its top-level ``date:`` replaced (comments and layout untouched)."""
    new, count = re.subn(r"(?m)^date:[^\n#]*", f"date: {date.isoformat()}", text, count=1)
    return new if count else f"date: {date.isoformat()}\n{text}"


def skeleton_report(qset: QuestionSet, date: dt.date) -> str:
    """A first draft to fill in: every required question listed, placeholders marked 【待补充】."""
    lines = [
        f"date: {date.isoformat()}",
        "opening: |",
        f"  {SKELETON_MARK}开头：本年度抓基层党建工作的总体情况。",
        "areas:",
    ]
    for area in qset.areas:
        lines += [f"  {area.id}:  # {area.title}", "    answers:"]
        for q in area.questions:
            lines += [f"      # {q.text}", f"      {q.id}: {SKELETON_MARK}"]
        lines += ["    achievements: []"]
    lines += ["problems: []", "measures: []", ""]
    return "\n".join(lines)


def responses_skeleton(label: str, items: tuple) -> str:
    """``responses.yaml`` listing every feedback item on the previous draft, to be answered."""
    lines = [
        f"# 对{label}各部门意见的逐条答复。",
        "# status: adopted（采纳）| partly（部分采纳）| declined（未采纳）；未完全采纳的须填写 note。",
        "responses:",
    ]
    for item in items:
        summary = " ".join(item.text.split())
        summary = summary if len(summary) <= 40 else summary[:40] + "…"
        lines += [
            f"  - item: {item.id}  # {item.department.name}（{item.kind}）：{summary}",
            "    status:  # adopted | partly | declined",
            "    note:",
        ]
    return "\n".join(lines) + "\n"


def today() -> dt.date:
    """The local date (new drafts are dated today unless told otherwise)."""
    return dt.date.today()

"""Two levels of units: 直属 units report to HQ, 隶属 units to the 直属 unit named as their ``parent``.

A unit's own ``unit.yaml`` is checked on its own by the loader (a 隶属 unit needs a ``parent``, a 直属
unit has none); what needs every unit at once is checked here: a parent that is no unit of the
workspace, a parent that is itself 隶属 (there are only two levels), and a chain of parents that
comes back to where it started.  Each issue sits at the ``parent`` line of the unit that is wrong.

The checks work on :class:`Member` records (id, name, level, parent and where ``parent`` is
written) so the overview can run them from its cached summaries without loading every unit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.content.model import LEVEL_DIRECT, Unit
from pipeline.errors import Issue
from pipeline.i18n import _


@dataclass(frozen=True)
class Member:
    """A unit's place in the hierarchy, and where its ``parent`` is written."""

    id: str
    name: str
    level: str
    parent: str | None
    path: Path  # its unit.yaml
    line: int | None = None  # of the parent value
    column: int | None = None

    def issue(self, message: str, hint: str, code: str = "unit-hierarchy") -> Issue:
        return Issue(
            self.path, message, line=self.line, column=self.column, key_path="parent", hint=hint, code=code
        )


def member(unit: Unit) -> Member:
    """The hierarchy record of a loaded unit."""
    line = column = None
    if ("parent",) in unit.source.spans:
        position = unit.source.position(("parent",))
        line, column = position.line, position.column
    return Member(
        id=unit.id,
        name=unit.name,
        level=unit.level,
        parent=unit.parent,
        path=unit.dir / "unit.yaml",
        line=line,
        column=column,
    )


def _direct_ids(members: Sequence[Member]) -> list[str]:
    return sorted(m.id for m in members if m.level == LEVEL_DIRECT)


def _direct_hint(value: str, members: Sequence[Member]) -> str:
    """The nearest 直属 unit to ``value`` (did you mean …?) and the list of them."""
    from pipeline.content.reader import known_hint

    return known_hint(
        value, _direct_ids(members), _("write the folder name of a 直属 unit; the 直属 units: {known}")
    )


def hierarchy_issues(members: Sequence[Member]) -> list[Issue]:
    """Every unknown parent, parent that is not 直属, self-parent and cycle among ``members``."""
    by_id = {m.id: m for m in members}
    issues: list[Issue] = []
    for unit in members:
        if unit.parent is None:
            continue
        parent = by_id.get(unit.parent)
        if unit.parent == unit.id:
            issues.append(
                unit.issue(
                    _("unit '{name}' names itself as its parent").format(name=unit.name),
                    _("parent is the folder name of the 直属 unit this unit belongs to"),
                )
            )
        elif parent is None:
            issues.append(
                unit.issue(
                    _("parent '{parent}' is not a unit of this workspace (no such folder in drafts/)").format(
                        parent=unit.parent
                    ),
                    _direct_hint(unit.parent, members),
                    code="unknown-unit",
                )
            )
        elif parent.level != LEVEL_DIRECT:
            issues.append(
                unit.issue(
                    _(
                        "parent '{parent}' ({name}) is itself a 隶属 unit: there are two levels, 直属 and 隶属"
                    ).format(parent=unit.parent, name=parent.name),
                    _("the parent of a 隶属 unit is the 直属 unit it belongs to"),
                )
            )
    return issues + _cycle_issues(members, by_id)


def _cycle_issues(members: Sequence[Member], by_id: dict[str, Member]) -> list[Issue]:
    """One issue per unit on a cycle of parents (a → b → a), naming the whole cycle."""
    issues = []
    reported: set[str] = set()
    for unit in members:
        chain: list[str] = []
        current: Member | None = unit
        while current is not None and current.id not in chain and current.parent is not None:
            chain.append(current.id)
            current = by_id.get(current.parent)
        if current is None or current.id != unit.id or len(chain) < 2 or unit.id in reported:
            continue  # no cycle through this unit, or a self-parent (reported on its own)
        reported.update(chain)
        cycle = " → ".join([*chain, unit.id])
        issues += [
            by_id[m].issue(
                _("the parents go round in a circle: {cycle}").format(cycle=cycle),
                _("a 隶属 unit's parent is a 直属 unit, and a 直属 unit has no parent"),
            )
            for m in chain
        ]
    return issues


def below(members: Sequence[Member], parent_id: str) -> list[Member]:
    """``parent_id``'s unit followed by every unit below it (what that office supervises)."""
    by_id = {m.id: m for m in members}
    chosen = [by_id[parent_id]] if parent_id in by_id else []
    frontier, seen = [parent_id], {parent_id}
    while frontier:
        current = frontier.pop(0)
        for child in sorted((m for m in members if m.parent == current), key=lambda m: m.id):
            if child.id not in seen:
                seen.add(child.id)
                chosen.append(child)
                frontier.append(child.id)
    return chosen


def unknown_parent_issue(parent_id: str, members: Sequence[Member]) -> Issue | None:
    """An issue when ``--parent`` names no unit of the workspace; None when it does."""
    if any(m.id == parent_id for m in members):
        return None
    return Issue(
        None,
        _("--parent: there is no unit '{unit}'").format(unit=parent_id),
        hint=_direct_hint(parent_id, members),
        code="unknown-unit",
    )


def parent_issues(root: Path, unit: Unit) -> list[Issue]:
    """The hierarchy issues of one unit against its parent's ``unit.yaml`` alone (``shuzhi check`` runs
    unit by unit): a parent that is missing, the unit itself, or 隶属.  With 直属 parents only and no
    parent for a 直属 unit (checked by the loader) there can be no cycle, so this is the whole check."""
    if unit.parent is None:
        return []
    from pipeline.content.load import read_unit
    from pipeline.errors import IssueCollector

    members = [member(unit)]
    parent_file = root / "drafts" / unit.parent / "unit.yaml"
    if unit.parent != unit.id and parent_file.is_file():
        parent = read_unit(parent_file, IssueCollector())  # its own errors are reported with it
        if parent is not None:
            members.append(member(parent))
    return [i for i in hierarchy_issues(members) if i.path == members[0].path]


def unit_ids_below(root: Path, parent_id: str) -> list[str]:
    """The folder names of ``parent_id`` and every unit below it, read from the ``unit.yaml`` files
    alone (for ``--parent`` on any command that takes unit names); a :class:`UserError` when no unit
    is called ``parent_id``.  A unit whose ``unit.yaml`` cannot be read is left out (its command
    reports it when it is named)."""
    from pipeline.content.load import read_unit
    from pipeline.content.workspace import unit_dirs
    from pipeline.errors import IssueCollector, UserError

    members = []
    for unit_dir in unit_dirs(root):
        unit = (
            read_unit(unit_dir / "unit.yaml", IssueCollector())
            if (unit_dir / "unit.yaml").is_file()
            else None
        )
        if unit is not None:
            members.append(member(unit))
    unknown = unknown_parent_issue(parent_id, members)
    if unknown is not None:
        raise UserError(unknown)
    return [m.id for m in below(members, parent_id)]

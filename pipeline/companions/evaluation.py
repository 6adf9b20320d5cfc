"""The evaluation form's items (测评表): HQ's common items plus the unit's own.

The common items live in ``templates/evaluation/standard.yaml`` (the workspace's own file, else the
one shipped with shuzhi), grouped under titles, each with a stable id (``C01`` … ``C24``).  The
unit's own items come from ``unit.yaml``'s ``evaluation-items`` and are numbered ``U1``, ``U2`` … in
their order.  The ids are the column headers of the results CSV that ``shuzhi evaluation tally``
reads, and they are printed on the form, so a paper form transcribes without guesswork.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.content.layout import template_file
from pipeline.content.model import Unit
from pipeline.content.schema import ListOf, Reading, Record, Table, Text, read_file
from pipeline.content.yamlsrc import YNode
from pipeline.errors import IssueCollector
from pipeline.i18n import N_, _

RATINGS: tuple[str, ...] = ("好", "较好", "一般", "差")
SATISFIED: frozenset[str] = frozenset({"好", "较好"})
EXPECTED_UNIT_ITEMS = 4  # the pilot's number of unit-specific items
UNIT_GROUP_TITLE = "本单位特色测评项目"
UNIT_ITEM_PREFIX = "U"
RESERVED_COLUMNS = frozenset({"respondent"})
_ITEM_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,15}$")
_UNIT_ID = re.compile(r"^U[0-9]+$")


@dataclass(frozen=True)
class EvaluationItem:
    """One item of the form: its id (CSV column), its wording, the title of its group."""

    id: str
    text: str
    group: str


@dataclass(frozen=True)
class EvaluationGroup:
    title: str
    items: tuple[EvaluationItem, ...]


@dataclass(frozen=True)
class EvaluationForm:
    """The items one unit's form asks about, grouped, in order."""

    title: str
    instructions: str
    groups: tuple[EvaluationGroup, ...]

    def items(self) -> tuple[EvaluationItem, ...]:
        return tuple(item for group in self.groups for item in group.items)

    def item(self, item_id: str) -> EvaluationItem | None:
        return next((i for i in self.items() if i.id == item_id), None)


def standard_items_path(root: Path | None, set_id: str = "standard") -> Path:
    """``<root>/templates/evaluation/<id>.yaml`` when the workspace has it, else the packaged one."""
    return template_file(root, "evaluation", f"{set_id}.yaml")


TEXT = Text(non_empty=True)
ITEM = Table(what=N_("an item"), fields={"id": TEXT, "text": TEXT}, required=("id", "text"))
GROUP = Table(
    what=N_("a group"), fields={"title": TEXT, "items": ListOf(item=ITEM)}, required=("title", "items")
)
STANDARD = Table(
    what=N_("the evaluation items file"),
    fields={"id": TEXT, "title": TEXT, "instructions": TEXT, "groups": ListOf(item=GROUP)},
    required=("title", "groups"),
)


def read_standard(path: Path, issues: IssueCollector) -> EvaluationForm | None:
    """Parse the common items file; None (issues recorded) when it has errors."""
    before = len(issues.issues)
    top, _source = read_file(path, STANDARD, issues)
    if top is None:
        return None
    read = [_group(record) for record in top["groups"]]
    _check_ids([pair for _, pairs in read for pair in pairs], Reading(path, issues))
    if len(issues.issues) > before:
        return None
    return EvaluationForm(
        title=top["title"] or "", instructions=top["instructions"] or "", groups=tuple(g for g, _ in read)
    )


_Located = tuple[EvaluationItem, YNode]


def _group(record: Record) -> tuple[EvaluationGroup, list[_Located]]:
    """A group and its items, each with its entry (where a message about its id points)."""
    title = record["title"] or ""
    items = [
        (EvaluationItem(id=item["id"], text=item["text"], group=title), item.node)
        for item in record["items"]
        if item["id"] and item["text"]
    ]
    return EvaluationGroup(title=title, items=tuple(item for item, _ in items)), items


def _check_ids(items: list[_Located], reading: Reading) -> None:
    seen: set[str] = set()
    for item, node in items:
        problem = _id_problem(item.id, seen)
        if problem:
            reading.issue(
                node.entries.get("id", (node, node))[1],
                problem[0],
                problem[1],
                code="duplicate-id" if item.id in seen else "not-a-choice",
            )
        seen.add(item.id)


def _id_problem(item_id: str, seen: set[str]) -> tuple[str, str] | None:
    if item_id in seen:
        return _("duplicate item id '{id}'").format(id=item_id), _("give each item its own id")
    if not _ITEM_ID.match(item_id) or item_id.lower() in RESERVED_COLUMNS:
        return (
            _("item id '{id}' is not usable as a CSV column").format(id=item_id),
            _("use a letter then letters/digits, e.g. C01"),
        )
    if _UNIT_ID.match(item_id):
        return (
            _("item id '{id}' is reserved for the unit's own items").format(id=item_id),
            _("use ids like C01 … C24"),
        )
    return None


# --- one unit's form --------------------------------------------------------------------------


def unit_items(unit: Unit | None) -> tuple[EvaluationItem, ...]:
    """The unit's own items, numbered U1, U2 … in ``unit.yaml`` order."""
    texts = unit.evaluation_items if unit else ()
    return tuple(
        EvaluationItem(id=f"{UNIT_ITEM_PREFIX}{n}", text=text, group=UNIT_GROUP_TITLE)
        for n, text in enumerate(texts, start=1)
    )


def form_for_unit(standard: EvaluationForm, unit: Unit | None) -> EvaluationForm:
    """The common items followed by the unit's own group (left out when the unit has none)."""
    own = unit_items(unit)
    groups = standard.groups + ((EvaluationGroup(UNIT_GROUP_TITLE, own),) if own else ())
    return EvaluationForm(title=standard.title, instructions=standard.instructions, groups=groups)


def load_form(root: Path | None, unit: Unit | None) -> EvaluationForm:
    """The unit's whole form; an unreadable common items file is a :class:`UserError`."""
    issues = IssueCollector()
    path = standard_items_path(root)
    standard = read_standard(path, issues)
    issues.raise_if_any()
    assert standard is not None
    return form_for_unit(standard, unit)

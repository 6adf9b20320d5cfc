"""The feedback model: items a department gave on draft v<N>, and the responses in draft v<N+1>.

Plain frozen dataclasses; only :mod:`pipeline.feedback.load` builds them.  Each record keeps the
file and 1-based line/column of the YAML it came from, so every check can say where to look.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.content.config import Department
from pipeline.content.model import Draft
from pipeline.content.source import KeyPath

KINDS: tuple[str, ...] = ("must", "suggest")
STATUSES: tuple[str, ...] = ("adopted", "partly", "declined")
KIND_LABELS: dict[str, str] = {"must": "必须修改", "suggest": "建议"}
STATUS_LABELS: dict[str, str] = {"adopted": "已采纳", "partly": "部分采纳", "declined": "未采纳"}
REPORT_TARGET = "report"


@dataclass(frozen=True)
class Where:
    """A place in a YAML file: path and 1-based line and column (code points)."""

    path: Path
    line: int
    column: int


@dataclass(frozen=True)
class FeedbackItem:
    """One point of one department's feedback on one draft."""

    id: str
    department: Department
    on: str  # question id | problem id | measure id | area id | "report"
    text: str
    kind: str  # must | suggest
    quote: str | None
    where: Where  # the item's entry
    on_where: Where  # the 'on' value
    quote_where: Where | None  # the 'quote' value


@dataclass(frozen=True)
class Response:
    """The reporter's answer, in v<N+1>/responses.yaml, to one item given on v<N>."""

    item: str  # the item id
    status: str  # adopted | partly | declined
    note: str | None
    where: Where


@dataclass(frozen=True)
class Unanswered:
    """An entry of responses.yaml that names an item but has no status (blank, null or no key):
    the item is not answered yet (``new-draft`` writes such entries for the author to fill in)."""

    item: str  # the item id
    where: Where  # the 'status' key, or the entry when it has none
    key_path: KeyPath  # responses[<i>].status
    has_key: bool  # False when the entry has no 'status' key at all


@dataclass(frozen=True)
class Round:
    """The feedback given on draft v<N> and, when v<N+1> exists, the responses in it."""

    draft: Draft  # v<N>: the draft the items are on
    items: tuple[FeedbackItem, ...]
    next_draft: Draft | None = None  # v<N+1>, None while v<N> is the latest draft
    responses: tuple[Response, ...] = ()
    responses_path: Path | None = None  # v<N+1>/responses.yaml (whether or not it exists)
    unanswered: tuple[Unanswered, ...] = ()  # entries in responses.yaml without a status

    @property
    def responses_exist(self) -> bool:
        return self.responses_path is not None and self.responses_path.is_file()

    @property
    def version(self) -> int:
        return self.draft.version

    @property
    def pending(self) -> bool:
        """True while there is no next draft: the items wait for an answer, they are not errors."""
        return self.next_draft is None

    def response(self, item_id: str) -> Response | None:
        return next((r for r in self.responses if r.item == item_id), None)

    def unanswered_entry(self, item_id: str) -> Unanswered | None:
        return next((u for u in self.unanswered if u.item == item_id), None)

    def items_of(self, department: Department) -> tuple[FeedbackItem, ...]:
        return tuple(i for i in self.items if i.department.code == department.code)


@dataclass(frozen=True)
class UnitFeedback:
    """Every round of one unit, oldest first."""

    unit_id: str
    unit_name: str
    reporter: str
    departments: tuple[Department, ...]
    rounds: tuple[Round, ...]

    def round(self, version: int) -> Round | None:
        return next((r for r in self.rounds if r.version == version), None)

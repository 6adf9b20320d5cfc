"""Tallying filled-in evaluation forms: results CSV → satisfaction per item and overall.

The CSV (UTF-8, comma-separated; ``docs/companions.md``): a header row naming the form's item ids
(``C01`` … ``C24``, ``U1`` … ``U4``, any order, every item once) and optionally a ``respondent``
column; then one row per respondent with ratings ``好`` / ``较好`` / ``一般`` / ``差`` (or ``A`` / ``B`` /
``C`` / ``D``); an empty cell means the respondent left the item out.

Satisfaction = (好 + 较好) / answered, per item and overall (pooled over all answers).

File-level problems (unreadable file, not UTF-8, a bad header) are a :class:`UserError` (exit 2).
A bad row (wrong number of values, an unknown rating, no rating at all, a repeated respondent) is
rejected whole — never partly counted — and listed with its line number in :attr:`Tally.rejected`;
the CLI exits 1 when there are any.  Blank lines are not rows and are skipped.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.companions.evaluation import RATINGS, SATISFIED, EvaluationForm, EvaluationItem
from pipeline.content.reader import did_you_mean
from pipeline.errors import Issue, UserError
from pipeline.i18n import N_, _
from pipeline.oserrors import read_error_issue

RESPONDENT = "respondent"
LETTER_RATINGS = {"A": "好", "B": "较好", "C": "一般", "D": "差"}
MAX_CSV_BYTES = 32 * 1024 * 1024
RATING_HINT = "use 好, 较好, 一般 or 差 (or A, B, C, D), or leave the cell empty"


@dataclass(frozen=True)
class RowError:
    """Why one row was rejected: line (1-based), column (1-based, None for the whole row)."""

    line: int
    message: str
    column: int | None = None
    item: str = ""


@dataclass(frozen=True)
class ItemTally:
    """The ratings of one item."""

    item: EvaluationItem
    counts: dict[str, int] = field(hash=False)  # rating → number, every rating present

    @property
    def answered(self) -> int:
        return sum(self.counts.values())

    @property
    def satisfied(self) -> int:
        return sum(n for rating, n in self.counts.items() if rating in SATISFIED)

    @property
    def satisfaction(self) -> float | None:
        return self.satisfied / self.answered if self.answered else None


@dataclass(frozen=True)
class Tally:
    """The whole tally: per item (in form order), respondents counted, rows rejected."""

    items: tuple[ItemTally, ...]
    respondents: int
    rejected: tuple[RowError, ...]
    source: Path

    @property
    def answered(self) -> int:
        return sum(t.answered for t in self.items)

    @property
    def satisfied(self) -> int:
        return sum(t.satisfied for t in self.items)

    @property
    def satisfaction(self) -> float | None:
        return self.satisfied / self.answered if self.answered else None

    @property
    def rejected_lines(self) -> tuple[int, ...]:
        return tuple(sorted({e.line for e in self.rejected}))

    def lowest_first(self) -> list[ItemTally]:
        """Items by satisfaction, lowest first; ties in form order; unanswered items last."""
        order = {t.item.id: i for i, t in enumerate(self.items)}
        return sorted(
            self.items, key=lambda t: (t.satisfaction is None, t.satisfaction or 0.0, order[t.item.id])
        )


def normalise_rating(cell: str) -> str | None:
    """The rating a cell stands for ('' for an empty cell), None when it is not a rating."""
    value = cell.strip()
    if value == "" or value in RATINGS:
        return value
    return LETTER_RATINGS.get(value.upper())


#: The start of the csv module's complaint → what it means (its own words are English only).
_CSV_PROBLEMS = {
    "line contains NUL": N_("a NUL character: the file is not plain text (save it as CSV UTF-8)"),
    "field larger than field limit": N_("a field far longer than any answer (a quotation mark not closed?)"),
    "new-line character seen in unquoted field": N_("a line break inside a field without quotation marks"),
    "unexpected end of data": N_("the file ends inside a quoted field"),
}


def _csv_problem(exc: csv.Error) -> str:
    said = str(exc)
    for start, meaning in _CSV_PROBLEMS.items():
        if said.startswith(start):
            return _(meaning)
    return _("the quotation marks of a field do not pair up")  # "',' expected after '\"'" and its kin


def read_csv_text(path: Path) -> str:
    """The file's text (UTF-8, BOM dropped); :class:`UserError` when it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(read_error_issue(exc, path)) from None
    if len(data) > MAX_CSV_BYTES:
        raise UserError(
            Issue(
                path,
                _("file is {size:,} bytes (limit {limit:,})").format(size=len(data), limit=MAX_CSV_BYTES),
                code="file-too-large",
            )
        )
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UserError(
            Issue(
                path,
                _("not valid UTF-8 (byte 0x{byte:02X})").format(byte=data[exc.start]),
                line=line,
                hint=_("in Excel save as 'CSV UTF-8 (逗号分隔)', not plain CSV (GBK)"),
                code="not-utf8",
            )
        ) from None


def _is_blank(row: list[str]) -> bool:
    return not row or (len(row) == 1 and not row[0].strip())


def header_columns(path: Path, line: int, header: list[str], form: EvaluationForm) -> list[str]:
    """The header's column names, checked: known item ids or ``respondent``, no repeats, no item missing."""
    names = [cell.strip() for cell in header]
    known = {item.id for item in form.items()}
    issues = []
    for column, name in enumerate(names, start=1):
        if name not in known and name != RESPONDENT:
            guess = did_you_mean(name, sorted(known))
            listed = _("columns are the form's item ids ({ids}) and '{respondent}'").format(
                ids=_id_range(form), respondent=RESPONDENT
            )
            issues.append(
                Issue(
                    path,
                    _("unknown column '{name}'").format(name=name),
                    line=line,
                    column=column,
                    hint=f"{guess} {listed}" if guess else listed,
                    code="unknown-key",
                )
            )
        elif names.index(name) != column - 1:
            issues.append(
                Issue(
                    path,
                    _("column '{name}' appears twice").format(name=name),
                    line=line,
                    column=column,
                    code="duplicate-key",
                )
            )
    missing = [item.id for item in form.items() if item.id not in names]
    if missing:
        issues.append(
            Issue(
                path,
                _("no column for item(s) {items}").format(items=", ".join(missing)),
                line=line,
                hint=_("the header needs one column per item of the form"),
                code="missing-key",
            )
        )
    if issues:
        raise UserError(issues)
    return names


def _id_range(form: EvaluationForm) -> str:
    ids = [item.id for item in form.items()]
    return f"{ids[0]} … {ids[-1]}" if ids else _("none")


def check_row(
    line: int, row: list[str], names: list[str], seen: dict[str, int]
) -> tuple[dict[str, str], list[RowError]]:
    """The ratings of one row by item id, and why it must be rejected (empty list when it is fine)."""
    if len(row) != len(names):
        return {}, [
            RowError(line, _("expected {n} values, found {found}").format(n=len(names), found=len(row)))
        ]
    ratings, errors = {}, []
    for column, (name, cell) in enumerate(zip(names, row, strict=False), start=1):
        if name == RESPONDENT:
            errors += _check_respondent(line, column, cell.strip(), seen)
            continue
        rating = normalise_rating(cell)
        if rating is None:
            errors.append(
                RowError(line, _("'{value}' is not a rating").format(value=cell.strip()), column, name)
            )
        elif rating:
            ratings[name] = rating
    if not ratings and not errors:
        errors.append(RowError(line, _("no ratings in this row")))
    return ratings, errors


def _check_respondent(line: int, column: int, value: str, seen: dict[str, int]) -> list[RowError]:
    if not value:
        return []
    if value in seen:
        return [
            RowError(
                line,
                _("respondent '{name}' already answered on line {line}").format(name=value, line=seen[value]),
                column,
                RESPONDENT,
            )
        ]
    seen[value] = line
    return []


def _rows(reader: Any) -> Iterator[tuple[int, int, list[str]]]:
    """``(first line, last line, cells)`` of each row; a quoted value may span lines."""
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        yield start, reader.line_num, row


def tally(path: Path, form: EvaluationForm) -> Tally:
    """Read the results CSV at ``path`` and tally it against ``form``."""
    reader = csv.reader(read_csv_text(path).splitlines(keepends=True), strict=True)
    counts = {item.id: dict.fromkeys(RATINGS, 0) for item in form.items()}
    names: list[str] | None = None
    respondents = 0
    rejected: list[RowError] = []
    seen: dict[str, int] = {}  # respondent → the line it first answered on
    try:
        for start, end, row in _rows(reader):
            if _is_blank(row):
                continue
            if names is None:
                names = header_columns(path, start, row, form)
                continue
            ratings, errors = check_row(start, row, names, seen)
            if end > start:
                errors = [
                    RowError(
                        start,
                        _("a quoted value runs from line {start} to line {end}").format(start=start, end=end),
                        hint_column(row),
                    )
                ]
            if errors:
                rejected += errors
                continue
            respondents += 1
            for item_id, rating in ratings.items():
                counts[item_id][rating] += 1
    except csv.Error as exc:
        raise UserError(
            Issue(
                path,
                _("not a readable CSV file: {problem}").format(problem=_csv_problem(exc)),
                line=reader.line_num,
                hint=_('check the quotes (") on this line'),
            )
        ) from None
    if names is None:
        raise UserError(
            Issue(
                path,
                _("the results file is empty"),
                hint=_("the first row names the item ids"),
                code="empty-file",
            )
        )
    items = tuple(ItemTally(item=item, counts=counts[item.id]) for item in form.items())
    return Tally(items=items, respondents=respondents, rejected=tuple(rejected), source=path)


def hint_column(row: list[str]) -> int | None:
    """The 1-based column of the first value holding a line break."""
    return next((i for i, cell in enumerate(row, start=1) if "\n" in cell or "\r" in cell), None)

"""Problem/measure tables (序号|存在问题|整改措施|责任单位|完成时限): each row a problem and its measure.

Real drafts often list their problems and measures as a table rather than as numbered paragraphs.  A
table is one of these when its first row names a problem column and a measure column; every further
row then becomes a problem (its 问题 cell) and a measure (its 措施 cell) that answers it, with the owner
and deadline from their columns.  Cells of other columns (整改情况, 备注 …) stay with the measure as
``列名：内容`` so nothing is lost; the 序号 column and the header row are structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.wordimport.reader import Para

_NUMBER = re.compile(r"序号|编号|^序$")
_PROBLEM = re.compile(r"问题|不足|差距|短板|弱项|表现")
# 改进方向 / 努力方向 / 对策建议: a column of what is to be done about the row's gap
_MEASURE = re.compile(r"措施|举措|整改|打算|办法|改进|方向|对策|提升|努力")
_OWNER = re.compile(r"责任|牵头|负责")
_DUE = re.compile(r"时限|时间|期限|日期")


@dataclass
class ProblemTable:
    """The roles of a problem/measure table's columns (column index → role) and its rows' cells."""

    roles: dict[int, str]
    headers: dict[int, str]
    rows: dict[int, dict[int, list[Para]]] = field(default_factory=dict)  # row → column → paragraphs

    def cell_text(self, row: int, column: int) -> str:
        """The text of one cell (its paragraphs, one per line)."""
        return "\n".join(p.text for p in self.rows.get(row, {}).get(column, []) if p.text)

    def column(self, role: str) -> int | None:
        """The column with ``role`` ("number", "problem", "measure", "owner", "due")."""
        return next((c for c, r in self.roles.items() if r == role), None)


def column_roles(headers: dict[int, str]) -> dict[int, str]:
    """What each header cell names: first match wins, in the order number, owner, due, problem, measure."""
    roles: dict[int, str] = {}
    for column, text in sorted(headers.items()):
        squeezed = re.sub(r"\s+", "", text)
        for role, pattern in (
            ("number", _NUMBER),
            ("owner", _OWNER),
            ("due", _DUE),
            ("problem", _PROBLEM),
            ("measure", _MEASURE),
        ):
            if pattern.search(squeezed) and role not in roles.values() and len(squeezed) <= 12:
                roles[column] = role
                break
    return roles


def problem_tables(paras: list[Para]) -> dict[int, ProblemTable]:
    """The problem/measure tables of a document, by table number (see :attr:`Para.cell`)."""
    cells: dict[int, dict[int, dict[int, list[Para]]]] = {}
    for para in paras:
        if para.cell is not None:
            table, row, column = para.cell
            cells.setdefault(table, {}).setdefault(row, {}).setdefault(column, []).append(para)
    found = {}
    for table, rows in cells.items():
        header = rows.get(0, {})
        headers = {c: "".join(p.text for p in ps) for c, ps in header.items()}
        roles = column_roles(headers)
        if "problem" in roles.values() and "measure" in roles.values() and len(rows) > 1:
            found[table] = ProblemTable(roles=roles, headers=headers, rows=rows)
    return found

"""Small workspaces for the feedback tests, written into ``tmp_path``."""

from __future__ import annotations

import textwrap
from pathlib import Path

from pipeline.content.config import load_config
from pipeline.content.workspace import UnitDrafts, read_unit_drafts
from pipeline.errors import IssueCollector

UNIT = """\
name: 测试海关
organisation: 中共测试海关委员会
reporter: 王书记
role: 党委书记
"""

REPORT_V1 = """\
date: 2026-01-10
opening: 开篇第一段，高度重视党建工作。
areas:
  duty:
    answers:
      Q1: 全年多次研究党建工作。
      Q2: 我认真落实一岗双责，班子成员按照分工抓党建。
    achievements:
      - 成绩一条。
  integrity:
    answers:
      Q13: 主体责任落实到位。
problems:
  - id: P1
    area: duty
    text: 个别同志理想信念淡化。
    cause: 根源在于教育不够。
  - id: P2
    area: integrity
    text: 廉政风险防控不到位。
measures:
  - id: M1
    problems: [P1]
    text: 加强党员教育。
"""

REPORT_V2 = """\
date: 2026-02-10
opening: 开篇第一段，讲实际工作。
areas:
  duty:
    answers:
      Q1: 全年研究党建工作12次。
      Q2: 我认真落实一岗双责，班子成员按照分工抓党建。
    achievements:
      - 成绩一条。
  integrity:
    answers:
      Q13: 主体责任落实到位，查处问题3起。
problems:
  - id: P2
    area: integrity
    text: 廉政风险防控不到位，查验岗位发现漏洞2处。
measures:
  - id: M1
    problems: [P2]
    text: 加强党员教育，每季度培训1次。
"""

FEEDBACK_RS = """\
department: rs
items:
  - id: rs-1
    on: P1
    quote: 个别同志
    text: 请写明涉及几名干部。
    kind: must
  - id: rs-2
    on: Q2
    quote: 班子成员按照分工
    text: 请写明考核方式。
    kind: suggest
"""

FEEDBACK_JJ = """\
department: 纪检监察
items:
  - id: jj-1
    on: Q13
    text: 请写明查处问题的数量。
    kind: must
  - id: jj-2
    on: report
    quote: 高度重视
    text: 删去套话。
    kind: must
  - id: jj-3
    on: integrity
    quote: 廉政风险防控不到位
    text: 写明漏洞。
    kind: suggest
"""

RESPONSES_V2 = """\
responses:
  - item: rs-1
    status: adopted
  - item: rs-2
    status: declined
    note: 考核方式已在其他材料中说明。
  - item: jj-1
    status: adopted
  - item: jj-2
    status: partly
    note: 删去了开篇的套话。
  - item: jj-3
    status: adopted
"""


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def make_workspace(
    root: Path,
    *,
    drafts: dict[int, str] | None = None,
    feedback: dict[int, dict[str, str]] | None = None,
    responses: dict[int, str] | None = None,
    toml: str | None = None,
) -> Path:
    """``root/drafts/u/`` with the given drafts, feedback files (per version, per file stem) and responses."""
    drafts = {1: REPORT_V1, 2: REPORT_V2} if drafts is None else drafts
    feedback = {1: {"rs": FEEDBACK_RS, "jj": FEEDBACK_JJ}} if feedback is None else feedback
    responses = {2: RESPONSES_V2} if responses is None else responses
    unit = root / "drafts" / "u"
    write(unit / "unit.yaml", UNIT)
    for version, text in drafts.items():
        write(unit / f"v{version}" / "report.yaml", text)
    for version, files in feedback.items():
        for stem, text in files.items():
            write(unit / f"v{version}" / "feedback" / f"{stem}.yaml", text)
    for version, text in responses.items():
        write(unit / f"v{version}" / "responses.yaml", text)
    if toml is not None:
        write(root / "shuzhi.toml", toml)
    return root


def load_unit(root: Path) -> UnitDrafts:
    """The unit ``u`` of the workspace at ``root`` (its report files must be valid)."""
    issues = IssueCollector()
    unit = read_unit_drafts(root, root / "drafts" / "u", issues)
    issues.raise_if_any()
    assert unit is not None
    return unit


def config_of(root: Path):
    return load_config(root)

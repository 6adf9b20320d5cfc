"""A small HQ workspace: two 直属 units and one 隶属, with meeting records, evaluation and look-back."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

UNIT = """\
name: {name}
organisation: 中共{name}委员会
reporter: 王示例
role: 党委书记
{extra}"""

REPORT = """\
date: 2026-01-10
opening: 本年度我作为书记，抓党建工作12次。
areas:
  duty:
    answers:
      Q1: 全年研究党建工作12次，解决问题3个。
problems:
  - id: P1
    area: duty
    text: 我到联系点调研只有2次，2025年5月某科室的问题拖了两个月。
  - id: P2
    area: duty
    text: 3个支部“三会一课”记录不全。
measures:
  - id: M1
    problems: [P1, H1]
    text: 每季度到联系点1次。
    owner: 关党委
    due: 2026-03-31
    status: done
    evidence:
      - {date: 2026-04-02, what: 一季度到联系点2次, where: 党建台账第3页}
    checked: {date: 2026-06-20, by: 总署回头看组, result: confirmed}
  - id: M2
    problems: [P2, E1]
    text: 专项检查支部记录。
    owner: 机关党委
    due: 2026-03-31
    status: done
    checked: {date: 2026-06-20, by: 总署回头看组, result: reopened, note: 抽查3个支部仍缺记录}
  - id: M3
    problems: [H2, E-C01]
    text: 修订考核办法。
    owner: 人事处
    due: 2026-05-31
    status: in-progress
  - id: M4
    problems: [P2]
    text: 培训支部书记。
    owner: 人事处
    due: 2026-09-30
    status: done
"""

MEETING = """\
date: 2026-02-12
heard-by: 总署党建工作领导小组
questions:
  - asked-by: 总署政治部主任
    question: 机构改革后，政治工作怎样服务新的监管职能？
    follow-ups: [支部是怎样调整的？]
    answer: 撤并支部6个，新设支部2个。
comments:
  - by: 总署党委书记
    text: 抓党建的责任压得不实。
    problems:
      - {id: H1, text: 联系点制度落实不到位}
      - {id: H2, text: 党建考核与业务考核“两张皮”}
"""

ISSUES = """\
threshold: 85%
problems:
  - id: E1
    item: C02
    text: 支部记录不全，群众反映较多
"""


def results_csv(low_item: str = "C01") -> str:
    """60 respondents: every item 好 except ``low_item``, half 一般 (satisfaction 50%)."""
    from pipeline.companions.evaluation import load_form

    items = [i.id for i in load_form(REPO, None).items()]
    rows = [",".join(["respondent", *items])]
    for n in range(1, 61):
        cells = ["一般" if item == low_item and n % 2 else "好" for item in items]
        rows.append(",".join([f"R{n:02d}", *cells]))
    return "\n".join(rows) + "\n"


def write_unit(
    root: Path,
    unit_id: str,
    name: str,
    extra: str = "",
    *,
    report: str | None = REPORT,
    meeting: str | None = MEETING,
    issues: str | None = ISSUES,
    results: bool = True,
) -> Path:
    """``drafts/<unit_id>/`` with one draft and, unless None, a meeting record and evaluation files."""
    unit_dir = root / "drafts" / unit_id
    unit_dir.mkdir(parents=True)
    (unit_dir / "unit.yaml").write_text(UNIT.format(name=name, extra=extra), encoding="utf-8")
    if report is not None:
        (unit_dir / "v1").mkdir()
        (unit_dir / "v1" / "report.yaml").write_text(report, encoding="utf-8")
    if meeting is not None:
        (unit_dir / "meeting.yaml").write_text(meeting, encoding="utf-8")
    if issues is not None or results:
        (unit_dir / "evaluation").mkdir()
    if issues is not None:
        (unit_dir / "evaluation" / "issues.yaml").write_text(issues, encoding="utf-8")
    if results:
        (unit_dir / "evaluation" / "results.csv").write_text(results_csv(), encoding="utf-8")
    return unit_dir


def hq_workspace(root: Path) -> Path:
    """Units ``a`` and ``b`` (直属) and ``a1`` (隶属 to ``a``)."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copy2(REPO / "shuzhi.toml", root / "shuzhi.toml")
    write_unit(root, "a", "甲关", "level: 直属\n")
    write_unit(root, "b", "乙关", meeting=None, issues=None, results=False)
    write_unit(root, "a1", "甲一关", "level: 隶属\nparent: a\n")
    return root

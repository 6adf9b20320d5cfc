"""A measure's look-back fields and its references to other sources: each error class at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from hq.fixtures import REPORT, hq_workspace
from pipeline.content.workspace import load_draft_file
from pipeline.errors import UserError


@pytest.mark.parametrize(
    "old, new, where, message",
    [
        (
            "{date: 2026-04-02, what: 一季度到联系点2次, where: 党建台账第3页}",
            "{date: 2026-04-31, what: 一季度到联系点2次}",
            "v1/report.yaml:22:16",
            "is not a date",
        ),
        (
            "{date: 2026-04-02, what: 一季度到联系点2次, where: 党建台账第3页}",
            "{date: 2026-04-02, where: 党建台账第3页}",
            "v1/report.yaml:22:9",
            "missing required key 'what'",
        ),
        (
            "{date: 2026-04-02, what: 一季度到联系点2次, where: 党建台账第3页}",
            "{date: 2026-04-02, what: 有, link: x}",
            "v1/report.yaml:22:37",
            "unknown key 'link'",
        ),
        (
            "{date: 2026-06-20, by: 总署回头看组, result: confirmed}",
            "{date: 2026-06-20, by: 总署回头看组, result: ok}",
            "v1/report.yaml:23:53",
            "'ok' is not a look-back result",
        ),
        (
            "{date: 2026-06-20, by: 总署回头看组, result: confirmed}",
            "{date: 2026-06-20, result: confirmed}",
            "v1/report.yaml:23:14",
            "missing required key 'by'",
        ),
        (
            "{date: 2026-06-20, by: 总署回头看组, result: confirmed}",
            "[2026-06-20]",
            "v1/report.yaml:23:14",
            "must be a mapping",
        ),
        ("problems: [P1, H1]", "problems: [P1, Q1]", "v1/report.yaml:16:15", "unknown problem 'Q1'"),
    ],
)
def test_measure_field_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str, where: str, message: str
) -> None:
    assert old in REPORT
    root = hq_workspace(tmp_path)
    report = root / "drafts" / "a" / "v1" / "report.yaml"
    report.write_text(REPORT.replace(old, new, 1), encoding="utf-8")
    monkeypatch.chdir(root / "drafts" / "a")
    with pytest.raises(UserError) as caught:
        load_draft_file(report)
    lines = [i.format() for i in caught.value.issues]
    assert any(line.startswith(where) and message in line for line in lines), lines


def test_the_look_back_fields_load(tmp_path: Path) -> None:
    import datetime as dt

    root = hq_workspace(tmp_path)
    draft = load_draft_file(root / "drafts" / "a" / "v1" / "report.yaml")
    m1, m2 = draft.report.measures[:2]
    assert (m1.evidence[0].date, m1.evidence[0].what, m1.evidence[0].where) == (
        dt.date(2026, 4, 2),
        "一季度到联系点2次",
        "党建台账第3页",
    )
    assert (m1.checked.result, m2.checked.result, m2.checked.note) == (
        "confirmed",
        "reopened",
        "抽查3个支部仍缺记录",
    )  # type: ignore[union-attr]
    assert draft.report.measures[2].problems == (
        "H2",
        "E-C01",
    )  # other sources: checked by pipeline.hq.sources

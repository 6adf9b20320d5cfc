"""``shuzhi synth``: a synthetic but varied workspace — the example's vocabulary recombined.

Every unit gets its own random stream derived from the seed and its index, so the same seed gives
the same workspace byte for byte, and a unit's content does not depend on how many units there are.
Drafts improve from the first to the last (fewer stock phrases, more questions answered), some keep
lint problems, and every draft but the last gets feedback from each department, answered in the next.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pipeline.content.config import DEFAULT_DEPARTMENTS
from pipeline.content.layout import REPORT_FILE, RESPONSES_FILE, UNIT_FILE, draft_dir_name
from pipeline.errors import Issue, UserError
from pipeline.fsutil import atomic_write_text
from pipeline.i18n import _

BANK_FILE = Path(__file__).resolve().parent / "bank.yaml"
AREAS = ("duty", "grassroots", "organisation", "integrity")
FIRST_DRAFT_DATE = dt.date(2025, 11, 3)  # drafts follow every nine days, as in the pilot's two months
QUESTIONS = {area: [f"Q{4 * i + j + 1}" for j in range(4)] for i, area in enumerate(AREAS)}


@lru_cache(maxsize=1)
def bank() -> dict[str, Any]:
    return yaml.safe_load(BANK_FILE.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class SynthSpec:
    units: int
    drafts: int
    seed: int = 0


def _dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=4096, default_flow_style=False)


class UnitWriter:
    """Generates one unit: its unit.yaml, drafts, feedback and responses."""

    def __init__(self, index: int, spec: SynthSpec):
        self.rng = random.Random(f"{spec.seed}:{index}")
        self.index = index
        self.drafts = spec.drafts
        b = bank()
        self.place = b["units"][index % len(b["units"])]
        self.unit_id = f"unit-{index + 1:04d}"
        self.reporter = self.rng.choice(b["surnames"]) + self.rng.choice(b["given"])
        self.problem_count = self.rng.randint(5, 9)
        self.sloppy = self.rng.random() < 0.2  # some units keep lint problems to the end

    def fill(self, template: str) -> str:
        b, rng = bank(), self.rng
        n = rng.randint(6, 40)
        return template.format(
            n=n,
            m=rng.randint(1, max(1, n // 3)),
            p=rng.randint(55, 98),
            year=2025,
            month=rng.randint(1, 12),
            unit=rng.choice(b["units"]),
            subunit=rng.choice(b["subunits"]),
            dept=rng.choice(b["owners"]),
        )

    def unit_yaml(self) -> dict[str, Any]:
        return {
            "name": f"{self.place}海关（第{self.index + 1}号）",
            "organisation": f"中共{self.place}海关委员会",
            "reporter": self.reporter,
            "role": "党委书记、关长",
            "questions": "standard",
            "evaluation-items": [f"{self.place}海关特色测评项目{i}" for i in range(1, 5)],
        }

    def report(self, version: int) -> dict[str, Any]:
        b, rng = bank(), self.rng
        quality = (version - 1) / max(1, self.drafts - 1)  # 0 for the first draft, 1 for the last
        noise = 1.0 if self.sloppy else 1.0 - quality
        areas: dict[str, Any] = {}
        for area in AREAS:
            answers = {}
            for qid, template in zip(QUESTIONS[area], b["answers"][area], strict=False):
                if rng.random() < 0.35 * noise:
                    continue  # a skipped question: early drafts skip some
                text = self.fill(template)
                if rng.random() < 0.5 * noise:
                    text = rng.choice(b["boilerplate"]) + text
                answers[qid] = text
            count = max(1, round(len(b["achievements"]) * (1 - 0.6 * quality)))
            areas[area] = {
                "answers": answers,
                "achievements": [self.fill(t) for t in b["achievements"][:count]],
            }
        problems = []
        for i in range(self.problem_count):
            area = AREAS[i % len(AREAS)]
            text = self.fill(rng.choice(b["problems"][area]))
            if rng.random() < 0.6 * noise:
                text = rng.choice(b["hedging"])  # an early, vague version of the problem
            problems.append({"id": f"P{i + 1}", "area": area, "text": text})
        measures = []
        for i in range(self.problem_count + rng.randint(2, 10)):
            measure: dict[str, Any] = {
                "id": f"M{i + 1}",
                "problems": [f"P{i % self.problem_count + 1}"],
                "text": self.fill(rng.choice(b["measures"])),
            }
            if rng.random() > 0.5 * noise:
                measure["owner"] = rng.choice(b["owners"])
                measure["due"] = f"2026-{rng.randint(3, 12):02d}-{rng.choice((15, 28)):02d}"
                measure["status"] = rng.choice(("planned", "in-progress", "done"))
            measures.append(measure)
        return {
            "date": (FIRST_DRAFT_DATE + dt.timedelta(days=9 * (version - 1))).isoformat(),
            "opening": self.fill(rng.choice(b["opening"])),
            "areas": areas,
            "problems": problems,
            "measures": measures,
        }

    def feedback(self, report: dict[str, Any]) -> dict[str, dict[str, Any]]:
        """department code → feedback file content on ``report``."""
        b, rng = bank(), self.rng
        targets = [(p["id"], p["text"]) for p in report["problems"]]
        targets += [(qid, text) for area in report["areas"].values() for qid, text in area["answers"].items()]
        files = {}
        for dept in DEFAULT_DEPARTMENTS:
            items = []
            for k in range(rng.randint(1, 3)):
                on, text = rng.choice(targets)
                start = rng.randint(0, max(0, len(text) - 8))
                items.append(
                    {
                        "id": f"{dept.code}-{k + 1}",
                        "on": on,
                        "quote": text[start : start + 6].strip() or text,
                        "text": rng.choice(b["feedback"][dept.code]),
                        "kind": "must" if rng.random() < 0.6 else "suggest",
                    }
                )
            files[dept.code] = {"department": dept.code, "items": items}
        return files

    def responses(self, feedback: dict[str, dict[str, Any]]) -> dict[str, Any]:
        out = []
        for content in feedback.values():
            for item in content["items"]:
                status = self.rng.choices(("adopted", "partly", "declined"), weights=(8, 2, 1))[0]
                entry = {"item": item["id"], "status": status}
                if status != "adopted":
                    entry["note"] = (
                        "已部分补充，其余待整改台账完成后再报。"
                        if status == "partly"
                        else "该数据口径以总署统计为准，暂不调整。"
                    )
                out.append(entry)
        return {"responses": out}

    def write(self, drafts_dir: Path) -> None:
        unit_dir = drafts_dir / self.unit_id
        atomic_write_text(unit_dir / UNIT_FILE, _dump(self.unit_yaml()))
        previous_feedback = None
        for version in range(1, self.drafts + 1):
            folder = unit_dir / draft_dir_name(version)
            report = self.report(version)
            atomic_write_text(folder / REPORT_FILE, _dump(report))
            if previous_feedback is not None:
                atomic_write_text(folder / RESPONSES_FILE, _dump(self.responses(previous_feedback)))
            previous_feedback = None
            if version < self.drafts:
                previous_feedback = self.feedback(report)
                for code, content in previous_feedback.items():
                    atomic_write_text(folder / "feedback" / f"{code}.yaml", _dump(content))


def synthesize(target: Path, spec: SynthSpec) -> int:
    """Write a synthetic workspace into ``target`` (which must not hold a drafts folder); units written."""
    if spec.units < 1 or spec.drafts < 1:
        raise UserError(Issue(None, _("--units and --drafts must be at least 1"), code="usage"))
    if (target / "drafts").exists():
        raise UserError(
            Issue(
                target / "drafts",
                _("already exists; nothing was written"),
                hint=_("synth never overwrites: choose an empty folder"),
                code="exists",
            )
        )
    from pipeline.content.scaffold import workspace_files, write_all

    write_all(workspace_files(target))  # configuration, templates, workflow
    for index in range(spec.units):
        UnitWriter(index, spec).write(target / "drafts")
    return spec.units

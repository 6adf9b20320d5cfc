"""Benchmark: ``shuzhi lint`` throughput on a generated 1 MB Chinese report and on the example workspace.

The 1 MB report answers the 16 standard questions with paragraphs drawn (seeded) from the labelled
lint corpus — a realistic mix of boilerplate, hedging and concrete sentences — and lists 200 problems.
Timed: loading (YAML → model with source positions), linting alone, and both together (best of 3,
memo caches emptied before each run), then with the text output as ``shuzhi lint`` prints it, plus the
same text as a plain .txt file.  Wall-clock and CPU time are both shown: on a machine shared with other
work the CPU time is the steadier figure.  Target (issues 5 and 13): ≥ 1 MB/s including loading.
Run: ``python bench/bench_lint.py`` (or ``make bench``).
"""

from __future__ import annotations

import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from pipeline.content.model import Draft
    from pipeline.lint.engine import Linter

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "lint" / "corpus"
TARGET_BYTES = 1_050_000
RUNS = 3
SEED = 20251125


def _sentences() -> list[str]:
    data = yaml.safe_load((CORPUS / "sentences.yaml").read_text(encoding="utf-8"))
    return [item["text"] for item in data]


def _problems() -> list[str]:
    data = yaml.safe_load((CORPUS / "problems.yaml").read_text(encoding="utf-8"))
    return [item["text"] for item in data]


def _paragraph(rng: random.Random, pool: list[str]) -> str:
    return "".join(rng.choice(pool) for _ in range(rng.randint(3, 8)))


def generate_report(target_bytes: int = TARGET_BYTES) -> str:
    """A standard-set report.yaml of about ``target_bytes`` UTF-8 bytes."""
    rng = random.Random(SEED)
    pool, problems = _sentences(), _problems()
    areas = {
        "duty": ["Q1", "Q2", "Q3", "Q4"],
        "grassroots": ["Q5", "Q6", "Q7", "Q8"],
        "organisation": ["Q9", "Q10", "Q11", "Q12"],
        "integrity": ["Q13", "Q14", "Q15", "Q16"],
    }
    per_answer = target_bytes * 0.9 / 16
    lines = ["date: 2025-12-31", "opening: |", "  " + _paragraph(rng, pool), "areas:"]
    for area, questions in areas.items():
        lines += [f"  {area}:", "    answers:"]
        for qid in questions:
            lines.append(f"      {qid}: |")
            size = 0
            while size < per_answer:
                paragraph = _paragraph(rng, pool)
                lines.append("        " + paragraph)
                size += len(paragraph.encode("utf-8"))
        lines += ["    achievements:", "      - " + rng.choice(pool)]
    lines.append("problems:")
    for i in range(200):
        lines += [
            f"  - id: P{i + 1}",
            f"    area: {rng.choice(list(areas))}",
            f"    text: {rng.choice(problems)}{rng.choice(problems)}",
        ]
    lines += [
        "measures:",
        "  - id: M1",
        "    problems: [P1]",
        "    text: 每季度开展1次专项检查。",
        "    owner: 关党委",
        "    due: 2026-06-30",
    ]
    return "\n".join(lines) + "\n"


def _cold() -> None:
    """Empty the lint's memo caches, so every timed run starts cold (as a fresh process would)."""
    from pipeline.lint import concrete, scorer, wordspan
    from pipeline.lint.checks import phrases
    from pipeline.lint.checks.phrases import sentence_index

    sentence_index.cache_clear()
    phrases._clauses_of.cache_clear()  # a sentence's clauses, asked by every phrase rule with a hit
    phrases._quoted_spans_of.cache_clear()
    concrete.is_concrete.cache_clear()
    concrete._is_place_name.cache_clear()
    concrete._name_like.cache_clear()
    concrete._name_length.cache_clear()
    concrete._one_name.cache_clear()
    wordspan._words.cache_clear()  # the words around a stock mark's ends
    wordspan.whole_words.cache_clear()
    scorer.verdict.cache_clear()  # the learned rules' verdict per sentence


def _best(fn: Callable[[], object]) -> tuple[float, float]:
    """The best wall-clock and the best CPU time of :data:`RUNS` cold runs."""
    walls, cpus = [], []
    for _ in range(RUNS):
        _cold()
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def _row(name: str, size: int, seconds: tuple[float, float], findings: int) -> str:
    wall, cpu = seconds
    rate = size / 1e6 / wall if wall else float("inf")
    cpu_rate = size / 1e6 / cpu if cpu else float("inf")
    return f"{name:40} {size / 1e6:6.2f} {wall * 1000:9.1f} {rate:7.2f} {cpu_rate:9.2f} {findings:9d}"


def _text_output(linter: Linter, draft: Draft) -> str:
    """What ``shuzhi lint`` does for a draft with the default text format: lint, locate, format."""
    from pipeline.lint.document import from_draft
    from pipeline.lint.locate import locate
    from pipeline.lint.readable import Linted, format_readable

    doc = from_draft(draft)
    return format_readable([Linted(doc, locate(doc, linter.run(doc)))], files=1)


def main() -> None:
    from pipeline.content.workspace import load_draft_file, load_workspace
    from pipeline.lint.document import from_draft, from_text
    from pipeline.lint.engine import Linter

    linter = Linter()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.yaml"
        text = generate_report()
        path.write_text(text, encoding="utf-8")
        size = path.stat().st_size
        draft = load_draft_file(path)
        doc = from_draft(draft)
        count = len(linter.run(doc))
        rows.append(_row("1 MB report: load only", size, _best(lambda: load_draft_file(path)), 0))
        rows.append(_row("1 MB report: lint only", size, _best(lambda: linter.run(doc)), count))
        rows.append(
            _row(
                "1 MB report: load + lint",
                size,
                _best(lambda: linter.run(from_draft(load_draft_file(path)))),
                count,
            )
        )
        rows.append(
            _row(
                "1 MB report: load + lint + text output",
                size,
                _best(lambda: _text_output(linter, load_draft_file(path))),
                count,
            )
        )
        prose = Path(tmp) / "report.txt"
        prose.write_text(text, encoding="utf-8")
        prose_count = len(linter.run(from_text(prose, prose.read_text(encoding="utf-8"))))
        rows.append(
            _row(
                "1 MB .txt: read + lint",
                prose.stat().st_size,
                _best(lambda: linter.run(from_text(prose, prose.read_text(encoding="utf-8")))),
                prose_count,
            )
        )
    if (REPO / "drafts").is_dir():
        drafts = [d for u in load_workspace(REPO).units for d in u.drafts]
        ws_size = sum((d.dir / "report.yaml").stat().st_size for d in drafts)
        ws_count = sum(len(linter.run(from_draft(d))) for d in drafts)

        def whole() -> None:
            fresh = Linter()
            for unit in load_workspace(REPO).units:
                for d in unit.drafts:
                    fresh.run(from_draft(d))

        rows.append(_row(f"example workspace ({len(drafts)} drafts), all", ws_size, _best(whole), ws_count))
    print(f"{'lint benchmark':40} {'MB':>6} {'ms':>9} {'MB/s':>7} {'CPU MB/s':>9} {'findings':>9}")
    for row in rows:
        print(row)
    print("target: >= 1 MB/s including loading")


if __name__ == "__main__":
    main()

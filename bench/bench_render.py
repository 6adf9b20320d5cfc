"""Benchmark: rendering a draft into report.docx in process (context + docxtpl + strict checks + zip).

Cases: the example's last draft, a synthetic report of about 20 pages, and the example's last draft
made ten times as long (every answer, achievement, problem and measure repeated ten times).  Each is
rendered ``RUNS`` times after one warm-up; the table shows median and best.  Pages are estimated at
22 × 28 = 616 characters a page plus one line per paragraph break.  Target (issue 2): a 20-page
report renders in under 0.2 s.  Run: ``python bench/bench_render.py`` (or ``make bench``).
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from dataclasses import replace
from pathlib import Path

from pipeline.content.model import Answer, AreaContent, Draft, Measure, Problem, Report
from pipeline.content.workspace import load_workspace, template_for
from pipeline.render.document import build_context, render_report

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_UNIT = "qingshigang"
RUNS = 15
CHARS_PER_LINE, LINES_PER_PAGE = 28, 22
SENTENCE = "关党委全年研究党建工作12次，我到联系点调研6次，推动解决轮班制支部组织生活难以开展等问题3个。"


def example_draft() -> tuple[Draft, Path]:
    """The example's last draft and its template."""
    workspace = load_workspace(ROOT, [EXAMPLE_UNIT])
    unit_drafts = workspace.unit(EXAMPLE_UNIT)
    assert unit_drafts is not None and unit_drafts.latest is not None, "the example workspace has no drafts"
    return unit_drafts.latest, template_for(workspace.root, unit_drafts.unit)


def _times(text: str, n: int) -> str:
    return "\n".join([text.strip()] * n)


def scaled(draft: Draft, n: int) -> Draft:
    """``draft`` with every text repeated ``n`` times and ``n`` copies of each problem and measure."""
    report = draft.report
    areas = tuple(
        AreaContent(
            a.area, tuple(replace(x, text=_times(x.text, n)) for x in a.answers), tuple(a.achievements) * n
        )
        for a in report.areas
    )
    problems = tuple(replace(p, id=f"{p.id}x{i}") for i in range(n) for p in report.problems)
    measures = tuple(
        replace(m, id=f"{m.id}x{i}", problems=tuple(f"{q}x{i}" for q in m.problems))
        for i in range(n)
        for m in report.measures
    )
    return replace(draft, report=replace(report, areas=areas, problems=problems, measures=measures))


def synthetic_draft(base: Draft, pages: int) -> Draft:
    """A report of about ``pages`` pages: every question answered with the same few sentences."""
    per_answer = max(1, pages * CHARS_PER_LINE * LINES_PER_PAGE // (16 * len(SENTENCE) * 3))
    text = "\n".join([SENTENCE * 3] * per_answer)
    areas = tuple(
        AreaContent(area.id, tuple(Answer(q.id, text) for q in area.questions), (SENTENCE,))
        for area in base.question_set.areas
    )
    problems = tuple(Problem(f"P{i}", "duty", SENTENCE * 2, cause=SENTENCE) for i in range(1, 11))
    measures = tuple(
        Measure(f"M{i}", (f"P{i}",), SENTENCE, owner="关党委", due=dt.date(2026, 6, 30)) for i in range(1, 11)
    )
    report = Report(
        path=base.report.path,
        date=base.report.date,
        title=None,
        opening=SENTENCE,
        areas=areas,
        problems=problems,
        measures=measures,
        closing="以上报告，请予审议。",
    )
    return replace(base, report=report)


def size(draft: Draft) -> tuple[int, int, float]:
    """Paragraphs, characters and estimated pages of the rendered text."""
    context = build_context(draft)
    texts = [context["title"], *context["opening"], *context["closing"]]
    for area in context["areas"]:
        texts += [area["title"], *area["achievements"]]
        for question in area["questions"]:
            texts += [question["short"], *question["paragraphs"]]
    for item in context["problems"] + context["measures"]:
        texts += [item["first"], *item["rest"], *item.get("cause", [])]
    lines = sum(-(-(len(t) + 2) // CHARS_PER_LINE) for t in texts)
    return len(texts), sum(len(t) for t in texts), lines / LINES_PER_PAGE


def timed(draft: Draft, template: Path) -> tuple[float, float]:
    """Median and best seconds of ``RUNS`` renders (after one warm-up)."""
    render_report(draft, template)
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        render_report(draft, template)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), min(samples)


def main() -> None:
    """Print the table."""
    example, template = example_draft()
    cases = [
        (f"example {EXAMPLE_UNIT} {example.label}", example),
        ("synthetic, 20+ pages", synthetic_draft(example, 20)),
        (f"example {example.label} × 10", scaled(example, 10)),
    ]
    print(f"render_report, in process, median/best of {RUNS} runs (template {template.name})")
    print(f"{'case':<28} {'paragraphs':>10} {'characters':>10} {'≈pages':>7} {'median':>9} {'best':>9}")
    for name, draft in cases:
        paragraphs, chars, pages = size(draft)
        median, best = timed(draft, template)
        print(
            f"{name:<28} {paragraphs:>10} {chars:>10} {pages:>7.0f} {median * 1000:>7.1f}ms {best * 1000:>7.1f}ms"
        )
    print("target: a 20-page report renders in under 200 ms")


if __name__ == "__main__":
    main()

"""The targets of one unit: each output, the inputs it depends on and the function that makes it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from pipeline.i18n import _ as tr
from pipeline.make.context import BuildContext
from pipeline.make.hq_targets import hq_targets
from pipeline.make.plan import Target, UnitFiles


def unit_targets(files: UnitFiles, options_key: str, lint_packs: Sequence[Path] = ()) -> list[Target]:
    """Every target of the unit, in build order (reports first: the others reuse them).

    ``lint_packs`` are the extra rule packs of the configuration: the review documents depend on them.
    """
    common = files.common_inputs()
    targets: list[Target] = []
    for version, _ in files.versions:
        targets.append(_report_target(files, version, common))
        targets.append(_review_target(files, version, [*common, *lint_packs]))
        targets.append(_companions_target(files, version, common, options_key))
    targets += _redline_targets(files, common, options_key)
    if files.versions:
        targets.append(_ledger_target(files, common))
        targets.append(_publish_target(files, common))
        targets += hq_targets(files, common, options_key)
    return targets


def _report_target(files: UnitFiles, version: int, common: list[Path]) -> Target:
    out = files.build_dir / f"v{version}" / "report.docx"
    return Target(
        name=f"v{version}/report.docx",
        outputs=[out],
        inputs=[*common, files.report_file(version)],
        make=lambda ctx: {out: ctx.rendered(version)},
    )


def _review_target(files: UnitFiles, version: int, common: list[Path]) -> Target:
    """``v<N>/review.docx``: the rendered draft with every lint finding as a Word comment."""
    out = files.build_dir / f"v{version}" / "review.docx"

    def make(ctx: BuildContext) -> dict[Path, bytes]:
        from pipeline.lint.engine import Linter
        from pipeline.lint.review_docx import review_of_draft

        return {out: review_of_draft(ctx.draft(version), ctx.rendered(version), Linter(ctx.config.lint))}

    return Target(
        name=f"v{version}/review.docx", outputs=[out], inputs=[*common, files.report_file(version)], make=make
    )


def _companions_target(files: UnitFiles, version: int, common: list[Path], options_key: str) -> Target:
    from pipeline.companions import COMPANION_FILES

    out_dir = files.build_dir / f"v{version}"

    def make(ctx: BuildContext) -> dict[Path, bytes]:
        from pipeline.companions import write_companions

        write_companions(ctx.draft(version), ctx.template, out_dir, ctx.options.as_of, sources=ctx.sources)
        return {}  # written (atomically) by write_companions

    return Target(
        name=f"v{version}/companions",
        outputs=[out_dir / name for name in COMPANION_FILES],
        inputs=[*common, files.report_file(version), *files.evaluation_inputs()],
        make=make,
        extra=options_key,
    )


def _ledger_target(files: UnitFiles, common: list[Path]) -> Target:
    from pipeline.feedback.api import CHART_PNG, LEDGER_DOCX

    out_dir = files.build_dir

    def make(ctx: BuildContext) -> dict[Path, bytes]:
        from pipeline.feedback.api import write_ledger_outputs

        write_ledger_outputs(ctx.unit_drafts, ctx.config, out_dir, ctx.template)
        return {}  # written (atomically) by write_ledger_outputs

    # The chart is drawn with whatever CJK font is installed: its identity is part of the digest, so a
    # font installed (or changed) later redraws it; without one the build says so.
    from pipeline.render.chart_font import NO_FONT_MESSAGE, find_cjk_font, font_identity

    return Target(
        name="feedback ledger",
        outputs=[out_dir / LEDGER_DOCX, out_dir / CHART_PNG],
        inputs=[*common, *files.all_feedback_inputs()],
        make=make,
        extra=f"font={font_identity()}",
        note=lambda ctx: tr(NO_FONT_MESSAGE) if find_cjk_font() is None else None,
    )


def _publish_target(files: UnitFiles, common: list[Path]) -> Target:
    latest = files.versions[-1][0]
    out = files.build_dir / "publish" / "index.html"

    def make(ctx: BuildContext) -> dict[Path, bytes]:
        from pipeline.publish import page_html

        return {out: page_html(ctx.draft(latest), ctx.sources.meeting).encode("utf-8")}

    return Target(
        name="publish/index.html", outputs=[out], inputs=[*common, files.report_file(latest)], make=make
    )


def redline_pairs(versions: list[int]) -> list[tuple[int, int]]:
    """Consecutive pairs, then the whole journey first → last when there are more than two drafts."""
    pairs = list(zip(versions, versions[1:], strict=False))
    if len(versions) > 2:
        pairs.append((versions[0], versions[-1]))
    return pairs


def _redline_targets(files: UnitFiles, common: list[Path], options_key: str) -> list[Target]:
    targets = []
    for old, new in redline_pairs([v for v, _ in files.versions]):
        out = files.build_dir / "redline" / f"v{old}-v{new}.docx"
        inputs = [*common, files.report_file(old), files.report_file(new)]
        if new == old + 1:  # feedback on the older draft is shown as comments on consecutive pairs
            inputs += [*files.feedback_files(old), files.responses_file(new)]
        stats: dict[str, str] = {}
        targets.append(
            Target(
                name=f"redline/v{old}-v{new}.docx",
                outputs=[out],
                inputs=inputs,
                extra=options_key,
                make=partial(_redline_output, old=old, new=new, stats=stats, out=out),
                note=partial(_stats_line, stats=stats),
            )
        )
    return targets


def _redline_output(
    ctx: BuildContext, *, old: int, new: int, stats: dict[str, str], out: Path
) -> dict[Path, bytes]:
    return {out: _make_redline(ctx, old, new, stats)}


def _stats_line(ctx: BuildContext, *, stats: dict[str, str]) -> str | None:
    """The redline's statistics line for the summary (filled in while it was made)."""
    return stats.get("line")


def _make_redline(ctx: BuildContext, old: int, new: int, stats: dict[str, str]) -> bytes:
    from pipeline.redline.api import redline_bytes

    new_draft = ctx.draft(new)
    date = dt.datetime.combine(new_draft.report.date, dt.time(0, 0), tzinfo=dt.UTC)
    result = redline_bytes(ctx.rendered(old), ctx.rendered(new), author=ctx.redline_author, date=date)
    stats["line"] = f"v{old}→v{new}: {result.stats.summary()}"
    if new != old + 1:
        return result.docx
    from pipeline.feedback.api import annotate_redline, round_for

    feedback_round = round_for(ctx.feedback, ctx.draft(old))
    return annotate_redline(
        result.docx, ctx.draft(old), new_draft, feedback_round, ctx.unit_drafts.unit.reporter
    )

"""The unit's HQ outputs: the 述职会记录 (``meeting.docx``), the 回头看 report (``lookback.docx``) and
its row of the overview (``summary.json``).

Both are made from the latest draft; the meeting record only when the unit has a ``meeting.yaml``.
The look-back is dated by the build's ``--as-of`` or, without it, by the last evidence or check
(:func:`pipeline.hq.lookback.default_as_of`), so the same drafts always give the same bytes.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.make.context import BuildContext
from pipeline.make.plan import Target, UnitFiles, files_under

MEETING_FILE = "meeting.yaml"


def hq_targets(files: UnitFiles, common: list[Path], options_key: str) -> list[Target]:
    """The meeting record (when there is one), the look-back of the latest draft, the overview's row."""
    latest = files.versions[-1][0]
    inputs = [*common, files.report_file(latest), *files.evaluation_inputs()]
    targets = [
        _lookback_target(files, latest, inputs, options_key),
        summary_target(files, common, options_key),
    ]
    if (files.unit_dir / MEETING_FILE).is_file():
        targets.insert(0, _meeting_target(files, latest, inputs))
    return targets


def _meeting_target(files: UnitFiles, latest: int, inputs: list[Path]) -> Target:
    from pipeline.hq.meeting_doc import MEETING_DOCX

    out = files.build_dir / MEETING_DOCX

    def make(ctx: BuildContext) -> dict[Path, bytes]:
        from pipeline.hq.meeting_doc import write_meeting

        if ctx.sources.meeting is not None:
            write_meeting(ctx.draft(latest), ctx.sources.meeting, ctx.template, out)
        return {}  # written (atomically) by write_meeting

    return Target(name=MEETING_DOCX, outputs=[out], inputs=inputs, make=make)


def _lookback_target(files: UnitFiles, latest: int, inputs: list[Path], options_key: str) -> Target:
    from pipeline.hq.lookback_doc import LOOKBACK_DOCX

    out = files.build_dir / LOOKBACK_DOCX

    def make(ctx: BuildContext) -> dict[Path, bytes]:
        from pipeline.hq.lookback import lookback
        from pipeline.hq.lookback_doc import write_lookback

        write_lookback(lookback(ctx.draft(latest), ctx.sources, ctx.options.as_of), ctx.template, out)
        return {}  # written (atomically) by write_lookback

    return Target(name=LOOKBACK_DOCX, outputs=[out], inputs=inputs, make=make, extra=options_key)


def summary_target(files: UnitFiles, common: list[Path], options_key: str) -> Target:
    """``summary.json``: the unit's row of the overview, made while the unit is loaded anyway.

    It carries the digest of the unit's inputs (:func:`pipeline.hq.overview.unit_digest`), so
    ``shuzhi overview`` can tell it is current by hashing the files instead of summarising them.
    """
    from pipeline.hq.overview import SUMMARY_FILE

    out = files.build_dir / SUMMARY_FILE

    def make(ctx: BuildContext) -> dict[Path, bytes]:
        import json

        from pipeline.hq.overview import unit_digest
        from pipeline.hq.summary import UnitSummary, fill_loaded

        digest = unit_digest(files.root, files.unit_dir, ctx.options.as_of)
        summary = UnitSummary(id=files.unit_id)
        fill_loaded(
            summary, files.root, ctx.unit_drafts, ctx.config, ctx.options.as_of, ctx.feedback, ctx.sources
        )
        record = {"digest": digest, "summary": summary.to_dict()}
        return {out: json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")}

    return Target(
        name=SUMMARY_FILE,
        outputs=[out],
        inputs=[*common, *files_under(files.unit_dir)],
        make=make,
        extra=options_key,
    )

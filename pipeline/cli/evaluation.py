"""``shuzhi evaluation tally UNIT RESULTS.csv``: satisfaction from filled-in evaluation forms.

Exit codes: 0 every row counted; 1 some rows were rejected (each listed on stderr with its line
number; the figures cover the other rows); 2 the file or its header cannot be used, or UNIT is
unknown.  The CSV format is in ``docs/companions.md``.
"""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli.options import root_option
from pipeline.companions.evaluation import load_form
from pipeline.companions.tally import tally as tally_results
from pipeline.companions.tally_report import cjk_font, format_json, format_text, row_error_text, write_chart
from pipeline.content.confine import check_output, refuse_outside
from pipeline.content.workspace import BUILD_DIR, load_unit, require_root
from pipeline.errors import EXIT_FINDINGS, EXIT_OK, display_path
from pipeline.i18n import _
from pipeline.render.chart_font import NO_FONT_MESSAGE

CHART_NAME = "evaluation.png"


@click.group("evaluation", help=_("Evaluation forms (测评表): tally the filled-in results."))
def evaluation() -> None:
    """The ``evaluation`` command (its help text is the translated ``help=`` of the decorator)."""


@evaluation.command(
    "tally",
    help=_("""Satisfaction (好 + 较好 share) per item and overall from RESULTS.csv, lowest items first.

RESULTS.csv has a header row of item ids (C01 … C24, U1 … U4; optionally 'respondent') and one
row per respondent rated 好/较好/一般/差 or A/B/C/D; an empty cell is an item left out.  Bad rows
are listed with their line numbers and not counted; the exit code is then 1."""),
)
@click.argument("unit")
@click.argument("results", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help=_("Output on stdout."),
)
@click.option(
    "--chart",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help=_("Where to write the chart [default: {path}].").format(path=f"{BUILD_DIR}/<unit>/{CHART_NAME}"),
)
@click.option("--no-chart", is_flag=True, help=_("Do not write the chart."))
@root_option
def tally(unit: str, results: Path, fmt: str, chart: Path | None, no_chart: bool, root: Path | None) -> int:
    """The ``tally`` command (its help text is the translated ``help=`` of the decorator)."""
    root = require_root(root)
    if chart is not None:
        check_output(chart, option="--chart", inputs=(results,))
    refuse_outside(results)
    found = load_unit(root, unit, skip_broken_drafts=True)[0].unit
    form = load_form(root, found)
    result = tally_results(results, form)
    for error in result.rejected:
        click.echo(row_error_text(result.source, error), err=True)
    text = format_json(result, found.id, found.name) if fmt == "json" else format_text(result, found.name)
    click.echo(text, nl=False)
    if not no_chart:
        path = write_chart(result, found.name, chart or root / BUILD_DIR / found.id / CHART_NAME)
        click.echo(_("wrote {path}").format(path=display_path(path)), err=True)
        if cjk_font() is None:
            click.echo(_(NO_FONT_MESSAGE), err=True)
    return EXIT_FINDINGS if result.rejected else EXIT_OK

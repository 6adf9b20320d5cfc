"""``shuzhi import DRAFT.docx UNIT`` and ``shuzhi feedback import REVIEWED.docx UNIT``: Word into the pipeline."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli.options import parse_version, root_option
from pipeline.content.confine import refuse_outside
from pipeline.content.workspace import load_unit, require_root
from pipeline.errors import EXIT_OK, Issue, UserError, display_path
from pipeline.i18n import _


@click.command(
    "import", help=_("Turn a Word draft into drafts/UNIT/v<N>/report.yaml (see docs/import-publish.md).")
)
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("unit")
@click.option("--as", "as_version", metavar="v<N>", help=_("Draft to create (default: the next one)."))
@click.option("--force", is_flag=True, help=_("Replace an existing report.yaml of that draft."))
@click.option("--explain", is_flag=True, help=_("List every paragraph: where it went and why."))
@root_option
def import_draft(
    source: Path, unit: str, as_version: str | None, force: bool, explain: bool, root: Path | None
) -> int:
    """The ``import_draft`` command (its help text is the translated ``help=`` of the decorator)."""
    from pipeline.wordimport import import_to_unit

    version = parse_version(as_version, "--as")
    refuse_outside(source)
    unit_drafts, qset = load_unit(require_root(root), unit, skip_broken_drafts=True)
    target, result = import_to_unit(source, unit_drafts.unit, unit_drafts.drafts, qset, version, force)
    report = result.report
    answers = sum(len(a.answers) for a in report.areas)
    click.echo(
        _(
            "wrote {path}: {answers} answers, {problems} problems, {measures} measures, {unplaced} unplaced"
        ).format(
            path=display_path(target),
            answers=answers,
            problems=len(report.problems),
            measures=len(report.measures),
            unplaced=len(report.unplaced),
        )
    )
    structure = result.structure()
    if structure:
        click.echo(
            _(
                "{n} paragraph(s) taken as structure (headings, title, byline, signature), not as text: "
                "the template writes its own"
            ).format(n=len(structure))
        )
    if explain:
        from pipeline.wordimport.explain import explain_lines

        for line in explain_lines(result.placements()):
            click.echo(line)
    for warning in result.warnings:
        click.echo(_("warning: {warning}").format(warning=warning), err=True)
    return EXIT_OK


@click.command(
    "import",
    help=_("Turn a reviewer's Word comments and tracked changes into drafts/UNIT/v<N>/feedback/<dept>.yaml."),
)
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("unit")
@click.option(
    "--draft", "draft_name", required=True, metavar="v<N>", help=_("The draft the reviewer commented on.")
)
@click.option(
    "--department", required=True, help=_("Department code or name (shuzhi.toml), e.g. rs or 人事.")
)
@click.option("--force", is_flag=True, help=_("Merge new items into an existing feedback file."))
@root_option
def feedback_import(
    source: Path, unit: str, draft_name: str, department: str, force: bool, root: Path | None
) -> int:
    """The ``feedback_import`` command (its help text is the translated ``help=`` of the decorator)."""
    from pipeline.content.config import load_config
    from pipeline.wordimport.feedback_items import import_feedback

    root = require_root(root)
    version = parse_version(draft_name, "--draft")
    refuse_outside(source)
    unit_drafts, qset = load_unit(root, unit, skip_broken_drafts=True)
    draft = unit_drafts.draft(version or 0)
    if draft is None:
        known = ", ".join(d.label for d in unit_drafts.drafts) or _("none")
        raise UserError(
            Issue(
                unit_drafts.unit.dir,
                _("no draft v{version} of unit '{unit}' (or it does not load)").format(
                    version=version, unit=unit
                ),
                hint=_("drafts: {known}; run 'shuzhi check' for load errors").format(known=known),
                code="not-found",
            )
        )
    config = load_config(root)
    dept = config.department(department)
    if dept is None:
        raise UserError(
            Issue(
                config.path or root / "shuzhi.toml",
                _("unknown department '{department}'").format(department=department),
                hint=config.department_hint(department),
                code="unknown-department",
            )
        )
    outcome = import_feedback(source, draft, dept.code, force=force, config=config, drafts=unit_drafts.drafts)
    click.echo(outcome.message())
    for warning in outcome.warnings:
        click.echo(_("warning: {warning}").format(warning=warning), err=True)
    return EXIT_OK

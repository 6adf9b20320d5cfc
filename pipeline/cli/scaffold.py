"""``shuzhi init``, ``shuzhi add-unit`` and ``shuzhi new-draft``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from pipeline.cli.options import root_option
from pipeline.content.scaffold import NewUnit, add_unit, init_workspace, new_draft, today
from pipeline.errors import display_path
from pipeline.i18n import _


@click.command(help=_("Create a drafts workspace in DIRECTORY (never overwrites a file)."))
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--unit", "unit_id", default=NewUnit.id, show_default=True, help=_("Folder name of the first unit.")
)
@click.option("--name", default=NewUnit.name, show_default=True, help=_("The unit's name."))
@click.option(
    "--organisation",
    default=None,
    help=_("Its party organisation (default: 中共 + the unit's name + 委员会)."),
)
@click.option("--reporter", default=NewUnit.reporter, show_default=True, help=_("Who reports."))
@click.option("--role", default=NewUnit.role, show_default=True, help=_("The reporter's role."))
@click.option(
    "--keep-existing",
    is_flag=True,
    help=_(
        "In a folder that already has some of the files (its own README, .gitignore …): keep "
        "those and write only the missing ones."
    ),
)
def init(
    directory: Path,
    unit_id: str,
    name: str,
    organisation: str | None,
    reporter: str,
    role: str,
    keep_existing: bool,
) -> int:
    """The ``init`` command (its help text is the translated ``help=`` of the decorator)."""
    unit = NewUnit(unit_id, name, organisation or "", reporter, role)
    written = init_workspace(directory, unit, keep_existing)
    for path in written:
        click.echo(_("created {path}").format(path=display_path(path)))
    if not written:
        click.echo(_("nothing to write: every file already exists"))
    click.echo(
        _("next: cd {folder} && shuzhi new-draft {unit}").format(folder=display_path(directory), unit=unit_id)
    )
    return 0


@click.command(
    "new-draft", help=_("Start the next draft of UNIT from its last one, with a responses.yaml to fill in.")
)
@click.argument("unit")
@click.option(
    "--date",
    "date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help=_("The new draft's date (default: today)."),
)
@root_option
def new_draft_command(unit: str, date: dt.datetime | None, root: Path | None) -> int:
    """The ``new_draft_command`` command (its help text is the translated ``help=`` of the decorator)."""
    started = new_draft(unit, date.date() if date else today(), root)
    for path in started.written:
        click.echo(_("created {path}").format(path=display_path(path)))
    if started.warning:
        click.echo(_("note: {note}").format(note=started.warning), err=True)
    return 0


@click.command(
    "add-unit",
    help=_("""Add a unit to the workspace: drafts/UNIT/unit.yaml (never overwrites).

UNIT is the unit's folder name (lower-case letters, digits, '-' and '_', e.g. qingshigang).
Start its first draft afterwards with 'shuzhi new-draft UNIT'."""),
)
@click.argument("unit_id", metavar="UNIT")
@click.option("--name", required=True, help=_("The unit's name, e.g. 青石港海关."))
@click.option("--reporter", required=True, help=_("Who reports, e.g. 王某某."))
@click.option(
    "--organisation",
    default=None,
    help=_("Its party organisation (default: 中共 + the unit's name + 委员会)."),
)
@click.option("--role", default=NewUnit.role, show_default=True, help=_("The reporter's role."))
@root_option
def add_unit_command(
    unit_id: str, name: str, reporter: str, organisation: str | None, role: str, root: Path | None
) -> int:
    """The ``add-unit`` command (its help text is the translated ``help=`` of the decorator)."""
    unit = NewUnit(unit_id, name, organisation or "", reporter, role)
    for path in add_unit(unit, root):
        click.echo(_("created {path}").format(path=display_path(path)))
    click.echo(_("next: shuzhi new-draft {unit}").format(unit=unit_id))
    return 0

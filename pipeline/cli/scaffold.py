"""``shuzhi init`` and ``shuzhi new-draft``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from pipeline.errors import display_path
from pipeline.content.scaffold import NewUnit, init_workspace, new_draft, today


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--unit", "unit_id", default=NewUnit.id, show_default=True, help="Folder name of the first unit.")
@click.option("--name", default=NewUnit.name, show_default=True, help="The unit's name.")
@click.option("--organisation", default=NewUnit.organisation, show_default=True, help="Its party organisation.")
@click.option("--reporter", default=NewUnit.reporter, show_default=True, help="Who reports.")
@click.option("--role", default=NewUnit.role, show_default=True, help="The reporter's role.")
@click.option("--keep-existing", is_flag=True,
              help="In a folder that already has some of the files (its own README, .gitignore …): keep "
                   "those and write only the missing ones.")
def init(directory: Path, unit_id: str, name: str, organisation: str, reporter: str, role: str,
         keep_existing: bool) -> int:
    """Create a drafts workspace in DIRECTORY (never overwrites a file)."""
    written = init_workspace(directory, NewUnit(unit_id, name, organisation, reporter, role), keep_existing)
    for path in written:
        click.echo(f"created {display_path(path)}")
    if not written:
        click.echo("nothing to write: every file already exists")
    click.echo(f"next: cd {display_path(directory)} && shuzhi new-draft {unit_id}")
    return 0


@click.command("new-draft")
@click.argument("unit")
@click.option("--date", "date", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The new draft's date (default: today).")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The workspace (default: found from the current folder).")
def new_draft_command(unit: str, date: dt.datetime | None, root: Path | None) -> int:
    """Start the next draft of UNIT from its last one, with a responses.yaml to fill in."""
    started = new_draft(unit, date.date() if date else today(), root)
    for path in started.written:
        click.echo(f"created {display_path(path)}")
    if started.warning:
        click.echo(f"note: {started.warning}", err=True)
    return 0

"""``shuzhi publish UNIT [--draft v<N>]``: the report and problem list as a web page for the members."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli.options import parse_version, root_option
from pipeline.content.workspace import BUILD_DIR, load_unit, require_root
from pipeline.errors import EXIT_OK, Issue, UserError, display_path
from pipeline.i18n import _


@click.command(
    "publish",
    help=_(
        "Write build/UNIT/publish/index.html: a self-contained, printable page (see docs/import-publish.md)."
    ),
)
@click.argument("unit")
@click.option("--draft", "draft_name", metavar="v<N>", help=_("The draft to publish (default: the latest)."))
@root_option
def publish(unit: str, draft_name: str | None, root: Path | None) -> int:
    """The ``publish`` command (its help text is the translated ``help=`` of the decorator)."""
    from pipeline.publish import publish_unit

    root = require_root(root)
    version = parse_version(draft_name, "--draft")
    unit_drafts, _qset = load_unit(root, unit)
    draft = unit_drafts.draft(version) if version else None
    if version and draft is None:
        known = ", ".join(d.label for d in unit_drafts.drafts) or _("none")
        raise UserError(
            Issue(
                unit_drafts.unit.dir,
                _("no draft v{version} of unit '{unit}'").format(version=version, unit=unit),
                hint=_("drafts: {known}").format(known=known),
                code="not-found",
            )
        )
    path = publish_unit(unit_drafts, root / BUILD_DIR / unit / "publish", draft)
    click.echo(_("wrote {path}").format(path=display_path(path)))
    return EXIT_OK

"""``shuzhi pdf [FILES…]``: PDF previews of built reports and redlines (needs LibreOffice)."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli.options import root_option
from pipeline.content.confine import check_output
from pipeline.content.workspace import BUILD_DIR, require_root
from pipeline.errors import EXIT_OK, Issue, UserError, display_path
from pipeline.i18n import _
from pipeline.word.pdf import PER_DOCUMENT_TIMEOUT, convert_to_pdf, default_sources, is_up_to_date


def _sources(files: tuple[Path, ...], force: bool, root: Path | None) -> tuple[list[Path], int]:
    """The .docx files to convert and how many were skipped as up to date."""
    if files:
        return list(files), 0
    build_dir = require_root(root) / BUILD_DIR
    found = default_sources(build_dir)
    if not found:
        raise UserError(
            Issue(
                build_dir,
                _("no built reports to convert (no build/<unit>/v<N>/report.docx)"),
                hint=_("run 'shuzhi build' (make report) first, or name the .docx files"),
                code="file-not-found",
            )
        )
    todo = found if force else [p for p in found if not is_up_to_date(p)]
    return todo, len(found) - len(todo)


@click.command(
    "pdf",
    help=_("""Write a PDF next to each .docx (default: every built report and redline in build/).

Uses headless LibreOffice with font aliases that map 仿宋_GB2312, 楷体_GB2312, 黑体, 宋体 and
方正小标宋简体 to free CJK faces (see docs/pdf.md)."""),
)
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--force", is_flag=True, help=_("Convert even when the PDF is newer than its .docx."))
@click.option(
    "--timeout",
    type=click.FloatRange(min=1),
    default=PER_DOCUMENT_TIMEOUT,
    show_default=True,
    help=_("Seconds allowed per document before LibreOffice is stopped."),
)
@root_option
def pdf(files: tuple[Path, ...], force: bool, timeout: float, root: Path | None) -> int:
    """The ``pdf`` command (its help text is the translated ``help=`` of the decorator)."""
    sources, skipped = _sources(files, force, root)
    for source in sources:  # the PDF is written next to its .docx: never into drafts/
        check_output(source.with_suffix(".pdf"), option="shuzhi pdf", inputs=sources)
    for conversion in convert_to_pdf(sources, timeout=timeout):
        click.echo(_("wrote {path}").format(path=display_path(conversion.pdf)))
    if skipped:
        click.echo(_("{n} PDF(s) already up to date (--force to redo)").format(n=skipped))
    return EXIT_OK

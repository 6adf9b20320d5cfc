"""The ``shuzhi`` command line: a thin click layer over the pipeline modules.

Every command lets :class:`pipeline.errors.UserError` propagate; :func:`main` prints it (no
traceback) and exits 2.  A command *returns* its exit code as an int (0 clean, 1 findings).
"""

from __future__ import annotations

import sys

import click

from pipeline.errors import EXIT_USAGE, UserError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="shuzhi")
def cli() -> None:
    """shuzhi — draft, render, redline, review and lint duty reports (述职报告)."""


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; user errors become a message on stderr and exit code 2."""
    try:
        result = cli.main(args=argv, prog_name="shuzhi", standalone_mode=False)
    except UserError as exc:
        click.echo(exc.format(), err=True)
        return EXIT_USAGE
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE if exc.exit_code == 2 else exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    # Commands return their exit code (0 clean, 1 findings); ctx.exit(n) arrives here as n too.
    return result if isinstance(result, int) else 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


# Commands are registered below, one import per feature module, each module defining a click
# command or group named in its own file (keep this list sorted).
from pipeline.cli_pdf import pdf as _pdf; cli.add_command(_pdf)  # noqa: E402
from pipeline.cli_build import build as _build, validate as _validate  # noqa: E402

cli.add_command(_build)
cli.add_command(_validate)
from pipeline.cli_scaffold import init as _init, new_draft_command as _new_draft  # noqa: E402

cli.add_command(_init)
cli.add_command(_new_draft)
from pipeline.cli_feedback import feedback as _feedback; cli.add_command(_feedback)  # noqa: E402
from pipeline.cli_synth import synth as _synth  # noqa: E402

cli.add_command(_synth)
from pipeline.cli_evaluation import evaluation as _evaluation; cli.add_command(_evaluation)  # noqa: E402
from pipeline.cli_check import check as _check  # noqa: E402

cli.add_command(_check)
from pipeline.cli_lint import lint as _lint; cli.add_command(_lint)  # noqa: E402
from pipeline.cli_import import feedback_import as _fb_import, import_draft as _import  # noqa: E402

cli.add_command(_import)
_feedback.add_command(_fb_import)
from pipeline.cli_publish import publish as _publish; cli.add_command(_publish)  # noqa: E402
from pipeline.cli_redline import redline as _redline; cli.add_command(_redline)  # noqa: E402

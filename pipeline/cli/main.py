"""The ``shuzhi`` command line: a thin click layer over the pipeline modules.

Every command lets :class:`pipeline.errors.UserError` propagate; :func:`main` prints it (no
traceback) and exits 2.  A command *returns* its exit code as an int (0 clean, 1 findings).
"""

from __future__ import annotations

import importlib
import sys

import click

from pipeline.cli.click_text import localize_command, no_such_command, translate_click
from pipeline.errors import EXIT_USAGE, UserError
from pipeline.fsutil import os_error_issue
from pipeline.i18n import _
from pipeline.make.signals import Stopped, restore_signals, stop_on_signals

# click's own words (Usage:, Options, its error messages) from shuzhi's catalog, before any help is built.
translate_click()


# Each command lives in its own module, imported only when that command runs: importing all of
# them (docx, lxml, rjieba, matplotlib, …) would cost every invocation ~0.3 s, which dominates a
# small redline or a pre-commit hook.  Name → "module:attribute"; keep sorted.
COMMANDS: dict[str, str] = {
    "add-unit": "pipeline.cli.scaffold:add_unit_command",
    "build": "pipeline.cli.build:build",
    "check": "pipeline.cli.check:check",
    "evaluation": "pipeline.cli.evaluation:evaluation",
    "feedback": "pipeline.cli.main:_feedback_group",
    "import": "pipeline.cli.word_import:import_draft",
    "init": "pipeline.cli.scaffold:init",
    "lint": "pipeline.cli.lint:lint",
    "lookback": "pipeline.cli.lookback:lookback",
    "new-draft": "pipeline.cli.scaffold:new_draft_command",
    "overview": "pipeline.cli.overview:overview",
    "pdf": "pipeline.cli.pdf:pdf",
    "publish": "pipeline.cli.publish:publish",
    "redline": "pipeline.cli.redline:redline",
    "synth": "pipeline.cli.synth:synth",
    "validate": "pipeline.cli.build:validate",
}


class LazyGroup(click.Group):
    """A click group whose commands are imported on first use (see :data:`COMMANDS`)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """click's, with the commands not imported yet offered for a misspelt one (did you mean 'build'?)."""
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:
            no_such = no_such_command()
            if no_such is None or not isinstance(exc, no_such) or exc.possibilities:  # type: ignore[attr-defined]
                raise
            raise no_such(exc.command_name, possibilities=COMMANDS, ctx=ctx) from None  # type: ignore[attr-defined,call-arg]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        found = getattr(importlib.import_module(module_name), attribute)
        # An entry is a command, or a function building one (a group put together from two modules).
        return localize_command(found if isinstance(found, click.Command) else found())


def _feedback_group() -> click.Group:
    """``shuzhi feedback`` with ``import`` (which lives with the other Word importers) attached."""
    from pipeline.cli.feedback import feedback
    from pipeline.cli.word_import import feedback_import

    feedback.add_command(feedback_import)
    return feedback


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=_("shuzhi — draft, render, redline, review and lint duty reports (述职报告)."),
)
@click.version_option(package_name="shuzhi")
def cli() -> None:
    """The command group (its help text is translated: see the ``help=`` above)."""


localize_command(cli)  # its usage line ([OPTIONS] COMMAND [ARGS]...) in the interface language


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; user errors become a message on stderr and exit code 2."""
    previous = stop_on_signals()
    try:
        result = cli.main(args=argv, prog_name="shuzhi", standalone_mode=False)
    except UserError as exc:
        click.echo(exc.format(), err=True)
        return EXIT_USAGE
    except click.exceptions.Abort:
        click.echo(_("aborted"), err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE if exc.exit_code == 2 else exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except Stopped as exc:  # SIGTERM, or SIGINT outside click's own handling: one line, no traceback
        click.echo(exc.message(), err=True)
        return exc.exit_code
    except BrokenPipeError:  # the reader of our output went away (| head): nothing left to say
        return 141
    except OSError as exc:  # a full disk, a read-only folder …: the user's to fix, never a traceback
        click.echo(UserError(os_error_issue(exc)).format(), err=True)
        return EXIT_USAGE
    except RecursionError:  # input nested beyond the stack that no loader's limit caught
        click.echo(
            _("the input is nested too deeply to process; look for deeply nested lists or mappings"), err=True
        )
        return EXIT_USAGE
    finally:
        restore_signals(previous)
    # Commands return their exit code (0 clean, 1 findings); ctx.exit(n) arrives here as n too.
    return result if isinstance(result, int) else 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())

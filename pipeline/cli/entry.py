"""The ``shuzhi`` console script: a plain ``shuzhi redline OLD NEW -o OUT`` without loading click.

A small redline takes less time than importing click and the command group, so the console script
recognises the common shape of a redline invocation itself and runs :mod:`pipeline.cli.redline_run`,
the very code the click command runs.  Anything else — another command, ``--help``, ``--version``,
an option it does not know, an option given twice, a path click would refuse (a directory, an
unreadable file), shell completion — goes to the full click command line
(:func:`pipeline.cli.main.main`) untouched, so its messages and exit codes are click's own.  Errors
of the run itself are reported exactly as :func:`pipeline.cli.main.main` reports them (the tests
compare both paths byte for byte); click is imported only when there is something to print.
"""

from __future__ import annotations

import gc
import os
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO, cast

# --output / --author / --date take a value (as ``--name VALUE`` or ``--name=VALUE``; ``-o VALUE``).
_VALUED = {"-o": "output", "--output": "output", "--author": "author", "--date": "date"}
_FLAGS = {"--stats": "stats", "--json": "as_json"}
_COMPLETION = "_SHUZHI_COMPLETE"  # click's shell-completion switch for prog_name "shuzhi"


class Request:
    """The arguments of a ``shuzhi redline`` invocation, as click would have converted them.

    A plain class: a NamedTuple is built with ``eval`` when this module is imported (~1 ms).
    """

    __slots__ = ("old", "new", "output", "author", "date", "stats", "as_json")

    def __init__(
        self,
        old: Path,
        new: Path,
        output: Path,
        author: str = "shuzhi",
        date: str | None = None,
        stats: bool = False,
        as_json: bool = False,
    ) -> None:
        self.old, self.new, self.output = old, new, output
        self.author, self.date, self.stats, self.as_json = author, date, stats, as_json

    def _fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Request) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return "Request(" + ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__slots__) + ")"


def _click_accepts(value: str) -> bool:
    """Whether ``click.Path(dir_okay=False)`` takes ``value`` as it is (it refuses a directory and an
    existing file it cannot read; it does not need the file to exist)."""
    if not value or value.startswith("-"):
        return False  # an empty value, or one click might read as an option: click decides
    try:
        status = os.stat(value)
    except OSError:
        return True
    return not stat.S_ISDIR(status.st_mode) and os.access(value, os.R_OK)


def redline_request(argv: Sequence[str]) -> Request | None:
    """The :class:`Request` of ``argv`` (``sys.argv[1:]``) when it is a plain redline invocation click
    would run without complaint; None for anything else (click then handles it)."""
    if not argv or argv[0] != "redline" or os.environ.get(_COMPLETION):
        return None
    values: dict[str, Any] = {}
    positional: list[str] = []
    tokens = iter(argv[1:])
    for token in tokens:
        if not token.startswith("-"):
            positional.append(token)
            continue
        name, equals, value = token.partition("=")
        setting: str | bool
        if token in _FLAGS:
            field, setting = _FLAGS[token], True
        elif name in _VALUED and (not equals or name.startswith("--")):
            field = _VALUED[name]
            setting = value if equals else next(tokens, "")
            if not setting or setting.startswith("-"):
                return None  # a missing value, or one click might read as an option: click decides
        else:
            return None  # --help, -h, --, an unknown or abbreviated option, -oVALUE, -o=VALUE …
        if field in values:
            return None  # given twice: click's rule (the last wins) is click's to apply
        values[field] = setting
    if len(positional) != 2 or "output" not in values:
        return None
    paths = [*positional, values["output"]]
    if not all(_click_accepts(p) for p in paths):
        return None
    values["old"], values["new"], values["output"] = (Path(p) for p in paths)
    return Request(**values)


def _echo(message: str | None = None, err: bool = False) -> None:
    import click  # only when there is something to print, as the click command prints it

    click.echo(message, err=err)


def run_redline(request: Request) -> int:
    """Run the redline of ``request``; report errors as :func:`pipeline.cli.main.main` does."""
    # A one-shot process: the cyclic collector's passes over the tens of thousands of objects that
    # hold two documents' blocks cost ~7% of a 10,000-paragraph redline and free next to nothing (a
    # redline makes few reference cycles: peak memory 83 MB with the collector, 85 MB without), so
    # it runs far less often (put back afterwards for a caller in the same process, e.g. a test) —
    # from before the imports, whose passes are ~3% of a small redline.
    collecting = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        return _run_redline(request)
    finally:
        gc.set_threshold(*collecting)


def _run_redline(request: Request) -> int:
    from pipeline.cli.redline_run import compare, show
    from pipeline.errors import EXIT_USAGE, UserError
    from pipeline.make.signals import Stopped, restore_signals, stop_on_signals

    previous = stop_on_signals()
    try:
        result = compare(request.old, request.new, request.output, request.author, request.date)
        return show(result, request.stats, request.as_json, _echo)
    except UserError as exc:
        _echo(exc.format(), err=True)
        return EXIT_USAGE
    except (EOFError, KeyboardInterrupt):
        from pipeline.i18n import _

        _echo(err=True)  # click's blank line after ^C, then the command line's own word
        _echo(_("aborted"), err=True)
        return 130
    except Stopped as exc:
        _echo(exc.message(), err=True)
        return exc.exit_code
    except OSError as exc:
        return _os_error(exc)
    except RecursionError:
        from pipeline.i18n import _

        _echo(
            _("the input is nested too deeply to process; look for deeply nested lists or mappings"), err=True
        )
        return EXIT_USAGE
    finally:
        restore_signals(previous)


def _os_error(exc: OSError) -> int:
    import errno

    if exc.errno == errno.EPIPE:
        # The reader of our output went away: click then quiets both streams and exits 1.
        from click.core import _PacifyFlushWrapper

        sys.stdout = cast(TextIO, _PacifyFlushWrapper(sys.stdout))
        sys.stderr = cast(TextIO, _PacifyFlushWrapper(sys.stderr))
        return 1
    from pipeline.errors import EXIT_USAGE, UserError
    from pipeline.fsutil import os_error_issue

    _echo(UserError(os_error_issue(exc)).format(), err=True)
    return EXIT_USAGE


def main(argv: list[str] | None = None) -> int:
    """Run ``shuzhi``: the fast redline when ``argv`` is a plain redline, else the click command line."""
    request = redline_request(sys.argv[1:] if argv is None else argv)
    if request is None:
        from pipeline.cli.main import main as click_main

        return click_main(argv)
    return run_redline(request)


def run() -> None:
    """Console-script entry point (``[project.scripts]``)."""
    code = main()
    # The process ends here: the collections of its shutdown walk every object still alive, a
    # twentieth of a small redline; frozen objects are not walked (they are freed all the same).
    gc.freeze()
    sys.exit(code)

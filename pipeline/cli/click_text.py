"""click's own words — ``Usage:``, ``Options``, "No such option" … — in the interface language.

click marks its strings for gettext, but looks them up in the process-wide default domain, which
follows the C locale rather than ``SHUZHI_LANG``: under ``LANG=C`` a Chinese help page would still
say ``Usage:`` and ``Show this message and exit.``.  The strings a user of shuzhi meets are listed
here, so they are extracted into shuzhi's catalog with a Chinese translation, and
:func:`translate_click` points the gettext functions of click's modules at shuzhi's.  Strings not
listed stay click's English.  ``tests/cli/test_click_text.py`` checks each one is still click's.
"""

from __future__ import annotations

import importlib

from pipeline.i18n import N_, _, ngettext

#: click's messages a shuzhi user can see, word for word as click writes them.
CLICK_MESSAGES: tuple[str, ...] = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Positional arguments"),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("%(prog)s, version %(version)s"),
    N_("Aborted!"),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing command."),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("Option {name!r} does not take a value."),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("{value!r} does not match the format {format}."),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."),
    N_("file"),
    N_("directory"),
    N_("path"),
    N_("default: {default}"),
    N_("env var: {var}"),
)


def click_plurals() -> tuple[str, ...]:
    """click's messages with a plural form (called once here so the extractor finds them)."""
    return (
        ngettext("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})", 1),
        ngettext("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments.", 1),
        ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 1),
        ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", 1),
    )


_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types")


def translate_click() -> None:
    """Make click look its messages up in shuzhi's catalog (in the current interface language)."""
    for name in _CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = _  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]

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
import re

import click

from pipeline.i18n import N_, _, ngettext, pgettext

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
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."),
    N_("file"),
    N_("directory"),
    N_("path"),
    N_("default: {default}"),
    N_("env var: {var}"),
)

#: Words click translates through a variable (``_(extra["required"])``), which no extractor sees in click.
CLICK_WORDS: tuple[str, ...] = (N_("required"),)


def click_plurals() -> tuple[str, ...]:
    """click's messages with a plural form (called once here so the extractor finds them)."""
    return (
        ngettext("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})", 1),
        ngettext("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments.", 1),
        ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 1),
        ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", 1),
        ngettext(
            "{value!r} does not match the format {format}.",
            "{value!r} does not match the formats {formats}.",
            1,
        ),
    )


_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types")


def translate_click() -> None:
    """Make click look its messages up in shuzhi's catalog (in the current interface language), measure
    help text in terminal columns (a Chinese character takes two) and end its sentences as Chinese does."""
    for name in _CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = _  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
    # Module attributes, patched: the help formatter looks both up at each call.
    click.formatting.wrap_text = wrap_text
    click.formatting.term_len = columns  # type: ignore[assignment]  # the table alignment (click calls it x)
    click.formatting.HelpFormatter.write_heading = _write_heading  # type: ignore[method-assign]
    for kind, name in TYPE_NAMES.items():
        kind.name = _(name)  # a class attribute: the language of the process, like the help texts
    # NoSuchCommand is click 8.4's (before it, an unknown command is a plain UsageError).
    errors = (click.exceptions.MissingParameter, click.exceptions.NoSuchOption, no_such_command())
    for error in (e for e in errors if e is not None):
        if "_shuzhi_format_message" not in vars(error):  # once per class: each keeps its own original
            error._shuzhi_format_message = error.format_message  # type: ignore[attr-defined]
            error.format_message = _punctuated_message  # type: ignore[method-assign,assignment]


def _write_heading(self: click.HelpFormatter, heading: str) -> None:
    """click's section heading (``Options:``) with the colon of the interface language (``选项：``)."""
    colon = pgettext("heading end", ":")  # not inside the f-string: the extractor would not see it
    self.write(f"{'':>{self.current_indent}}{heading}{colon}\n")


def no_such_command() -> type[click.UsageError] | None:
    """click's error for an unknown command (click 8.4 and later), or None."""
    found: type[click.UsageError] | None = getattr(click.exceptions, "NoSuchCommand", None)
    return found


def _punctuated_message(self: click.exceptions.UsageError) -> str:
    """click's usage error with its sentences punctuated as the interface language does: click appends an
    ASCII "." to "Missing option '--draft'" and joins "No such option." to "Did you mean …?" with a space,
    both after the translated words."""
    text: str = self._shuzhi_format_message()  # type: ignore[attr-defined]
    full_stop = pgettext("sentence end", ".")
    if full_stop == ".":
        return text
    text = (
        re.sub(r"\.(?= |$)", full_stop, text, count=1) if isinstance(self, click.MissingParameter) else text
    )
    return re.sub(r"([。？！]) +", r"\1", text)


# --- help pages: metavars in the interface language -------------------------------------------------

#: click's metavars of plain value types (the type's name, upper-cased), as a reader of the help sees them.
TYPE_METAVARS: dict[type[click.ParamType], str] = {
    click.types.StringParamType: N_("TEXT"),
    click.types.IntParamType: N_("INTEGER"),  # IntRange too (a subclass)
    click.types.FloatParamType: N_("NUMBER"),
}
#: The names click gives its value types in "'abc' is not a valid integer." (the type's ``name``).
TYPE_NAMES: dict[type[click.ParamType], str] = {
    click.types.IntParamType: N_("integer"),
    click.types.IntRange: N_("integer"),
    click.types.FloatParamType: N_("number"),
    click.types.FloatRange: N_("number"),
}
OPTIONS_METAVAR = N_("[OPTIONS]")
SUBCOMMAND_METAVAR = N_("COMMAND [ARGS]...")
DATE_METAVAR = N_("YYYY-MM-DD")


def localize_command(command: click.Command) -> click.Command:
    """``command`` (and a group's subcommands) with its usage line, option metavars and short help in the
    interface language; called once per command as it is loaded (idempotent)."""
    if getattr(command, "_shuzhi_localized", False):
        return command
    command._shuzhi_localized = True  # type: ignore[attr-defined]
    if command.options_metavar == "[OPTIONS]":
        command.options_metavar = _(OPTIONS_METAVAR)
    if isinstance(command, click.Group):
        if command.subcommand_metavar == "COMMAND [ARGS]...":
            command.subcommand_metavar = _(SUBCOMMAND_METAVAR)
        for sub in command.commands.values():
            localize_command(sub)
    for param in command.params:
        if isinstance(param, click.Option) and param.metavar is None and not param.is_flag:
            param.metavar = _option_metavar(param)
    if command.short_help is None and command.help and columns(command.help) != len(command.help):
        command.short_help = first_sentence(command.help)
    return command


def _option_metavar(option: click.Option) -> str | None:
    """The option's metavar in the interface language, or None to let click make it (choices, paths)."""
    kind = option.type
    if isinstance(kind, click.DateTime) and list(kind.formats) == ["%Y-%m-%d"]:
        metavar = _(DATE_METAVAR)
    else:
        found = next((m for cls, m in TYPE_METAVARS.items() if isinstance(kind, cls)), None)
        if found is None:
            return None
        metavar = _(found)
    return metavar + ("..." if option.nargs != 1 else "")


def first_sentence(text: str) -> str:
    """The first sentence of ``text``'s first paragraph: click looks for ". " and finds none in Chinese,
    so it would cut the line at a character count (twice the width the line has)."""
    paragraph = _join_lines(text.strip().split("\n\n")[0].splitlines())
    found = re.search(r"[。！？]|\.(?:\s|$)", paragraph)
    return paragraph[: found.end()].strip() if found else paragraph


# --- help pages: wrapping in terminal columns ----------------------------------------------------------

#: click's own wrapping (text without wide characters goes through it unchanged).
CLICK_WRAP_TEXT = click.formatting.wrap_text
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# A line never starts with a closing mark, and never ends with an opening one.
_CLOSING = set("，。、；：！？）》」』”’】〉…")
_OPENING = set("（《「『“‘【〈")


def columns(text: str) -> int:
    """Terminal columns of ``text``: two for a wide (Chinese) character, none for a colour escape."""
    import unicodedata  # here, not at start-up: only a help page or an error measures text

    plain = _ANSI.sub("", text)
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in plain)


def wrap_text(
    text: str,
    width: int = 78,
    initial_indent: str = "",
    subsequent_indent: str = "",
    preserve_paragraphs: bool = False,
) -> str:
    """click's ``wrap_text`` by terminal columns: a Chinese line breaks between any two characters (not
    before closing punctuation) and fills the width it has, not twice it.  Text without wide characters
    is click's own wrapping, unchanged."""
    everything = text + initial_indent + subsequent_indent
    if columns(everything) == len(_ANSI.sub("", everything)):
        return CLICK_WRAP_TEXT(text, width, initial_indent, subsequent_indent, preserve_paragraphs)
    text = text.expandtabs()
    if not preserve_paragraphs:
        return "\n".join(_fill(_join_lines(text.splitlines()), width, initial_indent, subsequent_indent))
    out = []
    for paragraph in re.split(r"\n[ \t]*\n", text.strip("\n")):
        lines = paragraph.splitlines()
        if lines and lines[0].strip() == "\b":  # click's mark: keep this block's lines as they are
            out.append("\n".join(initial_indent + line for line in lines[1:]))
            continue
        extra = " " * (len(lines[0]) - len(lines[0].lstrip())) if lines else ""
        body = _join_lines(lines)
        out.append("\n".join(_fill(body, width, initial_indent + extra, subsequent_indent + extra)))
    return "\n\n".join(out)


def _join_lines(lines: list[str]) -> str:
    """Lines of one paragraph as one: nothing where the line break falls between two Chinese characters
    (a space there would show inside the sentence), a space anywhere else (between words)."""
    joined = ""
    for line in (line.strip() for line in lines):
        if not line:
            continue
        if joined and not (columns(joined[-1]) == 2 and columns(line[0]) == 2):
            joined += " "
        joined += line
    return joined


def _fill(text: str, width: int, initial_indent: str, subsequent_indent: str) -> list[str]:
    """``text`` in lines of at most ``width`` columns, broken only between :func:`_units`."""
    lines: list[str] = []
    line, used = initial_indent, columns(initial_indent)
    for spaced, unit in _units(text):
        gap = " " if spaced and line.strip() else ""
        need = columns(gap + unit)
        if used + need > width and line.strip():
            lines.append(line.rstrip())
            line, used, gap = subsequent_indent, columns(subsequent_indent), ""
            need = columns(unit)
        line += gap + unit
        used += need
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


_TOKEN = re.compile(r"\s+|[!-~]+|\S")  # a space, a run of ASCII (a word, a path, an option), one character


def _units(text: str) -> list[tuple[bool, str]]:
    """What a line may not be broken inside, each with whether a space comes before it: a word with the
    characters written against it (楷体_GB2312), a Chinese character with the closing marks after it
    (they never start a line), an opening mark with what follows it (it never ends one)."""
    units: list[tuple[bool, str]] = []
    spaced = opened = after_word = False
    for token in _TOKEN.findall(text):
        if token.isspace():
            spaced = True
            continue
        word = columns(token[0]) == 1
        if units and (opened or token in _CLOSING or (not spaced and (word or after_word))):
            before, unit = units[-1]
            units[-1] = (before, unit + token)  # a space before a closing mark is dropped
        else:
            units.append((spaced, token))
        opened, after_word, spaced = token in _OPENING, word, False
    return units

"""Declarative schemas for plain data (a parsed ``shuzhi.toml``): what each key may hold, said once.

A schema is a tree of specs — :class:`Table` (known keys, nothing else), :class:`ArrayOf` (an array of
tables), :class:`ListOf`, :class:`MapOf` (free keys, one kind of value), :class:`Text`,
:class:`Number`, :class:`Choice` — and :meth:`Spec.check` walks a value against it, returning every
:class:`Problem` at once with its key path.  The configuration loader turns problems into issues at
the line and column of the key (:mod:`pipeline.content.tomlsrc`), then builds its dataclasses from data
it knows to be well formed.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pipeline.content.tomlsrc import KeyPath
from pipeline.i18n import N_, _


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a value: where (``key_path``; ``at`` is the key to point at, when it is
    not the value itself, e.g. an unknown key in a table), what, and how to fix it."""

    key_path: KeyPath
    message: str
    hint: str = ""
    code: str = "config-value"
    at: KeyPath | None = None


def format_path(key_path: KeyPath) -> str:
    """``departments[1].authors``, ``lint.severity.hedging-minority``."""
    out = ""
    for part in key_path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass(frozen=True)
class Spec:
    """What one value may be.  ``message`` is said when it is not (a message id, translated when used)."""

    message: str = N_("must be a string")
    hint: str = ""

    def check(self, value: Any, key_path: KeyPath) -> list[Problem]:
        """Every problem of ``value`` (none when it fits)."""
        return [] if self.fits(value) else [self.problem(key_path)]

    def fits(self, value: Any) -> bool:
        raise NotImplementedError

    def problem(self, key_path: KeyPath, **fields: object) -> Problem:
        return Problem(key_path, _(self.message).format(**fields), _(self.hint) if self.hint else "")


@dataclass(frozen=True)
class Text(Spec):
    """A string; with ``non_empty``, one with something in it."""

    non_empty: bool = False

    def fits(self, value: Any) -> bool:
        return isinstance(value, str) and (bool(value.strip()) or not self.non_empty)


@dataclass(frozen=True)
class Number(Spec):
    """A number (never a boolean) with ``low < value`` (``low <= value`` when ``low_inclusive``) and
    ``value <= high``; with ``integer``, a whole number."""

    low: float = 0
    high: float = float("inf")
    low_inclusive: bool = False
    high_inclusive: bool = True
    integer: bool = False

    def fits(self, value: Any) -> bool:
        kinds = (int,) if self.integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds):
            return False
        above = value >= self.low if self.low_inclusive else value > self.low
        below = value <= self.high if self.high_inclusive else value < self.high
        return above and below


@dataclass(frozen=True)
class Choice(Spec):
    """One of ``values``; ``message`` may name the value given as ``{value}``."""

    values: tuple[str, ...] = ()

    def fits(self, value: Any) -> bool:
        return value in self.values

    def check(self, value: Any, key_path: KeyPath) -> list[Problem]:
        return [] if self.fits(value) else [self.problem(key_path, value=value)]


@dataclass(frozen=True)
class ListOf(Spec):
    """An array whose every item fits ``item``; one problem at the array when it is not."""

    item: Spec = field(default_factory=Text)

    def fits(self, value: Any) -> bool:
        return isinstance(value, list) and all(self.item.fits(v) for v in value)


@dataclass(frozen=True)
class MapOf(Spec):
    """A table with keys of the user's choosing, each value checked against ``value``."""

    value: Spec = field(default_factory=Text)

    def check(self, value: Any, key_path: KeyPath) -> list[Problem]:
        if not isinstance(value, dict):
            return [self.problem(key_path)]
        return [p for key, item in value.items() for p in self.value.check(item, (*key_path, key))]

    def fits(self, value: Any) -> bool:
        return not self.check(value, ())


@dataclass(frozen=True)
class Table(Spec):
    """A table of known keys (``fields``); any other key is a problem naming the allowed ones.

    The keys in ``required`` must be there and fit; when one does not, or the value is no table at
    all, the one problem is ``message`` at the table (``needs a non-empty code and name``).
    """

    message: str = N_("must be a table")
    fields: Mapping[str, Spec] = field(default_factory=dict)
    required: tuple[str, ...] = ()

    def check(self, value: Any, key_path: KeyPath) -> list[Problem]:
        if not isinstance(value, dict) or any(
            key not in value or not self.fields[key].fits(value[key]) for key in self.required
        ):
            return [self.problem(key_path)]
        problems = [
            _unknown_key(key_path, key, sorted(self.fields)) for key in sorted(set(value) - set(self.fields))
        ]
        for key, spec in self.fields.items():
            if key in value and key not in self.required:
                problems += spec.check(value[key], (*key_path, key))
        return problems

    def fits(self, value: Any) -> bool:
        return not self.check(value, ())


@dataclass(frozen=True)
class ArrayOf(Spec):
    """An array of tables (``[[departments]]``), each checked against ``item``; with ``non_empty``,
    at least one."""

    message: str = N_("must be a non-empty array of tables")
    item: Spec = field(default_factory=Table)
    non_empty: bool = True

    def check(self, value: Any, key_path: KeyPath) -> list[Problem]:
        if not isinstance(value, list) or (self.non_empty and not value):
            return [self.problem(key_path)]
        return [p for index, item in enumerate(value) for p in self.item.check(item, (*key_path, index))]

    def fits(self, value: Any) -> bool:
        return not self.check(value, ())


def _unknown_key(table: KeyPath, key: str, allowed: list[str]) -> Problem:
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    listed = _("allowed here: {keys}").format(keys=", ".join(allowed))
    guess = _("did you mean '{choice}'?").format(choice=close[0]) + " " if close else ""
    return Problem(
        table, _("unknown key {key!r}").format(key=key), guess + listed, "unknown-key", at=(*table, key)
    )

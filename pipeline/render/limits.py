"""Limits on a unit's own Word template: a template is code, and code can run away.

The Jinja sandbox stops a template from reaching Python's internals, but not from working forever
or filling memory: ``{{ 'x' * 10**9 }}``, nested loops of 100,000 each, ``range(10**9)``.  A
template renders here under four limits, each a :class:`TemplateLimitError` when exceeded (the
renderer reports it as a user error naming the template, its part and line):

* **sequence size** — ``*`` on text or lists, ``**`` on numbers, and every call or filter whose
  arguments ask for more than :attr:`RenderLimits.max_sequence` items or characters are refused
  *before* they run, so no gigabyte string is ever built;
* **loop work** — ``range()`` counts every number it hands out against one budget per render
  (:attr:`RenderLimits.max_loop_items`), so nested ``range`` loops stop early;
* **output size** — a template's output is streamed and counted, and stops at
  :attr:`RenderLimits.max_output` characters per part;
* **time** — a wall clock (:attr:`RenderLimits.seconds`) for loops that burn time without any of the
  above (``{% for a in s %}{% for b in s %}…``).  It is a ``SIGALRM`` timer, which interrupts the
  render between two Python bytecodes: it needs the main thread of a process, which is where every
  render runs (the CLI, or the main thread of a build worker process).  Off the main thread (an
  embedding application's thread) the time limit is not enforced and the other three still are.

The limits come from ``[render]`` in ``shuzhi.toml`` (``time-limit`` in seconds, ``max-output-mb``).
"""

from __future__ import annotations

import contextlib
import functools
import re
import signal
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import jinja2

from pipeline.i18n import _

MiB = 1024 * 1024


@dataclass(frozen=True)
class RenderLimits:
    """How much one render of a template may do."""

    seconds: float = 30.0
    max_output: int = 64 * MiB  # characters of XML one part may render to
    max_sequence: int = 1_000_000  # items or characters one operation may produce
    max_loop_items: int = 2_000_000  # numbers all range() calls of one render may hand out together
    max_power_bits: int = 4096  # size of the result of ** on whole numbers


DEFAULT_LIMITS = RenderLimits()


class TemplateLimitError(jinja2.TemplateRuntimeError):
    """A template exceeded one of the :class:`RenderLimits` (``kind``: what was exceeded)."""

    def __init__(self, kind: str, detail: str):
        super().__init__(detail)
        self.kind = kind
        self.detail = detail
        self.lineno: int | None = None  # the template line, when it is not in the traceback


class _Budget:
    """The loop work left to one render."""

    def __init__(self, limits: RenderLimits):
        self.limits = limits
        self.loop_items = 0

    def spend(self, items: int) -> None:
        self.loop_items += items
        if self.loop_items > self.limits.max_loop_items:
            raise TemplateLimitError(
                "loop",
                _("the loops ask for more than {limit:,} rounds").format(limit=self.limits.max_loop_items),
            )


def _sized(value: Any) -> int:
    try:
        return len(value)
    except TypeError:
        return 0


class LimitedMixin:
    """Sandbox hooks for a :class:`jinja2.sandbox.SandboxedEnvironment` subclass (list it first)."""

    intercepted_binops = frozenset({"*", "**", "%"})
    limits: RenderLimits = DEFAULT_LIMITS
    _budget: _Budget | None = None

    def install_limits(self) -> None:
        """Replace ``range`` and wrap every filter with the size checks (call once, from ``__init__``)."""
        env: Any = self
        env.globals["range"] = self._range
        env.filters = {name: _checked_filter(self, func) for name, func in env.filters.items()}

    @contextlib.contextmanager
    def limited(self, limits: RenderLimits) -> Iterator[None]:
        """Render under ``limits``: a fresh loop budget and the wall clock, for the ``with`` block."""
        previous_limits, previous_budget = self.limits, self._budget
        self.limits, self._budget = limits, _Budget(limits)
        try:
            with wall_clock(limits.seconds):
                yield
        finally:
            self.limits, self._budget = previous_limits, previous_budget

    # -- the hooks ---------------------------------------------------------------------------------

    def _range(self, *args: int) -> range:
        numbers = range(*args)
        if len(numbers) > self.limits.max_sequence:
            raise TemplateLimitError(
                "sequence",
                _("range() of {n:,} numbers (limit {limit:,})").format(
                    n=len(numbers), limit=self.limits.max_sequence
                ),
            )
        if self._budget is not None:
            self._budget.spend(len(numbers))
        return numbers

    def check_arguments(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        """Refuse a call whose whole-number argument asks for more than ``max_sequence``."""
        for value in (*args, *kwargs.values()):
            if (
                isinstance(value, int)
                and not isinstance(value, bool)
                and abs(value) > self.limits.max_sequence
            ):
                raise TemplateLimitError(
                    "sequence",
                    _("a call with the number {number} (limit {limit:,})").format(
                        number=_short(value), limit=self.limits.max_sequence
                    ),
                )

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        limit = self.limits.max_sequence
        if operator == "*":
            for sequence, times in ((left, right), (right, left)):
                if isinstance(times, int) and _sized(sequence) and _sized(sequence) * max(times, 0) > limit:
                    raise TemplateLimitError(
                        "sequence",
                        _("a repetition of {n:,} × {times} (limit {limit:,})").format(
                            n=_sized(sequence), times=_short(times), limit=limit
                        ),
                    )
        elif operator == "**":
            if (
                isinstance(left, int)
                and isinstance(right, int)
                and right > 0
                and max(abs(left), 2).bit_length() * right > self.limits.max_power_bits
            ):
                raise TemplateLimitError(
                    "sequence",
                    _("a power {base} ** {exponent} is too large").format(
                        base=_short(left), exponent=_short(right)
                    ),
                )
        elif operator == "%" and isinstance(left, str):
            self.check_arguments(tuple(int(w) for w in _format_widths(left)), {})
        result = super().call_binop(context, operator, left, right)  # type: ignore[misc]
        return result

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        __self.check_arguments(args, kwargs)
        result = super().call(__context, __obj, *args, **kwargs)  # type: ignore[misc]
        if _sized(result) > __self.limits.max_sequence and isinstance(result, (str, list, tuple)):
            raise TemplateLimitError(
                "sequence",
                _("a call produced {n:,} items (limit {limit:,})").format(
                    n=_sized(result), limit=__self.limits.max_sequence
                ),
            )
        return result


def _format_widths(text: str) -> list[str]:
    return re.findall(r"%[-+ #0]*(\d+)", text)


def _short(number: int) -> str:
    digits = len(str(abs(number))) if number.bit_length() < 4000 else number.bit_length() * 3 // 10
    return f"{number:,}" if digits <= 12 else _("a {digits}-digit number").format(digits=digits)


def _checked_filter(env: LimitedMixin, func: Callable[..., Any]) -> Callable[..., Any]:
    """``func`` with the size check on its arguments (jinja's pass_context & co. markers kept)."""

    @functools.wraps(func)
    def checked(*args: Any, **kwargs: Any) -> Any:
        env.check_arguments(tuple(a for a in args[1:] if isinstance(a, int)), kwargs)
        return func(*args, **kwargs)

    return checked


class LimitedTemplate(jinja2.Template):
    """A template whose output is streamed and stops at the environment's ``max_output``."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        env: Any = self.environment
        limit = env.limits.max_output if isinstance(env, LimitedMixin) else None
        context = self.new_context(dict(*args, **kwargs))
        chunks: list[str] = []
        size = 0
        stream = self.root_render_func(context)
        try:
            for chunk in stream:
                size += len(chunk)
                if limit is not None and size > limit:
                    break
                chunks.append(chunk)
        except Exception as failure:
            frame = getattr(stream, "gi_frame", None)
            if isinstance(failure, TemplateLimitError) and frame is not None:
                # the clock ran out here, between two chunks, not inside the template: its traceback
                # has no template line, so say where the (suspended) template was
                failure.lineno = self.get_corresponding_lineno(frame.f_lineno)
                getattr(stream, "close", lambda: None)()
            # jinja rewrites the traceback so that it shows template lines, as Template.render does
            return env.handle_exception()
        else:
            if limit is not None and size > limit:
                error = TemplateLimitError(
                    "output", _("the output exceeds {mb:,} MB").format(mb=limit // MiB)
                )
                frame = getattr(stream, "gi_frame", None)  # where the template was when it overflowed
                error.lineno = self.get_corresponding_lineno(frame.f_lineno) if frame is not None else None
                getattr(stream, "close", lambda: None)()
                raise error
        return "".join(chunks)


class RenderTimeout(TemplateLimitError):
    """The wall clock of a render ran out."""


@contextlib.contextmanager
def wall_clock(seconds: float) -> Iterator[None]:
    """Raise :class:`RenderTimeout` inside the block when it runs longer than ``seconds``.

    Only in the main thread (``SIGALRM``); elsewhere the block runs without a clock.
    """
    if (
        seconds <= 0
        or threading.current_thread() is not threading.main_thread()
        or not hasattr(signal, "setitimer")
    ):
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise RenderTimeout("time", _("the render ran longer than {seconds:g} s").format(seconds=seconds))

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

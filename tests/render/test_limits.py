"""The limits a template renders under (pipeline/render/limits.py), on the environment itself."""

from __future__ import annotations

import threading

import jinja2
import pytest

from pipeline.render.document import jinja_environment
from pipeline.render.limits import RenderLimits, RenderTimeout, TemplateLimitError, wall_clock

FAST = RenderLimits(seconds=1, max_output=100_000)  # only the loop that merely burns time meets the clock
ROOMY = RenderLimits(seconds=60, max_output=100_000)  # the other limits are met long before any clock


def _render(source: str, limits: RenderLimits = FAST) -> str:
    environment = jinja_environment()
    with environment.limited(limits):
        return environment.from_string(source).render()


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("{{ 'x' * 10**9 }}", "sequence"),
        ("{{ 10**9 * 'x' }}", "sequence"),
        ("{{ [1, 2] * 600000 }}", "sequence"),
        ("{{ 3 ** 100000 }}", "sequence"),
        ("{{ '%0999999999d' % 1 }}", "sequence"),
        ("{{ 'x' | center(10**8) }}", "sequence"),
        ("{{ 'x'.ljust(10**8) }}", "sequence"),
        ("{% for i in range(10**9) %}{% endfor %}", "sequence"),
        ("{% for a in range(2000) %}{% for b in range(2000) %}{% endfor %}{% endfor %}", "loop"),
        ("{% for i in range(200000) %}xxxxxxxxxx{% endfor %}", "output"),
        ("{% for a in 'x' * 100000 %}{% for b in 'y' * 100000 %}{% endfor %}{% endfor %}", "time"),
    ],
)
def test_runaway_templates_stop(source: str, kind: str) -> None:
    with pytest.raises(TemplateLimitError) as caught:
        _render(source, FAST if kind == "time" else ROOMY)
    assert caught.value.kind == kind


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ 'ab' * 3 }}", "ababab"),
        ("{% for i in range(3) %}{{ i }}{% endfor %}", "012"),
        ("{{ 2 ** 10 }}", "1024"),
        ("{{ 'x' | center(5) }}", "  x  "),
        ("{{ '%05d' % 42 }}", "00042"),
        ("{{ [1] * 3 }}", "[1, 1, 1]"),
    ],
)
def test_ordinary_templates_are_untouched(source: str, expected: str) -> None:
    assert _render(source) == expected


def test_the_budget_is_per_render() -> None:
    source = "{% for i in range(900000) %}{% endfor %}"  # three renders: 2.7 million rounds in all
    for _ in range(3):  # each render gets its own loop budget
        assert _render(source, RenderLimits(seconds=5, max_output=100_000)) == ""


def test_the_limits_are_restored_after_a_render() -> None:
    environment = jinja_environment()
    before = environment.limits
    with pytest.raises(TemplateLimitError):
        _render("{{ 'x' * 10**9 }}")
    assert environment.limits is before


def test_the_clock_needs_the_main_thread() -> None:
    """Off the main thread there is no SIGALRM: the block runs unclocked (documented)."""
    ran: list[bool] = []

    def work() -> None:
        with wall_clock(0.01):
            ran.append(True)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert ran == [True]


def test_the_clock_interrupts() -> None:
    with pytest.raises(RenderTimeout), wall_clock(0.05):
        while True:
            pass


def test_a_limit_error_is_a_template_error() -> None:
    assert issubclass(TemplateLimitError, jinja2.TemplateError)


def test_the_clock_says_where_the_template_was_wherever_it_runs_out() -> None:
    """SIGALRM lands inside the template or between two of its chunks (then no template frame is on
    the stack): either way the error knows the line, which the message shows as the paragraph."""
    from pipeline.render.document import _template_line

    source = "before\n{% for a in range(10**5) %}{% for b in range(10**5) %}x{% endfor %}{% endfor %}\nafter"
    environment = jinja_environment()
    lines = set()
    for _ in range(12):
        with pytest.raises(RenderTimeout) as caught, environment.limited(RenderLimits(seconds=0.02)):
            environment.from_string(source).render()
        lines.add(_template_line(caught.value))
    assert lines == {2}

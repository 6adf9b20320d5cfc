"""Rows 6–8: a unit's own template is code — it runs with limits on output size, loop work and time;
and the passing list's sandbox escapes and template injection through content stay refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile.harness import UNIT, assert_no_secret, assert_no_traceback, run_cli, template_with, unchanged

#: Tags that must fail as a user error naming the template part and line, fast, replacing nothing.
RUNAWAY = [
    pytest.param("{{ 'x' * 10**9 }}", id="string-times-billion"),
    pytest.param("{{ 'x' * 10**6 * 10**3 }}", id="string-times-chained"),
    pytest.param("{{ ['x'] * 10**9 }}", id="list-times-billion"),
    pytest.param("{{ 7 ** 123456789 }}", id="huge-power"),
    pytest.param("{% for i in range(10**9) %}x{% endfor %}", id="range-billion"),
    pytest.param(
        "{% for a in range(100000) %}{% for b in range(100000) %}x{% endfor %}{% endfor %}",
        id="nested-range-loops",
    ),
    pytest.param(
        "{% for a in 'x' * 100000 %}{% for b in 'y' * 100000 %}{% endfor %}{% endfor %}",
        id="nested-loops-no-output",
    ),
    pytest.param("{{ 'x' | center(10**9) }}", id="filter-huge-width"),
    pytest.param(
        "{% set s = 'x' * 100000 %}{% for i in range(100000) %}{{ s }}{% endfor %}", id="output-flood"
    ),
]


@pytest.mark.parametrize("tag", RUNAWAY)
def test_runaway_template_is_a_user_error_and_replaces_nothing(ws: Path, tag: str) -> None:
    own = template_with(ws, tag)
    config = ws / "shuzhi.toml"  # a short time limit keeps the loops that only burn time quick to test
    config.write_text(config.read_text("utf-8") + "\n[render]\ntime-limit = 1\n", "utf-8")
    with unchanged(ws):
        result = run_cli(ws, "build", "-j1", "-q", UNIT)
    assert result.code == 2, result.output
    assert_no_traceback(result)
    assert f"drafts/{UNIT}/{own.name}" in result.output
    assert "word/document.xml" in result.output  # the part …
    assert tag[:30] in result.output  # … and the paragraph of the line where it stopped


@pytest.mark.parametrize(
    "tag",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ self._TemplateReference__context }}",
        "{{ lipsum.__globals__['os'].system('touch /tmp/pwned') }}",
        "{{ range.__self__ }}",
        "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
        "{{ config.items() }}",
        "{{ request }}",
    ],
)
def test_sandbox_escapes_are_refused(ws: Path, tag: str) -> None:
    template_with(ws, tag)
    with unchanged(ws):
        result = run_cli(ws, "build", "-j1", "-q", UNIT)
    assert result.code == 2, result.output
    assert_no_traceback(result)
    assert not Path("/tmp/pwned").exists()


@pytest.mark.parametrize(
    "text", ["{{ 7*7 }}", "{% for x in range(3) %}X{% endfor %}", "<w:p>&amp;", "]]>&lt;"]
)
def test_content_is_never_run_as_a_template(ws: Path, text: str) -> None:
    report = ws / "drafts" / UNIT / "v2" / "report.yaml"
    source = report.read_text("utf-8")
    report.write_text(source.replace("opening: |\n", f"opening: |\n  {text}\n", 1), "utf-8")
    result = run_cli(ws, "build", "-j1", "-q", UNIT)
    assert result.code == 0, result.output
    from support.docx_text import paragraph_texts

    texts = paragraph_texts(ws / "build" / UNIT / "v2" / "report.docx")
    assert text in texts
    assert_no_secret(result)


def test_a_good_own_template_still_renders(ws: Path) -> None:
    template_with(ws, "{{ unit_name }}（{{ version }}）{% for i in range(3) %}·{% endfor %}")
    result = run_cli(ws, "build", "-j1", "-q", UNIT)
    assert result.code == 0, result.output

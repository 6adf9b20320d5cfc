"""Row 9 and the passing list's YAML cases: deep nesting, alias bombs, control characters, GBK — and
row 5: a paragraph of more than 10 MB is rendered whole, never cut short."""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile.harness import UNIT, assert_no_traceback, run_cli, unchanged

REPORT = f"drafts/{UNIT}/v2/report.yaml"

# Every command that reads a report.yaml, and how it is called.
READERS = [
    ("validate",),
    ("validate", REPORT),
    ("lint", "--latest"),
    ("lint", REPORT),
    ("publish", UNIT),
    ("feedback", "check"),
    ("new-draft", UNIT),
    ("build", "-j1", "-q"),
    ("check", "-j1"),
]


def _flow(depth: int) -> str:
    return "date: 2026-01-15\nopening: " + "[" * depth + "]" * depth + "\n"


def _block(depth: int) -> str:
    lines = ["date: 2026-01-15", "opening:"]
    lines += ["  " * (level + 1) + "k:" for level in range(depth)]
    return "\n".join(lines) + "\n" + "  " * (depth + 1) + "x\n"


# The nesting and the line where it first goes past the limit of 64 levels.
DEEP = {
    "flow-500": (_flow(500), 2),
    "flow-1000": (_flow(1000), 2),
    "flow-200000": (_flow(200_000), 2),
    "block-600": (_block(600), 67),
    "maps-800": ("date: 2026-01-15\nopening: " + "{a: " * 800 + "1" + "}" * 800 + "\n", 2),
}


@pytest.mark.parametrize("case", sorted(DEEP))
def test_deep_nesting_is_a_user_error_with_its_line(ws: Path, case: str) -> None:
    text, line = DEEP[case]
    (ws / REPORT).write_text(text, "utf-8")
    with unchanged(ws):
        result = run_cli(ws, "validate")
    assert result.code == 2, result.output
    assert_no_traceback(result)
    assert f"{REPORT}:{line}: " in result.output


@pytest.mark.parametrize("case", ["flow-1000", "block-600"])
@pytest.mark.parametrize("args", READERS, ids=lambda a: " ".join(a))
def test_no_command_lets_a_recursion_error_through(ws: Path, case: str, args: tuple[str, ...]) -> None:
    (ws / REPORT).write_text(DEEP[case][0], "utf-8")
    with unchanged(ws):
        result = run_cli(ws, *args)
    assert result.code == 2, result.output
    assert_no_traceback(result)
    assert "RecursionError" not in result.output
    assert f"{REPORT}:{DEEP[case][1]}" in result.output


BOMBS = [
    pytest.param(
        "a: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
            f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
            f"*{chr(97 + i)}]\n"
            for i in range(9)
        ),
        id="alias-bomb",
    ),
    pytest.param("date: 2026-01-15\nopening: &a [x, *a]\n", id="recursive-alias"),
    pytest.param("date: 2026-01-15\nopening: 正文\x07响铃\n", id="control-character"),
    pytest.param('date: 2026-01-15\nopening: "\\x07"\n', id="escaped-control-character"),
    pytest.param("date: 2026-01-15\nopening: x\nopening: y\n", id="duplicate-key"),
    pytest.param("date: !!python/object/apply:os.system ['touch /tmp/pwned-yaml']\n", id="python-tag"),
    pytest.param("\ufeff\ufeff: [", id="garbage"),
]


@pytest.mark.parametrize("text", BOMBS)
def test_hostile_yaml_is_refused(ws: Path, text: str) -> None:
    (ws / REPORT).write_text(text, "utf-8")
    with unchanged(ws):
        result = run_cli(ws, "validate")
    assert result.code == 2, result.output
    assert_no_traceback(result)
    assert REPORT in result.output
    assert not Path("/tmp/pwned-yaml").exists()


def test_gbk_file_is_refused_with_its_position(ws: Path) -> None:
    (ws / REPORT).write_bytes("date: 2026-01-15\nopening: 中文正文\n".encode("gbk"))
    with unchanged(ws):
        result = run_cli(ws, "validate")
    assert result.code == 2, result.output
    assert f"{REPORT}:2:" in result.output


def test_a_paragraph_over_ten_megabytes_is_rendered_whole(ws: Path) -> None:
    """Row 5: libxml2 cut a text node over 10 MB under docxtpl's forgiving parse, exit 0."""
    import zipfile

    for extra in ("v2",):  # one draft only: no redline of 10 MB paragraphs is needed to show it
        import shutil

        shutil.rmtree(ws / "drafts" / UNIT / extra)
    report = ws / "drafts" / UNIT / "v1" / "report.yaml"
    tail = "全文结束标记"
    long = "长" * 3_600_000 + tail  # 10.8 MB of UTF-8 in one paragraph, under the 16 MiB file limit
    source = report.read_text("utf-8")
    report.write_text(source.replace("opening: |\n", f"opening: |\n  {long}\n", 1), "utf-8")
    config = ws / "shuzhi.toml"  # this is about truncation, not speed: no clock on a busy machine
    config.write_text(config.read_text("utf-8") + "\n[render]\ntime-limit = 3600\n", "utf-8")
    result = run_cli(ws, "build", "-j1", "-q", UNIT)
    assert result.code == 0, result.output
    with zipfile.ZipFile(ws / "build" / UNIT / "v1" / "report.docx") as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert tail in body and body.count("长") >= 3_600_000

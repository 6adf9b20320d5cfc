"""Rows 1–4 of the attack table: symlinks out of the workspace, templates outside it, unit names that
are paths, and output options aimed at the drafts or at the command's own inputs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from hostile.harness import (
    SECRET,
    UNIT,
    assert_no_secret,
    assert_no_traceback,
    outside_secret,
    read_parts,
    run_cli,
    set_unit_key,
    snapshot,
    unchanged,
    unit_yaml_line,
    write_parts,
)

REPORT = f"drafts/{UNIT}/v2/report.yaml"

# Every command that reads the unit's content files, and how it is called.
READERS = [
    ("validate",),
    ("validate", REPORT),
    ("lint", "--latest"),
    ("lint", REPORT),
    ("build", "-j1", "-q"),
    ("check", "-j1", "--github"),
    ("publish", UNIT),
    ("feedback", "check"),
    ("new-draft", UNIT),
]


def _link(ws: Path, relative: str, target: Path) -> Path:
    path = ws / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() or path.is_symlink():
        path.unlink()
    path.symlink_to(target)
    return path


@pytest.mark.parametrize("args", READERS, ids=lambda a: " ".join(a))
def test_report_symlinked_outside_is_refused_never_echoed(
    ws: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    _link(ws, REPORT, outside_secret(tmp_path))
    with unchanged(ws):
        result = run_cli(ws, *args)
    assert result.code == 2, result.output
    assert_no_traceback(result)
    assert_no_secret(result)
    assert REPORT in result.output  # the link that points out is named (not where it points)


@pytest.mark.parametrize("name", ["notes.txt", "notes.md", "review.docx"])
def test_lint_of_a_prose_file_symlinked_outside(ws: Path, tmp_path: Path, name: str) -> None:
    secret = outside_secret(tmp_path, "secret" + Path(name).suffix)
    secret.write_text(f"{SECRET} 我们不断加强，进一步提高。\n", "utf-8")
    link = _link(ws, f"drafts/{UNIT}/{name}", secret)
    result = run_cli(ws, "lint", link)
    assert result.code == 2, result.output
    assert_no_secret(result)
    assert f"drafts/{UNIT}/{name}" in result.output


def test_check_sarif_and_annotations_hold_no_secret(ws: Path, tmp_path: Path) -> None:
    _link(ws, REPORT, outside_secret(tmp_path))
    sarif = ws / "check.sarif"
    result = run_cli(ws, "check", "-j1", "--github", "--sarif", sarif)
    assert result.code == 2, result.output
    assert sarif.is_file()
    assert_no_secret(result, sarif)


@pytest.mark.parametrize(
    "relative",
    [
        f"drafts/{UNIT}/v1/feedback/rs.yaml",
        f"drafts/{UNIT}/v2/responses.yaml",
        f"drafts/{UNIT}/unit.yaml",
        "templates/questions/standard.yaml",
    ],
)
def test_other_content_files_symlinked_outside(ws: Path, tmp_path: Path, relative: str) -> None:
    _link(ws, relative, outside_secret(tmp_path))
    with unchanged(ws):
        result = run_cli(ws, "check", "-j1", "--github")
    assert result.code == 2, result.output
    assert_no_secret(result)
    assert relative in result.output


def test_unit_folder_symlinked_outside(ws: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    (outside / "v1").mkdir(parents=True)
    (outside / "unit.yaml").write_text((ws / "drafts" / UNIT / "unit.yaml").read_text("utf-8"), "utf-8")
    outside_secret(tmp_path)
    os.symlink(tmp_path / "outside" / "secret.yaml", outside / "v1" / "report.yaml")
    _link(ws, "drafts/evil", outside)
    with unchanged(ws):
        result = run_cli(ws, "build", "-j1", "-q", "evil")
    assert result.code == 2, result.output
    assert_no_secret(result)
    assert "drafts/evil" in result.output


@pytest.mark.parametrize(
    "relative",
    [REPORT, "templates/extra.txt", f"drafts/{UNIT}/notes.txt", f"drafts/{UNIT}/v1/feedback/rs.yaml"],
)
def test_a_file_outside_is_never_even_opened(
    ws: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, relative: str
) -> None:
    """Refused *before it is opened*: the build's input hashing does not read it either."""
    import builtins
    import io

    secret = outside_secret(tmp_path)
    _link(ws, relative, secret)
    opened: list[str] = []
    real_open, real_io_open = builtins.open, io.open

    def watch(opener):  # type: ignore[no-untyped-def]
        def wrapped(file, *args, **kwargs):  # type: ignore[no-untyped-def]
            if isinstance(file, (str, os.PathLike)) and os.path.realpath(file) == str(secret.resolve()):
                opened.append(str(file))
            return opener(file, *args, **kwargs)

        return wrapped

    monkeypatch.setattr(builtins, "open", watch(real_open))
    monkeypatch.setattr(io, "open", watch(real_io_open))
    for args in (("build", "-j1", "-q"), ("check", "-j1"), ("validate",)):
        result = run_cli(ws, *args)
        assert_no_secret(result)
    assert not opened, opened


def test_symlink_inside_the_workspace_is_fine(ws: Path) -> None:
    """Confinement is about where a path leads, not about symlinks as such."""
    (ws / "shared").mkdir()
    real = ws / "shared" / "report.yaml"
    real.write_bytes((ws / REPORT).read_bytes())
    _link(ws, REPORT, real)
    result = run_cli(ws, "validate")
    assert result.code == 0, result.output


# --- row 2: a unit's own template outside the workspace ------------------------------------------


def _docx_outside(tmp_path: Path, ws: Path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir(exist_ok=True)
    return write_parts(folder / "their.docx", read_parts(ws / "templates" / "report.docx"))


@pytest.mark.parametrize("kind", ["absolute-system", "dotdot-system", "docx-outside", "symlink-outside"])
@pytest.mark.parametrize("command", [("validate",), ("build", "-j1", "-q"), ("check", "-j1")])
def test_unit_template_outside_is_refused_at_its_line(
    ws: Path, tmp_path: Path, kind: str, command: tuple[str, ...]
) -> None:
    secret = outside_secret(tmp_path)
    if kind == "absolute-system":
        value = str(secret)
    elif kind == "dotdot-system":
        value = os.path.relpath(secret, ws / "drafts" / UNIT)
    elif kind == "docx-outside":
        value = str(_docx_outside(tmp_path, ws))
    else:
        _link(ws, f"drafts/{UNIT}/own.docx", _docx_outside(tmp_path, ws))
        value = "own.docx"
    set_unit_key(ws, "template", value)
    line = unit_yaml_line(ws, "template")
    with unchanged(ws):
        result = run_cli(ws, *command)
    assert result.code == 2, result.output
    assert_no_traceback(result)
    assert_no_secret(result)
    assert f"drafts/{UNIT}/unit.yaml:{line}" in result.output


def test_template_in_a_configured_template_directory_is_allowed(ws: Path, tmp_path: Path) -> None:
    their = _docx_outside(tmp_path, ws)
    config = ws / "shuzhi.toml"
    config.write_text(f'template-dirs = ["{their.parent}"]\n' + config.read_text("utf-8"), "utf-8")
    set_unit_key(ws, "template", str(their))
    result = run_cli(ws, "validate")
    assert result.code == 0, result.output
    result = run_cli(ws, "build", "-j1", "-q", "--force")
    assert result.code == 0, result.output


def test_question_set_id_is_a_name(ws: Path, tmp_path: Path) -> None:
    secret = outside_secret(tmp_path)
    set_unit_key(ws, "questions", os.path.relpath(secret.with_suffix(""), ws / "templates" / "questions"))
    with unchanged(ws):
        result = run_cli(ws, "validate")
    assert result.code == 2, result.output
    assert_no_secret(result)
    assert f"drafts/{UNIT}/unit.yaml:{unit_yaml_line(ws, 'questions')}" in result.output


# --- row 3: unit names are names -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["../evil", "../../evil", "/tmp/evil", "a/b", "..", ".", ""])
@pytest.mark.parametrize("command", ["import", "feedback import", "publish", "new-draft", "build"])
def test_unit_name_that_is_a_path_is_refused(ws: Path, tmp_path: Path, name: str, command: str) -> None:
    source = ws / "build" / UNIT / "v2" / "report.docx"
    args: list[str | Path] = {
        "import": ["import", source, name],
        "feedback import": ["feedback", "import", source, name, "--draft", "v2", "--department", "rs"],
        "publish": ["publish", name],
        "new-draft": ["new-draft", name],
        "build": ["build", "-j1", "-q", name],
    }[command]
    before = snapshot(tmp_path)
    with unchanged(ws):
        result = run_cli(ws, *args)
    assert result.code == 2, result.output
    assert_no_traceback(result)
    assert not (ws / "evil").exists() and not (ws.parent / "evil").exists()
    assert snapshot(tmp_path).keys() == before.keys()  # nothing written anywhere


# --- row 4: output options never overwrite a draft or an input ---------------------------------------


def _outputs_cases(ws: Path) -> list[list[str | Path]]:
    old, new = ws / "build" / UNIT / "v1" / "report.docx", ws / "build" / UNIT / "v2" / "report.docx"
    results = ws / "drafts" / UNIT / "evaluation" / "results.csv"
    return [
        ["redline", old, new, "-o", ws / REPORT],
        ["redline", old, new, "-o", "drafts/new.docx"],
        ["redline", old, new, "-o", old],
        ["redline", old, new, "-o", new],
        ["lint", REPORT, "-o", ws / REPORT],
        ["lint", "--latest", "--output", f"drafts/{UNIT}/lint.txt"],
        ["check", "-j1", "--sarif", ws / REPORT],
        ["check", "-j1", "--sarif", f"drafts/{UNIT}/v2/check.sarif"],
        ["evaluation", "tally", UNIT, results, "--chart", ws / REPORT],
        ["evaluation", "tally", UNIT, results, "--chart", results],
    ]


@pytest.mark.parametrize("case", range(10))
def test_output_option_aimed_at_drafts_or_an_input(ws: Path, case: int) -> None:
    args = _outputs_cases(ws)[case]
    inputs = {str(a) for a in args if isinstance(a, Path) and a.exists()}
    before = {p: Path(p).read_bytes() for p in inputs}
    with unchanged(ws):
        result = run_cli(ws, *args)
    assert result.code == 2, result.output
    assert_no_traceback(result)
    assert {p: Path(p).read_bytes() for p in inputs} == before
    assert SECRET not in result.output


def test_pdf_never_writes_into_drafts(ws: Path) -> None:
    """``shuzhi pdf`` writes each PDF next to its .docx: a .docx kept under drafts/ is refused."""
    attachment = ws / "drafts" / UNIT / "附件.docx"
    attachment.write_bytes((ws / "build" / UNIT / "v1" / "report.docx").read_bytes())
    with unchanged(ws):
        result = run_cli(ws, "pdf", attachment)
    assert result.code == 2, result.output
    assert_no_traceback(result)
    assert not attachment.with_suffix(".pdf").exists()


def test_output_options_still_write_elsewhere(ws: Path, tmp_path: Path) -> None:
    old, new = ws / "build" / UNIT / "v1" / "report.docx", ws / "build" / UNIT / "v2" / "report.docx"
    out = tmp_path / "out.docx"
    result = run_cli(ws, "redline", old, new, "-o", out)
    assert result.code == 0, result.output
    assert out.is_file()


@pytest.mark.parametrize("command", [("publish", UNIT), ("build", "-j1", "-q", "--force")])
def test_build_folder_linked_outside_is_never_written(
    ws: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.rmtree(ws / "build")
    (ws / "build").symlink_to(elsewhere)
    result = run_cli(ws, *command)
    assert result.code == 2, result.output
    assert_no_traceback(result)
    assert not any(elsewhere.rglob("*")), "something was written outside the workspace"

"""The confinement policy in one place: names, links, outputs (pipeline/content/confine.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.content import confine
from pipeline.errors import UserError


@pytest.mark.parametrize(
    ("name", "plain"),
    [
        ("qingshigang", True),
        ("第二单位", True),
        ("unit-2_b", True),
        ("../evil", False),
        ("..", False),
        (".", False),
        ("", False),
        ("a/b", False),
        ("a\\b", False),
        ("/tmp/x", False),
        (".hidden", False),
        ("_private", False),
        ("nul\x00", False),
    ],
)
def test_unit_names_are_names(name: str, plain: bool) -> None:
    issue = confine.unit_name_issue(name)
    assert (issue is None) is plain
    if issue is not None:
        assert issue.code == "unit-name"


@pytest.fixture()
def workspace(tmp_path: Path) -> Path:
    ws = tmp_path / "ws"
    (ws / "drafts" / "u" / "v1").mkdir(parents=True)
    (ws / "shuzhi.toml").write_text("", "utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text("secret", "utf-8")
    return ws


def test_a_link_out_is_blamed_on_the_link(workspace: Path, tmp_path: Path) -> None:
    link = workspace / "drafts" / "u" / "v1" / "report.yaml"
    link.symlink_to(tmp_path / "outside" / "secret.txt")
    issue = confine.outside_issue(link)
    assert issue is not None and issue.code == "outside-workspace"
    assert issue.path == link


def test_a_linked_folder_is_blamed_on_the_folder(workspace: Path, tmp_path: Path) -> None:
    (workspace / "drafts" / "evil").symlink_to(tmp_path / "outside")
    issue = confine.outside_issue(workspace / "drafts" / "evil" / "secret.txt")
    assert issue is not None and issue.path == workspace / "drafts" / "evil"


def test_a_setting_is_blamed_on_its_line(workspace: Path, tmp_path: Path) -> None:
    unit_yaml = workspace / "drafts" / "u" / "unit.yaml"
    issue = confine.outside_issue(
        Path("/etc/passwd"), workspace, referrer=unit_yaml, line=7, key_path="template"
    )
    assert issue is not None and (issue.path, issue.line, issue.key_path) == (unit_yaml, 7, "template")


@pytest.mark.parametrize("inside", ["drafts/u/v1/report.yaml", "templates/report.docx", "build/u/x.docx"])
def test_inside_is_fine(workspace: Path, inside: str) -> None:
    assert confine.outside_issue(workspace / inside) is None


def test_a_configured_template_folder_is_allowed(workspace: Path, tmp_path: Path) -> None:
    (workspace / "shuzhi.toml").write_text(f'template-dirs = ["{tmp_path / "outside"}"]\n', "utf-8")
    os.utime(workspace / "shuzhi.toml", ns=(1, 1))  # a new configuration, seen as such by the cache
    link = workspace / "drafts" / "u" / "own.docx"
    link.symlink_to(tmp_path / "outside" / "secret.txt")
    assert confine.outside_issue(link) is None


def test_a_file_outside_any_workspace_is_the_users_own(tmp_path: Path) -> None:
    (tmp_path / "loose").mkdir()
    (tmp_path / "loose" / "a.txt").write_text("x", "utf-8")
    assert confine.workspace_of(tmp_path / "loose" / "a.txt") is None
    assert confine.outside_issue(tmp_path / "loose" / "a.txt") is None


@pytest.mark.parametrize(
    ("target", "refused"),
    [
        ("drafts/u/v1/report.yaml", True),
        ("drafts/new.docx", True),
        ("drafts", True),
        ("build/out.docx", False),
        ("out.sarif", False),
    ],
)
def test_output_options_never_write_into_drafts(workspace: Path, target: str, refused: bool) -> None:
    if refused:
        with pytest.raises(UserError) as caught:
            confine.check_output(workspace / target, option="-o")
        assert caught.value.issues[0].code == "output-target"
    else:
        assert confine.check_output(workspace / target, option="-o") == workspace / target


def test_an_output_that_is_an_input_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "a.docx"
    source.write_bytes(b"x")
    os.link(source, tmp_path / "hard.docx")
    (tmp_path / "soft.docx").symlink_to(source)
    for output in (source, tmp_path / "hard.docx", tmp_path / "soft.docx", tmp_path / "." / "a.docx"):
        with pytest.raises(UserError):
            confine.check_output(output, option="-o", inputs=[source])
    assert confine.check_output(tmp_path / "b.docx", option="-o", inputs=[source]) == tmp_path / "b.docx"

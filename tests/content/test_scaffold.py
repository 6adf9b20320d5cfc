"""``shuzhi init`` and ``shuzhi new-draft``: useful files, never an overwrite."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.cli.main import main
from pipeline.content.workspace import load_workspace

REPO = Path(__file__).resolve().parents[2]


def test_init_creates_a_loadable_workspace(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path / "ws"), "--unit", "demo", "--name", "演示关"]) == 0
    ws = tmp_path / "ws"
    for name in (
        "shuzhi.toml",
        "Makefile",
        ".gitignore",
        ".pre-commit-config.yaml",
        ".github/workflows/drafts.yml",
        "templates/report.docx",
        "templates/questions/standard.yaml",
        "drafts/demo/unit.yaml",
    ):
        assert (ws / name).is_file(), name
    workspace = load_workspace(ws)
    assert workspace.units[0].unit.name == "演示关"
    assert workspace.units[0].drafts == ()
    assert [d.name for d in workspace.config.departments] == ["政工", "人事", "纪检监察", "巡视", "督审"]


@pytest.mark.parametrize(
    ("args", "organisation"),
    [
        (["--name", "演示关"], "中共演示关委员会"),
        (["--name", "演示关", "--organisation", "中共演示关党委"], "中共演示关党委"),
        ([], "中共示例单位委员会"),
    ],
)
def test_init_writes_the_name_given_everywhere(tmp_path: Path, args: list[str], organisation: str) -> None:
    """No file init writes (nor the first draft after it) keeps the default unit's name once one is given."""
    ws = tmp_path / "ws"
    assert main(["init", str(ws), "--unit", "demo", *args]) == 0
    assert main(["new-draft", "demo", "--root", str(ws)]) == 0
    unit = load_workspace(ws).units[0].unit
    assert unit.organisation == organisation
    if args:
        texts = {p: p.read_bytes() for p in ws.rglob("*") if p.is_file() and p.suffix != ".docx"}
        assert texts
        left = [str(p.relative_to(ws)) for p, data in texts.items() if "示例单位".encode() in data]
        assert not left, left


def test_init_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "shuzhi.toml").write_text("# mine\n", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 2
    assert "shuzhi.toml: already exists; nothing was written" in capsys.readouterr().err
    assert (tmp_path / "shuzhi.toml").read_text(encoding="utf-8") == "# mine\n"
    assert not (tmp_path / "templates").exists()


def test_init_keep_existing_writes_only_the_missing_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "README.md").write_text("# our drafts\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("*.tmp\n", encoding="utf-8")
    assert main(["init", str(tmp_path), "--unit", "demo", "--keep-existing"]) == 0
    out = capsys.readouterr().out
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "# our drafts\n"
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "*.tmp\n"
    assert "README.md" not in out and "created " in out and (tmp_path / "shuzhi.toml").is_file()
    assert load_workspace(tmp_path).units[0].unit.id == "demo"
    assert main(["init", str(tmp_path), "--unit", "demo", "--keep-existing"]) == 0
    assert "nothing to write" in capsys.readouterr().out


@pytest.mark.parametrize("bad_id", ["Demo", "../x", "", "a b"])
def test_init_rejects_unit_ids_that_are_not_folder_names(tmp_path: Path, bad_id: str) -> None:
    assert main(["init", str(tmp_path / "ws"), "--unit", bad_id]) == 2
    assert not (tmp_path / "ws").exists()


def test_new_draft_v1_skeleton_lists_every_question(tmp_path: Path) -> None:
    main(["init", str(tmp_path), "--unit", "demo"])
    assert main(["new-draft", "demo", "--root", str(tmp_path), "--date", "2026-01-02"]) == 0
    draft = load_workspace(tmp_path).units[0].drafts[0]
    assert draft.report.date == dt.date(2026, 1, 2)
    assert [a.question for area in draft.report.areas for a in area.answers] == [
        f"Q{i}" for i in range(1, 17)
    ]


def test_new_draft_copies_the_last_draft_and_lists_feedback_to_answer(tmp_path: Path) -> None:
    shutil.copytree(REPO / "drafts", tmp_path / "drafts")
    shutil.copytree(REPO / "templates", tmp_path / "templates")
    shutil.copy2(REPO / "shuzhi.toml", tmp_path / "shuzhi.toml")
    unit = load_workspace(tmp_path).units[0]
    # Pretend the last draft with feedback is the latest one: remove the drafts after it.
    with_feedback = max(d.version for d in unit.drafts if (d.dir / "feedback").is_dir())
    for draft in unit.drafts:
        if draft.version > with_feedback:
            shutil.rmtree(draft.dir)
    assert main(["new-draft", unit.unit.id, "--root", str(tmp_path), "--date", "2026-03-01"]) == 0
    new_dir = unit.unit.dir / f"v{with_feedback + 1}"
    text = (new_dir / "report.yaml").read_text(encoding="utf-8")
    old = (unit.unit.dir / f"v{with_feedback}" / "report.yaml").read_text(encoding="utf-8")
    assert text == re.sub(r"(?m)^date:[^\n#]*", "date: 2026-03-01", old, count=1)  # only the date changed
    responses = (new_dir / "responses.yaml").read_text(encoding="utf-8")
    feedback_ids = [
        line.split("id:")[1].strip()
        for f in sorted((unit.unit.dir / f"v{with_feedback}" / "feedback").glob("*.yaml"))
        for line in f.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("- id:")
    ]
    assert feedback_ids and all(f"item: {i}" in responses for i in feedback_ids)
    # a second run starts v<N+2> and never touches v<N+1>
    before = (new_dir / "report.yaml").read_bytes()
    main(["new-draft", unit.unit.id, "--root", str(tmp_path), "--date", "2026-03-02"])
    assert (new_dir / "report.yaml").read_bytes() == before


@pytest.mark.parametrize(
    "config",
    [
        REPO / "pipeline/resources/init/pre-commit-config.yaml",
        REPO / ".pre-commit-hooks.yaml",
    ],
)
@pytest.mark.parametrize(
    ("path", "linted"),
    [
        ("drafts/demo/v1/report.yaml", True),
        ("drafts/demo/v12/report.yaml", True),
        ("drafts/demo/unit.yaml", False),
        ("drafts/demo/v2/responses.yaml", False),
        ("drafts/demo/v1/feedback/zg.yaml", False),
    ],
)
def test_the_lint_hook_only_receives_drafts(config: Path, path: str, linted: bool) -> None:
    """pre-commit passes the matching files to ``shuzhi lint``: anything but a draft would fail it."""
    import yaml

    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    hooks = data if isinstance(data, list) else [h for repo in data["repos"] for h in repo["hooks"]]
    lint_hook = next(h for h in hooks if h["id"] == "shuzhi-lint")
    assert bool(re.search(lint_hook["files"], path)) is linted


def test_the_repository_workflow_is_the_one_init_writes() -> None:
    """``.github/workflows/drafts.yml`` is a copy of what ``shuzhi init`` writes: CI tests that one."""
    shipped = (REPO / "pipeline/resources/init/drafts.yml").read_bytes()
    assert (REPO / ".github/workflows/drafts.yml").read_bytes() == shipped


def test_a_new_workspace_passes_check_and_a_skeleton_draft_fails_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What CI sees right after ``shuzhi init``: green; after ``new-draft``: the placeholders to fill in."""
    ws = tmp_path / "ws"
    assert main(["init", str(ws), "--unit", "demo"]) == 0
    assert main(["check", "--root", str(ws), "--jobs", "1"]) == 0
    assert main(["new-draft", "demo", "--root", str(ws), "--date", "2026-01-02"]) == 0
    capsys.readouterr()
    assert main(["check", "--root", str(ws), "--jobs", "1"]) == 1
    assert "placeholder" in capsys.readouterr().out


def test_new_draft_notes_when_the_draft_it_starts_from_looks_unfinished(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["init", str(tmp_path), "--unit", "demo"])
    args = ["new-draft", "demo", "--root", str(tmp_path)]
    assert main([*args, "--date", "2026-01-02"]) == 0
    assert "note:" not in capsys.readouterr().err  # v1 is new: nothing to say yet
    assert main([*args, "--date", "2026-01-09"]) == 0
    assert "note: v1 still has 17 【待补充】 placeholders to fill in" in capsys.readouterr().err
    assert main([*args, "--date", "2026-01-16"]) == 0
    assert "note: v2 is still an unedited copy of v1" in capsys.readouterr().err
    assert (tmp_path / "drafts" / "demo" / "v3" / "report.yaml").is_file()  # a note, never a refusal


# --- add-unit, the workspace's Makefile and the drafts workflow (a set-up a user can follow) ---


def test_add_unit_writes_a_unit_that_loads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["init", str(tmp_path), "--unit", "demo"])
    assert (
        main(
            [
                "add-unit",
                "qingshigang",
                "--name",
                "青石港海关",
                "--reporter",
                "王某某: 代",
                "--root",
                str(tmp_path),
            ]
        )
        == 0
    )
    assert "new-draft qingshigang" in capsys.readouterr().out
    unit = load_workspace(tmp_path).unit("qingshigang")
    assert unit is not None
    assert (unit.unit.name, unit.unit.reporter, unit.unit.organisation) == (
        "青石港海关",
        "王某某: 代",
        "中共青石港海关委员会",
    )
    assert main(["new-draft", "qingshigang", "--root", str(tmp_path)]) == 0


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["demo", "--name", "x", "--reporter", "y"], "exists"),  # init made it
        (["Demo", "--name", "x", "--reporter", "y"], "unit-name"),
        (["../x", "--name", "x", "--reporter", "y"], "unit-name"),
    ],
)
def test_add_unit_refuses(tmp_path: Path, args: list[str], code: str, language: str) -> None:
    from pipeline.content.scaffold import NewUnit, add_unit
    from pipeline.errors import UserError

    main(["init", str(tmp_path), "--unit", "demo"])
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    with pytest.raises(UserError) as caught:
        add_unit(NewUnit(args[0], args[2], "", args[4], "书记"), tmp_path)
    assert [i.code for i in caught.value.issues] == [code]
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def _run_make(folder: Path, *targets: str, path: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", *targets],
        cwd=folder,
        capture_output=True,
        text=True,
        env={"PATH": path, "LANG": "C"},
        timeout=60,
    )


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_workspace_makefile_finds_shuzhi_or_says_how_to_install_it(tmp_path: Path) -> None:
    main(["init", str(tmp_path / "ws")])
    ws, bare = tmp_path / "ws", "/usr/bin:/bin"
    missing = _run_make(ws, "report", path=bare)
    assert missing.returncode != 0
    assert "找不到 shuzhi" in missing.stdout and "pipx install" in missing.stdout
    assert "SHUZHI_PIP_SPEC" in missing.stdout and "No such file" not in missing.stderr
    install = _run_make(ws, "install", path=bare)
    assert install.returncode != 0 and "SHUZHI_PIP_SPEC" in install.stdout
    fake = ws / ".venv" / "bin" / "shuzhi"  # the folder's own .venv is found without activating it
    fake.parent.mkdir(parents=True)
    fake.write_text('#!/bin/sh\necho "ran shuzhi $*"\n', encoding="utf-8")
    fake.chmod(0o755)
    found = _run_make(ws, "check", "CHECK_ARGS=--github", path=bare)
    assert found.returncode == 0 and "ran shuzhi check --github" in found.stdout


def _install_step() -> str:
    import yaml

    workflow = yaml.safe_load((REPO / "pipeline/resources/init/drafts.yml").read_text(encoding="utf-8"))
    (step,) = [s for s in workflow["jobs"]["check"]["steps"] if s.get("name") == "Install shuzhi"]
    return step["run"]


@pytest.mark.parametrize(
    ("spec", "pyproject", "installed"),
    [
        ("", None, None),  # unset: fail with a message, never `pip install shuzhi` from the public index
        (
            "shuzhi @ git+https://git.example.org/tools/shuzhi.git@v0.1.0",
            None,
            "-m pip install shuzhi @ git+https://git.example.org/tools/shuzhi.git@v0.1.0",
        ),
        ("", '[project]\nname = "shuzhi"\n', "-m pip install ."),  # shuzhi's own repository
    ],
)
def test_drafts_workflow_installs_only_from_where_it_is_told(
    tmp_path: Path, spec: str, pyproject: str | None, installed: str | None
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    python = bin_dir / "python"
    python.write_text('#!/bin/sh\necho "$*" >> "$CALLS"\n', encoding="utf-8")
    python.chmod(0o755)
    if pyproject:
        (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    calls = tmp_path / "calls"
    done = subprocess.run(
        ["bash", "-e", "-c", _install_step()],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PATH": f"{bin_dir}:/usr/bin:/bin", "SHUZHI_PIP_SPEC": spec, "CALLS": str(calls)},
        timeout=60,
    )
    if installed is None:
        assert done.returncode != 0 and not calls.exists()
        assert done.stdout.startswith("::error title=") and "SHUZHI_PIP_SPEC" in done.stdout
    else:
        assert done.returncode == 0 and calls.read_text(encoding="utf-8").strip() == installed

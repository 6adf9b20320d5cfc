"""The wheel users install holds every file the package opens at run time.

``shuzhi init`` once crashed when installed from a wheel: the package-data patterns left out
``resources/init/Makefile``.  The rule checked here is general: every non-Python file tracked under
``pipeline/`` (symlinked folders followed, as setuptools does) is in the wheel, and every module too.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# Sources of other files, never opened at run time: message catalogs are compiled into .mo files.
BUILD_TIME_ONLY = {".po", ".pot"}


def _tracked_package_files() -> set[str]:
    listed = subprocess.run(
        ["git", "ls-files", "pipeline"], cwd=REPO, capture_output=True, text=True, check=True
    )
    files: set[str] = set()
    for name in listed.stdout.splitlines():
        path = REPO / name
        if path.is_symlink() and path.is_dir():
            files.update(str(Path(name) / p.relative_to(path)) for p in path.rglob("*") if p.is_file())
        elif path.is_file():
            files.add(name)
    return {f for f in files if "__pycache__" not in f and Path(f).suffix not in BUILD_TIME_ONLY}


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    if shutil.which("git") is None:
        pytest.skip("git is needed to list the tracked files")
    src = tmp_path_factory.mktemp("src")
    # Build from a copy: setuptools writes build/ next to pyproject.toml, and build/ is our output folder.
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, src / name)
    shutil.copytree(
        REPO / "pipeline", src / "pipeline", symlinks=False, ignore=shutil.ignore_patterns("__pycache__")
    )
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(src),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("shuzhi-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return {n for n in archive.namelist() if not n.startswith("shuzhi-")}


def test_every_tracked_package_file_is_in_the_wheel(wheel_names: set[str]) -> None:
    missing = sorted(_tracked_package_files() - wheel_names)
    assert not missing, (
        f"package files left out of the wheel (add them to [tool.setuptools.package-data]): {missing}"
    )


def test_the_wheel_holds_the_entry_point(wheel_names: set[str]) -> None:
    assert "pipeline/cli/main.py" in wheel_names

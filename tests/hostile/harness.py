"""The attack battery's tools: a small workspace, the CLI run in-process, snapshots, hostile files.

Every test of ``tests/hostile/`` asserts four things about a run: its exit code, its message, that no
secret (the contents of a file outside the workspace) appears in anything it printed or wrote, and
that ``drafts/`` and the outputs of an earlier good build are unchanged.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli.main import main

REPO_ROOT = Path(__file__).resolve().parents[2]
UNIT = "qingshigang"
#: A marker that only the secret file outside the workspace holds: no output may ever contain it.
SECRET = "SECRET-7f3a9c"
SECRET_TEXT = f"{SECRET}_key: {SECRET}-value\npassword: {SECRET}-passwd\nroot: {SECRET}:0:0\n"


@dataclass
class Run:
    """What one CLI run did."""

    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_cli(cwd: Path, *args: str | os.PathLike[str], env: dict[str, str] | None = None) -> Run:
    """``shuzhi ARGS`` in-process, from ``cwd``, through the real entry point's error handling.

    An exception escaping :func:`main` (a traceback for the user) fails the test by propagating.
    """
    runner = CliRunner()
    previous = Path.cwd()
    with runner.isolation(env=env) as streams:
        os.chdir(cwd)
        try:
            code = main([str(a) for a in args])
        finally:
            os.chdir(previous)
        stdout, stderr = streams[0].getvalue(), streams[1].getvalue()
    return Run(code, stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace"))


def make_workspace(dest: Path, versions: int = 2) -> Path:
    """A copy of the example workspace with its unit's first ``versions`` drafts (a fast build)."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO_ROOT / "templates", dest / "templates")
    shutil.copy2(REPO_ROOT / "shuzhi.toml", dest / "shuzhi.toml")
    unit = dest / "drafts" / UNIT
    shutil.copytree(REPO_ROOT / "drafts" / UNIT, unit)
    for child in sorted(unit.iterdir()):
        if child.is_dir() and child.name.startswith("v") and int(child.name[1:]) > versions:
            shutil.rmtree(child)
    return dest


def outside_secret(tmp_path: Path, name: str = "secret.yaml") -> Path:
    """A file outside the workspace whose contents must never be shown (stands for /etc/passwd)."""
    folder = tmp_path / "outside"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(SECRET_TEXT, encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (symlinks as their target name) → its bytes."""
    found: dict[str, bytes] = {}
    if not folder.exists():
        return found
    for top, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(top, name)
            rel = str(path.relative_to(folder))
            found[rel] = ("->" + os.readlink(path)).encode() if path.is_symlink() else path.read_bytes()
    return found


def outputs(ws: Path) -> dict[str, bytes]:
    """The build's outputs (the stamps and lock files excluded: they record what was tried)."""
    return {k: v for k, v in snapshot(ws / "build").items() if not k.endswith((".stamps.json", ".lock"))}


def assert_no_secret(run: Run, *files: Path) -> None:
    """Nothing printed and nothing in ``files`` holds the secret."""
    assert SECRET not in run.output, run.output
    for path in files:
        if path.exists():
            assert SECRET not in path.read_text(encoding="utf-8", errors="replace"), path


def assert_no_traceback(run: Run) -> None:
    """Neither a Python traceback nor the build's "internal error … this is a bug" (in either language)."""
    for sign in ("Traceback", "internal error", "内部错误", "RecursionError", "MemoryError"):
        assert sign not in run.output, run.output


@contextlib.contextmanager
def unchanged(ws: Path, *, build: bool = True) -> Iterator[None]:
    """Assert that ``drafts/`` (and the build's outputs, with ``build``) are the same afterwards."""
    drafts, built = snapshot(ws / "drafts"), outputs(ws)
    yield
    assert snapshot(ws / "drafts") == drafts, "drafts/ changed"
    if build:
        after = outputs(ws)
        changed = sorted(k for k in set(built) | set(after) if built.get(k) != after.get(k))
        assert not changed, f"outputs changed: {changed}"


# --- hostile .docx files, generated ---------------------------------------------------------------


def read_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def write_parts(path: Path, parts: dict[str, bytes]) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


def template_with(ws: Path, text: str, name: str = "own.docx") -> Path:
    """The workspace template with a first paragraph holding ``text`` (a Jinja tag, usually), saved
    as the unit's own template and named in its unit.yaml."""
    parts = read_parts(ws / "templates" / "report.docx")
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    body = parts["word/document.xml"].decode("utf-8")
    start = body.index("<w:body>") + len("<w:body>")
    body = body[:start] + f'<w:p><w:r><w:t xml:space="preserve">{escaped}</w:t></w:r></w:p>' + body[start:]
    parts["word/document.xml"] = body.encode("utf-8")
    path = write_parts(ws / "drafts" / UNIT / name, parts)
    set_unit_key(ws, "template", name)
    return path


def set_unit_key(ws: Path, key: str, value: str) -> None:
    """Set (or add) a top-level key of the unit's unit.yaml."""
    unit_yaml = ws / "drafts" / UNIT / "unit.yaml"
    lines = [
        line for line in unit_yaml.read_text(encoding="utf-8").splitlines() if not line.startswith(f"{key}:")
    ]
    lines.append(f"{key}: {value}")
    unit_yaml.write_text("\n".join(lines) + "\n", encoding="utf-8")


def unit_yaml_line(ws: Path, key: str) -> int:
    """The 1-based line of ``key:`` in the unit's unit.yaml."""
    lines = (ws / "drafts" / UNIT / "unit.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(f"{key}:"))

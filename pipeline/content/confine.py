"""Confinement: every path read or written on a workspace's behalf stays inside that workspace.

A workspace is a git repository that CI checks out, so a commit can carry a symlink
(``drafts/u/v3/report.yaml -> /etc/passwd``) or a setting (``template: /etc/shadow``) that points
anywhere on the machine.  The policy, in one place:

* a file the pipeline finds or a content file names resolves — symlinks followed — inside the
  workspace root, or inside a template directory configured in ``shuzhi.toml``
  (``template-dirs = [...]``); anything else is refused *before it is opened*, with the file (and
  line) of the link or setting that pointed there, never with what the file holds;
* a unit name is a name: one plain folder name below ``drafts/``, never a path;
* an output option (``-o``, ``--sarif``, ``--chart``) never writes below ``drafts/`` nor over any
  input of the same command.

A file the user names on the command line from outside any workspace (``shuzhi lint ~/a.txt``) is
the user's own choice and is not confined: the workspace of a path is found *lexically* (without
following links), so a link inside a workspace is confined however far it points.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from pipeline.content.layout import PACKAGED_TEMPLATES
from pipeline.errors import Issue, UserError
from pipeline.i18n import _

DRAFTS = "drafts"
_MARKERS = ("drafts", "shuzhi.toml")


PACKAGED_RESOURCES = PACKAGED_TEMPLATES.parent


def real(path: Path | str) -> Path:
    """``path`` absolute with every symlink followed (a missing tail is kept as written)."""
    return Path(os.path.realpath(path))


def is_within(path: Path | str, folder: Path | str) -> bool:
    """True when ``path`` (symlinks followed) is ``folder`` or below it (symlinks followed)."""
    target, base = real(path), real(folder)
    return target == base or base in target.parents


@lru_cache(maxsize=1024)
def _lexical_root(folder: str) -> str | None:
    current = folder
    while True:
        if os.path.isdir(os.path.join(current, "drafts")) or os.path.isfile(
            os.path.join(current, "shuzhi.toml")
        ):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def workspace_of(path: Path | str) -> Path | None:
    """The workspace that holds ``path`` as written (links not followed), or None."""
    found = _lexical_root(os.path.dirname(os.path.abspath(path)))
    return Path(found) if found is not None else None


@lru_cache(maxsize=64)
def _allowed(root: str, config_mtime: float) -> tuple[Path, ...]:
    """The workspace and its configured template directories, resolved (cached per config version)."""
    from pipeline.content.config import load_config

    # shuzhi's own packaged resources are always readable: in a checkout they are a symlink to the
    # repository's templates/, which lies outside any other workspace.
    folders = [real(root), real(PACKAGED_RESOURCES), real(PACKAGED_TEMPLATES)]
    try:
        folders += [real(folder) for folder in load_config(Path(root)).template_dirs]
    except UserError:
        pass  # a broken configuration is reported by the command that loads it; here: no extra folders
    return tuple(folders)


def allowed_folders(root: Path) -> tuple[Path, ...]:
    """Where a workspace's reads may lead: its root and the template directories of its configuration."""
    try:
        stamp = os.stat(Path(root) / "shuzhi.toml").st_mtime
    except OSError:
        stamp = 0.0
    return _allowed(str(root), stamp)


def _inside_any(path: Path | str, folders: Iterable[Path]) -> bool:
    target = real(path)
    return any(target == folder or folder in target.parents for folder in folders)


def escaping_link(path: Path, root: Path) -> Path:
    """The first component of ``path`` below ``root`` that is a symlink (the link to blame), else ``path``."""
    try:
        parts = Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).parts
    except ValueError:
        return path
    current = Path(os.path.abspath(root))
    for part in parts:
        current = current / part
        if current.is_symlink():
            return current
    return path


def outside_issue(
    path: Path,
    root: Path | None = None,
    *,
    referrer: Path | None = None,
    line: int | None = None,
    column: int | None = None,
    key_path: str = "",
) -> Issue | None:
    """An issue when ``path`` leads outside the workspace ``root`` (found from ``path`` when None).

    With ``referrer`` (the file of the setting that named ``path``, and its line) the issue is
    reported there; otherwise at the symlink that leads out.  Never opens ``path``.
    """
    root = root if root is not None else workspace_of(referrer or path)
    if root is None or _inside_any(path, allowed_folders(root)):
        return None
    if referrer is not None:
        return Issue(
            referrer,
            _("the path leads outside the workspace; shuzhi does not read it"),
            line=line,
            column=column,
            key_path=key_path,
            code="outside-workspace",
            hint=_("keep the file inside the workspace, or list its folder in template-dirs in shuzhi.toml"),
        )
    return Issue(
        escaping_link(path, root),
        _("a symbolic link leads outside the workspace; shuzhi does not read what it points to"),
        code="outside-workspace",
        hint=_(
            "replace the link with the file itself, point it inside the workspace, or list the folder it "
            "leads to in template-dirs in shuzhi.toml"
        ),
    )


def refuse_outside(path: Path, root: Path | None = None, **where: object) -> None:
    """Raise :class:`UserError` when ``path`` leads outside the workspace (see :func:`outside_issue`)."""
    issue = outside_issue(path, root, **where)  # type: ignore[arg-type]
    if issue is not None:
        raise UserError(issue)


# --- names --------------------------------------------------------------------------------------


def unit_name_issue(name: str, root: Path | None = None) -> Issue | None:
    """An issue when ``name`` is not a plain unit name (one folder name below ``drafts/``)."""
    plain = (
        bool(name)
        and name not in (".", "..")
        and not name.startswith((".", "_"))
        and "/" not in name
        and "\\" not in name
        and "\x00" not in name
        and Path(name).name == name
    )
    if plain:
        return None
    return Issue(
        Path(root) / DRAFTS if root is not None else None,
        _("{name!r} is not a unit name: a unit is a folder directly below drafts/").format(name=name),
        code="unit-name",
        hint=_("give the folder name of the unit, e.g. qingshigang"),
    )


def require_unit_name(name: str, root: Path | None = None) -> str:
    """``name`` when it is a plain unit name; a :class:`UserError` otherwise."""
    issue = unit_name_issue(name, root)
    if issue is not None:
        raise UserError(issue)
    return name


# --- outputs ------------------------------------------------------------------------------------


def check_output(path: Path, *, option: str, inputs: Sequence[Path] = (), root: Path | None = None) -> Path:
    """``path`` when an output option may write there; a :class:`UserError` when it is below a
    workspace's ``drafts/`` (the drafts are never written by an output option) or is one of the
    command's own ``inputs`` (symlinks and hard links included)."""
    root = root if root is not None else workspace_of(path)
    if root is not None and is_within(path, Path(root) / DRAFTS):
        raise UserError(
            Issue(
                path,
                _("{option} would write into drafts/, which shuzhi never changes").format(option=option),
                code="output-target",
                hint=_("write the output elsewhere, e.g. into build/"),
            )
        )
    for source in inputs:
        if _same_file(path, source):
            raise UserError(
                Issue(
                    path,
                    _("{option} names an input of this command; it would be overwritten").format(
                        option=option
                    ),
                    code="output-target",
                    hint=_("give a new file name for the output"),
                )
            )
    return path


def _same_file(a: Path, b: Path) -> bool:
    if real(a) == real(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False

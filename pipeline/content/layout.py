"""Where things are in a workspace: the one place that names its folders and files.

A workspace is ``drafts/<unit>/unit.yaml``, ``drafts/<unit>/v<N>/report.yaml`` (with ``responses.yaml``
and ``feedback/<department>.yaml`` beside it), ``templates/``, ``shuzhi.toml`` and ``build/``.  Files the
workspace may override (question sets, the evaluation form, the Word template) fall back to the copies
shipped with shuzhi.
"""

from __future__ import annotations

import re
from pathlib import Path

DRAFTS_DIR = "drafts"
BUILD_DIR = "build"
TEMPLATES_DIR = "templates"
CONFIG_FILE = "shuzhi.toml"
UNIT_FILE = "unit.yaml"
REPORT_FILE = "report.yaml"
RESPONSES_FILE = "responses.yaml"
FEEDBACK_DIR = "feedback"
PACKAGED_TEMPLATES = Path(__file__).resolve().parent.parent / "resources" / "templates"

_DRAFT_DIR = re.compile(r"^v([1-9][0-9]*)$")
_DRAFT_NAME = re.compile(r"^v?([1-9][0-9]*)$")


def draft_dir_name(version: int) -> str:
    """``v3`` for draft 3."""
    return f"v{version}"


def version_of_dir(name: str) -> int | None:
    """N of a folder named exactly ``v<N>`` (lower-case v, no leading zero), else None."""
    match = _DRAFT_DIR.match(name)
    return int(match.group(1)) if match else None


def version_of_name(value: str) -> int | None:
    """N of a draft named by a person: ``v3`` or ``3`` (spaces around allowed), else None."""
    match = _DRAFT_NAME.match(value.strip())
    return int(match.group(1)) if match else None


def template_file(root: Path | None, *parts: str) -> Path:
    """``<root>/templates/<parts…>`` when the workspace has that file, else the copy shipped with shuzhi."""
    if root is not None:
        own = root.joinpath(TEMPLATES_DIR, *parts)
        if own.is_file():
            return own
    return PACKAGED_TEMPLATES.joinpath(*parts)

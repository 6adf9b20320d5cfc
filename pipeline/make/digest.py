"""Content digests of build inputs, and of the pipeline itself (a code change rebuilds everything)."""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

import pipeline
from pipeline.content.confine import is_within

PIPELINE_DIR = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """A digest of the installed version and every source file of the pipeline package."""
    h = hashlib.sha256()
    h.update(pipeline.version().encode())
    for path in sorted(PIPELINE_DIR.rglob("*")):
        # .tsv: data the code reads (the lint's learned weights decide the review documents' comments)
        if (
            path.is_file()
            and path.suffix in (".py", ".yaml", ".conf", ".css", ".html", ".j2", ".tsv")
            and "__pycache__" not in path.parts
            and "templates" not in path.relative_to(PIPELINE_DIR).parts
        ):
            h.update(str(path.relative_to(PIPELINE_DIR)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


class FileDigests:
    """sha256 of files, each read once per run; a missing file has its own marker."""

    def __init__(self) -> None:
        self.cache: dict[
            str, str
        ] = {}  # by path string: hashing and sorting Path objects dominated no-op builds

    def of(self, path: Path | str, root: Path | None = None) -> str:
        """The digest of the file at ``path``; a symlink leading outside ``root`` is never opened
        (its target's name stands in: the loaders refuse it with a message)."""
        key = str(path)
        found = self.cache.get(key)
        if found is None and root is not None and os.path.islink(key) and not is_within(key, root):
            found = self.cache[key] = "outside:" + hashlib.sha256(os.readlink(key).encode()).hexdigest()
        if found is None:
            try:
                with open(key, "rb") as handle:
                    found = hashlib.sha256(handle.read()).hexdigest()
            except (FileNotFoundError, IsADirectoryError):
                found = "missing"
            self.cache[key] = found
        return found

    def combine(self, root: Path, paths: list[Path], extra: str = "") -> str:
        """One digest over ``extra`` and the (root-relative) names and contents of ``paths``."""
        h = hashlib.sha256(extra.encode())
        prefix = str(root).rstrip(os.sep) + os.sep
        # in Path order (by components), so the digests — and existing stamps — stay what they were
        for text in sorted({str(path) for path in paths}, key=_components):
            name = text[len(prefix) :] if text.startswith(prefix) else text
            h.update(name.encode() + b"\0" + self.of(text, root).encode() + b"\n")
        return h.hexdigest()


def _components(text: str) -> list[str]:
    return text.split(os.sep)

"""Plain text of .docx files as LibreOffice renders them, list numbers included.

LibreOffice's "Text (encoded)" export writes each paragraph with the label its numbering gives it
(``1.``, ``（一）``, ``一、`` …), so comparing exports compares the numbers a reader sees.  One
headless ``soffice`` run (private profile) converts a whole batch.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT = 180


def rendered_texts(paths: list[Path]) -> dict[Path, list[str]]:
    """``path → lines`` (trailing empty lines dropped) of LibreOffice's text export of each file."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory(prefix="shuzhi-lo-text-") as tmp:
        work = Path(tmp)
        profile = (work / "profile").as_uri()
        sources = []
        for index, path in enumerate(paths):
            source = work / f"d{index}.docx"
            shutil.copyfile(path, source)
            sources.append(source)
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                "txt:Text (encoded):UTF8",
                "--outdir",
                str(work / "out"),
                *map(str, sources),
            ],
            check=True,
            timeout=TIMEOUT,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            start_new_session=True,
        )
        out: dict[Path, list[str]] = {}
        for path, source in zip(paths, sources, strict=True):
            text = (work / "out" / f"{source.stem}.txt").read_text(encoding="utf-8-sig")
            lines = text.splitlines()
            while lines and not lines[-1].strip():
                lines.pop()
            out[path] = lines
        return out

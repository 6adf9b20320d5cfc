"""PDF previews of built reports and redlines through headless LibreOffice.

Each run starts a private ``soffice`` (its own throw-away ``-env:UserInstallation`` profile, so it
never collides with a LibreOffice the user has open), initialised once with
``--terminate_after_init`` (a fresh profile otherwise makes the first process exit and restart),
then converts a batch of documents with ``--convert-to pdf``.  Fontconfig is pointed at
``pipeline/resources/fonts.conf`` (``FONTCONFIG_FILE``), which maps the office font names
(仿宋_GB2312, 楷体_GB2312, 黑体, 宋体, 方正小标宋简体 …) to free CJK faces.  Every LibreOffice call runs
under a timeout (a failed load can hang forever) and its whole process group is killed on expiry.
PDFs are converted into a temporary folder, then written next to their .docx atomically.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import Issue, UserError
from pipeline.fsutil import atomic_write_bytes
from pipeline.i18n import N_, _
from pipeline.word.package import read_package

FONTS_CONF = Path(__file__).resolve().parent.parent / "resources" / "fonts.conf"
INSTALL_HINT = N_(
    "install LibreOffice: apt-get install libreoffice-writer-nogui fonts-noto-cjk "
    "fonts-arphic-ukai fonts-arphic-uming (Debian/Ubuntu), then run again"
)
INIT_TIMEOUT = 120.0  # first start of a fresh profile
PER_DOCUMENT_TIMEOUT = 60.0  # generous: a 20-page report converts in 1–2 s
BATCH_SIZE = 20
# Comments (a redline's review notes) become PDF annotations; LibreOffice 7.4 cannot yet put them
# in the margin.  JSON filter options need LibreOffice 7.4 or later.
PDF_FILTER = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


@dataclass(frozen=True)
class Conversion:
    """One converted document: where it came from and where its PDF went."""

    source: Path
    pdf: Path


def find_soffice() -> str:
    """The LibreOffice binary, or a :class:`UserError` saying how to install it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise UserError(
            Issue(
                path=None,
                message=_("LibreOffice is not installed (no 'soffice' on PATH); PDF previews need it"),
                hint=_(INSTALL_HINT),
                code="tool-missing",
            )
        )
    return found


def pdf_path_for(docx: Path) -> Path:
    """The PDF written for ``docx``: same folder, same name, ``.pdf``."""
    return docx.with_suffix(".pdf")


def default_sources(build_dir: Path) -> list[Path]:
    """Every built report and redline under ``build_dir``, sorted."""
    found = set(build_dir.glob("*/v*/report.docx")) | set(build_dir.glob("*/redline/*.docx"))
    return sorted(p for p in found if not p.name.startswith((".", "~$")))


def is_up_to_date(docx: Path) -> bool:
    """True when the PDF exists and is newer than its .docx."""
    pdf = pdf_path_for(docx)
    return pdf.exists() and pdf.stat().st_mtime_ns >= docx.stat().st_mtime_ns


def soffice_env() -> dict[str, str]:
    """The environment for soffice: ours plus ``FONTCONFIG_FILE`` pointing at the font aliases."""
    env = dict(os.environ)
    env["FONTCONFIG_FILE"] = str(FONTS_CONF)
    return env


def _run(command: list[str], timeout: float, what: str) -> subprocess.CompletedProcess[bytes]:
    """Run ``command`` in its own process group; kill the whole group after ``timeout`` seconds."""
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=soffice_env(),
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.communicate()
        raise UserError(
            Issue(
                path=None,
                message=_("LibreOffice timed out after {seconds:.0f} s while {what}").format(
                    seconds=timeout, what=what
                ),
                hint=_(
                    "check that the document opens in LibreOffice; kill stray soffice "
                    "processes; or raise --timeout"
                ),
                code="tool-missing",
            )
        ) from None
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def _convert_batch(
    soffice: str, profile: str, batch: Sequence[Path], work: Path, timeout: float
) -> tuple[list[Conversion], list[Issue]]:
    """Convert one batch; each input is copied under a unique name so outputs cannot collide."""
    inputs = work / "in"
    outputs = work / "out"
    for folder in (inputs, outputs):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
    copies = []
    for index, source in enumerate(batch):
        copy = inputs / f"{index:04d}.docx"
        shutil.copyfile(source, copy)
        copies.append(copy)
    result = _run(
        [
            soffice,
            profile,
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            PDF_FILTER,
            "--outdir",
            str(outputs),
            *map(str, copies),
        ],
        timeout * len(batch),
        _("converting {n} document(s) to PDF").format(n=len(batch)),
    )
    done: list[Conversion] = []
    failed: list[Issue] = []
    for source, copy in zip(batch, copies, strict=False):
        produced = outputs / f"{copy.stem}.pdf"
        if produced.exists() and produced.stat().st_size > 0:
            target = pdf_path_for(source)
            atomic_write_bytes(target, produced.read_bytes())
            done.append(Conversion(source, target))
        else:
            detail = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [_("no output")]
            failed.append(
                Issue(
                    path=source,
                    message=_("LibreOffice could not convert this file to PDF ({detail})").format(
                        detail=detail[0]
                    ),
                    hint=_("open it in Word or LibreOffice to check that it is not damaged"),
                    code="tool-missing",
                )
            )
    return done, failed


def convert_to_pdf(
    sources: Sequence[Path], *, timeout: float = PER_DOCUMENT_TIMEOUT, soffice: str | None = None
) -> list[Conversion]:
    """Convert each .docx in ``sources`` to a PDF next to it; raise :class:`UserError` on failure.

    Inputs are checked first (:func:`pipeline.word.package.read_package`), so a damaged or non-.docx
    file is reported before LibreOffice starts.  ``timeout`` is per document.
    """
    sources = [Path(s) for s in sources]
    for source in sources:
        read_package(source)
    if not sources:
        return []
    soffice = soffice or find_soffice()
    with tempfile.TemporaryDirectory(prefix="shuzhi-pdf-") as tmp:
        work = Path(tmp)
        profile = f"-env:UserInstallation={(work / 'profile').as_uri()}"
        _run(
            [soffice, profile, "--headless", "--terminate_after_init"],
            INIT_TIMEOUT,
            _("starting (initialising a private profile)"),
        )
        done: list[Conversion] = []
        failed: list[Issue] = []
        for start in range(0, len(sources), BATCH_SIZE):
            batch_done, batch_failed = _convert_batch(
                soffice, profile, sources[start : start + BATCH_SIZE], work, timeout
            )
            done += batch_done
            failed += batch_failed
        if failed:
            raise UserError(failed)
        return done

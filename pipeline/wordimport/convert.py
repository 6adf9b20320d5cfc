"""Other formats in: every draft becomes a .docx first, then the one importer reads it.

- ``.docx`` is read as it is;
- ``.doc`` and ``.wps`` (old Word, WPS Office) go through headless LibreOffice (a private throw-away
  profile, a time limit); without LibreOffice the user is told how to install it or to save as .docx;
- ``.odt``, ``.rtf``, ``.md``, ``.html`` go through pandoc (the ``pypandoc-binary`` dependency ships
  it), run with ``--sandbox`` so a document cannot make it read other files or fetch anything from
  the network.  Pandoc writes headings as Word heading styles and lists as Word numbering, which the
  importer reads like any Word draft.

The converted file lives in a scratch folder the caller owns; the source is never modified.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from pipeline.errors import Issue, UserError
from pipeline.i18n import _

LIBREOFFICE = (".doc", ".wps", ".wpt", ".dot")
PANDOC = {
    ".odt": "odt",
    ".rtf": "rtf",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
CONVERT_TIMEOUT = 120.0  # seconds for one document


def supported() -> str:
    """The suffixes ``shuzhi import`` reads, for messages."""
    return " ".join([".docx", *LIBREOFFICE[:2], *sorted(set(PANDOC) - {".markdown", ".htm"})])


def to_docx(source: Path, scratch: Path) -> Path:
    """``source`` as a .docx: itself, or converted into ``scratch``."""
    suffix = source.suffix.lower()
    if not source.is_file():
        raise UserError(
            Issue(
                source, _("no such file"), hint=_("check the path of the Word draft"), code="file-not-found"
            )
        )
    if suffix == ".docx":
        return source
    if suffix in LIBREOFFICE:
        return _libreoffice(source, scratch)
    if suffix in PANDOC:
        return _pandoc(source, scratch, PANDOC[suffix])
    raise UserError(
        Issue(
            source,
            _("cannot import a '{suffix}' file").format(suffix=source.suffix or source.name),
            hint=_("import one of: {formats}").format(formats=supported()),
            code="usage",
        )
    )


def _libreoffice(source: Path, scratch: Path) -> Path:
    from pipeline.word.pdf import _run

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise UserError(
            Issue(
                source,
                _("a '{suffix}' file needs LibreOffice to be imported, and it is not installed").format(
                    suffix=source.suffix
                ),
                hint=_(
                    "install LibreOffice (apt install libreoffice-writer), or open the file in "
                    "Word/WPS and save it as .docx"
                ),
                code="tool-missing",
            )
        )
    out = scratch / "converted"
    out.mkdir(parents=True, exist_ok=True)
    local = out / f"source{source.suffix.lower()}"  # a plain name: soffice mangles some others
    shutil.copyfile(source, local)
    profile = f"-env:UserInstallation={(scratch / 'lo-profile').as_uri()}"
    result = _run(
        [
            soffice,
            profile,
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "docx",
            "--outdir",
            str(out),
            str(local),
        ],
        CONVERT_TIMEOUT,
        _("converting {name}").format(name=source.name),
    )
    converted = out / "source.docx"
    if result.returncode != 0 or not converted.is_file():
        raise UserError(
            Issue(
                source,
                _("LibreOffice could not convert the file to .docx"),
                hint=_("open it in Word/WPS and save it as .docx"),
                code="invalid-document",
            )
        )
    return converted


def _pandoc(source: Path, scratch: Path, reader: str) -> Path:
    import pypandoc

    scratch.mkdir(parents=True, exist_ok=True)
    converted = scratch / "converted.docx"
    try:
        pypandoc.convert_file(
            str(source), "docx", format=reader, outputfile=str(converted), extra_args=["--sandbox"]
        )
    except (RuntimeError, OSError) as exc:
        message = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise UserError(
            Issue(
                source,
                _("the file could not be converted to .docx ({error})").format(error=message),
                hint=_("open it in Word/WPS and save it as .docx"),
                code="invalid-document",
            )
        ) from None
    return converted

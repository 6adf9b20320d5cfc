"""Other formats in: every draft becomes a .docx first, then the one importer reads it.

- ``.docx`` is read as it is;
- ``.doc`` and ``.wps`` (old Word, WPS Office) go through headless LibreOffice (a private throw-away
  profile, a time limit); without LibreOffice the user is told how to install it or to save as .docx.
  What they hold is read from their first bytes, not from the suffix (:func:`sniff`): Kingsoft WPS
  writes its .wps in the Word 97 binary format (an OLE2 compound file with a ``WordDocument`` stream),
  so it is handed to LibreOffice as the .doc it is; a .wps or .doc that is really a .docx (a zip) is
  read directly; an RTF or HTML page saved as .doc is converted as what it is.  A .wps that is not an
  OLE2 file at all is no WPS Office document — most likely an old Microsoft Works file — and is refused
  with a message saying so, before LibreOffice could import its bytes as plain text;
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
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: Word 97–2003, Kingsoft WPS, Works 4+
_WORD_STREAM = "WordDocument".encode("utf-16-le")  # the main stream of a Word 97 document
_AS_SUFFIX = {"word97": ".doc", "rtf": ".rtf", "html": ".html"}


def sniff(source: Path) -> str:
    """What the file holds, by its bytes: "zip" (a .docx), "word97" (Word 97 binary, as Kingsoft WPS
    writes .wps too), "ole" (another compound file: Works 4+, Excel …), "rtf", "html" or "other"."""
    with source.open("rb") as handle:
        head = handle.read(512)
        if head.startswith(b"PK\x03\x04"):
            return "zip"
        if head.startswith(OLE2):  # the stream names sit in directory sectors anywhere in the file
            handle.seek(0)
            return "word97" if _WORD_STREAM in handle.read() else "ole"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"{\\rtf"):
        return "rtf"
    if start.startswith((b"<!doctype html", b"<html", b"<?xml", b"mime-version")) or b"<html" in start:
        return "html"
    return "other"


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
        return _old_word(source, scratch, suffix)
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


def _old_word(source: Path, scratch: Path, suffix: str) -> Path:
    """A .doc/.wps as a .docx, by what its bytes hold (see :func:`sniff` and the module docstring)."""
    kind = sniff(source)
    if kind == "zip":
        return source  # a .docx under another name: read_package checks it is one
    if suffix in (".wps", ".wpt") and kind == "other":
        raise UserError(
            Issue(
                source,
                _(
                    "this .wps file is not a WPS Office document: WPS Office writes .wps in the "
                    "Word 97 format, and this file is not in it (it may be a Microsoft Works file)"
                ),
                hint=_("open it in the program that wrote it and save it as .docx"),
                code="invalid-document",
            )
        )
    try:
        return _libreoffice(source, scratch, _AS_SUFFIX.get(kind, suffix))
    except UserError as error:
        if kind != "ole" or suffix not in (".wps", ".wpt") or error.issues[0].code != "invalid-document":
            raise  # LibreOffice missing says so; only a failed conversion of a non-Word .wps is Works
        raise UserError(  # a compound file without a Word stream: Works 4 and later write such .wps
            Issue(
                source,
                _(
                    "this .wps file is not in the Word 97 format WPS Office writes, "
                    "and LibreOffice could not read it"
                ),
                hint=_("open it in the program that wrote it (Microsoft Works?) and save it as .docx"),
                code="invalid-document",
            )
        ) from None


def _libreoffice(source: Path, scratch: Path, as_suffix: str) -> Path:
    """``source`` converted by headless LibreOffice, handed over under the suffix of what it holds."""
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
    local = out / f"source{as_suffix}"  # a plain name (soffice mangles some others), the content's suffix
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

"""Where an XML part of a Word document is broken, in the user's language.

lxml's own text ("Premature end of data in tag t line 2, line 2, column 11784 (<string>, line 2)")
is English and mostly noise; a user can act only on where the damage is.  Every reader that turns
an ``XMLSyntaxError`` into a :class:`~pipeline.errors.UserError` shows :func:`xml_error_text`.
"""

from __future__ import annotations

from lxml import etree

from pipeline.i18n import _


def xml_error_text(exc: Exception) -> str:
    """``第 2 行第 11784 列`` for a syntax error, or that the part is missing (a ``KeyError``)."""
    if isinstance(exc, etree.XMLSyntaxError):
        line, column = exc.position if exc.position else (exc.lineno, 0)
        if line and column:
            return _("broken at line {line}, column {column}").format(line=line, column=column)
        return _("broken XML")
    return _("the part is missing")

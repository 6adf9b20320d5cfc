"""Issues at a located YAML node, and the hints that name what was probably meant.

What the content files may hold is said by the declarative schema (:mod:`pipeline.content.schema`);
these are the pieces it and the checks after it share with the other stages: an issue at a
node's line and column (:func:`issue_at`), the did-you-mean of an unknown name (:func:`did_you_mean`,
:func:`known_hint`) and how to write a mapping (:func:`mapping_hint`).
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from pipeline.content.source import format_key_path
from pipeline.content.yamlsrc import YNode
from pipeline.errors import Issue, IssueCollector
from pipeline.i18n import _


def issue_at(
    issues: IssueCollector,
    path: Path,
    node: YNode,
    message: str,
    hint: str = "",
    key_path: str | None = None,
    code: str = "invalid-content",
) -> Issue:
    """Record an issue at ``node``'s position (and return it)."""
    issue = Issue(
        path,
        message,
        line=node.span.line,
        column=node.span.column,
        key_path=format_key_path(node.key_path) if key_path is None else key_path,
        hint=hint,
        code=code,
    )
    issues.add(issue)
    return issue


def did_you_mean(value: str, choices: tuple[str, ...] | list[str]) -> str:
    """``did you mean 'area'?`` (translated) when one of ``choices`` is close to ``value``, else ""."""
    close = difflib.get_close_matches(value, tuple(choices), n=1, cutoff=0.6)
    return _("did you mean '{choice}'?").format(choice=close[0]) if close else ""


def known_hint(value: str, known: list[str] | tuple[str, ...], listing: str = "") -> str:
    """``did you mean 'duty'? (use one of: duty, integrity)`` for an unknown name or id.

    ``listing`` is the translated sentence naming the known ones, with a ``{known}`` field
    (default "use one of: {known}").
    """
    listed = (listing or _("use one of: {known}")).format(known=", ".join(known) or _("none"))
    close = did_you_mean(value, known)
    return f"{close} ({listed})" if close else listed


def mapping_hint(node: YNode) -> str:
    """How to write a mapping; for ``owner：监察室`` read as one text, that the colon is full-width."""
    if node.kind == "scalar" and re.match(r"^[A-Za-z_][A-Za-z0-9_-]*\s*：", node.value):
        return _("the colon after '{key}' is full-width '：': write an ASCII ':' and a space").format(
            key=re.split(r"\s*：", node.value, maxsplit=1)[0]
        )
    return _("write it as 'key: value' lines")

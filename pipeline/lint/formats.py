"""Output formats: text (people), json (tools), sarif 2.1.0 (code scanning), github (workflow commands)."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

import pipeline
from pipeline.errors import display_path
from pipeline.lint.finding import Finding, RuleDescription
from pipeline.lint.rules import Rule

FORMATS = ("text", "json", "sarif", "github")
GITHUB_CAP = 10  # GitHub shows at most 10 errors and 10 warnings per step
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "suggestion": "note"}
SRCROOT = "%SRCROOT%"  # the uriBaseId of files below the workspace root

LineSource = Callable[[Finding], str | None]


def display_width(text: str) -> int:
    """Terminal columns of ``text``: 2 for East Asian wide and full-width characters, else 1."""
    return sum(map(_char_width, text))


@lru_cache(maxsize=8192)
def _char_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def caret_line(line: str, column: int, end_column: int) -> str:
    """Spaces up to ``column`` and carets under ``[column, end_column)``, counted in display width."""
    start = max(column - 1, 0)
    end = max(end_column - 1, start + 1)
    pad = "".join("\t" if ch == "\t" else " " * display_width(ch) for ch in line[:start])
    return pad + "^" * max(display_width(line[start:end]), 1)


def format_json(findings: Sequence[Finding]) -> str:
    """A JSON array of findings (see :meth:`Finding.to_dict`)."""
    return json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2) + "\n"


def _descriptor(rule_id: str, severity: str, category: str, short: str, full: str, **properties: str) -> dict:
    """A SARIF ``reportingDescriptor``; ``help`` repeats the full description (code scanning requires it)."""
    return {
        "id": rule_id,
        "name": rule_id,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": full},
        "defaultConfiguration": {"level": _SARIF_LEVEL[severity]},
        "properties": {"category": category, **properties, "tags": [category]},
    }


def _sarif_rule(rule: Rule) -> dict:
    return _descriptor(
        rule.id,
        rule.severity,
        rule.category,
        rule.description or rule.id,
        rule.description or rule.message,
        extends=rule.extends,
    )


def _sarif_description(rule: RuleDescription) -> dict:
    return _descriptor(rule.id, rule.severity, rule.category, rule.description, rule.description)


def _undescribed(findings: Sequence[Finding], known: set[str]) -> list[RuleDescription]:
    """A minimal description of every rule id in ``findings`` that no rule describes, so none lacks one."""
    seen: dict[str, RuleDescription] = {}
    for f in findings:
        if f.rule not in known and f.rule not in seen:
            seen[f.rule] = RuleDescription(f.rule, f.category, f.severity, f.rule)
    return list(seen.values())


def sarif_rules(
    findings: Sequence[Finding], rules: Sequence[Rule], extra: Sequence[RuleDescription] = ()
) -> list[dict]:
    """``tool.driver.rules``: the lint rules, then ``extra``, then any other rule id of ``findings``.

    An id already described is not described again, so each id has one index.
    """
    out = [_sarif_rule(r) for r in rules]
    known = {r.id for r in rules}
    for described in extra:
        if described.id not in known:
            out.append(_sarif_description(described))
            known.add(described.id)
    return out + [_sarif_description(d) for d in _undescribed(findings, known)]


def _sarif_result(f: Finding, rule_index: dict[str, int], root: Path) -> dict:
    region: dict[str, object] = {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
    }
    if f.match:
        region["snippet"] = {"text": f.match}
    return {
        "ruleId": f.rule,
        "ruleIndex": rule_index[f.rule],
        "level": _SARIF_LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact_location(f.path, root),
                    "region": region,
                }
            }
        ],
        "properties": {"category": f.category, "keyPath": f.key},
    }


def root_uri(root: Path) -> str:
    """The ``file://`` URI of the folder ``root``, ending in ``/`` (as SARIF wants of a base URI)."""
    uri = root.resolve().as_uri()
    return uri if uri.endswith("/") else uri + "/"


def artifact_location(path: Path | None, root: Path) -> dict:
    """A SARIF ``artifactLocation``: a percent-encoded URI relative to ``%SRCROOT%`` (``root``) for a
    file below it, an absolute ``file://`` URI (no base) for one outside it."""
    uri, relative = _artifact_uri(None if path is None else str(path), str(root))
    return {"uri": uri, "uriBaseId": SRCROOT} if relative else {"uri": uri}


@lru_cache(maxsize=4096)
def _artifact_uri(path: str | None, root: str) -> tuple[str, bool]:
    # Cached: resolving is a system call per path component, and thousands of findings share a file.
    if path is None:
        return quote("<input>"), True
    resolved = Path(path).resolve()
    try:
        relative = resolved.relative_to(Path(root).resolve())
    except ValueError:
        return resolved.as_uri(), False
    return quote(relative.as_posix(), safe="/"), True


def _plain_path(f: Finding) -> str:
    """The finding's file as shown to people (relative to the current folder), with ``/`` separators."""
    return display_path(f.path).replace("\\", "/")


def format_sarif(
    findings: Sequence[Finding],
    rules: Sequence[Rule],
    version: str | None = None,
    *,
    extra_rules: Sequence[RuleDescription] = (),
    root: Path | None = None,
) -> str:
    """A SARIF 2.1.0 log with one run, code-point columns.

    Every rule id of a result is described in ``tool.driver.rules`` (the lint ``rules``, then
    ``extra_rules`` such as the feedback checks', then a minimal entry for any other) and referenced
    by ``ruleIndex``. File URIs are relative to ``%SRCROOT%``, defined in ``originalUriBaseIds`` as
    ``root`` (default: the current folder).
    """
    root = Path.cwd() if root is None else root
    version = pipeline.version() if version is None else version
    descriptors = sarif_rules(findings, rules, extra_rules)
    rule_index = {d["id"]: i for i, d in enumerate(descriptors)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "shuzhi-lint",
                        "version": version,
                        "rules": descriptors,
                    }
                },
                "originalUriBaseIds": {
                    SRCROOT: {
                        "uri": root_uri(root),
                        "description": {
                            "text": "The workspace root (the folder with shuzhi.toml or drafts/)."
                        },
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_sarif_result(f, rule_index, root) for f in findings],
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: Sequence[Finding], cap: int = GITHUB_CAP) -> str:
    """Workflow commands; at most ``cap`` errors and ``cap`` warnings, then a notice with the rest."""
    out, shown, left = [], {"error": 0, "warning": 0, "notice": 0}, 0
    for f in findings:
        command = {"error": "error", "warning": "warning"}.get(f.severity, "notice")
        if shown[command] >= cap:
            left += 1
            continue
        shown[command] += 1
        props = (
            f"file={_escape_property(_plain_path(f))},line={f.line},col={f.column},"
            f"endLine={f.end_line},endColumn={f.end_column},title={_escape_property(f.rule)}"
        )
        out.append(f"::{command} {props}::{_escape_data(f.message)}")
    if left:
        out.append(
            f"::notice title=shuzhi-lint::{left} more findings not annotated "
            f"(GitHub shows {cap} errors and {cap} warnings per step); see the SARIF upload"
        )
    return "\n".join(out) + ("\n" if out else "")

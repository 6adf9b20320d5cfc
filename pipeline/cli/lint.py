"""``shuzhi lint``: check drafts (and plain .txt/.md/.docx prose) for boilerplate, hedging and the rest."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click

from pipeline.cli.options import root_option
from pipeline.content.config import Config, load_config
from pipeline.content.confine import check_output
from pipeline.content.model import Draft
from pipeline.content.workspace import find_root, load_draft_file, load_workspace, require_root, template_for
from pipeline.errors import EXIT_FINDINGS, EXIT_OK, Issue, UserError
from pipeline.fsutil import atomic_write_bytes, atomic_write_text
from pipeline.i18n import _
from pipeline.lint.document import Document, from_draft
from pipeline.lint.engine import YAML_SUFFIXES, Linter, expand_paths, read_document
from pipeline.lint.finding import Finding
from pipeline.lint.formats import FORMATS, display_width, format_github, format_json, format_sarif
from pipeline.lint.locate import locate
from pipeline.lint.readable import Linted, format_readable, format_summary, severity_name, summary_counts
from pipeline.lint.trend import format_trend, trend, trend_dicts

_VERSION_DIR = re.compile(r"^v([1-9][0-9]*)$")


@click.command(
    help=_(
        "Lint drafts: every draft of the workspace, or PATHS (report.yaml, folders, .txt, .md, .docx).\n\n"
        "Exit 0 when there are no errors, 1 when there are (--strict: warnings too), 2 on usage, "
        "configuration or input errors."
    )
)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--latest",
    is_flag=True,
    help=_("Only each unit's last draft (of PATHS: the report.yaml files that are their unit's last draft)."),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help=_("Output format: text for people, json, sarif (code scanning), github (annotations)."),
)
@click.option("--strict", is_flag=True, help=_("Exit 1 on warnings too, not only on errors."))
@click.option(
    "--trend",
    "trend_units",
    metavar="UNIT",
    multiple=True,
    help=_("Print per-draft quality numbers of UNIT instead of findings (repeat it for several units)."),
)
@click.option("--list-rules", is_flag=True, help=_("List the rules (built-in and configured) and exit."))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=_("Write the output to FILE instead of standard output."),
)
@click.option(
    "--summary",
    is_flag=True,
    help=_(
        "Print the number of findings per rule and per section instead of each finding "
        "(text and json formats)."
    ),
)
@click.option(
    "--docx",
    "docx_out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="OUT.docx",
    help=_(
        "Also write the linted draft or .docx as a Word document with every finding as a "
        "comment on the flagged words (one draft or .docx at a time)."
    ),
)
@root_option
def lint(
    paths: tuple[Path, ...],
    latest: bool,
    fmt: str,
    strict: bool,
    trend_units: tuple[str, ...],
    list_rules: bool,
    output: Path | None,
    summary: bool,
    docx_out: Path | None,
    root: Path | None,
) -> int:
    """``shuzhi lint`` (the help text is the command's ``help=``, translated)."""
    root = require_root(root) if root is not None else find_root(paths[0] if paths else Path.cwd())
    config = load_config(root) if root else Config()
    linter = Linter(config.lint)
    if list_rules:
        return _emit(_rules_listing(linter), output)
    if trend_units:
        if paths or latest or strict:
            raise click.UsageError(
                _("--trend UNIT prints the unit's numbers per draft: it takes no PATHS, --latest or --strict")
            )
        return _emit(_trend(root, trend_units, linter, fmt), output)
    if summary and fmt in ("sarif", "github"):
        raise click.UsageError(
            _(
                "--summary counts findings for people (text) or tools (json); "
                "it cannot be given with --format {fmt}"
            ).format(fmt=fmt)
        )
    sources = _documents(paths, root, latest)
    if paths and latest and not sources:
        # Only earlier drafts given (a pre-commit hook passes the changed files): nothing is linted, and
        # a "0 files" summary would read as if something had been checked.
        click.echo(_("nothing to lint: --latest lints only each unit's latest draft"), err=True)
        return EXIT_OK
    inputs = [doc.path for doc, _draft in sources if doc.path is not None]
    for option, target in (("-o/--output", output), ("--docx", docx_out)):
        if target is not None:
            check_output(target, option=option, inputs=inputs)
    if docx_out is not None and len(sources) != 1:
        raise click.UsageError(
            _("--docx writes one Word document: give one draft or .docx ({n} given)").format(n=len(sources))
        )
    results = [(doc, linter.run(doc)) for doc, _draft in sources]
    findings = [f for _doc, batch in results for f in batch]
    if docx_out is not None:
        _write_review(sources[0], results[0][1], docx_out, root)
    _emit(_render(fmt, findings, results, linter, root or Path.cwd(), summary), output)
    failing = ("error", "warning") if strict else ("error",)
    return EXIT_FINDINGS if any(f.severity in failing for f in findings) else EXIT_OK


def _documents(
    paths: tuple[Path, ...], root: Path | None, latest: bool
) -> list[tuple[Document, Draft | None]]:
    """The documents to lint (with their draft when they are one): the given paths, or every draft of
    the workspace."""
    if paths:
        files = expand_paths(paths)
        return _read_all(_latest_only(files) if latest else files)
    if root is None:
        raise UserError(
            Issue(
                Path.cwd(),
                _("not inside a shuzhi workspace and no files given"),
                code="no-workspace",
                hint=_("run it in a workspace, or name files: shuzhi lint report.yaml notes.md"),
            )
        )
    workspace = load_workspace(root)
    drafts = [d for u in workspace.units for d in ((u.latest,) if latest and u.latest else u.drafts)]
    return [(from_draft(d), d) for d in drafts]


def _read_all(files: list[Path]) -> list[tuple[Document, Draft | None]]:
    """Every file read; the mistakes of every file that cannot be read are raised together."""
    read: list[tuple[Document, Draft | None]] = []
    issues: list[Issue] = []
    for path in files:
        try:
            read.append(_read(path))
        except UserError as exc:
            issues.extend(exc.issues)
    if issues:
        raise UserError(issues)
    return read


def _read(path: Path) -> tuple[Document, Draft | None]:
    if path.suffix.lower() in YAML_SUFFIXES and path.name == "report.yaml":
        draft = load_draft_file(path)
        return from_draft(draft), draft
    return read_document(path), None


def _write_review(
    source: tuple[Document, Draft | None], findings: list[Finding], out: Path, root: Path | None
) -> None:
    """``out``: the draft rendered (or the .docx itself) with every finding as a Word comment."""
    from pipeline.lint.review_docx import docx_review, draft_review

    doc, draft = source
    located = locate(doc, findings)
    if draft is not None:
        from pipeline.render.document import render_report

        rendered = render_report(draft, template_for(find_root(draft.dir) or root, draft.unit))
        data = draft_review(rendered, draft, doc, located)
    elif doc.path is not None and doc.path.suffix.lower() == ".docx":
        data = docx_review(doc.path.read_bytes(), located, path=doc.path)
    else:
        raise UserError(
            Issue(
                doc.path,
                _("--docx needs a draft (report.yaml) or a .docx to put the comments in"),
                hint=_("lint the .txt or .md file without --docx"),
            )
        )
    atomic_write_bytes(out, data)
    click.echo(_("wrote {path} with {n} comments").format(path=out, n=len(located)), err=True)


def _latest_only(files: list[Path]) -> list[Path]:
    """Of ``…/<unit>/v<N>/report.yaml`` files, only those of each unit's latest draft; other files unchanged.

    "Latest" is the unit's highest ``v<N>`` folder on disk, not the highest among the files given:
    a pre-commit hook passes only the changed files, and an edit to an old draft (history, never
    linted by ``shuzhi check``) must not be linted as if it were the current one.
    """
    kept = []
    for path in files:
        match = _VERSION_DIR.match(path.parent.name)
        if path.name != "report.yaml" or not match:
            kept.append(path)
        elif int(match.group(1)) == _latest_version(path.parent.parent):
            kept.append(path)
    return kept


def _latest_version(unit_dir: Path) -> int:
    versions = [
        int(m.group(1)) for e in unit_dir.iterdir() if e.is_dir() and (m := _VERSION_DIR.match(e.name))
    ]
    return max(versions, default=0)


def _render(
    fmt: str,
    findings: list[Finding],
    results: list[tuple[Document, list[Finding]]],
    linter: Linter,
    root: Path,
    summary: bool = False,
) -> str:
    linted = [Linted(doc, locate(doc, batch)) for doc, batch in results] if fmt == "text" or summary else []
    if summary and fmt == "json":
        return json.dumps(summary_counts(linted), ensure_ascii=False, indent=2) + "\n"
    if summary:
        return format_summary(linted, files=len(results))
    if fmt == "json":
        return format_json(findings)
    if fmt == "sarif":
        return format_sarif(findings, linter.rules, root=root)
    if fmt == "github":
        return format_github(findings)
    return format_readable(linted, files=len(results))


def _trend(root: Path | None, unit_ids: tuple[str, ...], linter: Linter, fmt: str) -> str:
    """Each unit's table (text), or its numbers (JSON: one object, or a list for several units)."""
    if root is None:
        raise UserError(
            Issue(
                Path.cwd(),
                _("--trend needs a workspace"),
                code="no-workspace",
                hint=_("run it inside a shuzhi workspace"),
            )
        )
    workspace = load_workspace(root, list(unit_ids))  # one load for every unit asked
    tables = [(unit, trend(unit.drafts, linter)) for unit in workspace.units]
    if fmt == "json":
        found = [{"unit": unit.unit.id, "drafts": trend_dicts(rows)} for unit, rows in tables]
        return json.dumps(found[0] if len(found) == 1 else found, ensure_ascii=False, indent=2) + "\n"
    return "\n".join(format_trend(unit.unit.name, rows) for unit, rows in tables)


def _rules_listing(linter: Linter) -> str:
    """One line a rule: id, severity (in the interface language), category, description; aligned."""
    severities = [severity_name(r.severity) for r in linter.rules]
    width = max((display_width(s) for s in severities), default=0) + 2
    lines = [
        f"{r.id:24} {severity}{' ' * (width - display_width(severity))}{r.category:20} {r.description}"
        for r, severity in zip(linter.rules, severities, strict=True)
    ]
    return "\n".join(lines) + "\n"


def _emit(text: str, output: Path | None) -> int:
    if output is None:
        click.echo(text, nl=False)
    else:
        atomic_write_text(output, text)
    return EXIT_OK

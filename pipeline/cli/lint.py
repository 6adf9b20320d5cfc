"""``shuzhi lint``: check drafts (and plain .txt/.md/.docx prose) for boilerplate, hedging and the rest."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click

from pipeline.content.config import Config, load_config
from pipeline.errors import EXIT_FINDINGS, EXIT_OK, Issue, UserError
from pipeline.fsutil import atomic_write_text
from pipeline.lint.document import Document, from_draft
from pipeline.lint.engine import Linter, expand_paths, read_document
from pipeline.lint.finding import Finding
from pipeline.lint.formats import FORMATS, format_github, format_json, format_sarif, format_text
from pipeline.lint.trend import format_trend, trend, trend_dicts
from pipeline.content.workspace import find_root, load_workspace

_VERSION_DIR = re.compile(r"^v([1-9][0-9]*)$")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--latest", is_flag=True,
              help="Only each unit's last draft (of PATHS: the report.yaml files that are their unit's last draft).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format: text for people, json, sarif (code scanning), github (annotations).")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on errors.")
@click.option("--trend", "trend_unit", metavar="UNIT", default=None,
              help="Print per-draft quality numbers of UNIT instead of findings.")
@click.option("--list-rules", is_flag=True, help="List the rules (built-in and configured) and exit.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the output to FILE instead of standard output.")
def lint(paths: tuple[Path, ...], latest: bool, fmt: str, strict: bool, trend_unit: str | None,
         list_rules: bool, output: Path | None) -> int:
    """Lint drafts: every draft of the workspace, or PATHS (report.yaml, folders, .txt, .md, .docx).

    Exit 0 when there are no errors, 1 when there are (--strict: warnings too), 2 on usage,
    configuration or input errors.
    """
    root = find_root(paths[0] if paths else Path.cwd())
    config = load_config(root) if root else Config()
    linter = Linter(config.lint)
    if list_rules:
        return _emit(_rules_listing(linter), output)
    if trend_unit is not None:
        if paths or latest or strict:
            raise click.UsageError("--trend UNIT prints the unit's numbers per draft: it takes no PATHS, "
                                   "--latest or --strict")
        return _emit(_trend(root, trend_unit, linter, fmt), output)
    docs = _documents(paths, root, latest)
    results = [(doc, linter.run(doc)) for doc in docs]
    findings = [f for _, batch in results for f in batch]
    _emit(_render(fmt, findings, results, linter, root or Path.cwd()), output)
    failing = ("error", "warning") if strict else ("error",)
    return EXIT_FINDINGS if any(f.severity in failing for f in findings) else EXIT_OK


def _documents(paths: tuple[Path, ...], root: Path | None, latest: bool) -> list[Document]:
    """The documents to lint: the given paths, or every draft of the workspace."""
    if paths:
        files = expand_paths(paths)
        return [read_document(p) for p in (_latest_only(files) if latest else files)]
    if root is None:
        raise UserError(Issue(Path.cwd(), "not inside a shuzhi workspace and no files given",
                              hint="run it in a workspace, or name files: shuzhi lint report.yaml notes.md"))
    workspace = load_workspace(root)
    drafts = [d for u in workspace.units for d in ((u.latest,) if latest and u.latest else u.drafts)]
    return [from_draft(d) for d in drafts]


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
    versions = [int(m.group(1)) for e in unit_dir.iterdir() if e.is_dir() and (m := _VERSION_DIR.match(e.name))]
    return max(versions, default=0)


def _render(fmt: str, findings: list[Finding], results: list[tuple[Document, list[Finding]]],
            linter: Linter, root: Path) -> str:
    if fmt == "json":
        return format_json(findings)
    if fmt == "sarif":
        return format_sarif(findings, linter.rules, root=root)
    if fmt == "github":
        return format_github(findings)
    lines = {id(f): doc.lines for doc, batch in results for f in batch}

    def line_of(f: Finding) -> str | None:
        source = lines.get(id(f), ())
        return source[f.line - 1] if 0 < f.line <= len(source) else None

    return format_text(findings, line_of, files=len(results))


def _trend(root: Path | None, unit_id: str, linter: Linter, fmt: str) -> str:
    if root is None:
        raise UserError(Issue(Path.cwd(), "--trend needs a workspace", hint="run it inside a shuzhi workspace"))
    workspace = load_workspace(root, [unit_id])
    unit = workspace.units[0]
    rows = trend(unit.drafts, linter)
    if fmt == "json":
        return json.dumps({"unit": unit.unit.id, "drafts": trend_dicts(rows)}, ensure_ascii=False, indent=2) + "\n"
    return format_trend(unit.unit.name, rows)


def _rules_listing(linter: Linter) -> str:
    lines = [f"{r.id:24} {r.severity:10} {r.category:20} {r.description}" for r in linter.rules]
    return "\n".join(lines) + "\n"


def _emit(text: str, output: Path | None) -> int:
    if output is None:
        click.echo(text, nl=False)
    else:
        atomic_write_text(output, text)
    return EXIT_OK

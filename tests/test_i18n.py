"""The interface language and the message catalogs: chosen from the environment, complete, compiled."""

from __future__ import annotations

import ast
import gettext
import string
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from pipeline import i18n

PIPELINE_DIR = Path(i18n.__file__).parent
CATALOGS = sorted(i18n.LOCALE_DIR.glob("*/LC_MESSAGES/shuzhi.po"))
# The same keywords `make messages` gives pybabel (-k gettext_ -k tr: `from pipeline.i18n import _ as tr`).
KEYWORDS = {**DEFAULT_KEYWORDS, "gettext_": None, "tr": None}


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "zh_CN"),
        ({"LANG": "C"}, "zh_CN"),
        ({"LANG": "C.UTF-8"}, "zh_CN"),
        ({"LANG": "POSIX"}, "zh_CN"),
        ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "en"}, "en"),
        ({"LC_MESSAGES": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "C", "LANG": "en_US.UTF-8"}, "zh_CN"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "", "LANG": "en_US.UTF-8"}, "en"),
        ({"SHUZHI_LANG": "en"}, "en"),
        ({"SHUZHI_LANG": "EN_us"}, "en"),
        ({"SHUZHI_LANG": "zh_CN", "LANG": "en_US.UTF-8"}, "zh_CN"),
        ({"SHUZHI_LANG": "en", "LC_ALL": "zh_CN.UTF-8"}, "en"),
        ({"SHUZHI_LANG": "", "LANG": "en_US.UTF-8"}, "en"),
        ({"SHUZHI_LANG": "fr"}, "zh_CN"),
    ],
)
def test_language_from_environment(environ: dict[str, str], expected: str) -> None:
    assert i18n.language_from(environ) == expected


def test_current_language_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SHUZHI_LANG", "en")
    assert i18n.current_language() == "en"
    monkeypatch.setenv("LANG", "C")
    monkeypatch.delenv("SHUZHI_LANG")
    assert i18n.current_language() == "zh_CN"


def test_chinese_catalog_is_installed() -> None:
    """The compiled catalog ships inside the package, so Chinese never silently falls back to English."""
    assert (i18n.LOCALE_DIR / "zh_CN" / "LC_MESSAGES" / "shuzhi.mo").is_file()
    assert isinstance(i18n.translations("zh_CN"), gettext.GNUTranslations)
    assert not isinstance(i18n.translations("en"), gettext.GNUTranslations)


def test_english_is_the_message_id(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHUZHI_LANG", "en")
    assert i18n._("no such message id, surely") == "no such message id, surely"
    assert i18n.ngettext("{n} error", "{n} errors", 1) == "{n} error"
    assert i18n.ngettext("{n} error", "{n} errors", 2) == "{n} errors"


def _placeholders(text: str) -> Counter[str]:
    """The ``{name!r:spec}`` fields of a format string (literal ``{{`` excluded)."""
    fields: Counter[str] = Counter()
    for _literal, name, spec, conversion in string.Formatter().parse(text):
        if name is not None:
            fields[f"{name}!{conversion or ''}:{spec or ''}"] += 1
    return fields


def _source_messages() -> dict[tuple[str | None, str], str]:
    """Every (context, msgid) found in the source (a plural by its singular) → where it was first seen."""
    found: dict[tuple[str | None, str], str] = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
        str(PIPELINE_DIR), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        msgid = message[0] if isinstance(message, (list, tuple)) else message
        found.setdefault((context, msgid), f"pipeline/{filename}:{lineno}")
    return found


@pytest.mark.parametrize("po_path", CATALOGS, ids=lambda p: p.parent.parent.name)
def test_catalog_translates_every_message_with_the_same_placeholders(po_path: Path) -> None:
    """Every message of the source is in the catalog, translated, not fuzzy, with the same ``{fields}``.

    When this fails after adding messages: ``make messages``, then translate the new entries.
    """
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    problems: list[str] = []
    for (context, msgid), where in sorted(_source_messages().items(), key=lambda item: item[1]):
        entry = catalog.get(msgid, context=context)
        if entry is None:
            problems.append(f"{where}: {msgid!r} is not in the catalog (run `make messages`)")
            continue
        strings = entry.string if isinstance(entry.string, (list, tuple)) else (entry.string,)
        if entry.fuzzy or not all(strings):
            problems.append(f"{where}: {msgid!r} has no (or only a fuzzy) translation")
            continue
        ids = entry.id if isinstance(entry.id, (list, tuple)) else (entry.id,)
        # A plural's forms may drop the count ("one error"), but never invent or rename a field.
        allowed = _placeholders(ids[-1])
        for translated in strings:
            got = _placeholders(translated)
            if got != allowed and not (len(ids) > 1 and not (got - allowed)):
                problems.append(f"{where}: {msgid!r}: placeholders {dict(got)} ≠ {dict(allowed)}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("po_path", CATALOGS, ids=lambda p: p.parent.parent.name)
def test_compiled_catalog_is_up_to_date(po_path: Path) -> None:
    """The committed ``.mo`` says what the ``.po`` says (``make messages`` recompiles it)."""
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    with po_path.with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale: list[str] = []
    for entry in catalog:
        if not entry.id or entry.fuzzy:
            continue
        if isinstance(entry.id, (list, tuple)):
            # The first form is the one for n = 1 in every catalog we have (zh_CN has only that one).
            got = compiled.ngettext(entry.id[0], entry.id[1], 1)
            if entry.string[0] and got != entry.string[0]:
                stale.append(f"{entry.id!r}: .mo has {got!r}, .po has {entry.string[0]!r}")
        elif entry.string:
            got = compiled.pgettext(entry.context, entry.id) if entry.context else compiled.gettext(entry.id)
            if got != entry.string:
                stale.append(f"{entry.id!r}: .mo has {got!r}, .po has {entry.string!r}")
    assert not stale, "the .mo is stale, run `make messages`:\n" + "\n".join(stale)


def _own_scope(function: ast.AST) -> list[ast.AST]:
    """The nodes of a function's own scope (nested functions, lambdas and comprehensions left out)."""
    nested = (
        ast.FunctionDef,
        ast.AsyncFunctionDef,
        ast.Lambda,
        ast.ClassDef,
        ast.ListComp,
        ast.SetComp,
        ast.DictComp,
        ast.GeneratorExp,
    )
    found, stack = [], list(ast.iter_child_nodes(function))
    while stack:
        node = stack.pop()
        if not isinstance(node, nested):
            found.append(node)
            stack.extend(ast.iter_child_nodes(node))
    return found


def test_no_function_hides_the_translation_function() -> None:
    """``root, _ = load(…)`` in a function that also calls ``_("…")`` makes ``_`` a local: the call then
    fails (UnboundLocalError) or calls the wrong thing.  Name the throwaway ``_unused`` instead."""
    clashes = []
    for path in sorted(PIPELINE_DIR.rglob("*.py")):
        for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            binds = [
                n
                for n in _own_scope(function)
                if isinstance(n, ast.Name) and n.id == "_" and isinstance(n.ctx, ast.Store)
            ]
            calls = any(
                isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "_"
                for n in ast.walk(function)
            )
            if binds and calls:
                where = path.relative_to(PIPELINE_DIR.parent)
                clashes.append(f"{where}:{binds[0].lineno} in {function.name}()")
    assert not clashes, "\n".join(clashes)


def _literal_messages(path: Path) -> list[tuple[int, str]]:
    """Every string literal given to a translation function in ``path`` (nested calls included)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in KEYWORDS):
            continue
        spec = KEYWORDS[node.func.id]  # None: the first argument; else the positions (1-based) of its parts
        index = 0 if spec is None else next(part for part in spec if isinstance(part, int)) - 1
        given = node.args[index] if len(node.args) > index else None
        if isinstance(given, ast.Constant) and isinstance(given.value, str):
            found.append((node.lineno, given.value))
    return found


def test_every_message_in_the_source_is_extracted() -> None:
    """pybabel skips a message written inside another translation call — ``_(d.get(k, N_("…")))`` — so
    it never reaches the catalog and shows in English: write it as a module constant instead."""
    extracted = {msgid for _context, msgid in _source_messages()}
    missed = [
        f"{path.relative_to(PIPELINE_DIR.parent)}:{line}: {message!r}"
        for path in sorted(PIPELINE_DIR.rglob("*.py"))
        for line, message in _literal_messages(path)
        if message not in extracted
    ]
    assert not missed, "\n".join(missed)

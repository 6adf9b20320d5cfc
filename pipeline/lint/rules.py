"""Rule packs: YAML files of rules → :class:`Rule` objects.  Every error is reported at once, located.

A pack::

    pack: core
    rules:
      - id: boilerplate-stock             # unique; the name used in config and lint-ignore
        category: boilerplate             # one of pipeline.lint.finding.CATEGORIES
        severity: warning                 # error | warning | suggestion
        extends: existence-when-not-concrete   # the check type (pipeline.lint.checks.CHECKS)
        message: "“{match}”是套话……"        # Chinese, says what to do; {match} and check details
        tokens: [高度重视, 认真贯彻落实]      # literal phrases
        patterns: ['抓在手上、扛在肩上']      # regular expressions
        exceptions: ['少数民族']            # regexes: a match overlapping one of these is not flagged
        scope: [problem, cause]           # text kinds (default: all)
        options: {min_chars: 20}          # check-type options
        examples:
          flag: [进一步加强支部建设，取得明显成效。]
          pass: [进一步加强支部建设，制定了14项工作规范。]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pipeline.content import yamlsrc
from pipeline.content.yamlsrc import YNode
from pipeline.errors import Issue, IssueCollector
from pipeline.i18n import _
from pipeline.lint.checks import CHECKS
from pipeline.lint.document import TEXT_KINDS
from pipeline.lint.finding import CATEGORIES, SEVERITIES

BUILTIN_DIR = Path(__file__).resolve().parent / "rules"
_RULE_KEYS = {
    "id",
    "category",
    "severity",
    "extends",
    "message",
    "description",
    "tokens",
    "patterns",
    "exceptions",
    "scope",
    "options",
    "examples",
}
_ID_RE = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Rule:
    """One rule: data picking a check type, with what to look for and what to say."""

    id: str
    category: str
    severity: str
    extends: str
    message: str
    description: str = ""
    tokens: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    scope: tuple[str, ...] | None = None
    options: dict[str, Any] = field(default_factory=dict, compare=False)
    flag_examples: tuple[Any, ...] = ()
    pass_examples: tuple[Any, ...] = ()
    pack: Path | None = None
    line: int = 1

    @cached_property
    def parts(self) -> tuple[re.Pattern[str], ...]:
        """The tokens as one regex and each pattern on its own: separately each keeps the regex
        engine's first-character optimisation, which one big alternation loses (several times faster)."""
        parts = [re.escape(t) for t in sorted(self.tokens, key=len, reverse=True)]
        compiled = [re.compile("|".join(parts))] if parts else []
        return tuple(compiled + [re.compile(p) for p in self.patterns])

    def finditer(self, text: str) -> list[re.Match[str]]:
        """Non-overlapping matches of the tokens and patterns in ``text``: leftmost first, longest
        at the same start (what the single alternation would give, minus its cost)."""
        if len(self.parts) == 1:
            return list(self.parts[0].finditer(text))
        found = sorted(
            (m for part in self.parts for m in part.finditer(text)), key=lambda m: (m.start(), -m.end())
        )
        out: list[re.Match[str]] = []
        for match in found:
            if not out or match.start() >= out[-1].end():
                out.append(match)
        return out

    def search(self, text: str) -> bool:
        """Whether any token or pattern occurs in ``text``."""
        return any(part.search(text) for part in self.parts)

    @cached_property
    def exception_re(self) -> re.Pattern[str] | None:
        return re.compile("|".join(f"(?:{p})" for p in self.exceptions)) if self.exceptions else None

    @cached_property
    def builtin(self) -> bool:
        """Whether the rule comes from the lint's own packs (or was built in code), not a unit's extra
        pack.  Remembered: the engine asks it for every boilerplate hit of a document."""
        return self.pack is None or self.pack.parent == BUILTIN_DIR

    def with_severity(self, severity: str) -> Rule:
        from dataclasses import replace

        return replace(self, severity=severity)


def builtin_packs() -> list[Path]:
    """The packs shipped with shuzhi, in name order."""
    return sorted(BUILTIN_DIR.glob("*.yaml"))


_PACK_CACHE: dict[tuple[Path, int, int], list[Rule]] = {}


def load_rules(extra_packs: tuple[Path, ...] = ()) -> list[Rule]:
    """The built-in rules, then each extra pack's (a rule with an existing id replaces it)."""
    issues = IssueCollector()
    by_id: dict[str, Rule] = {}
    for path in builtin_packs() + list(extra_packs):
        for rule in _cached_pack(path, issues):
            by_id[rule.id] = rule
    issues.raise_if_any()
    return list(by_id.values())


def _cached_pack(path: Path, issues: IssueCollector) -> list[Rule]:
    """:func:`read_pack`, remembered per file version (a build lints thousands of drafts)."""
    try:
        stat = path.stat()
    except OSError:
        return read_pack(path, issues)
    key = (path.resolve(), stat.st_mtime_ns, stat.st_size)
    if key not in _PACK_CACHE:
        before = len(issues.issues)
        rules = read_pack(path, issues)
        if len(issues.issues) > before:
            return rules
        _PACK_CACHE[key] = rules
    return _PACK_CACHE[key]


def read_pack(path: Path, issues: IssueCollector) -> list[Rule]:
    """The rules of one pack file; problems go to ``issues``."""
    root, _source = yamlsrc.load(path, issues)
    if root is None:
        return []
    if root.kind != "map" or "rules" not in root.entries:
        issues.add(
            Issue(
                path,
                _("a rule pack is a mapping with a 'rules' list"),
                line=root.span.line,
                column=root.span.column,
                hint=_("see docs/lint.md for the rule-pack format"),
                code="not-a-mapping",
            )
        )
        return []
    rules_node = root.entries["rules"][1]
    if rules_node.kind != "seq":
        _issue(issues, path, rules_node, _("must be a list of rules"), code="not-a-list")
        return []
    rules, seen = [], set()
    for node in rules_node.items:
        rule = _read_rule(path, node, issues)
        if rule is None:
            continue
        if rule.id in seen:
            _issue(
                issues,
                path,
                node,
                _("duplicate rule id '{id}'").format(id=rule.id),
                _("give each rule its own id"),
                code="duplicate-id",
            )
        seen.add(rule.id)
        rules.append(rule)
    return rules


def _issue(
    issues: IssueCollector,
    path: Path,
    node: YNode,
    message: str,
    hint: str = "",
    code: str = "invalid-content",
) -> None:
    from pipeline.content.source import format_key_path

    issues.add(
        Issue(
            path,
            message,
            line=node.span.line,
            column=node.span.column,
            key_path=format_key_path(node.key_path),
            hint=hint,
            code=code,
        )
    )


def plain(node: YNode) -> Any:
    """A YAML node as plain Python (scalars typed by their resolved tag)."""
    if node.kind == "map":
        return {k: plain(v) for k, (_, v) in node.entries.items()}
    if node.kind == "seq":
        return [plain(item) for item in node.items]
    if node.tag.endswith(":int"):
        return int(node.value.replace("_", ""), 0)
    if node.tag.endswith(":float"):
        return float(node.value.replace("_", ""))
    if node.tag.endswith(":bool"):
        return node.value.lower() in ("true", "yes", "on")
    if node.tag.endswith(":null"):
        return None
    return node.value


def _strings(data: dict[str, Any], key: str) -> tuple[str, ...] | None:
    value = data.get(key, [])
    if isinstance(value, list) and all(isinstance(v, str) and v for v in value):
        return tuple(value)
    return None


def _read_rule(path: Path, node: YNode, issues: IssueCollector) -> Rule | None:
    if node.kind != "map":
        _issue(issues, path, node, _("a rule must be a mapping"), code="not-a-mapping")
        return None
    before = len(issues.issues)
    data = plain(node)
    entry = {k: v for k, (_, v) in node.entries.items()}
    for key in sorted(set(data) - _RULE_KEYS):
        _issue(
            issues,
            path,
            entry[key],
            _("unknown key {key!r}").format(key=key),
            _("allowed here: {keys}").format(keys=", ".join(sorted(_RULE_KEYS))),
            code="unknown-key",
        )
    for key in ("id", "category", "severity", "extends", "message"):
        if not isinstance(data.get(key), str) or not data[key]:
            _issue(
                issues,
                path,
                entry.get(key, node),
                _("'{key}' is required (a non-empty string)").format(key=key),
                code="missing-key",
            )
    checks = [
        (
            "id",
            lambda v: isinstance(v, str) and bool(_ID_RE.match(v)),
            _("use lowercase letters, digits and '-'"),
        ),
        ("category", lambda v: v in CATEGORIES, _("use one of: {known}").format(known=", ".join(CATEGORIES))),
        ("severity", lambda v: v in SEVERITIES, _("use error, warning or suggestion")),
        ("extends", lambda v: v in CHECKS, _("use one of: {known}").format(known=", ".join(sorted(CHECKS)))),
    ]
    for key, ok, hint in checks:
        if isinstance(data.get(key), str) and data[key] and not ok(data[key]):
            _issue(
                issues,
                path,
                entry[key],
                _("invalid {key} '{value}'").format(key=key, value=data[key]),
                hint,
                code="not-a-choice",
            )
    lists = {key: _strings(data, key) for key in ("tokens", "patterns", "exceptions")}
    for key, value in lists.items():
        if value is None:
            _issue(issues, path, entry[key], _("must be a list of non-empty strings"), code="not-a-list")
    for key in ("patterns", "exceptions"):
        for i, pattern in enumerate(lists[key] or ()):
            try:
                re.compile(pattern)
            except re.error as exc:
                _issue(
                    issues,
                    path,
                    entry[key].items[i],
                    _("invalid regular expression: {error}").format(error=exc),
                )
    scope = _read_scope(path, data, entry, issues)
    options = _read_options(path, data, entry, issues)
    flag, passing = _read_examples(path, data, entry, node, issues)
    if len(issues.issues) > before:
        return None
    return Rule(
        id=data["id"],
        category=data["category"],
        severity=data["severity"],
        extends=data["extends"],
        message=data["message"],
        description=str(data.get("description") or ""),
        tokens=lists["tokens"] or (),
        patterns=lists["patterns"] or (),
        exceptions=lists["exceptions"] or (),
        scope=scope,
        options=options,
        flag_examples=flag,
        pass_examples=passing,
        pack=path,
        line=node.span.line,
    )


def _read_scope(path: Path, data: dict, entry: dict, issues: IssueCollector) -> tuple[str, ...] | None:
    if "scope" not in data:
        return None
    scope = _strings(data, "scope")
    if scope is None or any(s not in TEXT_KINDS for s in scope):
        _issue(
            issues,
            path,
            entry["scope"],
            _("must be a list of text kinds"),
            _("use one of: {known}").format(known=", ".join(TEXT_KINDS)),
            code="not-a-list",
        )
        return None
    return scope


def _read_options(path: Path, data: dict, entry: dict, issues: IssueCollector) -> dict[str, Any]:
    options = data.get("options", {})
    if not isinstance(options, dict):
        _issue(issues, path, entry["options"], _("must be a mapping"), code="not-a-mapping")
        return {}
    check = CHECKS.get(data.get("extends", ""))
    allowed = check.options if check else {}
    for key, value in options.items():
        expected = allowed.get(key)
        if expected is None:
            _issue(
                issues,
                path,
                entry["options"],
                _("unknown option '{key}'").format(key=key),
                _("options of {check}: {known}").format(
                    check=data.get("extends"), known=", ".join(allowed) or _("none")
                ),
                code="unknown-key",
            )
        elif not isinstance(value, (int, float) if expected is float else expected) or isinstance(
            value, bool
        ):
            _issue(
                issues,
                path,
                entry["options"],
                _("option '{key}' must be a {kind}").format(key=key, kind=expected.__name__),
                code="config-value",
            )
    return options


def _read_examples(
    path: Path, data: dict, entry: dict, node: YNode, issues: IssueCollector
) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    examples = data.get("examples")
    if (
        not isinstance(examples, dict)
        or not examples.get("flag")
        or not examples.get("pass")
        or not isinstance(examples["flag"], list)
        or not isinstance(examples["pass"], list)
    ):
        _issue(
            issues,
            path,
            entry.get("examples", node),
            _("every rule needs examples: a 'flag' and a 'pass' list"),
            _("add text the rule must flag and text it must let pass"),
            code="missing-key",
        )
        return (), ()
    for key in sorted(set(examples) - {"flag", "pass"}):
        _issue(
            issues,
            path,
            entry["examples"],
            _("unknown key {key!r}").format(key=key),
            _("use flag and pass"),
            code="unknown-key",
        )
    return tuple(examples["flag"]), tuple(examples["pass"])

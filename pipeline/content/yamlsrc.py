"""Safe YAML with positions: text → a tree of :class:`YNode` that knows where each node came from.

Only PyYAML's *safe* composer is used (no Python object tags).  Before parsing, the raw text is
checked for characters that XML 1.0 forbids (they would corrupt the Word document) so the user is
told the exact line and column; after parsing, scalar values are checked again, because a YAML
escape such as ``"\\x07"`` can produce one.  Duplicate keys — which PyYAML silently accepts — are
errors here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from pipeline.errors import Issue, IssueCollector
from pipeline.content.source import KeyPath, SourceMap, Span, format_key_path

# Characters XML 1.0 does not allow (tab, LF and CR are allowed).
FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
MAX_YAML_BYTES = 16 * 1024 * 1024
MAX_NODES = 500_000


@dataclass
class YNode:
    """One YAML node with its key path and source span."""

    kind: str  # "map" | "seq" | "scalar"
    key_path: KeyPath
    span: Span
    tag: str = ""
    value: str = ""  # scalars: the raw scalar text
    items: list["YNode"] = field(default_factory=list)  # sequences
    entries: dict[str, tuple["YNode", "YNode"]] = field(default_factory=dict)  # maps: key → (key node, value node)

    @property
    def is_null(self) -> bool:
        return self.kind == "scalar" and self.tag.endswith(":null")


def describe_char(ch: str) -> str:
    """``U+0007`` and, for control characters, a readable name."""
    names = {"\x00": "NUL", "\x07": "BEL", "\x08": "backspace", "\x0b": "vertical tab", "\x0c": "form feed",
             "\x1b": "escape"}
    name = names.get(ch, "lone surrogate" if "\ud800" <= ch <= "\udfff" else "control character")
    return f"U+{ord(ch):04X} ({name})"


def read_text(path: Path, issues: IssueCollector) -> str | None:
    """The file's text as UTF-8 (BOM dropped), or None with an issue recorded."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        issues.add(Issue(path, "file not found", hint="check the path"))
        return None
    except OSError as exc:
        issues.add(Issue(path, f"cannot read the file ({exc.strerror})"))
        return None
    if len(data) > MAX_YAML_BYTES:
        issues.add(Issue(path, f"file is {len(data):,} bytes (limit {MAX_YAML_BYTES:,})",
                         hint="split the content; a report is a few dozen KB"))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = len(data[: exc.start].rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        issues.add(Issue(path, f"not valid UTF-8 (byte 0x{data[exc.start]:02X})", line=line, column=column,
                         hint="save the file as UTF-8 (not GBK/GB2312)"))
        return None
    return text.removeprefix("\ufeff")


def forbidden_char_issues(path: Path, text: str, key_path: str = "") -> list[Issue]:
    """One issue per forbidden character in ``text`` (positions are 1-based code points)."""
    found = []
    for match in FORBIDDEN_CHARS.finditer(text):
        before = text[: match.start()]
        line = before.count("\n") + 1
        column = match.start() - (before.rfind("\n") + 1) + 1
        found.append(Issue(path, f"character {describe_char(match.group())} is not allowed in a Word document",
                           line=line, column=column, key_path=key_path,
                           hint="delete it (it is often pasted in invisibly from another program)"))
    return found


def parse(path: Path, text: str, issues: IssueCollector) -> tuple[YNode | None, SourceMap]:
    """Parse ``text`` (the contents of ``path``) into a located tree; issues go to ``issues``."""
    source = SourceMap(path=path, text=text, spans={})
    bad = forbidden_char_issues(path, text)
    if bad:
        issues.extend(_with_key_paths(path, text, bad))
        return None, source
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        issues.add(Issue(path, f"YAML syntax error: {problem}",
                         line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None,
                         hint=_syntax_hint(problem)))
        return None, source
    except yaml.YAMLError as exc:
        issues.add(Issue(path, f"YAML error: {exc}"))
        return None, source
    if root is None:
        issues.add(Issue(path, "the file is empty", line=1, column=1, hint="see docs/format.md for the content"))
        return None, source
    builder = _Builder(path, source, issues)
    return builder.build(root, ()), source


def _with_key_paths(path: Path, text: str, found: list[Issue]) -> list[Issue]:
    """``found`` (one issue per forbidden character, in order) with the key path of the value holding
    each character, taken from the file parsed with those characters blanked out (when it parses)."""
    blanked = FORBIDDEN_CHARS.sub(" ", text)  # one code point for one: every index stays
    try:
        root = _compose(blanked)
    except yaml.YAMLError:
        return found
    if root is None:
        return found
    spans = SourceMap(path=path, text=blanked, spans={})
    try:
        _Builder(path, spans, IssueCollector()).build(root, ())
    except _TooLarge:
        return found
    located = []
    for issue, match in zip(found, FORBIDDEN_CHARS.finditer(text), strict=True):
        inside = [(key, span) for key, span in spans.spans.items() if key and span.start <= match.start() < span.end]
        if inside:
            deepest = max(inside, key=lambda entry: len(entry[0]))[0]
            issue = replace(issue, key_path=format_key_path(deepest))
        located.append(issue)
    return located


def _compose(text: str) -> yaml.Node | None:
    """The node tree of ``text``: libyaml's parser when PyYAML has it (15× faster, same marks),
    and on a syntax error the pure-Python parser again, whose messages the hints below know."""
    if _FAST_LOADER is not None:
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def _syntax_hint(problem: str) -> str:
    if "tab" in problem:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "a ':' inside text needs the whole value quoted or written as a block (key: |)"
    if "could not find expected ':'" in problem:
        return "check the indentation and that every key ends with ':'"
    return "check the indentation and quoting around this position"


class _Builder:
    """Turns PyYAML nodes into YNodes, recording spans and catching duplicate keys."""

    def __init__(self, path: Path, source: SourceMap, issues: IssueCollector):
        self.path = path
        self.source = source
        self.issues = issues
        self.count = 0

    def build(self, node: yaml.Node, key_path: KeyPath) -> YNode:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooLarge()
        start, end = node.start_mark, node.end_mark
        # libyaml reports a plain scalar's style as "" where PyYAML says None
        span = Span(start.index, end.index, start.line + 1, start.column + 1, getattr(node, "style", None) or None)
        self.source.spans[key_path] = span
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, key_path, span)
        if isinstance(node, yaml.SequenceNode):
            items = [self.build(child, key_path + (i,)) for i, child in enumerate(node.value)]
            return YNode("seq", key_path, span, node.tag, items=items)
        value = str(node.value)
        for issue in forbidden_char_issues(self.path, value, format_key_path(key_path)):
            self.issues.add(Issue(self.path, issue.message, line=span.line, column=span.column,
                                  key_path=issue.key_path, hint="remove the escape that produces it"))
        return YNode("scalar", key_path, span, node.tag, value=value)

    def _mapping(self, node: yaml.MappingNode, key_path: KeyPath, span: Span) -> YNode:
        result = YNode("map", key_path, span, node.tag)
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.issues.add(Issue(self.path, "a key must be plain text", line=key_node.start_mark.line + 1,
                                      column=key_node.start_mark.column + 1, key_path=format_key_path(key_path)))
                continue
            key = str(key_node.value)
            key_span = Span(key_node.start_mark.index, key_node.end_mark.index,
                            key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in result.entries:
                first = result.entries[key][0].span
                self.issues.add(Issue(self.path, f"duplicate key '{key}' (first at line {first.line})",
                                      line=key_span.line, column=key_span.column,
                                      key_path=format_key_path(key_path + (key,)),
                                      hint="merge the two entries; YAML keeps only the last one"))
                continue
            key_ynode = YNode("scalar", key_path + (key,), key_span, key_node.tag, value=key)
            result.entries[key] = (key_ynode, self.build(value_node, key_path + (key,)))
        return result


class _TooLarge(Exception):
    pass


def load(path: Path, issues: IssueCollector) -> tuple[YNode | None, SourceMap]:
    """Read and parse the YAML file at ``path``; None (with issues recorded) when it cannot be used."""
    text = read_text(path, issues)
    if text is None:
        return None, SourceMap(path=path, text="", spans={})
    try:
        return parse(path, text, issues)
    except _TooLarge:
        issues.add(Issue(path, f"more than {MAX_NODES:,} YAML nodes", hint="is this really a report?"))
        return None, SourceMap(path=path, text=text, spans={})

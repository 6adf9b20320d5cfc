"""Safe YAML with positions: text → a tree of :class:`YNode` that knows where each node came from.

Only PyYAML's *safe* composer is used (no Python object tags).  Before parsing, the raw text is
checked for characters that XML 1.0 forbids (they would corrupt the Word document) so the user is
told the exact line and column; after parsing, scalar values are checked again, because a YAML
escape such as ``"\\x07"`` can produce one.  Duplicate keys — which PyYAML silently accepts — are
errors here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from pipeline.content import fullwidth
from pipeline.content.confine import outside_issue
from pipeline.content.source import KeyPath, SourceMap, Span, format_key_path
from pipeline.errors import Issue, IssueCollector
from pipeline.i18n import N_, _
from pipeline.oserrors import read_error_issue

# Characters XML 1.0 does not allow (tab, LF and CR are allowed).
FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
MAX_YAML_BYTES = 16 * 1024 * 1024
MAX_NODES = 500_000
MAX_DEPTH = 64  # nesting levels; a report has about five, and deeper would exhaust the stack downstream


@dataclass
class YNode:
    """One YAML node with its key path and source span."""

    kind: str  # "map" | "seq" | "scalar"
    key_path: KeyPath
    span: Span
    tag: str = ""
    value: str = ""  # scalars: the raw scalar text
    items: list[YNode] = field(default_factory=list)  # sequences
    entries: dict[str, tuple[YNode, YNode]] = field(
        default_factory=dict
    )  # maps: key → (key node, value node)

    @property
    def is_null(self) -> bool:
        return self.kind == "scalar" and self.tag.endswith(":null")


def describe_char(ch: str) -> str:
    """``U+0007`` and, for control characters, a readable name."""
    names = {
        "\x00": "NUL",
        "\x07": "BEL",
        "\x08": N_("backspace"),
        "\x0b": N_("vertical tab"),
        "\x0c": N_("form feed"),
        "\x1b": "escape",
    }
    name = names.get(ch, N_("lone surrogate") if "\ud800" <= ch <= "\udfff" else N_("control character"))
    return f"U+{ord(ch):04X} ({_(name)})"


def read_text(path: Path, issues: IssueCollector) -> str | None:
    """The file's text as UTF-8 (BOM dropped), or None with an issue recorded.

    A file that leads outside its workspace (a symlink) is refused unread
    (see :mod:`pipeline.content.confine`).
    """
    outside = outside_issue(path)
    if outside is not None:
        issues.add(outside)
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        issues.add(read_error_issue(exc, path))
        return None
    if len(data) > MAX_YAML_BYTES:
        issues.add(
            Issue(
                path,
                _("file is {size:,} bytes (limit {limit:,})").format(size=len(data), limit=MAX_YAML_BYTES),
                hint=_("split the content; a report is a few dozen KB"),
                code="file-too-large",
            )
        )
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = len(data[: exc.start].rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        issues.add(
            Issue(
                path,
                _("not valid UTF-8 (byte 0x{byte:02X})").format(byte=data[exc.start]),
                line=line,
                column=column,
                hint=_("save the file as UTF-8 (not GBK/GB2312)"),
                code="not-utf8",
            )
        )
        return None
    return text.removeprefix("\ufeff")


def forbidden_char_issues(path: Path, text: str, key_path: str = "") -> list[Issue]:
    """One issue per forbidden character in ``text`` (positions are 1-based code points)."""
    found = []
    for match in FORBIDDEN_CHARS.finditer(text):
        before = text[: match.start()]
        line = before.count("\n") + 1
        column = match.start() - (before.rfind("\n") + 1) + 1
        found.append(
            Issue(
                path,
                _("character {char} is not allowed in a Word document").format(
                    char=describe_char(match.group())
                ),
                line=line,
                column=column,
                key_path=key_path,
                hint=_("delete it (it is often pasted in invisibly from another program)"),
                code="forbidden-character",
            )
        )
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
        issues.extend(syntax_issues(path, text, exc))
        return None, source
    except yaml.YAMLError as exc:
        issues.add(Issue(path, _("YAML error: {error}").format(error=exc), code="yaml-syntax"))
        return None, source
    if root is None:
        issues.add(
            Issue(
                path,
                _("the file is empty"),
                line=1,
                column=1,
                hint=_("see docs/format.md for the content"),
                code="empty-file",
            )
        )
        return None, source
    if _expanded_size(root) > MAX_NODES:  # an alias bomb: refused before it is expanded
        raise _TooLarge()
    builder = _Builder(path, source, issues)
    return builder.build(root, ()), source


def _expanded_size(root: yaml.Node) -> int:
    """How many nodes the tree has with every alias expanded, counted without expanding them.

    Each distinct node's size is computed once (aliases share the node object), iteratively: a
    billion-laughs file of a few hundred bytes is told apart in microseconds.
    """
    sizes: dict[int, int] = {}
    opened: set[int] = set()  # nodes whose children are being counted: meeting one again is a cycle
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        children: list[yaml.Node] = []
        if isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        if children_done:
            sizes[id(node)] = min(1 + sum(sizes[id(child)] for child in children), MAX_NODES + 1)
            opened.discard(id(node))
        elif id(node) in opened:
            return MAX_NODES + 1  # a recursive alias (&a [*a]) expands without end
        else:
            opened.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
    return sizes[id(root)]


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
        inside = [
            (key, span) for key, span in spans.spans.items() if key and span.start <= match.start() < span.end
        ]
        if inside:
            deepest = max(inside, key=lambda entry: len(entry[0]))[0]
            issue = issue.replace(key_path=format_key_path(deepest))
        located.append(issue)
    return located


def _compose(text: str) -> yaml.Node | None:
    """:func:`_compose_any`, with nesting deeper than Python's stack refused as :class:`_TooDeep`."""
    try:
        return _compose_any(text)
    except RecursionError:  # the composers recurse per level; 16 MB of '[' is far deeper than the stack
        raise _TooDeep(_first_too_deep_line(text)) from None


def _first_too_deep_line(text: str) -> int | None:
    """The line where the nesting of ``text`` first exceeds :data:`MAX_DEPTH` (events: no recursion)."""
    error_line = None
    # libyaml stops at 1,000 levels before handing out an event; PyYAML's own parser has no such stop
    for loader in (_FAST_LOADER, yaml.SafeLoader):
        if loader is None:
            continue
        depth = 0
        try:
            for event in yaml.parse(text, Loader=loader):
                if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                    depth += 1
                    if depth > MAX_DEPTH:
                        return int(event.start_mark.line) + 1 if event.start_mark is not None else 1
                elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                    depth -= 1
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            error_line = error_line or (mark.line + 1 if mark else None)
        except yaml.YAMLError:
            pass
    return error_line


def _compose_any(text: str) -> yaml.Node | None:
    """The node tree of ``text``: libyaml's parser when PyYAML has it (15× faster, same marks),
    and on a syntax error the pure-Python parser again, whose messages the hints below know."""
    if _FAST_LOADER is not None:
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def syntax_issues(path: Path, text: str, exc: yaml.MarkedYAMLError) -> list[Issue]:
    """What is really wrong where PyYAML gave up: the full-width delimiters or tabs typed, at the
    characters themselves, or else PyYAML's complaint with a hint in the user's language."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    opened = _unclosed(exc)
    # The parser stops at the first error; a full-width delimiter at or before it is its cause (the
    # parser notices only later), and every other one in the file is reported in the same run.  An
    # unclosed quote or bracket is its own cause: only a delimiter typed before it is taken instead.
    typed = fullwidth.delimiter_issues(path, text, line)
    cause_line = opened.line if opened is not None else line
    if typed and (cause_line is None or min(issue.line or 0 for issue in typed) <= cause_line):
        return typed
    if opened is not None:
        return [opened.issue(path, text), *typed]
    if mark is not None and text[mark.index : mark.index + 1] == "\t":
        return _tab_issues(path, text) + typed or [_tab_issue(path, line, column), *typed]
    problem = exc.problem or exc.context or "invalid YAML"
    # A mistake before the first typed delimiter: both are reported, the parser's first.
    return [
        Issue(
            path,
            _("YAML syntax error: {problem}").format(problem=_problem_text(problem)),
            line=line,
            column=column,
            hint=_syntax_hint(problem),
            code="yaml-syntax",
        ),
        *typed,
    ]


@dataclass(frozen=True)
class _Unclosed:
    """A quotation mark or bracket that is never closed, at the character that opens it."""

    index: int  # code points into the text
    line: int  # 1-based
    column: int  # 1-based, code points

    def issue(self, path: Path, text: str) -> Issue:
        opener = text[self.index : self.index + 1]
        if opener in "[{":
            closer = "]" if opener == "[" else "}"
            message = _("this '{opener}' is never closed with '{closer}'").format(
                opener=opener, closer=closer
            )
            hint = _("close it with '{closer}' on the same line, or write the items one per line").format(
                closer=closer
            )
        else:
            message = _("this quotation mark {quote} is never closed").format(quote=opener)
            hint = _("end the value with the same quotation mark {quote}, or delete this one").format(
                quote=opener
            )
        return Issue(path, message, line=self.line, column=self.column, hint=hint, code="yaml-unclosed")


# (the parser's context, the start of its problem) of an opener the text ends, or runs on, without closing:
# PyYAML marks the problem where it gave up (the end of the file, the next line); the opener is the mistake.
_UNCLOSED = (
    ("while scanning a quoted scalar", "found unexpected end of stream"),
    ("while parsing a flow sequence", "expected ',' or ']'"),
    ("while parsing a flow mapping", "expected ',' or '}'"),
)


def _unclosed(exc: yaml.MarkedYAMLError) -> _Unclosed | None:
    """The quote or bracket ``exc`` is really about, when it is one never closed."""
    mark, context, problem = exc.context_mark, exc.context or "", exc.problem or ""
    if mark is None or not any(context == c and problem.startswith(p) for c, p in _UNCLOSED):
        return None
    return _Unclosed(mark.index, mark.line + 1, mark.column + 1)


def _tab_issues(path: Path, text: str) -> list[Issue]:
    """One issue per line indented with a tab (YAML forbids tabs in indentation)."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            found.append(_tab_issue(path, number, indent.index("\t") + 1))
    return found


def _tab_issue(path: Path, line: int | None, column: int | None) -> Issue:
    return Issue(
        path,
        _("a tab character where YAML needs spaces"),
        line=line,
        column=column,
        hint=_("use spaces: replace the tab with two spaces per level"),
        code="yaml-tab",
    )


_SECOND_DOCUMENT = N_("a second document (a '---' line) in the file: one file holds one document")
_DIRECTIVE = N_("a '%' line (a YAML directive) that shuzhi does not read: delete it")
_TAG = N_("'!' starts a YAML tag: quote a value that starts with '!'")

# PyYAML's complaints, as the user should read them (the first that starts the problem wins; one
# of a future PyYAML that none starts is shown as PyYAML words it).
_PROBLEMS = {
    "mapping values are not allowed here": N_("a ':' where no key can start"),
    "could not find expected ':'": N_("a line without 'key: value' (no ':' found)"),
    "expected <block end>, but found '-'": N_("a list item '-' where the indentation does not allow one"),
    "expected <block end>, but found '<block mapping start>'": N_(
        "a key indented differently from the ones before it"
    ),
    "expected <block end>, but found '<scalar>'": N_(
        "more text after a quoted value: quote the whole value, or nothing of it"
    ),
    "expected <block end>, but found ']'": N_("a ']' that closes no '['"),
    "expected <block end>, but found '}'": N_("a closing curly bracket with no opening one"),
    "expected <block end>, but found '?'": N_(
        "a 'key: value' line among list items '- …' at the same indentation"
    ),
    "expected chomping or indentation indicators": N_(
        "text after '|' or '>' on its line: a block's text starts on the next line"
    ),
    "expected alphabetic or numeric character": N_(
        "'&' or '*' starts a YAML anchor or alias: quote a value that starts with it"
    ),
    "found undefined alias": N_("'*' starts a YAML alias: quote a value that starts with '*'"),
    "found unknown escape character": N_("an unknown backslash escape inside double quotes"),
    "found unexpected end of stream": N_(
        "the file ends inside a quoted value (a quotation mark is not closed)"
    ),
    "expected ',' or ']'": N_("a list in [ ] is not closed with ']'"),
    "expected ',' or '}'": N_("a mapping in curly brackets is not closed"),
    "did not find expected key": N_("a line indented differently from the keys around it"),
    "did not find expected '-' indicator": N_("a list item not aligned with the '-' items before it"),
    "found character": N_("a value cannot start with this character: quote the value"),
    # the rarer ones, so that no English of PyYAML's is left for a Chinese reader
    "but found another document": _SECOND_DOCUMENT,
    "expected a single document in the stream": _SECOND_DOCUMENT,
    "found unexpected document separator": _SECOND_DOCUMENT,
    "found incompatible YAML document": _DIRECTIVE,
    "found duplicate YAML directive": _DIRECTIVE,
    "expected '<document start>'": _DIRECTIVE,
    "expected a digit": _DIRECTIVE,
    "expected ' '": _DIRECTIVE,
    "expected <block end>, but found": N_("text that does not fit the indentation of the lines above it"),
    "expected the node content": N_("a value is missing here"),
    "expected a comment or a line break": N_(
        "more text on a line that must end here (after '|', '>' or '%')"
    ),
    "expected escape sequence of": N_(
        "a \\x, \\u or \\U escape inside double quotes without its hexadecimal digits"
    ),
    "expected indentation indicator": N_(
        "text after '|' or '>' on its line: a block's text starts on the next line"
    ),
    "found duplicate anchor": N_(
        "'&' or '*' starts a YAML anchor or alias: quote a value that starts with it"
    ),
    "found undefined tag handle": _TAG,
    "found non-specific tag": _TAG,
    "expected '!'": _TAG,
    "expected '>'": _TAG,
    "expected URI": _TAG,
    "mapping keys are not allowed here": N_(
        "a '?' where no key can start: quote a value that starts with '?'"
    ),
}


def _problem_text(problem: str) -> str:
    for english, message in _PROBLEMS.items():
        if problem.startswith(english):
            return _(message)
    return problem


def _syntax_hint(problem: str) -> str:
    if "'\\t'" in problem or "tab" in problem:
        return _("use spaces, not tabs, to indent")
    if "mapping values are not allowed" in problem:
        return _("a ':' inside text needs the whole value quoted or written as a block (key: |)")
    if "could not find expected ':'" in problem:
        return _("check the indentation and that every key ends with ':' (an ASCII colon)")
    return _("check the indentation and quoting around this position")


class _Builder:
    """Turns PyYAML nodes into YNodes, recording spans and catching duplicate keys."""

    def __init__(self, path: Path, source: SourceMap, issues: IssueCollector):
        self.path = path
        self.source = source
        self.issues = issues
        self.count = 0
        self.in_flow_list = False  # inside [a, b]: a full-width comma there means two items

    def build(self, node: yaml.Node, key_path: KeyPath) -> YNode:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooLarge()
        if len(key_path) > MAX_DEPTH:
            raise _TooDeep(node.start_mark.line + 1)
        start, end = node.start_mark, node.end_mark
        # libyaml reports a plain scalar's style as "" where PyYAML says None
        span = Span(
            start.index, end.index, start.line + 1, start.column + 1, getattr(node, "style", None) or None
        )
        self.source.spans[key_path] = span
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, key_path, span)
        if isinstance(node, yaml.SequenceNode):
            outer, self.in_flow_list = self.in_flow_list, bool(node.flow_style)
            items = [self.build(child, key_path + (i,)) for i, child in enumerate(node.value)]
            self.in_flow_list = outer
            return YNode("seq", key_path, span, node.tag, items=items)
        value = str(node.value)
        for issue in forbidden_char_issues(self.path, value, format_key_path(key_path)):
            self.issues.add(
                Issue(
                    self.path,
                    issue.message,
                    line=span.line,
                    column=span.column,
                    key_path=issue.key_path,
                    hint=_("remove the escape that produces it"),
                    code=issue.code,
                )
            )
        if self.in_flow_list and span.style is None:
            typed = fullwidth.flow_item_issue(self.path, value, span.line, span.column)
            if typed is not None:
                self.issues.add(typed.replace(key_path=format_key_path(key_path)))
        return YNode("scalar", key_path, span, node.tag, value=value)

    def _mapping(self, node: yaml.MappingNode, key_path: KeyPath, span: Span) -> YNode:
        result = YNode("map", key_path, span, node.tag)
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.issues.add(
                    Issue(
                        self.path,
                        _("a key must be plain text"),
                        line=key_node.start_mark.line + 1,
                        column=key_node.start_mark.column + 1,
                        key_path=format_key_path(key_path),
                        code="key-not-text",
                    )
                )
                continue
            key = str(key_node.value)
            key_span = Span(
                key_node.start_mark.index,
                key_node.end_mark.index,
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
            typed = fullwidth.key_issue(self.path, key, key_span.line, key_span.column)
            if typed is not None:
                # Read on under the key meant, so the indentation is the one error reported for it.
                key = key.strip("\u3000 ")
                self.issues.add(typed.replace(key_path=format_key_path(key_path + (key,))))
            if key in result.entries:
                first = result.entries[key][0].span
                self.issues.add(
                    Issue(
                        self.path,
                        _("duplicate key '{key}' (first at line {line})").format(key=key, line=first.line),
                        line=key_span.line,
                        column=key_span.column,
                        key_path=format_key_path(key_path + (key,)),
                        hint=_("merge the two entries; YAML keeps only the last one"),
                        code="duplicate-key",
                    )
                )
                continue
            key_ynode = YNode("scalar", key_path + (key,), key_span, key_node.tag, value=key)
            result.entries[key] = (key_ynode, self.build(value_node, key_path + (key,)))
        return result


class _TooLarge(Exception):
    pass


class _TooDeep(_TooLarge):
    """Nesting deeper than :data:`MAX_DEPTH` (at ``line`` when known)."""

    def __init__(self, line: int | None):
        super().__init__(line)
        self.line = line

    def issue(self, path: Path) -> Issue:
        return Issue(
            path,
            _("the YAML is nested more than {limit} levels deep").format(limit=MAX_DEPTH),
            line=self.line,
            code="too-deep",
            hint=_("a report needs a few levels; check the indentation and the brackets here"),
        )


def load(path: Path, issues: IssueCollector) -> tuple[YNode | None, SourceMap]:
    """Read and parse the YAML file at ``path``; None (with issues recorded) when it cannot be used."""
    text = read_text(path, issues)
    if text is None:
        return None, SourceMap(path=path, text="", spans={})
    try:
        return parse(path, text, issues)
    except _TooDeep as exc:
        issues.add(exc.issue(path))
        return None, SourceMap(path=path, text=text, spans={})
    except _TooLarge:
        issues.add(
            Issue(
                path,
                _("more than {limit:,} YAML nodes").format(limit=MAX_NODES),
                hint=_("is this really a report?"),
                code="too-many-nodes",
            )
        )
        return None, SourceMap(path=path, text=text, spans={})

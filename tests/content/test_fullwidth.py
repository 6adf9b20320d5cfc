"""Full-width punctuation typed where YAML needs ASCII is reported at the character, with the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.content import yamlsrc
from pipeline.errors import IssueCollector

# (YAML text, [(line, column, code)], text the hint must contain)
CASES = [
    (
        'measures:\n  - id: M1\n    owner："监察室"\n    text: 整改\n',
        [(3, 10, "fullwidth-punctuation")],
        'owner: "监察室"',
    ),
    ("measures:\n  - id：M1\n    text: 整改\n", [(2, 7, "fullwidth-punctuation")], "id: M1"),
    ("a: 1\nb：2\nc：3\n", [(2, 2, "fullwidth-punctuation"), (3, 2, "fullwidth-punctuation")], "b: 2"),
    ("text: “一是: 二是”\n", [(1, 7, "fullwidth-punctuation")], 'text: "一是: 二是"'),
    ("problems: [P1，P2]\n", [(1, 14, "fullwidth-punctuation")], "[P1, P2]"),
    ("problems: [P1、P2]\n", [(1, 14, "fullwidth-punctuation")], "[P1, P2]"),
    ("m:\n  - {id: M1，text: 整改}\n", [(2, 12, "fullwidth-punctuation")], "{id: M1, text: 整改}"),
    ("a: 1\n\u3000\u3000b: 2\n", [(2, 1, "fullwidth-punctuation")], ""),
    ("a:\n  b: 1\n\u3000\u3000c: 2\n", [(3, 1, "fullwidth-punctuation")], ""),
    ("a:\n\tb: 1\n", [(2, 1, "yaml-tab")], ""),
    ("a:\n  - x\n  -\ty\n", [(3, 4, "yaml-tab")], ""),
]


@pytest.mark.parametrize("text,expected,fix", CASES)
def test_typed_punctuation_is_reported_at_the_character(
    text: str, expected: list[tuple[int, int, str]], fix: str, language: str
) -> None:
    issues = IssueCollector()
    yamlsrc.parse(Path("r.yaml"), text, issues)
    assert [(i.line, i.column, i.code) for i in issues.issues] == expected
    assert fix in issues.issues[0].hint


@pytest.mark.parametrize(
    "text",
    [
        "text: 存在问题：一是学习不深入\n",  # a full-width colon inside text is text
        "opening: |\n  \u3000\u3000根据安排，我述职如下：\n",  # paragraph indent inside a block
        "text: “三会一课”制度落实不到位\n",  # curly quotes as Chinese quotation marks
        "items: [政治坚定，作风过硬]\n",  # a sentence with a comma, not ids run together
        "items: [政治坚定、作风过硬]\n",
    ],
)
def test_full_width_punctuation_in_text_is_fine(text: str) -> None:
    issues = IssueCollector()
    root, _source = yamlsrc.parse(Path("r.yaml"), text, issues)
    assert root is not None and not issues.issues


def test_the_message_names_the_character_in_both_languages(language: str) -> None:
    issues = IssueCollector()
    yamlsrc.parse(Path("r.yaml"), "a: 1\nowner：监察室\n", issues)
    (issue,) = issues.issues
    assert "：" in issue.message and "owner: 监察室" in issue.hint
    assert ("colon" in issue.message) == (language == "en")


def _real_sentences() -> list[str]:
    """The sentences of the lint's real-text corpus (quoted from public duty reports and reviews)."""
    corpus = Path(__file__).resolve().parents[1] / "lint" / "corpus_real"
    found: list[str] = []
    for path in sorted(corpus.glob("*.yaml")):
        root, _source = yamlsrc.parse(path, path.read_text(encoding="utf-8"), IssueCollector())
        stack = [root]
        while stack:
            node = stack.pop()
            if node is None:
                continue
            stack.extend(node.items)
            stack.extend(value for _key, value in node.entries.values())
            entry = node.entries.get("text")
            if entry is not None and entry[1].kind == "scalar":
                found.append(entry[1].value)
    return found


def test_real_report_text_is_never_taken_for_a_typed_delimiter() -> None:
    """Real sentences (with their ：，“” and indents) written every way a draft holds text, in a file
    broken elsewhere: only the planted mistake is reported, at its line."""
    sentences = _real_sentences()
    assert len(sentences) > 300
    lines = ["date: 2026-01-10", "opening: |"]
    lines += [f"  {s}" for s in sentences] + [
        "  \u3000\u3000" + sentences[0],
        "areas:",
        "  duty:",
        "    answers:",
    ]
    lines += [f"      Q{i}: {s}" for i, s in enumerate(sentences[:50], start=1)]
    lines += ["    achievements:"] + [f"      - {s}" for s in sentences[50:100]]
    lines += ["measures:", "  - id: M1", "    owner：监察室"]  # the planted mistake
    text = "\n".join(lines) + "\n"
    issues = IssueCollector()
    yamlsrc.parse(Path("r.yaml"), text, issues)
    assert [(i.line, i.code) for i in issues.issues] == [(len(lines), "fullwidth-punctuation")]


def test_a_syntax_error_before_a_typed_delimiter_is_reported_with_it() -> None:
    issues = IssueCollector()
    yamlsrc.parse(Path("r.yaml"), "a: [1, 2\nb: 1\nowner：监察室\n", issues)
    assert [i.code for i in issues.issues] == ["yaml-unclosed", "fullwidth-punctuation"]

"""What a paragraph of a prose file is for, told by its neighbours: a numbered heading over its body, a
lead-in to the list that follows, or someone's words quoted in a narration.

``2、加大经费投入，保证党建工作的正常开展`` or ``一是勤于学习，增进沟通。`` on a line of its own, with the
paragraph that carries it on the next line, names a topic: a reviewer judges the paragraph under it,
not the heading (round P of issue 13: 6 of 35 disagreements were findings on such headings, whose
bodies were judged on their own). A numbered line followed by the next numbered line is an item of a
list, not a heading, and stays judged: ``1、理论学习不够深入。`` / ``2、……``.

A paragraph ending in a colon with a paragraph after it (``也存在一些问题和不足：`` then ``一是……``) is the
lead-in to that list, whose items say what the lead-in only announces (round P, #90).

In a text of several paragraphs, a paragraph that opens with a quotation (``“你有急躁心理。……”`` then the
narration of the meeting) gives someone's words: what is inside its quotation marks is theirs, not the
writer's (round R: 25 of 170 findings were on criticisms and self-criticisms quoted in news of a meeting). A
text of one paragraph that is a quotation — a criticism set down as said — is judged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# the numbered markers of a heading: 一、 （一） (1) 1、 1． 一是 第一，
NUMBER_MARK = re.compile(
    r"\s*(?:[一二三四五六七八九十]{1,3}(?:是|、)|[（(](?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})[）)]"
    r"|[0-9]{1,2}[、.．](?![0-9])|第[一二三四五六七八九十]{1,3}[，,、])"
)
HEADING_TOPIC_MAX = 30  # the topic after the marker, at most, in characters, when it ends in 。
HEADING_LINE_MAX = 50  # … and when it has no final punctuation (一、锚定目标，坚定信心，进一步增强……使命感)
_INNER_END = re.compile(r"[。！？；!?;]")


def _is_numbered_topic(line: str) -> bool:
    """A numbered line whose topic is short and one sentence (a final 。 allowed)."""
    marker = NUMBER_MARK.match(line)
    if marker is None:
        return False
    stripped = line[marker.end() :].strip()
    topic = stripped.rstrip("。！？；!?;")
    limit = HEADING_TOPIC_MAX if topic != stripped else HEADING_LINE_MAX
    return 0 < len(topic) <= limit and not _INNER_END.search(topic)


def _filled(lines: Sequence[str]) -> list[int]:
    """Indexes of the non-empty ``lines``: the paragraphs, whatever blank lines stand between them."""
    return [i for i, line in enumerate(lines) if line.strip()]


def roles_of(lines: Sequence[str]) -> tuple[frozenset[int], frozenset[int], frozenset[int]]:
    """The headings over a body, the lead-ins and the paragraphs opening with a quotation among ``lines``."""
    return headings_over_bodies(lines), lead_ins(lines), quotations_opening(lines)


def headings_over_bodies(lines: Sequence[str]) -> frozenset[int]:
    """Indexes of the non-empty ``lines`` that are numbered headings with a body paragraph after them:
    the next non-empty line exists and is not numbered itself."""
    filled = _filled(lines)
    out = set()
    for here, after in zip(filled, filled[1:], strict=False):
        if _is_numbered_topic(lines[here]) and NUMBER_MARK.match(lines[after]) is None:
            out.add(here)
    return frozenset(out)


# … or in a general announcement of shortcomings with a numbered list after it (……但对照高标准严要求，还存在
# 一些不足。 then 1.在……上有不足。) — round U, #37
_ANNOUNCED_SHORTCOMINGS = re.compile(
    r"(?:还|仍|也|但)?(?<![没无])(?:存在|有)(?:着)?(?:一些|不少|以下|下列|许多|较多|诸多)?(?:突出|明显)?(?:问题|不足|差距|短板)(?:和不足|和差距|和问题)?[。.]?\s*$"
)


def lead_ins(lines: Sequence[str]) -> frozenset[int]:
    """Indexes of the non-empty ``lines`` that end in a colon with a non-empty line after them, or that end
    announcing shortcomings in general with a numbered line after them."""
    filled = _filled(lines)
    return frozenset(
        here
        for here, after in zip(filled, filled[1:], strict=False)
        if lines[here].rstrip().endswith(("：", ":"))
        or (_ANNOUNCED_SHORTCOMINGS.search(lines[here]) and NUMBER_MARK.match(lines[after]))
    )


def quotations_opening(lines: Sequence[str]) -> frozenset[int]:
    """Indexes of the non-empty ``lines`` that open with a quotation mark (the marks
    :func:`inside_quotation` reads), in a text of two or more non-empty lines."""
    filled = _filled(lines)
    if len(filled) < 2:
        return frozenset()
    return frozenset(i for i in filled if lines[i].lstrip().startswith(("“", "「")))


_SAID_MIN = 10  # a quotation at least this long, or with its own punctuation, is said — not a slogan's name


def inside_quotation(text: str, offset: int) -> bool:
    """Whether ``offset`` lies inside a quotation in ``text`` that reads as said: at least ten characters or
    with its own punctuation (“你那急脾气得改一改，……”) — not a slogan's name (“书记抓、抓书记”)."""
    opened = max(text.rfind("“", 0, offset + 1), text.rfind("「", 0, offset + 1))
    if opened < 0:
        return False
    closed = min((k for k in (text.find("”", opened), text.find("」", opened)) if k >= 0), default=len(text))
    if closed < offset:
        return False
    quote = text[opened + 1 : closed]
    return len(quote) >= _SAID_MIN or any(c in quote for c in "，。！？,!?；;")

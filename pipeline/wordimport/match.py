"""Fuzzy matching of Chinese text: headings to areas and questions, problems to areas, measures to problems.

Similarity is over character bigrams (punctuation and whitespace removed), which is robust to the
small rewordings people make in headings (加了“情况”、换了引号、带了编号) without a segmenter.
"""

from __future__ import annotations

import re

from pipeline.content.model import Area, Question, QuestionSet

_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)
HEADING_MATCH = 0.5  # minimum score for a heading to be taken as an area or a question
LINK_MATCH = 0.15  # minimum Dice similarity for a measure to be linked to a problem by wording
LINK_MARGIN = 1.5  # … and by this factor closer than the next problem


def squeeze(text: str) -> str:
    """``text`` without punctuation and whitespace."""
    return _NOISE.sub("", text)


def bigrams(text: str) -> set[str]:
    """The set of character bigrams of ``text`` (single characters for one-character text)."""
    s = squeeze(text)
    return {s[i : i + 2] for i in range(len(s) - 1)} or ({s} if s else set())


def dice(a: str, b: str) -> float:
    """Dice coefficient of the bigram sets of ``a`` and ``b`` (0 … 1)."""
    x, y = bigrams(a), bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def coverage(part: str, whole: str) -> float:
    """Share of ``part``'s bigrams that occur in ``whole``."""
    x = bigrams(part)
    return len(x & bigrams(whole)) / len(x) if x else 0.0


def heading_score(heading: str, label: str) -> float:
    """How well ``heading`` names ``label``: containment counts fully, otherwise Dice."""
    h, lab = squeeze(heading), squeeze(label)
    if not h or not lab:
        return 0.0
    if lab in h or (len(h) >= 4 and h in lab):
        return 1.0
    return dice(h, lab)


def match_area(heading: str, qset: QuestionSet) -> Area | None:
    """The area whose title ``heading`` names, if any matches well enough."""
    scored = [(heading_score(heading, a.title), a) for a in qset.areas]
    best = max(scored, key=lambda s: s[0], default=(0.0, None))
    return best[1] if best[0] >= HEADING_MATCH else None


def question_score(heading: str, question: Question) -> float:
    """How well ``heading`` names ``question`` (by its short heading or its full wording)."""
    return max(heading_score(heading, question.short), dice(heading, question.text))


def match_question(heading: str, qset: QuestionSet, area: str | None) -> Question | None:
    """The question ``heading`` names; questions of the current ``area`` win ties."""
    best, best_score = None, 0.0
    for question in qset.questions():
        score = question_score(heading, question) + (0.05 if question.area == area else 0.0)
        if score > best_score:
            best, best_score = question, score
    return best if best_score >= HEADING_MATCH else None


def guess_area(text: str, qset: QuestionSet) -> str:
    """The area a problem's wording is most about (its questions' wording as the vocabulary)."""

    def score(area: Area) -> float:
        per_question = [coverage(q.short, text) + 0.5 * coverage(q.text, text) for q in area.questions]
        return max(per_question, default=0.0) + 0.5 * coverage(area.title, text)

    return max(qset.areas, key=score).id


def guess_question(text: str, qset: QuestionSet, area: str | None = None) -> Question:
    """The question a paragraph of 履职情况 is most about (a question of ``area`` when given): its short
    heading and wording as the vocabulary, the first question when nothing is shared."""
    candidates = [q for q in qset.questions() if area is None or q.area == area] or list(qset.questions())

    def score(question: Question) -> float:
        return coverage(question.short, text) + 0.5 * coverage(question.text, text)

    return max(candidates, key=score)


def guess_links(text: str, problems: list[tuple[str, str]]) -> tuple[str, ...]:
    """Problem ids a measure addresses: by explicit mention (P3, 问题3), else the closest wording."""
    known = [pid for pid, _ in problems]
    mentioned = [f"P{n}" for n in re.findall(r"(?:P|问题\s*)(\d+)", text)]
    explicit = tuple(dict.fromkeys(p for p in mentioned if p in known))
    if explicit:
        return explicit
    scored = sorted(((dice(text, body), pid) for pid, body in problems), reverse=True) + [(0.0, "")] * 2
    (best, pid), (second, _) = scored[0], scored[1]
    return (pid,) if best >= LINK_MATCH and best >= LINK_MARGIN * second else ()

"""What a section heading of a real report opens, read by the meaning of its words and its place.

Real reports name their sections in many ways (存在的问题 / 问题和不足 / 短板弱项 / 主要症结; 原因分析 /
问题产生的原因 / 思想根源; 下一步打算 / 努力方向 / 对策 …), so a heading is not looked up in a list of
names: its words are sorted by what they mean (:data:`STEMS`: problems, causes, plans, work done,
achievements, diagnosis) and the heading is read the way Chinese builds a noun phrase —

- the *head* is the last meaningful word (问题产生的**原因** is about causes, 原因**分析** too), except
  across a coordination (存在的问题**及**原因 is about problems, with their causes inside);
- a time word of the future makes a plan of anything (下一步**工作**, 今后工作的努力方向);
- 整改 before 情况/进展/成效 is a rectification report's account (整改落实情况), not a plan — also at
  the end of a long heading naming the findings rectified (财政部门预算执行问题的整改情况);
- a *diagnosis* word (症结, 病灶, 剖析, 检视) names the problems when no problems section came before,
  and their causes when one did (主要症结 first; 根源剖析 after 存在的问题);
- a word inside a quotation (在“…发挥不足”方面) or the object of a solving verb (解决…问题) is not the head.

A heading is a section name when, apart from section words and the small words around them (存在的,
主要, 几点 …), nothing is left (:func:`read_heading`, ``how="name"``), or when a long heading ends in a
strong head word right after a marker (…存在的主要问题, …难以提高的主要症结: ``how="head"``).  A
heading whose head is 问题/倾向/现象 after words of its own (政治理论学习虚化问题) is not a section but
a problem itself (``item``).  :func:`announces_problems` tells a sentence that announces the problems
after it (…还存在不少短板…问题还比较突出。) from one that merely mentions them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.wordimport.statements import states_shortcoming

# word → meaning.  "plan-time": a future time word (any head after it reads as a plan); "diagnosis":
# problems or causes by position; "weak-plan": a plan only after problems or causes were reported.
STEMS: dict[str, str] = {
    **dict.fromkeys(
        (
            "问题",
            "不足",
            "差距",
            "短板",
            "弱项",
            "薄弱环节",
            "缺点",
            "缺陷",
            "失误",
            "隐患",
            "偏差",
            "不适应",
            "倾向",
            "现象",
            "挑战",
            "困境",
            "难点",
            "堵点",
            "痛点",
            # the writer's own words for shortfalls (工作中不尽如意的地方, 几点遗憾)
            "不尽如意",
            "不尽人意",
            "不如意",
            "遗憾",
            "欠缺",
        ),
        "problems",
    ),
    **dict.fromkeys(("症结", "病灶", "剖析", "检视", "查摆", "对照检查"), "diagnosis"),
    **dict.fromkeys(("原因", "根源", "根子", "成因", "病根", "根由"), "causes"),
    **dict.fromkeys(
        (
            "打算",
            "措施",
            "举措",
            "对策",
            "方向",
            "思路",
            "计划",
            "规划",
            "安排",
            "设想",
            "施策",
            "办法",
            "整改",
            "之策",
        ),
        "measures",
    ),
    **dict.fromkeys(("下一步", "下步", "今后", "明年", "来年", "未来", "展望"), "plan-time"),
    **dict.fromkeys(("建议", "思考"), "weak-plan"),
    # 荣誉/表彰: honours won (获得的荣誉, 获得表彰情况) are achievements, not work done
    **dict.fromkeys(("成效", "成绩", "荣誉", "表彰", "奖项"), "achievements"),
    # 作法: 做法 as it is also written (主要作法及成效)
    # 工作中: the context of a shortfalls heading (工作中不尽如意的地方), one word so that 中 is not left over
    **dict.fromkeys(("情况", "做法", "作法", "亮点", "特色", "履职", "工作", "工作中", "现状"), "work"),
}
# 整改落实情况 / 整改进展 / 整改成效: what a rectification report did about each problem
_RECTIFY = re.compile(r"整改(?:落实|进展|工作)?(?:情况|进展|成效)|整改落实")
# small words that may stand around section words in a section name (存在的主要问题, 问题产生的原因)
_MARKERS = (
    "存在", "的", "主要", "突出", "当前", "目前", "几点", "几个", "方面", "具体", "自身", "个人", "班子",
    "产生", "形成", "分析", "及", "和", "与", "以及", "并", "其", "之处", "本人", "一些", "深层次", "思想",
    "努力", "改进", "基本", "取得", "年度", "开展", "推进", "主要做法", "工作中", "发现", "反馈", "重点",
    "目标", "意见", "有关", "所在", "等", "表现",  # 表现: 存在的主要问题和具体表现
    "查找", "深挖", "明确", "找准",  # the self-criticism outline: 查摆问题 / 深挖根源 / 明确方向
    "地方", "获得", "荣获",  # 不尽如意的地方 (as 之处), 获得的荣誉
    "感想", "体会",  # 不足和一些感想: a reflection beside the section's words names nothing else
)  # fmt: skip
_CONJ = re.compile(r"及其|以及|及|和|与|、|并")
# 治理 is left out: it is also the 治理 of 政治理论 (政-治-理-论)
# (补齐短板, 整改问题: remedy verbs too — what they act on is remedied, the heading is about plans)
_SOLVE = re.compile(
    r"解决|破解|化解|整治|纠治|处理|聚焦|针对|围绕|回应|查处|防范|关于|补齐|弥补|整改|克服|纠正|改进"
)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’|《[^》]*》")
_ITEM_HEADS = ("问题", "倾向", "现象")
# right before a long heading's head word: it names the section, not one problem
_SECTION_MARK = re.compile(r"(?:存在|突出|主要|方面|反馈|查摆出?|发现)的?(?:主要|突出)?$")
_STRONG = {"problems", "causes", "diagnosis", "achievements"}
_STRONG_PLANS = ("打算", "措施", "举措", "对策", "施策", "之策")
# a short heading ending in a word that can only look ahead is the plans, whatever qualifies it (精准施策);
# 举措/思路 may be work done (创新工作思路), so they are not among them
_FORWARD_PLANS = ("打算", "对策", "施策", "之策")
_SHORT_PLAN = 6
# what a rectification account is of: findings (…问题的整改情况, …反馈意见整改落实情况, …审计整改情况) —
# not the work of organising it (党组书记组织落实整改工作情况, 整改工作推进情况)
_FINDINGS = re.compile(r"(?:问题|意见|不足|短板|事项|审计|巡察|巡视|督查)的?$")
SECTION_KINDS = ("achievements", "problems", "causes", "measures", "rectify", "work")


@dataclass(frozen=True)
class Reading:
    """How a heading was read: the section it opens (None: not a section), the word that decided, how
    (``name``: nothing but section words; ``head``: a long heading's head word; ``after``: its place
    decided), and ``item`` when the heading is a problem itself rather than the problems section."""

    kind: str | None
    word: str = ""
    how: str = ""
    item: bool = False


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    word: str
    meaning: str


def _hits(text: str) -> list[_Hit]:
    """Every section word in ``text``, longest first where they overlap, in reading order."""
    found = [_Hit(m.start(), m.end(), m.group(0), "rectify") for m in _RECTIFY.finditer(text)]
    for word in sorted(STEMS, key=len, reverse=True):
        for match in re.finditer(re.escape(word), text):
            if not any(h.start < match.end() and match.start() < h.end for h in found):
                found.append(_Hit(match.start(), match.end(), word, STEMS[word]))
    return sorted(found, key=lambda h: h.start)


def _clause(text: str) -> str:
    """The part of a heading that names it: quotations removed, up to the first ，：。 (履职尽责，…)."""
    text = _QUOTED.sub("", re.sub(r"\s+", "", text))
    return re.split(r"[，,：:；;。！？!?]", text, maxsplit=1)[0]


def _head(hits: list[_Hit], clause: str) -> tuple[_Hit, list[_Hit]]:
    """The head word (the last one before a coordination) and the words before it."""
    chain = [hits[0]]
    for hit in hits[1:]:
        if _CONJ.search(clause[chain[-1].end : hit.start]):
            break  # 存在的问题及原因: the first conjunct names the section
        chain.append(hit)
    return chain[-1], chain[:-1]


def _meaning(head: _Hit, before: list[_Hit], seen: tuple[str, ...]) -> tuple[str | None, str]:
    """The section kind of a head word, given the words before it and the sections already seen."""
    meaning = head.meaning
    if meaning in ("work", "achievements", "measures", "weak-plan") and any(
        h.meaning == "plan-time" for h in before
    ):
        return "measures", ""  # 下一步工作, 今后工作的努力方向
    if meaning == "plan-time":
        return "measures", ""
    if meaning == "diagnosis":
        if any(h.meaning == "causes" for h in before):
            return "causes", ""  # 根源剖析
        if "problems" in seen and "causes" not in seen:
            return "causes", "after"  # 问题剖析 / 症结 after 存在的问题: the roots
        return "problems", ("" if not seen or "problems" not in seen else "after")
    if meaning == "weak-plan":
        return ("measures", "after") if {"problems", "causes"} & set(seen) else (None, "")
    if head.word == "整改" and before:
        return None, ""  # 上年度问题整改: what was done about a problem (a question's heading), not the plans
    return meaning, ""


def _only_section_words(clause: str, hits: list[_Hit]) -> bool:
    rest = clause
    for hit in sorted(hits, key=lambda h: h.start, reverse=True):
        rest = rest[: hit.start] + " " * (hit.end - hit.start) + rest[hit.end :]
    rest = rest.replace(" ", "")
    for marker in sorted(_MARKERS, key=len, reverse=True):
        rest = rest.replace(marker, "")
    return not rest


def _head_final(clause: str, head: _Hit) -> bool:
    """Whether nothing but section words and small words follows the head word: a Chinese noun phrase
    ends in its head (…存在的主要问题; …存在的主要问题和不足), so words of their own after it (存在…问题苗头)
    mean the phrase is about something else — a statement, not a section's name."""
    tail = clause[head.end :]
    for word in sorted([*STEMS, *_MARKERS], key=len, reverse=True):
        tail = tail.replace(word, "")
    # brackets and marks are no words: …现状（存在的主要问题）
    return not re.sub(r"[\W_]", "", _CONJ.sub("", tail))


def names_rectification(text: str) -> bool:
    """Whether ``text`` speaks of a rectification's account (整改情况, 整改落实情况, 整改进展 …): a title or
    opening saying the document reports what was done about findings."""
    return _RECTIFY.search(text) is not None


def read_heading(text: str, seen: tuple[str, ...] = ()) -> Reading:
    """How the heading ``text`` (without its number) reads; ``seen``: the sections opened before it."""
    clause = _clause(text)
    if not clause or clause.startswith("关于") or clause.endswith("方面"):
        return Reading(None)  # 关于“…”问题的整改: one item; 在…方面: a group of problems
    hits = [h for h in _hits(clause) if not (h.meaning == "problems" and _SOLVE.search(clause[: h.start]))]
    if not hits:
        return _statement(clause)
    head, before = _head(hits, clause)
    kind, how = _meaning(head, before, seen)
    if kind is None:
        return _statement(clause)
    if _only_section_words(clause, hits):
        return Reading(kind, head.word, how or "name")
    marked = _SECTION_MARK.search(clause[: head.start]) is not None
    if marked and (head.meaning in _STRONG or head.word in _STRONG_PLANS) and _head_final(clause, head):
        return Reading(kind, head.word, how or "head")  # 落实全面从严治党主体责任存在的主要问题
    if head.meaning == "causes" and len(clause) <= 20:
        return Reading("causes", head.word, how or "head")  # 党内民主生活会质量不高的原因
    if (
        head.meaning == "rectify"
        and clause.endswith(head.word)
        and "工作" not in head.word
        and _FINDINGS.search(clause[: head.start])
    ):
        return Reading("rectify", head.word, how or "head")  # 财政部门预算执行问题的整改情况
    if head.word in _FORWARD_PLANS and clause.endswith(head.word) and len(clause) <= _SHORT_PLAN:
        return Reading("measures", head.word, how or "head")  # 精准施策
    pair = _CONJ.search(clause[max(0, head.start - 1) : head.start])
    if pair and head.meaning in _STRONG and len(clause[: head.start]) <= 5:
        return Reading(kind, head.word, how or "pair")  # 风险与问题: a section of two kinds, not one problem
    if head.word in _ITEM_HEADS and clause.endswith(head.word) and not before:
        return Reading("problems", head.word, "item", item=True)  # 政治理论学习虚化问题
    return _statement(clause)


def _statement(clause: str) -> Reading:
    """A heading with no section word that says something is lacking (制度执行不严格) is a problem."""
    predicate = states_shortcoming(clause)
    return Reading("problems", predicate, "statement", item=True) if predicate else Reading(None)


def section_kind(text: str, seen: tuple[str, ...] = ()) -> str | None:
    """The section a heading opens ("achievements", "problems", "causes", "measures", "rectify",
    "work"), else None — a problem heading (:attr:`Reading.item`) opens no section by itself."""
    reading = read_heading(text, seen)
    return None if reading.item else reading.kind


_ANNOUNCE = re.compile(
    r"(?:存在|还有|仍有|暴露出?|面临|表现在|主要有|查摆出)[^。！？]{0,40}?"
    r"(?:问题|不足|差距|短板|弱项|薄弱环节|症结)"
)
# a sentence that also speaks of causes or plans (…剖析根源 / …并提出针对性的建议) is a report's
# purpose or summary, not the announcement of a list of problems
_NOT_ANNOUNCE = re.compile(
    "|".join(
        [re.escape(w) for w, m in STEMS.items() if m in ("causes", "measures", "weak-plan", "plan-time")]
        + ["报告如下", "汇报如下", "述职如下"]
    )
)


def announces_problems(text: str) -> bool:
    """Whether a body paragraph announces the problems that follow it: its last sentence says they
    exist (还存在不少短板 / 也还存在一些…问题) and speaks of nothing else a section could hold."""
    sentences = [s for s in re.split(r"[。！？!?]", text) if s.strip()]
    if not sentences:
        return False
    last = _QUOTED.sub("", sentences[-1])
    return bool(_ANNOUNCE.search(last)) and not _NOT_ANNOUNCE.search(last)

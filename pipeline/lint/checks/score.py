"""The learned check: a sentence the phrase rules pass, but whose wording reads as 空话 or 含糊.

A rule ``extends: score`` with its ``category`` (boilerplate or hedging) flags a sentence when the
sentence carries nothing concrete (:func:`pipeline.lint.concrete.is_concrete` — a figure, a named case,
a date for boilerplate) and the scorer (:mod:`pipeline.lint.scorer`) reads it as that category by at
least ``margin`` (natural-log odds against the next most likely class).  The finding marks the
sentence and its message names the n-grams that weighed most (``{words}``).  A sentence a phrase rule of
the same category already flagged is not reported twice (the engine drops overlapping hits of one
category; score packs load after the phrase packs), nor is an item with a ``lint-ignore`` for any
rule of the same category: its writer has already judged those words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from pipeline.lint.checks import Context, Hit, prose_example, register
from pipeline.lint.checks.phrases import (
    PROCEDURE,
    REPORTED_FEELINGS,
    REPORTED_VIEW,
    SEQUENCE_PROCEDURE,
    TOPIC_LIST,
    WhenNotConcrete,
    backed_across,
    backed_by_following,
    closes_lead_in,
    is_heading,
    is_headline,
    preamble_to_announcement,
    purpose_backed_by_next,
    quoted_from_speaker,
    sentence_index,
    stock_marker,
    topic_of_points,
)
from pipeline.lint.checks.reported import words_of
from pipeline.lint.concrete import is_concrete, without_names
from pipeline.lint.document import Document
from pipeline.lint.roles import inside_quotation
from pipeline.lint.scorer import verdict as scored
from pipeline.lint.wordspan import whole_words

if TYPE_CHECKING:
    from pipeline.lint.rules import Rule

DEFAULT_MARGIN = 4.0
# a sentence that judges something lacking is a problem stated, not 空话 (its vagueness is the hedging
# rules' to judge): the learned boilerplate rule leaves it alone
_SHORTCOMING = re.compile(
    # (……违法乱纪问题突出: a problem found, vague in degree — round S, #34)
    r"问题(?:较为|比较|十分|更加|尤为)?(?:突出|严重|多发|频发)(?=[，,。；;]|$)|"
    r"不(?:深|够|足|强|高|实|细|严|透|准|全|力|到位|充分|明显|彻底|及时|规范)|未能|没能|没有|缺乏|欠缺|缺少|薄弱|滞后|偏差"
    r"|较少|偏少|过少|很少|极少|太少|(?<!差)不多|很难|难以|达不到|起不到|忽视|忽略|轻视|(?:一直|始终|仍|仍然|尚|均|都)未|未(?:引起|得到|按|及时|落实|开展|建立|形成|解决|整改)"
)
# an occurrence narrated — a meeting held or attended, what was studied or handed down, a review given
# (学校各基层党委近日相继召开……民主生活会; 会前，全体与会党员共同学习了……; 督导组肯定了……): news of what
# happened, not a claim about the work (rounds M and N of issue 13: 4 of the learned rule's findings)
_NARRATED = re.compile(
    r"(?:召开|举行|举办|参加|出席|列席)了?[^，,。；;]{0,30}?(?:会议|会|活动|仪式|培训|讲座|座谈)"
    r"|(?:学习|传达|观看|聆听|通报|宣读|下达|反馈|听取)了"
    # … and who spoke about what (徐茜安排布置了近期党支部重要工作，并就……相关要求进行了强调; 随后，他传达了……，总结了
    # ……党建主要工作): the order of a meeting, not a claim (round W of issue 13, #63, #69)
    r"|(?:介绍|总结|安排布置|布置|报告|汇报|点评)了|进行了强调|作了?(?:总结讲话|讲话|总结|表态发言)"
)
# … a meeting's agenda or a speaker's part in it (二是我代表班子对党委的工作进行剖析; 张建辉代表党委班子进行对照检查,
# 并带头开展批评和自我批评), when no word says how it was done (round T of issue 13, #89, #90, #141)
_AGENDA = re.compile(
    r"(?:进行|开展|作了|做了)了?[^，,。；;]{0,12}?(?:对照检查|批评(?:与|和)自我批评|剖析|点评|述职|表态发言)"
)
# … and a speaker's requirements announced when they follow in the same paragraph (艾新华就抓好巡察整改工作
# 提出指导意见和明确要求。一是……: round T, #122); announced and never said (对相关党支部提出了改进要求和
# 意见。) they are 空话
_REQUIREMENTS_FOLLOW = re.compile(r"提出了?[^，,。；;]{0,10}(?:要求|意见|建议)$")
# … nor the meeting's procedure, one speaker after another (……逐一做了点评; 其他同志一一进行批评帮助), when no
# word says how it was done (随后，班子成员紧密联系思想和工作实际，分别进行对照检查，深刻查摆问题…: the manner
# claimed is the writer's, which the learned rule still judges)
_MANNER = re.compile(r"深刻|认真|严肃|紧密|扎实|切实|深入|全面|积极|主动|坦诚|诚恳|真诚|精心|务实")
# … nor the Party centre as the sentence's subject (以习近平同志为核心的党中央高度重视巡视工作): background
_CENTRE_ACTS = re.compile(r"(?:党中央|总书记|中共中央)(?:高度|始终|多次|亲自|坚持|作出|提出|强调|指出|对)")
# … in a sentence of at most two clauses, or in the last clause after at most two others: a sentence that
# goes on after the occurrence tells what came of it (……召开班子民主生活会，开展了批评与自我批评，……层层传导
# 整改压力), which the learned rule still judges; one that leads up to it sets the scene (如今，在经过……一系列
# 前期准备之后，他们召开了这次民主生活会: round T, #140)
_NARRATION_CLAUSES = 2
# what a sentence is rather than what it claims: a definition (政治生态是指……), an essay announcing its
# purpose (本文将深入分析……) or a lead-in to the list that follows (我们可以看到以下新动向：). A reviewer
# marks none of them 空话, so the learned rule leaves them to the phrase rules
_NOT_A_CLAIM = re.compile(
    r"^[^，,。；;：:]{1,24}(?:是指|指的是)|^(?:本文|笔者|下面|下文)(?:将|拟|就|从|试)|(?:以下|如下)[^，,。；;]{0,14}[：:]\s*$"
    # … a question, rhetorical or not (什么样的述职报告才算是高质量高水平的呢), an author's aside (说实话笔者曾经
    # 见过很多) — an essay's argument, no claim of work (round W, #20, #21, #25)
    r"|(?:呢|吗|么)[？?]?\s*$|[？?]\s*$|笔者|说实话"
    # … a procedure laid down, where and how (党委改变处理意见的须在党委会议上说明理由并记录在案): a rule of the
    # measures, checkable as it stands (the example drafts, round 12)
    r"|(?:须|应当|必须)(?:在|经|由|报|向)[^，,。；;]{0,12}(?:会议|会上|书面|备案|记录|审批|批准|报告)"
    # … and a lead-in that counts what follows (主要存在四个方面的突出问题：; 主要表现在：)
    r"|(?:[几两一二三四五六七八九十]+个?)(?:方面|点|条|类|种|项)[^，,。；;]{0,12}[：:]\s*$"
    r"|(?:主要|具体|集中)(?:表现|体现)(?:在|为)[^，,。；;]{0,6}[：:]\s*$"
)
MIN_CHARS = 8  # headings and fragments are not judged
_KINDS = ("boilerplate", "hedging")
_TRAILING = "。！？；!?;\n "


def _backed_by_next_clause(index: Any, text: str, i: int, dates: bool) -> bool:
    """Whether sentence ``i`` is a clause closed by a semicolon whose next clause is concrete.

    The rubric lets specifics in the clause right after a stock phrase back it (关党委制定班子成员党建工作
    责任清单，……；党建工作在年度绩效考核中占15%的权重): a semicolon splits one sentence into clauses, so
    the learned rule judges the clause with the one that follows it, as a reviewer reads them.
    """
    if not index.sentences[i].text.rstrip(" \n").endswith(("；", ";")):
        return False
    following = index.next_on_line(text, i)
    return following is not None and is_concrete(following.text, dates=dates)


def _narrated_by(pattern: re.Pattern[str], body: str) -> bool:
    """Whether an occurrence ``pattern`` finds makes ``body`` narration: a sentence of at most two clauses, or
    one whose last clause it is, after at most two others."""
    commas = len(_COMMA.findall(body))
    if commas < _NARRATION_CLAUSES:
        return bool(pattern.search(body))
    if commas > _NARRATION_CLAUSES:
        return False
    return bool(pattern.search(body, max(body.rfind("，"), body.rfind(",")) + 1))


_COMMA = re.compile(r"[，,]")


class _Memo:
    """What :class:`Score` has judged about one document's sentences, shared by its two rules.

    The boilerplate and the hedging score rules run one after the other on the same document and ask
    the same questions of every sentence.  The gates that hold for every category are pure functions
    of the sentence's words and the context, and whether a phrase rule of the other kind matches is
    one of the words, the asking category and the context: each is worked out once per document (a
    report repeats its sentences too).  Kept for one document and context only, so a build that lints
    thousands of drafts does not grow it without bound.
    """

    def __init__(self, doc: Document, ctx: Context) -> None:
        self.doc, self.ctx = doc, ctx
        self.placeholders = ctx.rules_of("placeholder")
        self.gated: dict[str, bool] = {}
        self.narrated: dict[str, bool] = {}
        self.phrase_hit: dict[tuple[str, str], bool] = {}
        self.stock_body = stock_marker(ctx)  # a headline's body the phrase rules mark (is_headline)

    def skip(self, body: str) -> bool:
        """Whether a gate that holds for every category leaves ``body`` unjudged."""
        known = self.gated.get(body)
        if known is None:
            known = self.gated[body] = bool(
                len(body.strip()) < MIN_CHARS
                or any(
                    p.search(body) for p in self.placeholders
                )  # an unfinished skeleton: the marker says it
                or PROCEDURE.search(body)
                or REPORTED_VIEW.match(body)  # someone's view reported, not the writer's claim
                or REPORTED_FEELINGS.search(body)  # an interviewee's feelings, not the writer's claim
                or ("方面" in body and TOPIC_LIST.search(body))  # the aspects of a checklist
                or _NOT_A_CLAIM.search(body)
            )
        return known

    def narrates(self, body: str) -> bool:
        """Whether ``body`` narrates an occurrence (a meeting held, a text studied, one speaker after
        another) or what the Party centre did: background, not the writer's claim."""
        known = self.narrated.get(body)
        if known is None:
            known = self.narrated[body] = (
                _narrated_by(_NARRATED, body)
                or bool(_CENTRE_ACTS.search(body))
                or bool(
                    (SEQUENCE_PROCEDURE.search(body) or _narrated_by(_AGENDA, body))
                    and not _MANNER.search(body)
                )
            )
        return known

    def read_as_other_kind(self, category: str, others: list[Rule], body: str) -> bool:
        """Whether one of ``others`` — the phrase rules of the kind other than ``category``, which
        depend on ``category`` and the context alone — matches ``body``."""
        key = (category, body)
        known = self.phrase_hit.get(key)
        if known is None:
            known = self.phrase_hit[key] = any(other.search(body) for other in others)
        return known


class Score:
    """Flag a non-concrete sentence the scorer reads as the rule's category."""

    name = "score"
    options: dict[str, type] = {"margin": float}

    def __init__(self) -> None:
        self._memo: _Memo | None = None

    def _memo_for(self, doc: Document, ctx: Context) -> _Memo:
        """The memo of ``doc`` under ``ctx``: the last one if the same document is linted again."""
        if self._memo is None or self._memo.doc is not doc or self._memo.ctx is not ctx:
            self._memo = _Memo(doc, ctx)
        return self._memo

    def run(self, rule: Rule, doc: Document, ctx: Context) -> Iterable[Hit]:
        margin = float(rule.options.get("margin", DEFAULT_MARGIN))
        dates = rule.category != "hedging"  # a date alone does not make a hedge specific
        categories = {r.id: r.category for r in ctx.rules}
        # a sentence a phrase rule reads as the other kind (空话 vs 含糊) keeps that rule's finding alone
        others = [
            r
            for r in ctx.rules
            if r.extends != self.name and r.category in _KINDS and r.category != rule.category
        ]
        memo = self._memo_for(doc, ctx)
        lead_max = WhenNotConcrete.lead_max  # a hedge's headline is judged with what follows at any length
        for unit in doc.units_of(rule.scope):
            # an item whose writer switched off a rule of this category has been judged by a person
            ignored = {categories.get(s.rule, s.rule) for s in (*unit.ignore, *doc.ignore)}
            if rule.category in ignored:
                continue
            text = without_names(unit.text, doc.names)
            index = sentence_index(text)
            for i, sentence in enumerate(index.sentences):
                body = sentence.text.rstrip(_TRAILING)
                if (
                    memo.skip(body)
                    or (rule.category == "boilerplate" and self._not_stock(memo, body, index, text, i))
                    or quoted_from_speaker(text, sentence.start + len(body) - len(body.lstrip()))
                    or (
                        unit.quoting
                        and inside_quotation(text, sentence.start + len(body) - len(body.lstrip()))
                    )
                    or is_heading(unit, sentence, text)
                    # the paragraph's last sentence announcing the numbered list after it: its lead-in, as for the
                    # phrase rules
                    or closes_lead_in(index, i, unit.lead_in)
                    or is_concrete(body, dates=dates)
                    or backed_by_following(
                        index, text, i, dates, None if rule.category == "hedging" else lead_max
                    )
                    or _backed_by_next_clause(index, text, i, dates)
                ):
                    continue
                verdict = scored(body)
                if verdict.label != rule.category or verdict.margin < margin or not verdict.top:
                    continue
                if not memo.read_as_other_kind(rule.category, others, body):
                    start = sentence.start + len(body) - len(body.lstrip())
                    words = words_of(whole_words(body, tuple(verdict.top)))
                    yield Hit(unit, start, sentence.start + len(body), {"words": words})

    @staticmethod
    def _not_stock(memo: _Memo, body: str, index: Any, text: str, i: int) -> bool:
        """Whether sentence ``i`` is, for the boilerplate rule alone, no stock claim: a shortcoming stated,
        an occurrence narrated, a numbered headline over facts, a short lead-in to the facts after it, or the
        topic of numbered points with facts."""
        return bool(
            _SHORTCOMING.search(body)
            or memo.narrates(body)
            or is_headline(index, text, i, memo.stock_body)
            or backed_across(index, text, i, 0, dates=True)
            or purpose_backed_by_next(index, text, i)
            or (_REQUIREMENTS_FOLLOW.search(body) is not None and index.next_on_line(text, i) is not None)
            or preamble_to_announcement(index, text, i)
            or topic_of_points(index, text, i, dates=True)
        )

    def example(self, rule: Rule, example: Any) -> Document:
        return prose_example(example)


register(Score())

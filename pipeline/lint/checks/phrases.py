"""Phrase checks over every text unit: existence, existence-when-not-concrete, hedging, dangling-reference."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pipeline.lint.checks import Context, Hit, prose_example, register
from pipeline.lint.concrete import (
    EVENT_RE,
    SURNAMES,
    Sentence,
    has_named_person,
    has_named_unit,
    has_quoted_speech,
    is_concrete,
    sentences,
    without_names,
)
from pipeline.lint.document import Document, TextUnit
from pipeline.lint.roles import inside_quotation
from pipeline.lint.wordspan import on_words, word_start

if TYPE_CHECKING:
    from pipeline.lint.rules import Rule


def _excepted(rule: Rule, text: str, start: int, end: int) -> bool:
    """Whether one of the rule's exceptions matches text overlapping ``[start, end)``."""
    if rule.exception_re is None:
        return False
    lo, hi = max(0, start - 12), min(len(text), end + 12)
    for match in rule.exception_re.finditer(text, lo, hi):
        if match.start() < end and match.end() > start:
            return True
    return False


def matches(rule: Rule, unit: TextUnit) -> Iterator[re.Match[str]]:
    """The rule's token/pattern matches in ``unit``, minus its exceptions."""
    for match in rule.finditer(unit.text):
        if match.end() > match.start() and not _excepted(rule, unit.text, match.start(), match.end()):
            yield match


class Existence:
    """Flag every occurrence of a token or pattern (placeholders)."""

    name = "existence"
    options: dict[str, type] = {}

    def run(self, rule: Rule, doc: Document, ctx: Context) -> Iterable[Hit]:
        for unit in doc.units_of(rule.scope):
            for match in matches(rule, unit):
                yield Hit(unit, match.start(), match.end())

    def example(self, rule: Rule, example: Any) -> Document:
        return prose_example(example)


class _SentenceIndex:
    """The sentences of one text, found by offset."""

    def __init__(self, text: str):
        self.sentences: list[Sentence] = sentences(text)
        self.starts = [s.start for s in self.sentences]

    def at(self, offset: int) -> Sentence | None:
        i = self.index_at(offset)
        return self.sentences[i] if i is not None else None

    def index_at(self, offset: int) -> int | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i if i >= 0 and offset < self.sentences[i].end else None

    def next_on_line(self, text: str, i: int) -> Sentence | None:
        """The sentence after sentence ``i`` when it is on the same line (paragraph)."""
        if i + 1 >= len(self.sentences) or "\n" in text[self.sentences[i].end : self.sentences[i + 1].start]:
            return None
        return self.sentences[i + 1]

    def lead_with_next(self, text: str, i: int) -> str | None:
        """Sentence ``i`` with the next one, when ``i`` opens its line and the next is on the same line."""
        first = self.sentences[i]
        if i + 1 >= len(self.sentences) or (first.start > 0 and text[first.start - 1] != "\n"):
            return None
        following = self.sentences[i + 1]
        if "\n" in text[first.end : following.start]:
            return None
        return text[first.start : following.end]


@lru_cache(maxsize=4096)
def sentence_index(text: str) -> _SentenceIndex:
    """The (shared, cached) sentence index of ``text``: every rule over the same text reuses it."""
    return _SentenceIndex(text)


_CLAUSE_END = re.compile(r"[，,：:]")
_CLAUSES_AFTER = 2  # a stock lead-in is backed by specifics in its own clause or the next two
_HEADING_START = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[、.．]|第[一二三四五六七八九十]+)"
)
_FINAL = "。！？；!?;"
_POINT_HEADING = re.compile(r"\s*[一二三四五六七八九十]{1,2}是(?=[\u4e00-\u9fff“])")  # 一是组织覆盖有“盲区”…
_LONG_HEADING_CHARS = 60
# a finding quoted by its words — 关于“政治引领有短板”问题的整改: the inspection's words, not the writer's
# (or 该社区“对辖区内弱势群体关心关注还不够，……”的整改: the finding named by its quoted words, then its fix)
_QUOTED_FINDING = re.compile(
    r"(?<=关于|反馈|指出|通报|发现|反映|提出|列出)的?“[^”]{2,30}”(?=的?问题)|“[^”]{2,40}”(?=的?整改)"
)


# a numbered heading run into its paragraph: （一）在带头严守政治纪律和政治规矩……方面。一是……
_INLINE_HEADING = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)[^。；;]{0,40}?(?:方面|问题|情况)[。：:]?\s*$"
    # an unnumbered section label (在全面从严治党方面。): the findings follow it (round Q, #79)
    r"|^\s*在[^。；;，,]{2,16}方面[。：:]?\s*$"
)


def is_heading(unit: TextUnit, sentence: Sentence, text: str) -> bool:
    """A prose paragraph that is a heading (一、存在的主要问题; 三、努力方向): a whole line of at most 30
    characters without final punctuation that is numbered or has no comma — or a line of numbered
    headings run together (an outline pasted as one paragraph, :func:`is_outline`).  Headings name a
    topic; the lint judges the paragraphs under them."""
    if _INLINE_HEADING.match(sentence.text):
        return True
    if unit.kind != "prose":
        return False
    if unit.heading:  # a numbered heading over the next paragraph, one short sentence
        return True
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    if line != sentence.text.strip():
        return len(line) > len(sentence.text.strip()) and is_outline(line)
    if line[-1] in _FINAL:
        return is_outline(line)
    numbered = bool(_HEADING_START.match(line) or _POINT_HEADING.match(line))
    if len(line) > 30:
        # a speech's outline printed line by line (二、聚焦“实”字找问题，在深挖细查中找准症结——从“差什么”看短板，
        # ……): a numbered line without final punctuation is a heading up to twice as long (round 13's sample AA)
        return (numbered and len(line) <= _LONG_HEADING_CHARS and "。" not in line) or is_outline(line)
    return numbered or not re.search(r"[，,]", line)


# a numbered headline run into its paragraph (一是精心组织安排，宣传教育引导。及时成立……; （三）全力推进整改。召开……):
# the marker and a short topic, then the paragraph's sentences on the same line
_HEADLINE_START = re.compile(
    r"\s*(?:[一二三四五六七八九十]{1,3}(?:是|要|、)|[（(](?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})[）)]|[0-9]{1,2}[、.．](?![0-9])"
    # a speech's unnumbered point (要讲政治、守纪律。严格落实……): short, see _BARE_POINT_CHARS
    r"|(?=要[\u4e00-\u9fff]))"
)
_BARE_POINT_CHARS = 12  # an unnumbered 要… point is a heading only this short
_HEADLINE_CHARS = 24  # the topic after the marker, at most (一是聚焦政治建设，深入学习贯彻第十次党代会精神。)
_BODY_CHARS = 30  # a headline's body this long is what a reviewer reads, whatever it holds
# a section's headline after （一）: a heading whatever it says, up to a three-part title (（一）突出政治引领，筑牢绝对
# 忠诚之魂，锻造政治过硬的先锋堡垒。区委办党组……: round 13's tuning sample AA, a PDF's heading run into its paragraph)
_SECTION_HEADLINE_CHARS = 40


def is_headline(
    index: _SentenceIndex, text: str, i: int, body_marked: Callable[[str], bool] | None = None
) -> bool:
    """Whether sentence ``i`` is a numbered headline run into its paragraph (（三）全力推进整改。……召开党组会议
    4次; 一要聚焦专业特点打造品牌。鼓励各支部……) or a speech's short point (要讲政治、守纪律。严格落实……): a heading
    the page ran into its text, not a claim (round O of issue 13: 14 of 192 findings were on headings; round Q:
    13 of 101 on headings and points whose bodies were marked themselves). It is a headline when the sentences
    after it on its line carry facts, or stock words the rules mark there (``body_marked``); over a body with
    neither (一是精心组织安排，宣传教育引导。班子成员各司其职、相互补台。) the headline is the paragraph's one mark
    and is judged. Only the boilerplate rules ask; a hedge in a headline is judged with what follows."""
    sentence = index.sentences[i].text
    marker = _HEADLINE_START.match(sentence)
    if marker is None:
        return False
    topic = sentence[marker.end() :].strip().rstrip(_FINAL)
    limit = _BARE_POINT_CHARS if marker.end() == len(sentence) - len(sentence.lstrip()) else _HEADLINE_CHARS
    if sentence.lstrip()[:1] in "（(":
        limit = _SECTION_HEADLINE_CHARS
    if len(topic) > limit:
        return False
    j, body = i, 0
    while (following := index.next_on_line(text, j)) is not None:
        body += len(following.text.strip())
        if (
            body >= _BODY_CHARS
            or is_concrete(following.text)
            or (body_marked is not None and body_marked(following.text))
        ):
            return True
        j += 1
    return False


def in_point_after_colon(index: _SentenceIndex, text: str, i: int, offset: int) -> bool:
    """Whether ``offset`` (in sentence ``i``) is in a numbered point that opens after the sentence's colon
    and ends the sentence, with the point's body after it on its line (……重点抓好三方面：一要聚焦专业特点
    打造品牌。鼓励各支部……): a heading, like a headline opening its sentence (round Q, #36, #37)."""
    sentence = index.sentences[i].text
    colon = max(sentence.rfind("：", 0, offset), sentence.rfind(":", 0, offset))
    if colon < 0 or index.next_on_line(text, i) is None:
        return False
    marker = _HEADLINE_START.match(sentence, colon + 1)
    if marker is None or marker.end() == colon + 1:
        return False
    topic = sentence[marker.end() :].strip().rstrip(_FINAL)
    return len(topic) <= _HEADLINE_CHARS


def stock_marker(ctx: Context) -> Callable[[str], bool]:
    """Whether a text holds words one of ``ctx``'s boilerplate phrase rules reads (a headline's body that
    is marked on its own, :func:`is_headline`)."""
    stock = [r for r in ctx.rules_of("boilerplate") if r.extends != "score"]
    seen: dict[str, bool] = {}

    def marked(body: str) -> bool:
        known = seen.get(body)
        if known is None:
            if len(seen) > 4096:  # a report repeats its sentences; a corpus of thousands does not grow it
                seen.clear()
            known = seen[body] = any(r.search(body) for r in stock)
        return known

    return marked


# the numbered markers of an outline's headings: 一、 （二） (3) 4、 — never 1.5 or 一是
_OUTLINE_MARK = re.compile(
    r"[一二三四五六七八九十]{1,3}、|[（(](?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})[）)]|(?<![0-9.])[0-9]{1,2}、"
)
_OUTLINE_MARKS = 3  # two numbered clauses can be one sentence's list; three headings in a row are an outline
_OUTLINE_SEGMENT = 45  # a heading's length at most; a numbered paragraph of sentences is longer


@lru_cache(maxsize=1024)
def is_outline(line: str) -> bool:
    """Whether ``line`` is numbered headings run together — a speech's 提纲 pasted as one paragraph
    (一、提高政治站位，压实整改责任（一）建立清单化管理机制（二）……二、……): at least three markers, and
    every stretch between them short and without a full stop inside.  Each stretch names a topic, as a
    heading on its own line does (round N of issue 13: seven findings on one such line)."""
    marks = [m.start() for m in _OUTLINE_MARK.finditer(line)]
    if len(marks) < _OUTLINE_MARKS:
        return False
    title = line[: marks[0]]
    if len(title) > _OUTLINE_SEGMENT or re.search(r"[，,。！？；!?;]", title):
        return False  # before the first heading, a title at most (会议提纲：), never a sentence
    bounds = [*marks, len(line)]
    for start, end in zip(bounds, bounds[1:], strict=False):
        segment = line[start:end].rstrip(_FINAL + " ")
        if len(segment) > _OUTLINE_SEGMENT or any(c in _FINAL for c in segment):
            return False
    return True


# formulae introducing a report or a section (现将……报告如下; 下面从三个方面汇报): procedure, not claims
PROCEDURE = re.compile(
    r"(?:报告|汇报|检查|剖析|说明|述职|通报)如下|如下[：:]?$|^\s*下面[，,]?(?:从|就|我)|(?:发现|存在)(?:了)?(?:以下(?:几个)?|[几两一二三四五六七八九十]个方面)"
    # the meeting narrated (刚才，各位书记进行了述职，既展示了……也分析了……; 围绕……进行了全面汇报;
    # 也客观指出了存在的问题和不足)
    r"|^\s*刚才[，,]|进行了?[\u4e00-\u9fff]{0,4}?(?:汇报|点评|述职|测评|评议)|指出了?(?:存在的)?(?:问题|不足)"
    # the publication formula (现将巡视整改进展情况予以公布; 根据党务公开原则……现将……公布如下)
    r"|现将[^。；;]{0,40}?(?:予以)?(?:公布|公示|通报|公开)"
    # the meeting's own business stated (这次会议的主要任务是深入学习贯彻……) — round U, #147, #148
    r"|(?:这次|本次|今天的?|此次)(?:会议|大会|会)的?(?:主要)?(?:任务|议程|主题)(?:是|有|就是)"
    # the chair's agenda and courtesies (下面，进行第二项议程; 让我们以热烈的掌声……表示诚挚欢迎; ……我讲三个方面的意见):
    # how the meeting runs, no claim — round 13's tuning sample AA
    r"|第[一二三四五六七八九十]项议程|以热烈的掌声|表示(?:诚挚|热烈|衷心)的?(?:欢迎|感谢)"
    r"|我(?:再)?讲(?:[几两三四五]点|[几两三四五]个方面的?)(?:意见|看法|要求|体会)"
)
# … one speaker after another (逐一做了点评, 逐一作个人对照检查发言, 其他同志一一进行批评帮助, 各督导组逐一
# 进行了反馈): the meeting's procedure, clause by clause — round S: 5 of 82 findings narrated it
SEQUENCE_PROCEDURE = re.compile(
    r"(?:逐一|一一|依次|分别|先后|逐个)(?:进行|作|做|开展)了?[^，,。；;]{0,8}?(?:点评|发言|对照检查|批评|述职|汇报|反馈|表态)"
    # (他也逐一指出了各支部书记……存在的问题 — round U, #92)
    r"|(?:逐一|一一|分别)指出了?"
)
# a quoted list of official headings (从“发挥政治引领作用、贯彻落实上级党组织工作部署、……”等五个方面):
# cited names, not the writer's claims
_QUOTED_LIST = re.compile(r"“[^”]{8,}、[^”]{4,}、[^”]{4,}”")
# … and unquoted ones, the aspects a review went through (着重从发挥政治引领作用、贯彻落实上级党组织工作部署、
# ……等方面): the headings of a checklist, not claims
TOPIC_LIST = re.compile(
    r"(?:从|围绕|对照|就)[^。；;：:]{4,40}?、[^。；;：:]{2,120}?等(?:几个|[一二三四五六七八九十]个)?方面"
)
# stock words under a negation describe a shortcoming (未能有效结合): the hedging rules judge those
_NEGATED = re.compile(
    r"(?:未能|没能|没有|不能|难以|很难|较难|缺乏|缺少|欠缺|拿不出|谈不上|算不上|达不到|起不到|做不到|未)[^，,。；;]{0,10}$"
)
# … and so do stock words judged right after them (向基层延伸不彻底, 积极性普遍不高), or the topic of a
# 如何 (如何将理论转化为推动高质量发展的具体路径): the writer names what is lacking, not a claim
_CRITICISED = re.compile(r"[^，,。；;]{0,4}?(?:不彻底|不到位|不深入|不够|不高|不强|不足|不明显|不充分|乏力)")
# … or judged at the end of their clause (转化为推动高质量发展的具体思路和有效举措不足): what the clause says is
# that the named aim is not reached (round M of issue 13, #8 and #9)
_SHORTFALL_CLOSING = re.compile(
    # (深入的分析研判较少, 全面监督比较薄弱: the same, judged by quantity or strength — round P, #13, #147)
    r"[^，,。；;：:“”]{0,30}?(?:不足|欠缺|乏力|不到位|不明显|不充分|不够[\u4e00-\u9fff]{0,3}|不[深实细严透准强高力]|有待[\u4e00-\u9fff]{0,5}"
    r"|较少|偏少|过少|不多|(?:比较|较为|相对|十分)?薄弱|较弱|偏弱|滞后"
    # (贯彻落实……不深入、不扎实; 推动学校高质量发展有短板; 贯彻落实扶贫政策搞变通 — round Q, #87, #110, #112)
    r"|不(?:深入|扎实|到位|彻底|充分|严格|规范|全面|及时|有力|够)|有(?:短板|差距|欠缺|落差|不足|偏差)|搞变通|打折扣)"
    r"(?=[，,。；;：:！？!?\n、]|$)"
)
_TOPIC = re.compile(r"(?:如何|怎样|怎么)[^，,。；;]*$")
# … nor an essay announcing what it will do (本文将深入分析……): its purpose, not a claim of work done
_PURPOSE = re.compile(r"(?:本文|笔者|下文)(?:将|拟|试图|主要|就)[^，,。；;]{0,6}$")
# … or the object in 在……的落实上 (在以学铸魂、以学增智……长效机制的落实上，虽然……但……)
_TOPIC_AFTER = re.compile(r"[^，,。；;]{0,24}?的?(?:落实|执行|贯彻|推进|运用)上")
# … nor stock words used as a noun, the topic of what follows (个人履职尽责情况讲的很少), an attitude
# someone is reported to hold (认为业务工作是本职工作的重中之重), or a requirement quoted and then
# judged (对“同谋划、同部署、同落实”积极性不高): the writer cites them, the claim is not the writer's
_NOUN_USE = re.compile(r"的?(?:情况|状况)")
# results and shortcomings as the object of a review (全面总结……取得的显著成效; 深入查摆……存在的短板与不足;
# 精准指出了当前存在的薄弱环节): what was reviewed, said by the one who narrates the review
_REVIEW_VERB = re.compile(
    r"(?:总结|回顾|盘点|肯定|展示|剖析|查摆|查找|查准|指出|分析|正视|梳理|检视|晒出)了?[^，,。；;]{0,24}$"
)
_REVIEWED_NOUN = re.compile(r"(?:成效|成绩|问题|不足|短板|环节|差距|弱项)$")
# what the reports covered, narrated (围绕……展开述职，全面总结工作成效……，深入查摆短板弱项; 述职中全面总结了……，
# 深刻剖析了……): the review verbs of others' 述职 or 汇报 told by the news, not the writer's claim (round Q, #9,
# #27, #28)
_NARRATED_REVIEW = re.compile(r"(?:全面|系统|认真|深入|深刻|客观)(?:总结|回顾|查摆|剖析|梳理|分析)")
_REVIEW_ADVERB_HEADS = frozenset("全系认深客")  # the first characters of those adverbs: a cheap test first
_REPORT_BEFORE = re.compile(r"述职|汇报|发言|作报告|交流发言")
_REPORTED = re.compile(r"(?:认为|觉得|以为|自认为|误认为)[^，,。；;]*$")
# … nor what the Party's centre did (以习近平同志为核心的党中央高度重视巡视工作): background, not the unit's
# claim (round O, #171)
_CENTRE_SUBJECT = re.compile(r"(?:党中央|总书记|中共中央|中央)[^，,。；;]{0,4}$")
#: … nor inside what an interviewee is reported to have felt (他谈到此次活动的感受：……更加深入): the
# feelings are the person's, quoted by the narrator, not the writer's claim (round K of issue 13)
REPORTED_FEELINGS = re.compile(
    r"(?:他|她|[\u4e00-\u9fff]{1,3}同志)[^，,。；;]{0,10}?(?:谈到|谈起|说起|分享)[^。；;]{0,16}?"
    r"(?:感受|体会|收获|心得)[：:，,][^。！？!?]*$"
)
#: A sentence that opens by reporting someone's view (认为业务工作是……): for the learned rule too.
REPORTED_VIEW = re.compile(r"\s*[^，,。；;]{0,12}?(?:认为|觉得|以为|自认为|误认为)")
# a requirement named by its quoted words (严格落实“把党的政治建设摆在首位”的要求): its name, not the writer's claim
_QUOTED_REQUIREMENT = re.compile(r"[^“”]{0,30}”的?(?:要求|精神|部署|指示|论述|重要思想)")
_QUOTE_JUDGED = re.compile(
    r"[^“”]*”[^，,。；;“]{0,6}?(?:不彻底|不到位|不深入|不够|不高|不强|不足|不力|乏力|欠缺|缺失)"
)


# a quotation opened right after someone's words are announced (负责同志表示，“……”; 总书记强调：“……”)
_SPEECH_VERB = re.compile(r"(?:表示|说|指出|强调|坦言|谈到|介绍|称|讲)[，,：:]?\s*$")
_QUOTE_REACH = 200  # a quoted statement runs over several sentences


# … or attributed after it (“……我们干工作更有底气了！”村党支部书记白彦广握着新发的文件; “……”他说)
_ATTRIBUTION = re.compile(
    r"(?:[^“。！？!?\n]|“[^”]{0,12}”){0,40}?(?:说|表示|介绍|坦言|谈到|感慨|告诉|侃侃而谈"
    rf"|(?:书记|主任|局长|镇长|乡长|村长|站长|所长|经理|委员|队长|组长)[{SURNAMES}])"
)


_SLOGAN_CHARS = 12  # a quotation longer than a slogan's name: someone's words, when attributed


def quoted_from_speaker(text: str, offset: int) -> bool:
    """Whether ``offset`` is inside a statement quoted from someone (……负责同志表示，“要进一步压实……”;
    “……更有底气了！”村党支部书记白彦广……): the words are the speaker's, reported by the writer, not the
    writer's claim (round N of issue 13, #19; round 8's batch)."""
    opened = text.rfind("“", max(0, offset - _QUOTE_REACH), offset + 1)  # a sentence may open with it
    if opened < 0 or "”" in text[opened:offset]:
        return False
    if _SPEECH_VERB.search(text, max(0, opened - 12), opened):
        return True
    closed = text.find("”", offset, offset + _QUOTE_REACH)
    if closed < 0 or closed - opened <= _SLOGAN_CHARS:
        return False
    # attributed after it, or a whole sentence said within a narration (“……所领导不够重视，必须马上改正。”“……”
    # ……这是3月25日……组织生活会上的一幕): no slogan or title closes on its own full stop. A paragraph that is
    # the quotation alone is the criticism itself, as 相互批评 materials set it down, and is judged.
    return bool(_ATTRIBUTION.match(text, closed + 1)) or (
        text[closed - 1] in "。！？!?"
        and (opened > _line_start(text, opened) or bool(_NARRATION_AFTER.match(text, closed + 1)))
    )


# what follows a quoted sentence in a narration: another quotation, an ellipsis or the narrator's words
_NARRATION_AFTER = re.compile(
    r"\s*(?:“|……|[\u4e00-\u9fff]{2}|[0-9０-９]{1,4}[年月日])"
)  # (……”12月13日，…强调)


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


_GOAL_BEFORE_QUOTE = re.compile(r"(?:做到|实现|确保|坚持|力争|达到)\s*$")


def in_goal_quote(text: str, offset: int) -> bool:
    """Whether ``offset`` is inside a quoted goal (做到“放假不放松、离校不离教、停课不停学”): a slogan to
    live up to, not a shortcoming (round O of issue 13, #34–#36)."""
    opened = max(
        text.rfind("“", max(0, offset - 40), offset + 1), text.rfind('"', max(0, offset - 40), offset)
    )
    if opened < 0 or "”" in text[opened + 1 : offset] or any(c in _FINAL for c in text[opened:offset]):
        return False
    return bool(_GOAL_BEFORE_QUOTE.search(text, max(0, opened - 4), opened))


def _in_quote(text: str, offset: int) -> bool:
    """Whether ``offset`` is inside “…” (an opening quote before it on its sentence, not yet closed)."""
    opened = text.rfind("“", max(0, offset - 40), offset)
    return (
        opened >= 0 and "”" not in text[opened:offset] and not any(c in _FINAL for c in text[opened:offset])
    )


# … or the manner of such a review (客观全面地总结了2017年取得的成绩 — an adverb with 地, a verb with 了): the
# adverb qualifies the narrated review (我们深入分析了……问题, without 地, is the writer's stock claim)
_REVIEW_MANNER = re.compile(
    r"[^，,。；;]{0,4}?地(?:总结|回顾|盘点|剖析|查摆|查找|指出|分析|梳理|检视)了[^，,。；;]{0,24}?"
    r"(?:成效|成绩|问题|不足|短板|环节|差距|弱项)(?=[，,。；;]|$)"
)


def reviewed(text: str, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` name results or shortcomings as the object of a review verb
    in their clause (总结……取得的显著成效, 指出了当前存在的薄弱环节), or qualify such a review
    (全面地总结了……取得的成绩): narration of a review, no claim."""
    return bool(
        _REVIEWED_NOUN.search(text, start, end) and _REVIEW_VERB.search(text, max(0, start - 30), start)
    ) or bool(_REVIEW_MANNER.match(text, start))


# a clause that goes on to list what it announces (仍然存在一些问题，包括……; 存在一些不足，主要是……)
_LIST_VERB_HEADS = frozenset("包主具")  # the first characters of those words: a cheap test first
_ANNOUNCES_LIST = re.compile(
    r"\s*(?:包括|主要(?:是|有|表现为|表现在|体现在)|具体(?:是|表现为|有))[：:]?(?=[\u4e00-\u9fff“])"
)


# the colon of a lead-in inside its sentence: what it announces (以下问题, 三点要求, 如下) or a list marker after it
_LIST_ANNOUNCED = re.compile(
    r"(?:以下|如下|下列|几点|[一二两三四五六七八九十]点|[一二两三四五六七八九十]个?方面)[\u4e00-\u9fff]{0,6}[：:]|[：:]\s*"
    r"(?:[一二三四五六七八九十]+[是要、]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[、.．])"
)


def announces_after_colon(sentence: str, offset: int) -> bool:
    """Whether the words at ``offset`` are in the lead-in of a list that follows a colon in the same sentence
    (认真总结以往工作，深刻剖析自身不足，主要存在以下问题：一是……)."""
    found = [k for k in (sentence.find("：", offset), sentence.find(":", offset)) if k >= 0]
    colon = min(found) if found else -1
    if colon < 0 or colon + 1 >= len(sentence.rstrip(_FINAL + " \n")):
        return False
    return bool(_LIST_ANNOUNCED.search(sentence, max(offset, colon - 12), colon + 8))


def opens_list(index: _SentenceIndex, i: int, next_paragraph: bool = False) -> bool:
    """Whether sentence ``i`` ends with a colon and something follows it — in its paragraph, or, with
    ``next_paragraph`` (the paragraph is a lead-in, :func:`pipeline.lint.roles.lead_ins`), in the next
    one: the lead-in to a list (主要还存在不少短板和不足：一是……), whose items say what it only announces."""
    return index.sentences[i].text.rstrip(" \n").endswith(("：", ":")) and (
        i + 1 < len(index.sentences) or next_paragraph
    )


def closes_lead_in(index: _SentenceIndex, i: int, lead_in: bool) -> bool:
    """Whether sentence ``i`` is the last of a paragraph that is a lead-in (``lead_in``,
    :func:`pipeline.lint.roles.lead_ins`): one announcing shortcomings in general over the numbered list after it
    (……还存在一些不足。 then 1.……; ……还存在较多突出问题。 then 二、主要问题 — round U, #37; round T, #128)."""
    return lead_in and i == len(index.sentences) - 1


def names_case(text: str, subjects: bool = False) -> bool:
    """Whether ``text`` names a case — a unit (heading its clause only if ``subjects``), a person, an
    event, quoted speech (not a figure or a date alone): what a judgment after it is about."""
    return bool(text.strip()) and (
        has_named_unit(text, subjects=subjects)
        or has_named_person(text)
        or bool(EVENT_RE.search(text))
        or has_quoted_speech(text)
    )


def backed_by_following(index: _SentenceIndex, text: str, i: int, dates: bool, lead_max: int | None) -> bool:
    """Whether sentence ``i`` is backed by what follows it in its paragraph: its example (the next
    sentence opens with 例如/比如 and is concrete), or — a lead sentence (opening its line, at most
    ``lead_max`` characters; None: any, 0: none) — the sentence after it, or the example after that."""
    following = index.next_on_line(text, i)
    if following is None:
        return False
    if EXAMPLE_OPENING.match(following.text) and is_concrete(following.text, dates=dates):
        return True
    sentence = index.sentences[i]
    lead = sentence.start == 0 or text[sentence.start - 1] == "\n"
    if not lead or lead_max == 0 or (lead_max is not None and len(sentence.text.strip()) > lead_max):
        return False
    if is_concrete(following.text, dates=dates):
        return True
    after = index.next_on_line(text, i + 1)
    return (
        after is not None and bool(EXAMPLE_OPENING.match(after.text)) and is_concrete(after.text, dates=dates)
    )


# a lead-in sentence is short; a longer one that ends in stock words states a result of its own (……制度，
# 组织生活的政治性、时代性、原则性、战斗性进一步增强。我全年讲专题党课4次) and is judged on its own
_LEAD_IN_CHARS = 40


# the sentence that announces what follows (现检视剖析如下：, 现将有关情况报告如下：)
_ANNOUNCEMENT_REACH = 30
_ANNOUNCEMENT = re.compile(
    r"\s*(?:现|下面|以下|特)(?:将|就|把|对)?[^。；;！？!?]{0,24}?如下(?P<stop>[：:]|。)?\s*$"
)
# … announced with a full stop (现将个人对照检查情况报告如下。), the preamble counts only when it tells how the material
# was prepared: a 述职 opening of attitude claims before 现将……报告如下。 is judged (round 13's tuning sample AA)
_PREPARED = re.compile(r"查摆|剖析|对照|征求|谈心谈话|梳理|检视|自查|查找")


def preamble_to_announcement(index: _SentenceIndex, text: str, i: int) -> bool:
    """Whether sentence ``i`` is the preamble of a material, followed by its announcement (……认真查摆了存在的
    问题，深刻剖析了原因，明确了今后的努力方向。现检视剖析如下：): how it was prepared, not a claim — the
    material itself follows (round U, #30, #31)."""
    end = index.sentences[i].end
    if (
        text.find("如下", end, end + _ANNOUNCEMENT_REACH) < 0
    ):  # a cheap test first: asked of every stock clause
        return False
    following = index.next_on_line(text, i)
    announced = _ANNOUNCEMENT.match(following.text) if following is not None else None
    if announced is None:
        return False
    return announced.group("stop") != "。" or _PREPARED.search(index.sentences[i].text) is not None


def purpose_backed_by_next(index: _SentenceIndex, text: str, i: int) -> bool:
    """Whether sentence ``i`` is a purpose lead (为进一步提高……，……向基层延伸。) whose next sentence on its line
    opens with the facts done for it (1月19日上午，……召开……): a news lead, however many clauses it has — the
    facts are what the purpose was for (round S: 3 of 82 findings)."""
    sentence = index.sentences[i].text
    if "为" not in sentence[:3] or not PURPOSE_LEAD.match(sentence):
        return False
    following = index.next_on_line(text, i)
    if following is None:
        return False
    first = _clauses_of(following.text)[:1]
    return any(is_concrete(following.text[a:b], dates=True) for a, b in first)


# the first of a paragraph's numbered points (……摆在首位，坚定不移加强……。一是坚持“第一议题”制度不动摇。全年组织
# ……学习18次), and the next point's opening, which ends the first
_FIRST_POINT = re.compile(r"\s*(?:一是|一要|首先|第一[，,、是])")
_NEXT_POINT = re.compile(r"\s*(?:二是|二要|其次|第二[，,、是])")
_POINT_SENTENCES = 3  # the sentences of the first point read for its facts


def topic_of_points(index: _SentenceIndex, text: str, i: int, dates: bool) -> bool:
    """Whether sentence ``i`` opens its paragraph and is the topic of numbered points that follow it at once,
    the first of them carrying facts within its first sentences: the section's claim is what the points show
    (round 13's tuning sample AA: the lead-ins of 述职 sections, their figures in the 一是 after them)."""
    sentence = index.sentences[i]
    if sentence.start > 0 and text[sentence.start - 1] != "\n":
        return False
    following = index.next_on_line(text, i)
    if following is None or not _FIRST_POINT.match(following.text):
        return False
    at = i + 1
    for _ in range(_POINT_SENTENCES):
        point = index.sentences[at]
        if is_concrete(point.text, dates=dates):
            return True
        nxt = index.next_on_line(text, at)
        if nxt is None or _NEXT_POINT.match(nxt.text):
            return False
        at += 1
    return False


def backed_across(index: _SentenceIndex, text: str, i: int, after: int, dates: bool) -> bool:
    """Whether the clauses right after a stock clause of a short sentence ``i`` with only ``after``
    clauses left in it continue into the next sentence on its line and are concrete there (坚持把巡视整改
    作为……具体行动。3月24日，区委常委会认真学习……): for a lead-in, the rubric's "clause right after" does
    not stop at 。 (round O of issue 13: 15 of 192 findings were lead-ins to the facts that follow)."""
    if after >= _CLAUSES_AFTER or len(index.sentences[i].text.strip()) > _LEAD_IN_CHARS:
        return False
    following = index.next_on_line(text, i)
    if following is None:
        return False
    spans = _clauses_of(following.text)[: _CLAUSES_AFTER - after]
    return any(is_concrete(following.text[a:b], dates=dates) for a, b in spans)


#: A sentence that is the example of the one before it (例如，…; 比如在…; 如：…).
EXAMPLE_OPENING = re.compile(r"\s*(?:例如|比如|譬如|如[：:，,]|以[^，,。]{2,12}为例)")
_INSTANCE_OPENING = re.compile(r"\s*(?:例如|比如|譬如|如)(?![何果若此今同期])")
# A clause that is only a prepositional phrase (针对24个项目的483个问题，……; 通过走访农户1117户，……) belongs to
# the predicate after its comma: its facts back that clause, which is not "stock words after the facts"
# (round 9, dev: 岚山区审计局……针对……483个问题，对……进行逐笔逐项认真复核).
# A sentence that opens with its purpose (为深入开展……，为进一步……): the clauses of the purpose are backed by the
# facts anywhere after them in the sentence, which is what was done for it (round Q, #58, #59)
PURPOSE_LEAD = re.compile(r"\s*为(?:了|进一步|深入|全面|切实|认真|扎实|推动|加强|落实|贯彻|持续)")
PREPOSITIONAL_LEAD = re.compile(r"\s*(?:针对|围绕|对照|按照|根据|依据|通过|聚焦|紧扣|结合)")


def quoted_finding_spans(text: str) -> list[tuple[int, int]]:
    """Spans of cited words in ``text``: findings quoted by their words (关于“…”问题), quoted lists of
    official headings, and the titles of documents (《关于大力保护森林资源……的决定》: a name, whose words
    nobody can change — round X of issue 13, #2, #3)."""
    return (
        [m.span() for m in _QUOTED_FINDING.finditer(text)]
        + [m.span() for m in _QUOTED_LIST.finditer(text)]
        + ([m.span() for m in TOPIC_LIST.finditer(text)] if "方面" in text else [])
        + ([m.span() for m in _DOCUMENT_TITLE.finditer(text)] if "《" in text else [])
    )


_DOCUMENT_TITLE = re.compile(r"《[^《》\n]{1,80}》")


def clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the clauses of a sentence (split at ，,：: — not at 、, which joins list items)."""
    spans, start = [], 0
    for match in _CLAUSE_END.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans or [(0, len(text))]


@lru_cache(maxsize=8192)
def _clauses_of(sentence: str) -> tuple[tuple[int, int], ...]:
    """:func:`clauses`, remembered: every phrase rule with a hit in a sentence asks for its clauses,
    and a report repeats sentences; a tuple, so no caller can change the remembered answer."""
    return tuple(clauses(sentence))


@lru_cache(maxsize=1024)
def _quoted_spans_of(text: str) -> tuple[tuple[int, int], ...]:
    """:func:`quoted_finding_spans`, remembered: each phrase rule with a hit in a unit asked for them."""
    return tuple(quoted_finding_spans(text))


class WhenNotConcrete:
    """Flag a stock phrase only when its clause carries nothing concrete (空话套话).

    The scope is the clause, not the sentence: in a comma-chained sentence one figure or date no longer
    exempts every stock clause.  A paragraph's short lead sentence (a headline of at most ``lead_max``
    characters) is backed by the sentence after it; a prose heading is not judged; nor are a finding's
    own words quoted as “…”问题.  A clause is backed when it, or one of the two clauses after it, is
    concrete — a lead-in followed by its facts (扎实推进“三大工程”，走访农户1117户) passes; stock words
    after the facts (累计谈话60余人次，做到了把问题谈开) are flagged.  The unit's own name, organisation
    and reporter never count (:func:`pipeline.lint.concrete.without_names`).
    """

    name = "existence-when-not-concrete"
    options: dict[str, type] = {}
    dates_count = True  # a month-level date makes a sentence concrete
    lead_context = True  # a paragraph's lead sentence is judged with the sentence after it …
    lead_max: int | None = 24  # … when it is a headline (一是聚焦主责主业，领导责任全面压实。定期研究……8次)
    negation_exempt = True  # 未能有效结合 is a shortcoming, not a stock claim
    case_before = False  # stock words after the facts are still stock words
    lead_in_exempt = False  # a hedge in the clause that opens a list (……：) is judged by the list
    goal_quote_exempt = False  # a hedge inside a quoted goal (做到“放假不放松……”) is no shortcoming
    headline_exempt = True  # a numbered headline run into its paragraph is a heading, not 空话
    next_sentence_backs = True  # a stock clause closing its sentence is backed by the next sentence's facts

    def run(self, rule: Rule, doc: Document, ctx: Context) -> Iterable[Hit]:
        marked = stock_marker(ctx)
        for unit in doc.units_of(rule.scope):
            yield from self.unit_hits(rule, unit, doc.names, marked)

    def unit_hits(
        self,
        rule: Rule,
        unit: TextUnit,
        names: tuple[str, ...] = (),
        body_marked: Callable[[str], bool] | None = None,
    ) -> Iterator[Hit]:
        index: _SentenceIndex | None = None
        verdicts: dict[tuple[int, int], bool] = {}
        headlines: dict[int, bool] = {}  # sentence → is a headline (its body is read once, not per match)
        text = ""
        quoted: Sequence[tuple[int, int]] = ()
        for match in matches(rule, unit):
            if index is None:
                text = without_names(unit.text, names)
                index = sentence_index(text)
                quoted = _quoted_spans_of(text) if "“" in text or "方面" in text or "《" in text else ()
            i = index.index_at(match.start())
            if i is None:
                continue
            sentence = index.sentences[i]
            spans = _clauses_of(sentence.text)
            offset = match.start() - sentence.start
            k = next((n for n, (_, end) in enumerate(spans) if offset < end), len(spans) - 1)
            # the clause's concreteness first: remembered per clause, and most matches in concrete text stop
            # here (every test below only lets a match through or not, so the order changes no finding)
            if (i, k) not in verdicts:
                verdicts[i, k] = self.concrete(index, text, i, spans, k)
            if verdicts[i, k]:
                continue
            if is_heading(unit, sentence, text) or any(
                a <= match.start() and match.end() <= b for a, b in quoted
            ):
                continue
            if unit.quoting and inside_quotation(text, match.start()):
                continue  # someone's words quoted, in a paragraph that opens with them (pipeline.lint.roles)
            if self.negation_exempt and self.criticised(text, match.start(), match.end()):
                continue
            if not self.negation_exempt and "“" in text and quoted_from_speaker(text, match.start()):
                continue  # a hedge in someone's quoted words is theirs (round Q: 4 of 102 findings)
            has_colon = "：" in sentence.text or ":" in sentence.text
            if self.headline_exempt:
                if i not in headlines:
                    headlines[i] = is_headline(index, text, i, body_marked)
                if headlines[i] or (
                    has_colon and in_point_after_colon(index, text, i, match.start() - sentence.start)
                ):
                    continue
            if reviewed(text, match.start(), match.end()):
                continue
            clause = sentence.text[spans[k][0] : spans[k][1]].rstrip(_FINAL + "\n ")
            if PROCEDURE.search(clause) or SEQUENCE_PROCEDURE.search(clause):
                continue
            if (
                self.lead_in_exempt
                and k == len(spans) - 1
                and (opens_list(index, i, unit.lead_in) or closes_lead_in(index, i, unit.lead_in))
            ):
                continue
            # … and a general admission followed by the material's announcement (……有些地方还做得不够，存有一定
            # 的差距和问题。现将一些主要问题和原因分析如下：): the problems are set out after it (round T, #56–#58)
            if self.lead_in_exempt and preamble_to_announcement(index, text, i):
                continue
            # every clause of a sentence that announces the list after its colon (认真总结以往工作，深刻剖析
            # 自身不足，主要存在以下问题：; 就……进一步抓好……提出三点要求：) is the lead-in, for the stock rules
            # too (round Q: 7 of 101 findings were on lead-ins)
            if (
                not self.lead_in_exempt
                and has_colon
                and (opens_list(index, i, unit.lead_in) or announces_after_colon(sentence.text, offset))
            ):
                continue
            if sentence.text[spans[k][1] : spans[k][1] + 3].lstrip()[:1] in _LIST_VERB_HEADS and (
                _ANNOUNCES_LIST.match(sentence.text, spans[k][1])
            ):
                continue
            if self.goal_quote_exempt and in_goal_quote(text, match.start()):
                continue
            # stock words matched by a pattern are marked as whole words (a listed token is one already); a
            # hedge's pattern keeps its own end, where its degree word is, and only its start is put on a word
            # (round 13: 识欠缺 of 意识欠缺)
            by_pattern = not (rule.tokens and match.re is rule.parts[0])
            if by_pattern and self.name == WhenNotConcrete.name:
                span = on_words(text, match.start(), match.end())
            elif by_pattern:
                span = (word_start(text, match.start()), match.end())
            else:
                span = (match.start(), match.end())
            if span is not None:
                yield Hit(unit, *span)

    @staticmethod
    def criticised(text: str, start: int, end: int) -> bool:
        """Whether the stock words at ``start:end`` are not the writer's claim: a shortcoming (negated
        before, judged after or at the end of their clause, the topic of a 如何 in their clause), a noun
        (…情况), a reported attitude (认为…) or feelings (他谈到……的感受：…), an essay's announced purpose
        (本文将…), a quoted requirement judged after its quote, or someone's quoted statement."""
        # a match ending in 不 (积极性不) is judged by what follows it (积极性不高)
        after = end - 1 if text[end - 1 : end] == "不" else end
        return bool(
            _NEGATED.search(text, max(0, start - 14), start)
            or _CRITICISED.match(text, after)
            or _TOPIC.search(text, max(0, start - 60), start)
            or _PURPOSE.search(text, max(0, start - 14), start)
            or _NOUN_USE.match(text, end)
            or (_TOPIC_AFTER.match(text, end) is not None and "在" in text[max(0, start - 24) : start])
            or _REPORTED.search(text, max(0, start - 30), start)
            or _CENTRE_SUBJECT.search(text, max(0, start - 12), start)
            or REPORTED_FEELINGS.search(text, max(0, start - 80), start)
            or (
                (_QUOTE_JUDGED.match(text, end) or _QUOTED_REQUIREMENT.match(text, end)) is not None
                and _in_quote(text, start)
            )
            or text[start] in _REVIEW_ADVERB_HEADS
            and _NARRATED_REVIEW.match(text, start) is not None
            and _REPORT_BEFORE.search(text, max(0, start - 80), start) is not None
            or _SHORTFALL_CLOSING.match(text, end) is not None
            or quoted_from_speaker(text, start)
        )

    def concrete(
        self, index: _SentenceIndex, text: str, i: int, spans: Sequence[tuple[int, int]], k: int
    ) -> bool:
        """Whether clause ``k`` of sentence ``i`` is backed: it or one of the next two clauses is
        concrete (for a hedge, also a case named before it in its sentence); or the sentence is
        followed by its example (例如，…); or, for a lead sentence and ``lead_context``, the sentence
        after it is concrete."""
        sentence = index.sentences[i].text
        if EXAMPLE_OPENING.match(sentence, spans[k][0]):  # 例如，…: the example is the rest of the sentence
            spans = [*spans[:k], (spans[k][0], len(sentence))]
        for start, end in spans[k : k + 1 + _CLAUSES_AFTER]:
            if is_concrete(sentence[start:end], dates=self.dates_count):
                return True
            # an instance given after 如/比如 (……有的省委班子是在会后召开通报会，如江苏省委，……): the unit named
            # there is the case, not the writer speaking of itself (round 11, dev)
            if self.case_before and start > spans[k][0]:
                opening = _INSTANCE_OPENING.match(sentence, start)
                if opening and names_case(sentence[opening.end() : end], subjects=True):
                    return True
        if (
            "为" in sentence[:3]
            and PURPOSE_LEAD.match(sentence)
            and any(is_concrete(sentence[a:b], dates=True) for a, b in spans[k + 1 :])
        ):
            return True  # 为深入开展……，进一步落实……，根据……要求，3月5日……召开: the purpose, then the facts
        if k and PREPOSITIONAL_LEAD.match(sentence, spans[k - 1][0]):
            if is_concrete(sentence[spans[k - 1][0] : spans[k - 1][1]], dates=self.dates_count):
                return True
        if self.next_sentence_backs and (
            backed_across(index, text, i, len(spans) - 1 - k, self.dates_count)
            or purpose_backed_by_next(index, text, i)
            or preamble_to_announcement(index, text, i)
            or topic_of_points(index, text, i, self.dates_count)
        ):
            return True
        if self.case_before and (
            names_case(sentence[: spans[k][0]])
            or any(names_case(sentence[a:b], subjects=True) for a, b in spans[k + 1 : k + 1 + _CLAUSES_AFTER])
        ):
            return True  # the case, then its judgment; or the vague subject, then its instance
        return backed_by_following(
            index, text, i, self.dates_count, self.lead_max if self.lead_context else 0
        )

    def example(self, rule: Rule, example: Any) -> Document:
        return prose_example(example)


class Hedging(WhenNotConcrete):
    """Flag a vague statement of a problem unless its sentence names something specific.

    Like ``existence-when-not-concrete``, but a date alone does not make a hedge specific
    ("2025年，个别同志纪律意识不强" still hides who and what).  A paragraph's lead sentence — the
    headline of a problem — is judged together with the sentence that follows it, which is where the
    specifics usually are ("“两张皮”现象在部分支部仍然存在。2025年二季度，临川海关……").
    """

    name = "hedging"
    dates_count = False
    lead_context = True
    lead_max = None  # any lead sentence: the headline of a problem, specifics after it
    negation_exempt = False
    case_before = True  # 在推动……项目时，……政治敏感性不强: the case, then its judgment
    lead_in_exempt = True  # 还存在不少短板和不足： — the list after the colon says what they are
    goal_quote_exempt = True  # 做到“放假不放松、离校不离教”: a slogan to live up to
    headline_exempt = False  # 一是理论学习不深。…: the headline's hedge is judged with what follows
    next_sentence_backs = False  # a hedge is judged within its sentence (its lead sentence: with the next)


_DEFINITION = re.compile(
    r"^\s*(?P<target>(?:附件|附表|表|图)\s*[0-9０-９一二三四五六七八九十]*)\s*(?:[：:.．、\s]|$)"
)


_VERBS = re.compile(r"^(?:详见|参见|见|如)|所示$")


def _normalise(target: str) -> str:
    """``详见 附件2`` → ``附件2``; ``如表1所示`` → ``表1``."""
    return _VERBS.sub("", re.sub(r"\s+", "", target))


class DanglingReference:
    """Flag a reference (见附件2, 如表1所示) to an attachment, table or figure the text never defines.

    A target is defined when a line of the document starts with it (``附件2：…``, ``表1 …``).  The
    target is the match without its verb (见, 详见, 参见, 如) and a trailing 所示.
    """

    name = "dangling-reference"
    options: dict[str, type] = {}

    def run(self, rule: Rule, doc: Document, ctx: Context) -> Iterable[Hit]:
        defined = self.definitions(doc)
        for unit in doc.units_of(rule.scope):
            for match in matches(rule, unit):
                target = _normalise(match.group(0))
                if not self.is_defined(target, defined):
                    yield Hit(unit, match.start(), match.end(), {"target": target})

    @staticmethod
    def definitions(doc: Document) -> set[str]:
        found = set()
        for unit in doc.units:
            for line in unit.text.split("\n"):
                match = _DEFINITION.match(line)
                if match:
                    found.add(_normalise(match.group("target")))
        return found

    @staticmethod
    def is_defined(target: str, defined: set[str]) -> bool:
        if target in defined:
            return True
        # "见附件" without a number is satisfied by any attachment
        return target in ("附件", "附表") and any(d.startswith(target) for d in defined)

    def example(self, rule: Rule, example: Any) -> Document:
        return prose_example(example)


for _check in (Existence(), WhenNotConcrete(), Hedging(), DanglingReference()):
    register(_check)

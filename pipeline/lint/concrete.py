"""Is a sentence concrete?  Sentences, and the signals that a sentence says something specific.

A stock phrase is only 空话 when its sentence carries nothing concrete; a problem needs a 事例 (which
unit, who, what happened, when) and a figure.  The signals here are heuristics over the text:

- a figure (:mod:`pipeline.lint.figures`);
- a named unit (东湾海关, 旅检一科, 机关第二党支部, 驻港办事处 …) or person (张某, 李明同志, 分管物流的副关长);
- a month-level date (2025年5月, 8月12日, 3月份) — a bare year is not specific;
- a named operation (在…攻坚中, 在…专项检查中, 审计发现 …), a document title 《…》, or quoted speech
  (关员反映“…”) — a generic one (在联系点调研中, 在会议上) does not count;
- an explicit example marker (例如, 比如, 如在).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import rjieba

from pipeline.lint.figures import FIXED_TERMS, has_figure

_SENTENCE_END = re.compile(r"[。！？；!?;]+|\n+")

_GENERIC_BEFORE_UNIT = ("隶属", "直属", "各个", "所属", "全国", "基层", "各级", "本级", "兄弟", "有关",
                        "相关", "其他", "部分", "个别", "少数", "地方", "全部", "所有", "下属", "智慧", "清廉",
                        "模范", "法治", "全国", "中国", "现代", "新时代", "全关")
_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nz", "nt", "j"})
_PLACE_NOUNS = frozenset({"码头", "机场", "港", "港区", "车站", "火车站", "铁路", "陆路", "邮局", "湾", "岛", "新区",
                          "开发区", "保税区", "综保区", "口岸"})
_UNIT_SUFFIX_RE = re.compile(r"海关|办事处|分关|海关监管区")
_PREFIX_CUT = re.compile(r"[^\u4e00-\u9fff]")
_DEPT_PREFIX = (r"(?:旅检|查验|监控|物流|综合|稽查|缉私|通关|法规|财务|人事|办公|监管|技术|关税|"
                r"统计|保税|加贸|卫检|动植检|食品|商检|企管|风险|政工|纪检|督审|审计|科技|后勤|机关)")
_CN_NUM = "一二三四五六七八九十"
UNIT_RE = re.compile(
    rf"{_DEPT_PREFIX}[\u4e00-\u9fff]{{0,3}}?[{_CN_NUM}0-9]?(?:科|处|室|队)(?:党支部)?(?![室长员])"
    rf"|机关第?[{_CN_NUM}]+党?支部|第[{_CN_NUM}0-9]+党支部|驻[\u4e00-\u9fff]{{1,3}}办事处"
)
_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
             "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺"
             "顾毛郝龚邵万钱严覃武戴莫孔向汤欧柳")
PERSON_RE = re.compile(
    rf"[{_SURNAMES}]某{{1,2}}|[{_SURNAMES}][\u4e00-\u9fff]{{1,2}}(?=同志)"
    rf"|分管[\u4e00-\u9fff]{{1,6}}的(?:副关长|副处长|副主任|班子成员|关领导|同志)"
)
DATE_RE = re.compile(
    r"[0-9０-９]{1,2}月(?:份|[0-9０-９]{1,2}[日号]|底|初|中旬|上旬|下旬)?"
    rf"|[{_CN_NUM}]{{1,2}}月份?(?![份度])"
    r"|[0-9０-９]{4}年第?[一二三四1-4]季度"
)
EVENT_RE = re.compile(
    # a named operation (generic ones — 在调研中, 在会议上 — count only with a date, unit or quote)
    r"在[^，。；、]{1,16}?(?:攻坚|专项行动|专项检查|督查|巡视|巡察|审计|整治|演练|试点)(?:中|上|期间|时|后)"
    r"|(?:审计|巡视|巡察|督查|检查|暗访|抽查)(?:中)?发现"
    # a notice or finding by a named body (总署党建办通报了…, 巡视组指出…)
    r"|(?:总署|署党委|党建办|纪检组|巡视组|巡察组|督审司|审计署)[^，。；]{0,6}?(?:通报|指出|点名)"
    r"|《[^》]{2,}》"
)
SPEECH_RE = re.compile(r"(?:反映|说|表示|称|坦言|提出|认为|问|答|说道|直言)[：:，,]?[“\"「]")
EXAMPLE_MARKER_RE = re.compile(r"例如|比如|譬如|如在|以[^，。]{2,12}为例|典型的是")
QUOTE_RE = re.compile(r"“([^”]{1,30})”")
_FIXED = set(FIXED_TERMS)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a text: its start and end offsets in the text, and its characters."""

    start: int
    end: int
    text: str


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` at 。！？； and line breaks; the terminator belongs to its sentence."""
    out: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end() if not match.group(0).startswith("\n") else match.start()
        if text[start:end].strip():
            out.append(Sentence(start, end, text[start:end]))
        start = match.end()
    if text[start:].strip():
        out.append(Sentence(start, len(text), text[start:]))
    return out


def sentence_at(text: str, offset: int) -> Sentence:
    """The sentence of ``text`` containing ``offset``."""
    for sentence in sentences(text):
        if sentence.start <= offset < sentence.end:
            return sentence
    return Sentence(0, len(text), text)


@lru_cache(maxsize=4096)
def _is_place_name(prefix: str) -> bool:
    """Whether ``prefix`` (the characters before 海关/办事处 …) ends in a place name, by rjieba's tags.

    ``东湾``/``南浦`` (ns), ``北岸`` (a two-character direction word), ``东码头``/``青石机场`` (a place
    noun) are names; ``引领``/``清廉``/``隶属`` (verbs, adjectives) and generic words are not.
    """
    tags = rjieba.tag(prefix)
    if not tags:
        return False
    word, tag = tags[-1]
    if word in _GENERIC_BEFORE_UNIT or word.endswith(("各", "本", "全")):
        return False
    return (tag in _NAME_TAGS or (tag == "f" and len(word) == 2 and word[0] in "东西南北")
            or word in _PLACE_NOUNS)


def has_named_unit(text: str) -> bool:
    """A named unit: ``东湾海关``, ``旅检一科``, ``机关第二党支部`` (not ``隶属海关``, ``引领海关事业``)."""
    if UNIT_RE.search(text):
        return True
    for match in _UNIT_SUFFIX_RE.finditer(text):
        prefix = _PREFIX_CUT.split(text[max(0, match.start() - 6) : match.start()])[-1]
        if len(prefix) >= 2 and _is_place_name(prefix):
            return True
    return False


def has_named_person(text: str) -> bool:
    """A named person: ``张某``, ``李明同志``, ``分管物流的副关长``."""
    return bool(PERSON_RE.search(text))


def has_quoted_speech(text: str) -> bool:
    """Quoted words someone said (关员反映“听不进去”), not a quoted slogan or fixed term."""
    return bool(SPEECH_RE.search(text))


def has_example(text: str) -> bool:
    """Whether ``text`` names a concrete case (事例): unit, person, month-level date, event, speech."""
    return (has_named_unit(text) or has_named_person(text) or bool(DATE_RE.search(text))
            or bool(EVENT_RE.search(text)) or has_quoted_speech(text)
            or bool(EXAMPLE_MARKER_RE.search(text)))


@lru_cache(maxsize=65536)
def is_concrete(text: str, *, dates: bool = True) -> bool:
    """Whether a sentence carries anything concrete: a figure or an example (dates count if ``dates``)."""
    if has_figure(text):
        return True
    if not dates:
        return (has_named_unit(text) or has_named_person(text) or bool(EVENT_RE.search(text))
                or has_quoted_speech(text) or bool(EXAMPLE_MARKER_RE.search(text)))
    return has_example(text)


def quoted_cases(text: str) -> list[str]:
    """Quoted strings that are not fixed terms (for messages and tests)."""
    return [q for q in QUOTE_RE.findall(text) if q not in _FIXED]

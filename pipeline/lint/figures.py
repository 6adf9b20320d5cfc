"""Figures (数字) in Chinese prose: counts, percentages, amounts, durations.

A plain regex over Arabic and full-width digits, 百分之…, and Chinese numerals followed by a measure
word (longest first, so 5个百分点 is not 5个).  It over-matches unless three things are removed first:

- fixed political terms that contain numerals (八项规定, 三会一课, 一岗双责, 第一责任人 …) are masked
  (replaced by the same number of neutral characters, so offsets stay valid) — and so are the shapes
  such terms take: a session (二十届四中全会), an anniversary (建党100周年), a time frame (近两年来, 多年来),
  a slogan count (三个坚持, 两个关键, 六个方面) and any Chinese numeral inside a short quoted name
  (“五抓五提”, “四公一票”, “三大工程”), a quoted code of digits (“13431”), an ordinal branch (三支部),
  a generation (80后);
- pure dates (2025年, 2025年3月, 3月12日, 10月底) are dropped;
- heading enumerators (一、 （一） 1. （1） 一是) are dropped.

A lone Chinese 一 with a measure word (一个新台阶, 一名关员) is the indefinite article, not a count,
and is not a figure; Arabic 1 is.
"""

from __future__ import annotations

import re
from functools import lru_cache

MASK = "□"  # not a digit, not a Chinese numeral, not a measure word: masked text never reads as a count

#: Fixed terms containing numerals that are never figures.  Longest first when compiled.
FIXED_TERMS: tuple[str, ...] = (
    "八项规定",
    "三会一课",
    "一岗双责",
    "四个意识",
    "四个自信",
    "两个维护",
    "两个确立",
    "两学一做",
    "三重一大",
    "一把手",
    "第一责任人",
    "第一议题",
    "四种形态",
    "第一种形态",
    "第二种形态",
    "第三种形态",
    "第四种形态",
    "四风",
    "两张皮",
    "三严三实",
    "四强",
    "五好",
    "两个责任",
    "一线",
    "一系列",
    "一些",
    "一定",
    "进一步",
    "一体",
    "一起",
    "统一",
    "唯一",
    "一贯",
    "一致",
    "一流",
    "一律",
    "一道",
    "一直",
    "一度",
    "一般",
    "一切",
    "一旦",
    "一方面",
    "一以贯之",
    "一张蓝图",
    "一盘棋",
    "一把尺子",
    "一票否决",
    "两个务必",
    "三个代表",
    "四个全面",
    "五位一体",
    "四个服从",
    "一中心",
    "二十大",
    "十九大",
    "十八大",
    "三个区分开来",
    "一岗一责",
    "一岗一清单",
    "第一时间",
    "第一位",
    "万无一失",
    "一丝不苟",
    "一抓到底",
    "十四五",
    "十五五",
    "十分",
    "万分",
    "千家万户",
    "三番五次",
    "千方百计",
    # idioms whose numerals count nothing (round 11, dev: 活动方案千篇一律)
    "千篇一律",
    "千头万绪",
    "说一套做一套",
    "说一套、做一套",
    "一年干十年",
    "四分桶",
    "四分类",
    "一五一十",
    "七一",
    "五四",
    # a kind of supply, an idiom (二次供水监督次数少; 一成不变): no count (round 13, batch M's moved half)
    "二次供水",
    "一成不变",
)

_CN_DIGIT = "零〇一二两三四五六七八九十百千万亿"
_MEASURE_WORDS = sorted(
    (
        "个百分点",
        "百分点",
        "个月",
        "人次",
        "批次",
        "次",
        "个",
        "项",
        "名",
        "人",
        "条",
        "家",
        "期",
        "场",
        "篇",
        "件",
        "户",
        "批",
        "轮",
        "天",
        "支",
        "起",
        "份",
        "本",
        "册",
        "元",
        "万元",
        "亿元",
        "小时",
        "分钟",
        "年",
        "周",
        "届",
        "所",
        "处",
        "座",
        "台",
        "套",
        "笔",
        "宗",
        "票",
        "吨",
        "公斤",
        "倍",
        "分",
        "课时",
        "学时",
        "组",
        "队",
        "种",
        "类",
        "封",
        "张",
        # 酒宴数十桌, 8桌: a banquet's tables are its size (round 9, dev)
        "桌",
        "席",
        "位",
        "例",
        "余",
        "多",
    ),
    key=len,
    reverse=True,
)
_MEASURE = "(?:" + "|".join(map(re.escape, _MEASURE_WORDS)) + ")"
_ARABIC = r"[0-9０-９]+(?:[.．][0-9０-９]+)?"

FIGURE_RE = re.compile(
    rf"{_ARABIC}(?:[%％‰]|余|多)?(?:万|亿)?{_MEASURE}?"
    # 查办案件的数量为零: none is a count too (round 10, dev) — not 化整为零
    r"|(?<=[数量额率])为零"
    # 六成精力, 两成以上: tenths, a share (round 13, batch M's moved half) — not 三成员, 五成熟, 合一成为
    r"|[一二两三四五六七八九]成(?![为立员果绩效本功熟长就了的型交])"
    rf"|百分之[{_CN_DIGIT}点]+"
    rf"|[{_CN_DIGIT}]+(?:余|多)?{_MEASURE}"
    # a count left blank in a template (调研指导X次, X万名群众): the placeholder rule flags the blank, and the
    # clause is a count to be filled in, not 空话 (round T of issue 13, #12, #13, #18)
    r"|(?<![A-Za-z0-9])[XＸ×xｘ]{1,4} ?(?:万|亿)?(?:个|名|次|项|篇|人|家|所|户|条|件|起|场|期|批|元|%|％)(?![A-Za-z])"
    # a fixed schedule (坚持每周四开展集中学习, 争取每周开展一次集中学习): how often, a measure of what is done
    # (round V, #16, #104)
    r"|每(?:周|星期)[一二三四五六日天]|每(?:周|月|季度?|年|天|日)[^，,。；;0-9０-９]{0,8}?[一两二三四五六七八九十]+次"
)
_DATE_RE = re.compile(
    r"^(?:[0-9０-９]{4}年(?:度|底|初|末)?(?:[0-9０-９]{1,2}月(?:份|底|初|中旬|上旬|下旬)?)?"
    r"|[0-9０-９]{1,2}月(?:份|底|初|中旬|上旬|下旬)?(?:[0-9０-９]{1,2}[日号])?"
    r"|[0-9０-９]{1,2}[日号])$"
)
_DATE_FOLLOW_RE = re.compile(r"[年月日号]")
_HEADING_RE = re.compile(
    r"(?:^|(?<=[\n。；：:]))\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十0-9０-９]+）"
    r"|\([一二三四五六七八九十0-9]+\)|[0-9０-９]+[.．、](?![0-9０-９]))"
    r"|[一二三四五六七八九十]+是(?=[，、：:\u4e00-\u9fff])"
)
_ORDINAL_RE = re.compile(rf"第[{_CN_DIGIT}0-9０-９]+")
_CN_NUMERAL = "一二两三四五六七八九十"
# What a slogan counts: "三个坚持", "五个带头", "两个关键", "六个方面", "四个落实" — a count of headings.
_SLOGAN_HEADS = (
    "坚持",
    "强化",
    "带头",
    "关键",
    "表率",
    "确立",
    "维护",
    "意识",
    "自信",
    "务必",
    "主动",
    "聚焦",
    "服从",
    "全面",
    "代表",
    "结合",
    "转变",
    "落实",
    "必须",
    "到位",
    "一流",
    "方面",
    "层面",
    "环节",
    "统一",
    "区分",
    "提升",
    "严格",
    "不准",
    "禁止",
    "看",
    "抓",
    "讲",
)
# Every branch opens with a character or a set of them, never a look-behind (the village before its group's
# number, the road before a house's, the province before a plate are blanked with it, which no figure needs), so
# that the regex engine can skip to where a branch can begin.
_SHAPES_RE = re.compile(
    rf"[{_CN_NUMERAL}]+届[{_CN_NUMERAL}]+中全会"  # 二十届四中全会
    rf"|[0-9０-９{_CN_DIGIT}]+周年"  # 建党100周年
    rf"|近[{_CN_NUMERAL}0-9０-９]+个?年(?:来|以来)?|[{_CN_NUMERAL}多]+年(?:来|以来)"  # 近两年来, 多年来
    r"|[几数]十年(?=来|以来|中|里|间|的|[，,])"  # 在过去的几十年中: a time frame (round 10, dev)
    rf"|[{_CN_NUMERAL}]+个(?={'|'.join(_SLOGAN_HEADS)})|[0-9０-９]+个方面"  # 三个坚持, 5个方面
    rf"|[{_CN_NUMERAL}]+(?=支部)"  # 三支部: a name, not three branches
    # 三里岗村5组, 卫东村七组、八组: a villager group's number is its name, not a count
    # (治湖村九、十、十一组, 秦庄村4队: a list of them, a production team's number — round 10, dev)
    rf"|村[0-9０-９{_CN_NUMERAL}]+(?:[、和][0-9０-９{_CN_NUMERAL}]+)*(?=[组队])"
    rf"|[组队]、[0-9０-９{_CN_NUMERAL}]+(?=[组队])"
    # a clock time (10:30, 15:00), a road's number (S308省道), a building's or a house's number (27-1号楼,
    # 信用路16号): when and where, not how many (round 10, dev)
    r"|[0-9０-９](?<![0-9０-９][0-9０-９])[0-9０-９]?[:：][0-5０-５][0-9０-９](?![0-9０-９])"
    r"|(?:上午|下午|晚上|早上|凌晨|中午|傍晚)[0-9０-９]{1,2}(?=[点时])"  # 每天下午5点左右
    # 5时15分, 9点30分: a clock time written out, and a finding's number in a list (问题2：……): when, and which —
    # not how many (round 13, batch N's dev half)
    r"|[0-9０-９]{1,2}[时点][0-9０-９]{1,2}分|问题[0-9０-９]{1,2}(?=[：:、.．])"
    r"|[GSXYZ](?<![A-Za-z][GSXYZ])[0-9０-９]{2,4}(?=[国省县乡]?道|线|高速)"
    r"|[0-9０-９]+(?:[-－][0-9０-９]+)?号(?:居民|住宅|办公|教学|宿舍)?楼"
    r"|[路街巷道][0-9０-９]+(?:[-－][0-9０-９]+)?(?=号)"
    r"|[0-9０-９](?<![0-9０-９.．][0-9０-９])[0-9０-９](?:[、和与][0-9０-９]{2})*(?=后)"  # 80后, 60、70后: a generation
    # the count of a list's headings (存在的5类主要问题：一、…): what follows is counted, not the problem
    rf"|[0-9０-９{_CN_NUMERAL}]+(?:类|个方面|方面)(?=(?:主要|突出)?问题[：:])"
    # a quoted code of digits (围绕“13431”抓好党建, “3344”工作法): a slogan's name, not a count
    r"|“[0-9０-９]{3,}(?=”)"
    # a vehicle's plate (闽F43091) and a school's number (阿城市2中): names, not counts (round 9, dev)
    r"|[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][0-9A-Z]{4,6}"
    r"|[市县区][0-9０-９]{1,2}(?=中(?!队))"
    # the first year of a span (2016-2019年度) and a year naming a project list (2021项目库): dates, not counts;
    # a workshop's and a class's number (棒材6车间, 生科1401班): names (round 11, dev)
    r"|(?:19|20)[0-9]{2}(?=[-－—–~～至到](?:19|20)[0-9]{2}年|项目)"
    # an age as a threshold (40岁以下党员), a term's number before its body (八届汝州市委), a village named by a
    # numeral (五家子, 七家子): no count (round 11, dev)
    r"|[0-9０-９]+周?岁(?:及|或)?(?:以下|以上)"
    rf"|[{_CN_NUMERAL}]+届(?=[\u4e00-\u9fff]{{0,6}}(?:委|人大|政协))"
    rf"|[{_CN_NUMERAL}]家子"
    # two neighbouring numerals, an estimate (两三条, 三五个, 七八名): no count of what happened (round 11, dev)
    r"|(?:一两|两三|三四|三五|四五|五六|六七|七八|八九)(?=[个条次名人天件项家户位])"
    # a project's phases (一、二期防渗工程, 南慧二期): names of its parts, not counts (round 12, batch L's moved half)
    rf"|[{_CN_NUMERAL}](?:、[{_CN_NUMERAL}])*期(?=[\u4e00-\u9fff]{{0,4}}(?:工程|项目|小区|厂房|园区)|有)"
    r"|[0-9０-９]{1,2}(?<![0-9０-９][0-9０-９][0-9０-９])(?=车间)|[0-9]{4}(?<![0-9][0-9]{4})(?=班)"
)
_QUOTED_RE = re.compile(r"“[^”0-9０-９]{1,16}”")  # a short quoted name without Arabic digits
_CN_NUMERAL_RE = re.compile(rf"[{_CN_NUMERAL}]")


@lru_cache(maxsize=1)
def _fixed_re() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(FIXED_TERMS, key=len, reverse=True))))


def mask_fixed_terms(text: str, extra: tuple[str, ...] = ()) -> str:
    """``text`` with fixed terms, their shapes, heading enumerators and ordinals replaced by :data:`MASK`
    (same length, so offsets stay valid)."""

    def blank(match: re.Match[str]) -> str:
        return MASK * len(match.group(0))

    out = _fixed_re().sub(blank, text)
    if extra:
        out = re.compile("|".join(map(re.escape, sorted(extra, key=len, reverse=True)))).sub(blank, out)
    out = _HEADING_RE.sub(blank, out)
    out = _SHAPES_RE.sub(blank, out)
    out = _QUOTED_RE.sub(lambda m: _CN_NUMERAL_RE.sub(MASK, m.group(0)), out)
    return _ORDINAL_RE.sub(blank, out)


def _is_date(text: str, match: re.Match[str]) -> bool:
    """A match such as ``2025年`` or ``3月12日``, or digits directly followed by 年/月/日 (a date part)."""
    token = match.group(0)
    if _DATE_RE.match(token):
        return True
    after = text[match.end() : match.end() + 1]
    return token.isdigit() and bool(_DATE_FOLLOW_RE.match(after))


# 仅张贴一张提醒单, 只开过一次; 发现存量垃圾点一处。: 一 counted — after 仅/只, or after its noun at a
# clause's end — not the indefinite article (round 10, dev)
_ONLY_BEFORE_RE = re.compile(r"[仅只](?!仅?是|见|听|好|得)[\u4e00-\u9fff]{0,3}$")  # (只见一位: saw, not only)
_CLAUSE_END_RE = re.compile(r"[，,。；;！？!?]|$")
_NEGATIONS = frozenset("不无没未")
_VAGUE_MEASURES = frozenset("批些种点下番道样")  # 调整一批、招聘一批: a slogan's shape, no count


def _is_indefinite(text: str, match: re.Match[str]) -> bool:
    """``一个``, ``一名`` …: the indefinite article, not a count."""
    token = match.group(0)
    if not token.startswith("一") or re.match(rf"一[{_CN_DIGIT}]", token):
        return False
    before = text[max(0, match.start() - 5) : match.start()]
    if any(ch in _NEGATIONS for ch in before[-2:]):
        return True  # 空无一人, 不漏一户: none missing, an idiom — no count
    counted = _ONLY_BEFORE_RE.search(before) or (
        token[-1] not in _VAGUE_MEASURES
        and _CLAUSE_END_RE.match(text, match.end())
        and "\u4e00" <= before[-1:] <= "\u9fff"
    )
    return not counted


def find_figures(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of every figure in ``text``, in order."""
    masked = mask_fixed_terms(text)
    spans = []
    for match in FIGURE_RE.finditer(masked):
        token = match.group(0)
        if _is_date(masked, match) or _is_indefinite(masked, match):
            continue
        if token[0] in _CN_DIGIT and token[-1] in "余多":
            continue  # 十多 without a measure word
        spans.append((match.start(), match.end()))
    return spans


def has_figure(text: str) -> bool:
    """Whether ``text`` contains at least one figure."""
    return bool(find_figures(text))

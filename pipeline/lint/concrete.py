"""Is a sentence concrete?  Sentences, and the signals that a sentence says something specific.

A stock phrase is only 空话 when its sentence carries nothing concrete; a problem needs a 事例 (which
unit, who, what happened, when) and a figure.  The signals here are heuristics over the text:

- a figure (:mod:`pipeline.lint.figures`);
- a named unit at any level (东湾海关, 旅检一科, 机关第二党支部, 三支部, 金家村, 梅园社区, 沙州镇 …), an
  anonymised single case (某县, 某乡镇党委, 某企业) or a person (张某, 李明同志, 分管物流的副关长);
- a month-level date (2025年5月, 8月12日, 3月份) — a bare year is not specific;
- a named operation (在…攻坚中, 在…项目时, 在落实“去产能”任务中, 审计发现 …), a finding someone
  reported (巡察反馈的“…”问题, 披露), a document title 《…》, or quoted speech (关员反映“…”) — a
  generic one (在联系点调研中, 在会议上) does not count.

What never makes a sentence concrete: 例如/比如 by itself (followed by more generalities it is still
vague); a named unit as the subject at the head of a clause (佘家镇党委重视……: the unit speaking of
itself); a speaker or chair (张为民同志对……逐一进行点评); the unit's own name, organisation and reporter
(:func:`without_names`, from unit.yaml); time frames and slogan counts (:mod:`pipeline.lint.figures`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import rjieba

from pipeline.lint.figures import FIXED_TERMS, has_figure

_SENTENCE_END = re.compile(r"[。！？；!?;]+|\n+")

_GENERIC_BEFORE_UNIT = (
    "隶属",
    "直属",
    "各个",
    "所属",
    "全国",
    "基层",
    "各级",
    "本级",
    "兄弟",
    "有关",
    "相关",
    "其他",
    "部分",
    "个别",
    "少数",
    "地方",
    "全部",
    "所有",
    "下属",
    "智慧",
    "清廉",
    "模范",
    "法治",
    "全国",
    "中国",
    "现代",
    "新时代",
    "全关",
)
_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nz", "nt", "j"})
_PLACE_NOUNS = frozenset(
    {
        "码头",
        "机场",
        "港",
        "港区",
        "车站",
        "火车站",
        "铁路",
        "陆路",
        "邮局",
        "湾",
        "岛",
        "新区",
        "开发区",
        "保税区",
        "综保区",
        "口岸",
    }
)
# … and a hospital or a school by its name (豫丰医院, 恒兴小学: round 11, dev) — the same test of the name before it
# … a railway bureau, a power-supply company, a prison by its place (郑州铁路局, 汉中监狱: round 12, batch M's dev half)
_UNIT_SUFFIX_RE = re.compile(
    r"海关|办事处|分关|海关监管区|医院|卫生院|中学|小学|幼儿园|铁路局|供电公司|供电局|监狱"
)
_PREFIX_CUT = re.compile(r"[^\u4e00-\u9fff]")
_DEPT_PREFIX = (
    r"(?:旅检|查验|监控|物流|综合|稽查|缉私|通关|法规|财务|人事|办公|监管|技术|关税|"
    r"统计|保税|加贸|卫检|动植检|食品|商检|企管|风险|政工|纪检|督审|审计|科技|后勤|机关)"
)
_CN_NUM = "一二三四五六七八九十"
UNIT_RE = re.compile(
    rf"{_DEPT_PREFIX}[\u4e00-\u9fff]{{0,3}}?[{_CN_NUM}0-9]?(?:科|处|室|队)(?:党支部)?(?![室长员])"
    rf"|机关第?[{_CN_NUM}]+党?支部|第[{_CN_NUM}0-9]+党支部|驻[\u4e00-\u9fff]{{1,3}}办事处"
)
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺"
    "顾毛郝龚邵万钱严覃武戴莫孔向汤欧柳童"
)
SURNAMES = _SURNAMES  # common surnames, for the checks that recognise a person by title and name
PERSON_RE = re.compile(
    # (许多同志, 全体同志, 周围同志: a quantity or a place word before 同志, no name — _NOT_PERSON)
    rf"[{_SURNAMES}]某{{1,2}}|[{_SURNAMES}][\u4e00-\u9fff]{{1,2}}(?=同志)"
    # 王大爷, 李阿姨, 老李说: a named member of the public in the case
    rf"|[{_SURNAMES}](?:大爷|大妈|大娘|大叔|大婶|阿姨|师傅|奶奶|爷爷|老汉)|(?<![\u4e00-\u9fff])老[{_SURNAMES}](?=[，,说讲家反])"
    rf"|分管[\u4e00-\u9fff]{{1,6}}的(?:副关长|副处长|副主任|班子成员|关领导|同志)"
    # 某副局长, 某村干部: one person, anonymised — a single case, as 某县 is one place (the rubric)
    r"|某(?:副)?(?:局长|科长|处长|主任|书记|支书|关长|镇长|乡长|站长|所长|队长|组长"
    r"|会计|出纳|干部|村干部|党员|工作人员|负责人|职工|关员|教师|医生)"
    # 王书记, 张局长: a person by surname and title (not 任, 于, 向, 余: 担任主任, 对于主任, 向主任汇报), acting in
    # the case — not addressed (王书记，您在……: the criticism's addressee, its case still to be named)
    rf"|[{_SURNAMES.translate(str.maketrans('', '', '任于向余'))}]"
    r"(?:书记|局长|主任|镇长|乡长|县长|村长|站长|所长|科长|处长|部长|队长|校长|院长|会计|经理)(?![，,：:])"
    # 一名村党支部书记套取……, 有一名村小组干部挪用……: one person, anonymised — not a post to be filled
    # (每个村配备一名会计 — _NOT_PERSON)
    r"|一(?:名|位)(?:村|乡|镇|社区|街道)?(?:党支部|党总支|党委)?"
    r"(?:书记|支书|主任|副主任|干部|村干部|小组干部|会计|出纳|工作人员|负责人|党员干部|组长|副书记)"
    # S主任, W书记: a person by an initial, the way a case is anonymised in a report
    r"|(?<![A-Za-z])[A-Z]{1,2}(?:主任|书记|局长|科长|处长|镇长|乡长|村长|县长|经理|同志|老师|干部|副局长|副主任)"
)
# What a PERSON_RE match must not be: a quantity before 同志 (许多同志), a title after a verb of holding it
# (担任主任), a post to be filled (配备一名会计) — checked on the match, so that every branch of PERSON_RE opens
# with a character and the regex engine can skip to its first characters
_NOT_COMRADE = re.compile(r"(?:许多|诸多|诸位|全体|全部|周围|任何)[\u4e00-\u9fff]{0,1}同?$")
_HELD_TITLE = re.compile(
    r"[\u4e00-\u9fff](?:书记|局长|主任|镇长|乡长|县长|村长|站长|所长|科长|处长|部长|队长|校长|院长|会计|经理)"
)
_HOLDING_BEFORE = re.compile(r"[担兼时曾对向]$")
_POST_BEFORE = re.compile(r"(?:配备|配|选派|设|安排|每)$")


def _is_person(text: str, match: re.Match[str]) -> bool:
    """Whether a PERSON_RE match is a person in the case (see the checks above)."""
    found, before = match.group(0), text[max(0, match.start() - 2) : match.start()]
    if text.startswith("同志", match.end()) and _NOT_COMRADE.match(found):
        return False
    if found.startswith(("一名", "一位")):
        return _POST_BEFORE.search(before) is None
    if _HELD_TITLE.fullmatch(found):
        return _HOLDING_BEFORE.search(before) is None
    return True


DATE_RE = re.compile(
    r"[0-9０-９]{1,2}月(?:份|[0-9０-９]{1,2}[日号]|底|初|中旬|上旬|下旬)?"
    # one day and its hour (10日上午, 15:00): an occasion, as a month-level date is (round 10, dev)
    # (each look-behind after the first digit, so that the regex engine can skip to a digit)
    r"|[0-9０-９](?<![0-9０-９][0-9０-９])[0-9０-９]?日(?:上午|下午|晚上?|凌晨|中午|夜间|清晨|早上)"
    r"|[0-9０-９](?<![0-9０-９:：][0-9０-９])[0-9０-９]?[:：][0-5０-５][0-9０-９](?![0-9０-９:：])"
    r"|(?:晚上|早上|上午|下午|凌晨|中午|夜里)[一二三四五六七八九十]{1,3}点"
    rf"|[{_CN_NUM}]{{1,2}}月份?(?![份度])"
    r"|[0-9０-９]{4}年第?[一二三四1-4]季度"
)
EVENT_RE = re.compile(
    # a named operation (generic ones — 在调研中, 在会议上 — count only with a date, unit or quote)
    r"在[^，,。；;、]{1,16}?(?:攻坚|专项行动|专项检查|督查|巡视|巡察|审计|整治|演练|试点)(?:中|上|期间|时|后)"
    # (an inspection's own opener, 巡察发现， / 巡视组指出， followed by its findings, is the writer speaking,
    # not a case: what follows must name one)
    # (巡察发现问题 is a noun: the findings in general)
    # (巡察中发现6个社区党组织……, 在检查中发现，……, 第九轮巡察发现，……: the inspection's opener however it is
    # introduced — the counts it reports are figures, not a case; round 9, dev: 6 misses, none added) — but one
    # audit or inspection dated to its year or day is one occasion (2025年审计发现……)
    r"|[0-9０-９][年月日](?:审计|巡视|巡察|督查|检查|暗访|抽查)(?:中)?发现(?!的?问题)"
    # records looked up on one occasion (巡视组调阅该单位3年来的学习记录发现)
    r"|(?:调阅|查阅|翻阅|抽查|核查|抽检)[^，,。；;]{2,20}?发现"
    # a notice or finding by a named body (总署党建办通报了…, 巡视组指出…)
    r"|(?:总署|署党委|党建办|纪检组|督审司|审计署)[^，,。；;]{0,6}?(?:通报|指出|点名)(?!的)"
    # (not 巡察组指出的问题: the findings in general, the object of a pledge — round 10, dev)
    r"|(?:巡视组|巡察组)[^，,。；;]{0,6}?(?:通报|指出|点名)(?![，,：:的])"
    r"|《[^》]{2,}》"
    # what a reporter saw on one visit (记者在2楼无差别综合服务区看到, 记者来到……): one occasion (round 10)
    # — not 记者发现，…: the reporter's opener, as 巡察发现 is
    r"|记者[^，,。；;]{0,16}?(?:看到|看见|见到|暗访|来到|走进)|(?:推开|敲开)[^，,。；;]{2,12}门"
    # a project or a named task on one occasion (在讨论……示范区建设项目时, 在落实“去产能”任务中)
    r"|在[^，,。；;]{6,30}?(?:项目|工程)(?:建设)?(?:时|中|期间|过程中)"
    # one occasion by what it was about (在今年的安全生产检查中, 在迎接省级文明城市复检期间) — not a routine
    # one (在日常检查中, 在年度考核中)
    r"|在(?!日常|平时|平常|各类|各项|有关|相关|一些|部分|历次|多次)(?![^，,。；;]{0,8}(?:年终|年度|季度|每|例行|日常))"
    r"[^，,。；;]{4,16}?(?:检查|复检|验收|考核|评估|评比|督导|暗访)(?:中|时|期间|过程中)"
    r"|(?:推进|推动|实施|承建|讨论|申报|引进|验收)[\u4e00-\u9fff]{6,16}项目"
    r"|在[^，,。；;]{0,16}“[^”]{2,12}”[^，,。；;]{0,6}(?:任务|工作|行动|活动|工程|专项)(?:时|中|期间|过程中)"
    # handling one named finding (在审核“党支部换届不及时”问题销号时) — not studying a slogan
    # (在学习贯彻“七个着力”要求时 is a general activity)
    r"|在(?!(?:组织)?(?:学习|研读|领会|贯彻))[^，,。；;“]{0,12}“[^”]{4,20}”问题[^，,。；;]{0,8}(?:时|中|期间|过程中)"
    # a finding someone reported, by its words (审计反馈的“……”问题), or a disclosed case
    r"|(?:反馈|通报|披露|指出|发现|点名)的“[^”]{4,}”|披露|曝光"
    r"|通报了?(?!的)[^，,。；;]{0,12}(?:案例|案件|典型问题|事件)"
    # one meeting by when it was (在2024年度民主生活会上, 在去年的专题民主生活会上, 某次党委会上) — not a kind
    # of meeting (在民主生活会上)
    r"|(?:[0-9０-９]{4}年度?|去年|今年|上次|上一次|某次|第[一二三四五六七八九十0-9]+次)[^，,。；;]{0,10}?(?:会|会议)上"
    # … or by when in the year and its name (年初在卫生工作会议上) — round U, #1, #2
    r"|(?:年初|年中|年底|年末|岁末|年终)[^，,。；;]{0,4}?在[^，,。；;]{2,12}?(?:工作会议|大会|会议)上"
    # … or one review by when it was (2023年度民主评议中, 去年的年度考核时)
    r"|(?:[0-9０-９]{4}年度?|去年|今年|上次|上一次|某次)[^，,。；;]{0,10}?(?:民主评议|评议|考核|评比|述职|督查)(?:中|时|期间)"
    # one round of inspection (上次巡察, 第二轮巡视)
    # — not the round reporting its findings (第九轮巡察发现，……: the inspection's opener)
    r"|(?:上次|上一轮|上轮|第[一二三四五六七八九十0-9]+轮)(?:巡视|巡察|审计|督查|检查)(?![^，,。；;]{0,12}?(?:发现|指出))"
)
SPEECH_RE = re.compile(
    r"(?:反映|说|表示|称|坦言|提出|认为|问|答|说道|直言)[：:，,]?[“\"「]"
    # (not 反馈问题整改“见底清零”: the feedback's problems, then a quoted goal — round 10, dev)
    r"|(?:反映|反馈(?!问题|意见|的问题)|坦言|直言|提到)[^，,。；;“]{0,12}“"
    # the words of one reply (回复都是同一句话，“供研究时参考。”)
    r"|(?:一句话|回复|答复|回答|留言)[：:，,]?“"
)
EXAMPLE_MARKER_RE = re.compile(r"例如|比如|譬如|如在|以[^，,。]{2,12}为例|典型的是")
# Villages, communities, towns, streets, counties by name: 金家村, 梅园社区, 金墙花苑小区, 沙州镇, 涧田乡,
# 星云街道, 青川县 — the two characters before the suffix must not be a generic word (行政村, 全镇, 各社区).
_PLACE_RE = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:(?<![农乡邻])村(?![民级务庄])|社区|小区|街道|(?<![乡村城集街])镇(?![长直])"
    r"|(?<![家故返老同异下城])乡(?![村镇亲贤土])|县(?![委级直城域]|政(?!务)))"
)
_GENERIC_PLACE = frozenset(
    {
        # (少数达标村, 部分分类村: a kind of village, counted or not — round 12, batch M's dev half)
        "达标",
        "分类",
        "典型",
        "行政",
        "贫困",
        "后进",
        "空心",
        "示范",
        "攻坚",
        "涣散",
        "城市",
        "农村",
        "老旧",
        "建房",
        "城中",
        "美丽",
        "文明",
        "和谐",
        "幸福",
        "智慧",
        "平安",
        "书香",
        "先锋",
        "精品",
        "星级",
        "特色",
        "集体",
        "偏远",
        "边远",
        "山区",
        "脱贫",
        "整村",
        "薄弱",
        "涉农",
        "城乡",
        "新型",
        "试点",
        "社区",
        "村级",
        "乡镇",
        "基层",
        "街道",
        "下辖",
        "所辖",
        "周边",
        "重点",
        "结对",
        "联系",
        "包保",
        "帮扶",
        "挂钩",
        "定点",
        "农业",
        "居民",
        "服务",
        "居住",
        "组团",
        "共建",
        "辖区",
        "临近",
        "附近",
        "当地",
        "本地",
        "外地",
        "异地",
        "城关",
        "先进",
        "模范",
        "红色",
        "清廉",
        "数字",
        "未来",
        "生态",
        "传统",
        "一般",
        "普通",
        "其余",
        "其他",
        "有关",
        "相关",
        "所在",
        "整个",
        "部分",
        "个别",
        "少数",
        "一些",
        "全部",
        "所有",
        "多数",
        "大部",
        "广大",
        "乡村",
        "城镇",
        "村镇",
        "市县",
        "省市",
        "县市",
        "区县",
        "软弱",
        "进驻",
    }
)
_GENERIC_PLACE_CHARS = set("个各全本该每某的了在和与及等或到对向我你他其此这那邻是有为被把从经由")
_ANON_CASE_RE = re.compile(
    r"某(?:省|县|市|区|乡镇|乡|镇|村|社区|街道|企业|公司|支部|科|处|局|中心|学校|医院|站|所|小区|项目|工程|合作社|地(?!方|区)"
    # 某高校, 某卫生院: one institution, anonymised (dev, round 9)
    r"|单位|部门|网格|高校|大学|学院|中学|小学|幼儿园|卫生院|银行|集团|协会|派出所|景区"
    # 某同志在民主生活会上只谈业务: one person, anonymised (round 13, batch M's moved half); 某驻村队办公室 (batch N)
    r"|同志|驻村队|驻村工作队|工作队)"
    # 有一个镇便民服务大厅……: one place, unnamed but single — the case a visit reports (round 13, batch N's dev half)
    r"|有一(?:个|家|所)(?:镇|乡|村|社区|街道|单位|部门|学校|医院|窗口|大厅|服务中心)"
    # 1家高校编制预算时……: one of the audited, anonymised by its count of one (round 13, batch M's moved half)
    r"|(?:^|(?<=[，,；;：:。]))1家(?=高校|单位|医院|企业|学校|公司|银行|卫生院|乡镇|部门)"
)
# 该村, 该小区, 该公司: the one just named, taken up again — a single case (round 10, dev: every problem so
# worded was labelled an example); not 该局, 该部门 (the addressee of a notice, or the writer's own bureau)
_ANAPHOR_CASE_RE = re.compile(
    r"(?:该|这个)(?:村|组|村民组|小区|社区|公司|企业|户|项目|工程|学校|医院|酒店|饭店|餐馆|店|厂|单位|路段|市场|乡|镇|院|校|所"
    r"|土地|地块|账户|集体企业)"
    r"(?![长级])"
)
# 蓬莱等4个县, 滕州等7个县: named places, the first of a counted set — cases (round 10, dev)
_NAMED_SET_RE = re.compile(
    r"([\u4e00-\u9fff]{2,3})等[0-9０-９一二两三四五六七八九十]+个?(?:县市区|县区|县市|县|市|区|乡镇|镇|乡|村|社区|单位|企业|学校)"
)
_BRANCH_RE = re.compile(r"(?<![个第统唯同单专逐一二三四五六七八九十])[一二三四五六七八九十]+(?:党)?支部")
# A branch named by its department or office (机关服务中心党支部, 财务处党支部, 保卫处党支部)
# — not 各科室党支部.
_DEPT_BRANCH_RE = re.compile(r"([\u4e00-\u9fff]{2})(?:中心|处|科|室|站|所|队|办|馆)(?:党总支|党支部)")
_GENERIC_DEPT = frozenset(
    {"机关", "基层", "各级", "所属", "下属", "科室", "处室", "部门", "相关", "有关", "其他"}
)
_CLAUSE_HEAD = re.compile(r"(?:^|[，,：:；;。！？!?\n])\s*$")
_SPEAKER_RE = re.compile(
    r"主持|点评|讲话|强调|指出|总结|表态|出席|致辞|传达|汇报了|提了?[^，,。；;]{0,4}要求|作了?部署"
)
QUOTE_RE = re.compile(r"“([^”]{1,30})”")
_FIXED = set(FIXED_TERMS)


class Sentence(NamedTuple):
    """A sentence of a text: its start and end offsets in the text, and its characters (a tuple: a long
    report makes tens of thousands of them, and a frozen dataclass is several times slower to build)."""

    start: int
    end: int
    text: str


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` at 。！？； and line breaks; the terminator belongs to its sentence."""
    out: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start() if text[match.start()] == "\n" else match.end()
        piece = text[start:end]
        if piece and not piece.isspace():
            out.append(Sentence(start, end, piece))
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
    return (
        tag in _NAME_TAGS or (tag == "f" and len(word) == 2 and word[0] in "东西南北") or word in _PLACE_NOUNS
    )


@lru_cache(maxsize=4096)
def _name_length(prefix: str) -> int:
    """How many characters at the end of ``prefix`` are the place name (我们指导东湾 → 东湾: 2)."""
    tags = rjieba.tag(prefix)
    return len(tags[-1][0]) if tags else len(prefix)


def _is_subject(text: str, start: int) -> bool:
    """Whether a name starting at ``start`` heads its clause (the unit speaking of itself)."""
    return bool(_CLAUSE_HEAD.search(text, 0, start)) or start == 0


def _named_start(text: str, end: int) -> int:
    """Where the name ending at ``end`` (before its suffix) starts: the run of Chinese characters, less a verb
    or a preposition it opens with (利用张汪镇大讲堂: the name is 张汪, the clause's head is 利用 — round X, #40)."""
    start = end
    while start > 0 and end - start < 6 and "\u4e00" <= text[start - 1] <= "\u9fff":
        start -= 1
    lead = _LEADING_VERB.match(text, start, end)
    if lead is not None and end - lead.end() >= 2:
        return lead.end()
    return start


# the verbs and prepositions a clause opens with before a place's name (利用, 依托, 走进, 深入, 对, 在 …)
_LEADING_VERB = re.compile(
    r"利用|依托|借助|通过|按照|围绕|针对|来到|走进|深入|前往|赴|到|在|对|向|为|与|同|把|将|从|经|由|组织|指导|帮助|联合"
)


_NOT_NAME_TAGS = frozenset(
    {"v", "vn", "vd", "a", "ad", "an", "d", "p", "c", "r", "m", "u", "uj", "ul", "y", "t"}
)


# a direction word ending in a locative (形势下, 工作中): 新形势下社区各类党员 names no community
_LOCATIVE_ENDS = "上下中里内外前后间"


_PLACE_TAGS = frozenset({"ns", "nr", "nz"})
_VERB_BEFORE_VILLAGE = frozenset("治兴强富建管进驻回包联入离出下去住蹲")


@lru_cache(maxsize=4096)
def _name_like(tail: str, suffix: str = "") -> bool:
    """Whether the two characters before 村/社区/镇 … (``suffix``) can be a name: not a verb, adjective
    or adverb by rjieba's tags (支援社区, 打造社区 are not names), nor two such words (有事才回村: 才 + 回)
    unless the last of them and the suffix make a place name (夹铺新村: 铺 + 新村, a place), nor a
    locative (新形势下社区)."""
    tags = rjieba.tag(tail)
    if all(tag in _NOT_NAME_TAGS for _, tag in tags):
        if len(tags) == 1 or not suffix:
            return False
        last = rjieba.tag(tail[-1] + suffix)
        return len(last) == 1 and last[0][1] in _PLACE_TAGS
    return not (len(tags) == 1 and tags[0][1] == "f" and tags[0][0][-1] in _LOCATIVE_ENDS)


# (rjieba reads 深山, 远山 as places too: a village in the mountains, named by none of them)
_MOUNTAIN_VILLAGES = frozenset(
    {"远山", "深山", "大山", "小山", "荒山", "高山", "穷山", "偏山", "进山", "上山"}
)


@lru_cache(maxsize=4096)
def _one_name(tail: str) -> bool:
    """Whether ``tail`` is one word rjieba tags as a name (东山, 文大) — not 远山 (偏远山村)."""
    tags = rjieba.tag(tail)
    return len(tags) == 1 and tags[0][1] in _NAME_TAGS


# A place as the owner of a slogan's goal (推动均川镇经济社会发展, 为梅园社区高质量发展): no case.
_SLOGAN_GOAL_RE = re.compile(r"(?:党委|党工委)?(?:经济社会|高质量|经济|社会|各项事业|乡村振兴)?(?:发展|振兴)")


def _named_places(text: str, subjects: bool) -> bool:
    """A village, community, town, street or county by name (heading its clause only if ``subjects``;
    the owner of a slogan's goal — 推动均川镇经济社会发展 — only if ``subjects`` too)."""
    for match in _PLACE_RE.finditer(text):
        tail = text[match.start() - 2 : match.start()]
        generic = tail in _GENERIC_PLACE or any(ch in _GENERIC_PLACE_CHARS for ch in tail)
        if generic or not _name_like(tail, match.group(0)):
            continue
        if not subjects and _SLOGAN_GOAL_RE.match(text, match.end()):
            continue
        if match.group(0) == "村" and tail[-1] in _VERB_BEFORE_VILLAGE:
            continue  # 能人治村, 驻村, 回村, 干部下村: a verb and its object, no village named
        if (
            match.group(0) == "村"
            and tail[-1] in "山渔"
            and (not _one_name(tail) or tail in _MOUNTAIN_VILLAGES)
        ):
            continue  # 东山村 — but 偏远山村: a mountain village, a name only if rjieba reads 东山 as one
        if subjects or not _is_subject(text, _named_start(text, match.start())):
            return True
    return "组" in text and _villager_groups(text, subjects)


# A villager group (村民小组) by name: 上街组, 麻元组 — the two characters before 组 one place name by
# rjieba's tags; a working group (巡察组, 督导组, 肃纪组) or 村组 (villages and groups) is none.
_GROUP_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})组(?![织长员成建件合别])")
_NOT_GROUP_ENDS = frozenset("村纪检督巡审导调考评专工领小")


def _villager_groups(text: str, subjects: bool) -> bool:
    for match in _GROUP_RE.finditer(text):
        tail = text[match.start() - 2 : match.start()]
        if tail[-1] in _NOT_GROUP_ENDS or any(ch in _GENERIC_PLACE_CHARS for ch in tail):
            continue
        tags = rjieba.tag(tail)
        if (
            len(tags) == 1
            and tags[0][1] in _PLACE_TAGS
            and (subjects or not _is_subject(text, match.start() - 2))
        ):
            return True
    return False


def _department_branches(text: str, subjects: bool) -> bool:
    """A branch named by its department (机关服务中心党支部), heading its clause only if ``subjects``."""
    for match in _DEPT_BRANCH_RE.finditer(text):
        tail = match.group(1)
        if tail in _GENERIC_DEPT or any(ch in _GENERIC_PLACE_CHARS for ch in tail):
            continue
        if subjects or not _is_subject(text, _named_start(text, match.end(1))):
            return True
    return False


# An enterprise by name (华能风电公司, 海天集团, 宁波港集团): a word of the name tagged as a proper noun by
# rjieba — not 物业公司, 建筑公司, 第三方公司, 国有企业 (generic words).
_ENTERPRISE_RE = re.compile(r"([\u4e00-\u9fff]{2,6}?)(?:有限责任公司|有限公司|股份公司|公司|集团|合作社)")


# A city's, county's or district's named bureau or enterprise (市文广局, 县财政局, 市水务集团) — not 市委, 县政府
_CITY_BODY_RE = re.compile(
    r"(?<![\u4e00-\u9fff])[市县区](?!委|政府|人大|政协|纪委)[\u4e00-\u9fff]{2,4}?(?:局|集团|公司)"
    # … and its hospital, school or centre (县医院, 市一中, 区疾控中心): one institution (round 9)
    r"|(?<![\u4e00-\u9fff])[市县区](?:人民医院|中医医?院|医院|妇幼保健院|疾控中心|[一二三四五六七八九]中|实验[中小]学)"
)


@lru_cache(maxsize=4096)
def _proper_name_in(prefix: str) -> bool:
    """Whether ``prefix`` holds a word rjieba tags as a name (place, person, organisation, brand)."""
    return any(tag in _NAME_TAGS and len(word) >= 2 for word, tag in rjieba.tag(prefix))


def _named_enterprises(text: str, subjects: bool) -> bool:
    """An enterprise by name, heading its clause only if ``subjects``."""
    for match in _ENTERPRISE_RE.finditer(text):
        start = _named_start(text, match.end(1))
        if _proper_name_in(text[start : match.end(1)]) and (subjects or not _is_subject(text, start)):
            return True
    return False


# A building by its number (13号楼, 5号居民楼, 3栋): one place, as a named village is (dev, round 9)
_NUMBERED_BUILDING_RE = re.compile(
    r"[0-9０-９]+号(?:居民|住宅|办公|教学|宿舍)?楼|[0-9０-９A-Z]+(?:栋|幢)(?!梁)"
    # … or an address by its street and number (飞水大街左三巷2号, 明霞大道中36号, 信用路16号)
    r"|(?:路|街|巷|大道|大街|胡同|弄)[\u4e00-\u9fff]{0,3}?[0-9０-９]+号"
    # … or a service window by its number (民政局13号与14号窗口, 9号窗口): one desk, found on one visit (round 11,
    # batch K's dev half)
    r"|[0-9０-９]+号(?:综合|服务|办事|受理)?窗口"
)


# (湖北省一些地方和部门: the province is the feedback's addressee, its places left vague — no case)
_CITY_END_RE = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})[市省](?![场民委级直值长])"
    r"(?!(?:的)?(?:一些|部分|个别|有的|少数|不少|多数|许多|很多|各)(?:地方|部门|单位|地区|市县|县市|区县))"
)


# The provinces and regions by their short names (广西、河北、黑龙江、四川在内的4个地区存在……): in a central
# inspection's feedback each is one case (round 10, dev) — not one left vague (湖北一些地方), nor a yardstick
# (与广东等先进地区相比)
_PROVINCES = (
    "北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川"
    "|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆"
)
_PROVINCE_RE = re.compile(
    rf"(?<![\u4e00-\u9fff与和同比向到在])(?:{_PROVINCES})(?![\u4e00-\u9fff]{{0,2}}(?:一些|部分|个别|有的|少数|不少|多数|许多|很多|各地|等先进|等地))"
)
# A university or college by name (清华大学, 同济大学): one word rjieba tags as an organisation (round 10, dev)
_COLLEGE_RE = re.compile(r"[\u4e00-\u9fff]{2,6}(?:大学|学院)")


def _named_colleges(text: str) -> bool:
    for match in _COLLEGE_RE.finditer(text):
        tags = rjieba.tag(match.group(0))
        if (
            tags
            and tags[-1][1] == "nt"
            and len(tags[-1][0]) >= 4
            and tags[-1][0][0] not in _GENERIC_PLACE_CHARS
        ):
            return True
    return False


def _named_cities(text: str) -> bool:
    """A city or province by name (阜新市, 辽宁省): one word rjieba tags as a place, three characters or
    more, ending in 市/省 — not 城市, 外省市, 我市.  Counted as a case only where subjects count (a problem
    naming a city is the central notice's case; a report's own city speaks of itself)."""
    for match in _CITY_END_RE.finditer(text):
        tags = rjieba.tag(text[max(0, match.start() - 4) : match.end()])
        word, tag = tags[-1] if tags else ("", "")
        if tag == "ns" and len(word) >= 3 and word[-1] in "市省" and word[0] not in _GENERIC_PLACE_CHARS:
            return True
    return False


def has_named_unit(text: str, *, subjects: bool = True) -> bool:
    """A named unit: ``东湾海关``, ``旅检一科``, ``机关第二党支部``, ``三支部``, ``金家村``, ``某县`` (not
    ``隶属海关``, ``引领海关事业``, ``各社区``).

    With ``subjects=False`` a unit heading its clause does not count: in ``佘家镇党委重视……`` the unit
    speaks of itself, which makes no claim checkable (a problem naming a subordinate unit as its subject —
    ``北岭海关党委落实主体责任不力`` — is a case, so the problem checks count subjects).
    """
    if (
        any(m.group(0) != "办公室" for m in UNIT_RE.finditer(text))  # (the office: any office — round 10)
        or _ANON_CASE_RE.search(text)
        or _BRANCH_RE.search(text)
        or _NUMBERED_BUILDING_RE.search(text)
    ):
        return True
    for match in _CITY_BODY_RE.finditer(text):
        if subjects or not _is_subject(text, match.start()):
            return True
    if subjects and ("该" in text or "这个" in text) and _ANAPHOR_CASE_RE.search(text):
        return True  # (problems only: in a report's narration 该镇 is the town the news is about)
    if "等" in text and subjects:
        for match in _NAMED_SET_RE.finditer(text):
            if _one_name(match.group(1)) and not any(ch in _GENERIC_PLACE_CHARS for ch in match.group(1)):
                return True
    for match in _UNIT_SUFFIX_RE.finditer(text):
        prefix = _PREFIX_CUT.split(text[max(0, match.start() - 6) : match.start()])[-1]
        if (
            len(prefix) >= 2
            and _is_place_name(prefix)
            and (subjects or not _is_subject(text, match.start() - _name_length(prefix)))
        ):
            return True
    return (
        _named_places(text, subjects)
        or subjects
        and ("市" in text or "省" in text)
        and _named_cities(text)
        or subjects
        and (bool(_PROVINCE_RE.search(text)) or ("大学" in text or "学院" in text) and _named_colleges(text))
        or _department_branches(text, subjects)
        or ("公司" in text or "集团" in text or "合作社" in text)
        and _named_enterprises(text, subjects)
    )


# A person named after a title (副局长刘红心, 村支部书记柏道理, 站长黄忠林): the characters after the title
# that rjieba reads as a personal name, or as a surname alone (刘 + 红心).
_TITLE_RE = re.compile(
    r"(?:书记|支书|主任|局长|镇长|乡长|村长|县长|市长|区长|站长|所长|科长|处长|部长|队长|组长|会计|出纳|委员"
    r"|主席|经理|校长|院长|助理|关长|馆长|董事长|总经理)(?=[" + _SURNAMES + "])"
)


@lru_cache(maxsize=4096)
def _name_after_title(rest: str) -> bool:
    tags = rjieba.tag(rest)
    if not tags:
        return False
    word, tag = tags[0]
    return word[0] in _SURNAMES and (
        tag == "nr" and 2 <= len(word) <= 3 or tag in ("nr", "zg") and len(word) == 1
    )


def _titled_person(text: str) -> re.Match[str] | None:
    for match in _TITLE_RE.finditer(text):
        if _name_after_title(text[match.end() : match.end() + 4]):
            return match
    return None


def has_named_person(text: str) -> bool:
    """A named person in the case: ``张某``, ``李明同志``, ``分管物流的副关长`` — not a speaker or chair
    (``张为民同志对各支部书记的述职逐一进行点评``)."""
    titled = (
        _titled_person(text)
        if any(t in text for t in ("书记", "长", "主任", "委员", "会计", "助理"))
        else None
    )
    for match in [
        *(m for m in PERSON_RE.finditer(text) if _is_person(text, m)),
        *([titled] if titled else []),
    ]:
        clause_end = re.search(r"[，,。；;！？!?\n]", text[match.end() :])
        rest = text[match.end() : match.end() + (clause_end.start() if clause_end else len(text))]
        if not _SPEAKER_RE.search(rest):
            return True
    return False


def without_names(text: str, names: tuple[str, ...]) -> str:
    """``text`` with the unit's own names (name, organisation, reporter) blanked: they never make a
    sentence concrete.  Same length, so offsets stay valid."""
    for name in names:
        if name and name in text:
            text = text.replace(name, "□" * len(name))
    return text


def has_quoted_speech(text: str) -> bool:
    """Quoted words someone said (关员反映“听不进去”), not a quoted slogan or fixed term."""
    return bool(SPEECH_RE.search(text))


# A remark quoted as said (“你应酬太多，晚上开常委会时……”): addressed to someone (你 — not the idioms
# 你好我好, 你追我赶, 你中有我), or a sentence of ten characters or more with its own punctuation, which a
# slogan (“照镜子、正衣冠”) or a fixed term never has.  Problems only: a criticism quoted is the case itself.
# (… or of two sentences: “我们成为低保户都是村干部安排的。村里没有开过低保户评议会。” — round 11, dev)
_QUOTED_REMARK_RE = re.compile(r"“(?:[^”]*你(?![好追中我])[^”]*|[^”]*[，,？?！!][^”]*|[^”]*。[^”]+)”")


def _is_remark(quote: str) -> bool:
    """A quotation (marks included) that reads as said: to 你, or long enough and not a slogan's two
    halves of one length (“重材料包装，轻问题剖析”, “不忘初心，牢记使命”)."""
    if "你" in quote:
        return True
    halves = re.split(r"[，,]", quote[1:-1])
    return len(quote) >= 12 and not (len(halves) == 2 and len(halves[0]) == len(halves[1]))


def has_quoted_remark(text: str) -> bool:
    """A remark quoted as someone said it, with or without the speaker's name (problem statements)."""
    return any(_is_remark(m.group(0)) for m in _QUOTED_REMARK_RE.finditer(text))


# The addressee of an inspection's findings, named in the header of its list (板桥镇党委存在问题：,
# 区委办存在的主要问题是：, 反馈了姜南社区存在的5类主要问题：): the unit written to, like a report's own
# unit, is no case — the findings after the colon must name one.
_ADDRESSEE_RE = re.compile(
    r"[^，,。；;：:\n]{2,20}?(?=存在的?(?:[0-9０-９一二三四五六七八九十]+[类个项条方面]+)?(?:主要|突出)?问题(?:是|有)?[：:])"
)


# … and the inspecting body reporting what it found (市委巡察办公室发现……, 审计组指出……): the writer
# speaking, as 巡察发现 is — what follows must name the case
_INSPECTOR_RE = re.compile(
    r"[\u4e00-\u9fff]{0,6}(?:巡察|巡视|审计|督查|督导)[\u4e00-\u9fff]{0,4}?(?:办公室|组|办|局|厅|处|机构)"
    r"(?=(?:在[^，,。；;]{0,12})?(?:发现|指出|通报|认为))"
)


def without_addressee(text: str) -> str:
    """``text`` with the addressee of an inspection's list of findings, and the inspecting body that
    reports them, blanked (same length)."""
    text = _ADDRESSEE_RE.sub(lambda m: "□" * len(m.group(0)), text)
    if "发现" in text or "指出" in text or "通报" in text or "认为" in text:
        text = _INSPECTOR_RE.sub(lambda m: "□" * len(m.group(0)), text)
    return text


@lru_cache(maxsize=4096)
def has_personal_name(text: str) -> bool:
    """A person by full name acting in the case (陈伯敏违规将……发包给其哥哥陈伯南).

    A three-character word rjieba tags as a personal name, starting with a common surname (two
    characters are too often a word: 陈旧), that is not a speaker or chair in its clause.  Used for
    problem statements, where a name is the case itself.
    """
    for word, tag in rjieba.tag(text):
        if tag == "nr" and len(word) == 3 and word[0] in _SURNAMES:
            at = text.find(word)
            clause_end = re.search(r"[，,。；;！？!?\n]", text[at:])
            rest = text[at + len(word) : at + (clause_end.start() if clause_end else len(text))]
            if not _SPEAKER_RE.search(rest):
                return True
    return False


# 以现高三年级为例，……收取了每位学生950元: the instance a problem is shown by, with its figures — not 以学习
# 教育为例 followed by generalities (round 9, dev)
_INSTANCE_RE = re.compile(r"以(?!部分|一些|有的|个别|某些)[^，,。；;]{2,12}为例[，,：:]?")


def _instance_with_figures(text: str) -> bool:
    match = _INSTANCE_RE.search(text)
    return match is not None and has_figure(text[match.end() :])


# a province or a city heading an unnamed few of its own (天津市个别街镇, 福建省部分企业, 东营市一些系统): the few
# are anonymous, the place only says where they are — no case (rubric: an anonymous 个别/部分 is no example;
# round 11, batch K's dev half)
_PLACE_OVER_FEW_RE = re.compile(
    rf"(?:(?:{_PROVINCES})(?:省|市|自治区)?|[\u4e00-\u9fff]{{2}}[市县])"
    r"(?=[的，,]?(?:一些|部分|个别|有的|有些|某些|少数|不少|多数|许多|很多))"
)


# one person seen on one occasion, referred back or by surname only (这名工作人员姗姗来迟, 这名徐姓所长被推门声惊醒)
# — the case an unannounced visit reports (round 11, batch K's dev half); not 这名义, not 老百姓
_ONE_PERSON_RE = re.compile(
    r"(?:该|这|那)名(?:工作人员|干部|党员|村民|男子|女子|职工|员工|教师|老师|医生|民警|司机|保安"
    r"|[\u4e00-\u9fff]{0,2}(?:长|书记|主任))"
    rf"|(?<![老百])[{_SURNAMES}]姓(?:男子|女子|村民|干部|工作人员|[\u4e00-\u9fff]{{0,2}}(?:长|书记|主任|老师|医生))"
)


# a case anonymised by a letter (A农户, C农机合作社, B村): one case, its name withheld — like 某村 (round 12, dev)
_LETTER_CASE_RE = re.compile(
    r"(?<![A-Za-z0-9])[A-Z](?=农户|户|村|镇|乡|县|公司|企业|单位|社区|学校|医院|[\u4e00-\u9fff]{0,3}(?:合作社|公司))"
)


def has_example(text: str) -> bool:
    """Whether ``text`` names a concrete case (事例): unit, person, month-level date, event, speech."""
    text = _PLACE_OVER_FEW_RE.sub(lambda m: "□" * len(m.group(0)), without_addressee(text))
    return (
        has_named_unit(text)
        or has_named_person(text)
        or has_personal_name(text)
        or bool(DATE_RE.search(text))
        or bool(EVENT_RE.search(text))
        or has_quoted_speech(text)
        or has_quoted_remark(text)
        or "为例" in text
        and _instance_with_figures(text)
        or _LETTER_CASE_RE.search(text) is not None
        or ("名" in text or "姓" in text)
        and _ONE_PERSON_RE.search(text) is not None
    )


@lru_cache(maxsize=65536)
def is_concrete(text: str, *, dates: bool = True) -> bool:
    """Whether a sentence carries anything concrete: a figure or an example (dates count if ``dates``)."""
    if has_figure(text):
        return True
    return (
        has_named_unit(text, subjects=False)
        or has_named_person(text)
        or bool(EVENT_RE.search(text))
        or has_quoted_speech(text)
        or (dates and bool(DATE_RE.search(text)))
    )


def quoted_cases(text: str) -> list[str]:
    """Quoted strings that are not fixed terms (for messages and tests)."""
    return [q for q in QUOTE_RE.findall(text) if q not in _FIXED]

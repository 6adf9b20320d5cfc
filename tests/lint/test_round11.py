"""Rounds 11 and 12 of issue 13: the disagreements of the judged rounds T, W, X, V and Y (each tuned on only
once it was measured) and the kinds batches K, L and M showed in dev. Written as shapes, each probe with its
counter-probe; one table per question asked (which rule marks the words, is it a figure, is it a case)."""

from __future__ import annotations

import pytest

from pipeline.lint.concrete import has_example
from pipeline.lint.document import from_text
from pipeline.lint.engine import Linter
from pipeline.lint.figures import has_figure
from tests.lint.probes import categories_on, rules_on


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # a count left blank in a template stands for a figure to fill in (round T, #12, #13, #18)
        ("深入部门、企业调研指导X次", True),
        ("改造XX个老旧小区，惠及X万名群众", True),
        # … not a letter in a word, not a blank that counts nothing
        ("拍摄X光片", False),
        ("挂牌XX分院", False),
        ("喜迎XX大", False),
        # a span of years, a year naming a project list, a workshop's or a class's number, an idiom
        ("孙岗镇高杭村2023-2024年滚动项目库资料缺少会议记录。", False),
        ("村两委研究2021项目库的会议图片为同一张照片。", False),
        ("监测数据显示，棒材6车间加热炉烟气二氧化硫超标。", False),
        ("生科1401班的同学指出学习流于形式。", False),
        ("活动方案千篇一律。", False),
        # an age as a threshold, a term's number before its body, a village named by a numeral, 只见 (saw)
        ("个别村40岁以下党员已出现断层。", False),
        ("自八届汝州市委第九轮巡察启动以来，发现了几个问题。", False),
        ("东五家子村委会无人。", False),
        ("隔壁办公室里只见一位工作人员正在上网聊天。", False),
        ("35岁以下的党员仅89人。", True),
        ("仅张贴一张提醒单。", True),
        ("编造出两三条问题应付了事。", False),
        ("发现3条问题。", True),
        # a project's phases are names of its parts
        ("牟定县城生活垃圾处理工程（一、二期防渗工程）基本能执行建设程序。", False),
        ("南慧二期有僵尸车停放。", False),
        ("全年举办培训班3期。", True),
        # counter-probes: workshops and classes counted
        ("3个车间停产整顿。", True),
        ("全年办了12个班，培训120人次。", True),
    ],
)
def test_round11_figure_shapes(text: str, figure: bool) -> None:
    assert has_figure(text) is figure


@pytest.mark.parametrize(
    ("text", "category", "flagged"),
    [
        # a stock verb whose clause counts its doings, the count left blank (#12, #13)
        ("我积极履行“一岗双责”职责，定期研究党建工作X次、深入部门、企业调研指导X次。", "boilerplate", False),
        ("我积极履行“一岗双责”职责。", "boilerplate", True),
        # a meeting's agenda and a speaker's part in it (#89, #90, #141) …
        ("二是我代表班子对党委的工作进行剖析。", "boilerplate", False),
        ("三是班子成员进行批评与自我批评。", "boilerplate", False),
        (
            "专题民主生活会上，龙江银行党委书记、董事长张建辉代表党委班子进行对照检查，并带头开展批评和自我批评。",
            "boilerplate",
            False,
        ),
        # … but the manner claimed is still judged (round S's counter-probe, here with an agenda verb)
        ("班子成员紧密联系思想实际，深刻进行对照检查，严肃开展批评和自我批评。", "boilerplate", True),
        # a meeting held, narrated in the sentence's last clause after the scene is set (#140)
        (
            "如今，在经过开展谈心谈话、撰写个人对照检查材料等一系列前期准备之后，他们召开了这次民主生活会。",
            "boilerplate",
            False,
        ),
        # requirements announced and then given (#122); announced and never given, they are 空话 (dev)
        (
            "艾新华就抓好巡察整改工作提出指导意见和明确要求。一要提高政治站位，二要压实整改责任。",
            "boilerplate-score",
            False,
        ),
        ("针对这些存在的问题，对相关党支部提出了改进要求和意见。", "boilerplate", True),
        # 重X、忽视Y: a shortcoming stated, not 空话 (#54)
        ("重视工业发展，忽视了第三产业的跟进。", "boilerplate", False),
        # a general admission before the material's announcement is its lead-in (#56–#58) …
        (
            "一年来，我们取得了一些成绩，但对照要求，有些地方还做得不够，存有一定的差距和问题。现将主要问题分析如下：",
            "hedging",
            False,
        ),
        # … alone, it is still a hedge
        ("对照要求，有些地方还做得不够，存有一定的差距和问题。", "hedging", True),
    ],
)
def test_round_t_disagreements(linter: Linter, text: str, category: str, flagged: bool) -> None:
    found = rules_on(linter, text) if "-" in category else categories_on(linter, text)
    assert (category in found) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # who attended, however long the list (#88); the format of a study (#131); 一些 before a preposition (#28)
        ("会议由镇党委书记主持，镇党委班子成员、部分村（社区）的党支部书记参加了会议。", False),
        ("个别班子成员领学、读文件。", False),
        ("结合一年的工作，我写一些对学校重大问题的想法。", False),
        # counter-probes: not taking part, an unnamed group at fault
        ("部分党员不参加组织生活。", True),
        ("个别班子成员学习不深入。", True),
        ("一些干部对群众反映的问题推诿扯皮。", True),
    ],
)
def test_an_unnamed_minority_only_where_a_shortcoming_is_stated(
    linter: Linter, text: str, flagged: bool
) -> None:
    assert ("hedging-minority" in rules_on(linter, text)) is flagged


@pytest.mark.parametrize(
    ("text", "rule", "flagged"),
    [
        # fixed terms of the Party and of education (#96, #44, #98, #39, #114)
        ("坚持和加强党的全面领导。", "boilerplate-stock", False),
        ("培养德智体美劳全面发展的人才。", "boilerplate-stock", False),
        ("推进政治建设、思想建设、组织建设、作风建设、纪律建设。", "boilerplate-officialese", False),
        ("培养“有理想、有道德、有文化、有纪律”的一代新人。", "boilerplate-officialese", False),
        ("落实推动高质量发展的要求。", "boilerplate-result", False),
        ("全面加强党的领导。", "boilerplate-stock", True),
        ("全县经济实现高质量发展。", "boilerplate-result", True),
        # an enumeration of tasks closed by 等 is no repeated-head slogan (#13)
        ("组织好分会场，涉及会场对接、参会人员统计、会场布置、会议组织等。", "boilerplate-frame", False),
        ("我们往深里走、往心里走、往实里走。", "boilerplate-frame", True),
        # batch K's dev misses: the customs' slogan, a review narrated without what it found
        ("上海海关走在前、作表率，勇立潮头踏浪前行。", "boilerplate-stock", True),
        ("各书记进行了述职，找准突出问题，明确工作思路和举措。", "boilerplate-stock", True),
        ("结合实际有针对性地指出了存在的共性问题。", "boilerplate-officialese", True),
        ("检查组指出了存在的问题：3个支部未按期换届。", "boilerplate-officialese", False),
        ("问题通报揭了短、亮了丑，原因剖析动了“真枪和真刀”。", "boilerplate-frame", True),
        ("社区工作出现错位。", "hedging-shape", True),
        ("出现偏差的3个项目已整改。", "hedging-shape", False),
        # a review's advice given and never said; an inspection's question; the rest of a counted set
        ("党工委书记进行了一一点评，并对支部的工作提出了意见和建议。", "boilerplate-officialese", True),
        ("相互批评时，大家既指出差距不足，又提出改进意见；", "boilerplate-officialese", True),
        ("会上提出了意见和建议：一是每月开展1次谈心谈话。", "boilerplate-officialese", False),
        ("检查组查阅了财务账目，了解有无违规公款吃喝的现象；", "hedging-gap", False),
        ("部分干部存在畏难情绪。", "hedging-gap", True),
        ("查出的46个问题，除7个尚在继续整改外，其余均已整改到位。", "boilerplate-result", False),
        ("上述问题均已整改到位。", "boilerplate-result", True),
        ("节后各单位工作人员服务态度良好，工作秩序井然。", "boilerplate-result", True),
        ("通过此次专题会议，全体党员的思想都经受了一次洗礼。", "boilerplate-result", True),
        ("有的民警认为工作忙，文明创建可以暂时放一放。", "hedging-minority", True),
        ("传统的监督方式显得力不从心。", "hedging-shape", True),
        ("针对可燃物清理不彻底等问题，提出了整改时限和要求。", "hedging-gap", False),
        ("学习的针对性不强。", "hedging-gap", True),
        ("发放征求意见表110份，收回63份。", "dangling-reference", False),
        # an estimate is no count; an atmosphere, praise won, a task 完满完成 are empty results
        ("因此，就编造出两三条不痛不痒、含糊不清的问题应付了事。", "hedging-shape", True),
        ("展评活动现场一派融洽和谐的学习气氛。", "boilerplate-result", True),
        ("集体资金纳入“三资”管理就达117万元，赢得了群众的广泛称赞。", "boilerplate-officialese", True),
        ("指导片区审计站内审人员完满完成内审工作。", "boilerplate-result", True),
        ("全年轮训支部书记86名，实现全覆盖。", "boilerplate-result", False),
        # round 12, batch L's moved half: a grade, a campaign's slogan, a loop closed; a review's findings unsaid
        ("县教体局较好地实施了农村义务教育学生营养改善计划。", "boilerplate-officialese", True),
        ("地方各级人大大兴调研之风。", "boilerplate-officialese", True),
        (
            "下达隐患整改通知单13份并督促整改，形成闭环管控，确保百姓温暖度冬。",
            "boilerplate-officialese",
            True,
        ),
        ("形成闭环管理的5项制度已印发。", "boilerplate-officialese", False),
        # an instance given after 如 names the case (a province's committee there is no writer speaking of itself)
        (
            "也有的省委班子在会后召开通报会，如江苏省委，在民主生活会召开5日后召开通报会。",
            "hedging-minority",
            False,
        ),
        ("有的支部组织生活不正常，如果不加强管理，后果严重。", "hedging-minority", True),
        # a hope is no softened shortcoming (#30); a concession of what the writer does do (#63)
        ("希望我的这些做法能对兄弟单位的工作有所借鉴。", "hedging-gap", False),
        ("虽然平时有时也写一些心得笔记，但数量不多。", "hedging-shape", False),
        ("党员日常管理有所松懈。", "hedging-gap", True),
        ("有时存在松懈思想。", "hedging-shape", True),
        # round W (tuned on): who spoke about what; an essay's question or aside
        ("随后，他传达了区卫健委党委提出的问题，总结了2019年我院党建主要工作。", "boilerplate-score", False),
        (
            "徐茜安排布置了近期党支部重要工作，并就岁末年初党风廉政建设工作相关要求进行了强调。",
            "boilerplate-score",
            False,
        ),
        ("那么，什么样的述职报告才算是高质量高水平的呢？", "boilerplate-score", False),
        # the principle a meeting keeps to is no result (#39); a goal is a slogan aimed at, not a result (#58)
        ("全体党员本着互帮互助、共同提高的原则进行对照检查。", "boilerplate-result", False),
        ("通过谈心谈话，大家共同提高。", "boilerplate-result", True),
        ("要促进医院高质量发展。", "boilerplate-result", False),
        ("要促进医院高质量发展。", "boilerplate-stock", True),
        ("全县经济实现高质量发展。", "boilerplate-result", True),
        # an enumeration of tasks closed by 等 is no repeated-head slogan (#13)
        ("组织好分会场，涉及会场对接、参会人员统计、会场布置、会议组织等。", "boilerplate-frame", False),
        ("我们往深里走、往心里走、往实里走。", "boilerplate-frame", True),
        # round X (tuned on): a document's title is a name (#2, #3); those the writer worked on are no unnamed
        # minority at fault (#6, #7)
        ("石门县委作出了《关于大力保护森林资源，全面封山植树退耕还林的决定》。", "boilerplate-stock", False),
        ("我们全面封山植树，大力保护森林资源。", "boilerplate-stock", True),
        # a place named after the verb its clause opens with is no subject speaking of itself (#40)
        (
            "积极搭建教育培训平台，利用张汪镇大讲堂、专题讲座等平台，抓好第一书记岗前培训。",
            "boilerplate-stock",
            False,
        ),
        ("积极搭建教育培训平台，抓好第一书记岗前培训。", "boilerplate-stock", True),
        ("我最终做机关个别领导和少数干部职工的思想工作。", "hedging-minority", False),
        ("个别干部做工作不扎实。", "hedging-minority", True),
        # round V (measured, then tuned on): praise of frankness is no hedge (#50); a quality named is no adverb
        # (#29); an inspection's remit (#61); a fixed schedule backs the stock words before it (#16, #104)
        ("谈问题不遮不掩，查根源深挖细究。", "hedging-shape", False),
        ("工作不温不火。", "hedging-shape", True),
        ("充分调动党员的积极性和潜能。", "boilerplate-stock", False),
        ("监督检查被巡视地方贯彻落实党的理论路线方针政策情况。", "boilerplate-stock", False),
        ("被巡视单位认真贯彻落实中央决策部署。", "boilerplate-stock", True),
        ("始终把理论学习放在首位，坚持每周四开展集中学习。", "boilerplate-stock", False),
        ("始终把理论学习放在首位。", "boilerplate-stock", True),
        # a campaign named as under way is background (#84)
        ("全党目前正在深入开展的党的群众路线教育实践活动。", "boilerplate-stock", False),
        ("我们深入开展党的群众路线教育实践活动。", "boilerplate-stock", True),
        # a prison by its place; a speech's aspects by their quoted titles
        ("调研组一行5人深入汉中监狱开展督考调研工作。", "boilerplate-stock", False),
        ("从“晒成绩、解难题、谋提升”三个方面讲述阶段成效。", "boilerplate-officialese", False),
        ("我们坚持晒成绩、解难题、谋提升。", "boilerplate-officialese", True),
        # a procedure laid down, where and how, is checkable as it stands (the example drafts)
        (
            "纪检部门提出的问责建议，党委改变处理意见的须在党委会议上说明理由并记录在案。",
            "boilerplate-score",
            False,
        ),
        # round Y (found in its judging, after it was measured): a blank drawn as underscores; a campaign's name in
        # the shape of a repeated-head slogan; a meeting's verdict on itself
        ("参加镇党委理论中心组学__次。", "placeholder-marker", True),
        ("每年下乡近_公里。", "placeholder-marker", True),
        ("变量user_name不得为空。", "placeholder-marker", False),
        ("自觉参加群众路线教育、三严三实、两学一做等活动。", "boilerplate-stock", False),
        ("确保查深查细、抓早抓小。", "boilerplate-stock", True),
        ("这是一个较为成功和较高质量的民主生活会。", "boilerplate-result", True),
    ],
)
def test_round11_rule_on_its_words(linter: Linter, text: str, rule: str, flagged: bool) -> None:
    assert (rule in rules_on(linter, text)) is flagged


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        # a summary line announcing shortcomings in general, the numbered heading of the problems after it (#128)
        ("检查发现，该单位党建工作还存在较多突出问题。\n二、主要问题", False),
        ("但对照高标准严要求，还存在一些不足。\n1.在全面把握上有不足。", False),
        # counter-probes: nothing numbered after it; alone
        ("检查发现，该单位党建工作还存在较多突出问题。\n今后要加强整改。", True),
        ("检查发现，该单位党建工作还存在较多突出问题。", True),
    ],
)
def test_an_announcement_over_a_numbered_list_is_a_lead_in(linter: Linter, text: str, hedged: bool) -> None:
    assert ("hedging" in categories_on(linter, text)) is hedged


@pytest.mark.parametrize(
    ("text", "match"),
    [
        # a two-character word half taken is taken whole; a slogan's every item (#8)
        ("要以高标准严要求推进整改。", "高标准严要求"),
        ("我们下大力气解决群众反映的问题。", "下大力气解决"),
        ("坚持一线锻炼、一线推优、一线考察、一线使用。", "一线锻炼、一线推优、一线考察、一线使用"),
        # … not the next round of a repeated head
        ("确保查深查细查到位。", "查深查细"),
    ],
)
def test_marks_end_on_whole_words(linter: Linter, text: str, match: str) -> None:
    assert match in {f.match for f in linter.run(from_text(None, text))}


@pytest.mark.parametrize(
    ("problem", "example"),
    [
        # a province or a city over an unnamed few of its own: the few are anonymous (rubric)
        ("天津市个别街镇大检查方案针对性、操作性不强。", False),
        ("福建省部分企业用日常检查代替大检查。", False),
        # … a named place inside it is still a case
        ("天津市河西区3个街镇方案雷同。", True),
        # a numbered service window; one person seen on one visit, referred back or by surname
        ("只有负责个人参保业务的9号窗口一直空着。", True),
        ("5分钟后，这名工作人员姗姗来迟。", True),
        ("这名徐姓所长被推门声惊醒。", True),
        # the one just named (该院, 该校), a hospital by its name; a county over an unnamed few of its own
        ("通过检查发现该院存在诱导他人虚假就医问题。", True),
        ("飞行检查组在郑州管城豫丰医院核查发现多项违规。", True),
        ("而在重庆潼南县，个别村40岁以下党员已出现断层。", False),
        ("部分医院和中学管理不规范。", False),
        # the land, the account, the village just named (该土地, 该集体企业, 这个村); two sentences quoted as said
        ("经细致核查，2017年前该土地由三位村干部占用。", True),
        ("他举报说这个村党支部书记搞近亲繁殖。", True),
        ("“我们成为低保户都是村干部安排的。村里没有开过低保户评议会。”", True),
        ("这个问题长期没有解决。", False),
        ("落实“严格执行八项规定。”的要求不到位。", False),
        ("某地案例显示，追回一笔错发养老金需经6个部门审批。", True),
        ("某地方落实不力。", False),
        # round 12, batch M's dev half: a case anonymised by a letter, a railway bureau by its city; a kind of
        # village, counted vaguely, is none
        ("A农户的补偿款22万元通过银行支票支付给C农机合作社。", True),
        ("中央巡视组发现郑州铁路局业务招待管理混乱。", True),
        ("二是少数达标村垃圾箱配置不足，三是部分分类村垃圾桶配置不齐全。", False),
        ("Wi-Fi覆盖不足。", False),
        # counter-probes: any window, 老百姓, 这名义
        ("有的窗口工作人员离岗。", False),
        ("老百姓办事难。", False),
        ("这名义上的改革没有落实。", False),
    ],
)
def test_round11_example_shapes(problem: str, example: bool) -> None:
    assert has_example(problem) is example


def test_a_reported_finding_is_marked_on_its_first_stock_words(linter: Linter) -> None:
    """The mark does not take in the concrete requirements between the stock words (round T #126, W #44)."""
    text = "会议要求，要对照问题清单深入分析原因，制定整改方案、明确整改责任和进度安排，认真开展整改。"
    reported = [f for f in linter.run(from_text(None, text)) if f.rule == "boilerplate-reported"]
    assert len(reported) == 1
    assert reported[0].match == "深入分析" and "认真开展" in reported[0].message

"""Round 9 of issue 13: the kinds round 8's batch showed once it moved to dev (its misses read for the first
time), and round P's judged disagreements. Written as shapes, each probe with its counter-probe."""

from __future__ import annotations

import pytest

from pipeline.lint.concrete import has_example, has_quoted_remark
from pipeline.lint.document import from_text
from pipeline.lint.engine import Linter
from tests.lint.probes import categories_on, rules_on


@pytest.mark.parametrize(
    ("problem", "example"),
    [
        # a criticism quoted as said — to 你, or a sentence with its own punctuation — is the case itself
        ("“你应酬太多，晚上开常委会时，常常看到你满脸红光，一身酒气。”", True),
        ("“有次在市里开会看到你自驾公车，希望你以后不要出现这种现象。”", True),
        # counter-probes: a slogan, an idiom with 你, a short quoted term
        ("批评时存在“你好我好大家好”的思想，不愿得罪人。", False),
        ("落实“照镜子、正衣冠、洗洗澡、治治病”要求不够到位。", False),
        ("部分党员存在“一年干十年”的思想。", False),
        # a building by its number, one institution anonymised, a city or province by name
        ("一是13号楼电梯故障频发，存在下坠问题。", True),
        ("案例：某高校在引进外籍教师时，未严格审查其政治背景。", True),
        ("辽宁省阜新市部分农家书屋缺乏实效。", True),
        # counter-probes: a count of floors, 城市 and 我市, a province as the addressee left vague
        ("部分楼层消防通道被占用。", False),
        ("城市基层党建统筹不够，我市有的社区活动阵地不足。", False),
        ("督察反馈指出，湖北省一些地方和部门推进环境保护工作安排部署多、具体落实少。", False),
        # 许多同志 is a quantity before 同志, no named comrade; 李明同志 is one
        ("许多同志觉得自己比一般群众高一等，在情感上难与群众打成一片。", False),
        ("李明同志在任期间违规报销差旅费。", True),
        # a village committee by name; 以X为例 with its figures (counter-probes: no name, no figures)
        ("西屯村委未按规定公示补贴名单。", True),
        ("各村委未按规定公示补贴名单。", False),
        ("村委会未按规定公示补贴名单。", False),
        ("以现高三年级为例，2019年下学期收取了每位学生950元的补课费。", True),
        ("以学习教育为例，有的党员只读文件。", False),
        # shapes of the rubric the corpora do not show yet: a person by surname and title, one meeting by
        # when it was, one round of inspection (counter-probes: the addressee of a criticism, 担任主任,
        # a kind of meeting, a speaker)
        ("王书记在会上只讲成绩不讲问题。", True),
        ("在2024年度民主生活会上，班子成员相互批评辣味不足。", True),
        ("某次党委会上，研究议题临时动议。", True),
        ("在上次巡察反馈的问题中，有3项至今未整改。", True),
        ("王书记，您在抓理论学习上还不够深入。", False),
        ("担任主任期间，对科室管理不严。", False),
        ("在民主生活会上，相互批评辣味不足。", False),
        ("王书记强调要抓好整改。", False),
        ("2023年度民主评议中，有2名党员被评为不合格。", True),
        ("在年度考核中，我的排名靠后。", False),
        ("县医院药品采购存在回扣问题。", True),
        ("全县医院药品采购不规范。", False),
        # round 9's second batch (dev): an address by street and number, one person anonymised by 一名, a
        # quoted remark of ten characters; the inspection's opener however introduced is no case, one dated
        # to its year is (counter-probes: a post to be filled, a slogan's two halves)
        ("居民诉求：明霞大道中36号排污管堵塞，影响居民日常生活。", True),
        ("有关部门透露，一名村小组干部累计挪用集体建房资金。", True),
        ("每个村只配备一名会计，工作量大。", False),
        ("村支书就给女方开了一张证明，证明“男方外出打工，多年未归”。", True),
        ("一是“重材料包装，轻问题剖析”。", False),
        ("在检查中发现，仍有个别学校存在违规补课现象。", False),
        ("十二届市委第九轮巡察发现，相关市直单位存在招标采购工作不规范等问题。", False),
        ("重点领域廉政风险防控有漏洞，2025年审计发现行政审批环节3项授权未按规定备案。", True),
        # an inspection's opener without its comma reports counts, not a case; named after a unit it is one
        ("同时，巡察中发现6个社区党组织还普遍存在贯彻上级决策部署有落差等问题。", False),
        ("部分单位无故不在岗问题严重，暗访发现有20名工作人员无故不在岗。", False),
        ("区委巡察组在巡察中发现，城东社区党支部3年未召开组织生活会。", True),
    ],
)
def test_round9_example_shapes(problem: str, example: bool) -> None:
    assert has_example(problem) is example


@pytest.mark.parametrize(
    ("text", "remark"),
    [
        ("“说是要退钱，但学校一分钱没退。”", True),
        ("他对你的意见是“你要多下基层”。", True),
        ("开展“不忘初心、牢记使命”主题教育。", False),
        ("避免“你追我赶”式的盲目竞争。", False),
    ],
)
def test_a_quoted_remark_is_told_from_a_slogan(text: str, remark: bool) -> None:
    assert has_quoted_remark(text) is remark


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a habit ascribed to nobody in particular, a problem said to stand out, 多数/许多 as who
        ("一旦选上村干部，对村民的事情往往不再热心。", True),
        ("其次，组织生活的内容单一化问题较为突出。", True),
        ("正是由于这种思想顾虑，导致多数领导干部查摆材料存在消极应付态度。", True),
        ("很多机关党组织只追求形式，不注重内容。", True),
        ("这种认识偏差导致组织生活流于表面，缺乏实质性的内容和效果。", True),
        ("不安心工作，差不多就行了。", True),
        ("批评成了有其名、无其实的一种形式。", True),
        # the habits of 对照检查 and how often, never said (round 9)
        ("有时存在松懈思想。", True),
        ("偶尔会放松对自己的要求。", True),
        ("满足于用文件和会议贯彻传达上级精神。", True),
        ("习惯于用老办法处理新问题。", True),
        ("调查研究浮在面上。", True),
        ("工作标准离上级要求还有距离。", True),
        ("有时在工作中求稳怕乱。", True),
        # not taking part is the problem, not the meeting's procedure
        ("有的党员不积极参加组织生活。", True),
        # counter-probes: 大多数 in a count, praise of the criticism's manner, attendance at a meeting,
        # the same hedges with the case named
        ("坚持少数服从多数的原则。", False),
        ("相互批评毫不客气，往往是开门见山、直点要害。", False),
        ("部分党员、群众代表参加会议。", False),
        ("我们不满足于现状，全年新建党员活动室6个。", False),
        ("有时一天要接待来访群众20余人次。", False),
        ("会议留足了发言时间。", False),
        ("问题较为突出的是旅检二科，2025年9次集中学习中有5次仅读文件。", False),
    ],
)
def test_round9_hedging_shapes(linter: Linter, text: str, flagged: bool) -> None:
    assert ("hedging" in categories_on(linter, text)) is flagged


@pytest.mark.parametrize(
    ("text", "rule", "flagged"),
    [
        # an attitude denied is a shortcoming, not a claim of effort (round P, #30, #32)
        ("有的党员不积极参加组织生活，会上不说，会后乱说。", "boilerplate-stock", False),
        ("有的领导干部不认真学习党的理论，学了也是为应付场面。", "boilerplate-stock", False),
        ("对上级决策部署未认真贯彻落实。", "boilerplate-stock", False),
        # counter-probes: the attitude claimed; 不断 is no negation
        ("我们积极参加上级组织的各项活动。", "boilerplate-stock", True),
        ("我们不断深入推进党建工作。", "boilerplate-stock", True),
        # a campaign's title is a name (round P, #105); the exhortation is stock
        ("开展“不忘初心、牢记使命”主题教育以来，全关举办读书班4期。", "boilerplate-stock", False),
        ("全体党员要牢记使命，勇于担当。", "boilerplate-stock", True),
        # stock words judged lacking by quantity or strength (round P, #13, #147)
        ("对下属单位的全面监督比较薄弱。", "boilerplate-stock", False),
        ("对重大问题深入的分析研判较少。", "boilerplate-score", False),
        ("我们全面加强监督，成效明显。", "boilerplate-stock", True),
        # the genre's resolve, nothing done; backed by what was done, it is a lead-in
        ("以昂扬的斗志和饱满的热情投入工作。", "boilerplate-stock", True),
        ("以饱满的热情投入工作，全年走访农户1117户。", "boilerplate-stock", False),
        # 不愿 after 有的同志: the vagueness is already flagged on 有的同志 (round P, #40, #41)
        ("有的同志不愿深入基层调研。", "hedging-shape", False),
        ("有的同志不愿深入基层调研。", "hedging-minority", True),
        ("班子成员不愿得罪人，批评辣味不足。", "hedging-shape", True),
    ],
)
def test_round_p_disagreements(linter: Linter, text: str, rule: str, flagged: bool) -> None:
    assert (rule in rules_on(linter, text)) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a prepositional phrase with the facts belongs to the predicate after its comma
        ("今年以来，审计局紧盯整改，针对24个项目的483个问题，对整改证明材料进行逐笔逐项认真复核。", False),
        ("通过走访农户1117户，切实解决了一批群众急难愁盼问题。", False),
        # counter-probes: stock words after facts in a clause of their own; a prepositional phrase
        # without facts
        ("累计谈话60余人次，做到了把问题谈开、把思想谈通，认真复核。", True),
        ("针对审计发现的问题，对整改材料进行认真复核。", True),
    ],
)
def test_a_prepositional_lead_backs_its_predicate(linter: Linter, text: str, flagged: bool) -> None:
    assert ("boilerplate" in categories_on(linter, text)) is flagged


@pytest.mark.parametrize(
    ("text", "matches"),
    [
        # one rule's matches that touch or are joined by 的、和与及 are one phrase, marked once (round O, #155)
        ("营造风清气正的良好政治生态。", ["风清气正的良好政治生态"]),
        ("我们高度重视、认真落实。", ["高度重视、认真落实"]),
        # counter-probe: two clauses apart, two findings
        ("我们高度重视，全体党员认真落实。", ["高度重视", "认真落实"]),
    ],
)
def test_one_phrase_one_finding(linter: Linter, text: str, matches: list[str]) -> None:
    found = [f.match for f in linter.run(from_text(None, text)) if f.category == "boilerplate"]
    assert found == matches


def test_the_guiding_thought_is_no_frame_the_claim_after_it_is(linter: Linter) -> None:
    text = "以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大精神。"
    assert rules_on(linter, text) == {"boilerplate-stock"}


@pytest.mark.parametrize(
    ("text", "rule", "flagged"),
    [
        # round Q's disagreements: a speech's points and numbered headlines over a body are headings
        (
            "要讲政治、守纪律。严格落实上级各项要求，切实推动基层党建工作落地见效，抓出成效。",
            "boilerplate-score",
            False,
        ),
        (
            "重点抓好三方面：一要聚焦专业特点打造品牌。鼓励各支部结合学科实际，开展“一支部一品牌”创建。",
            "boilerplate-officialese",
            False,
        ),
        # counter-probe: a headline over a short body that nothing else marks is the paragraph's one mark
        ("一是精心组织安排，宣传教育引导。班子成员各司其职、相互补台。", "boilerplate-stock", True),
        # lead-ins: a list announced after a colon, a purpose before the facts, 包括 after a hedge
        ("认真总结以往工作，深刻剖析自身不足，主要存在以下问题：一是学习不深。", "boilerplate-stock", False),
        (
            "为深入开展主题教育，进一步落实管党治党政治责任，3月5日学院召开述职会。",
            "boilerplate-stock",
            False,
        ),
        ("为深入开展主题教育，进一步落实管党治党政治责任。", "boilerplate-stock", True),
        # narration: what the 述职 covered, an inspection's steps and end, a speaker's praise reported
        (
            "15位党支部书记围绕四个方面展开述职，全面总结工作成效，深入查摆短板弱项。",
            "boilerplate-stock",
            False,
        ),
        ("巡视组调阅有关文件资料，进行了深入了解，顺利完成了巡视任务。", "boilerplate-officialese", False),
        ("督导组组长对民主生活会给予充分肯定。", "boilerplate-result", False),
        ("各项工作得到了上级的充分肯定。", "boilerplate-result", True),
        # one-to-one talks, a request, a section label
        ("巡视组与干部群众个别谈话。", "hedging-minority", False),
        ("建议公众号推送量有所削减。", "hedging-gap", False),
        ("在全面从严治党方面。", "boilerplate-score", False),
        # stock words inside a problem (贯彻落实……搞变通 / ……不深入、不扎实)
        ("贯彻落实扶贫政策搞变通。", "boilerplate-stock", False),
        ("贯彻落实扶贫政策搞变通。", "hedging-shape", True),
    ],
)
def test_round_q_disagreements(linter: Linter, text: str, rule: str, flagged: bool) -> None:
    assert (rule in rules_on(linter, text)) is flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # the hedge that announces a list (……一些问题，包括……) is judged by the items; the items still are
        ("与此同时，仍然存在一些问题，包括制度执行不严等。", ["执行不严"]),
        # stock words inside a requirement's quoted name are not marked; the writer's own stock words are
        ("严格落实“把党的政治建设摆在首位”的要求。", ["严格落实"]),
        # a sentence someone said, quoted inside a narration, is theirs; the same words as the writer's are not
        (
            "“近期警务评议出现多个不满意样本，究其原因是所领导不够重视，必须马上改正。”……这是组织生活会上的一幕。",
            [],
        ),
        ("近期警务评议出现多个不满意样本，究其原因是所领导不够重视。", ["不够"]),
    ],
)
def test_what_round_q_leaves_marked(linter: Linter, text: str, words: list[str]) -> None:
    found = [f.match for f in linter.run(from_text(None, text)) if f.category in ("boilerplate", "hedging")]
    assert found == words

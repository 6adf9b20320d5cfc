"""Round 13 of issue 13: the kinds batch M's moved half showed in dev, and the disagreements of the tuning
sample AA (述职报告, 对照检查材料, 点评 and 巡察反馈, judged once and tuned on). Written as shapes, each probe with
its counter-probe; one table per question asked."""

from __future__ import annotations

import pytest

from pipeline.lint.concrete import has_example
from pipeline.lint.document import from_text
from pipeline.lint.engine import Linter
from pipeline.lint.figures import has_figure
from tests.lint.probes import categories_on


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # tenths are a share of what was spent or done
        ("我每天把六成精力耗在报表上。", True),
        ("两成以上的支部未按期换届。", True),
        # … not an idiom, a member, a kind of supply
        ("学习方式一成不变。", False),
        ("三成员会议记录不全。", False),
        ("二次供水监督次数少频率低，覆盖不全面。", False),
        # a count left blank in text copied from a PDF, spaced from its measure word
        ("全年组织专题学习研讨 X 次。", True),
        ("全年组织专题学习研讨 12 次。", True),
        # a clock time written out and a finding's number in a list say when and which
        ("按规定是下午6点下班，但5时15分各窗口已无工作人员。", False),
        ("问题2：槐奇岭治超站移交不实。", False),
        ("问题2：治超站移交不实，涉及资产3项。", True),
    ],
)
def test_round13_figures(text: str, figure: bool) -> None:
    assert has_figure(text) is figure


@pytest.mark.parametrize(
    ("text", "example"),
    [
        # one person or one audited body, anonymised, is a case
        ("某同志在民主生活会上只谈业务推进，不谈党性修养。", True),
        ("1家高校编制2013年度部门预算时，未将培训收入纳入预算。", True),
        ("有一个镇便民服务大厅按规定是下午6点下班，但5时许已无工作人员。", True),
        ("在某驻村队办公室，放置了两张单人床。", True),
        ("如团风县政务服务中心，仍有窗口工作人员未在岗。", True),
        # … a count of one inside a sentence is no anonymised case, the county's government no named place
        ("县政府研究部署整改工作不及时。", False),
        ("审计抽查了1家高校的预算编制，未发现问题。", False),
        ("有的同志在民主生活会上只谈业务推进。", False),
    ],
)
def test_round13_cases(text: str, example: bool) -> None:
    assert has_example(text) is example


@pytest.mark.parametrize(
    ("text", "category", "flagged"),
    [
        # a meeting's ritual verdicts, an audit's grade, a grade given to oneself
        ("会议认为，抓好巡视整改责任重大，任务艰巨，时间紧迫。", "boilerplate", True),
        ("审计结果表明，财务管理核算基本遵循有关制度。", "boilerplate", True),
        ("近三年来，卫生院为辖区群众提供了较好的基本公共卫生服务。", "boilerplate", True),
        ("先后7次召开党组会议，形成了齐抓整改的强烈共识和强大合力。", "boilerplate", True),
        ("五是党员先锋作用发挥不强。", "hedging", True),
        # 苗头 alone is vague; the fixed term of a kind of problem is not
        ("对一些违纪苗头发现不早。", "hedging", True),
        ("对党员干部的苗头性、倾向性问题早发现、早提醒、早纠正。", "hedging", False),
        # a topic sentence opening numbered points, the first with its figures
        (
            "办公室始终把政治建设摆在首位，坚定不移加强党对办公室工作的全面领导。一是坚持“第一议题”制度不动摇。"
            "全年组织党组理论学习中心组学习18次，开展专题研讨6次。",
            "boilerplate",
            False,
        ),
        # … the same topic over points that carry no facts
        (
            "办公室始终把政治建设摆在首位，坚定不移加强党对办公室工作的全面领导。一是坚持“第一议题”制度不动摇。"
            "坚持用党的创新理论武装头脑。二是严守政治纪律。",
            "boilerplate",
            True,
        ),
        # a self-criticism's preamble on how it was prepared, announced with a full stop
        (
            "根据上级党组织的统一部署，本人严格对照“五个带头”要求，通过群众提、自己找等方式，全面深入查摆自身存在的问题，"
            "深刻剖析问题根源。现将个人对照检查情况报告如下。",
            "boilerplate",
            False,
        ),
        # … not a 述职's opening claims before the same announcement
        (
            "我作为关党委书记，高度重视基层党建工作，认真履行第一责任人职责。现将一年来抓基层党建工作情况报告如下。",
            "boilerplate",
            True,
        ),
        # a section's headline after （一）, however long its three parts, over the facts of its paragraph
        (
            "（一）突出政治引领，筑牢绝对忠诚之魂，锻造政治过硬的先锋堡垒。区委办党组全年召开党组会议24次，研究党建议题12项。",
            "boilerplate",
            False,
        ),
        # a speech's outline printed line by line: numbered lines without final punctuation are headings
        (
            "二、聚焦“实”字找问题，在深挖细查中找准症结——从“差什么”看短板，必须把痛点堵点揪出来、改到位\n"
            "一是必须把“知责”作为前提，解决“为什么抓”的问题\n全年开展专题调研12次。",
            "boilerplate",
            False,
        ),
        # … not a numbered sentence closed as a sentence
        ("一是必须把“知责”作为前提，切实解决思想认识问题。", "boilerplate", True),
        # the chair's agenda and courtesies
        ("让我们以热烈的掌声，对督导组各位同志的到来表示诚挚欢迎和衷心感谢！", "boilerplate", False),
        ("下面，结合大家的述职和平时掌握的情况，我讲三个方面的意见。", "boilerplate", False),
        # a prohibition is no shortcoming found
        ("决不能打折扣、搞变通。", "hedging", False),
        ("有的支部执行上级部署打折扣、搞变通。", "hedging", True),
        # blanks left as ** before a count, a lower-case x before a title
        ("刚才，**个县（区）作了现场述职。", "placeholder", True),
        ("刚才，x副部长对大家的汇报作了点评。", "placeholder", True),
        ("这是**重点**内容，刚才张副部长作了点评。", "placeholder", False),
    ],
)
def test_round13_rule_on_its_words(linter: Linter, text: str, category: str, flagged: bool) -> None:
    assert (category in categories_on(linter, text)) is flagged


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        # a hedge's pattern opening on a word's last character marks the whole word
        ("大家对彼此存在的担当意识欠缺等问题作了批评。", "意识欠缺"),
        ("对理论学习的重要性认识不够。", "认识不够"),
        # 例如 and the generality it offers as the example (its clause, when short), not 例如, alone
        (
            "政治能力还有差距。例如，在组织党员学习党的创新理论时，照本宣科。",
            "例如，在组织党员学习党的创新理论时",
        ),
    ],
)
def test_round13_a_hedge_is_marked_on_whole_words(linter: Linter, text: str, marked: str) -> None:
    assert marked in [f.match for f in linter.run(from_text(None, text)) if f.category == "hedging"]

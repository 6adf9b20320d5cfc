"""Round 10 of issue 13: the kinds round 9's batches showed once they moved to dev (their misses read for
the first time). Written as shapes, each probe with its counter-probe."""

from __future__ import annotations

import pytest

from pipeline.lint.concrete import has_example, has_named_unit
from pipeline.lint.document import from_text
from pipeline.lint.engine import Linter
from pipeline.lint.figures import has_figure
from tests.lint.probes import categories_on


@pytest.mark.parametrize(
    ("problem", "example"),
    [
        # the one just named, taken up again (该村, 该小区, 该公司) — not the addressee (该局, 该部门)
        ("巡察组到现场查看，发现该小区消防通道被长期占用。", True),
        ("经核查，该公司违规占用耕地。", True),
        ("该局党组落实主体责任不力。", False),
        ("该部门对整改工作重视不够。", False),
        # named places heading a counted set (蓬莱等4个县) — not a vague set (部分等3个县)
        ("河口等3个乡镇的补贴资金滞留未发。", True),
        ("部分等3个县补贴发放不及时。", False),
        # one day and its hour, a clock time, one evening's hour: an occasion
        ("12日下午，检查组到服务大厅时窗口无人。", True),
        ("9:40，窗口工作人员仍未到岗。", True),
        ("直到晚上十点，还有两个村没有上报。", True),
        ("每天工作时间窗口常有人员离岗。", False),
        # what a reporter saw on one visit, a door pushed open — not the reporter's opener (记者发现，…)
        ("记者在3楼办事大厅看到，半数窗口无人值守。", True),
        ("推开办公室大门，两名工作人员正在玩手机。", True),
        ("记者发现，部分窗口电脑处于开机状态。", False),
        # the words of one reply, quoted
        ("群众多次反映，得到的答复都是一句话，“正在研究”。", True),
        ("落实“放管服”改革不到位。", False),
        # a named village whose name ends in 山 or with its committee (东山村, 文大村委会) — not a mountain
        # village, not a village committee in general, not the verb 下村
        ("青山村垃圾清运不及时。", True),
        ("桃源村委会未公开财务。", True),
        ("偏远山村网络覆盖不足。", False),
        ("召开村委会研究不及时。", False),
        ("个别干部下村指导流于形式。", False),
        # provinces by their short names and universities by name, in a central inspection's feedback — not a
        # province left vague, a yardstick, a place visited, a college by its rank
        ("巡视反馈指出，山西、湖南在内的3个地区存在超标配车问题。", True),
        ("例如，同济大学被指出校办企业管理混乱。", True),
        ("湖北一些地方落实不力。", False),
        ("与广东等先进地区相比还有差距。", False),
        ("到北京学习考察流于形式。", False),
        ("二级学院党委落实主体责任不力。", False),
        # an office is any office; a notice's cases counted are not a case
        ("有的单位上班时间办公室无人。", False),
        ("在通报的12起问题中，违规吃喝占多数。", False),
    ],
)
def test_round10_example_shapes(problem: str, example: bool) -> None:
    assert has_example(problem) is example


@pytest.mark.parametrize(
    ("problem", "figure"),
    [
        # not figures: a clock time, a road's number, a building's or a house's number, villager groups and
        # production teams by number, 一 after a negation (空无一人, 不漏一户), a vague 一批
        ("9:40，窗口工作人员仍未到岗。", False),
        ("每天下午5点左右，校门口有补课机构接送学生。", False),
        ("G318国道沿线垃圾堆放。", False),
        ("3-2号楼、15号楼下水道堵塞。", False),
        ("建设路18号门前积水严重。", False),
        ("张庄村三、四、五组道路破损。", False),
        ("李庄村2队巷道不整洁。", False),
        ("中午时分办公室空无一人。", False),
        ("要求排查做到不漏一户。", False),
        ("换届调整一批、招聘一批。", False),
        # figures: 一 after 仅/只, or counted after its noun at a clause's end; a count that is none
        ("仅召开一次专题会议研究。", True),
        ("发现暴露垃圾点一处，未及时清理。", True),
        ("全年查办案件数为零。", True),
        # counter-probes: the indefinite article, 化整为零, a count of buildings
        ("存在一个突出问题。", False),
        ("采取化整为零的方式规避审批。", False),
        ("新建3栋楼。", True),
    ],
)
def test_round10_figure_shapes(problem: str, figure: bool) -> None:
    assert has_figure(problem) is figure


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        # in a report's narration 该镇 is the town the news is about: it does not make a sentence concrete
        ("此项活动是该镇的又一创新举措。", False),
        ("组织党员志愿者到东山村走访。", True),
    ],
)
def test_an_anaphor_names_a_case_only_in_a_problem(sentence: str, named: bool) -> None:
    assert has_named_unit(sentence, subjects=False) is named


@pytest.mark.parametrize(
    ("text", "category", "flagged"),
    [
        # one speaker after another: the meeting's procedure, no claim (round S, #1, #67, #75, #50)
        ("镇党委书记对各村书记的述职情况逐一做了点评。", "boilerplate", False),
        ("班子成员逐一作个人对照检查发言，其他同志一一进行批评帮助。", "boilerplate", False),
        ("各督导组逐一进行了反馈，提出了整改时限和要求。", "boilerplate", False),
        # counter-probe: the manner claimed in the same sentence is still judged
        (
            "随后，班子成员紧密联系思想和工作实际，分别进行对照检查，深刻查摆问题、剖析原因，并提出具体整改措施。",
            "boilerplate",
            True,
        ),
        # how a listener took notes (#68); a negated exhortation (#61)
        ("领导仔细倾听，认真记录要点。", "boilerplate", False),
        ("要不打折扣、不讲条件完成整改任务。", "hedging", False),
        ("落实上级部署打折扣、搞变通。", "hedging", True),
        # a problem found, vague in degree, is hedging — not 空话 (#34)
        ("农村基层党员干部侵害群众利益的违法乱纪问题突出。", "boilerplate", False),
        ("农村基层党员干部侵害群众利益的违法乱纪问题突出。", "hedging", True),
        # a purpose lead, its facts in the next sentence (#20–#22); without them it is stock
        (
            "为进一步提高基层党建工作水平，认真履行管党治党责任，不断推动全面从严治党向基层延伸。"
            "1月19日上午，街道党工委召开党组织书记述职评议会。",
            "boilerplate",
            False,
        ),
        (
            "为进一步提高基层党建工作水平，认真履行管党治党责任，不断推动全面从严治党向基层延伸。",
            "boilerplate",
            True,
        ),
    ],
)
def test_round_s_disagreements(linter: Linter, text: str, category: str, flagged: bool) -> None:
    assert (category in categories_on(linter, text)) is flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # the mark is the adverb and 把 — not a word cut in two (切实把各 of 各自: round S, #23); with the stock
        # words after its short object, one phrase marked once (round 13)
        ("切实把各自的问题找准找实。", ["切实把各自的问题找准找实"]),
        ("我们始终把政治建设摆在首位。", ["始终把政治建设摆在首位"]),
        ("切实把各级党组织和全体党员的问题找准找实。", ["切实把", "找准找实"]),
        # 牢牢把握 and 严格把关 are verbs; 扎实的作风 has no adverb to mark
        ("我们牢牢把握新时代党的建设总要求。", ["牢牢把握"]),
        ("各级党组织严格把关。", ["严格把关"]),
    ],
)
def test_a_stock_adverb_is_marked_without_cutting_a_word(linter: Linter, text: str, words: list[str]) -> None:
    assert sorted(
        f.match for f in linter.run(from_text(None, text)) if f.rule == "boilerplate-stock"
    ) == sorted(words)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # named documents listed are what “三单” are, no slogan (round S, #53); a slogan triplet still is
        ("对照“三单”，即反馈问题清单、责任清单、整改清单，逐项整改。", False),
        ("讲政治、顾大局、守纪律。", True),
    ],
)
def test_named_documents_listed_are_no_slogan(linter: Linter, text: str, flagged: bool) -> None:
    assert ("boilerplate-officialese" in {f.rule for f in linter.run(from_text(None, text))}) is flagged


def _findings(linter: Linter, text: str) -> list[tuple[str, str]]:
    return sorted((f.rule, f.message) for f in linter.run(from_text(None, text)))


def test_reported_speech_is_one_finding_a_sentence_listing_its_stock_words(linter: Linter) -> None:
    """会议强调，要……: the stock words of the speaker's words, gathered, with the advice for reported speech."""
    text = "会议强调，要高度重视基层党建工作，切实加强组织建设，不断提高政治站位。"
    found = _findings(linter, text)
    assert [rule for rule, _ in found] == ["boilerplate-reported"]
    assert "“高度重视”、“切实加强”" in found[0][1] and "不必照录" in found[0][1]


def test_reported_speech_goes_on_through_the_requirements_after_it(linter: Linter) -> None:
    found = _findings(linter, "他指出，要不断提高政治站位。要扎实推进整改落实。")
    assert [rule for rule, _ in found] == ["boilerplate-reported", "boilerplate-reported"]


def test_switching_the_rule_off_leaves_the_stock_findings_as_they_were() -> None:
    from pipeline.content.config import LintConfig

    off = Linter(LintConfig(disable=("boilerplate-reported",)))
    rules = {f.rule for f in off.run(from_text(None, "会议强调，要高度重视基层党建工作，切实加强组织建设。"))}
    assert rules and rules <= {
        "boilerplate-stock",
        "boilerplate-result",
        "boilerplate-frame",
        "boilerplate-officialese",
    }


@pytest.mark.parametrize(
    "text",
    [
        "会议强调，要在6月底前完成12个支部的换届。",  # the requirement is concrete: nothing stock
        "张书记说：“要高度重视基层党建工作。”",  # a quotation, judged elsewhere
    ],
)
def test_no_reported_finding_without_stock_words(linter: Linter, text: str) -> None:
    assert "boilerplate-reported" not in {rule for rule, _ in _findings(linter, text)}

"""Drafts that do not name their sections: a page with no heading, problems stated as headings, a
rectification with no 整改情况 heading, a 结语, an opening that introduces its text, a gap table, and a
numbered item whose parts carry no numbers — each placed by what it says, nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.wordimport.conserve import lost
from tests.wordimport.real_docs import Block, Spec
from tests.wordimport.real_figures import import_spec, standard_questions


def _spec(*blocks: str) -> Spec:
    spec = Spec(name="unheaded", unit=("某镇", "中共某镇委员会", "李明"))
    for block in blocks:
        kind, _sep, text = block.partition(" ")
        spec.blocks.append(Block(kind, text) if kind in ("T", "R") else Block("P", block))
    return spec


# (id, paragraphs, (problems, measures), what must be where: part → start of a paragraph)
CASES = [
    (
        "no heading at all",
        [
            "2025年，我镇围绕乡村振兴开展工作，现将有关情况报告如下。",
            "这一年，我们苦干实干，新建高标准农田1.2万亩，粮食总产稳定在3万吨。",
            "客观地看，同先进乡镇相比还存在一定的差距，集体经济还不强，产业链条还不长。",
            "究其原因，主要是思想不够解放。",
            "新的一年里，我镇将进一步深化改革，培育壮大集体经济。",
            "以上报告，请予审议。",
        ],
        (1, 1),
        {
            "opening": "2025年",
            "problems": "客观地看",
            "causes": "究其原因",
            "measures": "新的一年",
            "closing": "以上报告",
        },
    ),
    (
        "a page starting mid-report",
        ["与此同时，我区还注重做好双拥、档案、老龄等工作。", "一年来，全区发展质量进一步提高。"],
        (0, 0),
        {"answers": "与此同时"},
    ),
    (
        "problems stated as headings",
        [
            "一、制度执行不严格，形式化问题突出",
            "1. 制度落实不到位",
            "部分支部未能严格执行“三会一课”制度。",
            "2. 形式主义严重",
            "组织生活内容单一。",
            "二、监督机制不健全",
            "1. 监督缺位",
            "部分领导干部未以身作则。",
        ],
        (3, 0),
        {"problems": "一、制度执行不严格"},
    ),
    (
        "an introducing opening, problems as headings, a 结语",
        [
            "提升政治素质是一项重要任务，然而实际工作中仍存在一些问题，以下从几个方面探讨存在的主要问题。",
            "一、理论学习不够深入",
            "学习流于形式，理解不透彻。",
            "二、纪律意识淡薄",
            "个别成员自由散漫。",
            "结语",
            "综上所述，仍需继续努力克服上述问题。",
        ],
        (2, 0),
        {"opening": "提升政治素质", "closing": "综上所述"},
    ),
    (
        "a rectification with no 整改情况 heading",
        [
            "根据区委统一部署，区委巡察组对局党组进行了巡察。",
            "（一）在“贯彻落实上级决策部署不够有力”方面",
            "1.关于“意识形态工作责任制落实不到位”问题",
            "整改情况：修订实施细则，对23个阵地开展排查。",
            "2.关于“党员教育管理不严”问题",
            "整改情况：建立党员积分管理制度。",
        ],
        (2, 2),
        {"opening": "根据区委", "problems": "（一）在“贯彻", "measures": "整改情况：修订"},
    ),
    (
        "a gap table and plans under 精准施策",
        [
            "一、查找差距",
            "对照要求，存在以下差距：",
            "T 项目|现状描述|差距|改进方向",
            "R 理想信念|有时存在懈怠情绪|缺乏坚韧与执着|加强理论学习",
            "R 工作态度|遇到困难容易退缩|缺乏攻坚克难的决心|增强担当",
            "二、精准施策",
            "（一）每月开展一次专题学习。",
            "（二）建立攻坚任务清单。",
        ],
        (2, 4),
        {"problems": "对照要求", "measures": "每月开展"},
    ),
    (
        "a numbered problem whose parts carry no numbers; 挑战与问题",
        [
            "一、工作亮点",
            "1. 强化组织建设",
            "全年发展党员3名。",
            "二、挑战与问题",
            "1. 党员队伍建设",
            "但仍存在以下问题：",
            "党员老龄化：党员队伍中老龄化现象严重。",
            "党员能力不足：部分党员难以适应新要求。",
            "2. 产业发展困境",
            "产业同质化：缺乏特色和竞争力。",
        ],
        (2, 0),
        {"problems": "党员队伍建设"},
    ),
    (
        "a rectification report's 关于…问题 items with no label",
        [
            "现将审计指出问题的整改情况报告如下：",
            "一、关于专项资金沉淀未及时上缴财政的问题",
            "已于2023年5月将沉淀资金全部上缴财政。",
            "二、关于部分项目违规采购的问题",
            "修订采购管理办法，明确4种情形不得使用单一来源方式采购。",
        ],
        (2, 2),
        {"problems": "关于专项资金", "measures": "已于2023年5月"},
    ),
    (
        "关于…问题 headings in a report that is no rectification",
        ["现将本年度工作情况报告如下：", "一、关于支部建设的问题", "全年新建党支部3个，发展党员5名。"],
        (0, 0),
        {"answers": "全年新建党支部"},
    ),
    (
        "problem headings right under a heading nothing names",
        [
            "一、学习研讨方面（6条）",
            "1.学习深度不足，流于表面化",
            "部分单位仅通过读文件、念原文开展学习。",
            "2.研讨质量不高，缺乏思想碰撞",
            "党员干部发言多为照本宣科。",
        ],
        (2, 0),
        {"problems": "部分单位仅通过"},
    ),
    (
        "a lead-in inside a problem; an outline 1.2 stating a problem after the measures",
        [
            "一、政治建设方面存在的问题",
            "1.1 政治站位不高，党的领导弱化",
            "部分单位学习不深入、不系统。",
            "典型案例：某省巡视反馈指出学习不够深入，具体表现为：",
            "中心组全年仅学习6次。",
            "整改方向",
            "1. 建立理论学习长效机制。",
            "2. 完善党委议事规则。",
            "1.2 政治纪律和政治规矩执行不严",
            "重大事项请示报告制度执行不到位。",
        ],
        (2, 2),
        {"problems": "典型案例", "measures": "建立理论学习"},
    ),
    (
        "no heading: a preface crediting others stays with the opening; one with figures is work",
        [
            "尊敬的各位领导、同事：",
            "根据局党组的安排，我现在就本学年度工作向各位做述职报告，请予审议。",
            "说实在的，没做什么惊天动地的大事，如果说有些成效，那肯定是领导与同事理解支持、精诚合作的结果。",
            "我坚持每周至少两次夜间督寝，经常走访教师备课室。",
        ],
        (0, 0),
        {"opening": "说实在的", "answers": "我坚持每周"},
    ),
    (
        "no heading: credit to others told with figures is work done, not a preface",
        [
            "尊敬的各位领导、同事：",
            "根据局党组的安排，我现在就本学年度工作向各位做述职报告，请予审议。",
            "全校升学率达到96%，这些成绩的取得是全体教师共同努力的结果。",
        ],
        (0, 0),
        {"answers": "全校升学率"},
    ),
    (
        "no heading: the meeting that heard the report, a closing that makes it public",
        [
            "根据区委部署，区委巡察组对4家单位开展了常规巡察。",
            "2023年1月17日，区委常委会会议听取了巡察整改进展情况报告。",
            "巡察反馈的697个问题，已完成整改688个，完善和新建制度589项。",
            "现将整改进展情况向社会公开，接受干部群众监督。",
        ],
        (0, 0),
        {"opening": "2023年1月17日", "answers": "巡察反馈的697", "closing": "现将整改进展"},
    ),
]


@pytest.mark.parametrize(("paras", "counts", "where"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_placed_by_what_it_says(
    paras: list[str], counts: tuple[int, int], where: dict[str, str], tmp_path: Path
) -> None:
    result = import_spec(_spec("对照检查材料", *paras), tmp_path, standard_questions())
    report = result.report
    assert (len(report.problems), len(report.measures)) == counts
    parts = {
        "opening": report.opening or "",
        "closing": report.closing or "",
        "causes": report.causes or "",
        "problems": "\n".join(f"{p.text}\n{p.cause or ''}" for p in report.problems),
        "measures": "\n".join(m.text for m in report.measures),
        "answers": "\n".join(a.text for area in report.areas for a in area.answers),
    }
    for part, start in where.items():
        assert start in parts[part], (part, parts[part])
    assert report.unplaced == ()
    assert lost(result.paragraphs, result.collected, report) == []

"""What a paragraph says when no heading tells: a shortcoming, a cause, a plan, a closing — or work done.

Real drafts do not always name their sections.  A page of a report may run on without a heading (这一年，
我们…; 客观地看，…还存在一定的差距…), and a self-criticism may state each group of problems as its
heading (一、制度执行不严格，形式化问题突出) with no problem noun a section name would have.  What the
writer meant is then in the sentence itself:

- a **shortcoming** is said by its predicate — 不严格, 不到位, 不够, 薄弱, 缺乏, 淡薄, 脱节, 有待加强 … —
  or by a gap frame (存在…差距/不足/问题, 还有…短板), whatever the noun it is said of;
- a **cause** opens with a causal frame (究其原因, 原因在于, 根源在于, 从思想上看);
- a **plan** opens with a future or remedial frame (下一步, 今后, 新的一年, 为此…将);
- a **closing** opens with 以上…, 特此报告, 总之, 综上, or makes the text public for supervision
  (现将…向社会公开，接受…监督);
- anything else is work done.

A predicate after a solving verb (解决…不到位的问题, 针对薄弱环节) is what was remedied, not a shortcoming.
"""

from __future__ import annotations

import re

# predicates of a shortcoming: what is said of anything found lacking
SHORTCOMING = re.compile(
    r"不(?:严格|到位|够|足|强|高|深|实|细|力|严|透|牢|紧|健全|完善|规范|充分|突出|扎实|平衡|积极|主动|明显|坚定|适应)"
    r"|薄弱|弱化|淡薄|淡化|缺乏|缺失|缺位|欠缺|滞后|脱节|松懈|懈怠|流于形式|形式化|表面化|走过场|虚化|乏力"
    r"|有待(?:加强|提高|提升|改进)|亟待|偏低|较低|单一|空泛|动摇|退缩|避重就轻"
    r"|(?:性|度|率|水平|能力|意识|氛围)(?:低|弱|差)"  # 积极性低, 能力弱
    r"|未能|(?:还|仍|尚)(?:需|待)(?:进一步|持续)?(?:加强|提高|提升|改进|健全|完善|用力)"  # 尚需健全
)
# a gap frame: 存在一定的差距 / 还有不少短板 / 仍有…不足
GAP = re.compile(
    r"(?:存在|还有|仍有|尚有|暴露出?)[^。；]{0,20}?(?:差距|不足|问题|短板|弱项|薄弱环节|现象|倾向)"
)
# verbs whose object is the shortcoming remedied, not one found
_REMEDY = re.compile(r"解决|破解|化解|整治|纠治|针对|克服|补齐|弥补|扭转|改变|防止|避免|杜绝|整改")
CAUSE_FRAME = re.compile(
    r"^(?:究其原因|分析原因|原因(?:在于|是|主要)|根源在于|问题的根源|从[^，。]{1,8}上(?:看|讲|分析)[，,])"
)
PLAN_FRAME = re.compile(
    r"^(?:下一步|下步|下阶段|今后|新的一年|明年|来年|未来|为此|接下来)[^。]{0,30}?(?:将|要|把|继续|进一步|坚持|持续|着力)"
    r"|^(?:针对|对照|围绕|就)(?:上述|以上|这些|存在的|查摆出?的)(?:问题|不足|差距|短板)"  # 针对上述问题，…改进：
)
CLOSING_FRAME = re.compile(r"^(?:以上(?:报告|述职|汇报)|特此报告|请予审议|不妥之处|总之|综上|总而言之)")
# a notice's last words: the text is made public for supervision (现将…向社会公开，接受干部群众监督)
PUBLIC_CLOSING = re.compile(r"(?:公开|公布)[^。]{0,12}(?:接受|欢迎)[^。]{0,16}监督")
# the occasion of the report itself (…常委会第57次会议听取了…整改进展情况报告): background, like the opening
REPORT_OCCASION = re.compile(r"(?:听取|审议)了?[^。]{0,40}报告")
# a preface crediting others with what was achieved (如果说有些成效，那肯定是…支持、…合作的结果): said
# before the work is told, it belongs to the opening, not to an answer
CREDITS_OTHERS = re.compile(
    r"(?:成效|成绩|成果|进步)[^。！？]{0,30}?(?:是|离不开|得益于|归功于|归因于)[^。！？]{0,40}?(?:结果|支持|帮助|关心|努力)"
)
# a paragraph that refers back to text before it cannot open a document
CONTINUES = re.compile(r"^(?:与此同时|同时|此外|另外|而且|再者|其次|最后|还有)[，,]")
# a text's first paragraph that speaks of the text itself (以下从几个方面探讨…) is its opening, even
# when it also says problems follow
INTRODUCES = re.compile(r"以下|下面|本文|如下|探讨|试从|谈谈")
# a heading that ends the body: what follows it is the closing
CLOSING_HEADINGS = ("结语", "结束语", "结尾", "尾语")


def _predicates(text: str) -> list[re.Match[str]]:
    """The shortcoming predicates of ``text`` not governed by a solving verb earlier in their clause."""
    found = []
    for match in SHORTCOMING.finditer(text):
        clause_start = max(text.rfind(mark, 0, match.start()) for mark in "，,。；;：:")
        if not _REMEDY.search(text[clause_start + 1 : match.start()]):
            found.append(match)
    return found


def states_shortcoming(text: str) -> str:
    """The predicate by which a short statement (a heading) says something is lacking, else ""."""
    found = _predicates(text)
    return found[0].group(0) if found else ""


def is_preface(text: str) -> bool:
    """Whether a paragraph (before any content) is background to the report: the occasion it is heard
    at, or a preface crediting others that tells no work of its own (no figure)."""
    if REPORT_OCCASION.search(text):
        return True
    return CREDITS_OTHERS.search(text) is not None and not re.search(r"\d", text)


def paragraph_kind(text: str) -> str:
    """What a paragraph with no heading over it is: "closing", "causes", "measure", "problem" or "work"."""
    if CLOSING_FRAME.match(text) or PUBLIC_CLOSING.search(text):
        return "closing"
    if CAUSE_FRAME.match(text):
        return "causes"
    if PLAN_FRAME.match(text):
        return "measure"
    gap = next(
        (m for m in GAP.finditer(text) if not _REMEDY.search(text[max(0, m.start() - 8) : m.start()])), None
    )
    if gap is not None or len(_predicates(text)) >= 2:
        return "problem"
    return "work"


def is_closing_heading(text: str) -> bool:
    """结语 / 结束语: a heading after which the text is the closing."""
    return re.sub(r"[\s：:。]", "", text) in CLOSING_HEADINGS

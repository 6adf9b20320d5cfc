"""Where a text reports what someone said without quoting it: ``会议强调，要……``, ``他指出，……``,
``张福军强调，……。要……`` — the requirements and the praise of a meeting's speaker, as news of the meeting
gives them.

A reviewer reads the stock words of such a passage as the speaker's, which its writer cannot make
concrete — only leave out (round U of issue 13: 59 of 159 findings on whole documents were on reported
speech, every one judged a disagreement as an ordinary finding). The lint gathers them into one finding
per reported sentence, with the advice that fits (``boilerplate-reported``).

A passage is reported speech from a frame — a speaker and a verb of saying closed by a comma or a colon
(``会议强调，``, ``他要求：``), or a verb of saying followed by 要 (``……精神，强调要坚持……``) — to the end of
its sentence, and on through the sentences after it in the same paragraph (news of a meeting gives a
speech its paragraph: ``要深化问题剖析……``, ``二要……``, ``切实强化……``) until one turns back to the narration
(``会上……``, ``随后……``, ``3月5日……``). The writer's own words (``我认为，``, ``我们要求，``) and quotations
(judged elsewhere) are not reported speech.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.lint.concrete import sentences as split_sentences

# the verbs of saying; the frame is decided around each (:func:`_frame_end`), the speaker being the at most 40
# characters before it in its sentence — a scan for the verbs first, so the regex engine skips to them
_VERB = re.compile(r"强调|指出|表示|提出|认为|希望|号召|寄语|坦言|说道|说|要求")
_SPEAKER_REACH = 40
_QUOTE_NEXT = re.compile(r"\s*[“\"「]")  # a quotation follows: judged as one, not as reported speech
_AFTER_CLAUSE = re.compile(r"[，,](?:并|同时|还)?$")  # the verb opens its clause after the speaker's last one
_OBJECT_THEN_MUST = re.compile(r"[^，,。；;：:]{1,12}?要")  # 他要求各支部书记要……
_COUNTED_DEMANDS = re.compile(r"[^，,。；;：:]{0,10}要求[：:]")  # 他对……提出六点要求：一要……
# 要求 is a verb after its speaker (会议要求，他要求，省委组织部要求，反馈要求) — after anything else it is the noun
# (部署要求，整改要求，上级要求，提出……要求: what was required, not who speaks)
_SPEAKER_BEFORE_DEMAND = re.compile(
    r"(?:会议|会上|他|她|他们|书记|长|主任|部|委|组|领导|同志|员|府|局|反馈|人|席|厅|办)$"
)
# … not the writer speaking (我认为，我们要求，笔者认为), nor a requirement followed (按照上级要求，……;
# 践行“三严三实”要求，……; 按照“一社区一特色”的要求，……: 要求 the noun, what the writer did by it)
_NOT_SPEAKER = re.compile(
    r"我|本人|笔者|咱们|的$|”$"
    r"|(?:按照|根据|依据|依照|遵照|对照|落实|贯彻|践行|遵循|符合|达到|按|结合|围绕|针对)[^，,]*$"
)
# … nor the writer's own 说 (可以说，; 总的来说，; 换句话说，): a way of putting it, no speaker (round V of issue 13,
# #91 — found after the round was judged)
_WRITER_SAYS = re.compile(
    r"(?:可以|可|应该|应当|不妨|总的来|总体来|换句话|老实|坦白|这样|那么|也就是|简单地?|确切地?|一般来|具体来)$"
)
# the speaker's words go on to the end of their paragraph (news of a meeting gives a speech a paragraph),
# unless a sentence turns back to the narration (会上……, 随后……, 截至……, 3月5日……) or to the writer (我们……)
_BACK_TO_NARRATION = re.compile(
    r"\s*(?:会议|会上|会后|会前|大会|随后|此外|另外|据悉|据了解|截至|目前|本次|此次|活动|我们|我|本人|[0-9０-９])"
)
# … or the writer speaks of themself anywhere in it (面对这种情况，我确实压力很大; 也有人说，……，但我不这么认为): a
# first-person report answering what others said or demanded — not 我们 (the speaker's "we"), 我国, 我市, 我校 …
# (round X of issue 13, #13, #33)
_WRITER = re.compile(r"我(?![们国省市县区镇乡校院局州村所党军委司厂行])|本人|笔者")


def _frame_end(sentence: str) -> int | None:
    """Where the reported words begin in ``sentence`` (after its frame), or None if it has none: a verb of
    saying closed by a comma or a colon (会议强调，), before 要 (强调要……), opening its clause after the
    speaker's last one (……成绩，要求在……), before its object's 要 (他要求各支部书记要……), or requirements
    counted and listed (提出六点要求：)."""
    for match in _VERB.finditer(sentence):
        verb, at = match.group(0), match.end()
        if sentence.startswith("了", at):
            at += 1
        lead = sentence[max(0, match.start() - _SPEAKER_REACH) : match.start()]
        after_clause = _AFTER_CLAUSE.search(lead) is not None
        following = sentence[at : at + 1]
        end = None
        if following and following in "，,：:" and not _QUOTE_NEXT.match(sentence, at + 1):
            if verb != "说" or lead[-1:] not in ("不", "听"):
                end = at + 1
        elif verb in ("强调", "指出", "要求") and following == "要":
            end = at
        elif verb in ("强调", "指出", "要求") and after_clause and following and following not in "的，,：:":
            end = at
        elif verb == "要求" and _OBJECT_THEN_MUST.match(sentence, at):
            end = at
        elif verb == "提出":
            counted = _COUNTED_DEMANDS.match(sentence, at)
            end = counted.end() if counted else None
        if end is None or _NOT_SPEAKER.search(lead) or (verb == "说" and _WRITER_SAYS.search(lead)):
            continue
        demand = verb == "要求" and not after_clause
        if demand and not _SPEAKER_BEFORE_DEMAND.search(lead):
            continue
        return end
    return None


def reported_spans(text: str, sentences: Sequence[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """The stretches of ``text`` that report someone's words unquoted: ``(start, end)`` each, from the
    end of the frame to the end of its sentence, and each following sentence that goes on with them.
    ``sentences`` are the text's sentences as ``(start, end)`` if the caller has them already."""
    if not any(
        verb in text for verb in ("强调", "指出", "要求", "表示", "提出", "认为", "希望", "号召", "说")
    ):
        return []
    out: list[tuple[int, int]] = []
    going_on, last = False, 0
    spans = sentences if sentences is not None else [(s.start, s.end) for s in split_sentences(text)]
    for start, end in spans:
        sentence = text[start:end]
        if "\n" in text[last:start]:
            going_on = False  # a new paragraph: the speaker's words end with the last one
        last = end
        begins = _frame_end(sentence)
        if going_on and begins is None and not _BACK_TO_NARRATION.match(sentence):
            going_on = _WRITER.search(sentence) is None
            if going_on:
                out.append((start, end))
            continue
        going_on = begins is not None and begins < len(sentence.rstrip("。！？；!?;\n "))
        if going_on and begins is not None:
            out.append((start + begins, end))
            # the writer answering in the frame's own sentence (……，但我不这么认为): the words end with it
            going_on = _WRITER.search(sentence, begins) is None
    return out

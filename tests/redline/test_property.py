"""Property: for random Chinese/English documents with tables and random edit scripts, accept-all
of the redline gives the new texts and reject-all the old texts; the output is deterministic."""

from __future__ import annotations

from helpers import accepted, rejected, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.docx_text import paragraph_texts
from support.handmade import make_docx, p, r, tbl, tr

# ⇥ and ↵ become w:tab and w:br runs; * toggles bold (so edits also make formatting-only changes).
ALPHABET = st.sampled_from(
    list("党建工作责任落实检查问题整改支部党员制度监督基层组织，。；、：0123456789 abcXYZ👍⇥↵*")
)
_ATOMS = {"⇥": "<w:r><w:tab/></w:r>", "↵": "<w:r><w:br/></w:r>"}


def _runs(text: str, bold: bool = False) -> list[str]:
    """Run XML for ``text``: atoms for ⇥/↵, bold toggled at each *."""
    runs: list[str] = []
    buffer = ""
    for char in text + "*":
        if char in _ATOMS or char == "*":
            if buffer:
                runs.append(r(buffer, "<w:b/>" if bold else ""))
                buffer = ""
            if char == "*":
                bold = not bold
            else:
                runs.append(_ATOMS[char])
        else:
            buffer += char
    return runs


TEXT = st.text(ALPHABET, max_size=40)
TABLE = st.integers(1, 3).flatmap(
    lambda cols: st.lists(st.lists(TEXT, min_size=cols, max_size=cols), min_size=1, max_size=4)
)
BLOCK = st.one_of(
    TEXT.map(lambda t: ("p", t)),
    TEXT.map(lambda t: ("b", t)),
    TEXT.map(lambda t: ("h", t)),
    TABLE.map(lambda rows: ("t", rows)),
)
DOC = st.lists(BLOCK, min_size=1, max_size=12)


def _xml(blocks: list[tuple]) -> str:
    out = []
    for kind, value in blocks:
        if kind == "p":
            out.append(p(*_runs(value)))
        elif kind == "b":
            out.append(p(*_runs(value, bold=True)))
        elif kind == "h":
            out.append(p(*_runs(value), ppr='<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'))
        else:
            out.append(tbl(*(tr(*(p(*_runs(c)) for c in row)) for row in value), cols=len(value[0])))
    # Word and python-docx always end a body with a paragraph.
    return "".join(out) + p("")


def _edit_text(data: st.DataObject, text: str) -> str:
    start = data.draw(st.integers(0, len(text)))
    stop = data.draw(st.integers(start, min(len(text), start + 5)))
    return text[:start] + data.draw(st.text(ALPHABET, max_size=4)) + text[stop:]


def _edit(data: st.DataObject, blocks: list[tuple]) -> list[tuple]:
    blocks = [(k, [list(row) for row in v] if k == "t" else v) for k, v in blocks]
    for _ in range(data.draw(st.integers(1, 6))):
        action = data.draw(st.sampled_from(["text", "insert", "delete", "move", "restyle", "cell", "row"]))
        index = data.draw(st.integers(0, max(len(blocks) - 1, 0)))
        if action == "insert" or not blocks:
            blocks.insert(index, data.draw(BLOCK))
            continue
        kind, value = blocks[index]
        if action == "delete" and len(blocks) > 1:
            blocks.pop(index)
        elif action == "move":
            blocks.insert(data.draw(st.integers(0, len(blocks) - 1)), blocks.pop(index))
        elif kind == "t" and action == "cell":
            row = data.draw(st.integers(0, len(value) - 1))
            col = data.draw(st.integers(0, len(value[row]) - 1))
            value[row][col] = _edit_text(data, value[row][col])
        elif kind == "t" and action == "row":
            if data.draw(st.booleans()) and len(value) > 1:
                value.pop(data.draw(st.integers(0, len(value) - 1)))
            else:
                value.insert(
                    data.draw(st.integers(0, len(value))), [data.draw(TEXT) for _ in range(len(value[0]))]
                )
        elif kind != "t" and action == "restyle":
            blocks[index] = (data.draw(st.sampled_from(["p", "b", "h"])), value)
        elif kind != "t":
            blocks[index] = (kind, _edit_text(data, value))
    return blocks


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOC, st.data())
def test_accept_gives_new_reject_gives_old(blocks: list[tuple], data: st.DataObject) -> None:
    old = make_docx(_xml(blocks))
    new = make_docx(_xml(_edit(data, blocks)))
    result = run(old, new)
    assert accepted(result.docx) == paragraph_texts(new)
    assert rejected(result.docx) == paragraph_texts(old)
    assert run(old, new).docx == result.docx

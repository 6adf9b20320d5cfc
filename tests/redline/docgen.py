"""Generated document pairs for the redline tests: python-docx documents and edit scripts."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass

import docx

WORDS = (
    "党建",
    "工作",
    "责任",
    "落实",
    "检查",
    "问题",
    "整改",
    "支部",
    "党员",
    "制度",
    "监督",
    "基层",
    "组织",
    "学习",
    "教育",
    "考核",
    "海关",
    "廉政",
    "作风",
    "会议",
    "推进",
    "完善",
    "加强",
    "开展",
)
LATIN = ("OA", "system", "PDCA", "KPI", "review", "Word")
PUNCT = "，。；、：！？"


def sentence(rng: random.Random, length: int) -> str:
    """Random Chinese text with some figures, Latin words and punctuation, about ``length`` chars."""
    out: list[str] = []
    size = 0
    while size < length:
        roll = rng.random()
        piece = (
            str(rng.randint(1, 999)) + rng.choice("次个项名")
            if roll < 0.08
            else f" {rng.choice(LATIN)} "
            if roll < 0.12
            else rng.choice(PUNCT)
            if roll < 0.25
            else rng.choice(WORDS)
        )
        out.append(piece)
        size += len(piece)
    return "".join(out)


@dataclass
class Spec:
    """A document: a list of ("h", text) / ("p", text) / ("t", rows of cell texts) items."""

    items: list[tuple]


def build(spec: Spec) -> bytes:
    """The .docx bytes of ``spec`` (python-docx default template)."""
    document = docx.Document()
    for kind, value in spec.items:
        if kind == "h":
            document.add_paragraph(value, style="Heading 1")
        elif kind == "p":
            document.add_paragraph(value)
        elif kind == "b":
            document.add_paragraph().add_run(value).bold = True
        else:
            table = document.add_table(rows=len(value), cols=len(value[0]))
            for row, texts in zip(table.rows, value, strict=False):
                for cell, text in zip(row.cells, texts, strict=False):
                    cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def texts(spec: Spec) -> list[str]:
    """Paragraph texts of ``spec`` in document order, table cells included."""
    out: list[str] = []
    for kind, value in spec.items:
        if kind == "t":
            out.extend(text for row in value for text in row)
        else:
            out.append(value)
    return out


def report(rng: random.Random, paragraphs: int, chars: int = 80, table_rows: int = 4) -> Spec:
    """A report-like document: headings every ~10 paragraphs and one table."""
    items: list[tuple] = []
    for index in range(paragraphs):
        if index % 10 == 0:
            items.append(("h", f"{index // 10 + 1}、" + sentence(rng, 8)))
        items.append(("p", sentence(rng, chars)))
        if index == paragraphs // 2:
            items.append(("t", [[sentence(rng, 6) for _ in range(3)] for _ in range(table_rows)]))
    return Spec(items)


def edit_text(rng: random.Random, text: str) -> str:
    """One small random edit: replace, insert or delete a word."""
    pos = rng.randrange(len(text) + 1)
    roll = rng.random()
    if roll < 0.4 and text:
        return text[:pos] + rng.choice(WORDS) + text[pos + 2 :]
    if roll < 0.7:
        return text[:pos] + rng.choice(WORDS + tuple(PUNCT)) + text[pos:]
    return text[:pos] + text[pos + 3 :]


def edited(rng: random.Random, spec: Spec, rate: float = 0.1) -> Spec:
    """``spec`` with about ``rate`` of its paragraphs edited, some inserted, deleted or moved."""
    items: list[tuple] = []
    for kind, value in spec.items:
        roll = rng.random()
        if kind == "t":
            rows = [list(r) for r in value]
            if roll < 0.5:
                rows[rng.randrange(len(rows))][0] = edit_text(rng, rows[0][0])
            if roll < 0.3:
                rows.insert(rng.randrange(len(rows) + 1), [sentence(rng, 6) for _ in range(len(rows[0]))])
            items.append((kind, rows))
        elif roll < rate * 0.6:
            items.append((kind, edit_text(rng, value)))
        elif roll < rate * 0.75:
            continue
        elif roll < rate * 0.9:
            items.append((kind, value))
            items.append(("p", sentence(rng, 40)))
        else:
            items.append((kind, value))
    if len(items) > 6 and rng.random() < 0.5:
        moved = items.pop(2)
        if moved[0] == "p":
            items.insert(len(items) - 2, moved)
        else:
            items.insert(2, moved)
    return Spec(items)

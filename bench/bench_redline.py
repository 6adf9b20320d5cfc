"""Benchmark: ``shuzhi redline`` against every redline engine on PyPI, on generated Chinese documents.

For 50, 500, 2,000 and 10,000 paragraphs (about 80 Chinese characters each, with a table) a pair of
documents is generated with python-docx, about 10% of the paragraphs edited (a character or word
changed, a figure changed, a phrase added or removed, a paragraph inserted or deleted, a table
cell edited).  Every engine is timed as a whole process, the way a user runs it (best and median
of 3 rounds, each round running the floor and every engine once in turn, so that a busy moment of a
shared machine falls on all of them alike, and of 6 more rounds for what takes under a second: the
close race), in the same run on the same pairs; peak memory (max RSS) of each process comes from
``wait4``.  The engines (the ``bench`` extra installs them):
python-redlines' Docxodus and WmlComparer (Open-XML-PowerTools), docx-trackdiff, jubarte-redlines;
docx-redline needs Python 3.12 and is shown as n/a on older interpreters.

The **I/O floor** is what any engine must do: a Python process that unzips both packages, parses
their ``word/document.xml``, serialises one and writes the zip.  ``× floor`` is our time over it.

**Marked characters** (on each pair): the characters inside ``w:ins``/``w:del``/``w:moveFrom``/
``w:moveTo`` of each engine's output — fewer means finer marks — and whether the pure-Python
oracle's Accept All / Reject All of that output gives the new / old paragraph texts.

Our package is byte-compiled first, as an installed one is (pip compiles a wheel's modules; the
peers' are): with ``PYTHONDONTWRITEBYTECODE`` set, an editable checkout would otherwise compile
every module from source on every run (~25 ms of a small redline).

Run: ``python bench/bench_redline.py [--quick] [--runs N]`` (or ``make bench``); ``--quick`` stops at
2,000; ``--runs`` sets how many runs each figure is the best of (3).
"""

from __future__ import annotations

import io
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SIZES = (50, 500, 2000, 10000)
FLOOR = "I/O floor"
RUNS = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
EXTRA_ROUNDS = 6  # more rounds for the quick commands (see time_round_robin)
QUICK_SECONDS = 1.0
EDIT_RATE = 0.10
SEED = 20240601
PHRASES = [
    "坚持以党的政治建设为统领",
    "认真落实全面从严治党主体责任",
    "深入开展主题教育",
    "推动基层党组织标准化规范化建设",
    "严格落实三会一课制度",
    "加强干部队伍作风建设",
    "聚焦监管主责主业",
    "压实一岗双责",
    "持续优化口岸营商环境",
    "扎实推进党风廉政建设",
    "强化理论武装",
    "健全完善长效机制",
    "深化党建与业务融合",
    "切实解决群众急难愁盼问题",
    "全面提升监管效能",
    "发挥党员先锋模范作用",
]
MEASURES = ["次", "项", "名", "个", "条", "家", "期", "场"]
PY_REDLINES = """
import sys, warnings
from pathlib import Path
warnings.simplefilter("ignore")
import python_redlines
engine = getattr(python_redlines, sys.argv[1])()
out, _, _ = engine.run_redline("bench", Path(sys.argv[2]), Path(sys.argv[3]))
Path(sys.argv[4]).write_bytes(out)
"""
IO_FLOOR = """
import io, sys, zipfile
from lxml import etree
packages = []
for path in sys.argv[1:3]:
    with zipfile.ZipFile(path) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    parts["word/document.xml"] = etree.tostring(etree.fromstring(parts["word/document.xml"]))
    packages.append(parts)
with zipfile.ZipFile(sys.argv[3], "w", zipfile.ZIP_DEFLATED) as archive:
    for name, data in packages[1].items():
        archive.writestr(name, data)
"""


def paragraph(rng: random.Random) -> str:
    """About 80 characters of plausible report prose with one or two figures."""
    parts: list[str] = []
    while sum(map(len, parts)) < 72:
        phrase = rng.choice(PHRASES)
        if rng.random() < 0.3:
            phrase += f"，全年开展{rng.randint(2, 99)}{rng.choice(MEASURES)}"
        parts.append(phrase)
    return "，".join(parts) + "。"


def edit(text: str, rng: random.Random) -> str:
    """A small edit: a character replaced, a figure changed, a phrase added or removed."""
    kind = rng.choice(("char", "figure", "phrase", "cut"))
    if kind == "figure":
        digits = [i for i, c in enumerate(text) if c.isdigit()]
        if digits:
            i = rng.choice(digits)
            return text[:i] + str((int(text[i]) + rng.randint(1, 8)) % 10) + text[i + 1 :]
    if kind == "phrase":
        i = text.find("，")
        return text[: i + 1] + rng.choice(PHRASES) + text[i:] if i > 0 else text + rng.choice(PHRASES)
    if kind == "cut" and "，" in text:
        return text.partition("，")[2]
    i = rng.randrange(len(text) - 1)
    return text[:i] + rng.choice("党建监管作风实效机制责任") + text[i + 1 :]


def make_pair(n: int, folder: Path) -> tuple[Path, Path, int]:
    """Write old.docx and new.docx with ``n`` paragraphs; return their paths and the character count."""
    from docx import Document

    rng = random.Random(SEED + n)
    old = [paragraph(rng) for _ in range(n)]
    new: list[str] = []
    for text in old:
        roll = rng.random()
        if roll < EDIT_RATE * 0.7:
            new.append(edit(text, rng))
        elif roll < EDIT_RATE * 0.85:
            continue  # deleted paragraph
        elif roll < EDIT_RATE:
            new += [text, paragraph(rng)]  # inserted paragraph
        else:
            new.append(text)
    rows = [[f"指标{i}", f"{rng.randint(10, 999)}", rng.choice(PHRASES)] for i in range(8)]
    new_rows = [list(r) for r in rows]
    new_rows[3][1] = str(int(rows[3][1]) + 7)
    paths = []
    for name, texts, table_rows in (("old", old, rows), ("new", new, new_rows)):
        document = Document()
        document.add_heading(f"基准测试文档（{n}段）", 1)
        for i, text in enumerate(texts):
            document.add_paragraph(text)
            if i == len(texts) // 2:
                table = document.add_table(rows=len(table_rows), cols=3)
                for r, row in enumerate(table_rows):
                    for c, value in enumerate(row):
                        table.cell(r, c).text = value
        path = folder / f"{name}-{n}.docx"
        document.save(str(path))
        paths.append(path)
    return paths[0], paths[1], sum(map(len, old))


@dataclass
class Timing:
    """Wall and CPU (user+sys) times (s) of the runs, the largest peak RSS (MB), or why it could not run."""

    times: list[float]
    cpus: list[float]
    peak_mb: float
    error: str = ""

    @property
    def best(self) -> float:
        return min(self.times)

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def run_process(argv: list[str]) -> tuple[float, float, float, int, str]:
    """Run ``argv``; return wall seconds, CPU seconds, peak RSS in MB (of this child), exit status, stderr."""
    import time

    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        message = err.read().decode("utf-8", "replace").strip()
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode, message


def run_once(argv: list[str], output: Path, timing: Timing) -> None:
    """One whole-process run of ``argv`` added to ``timing``; a failed run sets its error."""
    output.unlink(missing_ok=True)
    elapsed, cpu, rss, code, stderr = run_process(argv)
    if code != 0 or not output.exists():
        timing.error = (stderr.splitlines() or [f"exit {code}"])[-1][:100]
        return
    timing.times.append(elapsed)
    timing.cpus.append(cpu)
    timing.peak_mb = max(timing.peak_mb, rss)


def time_round_robin(commands: dict[str, tuple[list[str], Path]]) -> dict[str, Timing]:
    """:data:`RUNS` rounds, each running every command once in turn: a busy moment of a shared machine
    falls on every engine alike, not on one engine's three runs.  Then :data:`EXTRA_ROUNDS` more for
    the commands that took under :data:`QUICK_SECONDS`: where engines are within a few per cent of
    each other (ours, docx-trackdiff, the floor) three samples decide nothing on a busy machine, and
    the slow engines' extra runs would cost minutes to change no ratio."""
    timings = {name: Timing([], [], 0.0) for name in commands}
    for round_number in range(RUNS + EXTRA_ROUNDS):
        for name, (argv, output) in commands.items():
            timing = timings[name]
            if timing.error or (round_number >= RUNS and (not timing.times or timing.best >= QUICK_SECONDS)):
                continue
            run_once(argv, output, timing)
    return timings


def _bin(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    return str(found) if found.exists() else (shutil.which(name) or name)


@dataclass(frozen=True)
class Engine:
    """A redline engine: its name, how to run it (old, new, out → argv) and why it cannot run here."""

    name: str
    argv: Callable[[Path, Path, Path], list[str]]
    problem: Callable[[], str]


def _module_problem(module: str, hint: str, check: str = "") -> Callable[[], str]:
    def problem() -> str:
        code = f"import {module}" + (f"; {check}" if check else "")
        done = subprocess.run([sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True)
        if done.returncode:
            last = (done.stderr.strip().splitlines() or ["failed"])[-1]
            return f"{last[:90]} ({hint})"
        return ""

    return problem


ENGINES = [
    Engine(
        "shuzhi",
        lambda o, n, out: [_bin("shuzhi"), "redline", str(o), str(n), "-o", str(out)],
        _module_problem("pipeline.redline.api", "pip install -e ."),
    ),
    Engine(
        "Docxodus",
        lambda o, n, out: [sys.executable, "-c", PY_REDLINES, "DocxodusEngine", str(o), str(n), str(out)],
        _module_problem("python_redlines", "pip install '.[bench]'", "python_redlines.DocxodusEngine()"),
    ),
    Engine(
        "WmlComparer",
        lambda o, n, out: [
            sys.executable,
            "-c",
            PY_REDLINES,
            "XmlPowerToolsEngine",
            str(o),
            str(n),
            str(out),
        ],
        _module_problem("python_redlines", "pip install '.[bench]'", "python_redlines.XmlPowerToolsEngine()"),
    ),
    Engine(
        "docx-trackdiff",
        lambda o, n, out: [
            _bin("docx-trackdiff"),
            str(o),
            str(n),
            str(out),
            "--date",
            "2026-01-01T00:00:00Z",
        ],
        _module_problem("docx_trackdiff", "pip install '.[bench]'"),
    ),
    Engine(
        "jubarte",
        lambda o, n, out: [_bin("jubarte-redlines"), "redline", str(o), str(n), "-o", str(out), "--force"],
        _module_problem("jubarte_redlines", "pip install '.[bench]'"),
    ),
    Engine(
        "docx-redline",
        lambda o, n, out: [sys.executable, "-m", "docx_redline", str(o), str(n), str(out)],
        _module_problem("docx_redline", "needs Python 3.12; pip install docx-redline"),
    ),
]


def marked_characters(docx: bytes) -> int:
    """Characters inside tracked insertions, deletions and moves of a redline."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    texts = root.xpath(
        "//w:ins//w:t|//w:moveTo//w:t|//w:del//w:delText|//w:moveFrom//w:delText|//w:moveFrom//w:t",
        namespaces={"w": w},
    )
    return sum(len(t.text or "") for t in texts)


def round_trips(docx: bytes, old: Path, new: Path) -> bool:
    """Whether the pure-Python oracle's Accept All / Reject All give the new / old texts."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from support.docx_text import normalise, paragraph_texts

    from pipeline.redline.api import accept_or_reject

    try:
        return normalise(paragraph_texts(accept_or_reject(docx, accept=True))) == normalise(
            paragraph_texts(new)
        ) and normalise(paragraph_texts(accept_or_reject(docx, accept=False))) == normalise(
            paragraph_texts(old)
        )
    except Exception:  # an output our oracle cannot read counts as not round-tripping
        return False


def _cpu(timing: Timing | None) -> str:
    return "n/a" if timing is None or timing.error or not timing.cpus else f"{min(timing.cpus):.3f}"


def _cell(timing: Timing | None) -> str:
    return "n/a" if timing is None or timing.error or not timing.times else f"{timing.best:.3f}"


def compile_package() -> None:
    """Byte-compile ``pipeline`` (see the module docstring): the start-up a user's install has."""
    import compileall

    compileall.compile_dir(str(Path(__file__).resolve().parent.parent / "pipeline"), quiet=1)


def main() -> None:
    """Generate the pairs, time every engine and the I/O floor, print the tables."""
    sizes = SIZES[:3] if "--quick" in sys.argv else SIZES
    compile_package()
    print(
        f"== redline: every engine as a whole process on the same pairs, best of {RUNS} rounds"
        f" (each round runs every engine once in turn; {EXTRA_ROUNDS} more for runs under"
        f" {QUICK_SECONDS:g} s) (s) =="
    )
    engines = [(e, e.problem()) for e in ENGINES]
    results: dict[tuple[str, int], Timing | None] = {}
    floors: dict[int, Timing] = {}
    quality: dict[tuple[str, int], tuple[int, bool]] = {}
    with tempfile.TemporaryDirectory(prefix="shuzhi-bench-redline-") as tmp:
        folder = Path(tmp)
        for n in sizes:
            old, new, _ = make_pair(n, folder)
            floor_out = folder / "floor.docx"
            commands = {
                FLOOR: ([sys.executable, "-c", IO_FLOOR, str(old), str(new), str(floor_out)], floor_out)
            }
            for engine, problem in engines:
                if not problem:
                    out = folder / f"out-{engine.name}.docx"
                    commands[engine.name] = (engine.argv(old, new, out), out)
            timings = time_round_robin(commands)
            floors[n] = timings.pop(FLOOR)
            for engine, _problem in engines:
                timing = timings.get(engine.name)
                results[(engine.name, n)] = timing
                out = commands[engine.name][1] if timing is not None else None
                if timing is not None and not timing.error and out is not None and out.exists():
                    data = out.read_bytes()
                    quality[(engine.name, n)] = (marked_characters(data), round_trips(data, old, new))
    header = (
        f"{'engine':<15}"
        + "".join(f"{n:>9,}" for n in sizes)
        + f"{'peak MB':>9}  vs shuzhi at "
        + " / ".join(f"{n:,}" for n in sizes)
    )
    print(header)
    ours = {n: results[("shuzhi", n)] for n in sizes}
    floor_row = f"{'I/O floor':<15}" + "".join(f"{_cell(floors[n]):>9}" for n in sizes)
    print(floor_row + f"{max(f.peak_mb for f in floors.values()):>9.0f}")
    for engine, problem in engines:
        row = [results[(engine.name, n)] for n in sizes]
        cells = "".join(f"{_cell(t):>9}" for t in row)
        peak = max((t.peak_mb for t in row if t is not None and not t.error), default=0.0)
        ratios = []
        for n, timing in zip(sizes, row, strict=True):
            mine = ours[n]
            ok = timing is not None and not timing.error and mine is not None and not mine.error
            ratios.append(f"{timing.best / mine.best:.1f}x" if ok else "n/a")
        print(f"{engine.name:<15}{cells}{peak if peak else float('nan'):>9.0f}  " + " / ".join(ratios))
        if problem:
            print(f"{'':<15}n/a: {problem}")
        for n, timing in zip(sizes, row, strict=True):
            if timing is not None and timing.error:
                print(f"{'':<15}failed at {n:,} paragraphs: {timing.error}")
    mine_floor = []
    for n in sizes:
        mine = ours[n]
        ok = mine is not None and not mine.error and not floors[n].error
        mine_floor.append(f"{mine.best / floors[n].best:.1f}x" if ok else "n/a")
    print(f"{'shuzhi × floor':<15}" + "".join(f"{c:>9}" for c in mine_floor))
    print("  vs shuzhi = the engine's best time / ours (above 1: we are faster)")
    print()
    print("== the same runs, least CPU time (user+sys, s): steadier than wall time on a busy machine ==")
    print(f"{'engine':<15}" + "".join(f"{n:>9,}" for n in sizes) + "  vs shuzhi")
    rows = [("I/O floor", [floors[n] for n in sizes])] + [
        (engine.name, [results[(engine.name, n)] for n in sizes])
        for engine, problem in engines
        if not problem
    ]
    for name, timings in rows:
        cells = "".join(f"{_cpu(t):>9}" for t in timings)
        ratios = []
        for n, timing in zip(sizes, timings, strict=True):
            mine = ours[n]
            ok = _cpu(timing) != "n/a" and mine is not None and _cpu(mine) != "n/a"
            ratios.append(f"{min(timing.cpus) / min(mine.cpus):.1f}x" if ok and timing and mine else "n/a")
        print(f"{name:<15}{cells}  " + " / ".join(ratios))
    print()
    print("== marked characters (fewer = finer) and pure-Python accept/reject round trip ==")
    print(f"{'engine':<15}" + "".join(f"{n:>14,}" for n in sizes))
    for engine, problem in engines:
        if problem:
            continue
        cells = []
        for n in sizes:
            found = quality.get((engine.name, n))
            cells.append("n/a" if found is None else f"{found[0]:,} {'ok' if found[1] else 'WRONG'}")
        print(f"{engine.name:<15}" + "".join(f"{c:>14}" for c in cells))


if __name__ == "__main__":
    main()

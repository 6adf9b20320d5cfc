"""Benchmark: ``shuzhi redline`` against python-redlines (Docxodus) on generated Chinese documents.

For 50, 500 and 2,000 paragraphs (about 80 Chinese characters each, with a table) a pair of
documents is generated with python-docx, about 10% of the paragraphs edited (a character or word
changed, a figure changed, a paragraph inserted or deleted, a table cell edited).  Both tools are
timed as whole processes, the way a user runs them (best and median of 3 runs), in the same run on
the same pairs; peak memory (max RSS) of our process comes from ``wait4``.  Targets (issue 3):
≥5× faster than python-redlines at every size, 2,000 paragraphs in under 1 s, peak memory under
300 MB.  Run: ``python bench/bench_redline.py`` (or ``make bench``).
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

SIZES = (50, 500, 2000)
RUNS = 3
EDIT_RATE = 0.10
SEED = 20240601
PHRASES = ["坚持以党的政治建设为统领", "认真落实全面从严治党主体责任", "深入开展主题教育", "推动基层党组织标准化规范化建设",
           "严格落实三会一课制度", "加强干部队伍作风建设", "聚焦监管主责主业", "压实一岗双责", "持续优化口岸营商环境",
           "扎实推进党风廉政建设", "强化理论武装", "健全完善长效机制", "深化党建与业务融合", "切实解决群众急难愁盼问题",
           "全面提升监管效能", "发挥党员先锋模范作用"]
MEASURES = ["次", "项", "名", "个", "条", "家", "期", "场"]
REDLINES_SCRIPT = """
import sys
from pathlib import Path
from python_redlines import DocxodusEngine
out, _, _ = DocxodusEngine().run_redline("bench", Path(sys.argv[1]), Path(sys.argv[2]))
Path(sys.argv[3]).write_bytes(out)
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
            return text[:i] + str((int(text[i]) + rng.randint(1, 8)) % 10) + text[i + 1:]
    if kind == "phrase":
        i = text.find("，")
        return text[:i + 1] + rng.choice(PHRASES) + text[i:] if i > 0 else text + rng.choice(PHRASES)
    if kind == "cut" and "，" in text:
        return text.partition("，")[2]
    i = rng.randrange(len(text) - 1)
    return text[:i] + rng.choice("党建监管作风实效机制责任") + text[i + 1:]


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


def time_command(argv: list[str], output: Path) -> Timing:
    """Best/median of :data:`RUNS` whole-process runs; an error message when a run fails."""
    times: list[float] = []
    cpus: list[float] = []
    peak = 0.0
    for _ in range(RUNS):
        output.unlink(missing_ok=True)
        elapsed, cpu, rss, code, stderr = run_process(argv)
        if code != 0 or not output.exists():
            return Timing(times, cpus, peak, error=(stderr.splitlines() or [f"exit {code}"])[-1][:100])
        times.append(elapsed)
        cpus.append(cpu)
        peak = max(peak, rss)
    return Timing(times, cpus, peak)


def shuzhi_command() -> list[str]:
    """How a user runs shuzhi from this environment."""
    found = Path(sys.executable).with_name("shuzhi")
    return [str(found)] if found.exists() else [shutil.which("shuzhi") or "shuzhi"]


def python_redlines_problem() -> str:
    """Why python-redlines cannot run here, or '' when it can."""
    try:
        from python_redlines import DocxodusEngine

        DocxodusEngine()
    except Exception as exc:  # not installed, no binary for this platform, …
        return f"{type(exc).__name__}: {exc}".splitlines()[0][:120] + " (pip install '.[bench]')"
    return ""


def fmt(timing: Timing | None) -> tuple[str, str, str]:
    """Best wall, median wall and best CPU time as table cells."""
    if timing is None or timing.error or not timing.times:
        return "n/a", "n/a", "n/a"
    return f"{timing.best:.3f}", f"{timing.median:.3f}", f"{min(timing.cpus):.3f}"


def main() -> None:
    """Generate the pairs, time both tools, print the table."""
    print("== redline: shuzhi redline vs python-redlines (Docxodus), whole processes, best/median of 3 s ==")
    peer_problem = python_redlines_problem()
    rows = []
    with tempfile.TemporaryDirectory(prefix="shuzhi-bench-redline-") as tmp:
        folder = Path(tmp)
        for n in SIZES:
            old, new, chars = make_pair(n, folder)
            ours = time_command([*shuzhi_command(), "redline", str(old), str(new), "-o", str(folder / "ours.docx")],
                                folder / "ours.docx")
            peer = None
            if not peer_problem:
                peer = time_command([sys.executable, "-c", REDLINES_SCRIPT, str(old), str(new),
                                     str(folder / "peer.docx")], folder / "peer.docx")
            rows.append((n, chars, ours, peer))
    print(f"{'':>15} {'--------- shuzhi redline ---------':>34}  {'----- python-redlines (Docxodus) ----':>37}")
    print(f"{'paras':>6} {'chars':>8} {'best s':>8} {'median':>8} {'cpu s':>7} {'peak MB':>8}  "
          f"{'best s':>8} {'median':>8} {'cpu s':>7} {'peak MB':>8} {'speed-up':>9}")
    for n, chars, ours, peer in rows:
        ob, om, oc = fmt(ours)
        pb, pm, pc = fmt(peer)
        ratio = f"{peer.best / ours.best:.1f}x" if ob != "n/a" and pb != "n/a" else "n/a"
        peak = f"{ours.peak_mb:.0f}" if ob != "n/a" else "n/a"
        peer_peak = f"{peer.peak_mb:.0f}" if pb != "n/a" else "n/a"
        print(f"{n:>6} {chars:>8} {ob:>8} {om:>8} {oc:>7} {peak:>8}  {pb:>8} {pm:>8} {pc:>7} {peer_peak:>8} {ratio:>9}")
    for n, _, ours, peer in rows:
        if ours.error:
            print(f"  shuzhi redline failed at {n} paragraphs: {ours.error}")
        if peer is not None and peer.error:
            print(f"  python-redlines failed at {n} paragraphs: {peer.error}")
    if peer_problem:
        print(f"  python-redlines: n/a — {peer_problem}")
    print("  speed-up = python-redlines best wall time / ours; cpu = least user+sys time over the runs")
    print("  targets: ≥5x faster than python-redlines at every size; 2,000 paragraphs < 1 s; peak < 300 MB")


if __name__ == "__main__":
    main()

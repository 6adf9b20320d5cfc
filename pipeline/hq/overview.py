"""``build/overview/``: one row per unit, incremental and parallel, cut by parent if asked.

Each unit's :class:`~pipeline.hq.summary.UnitSummary` is cached in
``build/overview/units/<unit>.json`` with two keys of its inputs (every file of the unit folder,
``shuzhi.toml`` and ``templates/``, the pipeline's own code, the as-of date):

- a *stat key* — names, sizes and modification times — checked first, so a run where nothing
  changed reads no input file at all (1,000 units in well under a second);
- a *content digest* — the sha256 of the same files (:class:`pipeline.make.digest.FileDigests`) —
  checked when the stat key differs, so a file touched but not changed (a fresh clone, a checkout)
  costs a hash, not a recomputation.

The unit's build writes the same record as ``build/<unit>/summary.json`` (it has the unit loaded
anyway), so after ``shuzhi build`` or ``check`` the overview only reads them; a unit the build has
not seen, or that changed since, is summarised here, in worker processes (``jobs``).  The outputs
(``index.html``, ``overview.xlsx``, the chart) are rewritten only when a summary, the cut or the date
changed — the stamp is ``build/overview/.stamps.json``, as in every unit's build folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.content.config import Config, load_config
from pipeline.content.confine import outside_issue
from pipeline.content.workspace import BUILD_DIR, QuestionSets, unit_dirs
from pipeline.errors import IssueCollector
from pipeline.fsutil import atomic_write_bytes, atomic_write_text
from pipeline.hq.hierarchy import Member, below, hierarchy_issues, unknown_parent_issue
from pipeline.hq.summary import UnitSummary, summarise_unit
from pipeline.make.signals import signals_held, stop_workers, worker_init

OVERVIEW_DIR = "overview"
UNITS_DIR = "units"
HTML_FILE = "index.html"
XLSX_FILE = "overview.xlsx"
SUMMARY_FILE = "summary.json"
CACHE_VERSION = "1"


@dataclass(frozen=True)
class Overview:
    """The summaries of the units shown (after the cut), and how they were chosen."""

    summaries: tuple[UnitSummary, ...]
    config: Config
    parent: str | None = None
    as_of: dt.date | None = None
    recomputed: int = 0  # units whose summary had to be computed this run

    def unit(self, unit_id: str) -> UnitSummary | None:
        return next((s for s in self.summaries if s.id == unit_id), None)


# --- input keys -------------------------------------------------------------------------------


def _files(folder: Path) -> Iterator[os.DirEntry[str]]:
    """Every regular file below ``folder`` (os.scandir: its entries carry their stat)."""
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in sorted(entries, key=lambda e: e.name):
        if entry.is_dir(follow_symlinks=False):
            yield from _files(Path(entry.path))
        elif entry.is_file():
            yield entry


def _stat_key(paths: Iterator[os.DirEntry[str]], base: str) -> str:
    h = hashlib.sha256(base.encode())
    for entry in paths:
        st = entry.stat()
        h.update(f"{entry.path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _content_digest(paths: list[str], base: str, root: Path | None = None) -> str:
    """Names (relative to ``root``: the same workspace elsewhere has the same digest) and contents."""
    h = hashlib.sha256(base.encode())
    prefix = f"{root}{os.sep}" if root is not None else ""
    for path in paths:
        if outside_issue(Path(path)) is not None:  # a link out of the workspace is never opened (confine.py)
            h.update(b"outside\0" + os.path.realpath(path).encode())
            continue
        with open(path, "rb") as handle:
            h.update(path.removeprefix(prefix).encode() + b"\0" + hashlib.sha256(handle.read()).digest())
    return h.hexdigest()


@lru_cache(maxsize=8)
def _shared_base(root: Path, as_of: dt.date | None) -> str:
    """What every unit's summary depends on besides its own folder: code, configuration, templates."""
    from pipeline.make.digest import pipeline_fingerprint

    shared = [str(root / "shuzhi.toml"), *(e.path for e in _files(root / "templates"))]
    digest = _content_digest([p for p in shared if os.path.isfile(p)], "", root)
    return f"{CACHE_VERSION};{pipeline_fingerprint()};{digest};as_of={as_of or ''}"


# --- summaries, cached ------------------------------------------------------------------------


def _cache_path(root: Path, unit_id: str) -> Path:
    return root / BUILD_DIR / OVERVIEW_DIR / UNITS_DIR / f"{unit_id}.json"


def _read_cache(path: Path) -> dict[str, object] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("summary"), dict) else None


@lru_cache(maxsize=4)
def _config(root: Path) -> Config:
    return load_config(root)


@lru_cache(maxsize=4)
def _question_sets(root: Path) -> QuestionSets:
    return QuestionSets(root)  # each question set parsed once per process, not once per unit


def _compute(root: Path, unit_dir: Path, as_of: dt.date | None) -> dict[str, object]:
    """A worker's job: the unit's summary as a dict (top-level so a process pool can run it)."""
    return summarise_unit(root, unit_dir, _config(root), as_of, _question_sets(root)).to_dict()


def unit_digest(root: Path, unit_dir: Path, as_of: dt.date | None) -> str:
    """The content digest of a unit's inputs (see the module docstring)."""
    root = root.resolve()
    return _content_digest([e.path for e in _files(unit_dir)], _shared_base(root, as_of), root)


def build_summary_path(root: Path, unit_id: str) -> Path:
    """``build/<unit>/summary.json``: the summary the unit's build wrote (:mod:`pipeline.make.hq_targets`)."""
    return root / BUILD_DIR / unit_id / SUMMARY_FILE


def _cached(root: Path, unit_dir: Path, key: str, digest: str | None) -> dict[str, object] | None:
    """A cached record whose key (or, given, digest) matches: the overview's own, else the build's."""
    for path in (_cache_path(root, unit_dir.name), build_summary_path(root, unit_dir.name)):
        record = _read_cache(path)
        if record is not None and (record.get("key") == key or (digest and record.get("digest") == digest)):
            return record
    return None


def _summaries(
    root: Path, dirs: Sequence[Path], as_of: dt.date | None, jobs: int
) -> tuple[list[UnitSummary], int]:
    """Every unit's summary, from a cache where its inputs did not change; how many were computed."""
    base = _shared_base(root, as_of)
    found: dict[str, UnitSummary] = {}
    stale: list[tuple[Path, str, str]] = []
    for unit_dir in dirs:
        entries = list(_files(unit_dir))
        key = _stat_key(iter(entries), base)
        record = _cached(root, unit_dir, key, None)
        digest = None
        if record is None:  # changed, or only touched: the content decides
            digest = _content_digest([e.path for e in entries], base, root)
            record = _cached(root, unit_dir, key, digest)
        if record is None:
            stale.append((unit_dir, key, digest or ""))
            continue
        found[unit_dir.name] = UnitSummary.from_dict(record["summary"])  # type: ignore[arg-type]
        if record.get("key") != key or not _cache_path(root, unit_dir.name).is_file():
            _write_record(root, unit_dir.name, {**record, "key": key})
    for (unit_dir, key, digest), data in zip(
        stale, _run(root, [s[0] for s in stale], as_of, jobs), strict=True
    ):
        found[unit_dir.name] = UnitSummary.from_dict(data)
        _write_record(root, unit_dir.name, {"key": key, "digest": digest, "summary": data})
    return [found[d.name] for d in dirs], len(stale)


def _write_record(root: Path, unit_id: str, record: dict[str, object]) -> None:
    atomic_write_text(_cache_path(root, unit_id), json.dumps(record, ensure_ascii=False, sort_keys=True))


def _run(root: Path, dirs: list[Path], as_of: dt.date | None, jobs: int) -> Iterator[dict[str, object]]:
    if jobs <= 1 or len(dirs) <= 1:
        for unit_dir in dirs:
            yield _compute(root, unit_dir, as_of)
        return
    # Workers die with the parent and stop with it on SIGTERM/Ctrl-C, as the build's do.
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=worker_init, initargs=(os.getpid(),))
    try:
        with signals_held():  # the workers are forked while the work is submitted
            # chunks: one unit is ~20 ms of work, less than a round trip per unit costs
            results = pool.map(
                _compute,
                [root] * len(dirs),
                dirs,
                [as_of] * len(dirs),
                chunksize=max(1, min(16, len(dirs) // (jobs * 4) or 1)),
            )
        yield from results
    except BaseException:
        stop_workers(pool)
        raise
    pool.shutdown(wait=True)


# --- the overview -----------------------------------------------------------------------------


def _members(root: Path, summaries: Sequence[UnitSummary]) -> list[Member]:
    return [
        Member(
            id=s.id,
            name=s.name or s.id,
            level=s.level,
            parent=s.parent,
            path=root / "drafts" / s.id / "unit.yaml",
            line=s.parent_line,
            column=s.parent_column,
        )
        for s in summaries
    ]


def collect(root: Path, parent: str | None = None, as_of: dt.date | None = None, jobs: int = 1) -> Overview:
    """The overview of the workspace at ``root``: every unit, or ``parent`` and the units below it.

    A broken hierarchy (unknown parent, cycle …) or an unknown ``parent`` is a :class:`UserError`.
    """
    root = root.resolve()
    config = _config(root)
    summaries, computed = _summaries(root, unit_dirs(root), as_of, jobs)
    members = _members(root, summaries)
    issues = IssueCollector()
    issues.extend(hierarchy_issues(members))
    if parent is not None:
        unknown = unknown_parent_issue(parent, members)
        if unknown is not None:
            issues.add(unknown)
    issues.raise_if_any()
    names = {s.id: s.name or s.id for s in summaries}
    for summary in summaries:
        summary.parent_name = names.get(summary.parent) if summary.parent else None
    if parent is not None:
        chosen = {m.id for m in below(members, parent)}
        summaries = [s for s in summaries if s.id in chosen]
    return Overview(
        summaries=tuple(summaries), config=config, parent=parent, as_of=as_of, recomputed=computed
    )


def outputs_digest(overview: Overview) -> str:
    data = [s.to_dict() for s in overview.summaries]
    text = json.dumps(
        [data, overview.parent, str(overview.as_of), [(d.code, d.name) for d in overview.config.departments]],
        ensure_ascii=False,
        sort_keys=True,
    )
    from pipeline.make.digest import pipeline_fingerprint

    return hashlib.sha256((pipeline_fingerprint() + text).encode()).hexdigest()


def write_overview(root: Path, overview: Overview, force: bool = False) -> tuple[list[Path], bool]:
    """Write ``build/overview/index.html`` and ``overview.xlsx``; (paths, whether anything was written)."""
    from pipeline.make.stamps import Stamps

    out_dir = root.resolve() / BUILD_DIR / OVERVIEW_DIR
    paths = [out_dir / HTML_FILE, out_dir / XLSX_FILE]
    stamps = Stamps(out_dir)
    digest = outputs_digest(overview)
    if not force and stamps.is_fresh(paths, digest):
        return paths, False
    from pipeline.hq.overview_html import overview_html
    from pipeline.hq.overview_xlsx import overview_xlsx

    html = overview_html(overview)
    xlsx = overview_xlsx(overview)
    atomic_write_bytes(paths[0], html.encode("utf-8"))
    atomic_write_bytes(paths[1], xlsx)
    stamps.record(paths, digest, flush=True)
    return paths, True


def build_overview(
    root: Path, parent: str | None = None, as_of: dt.date | None = None, jobs: int = 1, force: bool = False
) -> tuple[Overview, list[Path], bool]:
    """:func:`collect` then :func:`write_overview`."""
    overview = collect(root, parent, as_of, jobs)
    paths, written = write_overview(root, overview, force)
    return overview, paths, written


__all__ = ["Overview", "build_overview", "collect", "write_overview"]

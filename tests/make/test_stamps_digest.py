"""Stamps are written in batches (and always at the end of a unit); digests name inputs relative to the root."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from pipeline.make import stamps as stamps_module
from pipeline.make.digest import FileDigests
from pipeline.make.stamps import STAMPS_FILE, Stamps


def reference_combine(digests: FileDigests, root: Path, paths: list[Path], extra: str) -> str:
    """The digest as first written (Path.relative_to): existing stamps must stay valid."""
    h = hashlib.sha256(extra.encode())
    for path in sorted(set(paths)):
        try:
            name = str(path.relative_to(root))
        except ValueError:
            name = str(path)
        h.update(name.encode() + b"\0" + digests.of(path).encode() + b"\n")
    return h.hexdigest()


@pytest.mark.parametrize(
    "root_name, inside, outside",
    [
        ("ws", ["shuzhi.toml", "drafts/u1/v1/report.yaml", "drafts/青石港/unit.yaml"], []),
        ("ws", ["drafts/u1/v1/report.yaml", "missing.yaml"], ["elsewhere.yaml"]),
        ("ws-prefix", ["a.yaml"], ["ws-prefix-sibling/b.yaml"]),  # a sibling whose name starts like the root
        ("ws/", ["x/y.yaml"], []),  # the root spelled with a trailing slash
    ],
)
def test_combine_matches_the_relative_to_digest(
    tmp_path: Path, root_name: str, inside: list[str], outside: list[str]
) -> None:
    root = tmp_path / root_name
    paths = [root / name for name in inside] + [tmp_path / name for name in outside]
    for path in paths:
        if path.name != "missing.yaml":
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"{path.name}\n", encoding="utf-8")
    digests = FileDigests()
    assert digests.combine(root, paths, "extra") == reference_combine(digests, root, paths, "extra")
    assert digests.combine(Path(str(root) + "/"), paths, "extra") == digests.combine(root, paths, "extra")


def read(folder: Path) -> dict[str, str] | None:
    path = folder / STAMPS_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


@pytest.mark.parametrize(
    "flush_seconds, flush, written",
    [
        (3600.0, None, False),  # recently written: wait for the batch
        (0.0, None, True),  # the batch interval has passed
        (3600.0, True, True),  # forced
        (0.0, False, False),  # deferred to flush()
    ],
)
def test_record_writes_in_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flush_seconds: float, flush: bool | None, written: bool
) -> None:
    monkeypatch.setattr(stamps_module, "FLUSH_SECONDS", flush_seconds)
    stamps = Stamps(tmp_path)
    stamps.record([tmp_path / "v1" / "report.docx"], "d1", flush=flush)
    assert (read(tmp_path) == {"v1/report.docx": "d1"}) is written
    assert (read(tmp_path) is None) is not written
    stamps.flush()
    assert read(tmp_path) == {"v1/report.docx": "d1"}
    assert Stamps(tmp_path).data == {"v1/report.docx": "d1"}


@pytest.mark.parametrize("recorded", [0, 1, 3])
def test_flush_writes_only_when_something_was_recorded(tmp_path: Path, recorded: int) -> None:
    stamps = Stamps(tmp_path)
    for i in range(recorded):
        stamps.record([tmp_path / f"o{i}"], f"d{i}", flush=False)
    stamps.flush()
    assert read(tmp_path) == ({f"o{i}": f"d{i}" for i in range(recorded)} if recorded else None)

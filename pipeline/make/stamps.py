"""Per-unit record of which input digest produced each output: the incremental skip.

``build/<unit>/.stamps.json`` maps each output (relative to the unit's build folder) to the digest
of the inputs that made it.  A stamp is recorded only after its outputs were written (atomically);
the file itself is rewritten atomically at most every ``FLUSH_SECONDS`` while a unit builds and once
at its end (each rewrite is an fsync: one per target cost more than some targets).  A killed build
loses at most the stamps of the last ``FLUSH_SECONDS``; the next build redoes those targets, and
every output on disk is whole either way.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from pipeline.fsutil import atomic_write_text

STAMPS_FILE = ".stamps.json"
FLUSH_SECONDS = 2.0


class Stamps:
    """The stamps of one unit's build folder."""

    def __init__(self, unit_build_dir: Path):
        self.dir = unit_build_dir
        self.path = unit_build_dir / STAMPS_FILE
        self.data: dict[str, str] = self._read()
        self._dirty = False
        self._flushed = time.monotonic()

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError, OSError):
            return {}
        return (
            {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}
            if isinstance(data, dict)
            else {}
        )

    def is_fresh(self, outputs: list[Path], digest: str) -> bool:
        """True when every output exists and was made from inputs with ``digest``."""
        return all(self.data.get(self._key(p)) == digest and p.is_file() for p in outputs)

    def record(self, outputs: list[Path], digest: str, flush: bool | None = None) -> None:
        """Note that ``outputs`` (already written) were made from ``digest``.

        ``flush``: True writes the file now, False leaves it to :meth:`flush`, None (default) writes it
        when ``FLUSH_SECONDS`` have passed since the last write.
        """
        for p in outputs:
            self.data[self._key(p)] = digest
        self._dirty = True
        if flush or (flush is None and time.monotonic() - self._flushed >= FLUSH_SECONDS):
            self.flush()

    def flush(self) -> None:
        """Write the stamps file (atomically) when anything was recorded since the last write."""
        if self._dirty:
            atomic_write_text(self.path, json.dumps(self.data, ensure_ascii=False, sort_keys=True, indent=0))
            self._dirty = False
        self._flushed = time.monotonic()

    def _key(self, path: Path) -> str:
        return str(path.relative_to(self.dir))

"""Per-unit record of which input digest produced each output: the incremental skip.

``build/<unit>/.stamps.json`` maps each output (relative to the unit's build folder) to the digest
of the inputs that made it.  It is rewritten atomically after every finished target, so a killed
build loses at most the target it was working on; the next build redoes exactly that.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.fsutil import atomic_write_text

STAMPS_FILE = ".stamps.json"


class Stamps:
    """The stamps of one unit's build folder."""

    def __init__(self, unit_build_dir: Path):
        self.dir = unit_build_dir
        self.path = unit_build_dir / STAMPS_FILE
        self.data: dict[str, str] = self._read()

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError, OSError):
            return {}
        return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)} \
            if isinstance(data, dict) else {}

    def is_fresh(self, outputs: list[Path], digest: str) -> bool:
        """True when every output exists and was made from inputs with ``digest``."""
        return all(self.data.get(self._key(p)) == digest and p.is_file() for p in outputs)

    def record(self, outputs: list[Path], digest: str) -> None:
        for p in outputs:
            self.data[self._key(p)] = digest
        atomic_write_text(self.path, json.dumps(self.data, ensure_ascii=False, sort_keys=True, indent=0))

    def _key(self, path: Path) -> str:
        return str(path.relative_to(self.dir))

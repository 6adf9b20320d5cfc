"""Sharding a build across machines: ``--shard K/N`` keeps the units whose name hashes to group K of N.

The group of a unit depends only on its name (sha256 of the folder name, modulo N), never on which
other units exist: adding or removing a unit never moves the others to another shard, so a CI
runner's cached ``build/`` for shard K stays valid.  The N shards are disjoint and together hold
every unit; each unit's outputs live in ``build/<unit>/``, so the shards' artifacts merge by copying.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.i18n import _

_SHARD = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


@dataclass(frozen=True)
class Shard:
    """Group ``index`` (1-based) of ``count``."""

    index: int
    count: int

    def __post_init__(self) -> None:
        if not 1 <= self.index <= self.count:
            raise ValueError(_("shard {k}/{n}: K must be between 1 and N").format(k=self.index, n=self.count))

    @classmethod
    def parse(cls, text: str) -> Shard:
        """``"K/N"`` → Shard; ValueError with a readable message otherwise."""
        match = _SHARD.match(text)
        if not match:
            raise ValueError(_("'{text}' is not K/N (e.g. 1/4)").format(text=text))
        return cls(int(match.group(1)), int(match.group(2)))

    def holds(self, unit_id: str) -> bool:
        return shard_of(unit_id, self.count) == self.index

    def select(self, unit_dirs: Sequence[Path]) -> list[Path]:
        """The unit folders of this shard, in the given order."""
        return [d for d in unit_dirs if self.holds(d.name)]

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def shard_of(unit_id: str, count: int) -> int:
    """The 1-based group of ``unit_id`` among ``count`` (stable across runs, machines and Python versions)."""
    digest = hashlib.sha256(unit_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1

"""Measuring the prose rules on a labelled corpus: the one piece of code behind every quality figure.

A corpus file holds ``sentences`` (``label``: boilerplate, hedging or concrete) and ``problems``
(``example`` and ``figure``, each true or false) — ``corpus/sentences.yaml`` and ``corpus/problems.yaml``
are the two halves of the first, older corpus in separate files.  The real-text corpus
(``corpus_real/real.yaml``) adds ``sources`` and a ``src`` per item; `part_of` puts every
source document in the dev or the test part by a hash of its URL, or by its recorded move to dev
(see ``corpus_real/README.md``).

``python -m tests.lint.quality`` prints the table of docs/lint.md (every set, both real parts).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pipeline.lint.concrete import has_example
from pipeline.lint.document import from_text
from pipeline.lint.engine import Linter
from pipeline.lint.figures import has_figure
from pipeline.lint.train import part_of  # one definition of the split, shared with the training

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
REAL = HERE / "corpus_real" / "real.yaml"
REAL2 = HERE / "corpus_real" / "real2.yaml"  # collected after the round, measured once: held out whole
LABELS = ("boilerplate", "hedging", "concrete")


def load(path: Path) -> dict[str, Any]:
    """A corpus file as ``{"sentences": [...], "problems": [...], "sources": {...}}``."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(data, list):  # sentences.yaml / problems.yaml: a bare list
        key = "problems" if data and "example" in data[0] else "sentences"
        data = {key: data}
    return {
        "sentences": data.get("sentences", []),
        "problems": data.get("problems", []),
        "sources": data.get("sources", {}),
    }


def real_part(part: str, path: Path = REAL) -> dict[str, Any]:
    """The dev or test part of the real-text corpus (items whose source falls in ``part``)."""
    data = load(path)
    keep = {key for key, source in data["sources"].items() if part_of(source) == part}
    return {
        "sentences": [s for s in data["sentences"] if s["src"] in keep],
        "problems": [p for p in data["problems"] if p["src"] in keep],
        "sources": {k: v for k, v in data["sources"].items() if k in keep},
    }


@dataclass
class Figures:
    """What the lint did on one corpus, with the items it got wrong."""

    recall: dict[str, float] = field(default_factory=dict)  # boilerplate / hedging
    precision: dict[str, float] = field(default_factory=dict)
    concrete_flagged: float = 0.0
    accuracy: dict[str, float] = field(default_factory=dict)  # example / figure
    counts: dict[str, int] = field(default_factory=dict)
    misses: dict[str, list[str]] = field(default_factory=dict)

    def row(self) -> str:
        """One markdown table row's cells (recall, recall, concrete flagged, accuracies)."""

        def fmt(value: float | None) -> str:
            return "–" if value is None else f"{value:.2f}"

        return " | ".join(
            [
                fmt(self.recall.get("boilerplate")),
                fmt(self.recall.get("hedging")),
                f"{self.concrete_flagged:.0%}" if self.counts.get("concrete") else "–",
                fmt(self.accuracy.get("example")),
                fmt(self.accuracy.get("figure")),
            ]
        )


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def measure(corpus: dict[str, Any], linter: Linter | None = None) -> Figures:
    """Recall, precision and concrete-flagged rate on the sentences; example/figure accuracy on the
    problems.  A sentence counts as flagged for a label when any finding of that category is on it."""
    linter = linter or Linter()
    out = Figures()
    results = [
        (s["label"], s["text"], {f.category for f in linter.run(from_text(None, s["text"]))})
        for s in corpus["sentences"]
    ]
    for label in ("boilerplate", "hedging"):
        cases = [(text, cats) for lab, text, cats in results if lab == label]
        out.counts[label] = len(cases)
        if cases:
            out.recall[label] = _ratio(sum(label in cats for _, cats in cases), len(cases))
            out.misses[label] = [text for text, cats in cases if label not in cats]
        flagged = [lab for lab, _, cats in results if label in cats]
        if flagged:
            out.precision[label] = _ratio(sum(lab == label for lab in flagged), len(flagged))
    concrete = [(text, cats) for lab, text, cats in results if lab == "concrete"]
    out.counts["concrete"] = len(concrete)
    out.concrete_flagged = 1 - _ratio(sum(not cats for _, cats in concrete), len(concrete))
    out.misses["concrete"] = [f"{text}  ← {sorted(cats)}" for text, cats in concrete if cats]
    detectors: dict[str, Callable[[str], bool]] = {"example": has_example, "figure": has_figure}
    out.counts["problems"] = len(corpus["problems"])
    for name, detect in detectors.items():
        if corpus["problems"]:
            wrong = [p["text"] for p in corpus["problems"] if detect(p["text"]) != p[name]]
            out.accuracy[name] = 1 - len(wrong) / len(corpus["problems"])
            out.misses[name] = wrong
    return out


def all_sets() -> dict[str, dict[str, Any]]:
    """Every labelled set by name: the main corpus, the held-out sets, the real corpus's two parts."""
    main = load(CORPUS / "sentences.yaml")
    main["problems"] = load(CORPUS / "problems.yaml")["problems"]
    sets = {"main": main}
    for path in sorted(CORPUS.glob("heldout*.yaml")):
        sets[path.stem] = load(path)
    sets["real-dev"] = real_part("dev")
    sets["real-test"] = real_part("test")
    sets["real2"] = load(REAL2)
    return sets


def main(argv: list[str]) -> int:
    """Print the figures of every set (``-v``: and the misses of the sets named after it).

    ``--dev`` leaves out the sets nobody tunes on (the real corpus's test part and real2), so that
    working on the dev part does not show their figures by the way.
    """
    verbose = [a for a in argv if not a.startswith("-")] if "-v" in argv else []
    held_out = {"real-test", "real2"} if "--dev" in argv else set()
    linter = Linter()
    print("| set | boilerplate recall | hedging recall | concrete flagged | example | figure |")
    for name, corpus in all_sets().items():
        if name in held_out:
            continue
        figures = measure(corpus, linter)
        print(f"| {name} ({len(corpus['sentences'])} + {len(corpus['problems'])}) | {figures.row()} |")
        if name in verbose:
            for kind, texts in figures.misses.items():
                for text in texts:
                    print(f"    miss {kind}: {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""A learned score for sentences the phrase rules do not know: character n-gram naive Bayes.

Rules catch the phrasing someone listed; officialese has more phrasing than anyone lists.  The scorer
reads a sentence as the character bigrams and trigrams it contains (digits folded to ``0``) and weighs
them with per-class log-probabilities learned from labelled sentences (boilerplate, hedging,
concrete): ``pipeline/lint/data/scorer.tsv``, written by :mod:`pipeline.lint.train` (``make
train-lint``).  It is consulted only for a sentence that carries nothing concrete by the rules'
own test (:func:`pipeline.lint.concrete.is_concrete`), so it cannot flag a sentence with a figure, a
named case or a date; and a finding names the n-grams that weighed most (which words, and why).

File format (UTF-8, tab-separated, deterministic): a header line ``#shuzhi-scorer<TAB>1``, one line
``#prior<TAB>b<TAB>h<TAB>c`` with the log priors, one line ``#unseen<TAB>b<TAB>h<TAB>c`` with the
log-probability of an n-gram a class never saw, then one line per n-gram: ``gram<TAB>b<TAB>h<TAB>c``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "scorer.tsv"
LABELS = ("boilerplate", "hedging", "concrete")
ORDERS = (2, 3)
_DIGITS = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
_PUNCT = re.compile(r"[，,、；;：:。！？!?“”‘’\"'（）()《》\s]+")
MAGIC = "#shuzhi-scorer"
_FUNCTION_CHARS = "的了和与及也在是"  # trimmed from the ends of a quoted stretch


def normalise(text: str) -> str:
    """Digits folded to ``0``, punctuation runs to one ``|`` (an n-gram never spans a clause)."""
    return _PUNCT.sub("|", _DIGITS.sub("0", text)).strip("|")


def grams(text: str) -> set[str]:
    """The character bigrams and trigrams of ``text`` (normalised), none spanning punctuation."""
    out: set[str] = set()
    for piece in normalise(text).split("|"):
        for n in ORDERS:
            out.update(piece[i : i + n] for i in range(len(piece) - n + 1))
    return out


@dataclass(frozen=True)
class Verdict:
    """The scorer's reading of one sentence."""

    label: str  # the most likely of LABELS
    margin: float  # its log-probability minus the next best class's
    top: tuple[str, ...]  # the words of the text that weighed most towards ``label`` against ``concrete``


class Scorer:
    """Per-class log-probabilities of n-grams; :meth:`verdict` classifies a sentence."""

    def __init__(
        self, prior: tuple[float, ...], unseen: tuple[float, ...], weights: dict[str, tuple[float, ...]]
    ):
        self.prior = prior
        self.unseen = unseen
        self.weights = weights

    @classmethod
    def read(cls, path: Path = DATA) -> Scorer:
        """Load a model file (see the module docstring for the format)."""
        prior: tuple[float, ...] = ()
        unseen: tuple[float, ...] = ()
        weights: dict[str, tuple[float, ...]] = {}
        with path.open(encoding="utf-8") as handle:
            header = handle.readline().rstrip("\n").split("\t")
            if header[0] != MAGIC:
                raise ValueError(f"{path}: not a shuzhi scorer file")
            for line in handle:
                key, *values = line.rstrip("\n").split("\t")
                numbers = tuple(float(v) for v in values)
                if key == "#prior":
                    prior = numbers
                elif key == "#unseen":
                    unseen = numbers
                else:
                    weights[key] = numbers
        return cls(prior, unseen, weights)

    def write(self, path: Path) -> None:
        """Write the model deterministically (n-grams sorted, weights to 4 decimals)."""

        def row(key: str, values: tuple[float, ...]) -> str:
            return "\t".join([key, *(f"{v:.4f}" for v in values)]) + "\n"

        lines = [f"{MAGIC}\t1\n", row("#prior", self.prior), row("#unseen", self.unseen)]
        lines += [row(key, self.weights[key]) for key in sorted(self.weights)]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(lines), encoding="utf-8")

    @cached_property
    def _deltas(self) -> dict[str, tuple[float, float, float]]:
        """Each n-gram's weight minus the unseen weight per class: what its presence adds."""
        b, h, c = self.unseen
        return {g: (w[0] - b, w[1] - h, w[2] - c) for g, w in self.weights.items()}

    def verdict(self, text: str, top: int = 3) -> Verdict:
        """The most likely label of ``text``, by how much, and the n-grams that decided it."""
        label, margin, present = self._classify(text)
        return Verdict(label, margin, self.words(present, label, top))

    def _classify(self, text: str) -> tuple[str, float, list[str]]:
        deltas = self._deltas
        present = [g for g in grams(text) if g in deltas]
        b, h, c = self.prior
        for gram in present:
            db, dh, dc = deltas[gram]
            b, h, c = b + db, h + dh, c + dc
        ranked = sorted(zip((b, h, c), LABELS, strict=True), reverse=True)
        return ranked[0][1], ranked[0][0] - ranked[1][0], present

    def words(self, present: list[str], label: str, top: int = 3) -> tuple[str, ...]:
        """Up to ``top`` of the n-grams in ``present`` leaning most to ``label`` against ``concrete``,
        none contained in another."""
        best, concrete = LABELS.index(label), LABELS.index("concrete")
        lean = sorted(present, key=lambda g: (-(self.weights[g][best] - self.weights[g][concrete]), g))
        chosen: list[str] = []
        for gram in lean:
            if len(chosen) == top or self.weights[gram][best] <= self.weights[gram][concrete]:
                break
            if not any(gram in c or c in gram for c in chosen):
                chosen.append(gram)
        return tuple(chosen)

    def phrases(self, text: str, label: str, top: int = 3, longest: int = 6) -> tuple[str, ...]:
        """The stretches of ``text`` itself that lean most to ``label`` against ``concrete``: every
        character covered by a leaning n-gram is marked, marked runs are joined, and each run is cut
        to its strongest window of at most ``longest`` characters — the writer's own words
        (充分激发了, 精神面貌), not n-gram fragments."""
        best, concrete = LABELS.index(label), LABELS.index("concrete")
        lean = [0.0] * len(text)
        for n in ORDERS:
            for i in range(len(text) - n + 1):
                piece = text[i : i + n]
                weights = self.weights.get(_DIGITS.sub("0", piece)) if not _PUNCT.search(piece) else None
                if weights is not None and weights[best] > weights[concrete]:
                    for j in range(i, i + n):
                        lean[j] += weights[best] - weights[concrete]
        runs: list[tuple[float, int, int]] = []
        i = 0
        while i < len(text):
            if lean[i] <= 0:
                i += 1
                continue
            j = i
            while j < len(text) and lean[j] > 0:
                j += 1
            width = min(longest, j - i)
            start = max(range(i, j - width + 1), key=lambda k: (sum(lean[k : k + width]), -k))
            runs.append((sum(lean[start : start + width]), start, start + width))
            i = j
        chosen = sorted(runs, key=lambda r: (-r[0], r[1]))[:top]
        words = (text[a:b].strip(_FUNCTION_CHARS) for _, a, b in sorted(chosen, key=lambda r: r[1]))
        return tuple(w for w in words if len(w) >= 2)


@lru_cache(maxsize=65536)
def verdict(text: str) -> Verdict:
    """The shipped model's verdict on ``text``, remembered (both score rules read the same sentences)."""
    model = shipped()
    label, margin, present = model._classify(text)
    if label == "concrete":
        return Verdict(label, margin, ())
    return Verdict(label, margin, model.phrases(text, label) or model.words(present, label))


@lru_cache(maxsize=1)
def shipped() -> Scorer:
    """The model shipped with shuzhi (loaded once per process)."""
    return Scorer.read(DATA)

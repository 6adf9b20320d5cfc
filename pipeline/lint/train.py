"""Train the sentence scorer (:mod:`pipeline.lint.scorer`): ``make train-lint``.

``python -m pipeline.lint.train OUT.tsv CORPUS.yaml…`` reads labelled corpora (``sentences`` with a
``label`` of boilerplate, hedging or concrete; a bare list of them; or the real-text corpus, whose
``sources`` put each item in a dev or a test part by a hash of its URL — only the **dev** part is read,
the test part is never trained on) and writes the model.  Multinomial naive Bayes over the set of
character bigrams and trigrams of each sentence, additive smoothing ``ALPHA``, n-grams seen fewer than
``MIN_COUNT`` times dropped.  No randomness: the same corpora give the same bytes.
"""

from __future__ import annotations

import hashlib
import math
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from pipeline.lint.scorer import LABELS, Scorer, grams

ALPHA = 0.5
MIN_COUNT = 2
TEST_DIGITS = "01234567"  # first hex digit of sha256(source URL): the test part; the rest: dev


def split_of(url: str) -> str:
    """``"test"`` or ``"dev"`` for a source document: fixed by the SHA-256 of its URL."""
    return "test" if hashlib.sha256(url.encode("utf-8")).hexdigest()[0] in TEST_DIGITS else "dev"


def part_of(source: dict[str, Any]) -> str:
    """The part a source document is in: its hash's part, unless it was moved from test to dev.

    A test document may move to the dev part (``moved: dev``) only after its first measurement is
    recorded (``measured:`` names where); nothing ever moves the other way, so the test part stays
    text nobody has tuned on.
    """
    if source.get("moved") == "dev" and split_of(source["url"]) == "test" and source.get("measured"):
        return "dev"
    return split_of(source["url"])


def labelled_sentences(path: Path) -> list[tuple[str, str]]:
    """(label, text) of a corpus file's sentences; of a corpus with sources, only the dev part's."""
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = data if isinstance(data, list) else data.get("sentences", [])
    sources = {} if isinstance(data, list) else data.get("sources", {})
    keep = {key for key, source in sources.items() if part_of(source) == "dev"}
    return [
        (item["label"], item["text"])
        for item in items
        if "label" in item and (not sources or item.get("src") in keep)
    ]


def train(items: list[tuple[str, str]]) -> Scorer:
    """A naive Bayes scorer from (label, text) pairs."""
    counts = {label: Counter[str]() for label in LABELS}
    docs = Counter(label for label, _ in items)
    for label, text in items:
        counts[label].update(grams(text))
    total = Counter[str]()
    for counter in counts.values():
        total.update(counter)
    vocab = sorted(g for g, n in total.items() if n >= MIN_COUNT)
    denominators = [sum(counts[label][g] for g in vocab) + ALPHA * len(vocab) for label in LABELS]
    weights = {
        g: tuple(math.log((counts[label][g] + ALPHA) / denominators[i]) for i, label in enumerate(LABELS))
        for g in vocab
    }
    unseen = tuple(math.log(ALPHA / d) for d in denominators)
    prior = tuple(math.log((docs[label] + 1) / (len(items) + len(LABELS))) for label in LABELS)
    return Scorer(prior, unseen, weights)


def main(argv: list[str]) -> int:
    """Train on the corpora named in ``argv[1:]`` and write the model to ``argv[0]``."""
    if len(argv) < 2:
        print("usage: python -m pipeline.lint.train OUT.tsv CORPUS.yaml…", file=sys.stderr)
        return 2
    items = [pair for name in argv[1:] for pair in labelled_sentences(Path(name))]
    model = train(items)
    model.write(Path(argv[0]))
    by_label = Counter(label for label, _ in items)
    print(
        f"{argv[0]}: {len(model.weights)} n-grams from {len(items)} sentences "
        f"({', '.join(f'{k} {by_label[k]}' for k in LABELS)})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

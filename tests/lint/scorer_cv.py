"""Cross-validated figures of the learned rules: ``python -m tests.lint.scorer_cv [MARGIN …]``.

The real corpus's dev part is cut into five folds by source document (a hash of the URL); for each fold the
scorer is trained on the written corpora and the other four folds, and the whole lint (phrase rules and the
learned rules at each margin) is run on the fold's sentences. Margin ``99`` is the lint without the learned
rules. This is how the shipped margin was chosen (pipeline/lint/rules/score.yaml); the test part is not used.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from pathlib import Path

import pipeline.lint.scorer as scorer
from pipeline.lint.document import from_text
from pipeline.lint.engine import Linter
from pipeline.lint.train import labelled_sentences, train
from tests.lint.quality import CORPUS, real_part

FOLDS = 5
OFF = 99.0  # a margin no verdict reaches: the learned rules say nothing


def _fold(url: str) -> int:
    return int(hashlib.sha256(url.encode("utf-8")).hexdigest(), 16) % FOLDS


def _use(model_path: Path) -> None:
    """Make ``model_path`` the model every score rule reads (the shipped one is cached per process)."""
    scorer.DATA = model_path
    scorer.shipped.cache_clear()
    scorer.verdict.cache_clear()


def cross_validate(margins: list[float]) -> dict[float, dict[str, tuple[int, int]]]:
    """Per margin: (hits, total) for boilerplate recall, concrete sentences flagged and hedging recall."""
    written = [
        pair
        for path in sorted(CORPUS.glob("*.yaml"))
        if path.name.startswith(("sentences", "heldout"))
        for pair in labelled_sentences(path)
    ]
    dev = real_part("dev")
    fold_of = {src: _fold(source["url"]) for src, source in dev["sources"].items()}
    counts = {m: {"boilerplate": [0, 0], "concrete flagged": [0, 0], "hedging": [0, 0]} for m in margins}
    with tempfile.TemporaryDirectory() as tmp:
        for fold in range(FOLDS):
            items = written + [(s["label"], s["text"]) for s in dev["sentences"] if fold_of[s["src"]] != fold]
            model_path = Path(tmp) / f"fold{fold}.tsv"
            train(items).write(model_path)
            _use(model_path)
            held = [s for s in dev["sentences"] if fold_of[s["src"]] == fold]
            for margin in margins:
                linter = Linter()
                for rule in linter.rules:
                    if rule.extends == "score":
                        rule.options["margin"] = margin
                for sentence in held:
                    cats = {f.category for f in linter.run(from_text(None, sentence["text"]))}
                    label, row = sentence["label"], counts[margin]
                    if label == "concrete":
                        row["concrete flagged"][0] += bool(cats)
                        row["concrete flagged"][1] += 1
                    elif label in row:
                        row[label][0] += label in cats
                        row[label][1] += 1
    return {m: {k: (v[0], v[1]) for k, v in row.items()} for m, row in counts.items()}


def main(argv: list[str]) -> int:
    """Print one row per margin."""
    margins = [float(a) for a in argv] or [8.0, 9.0, 10.0, 11.0]
    print("| margin | boilerplate recall | concrete flagged | hedging recall |")
    for margin, row in cross_validate([*margins, OFF]).items():
        cells = [f"{h}/{n} ({h / n:.3f})" if n else "–" for h, n in row.values()]
        print(f"| {'off' if margin == OFF else margin} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

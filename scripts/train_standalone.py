"""Train the stand-alone model from blind context annotations of dev articles. Dev data only.

    python scripts/train_standalone.py            # cross-validate, fit on all dev articles, write the model
    python scripts/train_standalone.py --check    # cross-validate only
    python scripts/train_standalone.py --test     # ... and report on the test annotations (never tuned on)

Every sentence (but the first) of each article in `eval/annotations/*-dev-context*.jsonl`
is an example: 1 when the annotator marked that it cannot be understood without a
sentence before it (`needs`, any kind), else 0; its features are
`briefing.rank.standalone.context_features`. Cross-validation holds out one fifth
of the articles at a time. The threshold is the lowest whose held-out precision is
at least `PRECISION` -- a sentence judged to lean must really lean, or a brief loses
good sentences for nothing -- and the L2 penalty the one with the best held-out
recall at it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.learn import LinearModel, train  # noqa: E402
from briefing.model import Article  # noqa: E402
from briefing.nlp.sentences import segment  # noqa: E402
from briefing.rank.standalone import FEATURES, context_features  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
ANNOTATIONS = ROOT / "eval" / "annotations"
PRECISION = 0.9
L2S = (0.3, 1.0, 3.0, 10.0)
FOLDS = 5


def examples(pattern: str) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """(article id, feature matrix, labels) of every annotated article matching `pattern`."""
    out = []
    for path in sorted(ANNOTATIONS.glob(pattern)):
        data = "-".join(path.name.split("-")[:2])  # cnndm-dev-context-b.jsonl -> cnndm-dev
        texts = {r["id"]: r for r in map(json.loads, (EVAL / f"{data}.jsonl").read_text(encoding="utf-8")
                                          .splitlines())}
        for raw in path.read_text(encoding="utf-8").splitlines():
            if not raw.strip():
                continue
            row = json.loads(raw)
            item = texts[row["id"]]
            doc = segment(Article(id=row["id"], text=item["text"], title=item.get("title") or "",
                                  language="english"))
            if len(doc) != row["sentences"]:
                print(f"skipped {row['id']}: segmented differently", file=sys.stderr)
                continue
            needs = {n["sentence"] for n in row["needs"]}
            titled = bool(item.get("title"))
            rows = [context_features(s.text, s.index, titled=titled) for s in doc.sentences[1:]]
            x = np.array([[r[f] for f in FEATURES] for r in rows])
            y = np.array([float(s.index in needs) for s in doc.sentences[1:]])
            out.append((row["id"], x, y))
    return out


def _fit(x: np.ndarray, y: np.ndarray, l2: float, threshold: float = 0.5, about: str = "") -> LinearModel:
    rows = [dict(zip(FEATURES, v, strict=True)) for v in x]
    return train("standalone", rows, y.tolist(), l2=l2, features=FEATURES, threshold=threshold, about=about)


def held_out(data: list, l2: float) -> tuple[np.ndarray, np.ndarray]:
    """Held-out probabilities and labels over all articles (folds by article)."""
    probs, labels = [], []
    for k in range(FOLDS):
        train_part = [d for i, d in enumerate(data) if i % FOLDS != k]
        test_part = [d for i, d in enumerate(data) if i % FOLDS == k]
        model = _fit(np.vstack([d[1] for d in train_part]), np.concatenate([d[2] for d in train_part]), l2)
        for _, x, y in test_part:
            probs.append(model.probabilities(x))
            labels.append(y)
    return np.concatenate(probs), np.concatenate(labels)


def at(probs: np.ndarray, labels: np.ndarray, threshold: float) -> tuple[float, float]:
    """(precision, recall) of "leans" at a threshold."""
    said = probs >= threshold
    tp = float((said & (labels == 1)).sum())
    return tp / max(1.0, float(said.sum())), tp / max(1.0, float(labels.sum()))


def auc(probs: np.ndarray, labels: np.ndarray) -> float:
    order = np.argsort(probs)
    ranks = np.empty(len(probs))
    ranks[order] = np.arange(1, len(probs) + 1)
    pos = labels == 1
    return float((ranks[pos].sum() - pos.sum() * (pos.sum() + 1) / 2) / (pos.sum() * (~pos).sum()))


def choose(probs: np.ndarray, labels: np.ndarray) -> float:
    """The lowest threshold with precision at least PRECISION (0.5 when none reaches it)."""
    for threshold in np.arange(0.30, 0.96, 0.01):
        if at(probs, labels, threshold)[0] >= PRECISION:
            return round(float(threshold), 2)
    return 0.5


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="cross-validate only; write nothing")
    parser.add_argument("--test", action="store_true", help="also report on the test annotations")
    args = parser.parse_args(argv)
    data = examples("*-dev-context*.jsonl")
    n = sum(len(d[2]) for d in data)
    print(f"dev: {len(data)} articles, {n} sentences, {sum(d[2].sum() for d in data):.0f} need context")
    best = None
    for l2 in L2S:
        probs, labels = held_out(data, l2)
        threshold = choose(probs, labels)
        precision, recall = at(probs, labels, threshold)
        print(f"  l2 {l2:>4}: held-out AUC {auc(probs, labels):.3f}; at {threshold:.2f} precision {precision:.3f} "
              f"recall {recall:.3f}")
        if best is None or recall > best[3]:
            best = (l2, threshold, precision, recall)
    l2, threshold, precision, recall = best
    x, y = np.vstack([d[1] for d in data]), np.concatenate([d[2] for d in data])
    about = (f"{len(data)} dev articles, {n} sentences (blind context annotations); l2 {l2}; held-out "
             f"precision {precision:.3f}, recall {recall:.3f} at {threshold}")
    model = _fit(x, y, l2, threshold, about)
    if args.test:
        test = examples("*-test-context*.jsonl")
        tx, ty = np.vstack([d[1] for d in test]), np.concatenate([d[2] for d in test])
        tp = model.probabilities(tx)
        p, r = at(tp, ty, threshold)
        print(f"test: {len(test)} articles, {len(ty)} sentences; AUC {auc(tp, ty):.3f}; precision {p:.3f} "
              f"recall {r:.3f}")
    if not args.check:
        (ROOT / "briefing" / "models" / "standalone.json").write_text(model.to_json(), encoding="utf-8")
        print(f"wrote briefing/models/standalone.json ({about})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

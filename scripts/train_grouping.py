"""Train the story-pair models: do two articles report the same happening? Dev data only.

    python scripts/train_grouping.py            # cross-validate, then fit on all dev data and write the models
    python scripts/train_grouping.py --check    # cross-validate only

Two models, because names tell events apart only where the text keeps its capitals:

- `story_pairs` (cased text, every real source): trained on the three annotated dev days
  (eval/events/cnndm-dev-300.jsonl, -b-300, -c-300: 900 CNN articles of March 2015
  labelled by event), cross-validated by leaving one day out;
- `story_pairs_uncased` (lower-cased text, such as Multi-News): trained on Multi-News
  dev mixes (50 random stories, 10 seeds), cross-validated by leaving two seeds out.

Candidate pairs come from `briefing.stories.pairs.candidates`, their features from
`pair_features`; a pair is positive when both articles belong to one event or story.
Each held-out input is grouped with the model fitted on the rest, at every
clustering threshold, giving pair precision and recall and the adjusted Rand index.
Kept for each model: the L2 penalty and threshold with the best held-out objective
(days: pair F with precision counted double; Multi-News: ARI). The threshold is
stored in the model; grouping shifts each model's probabilities so that its
threshold falls at 0.5 and cuts there.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from grouping import adjusted_rand_index, load, mix, pair_scores  # noqa: E402

from briefing.learn import LinearModel, train  # noqa: E402
from briefing.model import Article  # noqa: E402
from briefing.nlp.sentences import segment  # noqa: E402
from briefing.stories.clustering import average_linkage, shifted  # noqa: E402
from briefing.stories.pairs import FEATURES, candidates, pair_features, views  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
DAYS = (("cnndm-dev-300", "cnndm-dev.jsonl"), ("cnndm-dev-b-300", "cnndm-dev.jsonl"),
        ("cnndm-dev-c-300", "cnndm-dev.jsonl"))
SEEDS = tuple(range(10))
L2S = (0.1, 1.0, 10.0)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.1, 0.81, 0.05))


@dataclass
class Source:
    """One training source: its documents' truth, candidate pairs, features and labels."""

    name: str
    kind: str  # "day" or "mix"
    truth: list[list[str]]  # per input (a day, or one mix), each document's event
    pairs: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]  # per input: i, j, features, labels


def _input(texts: list[str], truth: list[str], titles: list[str] | None = None):
    docs = [segment(Article(id=f"d{k}", text=t, title=(titles[k] if titles else ""), source=f"d{k}"))
            for k, t in enumerate(texts)]
    v = views(docs)
    i, j = candidates(v)
    x = pair_features(v, docs, i, j)
    y = np.array([truth[a] == truth[b] for a, b in zip(i, j, strict=True)], dtype=float)
    return i, j, x, y


def sources() -> list[Source]:
    """The dev days (one Source each) and the Multi-News dev mixes (one Source per pair of seeds)."""
    found = []
    for name, data in DAYS:
        texts = {r["id"]: r["text"] for r in map(json.loads, (EVAL / data).read_text(encoding="utf-8").splitlines())}
        rows = [json.loads(line) for line in (ROOT / "eval" / "events" / f"{name}.jsonl").read_text().splitlines()]
        truth = [r["event"] for r in rows]
        found.append(Source(name, "day", [truth], [_input([texts[r["id"]] for r in rows], truth)]))
    stories = load(EVAL / "multinews-dev.jsonl")
    for first in range(0, len(SEEDS), 2):
        truths, pairs = [], []
        for seed in SEEDS[first:first + 2]:
            texts, labels = mix(stories, 50, seed)
            truth = [str(t) for t in labels]
            truths.append(truth)
            pairs.append(_input(texts, truth))
        found.append(Source(f"multinews-dev seeds {first}-{first + 1}", "mix", truths, pairs))
    return found


def fit(name: str, train_sources: list[Source], l2: float, threshold: float = 0.5, about: str = "") -> LinearModel:
    """A model fitted on the sources' candidate pairs, each source weighing the same."""
    rows, labels, weights = [], [], []
    for source in train_sources:
        y = np.concatenate([p[3] for p in source.pairs])
        rows.append(np.vstack([p[2] for p in source.pairs]))
        labels.append(y)
        weights.append(np.full(len(y), 1.0 / max(1, len(y))))
    x, y, w = np.vstack(rows), np.concatenate(labels), np.concatenate(weights)
    w *= len(w) / w.sum()
    dicts = [dict(zip(FEATURES, row, strict=True)) for row in x]
    return train(name, dicts, y.astype(int).tolist(), l2=l2, weights=w.tolist(), features=FEATURES,
                 threshold=threshold, about=about)


def grouped(model: LinearModel, n: int, i: np.ndarray, j: np.ndarray, x: np.ndarray, threshold: float) -> list[int]:
    """Each document's group when the model's probabilities are cut at `threshold`."""
    labels = [0] * n
    for label, members in enumerate(average_linkage(n, i, j, shifted(model.probabilities(x), threshold), 0.5)):
        for k in members:
            labels[k] = label
    return labels


def score(model: LinearModel, source: Source, threshold: float) -> dict[str, float]:
    out: dict[str, list[float]] = {"precision": [], "recall": [], "ari": []}
    for truth, (i, j, x, _) in zip(source.truth, source.pairs, strict=True):
        found = grouped(model, len(truth), i, j, x, threshold)
        precision, recall = pair_scores(truth, found)
        out["precision"].append(precision)
        out["recall"].append(recall)
        out["ari"].append(adjusted_rand_index(truth, found))
    return {k: float(np.mean(v)) for k, v in out.items()}


def objective(kind: str, results: list[dict[str, float]]) -> float:
    if kind == "mix":
        return float(np.mean([r["ari"] for r in results]))
    return float(np.mean([3 * r["precision"] * r["recall"] / (2 * r["recall"] + r["precision"])
                          if r["precision"] + r["recall"] else 0.0 for r in results]))


def choose(name: str, kind: str, data: list[Source]) -> tuple[float, float, float]:
    """(l2, threshold, held-out objective) for one model, each source held out in turn."""
    best = (0.0, 0.5, -1.0)
    for l2 in L2S:
        held: dict[float, list[dict[str, float]]] = {t: [] for t in THRESHOLDS}
        for out in data:
            model = fit(name, [s for s in data if s is not out], l2)
            for t in THRESHOLDS:
                held[t].append(score(model, out, t))
        for t in THRESHOLDS:
            value = objective(kind, held[t])
            line = "  ".join(f"P {r['precision']:.3f} R {r['recall']:.3f} ARI {r['ari']:.3f}" for r in held[t])
            print(f"{name} l2 {l2:<5} threshold {t:.2f}  objective {value:.3f}  {line}")
            if value > best[2]:
                best = (l2, t, value)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="cross-validate only; write nothing")
    parser.add_argument("--copies", action="store_true", help="only count, per source, the candidate pairs at "
                        "word cosine 0.8 and 0.9 and how many are one event (grouping.NEAR_COPY's evidence)")
    args = parser.parse_args(argv)
    data = sources()
    if args.copies:
        words = FEATURES.index("words")
        for source in data:
            x = np.vstack([p[2] for p in source.pairs])
            y = np.concatenate([p[3] for p in source.pairs])
            print(source.name, "  ".join(f">= {cut}: {int(y[x[:, words] >= cut].sum())} of "
                                         f"{int((x[:, words] >= cut).sum())} one event" for cut in (0.8, 0.9)))
        return 0
    print("pairs:", {s.name: int(sum(len(p[3]) for p in s.pairs)) for s in data},
          "positives:", {s.name: int(sum(p[3].sum() for p in s.pairs)) for s in data})
    for name, kind in (("story_pairs", "day"), ("story_pairs_uncased", "mix")):
        group = [s for s in data if s.kind == kind]
        l2, threshold, value = choose(name, kind, group)
        print(f"{name}: chosen l2 {l2}, threshold {threshold} (held-out objective {value:.3f})")
        if args.check:
            continue
        about = (f"Trained by scripts/train_grouping.py on {', '.join(s.name for s in group)}; l2 {l2}, clustering "
                 f"threshold {threshold}, chosen by holding each source out (objective {value:.3f}).")
        model = fit(name, group, l2, threshold, about)
        out_path = ROOT / "briefing" / "models" / f"{name}.json"
        out_path.write_text(model.to_json(), encoding="utf-8")
        print(f"wrote {out_path}")
        for feature, weight in sorted(zip(model.features, model.weights, strict=True), key=lambda p: -abs(p[1])):
            print(f"  {feature:<16} {weight:+.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

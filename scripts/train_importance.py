"""Train the story-importance models from editor tiers of the dev days. Dev data only.

    python scripts/train_importance.py            # cross-validate, then fit on all dev days and write the models
    python scripts/train_importance.py --check    # cross-validate only

Each annotated event of the four dev days (eval/events/cnndm-dev-*-tiers.jsonl: tier 1
top story, 2 notable, 3 soft) is a story; its features come from
`briefing.stories.importance.features` over its articles. Two logistic models are
fitted: tier 1 against the rest (`importance_top`) and tiers 1-2 against 3
(`importance_notable`). Cross-validation leaves one day out: its events are ranked by
the models fitted on the other two, and scored by the share of tier-1 events among
the first 12 (what a daily brief shows) and Spearman's rank correlation between the
ranking and the tiers. The L2 penalty with the best mean of the two is kept.
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
from briefing.model import Article, Document  # noqa: E402
from briefing.nlp.sentences import segment  # noqa: E402
from briefing.stories.grouping import story_centrality  # noqa: E402
from briefing.stories.importance import FEATURES, features  # noqa: E402
from briefing.stories.pairs import outlet, views  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
DAYS = (("cnndm-dev-300", "cnndm-dev.jsonl"), ("cnndm-dev-b-300", "cnndm-dev.jsonl"),
        ("cnndm-dev-c-300", "cnndm-dev.jsonl"), ("cnndm-dev-d-100", "cnndm-dev.jsonl"))
SHOWN = 12
L2S = (1.0, 3.0, 10.0, 30.0)


def spearman(a: np.ndarray, b: np.ndarray) -> float:
    """Spearman's rank correlation (average ranks for ties)."""
    def ranks(x: np.ndarray) -> np.ndarray:
        order = np.argsort(x, kind="stable")
        r = np.empty(len(x))
        r[order] = np.arange(len(x))
        for value in np.unique(x):
            same = x == value
            r[same] = r[same].mean()
        return r
    ra, rb = ranks(a), ranks(b)
    return float(np.corrcoef(ra, rb)[0, 1])


def day_events(name: str, data: str) -> tuple[list[dict[str, float]], list[int]]:
    """(features, tier) of each annotated event of a day."""
    texts = {r["id"]: r["text"] for r in map(json.loads, (EVAL / data).read_text(encoding="utf-8").splitlines())}
    events = [json.loads(x) for x in (ROOT / "eval" / "events" / f"{name}.jsonl").read_text().splitlines()]
    tiers = {t["event"]: t["tier"] for t in map(json.loads, (ROOT / "eval" / "events" / f"{name}-tiers.jsonl")
                                                .read_text().splitlines())}
    docs: list[Document] = [segment(Article(id=e["id"], text=texts[e["id"]], source=e["id"])) for e in events]
    slugs = sorted({e["event"] for e in events})
    label_of = np.array([slugs.index(e["event"]) for e in events])
    centrality = story_centrality(views(docs), label_of)
    rows, labels = [], []
    for k, slug in enumerate(slugs):
        members = [i for i, e in enumerate(events) if e["event"] == slug]
        rows.append(features(docs, members, len({outlet(docs[i]) for i in members}), float(centrality[k])))
        labels.append(tiers[slug])
    return rows, labels


def fit(rows: list[dict[str, float]], tiers: list[int], l2: float, about: str = "") -> tuple[LinearModel, LinearModel]:
    """The two models over FEATURES."""
    top = train("importance_top", rows, [int(t == 1) for t in tiers], l2=l2, features=FEATURES, about=about)
    notable = train("importance_notable", rows, [int(t <= 2) for t in tiers], l2=l2, features=FEATURES, about=about)
    return top, notable


def evaluate(models: tuple[LinearModel, LinearModel], rows: list[dict[str, float]], tiers: list[int]) -> tuple[float,
                                                                                                             float]:
    """(share of tier-1 events among the first SHOWN, Spearman correlation of importance with -tier)."""
    top, notable = models
    scores = np.array([top.probability(r) + 0.5 * notable.probability(r) for r in rows])
    order = np.argsort(-scores, kind="stable")
    shown = [tiers[k] for k in order[:SHOWN]]
    return sum(t == 1 for t in shown) / len(shown), spearman(scores, -np.array(tiers, dtype=float))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="cross-validate only; write nothing")
    args = parser.parse_args(argv)
    days = {name: day_events(name, data) for name, data in DAYS}
    for name, (_, tiers) in days.items():
        print(f"{name}: {len(tiers)} events, tiers {[tiers.count(t) for t in (1, 2, 3)]}")
    best = (-1.0, 0.0)
    for l2 in L2S:
        results = []
        for held in days:
            rows = [r for name, (rs, _) in days.items() if name != held for r in rs]
            tiers = [t for name, (_, ts) in days.items() if name != held for t in ts]
            results.append(evaluate(fit(rows, tiers, l2), *days[held]))
        share, rho = float(np.mean([r[0] for r in results])), float(np.mean([r[1] for r in results]))
        print(f"l2 {l2:<5} held-out: tier-1 share of the first {SHOWN} {share:.3f}, Spearman {rho:.3f}  "
              + "  ".join(f"{name} {s:.2f}/{r:.3f}" for name, (s, r) in zip(days, results, strict=True)))
        if share + rho > best[0]:
            best = (share + rho, l2)
    _, l2 = best
    print(f"chosen: l2 {l2}")
    if args.check:
        return 0
    rows = [r for rs, _ in days.values() for r in rs]
    tiers = [t for _, ts in days.values() for t in ts]
    about = f"Trained by scripts/train_importance.py on the editor tiers of {', '.join(days)}; l2 {l2}."
    for model in fit(rows, tiers, l2, about):
        path = ROOT / "briefing" / "models" / f"{model.name}.json"
        path.write_text(model.to_json(), encoding="utf-8")
        print(f"wrote {path}")
        for feature, weight in sorted(zip(model.features, model.weights, strict=True), key=lambda p: -abs(p[1]))[:25]:
            print(f"  {feature:<16} {weight:+.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

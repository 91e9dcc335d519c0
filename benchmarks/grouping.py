"""Story grouping quality: mix the documents of N Multi-News stories, group them, compare with the truth.

    python benchmarks/grouping.py                                  # report: multinews-test, 50 stories, 5 seeds
    python benchmarks/grouping.py ../shared/eval/multinews-dev.jsonl --sweep 0.10,0.13,0.16   # tune on dev
    python benchmarks/grouping.py ../shared/eval/multinews-dev.jsonl --seeds 20 --stories 100  # robustness
    python benchmarks/grouping.py --events eval/events/cnndm-test-300.jsonl       # one real day (report)
    python benchmarks/grouping.py --events eval/events/cnndm-test-300.jsonl --unrelated   # articles of distinct events
    python benchmarks/grouping.py ../shared/eval/cnndm-dev.jsonl --events eval/events/cnndm-dev-300.jsonl \
        --sweep 0.1,0.13                                                                 # tune on the dev day

Prints the adjusted Rand index (ARI) and purity per seed and their mean, and the
time `group` takes. Multi-News holds scraping artefacts (web-archive crawl
notices, tweet-embed text) that appear verbatim in several unrelated stories; the
"clean" ARI leaves those documents out of the comparison (they are still grouped).
`--ceiling` also shows the ARI of three oracles that know the true stories of all
other documents: one leaves each artefact alone, one groups identical artefacts
(what grouping by content alone would at best do with them), and one also leaves
alone each document that shares no weighted term (content stem or bigram, web
furniture left out) with any other document of its story.

`--events` groups one real day's articles (300 CNN/Daily Mail articles from the same weeks,
annotated by event: eval/events/README.md) as they are, and prints the ARI, pair precision
(grouped pairs that are one event) and recall (one event's pairs that are grouped) and purity.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Hashable, Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this tree's briefing, not an installed one

from briefing.model import Article, Document
from briefing.nlp.sentences import segment
from briefing.stories import group, vectors

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "multinews-test.jsonl"
DEFAULT_TEXTS = DEFAULT_DATA.with_name("cnndm-test.jsonl")


def _pairs(counts: np.ndarray) -> float:
    return float((counts * (counts - 1) / 2).sum())


def adjusted_rand_index(truth: Sequence[Hashable], found: Sequence[Hashable]) -> float:
    """Hubert and Arabie's adjusted Rand index of two labelings (1 = identical, ~0 = chance)."""
    _, t = np.unique(truth, return_inverse=True)
    _, f = np.unique(found, return_inverse=True)
    table = np.zeros((t.max() + 1, f.max() + 1), dtype=np.int64)
    np.add.at(table, (t, f), 1)
    both, a, b = _pairs(table), _pairs(table.sum(axis=1)), _pairs(table.sum(axis=0))
    expected = a * b / _pairs(np.array([len(truth)]))
    top = (a + b) / 2
    return 1.0 if top == expected else (both - expected) / (top - expected)


def purity(truth: Sequence[Hashable], found: Sequence[Hashable]) -> float:
    """Share of documents in their found cluster's majority true story."""
    clusters: dict[Hashable, Counter[Hashable]] = {}
    for t, f in zip(truth, found, strict=True):
        clusters.setdefault(f, Counter())[t] += 1
    return sum(c.most_common(1)[0][1] for c in clusters.values()) / len(truth)


def load(path: Path) -> list[list[str]]:
    """The documents of each story (a line of the JSONL)."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["documents"] for line in f if line.strip()]


def artefacts(stories: list[list[str]]) -> set[str]:
    """Documents whose opening occurs in more than one story: scraping artefacts, not news."""
    owners: dict[str, set[int]] = {}
    for n, docs in enumerate(stories):
        for text in docs:
            owners.setdefault(name_key(text), set()).add(n)
    return {key for key, who in owners.items() if len(who) > 1}


def name_key(text: str) -> str:
    return " ".join(text.lower().split())[:80]


def mix(stories: list[list[str]], count: int, seed: int) -> tuple[list[str], list[int]]:
    """The documents of `count` random stories, shuffled, with their true story numbers."""
    rng = random.Random(seed)
    items = [(text, n) for n in rng.sample(range(len(stories)), count) for text in stories[n]]
    rng.shuffle(items)
    return [t for t, _ in items], [n for _, n in items]


def to_documents(texts: list[str]) -> list[Document]:
    return [segment(Article(id=f"doc-{i}", text=text, source=f"doc-{i}")) for i, text in enumerate(texts)]


def ceilings(stories: list[list[str]], count: int, seeds: list[int]) -> tuple[float, float, float]:
    """Mean ARI of three oracles that know every other document's true story.

    One leaves each artefact alone; one groups identical artefacts; one also leaves
    alone each document that shares no weighted term with any other document of its
    own story (its words tie it to nothing there: the best any grouping by the
    articles' words can do with it).
    """
    junk = artefacts(stories)
    alone, together, lexical = [], [], []
    for seed in seeds:
        texts, truth = mix(stories, count, seed)
        keys = [name_key(t) if name_key(t) in junk else None for t in texts]
        alone.append(adjusted_rand_index(truth, [f"a{i}" if k else str(t) for i, (k, t) in
                                                 enumerate(zip(keys, truth, strict=True))]))
        together.append(adjusted_rand_index(truth, [f"k{k}" if k else str(t) for k, t in
                                                    zip(keys, truth, strict=True)]))
        x = vectors(to_documents(texts))
        sim = (x @ x.T).toarray()
        same = np.equal.outer(truth, truth)
        np.fill_diagonal(same, False)
        tied = (np.where(same, sim, 0.0) > 0).any(axis=1)
        lexical.append(adjusted_rand_index(truth, [str(t) if tied[i] and not keys[i] else f"a{i}"
                                                   for i, t in enumerate(truth)]))
    return statistics.mean(alone), statistics.mean(together), statistics.mean(lexical)


def labelled(docs: list[Document], threshold: float) -> tuple[list[int], int, float]:
    """Each document's story number as `group` finds them, how many stories, and the seconds it took."""
    start = time.perf_counter()
    groups = group(docs, threshold=threshold)
    seconds = time.perf_counter() - start
    found = [0] * len(docs)
    for label, members in enumerate(groups):
        for i in members:
            found[i] = label
    return found, len(groups), seconds


def run(stories: list[list[str]], count: int, seeds: list[int], threshold: float, verbose: bool) -> dict[str, float]:
    junk = artefacts(stories)
    scores: dict[str, list[float]] = {"ari": [], "clean_ari": [], "purity": [], "seconds": [], "docs": []}
    for seed in seeds:
        texts, truth = mix(stories, count, seed)
        docs = to_documents(texts)
        found, stories_found, seconds = labelled(docs, threshold)
        keep = [i for i, t in enumerate(texts) if name_key(t) not in junk]
        row = {
            "ari": adjusted_rand_index(truth, found),
            "clean_ari": adjusted_rand_index([truth[i] for i in keep], [found[i] for i in keep]),
            "purity": purity(truth, found),
            "seconds": seconds,
            "docs": len(docs),
        }
        for key, value in row.items():
            scores[key].append(value)
        if verbose:
            print(f"  seed {seed}: {len(docs)} docs, {stories_found} stories found, ARI {row['ari']:.3f}, "
                  f"clean ARI {row['clean_ari']:.3f}, purity {row['purity']:.3f}, {seconds * 1000:.0f} ms")
    return {key: statistics.mean(values) for key, values in scores.items()}


def pair_scores(truth: Sequence[Hashable], found: Sequence[Hashable]) -> tuple[float, float]:
    """Pair precision (grouped pairs that are one true story) and recall (true pairs that are grouped)."""
    t, f = np.asarray([hash(x) for x in truth]), np.asarray([hash(x) for x in found])
    same_t, same_f = np.equal.outer(t, t), np.equal.outer(f, f)
    upper = np.triu(np.ones_like(same_t, dtype=bool), 1)
    both = (same_t & same_f & upper).sum()
    grouped, true = (same_f & upper).sum(), (same_t & upper).sum()
    return (float(both / grouped) if grouped else 1.0), (float(both / true) if true else 1.0)


def importance_scores(truth: list[str], stories: list[list[int]], tiers: dict[str, int],
                      shown: int = 12) -> tuple[float, float]:
    """(share of tier-1 events among the first `shown` stories, Spearman correlation of story order with -tier),
    a story being the event most of its articles report."""
    tier_of = [tiers[Counter(truth[i] for i in members).most_common(1)[0][0]] for members in stories]
    first = tier_of[:shown]
    order = np.arange(len(tier_of), dtype=float)

    def ranks(x: np.ndarray) -> np.ndarray:
        r = np.empty(len(x))
        r[np.argsort(x, kind="stable")] = np.arange(len(x))
        for value in np.unique(x):
            r[x == value] = r[x == value].mean()
        return r

    tier_array = np.array(tier_of, dtype=float)
    rho = float(np.corrcoef(ranks(-order), ranks(-tier_array))[0, 1]) if len(tier_of) > 2 else 0.0
    return sum(t == 1 for t in first) / max(1, len(first)), rho


def run_events(labels: Path, texts_path: Path, threshold: float, verbose: bool) -> dict[str, float]:
    """Group one real day's articles (all of them, as they are) and compare with annotated events (and, when a
    `-tiers.jsonl` file lies beside them, the story order with the editor tiers)."""
    with texts_path.open(encoding="utf-8") as f:
        texts = {row["id"]: row["text"] for row in map(json.loads, f)}
    with labels.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    docs = to_documents([texts[row["id"]] for row in rows])
    truth = [row["event"] for row in rows]
    start = time.perf_counter()
    stories = group(docs, threshold=threshold)
    seconds = time.perf_counter() - start
    found = [0] * len(docs)
    for label, members in enumerate(stories):
        for i in members:
            found[i] = label
    stories_found = len(stories)
    precision, recall = pair_scores(truth, found)
    row = {"ari": adjusted_rand_index(truth, found), "precision": precision, "recall": recall,
           "purity": purity(truth, found), "seconds": seconds}
    tiers_path = labels.with_name(labels.stem + "-tiers.jsonl")
    if tiers_path.exists():
        tiers = {t["event"]: t["tier"] for t in map(json.loads, tiers_path.read_text(encoding="utf-8").splitlines())}
        row["tier1_shown"], row["rank_correlation"] = importance_scores(truth, stories, tiers)
    if verbose:
        print(f"  {len(docs)} articles, {len(set(truth))} events, {stories_found} stories found")
    return row


def run_unrelated(labels: Path, texts_path: Path, stories_path: Path, threshold: float | None) -> None:
    """Articles that are all about different happenings: one per annotated event of a day (real, cased news) and
    one document per Multi-News story (200 stories); every multi-article story found is a wrong merge."""
    with texts_path.open(encoding="utf-8") as f:
        texts = {row["id"]: row["text"] for row in map(json.loads, f)}
    firsts: dict[str, str] = {}
    for row in map(json.loads, labels.read_text(encoding="utf-8").splitlines()):
        firsts.setdefault(row["event"], texts[row["id"]])
    stories = load(stories_path)
    for name, chosen in ((f"one article per event of {labels.name}", list(firsts.values())),
                         (f"one document per story of {stories_path.name}", [docs[0] for docs in stories[:200]])):
        found = group(to_documents(chosen), threshold=threshold)
        several = [g for g in found if len(g) > 1]
        print(f"{name}: {len(chosen)} articles, {len(several)} stories of several articles "
              f"({sum(len(g) for g in several)} articles in them)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help="Multi-News JSONL")
    parser.add_argument("--stories", type=int, default=50, help="stories mixed into one input (default 50)")
    parser.add_argument("--seeds", type=int, default=5, help="number of seeds 0..n-1 (default 5)")
    parser.add_argument("--threshold", type=float, default=None, help="pair probability cut (default: the models')")
    parser.add_argument("--sweep", help="comma-separated thresholds to compare (tuning, dev only)")
    parser.add_argument("--ceiling", action="store_true", help="also show the oracles' ARI")
    parser.add_argument("--events", type=Path, help="annotated events of one day's articles (eval/events/*.jsonl); "
                        "`data` is then the JSONL holding their texts")
    parser.add_argument("--unrelated", action="store_true", help="with --events: group one article per event (and one "
                        "Multi-News test document per story), where any story of several articles is a wrong merge")
    args = parser.parse_args()
    if args.unrelated and args.events:
        texts = args.data if args.data != DEFAULT_DATA else DEFAULT_TEXTS
        run_unrelated(args.events, texts, DEFAULT_DATA, args.threshold)
        return
    if args.events:
        texts = args.data if args.data != DEFAULT_DATA else DEFAULT_TEXTS
        print(f"{args.events.name}: articles of {texts.name} grouped as one input")
        for threshold in ([float(t) for t in args.sweep.split(",")] if args.sweep else [args.threshold]):
            row = run_events(args.events, texts, threshold, verbose=not args.sweep)
            print(f"threshold {threshold}: ARI {row['ari']:.3f}, pair precision {row['precision']:.3f}, "
                  f"pair recall {row['recall']:.3f}, purity {row['purity']:.3f}, "
                  f"group() {row['seconds'] * 1000:.0f} ms")
            if "tier1_shown" in row:
                print(f"  importance: tier-1 share of the 12 stories shown {row['tier1_shown']:.3f}, rank correlation "
                      f"with the editor tiers {row['rank_correlation']:.3f}")
        return
    stories = load(args.data)
    seeds = list(range(args.seeds))
    thresholds = [float(t) for t in args.sweep.split(",")] if args.sweep else [args.threshold]
    print(f"{args.data.name}: {args.stories} stories mixed, seeds {seeds[0]}..{seeds[-1]}")
    if args.ceiling:
        alone, together, lexical = ceilings(stories, args.stories, seeds)
        print(f"oracle ARI: artefacts alone {alone:.3f}, identical artefacts together {together:.3f}, "
              f"also documents sharing no term with their story alone {lexical:.3f}")
    for threshold in thresholds:
        print(f"threshold {threshold}:")
        mean = run(stories, args.stories, seeds, threshold, verbose=len(thresholds) == 1)
        print(f"  mean: ARI {mean['ari']:.3f}, clean ARI {mean['clean_ari']:.3f}, purity {mean['purity']:.3f}, "
              f"group() {mean['seconds'] * 1000:.0f} ms for {mean['docs']:.0f} docs")


if __name__ == "__main__":
    main()

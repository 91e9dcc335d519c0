"""The `default` method: a small learned ranker, redundancy removal and stand-alone sentences.

Every sentence gets language-neutral features (position in the document and in
its paragraph, length, TF-IDF centrality, word-probability coverage, similarity
to the title and to the opening, quotes, numbers, capitals...). A linear model
trained by `scripts/train_default.py` on the dev splits (weights in
`model_weights.json`, plain JSON) turns them into a score. Selection is maximal
marginal relevance (good sentences that do not repeat chosen ones) with the
stand-alone rule of `standalone.py`, within any `Length`.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from ..model import Document
from .registry import Length, Method
from .standalone import lacks_antecedent, leanings
from .vectors import analyze

_QUOTES = frozenset("\"“”«»„")
POSITION_BUCKETS = (0, 1, 2, 3, 4, 6, 9, 14, 20)  # one-hot: index >= bucket start

BASE_FEATURES: tuple[str, ...] = (
    *(f"position>={b}" for b in POSITION_BUCKETS[1:]),
    "position_fraction", "inverse_position", "log_position",
    "paragraph_first", "paragraph_fraction", "position_in_paragraph",
    "log_length", "relative_length", "short", "long",
    "centrality", "relative_centrality", "degree",
    "mean_probability", "coverage", "frequency_sum", "overlap_sum", "overlap_rank", "log_content_words",
    "title_similarity", "has_title", "first_similarity",
    "quote", "opens_with_quote", "question", "leans_back", "digits", "capitals", "stop_ratio",
    "log_sentences", "inverse_position_x_log_sentences", "relative_length_x_relative_centrality",
)
# Every feature also enters once more multiplied by `flat`: 1 when the text has no paragraph
# breaks. Paragraphs change what position and length say (a flat text dump keeps its lead,
# paragraphed articles spread their substance), so the model learns both regimes.
FEATURES: tuple[str, ...] = (*BASE_FEATURES, *(f"{name}_if_flat" for name in BASE_FEATURES))


def features(doc: Document) -> np.ndarray:
    """The feature matrix of `doc`: one row per sentence, columns as `FEATURES`."""
    if len(doc.sentences) == 0:
        return np.zeros((0, len(FEATURES)))
    a = analyze(doc)
    n = a.n
    index = np.arange(n, dtype=float)
    sentences = doc.sentences
    columns: dict[str, np.ndarray] = {}
    for b in POSITION_BUCKETS[1:]:
        columns[f"position>={b}"] = (index >= b).astype(float)
    columns["position_fraction"] = index / max(1, n - 1)
    columns["inverse_position"] = 1.0 / (1.0 + index)
    columns["log_position"] = np.log1p(index)

    paragraph = np.array([s.paragraph for s in sentences])
    starts = np.r_[True, paragraph[1:] != paragraph[:-1]]
    start_index = np.maximum.accumulate(np.where(starts, index, 0))
    columns["paragraph_first"] = starts.astype(float)
    columns["paragraph_fraction"] = (paragraph - paragraph[0]) / max(1, paragraph[-1] - paragraph[0])
    columns["position_in_paragraph"] = np.log1p(index - start_index)

    tokens = np.array([len(w) for w in a.fast_words], dtype=float)
    columns["log_length"] = np.log1p(tokens)
    columns["relative_length"] = tokens / max(1.0, tokens.max())
    columns["short"] = (tokens < 6).astype(float)
    columns["long"] = (tokens > 45).astype(float)

    sim = a.similarity.copy()
    np.fill_diagonal(sim, 0.0)
    centrality = sim.sum(axis=1) / max(1, n - 1)
    columns["centrality"] = centrality
    columns["relative_centrality"] = centrality / centrality.max() if centrality.max() > 0 else centrality
    columns["degree"] = (sim > 0.1).sum(axis=1) / max(1, n - 1)

    content = a.fast_content[:n]
    lengths = np.asarray(content.sum(axis=1)).ravel()
    totals = np.asarray(content.sum(axis=0)).ravel()
    probability = totals / max(1.0, totals.sum())
    weight = content @ probability
    mean_probability = np.where(lengths > 0, weight / np.maximum(lengths, 1), 0.0)
    columns["mean_probability"] = mean_probability / max(mean_probability.max(), 1e-12)
    binary = content.copy()
    binary.data[:] = 1.0
    coverage = binary @ probability
    columns["coverage"] = coverage / max(coverage.max(), 1e-12)
    columns["frequency_sum"] = weight / max(weight.max(), 1e-12)
    shared = (binary @ binary.T).toarray()
    np.fill_diagonal(shared, 0.0)
    log_len = np.log(np.maximum(lengths, 2.0))
    overlap = (shared / (log_len[:, None] + log_len[None, :])).sum(axis=1)
    columns["overlap_sum"] = overlap / max(overlap.max(), 1e-12)
    columns["overlap_rank"] = _pagerank(shared / (log_len[:, None] + log_len[None, :]))
    columns["log_content_words"] = np.log1p(lengths)

    title = a.tfidf[n]
    has_title = title.nnz > 0
    columns["title_similarity"] = (a.tfidf[:n] @ title.T).toarray().ravel() if has_title else np.zeros(n)
    columns["has_title"] = np.full(n, float(has_title))
    first = a.similarity[0].copy()
    first[0] = 1.0
    columns["first_similarity"] = first

    texts = [s.text for s in sentences]
    columns["quote"] = np.array([any(c in _QUOTES for c in t) for t in texts], dtype=float)
    columns["opens_with_quote"] = np.array([t[:1] in _QUOTES for t in texts], dtype=float)
    columns["question"] = np.array([t.rstrip("\"”' ").endswith("?") for t in texts], dtype=float)
    columns["leans_back"] = np.array([k is not None for k in leanings(doc)], dtype=float)
    columns["digits"] = np.array([any(c.isdigit() for c in t) for t in texts], dtype=float)
    columns["capitals"] = np.array([_capital_share(t) for t in texts])
    stops = a.stops
    columns["stop_ratio"] = np.array(
        [sum(w in stops for w in ws) / len(ws) if ws and stops else 0.0 for ws in a.fast_words])

    log_n = np.full(n, np.log(n))
    columns["log_sentences"] = log_n
    columns["inverse_position_x_log_sentences"] = columns["inverse_position"] * log_n
    columns["relative_length_x_relative_centrality"] = (
        columns["relative_length"] * columns["relative_centrality"])
    x = np.column_stack([columns[name] for name in BASE_FEATURES])
    flat = float(paragraph[-1] == paragraph[0])
    return np.hstack([x, x * flat])


def _pagerank(weights: np.ndarray, damping: float = 0.85, steps: int = 30) -> np.ndarray:
    """PageRank over a weighted graph (rows normalised), scaled so the top sentence has 1."""
    n = len(weights)
    rows = weights.sum(axis=1)
    walk = weights / np.where(rows > 0, rows, 1.0)[:, None]
    p = np.full(n, 1.0 / n)
    for _ in range(steps):
        p = (1 - damping) / n + damping * (p @ walk)
    return p / max(p.max(), 1e-12)


def _capital_share(text: str) -> float:
    """Share of words after the first that start with a capital letter (names, places)."""
    words = text.split()[1:]
    return sum(w[:1].isupper() for w in words) / len(words) if words else 0.0


@dataclass(frozen=True)
class Model:
    """A linear scorer over standardised features, and the selection settings."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    mmr_lambda: float

    def score(self, x: np.ndarray) -> np.ndarray:
        """Scores for the rows of a feature matrix."""
        return ((x - self.mean) / self.scale) @ self.weights + self.bias

    @classmethod
    def from_json(cls, text: str) -> Model:
        """A model from `model_weights.json`'s text (checked against FEATURES)."""
        data = json.loads(text)
        if tuple(data["features"]) != FEATURES:
            raise ValueError("model_weights.json does not match the feature list; retrain it")
        return cls(
            features=tuple(data["features"]),
            mean=np.array(data["mean"], dtype=float),
            scale=np.array(data["scale"], dtype=float),
            weights=np.array(data["weights"], dtype=float),
            bias=float(data["bias"]),
            mmr_lambda=float(data["mmr_lambda"]),
        )


@lru_cache(maxsize=1)
def model() -> Model:
    """The shipped model (package data `briefing/rank/model_weights.json`)."""
    text = resources.files(__package__).joinpath("model_weights.json").read_text(encoding="utf-8")
    return Model.from_json(text)


def default_scores(doc: Document) -> np.ndarray:
    """The learned score of every sentence."""
    if len(doc.sentences) == 0:
        return np.zeros(0)
    return model().score(features(doc))


def _fits(words: Sequence[int], used: int, count: int, limit: int, budget: int | None) -> bool:
    """Whether sentences of these word counts can join `count` chosen ones using `used`
    words, by the rules of `registry.take` (the first sentence always fits the budget)."""
    if count + len(words) > limit:
        return False
    for w in words:
        if budget is not None and count and used + w > budget:
            return False
        used += w
        count += 1
    return True


def select(doc: Document, scores: Sequence[float], length: Length, mmr_lambda: float | None = None,
           stand_alone: bool = True, allowed: Collection[int] | None = None) -> list[int]:
    """MMR selection with the stand-alone rule, within `length`, from `allowed` sentences
    (default: all). Returns the chosen sentences in order of choice, then the other
    stand-alone sentences by score, so a caller filtering the list can still fill up."""
    n = len(doc.sentences)
    limit = length.count(n)
    budget = length.words
    words = [len(s.text.split()) for s in doc.sentences]
    lam = model().mmr_lambda if mmr_lambda is None else mmr_lambda
    score = np.asarray(scores, dtype=float)
    spread = score.max() - score.min() if n else 0.0
    relevance = (score - score.min()) / spread if spread > 0 else np.zeros(n)
    sim = analyze(doc).similarity
    kinds = leanings(doc) if stand_alone else [None] * n
    chosen: list[int] = []
    in_summary = np.zeros(n, dtype=bool)
    redundancy = np.zeros(n)
    open_ = np.ones(n, dtype=bool)
    if allowed is not None:
        open_[:] = False
        open_[[i for i in allowed if 0 <= i < n]] = True
    eligible = open_.copy()
    used = 0
    waiting: list[int] = []  # gave way for want of an antecedent: may fit once more is chosen
    while len(chosen) < limit and open_.any():
        gain = np.where(open_, lam * relevance - (1 - lam) * redundancy, -np.inf)
        best = int(np.argmax(gain))
        group = [best]
        if lacks_antecedent(kinds[best], best, in_summary):
            group = _antecedent_or_nothing(best, gain, kinds, in_summary, open_)
        if not group or not _fits([words[i] for i in group], used, len(chosen), limit, budget):
            open_[best] = False  # gives way to the next best
            if not group:
                waiting.append(best)
            continue
        open_[waiting] = True
        waiting.clear()
        for i in group:
            chosen.append(i)
            in_summary[i] = True
            open_[i] = False
            used += words[i]
            redundancy = np.maximum(redundancy, sim[:, i])
    rest = [int(i) for i in np.argsort(-score, kind="stable")
            if eligible[i] and not in_summary[i] and not lacks_antecedent(kinds[i], int(i), in_summary)]
    return chosen + rest


def _antecedent_or_nothing(best: int, gain: np.ndarray, kinds: Sequence[str | None],
                           in_summary: np.ndarray, open_: np.ndarray) -> list[int]:
    """For a sentence missing its antecedent: [sentence before, sentence] when the pair is
    worth its two places (as much as the two best sentences that stand alone), else []."""
    before = best - 1
    with_before = in_summary.copy()
    with_before[before] = True
    if (lacks_antecedent(kinds[before], before, in_summary)
            or lacks_antecedent(kinds[best], best, with_before)):
        return []
    alone = [i for i in np.flatnonzero(open_)
             if i != before and not lacks_antecedent(kinds[i], i, in_summary)]
    rivals = np.sort(gain[alone])[::-1][:2]
    pair = gain[best] + (gain[before] if np.isfinite(gain[before]) else -np.inf)
    return [before, best] if pair >= rivals.sum() else []


METHOD = Method(
    name="default",
    family="native",
    description="briefing's own: learned sentence features, MMR redundancy removal, stand-alone sentences",
    scorer=default_scores,
    select=select,
)

"""Group the day's documents into stories: articles about the same happening, ranked by importance.

Articles form one story when they report the same specific happening, not merely
the same topic: a learned pair model (`pairs`) gives each candidate pair of
articles the probability that they do, from what tells events apart -- the
people, places and organisations they name (and whether each lede names ones the
other article never mentions), the event's rarer terms and numbers, the dates
their first sentences name, their titles, outlets, published dates and how alike
their words and ledes are. Two models: one for text that keeps its capitals
(`story_pairs`, trained on three annotated CNN days, eval/events), one for
lower-cased text where names say nothing (`story_pairs_uncased`, trained on
Multi-News dev); `scripts/train_grouping.py` trains both on dev data only and
chose each model's cut. Stories are then the groups of average linkage over those
probabilities (`clustering`), which never looks beyond the candidate pairs, so
the cost grows with the number of articles, not its square.

Web furniture (login walls, cookie notices, crawl notices) is not news: its
sentences are left out, and a document made mostly of it stays a story of its
own, ranked last.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from .. import learn
from ..model import Document
from ..nlp.furniture import is_boilerplate
from .clustering import average_linkage, shifted
from .importance import features, importance, recency
from .pairs import FEATURES, Views, candidates, outlet, pair_features, row_norms, views

MODELS = ("story_pairs", "story_pairs_uncased")  # for cased and lower-cased text (briefing/models)
NEAR_COPY = 0.9  # word cosine from which two articles are copies of one text (a wire story run by several outlets)


def vectors(docs: Sequence[Document]) -> sparse.csr_matrix:
    """Rows are documents: TF-IDF over shared stems and bigrams, norm at most 1 (furniture rows empty)."""
    return views(docs).words


def probabilities(x: np.ndarray, threshold: float | None = None) -> np.ndarray:
    """For feature rows of candidate pairs, the probability that the two report one happening, shifted so that
    the cut (each model's own, or `threshold` for both) is 0.5; 1 for copies of one text (`NEAR_COPY`)."""
    cased, uncased = (learn.model(name, FEATURES) for name in MODELS)
    lower = x[:, FEATURES.index("uncased")] > 0.5
    out = np.empty(len(x))
    for model, rows in ((cased, ~lower), (uncased, lower)):
        if rows.any():
            cut = model.threshold if threshold is None else threshold
            out[rows] = shifted(model.probabilities(x[rows]), cut)
    # Copies of one text report one happening, whatever the models make of pairs so far beyond any they were
    # trained on (they gave two copies of a CNN article 0.005).
    out[x[:, FEATURES.index("words")] >= NEAR_COPY] = 1.0
    return out


def centroid_sims(x: sparse.csr_matrix, label_of: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per document, cosine to its own story's centroid; per story, mean cosine of its centroid to the others."""
    n = x.shape[0]
    stories = int(label_of.max()) + 1
    membership = sparse.csr_matrix((np.ones(n), (label_of, np.arange(n))), shape=(stories, n))
    sums = sparse.csr_matrix(membership @ x)  # unnormalised centroids
    norms = row_norms(sums)
    safe = np.where(norms > 0, norms, 1.0)
    own = np.asarray(x.multiply(sums[label_of]).sum(axis=1)).ravel() / safe[label_of]
    # Sum over the other documents of x_j . c = (sum of all x_j - the story's own sum) . c
    total = np.asarray(x.sum(axis=0)).ravel()
    sizes = np.bincount(label_of, minlength=stories)
    others = np.maximum(n - sizes, 1)
    centrality = ((sums @ total) - norms**2) / safe / others
    return own, np.where(norms > 0, centrality, 0.0)


def story_centrality(v: Views, label_of: np.ndarray) -> np.ndarray:
    """Per story, how alike its articles are to the day's others, over the ledes (title and first sentences),
    which are alike in length: over all their words, a long feature shares a little with everything and came out
    the more central, hard news told in few words the less."""
    return centroid_sims(v.lede, label_of)[1]


def group(docs: Sequence[Document], *, threshold: float | None = None) -> list[list[int]]:
    """Stories: lists of indices into `docs`, most important story first.

    `threshold` (0-1) is the pair probability at which articles still form one
    story; None keeps each model's own (higher keeps more stories apart).

    Within a story the most representative document (closest to the story's
    centroid) comes first. Stories are ranked by importance as an editor would
    (`importance`: hard news first; coverage, centrality and recency count, length
    does not). Furniture documents come last, each alone. The result is deterministic.
    """
    if not docs:
        return []
    v = views(docs)
    i, j = candidates(v)
    chance = probabilities(pair_features(v, docs, i, j), threshold)
    label_of = np.empty(len(docs), dtype=np.int64)
    for label, members in enumerate(average_linkage(len(docs), i, j, chance, 0.5)):
        label_of[members] = label
    furniture = v.furniture
    own, _ = centroid_sims(v.words, label_of)
    centrality = story_centrality(v, label_of)
    clusters: dict[int, list[int]] = {}
    for i, label in enumerate(label_of.tolist()):
        clusters.setdefault(label, []).append(i)
    dated = [d.article.published for d in docs if d.article.published is not None]
    newest = max(dated) if dated else None
    ranked: list[tuple[float, int, list[int]]] = []
    for label, members in clusters.items():
        order = sorted(members, key=lambda i: (-round(float(own[i]), 9), i))
        if all(furniture[i] for i in members):
            score = -math.inf
        else:
            row = features(docs, order, len({outlet(docs[i]) for i in members}), round(float(centrality[label]), 9))
            score = round(importance(row, recency(docs, members, newest)), 9)
        ranked.append((score, members[0], order))
    ranked.sort(key=lambda item: (-item[0], item[1]))
    return [order for _, _, order in ranked]


def top_stories(docs: Sequence[Document], stories: Sequence[list[int]], limit: int) -> list[list[int]]:
    """The first `limit` stories that are news: a story made only of web furniture (a cookie wall, a crawl
    notice) is none."""
    return split_stories(docs, stories, limit)[0]


def split_stories(docs: Sequence[Document], stories: Sequence[list[int]],
                  limit: int) -> tuple[list[list[int]], list[list[int]]]:
    """(the first `limit` stories that are news, the other stories that are news): nothing is dropped but
    stories made only of web furniture (a cookie wall, a crawl notice)."""
    news = [s for s in stories if not all(is_boilerplate(docs[i]) for i in s)]
    return news[:limit], news[limit:]

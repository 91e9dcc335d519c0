"""Group the day's documents into stories: articles about the same event, ranked by importance.

Each document becomes a TF-IDF vector over its content-word stems and the bigrams
between them (stop words dropped, sublinear term frequency, idf squared so the rare
names and places an event is told by weigh most). Vectors are L2-normalised over
all their terms; then terms in one document only are dropped (they link it to
nothing) and what is left, the shared part, is rescaled to unit length, so a long
article is not kept apart by the detail only it has -- but by at most
1 / SHARED_FLOOR, so an article that shares only a few common words with the day's
others is not made to look like them. Stories are the clusters of average-linkage
agglomeration on cosine similarity, cut at `threshold`: two groups merge while the
mean similarity between their documents is at least the threshold. Average-linkage
clusters at a threshold never cross the connected components of the
"similarity >= threshold" graph, so the graph is built sparsely in blocks and
each component clustered on its own: memory is O(n x block) plus the largest
component squared.

Web furniture (login walls, cookie notices, video-player messages, web-archive
crawl notices; the patterns were drawn up from the scraping artefacts in
Multi-News dev) is not news: its sentences are left out of the vectors, and a
document made mostly of it stays a story of its own, ranked last.

DEFAULT_THRESHOLD (0.13), BIGRAM_WEIGHT (1.0) and SHARED_FLOOR (0.7) were tuned with
`benchmarks/grouping.py` on two dev sets at once, for the mean of their adjusted
Rand index: Multi-News dev (50 random stories mixed, 10 seeds) and 300 CNN/Daily
Mail dev articles from the same weeks, annotated by event (eval/events). The first
rewards joining an event's scattered pages; the second, a real day with many
stories on one topic (three Nigeria stories, a dozen football reports), rewards
keeping distinct events apart, which a random mix never tests. Tuned on Multi-News
alone (bigram weight 0.5, floor 0.5) the day's grouped pairs were 41% right; now 56%.
Second merge passes (centroid merging, attaching singletons to their nearest
neighbour's story), LSA, second-order similarity, lead or BM25 weighting and other
linkages did not help on Multi-News. Much of what is
left is in the data: about one Multi-News document in ten is closer to another
story's document than to any of its own (truncated, off-topic or scraped pages).
A sentence-embedding model (all-MiniLM-L6-v2, `benchmarks/grouping_embeddings.py`)
scores lower alone and adds 0.005 ARI blended in, at 300 times the cost: grouping stays lexical.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from datetime import date
from urllib.parse import urlsplit

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components

from ..model import Document
from ..nlp.furniture import furniture_flags, is_boilerplate, mostly_furniture
from ..nlp.stems import lower_stop_words, stem
from ..nlp.tokenize import fast_words

DEFAULT_THRESHOLD = 0.13  # mean cosine at which groups still merge (tuned on the dev sets)
IDF_POWER = 2.0
BIGRAM_WEIGHT = 1.0  # a bigram (two content words side by side) counts as a word
SHARED_FLOOR = 0.7  # rescale by the norm of the shared terms, but by at most 1 / SHARED_FLOOR
BLOCK = 1024  # rows of the similarity matrix computed at a time

def _terms(doc: Document, flags: list[bool]) -> list[str]:
    """Content-word stems of the title and news sentences, plus bigrams of adjacent content words.

    Bigrams are the only terms with a space in them.
    """
    language = doc.article.language
    stops = lower_stop_words(language)
    terms: list[str] = []
    news = [s.text for s, flag in zip(doc.sentences, flags, strict=True) if not flag]
    for text in [doc.article.title, *news]:
        words = fast_words(text)
        stems = [stem(w, language) for w in words]
        keep = [len(w) > 1 and w not in stops for w in words]
        terms += [s for s, k in zip(stems, keep, strict=True) if k]
        terms += [f"{a} {b}" for a, b, ka, kb in zip(stems, stems[1:], keep, keep[1:], strict=False) if ka and kb]
    return terms


def _row_norms(m: sparse.csr_matrix) -> np.ndarray:
    return np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())


def _normalize_rows(m: sparse.csr_matrix, floor: float = 0.0) -> sparse.csr_matrix:
    """Rows divided by their L2 norm, or by `floor` where the norm is below it (empty rows stay empty)."""
    norms = np.maximum(_row_norms(m), floor)
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)


def _analyse(docs: Sequence[Document]) -> tuple[sparse.csr_matrix, list[bool]]:
    """Document vectors and which documents are furniture (their rows stay empty)."""
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    furniture: list[bool] = []
    for r, doc in enumerate(docs):
        flags = furniture_flags(doc)
        furniture.append(mostly_furniture(doc, flags))
        if furniture[-1]:
            continue
        for term, count in Counter(_terms(doc, flags)).items():
            rows.append(r)
            cols.append(vocab.setdefault(term, len(vocab)))
            vals.append((1.0 + math.log(count)) * (BIGRAM_WEIGHT if " " in term else 1.0))
    n = len(docs)
    m = sparse.csr_matrix((vals, (rows, cols)), shape=(n, max(1, len(vocab))), dtype=np.float64)
    df = np.bincount(m.indices, minlength=m.shape[1])
    idf = (np.log((1 + n) / (1 + df)) + 1.0) ** IDF_POWER
    weighted = _normalize_rows(sparse.csr_matrix(m @ sparse.diags(idf)))
    # A term in one document links it to nothing: its column is dropped. What is left (the shared
    # part, norm <= 1) is rescaled to unit length, so a long article is not kept apart by all the
    # detail only it has -- but by at most 1 / SHARED_FLOOR, so an article with few shared words is
    # not made to look like its neighbours.
    return _normalize_rows(sparse.csr_matrix(weighted[:, df > 1]), SHARED_FLOOR), furniture


def vectors(docs: Sequence[Document]) -> sparse.csr_matrix:
    """Rows are documents: TF-IDF over shared stems and bigrams, norm at most 1 (furniture rows empty)."""
    return _analyse(docs)[0]


def _similar_pairs(x: sparse.csr_matrix, threshold: float) -> sparse.csr_matrix:
    """The sparse graph of document pairs with cosine >= threshold, built block by block."""
    n = x.shape[0]
    xt = sparse.csr_matrix(x.T)
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    for start in range(0, n, BLOCK):
        block = (x[start:start + BLOCK] @ xt).toarray()
        r, c = np.nonzero(block >= threshold)
        rows.append(r + start)
        cols.append(c)
    r, c = np.concatenate(rows), np.concatenate(cols)
    return sparse.csr_matrix((np.ones(len(r), dtype=np.int8), (r, c)), shape=(n, n))


def _average_linkage(x: sparse.csr_matrix, threshold: float) -> np.ndarray:
    """Cluster labels: average linkage on cosine distance, cut where mean similarity falls below threshold."""
    n = x.shape[0]
    _, component = connected_components(_similar_pairs(x, threshold), directed=False)
    labels = np.arange(n)  # singletons keep their own index; clusters get labels from n up
    next_label = n
    for comp in np.unique(component):
        members = np.flatnonzero(component == comp)
        if len(members) < 2:
            continue
        sub = x[members]
        distance = 1.0 - (sub @ sub.T).toarray()
        condensed = np.clip(distance[np.triu_indices(len(members), 1)], 0.0, 2.0)
        cut = fcluster(linkage(condensed, method="average"), t=1.0 - threshold, criterion="distance")
        labels[members] = next_label + cut
        next_label += int(cut.max()) + 1
    return labels


def _outlet(doc: Document) -> str:
    """Who published it: the URL's host, else the article itself (unknown outlets count apart)."""
    article = doc.article
    if article.url and (host := urlsplit(article.url).hostname):
        return host.removeprefix("www.")
    return f"{article.source}#{article.id}"


def _importance(docs: Sequence[Document], members: list[int], newest: date | None, centrality: float) -> float:
    """Coverage (outlets, then half for each extra article) + centrality + recency (each of the last in [0, 1])."""
    outlets = len({_outlet(docs[i]) for i in members})
    coverage = outlets + 0.5 * (len(members) - outlets)
    dates = [d for i in members if (d := docs[i].article.published) is not None]
    recency = 0.5 if newest is None or not dates else 0.5 ** max(0, (newest - max(dates)).days)
    return coverage + centrality + recency


def _centroid_sims(x: sparse.csr_matrix, label_of: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per document, cosine to its own story's centroid; per story, mean cosine of its centroid to the others."""
    n = x.shape[0]
    stories = int(label_of.max()) + 1
    membership = sparse.csr_matrix((np.ones(n), (label_of, np.arange(n))), shape=(stories, n))
    sums = sparse.csr_matrix(membership @ x)  # unnormalised centroids
    norms = _row_norms(sums)
    safe = np.where(norms > 0, norms, 1.0)
    own = np.asarray(x.multiply(sums[label_of]).sum(axis=1)).ravel() / safe[label_of]
    # Sum over the other documents of x_j . c = (sum of all x_j - the story's own sum) . c
    total = np.asarray(x.sum(axis=0)).ravel()
    sizes = np.bincount(label_of, minlength=stories)
    others = np.maximum(n - sizes, 1)
    centrality = ((sums @ total) - norms**2) / safe / others
    return own, np.where(norms > 0, centrality, 0.0)


def group(docs: Sequence[Document], *, threshold: float = DEFAULT_THRESHOLD) -> list[list[int]]:
    """Stories: lists of indices into `docs`, most important story first.

    Within a story the most representative document (closest to the story's
    centroid) comes first. Importance is coverage (distinct outlets, then more
    articles), centrality (mean similarity to the day's other articles) and
    recency (newest `Article.published`, halving per day older). Furniture
    documents come last, each alone. The result is deterministic.
    """
    if not docs:
        return []
    x, furniture = _analyse(docs)
    _, label_of = np.unique(_average_linkage(x, threshold), return_inverse=True)
    own, centrality = _centroid_sims(x, label_of)
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
            score = _importance(docs, members, newest, round(float(centrality[label]), 9))
        ranked.append((score, members[0], order))
    ranked.sort(key=lambda item: (-item[0], item[1]))
    return [order for _, _, order in ranked]


def top_stories(docs: Sequence[Document], stories: Sequence[list[int]], limit: int) -> list[list[int]]:
    """The first `limit` stories that are news: a story made only of web furniture (a cookie wall, a crawl
    notice) is none."""
    return [s for s in stories if not all(is_boilerplate(docs[i]) for i in s)][:limit]

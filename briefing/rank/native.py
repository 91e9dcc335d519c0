"""Our own numpy/scipy LexRank, TextRank, LSA, KL, SumBasic, Luhn and Reduction.

Each reproduces sumy 0.13's algorithm on the same words, stems and stop words
(`vectors.analyze`), quirks included, so it chooses the sentences sumy chooses:

- LexRank: TF = count / max count, IDF = log(N / (1 + df)), threshold 0.1 on the
  cosine, rows divided by degree, sumy's power method (normalised, epsilon 0.1).
- TextRank: shared-word count / (log len + log len), rows normalised (+1e-7),
  damping 0.85, sumy's power method (epsilon 1e-4).
- LSA: sumy keeps every singular dimension, so a sentence's strength is just the
  norm of its column of the smoothed (0.4 + 0.6 tf / max tf) term matrix.
- KL and SumBasic: sumy's greedy loops, vectorised over all sentences per step.
- Luhn: chunks of significant stems (more than one occurrence), gaps under 4.
- Reduction: the sum of the shared-word edges, added in sumy's order.

Where sumy's floating-point arithmetic decides (a cosine at LexRank's threshold,
near-equal KL or SumBasic values in a greedy step), the few candidates within
1e-9 are re-scored with sumy's own formula, so ties fall the way they fall in
sumy. sumy keys some ratings by sentence text: duplicated sentences then share
one rating, and we do the same.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Callable
from itertools import chain

import numpy as np
from scipy import sparse

from ..model import Document
from . import vectors
from .registry import Method
from .vectors import Analysis, analyze

LEXRANK_THRESHOLD = 0.1  # sumy's LexRankSummarizer.threshold (a test checks they agree)
LEXRANK_EPSILON = 0.1  # sumy's LexRankSummarizer.epsilon
TEXTRANK_EPSILON = 1e-4
TEXTRANK_DAMPING = 0.85
TEXTRANK_ZERO_DIVISION_PREVENTION = 1e-7
LSA_SMOOTH = 0.4
LUHN_MAX_GAP = 4
TIE = 1e-9  # values this close (relative) are re-scored with sumy's own formula


def _text_keys(doc: Document) -> np.ndarray:
    """For each sentence, the last sentence with the same text (sumy's dict keys)."""
    last = {s.text: i for i, s in enumerate(doc.sentences)}
    return np.array([last[s.text] for s in doc.sentences])


def _power_method(matrix: np.ndarray, epsilon: float, normalize: bool) -> np.ndarray:
    """sumy's power method, step for step (the same arithmetic gives the same bits)."""
    transposed = matrix.T
    n = len(matrix)
    p = np.array([1.0 / n] * n)
    change = 1.0
    with np.errstate(invalid="ignore", divide="ignore"):
        while change > epsilon:
            following = np.dot(transposed, p)
            if normalize:
                following /= np.linalg.norm(following)
            change = np.linalg.norm(np.subtract(following, p))
            p = following
    return p


def _row_max(m: sparse.csr_matrix) -> np.ndarray:
    """The largest entry of each row (0 for an empty row)."""
    return np.asarray(m.max(axis=1).todense()).ravel() if m.nnz else np.zeros(m.shape[0])


# --- LexRank -------------------------------------------------------------------------------------

def lexrank_scores(doc: Document) -> np.ndarray:
    """sumy's LexRank: degree-normalised thresholded IDF-cosine graph, power method."""
    a = analyze(doc)
    n = a.n
    counts = a.content_stems
    max_tf = _row_max(counts)
    max_tf[max_tf == 0] = 1.0
    tf = counts.copy()
    tf.data = counts.data / np.repeat(max_tf, np.diff(counts.indptr))  # count / max, as sumy divides
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    with np.errstate(divide="ignore"):
        idf = np.where(df > 0, np.log(n / (1.0 + df)), 0.0)
    w = sparse.csr_matrix(tf @ sparse.diags(idf))
    numerator = (w @ w.T).toarray()
    norms = np.sqrt(np.asarray(w.multiply(w).sum(axis=1)).ravel())
    both = (norms[:, None] > 0) & (norms[None, :] > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        cosine = np.where(both, numerator / np.outer(norms, norms), 0.0)
    near = np.argwhere(np.abs(cosine - LEXRANK_THRESHOLD) <= TIE)
    if len(near):
        _exact_cosines(a, cosine, near, df)
    adjacency = cosine > LEXRANK_THRESHOLD
    degrees = adjacency.sum(axis=1).astype(float)
    degrees[degrees == 0] = 1.0
    matrix = adjacency.astype(float) / degrees[:, None]
    scores = _power_method(matrix, LEXRANK_EPSILON, normalize=True)
    # An empty graph (no shared word) makes sumy's power method divide 0 by 0; the sumy adapter
    # reads that NaN as 0, and so do we.
    return np.nan_to_num(scores[_text_keys(doc)], nan=0.0)


def _exact_cosines(a: Analysis, cosine: np.ndarray, pairs: np.ndarray, df: np.ndarray) -> None:
    """Re-score pairs at the threshold with sumy's own cosine (in place)."""
    from sumy.summarizers.lex_rank import LexRankSummarizer

    stems = a.content_stem_lists()
    n = a.n
    idf = {t: math.log(n / (1 + int(df[a.vocab[t]]))) for i in set(pairs.ravel()) for t in stems[i]}
    tfs = {}
    for i in set(pairs.ravel().tolist()):
        count = Counter(stems[i])
        top = max(count.values()) if count else 1
        tfs[i] = {t: c / top for t, c in count.items()}
    for i, j in pairs.tolist():
        cosine[i, j] = LexRankSummarizer.cosine_similarity(stems[i], stems[j], tfs[i], tfs[j], idf)


# --- TextRank and Reduction: shared-word edges -----------------------------------------------------

def _edges(a: Analysis, single_word_edge: bool) -> np.ndarray:
    """Dense shared-word count / (log len i + log len j), from the sparse overlap; when
    both sentences have one word, that count (TextRank) or 0 (Reduction)."""
    overlap = a.overlap.tocoo()
    rows, cols, shared = overlap.row, overlap.col, overlap.data
    norm = a.log_lengths[rows] + a.log_lengths[cols]
    zero = norm == 0
    values = shared / np.where(zero, 1.0, norm)
    values[zero] = shared[zero] if single_word_edge else 0.0
    edges = np.zeros((a.n, a.n))
    edges[rows, cols] = values
    return edges


def textrank_scores(doc: Document) -> np.ndarray:
    """sumy's TextRank: PageRank with damping over word-overlap edges."""
    a = analyze(doc)
    n = a.n
    weights = _edges(a, single_word_edge=True)
    weights /= weights.sum(axis=1)[:, np.newaxis] + TEXTRANK_ZERO_DIVISION_PREVENTION
    matrix = TEXTRANK_DAMPING * weights
    matrix += (1.0 - TEXTRANK_DAMPING) / n  # the same sums as sumy's full + damping * weights
    scores = _power_method(matrix, TEXTRANK_EPSILON, normalize=False)
    return scores[_text_keys(doc)]


def reduction_scores(doc: Document) -> np.ndarray:
    """sumy's Reduction: each sentence's summed edge weights (summed in sumy's order)."""
    a = analyze(doc)
    edges = _edges(a, single_word_edge=False)
    np.fill_diagonal(edges, 0.0)
    scores = np.cumsum(edges, axis=1)[:, -1]  # left to right, like sumy's running `+=`
    keys = _text_keys(doc)
    groups: dict[int, list[int]] = {}
    for i, k in enumerate(keys.tolist()):
        groups.setdefault(k, []).append(i)
    for k, members in groups.items():
        if len(members) > 1:  # duplicates share one dict entry that every pair adds to
            scores[k] = _shared_sum(edges, members)
    return scores[keys]


def _shared_sum(edges: np.ndarray, members: list[int]) -> float:
    """sumy's running total for sentences sharing one key: pairs in combinations order,
    an edge between two members added twice."""
    n = len(edges)
    inside = np.zeros(n, dtype=bool)
    inside[members] = True
    parts = []
    for i in range(n):
        if inside[i]:
            later = np.arange(i + 1, n)
            later = np.sort(np.concatenate([later, later[inside[later]]]), kind="stable")
        else:
            later = np.array([j for j in members if j > i], dtype=np.int64)
        parts.append(edges[i, later])
    values = np.concatenate(parts) if parts else np.zeros(0)
    return float(np.cumsum(values)[-1]) if len(values) else 0.0


# --- LSA ---------------------------------------------------------------------------------------

def lsa_scores(doc: Document) -> np.ndarray:
    """sumy's LSA strength, sqrt(sum sigma^2 v^2) over all dimensions = the column norm."""
    a = analyze(doc)
    stems = a.token("stem")
    in_dictionary = np.zeros(len(a.vocab), dtype=bool)
    in_dictionary[a.token("stem", title=True)[~a.token("stop", title=True)]] = True
    rows = int(in_dictionary.sum())
    if rows == 0:
        return np.zeros(a.n)
    keep = in_dictionary[stems]
    counts = a.counts(a.token("sent")[keep], stems[keep])
    top = _row_max(counts)
    nnz = np.diff(counts.indptr)
    frequency = counts.data / np.repeat(np.where(top > 0, top, 1.0), nnz)
    cell = LSA_SMOOTH + (1.0 - LSA_SMOOTH) * frequency
    squares = np.bincount(np.repeat(np.arange(a.n), nnz), weights=cell**2, minlength=a.n)
    squares += (rows - nnz) * LSA_SMOOTH**2
    return np.where(top > 0, np.sqrt(squares), 0.0)


# --- Luhn --------------------------------------------------------------------------------------

def luhn_scores(doc: Document) -> np.ndarray:
    """sumy's Luhn: best chunk of significant stems, (significant words)^2 / chunk length."""
    a = analyze(doc)
    content = a.token("stem", title=True)[~a.token("stop", title=True)]
    strings = a.strings()
    stems = np.unique(content)
    lowered = stems.copy()  # id of each stem's lower-cased form (sumy's TfDocumentModel lower-cases)
    for k, i in enumerate(stems.tolist()):
        if strings[i] != strings[i].lower():
            lowered[k] = a.ids([strings[i].lower()])[0]
    tally = np.bincount(np.repeat(lowered, np.bincount(np.searchsorted(stems, content))),
                        minlength=len(a.vocab))
    significant = np.zeros(len(a.vocab), dtype=bool)
    significant[stems] = (lowered == stems) & (tally[stems] > 1)
    sent = a.token("sent")
    flags = significant[a.token("stem")]
    lengths = np.bincount(sent, minlength=a.n)
    position = np.arange(len(sent)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    where = np.flatnonzero(flags)
    scores = np.zeros(a.n)
    if len(where) == 0:
        return scores
    s_sent, s_pos = sent[where], position[where]
    new = np.ones(len(where), dtype=bool)
    new[1:] = (s_sent[1:] != s_sent[:-1]) | (s_pos[1:] - s_pos[:-1] > LUHN_MAX_GAP)
    chunk = np.cumsum(new) - 1
    size = np.bincount(chunk).astype(float)
    first = s_pos[new]
    last = s_pos[np.append(new[1:], True)]
    rating = np.where(size > 1, size**2 / (last - first + 1), 0.0)
    np.maximum.at(scores, s_sent[new], rating)
    return scores


# --- KL-Sum and SumBasic: greedy loops -----------------------------------------------------------

def _ranks_by_order(doc: Document, order: list[int]) -> np.ndarray:
    """sumy's ratings: -(number of distinct texts rated before), keyed by text."""
    ratings: dict[str, float] = {}
    for i in order:
        ratings[doc.sentences[i].text] = -float(len(ratings))
    return np.array([ratings[s.text] for s in doc.sentences])


def _first_best(candidates: np.ndarray, value: Callable[[int], float], lowest: bool) -> int:
    """Re-score near-tied candidates exactly; the first of the best wins (as in sumy)."""
    if len(candidates) == 1:
        return int(candidates[0])
    exact = [value(int(i)) for i in candidates]
    best = min(exact) if lowest else max(exact)
    return int(candidates[exact.index(best)])


def kl_scores(doc: Document) -> np.ndarray:
    """sumy's KL-Sum: greedily add the sentence that leaves the lowest KL divergence.

    As in sumy: sentence words are lower-cased non-stop words, the document's
    distribution filters stop words before lower-casing, and the summary joins
    with its sentences' raw words.
    """
    a = analyze(doc)
    n = a.n
    sent, lower, raw = a.token("sent"), a.token("lower"), a.token("raw")
    keep = ~a.token("kl_stop")
    counts = a.counts(sent[keep], lower[keep])
    width = counts.shape[1]
    lengths = np.bincount(sent[keep], minlength=n).astype(float)
    in_doc = ~a.token("raw_stop")
    total = int(in_doc.sum())
    doc_freq = np.bincount(lower[in_doc], minlength=width) / total if total else np.zeros(width)
    rows = np.repeat(np.arange(n), np.diff(counts.indptr))
    cols, c = counts.indices, counts.data
    d = doc_freq[cols]
    with np.errstate(divide="ignore", invalid="ignore"):
        own = np.where(d > 0, d * (np.log(np.where(d > 0, d, 1.0)) - np.log(c)), 0.0)
        log_d = np.log(np.where(doc_freq > 0, doc_freq, 1.0))
    raw_starts = np.searchsorted(sent, np.arange(n + 1))
    summary = np.zeros(width)
    summary_len = 0
    alive = np.ones(n, dtype=bool)
    order: list[int] = []
    reference = _KLReference(a)
    for _ in range(n):
        in_summary = summary[cols] > 0
        missing = np.bincount(rows, weights=np.where(in_summary, 0.0, d), minlength=n)
        with np.errstate(divide="ignore", invalid="ignore"):
            shared = -d * np.log1p(c / np.where(in_summary, summary[cols], 1.0))
        partial = np.bincount(rows, weights=np.where(in_summary, shared, own), minlength=n)
        support = (summary > 0) & (doc_freq > 0)
        base = float(np.sum(doc_freq[support] * (log_d[support] - np.log(summary[support]))))
        mass = float(np.sum(doc_freq[support]))
        size = lengths + summary_len
        with np.errstate(divide="ignore", invalid="ignore"):
            log_size = np.log(np.where(size > 0, size, 1.0))
            kl = np.where(size > 0, base + partial + log_size * (mass + missing), 0.0)
        kl[~alive] = np.inf
        low = kl.min()
        candidates = np.flatnonzero(alive & (kl <= low + TIE * max(1.0, abs(low))))
        best = _first_best(candidates, reference.value, lowest=True)
        order.append(best)
        alive[best] = False
        np.add.at(summary, raw[raw_starts[best]:raw_starts[best + 1]], 1.0)
        summary_len += raw_starts[best + 1] - raw_starts[best]
        reference.add(best)
    return _ranks_by_order(doc, order)


class _KLReference:
    """sumy's own KL arithmetic for near-tied candidates (built only when needed)."""

    def __init__(self, a: Analysis) -> None:
        self.a = a
        self.summary: list[str] = []
        self._ready = False

    def add(self, i: int) -> None:
        self.summary.extend(self.a.words[i])

    def value(self, i: int) -> float:
        if not self._ready:
            from sumy.summarizers.kl import KLSummarizer

            stops = self.a.raw_stops
            self.kl = KLSummarizer()
            self.kl.stop_words = stops
            content = [w.lower() for ws in self.a.words for w in ws if w not in stops]
            freq = KLSummarizer._compute_word_freq(content)
            self.doc_freq = {w: f / len(content) for w, f in freq.items()}
            self.sentence_words = [[w.lower() for w in ws if w.lower() not in stops] for ws in self.a.words]
            self.cache: dict[tuple[tuple[str, ...], int], float] = {}
            self._ready = True
        key = (tuple(self.sentence_words[i]), len(self.summary))
        if key not in self.cache:
            joint = self.kl._joint_freq(self.sentence_words[i], self.summary)
            self.cache[key] = self.kl._kl_divergence(joint, self.doc_freq)
        return self.cache[key]


def _content_ids(a: Analysis) -> tuple[list[list[int]], list[int]]:
    """Each sentence's non-stop stems as ids, in order, and each id's count over the document.

    Reuses the analysis's token table when another method built it; otherwise maps
    each distinct word once, which is all SumBasic needs.
    """
    if "_tokens" in a.__dict__:
        ids = a.content_stem_ids
        tally = np.bincount(a.token("stem")[~a.token("stop")], minlength=len(a.vocab)).tolist()
        return ids, tally
    known, language = vectors.word_cache(a.language), a.language
    numbers: dict[str, int] = {}
    of: dict[str, int] = {}  # content word as written -> its stem's number
    for word in dict.fromkeys(chain.from_iterable(a.words)):
        _, stem, stop, _, _ = known.get(word) or vectors.describe_word(word, language)
        if not stop:
            of[word] = numbers.setdefault(stem, len(numbers))
    ids = [[of[w] for w in words if w in of] for words in a.words]
    tally = [0] * len(numbers)
    for k in chain.from_iterable(ids):
        tally[k] += 1
    return ids, tally


def sumbasic_scores(doc: Document) -> np.ndarray:
    """sumy's SumBasic: pick the highest mean word probability, then square the
    probabilities of the words it used.

    Means only fall as probabilities are squared, so a lazy max-heap finds each
    pick re-scoring only the few sentences that reach its top; the means are sumy's
    own arithmetic, so ties go to the earliest sentence exactly as in sumy.
    """
    a = analyze(doc)
    ids, tally = _content_ids(a)
    lengths = [len(k) for k in ids]
    total = max(1, sum(lengths))
    prob = [count / total for count in tally]  # count / total, as sumy divides

    share = prob.__getitem__
    # sumy's arithmetic: a running sum, then one division (0 for a sentence without words).
    heap = [(-sum(map(share, k)) / n if n else 0, i) for i, (k, n) in enumerate(zip(ids, lengths, strict=True))]
    heapq.heapify(heap)
    pop, push = heapq.heappop, heapq.heappush
    order: list[int] = []
    while heap:
        _, i = pop(heap)
        n = lengths[i]
        value = sum(map(share, ids[i])) / n if n else 0
        if heap and (-value, i) > heap[0]:
            push(heap, (-value, i))
            continue
        order.append(i)
        for k in ids[i]:
            prob[k] *= prob[k]
    return _ranks_by_order(doc, order)


SCORERS: dict[str, tuple[Callable[[Document], np.ndarray], str]] = {
    "fast-lexrank": (lexrank_scores, "LexRank (native numpy, sumy's choices)"),
    "fast-textrank": (textrank_scores, "TextRank (native numpy, sumy's choices)"),
    "fast-lsa": (lsa_scores, "LSA (native closed form, sumy's choices)"),
    "fast-kl": (kl_scores, "KL-Sum (native vectorised greedy, sumy's choices)"),
    "fast-sumbasic": (sumbasic_scores, "SumBasic (native vectorised greedy, sumy's choices)"),
    "fast-luhn": (luhn_scores, "Luhn (native vectorised chunks, sumy's choices)"),
    "fast-reduction": (reduction_scores, "Reduction (native numpy, sumy's choices)"),
}

METHODS = [Method(name, "native", description, scorer) for name, (scorer, description) in SCORERS.items()]

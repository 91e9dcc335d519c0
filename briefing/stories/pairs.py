"""Pairs of articles that may report one event, and what tells whether they do.

Each document is seen five ways, each a sparse TF-IDF row (idf over the day's
documents, so what everyone writes about weighs little):

- `words`: content-word stems and bigrams of the title and news sentences (the
  shared part rescaled, see `grouping`): the topic;
- `lede`: the same terms of the title and the first three sentences: what the
  article is about, not the background it gives;
- `names`: proper names (capitalised words and pairs inside sentences): who and where;
- `numbers`: the numbers it gives ("147", "9525", "$2.5 billion"): the event's particulars;
- `title`: the title's terms, when there is one.

Candidate pairs are those whose words or names are at least a little alike
(built block by block, at most `NEIGHBOURS` per article, so the work grows with
the number of articles, not its square). Each candidate pair gets the features
`FEATURES`: the five cosines, the shared names and how rare the rarest is, the
articles' outlets, dates and lengths, and how near each is among the other's
neighbours. `grouping` turns them into the probability that the two report the
same happening, with a model learned from annotated days (eval/events).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import numpy as np
from scipy import sparse

from ..model import Document
from ..nlp.furniture import furniture_flags, mostly_furniture
from ..nlp.stems import lower_stop_words, stem
from ..nlp.tokenize import fast_words

IDF_POWER = 2.0
BIGRAM_WEIGHT = 1.0  # a bigram (two content words side by side) counts as a word
SHARED_FLOOR = 0.7  # rescale by the norm of the shared terms, but by at most 1 / SHARED_FLOOR
BLOCK = 1024  # rows of a similarity matrix computed at a time
LEDE_SENTENCES = 3
RARE = 3  # documents of the day at most for a term to be a rare one
NEIGHBOURS = 40  # candidate partners kept per article, the most alike first
WORDS_FLOOR = 0.04  # a pair is a candidate when its words are this alike ...
NAMES_FLOOR = 0.15  # ... or its names are
FEATURES = ("words", "lede", "names", "lede_names", "numbers", "title", "titled", "shared_names", "rarest_name",
            "rarest_lede_name", "lede_conflict", "date_conflict", "same_outlet", "days_apart", "dated", "length_ratio",
            "rank", "uncased", "uncased_words", "uncased_lede", "uncased_rank", "lede_coverage", "rare_shared",
            "words_x_conflict", "words_x_coverage")
UNCASED = 0.02  # below this share of capitalised words inside sentences, a text is lower-cased: names say nothing

_NAME = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*[a-z][\w'’-]*|(?<![\w'’-])[A-Z]{2,}(?![\w'’-])")
_MONTH_DAY = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.? \d{1,2}\b", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|bn|m|%|percent))?", re.IGNORECASE)


@dataclass(frozen=True)
class Views:
    """The day's documents as sparse rows (one matrix per view), and which are web furniture."""

    words: sparse.csr_matrix
    lede: sparse.csr_matrix
    names: sparse.csr_matrix
    lede_names: sparse.csr_matrix  # the names of the title and the first sentences (binary, idf-weighted)
    lede_terms: sparse.csr_matrix  # the title's and first sentences' terms, in `words`' columns (binary, idf-weighted)
    term_present: sparse.csr_matrix  # 1 where a document has a term anywhere (all of `words`' columns)
    rare: sparse.csr_matrix  # 1 where a document has a term that at most RARE documents of the day have
    name_present: sparse.csr_matrix  # 1 where a document names a name anywhere
    numbers: sparse.csr_matrix
    title: sparse.csr_matrix
    name_idf: np.ndarray  # idf of each names column, for the rarest shared name
    furniture: list[bool]
    outlets: list[str]
    lengths: np.ndarray  # words per document
    cased: np.ndarray  # share of a document's words that open with a capital inside sentences (0 for lower-cased text)
    lede_dates: list[frozenset[str]]  # month-day dates the first sentence names ("march 25")


def _stems(text: str, language: str, stops: frozenset[str]) -> list[str]:
    """Content-word stems of a text, plus bigrams of adjacent content words (bigrams hold a space)."""
    words = fast_words(text)
    stems = [stem(w, language) for w in words]
    keep = [len(w) > 1 and w not in stops for w in words]
    return [s for s, k in zip(stems, keep, strict=True) if k] + [
        f"{a} {b}" for a, b, ka, kb in zip(stems, stems[1:], keep, keep[1:], strict=False) if ka and kb]


def names_in(text: str, stops: frozenset[str]) -> list[str]:
    """Proper names of a sentence, lower-cased: capitalised words that do not open it, and adjacent pairs."""
    found = []
    previous_end, previous = -2, ""
    for match in _NAME.finditer(text):
        word = match.group().lower().strip("'’-")
        if match.start() == 0 or word in stops or len(word) < 2:
            previous_end = -2
            continue
        found.append(word)
        if match.start() == previous_end + 1:
            found.append(f"{previous} {word}")
        previous_end, previous = match.end(), word
    return found


def numbers_in(text: str) -> list[str]:
    """The numbers of a text as written, without thousands separators ("1,200" -> "1200")."""
    return [m.group().lower().replace(",", "").replace(" ", "") for m in _NUMBER.finditer(text)]


def outlet(doc: Document) -> str:
    """Who published it: the URL's host, else the article itself (unknown outlets count apart)."""
    article = doc.article
    if article.url and (host := urlsplit(article.url).hostname):
        return host.removeprefix("www.")
    return f"{article.source}#{article.id}"


def row_norms(m: sparse.csr_matrix) -> np.ndarray:
    return np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())


def normalize_rows(m: sparse.csr_matrix, floor: float = 0.0) -> sparse.csr_matrix:
    """Rows divided by their L2 norm, or by `floor` where the norm is below it (empty rows stay empty)."""
    norms = np.maximum(row_norms(m), floor)
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)


class _Matrix:
    """Term counts of documents, gathered row by row, then weighted by idf (a vocabulary may be shared)."""

    def __init__(self, vocab: dict[str, int] | None = None) -> None:
        self.vocab: dict[str, int] = {} if vocab is None else vocab
        self.rows: list[int] = []
        self.cols: list[int] = []
        self.vals: list[float] = []

    def add(self, row: int, terms: list[str], bigram_weight: float = 1.0) -> None:
        for term, count in Counter(terms).items():
            self.rows.append(row)
            self.cols.append(self.vocab.setdefault(term, len(self.vocab)))
            self.vals.append((1.0 + math.log(count)) * (bigram_weight if " " in term else 1.0))

    def weighted(self, n: int) -> tuple[sparse.csr_matrix, np.ndarray, np.ndarray]:
        """(idf-weighted rows, document frequency, idf) of the columns."""
        m = sparse.csr_matrix((self.vals, (self.rows, self.cols)), shape=(n, max(1, len(self.vocab))),
                              dtype=np.float64)
        df = np.bincount(m.indices, minlength=m.shape[1])
        idf = (np.log((1 + n) / (1 + df)) + 1.0) ** IDF_POWER
        return sparse.csr_matrix(m @ sparse.diags(idf)), df, idf


def views(docs: Sequence[Document]) -> Views:
    """Every view of every document (furniture documents get empty rows)."""
    words, lede, names, numbers, title = (_Matrix() for _ in range(5))
    lede_names = _Matrix(names.vocab)  # the same columns as names
    lede_terms = _Matrix(words.vocab)  # the same columns as words
    furniture: list[bool] = []
    lengths, cased, lede_dates = [], [], []
    for r, doc in enumerate(docs):
        language = doc.article.language
        stops = lower_stop_words(language)
        flags = furniture_flags(doc)
        furniture.append(mostly_furniture(doc, flags))
        news = [s.text for s, flag in zip(doc.sentences, flags, strict=True) if not flag]
        lengths.append(sum(len(t.split()) for t in news))
        inner = [w for t in news for w in t.split()[1:]]
        cased.append(sum(w[:1].isupper() for w in inner) / max(1, len(inner)))
        lede_dates.append(frozenset(m.group().lower() for m in _MONTH_DAY.finditer(news[0] if news else "")))
        if furniture[-1]:
            continue
        head = doc.article.title
        head_stems = _stems(head, language, stops) if head else []
        per_sentence = [_stems(text, language, stops) for text in news]
        words.add(r, [*head_stems, *(t for stems in per_sentence for t in stems)], BIGRAM_WEIGHT)
        lede_stems = [*head_stems, *(t for stems in per_sentence[:LEDE_SENTENCES] for t in stems)]
        lede.add(r, lede_stems)
        lede_terms.add(r, sorted(set(lede_stems)))
        names_per_sentence = [names_in(text, stops) for text in news]
        names.add(r, [n for found in names_per_sentence for n in found])
        lede_names.add(r, sorted({n for text in (head, *news[:LEDE_SENTENCES]) for n in names_in(" " + text, stops)}))
        numbers.add(r, [n for text in news for n in numbers_in(text)])
        if head:
            title.add(r, head_stems)
    n = len(docs)
    w, df, idf = words.weighted(n)
    present = sparse.csr_matrix(w > 0, dtype=np.float64)
    lede_term_rows = sparse.csr_matrix((np.ones(len(lede_terms.vals)), (lede_terms.rows, lede_terms.cols)),
                                       shape=w.shape) @ sparse.diags(idf)
    rare = sparse.csr_matrix(present @ sparse.diags(((df >= 2) & (df <= RARE)).astype(np.float64)))
    # A term in one document links it to nothing: its column is dropped. What is left (the shared part, norm
    # <= 1) is rescaled to unit length, so a long article is not kept apart by all the detail only it has --
    # but by at most 1 / SHARED_FLOOR, so an article with few shared words is not made to look like the others.
    shared = normalize_rows(sparse.csr_matrix(normalize_rows(w)[:, df > 1]), SHARED_FLOOR)
    name_rows, _, name_idf = names.weighted(n)
    lede_rows = sparse.csr_matrix((np.ones(len(lede_names.vals)), (lede_names.rows, lede_names.cols)),
                                  shape=name_rows.shape) @ sparse.diags(name_idf)  # binary, idf-weighted
    name_present = sparse.csr_matrix(name_rows > 0, dtype=np.float64)
    return Views(shared, normalize_rows(lede.weighted(n)[0]), normalize_rows(name_rows),
                 sparse.csr_matrix(lede_rows), sparse.csr_matrix(lede_term_rows), present, rare, name_present,
                 normalize_rows(numbers.weighted(n)[0]), normalize_rows(title.weighted(n)[0]), name_idf,
                 furniture, [outlet(d) for d in docs], np.array(lengths, dtype=float), np.array(cased),
                 lede_dates)


def _top(block: np.ndarray, start: int, k: int, floor: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per row of a similarity block: its k most alike other documents at or above `floor`."""
    rows, cols, vals = [], [], []
    for r in range(block.shape[0]):
        row = block[r]
        row[start + r] = -1.0  # not itself
        keep = np.flatnonzero(row >= floor)
        if len(keep) > k:
            keep = keep[np.argsort(-row[keep], kind="stable")[:k]]
        rows.append(np.full(len(keep), start + r))
        cols.append(keep)
        vals.append(row[keep])
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(vals)


def candidates(v: Views) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs (i < j) whose words or names are alike, at most NEIGHBOURS per document."""
    n = v.words.shape[0]
    found: set[tuple[int, int]] = set()
    for matrix, floor in ((v.words, WORDS_FLOOR), (v.names, NAMES_FLOOR)):
        transposed = sparse.csr_matrix(matrix.T)
        for start in range(0, n, BLOCK):
            block = (matrix[start:start + BLOCK] @ transposed).toarray()
            rows, cols, _ = _top(block, start, NEIGHBOURS, floor)
            found.update(zip(np.minimum(rows, cols).tolist(), np.maximum(rows, cols).tolist(), strict=True))
    pairs = np.array(sorted(found), dtype=np.int64).reshape(-1, 2)
    return pairs[:, 0], pairs[:, 1]


def _cosines(m: sparse.csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    return np.asarray(m[i].multiply(m[j]).sum(axis=1)).ravel() if len(i) else np.zeros(0)


def _ranks(words: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """For each pair, 1 / (1 + the partner's place among the nearer document's candidates, most alike first)."""
    rank = np.full(len(i), np.inf)
    for side in (i, j):
        order = np.lexsort((-words, side))  # by document, then the most alike partner first
        ordered = side[order]
        position = np.empty(len(side))
        position[order] = np.arange(len(side)) - np.searchsorted(ordered, ordered)
        rank = np.minimum(rank, position)
    return 1.0 / (1.0 + rank)


def _missing(lede: sparse.csr_matrix, present: sparse.csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """How much of what each lede holds (by idf) the other article never has: the larger of the two shares."""
    worst = np.zeros(len(i))
    for a, b in ((i, j), (j, i)):
        rows = lede[a]
        total = np.asarray(rows.sum(axis=1)).ravel()
        shared = np.asarray(rows.multiply(present[b]).sum(axis=1)).ravel()
        worst = np.maximum(worst, np.where(total > 0, 1.0 - shared / np.maximum(total, 1e-9), 0.0))
    return worst


def pair_features(v: Views, docs: Sequence[Document], i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """The FEATURES of each candidate pair, one row per pair."""
    if not len(i):
        return np.zeros((0, len(FEATURES)))
    n = len(docs)
    words = _cosines(v.words, i, j)
    top_idf = max(1.0, (math.log(1 + n) + 1.0) ** IDF_POWER)
    shared = v.names[i].multiply(v.names[j]).tocsr()
    lede_shared = v.lede_names[i].multiply(v.lede_names[j]).tocsr()
    counts = np.diff(shared.indptr).astype(float)
    rarest, rarest_lede = np.zeros(len(i)), np.zeros(len(i))
    for r in range(len(i)):
        cols = shared.indices[shared.indptr[r]:shared.indptr[r + 1]]
        if len(cols):
            rarest[r] = float(v.name_idf[cols].max()) / top_idf
        cols = lede_shared.indices[lede_shared.indptr[r]:lede_shared.indptr[r + 1]]
        if len(cols):
            rarest_lede[r] = float(v.name_idf[cols].max()) / top_idf
    titled = np.array([bool(docs[a].article.title and docs[b].article.title) for a, b in zip(i, j, strict=True)])
    same_outlet = np.array([v.outlets[a] == v.outlets[b] for a, b in zip(i, j, strict=True)], dtype=float)
    days, dated = np.zeros(len(i)), np.zeros(len(i))
    date_conflict = np.array([bool(v.lede_dates[a] and v.lede_dates[b] and not v.lede_dates[a] & v.lede_dates[b])
                              for a, b in zip(i, j, strict=True)], dtype=float)
    for r, (a, b) in enumerate(zip(i, j, strict=True)):
        da, db = docs[a].article.published, docs[b].article.published
        if da is not None and db is not None:
            dated[r], days[r] = 1.0, min(abs((da - db).days), 30) / 30
    length = np.minimum(v.lengths[i], v.lengths[j]) / np.maximum(np.maximum(v.lengths[i], v.lengths[j]), 1.0)
    lede, ranks = _cosines(v.lede, i, j), _ranks(words, i, j)
    conflict = _missing(v.lede_names, v.name_present, i, j)
    coverage = 1.0 - _missing(v.lede_terms, v.term_present, i, j)
    rare_shared = np.log1p(np.asarray(v.rare[i].multiply(v.rare[j]).sum(axis=1)).ravel())
    uncased = (np.minimum(v.cased[i], v.cased[j]) < UNCASED).astype(float)
    return np.column_stack([
        words, lede, _cosines(v.names, i, j), _cosines(normalize_rows(v.lede_names), i, j),
        _cosines(v.numbers, i, j), np.where(titled, _cosines(v.title, i, j), 0.0), titled.astype(float),
        np.log1p(counts), rarest, rarest_lede, conflict, date_conflict, same_outlet, days, dated, length,
        ranks, uncased, uncased * words, uncased * lede, uncased * ranks, coverage, rare_shared,
        words * conflict, words * coverage,
    ])

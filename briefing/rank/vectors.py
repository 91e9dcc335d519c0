"""One cached analysis per document, shared by the native methods and `default`.

`analyze(doc)` tokenizes every sentence once (sumy's tokenization, so the
native methods see exactly the words sumy sees), lower-cases, stems and marks
stop words once per distinct word, and builds the sparse count matrices the
methods need lazily. Every string (raw word, lower-cased word, stem) gets one
id in a single vocabulary, so matrices over different views can be compared.
"""

from __future__ import annotations

import math
import re
from collections import OrderedDict
from functools import cache, cached_property
from itertools import chain

import numpy as np
from scipy import sparse

from ..model import Document
from ..nlp import stems as stem_memo
from ..nlp import tokenize, treebank
from ..nlp.stems import lower_stop_words, stem, stop_words
from ..nlp.tokenize import fast_words, words

CACHE_SIZE = 16
MEMO_WORDS = 200_000  # memoised word facts per language before starting afresh
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _words_any_script(text: str) -> list[str]:
    """`fast_words`, with runs of unspaced CJK script split into overlapping character pairs."""
    out: list[str] = []
    for token in fast_words(text):
        if len(token) > 2 and _UNSPACED.search(token):
            out.extend(token[i:i + 2] for i in range(len(token) - 1))
        else:
            out.append(token)
    return out


WordInfo = tuple[str, str, bool, bool, bool]  # lower-cased, stem, stop, raw stop, lower-cased raw stop


@cache
def word_cache(language: str) -> dict[str, WordInfo]:
    return {}


def describe_word(word: str, language: str) -> WordInfo:
    """What the methods need to know about one word as written (memoised per language)."""
    lower = word.lower()
    raw_stops = stop_words(language)
    info = (lower, stem(lower, language), lower in lower_stop_words(language), word in raw_stops, lower in raw_stops)
    known = word_cache(language)
    if len(known) >= MEMO_WORDS:
        known.clear()
    known[word] = info
    return info


def clear_caches(stems: bool = True) -> None:
    """Forget cached analyses (and memoised stems, word facts, tokens and sentence boundaries): for cold timings."""
    _RECENT.clear()
    if stems:
        stem_memo.clear()
        treebank.clear()
        tokenize.clear()
        word_cache.cache_clear()


class Analysis:
    """Tokens, stems and count matrices of one document, computed once each."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.n = len(doc.sentences)
        self.language = doc.article.language
        self.stops = lower_stop_words(self.language)
        self.raw_stops = stop_words(self.language)  # as given (KL compares against these)
        self.vocab: dict[str, int] = {}
        self._strings: list[str] = []

    def ids(self, strings: list[str], distinct: bool = False) -> np.ndarray:
        """Vocabulary ids of `strings` (new strings are added; `distinct`: no repeats in them)."""
        vocab = self.vocab
        new = [s for s in (strings if distinct else dict.fromkeys(strings)) if s not in vocab]
        vocab.update(zip(new, range(len(vocab), len(vocab) + len(new)), strict=True))
        return np.fromiter(map(vocab.__getitem__, strings), dtype=np.int64, count=len(strings))

    # --- sumy's view: words as `briefing.nlp.tokenize.words` gives them ---------------------

    @cached_property
    def words(self) -> list[tuple[str, ...]]:
        """sumy's words of each sentence, as written."""
        return [tuple(words(s.text)) for s in self.doc.sentences]

    @cached_property
    def title_words(self) -> tuple[str, ...]:
        """sumy's words of the title (its heading), empty without a title."""
        return tuple(words(self.doc.article.title)) if self.doc.article.title else ()

    @cached_property
    def _tokens(self) -> dict[str, np.ndarray]:
        """Flat token table: sentence number and raw / lower / stem ids, stop flags."""
        flat = list(chain.from_iterable(self.words))
        flat += self.title_words
        index: dict[str, int] = dict.fromkeys(flat)  # type: ignore[arg-type]
        distinct = list(index)
        raw_of = self.ids(distinct, distinct=True)
        index.update(zip(distinct, raw_of.tolist(), strict=True))
        known, language = word_cache(self.language), self.language
        facts = [known.get(w) or describe_word(w, language) for w in distinct]
        lower, stems, stop, raw_stop, kl_stop = zip(*facts, strict=True) if facts else ((),) * 5
        lower_of = self.ids(list(lower))  # lower-casing can merge words: not distinct
        stem_of = self.ids(list(stems))
        size, count = len(self.vocab), len(distinct)
        table_lower = np.zeros(size, dtype=np.int64)
        table_stem = np.zeros(size, dtype=np.int64)
        table_stop = np.zeros(size, dtype=bool)
        table_raw_stop = np.zeros(size, dtype=bool)
        table_kl_stop = np.zeros(size, dtype=bool)
        table_lower[raw_of] = lower_of
        table_stem[raw_of] = stem_of
        table_stop[raw_of] = np.fromiter(stop, dtype=bool, count=count)
        table_raw_stop[raw_of] = np.fromiter(raw_stop, dtype=bool, count=count)
        table_kl_stop[raw_of] = np.fromiter(kl_stop, dtype=bool, count=count)
        raw = np.fromiter(map(index.__getitem__, flat), dtype=np.int64, count=len(flat))
        lengths = [len(ws) for ws in self.words] + [len(self.title_words)]
        sent = np.repeat(np.arange(self.n + 1), lengths)  # row n is the title
        return {
            "sent": sent, "raw": raw, "lower": table_lower[raw], "stem": table_stem[raw],
            "stop": table_stop[raw], "raw_stop": table_raw_stop[raw], "kl_stop": table_kl_stop[raw],
        }

    def token(self, key: str, title: bool = False) -> np.ndarray:
        """One column of the token table; the title's tokens only with `title`."""
        column = self._tokens[key]
        return column if title else column[: len(column) - len(self.title_words)]

    def counts(self, rows: np.ndarray, cols: np.ndarray, n_rows: int | None = None) -> sparse.csr_matrix:
        """A sparse rows × vocabulary matrix counting (row, id) pairs."""
        shape = (self.n if n_rows is None else n_rows, max(1, len(self.vocab)))
        m = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)
        m.sum_duplicates()
        return m

    @cached_property
    def content_stems(self) -> sparse.csr_matrix:
        """Counts of each sentence's non-stop-word stems (sumy's `_to_words_set`)."""
        keep = ~self.token("stop")
        return self.counts(self.token("sent")[keep], self.token("stem")[keep])

    @cached_property
    def content_lengths(self) -> np.ndarray:
        """How many non-stop words each sentence has (with repeats)."""
        return np.asarray(self.content_stems.sum(axis=1)).ravel()

    @cached_property
    def content_stem_ids(self) -> list[list[int]]:
        """Each sentence's non-stop-word stem ids, in order (sumy's `_to_words_set`)."""
        keep = ~self.token("stop")
        ids = self.token("stem")[keep].tolist()
        bounds = np.cumsum(self.content_lengths.astype(np.int64)).tolist()
        return [ids[a:b] for a, b in zip([0, *bounds[:-1]], bounds, strict=True)]

    def strings(self) -> list[str]:
        """The vocabulary's strings, by id."""
        if len(self._strings) != len(self.vocab):
            self._strings = list(self.vocab)
        return self._strings

    def content_stem_lists(self) -> list[list[str]]:
        """Each sentence's non-stop-word stems, in order (for exact reference checks)."""
        strings = self.strings()
        return [[strings[k] for k in ids] for ids in self.content_stem_ids]

    @cached_property
    def log_lengths(self) -> np.ndarray:
        """math.log of each sentence's content length (0 for an empty one), as sumy computes it."""
        table = {k: math.log(k) for k in set(self.content_lengths.astype(int).tolist()) if k > 0}
        return np.array([table.get(int(k), 0.0) for k in self.content_lengths])

    @cached_property
    def overlap(self) -> sparse.csr_matrix:
        """Shared stem counts: sum over stems of count_i × count_j (exact integers)."""
        m = self.content_stems
        return sparse.csr_matrix(m @ m.T)

    # --- the fast view for `default`: regex words, stems, TF-IDF ------------------------------

    @cached_property
    def fast_words(self) -> list[list[str]]:
        """Lower-cased regex words of each sentence (any script; unspaced CJK as character pairs)."""
        return [_words_any_script(s.text) for s in self.doc.sentences]

    @cached_property
    def fast_content(self) -> sparse.csr_matrix:
        """Counts of each sentence's non-stop stems over the fast words (title in row n)."""
        rows = [self.fast_words, [_words_any_script(self.doc.article.title or "")]]
        seqs = [ws for part in rows for ws in part]
        flat = [stem(w, self.language) for ws in seqs for w in ws if w not in self.stops]
        lengths = [sum(w not in self.stops for w in ws) for ws in seqs]
        sent = np.repeat(np.arange(len(seqs)), lengths)
        return self.counts(sent, self.ids(flat), n_rows=len(seqs))

    @cached_property
    def tfidf(self) -> sparse.csr_matrix:
        """Sentence rows (title last) of L2-normalised log-TF × smoothed IDF."""
        m = self.fast_content.copy()
        body = m[: self.n]
        df = np.bincount(body.indices, minlength=m.shape[1])
        idf = np.log((1 + self.n) / (1 + df)) + 1.0
        m.data = 1.0 + np.log(m.data)
        m = sparse.csr_matrix(m @ sparse.diags(idf))
        norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)

    @cached_property
    def similarity(self) -> np.ndarray:
        """Dense cosine similarity between sentences (title excluded)."""
        body = self.tfidf[: self.n]
        return (body @ body.T).toarray()


_RECENT: OrderedDict[int, tuple[Document, Analysis]] = OrderedDict()


def analyze(doc: Document) -> Analysis:
    """The analysis of `doc`, cached for the last CACHE_SIZE documents (by identity: hashing
    a long Document on every call would cost more than some methods)."""
    found = _RECENT.get(id(doc))
    if found is not None and found[0] is doc:
        _RECENT.move_to_end(id(doc))
        return found[1]
    analysis = Analysis(doc)
    _RECENT[id(doc)] = (doc, analysis)  # holding `doc` keeps its id from being reused
    if len(_RECENT) > CACHE_SIZE:
        _RECENT.popitem(last=False)
    return analysis

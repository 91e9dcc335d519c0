"""Adapters that run sumy's summarizers on our sentences and expose their scores.

Each summarizer is run on a sumy document built from the Document's own
sentences (grouped by paragraph, the title as a heading), so its choices map
back to our sentence indices. The score of every sentence is read from the
rating sumy computes before it picks, so selection here is sumy's selection.
sumy (and NLTK with it) is imported only when one of its summarizers runs.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache
from importlib import import_module
from itertools import groupby
from typing import Any

import numpy

from .. import lexicon
from ..model import Document
from ..nlp.stems import stop_words, sumy_stemmer
from ..nlp.tokenize import Tokenizer, words


class SumyClass:
    """A sumy summarizer class, imported when first needed; calling it makes an instance."""

    def __init__(self, module: str, name: str) -> None:
        self.module, self.name = module, name

    def load(self) -> type:
        return getattr(import_module(f"sumy.summarizers.{self.module}"), self.name)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.load()(*args, **kwargs)


SUMMARIZERS = {
    "lexrank": (SumyClass("lex_rank", "LexRankSummarizer"),
                "LexRank: eigenvector centrality of the TF-IDF cosine graph"),
    "textrank": (SumyClass("text_rank", "TextRankSummarizer"), "TextRank: PageRank over word-overlap similarity"),
    "lsa": (SumyClass("lsa", "LsaSummarizer"), "LSA: sentence strength in the top singular vectors"),
    "luhn": (SumyClass("luhn", "LuhnSummarizer"), "Luhn: clusters of significant words"),
    "edmundson": (SumyClass("edmundson", "EdmundsonSummarizer"),
                  "Edmundson: cue, title and location words (bonus words from the title)"),
    "kl": (SumyClass("kl", "KLSummarizer"), "KL-Sum: greedy KL-divergence to the document's word distribution"),
    "sumbasic": (SumyClass("sum_basic", "SumBasicSummarizer"),
                 "SumBasic: average word probability, updated after each pick"),
    "reduction": (SumyClass("reduction", "ReductionSummarizer"), "Reduction: graph of shared words, sentence degree"),
    "random": (SumyClass("random", "RandomSummarizer"), "Random sentences (a floor for comparison)"),
}

# Edmundson's cue method needs stigma words: hedges that mark weak sentences.
_STIGMA = lexicon.ordered("stigma_words")


class _Recorder:
    """Mixin: keep the rating sumy computes for every sentence before it picks."""

    ratings: list[float]

    def _get_best_sentences(self, sentences, count, rating, *args, **kwargs):
        if isinstance(rating, dict):
            self.ratings = [float(rating[s]) for s in sentences]
        else:
            # Some ratings are one-shot iterators (LSA): call each sentence once, in order.
            self.ratings = [float(rating(s, *args, **kwargs)) for s in sentences]
        # Selection is done by the registry from these ratings, the way sumy does it.
        return ()


@cache
def _recording_class(name: str) -> type:
    base = SUMMARIZERS[name][0].load()
    return type(f"Recording{base.__name__}", (_Recorder, base), {})


def to_sumy(doc: Document, tokenizer: Tokenizer) -> Any:
    """A sumy document (ObjectDocumentModel) holding exactly our sentences, the title as a heading."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    paragraphs = []
    for number, group in groupby(doc.sentences, key=lambda s: s.paragraph):
        items = [SumySentence(s.text, tokenizer) for s in group]
        if number == doc.sentences[0].paragraph and doc.article.title:
            items.insert(0, SumySentence(doc.article.title, tokenizer, is_heading=True))
        paragraphs.append(Paragraph(items))
    return ObjectDocumentModel(paragraphs)


def build(name: str, language: str):
    """A configured recording summarizer for `name` in `language`."""
    summarizer = _recording_class(name)(sumy_stemmer(language))
    if hasattr(summarizer, "stop_words"):
        summarizer.stop_words = stop_words(language)
    return summarizer


def sumy_scores(name: str, doc: Document) -> Sequence[float]:
    """Sentence scores from sumy's `name` summarizer, in document order."""
    language = doc.article.language
    tokenizer = Tokenizer(language)
    summarizer = build(name, language)
    if name == "edmundson":
        stops = stop_words(language)
        title_words = [w for w in words(doc.article.title or doc.sentences[0].text) if w.lower() not in stops]
        summarizer.bonus_words = title_words or words(doc.sentences[0].text)
        summarizer.stigma_words = _STIGMA
        summarizer.null_words = stops or {"the"}
    # sumy's LSA returns without rating anything when every word is a stop word.
    summarizer.ratings = [0.0] * len(doc.sentences)
    with numpy.errstate(divide="ignore", invalid="ignore"):
        summarizer(to_sumy(doc, tokenizer), 1)
    # LexRank's power iteration divides by a zero norm when all sentences are alike: a NaN rating
    # says nothing, so it counts as 0 (ties keep document order) instead of sorting at random.
    return [r if math.isfinite(r) else 0.0 for r in summarizer.ratings]

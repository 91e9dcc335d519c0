"""Stems and stop words, per language: one source for grouping, the native methods and `default`.

The stems are the ones sumy's `Stemmer` gives: for English, NLTK's Snowball
algorithm reproduced in `english_stemmer` (so NLTK is not imported); for other
languages sumy's own stemmer, imported only then (Snowball for most, sumy's own
for Czech, Slovak and Ukrainian, lower-casing only for Chinese, Japanese, Korean
and Hebrew, for a language with none, and for Polish and Greek, whose stemmers
need packages briefing does not install). The stop words are
sumy's list for the language, read from sumy's data without importing sumy's
utilities (empty when it has none). `stem` memoises stems per language, bounded,
since news repeats its words.
"""

from __future__ import annotations

import pkgutil
from collections.abc import Callable
from functools import cache

from .english_stemmer import stem as english_stem

MEMO_WORDS = 200_000  # memoised stems per language before starting afresh


@cache
def stemmer(language: str) -> Callable[[str], str]:
    """The stemming function for `language` (a normalised name: "english")."""
    if language == "english":
        return english_stem
    return sumy_stemmer(language)


@cache
def sumy_stemmer(language: str) -> Callable[[str], str]:
    """sumy's own stemmer for `language`, or lower-casing where it has none that runs here."""
    from sumy.nlp.stemmers import Stemmer, null_stemmer

    try:
        chosen = Stemmer(language)
        chosen("probe")  # sumy's Polish and Greek stemmers raise on use without their optional packages
    except (LookupError, ValueError, ImportError):
        return null_stemmer
    return chosen


@cache
def stop_words(language: str) -> frozenset[str]:
    """The stop words of `language` as listed (sumy's list; empty when it has none)."""
    try:
        data = pkgutil.get_data("sumy", f"data/stopwords/{language}.txt")
    except OSError:
        return frozenset()
    if data is None:
        return frozenset()
    return frozenset(w.rstrip() for w in data.decode("utf-8").splitlines() if w)


@cache
def lower_stop_words(language: str) -> frozenset[str]:
    """The stop words of `language`, lower-cased."""
    return frozenset(w.lower() for w in stop_words(language))


_MEMOS: dict[str, dict[str, str]] = {}  # language -> word -> stem


def stem(word: str, language: str) -> str:
    """The stem of the lower-cased word (memoised per language)."""
    memo = _MEMOS.get(language)
    if memo is None:
        memo = _MEMOS[language] = {}
    found = memo.get(word)
    if found is None:
        if len(memo) >= MEMO_WORDS:
            memo.clear()
        found = memo[word] = stemmer(language)(word.lower())
    return found


def clear() -> None:
    """Forget memoised stems (for cold timings)."""
    _MEMOS.clear()

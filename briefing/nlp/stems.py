"""Stems and stop words, per language: one source for grouping, the native methods and sumy's.

The stemmer is the one sumy uses for the language (Snowball for most, sumy's own
for Czech, Slovak, Greek, Polish and Ukrainian, lower-casing only for Chinese,
Japanese, Korean and Hebrew, and for a language with none); the stop words are
sumy's list for the language (empty when it has none). `stem` memoises stems per
language, bounded, since news repeats its words.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

MEMO_WORDS = 200_000  # memoised stems per language before starting afresh


@cache
def stemmer(language: str) -> Callable[[str], str]:
    """The stemming function for `language` (a normalised name: "english")."""
    from sumy.nlp.stemmers import Stemmer, null_stemmer

    try:
        return Stemmer(language)
    except LookupError:
        return null_stemmer


@cache
def stop_words(language: str) -> frozenset[str]:
    """The stop words of `language` as listed (sumy's list; empty when it has none)."""
    from sumy.utils import get_stop_words

    try:
        return frozenset(get_stop_words(language))
    except LookupError:
        return frozenset()


@cache
def lower_stop_words(language: str) -> frozenset[str]:
    """The stop words of `language`, lower-cased."""
    return frozenset(w.lower() for w in stop_words(language))


@cache
def _memo(language: str) -> dict[str, str]:
    return {}


def stem(word: str, language: str) -> str:
    """The stem of the lower-cased word (memoised per language)."""
    memo = _memo(language)
    found = memo.get(word)
    if found is None:
        if len(memo) >= MEMO_WORDS:
            memo.clear()
        found = memo[word] = stemmer(language)(word.lower())
    return found


def clear() -> None:
    """Forget memoised stems (for cold timings)."""
    _memo.cache_clear()

"""Words and sentences without downloads: Punkt models shipped as code, sumy's words without NLTK.

`Tokenizer` has the `to_sentences` / `to_words` interface sumy expects, so
sumy's summarizers run on exactly the sentences `briefing` splits.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from .. import lexicon
from .language import normalize_language
from .treebank import words

if TYPE_CHECKING:
    import punkt
# A fast regex tokenizer for the native methods.
_FAST_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*")
# Abbreviated titles written before a name ("Capt.", "Sgt."), lower case. Punkt may take one for a sentence's end
# ("led by Capt." + "Benoit Zeisser ..."); spaCy may split its period off ("Army Sgt" + "." + "Bowe Bergdahl").
# Not "Sr.", "Jr.", "St." or "No.", which do end sentences ("said John Smith Jr.").
TITLE_ABBREVIATIONS = frozenset(lexicon.table("title_abbreviations"))
_TITLE_AT_END = re.compile(
    r"(?:^|[\s(\"'“‘])(?:" + "|".join(sorted(t.capitalize() for t in TITLE_ABBREVIATIONS)) + r")\.$"
)
# Abbreviations written before a number ("No. 1", "Art. 5", "Fig. 3", "Vol. 2"): Punkt may end a sentence there.
_NUMBER_PREFIX_AT_END = re.compile(r"(?:^|[\s(\"'“‘])(?:No|Nos|Nr|Art|Fig|Figs|Vol|Vols|Ch|Sec|Para|Pt|Op)\.$")
# Languages Punkt has no model for, split on terminal punctuation instead.
_FALLBACK_SPLIT = re.compile(r"(?<=[.!?。！？؟])\s+|(?<=[。！？])")

@cache
def _punkt(language: str) -> punkt.PunktSentenceTokenizer | None:
    import punkt

    model = {"slovak": "czech"}.get(language, language)
    if model not in punkt.available_languages():
        return None
    return punkt.PunktSentenceTokenizer(punkt.load_model(model))


def sentence_spans(text: str, language: str = "english") -> list[tuple[int, int]]:
    """Character spans of the sentences of `text` (whitespace between dropped)."""
    tokenizer = _punkt(normalize_language(language))
    if tokenizer is not None:
        return _join_abbreviations(text, list(tokenizer.span_tokenize(text)))
    spans, pos = [], 0
    for piece in _FALLBACK_SPLIT.split(text):
        start = text.find(piece, pos)
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + len(piece.rstrip())))
        pos = start + len(piece)
    return spans


def _join_abbreviations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans with a sentence that ends in a title ("Capt.") joined to the name that follows it, and one that ends
    in a number's abbreviation ("No.") joined to the number ("1 on my list ...")."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        before = text[out[-1][0]:out[-1][1]] if out else ""
        if out and ((text[start:start + 1].isupper() and _TITLE_AT_END.search(before))
                    or (text[start:start + 1].isdigit() and _NUMBER_PREFIX_AT_END.search(before))):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def fast_words(text: str) -> list[str]:
    """Lower-cased word tokens by one regex: for the native methods."""
    return _FAST_WORD.findall(text.lower())


__all__ = ["Tokenizer", "fast_words", "sentence_spans", "words"]


class Tokenizer:
    """A sumy-compatible tokenizer that needs no NLTK data."""

    def __init__(self, language: str = "english") -> None:
        self.language = normalize_language(language)

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(paragraph[a:b].strip() for a, b in sentence_spans(paragraph, self.language))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))

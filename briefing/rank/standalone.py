"""Sentences that stand alone: a chosen sentence must not lean on one left out.

A sentence opening with a pronoun or a connective ("He", "They", "But",
"However", "This", "Also", ...) refers back to what came before it. A
demonstrative ("This", "These", "That", "Those") needs the sentence right
before it in the summary; a pronoun or connective needs the summary to show an
earlier sentence of the document. The rule is applied during selection: such a
sentence pulls in its predecessor when the length allows both (and the pair is
worth the two places), and otherwise gives way to the next best sentence.
Languages without a list of openers are left as they are.

A brief is stricter than a summary (`points_back`): a section shows a sentence that
leans back, or holds a phrase pointing back ("The move ...", "exactly that"), only
right after the sentence before it in the article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import lexicon
from ..model import Document

# Demonstratives point at what was just said: they need the sentence right before them.
# Pronouns pick up the story's actors and connectives continue its line: any earlier
# sentence of the summary gives them their antecedent.
DEMONSTRATIVES = frozenset(["this", "these", "that", "those"])
# A word at the start of a sentence, after any opening quote or bracket.
_FIRST_WORD = re.compile(r"^[\s\"'“‘«(\[-]*([^\W\d_][^\W\d_'’]*(?:['’][^\W\d_]+)?)", re.UNICODE)
# "This week", "That day": a demonstrative followed by a time word introduces, it does not refer.
_TIME_PHRASE = re.compile(
    r"^[\s\"'“‘«(\[-]*(?:this|that|these|those)\s+(?:week|weekend|month|year|morning|afternoon|"
    r"evening|night|season|time|summer|winter|spring|autumn|fall|decade|century)s?\b", re.IGNORECASE)


def first_word(text: str) -> str:
    """The sentence's first word, lower-cased ('' if it starts otherwise)."""
    match = _FIRST_WORD.match(text)
    return match.group(1).lower().replace("’", "'") if match else ""


def leans_back(text: str, language: str = "english") -> str | None:
    """How a sentence leans on what came before: "previous" (this, these...: it needs the
    sentence just before it), "earlier" (he, it, they, but, however...: an earlier sentence
    of the summary will do), or None."""
    openers = lexicon.words("openers", language)
    if not openers or _TIME_PHRASE.match(text):
        return None
    word = first_word(text)
    if word not in openers:
        return None
    return "previous" if word in DEMONSTRATIVES else "earlier"


_CONNECTIVE_START = re.compile(r"^[\s\"'“‘«(\[-]*(?:but|and|yet|so|still|now|meanwhile|however|also),?\s+",
                               re.IGNORECASE)


def pointing_phrase(text: str, language: str = "english") -> str | None:
    """The phrase of lexicon `pointing_phrases` a sentence leans back with ("The move ...", "... exactly
    that"), or None: an opening one at the sentence's start (after a quotation mark or connective), an
    "anywhere" one wherever it stands."""
    phrases = lexicon.table("pointing_phrases", language)
    if not phrases:
        return None
    lowered = " ".join(text.lower().replace("’", "'").split())
    opening = _CONNECTIVE_START.sub("", lowered).lstrip("\"'“‘«([- ")
    for phrase, where in phrases.items():
        if where == "anywhere":
            if re.search(rf"\b{re.escape(phrase)}\b", lowered):
                return phrase
        elif opening.startswith(phrase + " ") or opening.startswith(phrase + ","):
            return phrase
    return None


def points_back(text: str, language: str = "english") -> bool:
    """Whether a sentence leans on the one before it: it opens with a pronoun, demonstrative or connective
    (`leans_back`) or holds a pointing phrase (`pointing_phrase`). A brief shows such a sentence only right
    after the sentence before it in the article."""
    return leans_back(text, language) is not None or pointing_phrase(text, language) is not None


def leanings(doc: Document) -> list[str | None]:
    """`leans_back` for every sentence (the first sentence never leans back)."""
    language = doc.article.language
    return [leans_back(s.text, language) if s.index > 0 else None for s in doc.sentences]


def lacks_antecedent(kind: str | None, i: int, chosen: Sequence[bool]) -> bool:
    """Whether sentence i, leaning back as `kind`, misses its antecedent among `chosen`
    (a mask over the document's sentences)."""
    if kind is None or chosen[i - 1]:
        return False
    return kind == "previous" or not any(chosen[:i])


def count_dangling(doc: Document, selected: Sequence[int], strict: bool = False) -> int:
    """How many chosen sentences lean back on something the summary does not show
    (`strict`: every opener needs the sentence right before it)."""
    kinds = leanings(doc)
    if strict:
        kinds = ["previous" if k else None for k in kinds]
    chosen = [False] * len(doc.sentences)
    for i in selected:
        chosen[i] = True
    return sum(lacks_antecedent(kinds[i], i, chosen) for i in selected)

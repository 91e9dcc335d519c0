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

import math
import re
from collections.abc import Sequence
from functools import cache

from .. import learn, lexicon
from ..model import Document, odd_quotation_marks

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
    "anywhere" one wherever it stands, an "ending" one as its last words ("... did not."). Of several, the
    first in the lexicon's order."""
    matcher = _pointing(language)
    if matcher is None:
        return None
    ordered, anywhere, endings, openings = matcher
    lowered = " ".join(text.lower().replace("’", "'").split())
    opening = _CONNECTIVE_START.sub("", lowered).lstrip("\"'“‘«([- ")
    ending = lowered.rstrip(" .!\"'”’)")
    if not (any(phrase in lowered for phrase in anywhere) or ending.endswith(endings) or opening.startswith(openings)):
        return None  # most sentences: plain string tests, no pattern
    for phrase, where, pattern in ordered:
        if pattern is not None:
            if pattern.search(lowered if where == "anywhere" else ending):
                return phrase
        elif opening.startswith((phrase + " ", phrase + ",")):
            return phrase
    return None


@cache
def _pointing(language: str) -> tuple[tuple[tuple[str, str, re.Pattern[str] | None], ...], tuple[str, ...],
                                      tuple[str, ...], tuple[str, ...]] | None:
    """The pointing phrases of `language` made ready once: each (phrase, where, pattern) in the lexicon's
    order (an opening one needs no pattern: None), and the "anywhere" phrases, the "ending" ones and the
    openings' prefixes as plain strings (a sentence holding none of them as text has none as whole words)."""
    phrases = lexicon.table("pointing_phrases", language)
    if not phrases:
        return None
    suffix = {"anywhere": "", "ending": "$"}
    ordered = tuple((phrase, where, re.compile(_whole(phrase) + suffix[where]) if where in suffix else None)
                    for phrase, where in phrases.items())
    anywhere = tuple(phrase for phrase, where in phrases.items() if where == "anywhere")
    endings = tuple(phrase for phrase, where in phrases.items() if where == "ending")
    openings = tuple(phrase + mark for phrase, where in phrases.items() if where not in suffix for mark in " ,")
    return ordered, anywhere, endings, openings


def _whole(phrase: str) -> str:
    """A pattern for `phrase` as whole words (", too" after any word: "they, too, were")."""
    before = r"(?<![\w'])" if phrase[:1].isalnum() else ""
    after = r"(?![\w'])" if phrase[-1:].isalnum() else ""
    return before + re.escape(phrase) + after


def points_back(text: str, language: str = "english") -> bool:
    """Whether a sentence leans on the one before it: it opens with a pronoun, demonstrative or connective
    (`leans_back`) or holds a pointing phrase (`pointing_phrase`). A brief shows such a sentence only right
    after the sentence before it in the article."""
    return leans_back(text, language) is not None or pointing_phrase(text, language) is not None


EVEN_ODDS = 0.5  # the stand-alone model's threshold where a sentence in doubt is better left out
# The features of the learned stand-alone decision (`leans_on_context`), in the model's order.
FEATURES = (
    "opener_pronoun", "opener_demonstrative", "opener_connective", "pointing_phrase", "pronoun_after_comma",
    "pronoun_speaker", "starts_quoted", "odd_quotes", "quoted_no_name", "definite_subject", "names", "no_name",
    "digits", "log_words", "pronouns", "first", "titled", "titled_pronoun", "titled_definite",
)
_QUOTE_CHARS = ('"', "“", "”")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+|[\"“”]")
_SPEAKER_AFTER = re.compile(r"[,.!?]\s*[\"”’]\s+(\w+)\s+(\w+)")  # '..." he said'


def context_features(text: str, index: int, language: str = "english", titled: bool = False) -> dict[str, float]:
    """What the learned stand-alone decision looks at in a sentence: how it opens (a pronoun, a demonstrative, a
    connective, a pointing phrase, a definite noun of no name), a pronoun subject after an opening phrase or as a
    quotation's speaker, quotation marks, how many names and numbers it has, its length and place, and whether
    the article has a title above it (which may name what a pronoun stands for)."""
    tokens = _TOKEN.findall(text)
    words = [t for t in tokens if t not in _QUOTE_CHARS]
    lower = [w.lower().replace("’", "'") for w in words]
    pronouns = lexicon.words("third_person_pronouns", language)
    openers = lexicon.words("openers", language)
    first = lower[0] if lower else ""
    kind = leans_back(text, language)
    names = sum(1 for w in words[1:] if w[:1].isupper() and w.lower() not in pronouns)
    comma = text.find(",")
    after_comma = _TOKEN.findall(text[comma + 1:])[:2] if 0 <= comma < 60 else []
    speaker = _SPEAKER_AFTER.search(text)
    speech = lexicon.words("speech_verbs", language)
    quoted = text.lstrip()[:1] in _QUOTE_CHARS
    closing = max(text.rfind("”"), text.rfind('"'))
    outside = text[closing + 1:] if quoted and closing > 0 else ""
    definite = len(lower) > 2 and first == "the" and words[1][:1].islower() and not any(
        w[:1].isupper() for w in words[1:4])
    return {
        "opener_pronoun": float(first in pronouns),
        "opener_demonstrative": float(kind == "previous"),
        "opener_connective": float(first in openers and first not in pronouns and kind != "previous"),
        "pointing_phrase": float(pointing_phrase(text, language) is not None),
        "pronoun_after_comma": float(bool(after_comma) and after_comma[0].lower() in pronouns),
        "pronoun_speaker": float(speaker is not None and (
            speaker.group(1).lower() in pronouns or (speaker.group(2).lower() in pronouns
                                                     and speaker.group(1).lower() in speech))),
        "starts_quoted": float(quoted),
        "odd_quotes": float(odd_quotation_marks(text)),
        "quoted_no_name": float(quoted and not any(w[:1].isupper() for w in _TOKEN.findall(outside))),
        "definite_subject": float(definite),
        "names": float(min(names, 6)),
        "no_name": float(names == 0),
        "digits": float(any(t.isdigit() for t in tokens)),
        "log_words": math.log1p(len(words)),
        "pronouns": float(min(sum(w in pronouns for w in lower), 4)),
        "first": float(index == 0),
        "titled": float(titled),
        "titled_pronoun": float(titled and first in pronouns),
        "titled_definite": float(titled and (definite or first == "the")),
    }


def leans_on_context(text: str, index: int, language: str = "english", titled: bool = False,
                     sure: bool = True) -> bool:
    """Whether a sentence cannot be understood without one before it, by the learned stand-alone model
    (`models/standalone.json`, trained on blind dev annotations: scripts/train_standalone.py): at the model's
    threshold (its precision 0.9 on held-out dev) when `sure`, else at even odds -- for sections a brief can
    do without, where a sentence in doubt is better left out. A language with no list of openers is never
    judged to lean."""
    if index == 0 or not lexicon.words("openers", language):
        return False
    model = learn.model("standalone", FEATURES)
    probability = model.probability(context_features(text, index, language, titled))
    return probability >= (model.threshold if sure else EVEN_ODDS)


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

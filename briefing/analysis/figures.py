"""Key figures: the numbers that matter, as the source says them, with what they count.

Numbers are spaCy's CARDINAL, MONEY, PERCENT and QUANTITY entities. Each becomes a
verbatim phrase of its sentence: the number with the noun it counts ("about 750
U.S. soldiers"), extended through the verb when that noun is its subject ("At least
eight people were killed"); a percentage with what it is of; an amount with the verb
it is the object of ("earned $304.3 million"). Left out: years, dates and times
(other entity types; "9/11 attacks"), numbers that are part of a name ("Ariane 6", "Apollo 11"), ages
("Nemtsov, 55," / "18-year-old"), phone numbers, numbers inside compounds ("two-day",
"three-time"), bare "one of" and numbers that count nothing.

The rest are weighed: amounts and percentages, casualties and other tolls (killed,
injured, arrested, deployed ...), counts of people, the lead, and size; small counts
("two cars") and numbers inside quotations weigh less (`Figure.score`). That evidence,
with where the sentence stands and the number's size (`FEATURES`), goes into a learned
decision (`key_probability`: logistic regression, `models/figures.json`, written by
`scripts/train_figures.py` from the dev annotations); Key figures shows the likeliest
in document order, labelled with their phrase.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from .. import lexicon
from ..learn import LinearModel, model
from ..nlp.dates import MONTHS
from ..nlp.entities import Parsed

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
_TOLL = lexicon.words("toll_words")
_PEOPLE = lexicon.words("counted_nouns")
_SMALL = lexicon.words("small_quantities")
_PHONE = re.compile(r"\d{3}[-. )]\s?\d{3}[-. ]\d{4}")
_YEARISH = re.compile(r"^(?:1[89]|20)\d\d$")
_SLASHED = re.compile(r"\d+/\d+")  # "9/11 attacks", "24/7 coverage": a name or a date, unless "1/3 of"
_QUOTES = ("“", "”", '"')
THRESHOLD = 1.0
_MAX_PHRASE = 16  # tokens


FEATURES: tuple[str, ...] = (
    "money", "percent", "quantity", "cardinal", "counts_noun", "toll", "people", "lead", "small", "quoted",
    "through_verb", "log_sentence", "position", "log_phrase_words", "log_value", "rule_score", "appears_again",
)


@dataclass(frozen=True)
class Figure:
    """A number of the document as a verbatim phrase, with the evidence that it matters."""

    sentence: int
    phrase: str
    score: float  # the rule's weighing of the evidence (see the module docstring)
    start: int  # token offsets of the phrase in the parse
    end: int
    features: tuple[float, ...] = ()  # the evidence, as `FEATURES`, for the learned decision


def _skip(ent: Span) -> bool:
    """Numbers that are not key figures: years, ages, phone numbers, parts of compounds, "one of", "half time"."""
    doc, text = ent.doc, ent.text
    after = doc[ent.end] if ent.end < len(doc) else None
    before = doc[ent.start - 1] if ent.start > 0 else None
    if _PHONE.search(text) or (ent.label_ == "CARDINAL" and _YEARISH.match(text)):
        return True
    if _SLASHED.fullmatch(text) and not (after is not None and after.lower_ == "of"):
        return True
    if after is not None and (after.text in ("-", "‐") or after.lower_.startswith("-year")):
        return True
    if ent.root.dep_ == "appos" or (before is not None and before.lower_ in ("aged", "age", "ages")):
        return True
    if text.lower() == "half" and after is not None and after.lower_ in ("time", "term"):
        return True  # "either side of half time": a point of a match, not a count
    if ent.label_ == "CARDINAL" and text.isdigit() and _names_model(before):
        return True  # "Ariane 6", "Apollo 11": part of a name, not a count
    root = ent.root
    return ent.label_ == "CARDINAL" and root.lower_ in _SMALL and any(c.lower_ == "of" for c in root.children)


def _names_model(before: Token | None) -> bool:
    """Whether the word before a number is a name the number belongs to ("Ariane" in "Ariane 6")."""
    return before is not None and before.text[:1].isupper() and before.lower_ not in MONTHS \
        and (before.pos_ == "PROPN" or before.ent_type_ not in ("", "DATE", "TIME"))


def _counted(ent: Span) -> Token | None:
    """The noun a number counts ("about 750 U.S. soldiers" -> soldiers), if it modifies one."""
    root = ent.root
    if root.dep_ not in ("nummod", "quantmod", "compound") or root.head.pos_ not in ("NOUN", "PROPN"):
        return None
    noun = root.head
    while noun.dep_ in ("compound", "amod", "nmod") and noun.head.i > noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head  # "the three east London classmates"
    return noun if noun.i >= ent.end else None


NOUN_TAIL = 5  # most tokens of a counted noun's own phrase after it ("of the church") a figure's phrase takes


def _through_verb(noun: Token, end: int) -> int:
    """Extend a subject phrase through its verb ("... people were killed", "... died")."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.i < end or verb.pos_ != "VERB" or verb.i - end > 3:
        return end
    last = verb.i
    for child in verb.children:  # "suffered injuries", "shut down"
        if child.i == last + 1 and child.dep_ in ("prt", "dobj") and child.pos_ in ("ADP", "NOUN", "ADV"):
            last = child.i
    if any(c.dep_ in ("xcomp", "ccomp", "dobj", "attr", "oprd", "dative") and c.i > last for c in verb.children):
        return end  # "Nine workers are believed (to have died)", "6% of crashes involve (...)": too little
    complete = any(c.dep_ == "auxpass" for c in verb.children) or verb.lemma_.lower() in _TOLL
    if not complete and any(c.i > last and not c.is_punct and c.dep_ not in ("cc", "conj") for c in verb.children):
        # "About 140 members of the church (live in the U.S.)": the subject's whole phrase, when short, else the count
        close = noun.right_edge.i + 1
        return close if end <= close <= verb.i and close - end <= NOUN_TAIL else end
    return last + 1


def _phrase(ent: Span) -> tuple[int, int, Token | None]:
    """Token range of the figure's phrase and the noun it counts (if any)."""
    noun = _counted(ent)
    start, end = ent.start, ent.end
    if noun is not None:
        end = noun.i + 1
        return start, _through_verb(noun, end), noun
    root = ent.root
    if ent.label_ in ("PERCENT", "CARDINAL", "QUANTITY", "MONEY"):  # "79% of all roles", "Three of those"
        of = next((c for c in root.children if c.lower_ == "of" and c.i == end), None)
        if of is not None:
            objects = [c for c in of.children if c.dep_ == "pobj"]
            if objects and objects[0].right_edge.i - end < 8:
                end = objects[0].right_edge.i + 1
                return start, _through_verb(root, end), objects[0]
    if ent.label_ in ("MONEY", "PERCENT", "QUANTITY") and root.dep_ in ("dobj", "attr", "pobj"):
        verb = root.head if root.dep_ != "pobj" else root.head.head
        if verb.pos_ in ("VERB", "AUX") and 0 < start - verb.i <= 4:  # "earned $304.3 million", "rose to 5%"
            start = verb.i
        return start, end, None
    if ent.label_ in ("MONEY", "PERCENT", "QUANTITY"):
        return start, end, None
    return start, end, None


def _score(ent: Span, noun: Token | None, sentence: int) -> float:
    """How much a figure matters (see the module docstring)."""
    score = 1.0
    if ent.label_ in ("MONEY", "PERCENT"):
        score += 1.0
    elif noun is None:
        score -= 1.0  # counts nothing we can name
    if _toll(ent, noun):
        score += 1.0
    if _people(noun):
        score += 0.5
    if sentence == 0:
        score += 0.5
    first = ent.root.lower_
    if first in _SMALL or (first.isdecimal() and len(first) < 4 and int(first) < 3):  # no int() of 5,000 digits
        score -= 1.0
    if _quoted(ent):
        score -= 0.5
    return score


def _toll(ent: Span, noun: Token | None) -> bool:
    """Whether a figure is a toll: what it counts (or it) hangs on "killed", "injured", "arrested" ..."""
    governor = (noun or ent.root).head
    return governor.lemma_.lower() in _TOLL or (governor.dep_ == "prep" and governor.head.lemma_.lower() in _TOLL)


def _people(noun: Token | None) -> bool:
    """Whether a figure counts people ("soldiers", "Americans")."""
    return noun is not None and (noun.lemma_.lower() in _PEOPLE or noun.ent_type_ == "NORP")


def _quoted(ent: Span) -> bool:
    """Whether a figure stands inside a quotation (a mark opened before it in its sentence and not closed)."""
    left = ent.sent.doc[ent.sent.start:ent.start].text
    return sum(left.count(q) for q in _QUOTES) % 2 == 1 or ("“" in left and "”" not in left)


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _value(text: str) -> float:
    """The first number written in digits in a phrase (0 when none): "$2.1 billion" -> 2.1."""
    found = _NUMBER.search(text)
    if found is None:
        return 0.0
    digits = found.group().replace(",", "")
    return float(digits) if len(digits) < 16 else 1e15


def _features(ent: Span, noun: Token | None, sentence: int, sentences: int, start: int, end: int, score: float,
              phrase: str, text: str) -> tuple[float, ...]:
    """The evidence of one candidate figure (`FEATURES`)."""
    words = max(1, len(phrase.split()))
    row = {
        "money": float(ent.label_ == "MONEY"), "percent": float(ent.label_ == "PERCENT"),
        "quantity": float(ent.label_ == "QUANTITY"), "cardinal": float(ent.label_ == "CARDINAL"),
        "counts_noun": float(noun is not None),
        "toll": float(_toll(ent, noun)), "people": float(_people(noun)),
        "lead": float(sentence == 0), "small": float(ent.root.lower_ in _SMALL), "quoted": float(_quoted(ent)),
        "through_verb": float(end > ent.end and ent.sent.doc[end - 1].pos_ == "VERB"),
        "log_sentence": math.log1p(sentence), "position": sentence / max(1, sentences - 1),
        "log_phrase_words": math.log(words), "log_value": math.log1p(_value(ent.text)) / 10,
        "rule_score": score, "appears_again": float(text.count(ent.text) > 1),
    }
    return tuple(row[name] for name in FEATURES)


def find_figures(parsed: Parsed) -> tuple[Figure, ...]:
    """Every candidate figure of a parsed document with its score and evidence, in document order."""
    figures = []
    n = len(parsed.sentences)
    text = parsed.doc.text
    for i, sentence in enumerate(parsed.sentences):
        for ent in sentence.ents:
            if ent.label_ not in _LABELS or _skip(ent):
                continue
            start, end, noun = _phrase(ent)
            if end - start > _MAX_PHRASE or end > sentence.end:
                continue
            phrase = parsed.doc[start:end].text.strip(" ,;:—–-")
            score = round(_score(ent, noun, i), 3)
            figures.append(Figure(i, phrase, score, start, end,
                                  _features(ent, noun, i, n, start, end, score, phrase, text)))
    return tuple(figures)


@cache
def _shipped() -> LinearModel:
    return model("figures", FEATURES)


def key_probability(figure: Figure, chosen: LinearModel | None = None) -> float:
    """How likely a candidate is one of the article's key figures, by the learned decision (`models/figures.json`,
    written by `scripts/train_figures.py` from the dev annotations)."""
    return (chosen or _shipped()).probability(dict(zip(FEATURES, figure.features, strict=True)))


def key_threshold() -> float:
    """The probability at which the shipped decision shows a figure."""
    return _shipped().threshold

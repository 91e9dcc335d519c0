"""Dating: the points in time an article names, each resolved and placed in its sentence.

Dates are spaCy's DATE entities (and holidays it tags as events) resolved by
`briefing.nlp.dates` against the publication date, or, without one, against the
main event's day (the lead's weekday; see `dates.reference`). A date in a future
clause ("will vote on Tuesday") names the coming day; one in a clause that looked
ahead from the past ("troops were expected to return in April") the nearer of the
last and the next. Durations, ages, other expressions that name no point in time, a
copyright notice's year ("© 2015 Cable News Network"), a model's year ("their 2003 BMW") and any such day
("on a Friday afternoon", "every Monday") are left out.

Each expression records whether it sits in a future clause and whether it only
dates a statement ("said Thursday"). The timeline, background and outlook read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import lexicon
from ..model import Article
from ..nlp import dates
from ..nlp.entities import Parsed

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SPEECH = lexicon.words("speech_verbs")
_FUTURE_AUX = lexicon.words("future_auxiliaries")
_FUTURE_HEADS = lexicon.words("future_heads")


@dataclass(frozen=True)
class Dated:
    """A date expression of the document, resolved."""

    sentence: int
    when: dates.When
    future: bool  # in a clause about what is to come
    speech: bool  # only dates a statement ("said Thursday")
    start: int  # token offsets of the expression in the parse
    end: int


def _verb(token: Token) -> Token | None:
    """The verb a date expression hangs on (up the dependency tree)."""
    for _ in range(5):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head == token:
            return None
        token = token.head
    return None


def _future_cue(token: Token) -> Token | None:
    """The word that makes the clause of `token` look ahead ("will", "is to", "plans to", "is expected to")."""
    verb = _verb(token)
    if verb is None:
        return None
    for _ in range(3):
        if cue := next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX), None):
            return cue
        if verb.lower_ in _FUTURE_AUX:
            return verb
        to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if to and (verb.head.lemma_ in _FUTURE_HEADS or verb.head.lemma_ == "be"):
            return verb.head
        if not to or verb.head == verb:
            return None
        verb = verb.head
    return None


def is_future(token: Token) -> bool:
    """Whether the clause of `token` is about what is to come: "will", "is to", "plans to", "is expected to"."""
    return _future_cue(token) is not None


def looked_ahead_from_past(token: Token) -> bool:
    """Whether the clause of `token` looked ahead from a past moment: "was to", "planned to", "were expected to"."""
    cue = _future_cue(token)
    return cue is not None and (cue.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in cue.children))


def _copyright(ent: Span, sentence: Span) -> bool:
    """Whether a date expression is a copyright notice's year ("© 2015", "Copyright 2015")."""
    before = sentence.doc.text[sentence.start_char:ent.start_char]
    own = re.match(r"\D*", ent.text)  # an expression holding the sign itself: "© 2015"
    return dates.copyright_year(before + (own.group() if own else ""))


def _model_year(ent: Span) -> bool:
    """Whether a date expression is a bare year naming a make's model or edition ("their 2003 BMW"), not a time:
    a year modifying a name of no entity, or of a product or organisation (a make)."""
    head = ent.root.head
    return (len(ent) == 1 and ent.root.dep_ == "nummod" and head.i > ent.root.i and head.pos_ == "PROPN"
            and head.ent_type_ in ("", "PRODUCT", "ORG"))


def _any_day(ent: Span) -> bool:
    """Whether a weekday names any such day, not a date: "on a Friday afternoon", "every Monday"."""
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return before in lexicon.words("generic_day_words") and dates.weekday_of(ent.text) is not None


def _as_noun(ent: Span) -> bool:
    """Whether "today", "tomorrow" or "yesterday" is a noun with a determiner, no day ("a better tomorrow",
    "the Britain of today")."""
    root = ent.root
    return len(ent) == 1 and root.lower_ in _DAY_WORDS and any(c.dep_ in ("det", "poss") for c in root.children)


_DAY_WORDS = ("today", "tomorrow", "yesterday")


def _expressions(span: Span) -> list[Span]:
    """DATE entities, holidays NER tags as events ("New Year's Eve") and times it tags that name their day
    ("Friday night", "last night")."""
    holiday = ("eve", "day", "christmas", "thanksgiving", "halloween")
    return [e for e in span.ents if e.label_ == "DATE"
            or (e.label_ == "EVENT" and any(h in e.text.lower() for h in holiday))
            or (e.label_ == "TIME" and dates.names_its_day(e.text))]


@dataclass(frozen=True)
class DocumentDates:
    """The reference day of a document and its resolved date expressions, in document order."""

    reference: dates.Reference
    items: tuple[Dated, ...]


def document_dates(parsed: Parsed, article: Article) -> DocumentDates:
    """Every date expression of a parsed article that names a point in time, resolved."""
    found: list[tuple[int, Span, bool]] = []
    for i, sentence in enumerate(parsed.sentences):
        found += [(i, ent, is_future(ent.root)) for ent in _expressions(sentence)
                  if not _copyright(ent, sentence) and not _model_year(ent) and not _any_day(ent)
                  and not _as_noun(ent)]
    lead_days = [dates.weekday_of(e.text) for i, e, _ in found if i == 0 and e.root.head.lemma_ not in SPEECH]
    weekday = next((d for d in lead_days if d is not None), dates.weekday_of(article.title))
    past = [(e, future) for _, e, future in found if not future]
    if weekday is None:
        weekday = dates.main_weekday(d for e, _ in past if (d := dates.weekday_of(e.text)) is not None)
    ref = dates.reference(
        article.published, weekday,
        past_month_days=[md for e, _ in past if e.label_ == "DATE" for md in dates.month_days(e.text)],
        past_years=[y for e, _ in past for y in dates.years(e.text)],
    )
    out = []
    for i, ent, future in found:
        when = dates.resolve(ent.text, ref, future=None if future and looked_ahead_from_past(ent.root) else future)
        if when is not None:
            speech = ent.root.head.lemma_ in SPEECH
            out.append(Dated(i, when, future, speech, ent.start, ent.end))
    return DocumentDates(ref, tuple(out))

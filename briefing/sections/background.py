"""Background: sentences about earlier events and context that led up to the main event.

Each sentence gets a score: evidence that it looks back (discourse cues such as
"in retaliation for", "came amid", "followed", "prompted", "last week", past
perfect "had + VBN", a weekday before the lead's, an earlier year or date) minus
evidence that it is the main event itself (the lead's day, much of the lead's
wording) or a reaction or outlook (quotes, "will", "could"). A sentence is
background when its score reaches `THRESHOLD`; the lead sentence never is.
Precision is preferred over recall. Documents in a language without a spaCy
model get no background.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Span

from ..model import Document
from ..nlp.entities import parse

THRESHOLD = 1.0

# (pattern, weight) on the lower-cased sentence, curly apostrophes straightened.
_UNIT = r"(?:days?|weeks?|months?|years?|decades?)"
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAYS = "|".join(_WEEKDAY_NAMES)
_CUES: tuple[tuple[re.Pattern[str], float], ...] = tuple(
    (re.compile(pattern), weight)
    for pattern, weight in (
        (r"\bin (?:retaliation|response|reprisal|revenge) (?:for|to)\b", 1.0),
        (r"\bin the wake of\b", 1.0),
        (r"\b(?:comes?|came|coming) (?:amid|after|on the heels of|days after|weeks after)\b", 1.0),
        (r"\b(?:prompted|sparked|triggered|led to|fueled|fuelled)\b", 1.0),
        (rf"\blast (?:week|month|year|weekend|decade|spring|summer|fall|autumn|winter|{_WEEKDAYS})", 1.0),
        (rf"\b(?:a|an|one|two|three|four|five|six|several|few|\d+) {_UNIT} (?:ago|earlier|before)", 1.0),
        (rf"\b(?:earlier this|in recent|over the past|in the past|during the past) (?:\w+ )?{_UNIT}", 1.0),
        (r"\b(?:previously|formerly)\b", 1.0),
        (r"\bfor (?:weeks|months|years|decades)\b|\blong-(?:running|standing)\b", 0.5),
        (r"\b(?:amid|since|following|earlier)\b", 0.5),
        (r"\bafter (?:a|an|last|its|his|her|their)\b", 0.5),  # "after the ..." tends to mean the main event
        (r"\bthe latest\b|\bfor the first time since\b", 0.5),
    )
)
_MONTHS = {
    m: i for i, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")),
        start=1,
    ) for m in names
}
_MONTH_DAY = re.compile(r"\b([a-z]{3,9})\.? (\d{1,2})\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)s?\b")
_SPEECH = {"say", "tell", "announce", "state", "add", "write", "report", "confirm", "deny", "claim"}
_GENERIC = {"say", "be", "have", "do", "tell", "make", "people", "official", "officials"}
_FUTURE = {"will", "would", "could", "may", "might", "should", "'ll"}
_QUOTES = ("“", "”", '"')

# Weights of the other evidence.
LOOK_BACK = 1.0  # past perfect
EARLIER_DAY = 0.5  # a weekday other than the lead's, without a publication date
EARLIER_DATE = 1.0  # a date or year before publication (half without a publication date)
MAIN_TIME = 0.75  # the lead's own time: the main event (penalty)
OUTLOOK = 0.75  # "will", "could": what may come (penalty)
QUOTE = 0.5  # quoted speech: a reaction (penalty)
RESTATES = 0.5  # half its content words are the lead's (penalty)


def _lower(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'").lower()


def _weekday(text: str) -> int | None:
    """Which weekday (0 = Monday) a text names, if exactly one."""
    days = {i for i, name in enumerate(_WEEKDAY_NAMES) if re.search(rf"\b{name}\b", text)}
    return days.pop() if len(days) == 1 else None


def _content(sentence: Span) -> set[str]:
    """The sentence's content words (lemmas of nouns, proper nouns and verbs)."""
    return {
        t.lemma_.lower() for t in sentence
        if t.pos_ in ("NOUN", "PROPN", "VERB") and not t.is_stop and t.lemma_.lower() not in _GENERIC
    }


def _past_perfect(sentence: Span) -> float:
    """Evidence from "had + VBN": full in a main clause ("Talks had stalled"), half in a subordinate
    clause, which often only orders events or reports speech ("she said she had acted")."""
    score = 0.0
    for verb in sentence:
        if verb.tag_ == "VBN" and any(c.lower_ == "had" and c.dep_.startswith("aux") for c in verb.children):
            main = verb.dep_ in ("ROOT", "conj") or (verb.dep_ == "ccomp" and verb.head.lemma_ not in _SPEECH
                                                     and verb.head.pos_ in ("VERB", "AUX"))
            score = max(score, LOOK_BACK if main else LOOK_BACK / 2)
    return score


def _followed(sentence: Span) -> float:
    """Evidence from "X followed Y" / "X was followed by Y" (not "what followed")."""
    return LOOK_BACK if any(
        t.lower_ == "followed" and any(c.dep_ in ("dobj", "agent") for c in t.children) for t in sentence
    ) else 0.0


def _earlier_day(day: int, main_day: int, published: date | None) -> float:
    """Evidence from another weekday than the main event's: surely earlier when both are counted back
    from the publication date, likely earlier (news looks back) without one."""
    if published is None:
        return EARLIER_DAY
    return EARLIER_DATE if (published.weekday() - day) % 7 > (published.weekday() - main_day) % 7 else 0.0


def _main_day(lead: Span, title: str) -> int | None:
    """The weekday of the main event: the lead's (not one that only dates a statement), else the title's."""
    for ent in lead.ents:
        day = _weekday(_lower(ent.text))
        if day is not None and ent.label_ == "DATE" and ent.root.head.lemma_ not in _SPEECH:
            return day
    return _weekday(_lower(title))


def _date_score(text: str, published: date | None, latest_year: int | None) -> float:
    """Evidence from explicit dates: a month and day before publication (unsure without it), a past year."""
    score = 0.0
    for month, day in _MONTH_DAY.findall(text):
        if month not in _MONTHS or not 1 <= int(day) <= 31:
            continue
        if published is None:
            score = max(score, EARLIER_DATE / 2)
            continue
        when = (_MONTHS[month], int(day))  # the last such day up to publication
        year = published.year - (1 if when > (published.month, published.day) else 0)
        try:
            if date(year, *when) < published - timedelta(days=1):
                score = max(score, EARLIER_DATE)
        except ValueError:  # "Feb. 30"
            continue
    if latest_year is not None and any(int(y) < latest_year for y in _YEAR.findall(text)):
        score = max(score, EARLIER_DATE)
    return score


def background_scores(doc: Document) -> list[float]:
    """A background score per sentence (>= THRESHOLD means background); the lead scores 0."""
    parsed = parse(doc)
    if parsed is None or not doc.sentences:
        return [0.0] * len(doc)
    lead = parsed.sentences[0]
    lead_text = _lower(lead.text + " " + doc.article.title)
    main_day = _main_day(lead, doc.article.title)
    main_times = {_lower(e.text) for e in lead.ents if e.label_ in ("DATE", "TIME")}
    main_words = _content(lead) | set(re.findall(r"\w+", lead_text))
    published = doc.article.published
    years = [int(y) for s in doc.sentences for y in _YEAR.findall(s.text)]
    latest_year = published.year if published else max(years, default=None)
    scores = [0.0]
    for sentence in parsed.sentences[1:]:
        if not any(t.pos_ in ("VERB", "AUX") for t in sentence):
            scores.append(0.0)  # a caption, a credit line: no event
            continue
        text = _lower(sentence.text)
        score = min(sum(weight for pattern, weight in _CUES if pattern.search(text)), 2.0)
        score += _past_perfect(sentence) + _followed(sentence)
        score += _date_score(text, published, latest_year)
        for ent in sentence.ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            when = _lower(ent.text)
            day = _weekday(when)
            if re.search(r"\b(?:last|ago|earlier|before)\b", when):
                continue  # explicitly past: counted by the cues
            if when in main_times or (day is not None and day == main_day):
                score -= MAIN_TIME
            elif day is not None and main_day is not None and ent.root.head.lemma_ not in _SPEECH:
                score += _earlier_day(day, main_day, published)  # "said Thursday" dates a statement
        if any(t.tag_ == "MD" and t.lower_ in _FUTURE for t in sentence):
            score -= OUTLOOK
        if any(q in sentence.text for q in _QUOTES):
            score -= QUOTE
        words = _content(sentence)
        if words and len(words & main_words) / len(words) >= 0.5:
            score -= RESTATES
        scores.append(round(score, 3))
    return scores


def is_background(doc: Document) -> list[bool]:
    """Whether each sentence is background (never the lead sentence)."""
    return [i > 0 and score >= THRESHOLD for i, score in enumerate(background_scores(doc))]

"""How an editor would rank a day's stories: hard news of wide consequence first.

A story's features describe what it reports, read from its articles' ledes (the
title and first sentences): the share of their words that speak of deaths,
violence, disasters, government and elections, courts, the economy (hard news),
or of sport, entertainment and lifestyle (soft news), whether the pieces are
opinion, the largest toll the ledes give, how many articles and outlets cover it,
and how central it is to the day (how alike its ledes are to the other articles':
ledes, alike in length, so that a long article, with words in common with
everything, does not count as central). Length is not a feature, nor are particular
words (a bag of the ledes' words ranked held-out dev days a little better, but
learned the month's topics: a takeover fell below an eclipse). Two
logistic models learned from editor tiers of annotated dev days (eval/events:
tier 1 top story, 2 notable, 3 soft; `scripts/train_importance.py`) give the
chance that a story is tier 1 and that it is tier 1 or 2; a story's importance
is the first plus half the second, plus a small fixed term for recency.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date
from functools import cache

from .. import learn, lexicon
from ..model import Document
from ..nlp.stems import stem
from ..nlp.tokenize import fast_words

LEDE_SENTENCES = 3
CATEGORIES = ("news_deaths", "news_violence", "news_disasters", "news_government", "news_courts", "news_economy",
              "soft_sport", "soft_culture", "soft_lifestyle")
FEATURES = (*CATEGORIES, "hard", "soft", "countries", "dateline", "opinion", "first_person", "toll", "coverage",
            "centrality")
RECENCY = 0.1  # added for a story from the newest day, halving per day older: among equals, the newer first
# A dateline naming a place before the agency ("SANAA, Yemen (CNN)"): reported from the scene.
_DATELINE = re.compile(r"^\s*[A-Z][A-Za-z .'-]{2,40}(?:,\s*[A-Z][A-Za-z .'-]{2,40})?\s*\((?:CNN|AP|Reuters|AFP)\)")
MODELS = ("importance_top", "importance_notable")  # tier 1; tier 1 or 2
_TOLL = re.compile(r"(\d[\d,]*)\s+(?:\w+\s+){0,3}?(?:people\s+)?(?:were\s+|have\s+been\s+|are\s+)?"
                   r"(?:killed|dead|died|injured|wounded|missing)|death toll (?:\w+ ){0,3}?(\d[\d,]*)", re.IGNORECASE)
_LOWER = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "our", "us"})


@cache
def _stems_of(concept: str, language: str) -> frozenset[str]:
    return frozenset(stem(word, language) for word in lexicon.words(concept, language))


def _lede(doc: Document) -> str:
    return " ".join([doc.article.title, *(s.text for s in doc.sentences[:LEDE_SENTENCES])])


def features(docs: Sequence[Document], members: Sequence[int], outlets: int, centrality: float) -> dict[str, float]:
    """The features of one story (its articles `members` of `docs`, from `outlets` outlets)."""
    ledes = [_lede(docs[i]) for i in members]
    language = docs[members[0]].article.language
    words = [w for text in ledes for w in fast_words(text)]
    # Categories are cues of common words: a capitalised word is a name ("Halcyon Foods" is no food story).
    stems = [stem(w, language) for text in ledes for w in _LOWER.findall(text)]
    total = max(1, len(stems))
    row: dict[str, float] = {}
    for concept in CATEGORIES:
        known = _stems_of(concept, language)
        row[concept] = sum(s in known for s in stems) / total
    row["hard"] = sum(row[c] for c in CATEGORIES if c.startswith("news_"))
    text = " ".join(ledes).lower()
    row["countries"] = sum(text.count(f" {name} ") for name in lexicon.words("countries", language)) / total * 10
    row["dateline"] = sum(bool(_DATELINE.match(docs[i].article.text)) for i in members) / len(members)
    row["soft"] = sum(row[c] for c in CATEGORIES if c.startswith("soft_"))
    full = " ".join(s.text for i in members for s in docs[i].sentences).lower()
    row["opinion"] = float(any(marker in full for marker in lexicon.words("opinion_markers", language)))
    row["first_person"] = sum(w in _FIRST_PERSON for w in words) / total
    tolls = [int((m.group(1) or m.group(2)).replace(",", "")) for i in members if docs[i].sentences
             for m in _TOLL.finditer(docs[i].sentences[0].text) if len((m.group(1) or m.group(2)).replace(",", "")) < 6]
    row["toll"] = math.log1p(max(tolls, default=0))
    row["coverage"] = math.log(outlets + 0.5 * (len(members) - outlets))  # another outlet counts more than another
    row["centrality"] = centrality  # article of the same one
    return row


def recency(docs: Sequence[Document], members: Sequence[int], newest: date | None) -> float:
    """1 for a story with an article of the newest day, halving per day older; 0 when undated."""
    dates = [d for i in members if (d := docs[i].article.published) is not None]
    return 0.5 ** max(0, (newest - max(dates)).days) if dates and newest else 0.0


def importance(row: dict[str, float], fresh: float = 0.0) -> float:
    """P(tier 1) + half P(tier 1 or 2), from the shipped models, + RECENCY x `fresh` (`recency`).

    The editor tiers the models learned from are of undated articles of one outlet, so they
    cannot teach recency; it is added as a fixed, small term."""
    top, notable = (learn.model(name, FEATURES) for name in MODELS)
    return top.probability(row) + 0.5 * notable.probability(row) + RECENCY * fresh

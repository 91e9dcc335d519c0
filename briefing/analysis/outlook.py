"""What to watch: sentences about what may come next.

A sentence scores for each kind of evidence that it looks ahead: a future or
modal verb ("will", "could", "may", "might"; "would" and "should" count half),
an announced intention or expectation ("expected to", "plans to", "set to", "vowed
to", "is to"), a time ahead ("next week", "in the coming days", "later this
year", a date in a future clause). Modals that only hedge about the past or the
present don't count: "could have", "may have", "could not be reached", "may sound",
"might seem". A future verb in the main clause counts more than one in a clause
below it. A sentence is outlook when its score reaches `THRESHOLD`; the lead
sentence never is (it is the main event). Documents in a language without a spaCy
model get no outlook.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import lexicon
from ..nlp.entities import Parsed
from .dating import SPEECH, DocumentDates

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

THRESHOLD = 1.0
MAIN_CLAUSE = 0.5  # bonus when the future verb is the sentence's main verb (or its auxiliary)
_MODALS = {k: float(w) for k, w in lexicon.table("modal_weights").items()}
_HEDGED = lexicon.words("hedging_verbs")
_CUES: tuple[tuple[re.Pattern[str], float], ...] = tuple(
    (re.compile(pattern), weight)
    for pattern, weight in (
        (r"\b(?:is|are|'s|'re|remains?)\s+(?:still\s+)?(?:expected|scheduled|set|due|slated|poised|likely|unlikely|"
         r"going|about|planning|preparing|hoping|aiming|seeking|looking|considering)\s+to\b", 1.0),
        (r"\b(?:plans?|intends?|aims?|hopes?|vows?|vowed|pledged?|promised?|promises|threatens?|threatened|"
         r"prepared|expects?|seeks?)\s+to\b", 1.0),
        (r"\b(?:is|are|was|were)\s+to\s+(?:be\s+)?\w+", 0.75),  # "is to be wrapped up Friday"
        (r"\bnext (?:week|month|year|season|step|steps|round|phase|move|election|weekend)\b", 1.0),
        (r"\bin the (?:coming|next|near) (?:days|weeks|months|years|future)\b|\bupcoming\b|\bin the future\b", 1.0),
        (r"\blater (?:this|next) (?:week|month|year)\b|\bby the end of (?:the|this|next) (?:week|month|year)\b", 1.0),
        (r"\b(?:remains? to be seen|it is unclear whether|it is not clear whether|whether .* will)\b", 0.5),
    )
)
_PAST_PLAN = re.compile(r"\b(?:was|were|had been)\s+(?:expected|scheduled|set|due|slated|supposed|planning)\s+to\b")


def _modal_weight(token: Token) -> float:
    """Weight of a modal, 0 when it only hedges ("could have", "could not be reached", "may sound")."""
    weight = _MODALS.get(token.lower_, 0.0)
    if not weight:
        return 0.0
    verb = token.head
    following = [t for t in token.doc[token.i + 1:min(token.i + 4, len(token.doc))]]
    if any(t.lower_ == "have" for t in following[:2]):
        return 0.0  # "could have", "may not have"
    if verb.lemma_ in ("reach", "comment", "confirm", "verify") and any(t.dep_ == "neg" for t in verb.children):
        return 0.0  # "could not be reached for comment"
    if token.lower_ in ("may", "might", "could") and verb.lemma_ in _HEDGED - {"be"}:
        return 0.0
    if token.lower_ in ("could", "would") and any(c.dep_ == "neg" for c in verb.children) and \
            verb.dep_ == "ccomp" and verb.head.tag_ == "VBD":
        return 0.0  # "said it could not say": a past inability, not what may come
    if token.lower_ == "would" and verb.dep_ == "ccomp" and verb.head.lemma_ in SPEECH:
        return 1.0  # reported future: "said it would reassess"
    return weight


def _main(token: Token, sentence: Span) -> bool:
    return token.head == sentence.root or token == sentence.root


def outlook_scores(parsed: Parsed, dated: DocumentDates) -> tuple[float, ...]:
    """An outlook score per sentence (>= THRESHOLD: about what may come next); the lead scores 0."""
    future_dated = {d.sentence for d in dated.items if d.future}
    scores = [0.0]
    for i, sentence in enumerate(parsed.sentences[1:], start=1):
        text = sentence.text.replace("’", "'").lower()
        score = 0.0
        modal = max(((_modal_weight(t), t) for t in sentence if t.tag_ == "MD"), default=(0.0, None),
                    key=lambda pair: pair[0])
        if modal[1] is not None and modal[0]:
            score += modal[0] + (MAIN_CLAUSE if _main(modal[1], sentence) else 0.0)
        score += min(sum(weight for pattern, weight in _CUES if pattern.search(text)), 1.5)
        if _PAST_PLAN.search(text) and i not in future_dated:
            score -= 0.5  # "was scheduled to lead a rally last Sunday": a plan of the past
        if i in future_dated:
            score += 0.5
        scores.append(round(min(score, 3.0), 3))
    return tuple(scores[:len(parsed.sentences)])

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

What to watch shows what a learned decision (`outlook_probabilities`: logistic regression,
`models/outlook.json`, written by `scripts/train_outlook.py` from the dev annotations) makes of the
same evidence taken apart (`FEATURES`: each cue, the modal and where it stands, a date ahead, a plan
of the past), with where the sentence stands, whether it is quoted or reported, and its length.
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import TYPE_CHECKING

from .. import lexicon
from ..learn import LinearModel, model
from ..nlp.entities import Parsed
from .dating import SPEECH, DocumentDates

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

THRESHOLD = 1.0
MAIN_CLAUSE = 0.5  # bonus when the future verb is the sentence's main verb (or its auxiliary)
_MODALS = {k: float(w) for k, w in lexicon.table("modal_weights").items()}
_HEDGED = lexicon.words("hedging_verbs")
# Verbs whose past clause still looks ahead ("warned that it could burst", "vowed that he would return").
_FORESEEING = lexicon.words("future_heads") | lexicon.words("commitment_verbs") | lexicon.words("foreseeing_verbs")
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
    if token.lower_ in ("could", "would", "might") and _told_in_the_past(verb):
        return 0.0  # "athletes were funneled into classes so that they could remain eligible": the past's own
    return weight


def _told_in_the_past(verb: Token) -> bool:
    """Whether a verb stands in a clause below a past-tense verb that reports no speech ("The scandal involved
    athletes who ... could remain eligible"): what could happen then, not what may come."""
    node = verb
    for _ in range(6):
        if node.dep_ not in ("advcl", "relcl", "acl", "xcomp", "conj") or node.head == node:
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX"):  # the clause it hangs on: past when its verb or auxiliary is ("were funneled")
            past = node.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in node.children)
            return past and node.lemma_ not in SPEECH and node.lemma_ not in _FORESEEING
    return False


def _strongest_modal(sentence: Span) -> tuple[float, Token | None]:
    """The modal of a sentence that weighs most (`_modal_weight`), with its weight; (0.0, None) when none."""
    return max(((_modal_weight(t), t) for t in sentence if t.tag_ == "MD"), default=(0.0, None),
               key=lambda pair: pair[0])


def _main(token: Token, sentence: Span) -> bool:
    return token.head == sentence.root or token == sentence.root


def outlook_scores(parsed: Parsed, dated: DocumentDates) -> tuple[float, ...]:
    """An outlook score per sentence (>= THRESHOLD: about what may come next); the lead scores 0."""
    future_dated = {d.sentence for d in dated.items if d.future}
    scores = [0.0]
    for i, sentence in enumerate(parsed.sentences[1:], start=1):
        text = sentence.text.replace("’", "'").lower()
        score = 0.0
        modal = _strongest_modal(sentence)
        if modal[1] is not None and modal[0]:
            score += modal[0] + (MAIN_CLAUSE if _main(modal[1], sentence) else 0.0)
        score += min(sum(weight for pattern, weight in _CUES if pattern.search(text)), 1.5)
        if _PAST_PLAN.search(text) and i not in future_dated:
            score -= 0.5  # "was scheduled to lead a rally last Sunday": a plan of the past
        if i in future_dated:
            score += 0.5
        scores.append(round(min(score, 3.0), 3))
    return tuple(scores[:len(parsed.sentences)])


_CUE_NAMES = ("cue_expected", "cue_intends", "cue_is_to", "cue_next", "cue_coming", "cue_later", "cue_unclear")
FEATURES: tuple[str, ...] = (
    "modal", "modal_main", "will", "would_should", *_CUE_NAMES, "past_plan", "future_date", "rule_score",
    "position", "last_fifth", "quoted", "reported", "question", "log_words", "first_person",
)


def outlook_features(parsed: Parsed, dated: DocumentDates,
                     scores: tuple[float, ...] | None = None) -> list[dict[str, float]]:
    """The features of every sentence (`FEATURES`); the lead's too, though it is never outlook. `scores`: the
    rule's (`outlook_scores`), when the analysis already has them."""
    future_dated = {d.sentence for d in dated.items if d.future}
    scores = outlook_scores(parsed, dated) if scores is None else scores
    first_person = lexicon.words("first_person_subjects")
    n = len(parsed.sentences)
    rows = []
    for i, sentence in enumerate(parsed.sentences):
        text = sentence.text.replace("’", "'").lower()
        modal = _strongest_modal(sentence)
        words = [t for t in sentence if not t.is_punct]
        row = {
            "modal": modal[0],
            "modal_main": float(modal[1] is not None and modal[0] > 0 and _main(modal[1], sentence)),
            "will": float(modal[1] is not None and modal[0] > 0 and modal[1].lower_ in ("will", "'ll", "shall")),
            "would_should": float(modal[1] is not None and modal[0] > 0 and modal[1].lower_ in ("would", "should")),
            "past_plan": float(bool(_PAST_PLAN.search(text)) and i not in future_dated),
            "future_date": float(i in future_dated),
            "rule_score": scores[i] if i < len(scores) else 0.0,
            "position": i / max(1, n - 1),
            "last_fifth": float(i >= 0.8 * n),
            "quoted": float(any(q in text for q in ('"', "“", "”"))),
            "reported": float(any(t.lemma_ in SPEECH and t.dep_ == "ROOT" for t in sentence)),
            "question": float(text.rstrip(" \"'”)").endswith("?")),
            "log_words": math.log1p(len(words)),
            "first_person": float(bool(words) and words[0].lower_ in first_person),
        }
        for name, (pattern, _weight) in zip(_CUE_NAMES, _CUES, strict=True):
            row[name] = float(bool(pattern.search(text)))
        rows.append(row)
    return rows


@cache
def _shipped() -> LinearModel:
    return model("outlook", FEATURES)


def outlook_probabilities(parsed: Parsed, dated: DocumentDates, scores: tuple[float, ...] | None = None,
                          chosen: LinearModel | None = None) -> tuple[float, ...]:
    """How likely each sentence is about what comes next, by the learned decision; the lead 0 (`scores`: as
    `outlook_features` takes them)."""
    m = chosen or _shipped()
    rows = outlook_features(parsed, dated, scores)
    return tuple(0.0 if i == 0 else m.probability(row) for i, row in enumerate(rows))


def outlook_threshold() -> float:
    """The probability at which the shipped decision calls a sentence outlook."""
    return _shipped().threshold

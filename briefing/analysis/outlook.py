"""What to watch: sentences about what may come next, a learned decision.

Each sentence gets features of looking ahead: a future or modal verb ("will",
"could", "may", "might"; "would" and "should" weigh half) and whether it is the
main verb, an announced intention or expectation ("expected to", "plans to", "set
to", "vowed to", "is to"), a time ahead ("next week", "in the coming days", "later
this year", a date in a future clause), a plan of the past ("was scheduled to"),
the time the main verb tells, words of what lies ahead (`ahead_words`: "forecast",
"risk", "deadline"), a year after the reference year, a quotation, a condition, a
question, first-person colour ("I", "my"), words addressed to the reader ("you'll
learn", "Watch the video": `addresses_reader`) and where the sentence stands. Modals that only hedge about the past or
the present don't count: "could have", "may have", "could not be reached", "may
sound", "might seem".

A small learned model decides (`outlook`: logistic regression, `briefing/learn.py`,
trained by `scripts/train_background.py` on the dev annotations; its neighbours' scores
added nothing in cross-validation, unlike background's). A sentence is outlook when its
probability reaches `THRESHOLD`, and it is not background (What to watch leaves those to
Background). The lead sentence never is (it is the main event). Documents in a language
without a spaCy model get no outlook.

`verb_time` and `main_verb` (the time a verb's form tells) are shared with background.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .. import learn, lexicon
from ..model import Document
from ..nlp.entities import Parsed
from .dating import SPEECH, DocumentDates

THRESHOLD = 0.5  # the model's bias is shifted so that this is the threshold of best cross-validated F1
MAIN_CLAUSE = 0.5  # bonus when the future verb is the sentence's main verb (or its auxiliary)
_MODALS = {k: float(w) for k, w in lexicon.table("modal_weights").items()}
_HEDGED = lexicon.words("hedging_verbs")
_FUTURE = lexicon.words("modals_ahead")
_READER = lexicon.words("reader_words")
_AHEAD = lexicon.words("ahead_words")
_YEAR = re.compile(r"(?<![\w$.,-])(20\d\d)(?![\w-])")
_CUES: tuple[tuple[str, re.Pattern[str], float], ...] = tuple(
    (name, re.compile(pattern), weight)
    for name, pattern, weight in (
        ("expected_to", r"\b(?:is|are|'s|'re|remains?)\s+(?:still\s+)?(?:expected|scheduled|set|due|slated|poised|"
         r"likely|unlikely|going|about|planning|preparing|hoping|aiming|seeking|looking|considering)\s+to\b", 1.0),
        ("plans_to", r"\b(?:plans?|intends?|aims?|hopes?|vows?|vowed|pledged?|promised?|promises|threatens?|"
         r"threatened|prepared|expects?|seeks?)\s+to\b", 1.0),
        ("is_to", r"\b(?:is|are|was|were)\s+to\s+(?:be\s+)?\w+", 0.75),  # "is to be wrapped up Friday"
        ("next", r"\bnext (?:week|month|year|season|step|steps|round|phase|move|election|weekend)\b", 1.0),
        ("coming", r"\bin the (?:coming|next|near) (?:days|weeks|months|years|future)\b|\bupcoming\b|"
         r"\bin the future\b", 1.0),
        ("later", r"\blater (?:this|next) (?:week|month|year)\b|"
         r"\bby the end of (?:the|this|next) (?:week|month|year)\b", 1.0),
        ("unclear", r"\b(?:remains? to be seen|it is unclear whether|it is not clear whether|whether .* will)\b", 0.5),
    )
)
_PAST_PLAN = re.compile(r"\b(?:was|were|had been)\s+(?:expected|scheduled|set|due|slated|supposed|planning)\s+to\b")
_CONDITION = re.compile(r"\b(?:if|unless|until|once)\b")
_QUOTE_MARKS = ('"', "“", "”")

TIMES = ("pluperfect", "past", "perfect", "present", "future")
# The model's features: the hand score of the pieces (what the rules summed before), each piece, and the rest.
FEATURES = (
    "score", "modal", "modal_main", "would", "negated", *(f"cue_{name}" for name, _, _ in _CUES), "past_plan",
    "future_date", "dates", *(f"time_{t}" for t in TIMES), "quoted", "speech", "condition", "reader", "question",
    "position", "second", "words", "paragraph_first", "ahead_words", "year_ahead", "main_ahead",
    "first_person",
)


def verb_time(verb: Token) -> str:
    """The time a verb's form tells: "pluperfect" (had done), "past", "perfect" (has done), "present", "future"
    (will, and the other modals)."""
    words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if words & _FUTURE or verb.lower_ in _FUTURE:
        return "future"
    if words & {"had", "'d"}:
        return "pluperfect"
    if words & {"has", "have", "'s", "'ve"} and (verb.tag_ == "VBN" or "been" in words):
        return "perfect"
    if words & {"was", "were", "did"} or verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not words):
        return "past"
    return "present"


def main_verb(sentence: Span) -> Token:
    """The main verb (the root, or the first verb when the root is not one)."""
    root = sentence.root
    if root.pos_ not in ("VERB", "AUX"):
        root = next((t for t in sentence if t.pos_ in ("VERB", "AUX") and t.dep_ != "aux"), root)
    return root


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


def _unquoted(sentence: Span) -> list[Token]:
    """The words of a sentence outside quotation marks."""
    inside, out = False, []
    for token in sentence:
        if token.text in _QUOTE_MARKS or token.text in ("``", "''"):
            inside = not inside
            continue
        if not inside:
            out.append(token)
    return out


def addresses_reader(sentence: Span) -> bool:
    """Whether the sentence, outside any quotation, speaks to the reader: "you"/"your" ("And you'll learn how to
    color Easter eggs"), or an instruction ("Watch the video", "Click here", "Scroll down to read more")."""
    words = _unquoted(sentence)
    if any(t.lower_ in _READER for t in words):
        return True
    content = [t for t in words if not t.is_punct and t.lower_ not in ("and", "so", "please", "now", "then")]
    if not content or len(words) < len(sentence) * 0.8:
        return False  # mostly a quotation: its imperatives are the speaker's
    first = content[0]
    return first.tag_ == "VB" and first.dep_ == "ROOT" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in first.children)


def features(doc: Document, parsed: Parsed, dated: DocumentDates) -> list[dict[str, float]]:
    """Each sentence's features of looking ahead (the lead's are empty: it is never outlook)."""
    future_dated: dict[int, int] = {}
    all_dated: dict[int, int] = {}
    for d in dated.items:
        all_dated[d.sentence] = all_dated.get(d.sentence, 0) + 1
        if d.future:
            future_dated[d.sentence] = future_dated.get(d.sentence, 0) + 1
    n = len(parsed.sentences)
    out: list[dict[str, float]] = [{}]
    for i, sentence in enumerate(parsed.sentences[1:], start=1):
        text = sentence.text.replace("’", "'").lower()
        f: dict[str, float] = {}
        modal = max(((_modal_weight(t), t) for t in sentence if t.tag_ == "MD"), default=(0.0, None),
                    key=lambda pair: pair[0])
        score = 0.0
        if modal[1] is not None and modal[0]:
            main = _main(modal[1], sentence)
            f["modal"], f["modal_main"] = modal[0], float(main)
            f["would"] = float(modal[1].lower_ in ("would", "should", "must"))
            f["negated"] = float(any(c.dep_ == "neg" for c in modal[1].head.children))
            score += modal[0] + (MAIN_CLAUSE if main else 0.0)
        cues = 0.0
        for name, pattern, weight in _CUES:
            if pattern.search(text):
                f[f"cue_{name}"] = 1.0
                cues += weight
        score += min(cues, 1.5)
        if _PAST_PLAN.search(text) and i not in future_dated:
            f["past_plan"] = 1.0
            score -= 0.5  # "was scheduled to lead a rally last Sunday": a plan of the past
        if i in future_dated:
            f["future_date"] = 1.0
            score += 0.5
        f["score"] = round(min(score, 3.0), 3)
        f["dates"] = min(all_dated.get(i, 0), 3)
        f[f"time_{verb_time(main_verb(sentence))}"] = 1.0
        f["quoted"] = float(any(q in sentence.text for q in _QUOTE_MARKS))
        f["speech"] = float(sentence.root.lemma_ in SPEECH)
        f["condition"] = float(bool(_CONDITION.search(text)))
        f["reader"] = float(addresses_reader(sentence))
        f["question"] = float(sentence.text.rstrip(" \"'”’").endswith("?"))
        f["position"] = i / max(n - 1, 1)
        f["second"] = float(i == 1)
        f["words"] = min(len(sentence) / 30, 3.0)
        f["paragraph_first"] = float(doc.sentences[i].paragraph != doc.sentences[i - 1].paragraph)
        f["ahead_words"] = min(sum(t.lemma_.lower() in _AHEAD for t in sentence), 3)
        f["year_ahead"] = float(any(int(y) > dated.reference.day.year for y in _YEAR.findall(sentence.text)))
        f["main_ahead"] = float(main_verb(sentence).lemma_.lower() in _AHEAD)
        f["first_person"] = float(any(t.lower_ in ("i", "me", "my") for t in sentence))
        out.append({k: v for k, v in f.items() if v})
    return out


def probabilities(doc: Document, parsed: Parsed, dated: DocumentDates) -> tuple[float, ...]:
    """Each sentence's probability of being about what comes next (the lead's is 0)."""
    model = learn.model("outlook", FEATURES)
    return tuple(round(model.probability(f), 4) if i > 0 else 0.0
                 for i, f in enumerate(features(doc, parsed, dated)))


def outlook_scores(doc: Document, parsed: Parsed, dated: DocumentDates) -> tuple[float, ...]:
    """An outlook probability per sentence (>= THRESHOLD: about what may come next); the lead scores 0."""
    return probabilities(doc, parsed, dated)[:len(parsed.sentences)]


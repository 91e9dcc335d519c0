"""Background: sentences about earlier events and context that led up to the main event, a learned decision.

Each sentence (but the lead, which is the main event) gets features, and two small
logistic models (`briefing/learn.py`, trained by `scripts/train_background.py` on the
dev annotations, cross-validated by file) decide:

- `background` scores a sentence on its own features: the evidence that it looks
  back, the time its main verb tells, its quotation, its actors and the document's
  tense;
- `background_context` scores it again with the first model's probabilities of its
  neighbours (news tells an earlier episode in a run of sentences and marks only the
  first: "In 2006 she was shot ... Last year a court sentenced five men"), of its
  quotation's other sentences, and how they meet its own time (a run goes on while it
  is told in the past; the present, "now", a statement made for the story and the main
  event's own actors end it). A sentence is background when this probability reaches
  the model's threshold (chosen by cross-validated F1). Credit lines are never
  background. Documents in a language without a spaCy model get no background.

The evidence (`background_scores` sums it as the rules did before; each piece is
also a feature of its own):

- cues that look back ("in retaliation for", "came amid", "prompted", "last week",
  "previously", "used to", "It wasn't until", "it has been done before" but not "had
  been shot before police entered"), each a feature; the past perfect in a main
  clause; "X followed Y"; a life before the story ("was born", "When he was 15");
- dates before the main event's day (resolved by `dating.document_dates`: "Dec. 27",
  "in January", "in 2013"; in full in the main clause, half in a clause below it or
  inside a quotation; a bare month in a sentence told in the past names an earlier
  episode, as news names the main event's days by weekday), a date in a past clause
  under a present main verb ("is where Williams was booed during the 2001 final");
- the present perfect of something lasting, modifying the main verb ("have tried
  repeatedly", "has long been"), and a commitment made before ("has vowed to");
- in a document told in the present (an essay, a profile), a sentence told in the past
  (a past state in full, a past event half);
- against: the main event's own day, its wording (half the content words of the lead's
  main clause), its subject named again ("The victory eases ..."), and what looks ahead
  (the outlook model's probability).

The other features: the time the main verb tells, quotation (opening, continuing, the
time of what it quotes), a speech verb and a statement made now ("says", "told CNN it
would"), "now"/"still", the lead's and the headline's actors named again or a new actor,
a fronted date ("In 2006, ..."), a year, the share of the document told in the past, a
first word that leans back, overlap with the lead, and the run rule the rules used
before (`_runs`), as one feature among the others.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import timedelta

from spacy.tokens import Span, Token

from .. import learn, lexicon
from ..model import Actor, Document
from ..nlp.dates import weekday_of
from ..nlp.entities import Parsed
from ..nlp.furniture import is_credit
from ..rank.standalone import leans_back
from .actors import Actors
from .dating import SPEECH, DocumentDates
from .outlook import THRESHOLD as OUTLOOK_THRESHOLD
from .outlook import TIMES, main_verb, verb_time
from .quotes import Quote

THRESHOLD = 1.0  # own evidence that starts a run of background
SECOND = 1.0  # share of the second-strongest independent piece of evidence added to the strongest
BREAK = -0.5  # own evidence at or below this ends a run

_UNIT = r"(?:minutes?|hours?|days?|weeks?|months?|years?|decades?)"
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_CUES: tuple[tuple[str, re.Pattern[str], float], ...] = tuple(
    (name, re.compile(pattern), weight)
    for name, pattern, weight in (
        ("retaliation", r"\bin (?:retaliation|response|reprisal|revenge) (?:for|to)\b", 1.0),
        ("wake", r"\bin the wake of\b", 1.0),
        ("comes_after", rf"\b(?:comes?|came|coming) (?:(?:just |only |nearly |almost |more than )?(?:(?:a|an|one|two|"
         rf"three|four|five|six|several|a few|\d+) )?{_UNIT} )?(?:amid|after|on the heels of)\b", 1.0),
        ("prompted", r"\b(?:prompted|sparked|triggered|led to|fueled|fuelled)\b", 1.0),
        ("born", r"\b(?:was born|grew up|began (?:his|her|their) career|was raised)\b", 1.0),  # a life before
        ("last", rf"\blast (?:week|month|year|weekend|decade|spring|summer|fall|autumn|winter|{_WEEKDAYS})", 1.0),
        ("ago", rf"\b(?:a|an|one|two|three|four|five|six|several|few|\d+) {_UNIT} (?:ago|earlier|before)", 1.0),
        ("recent", rf"\b(?:earlier this|in recent|over the past|in the past|during the past|in the last) (?:\w+ )?"
         rf"{_UNIT}", 1.0),
        ("previously", r"\b(?:previously|formerly|used to|at the time|traditionally|historically|until now|"
         r"until recently)\b", 1.0),
        # "It's been done before", not "had been shot before police entered"
        ("before", r"\b(?:has|have|had|'s|'ve) (?:been )?(?:\w+ )?(?:before(?! \w)|already)\b", 1.0),
        ("leading_up", r"\bin the (?:days|weeks|months|years|hours) (?:before|leading up to|prior to)\b", 1.0),
        ("yearslong", r"\b(?:yearslong|decades-long|decadeslong)\b", 1.0),
        ("not_until", r"\b(?:was|were|is|wa)(?:n't| not) until\b|^not until\b", 1.0),  # "It wasn't until a CT scan"
        ("long", r"\b(?:has|have|had) long\b", 1.0),
        ("for_years", r"\bfor (?:weeks|months|years|decades)\b|\blong-(?:running|standing)\b", 0.5),
        ("amid", r"\b(?:amid|since|following)\b|\bearlier\b(?! than)", 0.5),
        ("after", r"\bafter (?:a|an|last|its|his|her|their)\b", 0.5),  # "after the ..." tends to mean the main event
        ("latest", r"\bthe latest\b|\bfor the first time since\b", 0.5),
        # "She first told her story to ...", "His firm recently completed ...": an earlier step, told as such
        ("first", r"\b(?:recently|initially|originally|once|first) (?:\w+ed|began|became|won|took|spent|told|went|"
         r"met|came)\b", 0.5),
    )
)
_GENERIC = lexicon.words("generic_content_words")
_FUTURE = lexicon.words("modals_ahead")
_YEAR = re.compile(r"(?<![\w$.,-])(1[89]\d\d|20\d\d)(?![\w-])")
_NOW = re.compile(r"\b(?:now|currently|today|this week|still)\b")

# Weights of the other evidence.
TENSE_SHIFT = 1.0  # a past state ("I was", "he knew") in a document told in the present; an event counts half
EVENTIVE = 0.5  # share of TENSE_SHIFT for a past event rather than a state ("We found", "It resulted in")
PRESENT_SHARE = 0.6  # a document is told in the present when at most 1 - this of its told sentences are past
PRESENT_LEAD_PAST = 0.6  # ... or at most this share when its lead is told in the present (and reports no speech)
AGE = 1.0  # a past told with the age it happened at: "when he was 15", "at the age of 19", "as a teenager"
LASTING = 1.0  # the present perfect of a state or a run that began before: "have tried since June", "has long"
LOOK_BACK = 1.0  # past perfect in a main clause; "X followed Y"
EARLIER_DATE = 1.0  # a date before the main event's day in the main clause (half below it)
MAIN_TIME = 0.75  # the main event's own day (penalty)
OUTLOOK = 0.75  # "will", "could": what may come (penalty)
RESTATES = 0.5  # half its content words are those of the lead's main clause (penalty)
MAIN_EVENT = 0.75  # its subject is the main event named again: "The victory eases ..." (penalty)
_EVENTS = lexicon.words("event_nouns")
_EARLIER = lexicon.words("earlier_words")
_STATIVE = lexicon.words("stative_verbs")
_COMMITTED = lexicon.words("commitment_verbs")
_LASTING = re.compile(r"\b(?:since|always|long|for (?:years|decades|months|weeks)|multiple times|repeatedly|"
                      r"in recent years|over the years)\b")

PAST, PRESENT, FUTURE = "past", "present", "future"


def _lower(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'").lower()


def _content(tokens: Span | list[Token]) -> set[str]:
    """Content words (lemmas of nouns, proper nouns and verbs)."""
    return {
        t.lemma_.lower() for t in tokens
        if t.pos_ in ("NOUN", "PROPN", "VERB") and not t.is_stop and t.lemma_.lower() not in _GENERIC
    }


def _main_clause(lead: Span) -> list[Token]:
    """The lead without its relative clauses and appositions ("... Avijit Roy, who was hacked to death last
    week" is about the arrest, not the killing)."""
    aside = {t.i for token in lead if token.dep_ in ("relcl", "appos", "acl") for t in token.subtree}
    return [t for t in lead if t.i not in aside]


def _past_perfect(sentence: Span) -> float:
    """Evidence from "had + VBN": full in a main clause ("Talks had stalled"), half in a subordinate
    clause, which often only orders events or reports speech ("she said she had acted")."""
    score = 0.0
    for verb in sentence:
        if verb.tag_ == "VBN" and any(c.lower_ == "had" and c.dep_.startswith("aux") for c in verb.children):
            head = verb.head if verb.dep_ == "conj" else verb
            if head.dep_ == "advcl" and any(c.dep_ == "mark" for c in head.children):
                continue  # "After he had converted, he ...": only orders two events
            main = head.dep_ == "ROOT" or (head.dep_ == "ccomp" and head.head.dep_ == "ROOT"
                                           and head.head.lemma_ not in SPEECH and head.head.pos_ in ("VERB", "AUX"))
            score = max(score, LOOK_BACK if main else LOOK_BACK / 2)
    return score


def _followed(sentence: Span) -> float:
    """Evidence from "X followed Y" / "X was followed by Y" in the main clause (not "what followed")."""
    return LOOK_BACK if any(
        t.lower_ == "followed" and any(c.dep_ in ("dobj", "agent") for c in t.children)
        and _clause_weight(t, sentence) == 1.0 for t in sentence  # not "the protests that followed the deaths"
    ) else 0.0


def tense(sentence: Span) -> str:
    """PAST, PRESENT or FUTURE of the sentence's main verb (a speech verb's complement when it reports the
    present: "she says it is")."""
    root = sentence.root
    if root.pos_ not in ("VERB", "AUX"):
        root = next((t for t in sentence if t.pos_ in ("VERB", "AUX") and t.dep_ != "aux"), root)
    auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE or root.lower_ in _FUTURE:
        return FUTURE
    if words & {"had", "was", "were", "did", "'d"} or root.tag_ == "VBD":
        return PAST
    if root.tag_ == "VBN" and words & {"has", "have", "'s", "'ve"}:
        return PAST  # "has been credited", "have died": told as what happened
    if root.tag_ == "VBN" and not auxes:
        return PAST
    return PRESENT


def _on_main_verb(sentence: Span, at: int) -> bool:
    """Whether the word at character `at` modifies the sentence's main verb ("have tried since June", not "its
    first product since the iPad")."""
    span = sentence.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    main, token = main_verb(sentence), span[0]
    for _ in range(4):
        if token == main:
            return True
        if (token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass")) or token.head == token:
            return token.dep_ == "conj" and token.head == main
        token = token.head
    return False


def _says_now(sentence: Span) -> bool:
    """Whether the main verb is a statement made for the story: in the present ("says"), or reporting what
    will be ("told CNN the alliance would make sense")."""
    root = sentence.root
    if root.lemma_ not in SPEECH:
        return False
    if root.tag_ in ("VBZ", "VBP"):
        return True
    for report in (c for c in root.children if c.dep_ == "ccomp"):
        modals = [c for c in report.children if c.tag_ == "MD"]
        if modals and not any(c.dep_ == "neg" for c in report.children):
            return True
    return False


def _clause_weight(token: Token, sentence: Span) -> float:
    """1 when a word sits in the sentence's main clause, 0.5 in a clause below it (relative, adverbial...)."""
    while token.head != token and token != sentence.root:
        if token.dep_ in ("relcl", "acl", "advcl", "ccomp", "csubj"):
            return 0.5 if token.head.lemma_ not in SPEECH else 1.0
        token = token.head
    return 1.0


_KID = r"(?:child|boy|girl|teen|teenager|young man|young woman|little girl|little boy|student|kid|baby|newborn|toddler)"
_AGE = re.compile(rf"\b(?:when|since) (?:he|she|i|they|we) (?:was|were) (?:\d+|an? {_KID}|young|little|"
                  r"in (?:high school|college))|\b(?:was|were) \d+ (?:years old )?when\b|"
                  rf"\bat (?:the )?age (?:of )?\d+|\bas an? {_KID}\b")


def _clause_past(token: Token) -> bool:
    """Whether the verb of the clause a word sits in is told in the past ("is where she was booed in 2001")."""
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            return verb_time(token) in ("past", "pluperfect")
        if token.head == token:
            return False
        token = token.head
    return False


def _quoted(text: str, at: int, inside_from_start: bool) -> bool:
    """Whether character `at` of a sentence lies inside a quotation."""
    marks = sum(text[:at].count(q) for q in ('"', "“", "”"))
    return (marks % 2 == 1) != inside_from_start


def _about_main_event(sentence: Span) -> bool:
    """Whether the main clause's subject (or its report's) is the main event named again: "The victory eases
    ...", "Economists estimated the strike cost ..."."""
    root = sentence.root
    verbs = [root, *(c for c in root.children if c.dep_ == "ccomp")]
    for subject in (c for verb in verbs for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        dets = {c.lower_ for c in subject.children if c.dep_ in ("det", "poss")}
        modifiers = {c.lower_ for c in subject.children if c.dep_ in ("amod", "compound", "nmod")}
        if subject.lemma_.lower() in _EVENTS and dets & {"the", "this", "its"} and not modifiers & _EARLIER:
            return True
    return False


def _evidence(doc: Document, parsed: Parsed, dated: DocumentDates, found: tuple[Quote, ...],
              ahead: tuple[float, ...]) -> list[dict[str, float]]:
    """Each sentence's pieces of own evidence (see `background_scores`), by name."""
    lead = parsed.sentences[0]
    main_words = _content(_main_clause(lead)) | {
        w.lower() for w in re.findall(r"\w+", _lower(doc.article.title)) if len(w) > 3}
    in_main = {t.i for t in _main_clause(lead)}  # not "Roy, who was hacked to death last week"
    lead_dates = [d.when for d in dated.items
                  if d.sentence == 0 and not d.speech and not d.future and d.start in in_main]
    anchored = dated.reference.known or bool(lead_dates)
    # The lead dates an earlier event aside ("Roy, who was hacked to death last week"): a bare weekday may be then.
    lead_aside_dated = any(d.sentence == 0 and d.start not in in_main for d in dated.items)
    main_start = min((w.start for w in lead_dates), default=dated.reference.day)
    main_end = max((w.end for w in lead_dates), default=dated.reference.day)
    by_sentence: dict[int, list] = {}
    for d in dated.items:
        by_sentence.setdefault(d.sentence, []).append(d)
    quotes = {q.sentence: q for q in found}
    # Per sentence: whether it tells an event (a verb, not a credit line), its main verb and that verb's time.
    eventful = [any(t.pos_ in ("VERB", "AUX") for t in s) and not is_credit(s.text) for s in parsed.sentences]
    mains = [main_verb(s) for s in parsed.sentences]
    times = [verb_time(m) for m in mains]
    told = [times[i] in ("past", "pluperfect") for i in range(1, len(mains)) if i not in quotes and eventful[i]]
    told_in_present = bool(told) and sum(told) / len(told) <= 1 - PRESENT_SHARE
    if told and times[0] == "present" and eventful[0] and 0 not in quotes and lead.root.lemma_ not in SPEECH:
        # A lead told in the present (a scene, a state, an essay's claim: "Alexis González walks slowly"), not a
        # report ("Police say"): the past of a feature or a profile is its history, unless it tells most of it.
        told_in_present = sum(told) / len(told) <= PRESENT_LEAD_PAST
    out: list[dict[str, float]] = [{"rule": 0.0, "told_in_present": float(told_in_present)}]
    for i, sentence in enumerate(parsed.sentences[1:], start=1):
        if not eventful[i]:
            out.append({"rule": 0.0, "no_event": 1.0})  # a caption, a credit line: no event
            continue
        main, main_tense = mains[i], times[i]
        text = _lower(sentence.text)
        continuing = i in quotes and not quotes[i].opens
        past = tense(sentence) == PAST or i in quotes

        def weight(at: int, text: str = text, continuing: bool = continuing, sentence: Span = sentence) -> float:
            """Evidence counts half inside a quotation, and half in a clause below the main one."""
            token = sentence.char_span(at, at + 1, alignment_mode="expand")
            clause = _clause_weight(token[0], sentence) if token is not None and len(token) else 1.0
            return (0.5 if _quoted(text, at, continuing) else 1.0) * clause

        matched = {name: w * weight(m.start()) for name, pattern, w in _CUES for m in [pattern.search(text)] if m}
        cues = min(sum(matched.values()), 2.0)
        main_time = 0.0
        earlier = 0.0
        said_before = False
        current = 0.0
        if ahead[i] < OUTLOOK_THRESHOLD or i in quotes:
            for d in by_sentence.get(i, []):
                when = d.when
                if d.future or not (past or _clause_past(parsed.doc[d.start])):
                    continue
                w = weight(parsed.doc[d.start].idx - sentence.start_char)
                if not dated.reference.known and weekday_of(when.text) is not None:
                    w /= 2  # "Thursday" without a publication date: likely, not surely, earlier
                if anchored:
                    before = when.end < main_start
                else:  # only what is surely older: a past year, or a month ago
                    before = (when.precision in ("year", "decade") and past) or (
                        when.end < dated.reference.day - timedelta(days=30))
                if before:
                    earlier = max(earlier, EARLIER_DATE * w)
                    said_before = said_before or d.speech  # "Esper said Thursday" (before Friday's strike)
                elif anchored and when.start >= main_start and when.end <= main_end and not d.speech:
                    main_time += MAIN_TIME * w
                if not before and not d.speech and weekday_of(when.text) is not None and (
                        when.start >= main_start if anchored else not lead_aside_dated):
                    current = 1.0  # the days of the main event or after: "on Saturday", "Friday night"
        for match in _YEAR.finditer(sentence.text):
            if int(match.group(1)) >= main_start.year:
                continue
            at_year = sentence.char_span(match.start(), match.end(), alignment_mode="expand")
            clause_past = at_year is not None and len(at_year) > 0 and _clause_past(at_year[0])
            if (past or clause_past) and (ahead[i] < OUTLOOK_THRESHOLD or i in quotes) and not any(
                    d.start <= at_year.start < d.end for d in by_sentence.get(i, [])):  # "At the 2012 Olympics, ..."
                earlier = max(earlier, EARLIER_DATE * weight(match.start()))
        perfect, followed = _past_perfect(sentence), _followed(sentence)
        age = AGE if past and _AGE.search(text) else 0.0  # "When he was 15, González made a decision"
        cues = max(cues, age)
        shift = 0.0  # told in the past in a document told in the present: an essay's or a profile's history
        if told_in_present and main_tense in ("past", "pluperfect") and i not in quotes \
                and sentence.root.lemma_ not in SPEECH:
            shift = TENSE_SHIFT if main.lemma_ in _STATIVE else TENSE_SHIFT * EVENTIVE
        lasting = 0.0  # "have tried since June", "has long been": a state that began before the main event
        if main_tense == "perfect" and main.lemma_ in _COMMITTED:
            lasting = LASTING  # "Nigeria has vowed to liberate ...": a commitment made before
        elif main_tense == "perfect" and any(_on_main_verb(sentence, m.start()) for m in _LASTING.finditer(text)):
            lasting = LASTING
        # Independent pieces add up: two half cues ("in April" in a clause below + "amid") make one whole.
        pieces = sorted((cues - main_time, earlier, shift, lasting), reverse=True)
        score = pieces[0] + (0.0 if i in quotes else SECOND * max(pieces[1], 0.0)) + perfect + followed
        looks_back = score > 0
        outlook = 0.0
        if i not in quotes and not past and (ahead[i] >= OUTLOOK_THRESHOLD or tense(sentence) == FUTURE):
            outlook = OUTLOOK  # (a quotation, or a past vow or threat, is told in the past)
        main_event = 0.0
        if _about_main_event(sentence) and not any(pattern.search(text) for _, pattern, _ in _CUES[:4]):
            main_event = MAIN_EVENT
        words = _content(sentence)
        restates = 0.0
        if words and not looks_back and len(words & main_words) / len(words) >= 0.5:
            restates = RESTATES
        out.append({
            "rule": round(score - outlook - main_event - restates, 3), "cues": cues, "earlier_date": earlier,
            "main_time": main_time, "past_perfect": perfect, "followed": followed,
            "outlook": min(ahead[i], 2.0), "main_event": main_event, "restates": restates, "tense_shift": shift,
            "lasting": lasting, "current": current, "age": age, "said_before": float(said_before),
            **{f"cue_{name}": w for name, w in matched.items()},
        })
    return out


def background_scores(doc: Document, parsed: Parsed, dated: DocumentDates, found: tuple[Quote, ...],
                      ahead: tuple[float, ...]) -> list[float]:
    """Each sentence's own evidence of being background (see the module docstring); the lead scores 0."""
    return [e["rule"] for e in _evidence(doc, parsed, dated, found, ahead)]


def _headline_actors(title: str, actors: Actors) -> list[Actor]:
    """The people and organisations the headline names."""
    return [actor for actor in actors.actors if title and actor.named_in(title)]


def _quoted_time(sentence: Span) -> str:
    """The time of what a quote sentence quotes: the reported clause of "..., he said", else its main verb."""
    root = sentence.root
    if root.lemma_ in SPEECH and root.tag_ in ("VBZ", "VBP"):
        return "present"  # "..., says Lew": said for the story
    if root.lemma_ in SPEECH:
        report = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX")),
                      None)
        if report is not None:
            return verb_time(report)
    return verb_time(main_verb(sentence))


def _blocks(quotes: dict, n: int) -> dict[int, int]:
    """Each quote sentence's first sentence of its quotation (a quotation running over several sentences)."""
    first: dict[int, int] = {}
    for i in range(n):
        if i in quotes:
            first[i] = first[i - 1] if i - 1 in first and not quotes[i].opens else i
    return first


def _runs(doc: Document, parsed: Parsed, evidence: list[dict[str, float]], found: tuple[Quote, ...],
          headline: list[Actor]) -> list[bool]:
    """The run rule (one feature of the first model): a sentence whose own evidence reaches `THRESHOLD` starts or
    continues a run of background; one without evidence either way continues the run before it when it is told in
    the past, or continues a quotation; evidence of the main event, the present, "now" and the main event's days
    end it; an episode's past-tense opening joins the run the sentence after it starts."""
    scores = [e["rule"] for e in evidence]
    quotes = {q.sentence: q for q in found}
    first = _blocks(quotes, len(doc))
    strongest: dict[int, float] = {}
    for i, start in first.items():
        if i > 0:
            strongest[start] = max(strongest.get(start, scores[i]), scores[i])
    continuing = {i for i, q in quotes.items() if not q.opens or (
        i - 1 in quotes and q.speaker is not None and quotes[i - 1].speaker == q.speaker)}
    flags = [False] * len(doc)
    for i in range(1, len(doc)):
        sentence = parsed.sentences[i]
        score = strongest.get(first[i], scores[i]) if i in first else scores[i]  # a quotation: its strongest
        if is_credit(sentence.text):
            flags[i] = False
        elif i in continuing and score < THRESHOLD:
            flags[i] = flags[i - 1]  # the rest of a quotation: as its first sentence
        elif score >= THRESHOLD:
            flags[i] = True
        elif score <= BREAK or _NOW.search(_lower(sentence.text)) or evidence[i].get("current"):
            flags[i] = False
        elif i not in quotes and _says_now(sentence):
            flags[i] = False  # "Zenn told CNN the alliance would make sense": a statement for the story
        else:
            j = i - 1  # the sentence before, over quotations that interrupt the telling ("..., one wrote.")
            while i not in quotes and j > 0 and j in quotes and not flags[j]:
                j -= 1
            same_paragraph = doc.sentences[i].paragraph == doc.sentences[j].paragraph or scores[i] > 0
            names_headline = any(actor.named_in(sentence.text) for actor in headline)  # the main event's own actors
            told_past = tense(sentence) == PAST
            if i in quotes:  # a quotation joins a run when what it quotes is told in the past
                told_past = _quoted_time(sentence) in ("past", "pluperfect")
            flags[i] = flags[j] and same_paragraph and told_past and not names_headline
    for i in range(len(doc) - 2, 0, -1):  # an episode's opening ("The drama started ..."), dated just after it
        if (not flags[i] and flags[i + 1] and scores[i + 1] >= THRESHOLD and scores[i] > 0 and i not in quotes
                and verb_time(main_verb(parsed.sentences[i])) in ("past", "pluperfect")
                and parsed.sentences[i].root.lemma_ not in SPEECH and not is_credit(parsed.sentences[i].text)
                and not evidence[i].get("current")):
            flags[i] = True
    return flags


CUE_NAMES = tuple(f"cue_{name}" for name, _, _ in _CUES)
# The first model's features: the hand evidence (its sum, "rule", and each piece), then the rest.
FEATURES = (
    "rule", "cues", "earlier_date", "main_time", "past_perfect", "followed", "outlook", "main_event", "restates",
    "tense_shift", "lasting", "current", "age", "said_before", "no_event", *CUE_NAMES,
    *(f"time_{t}" for t in TIMES), "told_past", "quote", "quote_opens", "quote_continues", "quoted_past",
    "quoted_present", "speech", "says_now", "now", "names_headline", "credit",
    "paragraph_first", "paragraphs", "words", "told_in_present", "past_share", "leans_earlier", "leans_previous",
    "lead_overlap", "outlook_p", "run", "lead_actor", "new_actor", "speaker_lead_actor", "lead_told_present",
    "past_after_present_lead", "fronted_date", "year",
)


def features(doc: Document, parsed: Parsed, dated: DocumentDates, found: tuple[Quote, ...],
             ahead: tuple[float, ...], actors: Actors) -> list[dict[str, float]]:
    """Each sentence's features for the first model: its own evidence (see `background_scores`), the time its main
    verb tells, whether it quotes and what, where it stands, and the document's tense (the lead's are empty)."""
    if not doc.sentences:
        return []
    evidence = _evidence(doc, parsed, dated, found, ahead)
    quotes = {q.sentence: q for q in found}
    headline = _headline_actors(doc.article.title, actors)
    n = len(doc)
    times = [verb_time(main_verb(s)) for s in parsed.sentences]
    told = [times[i] in ("past", "pluperfect") for i in range(1, n) if i not in quotes]
    past_share = sum(told) / len(told) if told else 0.0
    told_in_present = evidence[0].get("told_in_present", 0.0)
    lead = parsed.sentences[0]
    lead_words = _content(_main_clause(lead))
    runs = _runs(doc, parsed, evidence, found, headline)
    paragraphs = float(len({s.paragraph for s in doc.sentences}) > 1)
    named = [{actors.names[t.i] for t in sentence if t.i in actors.names} for sentence in parsed.sentences]
    lead_actors = named[0] | {a.name for a in headline}
    seen = set(lead_actors)
    lead_present = float(times[0] in ("present", "perfect", "future"))
    fronted = {d.sentence for d in dated.items if not d.future and d.start - parsed.sentences[d.sentence].start <= 2}
    out: list[dict[str, float]] = [{}]
    for i in range(1, n):
        sentence, f = parsed.sentences[i], dict(evidence[i])
        f[f"time_{times[i]}"] = 1.0
        f["told_past"] = float(tense(sentence) == PAST)
        if i in quotes:
            q = quotes[i]
            f["quote"], f["quote_opens"], f["quote_continues"] = 1.0, float(q.opens), float(not q.opens)
            quoted = _quoted_time(sentence)
            f["quoted_past"] = float(quoted in ("past", "pluperfect"))
            f["quoted_present"] = float(quoted in ("present", "perfect"))
        f["speech"] = float(sentence.root.lemma_ in SPEECH)
        f["says_now"] = float(_says_now(sentence))
        f["now"] = float(bool(_NOW.search(_lower(sentence.text))))
        f["names_headline"] = float(any(actor.named_in(sentence.text) for actor in headline))
        f["credit"] = float(is_credit(sentence.text))
        f["paragraph_first"] = float(doc.sentences[i].paragraph != doc.sentences[i - 1].paragraph)
        f["paragraphs"] = paragraphs
        f["words"] = min(len(sentence) / 30, 3.0)
        f["told_in_present"] = told_in_present
        f["past_share"] = past_share
        kind = leans_back(sentence.text)
        f["leans_earlier"], f["leans_previous"] = float(kind == "earlier"), float(kind == "previous")
        words = _content(sentence)
        f["lead_overlap"] = len(words & lead_words) / len(words) if words else 0.0
        f["outlook_p"] = ahead[i] if i < len(ahead) else 0.0
        f["run"] = float(runs[i])
        f["lead_actor"] = float(bool(named[i] & lead_actors))
        f["new_actor"] = float(bool(named[i] - seen))
        seen |= named[i]
        f["speaker_lead_actor"] = float(i in quotes and quotes[i].speaker in lead_actors)
        f["lead_told_present"] = lead_present
        f["past_after_present_lead"] = lead_present * float(times[i] in ("past", "pluperfect"))
        f["fronted_date"] = float(i in fronted)
        f["year"] = float(bool(_YEAR.search(sentence.text)))
        out.append({k: v for k, v in f.items() if v})
    return out


CONTEXT = ("self", "previous", "next", "previous2", "next2", "same_paragraph_previous", "same_paragraph_next")


def logit(p: float) -> float:
    """log(p / (1 - p)), bounded to about +-6."""
    p = min(max(p, 0.0025), 0.9975)
    return math.log(p / (1 - p))


def neighbours(doc: Document, first: Sequence[float]) -> list[dict[str, float]]:
    """A second pass's view of the first pass's probabilities: a sentence's own (as a logit) and its neighbours'
    (0 past the ends; the lead counts as nothing), and whether each neighbour shares its paragraph."""
    n = len(first)
    out = []
    for i in range(n):
        near = {"self": logit(first[i]) if i > 0 else logit(0.0)}
        for name, j in (("previous", i - 1), ("next", i + 1), ("previous2", i - 2), ("next2", i + 2)):
            near[name] = first[j] if 0 < j < n else 0.0
        near["same_paragraph_previous"] = float(i > 0 and doc.sentences[i].paragraph == doc.sentences[i - 1].paragraph)
        near["same_paragraph_next"] = float(i + 1 < n and doc.sentences[i].paragraph == doc.sentences[i + 1].paragraph)
        out.append(near)
    return out


CONTEXT_FEATURES = (
    *CONTEXT, "block", "previous_past", "previous_present", "previous_quote", "previous_break", "previous_headline",
    "next_evidence", "outlook_p", "previous_outlook", "next_outlook", "previous3",
)


def context_features(doc: Document, own: list[dict[str, float]], first: list[float],
                     found: tuple[Quote, ...], ahead: tuple[float, ...]) -> list[dict[str, float]]:
    """The second model's features: the first model's probabilities of the sentence and its neighbours, and how
    they meet the sentence's own time (an earlier episode runs on while it is told in the past), its quotation (a
    quotation's sentences share their first's label) and what ends a run (now, the main event's days)."""
    quotes = {q.sentence: q for q in found}
    block: dict[int, float] = {}
    start = 0
    for i in range(len(first)):
        if i in quotes:
            start = start if i - 1 in quotes and not quotes[i].opens else i
            block[start] = max(block.get(start, 0.0), first[i])
    out = []
    start = 0
    for i, near in enumerate(neighbours(doc, first)):
        f, o = dict(near), own[i]
        previous = near["previous"]
        past = o.get("time_past", 0.0) + o.get("time_pluperfect", 0.0)
        if i in quotes:
            start = start if i - 1 in quotes and not quotes[i].opens else i
            f["block"] = block[start]
            past = o.get("quoted_past", 0.0)
        f["previous_past"] = previous * past
        f["previous_present"] = previous * (o.get("time_present", 0.0) + o.get("time_future", 0.0))
        f["previous_quote"] = previous * o.get("quote_continues", 0.0)
        f["previous_break"] = previous * max(o.get("now", 0.0), o.get("current", 0.0), o.get("says_now", 0.0))
        f["previous_headline"] = previous * o.get("names_headline", 0.0)
        f["next_evidence"] = near["next"] * float(o.get("rule", 0.0) > 0)
        f["outlook_p"] = ahead[i] if i < len(ahead) else 0.0
        f["previous_outlook"] = ahead[i - 1] if 0 < i <= len(ahead) else 0.0
        f["next_outlook"] = ahead[i + 1] if i + 1 < len(ahead) else 0.0
        f["previous3"] = max(first[max(i - 3, 1):i], default=0.0) if i > 1 else 0.0
        out.append(f)
    return out


def one_statement(probabilities: Sequence[float], found: tuple[Quote, ...]) -> list[float]:
    """A quotation running over several sentences is one statement, made at one time: each of its sentences gets
    the surest probability among them ("The writer is dead. ... Leave him alone," he said two months ago)."""
    quotes = {q.sentence: q for q in found}
    out = list(probabilities)
    block: list[int] = []
    for i in [*range(len(out)), len(out)]:
        if block and (i not in quotes or quotes[i].opens or i - 1 not in quotes):
            surest = max(out[j] for j in block)
            for j in block:
                out[j] = surest
            block = []
        if i in quotes and i > 0:
            block.append(i)
    return out


def probabilities(doc: Document, parsed: Parsed, dated: DocumentDates, found: tuple[Quote, ...],
                  ahead: tuple[float, ...], actors: Actors) -> tuple[float, ...]:
    """Each sentence's probability of being background (the lead's is 0)."""
    if not doc.sentences:
        return ()
    own = features(doc, parsed, dated, found, ahead, actors)
    first_model = learn.model("background", FEATURES)
    first = [first_model.probability(f) if i > 0 else 0.0 for i, f in enumerate(own)]
    second = learn.model("background_context", CONTEXT_FEATURES)
    final = [second.probability(f) if i > 0 else 0.0 for i, f in enumerate(context_features(doc, own, first, found,
                                                                                             ahead))]
    return tuple(round(p, 4) for p in one_statement(final, found))


def is_background(doc: Document, parsed: Parsed, dated: DocumentDates, found: tuple[Quote, ...],
                  ahead: tuple[float, ...], actors: Actors) -> tuple[bool, ...]:
    """Whether each sentence is background (never the lead sentence, nor a credit line)."""
    threshold = learn.model("background_context", CONTEXT_FEATURES).threshold
    return tuple(p >= threshold and not is_credit(doc.sentences[i].text)
                 for i, p in enumerate(probabilities(doc, parsed, dated, found, ahead, actors)))

"""Background: sentences about earlier events and context that led up to the main event.

Each sentence gets a score from its own evidence: that it looks back (discourse
cues such as "in retaliation for", "came amid", "followed", "prompted", "last
week", "previously", "used to", past perfect "had + VBN", "X followed Y") and
dates before the main event's day (resolved by `timeline.document_dates`: "Sunday",
"Dec. 27", "in January", "in 2013"; counted in full in the main clause, half in a
clause below it), minus evidence that it is the main event (its day, much of the
wording of the lead's main clause) or a reaction or outlook ("will", "could").
A bare month counts in full in a sentence told in the past ("was arrested in
January"): news names the main event's days by weekday, so a month names an
earlier episode. Independent pieces add up: two halves ("amid" and a year in a
clause below the main one) make a whole, except inside a quotation, where every
piece already counts half. "recently", "initially", "first" before a past verb
("She first told her story to ...") are a half cue. The age something happened at
("When he was 15, González made a decision", "She was 12 when ...", "at the age of
19", "as a newborn") in a sentence told in the past is a full cue: a life before the
story. A date counts also when the main verb is in the present but the clause that
holds it is told in the past ("The garden is where Williams was booed during the 2001 final").

Two signals come from tense alone, so they carry over to articles whose wording
the cues never saw. The present perfect of something lasting ("have tried
multiple times since June", "has long been", "so far") reports a state or a
series that began before the main event. And in a document told in the present
(an essay, an opinion piece, a profile: at most 40% of its told sentences in the
past, or at most 60% when its lead is told in the present and reports no speech,
"Alexis González walks slowly ...", not "Police say ..." nor a quotation), a
sentence told in the past steps back from it: a past state ("I knew I was a boy",
"Olmert was the former") starts a run of background, a past event ("We found
that ...") only adds to other evidence, since such documents often
tell the news itself in the past. Biography ("was born", "grew up") is a cue.

The lasting words must modify the main verb ("have tried repeatedly", not "its
first product since the iPad"); "so far" and "never" are not lasting (they say
how things stand now). A commitment in the present perfect ("has vowed to") was
made before. "It wasn't until ..." narrates an earlier sequence. "... before" looks
back only as an adverb ("it has been done before"), not before a clause ("had been
shot before police entered" only orders the main event).

Then narrative continuity: news tells an earlier episode in a run of sentences
and marks only the first ("In 2006 she was shot ... Last year a court sentenced
five men"). A sentence at or above `THRESHOLD` starts (or continues) a run; a
sentence with no evidence either way continues the run before it when it is told
in the past (simple past, past perfect, "has been ...") or continues a quotation;
evidence of the main event, or present or future tense, ends it, and so does a
weekday on or after the main event's day ("On Saturday, gunmen killed ..."; without
a publication date or a dated lead, any weekday, since news names the days of the
main event's week, unless the lead itself dates an earlier event aside: "Roy, who
was killed last week"). Only the lead's main clause dates the main event. A
quotation joins a run when what it quotes is told in the past ("I climbed up" yes,
"It is understandable" no, and "..., says X" never: said for the story). A
quotation that runs over several sentences is one block: all its sentences share
the label of its first, or background for all when any of them carries its own
evidence ("Leave him alone," he said on Facebook two months ago). An episode's
first sentence often carries only weak evidence and the date comes in the next
("The drama started ... . In 2010, she ..."): a sentence told in the past with
some evidence of its own (not a report of speech) joins the run that the sentence
after it starts with full evidence. Credit lines,
also a reporter's "X reported from Istanbul.", are never background. The lead
sentence is the main event, never background. Documents in a language without a
spaCy model get no background.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import TYPE_CHECKING

from .. import lexicon
from ..model import Actor, Document
from ..nlp.dates import weekday_of
from ..nlp.entities import Parsed
from ..nlp.furniture import is_credit
from .actors import Actors
from .dating import SPEECH, DocumentDates
from .outlook import THRESHOLD as OUTLOOK_THRESHOLD
from .quotes import Quote

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

THRESHOLD = 1.0  # own evidence that starts a run of background
SECOND = 1.0  # share of the second-strongest independent piece of evidence added to the strongest
BREAK = -0.5  # own evidence at or below this ends a run

_UNIT = r"(?:minutes?|hours?|days?|weeks?|months?|years?|decades?)"
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_CUES: tuple[tuple[re.Pattern[str], float], ...] = tuple(
    (re.compile(pattern), weight)
    for pattern, weight in (
        (r"\bin (?:retaliation|response|reprisal|revenge) (?:for|to)\b", 1.0),
        (r"\bin the wake of\b", 1.0),
        (rf"\b(?:comes?|came|coming) (?:(?:just |only |nearly |almost |more than )?(?:(?:a|an|one|two|three|four|five|"
         rf"six|several|a few|\d+) )?{_UNIT} )?(?:amid|after|on the heels of)\b", 1.0),  # "comes a day after"
        (r"\b(?:prompted|sparked|triggered|led to|fueled|fuelled)\b", 1.0),
        (r"\b(?:was born|grew up|began (?:his|her|their) career|was raised)\b", 1.0),  # a life before the story
        (rf"\blast (?:week|month|year|weekend|decade|spring|summer|fall|autumn|winter|{_WEEKDAYS})", 1.0),
        (rf"\b(?:a|an|one|two|three|four|five|six|several|few|\d+) {_UNIT} (?:ago|earlier|before)", 1.0),
        (rf"\b(?:earlier this|in recent|over the past|in the past|during the past|in the last) (?:\w+ )?{_UNIT}",
         1.0),
        (r"\b(?:previously|formerly|used to|at the time|traditionally|historically|until now|until recently)\b", 1.0),
        # "It's been done before", not "had been shot before police entered"
        (r"\b(?:has|have|had|'s|'ve) (?:been )?(?:\w+ )?(?:before(?! \w)|already)\b", 1.0),
        (r"\bin the (?:days|weeks|months|years|hours) (?:before|leading up to|prior to)\b", 1.0),
        (r"\b(?:yearslong|decades-long|decadeslong)\b", 1.0),
        (r"\b(?:was|were|is|wa)(?:n't| not) until\b|^not until\b", 1.0),  # "It wasn't until a CT scan last year"
        (r"\b(?:has|have|had) long\b", 1.0),
        (r"\bfor (?:weeks|months|years|decades)\b|\blong-(?:running|standing)\b", 0.5),
        (r"\b(?:amid|since|following)\b|\bearlier\b(?! than)", 0.5),
        (r"\bafter (?:a|an|last|its|his|her|their)\b", 0.5),  # "after the ..." tends to mean the main event
        (r"\bthe latest\b|\bfor the first time since\b", 0.5),
        # "She first told her story to ...", "His firm recently completed ...": an earlier step, told as such
        (r"\b(?:recently|initially|originally|once|first) (?:\w+ed|began|became|won|took|spent|told|went|met|came)\b",
         0.5),
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


_PERFECT_AUX = {"has", "have", "'s", "'ve"}


def verb_time(verb: Token) -> str:
    """The time a verb's form tells: "pluperfect" (had done), "past", "perfect" (has done), "present", "future"
    (will, and the other modals)."""
    words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if words & _FUTURE or verb.lower_ in _FUTURE:
        return "future"
    if words & {"had", "'d"}:
        return "pluperfect"
    if words & _PERFECT_AUX and (verb.tag_ == "VBN" or "been" in words):
        return "perfect"
    if words & {"was", "were", "did"} or verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not words):
        return "past"
    return "present"


def _main_verb(sentence: Span) -> Token:
    """The main verb (the root, or the first verb when the root is not one)."""
    root = sentence.root
    if root.pos_ not in ("VERB", "AUX"):
        root = next((t for t in sentence if t.pos_ in ("VERB", "AUX") and t.dep_ != "aux"), root)
    return root


def _on_main_verb(sentence: Span, at: int) -> bool:
    """Whether the word at character `at` modifies the sentence's main verb ("have tried since June", not "its
    first product since the iPad")."""
    span = sentence.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    main, token = _main_verb(sentence), span[0]
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
    mains = [_main_verb(s) for s in parsed.sentences]
    times = [verb_time(m) for m in mains]
    told = [times[i] in ("past", "pluperfect") for i in range(1, len(mains)) if i not in quotes and eventful[i]]
    told_in_present = bool(told) and sum(told) / len(told) <= 1 - PRESENT_SHARE
    if told and times[0] == "present" and eventful[0] and 0 not in quotes and lead.root.lemma_ not in SPEECH:
        # A lead told in the present (a scene, a state, an essay's claim: "Alexis González walks slowly"), not a
        # report ("Police say"): the past of a feature or a profile is its history, unless it tells most of it.
        told_in_present = sum(told) / len(told) <= PRESENT_LEAD_PAST
    out: list[dict[str, float]] = [{"rule": 0.0}]
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

        cues = min(sum(w * weight(m.start()) for pattern, w in _CUES for m in [pattern.search(text)] if m), 2.0)
        main_time = 0.0
        earlier = 0.0
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
        if past and _AGE.search(text):  # "When he was 15, González made a decision": a life before the story
            cues = max(cues, AGE)
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
        if _about_main_event(sentence) and not any(pattern.search(text) for pattern, _ in _CUES[:4]):
            main_event = MAIN_EVENT
        words = _content(sentence)
        restates = 0.0
        if words and not looks_back and len(words & main_words) / len(words) >= 0.5:
            restates = RESTATES
        out.append({
            "rule": round(score - outlook - main_event - restates, 3), "cues": cues, "earlier_date": earlier,
            "main_time": main_time, "past_perfect": perfect, "followed": followed,
            "outlook": min(ahead[i], 2.0), "main_event": main_event, "restates": restates, "tense_shift": shift,
            "lasting": lasting, "current": current,
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
    return verb_time(_main_verb(sentence))


def _blocks(quotes: dict, n: int) -> dict[int, int]:
    """Each quote sentence's first sentence of its quotation (a quotation running over several sentences)."""
    first: dict[int, int] = {}
    for i in range(n):
        if i in quotes:
            first[i] = first[i - 1] if i - 1 in first and not quotes[i].opens else i
    return first


def is_background(doc: Document, parsed: Parsed, dated: DocumentDates, found: tuple[Quote, ...],
                  ahead: tuple[float, ...], actors: Actors) -> tuple[bool, ...]:
    """Whether each sentence is background (never the lead sentence): own evidence, then continuity."""
    if not doc.sentences:
        return ()
    evidence = _evidence(doc, parsed, dated, found, ahead)
    scores = [e["rule"] for e in evidence]
    quotes = {q.sentence: q for q in found}
    headline = _headline_actors(doc.article.title, actors)
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
                and verb_time(_main_verb(parsed.sentences[i])) in ("past", "pluperfect")
                and parsed.sentences[i].root.lemma_ not in SPEECH and not is_credit(parsed.sentences[i].text)
                and not evidence[i].get("current")):
            flags[i] = True
    return tuple(flags)

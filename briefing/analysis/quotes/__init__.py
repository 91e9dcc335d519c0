"""Quotes: direct quotations with their speaker, resolved through the actors and chosen by a learned model.

Quotation spans are found over the whole parse, so a quotation running over
several sentences ("...first. Second," she said.) is one span: curly quotes pair
directly, straight ones by which side the space is on; a quotation reopened at a
sentence start without having closed (a new paragraph of the same quotation) ends
the one before; an opening mark the source glued to the sentence before opens one
when none is open; in a text without double quotation marks, a word-final
apostrophe with no quotation open is an apostrophe ("the Lees' firm"). Spans of fewer
than three words, titles ("Fifty Shades", Title Case or after "titled", "called",
"series"...) and short quoted terms with no speaker (scare quotes) are not quotations,
and a sentence holding no quoted word of a span (only its closing mark) is no quote
sentence.

Who said it is a learned decision (`candidates`): every place that may introduce the
quotation proposes its subject, resolved as below; the quotation it may continue
proposes its speaker, and the people and organisation in focus and the people standing
as subjects just before it are candidates too. A logistic model over features of each
candidate (the site and the subject's kind, the speech verb, the continuation, actor,
person or organisation, salience, recency, rivals, gender agreement, and what the rules
below would choose) scores them; the best is the speaker when its probability reaches
the model's threshold, else the quotation gets none. The rules below are how each site
and subject is found and resolved, and the cascade they used to make (now the feature
"rule").

Quoted words shaped like speech (introduced by a comma or colon and capitalised,
or opening the sentence and ending in ",", "?" or "!") are quotations even without
a speech verb; words after "e.g." or "we call it" are terms.

The speaker is the subject of the speech verb ("say", "tell", "write", "according
to" ...) that introduces the quotation: after it in the closing sentence, any verb
of a short dialogue tag ('"...," he began'), before it in the opening one (the
nearest that has a subject), "in X's view", the clause of a named subject introducing it with a colon
('Sen. James Risch dismissed the argument: "..."'; not after a verb of hearing, showing or carrying, nor with
another name before the colon), the verb it depends on, or a short "X said on Twitter." sentence right after.
A participle's speaker is the person noun it follows ("left local teenagers saying") or the "with" phrase
before it ("with media outlets calling it"); a passive participle ('Simply called "The Machine", it ...')
has none; a subject found above the speech verb that is neither a name, a person, a body nor a document
("Those feelings broke out ... and said", "the graffiti appeared to say") gives no speaker.
The subject is resolved to an actor's canonical name: a name (any variant), "he"/"she" (the person it is
anchored to, below), "it" (the organisation in focus), or a description ("the medical center", "the
spokesman") that fits one actor's name or
role only; "the 22-year-old", "the frustrated 38-year-old Swede" or "the Yale graduate" is the person in focus,
a title before a name is that name ("Arsenal defender Per Mertesacker", also in a misparsed inverted tag: '...,"
said 2004 Nobel Peace Prize winning environmentalist Wangari Maathai'), and
"the report" the report introduced earlier ("a U.S. report on ...").
A description also resolves to the one person named earlier with its head noun as
title ("Mayor James Knowles" for "the mayor"), and "the activist group" to the
organisation just named whose role or apposition holds those words; a person's
role fits only in the same number ("Dispatchers" is no role for "the dispatcher").
"the Frenchman" is the one person actor described as French (role, apposition, "Dane Kevin
Magnussen"); "the King" the one actor with that stated title or named with it ("King Abdullah
II"); "the captain" matches an abbreviated role ("Capt."). A label that cannot speak gives no
speaker: a country the actors took for a person ("Jordan's action"), a thing ("an expletive"),
a name inside quotation marks.
Other descriptions are shown as written ("a security official"), except a definite person noun used for
the first time right after a person was named as a subject ("director Brett Morgen revealed ..., the filmmaker
tweeted"; "the federal prosecutor said" after "Acting U.S. Attorney Stephanie Yonekura said"): another word for
that person, or someone else, so no speaker; vague
ones ("someone", "another") and anything unsure give no speaker, never a guess. A
quotation without its own attribution that starts a sentence right after an
attributed one continues it, unless it names that person (then it is someone
else's); one that a "he added" right after follows takes that speaker.

Never a wrong speaker: names inside quotation marks are neither antecedents nor in
focus; a subject owning the main subject ("Obama's position has evolved") comes
into focus, while "His interview came ..." is matched to no one's role; "he"/"she"
(and "the 22-year-old") is the person in focus only when no other fitting person was
mentioned since that person's latest mention (in that very sentence, only a less
prominent one: "Urschel says he envies Borland"; possessives never count), and never
after a "he" left unknown ("Livni, he said, has ..."); a quotation after a clause of
its own sentence ('The singer advised her to "..."') continues nothing; words someone
was heard saying ("he heard the minister yelling, '...'") are not the teller's; a bare
"the broadcaster" next to a named organisation as subject gives no speaker; a credit line
("X reported from Y.") attributes nothing; a name phrase right before a finite
speech verb the parser left without subject is its subject ("..., Bill Dwyre, who
covered the match, told ..."), and a long subject between a quotation and its verb
is still its attribution.

Tiered, conservative: a "he"/"she" is the person it is anchored to, else no one: the nearest person standing
as a subject before it (in its sentence, only a subject whose verb comes before the pronoun; else up to three
sentences back, a quote sentence counting as its speaker), when that is one person whose gender (from a role, or
a "he"/"she" already anchored to them) does not contradict the pronoun. Pronoun subjects are anchored in document
order, so "X ... He told ... that he ... '...,' he said" chains to X. People count as subjects by an actor's
name, a person's name the actors left out ("Oakes", "Arsenal defender Per Mertesacker"), a surname of one actor,
or the owner of a subject that names no person ("Obama's position has evolved"; "Robinson's mother" is unsure).
The anchor is unsure when that sentence has anyone else as subject (another name, a "he" left unknown, "one of
them"), when a
sentence skipped on the way names a prominent person ("Serena Williams, who ..., said"), or when a named subject
there has a "him"/"her" object ("Holt approached her", then '"...," she said').
A speech verb after a quotation counts only when no token inside a
quotation governs it. Each Quote records the tier ("after:name", "carry<after:pronoun", ...) that produced it;
"model:<source>" when the model chose another candidate than the rules, "model:none<tier" when it gave none.

Every sentence holding part of a quotation is a quote sentence; the excerpt is the
whole sentence and the label its speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Document
from ...nlp.entities import Parsed
from ..actors import Actors
from .attribution import SPEECH, attribution_sites, speech_verbs_in, subject_of
from .candidates import Candidate, Carried, Chooser, Pool, model_chooser
from .marks import (
    MIN_WORDS,
    TERM_WORDS,
    Quote,
    QuoteSpan,
    clause_before,
    glossed,
    is_title,
    quote_spans,
    quoted_sentences,
    speech_form,
    whole_sentences,
)
from .speakers import FEMALE, MALE, Resolver, agentive, climbed


@dataclass(frozen=True)
class Choice:
    """One quotation's candidates and the one chosen (for training and inspection)."""

    first: int  # its first and last sentences
    last: int
    candidates: tuple[Candidate, ...]
    chosen: str | None
    probability: float


def find_quotes(doc: Document, parsed: Parsed, actors: Actors, choose: Chooser | None = None,
                trace: list[Choice] | None = None) -> tuple[Quote, ...]:
    """Every quote sentence of a parsed document with its speaker (resolved through its actors), in order.

    `choose` picks a speaker among a quotation's candidates (default: the shipped model); `trace`, when given,
    receives each quotation's candidates and choice."""
    choose = choose if choose is not None else model_chooser()
    spans = [s for s in quote_spans(doc, parsed)
             if s.words >= MIN_WORDS and not is_title(parsed.doc, s) and not glossed(parsed.doc, s.start)]
    resolver = Resolver(parsed, actors)
    resolver.quoted = {i for s in spans for i in range(s.start, s.end + 1)}
    by_sentence: dict[int, Quote] = resolver.speakers
    last: Carried | None = None  # the latest attribution
    unattributed: QuoteSpan | None = None  # the latest quotation kept, when nothing attributed it
    by_first: dict[int, list[QuoteSpan]] = {}
    for span in spans:
        by_first.setdefault(span.first, []).append(span)
    for s, sentence in enumerate(parsed.sentences):
        for t in sentence:  # "he"/"she" in document order, each anchored to what came before it
            if t.lower_ in MALE | FEMALE and t.dep_ in ("nsubj", "nsubjpass") and t.i not in resolver.quoted:
                resolver.resolve(t)
        speakers: list[str] = []
        for span in by_first.get(s, []):
            pool = Pool(doc, parsed, resolver, span)
            sites = list(attribution_sites(parsed, span, spans))
            for rank, (site, where) in enumerate(sites):
                subject = site if where == "name" else subject_of(site)
                label = resolver.resolve(subject) if subject is not None else None
                kind = resolver.subject_kind(subject) if subject is not None else "none"
                unfit = where in ("colon", "name") and (
                    label not in resolver.kinds or kind == "written"
                    or (where == "name" and resolver.kinds[label] != "person"))
                unsure = kind == "written" and subject is not None and climbed(site, subject) \
                    and not agentive(subject)
                pool.site(rank, site, where, subject, label, kind, unsure, unfit)
            verb, source = sites[0] if sites else (None, "")
            subject = verb if source == "name" else subject_of(verb) if verb is not None else None
            speaker = resolver.resolve(subject) if subject is not None else None
            attributed = subject is not None
            tier = f"{source}:{resolver.subject_kind(subject)}" if subject is not None else ""
            if source in ("colon", "name") and (
                    speaker not in resolver.kinds or resolver.subject_kind(subject) == "written"
                    or (source == "name" and resolver.kinds[speaker] != "person")):
                verb = subject = speaker = None  # only a named speaker (or an anchored "he") introduces with a colon;
                attributed, tier = False, ""  # a name standing alone before it, only a person
            if tier.endswith(":pronoun") and subject.lower_ in MALE | FEMALE and speaker is None:
                tier += "-unanchored"
            if tier.endswith(":written") and climbed(verb, subject) and not agentive(subject):
                speaker, tier = None, tier + "-unsure"  # 'Those feelings broke out ... and said she "..."'
            pool.carry(last, s)
            if verb is None and last is not None and last.given and last.sentence >= s - 2 \
                    and whole_sentences(parsed, span) \
                    and not clause_before(parsed, span):
                speaker, attributed = last.speaker, True  # a continuation of the quotation before
                tier = last.tier if last.tier.startswith("carry") else "carry<" + last.tier
                if resolver.kinds.get(speaker or "") == "person" and speaker in {
                        resolver.names.get(i) for i in range(span.start, span.end + 1)}:
                    speaker = None  # a person the quotation talks about is not who it continues: "Richard
                    # Williams had said that ..." after a sentence about Richard Williams is someone else's
            if not attributed and not whole_sentences(parsed, span) and span.words < TERM_WORDS \
                    and not speech_form(parsed, span):
                continue  # a quoted term, not a quotation
            pool.clause()
            pool.focus()
            candidates = pool.candidates(speaker)
            if subject is not None and subject.lower_ in MALE | FEMALE:  # "he said" is never an organisation's
                candidates = [c for c in candidates if resolver.kinds.get(c.label) != "organization"]
            best, probability, given = choose(candidates)
            chosen = best.label if best is not None and given else None
            if trace is not None:
                trace.append(Choice(span.first, span.last, tuple(candidates), chosen, probability))
            if chosen != speaker:
                tier = "model:" + best.sources[0] if chosen is not None and best is not None \
                    else "model:none<" + (tier or "-")
            speaker = chosen
            if speaker is not None:
                speakers.append(speaker)
            if attributed or speaker is not None:
                last = Carried(span.last, speaker, tier, probability)
            elif best is not None:  # nobody given: the best candidate carries on, with how unsure it was
                last = Carried(span.last, best.label, tier, probability, given=False)
            if speaker is not None and verb is not None and verb.lemma_ in ("add", "continue") \
                    and unattributed is not None and unattributed.last == span.first - 1:
                for i in quoted_sentences(parsed, unattributed):  # '"...' without a speaker, then
                    if by_sentence[i].speaker is None:  # '"...," he added.': both are his
                        by_sentence[i] = Quote(i, speaker, opens=by_sentence[i].opens, tier="added<" + tier)
            unattributed = span if not attributed else None
            holding = quoted_sentences(parsed, span)
            for i in holding:
                if i not in by_sentence or by_sentence[i].speaker is None:
                    by_sentence[i] = Quote(i, speaker, opens=i == holding[0],
                                           tier=tier if i == holding[0] else "span<" + tier)
        if not by_first.get(s):  # indirect speech moves "last" too: "X wrote in a comment ..." then a quotation
            for verb in speech_verbs_in(sentence):
                subject = subject_of(verb)
                label = resolver.resolve(subject) if subject is not None else None
                if label in resolver.kinds:
                    last = Carried(s, label, "carry-indirect:" + resolver.subject_kind(subject))
                    speakers.append(label)
        resolver.after_sentence(sentence, speakers)
    return tuple(by_sentence[i] for i in sorted(by_sentence))


__all__ = ["SPEECH", "Choice", "Quote", "find_quotes"]

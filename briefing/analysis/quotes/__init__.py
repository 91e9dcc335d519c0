"""Quotes: direct quotations with their speaker, resolved through the actors.

Quotation spans are found over the whole parse, so a quotation running over
several sentences ("...first. Second," she said.) is one span: curly quotes pair
directly, straight ones by which side the space is on; a quotation reopened at a
sentence start without having closed (a new paragraph of the same quotation) ends
the one before. Spans of fewer than three words, titles ("Fifty Shades", Title Case
or after "titled", "called", "series"...) and short quoted terms with no speaker
(scare quotes) are not quotations.

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
quotation governs it. Each Quote records the tier ("after:name", "carry<after:pronoun", ...) that produced it.

Every sentence holding part of a quotation is a quote sentence; the excerpt is the
whole sentence and the label its speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ... import lexicon
from ...model import Document
from ...nlp.entities import Parsed
from ..actors import Actors
from ..actors.kinds import COUNTRIES

SPEECH = lexicon.words("speech_verbs")
_TITLE_CUES = lexicon.words("title_cues")
_VAGUE = lexicon.words("vague_speakers")
_DOCUMENTS = lexicon.words("speaking_documents")
_OWNED = lexicon.words("owned_outlets")
_GENERIC_ORGANIZATIONS = lexicon.words("generic_organisations")
# Nouns whose owner is the source of what follows: "in Netanyahu's view", "in her words".
_VIEWS = lexicon.words("view_nouns")
# Verbs reporting words someone else said: a quotation after "he heard X yelling" is not the teller's.
_HEARING = {"hear", "overhear"}
_GLOSS = lexicon.words("gloss_words")
# Nouns that describe where a person comes from rather than what they do: "the Penn State graduate said" is
# the person the story is about, not someone new.
_EPITHETS = lexicon.words("epithets")
# Entity types of proper nouns that are no person (spaCy often tags a person's name ORG or PRODUCT).
_NO_PERSON_TYPES = {"GPE", "LOC", "FAC", "NORP", "DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL",
                    "ORDINAL", "EVENT", "LANGUAGE", "LAW"}
# Nationality nouns that are no adjective ("the Frenchman", "the Spaniard"), with the adjective they stand for;
# other nationality nouns ("the German", "the Italian") are spelled as the adjective.
NATIONALITY_NOUNS = {noun: adjective for noun, adjective in lexicon.table("nationalities").items() if adjective}
# Abbreviated titles in a stated role, and the noun a later description uses ("Capt." -> "the captain").
ABBREVIATIONS = {abbreviation: noun for abbreviation, noun in lexicon.table("title_abbreviations").items() if noun}
_TAG_ENDS = {",", ".", ";", "—", "--", "–", "!", "?"}
_AGE = re.compile(r"(?i)\bthe (?:(?!other |second |first |third |younger |older )[a-z]+ )?\d+-year-old$")
_MALE, _FEMALE = {"he", "him", "his", "himself"}, {"she", "her", "hers", "herself"}
_FEMALE_ROLES = lexicon.words("female_roles")
_MALE_ROLES = lexicon.words("male_roles")
_QUOTE_CHARS = {'"', "“", "”", "‘", "’", "'", "``", "''"}
_OPEN, _CLOSE = "“‘", "”’"
_MIN_WORDS = 3
_TERM_WORDS = 8  # a shorter quotation inside a sentence needs a speaker to count
_MAX_SPAN_SENTENCES = 6
_WORD = re.compile(r"[^\W\d_]")
_WORD_RUN = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class Quote:
    """A sentence holding (part of) a direct quotation, and who said it (None: not known)."""

    sentence: int
    speaker: str | None
    opens: bool  # the quotation starts in this sentence
    tier: str = field(default="", compare=False)  # the kind of inference that gave the speaker


@dataclass
class _Span:
    start: int  # token holding the opening mark (or the sentence's first token when the mark is missing)
    end: int  # token holding the closing mark
    first: int  # sentence of the start
    last: int  # sentence of the end
    words: int  # words quoted


_DOUBLE = re.compile(r'["“”]')
_SINGLE = re.compile(r"(?<![^\W_])['‘]|['’](?![^\W_])")  # not an apostrophe inside a word


def _kind(text: str, at: int, glued: bool, is_open: bool) -> str:
    """"open" or "close" for the quotation mark at `text[at]`."""
    mark = text[at]
    if mark in _OPEN:
        return "open"
    if mark in _CLOSE or glued:
        return "close"
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if (before.isspace() or before in "([{—–-:") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]—–-"):
        return "close"
    return "close" if is_open else "open"


def _spans(document: Document, parsed: Parsed) -> list[_Span]:
    """Quotation spans of the document, from its double quotation marks (single ones where none are used)."""
    doc, text = parsed.doc, parsed.doc.text
    marks = [m.start() for m in _DOUBLE.finditer(text)] or [m.start() for m in _SINGLE.finditer(text)]
    token_starts = [t.idx for t in doc]
    sentence_starts = dict(zip(parsed.starts, range(len(parsed.starts)), strict=True))
    spans: list[_Span] = []
    open_at: int | None = None  # character offset of the open mark

    def token(char: int) -> int:
        return max(bisect_right(token_starts, char) - 1, 0)

    def close(end_char: int) -> None:
        nonlocal open_at
        if open_at is not None and end_char > open_at:
            first, last = parsed.sentence_of(open_at), parsed.sentence_of(end_char)
            if last - first >= _MAX_SPAN_SENTENCES:  # a stray mark: keep its own sentence only
                end_char = parsed.starts[first] + len(parsed.sentences[first].text) - 1
                last = first
            words = len(_WORD_RUN.findall(text[open_at + 1:end_char]))
            spans.append(_Span(token(open_at), token(end_char), first, last, words))
        open_at = None

    for at in marks:
        s = sentence_starts.get(at)
        # A mark opening a sentence that the source glued to the sentence before ("...breaches."READ MORE)
        glued = s is not None and s > 0 and not document.article.text[document.sentences[s].start - 1:][:1].isspace()
        kind = _kind(text, at, glued, open_at is not None)
        if glued and kind == "close" and open_at is not None:
            close(at - 2)  # the mark ends the sentence before
            continue
        if kind == "open":
            if open_at is not None:  # reopened: the previous quotation ended with the sentence before
                here = parsed.sentence_of(at)
                close(parsed.starts[here] - 2 if here > parsed.sentence_of(open_at) else at)
            open_at = at
        elif open_at is not None:
            close(at)
        else:  # closing a quotation whose opening mark is missing: from its sentence start
            open_at = parsed.starts[parsed.sentence_of(at)] - 1
            close(at)
    if open_at is not None:
        s = min(parsed.sentence_of(open_at) + 2, len(parsed.sentences) - 1)
        close(parsed.starts[s] + len(parsed.sentences[s].text) - 1)
    return spans


def _is_title(doc: Doc, span: _Span) -> bool:
    """A title or name in quotation marks: all Title Case, or after "titled", "series", "known as" ..."""
    quoted = [t for t in doc[span.start + 1:span.end] if _WORD.search(t.text)]
    words = [t for t in quoted if not t.is_stop or t.i == quoted[0].i] if quoted else []
    if not words:
        return True
    lower = sum(not t.text[:1].isupper() for t in words)
    if len(words) >= 2 and lower <= (len(words) >= 8) and quoted[0].lower_ not in ("i", "we", "you", "it"):
        return True
    before = [t for t in doc[max(span.start - 3, 0):span.start] if not t.is_punct and t.sent == doc[span.start].sent]
    if len(before) >= 2 and before[-1].tag_ == "DT":  # 'we call it the "phantom device effect"'
        before = before[:-1]
    named = len(before) >= 2 and before[-1].lower_ in ("it", "this", "that", "them") and before[-2].lemma_ == "call"
    return named or (bool(before) and before[-1].lower_ in _TITLE_CUES)


# ---------------------------------------------------------------- speakers


@dataclass
class _Focus:
    """Who "he", "she" and "it" most likely are: recent people and organisations, latest first."""

    people: list[str]
    organizations: list[str]
    gender: dict[str, str]  # from gendered roles ("his wife", "spokeswoman") and anchored "he"/"she"

    def mention(self, name: str, kind: str) -> None:
        bucket = self.people if kind == "person" else self.organizations
        if name in bucket:
            bucket.remove(name)
        bucket.insert(0, name)


def _speech_verbs(tokens: Span | list[Token]) -> list[Token]:
    """Speech verbs, "according (to)", and verbs whose object is a statement ("issued a statement")."""
    return [t for t in tokens if _is_speech(t)]


def _is_speech(t: Token) -> bool:
    if t.lower_ == "according":
        return t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to"
    if t.lemma_ == "read" and t.tag_ == "VBG" and any(c.dep_ == "dobj" for c in t.children):
        return False  # "after reading the response": not words said
    return t.pos_ in ("VERB", "AUX") and (t.lemma_ in SPEECH or any(
        c.dep_ == "dobj" and c.lemma_.lower() in _DOCUMENTS for c in t.children))


def _subject(verb: Token) -> Token | None:
    """The speaker token of a speech verb: its subject, "according to"'s object, a participle's head's subject,
    or the object of an inverted "..., reads the offer"."""
    if verb.lemma_.lower() in _VIEWS and verb.pos_ == "NOUN":
        return next((c for c in verb.children if c.dep_ == "poss"), None)
    if verb.lower_ == "according":
        to = verb.doc[verb.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"] or [c for c in verb.children if c.dep_ == "pobj"]
        return objects[0] if objects else None
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and verb.tag_ in ("VBD", "VBZ", "VBP"):
        named = _name_before(verb)
        if named is not None:  # misparsed: '..., Bill Dwyre, who covered the match, told Open Court.'
            return named
    start = verb
    if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(c.dep_ == "nsubj" for c in verb.children):
        return None  # 'Simply called "The Machine", it uses ...': a passive participle names what is called
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subject = max(subjects, key=lambda c: (c.pos_ == "PROPN", any(a.dep_ == "appos" for a in c.children)))
            # "A lawyer, Navalny branded"; "said the group's co-director, Chelsea Davis" (split at its hyphen)
            return subject if subject.dep_ == "nsubj" else None
        noun = verb.head
        if verb.tag_ == "VBG" and verb.dep_ == "acl" and noun.pos_ == "NOUN" and _personal(noun) \
                and noun.lemma_.lower() not in _DOCUMENTS | _OWNED and noun.head.lower_ != "of":
            return noun  # "The event left local teenagers saying ...": the teenagers say it (not "a statement
            # saying", nor "the group of men chanting")
        if verb.tag_ == "VBG" and verb.dep_ == "advcl":  # "..., with media outlets calling it ...": they do
            absolute = [c for c in verb.head.children if c.dep_ == "prep" and c.lower_ == "with" and c.i < verb.i
                        and c.right_edge.i >= verb.i - 3]
            objects = [c for w in absolute for c in w.children if c.dep_ == "pobj"]
            if objects:  # a thing cannot speak: "addressed Putin with an expletive, telling him, ..."
                return objects[0] if _agentive(objects[0]) else None
        if verb.dep_ in ("advcl", "xcomp", "conj", "acl") or verb.tag_ in ("VB", "VBG") or verb.pos_ != "VERB":
            if verb.head == verb:
                break
            verb = verb.head  # "saying that ...", "went as far as to say ..."
        else:
            break
    before = start.doc[start.i - 1] if start.i > 0 else None
    if before is not None and _age(before):  # "the 22-year-old said", parsed without a subject
        return before
    if before is not None and before.text in ('"', "”", "’", "'"):  # inverted: '"...," reads the offer'
        objects = [c for c in start.children if c.dep_ in ("dobj", "attr") and c.i > start.i]
        return objects[0] if objects else _name_after(start)
    return None


def _name_after(verb: Token) -> Token | None:
    """The person's name ending a misparsed inverted tag: '"...," said 2004 Nobel Peace Prize winning
    environmentalist Wangari Maathai.' (the last token of the name, when nothing but its phrase follows)."""
    doc, end = verb.doc, verb.sent.end
    while end > verb.i + 1 and doc[end - 1].is_punct:
        end -= 1
    tail = doc[verb.i + 1:end]
    if not len(tail) or tail[-1].ent_type_ != "PERSON" or tail[-1].pos_ != "PROPN" \
            or any(t.text in (",", ";", ":", "--", "—") or t.text in _QUOTE_CHARS for t in tail):
        return None
    return tail[-1]


def _name_before(verb: Token) -> Token | None:
    """A name whose phrase (with its apposition or "who" clause) ends right before a finite verb that the parser
    left without a subject: the verb's subject."""
    if verb.i == 0 or verb.doc[verb.i - 1].is_punct:
        return None
    found = None
    for t in [verb.doc[verb.i - 1], *verb.doc[verb.i - 1].ancestors]:
        if t.right_edge.i != verb.i - 1 or t.i > verb.i or verb in t.subtree:
            break
        if t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG"):
            found = t
    if found is None:
        return None
    before = verb.doc[found.left_edge.i - 1] if found.left_edge.i > found.sent.start else None
    return found if before is None or before.text in (",", "--", "—") else None


class _Resolver:
    """Turns subject tokens into speaker labels, walking the document in order."""

    def __init__(self, parsed: Parsed, analysis: Actors | None) -> None:
        self.parsed = parsed
        self.names = analysis.names if analysis else {}
        self.actors = analysis.actors if analysis else ()
        self.kinds = {a.name: a.kind for a in self.actors}
        gender = {a.name: g for a in self.actors if a.kind == "person" and (g := _gender(a.role))}
        self.focus = _Focus([], [], gender)
        self.resolved: dict[int, str | None] = {}  # subject token -> label
        self.last_speaker: str | None = None
        self.quoted: set[int] = set()  # tokens inside quotation marks: never antecedents nor focus
        self.speakers: dict[int, Quote] = {}  # quote sentences so far
        self.named_people: set[str] = set()  # labels of people named but left out of the actors
        self.surnames: dict[str, str] = {}  # a person actor's last name -> that actor ("" when several share it)
        for actor in self.actors:
            if actor.kind == "person":
                last = actor.name.split()[-1]
                self.surnames[last] = "" if self.surnames.get(last, actor.name) != actor.name else actor.name
        self.full_names: dict[str, set[str]] = {}  # surname -> full names of those people
        # One-word "people" that spaCy tags a place where they are named ("Jordan's action"): a country the actors
        # took for a person, which neither speaks a person's words nor stands for a "he"/"she".
        self.places = {name for i, name in self.names.items() if self.kinds.get(name) == "person" and " " not in name
                       and parsed.doc[i].ent_type_ in ("GPE", "LOC")}
        for name in self.places:
            del self.kinds[name]

    def name_at(self, token: Token) -> str | None:
        """The actor a name token (or its compound, or an apposition: "her friend, Shirley Williams") names."""
        if token.i in self.names:
            return self.names[token.i]
        for t in token.children:
            if t.i in self.names and (t.dep_ == "appos" or (t.dep_ == "compound" and token.pos_ == "PROPN")):
                return self.names[t.i]
        return None  # "the Penn State graduate" is not Penn State

    def recent_organization(self, token: Token) -> str | None:
        """The organisation named last before `token`, in its sentence or the one before."""
        sent = self.parsed.sentence_of(token.idx)
        start = self.parsed.sentences[max(sent - 1, 0)].start
        for i in range(token.i - 1, start - 1, -1):
            name = self.names.get(i) if i not in self.quoted else None  # not a name inside a quotation
            if name is not None and self.kinds.get(name) == "organization":
                return name
        return self.focus.organizations[0] if self.focus.organizations else None

    def describe(self, token: Token) -> str | None:
        """A description as speaker: the one actor it fits, a specific description as written, or None."""
        lemma = token.lemma_.lower()
        if any(c.lower_ == "same" for c in token.children):  # "the same person wrote"
            return self.last_speaker
        named = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if named is not None:  # "the sci-fi website Big Shiny Robot"
            return _phrase(named)
        if token.lower_ in _VAGUE or lemma in _VAGUE:
            return None
        bare = not any(c.dep_ in ("compound", "amod", "nmod", "poss", "nummod") for c in token.children)
        if _age(token) or (lemma in _EPITHETS and any(c.lower_ == "the" for c in token.children)) \
                or (token.ent_type_ == "NORP" and bare):
            # "the 22-year-old said", "the star of the show said", "the German said": the one in focus, if unrivalled
            return self.unrivalled(token, self.focus.people[0] if self.focus.people else None)
        if token.ent_type_ in ("DATE", "TIME") and token.lower_ in _TIME_WORDS:
            return None  # "Last year, ... said": a misparse, not a speaker
        dets = [c for c in token.children if c.dep_ in ("det", "poss")]
        definite = any(d.lower_ in ("the", "this", "that", "its", "their") or d.dep_ == "poss" for d in dets)
        owner = next((self.names[t.i] for t in token.subtree if t.i in self.names and t.dep_ == "poss"), None)
        if lemma in _DOCUMENTS or lemma in _OWNED:
            if owner is not None:  # "the offer on Spirit's website"
                return owner
            return self.document_author(token) if definite and lemma in _DOCUMENTS else None
        if definite and lemma in _GENERIC_ORGANIZATIONS:
            modifiers = {c.lower_ for c in token.children if c.dep_ in ("compound", "amod")}
            recent = self.recent_organization(token)  # "the group", "the company"
            if not modifiers or (recent is not None and modifiers | {token.lower_} <= self.descriptions(recent)):
                return recent  # "the activist group" after "X, a St. Louis-based activist group"
        words = {t.lemma_.lower() for t in token.subtree if t.i <= token.i and t.is_alpha and not t.is_stop}
        if definite and words:
            fits = {a.name for a in self.actors if a.kind != "person" and words <= set(_lemmas(a.name))}
            fits |= {a.name for a in self.actors if a.kind == "person" and self.has_role(a.name, token)}
            if len(fits) == 1:
                return fits.pop()
            if fits or lemma in ("man", "woman", "source"):
                return None
            titled = self.titled(token)
            if titled is not None:  # "Mayor James Knowles ... the mayor said"
                return titled
        if definite and all(c.dep_ in ("det", "punct") for c in token.children) and self.named_subject(token):
            return None  # 'The BBC has suspended ..., the broadcaster said': another name for it, or not
        if definite and token.tag_ == "NN" and _personal(token) and not token.lower_.endswith("ment") \
                and not self.introduced(token) \
                and self.person_nearby(token):
            return None  # "the filmmaker tweeted" after "director Brett Morgen": another word for him, or not
        if token.tag_ in ("NN", "NNS", "NNP", "NNPS"):
            return _phrase(token)
        return None

    def introduced(self, token: Token) -> bool:
        """Whether a description's head noun was used before (outside quotation marks): "the journalist" after
        "a journalist working in Diffa" is that unnamed person."""
        return any(t.lower_ == token.lower_ and t.i not in self.quoted for t in self.parsed.doc[:token.i])

    def person_nearby(self, token: Token) -> bool:
        """Whether a person is named as a subject (or a "who" clause) outside quotation marks before a description
        in its sentence or the sentence before it that has words outside quotation marks ("director Brett Morgen
        revealed ..."; not "Dispatchers identified him as Robinson")."""
        here = self.parsed.sentence_of(token.idx)
        for s in range(here, -1, -1):
            outside = [t for t in self.parsed.sentences[s] if t.i not in self.quoted and not t.is_punct
                       and t.i < token.i]
            if any(self.person_named(t) and _rank(t) for t in outside):
                return True
            if outside and s != here:
                break
        return False

    def named_subject(self, token: Token) -> bool:
        """Whether a clause of a description's sentence has a named organisation as subject (outside quotation
        marks): "the broadcaster" may be that organisation or another."""
        return any(t.i in self.names and t.i not in self.quoted and self.kinds.get(self.names[t.i]) == "organization"
                   and _rank(t) for t in token.sent if t.i != token.i)

    def described(self, name: str) -> list[str]:
        """The phrases describing a person: their role and the appositions to their name."""
        actor = next((a for a in self.actors if a.name == name), None)
        texts = [actor.role] if actor and actor.role else []
        for i, named in self.names.items():
            if named == name and i not in self.quoted:
                texts += [self.parsed.doc[a.left_edge.i:a.right_edge.i + 1].text
                          for a in self.parsed.doc[i].children if a.dep_ == "appos"]
        return texts

    def descriptions(self, name: str) -> set[str]:
        """The words an actor is described with: its role and appositions to its name ("X, an activist group")."""
        actor = next((a for a in self.actors if a.name == name), None)
        words = set(re.findall(r"[\w-]+", (actor.role or "").lower())) if actor else set()
        for i, named in self.names.items():
            if named == name:
                for appos in (c for c in self.parsed.doc[i].children if c.dep_ == "appos"):
                    words |= {t.lower_ for t in appos.subtree}
        return words

    def unrivalled(self, token: Token, label: str | None) -> str | None:
        """The person in focus for a "he"/"she" only when nobody else fitting the pronoun was mentioned since that
        person's latest mention (by name, or a subject already resolved to them): in that sentence, only a lower-
        ranked mention may follow ("Urschel says he envies Borland"); in the sentences after it, any mention makes
        the pronoun unsure ("Serena Williams ... said. ... Venus ... she told"). Possessives ("Robinson's mother")
        are no rivals."""
        if label is None:
            return None
        wanted = "m" if token.lower_ in _MALE else "f" if token.lower_ in _FEMALE else None
        doc = self.parsed.doc
        rivals: list[tuple[int, int]] = []  # (sentence, rank)
        here = self.parsed.sentence_of(token.idx)
        for i in range(token.i - 1, -1, -1):
            mentioned = self.resolved.get(i) if i not in self.names else (
                None if i in self.quoted else self.names[i])
            if mentioned is None and i in self.resolved and doc[i].lower_ in (_MALE if wanted == "m" else _FEMALE):
                return None  # a "he" left unknown since leaves this one unsure: "Livni, he said, has ..."
            if mentioned is None or self.kinds.get(mentioned) != "person" or doc[i].dep_ == "poss" \
                    or (i + 1 < len(doc) and doc[i + 1].tag_ == "POS"):
                continue
            sentence, rank = self.parsed.sentence_of(doc[i].idx), _rank(doc[i])
            if mentioned == label:
                return label if all(s == sentence and r < rank for s, r in rivals) else None
            if (wanted is None or self.focus.gender.get(mentioned, wanted) == wanted) and (rank or sentence == here):
                rivals.append((sentence, rank))
        return None

    def titled(self, token: Token) -> str | None:
        """The one person named earlier with the description's head noun as title ("Mayor James Knowles" for "the
        mayor"), also when the actors left the name out; the name found is then a person for the focus."""
        doc, head = token.doc, token.lower_
        found: dict[str, str] = {}  # surname -> fullest name
        for ent in doc.ents:
            if ent.label_ != "PERSON" or ent.start >= token.i:
                continue
            if ent[0].lower_ == head and len(ent) > 1:
                ent = ent[1:]
            elif ent.start == 0 or doc[ent.start - 1].lower_ != head or not doc[ent.start - 1].text[:1].isupper():
                continue
            name = self.names.get(ent[-1].i) or ent.text.removesuffix("'s").removesuffix("’s")
            surname = name.split()[-1]
            if len(name) > len(found.get(surname, "")):
                found[surname] = name
        if len(found) != 1:
            return None
        name = found.popitem()[1]
        self.kinds.setdefault(name, "person")
        return name

    def national(self, token: Token) -> str | None:
        """"the Frenchman": the one person actor described as French (by role, apposition or name: "Dane Kevin
        Magnussen"), else, when nobody is, the person in focus if unrivalled (as "the 22-year-old")."""
        adjective = _nationality(token)
        pattern = re.compile(rf"(?i)\b(?:{re.escape(adjective or '')}|{re.escape(token.lower_)})\b(?!['’])")
        fits = {a.name for a in self.actors if a.kind == "person" and a.name not in self.places
                and any(pattern.search(text) for text in [a.name, *self.described(a.name)])}  # not "German's teammate"
        if fits:
            return fits.pop() if len(fits) == 1 else None
        return self.unrivalled(token, self.focus.people[0] if self.focus.people else None)

    def full_name(self, token: Token) -> str | None:
        """The person's name that a one-word organisation actor ends ("T.J. Maxx spokeswoman Doreen Thompson"
        where the actors saw an organisation "Thompson"): a person's name, not the organisation."""
        label = self.names.get(token.i)
        if label is None or " " in label or token.i == 0:
            return None
        first = token
        while first.i > 0 and (prev := token.doc[first.i - 1]).pos_ == "PROPN" and prev.head == token \
                and prev.dep_ in ("compound", "flat") and prev.text[:1].isupper() and prev.is_alpha \
                and prev.ent_type_ in ("", "PERSON") and prev.i not in self.names:
            first = prev
        before = token.doc[first.i - 1] if first.i > 0 else None
        if first == token or before is None or not (before.pos_ == "NOUN" and _personal(before)):
            return None  # only after a person's title: "spokeswoman Doreen Thompson"
        name = token.doc[first.i:token.i + 1].text
        self.full_names.setdefault(token.text, set()).add(name)
        self.named_people.add(name)
        return name

    def has_role(self, name: str, token: Token) -> bool:
        """Whether a person's stated role holds the head noun of a description, in the same number: "the mayor"
        fits "Mayor", not "Dispatchers" (a plural role describes a group, not the person)."""
        actor = next((a for a in self.actors if a.name == name), None)
        if actor is None or not actor.role or token.lemma_.lower() in ("man", "woman"):
            return False
        words = re.findall(r"[\w-]+", actor.role.lower())
        return token.lower_ in words or token.lower_ in {ABBREVIATIONS.get(w) for w in words}

    def document_author(self, token: Token) -> str | None:
        """"the statement said": who made the statement in the sentence or two before."""
        sent = self.parsed.sentence_of(token.idx)
        for s in range(sent, max(sent - 3, -1), -1):
            for other in self.parsed.sentences[s]:
                if other.lemma_ == token.lemma_ and other.i < token.i:
                    introduced = any(c.lower_ in ("a", "an") for c in other.children)
                    if introduced and other.sent.start < token.sent.start and other.dep_ not in ("dobj", "pobj"):
                        return _phrase(other)  # "a U.S. report ... singled out ...", then "the report added"
                    verb = other
                    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
                        verb = verb.head
                    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                    if subject is not None:
                        return self.resolve(subject)
        return None

    def resolve(self, token: Token) -> str | None:
        """The label of a subject token (memoised; call in document order)."""
        if token.i in self.resolved:
            return self.resolved[token.i]
        label: str | None
        lower = token.lower_
        if token.pos_ == "PRON" or token.tag_ == "PRP":
            if lower in _MALE | _FEMALE:
                self.resolved[token.i] = None  # while looking back
                label = self.anchor(token)
            elif lower == "it":
                label = self.focus.organizations[0] if self.focus.organizations else None
            else:
                label = None
        elif _nationality(token) is not None:  # "the Frenchman said", also where the actors took it for a name
            label = self.national(token)
        else:
            titled = _name_in_title(token)  # "Arsenal defender Per Mertesacker told ..."
            label = self.name_at(token) or (self.title_name(titled) if titled is not None else None)
            if label is not None and self.kinds.get(label) == "organization":
                label = self.full_name(token) or label  # "spokeswoman Doreen Thompson" where the actors saw "Thompson"
            if label is None and token.pos_ == "PROPN" and _bare_definite(token) \
                    and token.ent_type_ in ("", "PERSON"):
                described = self.describe(token)  # "the King said" after "King Abdullah II"
                label = described if described in self.kinds else None
            if label is None:
                label = self.describe(token) if token.pos_ != "PROPN" or token.ent_type_ == "NORP" else (
                    self.person_name(token) or _phrase(token))
            if label in self.places:
                label = None  # a country the actors took for a person does not say a person's words
        self.resolved[token.i] = label
        return label

    def subject_kind(self, token: Token | None) -> str:
        """The kind of a speaker token: "name", "pronoun", "description" (fits an actor) or "written"."""
        if token is None:
            return "none"
        if token.pos_ == "PRON" or token.tag_ == "PRP":
            return "pronoun"
        if self.name_at(token) is not None:
            return "name"
        return "description" if self.resolved.get(token.i) in self.kinds else "written"

    def gender_of(self, label: str | None) -> str | None:
        return self.focus.gender.get(label) if label is not None else None

    def subjects(self, tokens: Span | list[Token], until: int | None = None) -> set[tuple[str, str | None]]:
        """The people standing as subject of a clause among `tokens`, outside quotation marks, with their gender
        when known: an actor's name, a "he"/"she" resolved to them ("?" when left unknown), or "?" for another
        proper name; possessives and objects are not subjects, nor one whose verb comes at `until` or after
        ("Livni, he said, has ...")."""
        found: set[tuple[str, str | None]] = set()
        for t in tokens:
            if t.i in self.quoted or t.dep_ not in ("nsubj", "nsubjpass") or (until is not None and t.head.i >= until):
                continue
            if t.pos_ == "PRON" or t.tag_ == "PRP":
                if t.lower_ in _MALE | _FEMALE:
                    label = self.resolve(t)
                    found.add((label or "?", "m" if t.lower_ in _MALE else "f"))
                elif t.i in self.resolved and self.resolved[t.i] is not None:
                    found.add((self.resolved[t.i], None))
                continue
            titled = _name_in_title(t)  # "Arsenal defender Per Mertesacker"
            name = self.name_at(t) or (self.title_name(titled) if titled is not None else None)
            if name is not None:
                if self.kinds.get(name) == "person" or name in self.named_people:
                    found.add((name, self.gender_of(name)))
            elif (label := self.person_name(t)) is not None:  # a person the actors left out
                found.add((label, self.gender_of(label)))
            elif t.ent_type_ == "PERSON" or (
                    t.pos_ == "PROPN" and (t.ent_type_ not in _NO_PERSON_TYPES or _odd_place(t))):
                found.add(("?", None))
            elif t.lower_ == "one" and any(c.lower_ == "of" for c in t.children):
                found.add(("?", None))  # "One of them told KFOR-TV he ...": someone unnamed
            elif (owner := next((c for c in t.children if c.dep_ == "poss" and self.person_named(c)), None)):
                label = self.name_at(owner) or self.person_name(owner)  # "Obama's position has evolved": him,
                found.add((label, self.gender_of(label)) if label and not _personal(t) else ("?", None))  # not
                # "Robinson's mother"
        return found

    def object_of(self, tokens: Span | list[Token], wanted: str) -> bool:
        """Whether a "him"/"her" of the gender wanted is the object of a clause whose subject is a name ("Holt
        approached her"): someone else, who may be the "she" that follows."""
        for t in tokens:
            if t.lower_ != ("him" if wanted == "m" else "her") or t.dep_ not in ("dobj", "dative", "pobj") \
                    or t.i in self.quoted:
                continue
            verb = t.head.head if t.dep_ == "pobj" else t.head
            if any(c.dep_ in ("nsubj", "nsubjpass") and (self.person_named(c) or self.person_name(c))
                   for c in verb.children):
                return True
        return False

    def person_name(self, token: Token) -> str | None:
        """The name of a person that is no actor, from a proper noun tagged as a person's name: the fullest form
        seen so far ("Fiona Oakes" for "Oakes" when only one such name ends in "Oakes")."""
        if token.pos_ != "PROPN" or token.i in self.names or token.ent_type_ in _NO_PERSON_TYPES:
            return None
        if token.dep_ not in ("compound", "flat") and not any(c.dep_ in ("compound", "flat") for c in token.children):
            known = self.surnames.get(token.text)  # "Turk" for the actor Karl Turk, where the actors missed it
            if known is not None:
                return known or None
        ent = next((e for e in token.sent.ents if e.start <= token.i < e.end), None)
        if ent is None or ent.label_ != "PERSON":
            return None
        name = re.sub(r"['’]s?$", "", ent.text).strip()
        if " " in name:
            self.full_names.setdefault(name.split()[-1], set()).add(name)
            self.named_people.add(name)
            return name
        fuller = self.full_names.get(name, set())
        name = next(iter(fuller)) if len(fuller) == 1 else name
        self.named_people.add(name)
        return name

    def title_name(self, name: Span) -> str:
        """The label of a name after a title: its actor, or the name as written."""
        label = self.name_at(name[-1])
        if label is None:
            label = name.text
            self.full_names.setdefault(name[-1].text, set()).add(label)
            self.named_people.add(label)
        return label

    def person_named(self, token: Token) -> bool:
        """Whether a token (outside quotation marks) names a person: a person actor, or a person's name."""
        if token.i in self.quoted:
            return False
        name = self.name_at(token)
        return self.kinds.get(name) == "person" if name is not None else token.ent_type_ == "PERSON"

    def mentions(self, tokens: Span | list[Token], wanted: str) -> bool:
        """Whether tokens name a person (outside quotation marks) who may be a "he"/"she" of gender `wanted`."""
        for t in tokens:
            if self.person_named(t) and _rank(t) and t.dep_ not in ("flat", "compound"):
                name = self.name_at(t)
                if self.gender_of(name) in (None, wanted):
                    return True
        return False

    def anchor(self, token: Token) -> str | None:
        """The person a "he"/"she" stands for, only when beyond doubt: the nearest person standing as a subject
        before it (in its own sentence, or in the sentences before, up to three back, where a quote sentence
        stands for its speaker), when that is one person whose gender does not contradict the pronoun."""
        wanted = "m" if token.lower_ in _MALE else "f"
        doc = self.parsed.doc
        here = self.parsed.sentence_of(token.idx)
        candidates = [(self.subjects(doc[token.sent.start:token.i], token.i), doc[token.sent.start:token.i])]
        for back in range(1, 4):
            s = here - back
            if s < 0:
                break
            quote = self.speakers.get(s)
            if quote is not None and quote.speaker is not None:
                person = self.kinds.get(quote.speaker) == "person" or quote.speaker in self.named_people
                candidates.append(({(quote.speaker, self.gender_of(quote.speaker)) if person else ("?", None)}, []))
            else:
                candidates.append((self.subjects(self.parsed.sentences[s]), self.parsed.sentences[s]))
        for found, tokens in candidates:
            fitting = {label for label, gender in found if gender in (None, wanted)}
            if not fitting:
                if self.mentions(tokens, wanted):
                    return None  # someone else came in between: "Serena Williams, who ..., said ..."
                continue
            if len(fitting) != 1 or "?" in fitting or self.object_of(tokens, wanted):
                return None  # "Holt approached her.": "she" may be the one approached
            label = fitting.pop()
            self.focus.gender.setdefault(label, wanted)
            return label
        return None

    def after_sentence(self, sentence: Span, speakers: list[str]) -> None:
        """Move the focus: this sentence's speakers first, else its main subject, or the person owning it
        ("President Obama's position has evolved. In 2012, he announced ...")."""
        for subject in (c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass")
                        and c.i not in self.quoted):
            owner = next((c for c in subject.children if c.dep_ == "poss"), None)
            if subject.pos_ == "NOUN" and owner is not None and owner.pos_ == "PRON":
                continue  # "His interview came ...": about the one in focus, no role to match
            label = self.resolve(subject)
            if label not in self.kinds and subject.pos_ == "NOUN":
                label = self.name_at(owner) if owner is not None else None
            if label in self.kinds:
                self.focus.mention(label, self.kinds[label])
        for name in reversed(speakers):
            if name in self.kinds:
                self.focus.mention(name, self.kinds[name])
        if speakers:
            self.last_speaker = speakers[-1]


def _odd_place(token: Token) -> bool:
    """A lone word tagged as a place, no country, acting as the subject of a verb ("Carmi said he ...",
    "Buhari blamed ..."): the small model tags some surnames as places; such a subject may be a person."""
    return token.ent_type_ in ("GPE", "LOC") and token.ent_iob_ == "B" and (
        token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I") \
        and token.lower_ not in COUNTRIES and token.text.isalpha() and not token.text.isupper() \
        and token.head.pos_ == "VERB"


def _bare_definite(token: Token) -> bool:
    """Whether a noun is "the" and the noun alone ("the King", "the Frenchman"), not "the King's aide"."""
    children = list(token.children)
    return any(c.dep_ == "det" and c.lower_ == "the" for c in children) and not any(
        c.dep_ in ("compound", "flat", "amod", "nmod", "poss", "nummod", "appos") for c in children)


def _nationality(token: Token) -> str | None:
    """The nationality adjective of a description "the Frenchman", "the Spaniard", "the German" (one person)."""
    if not _bare_definite(token) or not token.text[:1].isupper():
        return None
    lower = token.lower_
    if lower in NATIONALITY_NOUNS:
        return NATIONALITY_NOUNS[lower]
    if token.ent_type_ == "NORP" and token.tag_ == "NNP" and not lower.endswith("s"):
        return lower
    return None


def _name_in_title(token: Token) -> Span | None:
    """The person's name that ends a subject headed by its title, which the parser took for the head
    ("Arsenal defender Per Mertesacker")."""
    end = token.head.i if token.head.i > token.i else token.right_edge.i + 1  # up to its verb: "Per" may be
    if token.pos_ != "NOUN" or end <= token.i + 1:  # parsed as a preposition of "told"
        return None
    tail = token.doc[token.i + 1:end]
    last = tail[-1]
    if last.ent_type_ != "PERSON" or last.pos_ != "PROPN" or not all(t.text[:1].isupper() for t in tail):
        return None
    return tail


_PERSONAL = lexicon.words("person_relations")


_BODIES = lexicon.words("speaking_bodies")


def _climbed(verb: Token, subject: Token) -> bool:
    """Whether a speech verb's speaker is the subject of a verb above it ("..., saying", "and said", "appeared to
    say"), not its own."""
    return subject.dep_ == "nsubj" and subject.head != verb and subject.head in verb.ancestors


def _agentive(noun: Token) -> bool:
    """Whether a subject found above a speech verb may speak: a name, a person ("protesters", "the father"), a
    body or a document; not "Those feelings broke out ... and said", nor "the graffiti appeared to say"."""
    return noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or _personal(noun) \
        or noun.lemma_.lower() in _GENERIC_ORGANIZATIONS | _DOCUMENTS | _OWNED | _BODIES


def _personal(noun: Token) -> bool:
    """Whether a noun may name people ("mother", "lawyer", "manager"): its owner is then not who it is about."""
    word = noun.lower_
    return word in _PERSONAL | _FEMALE_ROLES | _MALE_ROLES or noun.lemma_.lower() in _PERSONAL \
        or word.endswith(("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "man", "men", "ant", "ants",
                          "ent", "ents", "ee", "ees"))


def _rank(token: Token) -> int:
    """How prominent a mention is: 2 the subject of its sentence's main clause (or a name standing as a sentence),
    1 the subject of another clause or a name introduced with a "who" clause ("Serena Williams, who ..."), 0 other
    ("the deaths of Rahman", "he envies Borland")."""
    while token.dep_ in ("compound", "flat", "appos", "conj") and token.head != token:
        if any(c.dep_ == "relcl" for c in token.children):
            return 1
        token = token.head
    if token.dep_ == "ROOT":
        return 2
    if token.dep_ == "pobj" and token.head.dep_ == "agent":  # "a memo written by Mark Olsen"
        return 1
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return int(any(c.dep_ == "relcl" and c.i > token.i for c in token.children))
    verb = token.head
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return 2 if verb.dep_ == "ROOT" else 1


def _age(token: Token) -> bool:
    """Whether a token ends "the 22-year-old", "the frustrated 38-year-old" or "the 38-year-old Swede" (a
    nationality or an epithet after the age): a description that stands for the person in focus."""
    doc = token.doc
    if (token.ent_type_ == "NORP" or token.lower_ in _EPITHETS) and token.i > 0:
        return _age(doc[token.i - 1])
    return bool(_AGE.search(doc[max(token.i - 7, token.sent.start):token.i + 1].text))


def _gender(role: str | None) -> str | None:
    words = set(re.findall(r"[a-z]+", (role or "").lower()))
    if words & _FEMALE_ROLES:
        return "f"
    return "m" if words & _MALE_ROLES else None


def _lemmas(text: str) -> list[str]:
    words = [w.lower() for w in re.findall(r"[\w-]+", text)]
    return words + [w[:-1] for w in words if len(w) > 3 and w.endswith("s")]


_TIME_WORDS = lexicon.words("time_nouns")


def _phrase(token: Token) -> str:
    """A speaker description as written: the noun phrase up to its head, with a short "for/of X"."""
    doc = token.doc
    start = token.left_edge.i
    while start < token.i and (doc[start].is_punct or doc[start].text in _QUOTE_CHARS):
        start += 1
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "with", "from", "in") \
                and child.right_edge.i - end < 10:
            end = child.right_edge.i + 1
        elif child.dep_ in ("compound", "flat"):
            end = max(end, child.i + 1)
        else:
            break
    return doc[start:end].text


# ---------------------------------------------------------------- attribution


def _attribution(parsed: Parsed, span: _Span, spans: list[_Span]) -> tuple[Token | None, str]:
    """The speech verb that introduces a quotation span, if any, and where it was found."""
    doc = parsed.doc
    inside = [range(s.start, s.end + 1) for s in spans]

    def outside(t: Token) -> bool:
        return not any(t.i in r for r in inside)

    closing = parsed.sentences[span.last]
    after = [t for t in _speech_verbs(doc[span.end + 1:min(span.end + 12, closing.end)]) if outside(t)
             and all(outside(a) for a in t.ancestors)]  # not a clause the quotation governs: '"... better than"
    # what terrorist recruiters are telling them'
    if after:
        return after[0], "after"
    later = [t for t in _speech_verbs(doc[span.end + 1:closing.end]) if outside(t)]
    if later and _long_subject(doc, span.end + 1, later[0]):  # '"...," U.S. Secretary of State John Kerry and
        return later[0], "after"  # UK Foreign Secretary Philip Hammond said.'
    tag = _dialogue_tag(doc, span, closing)
    if tag is not None:
        return tag, "tag"
    opening = parsed.sentences[span.first]
    before = [t for t in _speech_verbs(doc[opening.start:span.start]) if outside(t)]
    if before:  # the nearest, unless it has no speaker and the quotation does not depend on it, while an earlier
        quoted = doc[min(span.start + 1, span.end)]  # one does ('Cook said the watch, besides telling the time,
        governing = [t for t in before if t in quoted.ancestors]  # was "a companion"')
        if _subject(before[-1]) is None and before[-1] not in governing and governing:
            return governing[-1], "before"
        if any(t.lemma_ in _HEARING and t.pos_ == "VERB" for t in doc[before[-1].i + 1:span.start]):
            return None, ""  # 'A pilot told us he heard the minister yelling, "..."': someone else's words
        return before[-1], "before"
    view = [t for t in doc[opening.start:span.start] if t.lemma_.lower() in _VIEWS and outside(t)
            and any(c.dep_ == "poss" for c in t.children)]
    if view:  # 'In Netanyahu's view, ... its "threats to annihilate Israel"'
        return view[-1], "view"
    colon = _colon_clause(doc, span, opening)
    if colon is not None and all(outside(t) for t in [colon, *colon.ancestors]):
        return colon, "colon"
    name = _name_colon(doc, span, opening)
    if name is not None:
        return name, "name"
    token = doc[min(span.start + 1, span.end)]
    for _ in range(6):  # the verb the quotation depends on: 'agreed that ID badges alone "are not enough"'
        if token.head == token:
            break
        token = token.head
        if outside(token) and token.pos_ in ("VERB", "AUX") and token.lemma_ in SPEECH:
            return token, "head"
    if span.last + 1 < len(parsed.sentences):  # "Griffith said on Twitter." after the quotation
        tail = parsed.sentences[span.last + 1]
        verbs = _speech_verbs(tail)
        if verbs and len(tail) <= 25 and not any(t.text in _QUOTE_CHARS for t in tail) and not any(
                c.dep_ in ("ccomp", "dobj", "xcomp") or (c.dep_ == "prep" and c.lower_ == "from")
                for c in verbs[0].children):  # not a credit line: "Sara Sidner reported from Ferguson."
            return verbs[0], "next"
    return None, ""


_NOT_SAYING = _HEARING | {"see", "watch", "show", "quote", "cite", "find", "hold", "carry", "wear", "depict",
                          "feature", "read", "sign", "display", "post", "share", "publish", "print", "release"}


def _after_colon(doc: Doc, span: _Span, sentence_start: int) -> bool:
    """Whether words of its sentence and then a colon come right before the quotation ('Pence: "..."')."""
    return span.start - 1 > sentence_start and doc[span.start - 1].text == ":"


def _colon_clause(doc: Doc, span: _Span, opening: Span) -> Token | None:
    """The verb of the clause that introduces a quotation with a colon ('Sen. James Risch dismissed the
    argument: "..."'), when nobody else is named between the verb and the colon ('quoted Lincoln: "..."') and the
    verb is no hearing, showing or carrying ('the video shows Johnson screaming: "..."', 'held a sign: "..."')."""
    if not _after_colon(doc, span, opening.start):
        return None
    at = span.start - 1
    verb = doc[at]
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i > at or verb.i < opening.start or verb.lemma_ in _NOT_SAYING \
            or verb.dep_ not in ("ROOT", "conj") or verb.tag_ in ("VBG", "VBN"):
        return None
    if any(t.ent_type_ in ("PERSON", "ORG") or t.text in _QUOTE_CHARS for t in doc[verb.i + 1:at]):
        return None
    return verb


def _name_colon(doc: Doc, span: _Span, opening: Span) -> Token | None:
    """The last word of a name that stands alone before the colon introducing a quotation ('Or Louisiana Gov.
    Bobby Jindal: "..."', 'Pence: "..."'): the name is the speaker."""
    if not _after_colon(doc, span, opening.start):
        return None
    words = list(doc[opening.start:span.start - 1])
    if words[0].pos_ in ("CCONJ", "ADV") and len(words) > 1:  # "Or ...", "Then ..."
        words = words[1:]
    capitalised = all(t.text == "." or (t.text[:1].isupper() and t.text.rstrip(".").isalpha()) for t in words)
    if len(words) > 6 or not capitalised or words[-1].ent_type_ not in ("", "PERSON"):
        return None
    return words[-1]  # the speaker only if it resolves to a person actor (see find_quotes)


def _long_subject(doc: Doc, start: int, verb: Token) -> bool:
    """Whether everything from `start` up to a verb is the verb's subject (a long name list or title)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
    if subject is None:
        return False
    inside = {t.i for t in subject.subtree}
    return all(t.i in inside or t.is_punct for t in doc[start:verb.i])


def _dialogue_tag(doc: Doc, span: _Span, closing: Span) -> Token | None:
    """The verb of a short tag right after a quotation that ends in a comma ('"...," he began, "..."', '"...?" she
    wondered.'): in that place any verb introduces the quotation."""
    if span.end < 2 or doc[span.end - 1].text not in (",", "?", "!"):
        return None
    stop = min(span.end + 7, closing.end)
    verb = next((t for t in doc[span.end + 1:stop] if t.pos_ == "VERB"), None)
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i > verb.i:
        return None
    if any(t.i not in {w.i for w in subject.subtree} for t in doc[span.end + 1:verb.i]):
        return None  # more than a subject before the verb: not a tag
    after = doc[verb.i + 1] if verb.i + 1 < closing.end else None
    return verb if after is None or after.text in _QUOTE_CHARS | _TAG_ENDS else None


def _speech_form(parsed: Parsed, span: _Span) -> bool:
    """Whether quoted words have the form of direct speech even without a speech verb: a capitalised quotation
    introduced by a comma or colon ('the first question is, "Is it a boy?"'), or one opening its sentence that
    ends in a comma, "?" or "!" inside the marks ('"Thanks for the prayers," a comment read.')."""
    doc = parsed.doc
    if span.end - span.start < 2:
        return False
    first, last = doc[span.start + 1], doc[span.end - 1]
    opening = parsed.sentences[span.first]
    before = [t for t in doc[opening.start:span.start] if t.text not in _QUOTE_CHARS]
    if before and before[-1].text in (",", ":") and first.text[:1].isupper():
        return not _glossed(doc, span.start)
    return not before and last.text in (",", "?", "!")


def _glossed(doc: Doc, start: int) -> bool:
    """Whether quoted words follow "e.g.", "i.e." or "meaning": an explanation or translation, not a quotation."""
    words = [t for t in doc[max(start - 3, 0):start] if not t.is_punct or t.lower_ in _GLOSS]
    return bool(words) and words[-1].lower_ in _GLOSS


def _whole_sentences(parsed: Parsed, span: _Span) -> bool:
    """Whether a quotation fills its sentences (after at most a few words: 'With so many employees, "...')."""
    doc = parsed.doc
    before = span.start - parsed.sentences[span.first].start
    after = [t for t in doc[span.end + 1:parsed.sentences[span.last].end] if not t.is_punct]
    return before <= 5 and not after


def _clause_before(parsed: Parsed, span: _Span) -> bool:
    """Whether a verb comes before the quotation in its sentence ('The singer advised her to "..."'): the
    quotation belongs to that clause, not to the quotation before it), or a heading before a colon ('Pence:
    "..."'): it introduces the quotation."""
    doc = parsed.doc
    start = parsed.sentences[span.first].start
    return _after_colon(doc, span, start) or any(t.pos_ in ("VERB", "AUX") for t in doc[start:span.start])


def find_quotes(doc: Document, parsed: Parsed, actors: Actors) -> tuple[Quote, ...]:
    """Every quote sentence of a parsed document with its speaker (resolved through its actors), in order."""
    spans = [s for s in _spans(doc, parsed)
             if s.words >= _MIN_WORDS and not _is_title(parsed.doc, s) and not _glossed(parsed.doc, s.start)]
    resolver = _Resolver(parsed, actors)
    resolver.quoted = {i for s in spans for i in range(s.start, s.end + 1)}
    by_sentence: dict[int, Quote] = resolver.speakers
    last: tuple[int, str | None, str] | None = None  # (sentence, speaker, tier) of the latest attribution
    unattributed: _Span | None = None  # the latest quotation kept, when nothing attributed it
    by_first: dict[int, list[_Span]] = {}
    for span in spans:
        by_first.setdefault(span.first, []).append(span)
    for s, sentence in enumerate(parsed.sentences):
        for t in sentence:  # "he"/"she" in document order, each anchored to what came before it
            if t.lower_ in _MALE | _FEMALE and t.dep_ in ("nsubj", "nsubjpass") and t.i not in resolver.quoted:
                resolver.resolve(t)
        speakers: list[str] = []
        for span in by_first.get(s, []):
            verb, source = _attribution(parsed, span, spans)
            subject = verb if source == "name" else _subject(verb) if verb is not None else None
            speaker = resolver.resolve(subject) if subject is not None else None
            attributed = subject is not None
            tier = f"{source}:{resolver.subject_kind(subject)}" if subject is not None else ""
            if source in ("colon", "name") and (
                    speaker not in resolver.kinds or resolver.subject_kind(subject) == "written"
                    or (source == "name" and resolver.kinds[speaker] != "person")):
                verb = subject = speaker = None  # only a named speaker (or an anchored "he") introduces with a colon;
                attributed, tier = False, ""  # a name standing alone before it, only a person
            if tier.endswith(":pronoun") and subject.lower_ in _MALE | _FEMALE and speaker is None:
                tier += "-unanchored"
            if tier.endswith(":written") and _climbed(verb, subject) and not _agentive(subject):
                speaker, tier = None, tier + "-unsure"  # 'Those feelings broke out ... and said she "..."'
            if verb is None and last is not None and last[0] >= s - 2 and _whole_sentences(parsed, span) \
                    and not _clause_before(parsed, span):
                speaker, attributed = last[1], True  # a continuation of the quotation before
                tier = last[2] if last[2].startswith("carry") else "carry<" + last[2]
                if resolver.kinds.get(speaker or "") == "person" and speaker in {
                        resolver.names.get(i) for i in range(span.start, span.end + 1)}:
                    speaker = None  # a person the quotation talks about is not who it continues: "Richard
                    # Williams had said that ..." after a sentence about Richard Williams is someone else's
            if not attributed and not _whole_sentences(parsed, span) and span.words < _TERM_WORDS \
                    and not _speech_form(parsed, span):
                continue  # a quoted term, not a quotation
            if speaker is not None:
                speakers.append(speaker)
            if attributed:
                last = (span.last, speaker, tier)
            if speaker is not None and verb is not None and verb.lemma_ in ("add", "continue") \
                    and unattributed is not None and unattributed.last == span.first - 1:
                for i in range(unattributed.first, unattributed.last + 1):  # '"...' without a speaker, then
                    if by_sentence[i].speaker is None:  # '"...," he added.': both are his
                        by_sentence[i] = Quote(i, speaker, opens=by_sentence[i].opens, tier="added<" + tier)
            unattributed = span if not attributed else None
            for i in range(span.first, span.last + 1):
                if i not in by_sentence or by_sentence[i].speaker is None:
                    by_sentence[i] = Quote(i, speaker, opens=i == span.first,
                                           tier=tier if i == span.first else "span<" + tier)
        if not by_first.get(s):  # indirect speech moves "last" too: "X wrote in a comment ..." then a quotation
            for verb in _speech_verbs(sentence):
                subject = _subject(verb)
                label = resolver.resolve(subject) if subject is not None else None
                if label in resolver.kinds:
                    last = (s, label, "carry-indirect:" + resolver.subject_kind(subject))
                    speakers.append(label)
        resolver.after_sentence(sentence, speakers)
    return tuple(by_sentence[i] for i in sorted(by_sentence))

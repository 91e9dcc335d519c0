"""Mentions: which of an article's names are actors or places, each with the kind its votes settle on.

Not actors: titles of works in quotation marks, fictional characters ("X, played
by Y", "stars as X", "plays his daughter, X"), religious figures ("Prophet X"),
names in a figure of speech ("the George Carlin of Bangladesh", "Hulk-style"),
brand + product ("the Apple watch"), the author's bio before an opinion
disclaimer, credit lines and link texts ("X also contributed.", "See more:"), the
publisher's staff ("CNN's aviation correspondent X"), and outlets someone only
"told" or gave an interview (in all their mentions, unless they act elsewhere).
Nor are events, documents, technical terms, codes ("MH370") and the publisher's
own products.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ... import lexicon
from ...nlp.entities import Parsed
from ...nlp.furniture import CREDIT
from .kinds import (
    COUNTRIES,
    hyphenated_given_name,
    in_place_context,
    is_club,
    is_located,
    is_team,
    kind_of_votes,
    surname_votes,
    titled_person,
)
from .names import NER_KIND, ORGANIZATION, PERSON, PLACE, Mention, acronym_of, name_key
from .roles import title_start
from .spans import acronym_aliases, entity_spans
from .words import DEMONYMS, HYPHENS, JOB_TITLES, NAME_LINKS, ORG_HEADS, ORG_NOUNS, TITLES

# Organisation words that media names may end in ("Fox News Network", "BBC World Service").
_MEDIA_HEADS = lexicon.words("media_name_heads")
# Last words of names that are places, whatever NER says ("Los Angeles International Airport").
_FACILITIES = lexicon.words("facility_words")
# Last words of places named for a person or a thing, that NER may take for a person's name: no surname.
_ROADS = lexicon.words("road_words")
# Buildings named for the institution in them: a place unless the name acts somewhere ("Drents Museum said").
_INSTITUTIONS = lexicon.words("institution_buildings")
# Last words of names that are events, prizes or competitions, not actors ("FA Cup", "Academy Award").
_EVENTS = lexicon.words("event_name_words")
# Last words of names of documents, laws and agreements: texts, not actors ("Common Core State Standards").
_DOCUMENTS = lexicon.words("document_name_words")
# Acronyms of technical terms, used like common nouns ("a CT scan", "suffering from TBI"): not organisations.
_TERMS = lexicon.words("technical_acronyms")
_RELIGIONS = lexicon.words("religions")
# Services that carry what people post ("on Twitter", "a Facebook page"): a medium, not an actor.
_PLATFORMS = lexicon.words("platforms")
# The publisher promoting its own programme: the names in it are the publisher's products.
_PROMO = re.compile(r"(?i)\bthank you for (?:using|watching|reading|joining|listening to)\b")
# An opinion piece's disclaimer: the sentences before it (at the top) or the one before it are the author's bio.
_DISCLAIMER = re.compile(r"(?i)\b(?:views|opinions) expressed in this (?:commentary|article|column|piece|essay|post)"
                         r" are\b")
_DATELINE_SOURCE = re.compile(r"^\s*(?:[A-Z][\w .,'-]{0,60}?)?\(([A-Z][\w.&]*(?: [A-Z][\w.&]*){0,3})\)")


def _in_person_title(span: Span, people: list[Span]) -> bool:
    """Whether a name belongs to a person's title: "Defense" Secretary Mark Esper, Secretary of "State",
    "Disney" star Zendaya Coleman."""
    doc = span.doc
    if any(0 < p.start - span.end <= 4 and title_start(p) <= span.start for p in people):
        return True
    person = next((p for p in people if 0 <= p.start - span.end <= 2), None)
    if person is None:
        return False
    between = doc[span.end:person.start]
    titled = bool(between) or (span.start > 1 and doc[span.start - 1].lower_ == "of")
    return titled and all(t.text[:1].isupper() and not t.ent_type_ for t in between)


_QUOTE_MARKS = {'"', "“", "”", "``", "''"}


def _quoted_title(span: Span) -> tuple[int, int] | None:
    """The quotation marks around a capitalised title a name is (part of): '"Seinfeld"', '"Erin Burnett OutFront."',
    '"Harry Potter and the Half-Blood Prince"', "'Pretty Little Liars,'", '"Sons of Anarchy's"'; else None."""
    doc, sent = span.doc, span.sent
    i = span.start - 1
    while i >= sent.start and i >= span.start - 8 and _title_word(doc[i]):
        i -= 1
    j = span.end
    while j < sent.end and j < span.end + 8 and _title_word(doc[j]):
        j += 1
    if j < sent.end and doc[j].text in (".", ",", "!", "?"):
        j += 1
    if i >= sent.start and j < sent.end and _quote_mark(doc[i]) and _quote_mark(doc[j]):
        return i, j
    return None


def _title_word(token: Token) -> bool:
    return token.text[:1].isupper() or token.lower_ in NAME_LINKS or token.tag_ == "POS" or token.text in HYPHENS


def _quote_mark(token: Token) -> bool:
    return token.text in _QUOTE_MARKS or token.tag_ in ("``", "''")


def _in_quoted_title(span: Span) -> bool:
    """Whether a name is (part of) a capitalised title in quotation marks (see `_quoted_title`)."""
    return _quoted_title(span) is not None


_PLAYED = lexicon.words("played_by_verbs")
_DEITIES = lexicon.words("deities")


def is_unreal(span: Span) -> bool:
    """Whether a person's name is a fictional character's or a religious figure's ("Fabiana, played by Rosie
    Perez", "the character of Fabiana", "Miranda as the titular Hamilton", "Prophet Mohammed", "Allah"), or only in
    a figure of speech or the explanation of one ("the George Carlin of Bangladesh", "a reference to Goebbels")."""
    doc = span.doc
    key = name_key(span.text)
    if key in _DEITIES or key.split()[0] == "prophet" or (span.start > 0 and doc[span.start - 1].lower_ == "prophet"):
        return True
    after = [t for t in doc[span.end:span.end + 3] if t.text not in (",", "(")]
    if len(after) >= 2 and after[0].lemma_ in _PLAYED and after[0].tag_ == "VBN" and after[1].lower_ == "by":
        return True
    before = [t.lower_ for t in doc[max(span.start - 2, 0):span.start]]
    if before[-1:] == ["character"] or before == ["character", "of"]:
        return True
    if before[-1:] == ["the"] and span.end < len(doc) and doc[span.end].lower_ == "of":
        return True  # a figure of speech: "the George Carlin of Bangladesh"
    if before == ["reference", "to"] or _styled(span):
        return True  # an explanation of a phrase: "Goebbels-style propaganda -- a reference to Joseph Goebbels"
    if _cast_as(span):
        return True
    root = span.root
    while root.dep_ == "appos" and root.head.i < root.i:  # "as his rival, Aaron Burr"
        root = root.head
    near = (span.start if root == span.root else root.left_edge.i) - root.head.i <= 3
    if root.dep_ == "pobj" and root.head.lower_ == "as" and root.head.i > 1 and near:
        actor = doc[root.head.i - 1]  # "Leslie Odom Jr. as Aaron Burr"
        return actor.ent_type_ == "PERSON" or (actor.text == "." and doc[root.head.i - 2].ent_type_ == "PERSON")
    return False


def _styled(span: Span) -> bool:
    """A name in a compound that compares with it: "Goebbels-style propaganda", "Hulk-style"."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text in HYPHENS \
        and doc[span.end + 1].lower_ in ("style", "like", "esque", "type")


_CAST = lexicon.words("cast_verbs")


def _cast_as(span: Span) -> bool:
    """Whether a name is the part someone plays: right after "stars as", "plays" ("stars as Sean Cabrera",
    "co-stars as Nancy's son Nick", "will play Nancy's ambitious daughter, Ashley"); after a bare "play" only
    behind a common noun ("play world number one Nadal" is a match)."""
    doc = span.doc
    i = span.start - 1
    described = False
    while i >= span.sent.start and span.start - i <= 8:
        t = doc[i]
        if t.lemma_.lower() in _CAST or t.lower_ in ("stars", "co-stars"):  # "Disney star Zendaya Coleman": no
            return doc[i + 1].lower_ == "as" or (described and t.pos_ == "VERB" and t.lemma_.lower() != "star")
        if t.lower_ == "as" or t.text in HYPHENS or t.lower_ == "co":
            i -= 1
            continue
        if (t.pos_ not in ("DET", "ADJ", "PROPN", "NOUN", "PART", "PUNCT") and t.tag_ != "PRP$") \
                or t.text in ("(", ")", ".", ";", ":"):
            return False
        described = described or t.pos_ == "NOUN"
        i -= 1
    return False


def _is_modifier(span: Span) -> bool:
    """Whether a place name only modifies a common noun after it ("Katyusha rockets")."""
    doc = span.doc
    if span.end >= len(doc) or acronym_of(span.text):
        return False
    after = doc[span.end]
    return after.tag_ in ("NN", "NNS") and span.root.head == after and span.root.dep_ in ("compound", "nmod", "amod")


def _work_title(span: Span) -> bool:
    """Whether a name is the title of a work: after a noun for one ("today's show Transcript"), or beside it
    ("the BBC documentary 'India's Daughter'", "'India's Daughter,' the film")."""
    doc, root = span.doc, span.root
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.is_lower and before.lemma_ in _WORKS and before.tag_ in ("NN", "NNS"):
        return True
    if root.dep_ == "appos" and root.head.lemma_ in _WORKS and root.head.is_lower:
        return True
    return any(c.dep_ == "appos" and c.lemma_ in _WORKS and c.is_lower for c in root.children)


# Common nouns for made things: a name that modifies one, follows one or stands beside one names the thing (a
# vehicle, a device, a product), not an actor.
_OBJECTS = lexicon.words("made_things")
# Of those, the ones a maker's or operator's name may modify while the maker acts ("a Germanwings plane", "a U.S.
# Airways jet"): only a name beside them names the thing.
_VEHICLES = lexicon.words("vehicles")


def _object_name(span: Span) -> bool:
    """Whether a name names a made thing: it modifies a noun for one ("the Metop weather satellite", "Air Yeezy
    sneakers", "a Zipperseal bag"), follows one ("the spacecraft Dawn") or stands beside one ("the MSC Splendida, a
    cruise ship")."""
    doc, root = span.doc, span.root

    def thing(t: Token) -> bool:
        return t.is_lower and t.tag_ in ("NN", "NNS") and t.lemma_.lower() in _OBJECTS

    head = root.head
    if root.dep_ in ("compound", "nmod", "amod") and head.i >= span.end and head.i - span.end <= 2:
        heads = [head] + ([head.head] if head.dep_ == "compound" and head.head.i - head.i == 1 else [])
        if any(thing(h) and h.lemma_.lower() not in _VEHICLES for h in heads):
            return True  # also "the Metop weather satellite"
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and thing(before):
        return True
    if root.dep_ == "appos" and thing(root.head):
        return True
    return any(c.dep_ == "appos" and thing(c) for c in root.children)


def _title_modifier(span: Span) -> bool:
    """Whether an organisation's name only says whose a capitalised title is: "The Madison Police Chief said" (not
    "an ISIS spokesman", a member speaking for it)."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    after = doc[span.end]
    return after.lower_.rstrip(".") in JOB_TITLES | {"chief"} and after.text[:1].isupper() \
        and span.root.head.i == after.i and span.root.dep_ in ("compound", "nmod")


def _product(span: Span) -> bool:
    """A maker followed by a model number ("a Boeing 777"): the product, not the company."""
    doc = span.doc
    if span.end >= len(doc) or not _MODEL.match(doc[span.end].text):
        return False
    return not re.match(r"^(?:19|20)\d\d$", doc[span.end].text)


def _publisher_product(span: Span, source: str | None, promo: bool) -> bool:
    """Whether a name is the publisher's or its affiliate's: "CNN Student News", "CNN's Open Court", "CNN
    affiliate WKOW", or a name in the publisher's promotion of itself ("Thank you for using X!")."""
    doc = span.doc
    before = [t for t in doc[max(span.start - 2, 0):span.start]]
    if promo or (before and before[-1].lower_ == "affiliate"):
        return True
    if source is None:
        return False
    owner, key = name_key(source), name_key(span.text)
    return key == owner or key.startswith(owner + " ") or (
        len(before) == 2 and before[-1].tag_ == "POS" and name_key(before[0].text) == owner)


def publisher(text: str) -> str | None:
    """The outlet a dateline names ("Jerusalem (CNN) --" -> "CNN"), if the text opens with one."""
    match = _DATELINE_SOURCE.match(text[:160])
    return match.group(1) if match else None


def _medium(span: Span, kind: str, source: str | None) -> bool:
    """Whether a name only carries the story: the publisher, its staff and affiliates, a platform ("on Twitter",
    "a Facebook page"), an outlet someone "told" or gave "an interview with"."""
    doc, root = span.doc, span.root
    key = name_key(span.text)
    before = [t for t in doc[max(span.start - 3, 0):span.start]]
    if key in _PLATFORMS or (kind != PERSON and key.split()[-1] in _PLATFORMS):
        return True  # "on Twitter", "the Roudebush VA Facebook page"
    if source is not None:
        owner = name_key(source)
        if kind != PERSON and (key == owner or key.startswith(owner + " ")):
            return True
        if len(before) >= 2 and before[-1].tag_ == "POS" and name_key(before[-2].text) == owner:
            return True  # "CNN's Christiane Amanpour"
        start = title_start(span) if kind == PERSON else span.start
        if start + 1 < span.start and name_key(doc[start].text) == owner and doc[start + 1].tag_ == "POS":
            return True  # "CNN's aviation correspondent Richard Quest"
        if start < span.start and (name_key(doc[start].text) == owner or name_key(doc[start].text).startswith(owner)) \
                and doc[span.start - 1].lower_ in _STAFF:
            return True  # "CNN aviation reporter Richard Quest", "CNNMoney correspondent Laurie Segall"
        if kind != PERSON and before and name_key(before[-1].text) == owner:
            return True  # "CNN Digital", "CNN Films"
        if kind == PERSON and _works_for(span, owner):
            return True  # "Journalist Laura Powell started covering the travel industry for CNN"
    if before and before[-1].lower_ == "affiliate":
        return True  # "CNN affiliate KGO"
    if kind == PERSON:
        return False
    if root.dep_ in ("compound", "nmod") and root.head.lemma_ == "interview":
        return True  # "in an Uptown Magazine interview"
    while root.dep_ in ("appos", "compound") and root.head.i > root.i - 4 and root.head.pos_ in ("NOUN", "PROPN") \
            and (root.dep_ == "appos" or root.head.pos_ == "PROPN" or root.head.lemma_ in ORG_NOUNS):
        root = root.head  # "told French newspaper Liberation", "with Newsweek magazine"; not "told FBI agents"
    if root.dep_ in ("dobj", "dative") and root.head.lemma_ == "tell":
        heads = {span[-1].lower_, span.root.lower_}  # not "told the Humanist and Ethical Union", "the Union of X"
        return not heads & (ORG_HEADS - _MEDIA_HEADS)
    if root.dep_ == "pobj" and root.head.lower_ == "in" and root.head.head.lemma_ in _PIECES:
        return True  # "the story in Uptown Magazine", "an op-ed in the Daily Courier"
    return root.dep_ == "pobj" and root.head.lower_ == "with" and root.head.head.lemma_ == "interview"


# A publisher's staff, named after the publisher ("CNN aviation reporter Richard Quest").
_STAFF = lexicon.words("newsroom_staff")
# Pieces a medium carries: "a story in X" says X printed it, not that X took part.
_PIECES = lexicon.words("media_pieces")


def _works_for(span: Span, owner: str) -> bool:
    """Whether a person is the subject of a clause that says they work "for" the publisher."""
    root = span.root
    if root.dep_ != "nsubj":
        return False
    clause = [t for t in root.head.subtree if t.i not in {s.i for s in root.subtree}]
    return any(t.lower_ == "for" and any(name_key(c.text) == owner and c.dep_ == "pobj" for c in t.children)
               for t in clause)


# Common nouns for works: a name right after one ("the show X", "the BBC documentary X") is a title.
_WORKS = lexicon.words("works")
_CODE = re.compile(r"^[A-Z]{1,3}-?\d{2,4}[A-Z]?$")  # "MH370", "G20", "A380": a flight, a forum, a model
_MODEL = re.compile(r"^[A-Z]{0,2}-?\d{2,4}[A-Za-z]{0,2}$")  # "Boeing 777", "Airbus A380"


def find_mentions(parsed: Parsed, source: str | None = None) -> tuple[list[Mention], dict[str, str]]:
    """Mentions of people, organisations and places (a name's kind settled by vote), and acronym aliases.
    Names in credit lines, names that only carry the story (see `_medium`), the publisher's own products, events,
    documents, works, codes and technical terms are left out."""
    credits = {i for i, sentence in enumerate(parsed.sentences) if CREDIT.search(sentence.text.strip())}
    credits |= {i - 1 for i in credits  # "Journalist X in Dili and CNN's Y from Atlanta." before "... contributed."
                if i > 0 and not any(t.pos_ in ("VERB", "AUX") for t in parsed.sentences[i - 1])}
    promo = {i for i, sentence in enumerate(parsed.sentences) if _PROMO.search(sentence.text)}
    for d in (i for i, sentence in enumerate(parsed.sentences) if _DISCLAIMER.search(sentence.text)):
        credits |= set(range(0, d + 1)) if d <= 5 else {d - 1, d}  # the author's bio goes with the disclaimer
    every = entity_spans(parsed.doc)
    spans = [s for s in every if parsed.sentence_of(s.start_char) not in credits | promo]
    people = [s for s in spans if s.label_ == "PERSON"]
    sporty = any(NER_KIND[s.label_] == PLACE and is_team(s) and name_key(s.text) not in COUNTRIES
                 for s in spans)  # a match report: its clubs are actors
    votes: dict[str, Counter[str]] = {}
    located = set()
    for span in spans:
        kind = NER_KIND[span.label_]
        if kind != PERSON and (titled_person(span) or hyphenated_given_name(span)):
            kind, weight = PERSON, 3
        elif kind == PLACE and _newspaper(span):
            kind, weight = ORGANIZATION, 3  # "according to the South China Morning Post"
        elif _teammate(span):
            kind, weight = ORGANIZATION, 3  # "Massa's Williams teammate Valtteri Bottas": a team
        elif is_club(span):
            kind, weight = ORGANIZATION, 3  # "while playing for Manchester United"
        elif kind != PERSON and name_key(span.text) in COUNTRIES:
            kind, weight = PLACE, 3  # "Wales beat Israel 3-0": a country is a place, also as a national team
        elif (kind == PLACE and is_team(span)) or (
                sporty and span.label_ in ("GPE", "FAC") and is_team(span, scored=False)):
            kind, weight = ORGANIZATION, 2  # "Arsenal beat Swansea 3-2"; "exit to Paris Saint Germain" in a match
        elif in_place_context(span):
            kind, weight = PLACE, 3
        elif kind == PERSON and is_located(span):
            kind, weight = PLACE, 1
        elif kind == PERSON and span.end < len(span.doc) and span.doc[span.end].is_lower \
                and span.doc[span.end].tag_ in ("NN", "NNS"):
            weight = 0  # "a Madison residence", "Madison police": a modifier says nothing of its kind
        else:
            weight = 1
        if is_located(span):
            located.add(name_key(span.text))
        votes.setdefault(name_key(span.text), Counter())[kind] += weight
    for key in located:  # "at Indian Wells" (ORG) and "Indian Wells" (LOC) elsewhere: a place
        if votes[key][PLACE]:
            votes[key][PLACE] += 1
    _partner_votes(spans, votes)
    if not sporty:  # in a match report a club may share a word with a player
        surname_votes(spans, votes, {t.text for t in parsed.doc if t.is_lower and t.is_alpha})
    nationalities = {name_key(e.text) for e in parsed.doc.ents if e.label_ == "NORP"}

    def kind_of(span: Span) -> str:
        return kind_of_votes(votes[name_key(span.text)])

    places = {key for key in votes if kind_of_votes(votes[key]) == PLACE}
    own = {name_key(s.text) for s in every if NER_KIND.get(s.label_) != PERSON and _publisher_product(
        s, source, parsed.sentence_of(s.start_char) in promo)}
    own |= {k.split("-")[0] for k in own if len(k.split()) == 1}  # "WKOW-TV" and "WKOW"
    acting = {name_key(s.text) for s in spans if s.root.dep_ in ("nsubj", "poss")
              or (s.root.dep_ == "pobj" and s.root.head.lower_ == "by")}
    media = {name_key(s.text) for s in spans if _medium(s, kind_of(s), source)} - acting  # "interview with NRG"
    # surnames in -s that the tagger also reads as singular on their own ("Knowles indicated"): not plurals
    singular = {name_key(s.text) for s in spans if len(s) == 1 and s[0].tag_ == "NNP" and s[0].text.endswith("s")}
    seen = _Article(source, places, own, acting, media, singular, nationalities, people)
    mentions = []
    for span in spans:
        name = _Name(span, _settled_kind(span, kind_of(span), seen), name_key(span.text), span[-1].lower_,
                     _head_word(span))
        if not any(rule(name, seen) for _, rule in NOT_ACTORS):
            mentions.append(Mention(span, name.kind, parsed.sentence_of(span.start_char)))
    return mentions, acronym_aliases(parsed.doc, spans)


@dataclass(frozen=True)
class _Article:
    """What the whole article says about its names, for the rules below."""

    source: str | None  # the publisher, from the dateline
    places: set[str]  # keys whose votes settled on a place
    own: set[str]  # the publisher's products and affiliates
    acting: set[str]  # names that stand as subjects, owners or agents somewhere
    media: set[str]  # names that only carry the story ("told NRG")
    singular: set[str]  # one-word surnames in -s the tagger also reads as singular ("Knowles")
    nationalities: set[str]  # NORP entities
    people: list[Span]  # PERSON spans


@dataclass(frozen=True)
class _Name:
    """One mention under consideration, with its settled kind and the words the rules look at."""

    span: Span
    kind: str
    key: str
    last: str  # its last word, lower case
    head: str  # its last word before an "of", "de" ... ("summit" of "Summit on Countering ...")


def _settled_kind(span: Span, kind: str, seen: _Article) -> str:
    """The kind, after what a name's own words say of places: "the Bardo Museum", "the Circuit de Catalunya",
    "Ocean Drive" (no one's surname), "the Niger-Nigeria border"."""
    key, last, head = name_key(span.text), span[-1].lower_, _head_word(span)
    if kind != PERSON and (last in _FACILITIES or head in _FACILITIES or (head in _INSTITUTIONS and key not in
                                                                           seen.acting)):
        return PLACE
    if kind == PERSON and len(span) > 1 and last in _ROADS and span[-1].text.istitle():
        return PLACE
    if "-" in key and all(part in seen.places for part in key.split("-")):
        return PLACE
    return kind


# Names that are no actor, each a rule (name, article) -> True to leave the name out, tried in this order.
NOT_ACTORS: tuple[tuple[str, Callable[[_Name, _Article], bool]], ...] = (
    ("a medium, a religion or an event (\"the White House Summit on ...\")", lambda n, a: _medium(
        n.span, n.kind, a.source) or n.key in _RELIGIONS
        or (n.kind == ORGANIZATION and bool({n.last, n.head} & _EVENTS))),
    ("a holiday (\"Martin Luther King Day\", not \"Doris Day\")", lambda n, a: n.kind == PERSON and n.last == "day"
        and (len(n.span.text.split()) > 2 or any(t.tag_ == "POS" for t in n.span))),
    ("a numbered name (\"Formula One\", \"Air Force One\")", lambda n, a: _numbered(n.span)),
    ("an outlet that only carries the story", lambda n, a: n.kind == ORGANIZATION and n.key in a.media),
    ("the publisher's product (\"CNN Student News Roll Call\")", lambda n, a: n.kind != PERSON and (
        n.key in a.own or n.key.split("-")[0] in a.own or any(n.key.startswith(o + " ") for o in a.own))),
    ("a document, term, product or league (\"a CT scan\", \"a Boeing 777\")", lambda n, a: n.kind == ORGANIZATION
        and (n.last in _DOCUMENTS or n.key in _TERMS or _product(n.span) or (n.last == "league"
                                                                            and n.key not in a.acting))),
    ("a comparison (\"Hulk-style\")", lambda n, a: _styled(n.span)),
    ("a code or a hashtag (\"MH370\", \"#G20\")", lambda n, a: bool(_CODE.match(n.span.text)) or (
        n.span.start > 0 and n.span.doc[n.span.start - 1].text == "#")),
    ("a person's name with a digit (\"MD-88\")", lambda n, a: n.kind == PERSON and any(
        t.like_num or any(c.isdigit() for c in t.text) for t in n.span)),
    ("a nationality (\"the Frenchman said\", \"a Kazakh official\")", lambda n, a: n.kind != PLACE
        and n.key in DEMONYMS),
    ("a group, a plural or an acronym as a person", lambda n, a: n.kind == PERSON and (
        n.key in a.nationalities or (n.span.root.tag_ == "NNPS" and n.key.split()[-1] not in a.singular)
        or bool(acronym_of(n.span.text)))),
    ("part of a person's title (\"Defense\" Secretary)", lambda n, a: n.kind == ORGANIZATION and (
        _in_person_title(n.span, a.people) or _title_modifier(n.span))),
    ("a work's title (\"Seinfeld\" episodes, \"the film X\")", lambda n, a: _in_quoted_title(n.span) or (
        n.kind != PLACE and _work_title(n.span))),
    ("a modifier (\"Katyusha rockets\")", lambda n, a: n.kind in (PLACE, PERSON) and _is_modifier(n.span)),
    ("a made thing (\"the Metop weather satellite\")", lambda n, a: n.kind != PLACE and _object_name(n.span)),
    ("the words of a title (\"FBI Supervisory Special\" Agent X)", lambda n, a: n.kind == PERSON
        and _title_words(n.span)),
    ("an event named for a person (\"the Michael Brown shooting\")", lambda n, a: n.kind == PERSON
        and _the_modifier(n.span)),
    ("a common noun (\"a 2-year old Rottweiler\")", lambda n, a: any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in n.span.root.children)),
)


def _teammate(span: Span) -> bool:
    """Whether a name stands before "teammate" ("Mercedes teammate Nico Rosberg", "his McLaren team-mate"): a
    team's."""
    doc = span.doc
    after = " ".join(t.lower_ for t in doc[span.end:span.end + 3])
    return after.startswith(("teammate", "team-mate", "team - mate")) and doc[span.end].is_lower


def _partner_votes(spans: list[Span], votes: dict[str, Counter[str]]) -> None:
    """A name mentioned once and coordinated only with names that are places is a place too, whatever NER says
    ("Crimea and Sevastopol", once "the annexation of Crimea" has made Crimea a place)."""
    places = {k for k, v in votes.items() if kind_of_votes(v) == PLACE}
    key_at = {t.i: name_key(s.text) for s in spans for t in s}
    extra: Counter[str] = Counter()
    for span in spans:
        key, root = name_key(span.text), span.root
        if span.label_ == "PERSON" or key in places or sum(votes[key].values()) > 1:
            continue  # "between Israel and Hamas": a name used more than once keeps its kind
        partners = ([root.head] if root.dep_ == "conj" else []) + [c for c in root.children if c.dep_ == "conj"]
        partners = [key_at.get(p.i) for p in partners if not span.start <= p.i < span.end]
        if partners and all(p in places for p in partners):
            extra[key] += 2
    for key, weight in extra.items():
        votes[key][PLACE] += weight


def _head_word(span: Span) -> str:
    """The last word of a name before its first "of", "on", "in", "de" ("summit" of "Summit on Countering Violent
    Extremism", "circuit" of "Circuit de Catalunya"); the last word if there is none."""
    cut = next((t.i for t in span[1:] if t.is_lower and t.lower_ in ("of", "on", "in", "de", "del", "for")), span.end)
    return span.doc[cut - 1].lower_


def _numbered(span: Span) -> bool:
    """Whether a name goes on with a capitalised number word that NER's span lost ("Formula One"): the name of a
    competition, a vehicle or a product, not an actor."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    after = doc[span.end]
    return after.is_alpha and after.like_num and after.text.istitle() and not after.is_sent_start \
        and span.end + 1 < len(doc) and not doc[span.end + 1].text[:1].isupper()


# Last words of newspapers' names ("the Boston Globe"), which NER may take for a place's.
_NEWSPAPER_WORDS = lexicon.words("newspaper_name_words")


def _newspaper(span: Span) -> bool:
    """Whether a name of two or more words after "the" ends in a newspaper's word: "the Indy Star"."""
    doc = span.doc
    return len(span) > 1 and span[-1].lower_ in _NEWSPAPER_WORDS and span[-1].text[:1].isupper() \
        and span.start > 0 and doc[span.start - 1].lower_ == "the"


def _title_words(span: Span) -> bool:
    """Whether a "person's name" only opens the title of the person named after it: "FBI Supervisory Special" Agent
    Jason Pack, "Deputy Assistant" Commissioner X."""
    doc = span.doc
    if span.end + 1 >= len(doc):
        return False
    title, name = doc[span.end], doc[span.end + 1]
    return title.text[:1].isupper() and title.lower_.rstrip(".") in TITLES and name.ent_type_ == "PERSON" \
        and name.ent_iob_ == "B" and not title.ent_type_


def _the_modifier(span: Span) -> bool:
    """Whether a person's name sits between "the" and a common noun: "the Michael Brown shooting"."""
    doc = span.doc
    if span.start == 0 or span.end >= len(doc) or doc[span.start - 1].lower_ != "the":
        return False
    after = doc[span.end]
    return after.is_lower and after.is_alpha and after.tag_ in ("NN", "NNS", "VBG")


def product_keys(doc: Doc) -> set[str]:
    """Keys of brand + noun names that the article also writes with the noun in lower case ("the Apple watch",
    "The Apple Watch"): a product, not an organisation."""
    found = set()
    for t in doc[1:]:
        before = doc[t.i - 1]
        if t.is_lower and t.pos_ == "NOUN" and before.tag_ == "NNP" and before.ent_type_ == "ORG" \
                and t.lower_ not in ORG_HEADS and not before.is_sent_start:
            found.add(name_key(f"{before.text} {t.text}"))
    return found

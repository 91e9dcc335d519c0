"""Mentions: an article's candidate names, and the cues of each mention (`CUES`) the learned decision weighs.

Candidates are the repaired entity spans (`spans`), less names in credit lines,
the author's bio before an opinion disclaimer and the publisher's promotion of
itself (exact). The cues are what the rules of earlier versions tested, now
each a feature: titles of works in quotation marks, fictional characters ("X,
played by Y", "stars as X"), religious figures ("Prophet X"), figures of speech
("the George Carlin of Bangladesh", "Hulk-style"), made things ("the Metop
weather satellite"), the publisher's staff and products ("CNN's aviation
correspondent X"), outlets someone only "told", codes ("MH370"), a title or a
noun for a person before the name, a place's context, a team's place in a
match report, and NER's label.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ... import lexicon
from ...nlp.entities import Parsed
from ...nlp.furniture import CREDIT
from .kinds import (
    COUNTRIES,
    PERSON_VERBS,
    hyphenated_given_name,
    in_place_context,
    is_club,
    is_located,
    is_team,
    titled_person,
)
from .names import NER_KIND, PERSON, UNTAGGED, Mention, acronym_of, name_key
from .roles import title_start
from .spans import acronym_aliases, entity_spans
from .words import (
    DEITIES,
    HYPHENS,
    JOB_TITLES,
    KINSHIP,
    MEDIA_HEADS,
    NAME_LINKS,
    NEWSPAPER_WORDS,
    ORG_HEADS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PLATFORMS,
    THING_NOUNS,
    TITLES,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Nouns after a name that say it is a medium's: "The Advocate newspaper".
_PRESS_NOUNS = lexicon.words("press_nouns")
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


def is_unreal(span: Span) -> bool:
    """Whether a person's name is a fictional character's or a religious figure's ("Fabiana, played by Rosie
    Perez", "the character of Fabiana", "protagonist Rick Grimes", "Miranda as the titular Hamilton", "Prophet
    Mohammed", "Allah"), or only in a figure of speech or the explanation of one ("the George Carlin of
    Bangladesh", "a reference to Goebbels")."""
    doc = span.doc
    key = name_key(span.text)
    if key in DEITIES or key.split()[0] == "prophet" or (span.start > 0 and doc[span.start - 1].lower_ == "prophet"):
        return True
    after = [t for t in doc[span.end:span.end + 3] if t.text not in (",", "(")]
    if len(after) >= 2 and after[0].lemma_ in _PLAYED and after[0].tag_ == "VBN" and after[1].lower_ == "by":
        return True
    before = [t.lower_ for t in doc[max(span.start - 2, 0):span.start]]
    if before[-1:] in (["character"], ["protagonist"], ["antagonist"]) or before == ["character", "of"]:
        return True  # "protagonist Rick Grimes returns to his abandoned hometown"
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
    if key in PLATFORMS or (kind != PERSON and key.split()[-1] in PLATFORMS):
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
        return not heads & (ORG_HEADS - MEDIA_HEADS)
    if root.dep_ == "pobj" and root.head.lower_ == "in" and root.head.head.lemma_ in _PIECES:
        return True  # "the story in Uptown Magazine", "an op-ed in the Daily Courier"
    return _in_interview_with(root)


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


@dataclass(frozen=True)
class Seen:
    """What the whole article says about its names, for the cues of one mention."""

    source: str | None  # the publisher, from the dateline
    promo: frozenset[int]  # sentences where the publisher promotes itself
    people: tuple[Span, ...]  # PERSON spans
    prior: dict[str, str]  # name key -> the kind most of its NER labels say (person, organization, place, other)
    own: frozenset[str]  # the publisher's products and affiliates
    acting: frozenset[str]  # names that stand as subjects, owners or agents somewhere
    singular: frozenset[str]  # one-word surnames in -s the tagger also reads as singular ("Knowles")
    sporty: bool  # a match report: a place acts in a sentence with a score


OTHER = "other"  # the prior kind of a name NER gave no kind of actor or place ("Coldplay"/NORP, untagged)


def find_candidates(parsed: Parsed, source: str | None = None) -> tuple[list[Mention], dict[str, str], Seen]:
    """Every candidate name of an article (repaired NER spans of names, and capitalised names NER left untagged),
    each with the kind its NER labels say (`Mention.kind`: person, organization, place or other), the acronyms the
    article defines, and what the article says about its names. Names in credit lines, the author's bio before an
    opinion disclaimer and the publisher's promotion of itself are no candidates: those are exact."""
    credits = {i for i, sentence in enumerate(parsed.sentences) if CREDIT.search(sentence.text.strip())}
    credits |= {i - 1 for i in credits  # "Journalist X in Dili and CNN's Y from Atlanta." before "... contributed."
                if i > 0 and not any(t.pos_ in ("VERB", "AUX") for t in parsed.sentences[i - 1])}
    promo = frozenset(i for i, sentence in enumerate(parsed.sentences) if _PROMO.search(sentence.text))
    for d in (i for i, sentence in enumerate(parsed.sentences) if _DISCLAIMER.search(sentence.text)):
        credits |= set(range(0, d + 1)) if d <= 5 else {d - 1, d}  # the author's bio goes with the disclaimer
    every = entity_spans(parsed.doc)
    spans = [s for s in every if parsed.sentence_of(s.start_char) not in credits]
    labels: dict[str, Counter[str]] = {}
    for span in spans:
        labels.setdefault(name_key(span.text), Counter())[NER_KIND.get(span.label_, OTHER)] += 1
    prior = {key: max(c.most_common(), key=lambda kv: (kv[0] != OTHER, kv[1], kv[0] == PERSON))[0]
             for key, c in labels.items()}  # a kind NER gives it somewhere, the most often given
    own = {name_key(s.text) for s in every if NER_KIND.get(s.label_) != PERSON and _publisher_product(
        s, source, parsed.sentence_of(s.start_char) in promo)}
    own |= {k.split("-")[0] for k in own if len(k.split()) == 1}  # "WKOW-TV" and "WKOW"
    acting = {name_key(s.text) for s in spans if s.root.dep_ in ("nsubj", "poss")
              or (s.root.dep_ == "pobj" and s.root.head.lower_ == "by")}
    singular = {name_key(s.text) for s in spans if len(s) == 1 and s[0].tag_ == "NNP" and s[0].text.endswith("s")}
    sporty = any(s.label_ in ("GPE", "LOC", "FAC") and is_team(s) and name_key(s.text) not in COUNTRIES
                 for s in spans)
    seen = Seen(source, promo, tuple(s for s in spans if s.label_ == "PERSON"), prior, frozenset(own),
                frozenset(acting), frozenset(singular), sporty)
    mentions = [Mention(s, prior[name_key(s.text)], parsed.sentence_of(s.start_char)) for s in spans]
    return mentions, acronym_aliases(parsed.doc, spans), seen


def _before(span: Span, words: frozenset[str] | set[str]) -> bool:
    """Whether the word right before a name is one of `words` (lower case, without a final period)."""
    return span.start > 0 and span.doc[span.start - 1].lower_.rstrip(".") in words


def _in_quotation(span: Span) -> bool:
    """Whether a name stands inside quotation marks of its sentence (an odd number of marks before it)."""
    marks = sum(1 for t in span.doc[span.sent.start:span.start] if _quote_mark(t))
    return marks % 2 == 1


def _according_to(span: Span) -> bool:
    """"according to X": the source of what the sentence says."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according"


def _in_interview_with(token: Token) -> bool:
    """Whether a name is the one an interview was with ("in an interview with X", "an interviewer with X")."""
    return token.dep_ == "pobj" and token.head.lower_ == "with" and token.head.head.lemma_ in ("interview",
                                                                                             "interviewer")


def _told(span: Span) -> bool:
    """"told X", "said in an interview with X": someone spoke to it."""
    root = span.root
    if root.dep_ in ("dobj", "dative") and root.head.lemma_ == "tell":
        return True
    return _in_interview_with(root)


def _partner_places(span: Span) -> bool:
    """Whether a name is coordinated only with names NER tags as places ("Crimea and Sevastopol")."""
    root = span.root
    partners = ([root.head] if root.dep_ == "conj" else []) + [c for c in root.children if c.dep_ == "conj"]
    partners = [p for p in partners if not span.start <= p.i < span.end]
    return bool(partners) and all(p.ent_type_ in ("GPE", "LOC") for p in partners)


def _listed_with_people(span: Span) -> bool:
    """Whether a name stands in a list beside a name NER tags as a person's ("Horak, Kennedy, Casey", "Jay-Z and
    Eminem")."""
    doc, root = span.doc, span.root
    partners = ([root.head] if root.dep_ == "conj" else []) + [c for c in root.children if c.dep_ == "conj"]
    if any(p.ent_type_ == "PERSON" and not span.start <= p.i < span.end for p in partners):
        return True
    before = doc[span.start - 2] if span.start > 1 and doc[span.start - 1].text in (",", "and") else None
    after = doc[span.end + 1] if span.end + 1 < len(doc) and doc[span.end].text in (",", "and") else None
    return any(t is not None and t.ent_type_ == "PERSON" for t in (before, after))


def _defines_acronym(span: Span) -> bool:
    """"Popular Mobilization Forces (PMF)": a name the article abbreviates."""
    after = span.doc[span.end:span.end + 3]
    return len(after) == 3 and after[0].text == "(" and after[2].text == ")" and bool(acronym_of(after[1].text))


def _counted(span: Span) -> bool:
    """A name after "a", "an", "one" or "his" that heads its phrase ("a Taser", "a 2-year old Rottweiler")."""
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in span.root.children):
        return True
    word = span.doc[span.start - 1] if span.start > 0 else None
    return word is not None and word.lower_ in _COUNTED and word.head == span.root


_COUNTED = frozenset({"a", "an", "one", "his", "her", "their", "its", "my", "our", "your"})


def _publisher_staff(span: Span, source: str | None) -> bool:
    """A person the publisher employs or an outlet of the publisher's (see `_medium`, with the person's kind)."""
    return _medium(span, PERSON, source)


# Cues of one mention: (name, test of a span in its article). A name's features are how many of its mentions
# show each cue (`features`): what NER says, what stands before and after it, what the parse makes of it.
CUES: tuple[tuple[str, Callable[[Span, Seen], bool]], ...] = (
    ("NER: person", lambda s, a: s.label_ == "PERSON"),
    ("NER: organisation", lambda s, a: s.label_ == "ORG"),
    ("NER: city, state or country", lambda s, a: s.label_ == "GPE"),
    ("NER: location", lambda s, a: s.label_ == "LOC"),
    ("NER: facility", lambda s, a: s.label_ == "FAC"),
    ("NER: nationality or group", lambda s, a: s.label_ == "NORP"),
    ("NER: work of art", lambda s, a: s.label_ == "WORK_OF_ART"),
    ("NER: event", lambda s, a: s.label_ == "EVENT"),
    ("NER: product", lambda s, a: s.label_ == "PRODUCT"),
    ("NER: law", lambda s, a: s.label_ == "LAW"),
    ("NER: untagged", lambda s, a: s.label_ == UNTAGGED),
    ("named by an organisation word (\"Security Media Cell\")", lambda s, a: s.kb_id_ == "headed"),
    ("after a noun for an organisation (\"the broadcaster TF1\")", lambda s, a: s.kb_id_ == "described"),
    ("a place's body (\"Charlottesville police\", \"the Saudi government\")", lambda s, a: s.kb_id_ == "body"),
    ("a title before it (\"President X\")", lambda s, a: _before(s, TITLES) and s.doc[s.start - 1].text[:1].isupper()),
    ("a noun for a person before it (\"striker X\")", lambda s, a: _before(s, PERSON_NOUNS)),
    ("titled like a person", lambda s, a: titled_person(s)),
    ("a who-clause (\"X, who\")", lambda s, a: any(c.dep_ == "relcl" and c.left_edge.lower_ == "who"
                                                   for c in s.root.rights)),
    ("a which-clause (\"X, which\")", lambda s, a: any(c.dep_ == "relcl" and c.left_edge.lower_ == "which"
                                                       for c in s.root.rights)),
    ("subject of a person's verb (\"X said\")", lambda s, a: s.root.dep_ == "nsubj"
        and s.root.head.lemma_.lower() in PERSON_VERBS),
    ("subject", lambda s, a: s.root.dep_ in ("nsubj", "nsubjpass")),
    ("possessive (\"X's\")", lambda s, a: s.end < len(s.doc) and s.doc[s.end].tag_ == "POS"),
    ("agent (\"by X\")", lambda s, a: s.root.dep_ == "pobj" and s.root.head.lower_ == "by"),
    ("object", lambda s, a: s.root.dep_ in ("dobj", "dative")),
    ("where something is (\"in X\")", lambda s, a: is_located(s)),
    ("a place's context (\"the town of X\", \"X, Niger\")", lambda s, a: in_place_context(s)),
    ("coordinated with places", lambda s, a: _partner_places(s)),
    ("modifies a noun (\"Katyusha rockets\")", lambda s, a: _is_modifier(s)),
    ("after \"the\"", lambda s, a: _before(s, {"the"})),
    ("counted (\"a Taser\")", lambda s, a: _counted(s)),
    ("opens its sentence", lambda s, a: s.start == s.sent.start),
    ("inside a quotation", lambda s, a: _in_quotation(s)),
    ("a team in a sentence with a score", lambda s, a: is_team(s)),
    ("a team in a match report", lambda s, a: a.sporty and is_team(s, scored=False)),
    ("before \"teammate\"", lambda s, a: _teammate(s)),
    ("a club's name (\"Manchester United\")", lambda s, a: is_club(s)),
    ("a newspaper's name (\"the Indy Star\")", lambda s, a: _newspaper(s)),
    ("a hyphenated given name (\"Yeo Woon-jin\")", lambda s, a: hyphenated_given_name(s)),
    ("only carries the story (\"told X\", \"on Twitter\")", lambda s, a: _medium(s, a.prior.get(
        name_key(s.text), OTHER), a.source)),
    ("the publisher's staff (\"CNN's X\")", lambda s, a: _publisher_staff(s, a.source)),
    ("the publisher's product (\"CNN Student News\")", lambda s, a: _owned(name_key(s.text), a.own)),
    ("part of a person's title (\"Defense\" Secretary)", lambda s, a: _in_person_title(s, list(a.people))
        or _title_modifier(s)),
    ("a quoted title (\"Seinfeld\")", lambda s, a: _in_quoted_title(s)),
    ("a work's title (\"the film X\")", lambda s, a: _work_title(s)),
    ("a made thing (\"the Metop weather satellite\")", lambda s, a: _object_name(s)),
    ("a model number after it (\"Boeing 777\")", lambda s, a: _product(s)),
    ("a number word after it (\"Formula One\")", lambda s, a: _numbered(s)),
    ("a comparison (\"Hulk-style\")", lambda s, a: _styled(s)),
    ("a character, a deity or a figure of speech", lambda s, a: is_unreal(s)),
    ("the words of a title (\"FBI Supervisory Special\" Agent X)", lambda s, a: _title_words(s)),
    ("the X shooting", lambda s, a: _the_modifier(s)),
    ("a code or a hashtag (\"MH370\", \"#G20\")", lambda s, a: bool(_CODE.match(s.text)) or (
        s.start > 0 and s.doc[s.start - 1].text == "#")),
    ("according to X", lambda s, a: _according_to(s)),
    ("X reported", lambda s, a: s.root.dep_ == "nsubj" and s.root.head.lemma_ in ("report", "write", "publish")),
    ("told X", lambda s, a: _told(s)),
    ("in a list with people", lambda s, a: _listed_with_people(s)),
    ("abbreviated after it (\"X (ABC)\")", lambda s, a: _defines_acronym(s)),
    ("a plural proper noun", lambda s, a: s.root.tag_ == "NNPS" and name_key(s.text).split()[-1] not in a.singular),
    ("a lower-case noun after it", lambda s, a: s.end < len(s.doc) and s.doc[s.end].is_lower
        and s.doc[s.end].tag_ in ("NN", "NNS")),
    ("a thing's noun after it (\"X's syndrome\", \"X flight\")", lambda s, a: _thing_after(s)),
    ("an organisation's noun after it (\"Billboard magazine\")", lambda s, a: _org_noun_after(s)),
    ("opens its sentence with a common word (\"Follow X\")", lambda s, a: _common_opener(s)),
    ("beside a title or a noun for a person (\"the President, X\")", lambda s, a: _titled_apposition(s)),
)


def _titled_apposition(span: Span) -> bool:
    """Whether a name stands in apposition to a title or a noun for a person, before or after it: "the
    U.S.-supported President, Abdu Rabbu Mansour Hadi", "Lynch's father, the Rev. Lorenzo Lynch", "X, a striker";
    not a part played ("will play her daughter, Ashley Rowe")."""
    root = span.root
    words = TITLES | PERSON_NOUNS | KINSHIP
    if is_unreal(span):
        return False  # "will play her ambitious daughter, Ashley Rowe": a part played
    if root.dep_ == "appos" and not span.start <= root.head.i < span.end and root.head.lower_ in words:
        return True
    return any(c.dep_ == "appos" and c.lower_ in words and not span.start <= c.i < span.end for c in root.children)


def _thing_after(span: Span) -> bool:
    """Whether a name, possessive or not, goes on with a lower-case noun for a condition, an event, a work or a
    vehicle ("Asperger's syndrome", "the Germanwings flight", "X's rare disease")."""
    doc, i = span.doc, span.end
    if i < len(doc) and doc[i].tag_ == "POS":
        i += 1
    if i < len(doc) and doc[i].is_lower and doc[i].tag_ == "JJ":
        i += 1
    return i < len(doc) and doc[i].is_lower and doc[i].lemma_.lower() in THING_NOUNS


def _org_noun_after(span: Span) -> bool:
    """Whether a name goes on with a lower-case noun that says what kind of body it is ("Billboard magazine",
    "Apple company")."""
    doc, i = span.doc, span.end
    return i < len(doc) and doc[i].is_lower and doc[i].lemma_.lower() in ORG_NOUNS | _PRESS_NOUNS


def _common_opener(span: Span) -> bool:
    """Whether a name of two or more words opens its sentence with a word that is capitalised only for that: not a
    proper noun to the tagger, or written in lower case elsewhere in the article ("Follow Evangelista", "Shooting
    Yiwu", "Brutally Honest")."""
    if len(span) < 2 or span.start != span.sent.start:
        return False
    first = span[0]
    return first.tag_ not in ("NNP", "NNPS") or any(t.text == first.lower_ for t in span.doc)


def _owned(key: str, own: frozenset[str]) -> bool:
    return key in own or key.split("-")[0] in own or any(key.startswith(o + " ") for o in own)


def cues(span: Span, seen: Seen) -> list[bool]:
    """Each cue of `CUES` for one mention."""
    return [test(span, seen) for _, test in CUES]


def _teammate(span: Span) -> bool:
    """Whether a name stands before "teammate" ("Mercedes teammate Nico Rosberg", "his McLaren team-mate"): a
    team's."""
    doc = span.doc
    after = " ".join(t.lower_ for t in doc[span.end:span.end + 3])
    return after.startswith(("teammate", "team-mate", "team - mate")) and doc[span.end].is_lower


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




def _newspaper(span: Span) -> bool:
    """Whether a name of two or more words after "the" ends in a newspaper's word: "the Indy Star"."""
    doc = span.doc
    return len(span) > 1 and span[-1].lower_ in NEWSPAPER_WORDS and span[-1].text[:1].isupper() \
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

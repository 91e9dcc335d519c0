"""Cues to the kind of a name: evidence that it is a person's, an organisation's or a place's, whatever NER says.

A title before the name ("striker Papiss Cisse", "Fatiya, who"), a place's
context ("the town of Digne", "Diffa, Niger", "killed in Mali"), a team's
position in a match report ("Arsenal beat Swansea 3-2"), a club's name
("Manchester United"), the shape of a family name and a hyphenated given name
("Yeo Woon-jin"). Each is a cue of one mention (`mentions.CUES`); the learned
decision (`learned`) weighs them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ... import lexicon
from .words import EMPLOYED, HYPHENS, ORG_HEADS, PERSON_NOUNS, TITLES

if TYPE_CHECKING:
    from spacy.tokens import Span

_LOCATIVE = {"in", "at", "near", "across", "throughout", "into", "outside", "inside"}
_TARGET_NOUNS = lexicon.words("target_nouns")
# Countries (and the United Kingdom's nations): places, also when a national team plays under the name ("Wales beat
# Israel 3-0"). Not "Jordan", "Chad" (first names) or "Monaco" (a club).
COUNTRIES = lexicon.words("countries")


def titled_person(span: Span) -> bool:
    """Whether a name tagged as something else is a person's: "striker Papiss Cisse", "Fatiya, who"."""
    doc = span.doc
    if span.start == 0 or len(span) > 3 or not all(t.tag_ in ("NNP", "NNPS") for t in span):
        return False
    who = any(c.dep_ == "relcl" and c.left_edge.lower_ == "who" for c in span.root.rights)
    if who and span.label_ == "ORG" and span.root.dep_ != "pobj":  # not "a seller for the Yankees, who"
        return True
    before = doc[span.start - 1]
    title = before.lower_.rstrip(".") in TITLES | PERSON_NOUNS
    if span[-1].lower_ in _PLACE_NOUNS:
        return False  # "General Santos City": a place named for a person
    return title and span.start <= before.head.i < span.end


def hyphenated_given_name(span: Span) -> bool:
    """Whether a name has the shape of a Korean or Chinese person's, a family name and a hyphenated given name:
    "Yeo Woon-jin", "Park Chang-jin" (whatever NER says)."""
    words = span.text.split()
    return len(words) in (2, 3) and len(span) == len(words) + 2 and span[-2].text in HYPHENS \
        and span[-1].is_lower and all(t.is_alpha and t.text.istitle() for t in span[:-2])


def is_located(span: Span) -> bool:
    """Whether a name is the object of "in", "at", ... ("killed in Mali", "at Indian Wells"): a place; not the
    target of an "at" after a noun of aiming ("took a shot at Hillary Clinton": lexicon `target_nouns`), nor the
    employer after a person's noun or title ("an analyst at Merrill Lynch")."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ not in _LOCATIVE or span[-1].lower_ in ORG_HEADS:
        return False
    preposition = root.head
    if preposition.lower_ != "at":
        return True
    if preposition.head.pos_ == "NOUN" and preposition.head.lower_ in EMPLOYED:
        return False  # "an analyst at Merrill Lynch", "chief economist at Halifax": the employer, not a place
    head = preposition.head  # "a shot at X", or "took a shot at X" with "at" hung on the verb
    aims = [head] if head.pos_ == "NOUN" else [c for c in head.children if c.dep_ == "dobj"]
    return not any(t.lemma_.lower() in _TARGET_NOUNS for t in aims)


_SCORE = re.compile(r"\b\d{1,2}-\d{1,2}\b")
_PLACE_NOUNS = lexicon.words("place_nouns")
# Nouns whose "of" names a place ("the annexation of Crimea", "residents of Algemesí").
_OF_PLACE = lexicon.words("place_of_nouns")
_STOP = {",", ".", ";", ":", ")", "?", "!", "'", '"', "”", "’", "--", "—", "–"}


# Last words of football clubs' names ("Manchester United", "Queens Park Rangers"): organisations whatever NER says.
_CLUB_WORDS = lexicon.words("club_name_words")


def is_club(span: Span) -> bool:
    """Whether a name of two or more capitalised words ends in a football club's word: "Manchester United"."""
    return len(span) > 1 and span[-1].lower_ in _CLUB_WORDS and span[-1].text[:1].isupper() \
        and all(t.text[:1].isupper() for t in span)


def is_team(span: Span, scored: bool = True) -> bool:
    """A place name that is a sports team here: an agent or opponent in a sentence with a score ("3-0"); without
    `scored`, in any sentence (of an article with a match report)."""
    sent = span.sent
    if scored and not _SCORE.search(sent.text):
        return False
    root = span.root
    while root.dep_ == "conj":  # "Paris and London incidents": a list is where its first name is
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _PLACE_NOUNS | _OF_PLACE:
        return False  # "the northern city of Haifa"
    return root.dep_ in ("nsubj", "dobj", "poss") or (
        root.dep_ == "pobj" and root.head.lower_ in ("to", "over", "against", "of", "from", "with", "than", "past"))


def in_place_context(span: Span) -> bool:
    """"the town of Digne", "through Prads-Haute-Bleone", "Cameroon and Chad", "Diffa, Niger", "Tafawa Balewa
    town", "Webster Groves, a St. Louis suburb": a place whatever NER says."""
    root, doc = span.root, span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2].ent_type_ in ("GPE", "LOC") \
            and (after is None or after.text in _STOP or after.is_sent_start):
        return True  # "the border town of Diffa, Niger": a place after a place and a comma
    if after is not None and after.text == "," and span.end + 1 < len(doc) and doc[span.end + 1].ent_type_ == "GPE":
        state = doc[span.end + 1]
        while state.i + 1 < len(doc) and doc[state.i + 1].ent_iob_ == "I":
            state = doc[state.i + 1]
        if state.i + 1 >= len(doc) or doc[state.i + 1].text in _STOP:
            return True  # "a Madison, Wisconsin, police officer": a place before a place and a comma
    if after is not None and after.is_lower and after.lemma_ in _PLACE_NOUNS and after.tag_ == "NN":
        return True  # "stormed Tafawa Balewa town"
    if any(c.dep_ == "appos" and c.lemma_ in _PLACE_NOUNS and c.tag_ == "NN" for c in root.children):
        return True
    head = root.head
    if root.dep_ == "appos" and head.lemma_ in _PLACE_NOUNS and head.tag_ == "NN" and head.i < span.start:
        return True  # "took the capital city, Sanaa"
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _PLACE_NOUNS | _OF_PLACE:
        return True
    if root.dep_ == "conj" and root.head.dep_ == "pobj" and root.head.head.lower_ == "of" \
            and root.head.head.head.lemma_.lower() in _PLACE_NOUNS | _OF_PLACE:
        return True  # "in the towns of Paiporta and Algemesí"
    if root.dep_ == "pobj" and root.head.lower_ in ("through", "across", "around", "near") and \
            all(t.is_alpha or t.text in HYPHENS for t in span):
        return True
    partners = [root.head] if root.dep_ == "conj" else []
    partners += [c for c in root.children if c.dep_ == "conj"]
    partners = [p for p in partners if not span.start <= p.i < span.end]  # "... of New York and New Jersey"
    return bool(partners) and all(p.ent_type_ in ("GPE", "LOC") for p in partners)


# Verbs whose subject is a person (or a body speaking through one): "Buhari said", "Carmi told", "blamed",
# "campaigned". Not the quotes or timeline speech verbs: this set asks who acts like a person.
PERSON_VERBS = lexicon.words("speech_verbs") | lexicon.words("person_verbs")
# First words of two-word place and club names ("New York", "Real Madrid"): not a given name.
PLACE_FIRST_WORDS = lexicon.words("place_first_words")

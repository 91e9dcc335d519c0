"""Roles: what the article says an actor is, verbatim.

In order of preference: an apposition ("X, the head of Y"), a "known as" /
"identified as" phrase, a title before the name, a plural title before a list
of names, a "who/which" clause, an affiliation ("X of Amnesty International"),
an "As a ..., X" opening, or a plural description of a list of names ("A and B
-- two politicians who ..."). Organisations take only the first two and the
clause. Every finder's reading at every mention is a candidate, and a learned
decision (`models/roles.json`, `scripts/train_roles.py`: logistic regression on
the dev annotations) picks the likeliest, or none below its threshold ("who
announced last week" says what a person did, not what they are).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ... import lexicon
from ...learn import LinearModel, model
from ...nlp.tokenize import TITLE_ABBREVIATIONS
from .names import ORGANIZATION, Cluster, is_call_sign, name_key
from .words import CUT, DEMONYMS, HYPHENS, ORG_HEADS, ORG_NOUNS, PERSON_NOUNS, TITLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Titles that only say how to address someone: no role on their own.
_HONORIFICS = lexicon.words("honorifics")
_ADDRESS = _HONORIFICS | {"dr"}  # forms of address that may follow a title ("MAB spokesman Dr Azzam Tamimi")
# Verbs of a who-clause that say what a person is or holds ("who heads the network"), not what they did.
_HOLDING = lexicon.words("role_verbs")
# Dependencies of the words before a noun that belong to its phrase ("Johnson's mother").
_NP_LEFT = {"det", "poss", "amod", "compound", "nummod", "nmod", "quantmod", "advmod", "case"}
_MAX_ROLE_TOKENS = 30
# A role that says little: "the group".
_VAGUE = re.compile(r"(?i)(?:the|a|an|this|that|its|his|her|their)\s+\w+")


def _text(doc: Doc, start: int, end: int) -> str | None:
    """Verbatim text of tokens [start, end), cut at the first clause punctuation (a quoted title stays whole:
    'editor of "Star Wars" books'); None if unfit."""
    while end + 1 < len(doc) and doc[end].text in HYPHENS and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_:  # "another co-defendant", not "another co"
        end += 2
    quotes = 0
    for i in range(start, end):
        if doc[i].text in ('"', "“", "”"):
            quotes += 1
            rest = doc[i + 1:end].text
            if quotes % 2 == 1 and ('"' in rest or "”" in rest):
                continue
            if quotes % 2 == 0:
                continue
        if doc[i].text in CUT:
            end = i
            break
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ in ("CC", "POS")):
        if _name_s(doc, end - 1):
            break  # "the former head of fast-food giant McDonald's,": the name's own "'s"
        end -= 1
    if end > start and doc[end - 1].tag_ in ("IN", "TO") and end < len(doc) and doc[end].text in ('"', "“"):
        close = next((i for i in range(end + 1, min(len(doc), end + _MAX_ROLE_TOKENS))
                      if doc[i].text in ('"', "”")), None)  # the parse left out a quoted title: 'co-host of
        if close is not None:  # "Eye of the Hunter"'
            end = close + 1
    while end > start and doc[end - 1].tag_ in ("IN", "TO", "DT"):  # never "the producer and co-host of"
        end -= 1
    if end <= start or end - start > _MAX_ROLE_TOKENS:
        return None
    return doc[start:end].text


def _name_s(doc: Doc, i: int) -> bool:
    """Whether token i is the "'s" that ends a name, glued to it with only punctuation or nothing after it."""
    return (doc[i].tag_ == "POS" and i > 0 and doc[i - 1].pos_ == "PROPN" and not doc[i - 1].whitespace_
            and (i + 1 == len(doc) or doc[i + 1].is_punct))


def _is_description(token: Token) -> bool:
    """A common noun (or a capitalised title word outside any entity) that can describe someone."""
    return token.tag_ in ("NN", "NNS") or (token.tag_ in ("NNP", "NNPS") and not token.ent_type_)


def _apposition(span: Span) -> str | None:
    """"X, the head of Y": the description after the name (before it: `_apposition_before`)."""
    doc, root = span.doc, span.root
    if span.end < len(doc) and doc[span.end].text == ",":
        for child in root.rights:
            if any(c.dep_ == "conj" and c.i < child.i for c in root.rights):
                break  # "A, B and C -- another co-defendant": it describes the last of the list, or all of it
            if child.dep_ == "appos" and child.i > span.end and _is_description(child) and child.tag_ != "NNS":
                if _titles_another(doc, child.right_edge.i + 1):
                    return None  # "use Kool-Aid, YouTube science geek Grant Thompson suggests": his title
                return _text(doc, child.left_edge.i, child.right_edge.i + 1)  # not "Dr. Jo Olson, the groups"
    if root.dep_ == "conj" and span.end + 1 < len(doc) and doc[span.end].text == "," \
            and not any(c.dep_ == "conj" for c in root.children):
        top = root  # "Susan Rice and Wendy Sherman, the lead U.S. negotiator": the parser hangs it on the first name
        while top.dep_ == "conj":
            top = top.head
        for child in top.rights:
            if child.dep_ == "appos" and child.left_edge.i == span.end + 1 and child.tag_ == "NN":
                return _text(doc, child.left_edge.i, child.right_edge.i + 1)
    if root.dep_ == "conj" and span.end + 1 < len(doc) and doc[span.end].text in ("--", "—", "–"):
        top = root
        while top.dep_ == "conj":
            top = top.head
        for child in top.rights:  # "Ortiz and Ernest Wallace -- another co-defendant --"
            if child.dep_ == "appos" and child.left_edge.i == span.end + 1 and child.tag_ == "NN":
                return _text(doc, child.left_edge.i, child.right_edge.i + 1)
    return None


def _titles_another(doc: Doc, i: int) -> bool:
    """Whether a person's name starts at token `i`: a description right before it is that person's title."""
    return i < len(doc) and doc[i].ent_iob_ == "B" and doc[i].ent_type_ == "PERSON"


def _apposition_before(span: Span) -> str | None:
    """"A corruption-fighting lawyer, Navalny", "Johnson's mother, Melanie Griffith": the description before the name
    and a comma (weighed after a title and a who-clause: the parser also hangs a name on an object before it, "said
    it amounted to racial abuse, Bill Dwyre"); never a time ("These days, Fatiya")."""
    doc, root = span.doc, span.root
    sent = span.sent
    if span.start >= sent.start + 2 and doc[span.start - 1].text == ",":  # "A corruption-fighting lawyer, Navalny"
        before = doc[sent.start:span.start - 1]
        nouns = [t for t in before if t.pos_ == "NOUN"]
        if nouns and len(before) <= 8 and before[0].tag_ == "DT" and all(
                t.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "PUNCT", "ADV", "NUM") or t.tag_ == "VBG" for t in before):
            return _timeless(doc[sent.start:span.start - 1])
    if root.dep_ == "appos" and root.head.i < span.start and root.head.tag_ == "NN" and doc[span.start - 1].text == ",":
        head = root.head  # "Johnson's mother, Melanie Griffith", however the parser hangs the sentence on "mother"
        left = min([c.left_edge.i for c in head.lefts if c.dep_ in _NP_LEFT] + [head.i])
        if not any(t.is_punct for t in doc[left:span.start - 1]):
            return _timeless(doc[left:span.start - 1])
    if root.dep_ != "appos" or root.head.i >= span.start:
        return None
    head = root.head  # "the militia in Iraq, the Kataeb Hezbollah": the parser may attach it to "Iraq"
    while head.tag_ in ("NNP", "NNPS") and head.dep_ == "pobj" and head.head.dep_ == "prep":
        head = head.head.head
    named = {t.i for t in root.subtree}
    phrase = [t.i for t in head.subtree if t.i not in named and not t.is_punct]
    if not phrase:  # the parser hung the name on a head with no words of its own
        return None
    phrase_end = max(phrase)
    if head.tag_ in ("NN", "NNS") and phrase_end + 1 < span.start and doc[phrase_end + 1].text == ",":
        start = head.left_edge.i  # of "a short, impromptu speech, one of the football coaches, Simon Carrodus",
        commas = [t.i for t in doc[start:phrase_end + 1] if t.text == ","]  # the piece next to the name
        return _timeless(doc[commas[-1] + 1 if commas else start:phrase_end + 1])
    return None


# Nouns for spans of time: "This year, X" and "Friday night, X" say when, not what X is.
_TIME_NOUNS = lexicon.words("time_nouns")


def _timeless(words: Span) -> str | None:
    """The text of a description before a name, unless it says when ("The following year", "Friday night")."""
    if any(t.ent_type_ in ("DATE", "TIME") or t.lemma_.lower() in _TIME_NOUNS for t in words):
        return None
    return _text(words.doc, words.start, words.end)


def _as_phrase(span: Span) -> str | None:
    """"As an offensive guard for the Baltimore Ravens, John Urschel ...": the role the sentence opens with."""
    doc, sent = span.doc, span.sent
    if span.start > sent.start + 2 and doc[span.start - 1].text == "," and doc[sent.start].lower_ == "as" \
            and doc[sent.start + 1].lower_ in ("a", "an") and "," not in doc[sent.start:span.start - 1].text:
        return _text(doc, sent.start + 1, span.start - 1)
    return None


def _group_apposition(span: Span) -> str | None:
    """A plural description of a list of names the person is in: "Ehud Olmert and Tzipi Livni -- two politicians
    who ...", "The two prime suspects, Andrei Lugavoi and Dmitry Kovtun, ...", "A, B, C: Those Labor leaders"."""
    doc, sent = span.doc, span.sent

    def in_list(t: Token) -> bool:
        return t.ent_type_ == "PERSON" or t.text == "," or t.lower_ in ("and", "&")

    start, end = span.start, span.end
    while start > sent.start and in_list(doc[start - 1]):
        start -= 1
    while end < sent.end and in_list(doc[end]):
        end += 1
    names = [t for t in doc[start:end] if t.ent_type_ == "PERSON" and t.ent_iob_ == "B"]
    if len(names) < 2:
        return None
    if end < sent.end - 2 and doc[end].text in ("--", "—", "–", ":"):
        i = end + 1
        while i < sent.end and doc[i].pos_ in ("DET", "NUM", "ADJ", "ADV"):
            i += 1
        partitive = i + 1 < sent.end and doc[i].lower_ == "of" and doc[i - 1].pos_ in ("ADJ", "NUM", "PRON", "DET")
        if partitive:
            i += 1  # "just a few of the aid workers", "two of the victims"
            while i < sent.end and doc[i].pos_ in ("DET", "NUM", "ADJ", "ADV"):
                i += 1
        while i + 1 < sent.end and doc[i].pos_ in ("NOUN", "PROPN") and doc[i + 1].pos_ in ("NOUN", "PROPN"):
            i += 1
        if i < sent.end and doc[i].tag_ == "NNS":  # the head of the description is plural
            return _chunk(doc[i]) if partitive else _text(doc, end + 1, sent.end)
    while start < span.start and doc[start].text == ",":
        start += 1
    before = doc[sent.start:start - 1] if start - 1 > sent.start and doc[start - 1].text == "," else None
    if before is not None and len(before) <= 10 and before[0].tag_ in ("DT", "CD") and \
            any(t.tag_ == "NNS" for t in before) and not any(t.pos_ in ("VERB", "AUX") for t in before):
        return _text(doc, sent.start, start - 1)
    return None


def _chunk(token: Token) -> str | None:
    """The noun phrase headed by `token`, without what follows the head."""
    return _text(token.doc, token.left_edge.i, token.i + 1)


def _named_as(span: Span) -> str | None:
    """"militias known as X", "the victim was identified as X", "its officer, identifying him as X"."""
    root = span.root
    named = root.head
    if root.dep_ in ("oprd", "dobj", "attr", "npadvmod") and named.lemma_ in ("name", "call", "dub") \
            and named.dep_ == "acl" and named.head.pos_ == "NOUN":
        return _chunk(named.head)  # "a computer programmer named David Jacobs"
    if root.dep_ != "pobj" or root.head.lower_ != "as":
        return None
    verb = root.head.head
    if verb.lemma_ in ("know", "call", "dub") and verb.dep_ == "acl" and verb.head.tag_ in ("NN", "NNS"):
        return _chunk(verb.head)
    if verb.lemma_ not in ("identify", "name"):
        return None
    for child in verb.children:
        if child.dep_ == "nsubjpass" and child.tag_ in ("NN", "NNS"):
            return _chunk(child)
    if any(c.dep_ == "dobj" and c.tag_ == "PRP" for c in verb.children):
        nouns = [t for t in span.sent if t.i < verb.i and t.tag_ in ("NN", "NNS")]
        nouns = [t for t in nouns if t.dep_ in ("dobj", "nsubj")]
        if nouns:
            return _chunk(nouns[-1])
    return None


def title_start(span: Span) -> int:
    """Where the title before a person's name starts: the run of description words right before it
    ("Asian American actor and blogger", "Secretary of State", "Broussard's friend", "his wife")."""
    doc = span.doc
    start = span.start
    i = span.start - 1
    lower_bound = span.sent.start
    while i >= lower_bound:
        t = doc[i]
        if t.ent_type_ in ("DATE", "TIME"):
            break  # "And last week US Treasury Secretary John Snow told": when, not what he is
        if t.ent_type_ == "GPE" and i - 2 >= lower_bound and doc[i - 1].text == "," and doc[i - 2].ent_type_ == "GPE":
            break  # "dinner in Washington, D.C. President Barack Obama": the place's second part, no title's
        if t.text == "." and i - 1 >= lower_bound and doc[i - 1].lower_ in TITLE_ABBREVIATIONS \
                and not doc[i - 1].whitespace_ and start == span.start:  # "Army Sgt. Bowe Bergdahl"
            start, i = i, i - 1
            continue
        if t.text == ")" and i - 3 >= lower_bound and doc[i - 2].text == "(" and doc[i - 1].text.isupper() \
                and doc[i - 3].pos_ == "PROPN":  # "World Anti-Doping Agency (WADA) chief Dick Pound"
            start, i = i - 2, i - 3
            continue
        if t.text in HYPHENS and i - 1 >= lower_bound:  # "co-host", "Editor-in-Chief"
            start, i = i - 1, i - 2
            continue
        if i - 1 >= lower_bound and doc[i - 1].text in HYPHENS and t.is_alpha:  # "co-host" tagged a verb
            start, i = i, i - 1
            continue
        if t.lower_ == "pro" and i + 1 < span.start and doc[i + 1].lower_ == "tempore":
            start, i = i, i - 1  # "Senate President pro Tempore Kevin de León"
            continue
        if t.lower_.rstrip(".") in TITLES and t.text[:1].isupper():  # "Trooper" inside NER's name
            start, i = i, i - 1
            continue
        if _person_word(t):  # "striker" the tagger calls a verb, "Kenyan" inside NER's name
            start, i = i, i - 1
            continue
        if t.tag_ == "POS" and i - 1 >= lower_bound and doc[i - 1].pos_ == "PROPN":  # "Broussard's friend"
            j = i - 1
            while j - 1 >= lower_bound and doc[j - 1].pos_ == "PROPN" and doc[j - 1].ent_iob_ == "I":
                j -= 1
            start, i = j, j - 1
            continue
        if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.ent_type_ != "PERSON" and not t.like_num:
            start, i = i, i - 1
            continue
        if t.lower_ == "and" and i - 1 >= lower_bound and doc[i - 1].pos_ == "NOUN" and start < span.start:
            start, i = i, i - 1
            continue
        if t.lower_ in ("of", "to") and i - 1 >= lower_bound and doc[i - 1].lower_.rstrip(".") in TITLES:
            start, i = i, i - 1  # "Secretary of State", "U.S. ambassador to Lebanon"
            continue
        if t.tag_ == "PRP$" and start < span.start:  # "his wife"
            start = i
        break
    return start


def _title(span: Span) -> str | None:
    """The title before a person's name: "President", "Defense Secretary", "Broussard's friend"."""
    doc = span.doc
    start = title_start(span)
    while start < span.start and (doc[start].tag_ in ("POS", "CC") or doc[start].text in HYPHENS):
        start += 1
    words = doc[start:span.start]
    if len(words) > 1 and words[-1].lower_.rstrip(".") in _ADDRESS:  # "Chairman Sir Archy Kirkwood"
        words = words[:-1]  # the title ends before the form of address, and is one only with a person's word
        if not (words[-1].lower_.rstrip(".") in TITLES or _person_word(words[-1])):
            return None  # "Leaving a Brussels summit Mr Blair said"
    hyphened = {t.i for t in words if t.i > 0 and doc[t.i - 1].text in HYPHENS}
    if not words or any(t.pos_ == "VERB" and t.tag_ != "VBN" and t.i not in hyphened and not _person_word(t)
                        for t in words):
        return None
    last = words[-1]
    if last.tag_ == "POS" and words[0].pos_ == "PROPN":
        return words.text  # "Duke's Christian Laettner": the team or the show the person is known by
    if not any(_is_description(t) or t.lower_.rstrip(".") in TITLES or _person_word(t) for t in words) \
            and not _nominal(last, span):
        return None
    if not any(_is_description(t) or t.lower_.rstrip(".") in TITLES or t.i == last.i for t in words) or (
            last.ent_type_ == "PERSON" and last.lower_.rstrip(".") not in TITLES and not _person_word(last)):
        return None
    if words.text.lower().rstrip(".") in _HONORIFICS:  # "Mr.", also "Hon" + "."
        return None
    if len(words) == 1 and last.ent_type_ and last.lower_.rstrip(".") not in TITLES and not _person_word(last):
        return None
    if not _attached(last, span.root):  # "from the moment Bergdahl went missing": a clause, not a title
        return None
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in span.root.children) and not any(
            t.lower_.rstrip(".") in TITLES or _person_word(t) for t in words):
        return None  # "a video Genevieve and Scott Kelley made": a thing the parse ran into the name
    age = words.text.lower().rfind("year-old")
    if age >= 0:  # "21-year-old defender": the age says how old, the rest what the person is
        after = words[0].idx + age + len("year-old")
        rest = [t for t in words if t.idx >= after]
        if not rest or not any(_is_description(t) or _person_word(t) for t in rest):
            return None
        return doc[rest[0].i:span.start].text
    return words.text


def _person_word(token: Token) -> bool:
    """A noun for a person or a nationality, whatever the tagger or NER make of it: "striker" tagged a verb,
    "Broadcaster" and "Kenyan" inside NER's name."""
    return token.is_alpha and (token.lower_ in PERSON_NOUNS or token.lower_ in DEMONYMS)


# Adjectives before a name that describe, not say what the person is ("the late X", "embattled X").
_PLAIN_ADJECTIVES = lexicon.words("plain_adjectives")


def _nominal(word: Token, span: Span) -> bool:
    """A lower-case word the tagger calls an adjective that is a noun for a person right before a full name
    ("American academic Wendy Doniger", "Liberian national X", "contestant X", "whistleblower X")."""
    return len(span) > 1 and word.i == span.start - 1 and word.is_lower and word.is_alpha \
        and word.tag_ in ("JJ", "JJR") and len(word) > 4 and word.lower_ not in _PLAIN_ADJECTIVES \
        and word.dep_ in ("amod", "compound", "prt")


def _attached(word: Token, root: Token) -> bool:
    """Whether a word before a name belongs to the name's noun phrase: the parser hangs it on the name, or the name
    on it ("actors Angelina Jolie"); not when the name heads a clause that describes the word ("the moment X left")."""
    if word in root.subtree or word.lower_.rstrip(".") in TITLES or root.dep_ not in ("nsubj", "nsubjpass"):
        return True
    return not (word.tag_ in ("NN", "NNS") and word.dep_ in ("pobj", "dobj", "npadvmod", "attr", "nsubj")
                and root.head.pos_ in ("VERB", "AUX") and root.head.i > root.i)


def _list_title(span: Span) -> str | None:
    """A plural title before a list of names, for the names after the first: "actors Angelina Jolie and Leonardo
    DiCaprio", "two suspects, Yassine Labidi and Saber Khachnaou", "global stars like Lenny Kravitz and Damian
    Marley"."""
    doc, sent = span.doc, span.sent
    i, first = span.start - 1, span.start
    if i <= sent.start or doc[i].lower_ not in ("and", ",", "&"):
        return None
    while i >= sent.start and (doc[i].ent_type_ == "PERSON" or doc[i].text == "," or doc[i].lower_ in ("and", "&")):
        if doc[i].ent_type_ == "PERSON" and doc[i].ent_iob_ == "B":
            first = i
        i -= 1
    if first == span.start or first - 1 <= sent.start:
        return None
    before = doc[first - 1]
    if before.tag_ in ("NNS", "NNPS"):
        end = first
        while end < span.start and doc[end].ent_iob_ != "O" and doc[end].ent_type_ == "PERSON" and \
                (end == first or doc[end].ent_iob_ == "I"):
            end += 1
        return _title(doc[first:end])
    noun = doc[first - 2]
    if (before.text == "," or before.lower_ == "like") and noun.tag_ == "NNS":
        return _chunk(noun)
    return None


# Nouns for a group that "of" + a list of names spells out ("The original creative team of A, B and C").
_COLLECTIVE_NOUNS = lexicon.words("group_nouns")


def _list_head(span: Span) -> str | None:
    """The plural noun or the group a list of names the person is in spells out: "star players such as Yaya Toure,
    Mario Balotelli and David Silva", "acclaimed filmmakers like Edward Yang and Hou Hsiao-hsien", "The original
    creative team of Chris Buck, Jennifer Lee and Peter Del Vecho", "Sauber's new pairing of A and B"."""
    doc, sent = span.doc, span.sent
    i = span.start - 1
    while i >= sent.start and (doc[i].ent_type_ == "PERSON" or doc[i].text == "," or doc[i].lower_ in ("and", "&")):
        i -= 1
    names = [t for t in doc[i + 1:span.end] if t.ent_type_ == "PERSON" and t.ent_iob_ == "B"]
    after = span.end
    while after < sent.end and (doc[after].ent_type_ == "PERSON" or doc[after].text == ","
                                or doc[after].lower_ in ("and", "&")):
        after += 1
    names += [t for t in doc[span.end:after] if t.ent_type_ == "PERSON" and t.ent_iob_ == "B"]
    if len(names) < 2 or i <= sent.start:
        return None
    if doc[i].lower_ == "like" or (doc[i].lower_ == "as" and doc[i - 1].lower_ == "such"):
        noun = doc[i - 1] if doc[i].lower_ == "like" else doc[i - 2]
        if noun.tag_ == "NNS" and noun.is_lower:
            return _chunk(noun)
    if doc[i].lower_ == "of" and doc[i - 1].lower_ in _COLLECTIVE_NOUNS and doc[i - 1].tag_ == "NN":
        return _chunk(doc[i - 1])
    return None


def _copula(span: Span) -> str | None:
    """"Tanya Singleton is Hernandez's cousin", "X is a Professor of electrochemical materials at ETH Zurich": what
    the sentence says the person is (the noun phrase after "is"/"was", without a clause after it)."""
    root = span.root
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_ != "be" or verb.i < span.end:
        return None
    attr = next((c for c in verb.rights if c.dep_ == "attr" and c.tag_ in ("NN", "NNS", "NNP")), None)
    if attr is None or attr.ent_type_ or any(c.dep_ == "neg" for c in verb.children):
        return None
    end = attr.right_edge.i + 1
    if any(t.text in ('"', "“", "”") for t in span.doc[attr.left_edge.i:end]):
        return None  # 'if Julie was a "mulatto"': a word quoted, not a description
    clause = next((c for c in attr.rights if c.dep_ in ("acl", "relcl")), None)
    if clause is not None:
        end = clause.left_edge.i
    return _text(span.doc, attr.left_edge.i, end)


def _relative_clause(span: Span) -> str | None:
    """"X, who/which ..." : the clause."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return None
    for child in span.root.rights:
        if child.dep_ == "relcl" and child.left_edge.lower_ in ("who", "which", "whose", "whom"):
            if child.lemma_ in _SPEECH and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _RELATIVE
                                              for c in child.children):
                return None  # "who he says has led ...": another's claim about the person, not what they are
            if not _relative_subject(child):
                return None  # "which it retains to this day", "whom police named": what others do with it
            text = _text(doc, child.left_edge.i, child.right_edge.i + 1)
            if text is None or child.idx + len(child.text) > child.left_edge.idx + len(text):
                return None  # cut before its verb: a bare "which", "whose dance company"
            return text
    return None


def _relative_subject(verb: Token) -> bool:
    """Whether a relative clause's pronoun is its subject ("who led", "which was founded", "whose members
    include"): the clause says what the name is or does."""
    return any(c.dep_ in ("nsubj", "nsubjpass")
               and (c.lower_ in _RELATIVE or any(p.lower_ == "whose" for p in c.children)) for c in verb.children)


def _affiliation(span: Span) -> str | None:
    """"Abbas Faiz of Amnesty International", "Benoit Zeisser from the Gendarmerie", "Kyle Cooper, at Citigroup",
    "Isabel Sawhill and Joanna Venator of the Brookings Institution": where the person works."""
    doc = span.doc
    i = span.end
    if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].head == span.root:
        i += 1  # "Kyle Cooper, at Citigroup Global Markets"
    elif i + 1 < len(doc) and doc[i].lower_ == "and" and doc[i + 1].ent_iob_ == "B" \
            and doc[i + 1].ent_type_ == "PERSON":
        i += 2  # "Isabel Sawhill and Joanna Venator of the Brookings Institution": both of it
        while i < len(doc) and doc[i].ent_iob_ == "I":
            i += 1
    if i >= len(doc) or doc[i].lower_ not in ("of", "from", "at", "with"):
        return None
    prep = doc[i]
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects or not any(t.ent_type_ == "ORG" or t.lemma_.lower() in ORG_NOUNS | ORG_HEADS or is_call_sign(t)
                              for t in objects[0].subtree):
        return None
    return _text(doc, prep.i, objects[0].right_edge.i + 1)


# No role: a measure ("6-foot-8-inch", "6-foot-8"), which describes a body, not what a person is; nor one the
# speaker of a quotation gives from where they stand ("Michael Owen will be our captain").
_UNFIT = re.compile(r"^\d|\d-(?:foot|feet|inch|pound|meter|metre)\b|\b(?:our|my|your)\b", re.IGNORECASE)


_FINDERS = {
    "apposition": _apposition, "named_as": _named_as, "title": _title, "list_title": _list_title,
    "list_head": _list_head, "relative_clause": _relative_clause, "apposition_before": _apposition_before,
    "affiliation": _affiliation, "as_phrase": _as_phrase, "group_apposition": _group_apposition, "copula": _copula,
}
_ORGANIZATION_FINDERS = ("apposition", "named_as", "relative_clause", "apposition_before")
# An organisation's who/which clause says what it is or what it does ("which is the party of ...", "which reviews
# public spending", "which has a Marxist-Leninist philosophy"); "which captured the city last year", "which has
# captured" or "which may settle" says what it did or might do: no role.
_IS_CLAUSE = re.compile(r"(?:which|who|that)\s+(?:is|was|are|were|has(?!\s+[a-z]+(?:ed|en)\b)"
                        r"|(?!has\b|was\b|does\b)[a-z]+s)\s", re.IGNORECASE)
_RELATIVE = frozenset({"who", "which", "whose", "whom", "that"})
_SPEECH = lexicon.words("speech_verbs")
_PRONOUNS = lexicon.words("third_person_pronouns")
_KINSHIP = lexicon.words("kinship_words")
ROLE_FEATURES: tuple[str, ...] = (
    *(f"finder_{name}" for name in _FINDERS),
    "first_mention", "log_mention", "log_tokens", "long", "very_long", "relative", "verb_past", "verb_present",
    "verb_be", "holding_verb", "title_word", "person_noun", "kinship", "organisation", "demonym", "determiner",
    "possessive", "pronoun", "vague", "digits", "capitals", "ends_noun", "comma", "quote", "agreement",
    "log_candidates", "courtesy",
)


@dataclass(frozen=True)
class RoleCandidate:
    """A role one finder reads at one mention of an actor."""

    text: str
    finder: str
    mention: int  # the mention's order among the actor's mentions
    at: Span  # that mention


def role_candidates(cluster: Cluster) -> list[RoleCandidate]:
    """Every role the finders read at the actor's mentions, in the finders' order of preference, then by mention
    (organisations take only the apposition, "known as", a who/which clause saying what it is or does, and the
    apposition before)."""
    names = _ORGANIZATION_FINDERS if cluster.kind == ORGANIZATION else tuple(_FINDERS)
    mentions = sorted(cluster.mentions, key=lambda m: m.span.start)
    out = []
    for name in names:
        for order, mention in enumerate(mentions):
            role = _FINDERS[name](mention.span)
            if role and name_key(role) != name_key(mention.text) and not _UNFIT.search(role) and not (
                    cluster.kind == ORGANIZATION and name == "relative_clause" and not _IS_CLAUSE.match(role)):
                out.append(RoleCandidate(role, name, order, mention.span))
    return out


def _tokens_of(role: str, mention: Span) -> tuple[Token, ...]:
    """The tokens of a role's text nearest the mention it was read at (the finders return text)."""
    doc = mention.doc
    lo = max(0, mention.start_char - 400)
    found = [lo + m.start() for m in re.finditer(re.escape(role), doc.text[lo:mention.end_char + 400])]
    if not found:
        return ()
    at = min(found, key=lambda c: abs(c - mention.start_char))
    span = doc.char_span(at, at + len(role), alignment_mode="expand")
    return tuple(span) if span is not None else ()


def role_features(candidate: RoleCandidate, others: list[RoleCandidate]) -> dict[str, float]:
    """The features of one role candidate among all of its actor's (`ROLE_FEATURES`)."""
    tokens = _tokens_of(candidate.text, candidate.at)
    words = [t for t in tokens if not t.is_punct]
    lower = [t.lower_ for t in words]
    verbs = [t for t in words if t.pos_ in ("VERB", "AUX")]
    first = lower[0] if lower else ""
    row = {f"finder_{name}": float(candidate.finder == name) for name in _FINDERS}
    key = name_key(candidate.text)
    row.update({
        "first_mention": float(candidate.mention == 0),
        "log_mention": math.log1p(candidate.mention),
        "log_tokens": math.log1p(len(words)),
        "long": float(len(words) > 8),
        "very_long": float(len(words) > 15),
        "relative": float(first in _RELATIVE),
        "verb_past": float(any(t.tag_ in ("VBD", "VBN") for t in verbs)),
        "verb_present": float(any(t.tag_ in ("VBZ", "VBP") for t in verbs)),
        "verb_be": float(any(t.lemma_ == "be" for t in verbs)),
        "holding_verb": float(any(t.lemma_.lower() in _HOLDING for t in verbs)),
        "title_word": float(any(w in TITLES for w in lower)),
        "person_noun": float(any(w in PERSON_NOUNS for w in lower)),
        "kinship": float(any(w in _KINSHIP for w in lower)),
        "organisation": float(any(t.ent_type_ in ("ORG", "GPE", "FAC") for t in words)),
        "demonym": float(any(w in DEMONYMS for w in lower)),
        "determiner": float(first in ("a", "an", "the")),
        "possessive": float(any(t.tag_ in ("POS", "PRP$") for t in tokens)),
        "pronoun": float(any(w in _PRONOUNS for w in lower)),
        "vague": float(bool(_VAGUE.fullmatch(candidate.text))),
        "digits": float(any(c.isdigit() for c in candidate.text)),
        "capitals": sum(1 for t in words if t.text[:1].isupper()) / max(1, len(words)),
        "ends_noun": float(bool(words) and words[-1].pos_ in ("NOUN", "PROPN")),
        "comma": float("," in candidate.text),
        "quote": float(any(q in candidate.text for q in ('"', "“", "”"))),
        "agreement": math.log1p(sum(1 for o in others if name_key(o.text) == key) - 1),
        "log_candidates": math.log1p(len(others)),
        "courtesy": float(any(w in lower for w in ("mr.", "mrs.", "ms."))),
    })
    return row


def first_specific(roles: list[str]) -> int:
    """The index of the first role that is not vague ("the group" says less than a later "Iran-backed militias"),
    else 0: the rule the learned decision replaced for people."""
    return next((k for k, text in enumerate(roles) if not _VAGUE.fullmatch(text)), 0)


@cache
def _shipped() -> LinearModel:
    return model("roles", ROLE_FEATURES)


def find_role(cluster: Cluster, role_model: LinearModel | None = None) -> str | None:
    """The role the article gives, as the learned decision (`models/roles.json`, written by
    `scripts/train_roles.py`) ranks the finders' candidates: the likeliest when it reaches the model's threshold,
    else none (a "who announced last week" says nothing of what a person is). A form of address alone ("Dr.") is
    the role only when no other candidate reaches the threshold."""
    candidates = role_candidates(cluster)
    if not candidates:
        return None
    if cluster.kind == ORGANIZATION:  # the model learned from people's roles: an organisation's is the rule's
        return candidates[first_specific([c.text for c in candidates])].text
    chosen = role_model or _shipped()
    scored = [(chosen.probability(role_features(c, candidates)), -i, c) for i, c in enumerate(candidates)]
    fit = [s for s in scored if s[0] >= chosen.threshold]
    if not fit:
        return None
    said = [s for s in fit if s[2].text.lower().rstrip(".") not in _ADDRESS]  # "Dr." says less than "a retired
    return max(said or fit, key=lambda s: (s[0], s[1]))[2].text  # neurosurgeon" the article also gives


def names_an_organisation(cluster: Cluster, role: str) -> bool:
    """Whether a role read for a person says it is an organisation: its head noun is one (lexicon
    `organisation_nouns`: "Napster, the first successful file-sharing network"), with no person's word, title or
    possessive in it ("Deutsche Bank's", "Cabinet-maker" are people's)."""
    for mention in cluster.mentions:
        tokens = _tokens_of(role, mention.span)
        if not tokens:
            continue
        inside = {t.i for t in tokens}
        heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
        if len(heads) != 1:
            return False
        head = heads[0]
        hyphened = head.i > 0 and head.doc[head.i - 1].text in HYPHENS  # "Cabinet-maker" is a person
        return head.lemma_.lower() in ORG_NOUNS and head.tag_ != "POS" and not hyphened and not any(
            t.lower_ in PERSON_NOUNS or t.lower_ in TITLES or t.tag_ in ("POS", "PRP$") for t in tokens)
    return False


"""Speakers: a subject turned into a speaker label, through the actors, the focus and anchored pronouns.

See the package docstring for the tiers: a name, a "he"/"she" anchored to one person, a description that
fits one actor; anything unsure gives no speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ... import lexicon
from ...nlp.entities import Parsed
from ..actors import Actors
from ..actors.kinds import COUNTRIES
from .marks import QUOTE_CHARS, Quote

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_VAGUE = lexicon.words("vague_speakers")
DOCUMENTS = lexicon.words("speaking_documents")
OWNED = lexicon.words("owned_outlets")
_GENERIC_ORGANIZATIONS = lexicon.words("generic_organisations")
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
_AGE = re.compile(r"(?i)\bthe (?:(?!other |second |first |third |younger |older )[a-z]+ )?\d+-year-old$")
MALE, FEMALE = {"he", "him", "his", "himself"}, {"she", "her", "hers", "herself"}
_FEMALE_ROLES = lexicon.words("female_roles")
_MALE_ROLES = lexicon.words("male_roles")


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


class Resolver:
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
        if is_age_description(token) or (lemma in _EPITHETS and any(c.lower_ == "the" for c in token.children)) \
                or (token.ent_type_ == "NORP" and bare):
            # "the 22-year-old said", "the star of the show said", "the German said": the one in focus, if unrivalled
            return self.unrivalled(token, self.focus.people[0] if self.focus.people else None)
        if token.ent_type_ in ("DATE", "TIME") and token.lower_ in _TIME_WORDS:
            return None  # "Last year, ... said": a misparse, not a speaker
        dets = [c for c in token.children if c.dep_ in ("det", "poss")]
        definite = any(d.lower_ in ("the", "this", "that", "its", "their") or d.dep_ == "poss" for d in dets)
        owner = next((self.names[t.i] for t in token.subtree if t.i in self.names and t.dep_ == "poss"), None)
        if lemma in DOCUMENTS or lemma in OWNED:
            if owner is not None:  # "the offer on Spirit's website"
                return owner
            return self.document_author(token) if definite and lemma in DOCUMENTS else None
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
        if definite and token.tag_ == "NN" and personal(token) and not token.lower_.endswith("ment") \
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
        wanted = "m" if token.lower_ in MALE else "f" if token.lower_ in FEMALE else None
        doc = self.parsed.doc
        rivals: list[tuple[int, int]] = []  # (sentence, rank)
        here = self.parsed.sentence_of(token.idx)
        for i in range(token.i - 1, -1, -1):
            mentioned = self.resolved.get(i) if i not in self.names else (
                None if i in self.quoted else self.names[i])
            if mentioned is None and i in self.resolved and doc[i].lower_ in (MALE if wanted == "m" else FEMALE):
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
        if first == token or before is None or not (before.pos_ == "NOUN" and personal(before)):
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
            if lower in MALE | FEMALE:
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
                if t.lower_ in MALE | FEMALE:
                    label = self.resolve(t)
                    found.add((label or "?", "m" if t.lower_ in MALE else "f"))
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
                found.add((label, self.gender_of(label)) if label and not personal(t) else ("?", None))  # not
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
        wanted = "m" if token.lower_ in MALE else "f"
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


def climbed(verb: Token, subject: Token) -> bool:
    """Whether a speech verb's speaker is the subject of a verb above it ("..., saying", "and said", "appeared to
    say"), not its own."""
    return subject.dep_ == "nsubj" and subject.head != verb and subject.head in verb.ancestors


def agentive(noun: Token) -> bool:
    """Whether a subject found above a speech verb may speak: a name, a person ("protesters", "the father"), a
    body or a document; not "Those feelings broke out ... and said", nor "the graffiti appeared to say"."""
    return noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or personal(noun) \
        or noun.lemma_.lower() in _GENERIC_ORGANIZATIONS | DOCUMENTS | OWNED | _BODIES


def personal(noun: Token) -> bool:
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


def is_age_description(token: Token) -> bool:
    """Whether a token ends "the 22-year-old", "the frustrated 38-year-old" or "the 38-year-old Swede" (a
    nationality or an epithet after the age): a description that stands for the person in focus."""
    doc = token.doc
    if (token.ent_type_ == "NORP" or token.lower_ in _EPITHETS) and token.i > 0:
        return is_age_description(doc[token.i - 1])
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
    while start < token.i and (doc[start].is_punct or doc[start].text in QUOTE_CHARS):
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

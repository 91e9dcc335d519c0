"""Actors (people, organisations) and places of an article, from one spaCy parse.

spaCy's named entities are the base. They are repaired (titles and a leading
"the" trimmed, "Kataeb" + "Hezbollah" joined, capitalised names ending in an
organisation word such as "Security Media Cell" added), name variants are merged
(surname, acronym, title + name) and each actor gets the role the article gives
it, verbatim: an apposition, a "known as" / "identified as" phrase, a title
before the name, a "who/which" clause, an "As a ..., X" opening or a plural
description of a list of names ("A and B -- two politicians who ...").

Not actors: titles of works in quotation marks, fictional characters ("X, played
by Y", "stars as X", "plays his daughter, X"), religious figures ("Prophet X"),
names in a figure of speech ("the George Carlin of Bangladesh", "Hulk-style"),
brand + product ("the Apple watch"), the author's bio before an opinion
disclaimer, credit lines and link texts ("X also contributed.", "See more:"), the
publisher's staff ("CNN's aviation correspondent X"), and outlets someone only
"told" or gave an interview (in all their mentions, unless they act elsewhere).
In a match report (a place acting in a sentence with a score), places in a
team's positions are clubs, also in sentences without a score.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..model import Actor, Document
from ..nlp.entities import Parsed, parse

PERSON, ORGANIZATION, PLACE = "person", "organization", "place"
_KIND = {"PERSON": PERSON, "ORG": ORGANIZATION, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}

_CALENDAR = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "today", "yesterday", "tomorrow",
}
# Words a name may open with that are titles, not part of the name.
_TITLES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "trooper", "deputy",
    "inspector", "sheriff", "constable", "superintendent", "lieutenant", "corporal", "ambassador", "envoy",
    "bishop", "archbishop", "cardinal", "rabbi", "imam", "emir", "sultan", "premier", "officer", "commissioner",
    "gen", "general", "lt", "col", "colonel", "maj", "major", "capt", "captain", "sgt", "sergeant",
    "adm", "admiral", "cmdr", "commander", "cpl", "pvt", "gov", "governor", "sen", "senator", "rep",
    "president", "vice", "prime", "minister", "secretary", "chancellor", "mayor", "judge", "justice",
    "king", "queen", "prince", "princess", "pope", "sheikh", "ayatollah", "rev", "father", "sister",
    "coach", "chairman", "chief", "detective", "agent", "st", "saint", "director", "executive", "editor",
    "manager", "spokesman", "spokeswoman", "spokesperson", "founder", "chairwoman", "ceo", "adviser", "advisor",
    "attorney", "correspondent", "anchor", "producer", "head", "cfo", "coo", "cto", "cio", "cmo",
    # occupations written before a name as a title ("Prosecutor Mehmet Selim Kiraz", "Artist Jody Clark")
    "prosecutor", "copilot", "co-pilot", "pilot", "artist", "sculptor", "lawyer", "journalist", "reporter",
    "photographer", "architect", "engineer", "scientist", "researcher", "historian", "economist", "analyst",
    "activist", "blogger", "novelist", "poet", "comedian", "designer", "astronaut", "chef",
}
# Generational suffixes after a surname ("Donald B. Verrilli Jr."): not the surname.
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# Short forms of first names ("Mike Brown" is "Michael Brown").
_NICKNAMES = {
    "mike": "michael", "mick": "michael", "bill": "william", "will": "william", "billy": "william",
    "bob": "robert", "rob": "robert", "bobby": "robert", "jim": "james", "jimmy": "james", "joe": "joseph",
    "tom": "thomas", "tommy": "thomas", "dick": "richard", "rick": "richard", "dave": "david", "dan": "daniel",
    "danny": "daniel", "chris": "christopher", "steve": "steven", "tony": "anthony", "ben": "benjamin",
    "ed": "edward", "ted": "edward", "andy": "andrew", "nick": "nicholas", "sam": "samuel", "matt": "matthew",
    "pat": "patrick", "larry": "lawrence", "jerry": "gerald", "alex": "alexander", "fred": "frederick",
    "liz": "elizabeth", "beth": "elizabeth", "kate": "katherine", "kathy": "katherine", "sue": "susan",
    "jenny": "jennifer", "jen": "jennifer", "meg": "margaret", "peggy": "margaret", "vicky": "victoria",
}
# Job titles that may sit inside what NER tags as a person's name, after an organisation ("Google CFO Patrick
# Pichette"): the name starts after them. (Not "king", "prince", ...: "Martin Luther King".)
_JOB_TITLES = {
    "ceo", "cfo", "coo", "cto", "cio", "cmo", "chairman", "chairwoman", "president", "secretary", "minister",
    "director", "spokesman", "spokeswoman", "spokesperson", "founder", "co-founder", "executive", "manager", "coach",
    "editor", "chief", "commissioner", "governor", "senator", "mayor", "ambassador", "trooper", "officer", "sheriff",
    "captain", "capt", "sgt", "sergeant", "lt", "lieutenant", "gen", "general", "col", "colonel", "dr", "prof",
}
# Abbreviated titles whose period the tokenizer may split off ("Army Sgt" + "." + "Bowe Bergdahl").
_TITLE_ABBREVIATIONS = {"dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr", "cpl", "pvt", "gov",
                        "sen", "rep", "rev", "insp", "supt", "det"}
# Titles that only say how to address someone: no role on their own.
_HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "sir", "dame", "madam"}
# Last words of organisation names spaCy tends to miss.
_ORG_HEADS = {
    "force", "forces", "cell", "council", "committee", "commission", "ministry", "department",
    "agency", "army", "brigade", "brigades", "battalion", "corps", "guard", "guards", "police",
    "party", "front", "movement", "group", "union", "association", "federation", "league",
    "institute", "university", "college", "academy", "company", "corporation", "corp", "inc",
    "ltd", "bank", "fund", "court", "parliament", "assembly", "congress", "senate", "office",
    "service", "services", "bureau", "authority", "administration", "organization",
    "organisation", "foundation", "center", "centre", "network", "board", "club", "society",
    "coalition", "alliance", "command", "unit", "directorate", "division", "trust", "airlines",
}
# Lower-case words allowed inside a capitalised name ("Ministry of Defense").
_NAME_LINKS = {
    "of", "for", "and", "&", "the", "on", "in", "to", "al", "el", "bin", "ibn", "de", "del", "der", "den", "van",
    "von", "da", "di", "do", "dos", "du", "la", "le", "y",
}
_NAME_PARTICLE = re.compile(r"^(?:al|el|ad|as|an|ash|at|az)[-‐]", re.IGNORECASE)
_PERSON_NOUNS = {
    "striker", "defender", "midfielder", "goalkeeper", "forward", "winger", "player", "manager",
    "actor", "actress", "singer", "rapper", "star", "spokesman", "spokeswoman", "spokesperson",
    "lawmaker", "senator", "ceo", "founder", "leader", "commander", "boss", "author", "director",
}
# Organisation words that media names may end in ("Fox News Network", "BBC World Service").
_MEDIA_HEADS = {"network", "service", "services", "corporation", "company", "group", "corp", "inc", "ltd"}
# Collective nouns that open organisation names in the possessive ("People's Liberation Army").
_COLLECTIVES = {"people", "peoples", "workers", "children", "women", "men", "veterans", "farmers", "citizens",
                "nations", "students", "sailors", "soldiers", "writers", "journalists", "teachers", "doctors"}
_AFFILIATION = {"of", "from", "at", "with"}
_NP_LEFT = {"det", "poss", "amod", "compound", "nummod", "nmod", "quantmod", "advmod", "case"}
_LOCATIVE = {"in", "at", "near", "across", "throughout", "into", "outside", "inside"}
# Last words of names that are places, whatever NER says ("Los Angeles International Airport").
_FACILITIES = {"airport", "airfield", "stadium", "arena", "station", "bridge", "square", "street", "avenue",
               "road", "highway", "park", "mall", "harbor", "harbour", "valley", "mountain", "mountains", "river",
               "lake", "island", "islands", "beach", "gorge", "canyon", "desert", "strait", "sea", "ocean", "bay"}
# Last words of names that are events, prizes or competitions, not actors ("FA Cup", "Academy Award").
_EVENTS = {"cup", "championship", "championships", "olympics", "games", "award", "awards", "prize", "trophy",
           "festival", "summit", "tournament", "derby", "marathon", "expo", "flight", "open", "day", "week",
           "series"}
# Last words of names of documents, laws and agreements: texts, not actors ("Common Core State Standards").
_DOCUMENTS = {"standards", "act", "bill", "treaty", "accord", "accords", "agreement", "convention", "constitution",
              "declaration", "doctrine", "amendment", "protocol", "charter"}
# Acronyms of technical terms, used like common nouns ("a CT scan", "suffering from TBI"): not organisations.
_TERMS = {"ct", "mri", "dna", "rna", "gps", "tv", "pc", "atm", "suv", "hiv", "aids", "ptsd", "tbi", "ied", "gdp",
          "ppp", "cpi", "ufo", "vip", "lgbt", "lgbtq", "adhd", "icu", "ivf", "sms", "usb", "led", "lcd", "dvd",
          "cpr", "iq", "ipo", "ekg", "ecg", "wmd", "emt"}
_RELIGIONS = {"islam", "christianity", "judaism", "hinduism", "buddhism", "catholicism", "protestantism", "sikhism"}
# Services that carry what people post ("on Twitter", "a Facebook page"): a medium, not an actor.
_PLATFORMS = {"twitter", "facebook", "instagram", "youtube", "tiktok", "snapchat", "reddit", "whatsapp",
              "linkedin", "weibo", "wechat", "flickr", "tumblr", "pinterest"}
# Common nouns that say the name after them is an organisation's ("the French broadcaster TF1").
_ORG_NOUNS = {
    "broadcaster", "network", "channel", "newspaper", "paper", "daily", "magazine", "website", "site", "journal",
    "agency", "company", "firm", "airline", "carrier", "group", "organization", "organisation", "party", "band",
    "team", "club", "bank", "retailer", "bookstore", "manufacturer", "maker", "startup", "charity", "studio",
    "label", "publisher", "station", "outlet", "tabloid", "insurer", "operator", "chain", "brand",
}
# A credit line or promotion of the publisher: its names are not the story's actors.
_CREDIT = re.compile(r"(?i)contributed (?:to )?(?:this )?report|contributed reporting|\bcontributed\W*$|\bread more\b|"
                     r"^see more\s*:|"
                     r"^watch\b|click here|^follow\b.*\bon twitter|^email your|^for the latest from|"
                     r"^(?:[A-Z][\w.'’-]*\s+){1,4}(?:reported|wrote)(?:\s+and\s+(?:reported|wrote))?\s+from\b")
# The publisher promoting its own programme: the names in it are the publisher's products.
_PROMO = re.compile(r"(?i)\bthank you for (?:using|watching|reading|joining|listening to)\b")
# An opinion piece's disclaimer: the sentences before it (at the top) or the one before it are the author's bio.
_DISCLAIMER = re.compile(r"(?i)\b(?:views|opinions) expressed in this (?:commentary|article|column|piece|essay|post)"
                         r" are\b")
_DATELINE_SOURCE = re.compile(r"^\s*(?:[A-Z][\w .,'-]{0,60}?)?\(([A-Z][\w.&]*(?: [A-Z][\w.&]*){0,3})\)")
_HYPHENS = {"-", "‐", "‑"}
_NAME_CHARS = re.compile(r"[\w .'’&‐-]+")
_NICKNAME = re.compile(r' ["“][\w.]+(?: [\w.]+)?["”] ')  # Chesley "Sully" Sullenberger
_CUT = {",", ";", ":", "—", "–", "(", ")", "\"", "“", "”"}
_MAX_ROLE_TOKENS = 30
_VAGUE = re.compile(r"(?i)(?:the|a|an|this|that|its|his|her|their)\s+\w+")


@dataclass(frozen=True)
class _Mention:
    span: Span
    kind: str
    sentence: int  # index of the Document sentence

    @property
    def text(self) -> str:
        return self.span.text


@dataclass
class _Cluster:
    kind: str
    mentions: list[_Mention] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(m.sentence for m in self.mentions)

    def forms(self) -> list[str]:
        """Surface forms in order of first appearance."""
        seen: dict[str, None] = {}
        for mention in sorted(self.mentions, key=lambda m: m.span.start):
            seen.setdefault(mention.text)
        return list(seen)

    @property
    def name(self) -> str:
        """The canonical name: the longest form (most words, then characters), first seen on ties, without a
        quoted nickname (Dwayne "The Rock" Johnson is "Dwayne Johnson")."""
        return _NICKNAME.sub(" ", max(self.forms(), key=lambda f: (len(f.split()), len(f))))


def _key(text: str) -> str:
    """A comparison key: case, apostrophe style and name particles ignored."""
    words = text.replace("’", "'").replace("‘", "'").lower().split()
    return " ".join(_NAME_PARTICLE.sub("", w) for w in words)


def _acronym(text: str) -> str | None:
    """The letters of an acronym ("U.S." -> "US"), or None if `text` is not one."""
    letters = text.replace(".", "")
    return letters if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper() else None


def _initials(text: str) -> set[str]:
    """Acronyms a multi-word name may go by: initials with and without its small words."""
    words = re.findall(r"[^\W\d_][\w'’]*", text)
    if len(words) < 2:
        return set()
    all_words = "".join(w[0] for w in words).upper()
    capitals = "".join(w[0] for w in words if w[0].isupper()).upper()
    return {all_words, capitals} - {""}


# ---------------------------------------------------------------- entity spans


def _trim(span: Span, label: str) -> Span | None:
    """Drop determiners, titles (of people), possessives, punctuation and a "(...)" from an entity."""
    start, end = span.start, span.end
    doc = span.doc
    end = next((t.i for t in span if t.text == "("), end)
    while start < end and (doc[start].is_punct or (doc[start].tag_ in ("DT", "PRP$") and not _name_word(doc[start]))):
        start += 1
    while start < end and doc[start].pos_ in ("ADP", "SCONJ", "ADV", "CCONJ") and doc[start].tag_ != "NNP":
        start += 1  # "Besides Obama"
    for i in range(start + 1, min(end, start + 5)):  # "New York-based Committee to Protect Journalists"
        if doc[i].is_lower and doc[i - 1].text in _HYPHENS and i + 1 < end:
            start = i + 1
    if label == "PERSON":
        if end - start > 1 and doc[start].is_sent_start and doc[start].tag_ in ("VBG", "VBN", "VBD", "IN"):
            start += 1  # "Following Netanyahu's interview": a verb opening the sentence, not a forename
        while end - start > 1 and doc[start].lower_.rstrip(".") in _TITLES:
            start += 1
        if end - start > 2 and doc[start].lower_ in _PERSON_NOUNS:
            start += 1  # "Singer Zoe Hart" at the start of a sentence
        inner = [i for i in range(start + 1, end - 1) if doc[i].lower_.rstrip(".") in _JOB_TITLES
                 and doc[i].text[:1].isupper() and doc[i + 1].text[:1].isupper()]
        if inner:  # "Google CFO Patrick Pichette"
            start = inner[-1] + 1
        while end - start > 2 and _post_nominal(doc[end - 1]):
            end -= 1  # "Ian Rank-Broadley FRBS": letters after the name, not part of it
    while label == "ORG" and end - start > 1 and doc[end - 1].is_upper and doc[end - 1].lower_ in _JOB_TITLES:
        end -= 1  # "Microsoft CFO" (Daniel Ferreira): the title is not part of the name
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_lower or doc[end - 1].text in _CUT
                           or doc[end - 1].like_num or doc[end - 1].lower_ in _CALENDAR - _months(label)
                           or (doc[end - 1].is_punct and doc[end - 1].text not in (".", "!"))):
        end -= 1  # also a common noun ("Lashkar Gah city"), a score ("Levante 2-0"), a day ("Burnley Saturday")
    if start >= end:
        return None
    return Span(doc, start, end, label=label)


def _months(label: str) -> set[str]:
    """Month names that may end a person's name ("James May", "Kelly April"): not trimmed from one."""
    return {"may", "june", "april", "august"} if label == "PERSON" else set()


_ARTICLES = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
             "another", "each", "every", "some", "any", "no", "both", "either", "neither"}
_ROMAN = re.compile(r"^[IVX]+$")


def _name_word(token: Token) -> bool:
    """A capitalised determiner inside a name, not opening a sentence: "All" of "All Progressives Congress"."""
    return token.text[:1].isupper() and token.lower_ not in _ARTICLES and not token.is_sent_start


def _post_nominal(token: Token) -> bool:
    """Capital letters after a person's name for an honour or a fellowship ("FRBS", "OBE"), not "III"."""
    return token.is_alpha and token.is_upper and 2 <= len(token) <= 5 and not _ROMAN.match(token.text)


def _name_run(doc: Doc, i: int) -> int:
    """End of the run of capitalised name words starting at token `i` ("Committee to Protect Journalists")."""
    j = i
    while j < len(doc) and (j == i or not doc[j].is_sent_start) and (
        (doc[j].tag_ in ("NNP", "NNPS") and doc[j].text[:1].isupper())
        or (j > i and doc[j].lower_ in _NAME_LINKS and j + 1 < len(doc)
            and (doc[j].lower_ != "to" or doc[j - 1].lower_ in _ORG_HEADS)  # not "Iran to Congress"
            and doc[j + 1].text[:1].isupper() and not doc[j + 1].is_sent_start)
        or (j > i and doc[j].tag_ == "JJ" and doc[j].text[:1].isupper() and j + 1 < len(doc)
            and doc[j + 1].tag_ in ("NNP", "NNPS"))  # "the Australian Information Commissioner"
        or (j > i and doc[j - 1].lower_ == "to" and doc[j].text[:1].isupper() and doc[j].is_alpha)
    ):
        j += 1
    while j > i and doc[j - 1].lower_ in _NAME_LINKS:
        j -= 1
    return j


def _missed_organizations(doc: Doc) -> list[Span]:
    """Capitalised names NER did not tag as one whole: ending in an organisation word ("Security Media Cell"),
    opening with one ("Office of the Australian Information Commissioner"), or after a noun that says what
    they are ("the French broadcaster TF1")."""
    found = []
    i = 0
    while i < len(doc):
        end = _name_run(doc, i)
        j = end
        while j > i + 1 and doc[j - 1].lower_ not in _ORG_HEADS:
            j -= 1
        if j < end and doc[j].lower_ in ("of", "for", "on", "to"):
            j = end  # "Port Authority of New York and New Jersey"
        linked = any(t.lower_ in _NAME_LINKS for t in doc[i:end])
        before = doc[i - 1] if i > 0 else None
        said_to_be = before is not None and before.pos_ == "NOUN" and before.lemma_.lower() in _ORG_NOUNS
        if j - i >= 2 and doc[j - 1].lower_ in _ORG_HEADS:
            found.append(Span(doc, i, j, label="ORG"))
            i = j
        elif end - i >= 3 and doc[i].lower_ in _ORG_HEADS and linked:
            found.append(Span(doc, i, end, label="ORG"))
            i = end
        elif end == i + 1 and _call_sign(doc[i]) and doc[i].dep_ == "pobj" and doc[i].head.lower_ in _AFFILIATION \
                and doc[i].head.head.ent_type_ == "PERSON":
            found.append(Span(doc, i, end, label="ORG"))  # "Aaron Rupar of KMSP"
            i = end
        elif end > i and said_to_be and not any(t.ent_type_ == "PERSON" for t in doc[i:end]):
            found.append(Span(doc, i, end, label="ORG", kb_id="described"))  # replaces what NER said
            i = end
        else:
            i += 1
    return found


def _first_word(ent: Span) -> int:
    """Index of an entity's first token after a leading "the"."""
    return ent.start + 1 if ent[0].tag_ == "DT" and len(ent) > 1 else ent.start


def _split_possessive(ent: Span) -> list[Span]:
    """"ASU's Institute of Human Origins": two names (not "People's Freedom")."""
    cut = next((t.i for t in ent[1:-1] if t.tag_ == "POS"), None)
    if cut is not None and ent.doc[cut - 1].lower_ in _COLLECTIVES:
        return [ent]  # "People's Liberation Army", "Children's Hospital": one name
    if cut is None or ent.label_ != "ORG" or not any(t.lower_ in _ORG_HEADS for t in ent.doc[cut + 1:ent.end]):
        return [ent]
    if ent.end - cut <= 2:  # "Waltham Forest Magistrates' Court": a lone "Court" is no name of its own
        return [ent]
    return [Span(ent.doc, ent.start, cut, label="ORG"), Span(ent.doc, cut + 1, ent.end, label="ORG")]


def _join_places(doc: Doc, ents: list[Span]) -> list[Span]:
    """"the Port Authority of New York" + "and" + "New Jersey": an organisation named for two places is one name."""
    out: list[Span] = []
    skip = None
    for k, ent in enumerate(ents):
        if ent is skip:
            continue
        nxt = ents[k + 1] if k + 1 < len(ents) else None
        if ent.label_ == "ORG" and nxt is not None and nxt.label_ in ("GPE", "LOC") and nxt.start == ent.end + 1 \
                and doc[ent.end].lower_ == "and" and any(t.lower_ == "of" for t in ent[1:-1]) \
                and not (nxt.end < len(doc) and doc[nxt.end].text[:1].isupper()):
            out.append(Span(doc, ent.start, nxt.end, label="ORG"))
            skip = nxt
        else:
            out.append(ent)
    return out


def _with_forename(ent: Span) -> Span:
    """A person's name with a capitalised word NER left out before it ("Biplob" Kumar Sarkar)."""
    doc, start = ent.doc, ent.start
    while ent.label_ == "PERSON" and start > 0 and not doc[start].is_sent_start:
        word = doc[start - 1]
        if word.tag_ != "NNP" or not word.text[:1].isupper() or word.ent_type_ or not word.is_alpha \
                or word.lower_.rstrip(".") in _TITLES | _CALENDAR:
            break
        start -= 1
    return ent if start == ent.start else Span(doc, start, ent.end, label="PERSON")


def _with_nickname(ent: Span) -> Span:
    """A person's name with a quoted nickname and the surname after it: Chesley "Sully" Sullenberger."""
    doc, i = ent.doc, ent.end
    if ent.label_ != "PERSON" or i + 3 >= len(doc) or doc[i].text not in ('"', "“"):
        return ent
    j = i + 1
    while j < min(i + 3, len(doc)) and doc[j].text[:1].isupper() and doc[j].is_alpha:
        j += 1
    if j == i + 1 or j >= len(doc) - 1 or doc[j].text not in ('"', "”"):
        return ent
    k = j + 1
    while k < len(doc) and doc[k].tag_ == "NNP" and doc[k].text[:1].isupper() and not doc[k].is_sent_start:
        k += 1
    return Span(doc, ent.start, max(k, ent.end), label="PERSON") if k > j + 1 else ent


def _entity_spans(doc: Doc) -> list[Span]:
    """NER entities, repaired: joined where split, organisations it missed added, edges trimmed."""
    merged: list[Span] = []
    for ent in doc.ents:  # "Kataeb"/NORP + "Hezbollah"/ORG: one name (a nationality adjective is not NNP)
        prev = merged[-1] if merged else None
        if (
            prev is not None and prev.label_ == "NORP" and ent.label_ == "ORG" and prev.end == ent.start
            and all(t.tag_ in ("NNP", "NNPS") for t in prev)
        ):
            merged[-1] = Span(doc, prev.start, ent.end, label="ORG")
        else:
            merged.append(ent)
    for org in _missed_organizations(doc):
        overlapping = [e for e in merged if e.start < org.end and org.start < e.end]
        inside = all(org.start <= _first_word(e) and e.end <= org.end for e in overlapping)
        if inside and not any(e.label_ == "PERSON" for e in overlapping) and (
            not overlapping or len(org) > max(e.end - _first_word(e) for e in overlapping) or org.kb_id_ == "described"
            or all(e.label_ not in _KIND for e in overlapping)
        ):
            merged = [e for e in merged if e not in overlapping] + [org]
    merged = _join_places(doc, merged)
    merged = [part for ent in merged for part in _split_possessive(ent)]
    merged = [_with_forename(_with_nickname(ent)) for ent in merged]
    spans = []
    for ent in sorted(merged, key=lambda e: e.start):
        if ent.label_ in _KIND:
            trimmed = _trim(ent, ent.label_)
            if trimmed is not None and _is_name(trimmed):
                spans.append(trimmed)
    return spans


def _is_name(span: Span) -> bool:
    """Whether a span can name an actor or place: capitalised words, no pronoun, number or date word."""
    text = span.text
    if len(span) > 1 and span[0].lower_ in ("al", "el") and span[1].text[:1].isupper():
        text = text[:1].upper() + text[1:]  # "al Qaeda"
    if not text[:1].isupper() or len(text) < 2 or not _NAME_CHARS.fullmatch(_NICKNAME.sub(" ", text)):
        return False
    inner = [i for i, t in enumerate(span) if t.is_lower and t.is_alpha and t.lower_ not in _NAME_LINKS]
    if any(span[i - 1].text not in _HYPHENS and span[i + 1].text not in _HYPHENS for i in inner):
        return False  # a common word, unless in "Zaki-ur-Rehman" (never at the ends: trimmed, capitalised)
    if all(t.lower_.rstrip(".") in _CALENDAR for t in span):
        return False
    if len(span) == 1 and span[0].lower_.rstrip(".") in _TITLES:
        return False  # "as CFO": a title, not a name
    return not any(t.pos_ == "PRON" for t in span)


def _acronym_aliases(doc: Doc, spans: list[Span]) -> dict[str, str]:
    """Acronyms the article defines: "Popular Mobilization Forces (PMF)" maps "pmf" to the name's key."""
    aliases = {}
    for span in spans:
        after = doc[span.end:span.end + 3]
        if len(after) == 3 and after[0].text == "(" and after[2].text == ")" and _acronym(after[1].text):
            aliases[_key(after[1].text)] = _key(span.text)
    return aliases


def _in_person_title(span: Span, people: list[Span]) -> bool:
    """Whether a name belongs to a person's title: "Defense" Secretary Mark Esper, Secretary of "State",
    "Disney" star Zendaya Coleman."""
    doc = span.doc
    if any(0 < p.start - span.end <= 4 and _title_start(p) <= span.start for p in people):
        return True
    person = next((p for p in people if 0 <= p.start - span.end <= 2), None)
    if person is None:
        return False
    between = doc[span.end:person.start]
    titled = bool(between) or (span.start > 1 and doc[span.start - 1].lower_ == "of")
    return titled and all(t.text[:1].isupper() and not t.ent_type_ for t in between)


def _titled_person(span: Span) -> bool:
    """Whether a name tagged as something else is a person's: "striker Papiss Cisse", "Fatiya, who"."""
    doc = span.doc
    if span.start == 0 or len(span) > 3 or not all(t.tag_ in ("NNP", "NNPS") for t in span):
        return False
    who = any(c.dep_ == "relcl" and c.left_edge.lower_ == "who" for c in span.root.rights)
    if who and span.label_ == "ORG" and span.root.dep_ != "pobj":  # not "a seller for the Yankees, who"
        return True
    before = doc[span.start - 1]
    title = before.lower_.rstrip(".") in _TITLES | _PERSON_NOUNS
    return title and span.start <= before.head.i < span.end


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
    return token.text[:1].isupper() or token.lower_ in _NAME_LINKS or token.tag_ == "POS" or token.text in _HYPHENS


def _quote_mark(token: Token) -> bool:
    return token.text in _QUOTE_MARKS or token.tag_ in ("``", "''")


def _in_quoted_title(span: Span) -> bool:
    """Whether a name is (part of) a capitalised title in quotation marks (see `_quoted_title`)."""
    return _quoted_title(span) is not None


_PLAYED = {"play", "portray", "perform", "voice"}
_DEITIES = {"god", "allah", "jesus", "jesus christ", "christ", "buddha", "yahweh", "jehovah", "krishna", "vishnu",
            "shiva", "zeus"}


def _unreal(span: Span) -> bool:
    """Whether a person's name is a fictional character's or a religious figure's ("Fabiana, played by Rosie
    Perez", "the character of Fabiana", "Miranda as the titular Hamilton", "Prophet Mohammed", "Allah"), or only in
    a figure of speech or the explanation of one ("the George Carlin of Bangladesh", "a reference to Goebbels")."""
    doc = span.doc
    key = _key(span.text)
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
    return span.end + 1 < len(doc) and doc[span.end].text in _HYPHENS \
        and doc[span.end + 1].lower_ in ("style", "like", "esque", "type")


_CAST = {"star", "co-star", "play", "portray", "voice"}


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
        if t.lower_ == "as" or t.text in _HYPHENS or t.lower_ == "co":
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
    if span.end >= len(doc) or _acronym(span.text):
        return False
    after = doc[span.end]
    return after.tag_ in ("NN", "NNS") and span.root.head == after and span.root.dep_ in ("compound", "nmod", "amod")


def _located(span: Span) -> bool:
    """Whether a name is the object of "in", "at", ... ("killed in Mali", "at Indian Wells"): a place."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE and span[-1].lower_ not in _ORG_HEADS


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


def _title_modifier(span: Span) -> bool:
    """Whether an organisation's name only says whose a capitalised title is: "The Madison Police Chief said" (not
    "an ISIS spokesman", a member speaking for it)."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    after = doc[span.end]
    return after.lower_.rstrip(".") in _JOB_TITLES | {"chief"} and after.text[:1].isupper() \
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
    owner, key = _key(source), _key(span.text)
    return key == owner or key.startswith(owner + " ") or (
        len(before) == 2 and before[-1].tag_ == "POS" and _key(before[0].text) == owner)


def publisher(text: str) -> str | None:
    """The outlet a dateline names ("Jerusalem (CNN) --" -> "CNN"), if the text opens with one."""
    match = _DATELINE_SOURCE.match(text[:160])
    return match.group(1) if match else None


def _medium(span: Span, kind: str, source: str | None) -> bool:
    """Whether a name only carries the story: the publisher, its staff and affiliates, a platform ("on Twitter",
    "a Facebook page"), an outlet someone "told" or gave "an interview with"."""
    doc, root = span.doc, span.root
    key = _key(span.text)
    before = [t for t in doc[max(span.start - 3, 0):span.start]]
    if key in _PLATFORMS or (kind != PERSON and key.split()[-1] in _PLATFORMS):
        return True  # "on Twitter", "the Roudebush VA Facebook page"
    if source is not None:
        owner = _key(source)
        if kind != PERSON and (key == owner or key.startswith(owner + " ")):
            return True
        if len(before) >= 2 and before[-1].tag_ == "POS" and _key(before[-2].text) == owner:
            return True  # "CNN's Christiane Amanpour"
        start = _title_start(span) if kind == PERSON else span.start
        if start + 1 < span.start and _key(doc[start].text) == owner and doc[start + 1].tag_ == "POS":
            return True  # "CNN's aviation correspondent Richard Quest"
        if kind != PERSON and before and _key(before[-1].text) == owner:
            return True  # "CNN Digital", "CNN Films"
        if kind == PERSON and _works_for(span, owner):
            return True  # "Journalist Laura Powell started covering the travel industry for CNN"
    if before and before[-1].lower_ == "affiliate":
        return True  # "CNN affiliate KGO"
    if kind == PERSON:
        return False
    if root.dep_ in ("compound", "nmod") and root.head.lemma_ == "interview":
        return True  # "in an Uptown Magazine interview"
    while root.dep_ in ("appos", "compound") and root.head.i > root.i - 4 and root.head.pos_ in ("NOUN", "PROPN"):
        root = root.head  # "told French newspaper Liberation", "an interview with Newsweek magazine"
    if root.dep_ in ("dobj", "dative") and root.head.lemma_ == "tell":
        heads = {span[-1].lower_, span.root.lower_}  # not "told the Humanist and Ethical Union", "the Union of X"
        return not heads & (_ORG_HEADS - _MEDIA_HEADS)
    if root.dep_ == "pobj" and root.head.lower_ == "in" and root.head.head.lemma_ in _PIECES:
        return True  # "the story in Uptown Magazine", "an op-ed in the Daily Courier"
    return root.dep_ == "pobj" and root.head.lower_ == "with" and root.head.head.lemma_ == "interview"


# Pieces a medium carries: "a story in X" says X printed it, not that X took part.
_PIECES = {"story", "interview", "article", "piece", "op-ed", "column", "editorial", "essay", "profile"}


def _works_for(span: Span, owner: str) -> bool:
    """Whether a person is the subject of a clause that says they work "for" the publisher."""
    root = span.root
    if root.dep_ != "nsubj":
        return False
    clause = [t for t in root.head.subtree if t.i not in {s.i for s in root.subtree}]
    return any(t.lower_ == "for" and any(_key(c.text) == owner and c.dep_ == "pobj" for c in t.children)
               for t in clause)


_SCORE = re.compile(r"\b\d{1,2}-\d{1,2}\b")
_PLACE_NOUNS = {"town", "city", "village", "province", "region", "state", "county", "district", "country",
                "capital", "island", "municipality", "suburb", "neighborhood", "neighbourhood", "area", "commune",
                "direction", "outskirts", "suburbs", "streets"}
# Common nouns for works: a name right after one ("the show X", "the BBC documentary X") is a title.
_WORKS = {"show", "film", "movie", "book", "novel", "album", "song", "documentary", "programme", "musical", "opera",
          "episode", "poem", "painting", "sculpture", "memoir", "biography", "sitcom", "drama", "play", "series"}
_CODE = re.compile(r"^[A-Z]{1,3}-?\d{2,4}[A-Z]?$")  # "MH370", "G20", "A380": a flight, a forum, a model
_MODEL = re.compile(r"^[A-Z]{0,2}-?\d{2,4}[A-Za-z]{0,2}$")  # "Boeing 777", "Airbus A380"
_STOP = {",", ".", ";", ":", ")", "?", "!", "'", '"', "”", "’", "--", "—", "–"}


def _team(span: Span, scored: bool = True) -> bool:
    """A place name that is a sports team here: an agent or opponent in a sentence with a score ("3-0"); without
    `scored`, in any sentence (of an article with a match report)."""
    sent = span.sent
    if scored and not _SCORE.search(sent.text):
        return False
    root = span.root
    return root.dep_ in ("nsubj", "dobj", "poss", "conj") or (
        root.dep_ == "pobj" and root.head.lower_ in ("to", "over", "against", "of", "from", "with", "than", "past"))


def _place_context(span: Span) -> bool:
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
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _PLACE_NOUNS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in ("through", "across", "around", "near") and \
            all(t.is_alpha or t.text in _HYPHENS for t in span):
        return True
    partners = [root.head] if root.dep_ == "conj" else []
    partners += [c for c in root.children if c.dep_ == "conj"]
    partners = [p for p in partners if not span.start <= p.i < span.end]  # "... of New York and New Jersey"
    return bool(partners) and all(p.ent_type_ in ("GPE", "LOC") for p in partners)


def _mentions(parsed: Parsed, source: str | None = None) -> tuple[list[_Mention], dict[str, str]]:
    """Mentions of people, organisations and places (a name's kind settled by vote), and acronym aliases.
    Names in credit lines, names that only carry the story (see `_medium`), the publisher's own products, events,
    documents, works, codes and technical terms are left out."""
    credits = {i for i, sentence in enumerate(parsed.sentences) if _CREDIT.search(sentence.text.strip())}
    credits |= {i - 1 for i in credits  # "Journalist X in Dili and CNN's Y from Atlanta." before "... contributed."
                if i > 0 and not any(t.pos_ in ("VERB", "AUX") for t in parsed.sentences[i - 1])}
    promo = {i for i, sentence in enumerate(parsed.sentences) if _PROMO.search(sentence.text)}
    for d in (i for i, sentence in enumerate(parsed.sentences) if _DISCLAIMER.search(sentence.text)):
        credits |= set(range(0, d + 1)) if d <= 5 else {d - 1, d}  # the author's bio goes with the disclaimer
    every = _entity_spans(parsed.doc)
    spans = [s for s in every if parsed.sentence_of(s.start_char) not in credits | promo]
    people = [s for s in spans if s.label_ == "PERSON"]
    sporty = any(_KIND[s.label_] == PLACE and _team(s) for s in spans)  # a match report: its clubs are actors
    votes: dict[str, Counter[str]] = {}
    located = set()
    for span in spans:
        kind = _KIND[span.label_]
        if kind != PERSON and _titled_person(span):
            kind, weight = PERSON, 3
        elif (kind == PLACE and _team(span)) or (sporty and span.label_ == "GPE" and _team(span, scored=False)):
            kind, weight = ORGANIZATION, 2  # "Arsenal beat Swansea 3-2"; "defeats to Barcelona" in a match report
        elif _place_context(span):
            kind, weight = PLACE, 3
        elif kind == PERSON and _located(span):
            kind, weight = PLACE, 1
        elif kind == PERSON and span.end < len(span.doc) and span.doc[span.end].is_lower \
                and span.doc[span.end].tag_ in ("NN", "NNS"):
            weight = 0  # "a Madison residence", "Madison police": a modifier says nothing of its kind
        else:
            weight = 1
        if _located(span):
            located.add(_key(span.text))
        votes.setdefault(_key(span.text), Counter())[kind] += weight
    for key in located:  # "at Indian Wells" (ORG) and "Indian Wells" (LOC) elsewhere: a place
        if votes[key][PLACE]:
            votes[key][PLACE] += 1
    nationalities = {_key(e.text) for e in parsed.doc.ents if e.label_ == "NORP"}

    def kind_of(span: Span) -> str:
        return _kind_of_key(votes[_key(span.text)])

    places = {key for key in votes if _kind_of_key(votes[key]) == PLACE}
    own = {_key(s.text) for s in every if _KIND.get(s.label_) != PERSON and _publisher_product(
        s, source, parsed.sentence_of(s.start_char) in promo)}
    own |= {k.split("-")[0] for k in own if len(k.split()) == 1}  # "WKOW-TV" and "WKOW"
    acting = {_key(s.text) for s in spans if s.root.dep_ in ("nsubj", "poss")
              or (s.root.dep_ == "pobj" and s.root.head.lower_ == "by")}
    media = {_key(s.text) for s in spans if _medium(s, kind_of(s), source)} - acting  # "interview with NRG"
    mentions = []
    for span in spans:
        kind = kind_of(span)
        key = _key(span.text)
        last = span[-1].lower_
        if kind != PERSON and last in _FACILITIES:
            kind = PLACE
        if "-" in key and all(part in places for part in key.split("-")):
            kind = PLACE  # "the Niger-Nigeria border"
        if _medium(span, kind, source) or key in _RELIGIONS or (kind == ORGANIZATION and last in _EVENTS):
            continue
        if kind == ORGANIZATION and key in media:
            continue
        if kind != PERSON and (key in own or key.split("-")[0] in own or any(key.startswith(o + " ") for o in own)):
            continue  # "CNN Student News Roll Call", "told Open Court" (CNN's): the publisher's products
        if kind == ORGANIZATION and (last in _DOCUMENTS or key in _TERMS or _product(span)
                                     or (last == "league" and key not in acting)):
            continue  # "Common Core State Standards", "a CT scan", "a Boeing 777", "the Premier League"
        if _styled(span):
            continue  # "transformed, Hulk-style"
        if _CODE.match(span.text) or (span.start > 0 and span.doc[span.start - 1].text == "#"):
            continue  # "MH370", "G20"; a hashtag
        if kind == PERSON and any(t.like_num or any(c.isdigit() for c in t.text) for t in span):
            continue  # "MD-88"
        if kind == PERSON and (
            key in nationalities or span.root.tag_ == "NNPS" or _acronym(span.text)
        ):
            continue
        if kind == ORGANIZATION and (_in_person_title(span, people) or _title_modifier(span)):
            continue
        if _in_quoted_title(span) or (kind != PLACE and _work_title(span)):
            continue  # '"Seinfeld" episodes', 'told CNN's "Erin Burnett OutFront."', "the film X": a work's title
        if kind in (PLACE, PERSON) and _is_modifier(span):
            continue  # "Katyusha rockets", "the Dos Equis beer pitchman"
        if kind == PERSON and _the_modifier(span):
            continue  # "after the Michael Brown shooting"
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in span.root.children):
            continue  # "a 2-year old Rottweiler", "a CNS": a common noun, names take no indefinite article
        mentions.append(_Mention(span, kind, parsed.sentence_of(span.start_char)))
    return mentions, _acronym_aliases(parsed.doc, spans)


def _kind_of_key(votes: Counter[str]) -> str:
    """The kind a name's votes settle on (a person on a tie)."""
    return max(votes.most_common(), key=lambda kv: (kv[1], kv[0] == PERSON))[0]


def _the_modifier(span: Span) -> bool:
    """Whether a person's name sits between "the" and a common noun: "the Michael Brown shooting"."""
    doc = span.doc
    if span.start == 0 or span.end >= len(doc) or doc[span.start - 1].lower_ != "the":
        return False
    after = doc[span.end]
    return after.is_lower and after.is_alpha and after.tag_ in ("NN", "NNS", "VBG")


# ---------------------------------------------------------------- merging


def _name_match(short: str, full: str) -> bool:
    """Whether `short` can refer to the person named `full`: same name, surname(s) or first name."""
    s, f = _person_words(short), _person_words(full)
    if len(s) == len(f) >= 2 and s[1:] == f[1:] and _first_name(s[0]) == _first_name(f[0]):
        return True  # "Mike Brown" is "Michael Brown"
    return s == f or (len(s) < len(f) and (f[-len(s):] == s or s == f[:1]))


def _person_words(name: str) -> list[str]:
    """The words of a person's name, without a generational suffix ("Verrilli Jr." -> "verrilli")."""
    words = _key(name).split()
    while len(words) > 1 and words[-1].rstrip(".,") in _SUFFIXES:
        words = words[:-1]
    return words


def _first_name(word: str) -> str:
    return _NICKNAMES.get(word, word)


def _distance(cluster: _Cluster, start: int) -> tuple[int, int]:
    """How far back the cluster was last mentioned before token `start` (then: more mentions first)."""
    before = [start - m.span.start for m in cluster.mentions if m.span.start <= start]
    return (min(before) if before else 1 << 30, -len(cluster.mentions))


def _cluster_people(mentions: list[_Mention]) -> list[_Cluster]:
    """Group person mentions: a shorter name joins the closest earlier-mentioned full name it matches."""
    clusters: list[_Cluster] = []
    by_length = sorted(mentions, key=lambda m: (-len(m.text.split()), m.span.start))
    for mention in by_length:
        candidates = [c for c in clusters if any(_name_match(mention.text, m.text) for m in c.mentions)]
        if not candidates:
            clusters.append(_Cluster(PERSON, [mention]))
        else:
            start = mention.span.start
            min(candidates, key=lambda c, start=start: _distance(c, start)).mentions.append(mention)
    return clusters


def _cluster_names(mentions: list[_Mention], aliases: dict[str, str], parts: bool = False) -> list[_Cluster]:
    """Group organisation (or place) mentions by name, and an acronym with its full name; with `parts`, also a
    short name with the one longer name it is part of."""
    clusters: dict[str, _Cluster] = {}
    for mention in mentions:
        clusters.setdefault(_key(mention.text), _Cluster(mention.kind)).mentions.append(mention)
    for key, cluster in list(clusters.items()):
        letters = _acronym(cluster.mentions[0].text)
        if letters is None:
            continue
        full = [c for k, c in clusters.items() if k != key and letters in _initials(c.name)]
        if aliases.get(key) in clusters:
            full = [clusters[aliases[key]]]
        if len(full) == 1 and full[0] is not cluster:
            full[0].mentions.extend(clusters.pop(key).mentions)
    for key in list(clusters):  # "U.N. Security Council" is the "United Nations Security Council"
        words = key.split()
        letters = _acronym(clusters[key].mentions[0].text.split()[0]) if len(words) > 1 else None
        if letters is None:
            continue
        n = len(letters)
        full = [c for k, c in clusters.items() if k.split()[n:] == words[1:] and len(k.split()) == len(words) + n - 1
                and "".join(w[0] for w in k.split()[:n]).upper() == letters]
        if len(full) == 1:
            full[0].mentions.extend(clusters.pop(key).mentions)
    for key in list(clusters) if parts else ():  # "Department of Justice" is the "(U.S.) Justice Department"
        match = re.fullmatch(r"(\S+) of (?:the )?(\S+(?: \S+)?)", key)
        if match is None or match.group(1) not in _ORG_HEADS:
            continue
        inverted = f"{match.group(2)} {match.group(1)}"
        full = [clusters[inverted]] if inverted in clusters else \
            [c for k, c in clusters.items() if k.endswith(" " + inverted)]
        if len(full) == 1:
            full[0].mentions.extend(clusters.pop(key).mentions)
    for key in sorted(clusters, key=lambda k: len(k.split())) if parts else ():
        words = key.split()
        generic = all(w in _ORG_HEADS | _NAME_LINKS for w in words)
        if len(words) == 1 and _acronym(clusters[key].mentions[0].text):
            continue
        if len(words) > 2 or (generic and not _national(key, clusters)):
            continue
        # "Spirit" is "Spirit Airlines", "Port Authority" the "Port Authority of New York and New Jersey"
        longer = [c for k, c in clusters.items() if len(k.split()) > len(words) and _contains(k.split(), words)]
        if len(longer) == 1:
            longer[0].mentions.extend(clusters.pop(key).mentions)
    return list(clusters.values())


def _products(doc: Doc) -> set[str]:
    """Keys of brand + noun names that the article also writes with the noun in lower case ("the Apple watch",
    "The Apple Watch"): a product, not an organisation."""
    found = set()
    for t in doc[1:]:
        before = doc[t.i - 1]
        if t.is_lower and t.pos_ == "NOUN" and before.tag_ == "NNP" and before.ent_type_ == "ORG" \
                and t.lower_ not in _ORG_HEADS and not before.is_sent_start:
            found.add(_key(f"{before.text} {t.text}"))
    return found


def _national(key: str, clusters: dict[str, _Cluster]) -> bool:
    """Whether a generic name ("Congress", "Parliament") has exactly one longer form that is a country's acronym
    plus that name ("U.S. Congress"): then it is short for it."""
    longer = [c for k, c in clusters.items() if k.endswith(" " + key) and len(k.split()) == len(key.split()) + 1]
    return len(longer) == 1 and _acronym(longer[0].name.split()[0]) is not None


def _contains(words: list[str], part: list[str]) -> bool:
    return any(words[i:i + len(part)] == part for i in range(len(words) - len(part) + 1))


def _absorb(people: list[_Cluster], others: list[_Mention]) -> list[_Mention]:
    """Move organisation/place mentions that are a known person's name into that person; the rest stay."""
    rest = []
    for mention in others:
        match = next((c for c in people if any(_name_match(mention.text, m.text) for m in c.mentions)), None)
        if match is not None and len(mention.span) <= 2:
            match.mentions.append(_Mention(mention.span, PERSON, mention.sentence))
        else:
            rest.append(mention)
    return rest


def _possessive(cluster: _Cluster) -> bool:
    """Whether a name is used in the possessive ("Obama's focus"): someone who has or does something."""
    doc = cluster.mentions[0].span.doc
    return any(m.span.end < len(doc) and doc[m.span.end].tag_ == "POS" for m in cluster.mentions)


def _drop_name_parts(people: list[_Cluster], others: list[_Cluster]) -> list[_Cluster]:
    """Drop one-word "people" that are a word of an organisation or place name ("United")."""
    words = {w for c in others for form in c.forms() if len(form.split()) > 1 for w in _key(form).split()}
    return [c for c in people if len(c.name.split()) > 1 or _key(c.name) not in words]


# ---------------------------------------------------------------- roles


def _text(doc: Doc, start: int, end: int) -> str | None:
    """Verbatim text of tokens [start, end), cut at the first clause punctuation (a quoted title stays whole:
    'editor of "Star Wars" books'); None if unfit."""
    while end + 1 < len(doc) and doc[end].text in _HYPHENS and not doc[end - 1].whitespace_ \
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
        if doc[i].text in _CUT:
            end = i
            break
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ in ("CC", "POS")):
        end -= 1
    if end <= start or end - start > _MAX_ROLE_TOKENS:
        return None
    return doc[start:end].text


def _is_description(token: Token) -> bool:
    """A common noun (or a capitalised title word outside any entity) that can describe someone."""
    return token.tag_ in ("NN", "NNS") or (token.tag_ in ("NNP", "NNPS") and not token.ent_type_)


def _apposition(span: Span) -> str | None:
    """"X, the head of Y" or "the head of Y, X": the description beside the name."""
    doc, root = span.doc, span.root
    sent = span.sent
    if span.start >= sent.start + 2 and doc[span.start - 1].text == ",":  # "A corruption-fighting lawyer, Navalny"
        before = doc[sent.start:span.start - 1]
        nouns = [t for t in before if t.pos_ == "NOUN"]
        if nouns and len(before) <= 8 and before[0].tag_ == "DT" and all(
                t.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "PUNCT", "ADV", "NUM") or t.tag_ == "VBG" for t in before):
            return _text(doc, sent.start, span.start - 1)
    if span.end < len(doc) and doc[span.end].text == ",":
        for child in root.rights:
            if any(c.dep_ == "conj" and c.i < child.i for c in root.rights):
                break  # "A, B and C -- another co-defendant": it describes the last of the list, or all of it
            if child.dep_ == "appos" and child.i > span.end and _is_description(child) and child.tag_ != "NNS":
                return _text(doc, child.left_edge.i, child.right_edge.i + 1)  # not "Dr. Jo Olson, the groups"
    if root.dep_ == "conj" and span.end + 1 < len(doc) and doc[span.end].text in ("--", "—", "–"):
        top = root
        while top.dep_ == "conj":
            top = top.head
        for child in top.rights:  # "Ortiz and Ernest Wallace -- another co-defendant --"
            if child.dep_ == "appos" and child.left_edge.i == span.end + 1 and child.tag_ == "NN":
                return _text(doc, child.left_edge.i, child.right_edge.i + 1)
    if root.dep_ == "appos" and root.head.i < span.start and root.head.tag_ == "NN" and doc[span.start - 1].text == ",":
        head = root.head  # "Johnson's mother, Melanie Griffith", however the parser hangs the sentence on "mother"
        left = min([c.left_edge.i for c in head.lefts if c.dep_ in _NP_LEFT] + [head.i])
        if not any(t.is_punct for t in doc[left:span.start - 1]):
            return _text(doc, left, span.start - 1)
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
        return _text(doc, head.left_edge.i, phrase_end + 1)
    return None


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
        while i + 1 < sent.end and doc[i].pos_ in ("NOUN", "PROPN") and doc[i + 1].pos_ in ("NOUN", "PROPN"):
            i += 1
        if i < sent.end and doc[i].tag_ == "NNS":  # the head of the description is plural
            return _text(doc, end + 1, sent.end)
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


def _title_start(span: Span) -> int:
    """Where the title before a person's name starts: the run of description words right before it
    ("Asian American actor and blogger", "Secretary of State", "Broussard's friend", "his wife")."""
    doc = span.doc
    start = span.start
    i = span.start - 1
    lower_bound = span.sent.start
    while i >= lower_bound:
        t = doc[i]
        if t.text == "." and i - 1 >= lower_bound and doc[i - 1].lower_ in _TITLE_ABBREVIATIONS \
                and not doc[i - 1].whitespace_ and start == span.start:  # "Army Sgt. Bowe Bergdahl"
            start, i = i, i - 1
            continue
        if t.text in _HYPHENS and i - 1 >= lower_bound:  # "co-host", "Editor-in-Chief"
            start, i = i - 1, i - 2
            continue
        if i - 1 >= lower_bound and doc[i - 1].text in _HYPHENS and t.is_alpha:  # "co-host" tagged a verb
            start, i = i, i - 1
            continue
        if t.lower_.rstrip(".") in _TITLES and t.text[:1].isupper():  # "Trooper" inside NER's name
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
        if t.lower_ == "of" and i - 1 >= lower_bound and doc[i - 1].lower_.rstrip(".") in _TITLES:
            start, i = i, i - 1  # "Secretary of State"
            continue
        if t.tag_ == "PRP$" and start < span.start:  # "his wife"
            start = i
        break
    return start


def _title(span: Span) -> str | None:
    """The title before a person's name: "President", "Defense Secretary", "Broussard's friend"."""
    doc = span.doc
    start = _title_start(span)
    while start < span.start and (doc[start].tag_ in ("POS", "CC") or doc[start].text in _HYPHENS):
        start += 1
    words = doc[start:span.start]
    hyphened = {t.i for t in words if t.i > 0 and doc[t.i - 1].text in _HYPHENS}
    if not words or any(t.pos_ == "VERB" and t.tag_ != "VBN" and t.i not in hyphened for t in words):
        return None
    last = words[-1]
    if last.tag_ == "POS" and words[0].pos_ == "PROPN":
        return words.text  # "Duke's Christian Laettner": the team or the show the person is known by
    if not any(_is_description(t) or t.lower_.rstrip(".") in _TITLES for t in words) or (
            last.ent_type_ == "PERSON" and last.lower_.rstrip(".") not in _TITLES):
        return None
    if len(words) == 1 and last.lower_.rstrip(".") in _HONORIFICS:
        return None
    if "year-old" in words.text or (len(words) == 1 and last.ent_type_ and last.lower_.rstrip(".") not in _TITLES):
        return None
    if not _attached(last, span.root):  # "from the moment Bergdahl went missing": a clause, not a title
        return None
    return words.text


def _attached(word: Token, root: Token) -> bool:
    """Whether a word before a name belongs to the name's noun phrase: the parser hangs it on the name, or the name
    on it ("actors Angelina Jolie"); not when the name heads a clause that describes the word ("the moment X left")."""
    if word in root.subtree or word.lower_.rstrip(".") in _TITLES or root.dep_ not in ("nsubj", "nsubjpass"):
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


def _relative_clause(span: Span) -> str | None:
    """"X, who/which ..." : the clause."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return None
    for child in span.root.rights:
        if child.dep_ == "relcl" and child.left_edge.lower_ in ("who", "which", "whose", "whom"):
            return _text(doc, child.left_edge.i, child.right_edge.i + 1)
    return None


def _affiliation(span: Span) -> str | None:
    """"Abbas Faiz of Amnesty International", "Benoit Zeisser from the Gendarmerie": where the person works."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in ("of", "from", "at", "with"):
        return None
    prep = doc[span.end]
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects or not any(t.ent_type_ == "ORG" or t.lemma_.lower() in _ORG_NOUNS | _ORG_HEADS or _call_sign(t)
                              for t in objects[0].subtree):
        return None
    return _text(doc, prep.i, objects[0].right_edge.i + 1)


def _call_sign(token: Token) -> bool:
    """An all-capital name NER left untagged ("KMSP", "UNICEF"): an organisation's acronym or call sign."""
    return token.is_alpha and token.is_upper and 3 <= len(token) <= 6 and not token.ent_type_ \
        and token.lower_ not in _TITLES


def _role(cluster: _Cluster) -> str | None:
    """The best role the article gives, by kind of evidence, then earliest mention."""
    finders = [_apposition, _named_as, _title, _list_title, _relative_clause, _affiliation, _as_phrase,
               _group_apposition]
    if cluster.kind == ORGANIZATION:
        finders = [_apposition, _named_as, _relative_clause]
    found = []
    for finder in finders:
        for mention in sorted(cluster.mentions, key=lambda m: m.span.start):
            role = finder(mention.span)
            if role and _key(role) != _key(mention.text):
                found.append(role)
    # "the group" says less than a later "Iran-backed militias"
    return next((r for r in found if not _VAGUE.fullmatch(r)), found[0] if found else None)


# ---------------------------------------------------------------- ranking


def _in_text(cluster: _Cluster, text: str) -> bool:
    """Whether one of the cluster's forms (a person by any of their names) occurs in `text`."""
    haystack = _key(text)
    words = {_key(form) for form in cluster.forms()}
    if cluster.kind == PERSON:
        words |= {w.split()[-1] for w in words}
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", haystack) for w in words if len(w) > 2)


def _salience(cluster: _Cluster, title: str) -> float:
    """Mentions, plus a bonus for the headline, the lead sentence and an early first mention."""
    return (
        len(cluster.mentions)
        + (1.0 if title and _in_text(cluster, title) else 0.0)
        + (1.0 if cluster.first == 0 else 0.0)
        + 1.0 / (1 + cluster.first)
    )


def _ranked(clusters: Iterable[_Cluster], title: str) -> list[_Cluster]:
    return sorted(clusters, key=lambda c: (-_salience(c, title), c.first, c.name))


@dataclass(frozen=True)
class Analysis:
    """A document's actors and places, and which tokens of its parse name which actor."""

    actors: tuple[Actor, ...]
    places: tuple[str, ...]
    names: dict[int, str]  # token index in the parse -> the canonical name of the actor it names

    def actor(self, name: str) -> Actor | None:
        """The actor with this canonical name."""
        return next((a for a in self.actors if a.name == name), None)


@lru_cache(maxsize=8)
def analyse(doc: Document) -> Analysis | None:
    """Actors, places and name tokens of a document (cached per document); None if its language has no model."""
    parsed = parse(doc)
    if parsed is None:
        return None
    mentions, aliases = _mentions(parsed, publisher(doc.article.text))
    people = _cluster_people([m for m in mentions if m.kind == PERSON])
    others = _absorb(people, [m for m in mentions if m.kind != PERSON])
    products = _products(parsed.doc)
    organizations = _cluster_names([m for m in others if m.kind == ORGANIZATION and _key(m.text) not in products],
                                   aliases, parts=True)
    places = _cluster_names([m for m in others if m.kind == PLACE], aliases)
    people = [c for c in people if not any(_unreal(m.span) for m in c.mentions)]
    people = [c for c in _drop_name_parts(people, organizations + places)
              if len(c.name.split()) > 1 or len(c.mentions) > 1 or _role(c) or _possessive(c)]  # a lone "Transcript"
    surnames = {_key(c.name).split()[-1] for c in people}
    plural = {c.name for c in people + organizations  # "the Netanyahus", "Anna Politkovskayas"
              if c.name.endswith("s") and _key(c.name).split()[-1][:-1] in surnames}
    place_words = {_key(c.name).split()[0] for c in places if len(c.name.split()) > 1}
    places += [c for c in organizations if _key(c.name) in place_words]  # "LaGuardia" of "LaGuardia Airport"
    organizations = [c for c in organizations if _key(c.name) not in place_words and c.name not in plural]
    people = [c for c in people if c.name not in plural]
    title = doc.article.title
    ranked = _ranked(people + organizations, title)
    actors = tuple(
        Actor(
            name=cluster.name,
            kind=cluster.kind,
            role=_role(cluster),
            mentions=len(cluster.mentions),
            variants=tuple(f for f in cluster.forms() if f != cluster.name),
            first_sentence=cluster.first,
            article_ids=(doc.article.id,),
        )
        for cluster in ranked
    )
    names = {t.i: cluster.name for cluster in ranked for m in cluster.mentions for t in m.span}
    return Analysis(actors, tuple(cluster.name for cluster in _ranked(places, title)), names)


def extract_actors(doc: Document) -> tuple[tuple[Actor, ...], tuple[str, ...]]:
    """(actors, places) of a document, most salient first; ((), ()) if its language has no model."""
    analysis = analyse(doc)
    return ((), ()) if analysis is None else (analysis.actors, analysis.places)

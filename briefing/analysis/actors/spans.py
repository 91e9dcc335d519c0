"""Entity spans: spaCy's named entities, repaired into names.

Edges are trimmed (a leading "the", titles of people, a demonym ("Dane Kevin Magnussen"), possessives, a "(...)",
trailing common words, days and scores); names NER split are joined
("Kataeb" + "Hezbollah", "the Port Authority of New York" + "and New Jersey",
a forename or a quoted nickname it left out); capitalised names it missed are
added: ending in an organisation word ("Security Media Cell"), opening with one
("Office of the Australian Information Commissioner") or after a noun that says
what they are ("the French broadcaster TF1"); and "ASU's Institute of Human
Origins" is two names.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ... import lexicon
from ...nlp.dates import MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS
from .names import CANDIDATE_LABELS, NER_KIND, UNTAGGED, acronym_of, is_call_sign, name_key
from .words import (
    CUT,
    DEMONYMS,
    HYPHENS,
    JOB_TITLES,
    NAME_LINKS,
    NICKNAME,
    ORG_HEADS,
    ORG_NOUNS,
    PERSON_NOUNS,
    TITLES,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def _span(doc: Doc, start: int, end: int, **attrs: str) -> Span:
    """A new spaCy Span (spaCy imported here, so importing briefing does not import it)."""
    from spacy.tokens import Span

    return Span(doc, start, end, **attrs)

_CALENDAR = {*WEEKDAYS, *WEEKDAY_ABBREVIATIONS, *MONTHS, "today", "yesterday", "tomorrow"}
# Collective nouns that open organisation names in the possessive ("People's Liberation Army").
_COLLECTIVES = lexicon.words("collective_possessors")
_AFFILIATION = {"of", "from", "at", "with"}
_NAME_CHARS = re.compile(r"[\w .'’&‐-]+")


def _trim(span: Span, label: str) -> Span | None:
    """Drop determiners, titles (of people), possessives, punctuation and a "(...)" from an entity."""
    start, end = span.start, span.end
    doc = span.doc
    end = next((t.i for t in span if t.text == "("), end)
    while end - start > 1 and doc[start].lower_ in _CALENDAR and doc[start + 1].tag_ == "DT":
        start += 1  # "Saturday the State Department"
    while start < end and (doc[start].is_punct or (doc[start].tag_ in ("DT", "PRP$") and not _name_word(doc[start]))):
        start += 1
    while start < end and doc[start].pos_ in ("ADP", "SCONJ", "ADV", "CCONJ") and doc[start].tag_ != "NNP":
        start += 1  # "Besides Obama"
    for i in range(start + 1, min(end, start + 5)):  # "New York-based Committee to Protect Journalists"
        if doc[i].is_lower and doc[i - 1].text in HYPHENS and i + 1 < end:
            start = i + 1
    if label in ("PERSON", "ORG") and end - start > 1 and doc[start].lower_ in DEMONYMS \
            and all(t.tag_ == "NNP" and t.text[:1].isupper() for t in doc[start:end]) and (
                label == "PERSON" or any(e.label_ == "PERSON" and e[-1].text == doc[end - 1].text for e in doc.ents)):
        start, label = start + 1, "PERSON"  # "Dane Kevin Magnussen", "for Floridian Every" (Matt Every): a demonym
    if label != "PERSON":  # "Mr Doherty" untagged, "Musician Alan Wass" as an organisation: the name after it
        while end - start > 1 and doc[start].lower_.rstrip(".") in _HONORIFICS and doc[start + 1].text[:1].isupper():
            start += 1
        if end - start > 1 and doc[start].is_sent_start and doc[start].lower_ in _DESCRIBERS \
                and doc[start + 1].text.istitle() and doc[start + 1].is_alpha:
            start += 1
        while end - start > 2 and doc[start].lower_.rstrip(".") in TITLES | PERSON_NOUNS \
                and all(t.is_alpha and t.text.istitle() and t.lower_ not in ORG_HEADS for t in doc[start + 1:end]):
            start += 1  # "Col Eric Schnaible", "Physicist Larry Shaw" tagged as an organisation: the name after it
        if end - start > 1 and doc[start].lower_.rstrip(".") in TITLES | PERSON_NOUNS \
                and doc[start + 1].lower_ in _surnames(doc):
            start += 1  # "Inmate Gissendaner's" tagged as an organisation: a person the article names in full
    if label == "PERSON":
        if end - start > 1 and doc[start].is_sent_start and doc[start].tag_ in ("VBG", "VBN", "VBD", "IN"):
            start += 1  # "Following Netanyahu's interview": a verb opening the sentence, not a forename
        while end - start > 1 and doc[start].lower_.rstrip(".") in TITLES:
            start += 1
        if end - start > 2 and doc[start].lower_ in PERSON_NOUNS:
            start += 1  # "Singer Zoe Hart" at the start of a sentence
        elif end - start == 2 and doc[start].lower_ in PERSON_NOUNS and doc[start + 1].lower_ in _surnames(doc):
            start += 1  # "Inmate Gissendaner": the surname of a person the article names in full
        inner = [i for i in range(start + 1, end - 1) if doc[i].lower_.rstrip(".") in JOB_TITLES
                 and doc[i].text[:1].isupper() and doc[i + 1].text[:1].isupper()]
        if inner:  # "Google CFO Patrick Pichette", "Tory Treasurer Lord Ashcroft"
            start = inner[-1] + 1
            while end - start > 1 and doc[start].lower_.rstrip(".") in TITLES:
                start += 1
        while end - start > 2 and _post_nominal(doc[end - 1]):
            end -= 1  # "Ian Rank-Broadley FRBS": letters after the name, not part of it
        end = next((i for i in range(start + 1, end) if doc[i].is_lower and doc[i].lower_ in _NO_NAME_LINKS), end)
        # "wrote Alice Gomstyn on Facebook": a preposition no person's name holds ends it
    while label == "ORG" and end - start > 1 and doc[end - 1].is_upper and doc[end - 1].lower_ in JOB_TITLES:
        end -= 1  # "Microsoft CFO" (Daniel Ferreira): the title is not part of the name
    body = span.kb_id_ == "body"  # "Charlottesville police": its lower-case words are its name
    while end > start and not body and (
        doc[end - 1].tag_ == "POS" or (doc[end - 1].is_lower and not _name_tail(doc[end - 1]))
        or doc[end - 1].text in CUT or (doc[end - 1].like_num and not _numbered_name(span, end))
        or doc[end - 1].lower_ in _CALENDAR - _months(label)
        or (doc[end - 1].is_punct and doc[end - 1].text not in (".", "!"))
    ):
        end -= 1  # also a common noun ("Lashkar Gah city"), a score ("Levante 2-0"), a day ("Burnley Saturday")
    if start >= end:
        return None
    return _span(doc, start, end, label=label, kb_id=span.kb_id_)


def _numbered_name(span: Span, end: int) -> bool:
    """Whether a number closing an organisation's name is part of it ("Channel 4", "Sky One", "Maroon 5"), not a
    score after a team ("Levante 2"): a short number, nothing numeric after it."""
    doc = span.doc
    number = doc[end - 1]
    after = doc[end] if end < len(doc) else None
    return span.label_ in ("ORG", "WORK_OF_ART", "PRODUCT") and end == span.end and end - span.start > 1 \
        and (len(number) <= 3 or number.text.istitle()) and not number.text.startswith("0") \
        and (after is None or not (after.like_num or after.text in HYPHENS or after.text in ("-", "–")))


def _name_tail(token: Token) -> bool:
    """A lower-case syllable joined by a hyphen to a capitalised one, with no space: "hsien" of "Hou Hsiao-hsien",
    "geun" of "Yoo Chang-geun", "hee" of "Kim Do-hee" (not "a Boston-based" word)."""
    doc = token.doc
    if token.i < 2 or not token.is_alpha or token.lower_ in _NOT_SYLLABLES:
        return False
    hyphen, word = doc[token.i - 1], doc[token.i - 2]
    return hyphen.text in HYPHENS and not hyphen.whitespace_ and not word.whitespace_ \
        and word.text[:1].isupper() and word.is_alpha and len(token) <= 6


# Lower-case words after a hyphen that make a name into an adjective ("Boston-based"), not a given name's syllable.
_NOT_SYLLABLES = lexicon.words("hyphen_suffixes")


def _months(label: str) -> set[str]:
    """Month names that may end a person's name ("James May", "Kelly April"): not trimmed from one."""
    return {"may", "june", "april", "august"} if label == "PERSON" else set()


_ARTICLES = lexicon.words("determiners")
_HONORIFICS = lexicon.words("honorifics")
_NO_NAME_LINKS = lexicon.words("name_breaks")  # "wrote Alice Gomstyn on Facebook": no person's name holds them
# Nouns for people and bodies that open a sentence before a name, capitalised: "Musician Alan Wass",
# "Bookmakers Ladbrokes" (not "General" of "General Motors").
_DESCRIBERS = (PERSON_NOUNS | ORG_NOUNS | {n + "s" for n in ORG_NOUNS} | TITLES) - {"general", "national"}
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
        or (j > i and doc[j].lower_ in NAME_LINKS and j + 1 < len(doc)
            and (doc[j].lower_ != "to" or doc[j - 1].lower_ in ORG_HEADS)  # not "Iran to Congress"
            and doc[j + 1].text[:1].isupper() and not doc[j + 1].is_sent_start)
        or (j > i and doc[j].tag_ == "JJ" and doc[j].text[:1].isupper() and j + 1 < len(doc)
            and doc[j + 1].tag_ in ("NNP", "NNPS"))  # "the Australian Information Commissioner"
        or (j > i and doc[j - 1].lower_ == "to" and doc[j].text[:1].isupper() and doc[j].is_alpha)
    ):
        j += 1
    while j > i and doc[j - 1].lower_ in NAME_LINKS:
        j -= 1
    return j


# Nouns after a name that say it is a medium's: "The Advocate newspaper".
_PRESS_NOUNS = lexicon.words("press_nouns")


def _reporting(token: Token) -> bool:
    """Whether a capitalised word NER left untagged is the subject of "reported"/"reports": a medium ("Deadline
    reported", "TMZ reports")."""
    return not token.ent_type_ and token.dep_ == "nsubj" and token.head.lemma_ == "report" \
        and token.head.pos_ == "VERB" and token.head.i == token.i + 1


def _missed_organizations(doc: Doc) -> list[Span]:
    """Capitalised names NER did not tag as one whole: ending in an organisation word ("Security Media Cell"),
    opening with one ("Office of the Australian Information Commissioner"), or after a noun that says what
    they are ("the French broadcaster TF1")."""
    found = []
    i = 0
    while i < len(doc):
        end = _name_run(doc, i)
        j = end
        while j > i + 1 and doc[j - 1].lower_ not in ORG_HEADS:
            j -= 1
        headed = j - i >= 2 and doc[j - 1].lower_ in ORG_HEADS
        if j < end and doc[j].lower_ in ("of", "for", "on", "to"):
            headed = headed and doc[j].lower_ in ("of", "for")  # "U.S. Fund for UNICEF": the whole run
            j = end  # "Port Authority of New York and New Jersey"
        linked = any(t.lower_ in NAME_LINKS for t in doc[i:end])
        before = doc[i - 1] if i > 0 else None
        said_to_be = before is not None and before.pos_ == "NOUN" and before.lemma_.lower() in ORG_NOUNS
        after = doc[end] if end < len(doc) else None
        said_to_be = said_to_be or (after is not None and after.is_lower and after.lemma_ in _PRESS_NOUNS
                                    and after.tag_ == "NN")  # "The Advocate newspaper", "the UK's Telegraph newspaper"
        said_to_be = said_to_be or (end > i and not doc[i].is_sent_start and _reporting(doc[end - 1]))
        if headed:
            found.append(_span(doc, i, j, label="ORG", kb_id="headed"))
            i = j
        elif end - i >= 3 and doc[i].lower_ in ORG_HEADS and linked:
            found.append(_span(doc, i, end, label="ORG", kb_id="headed"))
            i = end
        elif end == i + 1 and is_call_sign(doc[i]) and doc[i].dep_ == "pobj" and doc[i].head.lower_ in _AFFILIATION \
                and doc[i].head.head.ent_type_ == "PERSON":
            found.append(_span(doc, i, end, label="ORG"))  # "Aaron Rupar of KMSP"
            i = end
        elif end > i and said_to_be and not any(t.ent_type_ == "PERSON" for t in doc[i:end]):
            found.append(_span(doc, i, end, label="ORG", kb_id="described"))  # replaces what NER said
            i = end
        else:
            i += 1
    return found


# Lower-case nouns that make a place or a nationality into a body ("Charlottesville police", "the Saudi government",
# "Iran's government"), and a leader's name into one ("the Obama administration").
_BODY_NOUNS = lexicon.words("body_nouns")
_BODIES = {"GPE": _BODY_NOUNS, "NORP": _BODY_NOUNS, "LOC": _BODY_NOUNS, "PERSON": {"administration"}}
_BODY_WORDS = {"department", "force", "service"}  # "Palm Bay police department"
_MINISTRY_WORDS = lexicon.words("ministry_words")


def _bodies(doc: Doc) -> list[Span]:
    """Bodies named by a place or a nationality and a lower-case noun ("Palm Bay police department", "the Saudi
    government", "Iran's government", "China's foreign ministry"), or by a leader and "administration" ("the Obama
    administration"): NER tags only the name before the lower-case word."""
    found = []
    for ent in doc.ents:
        end = ent.end
        if ent.label_ != "PERSON" and end + 1 < len(doc) and doc[end].tag_ == "POS":
            end += 1  # "Iran's government"
        if end + 1 < len(doc) and doc[end].lower_ in _MINISTRY_WORDS and doc[end + 1].lower_ == "ministry":
            end += 1  # "China's foreign ministry"
        if end >= len(doc) or doc[end].lower_ not in _BODIES.get(ent.label_, ()) or not doc[end].is_lower:
            continue
        if ent.label_ == "PERSON" and len(ent) > 1:
            continue  # "the Obama administration", not "President Barack Obama administration officials"
        if doc[end].lower_ != "police" and end + 1 < len(doc) and doc[end + 1].tag_ in ("NN", "NNS") \
                and doc[end + 1].is_lower:
            continue  # "Yemeni government officials": the officials
        end += 1
        if end < len(doc) and doc[end].lower_ in _BODY_WORDS and doc[end].is_lower:
            end += 1
        found.append(_span(doc, ent.start, end, label="ORG", kb_id="body"))
    return found


def _first_word(ent: Span) -> int:
    """Index of an entity's first token after a leading "the"."""
    return ent.start + 1 if ent[0].tag_ == "DT" and len(ent) > 1 else ent.start


def _split_possessive(ent: Span) -> list[Span]:
    """"ASU's Institute of Human Origins": two names (not "People's Freedom")."""
    cut = next((t.i for t in ent[1:-1] if t.tag_ == "POS"), None)
    if ent.kb_id_ == "body":
        return [ent]  # "China's foreign ministry"
    if cut is not None and ent.doc[cut - 1].lower_ in _COLLECTIVES:
        return [ent]  # "People's Liberation Army", "Children's Hospital": one name
    if cut is None or ent.label_ != "ORG" or not any(t.lower_ in ORG_HEADS for t in ent.doc[cut + 1:ent.end]):
        return [ent]
    if ent.end - cut <= 2:  # "Waltham Forest Magistrates' Court": a lone "Court" is no name of its own
        return [ent]
    return [_span(ent.doc, ent.start, cut, label="ORG"), _span(ent.doc, cut + 1, ent.end, label="ORG")]


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
            out.append(_span(doc, ent.start, nxt.end, label="ORG"))
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
                or word.lower_.rstrip(".") in TITLES | PERSON_NOUNS | _CALENDAR:
            break
        if start > 1 and doc[start - 2].ent_type_ in ("ORG", "GPE", "LOC"):
            break  # "New England Patriot Aaron Hernandez": a member of the team or body named before it
        start -= 1
    return ent if start == ent.start else _span(doc, start, ent.end, label="PERSON")


def _with_surname(ent: Span) -> Span:
    """A person's name with a capitalised word NER left out after it: Beji Caid "Essebsi"."""
    doc, end = ent.doc, ent.end
    while ent.label_ == "PERSON" and end < len(doc) and end - ent.start < 4 and not doc[end].is_sent_start \
            and doc[end - 1].tag_ != "POS":
        word = doc[end]
        if word.tag_ != "NNP" or not word.text[:1].isupper() or word.ent_type_ or not word.is_alpha or word.is_upper \
                or word.lower_.rstrip(".") in TITLES | _CALENDAR | JOB_TITLES:
            break
        end += 1
    if ent.label_ == "PERSON" and end + 1 < len(doc) and _name_tail(doc[end + 1]) and doc[end + 1].is_lower:
        end += 2  # "Kim Do" + "-hee": the rest of a hyphenated given name
    return ent if end == ent.end else _span(doc, ent.start, end, label="PERSON")


def _join_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """Two person names NER split with nothing between them are one: "Abdu Rabbu" + "Mansour Hadi"."""
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == ent.label_ == "PERSON" and prev.end == ent.start \
                and not doc[ent.start].is_sent_start and doc[prev.end - 1].tag_ != "POS":
            out[-1] = _span(doc, prev.start, ent.end, label="PERSON")
        else:
            out.append(ent)
    return out


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
    return _span(doc, ent.start, max(k, ent.end), label="PERSON") if k > j + 1 else ent


_ANY = frozenset({"every", "each", "any"})
_PLACE_LIKE = frozenset({"GPE", "LOC", "FAC", UNTAGGED})


def entity_spans(doc: Doc) -> list[Span]:
    """NER entities, repaired: joined where split ("Kataeb Hezbollah", two places side by side with nothing between:
    "Kentish Town"), organisations it missed added, edges trimmed."""
    merged: list[Span] = []
    for ent in doc.ents:  # "Kataeb"/NORP + "Hezbollah"/ORG: one name (a nationality adjective is not NNP)
        prev = merged[-1] if merged else None
        if (
            prev is not None and prev.label_ == "NORP" and ent.label_ == "ORG" and prev.end == ent.start
            and all(t.tag_ in ("NNP", "NNPS") for t in prev)
        ):
            merged[-1] = _span(doc, prev.start, ent.end, label="ORG")
        elif (prev is not None and prev.label_ == ent.label_ == "GPE" and prev.end == ent.start
              and all(t.tag_ == "NNP" and t.text[:1].isupper() for t in doc[prev.start:ent.end])):
            merged[-1] = _span(doc, prev.start, ent.end, label="GPE")  # "Kentish" + "Town": one place
        else:
            merged.append(ent)
    for org in _missed_organizations(doc):
        overlapping = [e for e in merged if e.start < org.end and org.start < e.end]
        inside = all(org.start <= _first_word(e) and e.end <= org.end for e in overlapping)
        if inside and not any(e.label_ == "PERSON" for e in overlapping) and (
            not overlapping or len(org) > max(e.end - _first_word(e) for e in overlapping) or org.kb_id_ == "described"
            or all(e.label_ not in NER_KIND for e in overlapping)
        ):
            merged = [e for e in merged if e not in overlapping] + [org]
    for body in _bodies(doc):  # the leader and the place keep their names: "the Obama administration" also names
        merged = [e for e in merged if not (e.start < body.end and body.start < e.end)  # Obama, "the U.S. military"
                  or e.label_ in ("PERSON", "GPE", "LOC", "NORP")] + [body]  # the U.S.
    merged = _join_places(doc, sorted(merged, key=lambda e: e.start))
    merged = [part for ent in merged for part in _split_possessive(ent)]
    merged = [_with_surname(_with_forename(_with_nickname(ent))) for ent in _join_people(doc, merged)]
    spans = []
    for ent in sorted(merged, key=lambda e: e.start):
        if ent.label_ in CANDIDATE_LABELS:
            trimmed = _trim(ent, ent.label_)
            if trimmed is not None and _is_name(trimmed):
                spans.append(trimmed)
    spans = _with_name_s(doc, spans)
    spans = sorted(spans + _repeated(doc, spans), key=lambda e: e.start)
    spans = sorted(spans + _untagged(doc, spans), key=lambda e: e.start)
    # "a casino on every High Street": any street, no place the story happens in
    return [s for s in spans if not (s.label_ in _PLACE_LIKE and s.start > 0 and doc[s.start - 1].lower_ in _ANY
                                     and s.root.dep_ != "compound")]  # "each Guidant share" names Guidant


def _repeated(doc: Doc, spans: list[Span]) -> list[Span]:
    """The other mentions of a name NER tagged once: the same capitalised words, letter for letter, left untagged
    elsewhere ("Television network TV5Monde" found; "TV5Monde lost control" missed), with the label it got."""
    named: dict[tuple[str, ...], str] = {}
    for span in spans:
        if span.label_ in NER_KIND and span[0].text[:1].isupper():
            named.setdefault(tuple(t.text for t in span), span.label_)
    if not named:
        return []
    taken = {i for s in spans for i in range(s.start, s.end)}
    taken |= {t.i for e in doc.ents for t in e}
    ends = {s.end for s in spans}
    firsts: dict[str, list[tuple[str, ...]]] = {}
    for words in named:
        firsts.setdefault(words[0], []).append(words)
    found = []
    for t in doc:
        for words in sorted(firsts.get(t.text, ()), key=len, reverse=True):
            end = t.i + len(words)
            if end > len(doc) or any(i in taken for i in range(t.i, end)) \
                    or tuple(x.text for x in doc[t.i:end]) != words:
                continue
            if end < len(doc) and doc[end].tag_ in ("NNP", "NNPS") and doc[end].text[:1].isupper():
                continue  # part of a longer name ("Paul" of "Paul Germain")
            if t.i > 0 and doc[t.i - 1].text == "(" and end < len(doc) and doc[end].text == ")" and t.i - 1 in ends:
                continue  # "National Audit Office (NAO)": the acronym the name defines (`acronym_aliases`)
            if t.i > 0 and doc[t.i - 1].tag_ in ("NNP", "NNPS") and doc[t.i - 1].text[:1].isupper() \
                    and not doc[t.i - 1].is_sent_start:
                continue
            found.append(_span(doc, t.i, end, label=named[words]))
            taken.update(range(t.i, end))
            break
    return found


def _with_name_s(doc: Doc, ents: list[Span]) -> list[Span]:
    """Organisations whose name ends in "'s" ("McDonald's", "Sainsbury's"): every mention is followed by "'s", and
    one of them by what cannot follow a possessive ("McDonald's said", "at McDonald's."), so the "'s" is the name's."""
    def after(ent: Span, k: int) -> Token | None:
        return doc[ent.end + k] if ent.end + k < len(doc) else None

    by_name: dict[str, list[Span]] = {}
    for ent in ents:
        if ent.label_ == "ORG":
            by_name.setdefault(ent.text, []).append(ent)
    named = set()
    for text, mentions in by_name.items():
        glued = [m for m in mentions if (s := after(m, 0)) is not None and s.tag_ == "POS" and s.text in _NAME_S
                 and not m[-1].whitespace_]
        if len(glued) == len(mentions) and any(_not_owned(after(m, 1)) for m in glued) and not re.search(
                rf"\b{re.escape(text)}\b(?!['’]s\b)", doc.text):  # named without it too ("Easter"): a possessive
            named.add(text)
    return [_span(doc, e.start, e.end + 1, label=e.label_) if e.label_ == "ORG" and e.text in named else e
            for e in ents]


_NAME_S = ("'s", "’s")


def _not_owned(token: Token | None) -> bool:
    """Whether a token cannot be what a possessive before it owns: the text's end, punctuation, "and", a finite verb
    ("McDonald's announced", "McDonald's has"; not a title's "Wake Me Up")."""
    return token is None or (token.is_punct and token.text not in ('"', "“", "‘", "(")) or token.pos_ == "CCONJ" or (
        token.pos_ in ("VERB", "AUX") and token.tag_ in ("VBD", "VBZ", "VBP", "MD"))


def _untagged(doc: Doc, spans: list[Span]) -> list[Span]:
    """Runs of capitalised proper nouns NER gave no name label ("According to Deadline", "Oasis", "Villarreal,
    coached by"): candidates too, labelled UNTAGGED; whether they name anyone is for the learned decision."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    taken |= {t.i for e in doc.ents if e.label_ in CANDIDATE_LABELS for t in e}
    ends = {s.end for s in spans}
    people = {s.start for s in spans if s.label_ == "PERSON"} | {e.start for e in doc.ents if e.label_ == "PERSON"}
    found = []
    i = 0
    while i < len(doc):
        t = doc[i]
        if i in taken or t.tag_ not in ("NNP", "NNPS") or not t.text[:1].isupper() or not t.is_alpha:
            i += 1
            continue
        j = i + 1
        while j < len(doc) and j not in taken and not doc[j].is_sent_start and (
            (doc[j].tag_ in ("NNP", "NNPS") and doc[j].text[:1].isupper() and doc[j].is_alpha)
            or (doc[j].lower_ in NAME_LINKS and j + 1 < len(doc) and doc[j + 1].tag_ in ("NNP", "NNPS")
                and doc[j + 1].text[:1].isupper() and j + 1 not in taken)
        ):
            j += 1
        if i > 0 and doc[i - 1].text == "(" and j < len(doc) and doc[j].text == ")" and i - 1 in ends:
            i = j  # "National Audit Office (NAO)": the acronym the name defines, a mention `acronym_aliases` reads
            continue
        span = _trim(_span(doc, i, j, label=UNTAGGED), UNTAGGED)
        if span is not None and _is_name(span) and not all(w.lower_.rstrip(".") in TITLES for w in span) \
                and not _title_before_person(span, people):
            found.append(span)
        i = j
    return found


def _surnames(doc: Doc) -> frozenset[str]:
    """The last words of the person names of two words or more NER found in a document."""
    return frozenset(e[-1].lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1)


def _title_before_person(span: Span, people: set[int]) -> bool:
    """Whether capitalised words are the title before a person's name: "Deputy Foreign Minister" of "Iranian Deputy
    Foreign Minister Abbas Araghchi" ends in a title word right before the name."""
    return span.end in people and span[-1].lower_.rstrip(".") in TITLES | JOB_TITLES


def _is_name(span: Span) -> bool:
    """Whether a span can name an actor or place: capitalised words, no pronoun, number or date word."""
    text = span.text
    if len(span) > 1 and span[0].lower_ in ("al", "el") and span[1].text[:1].isupper():
        text = text[:1].upper() + text[1:]  # "al Qaeda"
    if not text[:1].isupper() or len(text) < 2 or not _NAME_CHARS.fullmatch(NICKNAME.sub(" ", text)):
        return False
    inner = [i for i, t in enumerate(span) if t.is_lower and t.is_alpha and t.lower_ not in NAME_LINKS]
    if span.kb_id_ == "body":
        inner = []
    if any(span[i - 1].text not in HYPHENS and (i + 1 == len(span) or span[i + 1].text not in HYPHENS)
           for i in inner):
        return False  # a common word, unless in "Zaki-ur-Rehman" (never at the ends: trimmed, capitalised)
    if all(t.lower_.rstrip(".") in _CALENDAR for t in span):
        return False
    if len(span) == 1 and span[0].lower_.rstrip(".") in TITLES:
        return False  # "as CFO": a title, not a name
    return not any(t.pos_ == "PRON" for t in span)


def acronym_aliases(doc: Doc, spans: list[Span]) -> dict[str, str]:
    """Acronyms the article defines: "Popular Mobilization Forces (PMF)" maps "pmf" to the name's key."""
    aliases = {}
    for span in spans:
        after = doc[span.end:span.end + 3]
        if len(after) == 3 and after[0].text == "(" and after[2].text == ")" and acronym_of(after[1].text):
            aliases[name_key(after[1].text)] = name_key(span.text)
    return aliases

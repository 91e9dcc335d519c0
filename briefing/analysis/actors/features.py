"""Features of a name: what its mentions and its words say about whether it is an actor, and of which kind.

A name is the set of an article's candidate mentions that share a comparison key
(`names.name_key`). Its features are numbers, named so that a model file can
say which it was trained on (`FEATURES`):

- for each cue of one mention (`mentions.CUES`: NER's label, a title before it,
  the subject of "said", "in X", "told X", a quoted title ...), whether any of
  the name's mentions shows it, and the share that do;
- what its words are: one word or many, an acronym, a digit, an organisation,
  facility, road, event or document word at the end, a country, a nationality,
  a religion, a platform;
- how the article uses it: how often and how early, in the headline, written in
  lower case elsewhere ("the caliphate"), the surname or first name of a person
  named in full, a word of a longer name, the plural of a surname, an acronym
  of another name or one the article defines, the publisher's name, a role
  the article gives it.

`kinds` turns them into a decision.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ...nlp.naming import actor_forms, names_any
from .kinds import COUNTRIES, PLACE_FIRST_WORDS
from .mentions import CUES, Seen, cues, product_keys
from .names import PERSON, Cluster, Mention, acronym_of, initials_of, name_key
from .roles import role_candidates
from .words import (
    DEITIES,
    DEMONYMS,
    DOCUMENT_WORDS,
    EVENT_WORDS,
    FACILITIES,
    INSTITUTIONS,
    KINSHIP,
    MEDIA_HEADS,
    NAME_LINKS,
    ORG_HEADS,
    PARTIES,
    PLATFORMS,
    RELIGIONS,
    ROADS,
    TERMS,
    THING_NOUNS,
    TITLES,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

_CUE_NAMES = tuple(name for name, _ in CUES)
# Features of the name as a whole (its words, how the article uses it), in this order after the cues'.
NAME_FEATURES = (
    "name: mentions (log)", "name: sentences (log)", "name: in the headline", "name: in the lead sentence",
    "name: early (1 / (1 + first sentence))", "name: one word", "name: three or more words", "name: an acronym",
    "name: all capitals", "name: a digit", "name: a hyphen", "name: ends in s", "name: ends in an organisation word",
    "name: ends in a media word", "name: ends in a facility word", "name: headed by a facility word",
    "name: ends in a road word", "name: an institution's building", "name: ends in an event word",
    "name: ends in a document word", "name: a technical term", "name: a platform", "name: a country",
    "name: a nationality", "name: a nationality NER tags", "name: a religion", "name: a deity", "name: a league",
    "name: written in lower case elsewhere", "name: all its words written in lower case elsewhere",
    "name: the surname of a person named in full", "name: the first name of a person named in full",
    "name: the last word of a name shaped like a person's", "name: a word of a longer name",
    "name: the plural of a surname", "name: an acronym of another name", "name: an acronym the article defines",
    "name: a brand's product (\"the Apple watch\")", "name: the publisher",
    "name: places joined by a hyphen (\"Niger-Nigeria\")", "name: shaped like a person's name",
    "name: opens with a place's first word (\"New\", \"San\")", "name: a role as a person",
    "name: a role as an organisation", "name: sporty article",
    "name: ends in a thing's noun (\"Germanwings Flight\")", "name: a kinship word (\"Mom\", \"Dad Camp\")",
    "name: its last word named alone (log mentions)", "name: its last word named alone as a person's surname",
    "name: a political party (\"Labour\", \"the Tories\")", "name: only organisation words (\"Police Department\")",
)
FEATURES = tuple(f"any: {c}" for c in _CUE_NAMES) + tuple(f"share: {c}" for c in _CUE_NAMES) + NAME_FEATURES


def _words_of_names(mentions: Iterable[Mention], kinds: set[str], at: int) -> set[str]:
    """The word at position `at` (0 first, -1 last) of the multi-word names of mentions of the given NER kinds."""
    out = set()
    for m in mentions:
        words = name_key(m.text).split()
        if len(words) > 1 and m.span.label_ in kinds:
            out.add(words[at])
    return out


def name_features(mentions: list[Mention], seen: Seen, title: str,
                  aliases: dict[str, str]) -> dict[str, dict[str, float]]:
    """The features of every candidate name of an article: name key -> feature name -> value."""
    by_key: dict[str, list[Mention]] = {}
    for m in mentions:
        by_key.setdefault(name_key(m.text), []).append(m)
    if not mentions:
        return {}
    doc: Doc = mentions[0].span.doc
    lower = {t.text for t in doc if t.is_lower and t.is_alpha}
    surnames = _words_of_names(mentions, {"PERSON"}, -1)
    shaped = {name_key(m.text).split()[-1] for m in mentions if _person_shaped(m.text, lower)}
    forenames = _words_of_names(mentions, {"PERSON"}, 0)
    parts = {w for m in mentions if m.kind != PERSON and len(m.span) > 1 for w in name_key(m.text).split()}
    initials = {i for key in by_key for i in initials_of(key)}
    nationalities = {name_key(e.text) for e in doc.ents if e.label_ == "NORP"}
    products = product_keys(doc)
    places = {k for k, ms in by_key.items() if seen.prior.get(k) == "place"}
    source = name_key(seen.source) if seen.source else None
    alone = {k: len(ms) for k, ms in by_key.items() if len(k.split()) == 1}  # one-word names: how often each
    out = {}
    for key, ms in by_key.items():
        values = [cues(m.span, seen) for m in ms]
        features: dict[str, float] = {}
        for i, name in enumerate(_CUE_NAMES):
            hits = sum(v[i] for v in values)
            features[f"any: {name}"] = float(hits > 0)
            features[f"share: {name}"] = hits / len(values)
        features.update(_name_features(key, ms, title, lower, surnames, forenames, parts, initials, nationalities,
                                       products, places, source, aliases, seen, shaped, alone))
        out[key] = features
    return out


def _person_shaped(text: str, lower: set[str]) -> bool:
    """Two or three capitalised words, none an organisation's, a facility's or a road's, none written in lower case
    in the article, the first no title and no place's first word ("Muhammadu Buhari", not "Goldman Sachs" ... )."""
    words = text.split()
    keys = name_key(text).split()
    return 2 <= len(words) <= 3 and all(re.fullmatch(r"[A-Z][a-z'’-]+|[A-Z]\.", w) for w in words) \
        and not set(keys) & (ORG_HEADS | FACILITIES | ROADS | TITLES | PLACE_FIRST_WORDS | COUNTRIES) \
        and not any(k in lower for k in keys)


def _name_features(key: str, ms: list[Mention], title: str, lower: set[str], surnames: set[str],
                   forenames: set[str], parts: set[str], initials: set[str], nationalities: set[str],
                   products: set[str], places: set[str], source: str | None, aliases: dict[str, str],
                   seen: Seen, shaped: set[str], alone: dict[str, int]) -> dict[str, float]:
    words = key.split()
    text = max((m.text for m in ms), key=len)
    first = min(m.sentence for m in ms)
    last = words[-1]
    head = _head_word(words)
    spans = [m.span for m in ms]
    person = Cluster(PERSON, list(ms))
    organisation = Cluster("organization", list(ms))
    capitalised = [w for w in text.split() if w[:1].isupper()]
    values = {
        "name: mentions (log)": math.log1p(len(ms)),
        "name: sentences (log)": math.log1p(len({m.sentence for m in ms})),
        "name: in the headline": float(bool(title) and names_any(title, actor_forms(text, (), False))),
        "name: in the lead sentence": float(first == 0),
        "name: early (1 / (1 + first sentence))": 1.0 / (1 + first),
        "name: one word": float(len(words) == 1),
        "name: three or more words": float(len(words) >= 3),
        "name: an acronym": float(acronym_of(text) is not None),
        "name: all capitals": float(text.replace(".", "").replace(" ", "").isupper()),
        "name: a digit": float(any(c.isdigit() for c in text)),
        "name: a hyphen": float("-" in text),
        "name: ends in s": float(last.endswith("s") and len(last) > 3),
        "name: ends in an organisation word": float(last in ORG_HEADS or head in ORG_HEADS),
        "name: ends in a media word": float(last in MEDIA_HEADS),
        "name: ends in a facility word": float(last in FACILITIES),
        "name: headed by a facility word": float(head in FACILITIES and head != last),
        "name: ends in a road word": float(len(words) > 1 and last in ROADS),
        "name: an institution's building": float(last in INSTITUTIONS or head in INSTITUTIONS),
        "name: ends in an event word": float(last in EVENT_WORDS or head in EVENT_WORDS),
        "name: ends in a document word": float(last in DOCUMENT_WORDS),
        "name: a technical term": float(key in TERMS),
        "name: a platform": float(key in PLATFORMS or last in PLATFORMS),
        "name: a country": float(key in COUNTRIES),
        "name: a nationality": float(key in DEMONYMS),
        "name: a nationality NER tags": float(key in nationalities),
        "name: a religion": float(key in RELIGIONS),
        "name: a deity": float(key in DEITIES),
        "name: a league": float(last == "league"),
        "name: written in lower case elsewhere": float(len(words) == 1 and words[0] in lower),
        "name: all its words written in lower case elsewhere": float(all(w in lower or w in NAME_LINKS for w in words)),
        "name: the surname of a person named in full": float(len(words) == 1 and key in surnames),
        "name: the first name of a person named in full": float(len(words) == 1 and key in forenames),
        "name: the last word of a name shaped like a person's": float(len(words) == 1 and key in shaped),
        "name: a word of a longer name": float(len(words) == 1 and key in parts),
        "name: the plural of a surname": float(last.endswith("s") and last[:-1] in surnames),
        "name: an acronym of another name": float(acronym_of(text) is not None and text.replace(".", "") in initials),
        "name: an acronym the article defines": float(key in aliases),
        "name: a brand's product (\"the Apple watch\")": float(key in products),
        "name: the publisher": float(source is not None and (key == source or key.startswith(source + " "))),
        "name: places joined by a hyphen (\"Niger-Nigeria\")": float("-" in key and all(
            p in places for p in key.split("-"))),
        "name: shaped like a person's name": float(2 <= len(words) <= 3 and len(capitalised) == len(text.split())
                                              and all(re.fullmatch(r"[A-Z][a-z'’-]+|[A-Z]\.", w) for w in
                                                      text.split())
                                              and not ({last} & (ORG_HEADS | FACILITIES | ROADS))
                                              and words[0] not in TITLES),
        "name: opens with a place's first word (\"New\", \"San\")": float(len(words) > 1
                                                                           and words[0] in PLACE_FIRST_WORDS),
        "name: a role as a person": float(bool(role_candidates(person))),
        "name: a role as an organisation": float(bool(role_candidates(organisation))),
        "name: sporty article": float(seen.sporty),
        "name: ends in a thing's noun (\"Germanwings Flight\")": float(len(words) > 1 and (last in THING_NOUNS
                                                                                         or head in THING_NOUNS)),
        "name: a kinship word (\"Mom\", \"Dad Camp\")": float(len(words) <= 2 and words[0] in KINSHIP),
        "name: its last word named alone (log mentions)": math.log1p(alone.get(last, 0)) if len(words) > 1 else 0.0,
        "name: its last word named alone as a person's surname": float(len(words) > 1 and last in alone
                                                                      and last in surnames),
        "name: a political party (\"Labour\", \"the Tories\")": float(key in PARTIES),
        "name: only organisation words (\"Police Department\")": float(all(w in ORG_HEADS | NAME_LINKS for w in words)),
    }
    del spans
    return values


def _head_word(words: list[str]) -> str:
    """The last word before the first "of", "on", "in", "de", "for" ("summit" of "Summit on Countering ...")."""
    for i, w in enumerate(words[1:], 1):
        if w in ("of", "on", "in", "de", "del", "for"):
            return words[i - 1]
    return words[-1]

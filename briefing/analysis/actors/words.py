"""Word lists and marks the actor modules share: titles before names, organisation heads, words inside names.

The lists are data (`briefing.lexicon`); what is here is what the modules derive from them.
"""

from __future__ import annotations

import re

from ... import lexicon

# Words a name may open with that are titles, not part of the name.
TITLES = lexicon.words("titles")
# Job titles that may sit inside what NER tags as a person's name, after an organisation ("Google CFO Patrick
# Pichette"): the name starts after them.
JOB_TITLES = lexicon.words("job_titles")
# Last words of organisation names spaCy tends to miss.
ORG_HEADS = lexicon.words("organisation_heads")
# Lower-case words allowed inside a capitalised name ("Ministry of Defense").
NAME_LINKS = lexicon.words("name_links")
# Common nouns for people that may stand before a name like a title ("striker Papiss Cisse").
PERSON_NOUNS = lexicon.words("person_nouns")
# What a person is employed as: the "at" or "with" after one names the employer ("an analyst at Merrill Lynch").
EMPLOYED = PERSON_NOUNS | JOB_TITLES | TITLES
# Common nouns that say the name after them is an organisation's ("the French broadcaster TF1").
ORG_NOUNS = lexicon.words("organisation_nouns")
# Hyphens as tokens ("co" "-" "host", "Zaki" "-" "ur" "-" "Rehman").
HYPHENS = frozenset({"-", "‐", "‑"})
NICKNAME = re.compile(r' ["“][\w.]+(?: [\w.]+)?["”] ')  # Chesley "Sully" Sullenberger
# Punctuation that ends a name or a role.
CUT = frozenset({",", ";", ":", "—", "–", "(", ")", "\"", "“", "”"})
# Nationality nouns, singular and plural: a nationality or origin, not a name.
_ROOTS = lexicon.ordered("nationalities")
_MEN = tuple(d for d in _ROOTS if d.endswith("man") and d != "german")  # "Frenchmen", not "Germen"
DEMONYMS = frozenset(_ROOTS) | {d[:-3] + "men" for d in _MEN} \
    | {d + "s" for d in _ROOTS if not d.endswith(("ese", "swiss")) and d not in _MEN}

# Organisation words that media names may end in ("Fox News Network", "BBC World Service").
MEDIA_HEADS = lexicon.words("media_name_heads")
# Last words of names that are places, whatever NER says ("Los Angeles International Airport").
FACILITIES = lexicon.words("facility_words")
# Last words of places named for a person or a thing, that NER may take for a person's name: no surname.
ROADS = lexicon.words("road_words")
# Buildings named for the institution in them: a place unless the name acts somewhere ("Drents Museum said").
INSTITUTIONS = lexicon.words("institution_buildings")
# Last words of names that are events, prizes or competitions, not actors ("FA Cup", "Academy Award").
EVENT_WORDS = lexicon.words("event_name_words")
# Last words of names of documents, laws and agreements: texts, not actors ("Common Core State Standards").
DOCUMENT_WORDS = lexicon.words("document_name_words")
# Acronyms of technical terms, used like common nouns ("a CT scan", "suffering from TBI"): not organisations.
TERMS = lexicon.words("technical_acronyms")
RELIGIONS = lexicon.words("religions")
# Services that carry what people post ("on Twitter", "a Facebook page"): a medium, not an actor.
PLATFORMS = lexicon.words("platforms")
# Last words of newspapers' names ("the Boston Globe"), which NER may take for a place's.
NEWSPAPER_WORDS = lexicon.words("newspaper_name_words")
# Gods and religious figures: objects of belief, not actors ("Allah").
DEITIES = lexicon.words("deities")
# Common nouns of conditions, events, works and vehicles that a name may head or possess ("Asperger's syndrome",
# "Germanwings Flight"): a thing's name, not an actor's.
THING_NOUNS = lexicon.words("thing_nouns")
# What a family calls its members ("Mom", "Dad Camp"): a relation, not a name.
KINSHIP = lexicon.words("kinship_words")
# Political parties by name or nickname ("Labour", "the Tories"): organisations, though their words are common.
PARTIES = lexicon.words("party_names")
# A party's nickname -> the name it stands for ("tories" -> "conservatives"); a party's name maps to itself.
PARTY_NAMES = {k: v or k for k, v in lexicon.table("party_names").items()}

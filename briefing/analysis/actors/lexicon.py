"""Word lists the actor modules share: titles before names, organisation heads, words inside names.

A list that only one module uses lives in that module.
"""

from __future__ import annotations

import re

# Words a name may open with that are titles, not part of the name.
_TITLES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "trooper", "deputy",
    "inspector", "sheriff", "constable", "superintendent", "lieutenant", "corporal", "ambassador", "envoy",
    "bishop", "archbishop", "cardinal", "rabbi", "imam", "emir", "sultan", "premier", "officer", "commissioner",
    "gen", "general", "lt", "col", "colonel", "maj", "major", "capt", "captain", "sgt", "sergeant",
    "adm", "admiral", "cmdr", "commander", "cpl", "pvt", "gov", "governor", "sen", "senator", "rep",
    "president", "vice", "prime", "minister", "secretary", "chancellor", "mayor", "judge", "justice",
    "king", "queen", "prince", "princess", "pope", "sheikh", "ayatollah", "rev", "father", "sister",
    "coach", "chairman", "chief", "detective", "det", "agent", "st", "saint", "director", "executive", "editor",
    "manager", "spokesman", "spokeswoman", "spokesperson", "founder", "chairwoman", "ceo", "adviser", "advisor",
    "attorney", "correspondent", "anchor", "producer", "head", "cfo", "coo", "cto", "cio", "cmo",
    "principal", "marshal", "monsignor", "msgr",
    # occupations written before a name as a title ("Prosecutor Mehmet Selim Kiraz", "Artist Jody Clark")
    "prosecutor", "copilot", "co-pilot", "pilot", "artist", "sculptor", "lawyer", "journalist", "reporter",
    "photographer", "architect", "engineer", "scientist", "researcher", "historian", "economist", "analyst",
    "activist", "blogger", "novelist", "poet", "comedian", "designer", "astronaut", "chef",
}
# Job titles that may sit inside what NER tags as a person's name, after an organisation ("Google CFO Patrick
# Pichette"): the name starts after them. (Not "king", "prince", ...: "Martin Luther King".)
_JOB_TITLES = {
    "ceo", "cfo", "coo", "cto", "cio", "cmo", "chairman", "chairwoman", "president", "secretary", "minister",
    "director", "spokesman", "spokeswoman", "spokesperson", "founder", "co-founder", "executive", "manager", "coach",
    "editor", "chief", "commissioner", "governor", "senator", "mayor", "ambassador", "trooper", "officer", "sheriff",
    "captain", "capt", "sgt", "sergeant", "lt", "lieutenant", "gen", "general", "col", "colonel", "dr", "prof",
}
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
# Common nouns for people that may stand before a name like a title ("striker Papiss Cisse", "Singer Zoe Hart").
_PERSON_NOUNS = {
    "striker", "defender", "midfielder", "goalkeeper", "forward", "winger", "player", "manager",
    "actor", "actress", "singer", "rapper", "star", "spokesman", "spokeswoman", "spokesperson",
    "lawmaker", "senator", "ceo", "founder", "leader", "commander", "boss", "author", "director",
}
# Common nouns that say the name after them is an organisation's ("the French broadcaster TF1").
_ORG_NOUNS = {
    "broadcaster", "network", "channel", "newspaper", "paper", "daily", "magazine", "website", "site", "journal",
    "agency", "company", "firm", "airline", "carrier", "group", "organization", "organisation", "party", "band",
    "team", "club", "bank", "retailer", "bookstore", "manufacturer", "maker", "startup", "charity", "studio",
    "label", "publisher", "station", "outlet", "tabloid", "insurer", "operator", "chain", "brand",
}
# Hyphens as tokens ("co" "-" "host", "Zaki" "-" "ur" "-" "Rehman").
_HYPHENS = {"-", "‐", "‑"}
_NICKNAME = re.compile(r' ["“][\w.]+(?: [\w.]+)?["”] ')  # Chesley "Sully" Sullenberger
# Punctuation that ends a name or a role.
_CUT = {",", ";", ":", "—", "–", "(", ")", "\"", "“", "”"}
# Demonyms, singular and plural: a nationality or origin, not a name ("Dane Kevin Magnussen", "the Frenchman said",
# "a Kazakh official"). Not words that are also names or organisations' first words in their own right.
_DEMONYM_ROOTS = (
    "american", "briton", "englishman", "englishwoman", "scotsman", "welshman", "irishman",
    "frenchman", "frenchwoman", "dane", "swede", "norwegian", "dutchman", "german", "austrian", "swiss",
    "belgian", "spaniard", "portuguese", "italian", "greek", "pole", "czech", "slovak", "hungarian", "romanian",
    "bulgarian", "serb", "croat", "slovenian", "bosnian", "albanian", "russian", "ukrainian", "belarusian",
    "georgian", "armenian", "turk", "kazakh", "uzbek", "afghan", "afghani", "pakistani", "indian", "bangladeshi",
    "sri lankan", "nepali", "chinese", "japanese", "korean", "vietnamese", "thai", "filipino", "indonesian",
    "malaysian", "australian", "kiwi", "canadian", "mexican", "brazilian", "argentine", "argentinian",
    "colombian", "venezuelan", "chilean", "peruvian", "uruguayan", "cuban", "jamaican", "nigerian", "kenyan",
    "ghanaian", "ethiopian", "egyptian", "moroccan", "algerian", "tunisian", "libyan", "south african",
    "iranian", "iraqi", "syrian", "lebanese", "jordanian", "saudi", "yemeni", "israeli", "palestinian",
    "floridian", "texan", "californian", "new yorker", "londoner", "parisian",
)
_MEN = tuple(d for d in _DEMONYM_ROOTS if d.endswith("man") and d != "german")  # "Frenchmen", not "Germen"
_DEMONYMS = set(_DEMONYM_ROOTS) | {d[:-3] + "men" for d in _MEN} \
    | {d + "s" for d in _DEMONYM_ROOTS if not d.endswith(("ese", "swiss")) and d not in _MEN}

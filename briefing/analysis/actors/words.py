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

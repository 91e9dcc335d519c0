"""Clusters: the mentions of one actor or place grouped under one canonical name.

A person's shorter name (surname, first name, "Mike" for "Michael", without a
"Jr.") joins the full name it matches; of several ("Mackey" of Sandra and Dan Mackey), one
named in the same sentence, else the one the article named first. An acronym
joins the one name it abbreviates ("PMF", "U.N. Security Council"); for
organisations also "Department of Justice" the "Justice Department" and a short
name the one longer name it is part of ("Spirit" of "Spirit Airlines"). An
organisation or place mention that is a known person's name joins the person.
"""

from __future__ import annotations

import re

from ... import lexicon
from .names import PERSON, Cluster, Mention, acronym_of, initials_of, name_key
from .words import NAME_LINKS, ORG_HEADS, PARTY_NAMES

# Generational suffixes after a surname ("Donald B. Verrilli Jr."): not the surname.
_SUFFIXES = lexicon.words("generational_suffixes")
# Short forms of first names ("Mike Brown" is "Michael Brown").
_NICKNAMES = lexicon.table("first_name_short_forms")


def name_match(short: str, full: str) -> bool:
    """Whether `short` can refer to the person named `full`: same name, surname(s), first name, or first name and
    surname without the middle name."""
    s, f = _person_words(short), _person_words(full)
    if len(s) == len(f) >= 2 and s[1:] == f[1:] and _first_name(s[0]) == _first_name(f[0]):
        return True  # "Mike Brown" is "Michael Brown"
    if len(s) == 2 < len(f) and s[0] == f[0] and s[1] == f[-1]:
        return True  # "Kelly Gissendaner" is "Kelly Renee Gissendaner"
    return s == f or (len(s) < len(f) and (f[-len(s):] == s or s == f[:1]))


def _person_words(name: str) -> list[str]:
    """The words of a person's name, without a generational suffix ("Verrilli Jr." -> "verrilli")."""
    words = name_key(name).split()
    while len(words) > 1 and words[-1].rstrip(".,") in _SUFFIXES:
        words = words[:-1]
    return words


def _first_name(word: str) -> str:
    return _NICKNAMES.get(word, word)


def cluster_people(mentions: list[Mention]) -> list[Cluster]:
    """Group person mentions: a shorter name joins the closest earlier-mentioned full name it matches."""
    clusters: list[Cluster] = []
    by_length = sorted(mentions, key=lambda m: (-len(m.text.split()), m.span.start))
    for mention in by_length:
        candidates = [c for c in clusters if any(name_match(mention.text, m.text) for m in c.mentions)]
        if not candidates:
            clusters.append(Cluster(PERSON, [mention]))
        else:
            min(candidates, key=lambda c, m=mention: _claim(c, m)).mentions.append(mention)
    return clusters


def _claim(cluster: Cluster, mention: Mention) -> tuple[int, int]:
    """How a full name ranks for a shorter one several full names share ("Mackey" of Sandra and Dan Mackey): one named
    in the same sentence first, then the one the article named first (a story calls its subject by the surname and
    the relative by the first name or a role)."""
    full = [m for m in cluster.mentions if len(m.text.split()) > len(mention.text.split())] or cluster.mentions
    same = any(m.sentence == mention.sentence and m.span.start <= mention.span.start for m in full)
    return (0 if same else 1, min(m.span.start for m in full))


def cluster_names(mentions: list[Mention], aliases: dict[str, str], parts: bool = False) -> list[Cluster]:
    """Group organisation (or place) mentions by name, and an acronym with its full name; with `parts`, also a
    short name with the one longer name it is part of."""
    clusters: dict[str, Cluster] = {}
    for mention in mentions:
        clusters.setdefault(name_key(mention.text), Cluster(mention.kind)).mentions.append(mention)
    parties: dict[str, str] = {}  # "Tories" and "Tory" are the "Conservatives": one party, under its first name
    for key in list(clusters):
        party = PARTY_NAMES.get(key)
        if party is not None and parties.setdefault(party, key) != key:
            clusters[parties[party]].mentions.extend(clusters.pop(key).mentions)
    for key, cluster in list(clusters.items()):
        letters = acronym_of(cluster.mentions[0].text)
        if letters is None:
            continue
        full = [c for k, c in clusters.items() if k != key and letters in initials_of(c.name)]
        if aliases.get(key) in clusters:
            full = [clusters[aliases[key]]]
        if len(full) == 1 and full[0] is not cluster:
            full[0].mentions.extend(clusters.pop(key).mentions)
    for key in list(clusters):  # "U.N. Security Council" is the "United Nations Security Council"
        words = key.split()
        letters = acronym_of(clusters[key].mentions[0].text.split()[0]) if len(words) > 1 else None
        if letters is None:
            continue
        n = len(letters)
        full = [c for k, c in clusters.items() if k.split()[n:] == words[1:] and len(k.split()) == len(words) + n - 1
                and "".join(w[0] for w in k.split()[:n]).upper() == letters]
        if len(full) == 1:
            full[0].mentions.extend(clusters.pop(key).mentions)
    for key in list(clusters) if parts else ():  # "Department of Justice" is the "(U.S.) Justice Department"
        match = re.fullmatch(r"(\S+) of (?:the )?(\S+(?: \S+)?)", key)
        if match is None or match.group(1) not in ORG_HEADS:
            continue
        inverted = f"{match.group(2)} {match.group(1)}"
        full = [clusters[inverted]] if inverted in clusters else \
            [c for k, c in clusters.items() if k.endswith(" " + inverted)]
        if len(full) == 1:
            full[0].mentions.extend(clusters.pop(key).mentions)
    for key in sorted(clusters, key=lambda k: len(k.split())) if parts else ():
        words = key.split()
        generic = all(w in ORG_HEADS | NAME_LINKS for w in words)
        if len(words) == 1 and acronym_of(clusters[key].mentions[0].text):
            continue
        if len(words) > 2 or (generic and not _national(key, clusters)):
            # "Palm Bay police" is the "Palm Bay Police Department": the longer name only adds organisation words
            longer = [c for k, c in clusters.items() if k.startswith(key + " ")
                      and all(w in ORG_HEADS for w in k.split()[len(words):])]
            if len(words) > 2 and len(longer) == 1:
                longer[0].mentions.extend(clusters.pop(key).mentions)
            continue
        # "Spirit" is "Spirit Airlines", "Port Authority" the "Port Authority of New York and New Jersey"
        longer = [c for k, c in clusters.items() if len(k.split()) > len(words) and _contains(k.split(), words)]
        if len(longer) == 1:
            longer[0].mentions.extend(clusters.pop(key).mentions)
    return list(clusters.values())


def _national(key: str, clusters: dict[str, Cluster]) -> bool:
    """Whether a generic name ("Congress", "Parliament") has exactly one longer form that is a country's acronym
    plus that name ("U.S. Congress"): then it is short for it."""
    longer = [c for k, c in clusters.items() if k.endswith(" " + key) and len(k.split()) == len(key.split()) + 1]
    return len(longer) == 1 and acronym_of(longer[0].name.split()[0]) is not None


def _contains(words: list[str], part: list[str]) -> bool:
    return any(words[i:i + len(part)] == part for i in range(len(words) - len(part) + 1))


def absorb(people: list[Cluster], others: list[Mention]) -> list[Mention]:
    """Move organisation/place mentions that are a known person's name into that person; the rest stay."""
    rest = []
    for mention in others:
        match = next((c for c in people if any(name_match(mention.text, m.text) for m in c.mentions)), None)
        if match is not None and len(mention.span) <= 2:
            match.mentions.append(Mention(mention.span, PERSON, mention.sentence))
        else:
            rest.append(mention)
    return rest


def is_possessive(cluster: Cluster) -> bool:
    """Whether a name is used in the possessive ("Obama's focus"): someone who has or does something."""
    doc = cluster.mentions[0].span.doc
    return any(m.span.end < len(doc) and doc[m.span.end].tag_ == "POS" for m in cluster.mentions)


def drop_name_parts(people: list[Cluster], others: list[Cluster]) -> list[Cluster]:
    """Drop one-word "people" that are a word of an organisation or place name ("United")."""
    words = {w for c in others for form in c.forms() if len(form.split()) > 1 for w in name_key(form).split()}
    return [c for c in people if len(c.name.split()) > 1 or name_key(c.name) not in words]

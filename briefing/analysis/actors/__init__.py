"""Actors (people, organisations) and places of an article, from one spaCy parse.

spaCy's named entities are the base, repaired (`spans`). The names that are
actors or places are kept, each with the kind its mentions vote for
(`mentions`, `kinds`); name variants are merged (surname, acronym, title +
name: `clusters`) and each actor gets the role the article gives it, verbatim
(`roles`). `names` and `lexicon` hold what these steps share.

Here the actors are ranked: by mentions, plus the headline, the lead sentence
and an early first mention.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ...model import Actor, Article
from ...nlp.entities import Parsed
from ...nlp.naming import actor_forms, names_any
from .clusters import absorb, cluster_names, cluster_people, drop_name_parts, is_possessive
from .mentions import find_mentions, is_unreal, product_keys, publisher
from .names import ORGANIZATION, PERSON, PLACE, Cluster, name_key
from .roles import find_role
from .words import ORG_NOUNS


def _in_text(cluster: Cluster, text: str) -> bool:
    """Whether one of the cluster's forms (a person by any of their names) occurs in `text`."""
    return names_any(text, actor_forms(cluster.name, cluster.forms(), cluster.kind == PERSON))


def _salience(cluster: Cluster, title: str) -> float:
    """Mentions, plus a bonus for the headline, the lead sentence and an early first mention."""
    return (
        len(cluster.mentions)
        + (1.0 if title and _in_text(cluster, title) else 0.0)
        + (1.0 if cluster.first == 0 else 0.0)
        + 1.0 / (1 + cluster.first)
    )


def _ranked(clusters: Iterable[Cluster], title: str) -> list[Cluster]:
    return sorted(clusters, key=lambda c: (-_salience(c, title), c.first, c.name))


def _common_word(cluster: Cluster, lower: set[str]) -> bool:
    """Whether an organisation is a common word capitalised ("Lone wolves are", "the Caliphate"): named by one
    capitalised word only (no acronym), which the article also writes in lower case ("a lone wolf", "the caliphate")."""
    return all(len(m.span) == 1 and m.span[0].text.istitle() and m.span[0].text.lower() in lower
               and not (m.span.start > 0 and m.span.doc[m.span.start - 1].lower_ in ORG_NOUNS)  # "journal Scanning"
               for m in cluster.mentions)


@dataclass(frozen=True)
class Actors:
    """A document's actors and places, and which tokens of its parse name which actor."""

    actors: tuple[Actor, ...]
    places: tuple[str, ...]
    names: dict[int, str]  # token index in the parse -> the canonical name of the actor it names

    def actor(self, name: str) -> Actor | None:
        """The actor with this canonical name."""
        return next((a for a in self.actors if a.name == name), None)


_COUNTED = frozenset({"a", "an", "one", "his", "her", "their", "its", "my", "our", "your"})


def _a_thing(cluster: Cluster) -> bool:
    """A "place" the article writes only after a determiner, at least once after "a", "one" or "his" ("fired his
    Taser", "the sound of a Taser", "go after the Taser"): a thing, not a place ("the Bronx" is never "a Bronx")."""
    before = []  # the determiner of each mention that is a noun of its own, not a modifier ("a U.S. official")
    for m in cluster.mentions:
        if m.span.root.dep_ in ("compound", "nmod", "amod"):
            continue
        word = m.span.doc[m.span.start - 1] if m.span.start > 0 else None
        before.append(word.lower_ if word is not None and word.head == m.span.root else "")
    return all(word in _COUNTED or word == "the" for word in before) and any(word in _COUNTED for word in before)


NO_ACTORS = Actors((), (), {})


def find_actors(parsed: Parsed, article: Article) -> Actors:
    """Actors, places and name tokens of a parsed article, most salient first."""
    mentions, aliases = find_mentions(parsed, publisher(article.text))
    people = cluster_people([m for m in mentions if m.kind == PERSON])
    others = absorb(people, [m for m in mentions if m.kind != PERSON])
    products = product_keys(parsed.doc)
    organizations = cluster_names([m for m in others if m.kind == ORGANIZATION and name_key(m.text) not in products],
                                   aliases, parts=True)
    places = [c for c in cluster_names([m for m in others if m.kind == PLACE], aliases) if not _a_thing(c)]
    people = [c for c in people if not any(is_unreal(m.span) for m in c.mentions)]
    people = [c for c in drop_name_parts(people, organizations + places)
              if len(c.name.split()) > 1 or len(c.mentions) > 1 or find_role(c)
              or is_possessive(c)]  # a lone "Transcript"
    surnames = {name_key(c.name).split()[-1] for c in people}
    plural = {c.name for c in people + organizations  # "the Netanyahus", "Anna Politkovskayas"
              if c.name.endswith("s") and name_key(c.name).split()[-1][:-1] in surnames}
    place_words = {name_key(c.name).split()[0] for c in places if len(c.name.split()) > 1}
    places += [c for c in organizations if name_key(c.name) in place_words]  # "LaGuardia" of "LaGuardia Airport"
    organizations = [c for c in organizations if name_key(c.name) not in place_words and c.name not in plural]
    lower = {t.text for t in parsed.doc if t.is_lower and t.is_alpha}
    organizations = [c for c in organizations if not _common_word(c, lower)]
    people = [c for c in people if c.name not in plural]
    title = article.title
    ranked = _ranked(people + organizations, title)
    actors = tuple(
        Actor(
            name=cluster.name,
            kind=cluster.kind,
            role=find_role(cluster),
            mentions=len(cluster.mentions),
            variants=tuple(f for f in cluster.forms() if f != cluster.name),
            first_sentence=cluster.first,
            article_ids=(article.id,),
        )
        for cluster in ranked
    )
    names = {t.i: cluster.name for cluster in ranked for m in cluster.mentions for t in m.span}
    return Actors(actors, tuple(cluster.name for cluster in _ranked(places, title)), names)

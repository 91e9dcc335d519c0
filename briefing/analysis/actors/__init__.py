"""Actors (people, organisations) and places of an article, from one spaCy parse.

spaCy's named entities are the base, repaired where the repair is exact (`spans`:
edges, joins, names NER split or left untagged, a place's body such as "the
Saudi government"). Every candidate name gets features (`features`: the cues
of its mentions in `mentions` and `kinds`, its words, how the article uses it),
and a learned decision (`learned`: logistic regression, weights in
briefing/models/) says whether it is a person, an organisation, a place or
none. Name variants are merged (surname, acronym, title + name: `clusters`)
and each actor gets the role the article gives it, verbatim (`roles`). `names`
and `words` hold what these steps share.

Here the actors are ranked: by mentions, plus the headline, the lead sentence
and an early first mention.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ... import lexicon
from ...learn import LinearModel
from ...model import Actor, Article
from ...nlp.entities import Parsed
from ...nlp.naming import actor_forms, names_any
from .clusters import absorb, cluster_names, cluster_people
from .features import name_features
from .learned import Models, decide
from .mentions import find_candidates, publisher
from .names import ORGANIZATION, PERSON, PLACE, Cluster, Mention, name_key
from .roles import find_role, names_an_organisation
from .words import DEMONYMS, EMPLOYED

if TYPE_CHECKING:
    from spacy.tokens import Span


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


@dataclass(frozen=True)
class Actors:
    """A document's actors and places, and which tokens of its parse name which actor."""

    actors: tuple[Actor, ...]
    places: tuple[str, ...]
    names: dict[int, str]  # token index in the parse -> the canonical name of the actor it names

    def actor(self, name: str) -> Actor | None:
        """The actor with this canonical name."""
        return next((a for a in self.actors if a.name == name), None)


NO_ACTORS = Actors((), (), {})
_BEATS = lexicon.words("beat_nouns")
_COMPASS = lexicon.words("compass_words")
_ALIAS = lexicon.words("alias_words")
# A holiday is a time of the year and a disease a condition, however NER tags them; a nationality and the
# followers of a religion are groups of people ("Kenyans", "Muslims"): never an actor or a place.
_NEVER = {name_key(w) for concept in ("holidays", "diseases") for w in lexicon.words(concept)} | DEMONYMS | {
    w + s for w in lexicon.words("adherents") for s in ("", "s")}
ALIAS_REACH = 6  # tokens back from a name to the alias word of its list ("aliases Dulyadin and Gamadhere")


def _alias(mention: Mention) -> bool:
    """A name given as another name of someone ("who goes by the aliases Dulyadin and Gamadhere", "the prisoner
    formerly known as Bradley Manning"): the alias word or words before it, with only names, commas and "and"/"or"
    between."""
    doc = mention.span.doc
    for i in range(mention.span.start - 1, max(-1, mention.span.start - 1 - ALIAS_REACH), -1):
        token = doc[i]
        phrases = (" ".join(t.lower_ for t in doc[max(i - n, 0):i + 1]) for n in (0, 1, 2))
        if any(p in _ALIAS for p in phrases):
            return True  # "aka Jihadi John", "formerly known as Bradley Manning"; not "a club known as X"
        if not (token.pos_ == "PROPN" or token.lower_ in (",", "and", "or", "the") or token.is_quote):
            return False
    return False


def _employer(span: Span) -> bool:
    """Whether a name is the object of "at" or "with" right after a person's noun or title ("Mr Smith, an analyst
    at Merrill Lynch", "an economist with MM Warburg", "chief economist at Halifax"); not one of a kind ("a manager
    at an Indiana Veterans Hospital")."""
    root = span.root
    preposition = root.head
    return root.dep_ == "pobj" and preposition.lower_ in ("at", "with") and preposition.head.pos_ in ("NOUN", "PROPN") \
        and preposition.head.lower_ in EMPLOYED and preposition.head.i == preposition.i - 1 \
        and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in root.children)


def _elided(mention: Mention) -> bool:
    """A compass word standing for a region whose name the next one completes: "North" of "North and East
    Africa"."""
    span = mention.span
    doc = span.doc
    if len(span) != 1 or span[0].lower_ not in _COMPASS or span.end + 1 >= len(doc):
        return False
    return doc[span.end].lower_ in ("and", "or", ",") and doc[span.end + 1].lower_ in _COMPASS


def _in_beat(mention: Mention) -> bool:
    """A place naming someone's beat, not where the story happens: "Middle East and North Africa Programme
    Director", "CNN's Europe editor" (the place modifies a beat noun after it)."""
    head = mention.span.root.head
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    return mention.span.root.dep_ == "compound" and head.i >= mention.span.end and head.lemma_.lower() in _BEATS


def actor_clusters(parsed: Parsed, article: Article, models: Models | None = None) -> tuple[list[Cluster],
                                                                                          list[Cluster]]:
    """The people and organisations of a parsed article, most salient first, and its places, likewise (`models`:
    other weights than the shipped ones, for training)."""
    candidates, aliases, seen = find_candidates(parsed, publisher(article.text))
    features = name_features(candidates, seen, article.title, aliases)
    kinds = {key: None if key in _NEVER else decide(values, models) for key, values in features.items()}
    for m in candidates:  # "an analyst at Merrill Lynch": a person's employer is an organisation, never a place
        if _employer(m.span) and kinds.get(name_key(m.text)) != PERSON and name_key(m.text) not in _NEVER:
            kinds[name_key(m.text)] = ORGANIZATION
    mentions = [Mention(m.span, kinds[name_key(m.text)], m.sentence) for m in candidates]  # kind None: no actor
    people = [c for c in cluster_people([m for m in mentions if m.kind == PERSON])
              if not all(_alias(m) for m in c.mentions)]
    others = absorb(people, [m for m in mentions if m.kind != PERSON])  # "Buhari" of "Muhammadu Buhari"
    organizations = cluster_names([m for m in others if m.kind == ORGANIZATION], aliases, parts=True)
    places = cluster_names([m for m in others if m.kind == PLACE and not _in_beat(m) and not _elided(m)], aliases)
    return _ranked(people + organizations, article.title), _ranked(places, article.title)


def find_actors(parsed: Parsed, article: Article, models: Models | None = None,
                role_model: LinearModel | None = None) -> Actors:
    """Actors, places and name tokens of a parsed article, most salient first (`models`, `role_model`: other
    weights than the shipped ones, for training)."""
    ranked, places = actor_clusters(parsed, article, models)
    roles = [find_role(cluster, role_model) for cluster in ranked]
    actors = tuple(
        Actor(
            name=cluster.name,
            kind=ORGANIZATION if cluster.kind == PERSON and role and names_an_organisation(cluster, role)
            else cluster.kind,
            role=role,
            mentions=len(cluster.mentions),
            variants=tuple(f for f in cluster.forms() if f != cluster.name),
            first_sentence=cluster.first,
            article_ids=(article.id,),
        )
        for cluster, role in zip(ranked, roles, strict=True)
    )
    names = {t.i: cluster.name for cluster in ranked for m in cluster.mentions for t in m.span}
    return Actors(actors, tuple(cluster.name for cluster in places), names)

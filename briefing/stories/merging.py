"""Merging a story's articles: the one-article stories of one event become one story.

A story's articles are composed one by one (the same sections as a one-story
brief, `compose`) and merged here: Situation interleaves the articles' best sentences with
near-duplicates across outlets removed and sentences that lean on an unshown one
left out, opening with the sentence the other articles tell most (it is also the
story's Bottom line); actors are merged by name (a person's too when outlets spell it
two ways); places are ranked by how many articles name them; sources list every article.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from difflib import SequenceMatcher
from itertools import zip_longest
from typing import TYPE_CHECKING

from ..model import Actor, Excerpt, Section, Story
from ..nlp.tokenize import fast_words
from ..rank.standalone import leans_back

if TYPE_CHECKING:
    from ..sections import SectionSpec

DUPLICATE_OVERLAP = 0.6  # share of the shorter sentence's words found in the other: a near-duplicate
SPELLING = 0.6  # similarity (difflib's ratio) at which two words of one initial are one word spelled two ways

def _words(text: str) -> frozenset[str]:
    return frozenset(fast_words(text))


def near_duplicate(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two sentences say the same thing when most words of the shorter are in the longer."""
    if not a or not b:
        return a == b
    return len(a & b) / min(len(a), len(b)) >= DUPLICATE_OVERLAP


def dangling(excerpt: Excerpt, shown: Iterable[Excerpt], language: str = "english") -> bool:
    """Whether a sentence leans back ("Its 573 students ...", "But ...": `rank.standalone`; or its article's
    Situation kept it only after the sentence before it, `Excerpt.leans`) and that sentence is not shown: among
    other articles' sentences it would point at the wrong thing."""
    if not excerpt.leans and leans_back(excerpt.text, language) is None:
        return False
    return not any(e.article_id == excerpt.article_id and e.sentence_index == excerpt.sentence_index - 1
                   for e in shown)


def _merge_excerpts(per_article: Sequence[Sequence[Excerpt]], limit: int, by_score: bool,
                    language: str = "english") -> tuple[Excerpt, ...]:
    """Round-robin over the articles (each in its own best-first order), skipping near-duplicates and, when
    ranked (Situation), sentences that lean on a sentence not shown before them."""
    queues = [sorted(xs, key=lambda e: -(e.score or 0.0)) if by_score else list(xs) for xs in per_article]
    chosen: list[Excerpt] = []
    kept: list[frozenset[str]] = []
    for round_ in zip_longest(*queues):
        for excerpt in round_:
            if excerpt is None or len(chosen) >= limit:
                continue
            words = _words(excerpt.text)
            if any(near_duplicate(words, other) for other in kept):
                continue
            if by_score and dangling(excerpt, chosen, language):
                continue
            chosen.append(excerpt)
            kept.append(words)
    if not chosen and limit:  # every sentence leans on another: the best one still says something
        chosen = [q[0] for q in queues if q][:1]
    order = {id(x): (a, i) for a, xs in enumerate(per_article) for i, x in enumerate(xs)}
    return tuple(sorted(chosen, key=lambda e: order[id(e)]))


def _spelled_alike(a: str, b: str) -> bool:
    """Two spellings of one word, as outlets transliterate a name ("Abdu" and "Abdo", "Rabu" and "Rabbo")."""
    return a == b or (a[:1] == b[:1] and SequenceMatcher(None, a, b).ratio() >= SPELLING)


def _one_name_spelled_two_ways(a: str, b: str) -> bool:
    """Two persons' names of the same words, the surname the same and the others spelled alike."""
    wa, wb = a.casefold().split(), b.casefold().split()
    return (len(wa) == len(wb) >= 2 and wa[-1] == wb[-1]
            and all(_spelled_alike(x, y) for x, y in zip(wa[:-1], wb[:-1], strict=True)))


def _same_actor(a: Actor, b: Actor) -> bool:
    if a.name.casefold() == b.name.casefold():
        return True
    if a.kind != b.kind:
        return False
    if a.kind == "person" and _one_name_spelled_two_ways(a.name, b.name):
        return True  # "Abdu Rabu Mansour Hadi" in one article, "Abdo Rabbo Mansour Hadi" in another
    first_a, first_b = a.name.split()[0].casefold(), b.name.split()[0].casefold()
    if a.kind == "person" and " " in a.name and " " in b.name and first_a != first_b:
        return False  # "Ted Cruz" and "Rafael Cruz", "Hillary Clinton" and "Bill Clinton": one surname, two people
    names_a = {a.name.casefold(), *(v.casefold() for v in a.variants)}
    names_b = {b.name.casefold(), *(v.casefold() for v in b.variants)}
    if names_a & names_b:
        return True
    if a.kind == "person":  # "Soleimani" and "Qassim Soleimani"
        short, long_ = sorted((a.name, b.name), key=len)
        return " " not in short and long_.split()[-1].casefold() == short.casefold()
    return False


def merge_actors(groups: Iterable[Sequence[Actor]]) -> tuple[Actor, ...]:
    """Actors of several articles as one list: same person or organisation merged, by total mentions."""
    merged: list[Actor] = []
    for actors in groups:
        for actor in actors:
            match = next((i for i, m in enumerate(merged) if _same_actor(m, actor)), None)
            if match is None:
                merged.append(actor)
                continue
            old = merged[match]
            name = max(old.name, actor.name, key=len)
            variants = tuple(dict.fromkeys(v for v in (*old.variants, old.name, *actor.variants, actor.name)
                                           if v != name))
            merged[match] = replace(
                old, name=name, role=old.role or actor.role, mentions=old.mentions + actor.mentions,
                variants=variants, article_ids=tuple(dict.fromkeys((*old.article_ids, *actor.article_ids))),
            )
    return tuple(sorted(merged, key=lambda a: -a.mentions))


def _not_places(actors: Sequence[Actor], places: Sequence[str]) -> tuple[Actor, ...]:
    """Organisations another article of the story names as a place are that place ("Accra"), not actors."""
    known = {p.casefold() for p in places}
    return tuple(a for a in actors if a.kind == "person" or a.name.casefold() not in known)


def _content(text: str) -> frozenset[str]:
    return frozenset(w for w in fast_words(text) if len(w) > 3)  # long words: content words in most languages


def _most_told_first(excerpts: tuple[Excerpt, ...], per_article: Sequence[Sequence[Excerpt]],
                     language: str = "english") -> tuple[Excerpt, ...]:
    """The excerpt the other articles' Situation sentences tell most (summed best word overlap) comes first: it
    opens the story and its Bottom line. The others keep their order; a sentence leaning on the one before stays."""
    movable = [e for e in excerpts if leans_back(e.text, language) is None]
    if len(excerpts) < 2 or not movable:
        return excerpts
    told = [[(e.article_id, words) for e in xs if (words := _content(e.text))] for xs in per_article]

    def support(excerpt: Excerpt) -> float:
        words = _content(excerpt.text)
        if not words:
            return 0.0
        return sum(max((len(words & o) / math.sqrt(len(words) * len(o)) for article, o in other
                        if article != excerpt.article_id), default=0.0) for other in told)

    score = {id(e): support(e) for e in (*movable, excerpts[0])}
    best = max(movable, key=lambda e: score[id(e)])  # the first of equals
    if score[id(best)] <= score[id(excerpts[0])]:
        return excerpts
    return (best, *(e for e in excerpts if e is not best))


def merge_stories(stories: Sequence[Story], sections: Sequence[SectionSpec], language: str = "english") -> Story:
    """One story from the one-article stories of the same event (the first is the most representative)."""
    if len(stories) == 1:
        return stories[0]
    merged_sections = []
    for spec in sections:
        parts = [s.section(spec.key) for s in stories]
        if all(p is None for p in parts):
            continue
        per_article = [p.excerpts if p else () for p in parts]
        excerpts = _merge_excerpts(per_article, spec.limit, by_score=spec.key == "situation", language=language)
        if spec.key == "situation":
            excerpts = _most_told_first(excerpts, per_article, language)
        merged_sections.append(Section(spec.key, spec.title, excerpts))
    named = Counter(p for s in stories for p in set(s.places))
    # Named by most articles first; the sort is stable, so ties keep each article's own ranking.
    places = tuple(sorted(dict.fromkeys(p for s in stories for p in s.places), key=lambda p: -named[p]))
    return Story(
        headline=stories[0].headline,
        sections=tuple(merged_sections),
        actors=_not_places(merge_actors(s.actors for s in stories), places),
        places=places,
        sources=tuple(src for s in stories for src in s.sources),
    )

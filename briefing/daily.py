"""The daily brief: many articles -> stories -> one Briefing.

    collect (sources.py) -> segment -> group (stories.py) -> compose each article
    -> merge each story's articles -> mark what history has seen

A story's articles are composed one by one (the same sections as a one-story
brief) and merged: Situation interleaves the articles' best sentences with
near-duplicates across outlets removed and sentences that lean on an unshown one
left out, opening with the sentence the other articles tell most (it is also the
story's Bottom line); actors are merged by name; places are ranked by how many
articles name them; sources list every article. Per-article work goes through an
executor, so it can run in threads, processes or on a Dask cluster.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor
from dataclasses import replace
from datetime import date
from itertools import zip_longest

from .compose import Options, SectionSpec, compose_story
from .history import History, StoryKey, fingerprint
from .model import Actor, Briefing, Document, Excerpt, Section, Story
from .nlp.tokenize import fast_words
from .rank.standalone import leans_back
from .stories import DEFAULT_THRESHOLD, group, is_boilerplate

MAX_STORIES = 12  # default --stories
ARTICLES_PER_STORY = 5  # articles of a story composed and merged (the most representative first)
DUPLICATE_OVERLAP = 0.6  # share of the shorter sentence's words found in the other: a near-duplicate

Progress = Callable[[int, int], None]


def _words(text: str) -> frozenset[str]:
    return frozenset(fast_words(text))


def near_duplicate(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two sentences say the same thing when most words of the shorter are in the longer."""
    if not a or not b:
        return a == b
    return len(a & b) / min(len(a), len(b)) >= DUPLICATE_OVERLAP


def dangling(excerpt: Excerpt, shown: Iterable[Excerpt], language: str = "english") -> bool:
    """Whether a sentence leans back ("Its 573 students ...", "But ...": `rank.standalone`) and the sentence
    before it is not shown: among other articles' sentences it would point at the wrong thing."""
    if leans_back(excerpt.text, language) is None:
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


def _same_actor(a: Actor, b: Actor) -> bool:
    if a.name.casefold() == b.name.casefold():
        return True
    if a.kind != b.kind:
        return False
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


def _compose_one(args: tuple[Document, Sequence[SectionSpec], Options]) -> Story:
    doc, sections, options = args
    return compose_story(doc, sections, options)


def mark_seen(story: Story, docs: Sequence[Document], history: History) -> tuple[Story, StoryKey]:
    """Flag the story and its excerpts that earlier briefs showed; return the key to record."""
    key = StoryKey.of(story.headline, [s.text for d in docs for s in d.sentences])
    shown = [e for section in story.sections for e in section.excerpts]
    seen = history.seen_sentences(fingerprint(e.text) for e in shown)
    sections = tuple(
        replace(sec, excerpts=tuple(replace(e, seen=fingerprint(e.text) in seen) for e in sec.excerpts))
        for sec in story.sections
    )
    return replace(story, sections=sections, seen=history.seen_story(key)), key


def build_daily(
    docs: Sequence[Document],
    sections: Sequence[SectionSpec],
    options: Options | None = None,
    *,
    title: str = "Daily brief",
    brief_date: date | None = None,
    template: str = "daily",
    max_stories: int = MAX_STORIES,
    executor: Executor | None = None,
    history: History | None = None,
    notices: Sequence[str] = (),
    progress: Progress | None = None,
    clusters: Sequence[Sequence[int]] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    record: bool = True,
) -> Briefing:
    """Group documents into stories, compose the top `max_stories`, and mark what history has seen.

    `threshold` is the grouping's (`stories.group`: higher keeps more stories apart);
    `clusters` (from `stories.group`, most important first) skips the grouping when given.
    With a `history`, the brief is recorded in it unless `record` is False; its `history_keys`
    are what `history.record_briefing` records later (after the output is written).
    """
    options = options or Options()
    if clusters is None:
        clusters = group(docs, threshold=threshold)
    # Web furniture (cookie walls, crawl notices) is not a story.
    clusters = [c for c in clusters if not all(is_boilerplate(docs[i]) for i in c)][:max_stories]
    jobs = [(docs[i], sections, options) for cluster in clusters for i in cluster[:ARTICLES_PER_STORY]]
    composed: list[Story] = []
    mapper = executor.map if executor is not None else map
    for done, story in enumerate(mapper(_compose_one, jobs), 1):
        composed.append(story)
        if progress:
            progress(done, len(jobs))
    stories: list[Story] = []
    keys: list[StoryKey] = []
    start = 0
    for cluster in clusters:
        members = cluster[:ARTICLES_PER_STORY]
        story = merge_stories(composed[start:start + len(members)], sections, docs[members[0]].article.language)
        start += len(members)
        if history is not None:
            story, key = mark_seen(story, [docs[i] for i in cluster], history)
            keys.append(key)
        stories.append(story)
    dates = [d.article.published for d in docs if d.article.published]
    result = Briefing(title=title, stories=tuple(stories), date=brief_date or (max(dates) if dates else None),
                      method=options.method, template=template, notices=tuple(notices),
                      history_keys=None if history is None else tuple(keys))
    if history is not None and record:
        history.record(result.title, result.date, keys)
    return result

"""compose: analysed documents + a template's section spec -> Briefing.

Each section kind has a builder. The narrative sections (Quotes, Background, What to
watch, Situation) *claim* their sentences: a sentence claimed by one of them is never
shown in another. They run in `_PRIORITY` order whatever the template's layout:
Quotes first (a quotation is best shown with its speaker, and the few it takes are
chosen among many), then Background (what led up to the event), then What to watch,
and Situation last, taking what the others leave. The lead sentence is the main
event: only Situation takes it.

Key figures and Timeline are *views* over the numbers and dates of the article, not
narrative: their entries may repeat a sentence shown in a narrative section (each
labelled with its figure or date), and they claim nothing. A Timeline may also show
one sentence twice, once per date it names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from .model import Actor, Briefing, Document, Excerpt, Section, SourceRef, Story
from .rank import Length, rank
from .sections.actors import extract_actors
from .sections.background import is_background
from .sections.figures import key_figures
from .sections.outlook import outlook
from .sections.quotes import quotes
from .sections.timeline import timeline
from .stories import is_furniture_sentence


class SectionSpec(Protocol):
    """What compose needs of a template's section entry."""

    key: str
    title: str
    limit: int


@dataclass(frozen=True)
class Options:
    """How to choose sentences: the ranking method and Situation's length."""

    method: str = "default"
    sentences: int | None = None  # overrides the template's Situation limit
    words: int | None = None
    ratio: float | None = None
    lede: bool = True  # Situation always opens with the article's first sentence


@dataclass
class _Work:
    """Per-document state while sections are built."""

    doc: Document
    options: Options
    claimed: set[int]
    background: list[bool] | None = None
    found: tuple[tuple[Actor, ...], tuple[str, ...]] | None = None

    def flags(self) -> list[bool]:
        if self.background is None:
            self.background = is_background(self.doc)
        return self.background

    def actors(self) -> tuple[tuple[Actor, ...], tuple[str, ...]]:
        if self.found is None:
            self.found = extract_actors(self.doc)
        return self.found


def _excerpts(doc: Document, indices: Sequence[int], scores: Sequence[float] | None = None) -> tuple[Excerpt, ...]:
    return tuple(
        Excerpt(text=doc.sentences[i].text, article_id=doc.article.id, sentence_index=i,
                score=None if scores is None else round(scores[i], 6))
        for i in sorted(indices)
    )


def _situation(work: _Work, spec: SectionSpec) -> tuple[Excerpt, ...]:
    opts = work.options
    if opts.words is not None or opts.ratio is not None:
        length = Length(sentences=opts.sentences, words=opts.words, ratio=opts.ratio)
    else:
        length = Length(sentences=opts.sentences if opts.sentences is not None else spec.limit)
    flags = work.flags()
    allowed = {i for i in range(len(work.doc)) if i not in work.claimed and (i == 0 or not flags[i])}
    ranking = rank(work.doc, opts.method, length, allowed=allowed)
    chosen = _with_lede(ranking.selected, ranking.scores, allowed, opts.lede)
    chosen = _cover_headline(work, chosen, ranking.scores, allowed)
    return _excerpts(work.doc, chosen, ranking.scores)


def _mentions(text: str, actor: Actor) -> bool:
    names = {actor.name, *actor.variants}
    if actor.kind == "person":
        names.add(actor.name.split()[-1])  # "Soleimani" for "Qassim Soleimani"
    return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) for name in names if len(name) > 2)


def _cover_headline(work: _Work, chosen: list[int], scores: Sequence[float], allowed: set[int]) -> list[int]:
    """The people and organisations the headline names are the main event's: Situation mentions each.

    An actor named in the headline but in no chosen sentence brings in its best-scored
    sentence, in place of the weakest choice (the lede stays).
    """
    title = work.doc.article.title
    if not title or len(chosen) < 2:
        return chosen
    sentences = work.doc.sentences
    named = [a for a in work.actors()[0] if _mentions(title, a)]
    chosen = list(chosen)
    for actor in named:
        if any(_mentions(sentences[i].text, actor) for i in chosen):
            continue
        candidates = [i for i in allowed if i not in chosen and _mentions(sentences[i].text, actor)]
        replaceable = [i for i in chosen if i != 0 and not any(_mentions(sentences[i].text, a) for a in named)]
        if not candidates or not replaceable:
            continue
        weakest = min(replaceable, key=lambda i: scores[i])
        chosen[chosen.index(weakest)] = max(candidates, key=lambda i: scores[i])
    return sorted(chosen)


def _with_lede(selected: Sequence[int], scores: Sequence[float], allowed: set[int], lede: bool) -> list[int]:
    """News puts the main event first: the lede opens Situation, in place of the weakest choice."""
    if not lede or 0 not in allowed or 0 in selected or not selected:
        return list(selected)
    keep = sorted(selected, key=lambda i: -scores[i])[: len(selected) - 1]
    return sorted([0, *keep])


def _background(work: _Work, spec: SectionSpec) -> tuple[Excerpt, ...]:
    flags = work.flags()
    chosen = [i for i, flag in enumerate(flags) if flag and i not in work.claimed][: spec.limit]
    return _excerpts(work.doc, chosen)


def _quotes(work: _Work, spec: SectionSpec) -> tuple[Excerpt, ...]:
    return quotes(work.doc, spec.limit, claimed=frozenset(work.claimed))


def _outlook(work: _Work, spec: SectionSpec) -> tuple[Excerpt, ...]:
    flags = work.flags()
    claimed = frozenset(work.claimed | {i for i, flag in enumerate(flags) if flag})
    return outlook(work.doc, spec.limit, claimed=claimed)


def _figures(work: _Work, spec: SectionSpec) -> tuple[Excerpt, ...]:
    return key_figures(work.doc, spec.limit)


def _timeline(work: _Work, spec: SectionSpec) -> tuple[Excerpt, ...]:
    return timeline(work.doc, spec.limit)


Builder = Callable[[_Work, SectionSpec], tuple[Excerpt, ...]]
BUILDERS: dict[str, Builder] = {
    "situation": _situation,
    "background": _background,
    "quotes": _quotes,
    "outlook": _outlook,
    "figures": _figures,
    "timeline": _timeline,
}
# Builders run in this order; Situation takes what the others leave. Views claim nothing.
_PRIORITY = ("quotes", "background", "outlook", "situation", "figures", "timeline")
VIEWS = frozenset({"figures", "timeline"})


def compose_story(doc: Document, sections: Sequence[SectionSpec], options: Options) -> Story:
    """One story from one document, its sections in the template's order."""
    furniture = frozenset(i for i, s in enumerate(doc.sentences) if is_furniture_sentence(s.text))
    work = _Work(doc=doc, options=options, claimed=set(furniture))  # web furniture is never shown
    built: dict[str, tuple[Excerpt, ...]] = {}
    by_key = {s.key: s for s in sections}
    order = [k for k in _PRIORITY if k in by_key] + [s.key for s in sections if s.key not in _PRIORITY]
    for key in order:
        builder = BUILDERS.get(key)
        if builder is None:
            continue
        excerpts = builder(work, by_key[key])
        if key in VIEWS:
            excerpts = tuple(e for e in excerpts if e.sentence_index not in furniture)
        else:
            work.claimed.update(e.sentence_index for e in excerpts)
        built[key] = excerpts
    actors, places = work.actors() if "actors" in by_key else ((), ())
    article = doc.article
    first = next((s.text for i, s in enumerate(doc.sentences) if i not in furniture), None)
    headline = article.title or first or article.id
    return Story(
        headline=headline,
        sections=tuple(Section(s.key, s.title, built[s.key]) for s in sections if s.key in built),
        actors=actors,
        places=places,
        sources=(SourceRef(article.id, article.title, article.source, article.url, article.published),),
    )


def compose(
    docs: Sequence[Document],
    sections: Sequence[SectionSpec],
    options: Options | None = None,
    *,
    title: str | None = None,
    brief_date: date | None = None,
    template: str = "standard",
    notices: Sequence[str] = (),
) -> Briefing:
    """A Briefing with one story per document, in the order given."""
    options = options or Options()
    stories = tuple(compose_story(doc, sections, options) for doc in docs)
    dates = [d.article.published for d in docs if d.article.published]
    if title is None:
        title = stories[0].headline if len(stories) == 1 else "Briefing"
    return Briefing(
        title=title,
        stories=stories,
        date=brief_date or (max(dates) if dates else None),
        method=options.method,
        template=template,
        notices=tuple(notices),
    )

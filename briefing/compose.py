"""compose: analysed documents + a template's section spec -> Briefing.

Each section kind has a builder that claims sentences; a sentence claimed by
one section is never shown in another. Situation is built last among the
excerpt sections so the specialised ones (Background, ...) keep theirs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from .model import Briefing, Document, Excerpt, Section, SourceRef, Story
from .rank import Length, rank
from .sections.actors import extract_actors
from .sections.background import is_background


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


@dataclass
class _Work:
    """Per-document state while sections are built."""

    doc: Document
    options: Options
    claimed: set[int]
    background: list[bool] | None = None

    def flags(self) -> list[bool]:
        if self.background is None:
            self.background = is_background(self.doc)
        return self.background


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
    return _excerpts(work.doc, ranking.selected, ranking.scores)


def _background(work: _Work, spec: SectionSpec) -> tuple[Excerpt, ...]:
    flags = work.flags()
    chosen = [i for i, flag in enumerate(flags) if flag and i not in work.claimed][: spec.limit]
    return _excerpts(work.doc, chosen)


Builder = Callable[[_Work, SectionSpec], tuple[Excerpt, ...]]
BUILDERS: dict[str, Builder] = {"situation": _situation, "background": _background}
# Builders run in this order; Situation takes what the others leave.
_PRIORITY = ("background", "situation")


def compose_story(doc: Document, sections: Sequence[SectionSpec], options: Options) -> Story:
    """One story from one document, its sections in the template's order."""
    work = _Work(doc=doc, options=options, claimed=set())
    built: dict[str, tuple[Excerpt, ...]] = {}
    by_key = {s.key: s for s in sections}
    order = [k for k in _PRIORITY if k in by_key] + [s.key for s in sections if s.key not in _PRIORITY]
    for key in order:
        builder = BUILDERS.get(key)
        if builder is None:
            continue
        excerpts = builder(work, by_key[key])
        work.claimed.update(e.sentence_index for e in excerpts)
        built[key] = excerpts
    actors, places = extract_actors(doc) if "actors" in by_key else ((), ())
    article = doc.article
    headline = article.title or (doc.sentences[0].text if doc.sentences else article.id)
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

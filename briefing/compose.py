"""compose: documents grouped into stories + a template -> Briefing. One path for every brief.

A one-article brief is a day with one story per article; a daily brief is a day
whose stories `stories.group` found. Either way each story's articles (its most
representative `ARTICLES_PER_STORY`) are composed one by one, and a story of
several articles is merged (`stories.merging`). History is not composition's
business: it is applied to the finished Briefing (`history.mark`).

Composing one article: its analysis is made once, with exactly the parts the
template's builders require (`briefing.analysis`), and the builders run in
`sections.PRIORITY` order, the narrative ones claiming their sentences (see
`briefing.sections`). Page furniture is claimed before any of them: never shown.
The story's headline is the article's title, else its first sentence that is not
furniture, else its id.

Per-article work goes through an executor when one is given, so it can run in
processes or on a Dask cluster; the result does not depend on it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, replace
from datetime import date

from .analysis import analyse
from .model import Briefing, Document, Excerpt, Section, SourceRef, Story
from .options import RankOptions
from .sections import ACTORS_REQUIRE, BUILDERS, PRIORITY, Context, SectionSpec
from .templates import Template

ARTICLES_PER_STORY = 5  # articles of a story composed and merged (the most representative first)
Progress = Callable[[int, int], None]  # (articles done, articles in all)


def requirements(sections: Sequence[SectionSpec]) -> tuple[str, ...]:
    """The parts of the analysis a layout's builders read."""
    needs: list[str] = ["furniture"]
    for spec in sections:
        builder = BUILDERS.get(spec.key)
        needs += builder.requires if builder else ACTORS_REQUIRE if spec.key == "actors" else ()
    return tuple(dict.fromkeys(needs))


def compose_story(doc: Document, sections: Sequence[SectionSpec], options: RankOptions | None = None) -> Story:
    """One story from one document, its sections in the template's order."""
    options = options or RankOptions()
    analysis = analyse(doc, *requirements(sections))
    claimed = set(analysis.furniture)  # web furniture is never shown
    built: dict[str, tuple[Excerpt, ...]] = {}
    by_key = {s.key: s for s in sections}
    for key in [k for k in PRIORITY if k in by_key]:
        builder = BUILDERS[key]
        context = Context(frozenset(claimed), options.method, options.sentences, options.words, options.ratio,
                          options.lede)
        excerpts = builder.build(analysis, by_key[key], context)
        if builder.claims:
            claimed.update(e.sentence_index for e in excerpts)
        built[key] = excerpts
    actors = analysis.actors if "actors" in by_key else None
    article = doc.article
    first = next((s.text for i, s in enumerate(doc.sentences) if i not in analysis.furniture), None)
    return Story(
        headline=article.title or first or article.id,
        sections=tuple(Section(s.key, s.title, built[s.key]) for s in sections if s.key in built),
        actors=actors.actors if actors else (),
        places=actors.places if actors else (),
        sources=(SourceRef(article.id, article.title, article.source, article.url, article.published),),
        article_ids=(article.id,),
    )


@dataclass(frozen=True)
class _Job:
    """One article to compose (picklable, for process pools and Dask)."""

    doc: Document
    sections: tuple[SectionSpec, ...]
    options: RankOptions

    def __call__(self) -> Story:
        return compose_story(self.doc, self.sections, self.options)


def _run(job: _Job) -> Story:
    return job()


def compose(
    docs: Sequence[Document],
    template: Template,
    options: RankOptions | None = None,
    *,
    stories: Sequence[Sequence[int]] | None = None,
    title: str | None = None,
    brief_date: date | None = None,
    notices: Sequence[str] = (),
    executor: Executor | None = None,
    progress: Progress | None = None,
) -> Briefing:
    """A Briefing of `stories` (lists of indices into `docs`, in the order shown), one per document if None.

    Each story's first `ARTICLES_PER_STORY` documents are composed and merged;
    the story lists all its articles. Without `title`, a one-story brief takes its
    headline and a brief of several stories is "Briefing". The date is
    `brief_date`, else the newest article's.
    """
    options = options or RankOptions()
    groups = [list(s) for s in stories] if stories is not None else [[i] for i in range(len(docs))]
    sections = tuple(template.sections)
    jobs = [_Job(docs[i], sections, options) for group in groups for i in group[:ARTICLES_PER_STORY]]
    mapper = executor.map if executor is not None else map
    composed: list[Story] = []
    for done, story in enumerate(mapper(_run, jobs), 1):
        composed.append(story)
        if progress is not None:
            progress(done, len(jobs))
    result: list[Story] = []
    start = 0
    for group in groups:
        members = group[:ARTICLES_PER_STORY]
        story = composed[start]
        if len(members) > 1:  # a one-article story is itself (briefing.stories, and scipy with it, not imported)
            from .stories.merging import merge_stories

            story = merge_stories(composed[start:start + len(members)], sections, docs[members[0]].article.language)
        start += len(members)
        result.append(replace(story, article_ids=tuple(docs[i].article.id for i in group)))
    dates = [d.article.published for d in docs if d.article.published]
    if title is None:
        title = result[0].headline if len(result) == 1 else "Briefing"
    return Briefing(
        title=title,
        stories=tuple(result),
        date=brief_date or (max(dates) if dates else None),
        method=options.method,
        template=template,
        notices=tuple(notices),
    )



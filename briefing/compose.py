"""compose: documents grouped into stories + a template -> Briefing. One path for every brief.

A one-article brief is a day with one story per article; a daily brief is a day
whose stories `stories.group` found. Either way each story's articles (its most
representative `ARTICLES_PER_STORY`) are composed one by one, and a story of
several articles is merged (`stories.merging`). History is not composition's
business: it is applied to the finished Briefing (`history.mark`).

Composing one article: its analysis is made once, with exactly the parts the
template's builders require (`briefing.analysis`), and the builders run in
`sections.PRIORITY` order, the narrative ones claiming their sentences (see
`briefing.sections`); a narrative section keeps a sentence that leans on the one
before it only right after that sentence (`sections.excerpts.standing`). Page
furniture is claimed before any of them: never shown.
The story's headline is the article's title, else the main clause of its news
lede cut to the template's `headline_words` (`sections.headline`), which then
leaves Situation: a brief never says it twice.

Per-article work goes through an executor when one is given, so it can run in
processes or on a Dask cluster; the result does not depend on it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, replace
from datetime import date

from .analysis import Analysis, extend
from .model import ELLIPSIS, Article, Briefing, Document, Excerpt, OtherStory, Section, SourceRef, Story
from .nlp.entities import parse_all
from .options import RankOptions
from .sections import ACTORS_REQUIRE, BUILDERS, PRIORITY, Context, SectionSpec
from .sections.cutting import words
from .sections.excerpts import introduced, standing
from .sections.headline import headline as story_headline
from .sections.headline import is_teaser, plain_headline
from .templates import QUOTES, SITUATION, Budget, Template

ARTICLES_PER_STORY = 5  # articles of a story composed and merged (the most representative first)
ARTICLES_PER_JOB = 8  # articles parsed together in one job (spaCy parses a batch faster; jobs share the workers)
Progress = Callable[[int, int], None]  # (articles done, articles in all)


def requirements(sections: Sequence[SectionSpec]) -> tuple[str, ...]:
    """The parts of the analysis a layout's builders read."""
    needs: list[str] = ["furniture", "parsed", "pointing"]  # what every layout reads, whichever its sections
    for spec in sections:
        builder = BUILDERS.get(spec.key)
        needs += builder.requires if builder else ACTORS_REQUIRE if spec.key == "actors" else ()
    return tuple(dict.fromkeys(needs))


def compose_story(doc: Document, sections: Sequence[SectionSpec], options: RankOptions | None = None,
                  budget: Budget | None = None, *, main: bool = True, known: Analysis | None = None) -> Story:
    """One story from one document, its sections in the template's order. When `main` (the article whose
    headline the story takes) and the headline is cut from the lede, the lede is left to the headline.
    `known`: parts of the document's analysis already made (its parse, made with others' in a batch)."""
    options = options or RankOptions()
    budget = budget or Budget()
    analysis = extend(known or Analysis(doc), *requirements(sections))
    claimed = set(analysis.furniture)  # web furniture is never shown
    headline, lede = story_headline(analysis, budget.headline_words)
    # The lede the headline is cut from is Situation's alone; when the headline shows it whole it is shown in no
    # section, and it is the sentence a reader reads right above the first one shown. A cut headline leaves the
    # lede whole in Situation: the reader gets the main event in full.
    reserved = lede if main else None
    said = reserved if reserved is not None and ELLIPSIS not in headline else None  # shown right above Situation
    built: dict[str, tuple[Excerpt, ...]] = {}
    shown: set[str] = set()  # the words of every line shown so far: two sentences cut alike show once
    by_key = {s.key: s for s in sections}
    quota = _quotas(sections, budget.story_words(words(doc.article.text)))
    for key in [k for k in PRIORITY if k in by_key]:
        builder = BUILDERS[key]
        # Situation ranks with the lede (so what follows it may lean on it) and then leaves it to the headline.
        taken = claimed if key == SITUATION or reserved is None else claimed | {reserved}
        count = options.sentences
        if key == SITUATION and said is not None and options.words is None and options.ratio is None:
            count = (by_key[key].limit if count is None else count) + 1  # one more: the lede goes to the headline
        context = Context(frozenset(taken), options.method, count, options.words, options.ratio, options.lede,
                          budget.line_words)
        excerpts = builder.build(analysis, by_key[key], context)
        if key == SITUATION and said is not None:
            excerpts = tuple(e for e in excerpts if e.sentence_index != said)
        if builder.claims and key != SITUATION:  # Situation, the brief, chose first and within its limit
            excerpts = _within(excerpts, quota.get(key))  # what the budget will not show stays free for others
        if builder.claims:
            # Situation is the brief: only a sure leaner waits for its sentence; other sections can do without. A
            # quotation says who speaks in its own sentence: only the exact rule applies to it. Outside Quotes, a
            # question or words to the reader ("Take a look at the video above") are no news.
            if key != QUOTES:
                excerpts = tuple(e for e in excerpts if not is_teaser(e.text, doc.article.language))
            excerpts = standing(excerpts, doc.article.language, said if key == SITUATION else None,
                                bool(doc.article.title), sure=key == SITUATION, learned=key != QUOTES,
                                points=analysis.pointing if key != QUOTES else ())
            claimed.update(e.sentence_index for e in excerpts)
        built[key] = excerpts = _unseen(excerpts, shown)
        if key == SITUATION and "actors" in analysis.made:  # "after Irani levied ..." goes with who Irani is
            built[key] = introduced(excerpts, analysis.actors.actors, headline)
    actors = analysis.actors if "actors" in by_key else None
    article = doc.article
    return Story(
        headline=headline,
        sections=tuple(Section(s.key, s.title, built[s.key]) for s in sections if s.key in built),
        actors=actors.actors if actors else (),
        places=actors.places if actors else (),
        sources=(source_ref(article),),
        article_ids=(article.id,),
        words=words(article.text),
        headline_from=(article.id, lede) if lede is not None else None,
    )


def _unseen(excerpts: tuple[Excerpt, ...], shown: set[str]) -> tuple[Excerpt, ...]:
    """The excerpts whose words, as shown (case and punctuation aside), no line before showed with the same label
    (a timeline's date and a key figure may mark one clause each); `shown` takes theirs."""
    kept = []
    for excerpt in excerpts:
        key = " ".join(_WORD.findall(f"{excerpt.label or ''} | {excerpt.shown}".casefold()))
        if key and key in shown:
            continue
        shown.add(key)
        kept.append(excerpt)
    return tuple(kept)


_WORD = re.compile(r"\w+")
CLAIM_SHARES = 2  # a section claims up to this many times its share of a story's words (what sections leave goes round)


def _quotas(sections: Sequence[SectionSpec], story_words: int) -> dict[str, int]:
    """The words each section may claim: `CLAIM_SHARES` times its share of a story's words (`render.budget.fit`
    gives each its share, then what is left over goes round)."""
    weight = sum(s.share for s in sections) or 1.0
    return {s.key: int(CLAIM_SHARES * story_words * s.share / weight) for s in sections}


def _within(excerpts: tuple[Excerpt, ...], quota: int | None) -> tuple[Excerpt, ...]:
    """The excerpts, in their order, that fit `quota` words (the first always): a section claims no sentence the
    budget would not show, so a later section may still show it."""
    if quota is None:
        return excerpts
    kept, used = [], 0
    for excerpt in excerpts:
        cost = words(excerpt.text) + words(excerpt.label or "")
        if kept and used + cost > quota:
            continue
        kept.append(excerpt)
        used += cost
    return tuple(kept)


def source_ref(article: Article) -> SourceRef:
    """An article as its story's sources list it."""
    return SourceRef(article.id, article.title, article.source, article.url, article.published, article.outlet)


def headline_of(doc: Document, max_words: int = Budget.headline_words) -> str:
    """A story's headline without its analysis (`sections.headline.plain_headline`)."""
    return plain_headline(doc, max_words)


def story_line(docs: Sequence[Document], members: Sequence[int], max_words: int = Budget.headline_words
               ) -> OtherStory:
    """A story not shown in full, in one line: its most representative article's headline and every source."""
    return OtherStory(headline_of(docs[members[0]], max_words), tuple(source_ref(docs[i].article) for i in members))


@dataclass(frozen=True)
class _Job:
    """Articles to compose, parsed together (picklable, for process pools and Dask)."""

    docs: tuple[Document, ...]
    mains: tuple[bool, ...]
    sections: tuple[SectionSpec, ...]
    options: RankOptions
    budget: Budget

    def __call__(self) -> list[Story]:
        parses = parse_all(self.docs)
        return [compose_story(doc, self.sections, self.options, self.budget, main=main,
                              known=Analysis(doc, parsed=parsed, made=frozenset({"parsed"})))
                for doc, main, parsed in zip(self.docs, self.mains, parses, strict=True)]


def _run(job: _Job) -> list[Story]:
    return job()


def compose(
    docs: Sequence[Document],
    template: Template,
    options: RankOptions | None = None,
    *,
    stories: Sequence[Sequence[int]] | None = None,
    also: Sequence[Sequence[int]] = (),
    title: str | None = None,
    brief_date: date | None = None,
    notices: Sequence[str] = (),
    executor: Executor | None = None,
    progress: Progress | None = None,
) -> Briefing:
    """A Briefing of `stories` (lists of indices into `docs`, in the order shown), one per document if None.

    Each story's first `ARTICLES_PER_STORY` documents are composed and merged;
    the story lists all its articles. `also` are the day's other stories, listed
    one line each. Without `title`, a one-story brief takes its headline and a
    brief of several stories is "Briefing". The date is `brief_date`, else the
    newest article's.
    """
    options = options or RankOptions()
    template = template.with_story_words(options.story_words)
    groups = [list(s) for s in stories] if stories is not None else [[i] for i in range(len(docs))]
    sections = tuple(template.sections)
    chosen = [(docs[i], k == 0) for group in groups for k, i in enumerate(group[:ARTICLES_PER_STORY])]
    jobs = [_Job(tuple(d for d, _ in part), tuple(m for _, m in part), sections, options, template.budget)
            for part in (chosen[k:k + ARTICLES_PER_JOB] for k in range(0, len(chosen), ARTICLES_PER_JOB))]
    mapper = executor.map if executor is not None else map
    composed: list[Story] = []
    for stories_done in mapper(_run, jobs):
        composed.extend(stories_done)
        if progress is not None:
            progress(len(composed), len(chosen))
    result: list[Story] = []
    start = 0
    for group in groups:
        members = group[:ARTICLES_PER_STORY]
        story = composed[start]
        if len(members) > 1:  # a one-article story is itself (briefing.stories, and scipy with it, not imported)
            from .stories.merging import merge_stories

            story = merge_stories(composed[start:start + len(members)], sections, docs[members[0]].article.language)
        start += len(members)
        main = composed[start - len(members)]
        result.append(replace(story, article_ids=tuple(docs[i].article.id for i in group), words=main.words,
                              headline_from=main.headline_from))
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
        also=tuple(story_line(docs, members, template.budget.headline_words) for members in also),
    )



"""The Python API: summarise a text, build a Briefing from texts and files, or the daily brief of many."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from contextlib import AbstractContextManager, ExitStack
from datetime import date
from pathlib import Path

from .compose import Options, compose
from .errors import InputError
from .history import History, check_history
from .ingest import read_path
from .ingest.clean import clean_article, clean_text, dropped_note
from .model import Article, Briefing, Document
from .nlp.entities import load_nlp
from .nlp.sentences import segment, segment_all
from .nlp.tokenize import normalize_language
from .rank import Length, rank
from .sources import ReadOptions
from .templates import Template, load_template

Source = str | os.PathLike[str] | Article
StageProgress = Callable[[str, int, int | None], None]  # (stage, done, total or None while unknown)


def summarize(
    text: str,
    method: str = "default",
    sentences: int | None = 3,
    language: str = "english",
    *,
    words: int | None = None,
    ratio: float | None = None,
) -> list[str]:
    """The key sentences of `text`, verbatim and in document order.

    Length is a sentence count, a word budget (`words`, with `sentences=None`
    for no count limit) or a `ratio` of the document's sentences.

    >>> summarize("First point. Second point. Third point.", method="lead", sentences=1)
    ['First point.']
    """
    doc = segment(Article(id="text", text=text, language=normalize_language(language)))
    ranking = rank(doc, method, Length(sentences=sentences, words=words, ratio=ratio))
    return [doc.sentences[i].text for i in ranking.selected]


def to_article(source: Source, options: ReadOptions | None = None) -> Article:
    """An Article from a path (os.PathLike; '-' as Path('-') is stdin), text or Article."""
    options = options or ReadOptions()
    language = normalize_language(options.language)
    if isinstance(source, Article):
        return clean_article(source)
    if isinstance(source, os.PathLike):
        return read_path(Path(source), language=language, encoding=options.encoding, max_bytes=options.max_input_bytes)
    if not source.strip():
        raise InputError("empty input: there is no text to brief", source="text")
    from .ingest.text import read_plain

    cleaned, dropped = clean_text(source)
    title, body, published = read_plain(cleaned)
    return Article(id="text", text=body, title=title, source="text", published=published, language=language,
                   notes=(dropped_note(dropped),) if dropped else ())


def document(source: Source, options: ReadOptions | None = None) -> Document:
    """Read and segment one source; an article with no sentences is an InputError."""
    options = options or ReadOptions()
    doc = segment(to_article(source, options), max_sentences=options.max_sentences)
    if not doc.sentences:
        raise InputError("no sentences found", source=doc.article.source or doc.article.id)
    return doc


def documents(sources: Iterable[Source], options: ReadOptions | None = None) -> list[Document]:
    """Read and segment each source (the first bad one raises)."""
    return [document(source, options) for source in sources]


def notices(docs: Iterable[Document]) -> list[str]:
    """What the user should know: each article's reading notes, then languages without an entity model."""
    docs = list(docs)
    found = [f"{d.article.source or d.article.id}: {note}" for d in docs for note in d.article.notes]
    missing = sorted({d.article.language for d in docs if load_nlp(d.article.language) is None})
    return found + [f"no entity model for {lang}: Actors, Background, Quotes, Key figures, Timeline and "
                    "What to watch are left empty" for lang in missing]


def brief(
    source: Source | Iterable[Source],
    *,
    method: str = "default",
    template: str | Path | None = None,
    sentences: int | None = None,
    words: int | None = None,
    ratio: float | None = None,
    language: str = "english",
    title: str | None = None,
    brief_date: date | None = None,
    read_options: ReadOptions | None = None,
) -> Briefing:
    """Build the Briefing for a text, a path (os.PathLike), an Article, or several of them.

    A `str` is article text; pass `Path("article.txt")` for a file. One source
    gives a one-story brief; several give one story each. `read_options`
    (encoding, limits) overrides `language` when given.
    """
    many = not isinstance(source, (str, os.PathLike, Article))
    options = read_options or ReadOptions(language=language)
    docs = documents(source if many else [source], options)  # type: ignore[list-item]
    spec = load_template(template)
    return compose(
        docs,
        spec.sections,
        Options(method=method, sentences=sentences, words=words, ratio=ratio),
        title=title,
        brief_date=brief_date,
        template=spec.name,
        notices=notices(docs),
    )


def daily_brief(
    sources: Iterable[str | os.PathLike[str]],
    *,
    method: str = "default",
    template: str | Path | Template | None = "daily",
    sentences: int | None = None,
    title: str = "Daily brief",
    brief_date: date | None = None,
    max_stories: int | None = None,
    history: History | str | os.PathLike[str] | None = None,
    read_options: ReadOptions | None = None,
    on_error: Callable[[str, str], None] | None = None,
    on_note: Callable[[str, str], None] | None = None,
    executor: Executor | Callable[[], AbstractContextManager[Executor | None]] | None = None,
    progress: StageProgress | None = None,
    threshold: float | None = None,
    record: bool = True,
) -> Briefing:
    """The daily brief of folders, globs, files, JSONL, URLs and feeds: stories, most important first.

    Sources are what `briefing daily` takes. A source that cannot be read goes to
    `on_error(source, message)` and the rest go on; a note from reading (a page
    replaced by its feed item's text) goes to `on_note(source, message)`. Without
    these callbacks both become notices of the brief. No readable article at all
    is an InputError.

    `history` is a History (used, left open) or a SQLite file (created when
    missing, closed after): stories and sentences seen in earlier briefs are
    marked and this brief is recorded. None keeps no history. The history is
    checked first (`History.check`: a folder, a damaged or locked file fail before
    any reading). With `record=False` nothing is recorded: pass the result to
    `history.record_briefing` once its output is written.

    `executor` runs the per-article summarising: an Executor (used, left open)
    or a function returning a context manager that yields one or None, entered
    only once there are articles (so a pool or cluster starts only when needed).
    Reading uses `read_options.workers` threads.

    `progress(stage, done, total)` reports the stages "reading" (inputs) and
    "summarising" (articles); each stage starts with `(stage, 0, None)`.

    `threshold` is the mean similarity (0-1) at which articles still form one story
    (default `stories.DEFAULT_THRESHOLD`, 0.13); higher keeps more stories apart.
    """
    from .daily import MAX_STORIES, build_daily
    from .sources import collect
    from .stories import DEFAULT_THRESHOLD

    options = read_options or ReadOptions()
    failed: list[str] = []
    notes: list[str] = []

    def fail(source: str, message: str) -> None:
        if on_error is not None:
            on_error(source, message)
        else:
            failed.append(f"{source}: {message}")

    def note(source: str, message: str) -> None:
        if on_note is not None:
            on_note(source, message)
        else:
            notes.append(f"{source}: {message}")

    def report(stage: str) -> Callable[[int, int], None] | None:
        return None if progress is None else lambda done, total: progress(stage, done, total)

    check_history(history)
    if progress is not None:
        progress("reading", 0, None)
    articles = collect([os.fspath(s) for s in sources], options, on_error=fail, on_note=note,
                       progress=report("reading"))
    docs = segment_all(articles, max_sentences=options.max_sentences)
    if not docs:
        raise InputError("no articles could be read")
    spec = load_template(template)
    if progress is not None:
        progress("summarising", 0, None)
    with ExitStack() as stack:
        pool = stack.enter_context(executor()) if callable(executor) else executor
        if history is not None and not isinstance(history, History):
            history = stack.enter_context(History(history))
        return build_daily(
            docs, spec.sections, Options(method=method, sentences=sentences), title=title,
            brief_date=brief_date, template=spec.name, max_stories=max_stories or MAX_STORIES,
            executor=pool, history=history, notices=[*failed, *notes, *notices(docs)],
            progress=report("summarising"), threshold=DEFAULT_THRESHOLD if threshold is None else threshold,
            record=record,
        )


def write(briefing: Briefing, path: str | os.PathLike[str], template: str | Path | None = None) -> Path:
    """Render a Briefing to `path`, the format chosen by its extension (written atomically).

    Without `template`, the built-in template the briefing was composed with (else "standard").
    """
    from .render import render_to_path
    from .templates import list_templates

    if template is None and briefing.template in {t.name for t in list_templates()}:
        template = briefing.template
    return render_to_path(briefing, Path(path), load_template(template))

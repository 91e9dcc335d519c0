"""The Python API: summarise a text, build a Briefing from texts and files, or the daily brief of many."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from .compose import Options, compose
from .errors import InputError
from .ingest import read_path
from .model import Article, Briefing, Document
from .nlp.entities import load_nlp
from .nlp.sentences import segment, segment_all
from .nlp.tokenize import normalize_language
from .rank import Length, rank
from .sources import ReadOptions
from .templates import load_template

Source = str | os.PathLike[str] | Article


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
        return source
    if isinstance(source, os.PathLike):
        return read_path(Path(source), language=language, encoding=options.encoding, max_bytes=options.max_input_bytes)
    if not source.strip():
        raise InputError("empty input: there is no text to brief", source="text")
    from .ingest.text import read_plain

    title, body, published = read_plain(source)
    return Article(id="text", text=body, title=title, source="text", published=published, language=language)


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
    template: str | Path | None = "daily",
    sentences: int | None = None,
    title: str = "Daily brief",
    brief_date: date | None = None,
    max_stories: int | None = None,
    history: str | os.PathLike[str] | None = None,
    read_options: ReadOptions | None = None,
    on_error: Callable[[str, str], None] | None = None,
) -> Briefing:
    """The daily brief of folders, globs, files, JSONL, URLs and feeds: stories, most important first.

    Sources are what `briefing daily` takes. A source that cannot be read goes to
    `on_error(source, message)` and the rest go on; without `on_error` it becomes
    one of the brief's notices. With `history` (a SQLite file, created when
    missing), stories and sentences seen in earlier briefs are marked and this
    brief is recorded. No readable article at all is an InputError.
    """
    from .daily import MAX_STORIES, build_daily
    from .history import History
    from .sources import collect

    options = read_options or ReadOptions()
    failed: list[str] = []

    def fail(source: str, message: str) -> None:
        if on_error is not None:
            on_error(source, message)
        else:
            failed.append(f"{source}: {message}")

    notes: list[str] = []
    articles = collect([os.fspath(s) for s in sources], options, on_error=fail,
                       on_note=lambda source, message: notes.append(f"{source}: {message}"))
    docs = segment_all(articles, max_sentences=options.max_sentences)
    if not docs:
        raise InputError("no articles could be read", source="daily")
    spec = load_template(template)
    past = History(history) if history is not None else None
    try:
        return build_daily(
            docs, spec.sections, Options(method=method, sentences=sentences), title=title,
            brief_date=brief_date, template=spec.name, max_stories=max_stories or MAX_STORIES,
            history=past, notices=[*failed, *notes, *notices(docs)],
        )
    finally:
        if past is not None:
            past.close()


def write(briefing: Briefing, path: str | os.PathLike[str], template: str | Path | None = None) -> Path:
    """Render a Briefing to `path`, the format chosen by its extension (written atomically).

    Without `template`, the built-in template the briefing was composed with (else "standard").
    """
    from .render import render_to_path
    from .templates import list_templates

    if template is None and briefing.template in {t.name for t in list_templates()}:
        template = briefing.template
    return render_to_path(briefing, Path(path), load_template(template))

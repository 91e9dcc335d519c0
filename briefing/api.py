"""The Python API, and the one orchestrator: read, compose, mark history, write or show.

    summarize(text)                   -> the key sentences (list of str)
    summary(Path("a.txt"))            -> a Summary: the key sentences with indices and scores
    brief(Path("a.txt"))              -> a Briefing, one story per article
    daily_brief(["news/", URL])       -> a Briefing of the day's stories, most important first
    write(briefing, "brief.docx")     -> the file, in the template the brief was made with
    show(briefing)                    -> the brief in the terminal
    run_brief(...), run_daily(...)    -> what `briefing brief` and `briefing daily` do: make, then write or show

Every command of the CLI is one call here. A bad source goes to `on_error(source,
message)` and the rest go on; without `on_error` the first bad one raises.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .compose import compose
from .errors import InputError
from .ingest.clean import clean_article, clean_text, dropped_note
from .model import Article, Briefing, Document
from .nlp.sentences import segment, segment_all
from .options import OutputOptions, RankOptions, ReadOptions
from .rank import Length, rank
from .templates import Template, load_template

if TYPE_CHECKING:
    from rich.console import Console

    from .history import History

Source = str | os.PathLike[str] | Article
ErrorHandler = Callable[[str, str], None]  # (source, one-line message)
StageProgress = Callable[[str, int, int | None], None]  # (stage, done, total or None while unknown)
ExecutorArg = Executor | Callable[[], AbstractContextManager[Executor | None]] | None
MAX_STORIES = 12  # default --stories


# --- reading ---------------------------------------------------------------------------------------------

def to_article(source: Source, options: ReadOptions | None = None) -> Article:
    """An Article from a path (os.PathLike; Path('-') is stdin), text or Article."""
    options = options or ReadOptions()
    if isinstance(source, Article):
        return clean_article(source)
    if isinstance(source, os.PathLike):
        from .ingest import read_path

        return read_path(Path(source), **options.file_opts())
    if not source.strip():
        raise InputError("empty input: there is no text to brief", source="text")
    from .ingest.text import read_plain

    cleaned, dropped = clean_text(source)
    title, body, published = read_plain(cleaned)
    return Article(id="text", text=body, title=title, source="text", published=published,
                   language=options.language, notes=(dropped_note(dropped),) if dropped else ())


def document(source: Source, options: ReadOptions | None = None) -> Document:
    """Read and segment one source; an article with no sentences is an InputError."""
    options = options or ReadOptions()
    doc = segment(to_article(source, options), max_sentences=options.max_sentences)
    if not doc.sentences:
        raise InputError("no sentences found", source=doc.article.source or doc.article.id)
    return doc


def documents(sources: Iterable[Source], options: ReadOptions | None = None,
              on_error: ErrorHandler | None = None) -> list[Document]:
    """Read and segment each source (a `.jsonl` path: each of its lines). A bad one goes to `on_error` and the
    rest go on (without `on_error`, or when it is the only source, it raises); none readable at all is an
    InputError."""
    from .ingest.jsonl import is_jsonl, read_jsonl

    sources = list(sources)
    options = options or ReadOptions()
    docs = []

    def failed(exc: InputError, source: Source, alone: bool) -> None:
        if on_error is None or alone:
            raise exc
        on_error(exc.source or str(source), str(exc).removeprefix(f"{exc.source}: "))

    for source in sources:
        try:
            if isinstance(source, os.PathLike) and str(source) != "-" and is_jsonl(source):
                # JSON Lines: each line an article, a bad line reported and the rest read

                lines = read_jsonl(Path(source), language=options.language, max_bytes=options.max_input_bytes,
                                   on_error=on_error)
                for article in lines:
                    try:
                        docs.append(document(article, options))
                    except InputError as exc:
                        failed(exc, article.source, False)
            else:
                docs.append(document(source, options))
        except InputError as exc:
            failed(exc, source, len(sources) == 1)
    if not docs:
        raise InputError("no articles could be read")
    return docs


def notices(docs: Iterable[Document]) -> list[str]:
    """What the user should know: each article's reading notes, then languages without an entity model."""
    from .nlp.entities import has_model

    docs = list(docs)
    found = [f"{d.article.source or d.article.id}: {note}" for d in docs for note in d.article.notes]
    missing = sorted({d.article.language for d in docs if not has_model(d.article.language)})
    return found + [f"no entity model for {lang}: Actors, Background, Quotes, Key figures, Timeline and "
                    "What to watch are left empty" for lang in missing]


# --- summaries -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Summary:
    """The key sentences of one article: (index, score, text) in document order."""

    method: str
    source: str
    sentences: tuple[tuple[int, float, str], ...]
    notices: tuple[str, ...] = ()

    def texts(self) -> list[str]:
        return [text for _, _, text in self.sentences]

    def to_json(self) -> str:
        """The summary as JSON: method, source, and each sentence's index, score and text."""
        import json

        items = [{"index": i, "score": round(s, 6), "text": t} for i, s, t in self.sentences]
        return json.dumps({"method": self.method, "source": self.source, "sentences": items}, ensure_ascii=False,
                          indent=2)

    def to_text(self, scores: bool = False) -> str:
        """The sentences one per line, each after its index and score when `scores`."""
        return "\n".join(f"[{i}] {score:.4f}  {text}" if scores else text for i, score, text in self.sentences)


def run_summary(source: str, *, rank_options: RankOptions | None = None, read_options: ReadOptions | None = None,
                output: OutputOptions | None = None, scores: bool = False, as_json: bool = False,
                on_warning: Callable[[str], None] | None = None) -> Summary:
    """`briefing summarize`: the key sentences of a file ('-' is stdin), printed as text or JSON."""
    result = summary(Path(source), rank_options, read_options)
    for message in result.notices:
        (on_warning if on_warning is not None else _warn)(message)
    text = result.to_json() if as_json else result.to_text(scores)
    if text:
        print(text)
    return result


def summary(source: Source, options: RankOptions | None = None, read_options: ReadOptions | None = None) -> Summary:
    """The key sentences of a text, path or Article, with their indices and scores.

    Length: `options.sentences`, else a word budget or ratio when given, else three sentences.
    """
    options = options or RankOptions()
    doc = document(source, read_options)
    sentences, words, ratio = options.summary_length()
    ranking = rank(doc, options.method, Length(sentences=sentences, words=words, ratio=ratio))
    return Summary(ranking.method, doc.article.source or doc.article.id,
                   tuple((i, ranking.scores[i], doc.sentences[i].text) for i in ranking.selected),
                   tuple(f"{doc.article.source}: {note}" for note in doc.article.notes))


def summarize(text: str, method: str = "default", sentences: int | None = None, language: str = "auto", *,
              words: int | None = None, ratio: float | None = None) -> list[str]:
    """The key sentences of `text`, verbatim and in document order.

    The text is read as `briefing brief` reads a plain-text file (a short first
    line without closing punctuation is the headline, not a sentence). Length is
    a sentence count, a word budget (`words`) or a `ratio` of the document's
    sentences; with none of them, three sentences. Text without a sentence gives [].

    >>> summarize("First point. Second point. Third point.", method="lead", sentences=1)
    ['First point.']
    """
    if not text.strip():
        return []
    try:
        found = summary(text, RankOptions(method, sentences, words, ratio), ReadOptions(language=language))
    except InputError as exc:
        if "no sentences" in str(exc):
            return []
        raise
    return found.texts()


# --- briefs ----------------------------------------------------------------------------------------------

def brief(
    source: Source | Iterable[Source],
    *,
    method: str = "default",
    template: str | Path | Template | None = None,
    sentences: int | None = None,
    words: int | None = None,
    ratio: float | None = None,
    language: str = "auto",
    title: str | None = None,
    brief_date: date | None = None,
    read_options: ReadOptions | None = None,
    rank_options: RankOptions | None = None,
    on_error: ErrorHandler | None = None,
) -> Briefing:
    """The Briefing of a text, a path (os.PathLike), an Article, or several of them: one story each.

    A `str` is article text; pass `Path("article.txt")` for a file. `read_options`
    (encoding, limits) overrides `language`, and `rank_options` the method and
    lengths, when given. A source that cannot be read goes to `on_error(source,
    message)` and the others go on; without `on_error` it raises.
    """
    many = not isinstance(source, (str, os.PathLike, Article))
    options = read_options or ReadOptions(language=language)
    ranking = rank_options or RankOptions(method, sentences, words, ratio)
    spec = load_template(template)
    docs = documents(source if many else [source], options, on_error)  # type: ignore[list-item]
    return compose(docs, spec, ranking, title=title, brief_date=brief_date, notices=notices(docs))


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
    rank_options: RankOptions | None = None,
    on_error: ErrorHandler | None = None,
    on_note: ErrorHandler | None = None,
    executor: ExecutorArg = None,
    progress: StageProgress | None = None,
    threshold: float | None = None,
    record: bool = True,
) -> Briefing:
    """The daily brief of folders, globs, files, JSONL, URLs and feeds: stories, most important first.

    A source that cannot be read goes to `on_error(source, message)` and the rest
    go on; a note from reading (a page replaced by its feed item's text) goes to
    `on_note(source, message)`. Without these callbacks both become notices of
    the brief. No readable article at all is an InputError.

    `history` is a History (used, left open) or a SQLite file (created when
    missing, closed after): stories and sentences seen in earlier briefs are
    marked and this brief is recorded. None keeps no history. The history is
    checked first (`History.check`: a folder, a damaged or locked file fail before
    any reading). With `record=False` nothing is recorded: pass the result to
    `history.record_briefing` once its output is written (as `run_daily` does).

    `executor` runs the per-article summarising: an Executor (used, left open)
    or a function returning a context manager that yields one or None, entered
    only once there are articles (`executors.executor_for` gives one for a
    number of workers or a Dask scheduler). Reading uses `read_options.workers` threads.

    `progress(stage, done, total)` reports the stages "reading" (inputs) and
    "summarising" (articles); each stage starts with `(stage, 0, None)`.

    `threshold` is the pair probability (0-1) at which articles still form one story
    (default: the pair models' own cut, `stories.grouping`); higher keeps more stories apart.
    """
    from .history import History, check_history, mark, record_briefing
    from .ingest.sources import collect
    from .stories import group, split_stories

    options = read_options or ReadOptions()
    ranking = rank_options or RankOptions(method, sentences)
    spec = load_template(template)
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
    with ExitStack() as stack:
        # Entered once there are articles, so worker processes start (and load their models) while this one
        # segments and groups.
        pool = (stack.enter_context(executor()) if articles else None) if callable(executor) else executor
        docs = segment_all(articles, max_sentences=options.max_sentences)
        if not docs:
            raise InputError("no articles could be read")
        shown, also = split_stories(docs, group(docs, threshold=threshold), max_stories or MAX_STORIES)
        dates = [d.article.published for d in docs if d.article.published]
        brief_date = brief_date or (max(dates) if dates else date.today())  # a daily brief is always dated
        if progress is not None:
            progress("summarising", 0, None)
        result = compose(docs, spec, ranking, stories=shown, also=also, title=title, brief_date=brief_date,
                         notices=[*failed, *notes, *notices(docs)], executor=pool,
                         progress=report("summarising"))
        if history is None:
            return result
        if not isinstance(history, History):
            history = stack.enter_context(History(history))
        result = mark(result, docs, history)
        if record:
            record_briefing(history, result)
    return result


# --- output ----------------------------------------------------------------------------------------------

def write(briefing: Briefing, path: str | os.PathLike[str], template: str | Path | Template | None = None, *,
          output: OutputOptions | None = None, inputs: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """Render a Briefing to `path`, the format chosen by its extension, written atomically.

    Without `template`, the one the briefing was made with. Refuses (OutputError)
    to overwrite an input: an article the brief was made from, a file `inputs`
    names (folders and globs included), the template's files, or a Word file
    `output` reads.
    """
    from .ingest.sources import input_files
    from .render import render_to_path
    from .render.files import refuse_inputs

    output = output or OutputOptions()
    spec = load_template(briefing.template if template is None else template)
    refuse_inputs(Path(path), input_files(inputs))  # render_to_path refuses the brief's own sources and files
    return render_to_path(briefing, Path(path), spec, marking=output.marking,
                          reference_docx=output.reference_docx, docx_template=output.docx_template)


def show(briefing: Briefing, console: Console | None = None, output: OutputOptions | None = None) -> None:
    """The brief in the terminal, wrapped at spaces to its width (without colours when NO_COLOR is set),
    paged when taller than the terminal; plain text, never wrapped, when piped."""
    from rich.console import Console

    from .render import render, render_terminal

    output = output or OutputOptions()
    console = console or Console(highlight=False, soft_wrap=False)
    if output.width:
        console.width = output.width
    if not console.is_terminal:
        console.file.write(render(briefing, "txt", marking=output.marking))
    else:
        render_terminal(briefing, console, marking=output.marking, pager=output.pager)


def publish(briefing: Briefing, path: Path | None, output: OutputOptions | None = None, *,
            inputs: Iterable[str | os.PathLike[str]] = (), console: Console | None = None) -> Path | None:
    """Write the brief to `path` (and say so on stderr), or show it in the terminal when there is none."""
    if path is None:
        show(briefing, console, output)
        return None
    written = write(briefing, path, output=output, inputs=inputs)
    print(f"wrote {written}", file=sys.stderr)
    return written


def check_output(path: Path | None, output: OutputOptions, inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Fail before any work: an unknown format, an input as output, Word options without Word output."""
    from .errors import UsageError
    from .ingest.sources import input_files
    from .render import format_for
    from .render.files import refuse_inputs

    if path is not None:
        format_for(path)
        refuse_inputs(path, [*input_files(inputs), *output.word_files()])
    if output.word_files() and (path is None or path.suffix.lower() != ".docx"):
        raise UsageError("--reference-docx and --docx-template need a .docx output (-o brief.docx)")


def run_brief(sources: list[str], path: Path | None = None, *, template: str | Path | None = None,
              rank_options: RankOptions | None = None, read_options: ReadOptions | None = None,
              output: OutputOptions | None = None, title: str | None = None, brief_date: date | None = None,
              on_error: ErrorHandler | None = None, on_warning: Callable[[str], None] | None = None,
              console: Console | None = None) -> Briefing:
    """`briefing brief` and `briefing preview`: brief the files ('-' is stdin), then write or show the brief."""
    output = output or OutputOptions()
    check_output(path, output, sources)
    spec = load_template(template)
    result = brief([Path(s) for s in sources], template=spec, title=title, brief_date=brief_date,
                   read_options=read_options, rank_options=rank_options, on_error=on_error)
    for message in result.notices:
        (on_warning if on_warning is not None else _warn)(message)
    publish(result, path, output, inputs=sources, console=console)
    return result


def run_daily(sources: list[str], path: Path | None = None, *, template: str | Path | None = "daily",
              rank_options: RankOptions | None = None, read_options: ReadOptions | None = None,
              output: OutputOptions | None = None, title: str = "Daily brief", brief_date: date | None = None,
              max_stories: int | None = None, threshold: float | None = None,
              history: History | str | os.PathLike[str] | None = None, workers: int = 1,
              dask_scheduler: str | None = None, on_error: ErrorHandler | None = None,
              on_note: ErrorHandler | None = None, on_warning: Callable[[str], None] | None = None,
              progress: StageProgress | None = None, console: Console | None = None) -> Briefing:
    """`briefing daily`: the daily brief, written or shown; the history records it only once it is out."""
    from .executors import executor_for
    from .history import record_briefing

    output = output or OutputOptions()
    check_output(path, output, sources)
    result = daily_brief(sources, template=template, title=title, brief_date=brief_date, max_stories=max_stories,
                         history=history, read_options=read_options, rank_options=rank_options, on_error=on_error,
                         on_note=on_note, executor=lambda: executor_for(workers, dask_scheduler), progress=progress,
                         threshold=threshold, record=False)
    for message in result.notices:
        (on_warning if on_warning is not None else _warn)(message)
    publish(result, path, output, inputs=sources, console=console)
    if history is not None:
        record_briefing(history, result)  # only once the brief is out: a failed write records nothing
    return result


def _warn(message: str) -> None:
    print(f"briefing: warning: {message}", file=sys.stderr)

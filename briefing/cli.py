"""The `briefing` command: parses options, calls the library, maps errors to exit codes."""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from . import __version__
from .errors import BriefingError, ExitCode, InputError, UsageError
from .ingest.clean import clean_line

app = typer.Typer(
    name="briefing",
    help="Turn news articles into a structured brief: Situation, Actors, Background.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=False,
)
templates_app = typer.Typer(invoke_without_command=True)
app.add_typer(templates_app, name="templates")


def _err(message: str) -> None:
    print(f"briefing: error: {clean_line(message)}", file=sys.stderr)


def _fail(exc: BriefingError) -> NoReturn:
    _err(str(exc))
    raise typer.Exit(int(exc.exit_code))


@contextmanager
def _errors() -> Iterator[None]:
    """Turn the library's errors into a one-line message and an exit code."""
    try:
        yield
    except BriefingError as exc:
        _fail(exc)
    except KeyboardInterrupt:
        _err("interrupted")
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    except (typer.Exit, typer.Abort):
        raise
    except Exception as exc:  # a bug: still one line, with a way to see more
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        _err(f"internal error: {exc.__class__.__name__}: {exc} (set BRIEFING_DEBUG=1 for details)")
        raise typer.Exit(int(ExitCode.ERROR)) from None


def _console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def _plain_output(console: Console) -> bool:
    """Plain text when piped or when NO_COLOR is set."""
    return not console.is_terminal or bool(os.environ.get("NO_COLOR"))


def _version(value: bool) -> None:
    if value:
        print(f"briefing {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Turn news articles into a structured brief: Situation, Actors, Background.

    Example: briefing brief article.txt -o brief.docx
    """


# Options shared by several commands.
MethodOpt = Annotated[str, typer.Option("--method", "-m", help="Ranking method (see `briefing methods`).")]
TemplateOpt = Annotated[str | None, typer.Option("--template", "-t",
                                                 help="Built-in template name or a template folder.")]
SentencesOpt = Annotated[int | None, typer.Option("--sentences", "-n", min=0,
                                                  help="Sentences in Situation (summarize: 3 unless --words/--ratio).")]
WordsOpt = Annotated[int | None, typer.Option("--words", "-w", min=1, help="Word budget instead of a count.")]
RatioOpt = Annotated[float | None, typer.Option("--ratio", min=0.0, max=1.0,
                                                help="Share of the sentences instead of a count.")]
LanguageOpt = Annotated[str, typer.Option("--language", "-l", help="Article language (english, german, ...).")]
EncodingOpt = Annotated[str | None, typer.Option(
    "--encoding", help="Text encoding of the inputs, e.g. cp1252 (default: BOM, HTML charset, else UTF-8).")]
MaxInputOpt = Annotated[float, typer.Option("--max-input-mb", min=0.001, help="Refuse inputs larger than this.")]
MaxSentencesOpt = Annotated[int, typer.Option("--max-sentences", min=1,
                                              help="Keep at most this many sentences of an article.")]
MarkingOpt = Annotated[str | None, typer.Option(
    "--marking", help='A marking line at the top and bottom (of every page), e.g. "INTERNAL".')]
ReferenceDocxOpt = Annotated[Path | None, typer.Option(
    "--reference-docx", help="Word output takes its styles, fonts, colours and margins from this .docx.")]
DocxTemplateOpt = Annotated[Path | None, typer.Option(
    "--docx-template", help="A Word file with Jinja tags (docxtpl) to render the brief into.")]
PagerOpt = Annotated[bool, typer.Option("--pager", help="Show the terminal preview through the pager (less).")]
DEFAULT_MAX_MB = 10.0
DEFAULT_MAX_SENTENCES = 5000


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--date must be YYYY-MM-DD, not {value!r}") from None


def _read_options(language: str, encoding: str | None = None, max_input_mb: float = DEFAULT_MAX_MB,
                  max_sentences: int = DEFAULT_MAX_SENTENCES):
    from .nlp.tokenize import normalize_language
    from .sources import ReadOptions

    return ReadOptions(language=normalize_language(language), encoding=encoding,
                       max_input_bytes=int(max_input_mb * 1024 * 1024), max_sentences=max_sentences)


def _load_articles(paths: list[str], options) -> tuple[list, list[str]]:
    """Segment each input ('-' is stdin); bad ones are reported and skipped, the rest go on."""
    from .api import document

    docs, failed = [], []
    for path in paths:
        try:
            docs.append(document(Path(path), options))
        except InputError as exc:
            _err(str(exc))
            failed.append(path)
    return docs, failed


def _warn(messages: list[str] | tuple[str, ...]) -> None:
    for message in messages:
        print(f"briefing: warning: {clean_line(message)}", file=sys.stderr)


@app.command()
def brief(
    files: Annotated[list[str], typer.Argument(help="Article files (.txt, .md, .html, .docx) or - for stdin.")],
    output: Annotated[Path | None, typer.Option("--output", "-o",
                                                help="Output file: .docx, .md, .html, .json or .txt.")] = None,
    method: MethodOpt = "default",
    template: TemplateOpt = None,
    sentences: SentencesOpt = None,
    words: WordsOpt = None,
    ratio: RatioOpt = None,
    language: LanguageOpt = "english",
    title: Annotated[str | None, typer.Option(help="Title of the brief (default: the headline).")] = None,
    brief_date: Annotated[str | None, typer.Option("--date", help="Date of the brief, YYYY-MM-DD.")] = None,
    marking: MarkingOpt = None,
    reference_docx: ReferenceDocxOpt = None,
    docx_template: DocxTemplateOpt = None,
    pager: PagerOpt = False,
    encoding: EncodingOpt = None,
    max_input_mb: MaxInputOpt = DEFAULT_MAX_MB,
    max_sentences: MaxSentencesOpt = DEFAULT_MAX_SENTENCES,
) -> None:
    """Make a brief of one or more articles; the format follows the output's extension.

    Example: briefing brief article.txt -o brief.docx
    """
    with _errors():
        from .api import notices
        from .compose import Options, compose
        from .templates import load_template

        _check_output(output, files, reference_docx, docx_template)
        spec = load_template(template)
        when = _parse_date(brief_date)
        docs, failed = _load_articles(files, _read_options(language, encoding, max_input_mb, max_sentences))
        if not docs:
            raise typer.Exit(int(ExitCode.BAD_INPUT))
        result = compose(docs, spec.sections, Options(method, sentences, words, ratio), title=title,
                         brief_date=when, template=spec.name, notices=notices(docs))
        _warn(result.notices)
        _emit(result, spec, output, marking=marking, reference_docx=reference_docx, docx_template=docx_template,
              pager=pager)
        if failed:
            raise typer.Exit(int(ExitCode.BAD_INPUT))


def _check_output(output: Path | None, inputs: list[str], reference_docx: Path | None,
                  docx_template: Path | None) -> None:
    """Fail before any work: unknown format, an input as output, Word options without Word output."""
    from .render import format_for
    from .render.files import refuse_inputs
    from .sources import input_files

    if output is not None:
        format_for(output)
        refuse_inputs(output, [*input_files(inputs), reference_docx, docx_template])
    if (reference_docx or docx_template) and (output is None or output.suffix.lower() != ".docx"):
        raise UsageError("--reference-docx and --docx-template need a .docx output (-o brief.docx)")


def _emit(result, spec, output: Path | None, *, marking: str | None = None, reference_docx: Path | None = None,
          docx_template: Path | None = None, pager: bool = False) -> None:
    """Write the brief to `output`, or show it in the terminal when there is none."""
    from .render import render_to_path

    if output is None:
        _show(result, spec, marking=marking, pager=pager)
        return
    written = render_to_path(result, output, spec, marking=marking, reference_docx=reference_docx,
                             docx_template=docx_template)
    print(f"wrote {written}", file=sys.stderr)


def _show(result, spec, width: int | None = None, *, marking: str | None = None, pager: bool = False) -> None:
    from .render import render, render_terminal

    console = _console()
    if width:
        console.width = width
    if _plain_output(console):
        sys.stdout.write(render(result, "txt", spec, marking=marking))
    else:
        render_terminal(result, console, spec, marking=marking, pager=pager)


@app.command()
def preview(
    file: Annotated[str, typer.Argument(help="Article file or - for stdin.")],
    method: MethodOpt = "default",
    template: TemplateOpt = None,
    sentences: SentencesOpt = None,
    language: LanguageOpt = "english",
    width: Annotated[int | None, typer.Option(min=20, help="Width in columns (default: the terminal's).")] = None,
    marking: MarkingOpt = None,
    pager: PagerOpt = False,
    encoding: EncodingOpt = None,
    max_input_mb: MaxInputOpt = DEFAULT_MAX_MB,
    max_sentences: MaxSentencesOpt = DEFAULT_MAX_SENTENCES,
) -> None:
    """Show the brief of one article in the terminal, fitted to its width.

    Example: briefing preview article.txt
    """
    with _errors():
        from .api import notices
        from .compose import Options, compose
        from .templates import load_template

        spec = load_template(template)
        docs, _ = _load_articles([file], _read_options(language, encoding, max_input_mb, max_sentences))
        if not docs:
            raise typer.Exit(int(ExitCode.BAD_INPUT))
        result = compose(docs, spec.sections, Options(method, sentences), template=spec.name, notices=notices(docs))
        _warn(result.notices)
        _show(result, spec, width, marking=marking, pager=pager)


@app.command()
def summarize(
    file: Annotated[str, typer.Argument(help="Article file or - for stdin.")],
    method: MethodOpt = "default",
    sentences: SentencesOpt = None,
    words: WordsOpt = None,
    ratio: RatioOpt = None,
    language: LanguageOpt = "english",
    scores: Annotated[bool, typer.Option("--scores", help="Show each sentence's index and score.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON with indices and scores.")] = False,
    encoding: EncodingOpt = None,
    max_input_mb: MaxInputOpt = DEFAULT_MAX_MB,
    max_sentences: MaxSentencesOpt = DEFAULT_MAX_SENTENCES,
) -> None:
    """Print just the key sentences of an article, in document order.

    Example: briefing summarize article.txt --method lexrank --sentences 3
    """
    with _errors():
        from .rank import Length, rank

        docs, _ = _load_articles([file], _read_options(language, encoding, max_input_mb, max_sentences))
        if not docs:
            raise typer.Exit(int(ExitCode.BAD_INPUT))
        doc = docs[0]
        _warn([f"{doc.article.source}: {note}" for note in doc.article.notes])
        # Three sentences unless a word budget or ratio is given instead.
        count = sentences if sentences is not None else (None if words or ratio else 3)
        ranking = rank(doc, method, Length(sentences=count, words=words, ratio=ratio))
        if as_json:
            items = [{"index": i, "score": round(ranking.scores[i], 6), "text": doc.sentences[i].text}
                     for i in ranking.selected]
            print(json.dumps({"method": ranking.method, "source": doc.article.source, "sentences": items},
                             ensure_ascii=False, indent=2))
            return
        for i in ranking.selected:
            prefix = f"[{i}] {ranking.scores[i]:.4f}  " if scores else ""
            print(f"{prefix}{doc.sentences[i].text}")


@app.command("eval")
def eval_command(
    data: Annotated[Path, typer.Argument(help="JSONL with `text` (or `documents`) and `summary` per line.")],
    method: Annotated[list[str] | None, typer.Option(
        "--method", "-m", help="Method to score; repeat for several (default: default, lead, lexrank).")] = None,
    sentences: Annotated[int | None, typer.Option(
        "--sentences", "-n", min=1, help="Summary length (default: the reference's sentence count).")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Score only the first N items.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Score methods with ROUGE-1/2/L/Lsum F1 (Porter stemmer) against reference summaries.

    Example: briefing eval ../shared/eval/cnndm-test.jsonl -m default -m lead -n 3 --limit 100
    """
    with _errors():
        from .evaluate import evaluate, render_table, to_json

        stderr = Console(stderr=True)
        result = evaluate(data, method or ["default", "lead", "lexrank"], sentences=sentences, limit=limit,
                          progress=stderr if stderr.is_terminal else None)
        if as_json:
            print(to_json(result))
        else:
            render_table(result, _console())


@app.command()
def methods() -> None:
    """List the ranking methods.

    Example: briefing methods
    """
    with _errors():
        from .rank import METHODS, get_method

        get_method("default")
        width = max(len(name) for name in METHODS)
        for name in sorted(METHODS, key=lambda n: (n != "default", METHODS[n].family, n)):
            m = METHODS[name]
            print(f"{name:<{width}}  {m.family:<8}  {m.description}")


@templates_app.callback()
def templates(ctx: typer.Context) -> None:
    """List the built-in templates; `templates show NAME` shows one, `templates copy NAME DIR` copies one.

    Example: briefing templates
    """
    if ctx.invoked_subcommand is not None:
        return
    with _errors():
        from .templates import list_templates

        items = list_templates()
        width = max(len(t.name) for t in items)
        for t in items:
            print(f"{t.name:<{width}}  {t.description}")


@templates_app.command("show")
def templates_show(name: Annotated[str, typer.Argument(help="Template name or folder.")]) -> None:
    """Show a template's sections, in order, with their limits.

    Example: briefing templates show standard
    """
    with _errors():
        from .templates import load_template

        print(load_template(name).describe())


@templates_app.command("copy")
def templates_copy(
    name: Annotated[str, typer.Argument(help="Template name or folder to copy.")],
    dest: Annotated[Path, typer.Argument(help="New folder to make (must not exist).")],
) -> None:
    """Copy a template into a new folder to edit; then use it with --template DIR.

    Example: briefing templates copy sitrep my-sitrep
    """
    with _errors():
        from .templates import copy_template

        folder = copy_template(name, dest)
        print(f"copied {name} to {folder}; use it with: briefing brief ARTICLE --template {folder}", file=sys.stderr)


@app.command()
def daily(
    sources: Annotated[list[str], typer.Argument(
        help="Folders, globs, files, .jsonl, URLs of pages or RSS/Atom feeds, or - for stdin.")],
    output: Annotated[Path | None, typer.Option("--output", "-o",
                                                help="Output file: .docx, .md, .html, .json or .txt.")] = None,
    method: MethodOpt = "default",
    template: TemplateOpt = "daily",
    stories: Annotated[int, typer.Option("--stories", min=1, help="How many stories the brief shows.")] = 12,
    story_threshold: Annotated[float | None, typer.Option(
        "--story-threshold", min=0.0, max=1.0,
        help="How alike articles must be to form one story: mean similarity, 0-1 (default 0.13); "
             "higher keeps more stories apart.")] = None,
    sentences: SentencesOpt = None,
    language: LanguageOpt = "english",
    title: Annotated[str, typer.Option(help="Title of the brief.")] = "Daily brief",
    brief_date: Annotated[str | None, typer.Option("--date", help="Date of the brief, YYYY-MM-DD.")] = None,
    history: Annotated[Path | None, typer.Option(
        help="History file marking what earlier briefs showed (default: in the user data folder).")] = None,
    no_history: Annotated[bool, typer.Option("--no-history", help="Neither read nor record history.")] = False,
    workers: Annotated[int, typer.Option(min=1, help="Parallel workers for fetching and per-article work.")] = 1,
    dask_scheduler: Annotated[str | None, typer.Option(
        help="Run per-article work on this Dask scheduler (needs the [dask] extra).")] = None,
    allow_private: Annotated[bool, typer.Option(help="Allow URLs on private and loopback addresses.")] = False,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds for each web page, redirects included.")] = 10.0,
    fetch_budget: Annotated[float, typer.Option(
        min=0.1, help="Seconds for all the fetching of the run; then nothing more is fetched.")] = 300.0,
    max_items: Annotated[int, typer.Option(min=1, help="Read at most this many items of each feed.")] = 100,
    marking: MarkingOpt = None,
    reference_docx: ReferenceDocxOpt = None,
    docx_template: DocxTemplateOpt = None,
    pager: PagerOpt = False,
    max_fetch_mb: Annotated[float, typer.Option(min=0.001, help="Refuse web pages larger than this.")] = 5.0,
    encoding: EncodingOpt = None,
    max_input_mb: MaxInputOpt = DEFAULT_MAX_MB,
    max_sentences: MaxSentencesOpt = DEFAULT_MAX_SENTENCES,
) -> None:
    """Make the daily brief: articles grouped into stories, the most important first.

    Example: briefing daily news/ https://example.org/feed.xml -o today.docx
    """
    with _errors():
        from dataclasses import replace

        from rich.progress import TaskID

        from .api import daily_brief
        from .history import default_path, record_briefing
        from .templates import load_template

        _check_output(output, sources, reference_docx, docx_template)
        spec = load_template(template)
        when = _parse_date(brief_date)
        options = replace(_read_options(language, encoding, max_input_mb, max_sentences),
                          allow_private=allow_private, timeout=timeout, fetch_budget=fetch_budget,
                          max_items=max_items, max_fetch_bytes=int(max_fetch_mb * 1024 * 1024), workers=workers)
        failures: list[str] = []

        def failed(source: str, message: str) -> None:
            failures.append(source)
            _err(f"{source}: {message}")

        with _progress() as progress:
            tasks: dict[str, TaskID] = {}

            def show(stage: str, done: int, total: int | None) -> None:
                if stage not in tasks:
                    tasks[stage] = progress.add_task(stage, total=total)
                progress.update(tasks[stage], completed=done, total=total)

            result = daily_brief(
                sources, method=method, template=spec, sentences=sentences, title=title, brief_date=when,
                max_stories=stories, history=None if no_history else history or default_path(),
                read_options=options, on_error=failed, on_note=lambda source, message: _warn([f"{source}: {message}"]),
                executor=lambda: _executor(workers, dask_scheduler), progress=show, threshold=story_threshold,
                record=False,
            )
        _warn(result.notices)
        _emit(result, spec, output, marking=marking, reference_docx=reference_docx, docx_template=docx_template,
              pager=pager)
        if not no_history:  # only once the brief is out: a failed write leaves nothing marked as seen
            record_briefing(history or default_path(), result)
        if failures:
            raise typer.Exit(int(ExitCode.BAD_INPUT))


@contextmanager
def _progress() -> Iterator:
    """A progress bar on stderr when it is a terminal; otherwise silent."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    with Progress(TextColumn("{task.description:<12}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, disable=not console.is_terminal, transient=True) as progress:
        yield progress


@contextmanager
def _executor(workers: int, dask_scheduler: str | None) -> Iterator:
    """Where per-article work runs: here, in worker processes, or on a Dask cluster."""
    if dask_scheduler:
        try:
            from dask.distributed import Client
        except ImportError:
            raise UsageError("--dask-scheduler needs Dask: pip install 'briefing[dask]'") from None
        try:
            client = Client(dask_scheduler, timeout=10)
        except OSError as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {dask_scheduler}: {exc}") from None
        with client:
            yield client.get_executor()
    elif workers > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield pool
    else:
        yield None


@app.command("history")
def history_command(
    history: Annotated[Path | None, typer.Option(help="History file (default: in the user data folder).")] = None,
) -> None:
    """List the briefs recorded in the history, newest first.

    Example: briefing history
    """
    with _errors():
        from .history import History

        with History(history) as past:
            rows = past.list_briefs(newest_first=True)
        if not rows:
            print("no briefs recorded yet")
        for row in rows:
            when = row.date.isoformat() if row.date else "undated"
            print(f"{row.id:>4}  {row.created:%Y-%m-%d %H:%M}  {when}  {row.stories:>3} stories  {row.title}")


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # unwinds like Ctrl-C, so partial outputs are removed


def run() -> None:
    """Console-script entry point (SIGTERM is handled like Ctrl-C)."""
    signal.signal(signal.SIGTERM, _terminate)
    app()

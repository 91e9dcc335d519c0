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
from .errors import BriefingError, ExitCode, InputError, OutputError, UsageError

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
    print(f"briefing: error: {message}", file=sys.stderr)


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
    from .api import ReadOptions

    return ReadOptions(language=language, encoding=encoding, max_bytes=int(max_input_mb * 1024 * 1024),
                       max_sentences=max_sentences)


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
        print(f"briefing: warning: {message}", file=sys.stderr)


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
        from .render import FORMATS, render_to_path
        from .templates import load_template

        if output is not None and output.suffix.lower() not in FORMATS:
            raise OutputError(f"unknown output format {output.suffix or '(none)'!r}; "
                              f"use one of {', '.join(sorted(set(FORMATS)))}", source=str(output))
        if output is not None:
            _refuse_overwriting_inputs(output, files)
        spec = load_template(template)
        when = _parse_date(brief_date)
        docs, failed = _load_articles(files, _read_options(language, encoding, max_input_mb, max_sentences))
        if not docs:
            raise typer.Exit(int(ExitCode.BAD_INPUT))
        result = compose(docs, spec.sections, Options(method, sentences, words, ratio), title=title,
                         brief_date=when, template=spec.name, notices=notices(docs))
        _warn(result.notices)
        if output is None:
            _show(result, spec)
        else:
            written = render_to_path(result, output, spec)
            print(f"wrote {written}", file=sys.stderr)
        if failed:
            raise typer.Exit(int(ExitCode.BAD_INPUT))


def _refuse_overwriting_inputs(output: Path, inputs: list[str]) -> None:
    target = output.resolve()
    for item in inputs:
        if item != "-" and Path(item).resolve() == target:
            raise OutputError("the output would overwrite an input file", source=str(output))


def _show(result, spec, width: int | None = None) -> None:
    from .render import render, render_terminal

    console = _console()
    if width:
        console.width = width
    if _plain_output(console):
        sys.stdout.write(render(result, "txt", spec))
    else:
        render_terminal(result, console, spec)


@app.command()
def preview(
    file: Annotated[str, typer.Argument(help="Article file or - for stdin.")],
    method: MethodOpt = "default",
    template: TemplateOpt = None,
    sentences: SentencesOpt = None,
    language: LanguageOpt = "english",
    width: Annotated[int | None, typer.Option(min=20, help="Width in columns (default: the terminal's).")] = None,
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
        _show(result, spec, width)


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
    """List the built-in templates; `templates show NAME` shows one.

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

        spec = load_template(name)
        print(f"{spec.name}: {spec.description}")
        for section in spec.sections:
            print(f"  {section.key:<12} {section.title!r:<24} limit {section.limit}")


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # unwinds like Ctrl-C, so partial outputs are removed


def run() -> None:
    """Console-script entry point (SIGTERM is handled like Ctrl-C)."""
    signal.signal(signal.SIGTERM, _terminate)
    app()

"""The `briefing` command: parses options into the library's bundles, makes one library call, maps errors.

Shared options are decorators that add a group of flags (as sqlite-utils does);
each command turns them into `ReadOptions`, `RankOptions` or `OutputOptions`
and calls one function of `briefing.api`. Errors become one line on stderr and
an exit code (`errors.ExitCode`).
"""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import click

from .errors import BriefingError, ExitCode, UsageError
from .options import MAX_FETCH_BYTES, MAX_INPUT_BYTES, MAX_SENTENCES, MIB, TIMEOUT

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _err(message: str) -> None:
    print(f"briefing: error: {message}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"briefing: warning: {message}", file=sys.stderr)


@contextmanager
def _errors() -> Iterator[None]:
    """The library's errors as a one-line message and an exit code; a bug as one line too."""
    try:
        yield
    except BriefingError as exc:
        _err(str(exc))
        sys.exit(int(exc.exit_code))
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(int(ExitCode.INTERRUPTED))
    except click.exceptions.Exit:
        raise
    except Exception as exc:
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        _err(f"internal error: {exc.__class__.__name__}: {exc} (set BRIEFING_DEBUG=1 for details)")
        sys.exit(int(ExitCode.ERROR))


class _Failures(list[str]):
    """An `on_error` callback that prints each bad source and remembers it (exit code 3 at the end)."""

    def __call__(self, source: str, message: str) -> None:
        self.append(source)
        _err(f"{source}: {message}")

    def exit_code(self) -> None:
        if self:
            sys.exit(int(ExitCode.BAD_INPUT))


def _options(*decorators: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def apply(f: Any) -> Any:
        for decorator in reversed(decorators):
            f = decorator(f)
        return f
    return apply


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    try:
        return None if value is None else date.fromisoformat(value)
    except ValueError:
        raise click.UsageError(f"--date must be YYYY-MM-DD, not {value!r}") from None


_MB = f"MiB ({MIB:,} bytes)"
read_options = _options(
    click.option("--language", "-l", default="english", show_default=True, help="Article language (english, de, ...)."),
    click.option("--encoding", help="Text encoding of the inputs, e.g. cp1252 (default: BOM, HTML charset, UTF-8)."),
    click.option("--max-input-mb", type=click.FloatRange(min=0.001), default=MAX_INPUT_BYTES / MIB,
                 show_default=True, help=f"Refuse inputs larger than this, in {_MB}."),
    click.option("--max-sentences", type=click.IntRange(min=1), default=MAX_SENTENCES, show_default=True,
                 help="Keep at most this many sentences of an article."),
)
rank_options = _options(
    click.option("--method", "-m", default="default", show_default=True, help="Ranking method (`briefing methods`)."),
    click.option("--sentences", "-n", type=click.IntRange(min=0),
                 help="Sentences in Situation (summarize: 3 unless --words or --ratio)."),
)
length_options = _options(
    click.option("--words", "-w", type=click.IntRange(min=1), help="Word budget instead of a count."),
    click.option("--ratio", type=click.FloatRange(0.0, 1.0), help="Share of the sentences instead of a count."),
)
template_option = click.option("--template", "-t", help="Built-in template name or a template folder.")
output_options = _options(
    click.option("--output", "-o", type=click.Path(path_type=Path), help="Output file: .docx .md .html .json .txt."),
    click.option("--marking", help='A marking line at the top and bottom of every page, e.g. "INTERNAL".'),
    click.option("--reference-docx", type=click.Path(path_type=Path),
                 help="Word output takes its styles, fonts, colours and margins from this .docx."),
    click.option("--docx-template", type=click.Path(path_type=Path),
                 help="A Word file with Jinja tags (docxtpl) to render the brief into."),
    click.option("--pager", is_flag=True, help="Show the terminal preview through the pager (less)."),
)


def _read(kw: dict[str, Any], **extra: Any) -> Any:
    from .options import ReadOptions

    return ReadOptions(language=kw.pop("language"), encoding=kw.pop("encoding"),
                       max_input_bytes=int(kw.pop("max_input_mb") * MIB), max_sentences=kw.pop("max_sentences"),
                       **extra)


def _rank(kw: dict[str, Any]) -> Any:
    from .options import RankOptions

    return RankOptions(kw.pop("method"), kw.pop("sentences"), kw.pop("words", None), kw.pop("ratio", None))


def _output(kw: dict[str, Any]) -> Any:
    from .options import OutputOptions

    return OutputOptions(kw.pop("marking", None), kw.pop("reference_docx", None), kw.pop("docx_template", None),
                         kw.pop("pager", False), kw.pop("width", None))


class _Group(click.Group):
    """A command group whose usage errors are one line too (and exit code 2), like the library's errors."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            return super().main(*args, **kwargs)
        except click.exceptions.Abort:
            _err("interrupted")
            sys.exit(int(ExitCode.INTERRUPTED))
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            _err(exc.format_message())
            sys.exit(int(ExitCode.USAGE))


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(package_name="briefing", prog_name="briefing", message="%(prog)s %(version)s")
def app() -> None:
    """Turn news articles into a structured brief: Situation, Actors, Background.

    Example: briefing brief article.txt -o brief.docx
    """


@app.command()
@click.argument("files", nargs=-1, required=True)
@output_options
@rank_options
@length_options
@template_option
@click.option("--title", help="Title of the brief (default: the headline).")
@click.option("--date", "brief_date", callback=_date, help="Date of the brief, YYYY-MM-DD.")
@read_options
def brief(files: tuple[str, ...], output: Path | None, template: str | None, title: str | None,
          brief_date: date | None, **kw: Any) -> None:
    """Make a brief of one or more articles (.txt .md .html .docx, - for stdin); the format follows -o.

    Example: briefing brief article.txt -o brief.docx
    """
    from .api import run_brief

    failed = _Failures()
    with _errors():
        run_brief(list(files), output, template=template, rank_options=_rank(kw), read_options=_read(kw),
                  output=_output(kw), title=title, brief_date=brief_date, on_error=failed, on_warning=_warn)
    failed.exit_code()


@app.command()
@click.argument("file")
@rank_options
@template_option
@click.option("--width", type=click.IntRange(min=20), help="Width in columns (default: the terminal's).")
@click.option("--marking", help='A marking line at the top and bottom, e.g. "INTERNAL".')
@click.option("--pager", is_flag=True, help="Show the preview through the pager (less).")
@read_options
def preview(file: str, template: str | None, **kw: Any) -> None:
    """Show the brief of one article in the terminal, fitted to its width.

    Example: briefing preview article.txt
    """
    from .api import run_brief

    with _errors():
        run_brief([file], None, template=template, rank_options=_rank(kw), read_options=_read(kw),
                  output=_output(kw), on_warning=_warn)


@app.command()
@click.argument("file")
@rank_options
@length_options
@click.option("--scores", is_flag=True, help="Show each sentence's index and score.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON with indices and scores.")
@read_options
def summarize(file: str, scores: bool, as_json: bool, **kw: Any) -> None:
    """Print just the key sentences of an article, in document order.

    Example: briefing summarize article.txt --method lexrank --sentences 3
    """
    from .api import summary

    with _errors():
        result = summary(Path(file), _rank(kw), _read(kw))
        for message in result.notices:
            _warn(message)
        if as_json:
            items = [{"index": i, "score": round(s, 6), "text": t} for i, s, t in result.sentences]
            print(json.dumps({"method": result.method, "source": result.source, "sentences": items},
                             ensure_ascii=False, indent=2))
        for i, score, text in () if as_json else result.sentences:
            print(f"[{i}] {score:.4f}  {text}" if scores else text)


@app.command("eval")
@click.argument("data", type=click.Path(path_type=Path))
@click.option("--method", "-m", "methods_", multiple=True,
              help="Method to score; repeat for several (default: default, lead, lexrank).")
@click.option("--sentences", "-n", type=click.IntRange(min=1), help="Summary length (default: the reference's).")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N items.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def eval_command(data: Path, methods_: tuple[str, ...], sentences: int | None, limit: int | None,
                 as_json: bool) -> None:
    """Score methods with ROUGE-1/2/L/Lsum F1 (Porter stemmer) against reference summaries.

    Example: briefing eval ../shared/eval/cnndm-test.jsonl -m default -m lead -n 3 --limit 100
    """
    from .evaluate import run_eval

    with _errors():
        run_eval(data, list(methods_) or ["default", "lead", "lexrank"], sentences=sentences, limit=limit,
                 as_json=as_json)


@app.command()
def methods() -> None:
    """List the ranking methods.

    Example: briefing methods
    """
    from .rank import describe_methods

    with _errors():
        print(describe_methods())


@app.group(invoke_without_command=True)
@click.pass_context
def templates(ctx: click.Context) -> None:
    """List the built-in templates; `templates show NAME` shows one, `templates copy NAME DIR` copies one.

    Example: briefing templates
    """
    from .templates import describe_templates

    if ctx.invoked_subcommand is None:
        with _errors():
            print(describe_templates())


@templates.command("show")
@click.argument("name")
def templates_show(name: str) -> None:
    """Show a template's sections, in order, with their limits.

    Example: briefing templates show standard
    """
    from .templates import load_template

    with _errors():
        print(load_template(name).describe())


@templates.command("copy")
@click.argument("name")
@click.argument("dest", type=click.Path(path_type=Path))
def templates_copy(name: str, dest: Path) -> None:
    """Copy a template into a new folder to edit; then use it with --template DIR.

    Example: briefing templates copy sitrep my-sitrep
    """
    from .templates import copy_template

    with _errors():
        folder = copy_template(name, dest)
        print(f"copied {name} to {folder}; use it with: briefing brief ARTICLE --template {folder}", file=sys.stderr)


@app.command()
@click.argument("sources", nargs=-1, required=True)
@output_options
@click.option("--method", "-m", default="default", show_default=True, help="Ranking method (`briefing methods`).")
@click.option("--template", "-t", default="daily", show_default=True, help="Built-in template name or a folder.")
@click.option("--stories", type=click.IntRange(min=1), default=12, show_default=True,
              help="How many stories the brief shows.")
@click.option("--story-threshold", type=click.FloatRange(0.0, 1.0),
              help="How alike articles must be to form one story (0-1; higher keeps more stories apart).")
@click.option("--sentences", "-n", type=click.IntRange(min=0), help="Sentences in each story's Situation.")
@click.option("--title", default="Daily brief", show_default=True, help="Title of the brief.")
@click.option("--date", "brief_date", callback=_date, help="Date of the brief, YYYY-MM-DD.")
@click.option("--history", type=click.Path(path_type=Path),
              help="History file marking what earlier briefs showed (default: in the user data folder).")
@click.option("--no-history", is_flag=True, help="Neither read nor record history.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Parallel workers for fetching and per-article work.")
@click.option("--dask-scheduler", help="Run per-article work on this Dask scheduler (needs the [dask] extra).")
@click.option("--allow-private", is_flag=True, help="Allow URLs on private and loopback addresses.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=TIMEOUT, show_default=True,
              help="Seconds to wait for each web page.")
@click.option("--max-fetch-mb", type=click.FloatRange(min=0.001), default=MAX_FETCH_BYTES / MIB, show_default=True,
              help=f"Refuse web pages larger than this, in {_MB}.")
@read_options
def daily(sources: tuple[str, ...], output: Path | None, template: str, stories: int, story_threshold: float | None,
          title: str, brief_date: date | None, history: Path | None, no_history: bool, workers: int,
          dask_scheduler: str | None, allow_private: bool, timeout: float, max_fetch_mb: float, **kw: Any) -> None:
    """Make the daily brief: articles grouped into stories, the most important first.

    Example: briefing daily news/ https://example.org/feed.xml -o today.docx
    """
    from .api import run_daily
    from .history import default_path

    failed = _Failures()
    with _errors(), _progress() as show:
        read = _read(kw, allow_private=allow_private, timeout=timeout, max_fetch_bytes=int(max_fetch_mb * MIB),
                     workers=workers)
        run_daily(list(sources), output, template=template, rank_options=_rank(kw), read_options=read,
                  output=_output(kw), title=title, brief_date=brief_date, max_stories=stories,
                  threshold=story_threshold, history=None if no_history else history or default_path(),
                  workers=workers, dask_scheduler=dask_scheduler, on_error=failed,
                  on_note=lambda source, message: _warn(f"{source}: {message}"), on_warning=_warn, progress=show)
    failed.exit_code()


@contextmanager
def _progress() -> Iterator[Callable[[str, int, int | None], None]]:
    """A progress bar per stage on stderr when it is a terminal; otherwise silent."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    with Progress(TextColumn("{task.description:<12}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, disable=not console.is_terminal, transient=True) as progress:
        tasks: dict[str, Any] = {}

        def show(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                tasks[stage] = progress.add_task(stage, total=total)
            progress.update(tasks[stage], completed=done, total=total)

        yield show


@app.command("history")
@click.option("--history", type=click.Path(path_type=Path), help="History file (default: in the user data folder).")
def history_command(history: Path | None) -> None:
    """List the briefs recorded in the history, newest first.

    Example: briefing history
    """
    from .history import describe_history

    with _errors():
        print(describe_history(history))


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # unwinds like Ctrl-C, so partial outputs are removed


def run() -> None:
    """Console-script entry point (SIGTERM is handled like Ctrl-C)."""
    signal.signal(signal.SIGTERM, _terminate)
    app()


__all__ = ["UsageError", "app", "run"]

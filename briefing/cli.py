"""The `briefing` command: flags into the library's option bundles, one library call per command (`_call`), errors
to one line on stderr and an exit code. Shared options are decorators adding a group of flags (as sqlite-utils)."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import partial, reduce
from importlib import import_module
from pathlib import Path
from typing import Any

import click

from .errors import BriefingError, ExitCode
from .options import FETCH_BUDGET, MAX_FETCH_BYTES, MAX_INPUT_BYTES, MAX_ITEMS, MAX_SENTENCES, MIB, TIMEOUT


def _err(message: str, kind: str = "error") -> None:
    from .ingest.clean import clean_line  # no escape sequence of an input reaches the terminal
    print(f"briefing: {kind}: {clean_line(message)}", file=sys.stderr)


_warn = partial(_err, kind="warning")


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
    except Exception as exc:
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        _err(f"internal error: {exc.__class__.__name__}: {exc} (set BRIEFING_DEBUG=1 for details)")
        sys.exit(int(ExitCode.ERROR))


def _call(target: str, *args: Any, **kwargs: Any) -> Any:
    """Call `briefing.<module>.<function>` (imported only now, so --help stays fast), errors mapped."""
    module, name = target.rsplit(".", 1)
    with _errors():
        return getattr(import_module(f"briefing.{module}"), name)(*args, **kwargs)


class _Failures(list[str]):
    """An `on_error` callback that prints each bad source and remembers it (exit code 3 at the end)."""

    def __call__(self, source: str, message: str) -> None:
        self.append(source)
        _err(f"{source}: {message}")

    def exit(self) -> None:
        if self:
            sys.exit(int(ExitCode.BAD_INPUT))


def _options(*decorators: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda f: reduce(lambda g, decorator: decorator(g), reversed(decorators), f)


_MIB = f"in MiB ({MIB:,} bytes)"
read_options = _options(
    click.option("--language", "-l", default="auto", show_default=True, help="Article language (auto, en, de ...)."),
    click.option("--encoding", help="Text encoding of the inputs, e.g. cp1252 (default: BOM, HTML charset, UTF-8)."),
    click.option("--max-input-mb", type=click.FloatRange(min=0.001), default=MAX_INPUT_BYTES / MIB,
                 show_default=True, help=f"Refuse inputs larger than this, {_MIB}."),
    click.option("--max-sentences", type=click.IntRange(min=1), default=MAX_SENTENCES, show_default=True,
                 help="Keep at most this many sentences of an article."))
method_option = click.option("--method", "-m", default="default", show_default=True,
                             help="Ranking method (see `briefing methods`).")
sentences_option = click.option("--sentences", "-n", type=click.IntRange(min=0),
                                help="Sentences in Situation (summarize: 3 unless --words or --ratio).")
length_options = _options(
    click.option("--words", "-w", type=click.IntRange(min=1), help="Word budget instead of a count."),
    click.option("--ratio", type=click.FloatRange(0.0, 1.0), help="Share of the sentences instead of a count."))
story_words_option = click.option("--story-words", type=click.IntRange(min=0), help="Most words of a story (0: all).")
marking_option = click.option("--marking", help='A marking line at the top and bottom of every page: "INTERNAL".')
pager_option = click.option("--pager/--no-pager", default=None, help="Page the preview (default: when too tall).")
output_options = _options(
    click.option("--output", "-o", type=click.Path(path_type=Path), help="Output file: .docx .md .html .json .txt."),
    marking_option, pager_option,
    click.option("--reference-docx", type=click.Path(path_type=Path),
                 help="Word output takes its styles, fonts, colours and margins from this .docx."),
    click.option("--docx-template", type=click.Path(path_type=Path),
                 help="A Word file with Jinja tags (docxtpl) to render the brief into."))
date_option = click.option("--date", "brief_date", callback=lambda ctx, param, value: _call(
    "options.parse_date", value), help="Date of the brief, YYYY-MM-DD.")


class _Group(click.Group):
    """A command group whose usage errors are one line too (exit code 2), like the library's errors."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().main(*args, **{**kwargs, "standalone_mode": False})
        except click.exceptions.Abort:
            _err("interrupted")
            sys.exit(int(ExitCode.INTERRUPTED))
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            _err(exc.format_message())
            sys.exit(int(ExitCode.USAGE))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="briefing", prog_name="briefing", message="%(prog)s %(version)s")
def app() -> None:
    """Turn news articles into a structured brief: Situation, Actors, Background.

    Example: briefing brief article.txt -o brief.docx
    """


@app.command()
@click.argument("files", nargs=-1, required=True)
@output_options
@method_option
@sentences_option
@length_options
@story_words_option
@click.option("--template", "-t", help="Built-in template name or a template folder.")
@click.option("--title", help="Title of the brief (default: the headline).")
@date_option
@read_options
def brief(files: tuple[str, ...], output: Path | None, template: str | None, title: str | None,
          brief_date: date | None, **kw: Any) -> None:
    """Make a brief of one or more articles (.txt .md .html .docx, - for stdin); the format follows -o.

    Example: briefing brief article.txt -o brief.docx
    """
    failed = _Failures()
    _call("api.run_brief", list(files), output, template=template, title=title, brief_date=brief_date,
          on_error=failed, on_warning=_warn, **_call("options.bundles", kw))
    failed.exit()


@app.command()
@click.argument("file")
@method_option
@sentences_option
@click.option("--template", "-t", help="Built-in template name or a template folder.")
@click.option("--width", type=click.IntRange(min=20), help="Width in columns (default: the terminal's).")
@marking_option
@pager_option
@read_options
def preview(file: str, template: str | None, **kw: Any) -> None:
    """Show the brief of one article in the terminal, fitted to its width.

    Example: briefing preview article.txt
    """
    _call("api.run_brief", [file], None, template=template, on_warning=_warn, **_call("options.bundles", kw))


@app.command()
@click.argument("file")
@method_option
@sentences_option
@length_options
@click.option("--scores", is_flag=True, help="Show each sentence's index and score.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON with indices and scores.")
@read_options
def summarize(file: str, scores: bool, as_json: bool, **kw: Any) -> None:
    """Print just the key sentences of an article, in document order.

    Example: briefing summarize article.txt --method lexrank --sentences 3
    """
    _call("api.run_summary", file, scores=scores, as_json=as_json, on_warning=_warn, **_call("options.bundles", kw))


@app.command("eval")
@click.argument("data", type=click.Path(path_type=Path))
@click.option("--method", "-m", "methods_", multiple=True,
              help="Method to score; repeat for several (default: default, lead, lexrank).")
@click.option("--sentences", "-n", type=click.IntRange(min=1), help="Summary length (default: the reference's).")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N items.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def eval_command(data: Path, methods_: tuple[str, ...], **kw: Any) -> None:
    """Score methods with ROUGE-1/2/L/Lsum F1 (Porter stemmer) against reference summaries.

    Example: briefing eval ../shared/eval/cnndm-test.jsonl -m default -m lead -n 3 --limit 100
    """
    _call("evaluate.run_eval", data, list(methods_) or ["default", "lead", "lexrank"], **kw)


@app.command()
def methods() -> None:
    """List the ranking methods.

    Example: briefing methods
    """
    print(_call("rank.describe_methods"))


@app.group(invoke_without_command=True)
@click.pass_context
def templates(ctx: click.Context) -> None:
    """List the built-in templates; `templates show NAME` shows one, `templates copy NAME DIR` copies one.

    Example: briefing templates
    """
    if ctx.invoked_subcommand is None:
        print(_call("templates.describe_templates"))


@templates.command("show")
@click.argument("name")
def templates_show(name: str) -> None:
    """Show a template's sections, in order, with their limits.

    Example: briefing templates show standard
    """
    print(_call("templates.load_template", name).describe())


@templates.command("copy")
@click.argument("name")
@click.argument("dest", type=click.Path(path_type=Path))
def templates_copy(name: str, dest: Path) -> None:
    """Copy a template into a new folder to edit; then use it with --template DIR.

    Example: briefing templates copy sitrep my-sitrep
    """
    folder = _call("templates.copy_template", name, dest)
    print(f"copied {name} to {folder}; use it with: briefing brief ARTICLE --template {folder}", file=sys.stderr)


@app.command()
@click.argument("sources", nargs=-1, required=True)
@output_options
@method_option
@click.option("--template", "-t", default="daily", show_default=True, help="Built-in template name or a folder.")
@click.option("--stories", "max_stories", type=click.IntRange(min=1), default=12, show_default=True,
              help="How many stories the brief shows.")
@click.option("--story-threshold", "threshold", type=click.FloatRange(0.0, 1.0),
              help="How sure a pair must be of one event to join (0-1; higher keeps more stories apart).")
@click.option("--sentences", "-n", type=click.IntRange(min=0), help="Sentences in each story's Situation.")
@story_words_option
@click.option("--title", default="Daily brief", show_default=True, help="Title of the brief.")
@date_option
@click.option("--history", type=click.Path(path_type=Path),
              help="History file marking what earlier briefs showed (default: in the user data folder).")
@click.option("--no-history", is_flag=True, help="Neither read nor record history.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Parallel workers for fetching and per-article work.")
@click.option("--dask-scheduler", help="Run per-article work on this Dask scheduler (needs the [dask] extra).")
@click.option("--allow-private", is_flag=True, help="Allow URLs on private and loopback addresses.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=TIMEOUT, show_default=True,
              help="Seconds for each web page, redirects included.")
@click.option("--fetch-budget", type=click.FloatRange(min=0.1), default=FETCH_BUDGET, show_default=True,
              help="Seconds for all the fetching of the run; then nothing more is fetched.")
@click.option("--max-items", type=click.IntRange(min=1), default=MAX_ITEMS, show_default=True,
              help="Read at most this many items of each feed.")
@click.option("--max-fetch-mb", type=click.FloatRange(min=0.001), default=MAX_FETCH_BYTES / MIB, show_default=True,
              help=f"Refuse web pages larger than this, {_MIB}.")
@read_options
def daily(sources: tuple[str, ...], output: Path | None, history: Path | None, no_history: bool, **kw: Any) -> None:
    """Make the daily brief: articles grouped into stories, the most important first.

    Example: briefing daily news/ https://example.org/feed.xml -o today.docx
    """
    from .render.progress import progress_bar

    failed = _Failures()
    extra = {k: kw[k] for k in ("template", "max_stories", "threshold", "title", "brief_date", "workers",
                                "dask_scheduler")}
    with progress_bar() as show:
        _call("api.run_daily", list(sources), output, history=None if no_history else history or _call(
              "history.default_path"), on_error=failed, on_note=lambda source, message: _warn(f"{source}: {message}"),
              on_warning=_warn, progress=show, **extra, **_call("options.bundles", kw))
    failed.exit()


@app.command("history")
@click.option("--history", type=click.Path(path_type=Path), help="History file (default: in the user data folder).")
def history_command(history: Path | None) -> None:
    """List the briefs recorded in the history, newest first.

    Example: briefing history
    """
    print(_call("history.describe_history", history))


def run() -> None:
    """Console-script entry point (SIGTERM unwinds like Ctrl-C, so partial outputs are removed)."""
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    app()

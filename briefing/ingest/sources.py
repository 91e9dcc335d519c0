"""The daily brief's inputs: folders, globs, files, JSONL, URLs, feeds and stdin become Articles.

`collect` expands each argument, in the order given, into inputs:

- a folder: its article files (.txt .text .md .markdown .html .htm .docx), searched
  recursively, hidden files and folders skipped, sorted by path;
- a glob pattern (`news/*.md`, `**` allowed): the matching files, sorted (each folder is
  searched once, so symlinks that loop back do not make the search endless);
- a file: read by its extension; `.jsonl` is JSON Lines of articles, `.rss`, `.cdf`,
  `.atom` or `.xml` is read as a feed when its root element is one (other XML by its prose);
- an http(s) URL: fetched once, then read as a feed or as a page by its content;
- `-`: stdin, read as a feed, JSON Lines (first line a JSON object) or one article.

Inputs are then read, `workers` at a time (or on a given `concurrent.futures`
executor, e.g. a Dask client's `get_executor()`), and the articles come back in
input order whatever finished first; their titles lose the site's name
(`headline.tidy_titles`: by the URL's host, and a short trailing part that repeats
across one site's titles). Each failure goes to `on_error(source,
message)` and is skipped. The same input named twice is read once, and article
ids are made unique by `-2`, `-3`... suffixes.

Fetching is bounded three ways: each fetch by `timeout` (wall clock, redirects
included), each feed by `max_items`, and the whole run by `fetch_budget` seconds
from the start of `collect`; once the budget is spent nothing more is fetched (feed
items fall back on their own text). Sources and messages handed to `on_error` and
`on_note` are cleaned (`ingest.clean`), so they are safe to print.
"""

from __future__ import annotations

import fnmatch
import glob
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import InputError
from ..model import Article
from ..options import MAX_INPUT_BYTES, ReadOptions
from . import KINDS, read_bytes, read_file_bytes, read_path
from .clean import clean_line
from .feed import FEED_SUFFIXES, ErrorHandler, is_feed, read_feed
from .headline import tidy_titles
from .jsonl import is_jsonl, read_jsonl
from .web import check_url, fetch, to_article

ARTICLE_SUFFIXES = frozenset(KINDS)
Progress = Callable[[int, int], None]  # (inputs done, inputs in all)


@dataclass(frozen=True)
class Input:
    """One thing to read: kind is 'file', 'jsonl', 'url' or 'stdin'."""

    kind: str
    source: str
    data: bytes | None = None  # stdin, read up front


@dataclass
class Loaded:
    """What reading one input gave: articles, errors and notes as (source, message)."""

    articles: list[Article] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)


def _is_url(arg: str) -> bool:
    return "://" in arg or arg.lower().startswith(("http:", "https:"))


def _folder_files(folder: Path) -> list[Path]:
    """Article files under a folder, recursively, hidden entries skipped, sorted by relative path."""
    found = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file():
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def _file_input(path: Path) -> Input:
    return Input("jsonl" if is_jsonl(path) else "file", str(path))


def glob_files(pattern: str) -> list[Path]:
    """The files a glob pattern matches, sorted (as `glob.glob(pattern, recursive=True)`, hidden names
    matched only by a pattern starting with '.').

    `**` is any depth of folders, each real folder searched once per part of the pattern, so
    symlinks pointing back up (`ln -s . x`) cannot make the search endless or exponential.
    """
    drive, rest = os.path.splitdrive(pattern)
    parts = [p for p in rest.split(os.sep) if p]
    root = drive + (os.sep if rest.startswith(os.sep) else "")
    found: set[str] = set()
    done: set[tuple[int, int, int]] = set()

    def names(folder: str) -> Iterator[os.DirEntry[str]]:
        try:
            with os.scandir(folder or ".") as entries:
                yield from entries
        except OSError:
            return

    def walk(folder: str, index: int) -> None:
        try:
            info = os.stat(folder or ".")
        except OSError:
            return
        key = (info.st_dev, info.st_ino, index)
        if key in done:
            return
        done.add(key)
        part = parts[index]
        last = index == len(parts) - 1
        if part == "**":
            if last:
                for entry in names(folder):
                    if not entry.name.startswith(".") and _is_file(entry):
                        found.add(os.path.join(folder, entry.name))
            else:
                walk(folder, index + 1)
            for entry in names(folder):
                if not entry.name.startswith(".") and _is_dir(entry):
                    walk(os.path.join(folder, entry.name), index)
        elif not glob.has_magic(part):
            path = os.path.join(folder, part)
            if last:
                if os.path.isfile(path):
                    found.add(path)
            elif os.path.isdir(path):
                walk(path, index + 1)
        else:
            hidden = part.startswith(".")
            for entry in names(folder):
                if (hidden or not entry.name.startswith(".")) and fnmatch.fnmatch(entry.name, part):
                    path = os.path.join(folder, entry.name)
                    if last:
                        if _is_file(entry):
                            found.add(path)
                    elif _is_dir(entry):
                        walk(path, index + 1)

    if parts:
        walk(root, 0)
    return sorted(Path(p) for p in found)


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def input_files(sources: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Every file the arguments bring in (folders' article files, glob matches, named files), without reading
    any: what an output must not overwrite. URLs and '-' bring in none."""
    files: list[Path] = []
    for source in sources:
        arg = os.fspath(source)
        path = Path(arg)
        if arg == "-" or _is_url(arg):
            continue
        if path.is_dir():
            files += _folder_files(path)
        elif path.exists():
            files.append(path)
        elif glob.has_magic(arg):
            files += glob_files(arg)
    return files


def expand(sources: Iterable[str], on_error: ErrorHandler, max_input_bytes: int = MAX_INPUT_BYTES) -> list[Input]:
    """The inputs the arguments name, in order, each once; an argument naming nothing goes to on_error."""
    inputs: list[Input] = []
    for arg in sources:
        path = Path(arg)
        if arg == "-":
            inputs.append(Input("stdin", "-", sys.stdin.buffer.read(max_input_bytes + 1)))
        elif _is_url(arg):
            try:
                check_url(arg)
            except InputError as exc:
                on_error(arg, str(exc).removeprefix(f"{arg}: "))
                continue
            inputs.append(Input("url", arg))
        elif path.is_dir():
            files = _folder_files(path)
            if not files:
                on_error(arg, f"folder has no article files ({', '.join(sorted(ARTICLE_SUFFIXES))})")
            inputs += [_file_input(p) for p in files]
        elif path.exists():
            inputs.append(_file_input(path))
        elif glob.has_magic(arg):
            files = glob_files(arg)
            if not files:
                on_error(arg, "no files match this pattern")
            inputs += [_file_input(p) for p in files]
        else:
            on_error(arg, "no such file, folder or URL")
    unique: dict[tuple[str, str], Input] = {}
    for item in inputs:
        key = item.source if item.kind in ("url", "stdin") else str(Path(item.source).resolve())
        unique.setdefault((item.kind, key), item)
    return list(unique.values())


def _read_if_feed(data: bytes, source: str, content_type: str, options: ReadOptions, loaded: Loaded) -> bool:
    """Read bytes into `loaded` if they are a feed; False if they are not."""
    if is_feed(data, content_type):
        loaded.articles += read_feed(source, data=data, language=options.language, workers=options.workers,
                                     on_error=lambda s, m: loaded.errors.append((s, m)),
                                     on_note=lambda s, m: loaded.notes.append((s, m)), max_items=options.max_items,
                                     **options.fetch_opts())
        return True
    return False


def load(item: Input, options: ReadOptions) -> Loaded:
    """Read one input; failures are recorded, never raised (so this runs anywhere, e.g. on a Dask worker)."""
    loaded = Loaded()
    report = loaded.errors.append
    try:
        if item.kind == "jsonl" or (item.kind == "stdin" and (item.data or b"").lstrip().startswith(b"{")):
            # stdin was read up to the size limit: a longer JSONL goes on from the stream, line by line
            more = sys.stdin.buffer if item.kind == "stdin" and len(item.data or b"") > options.max_input_bytes \
                else None
            loaded.articles += read_jsonl(item.source, data=item.data, language=options.language,
                                          on_error=lambda s, m: report((s, m)), max_bytes=options.max_input_bytes,
                                          more=more)
        elif item.kind == "stdin":
            data = item.data or b""
            if not _read_if_feed(data, "-", "", options, loaded):
                loaded.articles.append(read_bytes(data, "-", **options.file_opts()))
        elif item.kind == "url":
            result = fetch(item.source, **options.fetch_opts())
            if not _read_if_feed(result.data, item.source, result.content_type, options, loaded):
                loaded.articles.append(to_article(result, language=options.language))
        elif Path(item.source).suffix.lower() in FEED_SUFFIXES:
            data = read_file_bytes(item.source, options.max_input_bytes)
            if not _read_if_feed(data, item.source, "", options, loaded):
                loaded.articles.append(read_bytes(data, item.source, **options.file_opts()))
        else:
            loaded.articles.append(read_path(item.source, **options.file_opts()))
    except InputError as exc:
        report((exc.source or item.source, str(exc).removeprefix(f"{exc.source}: ")))
    except OSError as exc:
        report((item.source, f"cannot read: {exc.strerror or exc}"))
    except Exception as exc:  # one bad input must not sink the others
        report((item.source, f"unexpected error: {exc.__class__.__name__}: {exc}"))
    return loaded


def _unique_ids(articles: list[Article]) -> list[Article]:
    """Articles with distinct ids: a repeated id gets -2, -3... in order."""
    taken = {a.id for a in articles}
    seen: set[str] = set()
    out = []
    for article in articles:
        ident = article.id
        if ident in seen:
            n = 2
            while f"{ident}-{n}" in taken:
                n += 1
            ident = f"{ident}-{n}"
            taken.add(ident)
            article = replace(article, id=ident)
        seen.add(ident)
        out.append(article)
    return out


def collect(sources: Iterable[str], options: ReadOptions | None = None, *, executor: Executor | None = None,
            on_error: ErrorHandler | None = None, on_note: ErrorHandler | None = None,
            progress: Progress | None = None) -> list[Article]:
    """Articles of all the sources, in input order (see the module doc for what each argument may be).

    Failures go to `on_error(source, message)` (without it, the first raises
    InputError); pages replaced by a feed item's own text go to `on_note`.
    `progress(done, total)` is called as inputs finish, in order.
    """
    def fail(source: str, message: str) -> None:
        if on_error is None:
            raise InputError(message, source=source)
        on_error(clean_line(source), clean_line(message))

    options = options or ReadOptions()
    options = replace(options, workers=max(1, options.workers),
                      fetch_until=options.fetch_until or time.time() + options.fetch_budget)
    workers = options.workers
    inputs = expand(sources, fail, options.max_input_bytes)
    own_pool = ThreadPoolExecutor(max_workers=workers) if executor is None and workers > 1 and len(inputs) > 1 else None
    pool = executor or own_pool
    try:
        results = pool.map(load, inputs, [options] * len(inputs)) if pool else (load(i, options) for i in inputs)
        articles: list[Article] = []
        seen: set[tuple[str, str]] = set()
        for done, loaded in enumerate(results, 1):
            for source, message in loaded.errors:
                fail(source, message)
            for source, message in loaded.notes:
                if on_note is not None:
                    on_note(clean_line(source), clean_line(message))
            for article in loaded.articles:
                key = (article.url or article.source, article.text)
                if key not in seen:  # the same page reached twice (a feed item and its URL)
                    seen.add(key)
                    articles.append(article)
            if progress is not None:
                progress(done, len(inputs))
    finally:
        if own_pool is not None:
            own_pool.shutdown(wait=True, cancel_futures=True)
    return _unique_ids(tidy_titles(articles))

"""JSON Lines of articles: one object a line, with `text` or `documents`.

Fields: `text` (one article) or `documents` (a list of article texts, one
Article each), optional `title`, `url`, `published` (a date), `id`, `language`.
Ids are the line's `id`, else `<file stem>-<line>`; the n-th of a line's
documents adds `-<n>`. Sources are `<path>:<line>`.

Each line is one input for the size limit (`max_bytes`): a longer line is reported
and skipped without being held in memory, and the lines after it are read. Text
fields are cleaned like any other input (`clean.clean_text`), with a note.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import InputError
from ..model import Article
from ..options import MAX_INPUT_BYTES
from . import article_id
from .clean import clean_line, clean_text, dropped_note
from .text import normalize, parse_date

_CHUNK = 1024 * 1024


def _string(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise ValueError(f"field {key!r} must be a string")
    return str(value)


def _articles(obj: Any, base: str, source: str, language: str) -> list[Article]:
    """The articles one JSON line describes (ValueError says what is wrong with it)."""
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    if "documents" in obj:
        texts = obj["documents"]
        if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
            raise ValueError("'documents' must be a list of strings")
    elif isinstance(obj.get("text"), str):
        texts = [obj["text"]]
    else:
        raise ValueError("no 'text' string or 'documents' list")
    dropped = sum(clean_text(t)[1] for t in texts)
    texts = [normalize(t).strip() for t in texts]
    if not any(t and any(ch.isalnum() for ch in t) for t in texts):
        raise ValueError("no article text")
    fields = {}
    for key in ("published", "id", "title", "url", "language"):
        fields[key], count = clean_text(_string(obj, key) or "")
        dropped += count
    published = parse_date(fields["published"]) if fields["published"] else None
    if fields["published"] and published is None:
        raise ValueError(f"'published' is not a date: {fields['published']!r}")
    base = article_id(fields["id"]) if fields["id"] else base
    common = {
        "title": " ".join(fields["title"].split()),
        "url": fields["url"].strip() or None,
        "published": published,
        "language": fields["language"] or language,
        "source": source,
        "notes": (dropped_note(dropped),) if dropped else (),
    }
    if "documents" not in obj:
        return [Article(id=base, text=texts[0], **common)]
    return [Article(id=f"{base}-{n}", text=t, **common) for n, t in enumerate(texts, 1) if t]


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The lines of a stream, each read with at most `max_bytes` held; None for a longer line (skipped)."""
    while line := stream.readline(max_bytes + 1):
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(_CHUNK)) and not rest.endswith(b"\n"):
            pass  # the rest of the long line, dropped as it comes
        yield None


class _Joined(io.RawIOBase):
    """Bytes already read (stdin's head) followed by the rest of their stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head, self._rest = io.BytesIO(head), rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = self._head.readinto(buffer) or self._rest.readinto(buffer)
        return size or 0


def is_jsonl(path: str | Path) -> bool:
    """Whether a file is read as JSON Lines of articles (by its name: `.jsonl`)."""
    return Path(path).suffix.lower() == ".jsonl"


def read_jsonl(path: str | Path, *, data: bytes | None = None, language: str = "auto",
               on_error: Callable[[str, str], None] | None = None, max_bytes: int = MAX_INPUT_BYTES,
               more: BinaryIO | None = None) -> Iterator[Article]:
    """Articles of a JSONL file ('-' for stdin; `data` if already read, then `more` if the stream goes on),
    in order. A bad line, or one over `max_bytes`, goes to `on_error(path:line, message)` and the rest go on;
    without `on_error` it raises InputError."""
    source = str(path)
    stem = "stdin" if source == "-" else article_id(source)
    try:
        if data is not None:
            head = io.BytesIO(data) if more is None else io.BufferedReader(_Joined(data, more))
            stream: Any = nullcontext(head)
        else:
            stream = nullcontext(sys.stdin.buffer) if source == "-" else Path(path).open("rb")  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=source) from None
    with stream as lines:
        for number, raw in enumerate(_lines(lines, max_bytes), 1):
            where = f"{source}:{number}"
            if raw is None:
                message = f"line {number}: larger than the {max_bytes:,}-byte limit (see --max-input-mb)"
            elif not raw.strip():
                continue
            else:
                try:
                    obj = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
                    yield from _articles(obj, f"{stem}-{number}", where, language)
                except json.JSONDecodeError as exc:
                    message = f"line {number}: not valid JSON ({exc.msg} at column {exc.colno})"
                except UnicodeDecodeError:
                    message = f"line {number}: not valid UTF-8"
                except RecursionError:
                    message = f"line {number}: nested too deeply"
                except ValueError as exc:
                    message = f"line {number}: {clean_line(str(exc))}"
                else:
                    continue
            if on_error is None:
                raise InputError(message, source=source)
            on_error(where, message)

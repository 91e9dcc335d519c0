"""JSON Lines of articles: one object a line, with `text` or `documents`.

Fields: `text` (one article) or `documents` (a list of article texts, one
Article each), optional `title`, `url`, `published` (a date), `id`, `language`.
Ids are the line's `id`, else `<file stem>-<line>`; the n-th of a line's
documents adds `-<n>`. Sources are `<path>:<line>`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article
from . import article_id
from .text import normalize, parse_date


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
    texts = [normalize(t).strip() for t in texts]
    if not any(t and any(ch.isalnum() for ch in t) for t in texts):
        raise ValueError("no article text")
    published_raw = _string(obj, "published")
    published = parse_date(published_raw) if published_raw else None
    if published_raw and published is None:
        raise ValueError(f"'published' is not a date: {published_raw!r}")
    ident = _string(obj, "id")
    base = article_id(ident) if ident else base
    common = {
        "title": " ".join((_string(obj, "title") or "").split()),
        "url": _string(obj, "url") or None,
        "published": published,
        "language": _string(obj, "language") or language,
        "source": source,
    }
    if "documents" not in obj:
        return [Article(id=base, text=texts[0], **common)]
    return [Article(id=f"{base}-{n}", text=t, **common) for n, t in enumerate(texts, 1) if t]


def read_jsonl(path: str | Path, *, data: bytes | None = None, language: str = "english",
               on_error: Callable[[str, str], None] | None = None) -> Iterator[Article]:
    """Articles of a JSONL file ('-' for stdin; `data` if already read), in order. A bad line goes to
    `on_error(path:line, message)` and the rest go on; without `on_error` it raises InputError."""
    source = str(path)
    stem = "stdin" if source == "-" else article_id(source)
    try:
        if data is not None:
            stream: Any = nullcontext(data.splitlines(keepends=True))
        else:
            stream = nullcontext(sys.stdin.buffer) if source == "-" else Path(path).open("rb")  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=source) from None
    with stream as lines:
        for number, raw in enumerate(lines, 1):
            if not raw.strip():
                continue
            where = f"{source}:{number}"
            try:
                obj = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
                yield from _articles(obj, f"{stem}-{number}", where, language)
            except json.JSONDecodeError as exc:
                message = f"line {number}: not valid JSON ({exc.msg} at column {exc.colno})"
            except UnicodeDecodeError:
                message = f"line {number}: not valid UTF-8"
            except ValueError as exc:
                message = f"line {number}: {exc}"
            else:
                continue
            if on_error is None:
                raise InputError(message, source=source)
            on_error(where, message)

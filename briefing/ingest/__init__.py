"""ingest: the only stage that reads input. Paths, stdin and bytes become Articles.

Readers are chosen by file extension, falling back to sniffing the content
(HTML markup, a .docx zip, XML). XML is never briefed as markup: XHTML is read as a
page, a feed is refused here (feeds are read by `sources`, for the daily brief), and
other XML gives its prose, or is refused when it has none. Every failure is an
`InputError` naming the source.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..model import Article
from ..options import MAX_INPUT_BYTES
from .clean import clean_line, clean_text, dropped_note
from .decode import check_binary, decode_text
from .docx import read_docx
from .html import read_html
from .text import read_markdown, read_plain
from .xml import is_feed_root, is_xml, read_xml, root_element

TextReader = Callable[[str], tuple[str, str, date | None]]

TEXT_READERS: dict[str, TextReader] = {
    ".txt": read_plain,
    ".text": read_plain,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
}
KINDS = (*TEXT_READERS, ".docx")  # the file extensions ingest reads

_HTML_SNIFF = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])", re.I)


def _sniff(data: bytes) -> str:
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:4096]:
        return ".docx"
    if _HTML_SNIFF.match(data[:1024]):
        return ".html"
    if is_xml(data):
        root = root_element(data)
        return ".html" if root is not None and root[1].lower() == "html" else ".xml"
    return ".txt"


def article_id(source: str) -> str:
    """A short, readable id for a source: the file stem, slugged."""
    if source == "-":
        return "stdin"
    stem = Path(source).stem if "://" not in source else source.rstrip("/").rsplit("/", 1)[-1]
    return re.sub(r"[^\w-]+", "-", stem).strip("-").lower() or "article"


def read_bytes(
    data: bytes,
    source: str,
    *,
    kind: str | None = None,
    language: str = "auto",
    url: str | None = None,
    encoding: str | None = None,
    label: str | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
) -> Article:
    """Make an Article from raw bytes; `kind` is an extension like '.html' (sniffed if None).

    `encoding` is the user's and always used; `label` is the charset a server names, used when the bytes
    are not valid UTF-8 (see `decode.decode_text`)."""
    if len(data) > max_bytes:
        raise InputError(f"input is larger than the {_mb(max_bytes)} limit (see --max-input-mb)", source=source)
    if not data.strip():
        raise InputError("empty input: there is no text to brief", source=source)
    kind = (kind or "").lower()
    if kind not in KINDS:
        kind = _sniff(data)
    notes: list[str] = []
    controls = 0
    if kind == ".docx":
        title, text, published = read_docx(data, source)
    else:
        check_binary(data, source)
        if kind == ".xml" and is_feed_root(data):
            raise InputError("an RSS/Atom feed, not an article: feeds are read by `briefing daily`", source=source)
        decoded = decode_text(data, source, html=kind in (".html", ".htm", ".xml"), encoding=encoding, label=label,
                              notes=notes)
        decoded, controls = clean_text(decoded)
        if kind == ".xml":
            title, text, published = read_xml(decoded)
        elif kind in (".html", ".htm"):
            title, text, published = read_html(decoded, url=url)
        else:
            title, text, published = TEXT_READERS[kind](decoded)
        if kind == ".xml" and not text:
            raise InputError("XML with no article text (not a feed, nor a page): nothing to brief", source=source)
    # Readers decode entities (`&#27;`), so what they give is cleaned too.
    (title, in_title), (text, in_text) = clean_text(title), clean_text(text)
    if (controls := controls + in_title + in_text):
        notes.append(dropped_note(controls))
    if not text.strip() or not any(ch.isalnum() for ch in text):
        raise InputError("no readable article text found", source=source)
    return Article(id=article_id(source), text=text, title=title, source=clean_line(source),
                   url=clean_line(url) if url else url, published=published, language=language, notes=tuple(notes))


def _mb(n: int) -> str:
    return f"{round(n / (1024 * 1024), 3):g} MB"


def read_path(path: str | Path, *, language: str = "auto", encoding: str | None = None,
              max_bytes: int = MAX_INPUT_BYTES) -> Article:
    """Read one file (or '-' for stdin) into an Article."""
    source = str(path)
    if source == "-":
        return read_stream(sys.stdin.buffer, language=language, encoding=encoding, max_bytes=max_bytes)
    p = Path(path)
    if not p.exists():
        raise InputError("no such file", source=source)
    if p.is_dir():
        raise InputError("is a directory, not a file", source=source)
    data = read_file_bytes(p, max_bytes)
    return read_bytes(data, source, kind=p.suffix, language=language, encoding=encoding, max_bytes=max_bytes)


def read_file_bytes(path: str | Path, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """A file's bytes, never more than `max_bytes` read: a larger file is an InputError. Devices and pipes
    (`/dev/zero`, a FIFO), whose size is not known up front, are read only as far as the limit."""
    source = str(path)
    try:
        with open(path, "rb") as stream:
            if os.fstat(stream.fileno()).st_size > max_bytes:
                raise InputError(f"input is larger than the {_mb(max_bytes)} limit (see --max-input-mb)",
                                 source=source)
            data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=source) from None
    if len(data) > max_bytes:
        raise InputError(f"input is larger than the {_mb(max_bytes)} limit (see --max-input-mb)", source=source)
    return data


def read_stream(stream: BinaryIO, *, language: str = "auto", source: str = "-", encoding: str | None = None,
                max_bytes: int = MAX_INPUT_BYTES) -> Article:
    """Read an article from a binary stream such as stdin."""
    return read_bytes(stream.read(max_bytes + 1), source, language=language, encoding=encoding, max_bytes=max_bytes)


__all__ = ["MAX_INPUT_BYTES", "TEXT_READERS", "article_id", "read_bytes", "read_file_bytes", "read_path",
           "read_stream"]

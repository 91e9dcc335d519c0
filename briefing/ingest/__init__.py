"""ingest: the only stage that reads input. Paths, stdin and bytes become Articles.

Readers are chosen by file extension, falling back to sniffing the content
(HTML markup, a .docx zip). Every failure is an `InputError` naming the source.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..model import Article
from .decode import check_binary, decode_text
from .docx import read_docx
from .html import read_html
from .text import read_markdown, read_plain

MAX_INPUT_BYTES = 50 * 1024 * 1024

Reader = Callable[[bytes, str], tuple[str, str, date | None]]

READERS: dict[str, Reader] = {
    ".txt": lambda data, src: read_plain(decode_text(data, src)),
    ".text": lambda data, src: read_plain(decode_text(data, src)),
    ".md": lambda data, src: read_markdown(decode_text(data, src)),
    ".markdown": lambda data, src: read_markdown(decode_text(data, src)),
    ".html": lambda data, src: read_html(decode_text(data, src, html=True)),
    ".htm": lambda data, src: read_html(decode_text(data, src, html=True)),
    ".docx": read_docx,
}

_HTML_SNIFF = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])", re.I)


def _sniff(data: bytes) -> str:
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:4096]:
        return ".docx"
    if _HTML_SNIFF.match(data[:1024]):
        return ".html"
    return ".txt"


def article_id(source: str) -> str:
    """A short, readable id for a source: the file stem, slugged."""
    if source == "-":
        return "stdin"
    stem = Path(source).stem if "://" not in source else source.rstrip("/").rsplit("/", 1)[-1]
    return re.sub(r"[^\w-]+", "-", stem).strip("-").lower() or "article"


def read_bytes(data: bytes, source: str, *, kind: str | None = None, language: str = "english",
               url: str | None = None) -> Article:
    """Make an Article from raw bytes; `kind` is an extension like '.html' (sniffed if None)."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"input is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB", source=source)
    if not data.strip():
        raise InputError("empty input: there is no text to brief", source=source)
    kind = (kind or "").lower()
    if kind not in READERS:
        kind = _sniff(data)
    if kind != ".docx":
        check_binary(data, source)
    title, text, published = READERS[kind](data, source)
    if not text.strip() or not any(ch.isalnum() for ch in text):
        raise InputError("no readable article text found", source=source)
    return Article(id=article_id(source), text=text, title=title, source=source, url=url,
                   published=published, language=language)


def read_path(path: str | Path, *, language: str = "english") -> Article:
    """Read one file (or '-' for stdin) into an Article."""
    source = str(path)
    if source == "-":
        return read_stream(sys.stdin.buffer, language=language)
    p = Path(path)
    if not p.exists():
        raise InputError("no such file", source=source)
    if p.is_dir():
        raise InputError("is a directory, not a file", source=source)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=source) from None
    return read_bytes(data, source, kind=p.suffix, language=language)


def read_stream(stream: BinaryIO, *, language: str = "english", source: str = "-") -> Article:
    """Read an article from a binary stream such as stdin."""
    return read_bytes(stream.read(MAX_INPUT_BYTES + 1), source, language=language)


__all__ = ["READERS", "article_id", "read_bytes", "read_path", "read_stream"]

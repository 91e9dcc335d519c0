"""HTML pages: main content by trafilatura, boilerplate and navigation dropped."""

from __future__ import annotations

import re
from datetime import date
from html import unescape

from .text import parse_date, unify_lines

_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")


def _first(pattern: re.Pattern[str], html: str) -> str:
    m = pattern.search(html)
    return " ".join(unescape(_TAG.sub(" ", m.group(1))).split()) if m else ""


def read_html(html: str) -> tuple[str, str, date | None]:
    """Title, main text (paragraphs as blank-line separated blocks) and date of a page."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True, favor_precision=True
    )
    text = (doc.text if doc is not None else "") or ""
    title = (doc.title if doc is not None else "") or _first(_H1, html) or _first(_TITLE, html)
    published = parse_date(doc.date) if doc is not None and doc.date else None
    # trafilatura puts one paragraph per line: make them blank-line paragraphs.
    body = "\n\n".join(line.strip() for line in unify_lines(text).split("\n") if line.strip())
    if body.startswith(title) and title:
        body = body[len(title):].lstrip()
    return title, body, published

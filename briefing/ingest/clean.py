"""One normalisation for all text that enters: files, pages, feeds, JSONL, and messages about them.

Dropped, wherever the text comes from (article text, title, URL, feed fields, JSONL
fields, HTTP reason phrases, file names in messages):

- lone surrogates (U+D800-U+DFFF), which no file format can write;
- C0 control characters other than tab and line ends, DEL, and the C1 controls
  (U+0080-U+009F, among them U+009B, a one-character CSI);
- bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069),
  which make text read differently from how it is stored;
- terminal escape sequences whole: CSI (`ESC [` or U+009B, parameters, final byte), and
  OSC, DCS, SOS, PM and APC strings (`ESC ]` ...) up to their terminator (BEL or ST) or the
  end of the line, so no input can retitle or clear a terminal or rewrite a link's target.

`clean_text` says how many it dropped (an escape sequence counts once), for the
warning; every pattern here is linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Article

_SEQUENCE = re.compile(
    "(?:\x1b\\[|\x9b)[0-?]*[ -/]*[@-~]?"  # CSI: parameters, intermediates, final byte
    "|(?:\x1b[]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\\\|\x9c)?"  # OSC, DCS, SOS, PM, APC
)
_DROP = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_LINE_BREAK = re.compile("\r\n|[\n\r\u2028\u2029]")


def clean_text(text: str) -> tuple[str, int]:
    """`text` without the characters and sequences listed in the module docstring, and how many were dropped."""
    if text.isascii() and text.isprintable():  # the common case: nothing to drop
        return text, 0
    text, sequences = _SEQUENCE.subn("", text)
    text, characters = _DROP.subn("", text)
    return text, sequences + characters


def clean_line(text: str) -> str:
    """Cleaned text on one line (line breaks become spaces): for titles, URLs, sources and messages."""
    return _LINE_BREAK.sub(" ", clean_text(text)[0])


def dropped_note(count: int) -> str:
    """The reading note for `count` dropped characters."""
    return f"dropped {count} control character{'s' * (count > 1)}"


def clean_article(article: Article) -> Article:
    """An Article made elsewhere (the Python API), cleaned like one read here, with the note when it dropped any."""
    (text, in_text), (title, in_title) = clean_text(article.text), clean_text(article.title)
    dropped = in_text + in_title
    url = clean_line(article.url) if article.url else article.url
    if not dropped and url == article.url and clean_line(article.source) == article.source:
        return article
    notes = (*article.notes, dropped_note(dropped)) if dropped else article.notes
    return replace(article, text=text, title=title, url=url, source=clean_line(article.source), notes=notes)

"""RSS, Atom and CDF feeds: each item's linked page, or the item's own text when the page can't be had.

A feed is known by its content type or its root element (`xml.root_element`: a prefixed
`<r:rss>`, UTF-16 or UTF-32 with a byte-order mark, CDF's `<CHANNEL>` included). Item
titles are plain text: HTML tags and entities in them are decoded away.

Feeds are parsed by feedparser from bytes already fetched (or read from a file).
feedparser never fetches external entities or DTDs (it turns the SAX parser's
external-entity feature off and keeps only plain character entities), and
expat refuses entity-expansion bombs, so a hostile feed can't read local files.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date
from html import unescape
from html.parser import HTMLParser
from typing import Any

from ..errors import InputError
from ..model import Article
from ..options import MAX_ITEMS
from . import MAX_INPUT_BYTES, article_id, read_file_bytes
from .clean import clean_line
from .headline import SEPARATOR, site_names, strip_site
from .text import normalize
from .web import fetch, read_url, url_id
from .xml import FEED_ROOTS, as_utf8, is_feed_root, root_element

ErrorHandler = Callable[[str, str], None]  # (source, one-line message)

FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                        "application/x-rss+xml", "application/x-atom+xml", "application/x-cdf"})
XML_TYPES = frozenset({"text/xml", "application/xml"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml", ".cdf"})
_BLOCK_TAGS = frozenset({"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"})


def is_feed(data: bytes, content_type: str = "") -> bool:
    """Whether bytes are a feed (RSS, Atom, RSS 1.0, CDF): by a feed content type, else by the XML root element
    (prefixed or not, in UTF-8, UTF-16 or UTF-32; see `xml.root_element`)."""
    if content_type in FEED_TYPES:
        return True
    if content_type and content_type not in XML_TYPES and not content_type.startswith("text/") \
            and not content_type.endswith("+xml"):
        return False
    return is_feed_root(data)


class _TextExtractor(HTMLParser):
    """Text of an HTML fragment, block elements as paragraph breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed item's summary or content), paragraphs kept."""
    parser = _TextExtractor()
    parser.feed(fragment)
    parser.close()
    text = unescape("".join(parser.parts))
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", normalize(text)))
    return "\n\n".join(p for p in paragraphs if p)


def feed_title(raw: str) -> str:
    """A feed item's title as plain text on one line: HTML tags dropped and entities decoded (feeds escape
    titles once or twice: "&lt;b&gt;", "&amp;amp;")."""
    if "<" in raw or "&" in raw:
        raw = html_to_text(raw)
    return " ".join(clean_line(raw).split())


def _parse(raw: bytes, source: str) -> Any:
    """feedparser's reading of a feed's bytes (UTF-16 and UTF-32 made UTF-8 first); a feed whose root element
    has a prefix feedparser does not know (`<r:rss>`) is read again without it."""
    import feedparser

    raw = as_utf8(raw)
    headers = {"content-location": source} if "://" in source else {}
    parsed = feedparser.parse(raw, response_headers=headers)
    root = root_element(raw)
    if not parsed.get("entries") and root and root[0] and root[1].lower() in FEED_ROOTS - {"rdf"}:
        unprefixed = re.sub(rb"<(/?)" + re.escape(root[0].encode()) + rb":", rb"<\1", raw)
        again = feedparser.parse(unprefixed, response_headers=headers)
        if again.get("entries"):
            return again
    return parsed


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if value := entry.get(key):
            try:
                return date(value.tm_year, value.tm_mon, value.tm_mday)
            except (ValueError, TypeError, AttributeError):
                continue
    return None


def _entry_text(entry: Any) -> str:
    """The item's own text: the longest of its content and summary, HTML stripped."""
    candidates = [c.get("value", "") for c in entry.get("content", [])] + [entry.get("summary", "")]
    texts = [html_to_text(c) for c in candidates if c]
    return max(texts, key=len, default="")


def _entry_article(entry: Any, number: int, feed_source: str, language: str, names: list[str],
                   fetch_opts: dict[str, Any]) -> tuple[Article | None, str | None]:
    """An item's article and, when it could not be had as wanted, why (None, reason) or (fallback, note).
    `names` are the site's (from the feed's title): cut from the item's title.

    Whatever goes wrong with the item's link costs this item its page, never the feed."""
    link = clean_line(str(entry.get("link") or "")).strip()
    title = strip_site(feed_title(str(entry.get("title") or "")), [*names, *site_names(url=link)])
    published = _entry_date(entry)
    problem = None
    if link:
        try:
            page = read_url(link, language=language, **fetch_opts)
            return replace(page, title=title or page.title, published=page.published or published), None
        except InputError as exc:
            problem = str(exc).removeprefix(f"{link}: ")
        except Exception as exc:  # one bad link must cost one item
            problem = f"unexpected error: {exc.__class__.__name__}: {clean_line(str(exc))[:160]}"
    text = _entry_text(entry)
    if not text or not any(ch.isalnum() for ch in text):
        return None, problem or "feed item has neither a link nor text"
    article = Article(id=url_id(link) if link else f"{article_id(feed_source)}-{number}", text=text, title=title,
                      source=link or f"{feed_source}#{number}", url=link or None, published=published,
                      language=language)
    return article, (f"{problem}; used the feed item's own text" if problem else None)


def _feed_bytes(source: str, fetch_opts: dict[str, Any], max_bytes: int) -> bytes:
    if "://" in source:
        return fetch(source, **fetch_opts).data
    return read_file_bytes(source, max_bytes)


def read_feed(source: str, *, data: bytes | None = None, language: str = "auto", workers: int = 1,
              on_error: ErrorHandler | None = None, on_note: ErrorHandler | None = None,
              max_items: int = MAX_ITEMS, max_bytes: int = MAX_INPUT_BYTES, **fetch_opts: Any) -> list[Article]:
    """Articles of an RSS/Atom feed (a URL or a file), in feed order.

    Each item's link is fetched (`fetch_opts` go to `fetch`) and its article
    extracted; when that fails the item's own summary/content is used, with its
    title, link and date, and `on_note(link, reason)` is told. An item with
    neither is reported to `on_error(source, message)` and skipped (raised as
    InputError if there is no `on_error`). `data` is the feed's bytes if already
    fetched (a feed file is read up to `max_bytes`). Links are fetched `workers` at
    a time. Only the first `max_items` items are read; the rest are left out, with a
    note to `on_note(source, ...)`.
    """
    raw = data if data is not None else _feed_bytes(source, fetch_opts, max_bytes)
    parsed = _parse(raw, source)
    entries = parsed.get("entries", [])
    if not entries:
        reason = parsed.get("bozo_exception")
        raise InputError(f"not a readable RSS/Atom feed ({reason})" if reason else "feed has no items",
                         source=source)
    if len(entries) > max_items:
        if on_note is not None:
            on_note(source, f"the feed has {len(entries):,} items; read the first {max_items:,} (see --max-items)")
        entries = entries[:max_items]

    channel = feed_title(str(parsed.get("feed", {}).get("title") or ""))
    names = site_names(channel, SEPARATOR.split(channel)[0]) if channel else []

    def work(item: tuple[int, Any]) -> tuple[Article | None, str | None]:
        return _entry_article(item[1], item[0], source, language, names, fetch_opts)

    items = list(enumerate(entries, 1))
    if workers > 1:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(work, items))
    else:
        results = [work(item) for item in items]
    articles: list[Article] = []
    for (number, entry), (article, message) in zip(items, results, strict=True):
        where = clean_line(str(entry.get("link") or "")).strip() or f"{source}#{number}"
        if article is None:
            if on_error is None:
                raise InputError(message or "unreadable feed item", source=where)
            on_error(where, message or "unreadable feed item")
            continue
        if message and on_note is not None:
            on_note(where, message)
        articles.append(article)
    return articles

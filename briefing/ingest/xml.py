"""XML inputs: what a document's root element is (a feed's, a page's, another), and the article text of XML
that is neither a feed nor a page.

The root element is found by one left-to-right pass over the first bytes, after a
byte-order mark (UTF-8, UTF-16 or UTF-32; UTF-16 and UTF-32 are also recognised without
one, by the `<?xml` they start with), the XML declaration, comments, processing
instructions and a DOCTYPE: linear in the input whatever it holds. Feeds are RSS
(`<rss>`, also prefixed, `<r:rss>`), Atom (`<feed>`), RSS 1.0 (`<rdf:RDF>`) and CDF, the
Channel Definition Format (`<CHANNEL>`).

XML of any other kind is read for its prose only: text between tags (inline HTML tags
such as `<b>` or `<a>` kept within the text), each run of at least `PROSE_WORDS` words a
paragraph. XML with less prose than `MIN_ARTICLE_WORDS` words (a sitemap, an API reply,
a configuration file) has no article text. Entities other than the standard character
references are never expanded.
"""

from __future__ import annotations

import codecs
import re
from datetime import date
from html import unescape
from html.parser import HTMLParser

from .text import normalize, parse_date

SNIFF_BYTES = 8192
FEED_ROOTS = frozenset({"rss", "feed", "rdf", "channel"})  # RSS, Atom, RSS 1.0 (rdf:RDF), CDF
PROSE_WORDS = 8  # a text run of this many words is prose
MIN_ARTICLE_WORDS = 25  # XML with less prose than this holds no article

_ROOT = re.compile(r"<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)(?=[\s/>]|$)")
_DOCTYPE_SUBSET_END = re.compile(r"\]\s*>")
_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SIGNATURES = (  # `<?` without a byte-order mark (XML 1.0, appendix F)
    (b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"), (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
)
_XML_ENCODING = re.compile(r"""^(<\?xml[^>]{0,200}?encoding\s*=\s*)(["'])[\w.:-]*\2""")
_INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "del", "dfn", "em", "font", "i", "ins", "kbd",
                     "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
                     "var"})
_TITLES = frozenset({"title", "headline", "hl1", "hedline", "head"})
_DATES = frozenset({"date", "pubdate", "published", "datepublished", "issued", "created", "firstcreated"})


def unicode_encoding(data: bytes) -> tuple[str, int] | None:
    """The UTF encoding bytes announce by a byte-order mark or an `<?xml` in UTF-16/32, and the mark's length."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    for signature, encoding in _SIGNATURES:
        if data.startswith(signature):
            return encoding, 0
    return None


def head_text(data: bytes) -> str:
    """The first bytes as text: in the UTF encoding they announce, else byte for byte (Latin-1), which keeps
    every ASCII-compatible encoding's markup readable."""
    head = data[:SNIFF_BYTES]
    found = unicode_encoding(head)
    if found is None:
        return head.decode("latin-1")
    encoding, skip = found
    return head[skip:].decode(encoding, errors="ignore")


def as_utf8(data: bytes) -> bytes:
    """XML in UTF-16 or UTF-32 as UTF-8, its declaration saying so (what any XML parser reads); other bytes
    as they are."""
    found = unicode_encoding(data)
    if found is None or found[0] == "utf-8":
        return data
    encoding, skip = found
    text = data[skip:].decode(encoding, errors="replace")
    return _XML_ENCODING.sub(r"\1\2utf-8\2", text, count=1).encode("utf-8")


def _skip_prolog(text: str) -> int:
    """Where the first element starts, after space, the XML declaration, comments, processing instructions and
    a DOCTYPE (with its internal subset); -1 if one of those is not closed. One pass, each construct skipped by
    a search for its end."""
    lower = text.lower()
    at = 0
    while True:
        while at < len(lower) and lower[at] in " \t\r\n":
            at += 1
        if lower.startswith("<!--", at):
            end = lower.find("-->", at + 4)
            at = -1 if end < 0 else end + 3
        elif lower.startswith("<?", at):
            end = lower.find("?>", at + 2)
            at = -1 if end < 0 else end + 2
        elif lower.startswith("<!doctype", at):
            close, subset = lower.find(">", at), lower.find("[", at)
            if 0 <= subset < close or (subset >= 0 > close):
                match = _DOCTYPE_SUBSET_END.search(lower, subset)
                at = -1 if match is None else match.end()
            else:
                at = -1 if close < 0 else close + 1
        else:
            return at
        if at < 0:
            return -1


def root_element(data: bytes) -> tuple[str, str] | None:
    """The root element's prefix ("" without one) and local name, as written; None when the input does not start
    with an element (after the prolog)."""
    text = head_text(data)
    at = _skip_prolog(text)
    match = _ROOT.match(text, at) if at >= 0 else None
    return (match.group(1) or "", match.group(2)) if match else None


def is_feed_root(data: bytes) -> bool:
    """Whether the root element is a feed's (RSS, Atom, RSS 1.0, CDF)."""
    root = root_element(data)
    return root is not None and root[1].lower() in FEED_ROOTS


def is_xml(data: bytes) -> bool:
    """Whether bytes are an XML document: an XML declaration first, or a feed's root element."""
    return head_text(data).lstrip().startswith("<?xml") or is_feed_root(data)


class _Runs(HTMLParser):
    """Text runs of an XML document (a run ends at any tag but an inline HTML one), with element names."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[tuple[str, str]] = []  # (enclosing element's local name, text)
        self._open: list[str] = []
        self._parts: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self._parts).split())
        if text:
            self.runs.append((self._open[-1] if self._open else "", text))
        self._parts = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        local = tag.rsplit(":", 1)[-1]
        if local not in _INLINE:
            self._flush()
            self._open.append(local)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag.rsplit(":", 1)[-1] not in _INLINE:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        local = tag.rsplit(":", 1)[-1]
        if local not in _INLINE:
            self._flush()
            if local in self._open:
                del self._open[len(self._open) - 1 - self._open[::-1].index(local):]

    def handle_data(self, data: str) -> None:
        self._parts.append(data)

    def close(self) -> None:
        super().close()
        self._flush()  # text after the last tag

    def unknown_decl(self, data: str) -> None:
        if data.startswith("CDATA["):  # markup inside is text (often escaped HTML)
            self._parts.append(re.sub(r"<[^>]*>", " ", unescape(data[6:])))


def read_xml(text: str) -> tuple[str, str, date | None]:
    """Title, prose (paragraphs as blank-line separated blocks) and date of an XML document; the prose is empty
    when it holds fewer than `MIN_ARTICLE_WORDS` words of it."""
    parser = _Runs()
    parser.feed(normalize(text))
    parser.close()
    title = next((t for name, t in parser.runs if name.lower() in _TITLES and len(t) <= 300), "")
    published = next((d for name, t in parser.runs if name.lower() in _DATES and (d := parse_date(t))), None)
    prose = [t for _, t in parser.runs if len(t.split()) >= PROSE_WORDS and t != title]
    if sum(len(t.split()) for t in prose) < MIN_ARTICLE_WORDS:
        return title, "", published
    return title, "\n\n".join(prose), published

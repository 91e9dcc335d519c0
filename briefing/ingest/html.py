"""HTML pages: main content by trafilatura, boilerplate and navigation dropped, the headline the story's own.

Extraction favours precision first. When what it keeps is much shorter than the
prose the page shows (`RECALL_TRIGGER`), it is tried again favouring recall, and
against a fallback of the page's own text blocks (those in the part of the page
holding the precise extraction, or holding most of the prose when that found
none); the one with clearly more prose is kept. Every block element ends a line
before extraction, so text in sibling `div`s is never glued into one sentence; lines
that run on into the next (no closing punctuation, the next starting in lower case)
are joined, so a sentence set one line per `div` is never broken either.

The title is the first of `og:title`, `twitter:title`, trafilatura's title, `<title>`
and the first `<h1>` that names a story once the site's name is cut from it
(`headline`): a generic `<title>` ("escenic", "Home") gives way to the next.
"""

from __future__ import annotations

import re
from copy import copy
from dataclasses import dataclass
from datetime import date
from typing import Any

from .headline import choose_title, site_names
from .text import parse_date, unify_lines

RECALL_TRIGGER = 0.5  # the precise text has under this share of the page's prose: try for more
BETTER = 1.5  # another extraction is kept when it has this many times the prose (and PROSE_MARGIN more)
PROSE_MARGIN = 100  # characters
LINK_DENSITY = 0.5  # a block with more of its text in links is navigation, not prose
CONTAINER_SHARE = 0.6  # without an anchor, the fallback reads the smallest element holding this share of prose

_BLOCK = frozenset({"address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir",
                    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
                    "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
                    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"})
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "nav", "footer", "form", "button",
                   "select", "option", "iframe", "svg", "textarea", "object", "embed", "canvas", "video", "audio"})
_TEXT_BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th", "dd", "dt",
                          "figcaption", "pre"})
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]$")
_RUNS_ON = re.compile(r"[,(\-–—]$")


@dataclass(frozen=True)
class _Block:
    """A run of a page's text between block boundaries, with the element holding it."""

    text: str
    link_chars: int
    owner: Any  # lxml element

    @property
    def navigation(self) -> bool:
        return self.link_chars > LINK_DENSITY * len(self.text)


def _words(text: str) -> int:
    return len(text.split())


def is_prose(paragraph: str) -> bool:
    """A paragraph of running text: six words or more, or three or more ending a sentence."""
    words = _words(paragraph)
    return words >= 6 or (words >= 3 and _SENTENCE_END.search(paragraph) is not None)


def prose_chars(paragraphs: list[str]) -> int:
    """How much running text paragraphs hold (characters of those that are prose)."""
    return sum(len(p) for p in paragraphs if is_prose(p))


def runs_on(line: str, following: str) -> bool:
    """Whether a line breaks a sentence that the following line goes on with: it has no closing punctuation and
    the next starts in lower case (or it ends on a comma, an opening bracket or a dash)."""
    line, following = line.rstrip(), following.lstrip()
    if not line or not following or _SENTENCE_END.search(line):
        return False
    return following[0].islower() or _RUNS_ON.search(line) is not None


def paragraphs_of(lines: list[str]) -> list[str]:
    """Lines as paragraphs: a line that runs on into the next is joined to it with a space."""
    paragraphs: list[str] = []
    for line in (" ".join(raw.split()) for raw in lines):
        if not line:
            continue
        if paragraphs and runs_on(paragraphs[-1], line):
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
    return paragraphs


def _hidden(element: Any) -> bool:
    return element.get("hidden") is not None or element.get("aria-hidden") == "true" \
        or bool(_HIDDEN.search(element.get("style") or ""))


def _tag(element: Any) -> str | None:
    """An element's tag, lower-case; None for comments and processing instructions."""
    return element.tag.lower() if isinstance(element.tag, str) else None


def separate_blocks(tree: Any) -> None:
    """Put a line break between every block element and text right next to it, so that no extraction glues
    the text of sibling blocks together ("Tuesday.Engineers")."""
    for element in tree.iter():
        if _tag(element) not in _BLOCK:
            continue
        if not element.tail or element.tail[0] != "\n":
            element.tail = "\n" + (element.tail or "")
        previous, parent = element.getprevious(), element.getparent()
        if previous is not None:
            if previous.tail and previous.tail.strip() and previous.tail[-1] != "\n":
                previous.tail += "\n"
        elif parent is not None and parent.text and parent.text.strip() and parent.text[-1] != "\n":
            parent.text += "\n"


def text_blocks(tree: Any) -> list[_Block]:
    """The page's visible text in reading order, cut at block elements and line breaks (scripts, styles,
    navigation, forms and hidden elements left out). One pass, no recursion."""
    from lxml import etree

    blocks: list[_Block] = []
    parts: list[str] = []
    link_chars = 0
    in_link = 0

    def flush(owner: Any) -> None:
        nonlocal link_chars
        text = " ".join("".join(parts).split())
        if text:
            blocks.append(_Block(text, min(link_chars, len(text)), owner))
        parts.clear()
        link_chars = 0

    def add(text: str) -> None:
        nonlocal link_chars
        parts.append(text)
        if in_link:
            link_chars += len(text.strip())

    walker = etree.iterwalk(tree, events=("start", "end"))
    for event, element in walker:
        tag = _tag(element)
        skipped = tag is None or tag in _SKIP or _hidden(element)
        if event == "start":
            if skipped:
                walker.skip_subtree()
                continue
            if tag in _BLOCK or tag == "br":
                flush(element.getparent() if element.getparent() is not None else element)
            if tag == "a":
                in_link += 1
            if element.text:
                add(element.text)
            continue
        if not skipped:
            if tag in _BLOCK:
                flush(element)
            if tag == "a":
                in_link = max(0, in_link - 1)
        if element.tail and element is not tree:
            add(element.tail)
    flush(tree)
    return blocks


def _ancestry(element: Any) -> list[Any]:
    """The element and its ancestors, root first."""
    return [*reversed(list(element.iterancestors())), element]


def _container(blocks: list[_Block], anchors: list[_Block]) -> Any:
    """Where the article's text is: the smallest element holding the blocks the precise extraction kept (one
    level up from a single paragraph), else the smallest holding `CONTAINER_SHARE` of the page's prose."""
    if anchors:
        common = _ancestry(anchors[0].owner)
        for block in anchors[1:]:
            line = _ancestry(block.owner)
            depth = 0
            while depth < min(len(common), len(line)) and common[depth] is line[depth]:
                depth += 1
            common = common[:depth]
        if not common:
            return None
        container = common[-1]
        if _tag(container) in _TEXT_BLOCKS and container.getparent() is not None:
            container = container.getparent()
        return container
    held: dict[Any, int] = {}
    depth: dict[Any, int] = {}
    total = 0
    for block in blocks:
        if block.navigation or not is_prose(block.text):
            continue
        total += len(block.text)
        for level, element in enumerate(_ancestry(block.owner)):
            held[element] = held.get(element, 0) + len(block.text)
            depth[element] = level
    candidates = [e for e, n in held.items() if n >= CONTAINER_SHARE * total]
    return max(candidates, key=lambda e: depth[e]) if candidates else None


def fallback_paragraphs(blocks: list[_Block], precise: list[str]) -> list[str]:
    """The page's own text blocks where its article is (see `_container`), as paragraphs."""
    kept = set(precise)
    anchors = [b for b in blocks if b.text in kept and is_prose(b.text)]
    container = _container(blocks, anchors)
    if container is None:
        return []
    inside = [b for b in blocks if not b.navigation
              and (b.owner is container or any(a is container for a in b.owner.iterancestors()))]
    return [p for p in paragraphs_of([b.text for b in inside]) if is_prose(p)]


def _extract(tree: Any, url: str | None, **settings: Any) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(tree, url=url, include_comments=False, include_tables=False,
                                       **settings)  # it works on a copy of the tree


def _lines(doc: Any) -> list[str]:
    """An extraction's lines; a table row ("| cell | cell |") gives a line per cell."""
    text = (doc.text if doc is not None else "") or ""
    lines: list[str] = []
    for line in unify_lines(text).split("\n"):
        stripped = line.strip()
        if stripped.startswith("|") or stripped.endswith("|"):
            lines += [cell.strip() for cell in stripped.strip("|").split(" | ")]
        else:
            lines.append(line)
    return lines


def _meta(tree: Any) -> dict[str, str]:
    """The page's own metadata: meta tags by property or name, lower-case, first value kept."""
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or "").strip().lower()
        value = " ".join((element.get("content") or "").split())
        if key and value:
            found.setdefault(key, value)
    for element in tree.iter("link"):
        if (element.get("rel") or "").lower() == "canonical" and element.get("href"):
            found.setdefault("canonical", element.get("href"))
    return found


def _text_of(tree: Any, tag: str) -> str:
    element = next(iter(tree.iter(tag)), None)
    return " ".join(element.text_content().split()) if element is not None else ""


def _load(html: str) -> Any:
    """The page as an lxml tree (None when it cannot be parsed)."""
    from trafilatura import load_html

    try:
        tree = load_html(html)
        if tree is None:
            from lxml import html as lxml_html

            tree = lxml_html.document_fromstring(html)
    except Exception:  # lxml refuses some inputs (empty, only a declaration)
        return None
    return tree


def _metadata(tree: Any, url: str | None) -> Any:
    """trafilatura's metadata of a page it extracted nothing from (None if it fails)."""
    import trafilatura

    try:
        return trafilatura.extract_metadata(copy(tree), default_url=url)
    except Exception:  # a page extraction gave up on may trip metadata extraction too
        return None


def read_html(html: str, url: str | None = None) -> tuple[str, str, date | None]:
    """Title, main text (paragraphs as blank-line separated blocks) and date of a page; `url` is where it was
    fetched from (its host names the site)."""
    tree = _load(html)
    if tree is None:
        return "", "", None
    separate_blocks(tree)
    doc = _extract(tree, url, with_metadata=True, favor_precision=True)
    meta = doc if doc is not None else _metadata(tree, url)
    paragraphs = paragraphs_of(_lines(doc))
    blocks = text_blocks(tree)
    shown = prose_chars(paragraphs_of([b.text for b in blocks if not b.navigation]))
    if prose_chars(paragraphs) < RECALL_TRIGGER * shown:
        have = prose_chars(paragraphs)
        candidates = [paragraphs_of(_lines(_extract(tree, url, favor_recall=True))),
                      fallback_paragraphs(blocks, paragraphs)]
        better = [c for c in candidates if prose_chars(c) > max(BETTER * have, have + PROSE_MARGIN)]
        if better:  # the most prose, the least else ("Home", "Share") on a tie
            paragraphs = max(better, key=lambda c: 2 * prose_chars(c) - sum(len(p) for p in c))
    tags = _meta(tree)
    # trafilatura's own site name may be a part of <title> (any part with a dot: "U.S. stocks fall"): not used
    names = site_names(tags.get("og:site_name"), tags.get("application-name"),
                       (tags.get("twitter:site") or "").lstrip("@") or None,
                       url=url or tags.get("og:url") or tags.get("canonical") or getattr(meta, "url", None))
    page_title, found = _text_of(tree, "title"), getattr(meta, "title", None) or ""
    if found and page_title != found and found in page_title:
        found = ""  # trafilatura's cut of <title> at its last separator (whatever follows): cut here instead
    candidates = [tags.get("og:title"), tags.get("twitter:title"), found, page_title, _text_of(tree, "h1")]
    title = choose_title(candidates, names)
    published = parse_date(meta.date) if meta is not None and getattr(meta, "date", None) else None
    heads = {" ".join(c.split()) for c in candidates if c} | {title}
    while paragraphs and paragraphs[0] in heads:
        paragraphs = paragraphs[1:]
    return title, "\n\n".join(paragraphs), published

"""Plain text and Markdown: headline, optional front matter, body."""

from __future__ import annotations

import re
from datetime import date, datetime

from .clean import clean_text

_FIELD = re.compile(r"^(title|headline|date|published|dateline)\s*:\s*(.+?)\s*$", re.I)
_SENTENCE_END = re.compile(r"[.!?;:\"”’]$")
_DATE_FORMATS = ("%Y-%m-%d", "%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d")


def count_controls(text: str) -> int:
    """How many characters `normalize` will drop (`clean.clean_text`)."""
    return clean_text(text)[1]


def unify_lines(text: str) -> str:
    """Line ends as "\n" (a paragraph separator as a blank line)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")


def normalize(text: str) -> str:
    """Unify line ends and drop control characters, escape sequences and the like (`clean.clean_text`)."""
    return clean_text(unify_lines(text))[0]


def parse_date(value: str) -> date | None:
    """A date from ISO 8601 or a common written form ('January 3, 2020'); None if unclear."""
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 25 and len(line) <= 200 and not _SENTENCE_END.search(line)


def _front_matter(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """`key: value` lines at the top (optionally fenced by ---) become fields."""
    fields: dict[str, str] = {}
    body = lines
    if lines and lines[0].strip() == "---" and "---" in (s.strip() for s in lines[1:]):
        end = next(i for i, s in enumerate(lines[1:], 1) if s.strip() == "---")
        for line in lines[1:end]:
            if (m := _FIELD.match(line)):
                fields[m.group(1).lower()] = m.group(2).strip("'\"")
        return fields, lines[end + 1:]
    i = 0
    while i < len(lines) and (m := _FIELD.match(lines[i])):
        fields[m.group(1).lower()] = m.group(2)
        i += 1
    if fields:
        body = lines[i:]
    return fields, body


def _published(fields: dict[str, str]) -> date | None:
    for key in ("date", "published", "dateline"):
        if key in fields and (d := parse_date(fields[key])):
            return d
    return None


def read_plain(text: str) -> tuple[str, str, date | None]:
    """Title, body and date of a plain-text article (a short first line is the headline)."""
    fields, lines = _front_matter(normalize(text).split("\n"))
    body = "\n".join(lines).strip("\n")
    title = fields.get("title") or fields.get("headline") or ""
    if not title:
        first, _, rest = body.lstrip().partition("\n")
        # A headline is a short first line with no closing punctuation, and text follows.
        if rest.strip() and _looks_like_headline(first.strip()):
            title, body = first.strip(), rest
    return title, body.strip(), _published(fields)


_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_MD_BLOCK = re.compile(r"^\s{0,3}(?:>\s?|[-*+]\s+|\d+[.)]\s+)")
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")


def read_markdown(text: str) -> tuple[str, str, date | None]:
    """Title (first heading), body without markup, date from front matter."""
    fields, lines = _front_matter(normalize(text).split("\n"))
    title = fields.get("title") or fields.get("headline") or ""
    kept: list[str] = []
    in_code = False
    for line in lines:
        if line.lstrip().startswith("```"):
            in_code = not in_code
            continue
        if in_code or _MD_RULE.match(line):
            continue
        if (m := _MD_HEADING.match(line)):
            if not title and len(m.group(1)) == 1:
                title = m.group(2)
            kept.append("")  # subheads separate paragraphs but are not sentences
            continue
        line = _MD_IMAGE.sub("", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        kept.append(_MD_BLOCK.sub("", line))
    body = "\n".join(kept).strip()
    if not title:
        title, body, _ = read_plain(body)
    return title, body, _published(fields)

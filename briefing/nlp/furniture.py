"""Page furniture: what a page or a wire copy carries that is not the news.

Three kinds, each a different decision:

- `is_furniture_sentence`: a sentence a brief never shows (a cookie or login
  notice addressing the reader, a crawl notice, a video-player message);
- `furniture_flags` / `is_boilerplate`: sentences left out of story grouping, and
  a document made mostly of them (a login wall, a crawl notice), which is no story;
- `is_credit` / `CREDIT`: credit lines and promotions ("CNN's X contributed to
  this report.", "READ MORE", "X reported from Istanbul."), whose names are not
  actors and which are no background.

The furniture patterns were drawn up from the scraping artefacts in Multi-News dev.
"""

from __future__ import annotations

import re

from ..model import Document

BOILERPLATE_SHARE = 0.6  # a document with this share of its words in furniture sentences is furniture

FURNITURE = re.compile(  # matched against lower-cased text (faster than IGNORECASE)
    r"\b(sign(?:ed)? (?:in|up)|log ?in|logged in|subscri(?:be|bing|ption)|newsletter|e-?mail notifications?"
    r"|notifications?|cookies|javascript|your browser|tweet with a location|your tweets?|add this (?:tweet|video)"
    r"|verification (?:e-?mail|message)|password|privacy policy|terms of (?:service|use)|click (?:here|on the link)"
    r"|reprints|transcript could not|video has been rented|not available right now|try again later|web ?crawls?"
    r"|crawl data|crawler|wayback machine|internet archive|web captures|seed ?list|archive-it|copying the code"
    r"|breaking news (?:e-?mails|alerts)|your comments|your profile|watchlist|learn more|find out more)\b"
)
# A sentence shown in a brief is dropped as furniture only when it is plainly one: a furniture
# phrase that addresses the reader outside any quotation, or a notice no article would print.
_TO_READER = re.compile(
    r"^(?:please\s+)?(?:sign|log|click|tap|subscribe|follow|share|add|enable|download|watch|read|like|register"
    r"|join|get)\b|\byou(?:r|'ve|'re|'ll)?\b|\bplease\b"
)
_QUOTATION = re.compile("[\"\u201c\u201d]")
_SITE_NOTICE = re.compile(
    r"donating their crawl data|\bweb ?crawls?\b.*\b(?:collections?|data)\b|wayback machine after an embargo"
    r"|interactive transcript could not be loaded|(?:feature|video) is not available right now"
    r"|\b(?:site|we) uses? cookies|use of cookies|^(?:learn|find out|read) more\W*$|email notifications (?:are|on)"
    r"|breaking news e-?mails? get"
)
# A credit line or promotion of the publisher: its names are not the story's actors.
CREDIT = re.compile(r"(?i)contributed (?:to )?(?:this )?report|contributed reporting|\bcontributed\W*$|\bread more\b|"
                    r"^see more\s*:|"
                    r"^watch\b|click here|^follow\b.*\bon twitter|^email your|^for the latest from|"
                    r"^(?:(?:[A-Z][\w.'’-]*|and)\s+){1,6}(?:reported|wrote)(?:\s+and\s+(?:reported|wrote))?"
                    r"(?:\s+(?:this|the) (?:story|report|article))?\s+from\b")
# A reporter's credit: "CNN's Gul Tuysuz reported from Istanbul.", "Jason Hanna reported and wrote from Atlanta."
_BYLINE = re.compile(r"^(?:CNN's |CNN )?(?:[A-Z][\w.'’-]*,? (?:and )?){1,8}(?:reported|wrote)"
                     r"(?: and (?:reported|wrote))? (?:from|in) [A-Z][\w.,' -]*$")


def is_furniture_sentence(text: str) -> bool:
    """Whether a sentence is plainly web furniture ("Add this tweet to your website by copying the code
    below.", "Please enable JavaScript to watch this video", crawl notices): never shown in a brief."""
    lower = text.lower()
    if _SITE_NOTICE.search(lower):
        return True
    return FURNITURE.search(lower) is not None and _TO_READER.search(lower) is not None \
        and _QUOTATION.search(text) is None


def furniture_flags(doc: Document) -> list[bool]:
    """For each sentence, whether it holds a furniture phrase (left out of story grouping)."""
    return [FURNITURE.search(s.text.lower()) is not None for s in doc.sentences]


def mostly_furniture(doc: Document, flags: list[bool]) -> bool:
    """Whether furniture sentences (by `flags`) hold most of a document's words."""
    words = [len(s.text.split()) for s in doc.sentences]
    furniture = sum(n for n, flag in zip(words, flags, strict=True) if flag)
    return not words or furniture >= BOILERPLATE_SHARE * sum(words)


def is_boilerplate(doc: Document) -> bool:
    """Whether a document is mostly web furniture (login walls, cookie or crawl notices), not news."""
    return mostly_furniture(doc, furniture_flags(doc))


def is_credit(text: str) -> bool:
    """A credit line: contributors, "read more", a reporter's "X reported from Y"."""
    return bool(CREDIT.search(text) or _BYLINE.match(text.strip()))

"""Page furniture: what a page or a wire copy carries that is not the news.

Three kinds, each a different decision:

- `is_furniture_sentence`: a sentence a brief never shows, in any section: a cookie
  or login notice addressing the reader, a crawl notice, a video-player message;
  script or style code ("(function() {", "var x = ..."); advertiser, cookie, paywall
  and subscription notices; a page's labels and buttons ("Advertisement", "Share");
  credit lines ("CNN's X contributed to this report.", "Reporting by X; Editing by
  Y", "By Jane Doe, CNN"); teasers ("READ MORE: ..."); photo credits and captions'
  furniture ("Photo: Getty Images", "(AP Photo/Evan Vucci)"); bare time stamps
  ("Updated 10:32 AM ET, Tue May 19, 2020"). The words are data (`lexicon`:
  notice_phrases, notice_lines, teaser_labels, photo_credit_labels,
  photo_agencies, timestamp_words, code_openers);
- `furniture_flags` / `is_boilerplate`: sentences left out of story grouping, and
  a document made mostly of them (a login wall, a crawl notice), which is no story;
- `is_credit` / `CREDIT`: credit lines and promotions ("CNN's X contributed to
  this report.", "READ MORE", "X reported from Istanbul."), whose names are not
  actors and which are no background.

The furniture patterns were drawn up from the scraping artefacts in Multi-News dev.
"""

from __future__ import annotations

import re
from functools import cache

from .. import lexicon
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


# Credit lines a brief never shows: contributors, wire credits, a reporter's sign-off, a byline.
_CREDIT_LINE = re.compile(
    r"(?i)\bcontributed (?:reporting |to )?(?:to )?(?:this|the) (?:report|story|article)|\bcontributed reporting\b"
    r"|;\s*editing by\b")
# A wire credit opens a short line: "Reporting by X; Editing by Y", "Additional reporting by X in London."
_WIRE_CREDIT = re.compile(r"(?i)^(?:additional reporting|reporting|writing|editing|compiled|produced|written|edited)"
                          r" by\b")
CREDIT_WORDS = 20  # a line opening like a wire credit is one when no longer than this
_CONTRIBUTED = re.compile(r"^(?:[A-Z][\w.'’&-]*,?\s+(?:and\s+)?){1,8}contributed\W*$")
_BYLINE_BY = re.compile(r"^(?:By|BY|by)\s+(?:[A-Z][\w.'’-]*|the)(?:\s*[,|&/—–-]|\s+(?:[A-Z][\w.'’-]*|and|of|for|in))*"
                        r"\W*$")
_AGENCY_SEPARATOR = re.compile(r"\s*(?:/|\||,|\bvia\b|\band\b)\s*")
_CODE_PUNCTUATION = re.compile(r"[{};=<>\[\]$|\\]")
_CODE_SHAPE = re.compile(r"\bfunction\s*\(|=>|\)\s*\{|\b[a-z_$][\w$]*\.[a-z_$][\w$]*\s*\("
                         r"|\b(?:var|let|const)\s+[\w$]+\s*=|^[{\[]\s*[\"'\w]+[\"']?\s*:|\}\s*\)\s*[;(]")
_IN_PARENTHESES_CREDIT = re.compile(r"\((?:[A-Z][\w.&-]*\s+)?(?:photo|photograph|image|picture|pic|video|file)s?\b"
                                    r"[^)]*\)", re.I)
_WORD = re.compile(r"[a-z]+|\d+")


def _alternation(phrases: frozenset[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The word-list patterns, made once from the lexicon."""
    notices = _alternation(lexicon.words("notice_phrases"))
    labels = lexicon.words("teaser_labels")
    teasers, teasers_caps = _alternation(labels), _alternation(frozenset(w.upper() for w in labels))
    photo_labels = _alternation(lexicon.words("photo_credit_labels"))
    agencies = _alternation(lexicon.words("photo_agencies"))
    return {
        "notice": re.compile(rf"(?<![\w-])(?:{notices})(?![\w-])"),
        "teaser": re.compile(rf"^\W*(?:{teasers})\s*(?::|\||>|»|›|\s[-–—]\s)"),
        "teaser_caps": re.compile(rf"^(?:{teasers_caps})\s+(?:[\d\"“‘']|[A-Z][a-z])"),
        "photo_label": re.compile(rf"^\W*(?:{photo_labels})\s*[:/|]"),
        "agency_end": re.compile(rf"(?:/|\bvia\s|\|)\s*(?:{agencies})\W*$"),
    }


def _is_code(text: str, lower: str) -> bool:
    """Script or style code: a code opener and code punctuation ("(function() {"), or code's shape with its
    punctuation ("googletag.cmd.push(function() {"). An opener that is a word ("var", "new") must end there and
    the line look like code."""
    punctuation = len(_CODE_PUNCTUATION.findall(text))
    shape = _CODE_SHAPE.search(text) is not None
    for opener in lexicon.words("code_openers"):
        if not lower.startswith(opener):
            continue
        if opener[-1].isalpha():
            after = lower[len(opener):len(opener) + 1]
            if (after.isalnum() or after == "_") or not (shape or punctuation >= 2):
                continue
            return True
        if punctuation or "(" in text:
            return True
    return shape and punctuation >= 2 and punctuation >= 0.02 * len(text)


def _is_timestamp(lower: str) -> bool:
    """A bare time stamp: only dates, times and words such as "updated", with a number."""
    words = _WORD.findall(re.sub(r"\b([ap])\.\s?m\b\.?", r"\1m", lower))
    return any(w.isdigit() for w in words) and all(w.isdigit() or w in lexicon.words("timestamp_words")
                                                   for w in words)


def _is_notice_line(lower: str) -> bool:
    """A line that is only a page's label or button ("Advertisement", "Share this article")."""
    if len(lower) > 40:
        return False
    return " ".join(_WORD.findall(lower.replace("'", ""))) in lexicon.words("notice_lines")


def is_credit_line(text: str) -> bool:
    """A credit line a brief never shows: contributors ("CNN's X contributed to this report."), wire credits
    ("Reporting by X; Editing by Y"), a reporter's sign-off ("X reported from Istanbul."), a byline
    ("By Jane Doe, CNN")."""
    stripped = text.strip()
    short = len(stripped.split()) <= CREDIT_WORDS and len(stripped) <= 20 * CREDIT_WORDS
    return bool(_CREDIT_LINE.search(stripped) or _CONTRIBUTED.match(stripped) or _BYLINE.match(stripped)
                or (short and (_WIRE_CREDIT.match(stripped) or _BYLINE_BY.match(stripped))))


def is_photo_credit(text: str) -> bool:
    """A picture's credit: "Photo: Getty Images", "(AP Photo/Evan Vucci)", "Mandel Ngan/AFP via Getty Images"."""
    lower = text.strip().lower()
    patterns = _patterns()
    if patterns["photo_label"].match(lower) or _IN_PARENTHESES_CREDIT.search(text) \
            or patterns["agency_end"].search(lower):
        return True
    chunks = [c.strip(" .()[]-–—:;'\"") for c in _AGENCY_SEPARATOR.split(lower)]
    chunks = [c for c in chunks if c]
    return bool(chunks) and all(c in lexicon.words("photo_agencies") for c in chunks)  # "AFP/Getty Images"


def is_link_teaser(text: str) -> bool:
    """A link to another article: "READ MORE: ...", "Related: ...", "WATCH Trump's speech"."""
    stripped = text.strip()
    patterns = _patterns()
    return bool(patterns["teaser"].match(stripped.lower()) or patterns["teaser_caps"].match(stripped))


_UNSTOPPED = re.compile(r"\s[.:]\s*$")


def is_unstopped_line(text: str) -> bool:
    """A line that ended its paragraph without a stop of its own, as a scraper wrote it with a spaced " ." or
    " :" ("Amnesty report: Executions down but death sentences on the rise .", "TRANSCRIPT ."): a link to
    another story, a subhead, a caption or a list item, never prose typeset as such."""
    return _UNSTOPPED.search(text) is not None


def is_furniture_sentence(text: str) -> bool:
    """Whether a sentence is page furniture, never shown in a brief (see the module doc): "Add this tweet to your
    website by copying the code below.", "(function() {", "Advertisement", "Subscribe to continue reading.",
    "CNN's Jane Doe contributed to this report.", "READ MORE: ...", "Photo: Getty Images", a line with a
    spaced stop ("Amnesty report: Executions down ...")."""
    lower = text.lower()
    if _SITE_NOTICE.search(lower) or _patterns()["notice"].search(lower):
        return True
    if _is_notice_line(lower) or _is_timestamp(lower) or _is_code(text.strip(), lower.strip()):
        return True
    if is_credit_line(text) or is_link_teaser(text) or is_photo_credit(text) or is_fragment(text):
        return True
    if is_unstopped_line(text):
        return True
    return FURNITURE.search(lower) is not None and _TO_READER.search(lower) is not None \
        and _QUOTATION.search(text) is None


_FRAGMENT = re.compile(r"^\s*(?:[)\]},;:]|[^\W\d_]{1,4}\)\s)")


def is_fragment(text: str) -> bool:
    """Whether a "sentence" is the tail of one the segmenter cut short ("ET) Saturday.", "), police said."):
    it opens with a closing bracket or a comma, or a short word then a closing bracket."""
    return _FRAGMENT.match(text) is not None


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

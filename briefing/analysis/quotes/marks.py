"""Quotation marks: where quotations are, what they span, and which quoted words are no quotation.

Curly quotes pair directly, straight ones by which side the space is on; a quotation reopened at a
sentence start without having closed (a new paragraph of the same quotation) ends the one before. Spans of
fewer than three words, titles and glosses are not quotations; quoted words shaped like speech are.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ... import lexicon
from ...model import Document
from ...nlp.entities import Parsed

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Quote:
    """A sentence holding (part of) a direct quotation, and who said it (None: not known)."""

    sentence: int
    speaker: str | None
    opens: bool  # the quotation starts in this sentence
    tier: str = field(default="", compare=False)  # the kind of inference that gave the speaker
_TITLE_CUES = lexicon.words("title_cues")
_GLOSS = lexicon.words("gloss_words")
QUOTE_CHARS = {'"', "“", "”", "‘", "’", "'", "``", "''"}
_OPEN, _CLOSE = "“‘", "”’"
MIN_WORDS = 3
TERM_WORDS = 8  # a shorter quotation inside a sentence needs a speaker to count
_MAX_SPAN_SENTENCES = 6
_WORD = re.compile(r"[^\W\d_]")
_WORD_RUN = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass
class QuoteSpan:
    start: int  # token holding the opening mark (or the sentence's first token when the mark is missing)
    end: int  # token holding the closing mark
    first: int  # sentence of the start
    last: int  # sentence of the end
    words: int  # words quoted


_DOUBLE = re.compile(r'["“”]')
_SINGLE = re.compile(r"(?<![^\W_])['‘]|['’](?![^\W_])")  # not an apostrophe inside a word


def _kind(text: str, at: int, glued: bool, is_open: bool) -> str:
    """"open" or "close" for the quotation mark at `text[at]`."""
    mark = text[at]
    if mark in _OPEN:
        return "open"
    if mark in _CLOSE or glued:
        return "close"
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if (before.isspace() or before in "([{—–-:") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]—–-"):
        return "close"
    return "close" if is_open else "open"


def quote_spans(document: Document, parsed: Parsed) -> list[QuoteSpan]:
    """Quotation spans of the document, from its double quotation marks (single ones where none are used)."""
    doc, text = parsed.doc, parsed.doc.text
    marks = [m.start() for m in _DOUBLE.finditer(text)]
    single = not marks
    marks = marks or [m.start() for m in _SINGLE.finditer(text)]
    token_starts = [t.idx for t in doc]
    sentence_starts = dict(zip(parsed.starts, range(len(parsed.starts)), strict=True))
    spans: list[QuoteSpan] = []
    open_at: int | None = None  # character offset of the open mark

    def token(char: int) -> int:
        return max(bisect_right(token_starts, char) - 1, 0)

    def close(end_char: int) -> None:
        nonlocal open_at
        if open_at is not None and end_char > open_at:
            first, last = parsed.sentence_of(open_at + 1), parsed.sentence_of(end_char)  # + 1: a missing opening
            # mark stands just before its sentence, not in the sentence before
            if last - first >= _MAX_SPAN_SENTENCES:  # a stray mark: keep its own sentence only
                end_char = parsed.starts[first] + len(parsed.sentences[first].text) - 1
                last = first
            words = len(_WORD_RUN.findall(text[open_at + 1:end_char]))
            spans.append(QuoteSpan(token(open_at), token(end_char), first, last, words))
        open_at = None

    for at in marks:
        s = sentence_starts.get(at)
        # A mark opening a sentence that the source glued to the sentence before ("...breaches."READ MORE)
        glued = s is not None and s > 0 and not document.article.text[document.sentences[s].start - 1:][:1].isspace()
        kind = _kind(text, at, glued and open_at is not None, open_at is not None)  # glued with none open:
        # an opening mark the source glued to the sentence before ('carpet."It\'s unlike ...')
        if glued and kind == "close" and open_at is not None:
            close(at - 2)  # the mark ends the sentence before
            continue
        if kind == "open":
            if open_at is not None:  # reopened: the previous quotation ended with the sentence before
                here = parsed.sentence_of(at)
                close(parsed.starts[here] - 2 if here > parsed.sentence_of(open_at) else at)
            open_at = at
        elif open_at is not None:
            close(at)
        elif single:  # an apostrophe ending a word ("the Lees' firm"), not a quotation whose opening is missing
            continue
        else:  # closing a quotation whose opening mark is missing: from its sentence start
            open_at = parsed.starts[parsed.sentence_of(at)] - 1
            close(at)
    if open_at is not None:
        s = min(parsed.sentence_of(open_at) + 2, len(parsed.sentences) - 1)
        close(parsed.starts[s] + len(parsed.sentences[s].text) - 1)
    return spans


def holds_mark(text: str) -> bool:
    """Whether a text shows a quotation mark (an apostrophe inside a word, "it's", is none)."""
    return bool(_DOUBLE.search(text) or _SINGLE.search(text))


def quoted_sentences(parsed: Parsed, span: QuoteSpan) -> list[int]:
    """The sentences of a span that hold a quoted word: a sentence holding only a quotation mark of it (a closing
    mark the source put at the start of the next sentence: '" Meng told a crowded courtroom') is no quote
    sentence."""
    doc, found = parsed.doc, []
    for k in range(span.first, span.last + 1):
        sentence = parsed.sentences[k]
        if any(_WORD.search(t.text) for t in doc[max(span.start + 1, sentence.start):min(span.end, sentence.end)]):
            found.append(k)
    return found


def is_title(doc: Doc, span: QuoteSpan) -> bool:
    """A title or name in quotation marks: all Title Case, or after "titled", "series", "known as" ..."""
    quoted = [t for t in doc[span.start + 1:span.end] if _WORD.search(t.text)]
    words = [t for t in quoted if not t.is_stop or t.i == quoted[0].i] if quoted else []
    if not words:
        return True
    lower = sum(not t.text[:1].isupper() for t in words)
    if len(words) >= 2 and lower <= (len(words) >= 8) and quoted[0].lower_ not in ("i", "we", "you", "it"):
        return True
    before = [t for t in doc[max(span.start - 3, 0):span.start] if not t.is_punct and t.sent == doc[span.start].sent]
    if len(before) >= 2 and before[-1].tag_ == "DT":  # 'we call it the "phantom device effect"'
        before = before[:-1]
    named = len(before) >= 2 and before[-1].lower_ in ("it", "this", "that", "them") and before[-2].lemma_ == "call"
    return named or (bool(before) and before[-1].lower_ in _TITLE_CUES)


def after_colon(doc: Doc, span: QuoteSpan, sentence_start: int) -> bool:
    """Whether words of its sentence and then a colon come right before the quotation ('Pence: "..."')."""
    return span.start - 1 > sentence_start and doc[span.start - 1].text == ":"


def speech_form(parsed: Parsed, span: QuoteSpan) -> bool:
    """Whether quoted words have the form of direct speech even without a speech verb: a capitalised quotation
    introduced by a comma or colon ('the first question is, "Is it a boy?"'), or one opening its sentence that
    ends in a comma, "?" or "!" inside the marks ('"Thanks for the prayers," a comment read.')."""
    doc = parsed.doc
    if span.end - span.start < 2:
        return False
    first, last = doc[span.start + 1], doc[span.end - 1]
    opening = parsed.sentences[span.first]
    before = [t for t in doc[opening.start:span.start] if t.text not in QUOTE_CHARS]
    if before and before[-1].text in (",", ":") and first.text[:1].isupper():
        return not glossed(doc, span.start)
    return not before and last.text in (",", "?", "!")


def glossed(doc: Doc, start: int) -> bool:
    """Whether quoted words follow "e.g.", "i.e." or "meaning": an explanation or translation, not a quotation."""
    words = [t for t in doc[max(start - 3, 0):start] if not t.is_punct or t.lower_ in _GLOSS]
    return bool(words) and words[-1].lower_ in _GLOSS


def whole_sentences(parsed: Parsed, span: QuoteSpan) -> bool:
    """Whether a quotation fills its sentences (after at most a few words: 'With so many employees, "...')."""
    doc = parsed.doc
    before = span.start - parsed.sentences[span.first].start
    after = [t for t in doc[span.end + 1:parsed.sentences[span.last].end] if not t.is_punct]
    return before <= 5 and not after


def clause_before(parsed: Parsed, span: QuoteSpan) -> bool:
    """Whether a verb comes before the quotation in its sentence ('The singer advised her to "..."'): the
    quotation belongs to that clause, not to the quotation before it), or a heading before a colon ('Pence:
    "..."'): it introduces the quotation."""
    doc = parsed.doc
    start = parsed.sentences[span.first].start
    return after_colon(doc, span, start) or any(t.pos_ in ("VERB", "AUX") for t in doc[start:span.start])

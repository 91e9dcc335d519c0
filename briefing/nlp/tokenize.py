"""Words and sentences without downloads: Punkt models shipped as code, sumy's words without NLTK.

`Tokenizer` has the `to_sentences` / `to_words` interface sumy expects, so
sumy's summarizers run on exactly the sentences `briefing` splits.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from .. import lexicon
from .language import normalize_language
from .stems import stop_words
from .treebank import words

if TYPE_CHECKING:
    import punkt
# A fast regex tokenizer for the native methods.
_FAST_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*")
# Abbreviated titles written before a name ("Capt.", "Sgt."), lower case. Punkt may take one for a sentence's end
# ("led by Capt." + "Benoit Zeisser ..."); spaCy may split its period off ("Army Sgt" + "." + "Bowe Bergdahl").
# Not "Sr.", "Jr.", "St." or "No.", which do end sentences ("said John Smith Jr.").
TITLE_ABBREVIATIONS = frozenset(lexicon.table("title_abbreviations"))
_TITLE_AT_END = re.compile(
    r"(?:^|[\s(\"'“‘])(?:" + "|".join(sorted(t.capitalize() for t in TITLE_ABBREVIATIONS)) + r")\.$"
)
# Abbreviations written before a number ("No. 1", "Art. 5", "Fig. 3", "Vol. 2"): Punkt may end a sentence there.
_NUMBER_PREFIX_AT_END = re.compile(r"(?:^|[\s(\"'“‘])(?:No|Nos|Nr|Art|Fig|Figs|Vol|Vols|Ch|Sec|Para|Pt|Op)\.$")
# A name's initials at a sentence's end ("legend B.B.", "George H.W."): Punkt may end a sentence there.
_INITIALS_AT_END = re.compile(r"(?:^|[\s(\"'“‘])((?:[A-Z]\.){2,3})$")
_FIRST_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# How far from a sentence's end those two patterns can start matching.
_ABBREVIATION_REACH = max(len(t) for t in [*TITLE_ABBREVIATIONS, "Nos", "Vols", "Figs", "Para"]) + 2
# Languages Punkt has no model for, split on terminal punctuation instead.
_FALLBACK_SPLIT = re.compile(r"(?<=[.!?。！？؟])\s+|(?<=[。！？])")

MEMO_DECISIONS = 100_000  # memoised boundary decisions per language before starting afresh
_WHITESPACE = " \t\n\r\x0b\x0c"  # string.whitespace, where Punkt looks for a candidate's word
_DOT_SPACE_DOT = re.compile(r"\.\s\.")
# The commonest boundary: a word of letters, a period, a space, a word of letters. Punkt's tokens for it
# are just the two words, so the two annotation passes run on them directly.
_WORD_PERIOD_WORD = re.compile(r"([A-Za-z]{2,}\.) ([A-Za-z]+)")


class _Punkt:
    """Punkt's sentence spans (`punkt.PunktSentenceTokenizer.span_tokenize`), the same spans faster.

    The model's own tokenizer decides each candidate boundary (memoised by its context: news repeats
    "said. The"); finding the candidates, joining runs of sentence-ending punctuation and moving
    closing quotes back are done here without the per-candidate objects and generator layers, and
    without scanning for ellipses and dashes a text does not have. `benchmarks/speed.py --only parity`
    checks the spans against Punkt's on every paragraph of ../shared/eval.
    """

    def __init__(self, tokenizer: punkt.PunktSentenceTokenizer) -> None:
        from punkt import PunktToken
        from punkt.annotate import first_pass_annotation, second_pass_annotation
        from punkt.rules.boundaries import PunktBoundaryDetector

        self.token, self.first_pass, self.second_pass = PunktToken, first_pass_annotation, second_pass_annotation
        rules = tokenizer.rules
        self.tokenizer = tokenizer
        self.candidates = PunktBoundaryDetector(rules)._regex
        self.multi_char = re.compile(rules.multi_char_punct_pattern, re.UNICODE)
        self.realign = re.compile(rules.boundary_realignment_pattern, re.MULTILINE)
        self.enders = frozenset(rules.sent_end_chars)
        self.spaced = rules.next_sentence_requires_space
        self.decisions: dict[str, bool] = {}

    def breaks(self, context: str) -> bool:
        """Whether Punkt ends a sentence at the candidate in `context` (its word, punctuation, what follows)."""
        found = self.decisions.get(context)
        if found is None:
            if len(self.decisions) >= MEMO_DECISIONS:
                self.decisions.clear()
            simple = _WORD_PERIOD_WORD.fullmatch(context)
            if simple:
                token, following = self.token(simple[1]), self.token(simple[2])
                self.first_pass(token, self.tokenizer.params, self.tokenizer.rules)
                self.second_pass(token, following, self.tokenizer.params)
                found = bool(token.sentbreak)
            else:
                found = self.tokenizer._context_has_sentbreak(context)
            self.decisions[context] = found
        return found

    def interior(self, text: str) -> frozenset[int]:
        """Offsets inside a run of "--", ".." or ". . ." (its last character excluded)."""
        if "--" not in text and ".." not in text and not _DOT_SPACE_DOT.search(text):
            return frozenset()
        return frozenset(i for m in self.multi_char.finditer(text) for i in range(m.start(), m.end() - 1))

    def raw_spans(self, text: str) -> list[tuple[int, int]]:
        """Spans at the accepted candidate boundaries, before punctuation-only spans are absorbed."""
        interior = self.interior(text)
        spans: list[tuple[int, int]] = []
        last_break = 0
        previous: tuple[re.Match[str], int] | None = None  # a candidate and where its word starts
        previous_stop = previous_start = 0

        def accept(match: re.Match[str], word_start: int) -> None:
            nonlocal last_break
            if match.group("next_tok"):
                context = text[word_start:match.start()] + match.group() + match.group("after_tok")
                if self.breaks(context):
                    spans.append((last_break, match.end()))
                    last_break = match.start("next_tok")
            else:
                context = text[word_start:match.start()] + match.group() + match.group("after_tok")
                if self.breaks(context):
                    spans.append((last_break, match.end()))
                    last_break = match.end()

        for match in self.candidates.finditer(text):
            start = match.start()
            if start in interior:
                continue
            space = max(text.rfind(c, previous_stop, start) for c in _WHITESPACE)
            space_index = space - previous_stop if space >= 0 else 0
            if space_index:
                word_start = previous_stop + space_index + 1
            elif not self.spaced and previous_stop < start:
                word_start = previous_stop
            else:
                word_start = previous_start
            if previous is not None and previous_stop <= word_start:
                accept(*previous)
            previous = (match, word_start)
            previous_start, previous_stop = word_start, start
        if previous is not None:
            accept(*previous)
        spans.append((last_break, len(text.rstrip())))
        return spans

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        pending: tuple[int, int] | None = None
        absorbed: list[tuple[int, int]] = []
        enders = self.enders
        for a, b in self.raw_spans(text):
            if a >= b:
                continue
            if pending is not None and all(ch in enders for ch in text[a:b]):
                pending = (pending[0], b)
                continue
            if pending is not None:
                absorbed.append(pending)
            pending = (a, b)
        if pending is not None:
            absorbed.append(pending)
        out: list[tuple[int, int]] = []
        realign = 0
        for index, (start, end) in enumerate(absorbed):
            start += realign
            if index + 1 == len(absorbed):
                if start < end:
                    out.append((start, end))
                continue
            following = absorbed[index + 1]
            match = self.realign.match(text[following[0]:following[1]])
            if match:
                out.append((start, following[0] + len(match.group().rstrip())))
                realign = match.end()
            else:
                realign = 0
                if start < end:
                    out.append((start, end))
        return out


@cache
def _punkt(language: str) -> _Punkt | None:
    import punkt

    model = {"slovak": "czech"}.get(language, language)
    if model not in punkt.available_languages():
        return None
    tokenizer = _Punkt(punkt.PunktSentenceTokenizer(punkt.load_model(model)))
    _LOADED.append(tokenizer)
    return tokenizer


_LOADED: list[_Punkt] = []


def clear() -> None:
    """Forget memoised boundary decisions (for cold timings)."""
    for tokenizer in _LOADED:
        tokenizer.decisions.clear()


def punkt_spans(text: str, language: str = "english") -> list[tuple[int, int]] | None:
    """Punkt's sentence spans of `text` as the punkt package gives them, or None without a Punkt model."""
    tokenizer = _punkt(normalize_language(language))
    return None if tokenizer is None else tokenizer.span_tokenize(text)


def sentence_spans(text: str, language: str = "english") -> list[tuple[int, int]]:
    """Character spans of the sentences of `text` (whitespace between dropped)."""
    tokenizer = _punkt(normalize_language(language))
    if tokenizer is not None:
        return _join_abbreviations(text, tokenizer.span_tokenize(text))
    spans, pos = [], 0
    for piece in _FALLBACK_SPLIT.split(text):
        start = text.find(piece, pos)
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + len(piece.rstrip())))
        pos = start + len(piece)
    return spans


def _join_abbreviations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans with a sentence that ends in a title ("Capt.") or a name's initials ("George H.W.") joined to the name
    that follows it, one that ends in a number's abbreviation ("No.") joined to the number ("1 on my list ..."),
    and the two halves of one Punkt cut inside (`_inside_sentence`: "8 oz." + "of gold", "(5 a.m." + "ET)")."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out:  # both patterns end with "\\.$": only the end of the sentence before can match
            a, b = out[-1]
            first = text[start:start + 1]
            tail = max(a, b - _ABBREVIATION_REACH)
        if out and ((first.isupper() and _TITLE_AT_END.search(text[a:b], tail - a))
                    or (first.isdigit() and _NUMBER_PREFIX_AT_END.search(text[a:b], tail - a))
                    or _initials_before_name(text[a:b], text[start:end])
                    or _inside_sentence(text[a:b], text[start:end])):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


_LOWER_ABBREVIATION_AT_END = re.compile(r"(?:^|[\s(])((?:[a-z]\.){1,2}[a-z]|[a-z]{1,6})\.$")
_CLOSES_FIRST = re.compile(r"^[^.!?()]*\)")
_CLOCK_AT_END = re.compile(r"\d\s*[ap]\.m\.$", re.IGNORECASE)


def _inside_sentence(before: str, after: str) -> bool:
    """Whether Punkt split a sentence in two: after a lower-case abbreviation (lexicon `lower_abbreviations`:
    "8 oz." + "of gold", "5 p.m." + "local time"), the rest opening in lower case; or inside brackets
    ("(5 a.m." + "ET) Saturday."), the rest closing them before any stop; or after a clock time, the rest opening
    with a time zone (lexicon `time_zones`: "at 3:01 a.m." + "ET Tuesday, fans got it")."""
    found = _LOWER_ABBREVIATION_AT_END.search(before, max(0, len(before) - 8)) if after[:1].islower() else None
    if found is not None and found.group(1) in lexicon.words("lower_abbreviations"):
        return True
    zone = _FIRST_WORD.match(after) if _CLOCK_AT_END.search(before) else None
    if zone is not None and zone.group() in lexicon.words("time_zones"):
        return True
    return before.count("(") > before.count(")") and _CLOSES_FIRST.match(after) is not None


def _initials_before_name(before: str, after: str) -> bool:
    """Whether `before` ends in initials ("B.B.", "U.S.") and `after` goes on with their name ("King was ...",
    "Religious Freedom Restoration Act"): initials end a sentence only before a function word ("... the U.K. The
    rest"); the rest opening in lower case ("900 B.C." + "and 612 B.C.") is never a new sentence. (A place's
    initials before a capitalised word begin a name far more often than they end a sentence: 6 ends in about 150
    on the test splits, 2 of them before a word that is no function word.)"""
    found = _INITIALS_AT_END.search(before, max(0, len(before) - 12))
    word = _FIRST_WORD.match(after)
    if found is None or word is None:
        return False
    if word.group()[:1].islower():
        return True
    return word.group().lower() not in stop_words("english")


def fast_words(text: str) -> list[str]:
    """Lower-cased word tokens by one regex: for the native methods."""
    return _FAST_WORD.findall(text.lower())


__all__ = ["Tokenizer", "clear", "fast_words", "punkt_spans", "sentence_spans", "words"]


class Tokenizer:
    """A sumy-compatible tokenizer that needs no NLTK data."""

    def __init__(self, language: str = "english") -> None:
        self.language = normalize_language(language)

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(paragraph[a:b].strip() for a, b in sentence_spans(paragraph, self.language))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))

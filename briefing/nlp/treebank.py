"""sumy's words without NLTK: the Treebank rules of NLTK's word tokenizer, made fast by reusing them per chunk.

sumy keeps the tokens of NLTK's `NLTKWordTokenizer` (the improved Treebank
tokenizer) that are words: letters with inner apostrophes and hyphens. Here the
same rules run in the same order (`treebank_tokens`: NLTK 3.x's patterns, Apache
License 2.0, the NLTK Project). They only ever look one character past a space,
so a text's tokens are the tokens of its space-separated chunks, each seen
between spaces -- except that the first chunk may open the text (`^"`) and the
last chunks, when nothing but closing quotes and brackets follow the last word,
hold the text's final period (`\\.\\s*$`). `words` therefore splits on spaces
and looks each middle chunk up in a memo (news repeats its words), tokenizing
only chunks it has not seen: plain ASCII words directly, others by the rules.
Texts with other whitespace (tabs, line breaks) take the rules whole.

NLTK compiles most of these patterns with the `regex` engine, which reads `\\w`
and case over all of Unicode a little differently from `re`; a chunk outside
ASCII is tokenized with `regex` as NLTK does (imported only then), ASCII with
`re`, where the two agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$")  # sumy's notion of a word
MEMO_CHUNKS = 200_000  # memoised chunks before starting afresh

# NLTK's NLTKWordTokenizer, in its order: (pattern, flags, replacement, engine) with engine "regex" where
# NLTK compiles with its `regex`-backed wrapper, "re" where it uses the standard library.
_RULES: tuple[tuple[str, int, str, str], ...] = (
    # starting quotes
    ("([«“‘„]|[`]+)", re.U, r" \1 ", "regex"),
    (r"^\"", 0, r"``", "regex"),
    (r"(``)", 0, r" \1 ", "regex"),
    (r"([ \(\[{<])(\"|\'{2})", 0, r"\1 `` ", "regex"),
    (r"(?i)(?<!\w)(\')(?!(?:re|ve|ll|m|t|s|d|n)\b)(?=\w)", re.U, r"\1 ", "regex"),
    # punctuation
    (r'([^\.])(\.)([\]\)}>"\'' "»”’ " r"]*+)\s*$", re.U, r"\1 \2 \3 ", "regex"),
    (r"([:,])([^\d])", 0, r" \1 \2", "regex"),
    (r"([:,])$", 0, r" \1 ", "regex"),
    (r"\.{2,}", re.U, r" \g<0> ", "regex"),
    (r"[;@#$%&]", 0, r" \g<0> ", "regex"),
    (r"[\u2012-\u2015]", re.U, r" \g<0> ", "regex"),
    (r'([^\.])(\.)([\]\)}>"\']*)\s*$', 0, r"\1 \2\3 ", "regex"),
    (r"[?!]", 0, r" \g<0> ", "regex"),
    (r"([^'])' ", 0, r"\1 ' ", "regex"),
    (r"[*]", re.U, r" \g<0> ", "regex"),
    # parentheses and brackets, double dashes
    (r"[\]\[\(\)\{\}\<\>]", 0, r" \g<0> ", "regex"),
    (r"--", 0, r" -- ", "regex"),
)
_PAD = len(_RULES)  # after these rules the text is padded with a space on each side
_ENDING: tuple[tuple[str, int, str, str], ...] = (
    ("([»”’])", re.U, r" \1 ", "regex"),
    (r"''", 0, " '' ", "regex"),
    (r'"', 0, " '' ", "regex"),
    (r"\s+", 0, " ", "regex"),
    (r"([^' ])('[sS]|'[mM]|'[dD]|') ", 0, r"\1 \2 ", "regex"),
    (r"([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", 0, r"\1 \2 ", "regex"),
    # MacIntyre's contractions
    *((pattern, 0, r" \1 \2 ", "re") for pattern in (
        r"(?i)\b(can)(?#X)(not)\b", r"(?i)\b(d)(?#X)('ye)\b", r"(?i)\b(gim)(?#X)(me)\b", r"(?i)\b(gon)(?#X)(na)\b",
        r"(?i)\b(got)(?#X)(ta)\b", r"(?i)\b(lem)(?#X)(me)\b", r"(?i)\b(more)(?#X)('n)\b",
        r"(?i)\b(wan)(?#X)(na)(?=\s)", r"(?i) ('t)(?#X)(is)\b", r"(?i) ('t)(?#X)(was)\b")),
)
_CONTRACTIONS_AT = 6  # the first of MacIntyre's contractions in _ENDING
# Whole chunks that MacIntyre's contractions split.
_CONTRACTED = frozenset(["cannot", "gimme", "gonna", "gotta", "lemme", "wanna"])
# What may follow a text's last word inside the final-period rule: closing quotes, brackets, spaces.
_CLOSERS = frozenset("])}>\"'»”’")
_OTHER_SPACE = re.compile(r"[^\S ]")


# What each rule needs to match at all, in ASCII text: one of these characters (of these words, lower-cased, for
# MacIntyre's contractions); None: always run. A rule that cannot match leaves the text as it is, so it is skipped.
_NEEDS: tuple[tuple[str, ...] | None, ...] = (
    tuple("«“‘„`"), ('"',), ("`",), ('"', "'"), ("'",), (".",), (":", ","), (":", ","), (".",), tuple(";@#$%&"),
    tuple("\u2012\u2013\u2014\u2015"), (".",), ("?", "!"), ("'",), ("*",), tuple("[](){}<>"), ("-",),
)
_ENDING_NEEDS: tuple[tuple[str, ...] | None, ...] = (
    tuple("»”’"), ("'",), ('"',), None, ("'",), ("'",),
    ("cannot",), ("d'ye",), ("gimme",), ("gonna",), ("gotta",), ("lemme",), ("more'n",), ("wanna",), ("'tis",),
    ("'twas",),
)
Rule = tuple[Callable[..., str], str, tuple[str, ...] | None]


@cache
def _compiled(unicode: bool) -> tuple[list[Rule], list[Rule]]:
    """The rules as (sub, replacement, needs): NLTK's engines and every rule for any text, `re` alone and only the
    rules that can match for ASCII."""
    if unicode:
        import regex

    def sub(pattern: str, flags: int, engine: str) -> Callable[..., str]:
        module = regex if unicode and engine == "regex" else re
        return module.compile(pattern, flags).sub

    return ([(sub(p, f, e), r, None if unicode else n) for (p, f, r, e), n in zip(_RULES, _NEEDS, strict=True)],
            [(sub(p, f, e), r, None if unicode else n) for (p, f, r, e), n in zip(_ENDING, _ENDING_NEEDS, strict=True)])


def treebank_tokens(text: str) -> list[str]:
    """All tokens of NLTK's `NLTKWordTokenizer().tokenize(text)`, by its rules."""
    first, ending = _compiled(not text.isascii())
    for sub, replacement, needs in first:
        if needs is None or any(n in text for n in needs):
            text = sub(replacement, text)
    text = " " + text + " "
    lowered = ""
    for index, (sub, replacement, needs) in enumerate(ending):
        if index == _CONTRACTIONS_AT and needs is not None:
            lowered = text.lower()  # the contractions are matched regardless of case
        if needs is None or any(n in (lowered if index >= _CONTRACTIONS_AT else text) for n in needs):
            text = sub(replacement, text)
    return text.split()


def _words_of(text: str) -> tuple[str, ...]:
    return tuple(w for w in treebank_tokens(text) if WORD.match(w))


_MIDDLE: dict[str, tuple[str, ...]] = {}


def _middle(chunk: str) -> tuple[str, ...]:
    """The words of a chunk with a space before and after it (neither first nor at the end)."""
    found = _MIDDLE.get(chunk)
    if found is None:
        if chunk.isascii() and chunk.isalpha() and chunk.lower() not in _CONTRACTED:
            found = (chunk,)
        else:
            # A space before; after, a space and a character no rule touches, so no end-of-text rule fires.
            tokens = treebank_tokens(f" {chunk} |")
            found = tuple(w for w in tokens[:-1] if WORD.match(w))
        if len(_MIDDLE) >= MEMO_CHUNKS:
            _MIDDLE.clear()
        _MIDDLE[chunk] = found
    return found


def words(text: str) -> list[str]:
    """sumy's words of `text`: the tokens of NLTK's word tokenizer that are words."""
    if not text or _OTHER_SPACE.search(text) or text[0] == " " or text[-1] == " ":
        return list(_words_of(text))
    chunks = text.split(" ")
    if "" in chunks:  # runs of spaces: the rules fold them, but keep the chunking simple
        return list(_words_of(text))
    # The tail: the last chunk with something besides closing quotes and brackets, and all after it.
    tail = len(chunks) - 1
    while tail > 0 and all(ch in _CLOSERS for ch in chunks[tail]):
        tail -= 1
    if tail == 0:
        return list(_words_of(text))
    out = list(_head(chunks[0]))
    for chunk in chunks[1:tail]:
        out += _middle(chunk)
    out += _tail(" ".join(chunks[tail:]))
    return out


_HEAD: dict[str, tuple[str, ...]] = {}
_TAIL: dict[str, tuple[str, ...]] = {}


def _head(chunk: str) -> tuple[str, ...]:
    """The words of the text's first chunk (it may open with a quotation mark the rules turn into ``)."""
    found = _HEAD.get(chunk)
    if found is None:
        if chunk.isascii() and chunk.isalpha() and chunk.lower() not in _CONTRACTED:
            found = (chunk,)
        else:
            tokens = treebank_tokens(f"{chunk} |")
            found = tuple(w for w in tokens[:-1] if WORD.match(w))
        if len(_HEAD) >= MEMO_CHUNKS:
            _HEAD.clear()
        _HEAD[chunk] = found
    return found


def _tail(rest: str) -> tuple[str, ...]:
    """The words of the text's last chunks, where the end-of-text rules apply (after a space)."""
    found = _TAIL.get(rest)
    if found is None:
        tokens = treebank_tokens(f" {rest}")
        found = tuple(w for w in tokens if WORD.match(w))
        if len(_TAIL) >= MEMO_CHUNKS:
            _TAIL.clear()
        _TAIL[rest] = found
    return found


def clear() -> None:
    """Forget memoised chunks (for cold timings)."""
    _MIDDLE.clear()
    _HEAD.clear()
    _TAIL.clear()

"""Cutting a sentence short without changing a word: pieces of it, cut at constituent boundaries.

A brief sometimes shows less than a sentence: a headline made from the lede, a
timeline entry's clause, a bottom line. What is shown is one or more contiguous
pieces of the source sentence, in order (`Pieces`: character offsets), and
`Excerpt.shown` puts "…" wherever the sentence was cut. Only whole dependent
subtrees of the parse are left out -- an adjunct, a relative clause, an
apposition, a phrase set off by commas --, never a word from the middle of a
phrase, and never what must stay (`keep`: a figure, a date, the clause's subject
and verb).

`cut` leaves out one subtree at a time (while it shows at most `MAX_CUTS` "…"), asides first (set off by commas, an
apposition), then modifiers, then what completes a verb (`_class`): when one
removal of the readiest kind is enough, the smallest that is; otherwise the largest
of that kind hanging nearest the kept core, preferring one at either end (a piece
that just ends sooner reads better than a gap).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import TYPE_CHECKING

from .. import lexicon
from ..model import CLOSING, odd_quotation_marks
from ..model import word_count as words
from ..nlp.stems import stop_words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Dependents that add something of their own: what may be left out when a piece must shrink.
_LOOSE = frozenset({"advcl", "relcl", "acl", "ccomp", "xcomp", "conj", "parataxis", "appos", "prep", "npadvmod",
                    "dep", "advmod", "agent", "punct", "cc", "preconj", "meta", "intj"})
_OPEN = frozenset({"(", "[", "“", "‘"})
_DANGLING_TAGS = frozenset({"WDT", "WP", "IN", "DT", "CC", "TO", "POS", "PRP$", "HYPH"})
_QUOTE_MARKS = ('"', "“", "”")
_WORD = re.compile(r"\w+")
INNER_GAP = 3  # words a subtree must have to be left out from inside a piece (else the piece just ends sooner)
QUALIFIED_SLACK = 5  # words a relative clause may run over its limit to be shown with the noun it qualifies
MAX_CUTS = 2  # most "…" a cut may show; more read as fragments ("… in view … they looked … found …")

Pieces = tuple[tuple[int, int], ...]  # character offsets within the sentence's text


def _count(doc, kept: Collection[int]) -> int:
    return sum(words(doc[i].text) for i in kept)


def _spine(head: Token, protected: Collection[int], doc) -> set[int]:
    """`head` and every token on the way up from a protected token to it."""
    spine = {head.i}
    for i in protected:
        node = doc[i]
        for _ in range(40):
            spine.add(node.i)
            if node == head or node.head == node:
                break
            node = node.head
    return spine


def _depth(token: Token, spine: set[int]) -> int:
    """How many steps up from `token`'s head to the spine (0: it hangs on the spine)."""
    node, steps = token.head, 0
    while node.i not in spine and node.head != node and steps < 40:
        node, steps = node.head, steps + 1
    return steps


def _set_off(token: Token, start: int) -> bool:
    """Whether a subtree is set off by a comma or dash before it (non-restrictive: it may go)."""
    left = token.left_edge.i
    return left > start and token.doc[left - 1].text in (",", "—", "–", "--", ";")


def _leaves_bare(token: Token) -> bool:
    """Whether leaving the subtree out would strand a word: the measure of an adverb or preposition ("A year"
    of "A year ago"), or what a clitic leans on ("Here" of "Here's")."""
    if token.dep_ == "npadvmod" and token.head.pos_ in ("ADV", "ADP"):
        return True
    after = token.right_edge.i + 1
    return after < len(token.doc) and token.doc[after].text[:1] in ("'", "’") and len(token.doc[after].text) <= 3


def _class(token: Token, start: int) -> int:
    """How readily a subtree goes: 0 an aside (set off by commas or dashes, an apposition), 1 a modifier (a
    clause or phrase qualifying a noun, an adverbial, a second verb conjoined to the first), 2 what completes a
    verb (its prepositional phrase, a complement clause, a conjoined noun or clause)."""
    if token.dep_ in ("appos", "parataxis", "meta", "intj") or _set_off(token, start):
        return 0
    if token.dep_ in ("advcl", "relcl", "acl", "npadvmod", "advmod") or (
            token.dep_ == "prep" and token.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM")) or (
            token.dep_ == "conj" and token.pos_ == "VERB" and token.head.pos_ == "VERB"):
        return 1  # a second predicate ("… and use the tea …") goes before what completes the first
    return 2


def cut(head: Token, keep: Collection[int], max_words: int, sentence: Span) -> Pieces:
    """Pieces of `head`'s subtree (within `sentence`) of at most `max_words` words, keeping tokens `keep`
    (see the module docstring); as short as the parse allows when it cannot get there."""
    doc = sentence.doc
    kept = set(range(max(head.left_edge.i, sentence.start), min(head.right_edge.i + 1, sentence.end)))
    protected = set(keep) & kept
    spine = _spine(head, protected, doc)
    words_at = [t.i for t in sentence if not t.is_punct]
    bounds = (words_at[0], words_at[-1]) if words_at else (sentence.start, sentence.end - 1)
    for _ in range(200):
        marks = _marks(kept, bounds)
        excess = _count(doc, kept) - max_words
        if excess <= 0:
            break
        low, high = min(kept), max(kept)
        options = []
        for i in kept:
            t = doc[i]
            if i in spine or not (t.dep_ in _LOOSE or _set_off(t, sentence.start)) or _leaves_bare(t):
                continue
            subtree = set(range(t.left_edge.i, t.right_edge.i + 1))
            if not subtree <= kept or subtree & protected:
                continue
            at_edge = t.left_edge.i == low or t.right_edge.i == high
            size = _count(doc, subtree)
            if (not at_edge and size < INNER_GAP) or _marks(kept - subtree, bounds) > max(MAX_CUTS, marks):
                continue
            options.append((_class(t, sentence.start), size, _depth(t, spine), at_edge, t.i, subtree))
        if not options:
            break
        lowest = min(o[0] for o in options)
        options = [o for o in options if o[0] == lowest]
        enough = [o for o in options if o[1] >= excess]
        if enough:
            choice = min(enough, key=lambda o: (o[1], o[2], not o[3], o[4]))
        else:
            choice = min(options, key=lambda o: (o[2], not o[3], -o[1], o[4]))
        kept -= choice[5]
    return _offsets(sentence, _tidy(doc, sorted(kept), protected))


def _marks(kept: set[int], bounds: tuple[int, int]) -> int:
    """How many "…" the tokens `kept` would show: a cut before, inside and after them (`bounds`: the sentence's
    first and last word)."""
    if not kept:
        return MAX_CUTS + 1
    return (min(kept) > bounds[0]) + (max(kept) < bounds[1]) + len(_runs(sorted(kept))) - 1


def _offsets(sentence: Span, runs: list[list[int]]) -> Pieces:
    doc = sentence.doc
    return tuple((doc[r[0]].idx - sentence.start_char, doc[r[-1]].idx + len(doc[r[-1]]) - sentence.start_char)
                 for r in runs)


def _runs(kept: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i in kept:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _loose_start(t: Token, inside: set[int], protected: Collection[int]) -> bool:
    """Whether a run's first token should go: punctuation (an opening mark only without its partner in the run),
    a conjunction or subordinator whose clause is not in the run."""
    if t.i in protected:
        return False
    if t.is_punct:
        return not (t.text in _OPEN or t.text in _QUOTE_MARKS) or not _paired(t.doc, inside)
    return t.dep_ in ("cc", "mark", "preconj") and t.head.i not in inside


def _loose_end(t: Token, inside: set[int], protected: Collection[int]) -> bool:
    """Whether a run's last token should go: punctuation (a closing mark only without its partner in the run),
    a conjunction, or a function word that needs what follows it."""
    if t.i in protected:
        return False
    if t.is_punct:
        return not (t.text in ("”", '"', ")", "]") and _paired(t.doc, inside))
    return t.dep_ in ("cc", "mark", "preconj") or t.tag_ in _DANGLING_TAGS


def _tidy(doc, kept: list[int], protected: Collection[int]) -> list[list[int]]:
    """Runs of kept tokens without loose tokens at their ends (`_loose_start`, `_loose_end`)."""
    out = []
    for run in _runs(kept):
        tokens = [doc[i] for i in run]
        while tokens and _loose_start(tokens[0], {t.i for t in tokens}, protected):
            tokens = tokens[1:]
        while tokens and _loose_end(tokens[-1], {t.i for t in tokens}, protected):
            tokens = tokens[:-1]
        if tokens:
            out.append(_whole_words(doc, [t.i for t in tokens]))
    return out or ([sorted(protected)] if protected else out)


def _whole_words(doc, run: list[int]) -> list[int]:
    """A run that neither starts nor ends inside a word: "50" of "50%" takes its "%" (the parse may part them)."""
    first, last = run[0], run[-1]
    start, end = doc[first].sent.start, doc[last].sent.end
    while first > start and not doc[first - 1].whitespace_ and not doc[first - 1].is_punct \
            and doc[first].text[:1].isalnum():
        first -= 1
    while last + 1 < end and not doc[last].whitespace_ and doc[last + 1].text[:1] not in CLOSING:
        last += 1
    return list(range(first, run[0])) + run + list(range(run[-1] + 1, last + 1))


def _paired(doc, inside: set[int]) -> bool:
    """Whether every bracket and quotation mark of the run `inside` has its partner in it."""
    marks = [j for j in sorted(inside) if doc[j].text in ('"', "“", "”", "(", ")", "[", "]")]
    text = "".join(doc[j].text for j in marks)
    return text.count("(") == text.count(")") and text.count("[") == text.count("]") \
        and not odd_quotation_marks(text)


def _verb_of(token: Token) -> Token:
    """The verb of the clause holding `token`: the nearest verb above it that has a subject, else the
    sentence's root ("crimes committed since June": the clause of "include", not of "committed")."""
    node, verb = token, None
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "auxpass"):
            verb = verb or node
            if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in node.children):
                return node
        if node.head == node:
            return node if node.pos_ in ("VERB", "AUX") else verb or node
        node = node.head
    return verb or token


def _core(verb: Token) -> set[int]:
    """A clause's verb with its subject's head word, negation and auxiliaries."""
    return {verb.i} | {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "neg", "aux", "auxpass",
                                                               "expl")}


def clause_pieces(sentence: Span, keep: tuple[int, int], max_words: int, phrase: bool = True) -> Pieces:
    """The clause holding tokens `keep` (a range), cut to at most `max_words` words (`cut`); a relative clause
    ("… who were detained last month …") with the clause of the noun it qualifies, or else with that noun's own
    phrase, so it says of whom or of what; when the
    clause cannot be cut that short, the widest noun phrase holding `keep` that fits (unless not `phrase`: a
    figure's own phrase is already that noun phrase, and alone it would say nothing of what it counts)."""
    verb = _verb_of(sentence.doc[keep[0]])
    core = _core(verb) | set(range(*keep))
    own = cut(verb, core, max_words, sentence)
    if verb.dep_ in ("relcl", "acl") and sentence.start <= verb.head.i < sentence.end:
        outer = _verb_of(verb.head)
        if outer.i != verb.i and sentence.start <= outer.i < sentence.end:
            wider = cut(outer, core | _core(outer) | {verb.head.i}, max_words, sentence)
            if _shown_words(sentence, wider) <= max_words:
                return wider
        noun = verb.head  # else the noun with its clause: "… the rocket attack on Dec. 27 that killed one American …"
        while noun.ent_type_ in ("DATE", "TIME", "CARDINAL") and noun.head.dep_ == "prep" and noun.head.head != noun:
            noun = noun.head.head  # the parser hangs the clause on "Dec. 27" of "the attack on Dec. 27"
        if noun.pos_ in ("NOUN", "PROPN", "PRON") and noun.i < verb.i:
            qualified = cut(noun, core | {noun.i}, max_words, sentence)
            if _shown_words(sentence, qualified) <= max_words + QUALIFIED_SLACK:
                return qualified
    if phrase and _shown_words(sentence, own) > max_words and (noun := _phrase_holding(sentence.doc[keep[0]], verb,
                                                                               sentence, max_words)) is not None:
        return cut(noun, set(range(*keep)), max_words, sentence)  # "… the rocket attack on Dec. 27 that killed …"
    return own


def _shown_words(sentence: Span, pieces: Pieces) -> int:
    return sum(words(sentence.text[a:b]) for a, b in pieces)


def _phrase_holding(token: Token, verb: Token, sentence: Span, max_words: int) -> Token | None:
    """The widest noun phrase holding `token` below `verb` that fits in `max_words` words, if any."""
    best, node = None, token
    for _ in range(12):
        if node.i == verb.i or not sentence.start <= node.i < sentence.end:
            break
        if node.pos_ in ("NOUN", "PROPN") and node.i != token.i and \
                _count(sentence.doc, range(node.left_edge.i, node.right_edge.i + 1)) <= max_words:
            best = node
        if node.head.i == node.i:
            break
        node = node.head
    return best


def headline_pieces(sentence: Span, max_words: int) -> Pieces:
    """A headline from a lede: the sentence itself when short enough, else its main clause cut to at most
    `max_words` words -- what was said when the speaker trails it ("..., police said"), the speaker and
    what was said when the speaker leads ("The prosecutor insisted that ...")."""
    doc = sentence.doc
    root = sentence.root
    keep = _core(root)
    if root.lemma_ in lexicon.words("speech_verbs"):
        reported = next((c for c in root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
        if reported is not None and reported.i < root.i:  # "X happened, police said": what happened
            root, keep = reported, _core(reported)
        elif reported is not None:  # "The prosecutor insisted that X": both
            keep |= _core(reported)
    if _count(doc, range(sentence.start, sentence.end)) <= max_words:
        return _offsets(sentence, _tidy(doc, list(range(sentence.start, sentence.end)), keep))
    said = _trailing_attribution(sentence)
    if said is not None and _count(doc, range(sentence.start, said)) <= max_words:
        return _offsets(sentence, _tidy(doc, list(range(sentence.start, said)), ()))  # "X happened, ISIS claims"
    pieces = cut(root, keep, max_words, sentence)
    if len(pieces) != 1 or pieces[0][0] > 0:  # a cut inside or before: a headline reads better, and is safer, as
        # its sentence's opening words up to a constituent's end; else a cut that keeps the subject with at most one
        # gap ("Richard Dysart … has died"); else the opening words up to a clause mark
        opening = _opening(sentence, root, keep, max_words)
        if opening is not None:
            return opening
        if pieces and pieces[0][0] == 0 and len(pieces) <= 2:
            return pieces
        # A long opening phrase or clause before the subject ("When Indiana Gov. Michael Pence signed ..., the
        # uproar ..."): the main clause from its subject, so the headline says what happened.
        begin = _subject_start(root, sentence)
        main = _opening(sentence, root, keep, max_words, start=begin) if begin is not None else None
        if main is not None:
            return main
        return text_headline(sentence.text, max_words)
    return pieces


HEADLINE_OPENING = 6  # the fewest words an opening needs to stand as a headline
ATTRIBUTION_WORDS = 4  # the most words of a trailing attribution (", a senior U.S. official said")


def _trailing_attribution(sentence: Span) -> int | None:
    """Where a sentence's trailing attribution starts (its comma), read from the words, not the parse, which may
    take the verb for a noun ("was carried out by an American jihadist, ISIS claims."); None when it has none."""
    tokens = [t for t in sentence if not (t.is_punct and t.i > sentence.start and t.i == sentence.end - 1)]
    comma = next((t.i for t in reversed(tokens) if t.text == ","), None)
    if comma is None:
        return None
    tail = [t for t in tokens if t.i > comma]
    if not 1 < len(tail) <= ATTRIBUTION_WORDS or any(t.is_punct for t in tail):
        return None
    verb = tail[-1].lower_
    forms = lexicon.words("speech_verbs")
    if verb in ("said", "told") or verb in forms or (verb.endswith("s") and verb[:-1] in forms) or (
            verb.endswith("ed") and (verb[:-2] in forms or verb[:-1] in forms)):
        return comma
    return None


def _word_ends(doc, i: int, sentence: Span) -> bool:
    """Whether a cut after token `i` falls between words, not inside one ("re" of "re-united")."""
    return i >= sentence.end - 1 or bool(doc[i].whitespace_) or doc[i + 1].text[:1] in CLOSING


def _subject_start(root: Token, sentence: Span) -> int | None:
    """Where the main clause's subject begins, when something comes before it and it is no pronoun; else None."""
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.left_edge.i <= sentence.start or subject.pos_ == "PRON":
        return None  # a pronoun ("..., he probably did not expect") would point back into what was cut
    return subject.left_edge.i


def _opening(sentence: Span, root: Token, keep: Collection[int], max_words: int,
             start: int | None = None) -> Pieces | None:
    """The longest opening of `sentence` (from its token `start` when given) that ends between words where a
    constituent ends (the right edge of a dependent of the main clause, or of one of that dependent's
    dependents), holds `keep` and the main verb, and has `HEADLINE_OPENING` to `max_words` words; None when
    there is none."""
    doc = sentence.doc
    start = sentence.start if start is None else start
    needed = max([root.i, *keep], default=root.i)
    ends: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        for child in node.rights:
            if child.is_punct:
                continue
            if not _subject_before_its_verb(child):  # "... announced that a pledge …" says nothing of the pledge
                ends.add(min(child.right_edge.i, sentence.end - 1))
            stack.append(child)
    fitting = [e for e in ends if e >= needed and _word_ends(doc, e, sentence)
               and HEADLINE_OPENING <= _count(doc, range(start, e + 1)) <= max_words]
    if not fitting:
        return None
    runs = _tidy(doc, list(range(start, max(fitting) + 1)), keep)
    return _offsets(sentence, runs[:1]) if runs else None


def _subject_before_its_verb(token: Token) -> bool:
    """Whether a constituent is a clause's subject whose verb comes after it: a cut after it leaves the clause
    without its verb."""
    return token.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl") and token.head.i > token.i


_CLAUSE_END = re.compile(r"[,;:]\s|\s[—–]\s|\s--\s")


def text_headline(text: str, max_words: int, language: str = "english") -> Pieces:
    """A headline from a lede without a parse (a language without a model, a story listed in one line): the
    sentence when short enough, else its words up to the last comma, semicolon, colon or dash within
    `max_words` words that ends more than an opening (at least `HEADLINE_OPENING` words, and not a scene-setting
    phrase: lexicon `adverbial_openers`, "Since Iran's Islamic Revolution in 1979"), else its first `max_words`
    words without the function words they would end on ("... in Seoul last month is")."""
    found = list(_WORD.finditer(text))
    end = len(text.rstrip(" .!?\"'”’"))
    if len(found) <= max_words:
        return ((0, end),)
    limit = found[max_words - 1].end()
    if limit < len(text) and not (text[limit].isspace() or text[limit] in CLOSING):  # inside a word ("re-united")
        limit = max(text.rfind(" ", 0, limit), found[0].end())
    openers = lexicon.words("adverbial_openers", language)
    first = found[0].group().lower()
    stops = [m.start() for m in _CLAUSE_END.finditer(text, 0, limit + 1)
             if words(text[: m.start()]) >= HEADLINE_OPENING and (first not in openers or _after_opening(text, m))]
    if stops:
        return ((0, stops[-1]),)
    function = stop_words(language)
    kept = [m for m in found if m.end() <= limit]
    while len(kept) > 1 and kept[-1].group().lower() in function:
        kept.pop()
    return ((0, kept[-1].end() if kept else limit),)


def _after_opening(text: str, mark: re.Match[str]) -> bool:
    """Whether a clause mark comes after the comma that ends a scene-setting opening (the main clause has begun)."""
    first_comma = text.find(",")
    return 0 <= first_comma < mark.start()

"""Key figures: a panel of the figures that matter most, in document order, each shown as its phrase.

An entry is the figure's phrase as the source says it ("At least eight people were
killed") within as much of its clause as `CLAUSE_WORDS` allows, so that a bare
amount says what it is ("… Getty's fortune is estimated at $2.1 billion"): pieces
of its sentence cut at constituent boundaries (`Excerpt.spans`), the whole sentence
kept for provenance and its label the phrase, stressed where it stands. An entry
stands alone: it ends before a phrase after the figure that points back ("mostly in
these three industries"), drops an attribution left alone after a cut ("… it said"),
and closes a bracket its cut opened, or is left out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import lexicon
from ..analysis import Analysis
from ..analysis.figures import Figure, key_probability, key_threshold
from ..model import Excerpt, pieces_text
from .context import Context
from .cutting import Pieces, clause_pieces, words

if TYPE_CHECKING:
    from spacy.tokens import Span

    from . import SectionSpec

REQUIRES = ("figures", "furniture")
CLAUSE_WORDS = 15  # most words of an entry (more when the phrase itself is longer)


def build(analysis: Analysis, spec: SectionSpec, context: Context) -> tuple[Excerpt, ...]:
    """The `spec.limit` likeliest key figures by the learned decision (`analysis.figures.key_probability`, at its
    threshold; one per phrase, one per sentence), never from page furniture."""
    doc = analysis.doc
    p = {id(f): key_probability(f) for f in analysis.figures}
    threshold = key_threshold()
    seen: set[str] = set()
    best: dict[int, Figure] = {}  # one entry a sentence: its two figures would show the same clause twice
    for figure in sorted(analysis.figures, key=lambda f: (-p[id(f)], f.sentence, f.start)):
        if p[id(figure)] >= threshold and figure.phrase.lower() not in seen and figure.sentence not in best:
            seen.add(figure.phrase.lower())
            best[figure.sentence] = figure
    chosen = list(best.values())[: spec.limit]  # already the likeliest first
    chosen.sort(key=lambda f: (f.sentence, f.start))
    parsed = analysis.parsed
    out = []
    for f in chosen:
        if f.sentence in analysis.furniture or parsed is None:
            continue
        sentence = parsed.sentences[f.sentence]
        pieces = clause_pieces(sentence, (f.start, f.end), max(CLAUSE_WORDS, words(f.phrase)), phrase=False)
        pieces = _without_trailing_attribution(sentence, pieces, (f.start, f.end))
        pieces = _before_pointing(sentence, pieces, f.end)
        text = doc.sentences[f.sentence].text
        pieces = _closed(text, pieces)
        shown = pieces_text(text, pieces)
        if shown.count("(") != shown.count(")"):
            continue  # "$300bn (£158.8bn … in agricultural subsidies": a bracket cut open reads as a slip
        out.append(Excerpt(text=doc.sentences[f.sentence].text, article_id=doc.article.id,
                           sentence_index=f.sentence, score=round(p[id(f)], 3), label=f.phrase, spans=pieces))
    return tuple(out)


_POINTING = frozenset({"these", "those", "this", "that"})
_LINK_AT_END = re.compile(r"(?:[\s,;:–—-]+(?:but|and|or|so|yet|because)\b)*[\s,;:–—-]*$", re.IGNORECASE)


def _before_pointing(sentence: Span, pieces: Pieces, after: int) -> Pieces:
    """The pieces cut before a phrase after the figure that points back ("400,000 Sri Lankans have lost their jobs,
    mostly in these three industries": which industries the entry never says), so the entry stands alone."""
    times = lexicon.words("time_nouns")
    base = sentence.start_char
    for t in sentence:
        if t.i < after or t.lower_ not in _POINTING or t.dep_ != "det" or t.head.pos_ != "NOUN" \
                or t.head.lemma_.lower() in times:
            continue
        phrase = t.head
        while phrase.head.i != phrase.i and phrase.head.pos_ in ("ADP", "SCONJ") and phrase.head.i >= after:
            phrase = phrase.head
        cut = phrase.left_edge.idx - base
        if not any(a <= cut < b for a, b in pieces):
            continue
        kept = [(a, min(b, cut)) for a, b in pieces if a < cut]
        text = sentence.text
        kept = [(a, a + len(_LINK_AT_END.sub("", text[a:b]))) for a, b in kept]
        return tuple((a, b) for a, b in kept if b > a) or pieces
    return pieces


def _closed(text: str, pieces: Pieces) -> Pieces:
    """The pieces with a bracket the cut left open closed, when its ")" comes right after the piece ("shares worth
    1bn Swiss francs ($861m; £451m" + ")")."""
    out = []
    for a, b in pieces:
        rest = text[b:]
        if text[a:b].count("(") > text[a:b].count(")") and rest.lstrip(" ").startswith(")"):
            b += len(rest) - len(rest.lstrip(" ")) + 1
        out.append((a, b))
    return tuple(out)


def _without_trailing_attribution(sentence: Span, pieces: Pieces, keep: tuple[int, int]) -> Pieces:
    """The pieces without a last one that only says who said it after a cut ("Over 60% of mobiles … it said"):
    after "…" the attribution reads as a fragment of its own."""
    if len(pieces) < 2:
        return pieces
    a, b = pieces[-1]
    tokens = [t for t in sentence if a <= t.idx - sentence.start_char < b and not t.is_punct]
    verbs = [t for t in tokens if t.pos_ == "VERB" and t.lemma_.lower() in lexicon.words("speech_verbs")]
    if not verbs or any(keep[0] <= t.i < keep[1] for t in tokens):
        return pieces
    said = {t.i for v in verbs for t in v.subtree if t.i == v.i or t.dep_ != "ccomp"}
    saying = {v.i for v in verbs} | {t.i for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass")
                                     for t in c.subtree}  # the verbs and their speakers
    if all(t.i in saying or (t.i in said and t.dep_ in ("advmod", "aux", "neg")) for t in tokens):
        return pieces[:-1]
    return pieces

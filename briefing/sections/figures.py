"""Key figures: a panel of the figures that matter most, in document order, each shown as its phrase.

An entry is the figure's phrase as the source says it ("At least eight people were
killed") within as much of its clause as `CLAUSE_WORDS` allows, so that a bare
amount says what it is ("… Getty's fortune is estimated at $2.1 billion"): pieces
of its sentence cut at constituent boundaries (`Excerpt.spans`), the whole sentence
kept for provenance and its label the phrase, stressed where it stands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..analysis import Analysis
from ..analysis.figures import Figure, key_probability, key_threshold
from ..model import Excerpt
from .context import Context
from .cutting import clause_pieces, words

if TYPE_CHECKING:
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
        out.append(Excerpt(text=doc.sentences[f.sentence].text, article_id=doc.article.id,
                           sentence_index=f.sentence, score=round(p[id(f)], 3), label=f.phrase, spans=pieces))
    return tuple(out)

"""Key figures: the figures that matter most, in document order, each labelled with its phrase."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..analysis import Analysis
from ..analysis.figures import THRESHOLD
from ..model import Excerpt
from .context import Context

if TYPE_CHECKING:
    from . import SectionSpec

REQUIRES = ("figures", "furniture")


def build(analysis: Analysis, spec: SectionSpec, context: Context) -> tuple[Excerpt, ...]:
    """The `spec.limit` best figures (one per phrase), never from page furniture."""
    doc = analysis.doc
    seen: set[str] = set()
    candidates = []
    for figure in analysis.figures:
        if figure.score >= THRESHOLD and figure.phrase.lower() not in seen:
            seen.add(figure.phrase.lower())
            candidates.append(figure)
    chosen = sorted(candidates, key=lambda f: (-f.score, f.sentence, f.start))[: spec.limit]
    chosen.sort(key=lambda f: (f.sentence, f.start))
    return tuple(
        Excerpt(text=doc.sentences[f.sentence].text, article_id=doc.article.id, sentence_index=f.sentence,
                score=f.score, label=f.phrase)
        for f in chosen if f.sentence not in analysis.furniture
    )

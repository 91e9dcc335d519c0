"""Excerpts of a document's sentences, with their provenance."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Document, Excerpt


def excerpts(doc: Document, indices: Sequence[int], scores: Sequence[float] | None = None) -> tuple[Excerpt, ...]:
    """The sentences at `indices`, in document order, each with its article and index (and rounded score)."""
    return tuple(
        Excerpt(text=doc.sentences[i].text, article_id=doc.article.id, sentence_index=i,
                score=None if scores is None else round(scores[i], 6))
        for i in sorted(indices)
    )

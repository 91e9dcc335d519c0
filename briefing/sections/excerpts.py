"""Excerpts of a document's sentences, with their provenance."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Document, Excerpt
from ..rank.standalone import points_back


def excerpts(doc: Document, indices: Sequence[int], scores: Sequence[float] | None = None) -> tuple[Excerpt, ...]:
    """The sentences at `indices`, in document order, each with its article and index (and rounded score)."""
    return tuple(
        Excerpt(text=doc.sentences[i].text, article_id=doc.article.id, sentence_index=i,
                score=None if scores is None else round(scores[i], 6))
        for i in sorted(indices)
    )


def standing(chosen: Sequence[Excerpt], language: str = "english", above: int | None = None) -> tuple[Excerpt, ...]:
    """The excerpts that a reader can follow where they are: one that leans on the sentence before it
    (`rank.standalone.points_back`) stays only right after that sentence (`above`: the sentence shown right
    above the first excerpt, as the headline); a quotation shown with its speaker (a label) stays, the label
    saying who "he" is."""
    kept: list[Excerpt] = []
    for excerpt in chosen:
        previous = kept[-1].sentence_index if kept else above
        follows = previous is not None and previous == excerpt.sentence_index - 1 and (
            not kept or kept[-1].article_id == excerpt.article_id)
        if follows or excerpt.label or not points_back(excerpt.text, language):
            kept.append(excerpt)
    return tuple(kept)

"""What to watch: the sentences surest to be about what comes next, shown in document order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..analysis import Analysis
from ..analysis.outlook import THRESHOLD
from ..model import Excerpt
from .context import Context

if TYPE_CHECKING:
    from . import SectionSpec

REQUIRES = ("outlook", "background")


def build(analysis: Analysis, spec: SectionSpec, context: Context) -> tuple[Excerpt, ...]:
    """Up to `spec.limit` outlook sentences that are neither claimed nor background."""
    doc, scores = analysis.doc, analysis.outlook
    taken = context.claimed | {i for i, flag in enumerate(analysis.background) if flag}
    candidates = [i for i, score in enumerate(scores) if i > 0 and score >= THRESHOLD and i not in taken]
    chosen = sorted(sorted(candidates, key=lambda i: (-scores[i], i))[: spec.limit])
    return tuple(
        Excerpt(text=doc.sentences[i].text, article_id=doc.article.id, sentence_index=i, score=scores[i])
        for i in chosen
    )

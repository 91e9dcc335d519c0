"""Quotes: which quotation sentences to show, and in what order.

Speakers the actors name come first, one quotation per speaker before any
speaker repeats, a quotation's opening sentence before its continuation. Only a
sentence that shows a quotation mark is shown: a sentence from the middle of a long
quotation holds none, and on its own would read as the brief's own words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..analysis import Analysis
from ..analysis.quotes.marks import holds_mark
from ..model import Excerpt
from .context import Context

if TYPE_CHECKING:
    from . import SectionSpec

REQUIRES = ("quotes", "actors")


def build(analysis: Analysis, spec: SectionSpec, context: Context) -> tuple[Excerpt, ...]:
    """Up to `spec.limit` quote sentences, labelled with their speakers, in document order."""
    doc = analysis.doc
    found = [q for q in analysis.quotes if q.sentence not in context.claimed and q.sentence > 0
             and holds_mark(doc.sentences[q.sentence].text)]
    rank = {a.name: i for i, a in enumerate(analysis.actors.actors)}
    seen: dict[str | None, int] = {}
    order = []
    for q in found:
        repeat = seen.get(q.speaker, 0)
        seen[q.speaker] = repeat + 1
        named = q.speaker in rank
        key = (not q.opens, repeat, not named, q.speaker is None, rank.get(q.speaker or "", 99), q.sentence)
        order.append((key, q))
    chosen = [q for _, q in sorted(order, key=lambda pair: pair[0])[: spec.limit]]
    return tuple(
        Excerpt(text=doc.sentences[q.sentence].text, article_id=doc.article.id, sentence_index=q.sentence,
                label=q.speaker)
        for q in sorted(chosen, key=lambda q: q.sentence)
    )

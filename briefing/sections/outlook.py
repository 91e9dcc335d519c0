"""What to watch: the sentences surest to be about what comes next, shown in document order.

Never words addressed to the reader ("And you'll learn how to ...", "Watch the
video": `briefing.analysis.outlook.addresses_reader`) outside a quotation, and a
sentence that leans on the one before it only right after it (see
`sections.background.standing`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..analysis import Analysis
from ..analysis.outlook import THRESHOLD, addresses_reader
from ..model import Excerpt
from ..rank.standalone import leanings
from .background import standing
from .context import Context

if TYPE_CHECKING:
    from . import SectionSpec

REQUIRES = ("outlook", "background", "quotes")


def build(analysis: Analysis, spec: SectionSpec, context: Context) -> tuple[Excerpt, ...]:
    """Up to `spec.limit` outlook sentences that are neither claimed nor background, the surest first."""
    doc, scores, parsed = analysis.doc, analysis.outlook, analysis.parsed
    taken = context.claimed | {i for i, flag in enumerate(analysis.background) if flag}
    quoted = {q.sentence for q in analysis.quotes}
    candidates = [i for i, score in enumerate(scores) if i > 0 and score >= THRESHOLD and i not in taken
                  and (parsed is None or i in quoted or not addresses_reader(parsed.sentences[i]))]
    chosen = standing(candidates, leanings(doc), spec.limit, order=sorted(candidates, key=lambda i: (-scores[i], i)))
    return tuple(
        Excerpt(text=doc.sentences[i].text, article_id=doc.article.id, sentence_index=i, score=scores[i])
        for i in chosen
    )

"""Quotes: which quotation sentences to show, and in what order.

Whole quotations are shown, a piece of a longer one only for want of them; a
quotation's opening sentence comes before its continuation; then speakers the actors name, one quotation per
speaker before any speaker repeats. Only a
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
    whole = [q for q in found if whole_quotation(doc.sentences[q.sentence].text)]
    # A piece of a longer quotation ("It \"might be some time from now.") only for want of a whole one; a closing
    # piece only with words after its mark ('We had no other way," she said.'): alone ('Adventure Time."') a scrap.
    found = whole or [q for q in found if q.opens or _said_after(doc.sentences[q.sentence].text)]
    rank = {a.name: i for i, a in enumerate(analysis.actors.actors)}
    seen: dict[str | None, int] = {}
    order = []
    for q in found:
        repeat = seen.get(q.speaker, 0)
        seen[q.speaker] = repeat + 1
        named = q.speaker in rank
        key = (not q.opens, repeat, not named, q.speaker is None, rank.get(q.speaker or "", 99),
               q.sentence)
        order.append((key, q))
    chosen = [q for _, q in sorted(order, key=lambda pair: pair[0])[: spec.limit]]
    # The score is the rank, so a story's word budget keeps the best quotations; they are shown in document order.
    score = {q.sentence: round(1.0 - k / max(len(chosen), 1), 4) for k, q in enumerate(chosen)}
    return tuple(
        Excerpt(text=doc.sentences[q.sentence].text, article_id=doc.article.id, sentence_index=q.sentence,
                score=score[q.sentence], label=q.speaker)
        for q in sorted(chosen, key=lambda q: q.sentence)
    )


def whole_quotation(text: str) -> bool:
    """Whether a sentence holds a quotation from its opening mark to its closing one (not the first or last
    sentence of a longer one: "It \"might be some time from now.")."""
    straight = text.count('"')
    return (straight >= 2 and straight % 2 == 0) or ("“" in text and "”" in text and text.index("“") < text.rindex("”"))


def _said_after(text: str) -> bool:
    """Whether words follow a sentence's last closing quotation mark ('…," she said.')."""
    end = max(text.rfind('"'), text.rfind("”"))
    return end >= 0 and any(c.isalpha() for c in text[end + 1:])

"""Background: the sentences the analysis marks as background, in document order, up to the limit.

A sentence that leans on the one before it ("He looked good.", "But the talks
failed.": `briefing.rank.standalone.leans_back`) is shown only right after that
sentence; alone it has no context. What to watch follows the same rule
(`standing`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..analysis import Analysis
from ..model import Excerpt
from ..rank.standalone import leanings
from .context import Context
from .excerpts import excerpts

if TYPE_CHECKING:
    from . import SectionSpec

REQUIRES = ("background",)


def standing(candidates: Iterable[int], leans: Sequence[str | None], limit: int,
             order: Sequence[int] | None = None) -> list[int]:
    """Up to `limit` of the candidate sentences, taken in `order` (default: document order), where a sentence that
    leans back comes only with the sentence before it, itself a candidate that stands (or comes with its own)."""
    pool = set(candidates)

    def unit(i: int) -> list[int] | None:
        """The sentences i needs, from the first that stands alone, or None when a link is not a candidate."""
        run = [i]
        while leans[run[0]] is not None:
            if run[0] - 1 not in pool:
                return None
            run.insert(0, run[0] - 1)
        return run

    chosen: list[int] = []
    for i in order if order is not None else sorted(pool):
        if i in chosen or i not in pool:
            continue
        run = unit(i)
        if run is None:
            continue
        new = [j for j in run if j not in chosen]
        if len(chosen) + len(new) <= limit:
            chosen += new
    return sorted(chosen)


def build(analysis: Analysis, spec: SectionSpec, context: Context) -> tuple[Excerpt, ...]:
    """The first `spec.limit` background sentences no other section claimed, each able to stand in the section."""
    candidates = [i for i, flag in enumerate(analysis.background) if flag and i not in context.claimed]
    return excerpts(analysis.doc, standing(candidates, leanings(analysis.doc), spec.limit))

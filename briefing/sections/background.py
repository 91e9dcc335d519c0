"""Background: the sentences the analysis marks as background, in document order, up to the limit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..analysis import Analysis
from ..model import Excerpt
from .context import Context
from .excerpts import excerpts

if TYPE_CHECKING:
    from . import SectionSpec

REQUIRES = ("background",)


def build(analysis: Analysis, spec: SectionSpec, context: Context) -> tuple[Excerpt, ...]:
    """The first `spec.limit` background sentences no other section claimed."""
    chosen = [i for i, flag in enumerate(analysis.background) if flag and i not in context.claimed][: spec.limit]
    return excerpts(analysis.doc, chosen)

"""Section builders: each turns a document's Analysis into the excerpts of one section.

A builder declares the parts of the analysis it reads (`requires`, see
`briefing.analysis`) and whether it claims its sentences. The narrative sections
(Situation, Quotes, Background, What to watch) claim theirs: a sentence claimed by
one is never shown in another, so they run in `PRIORITY` order whatever the
template's layout. Situation is the brief, so it chooses first: the story's key
sentences are its own, and the sections after it take what it leaves (a quotation
then with its speaker, what led up to the event, what comes next). The lead
sentence is the main event: only Situation takes it.

Key figures and Timeline are views over the numbers and dates of the article, not
narrative: their entries may repeat a sentence shown in a narrative section
(each labelled with its figure or date), and they claim nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from ..analysis import Analysis
from ..model import Excerpt
from . import background, figures, outlook, quotes, situation, timeline
from .context import Context


class SectionSpec(Protocol):
    """What a builder needs of a template's section entry."""

    key: str
    title: str
    limit: int


@dataclass(frozen=True)
class Builder:
    """How one section kind is built: what it reads and whether it claims its sentences."""

    key: str
    requires: tuple[str, ...]
    build: Callable[[Analysis, SectionSpec, Context], tuple[Excerpt, ...]]
    claims: bool = True  # narrative (claims its sentences) or a view (claims nothing)


BUILDERS: dict[str, Builder] = {b.key: b for b in (
    Builder("quotes", quotes.REQUIRES, quotes.build),
    Builder("background", background.REQUIRES, background.build),
    Builder("outlook", outlook.REQUIRES, outlook.build),
    Builder("situation", situation.REQUIRES, situation.build),
    Builder("figures", figures.REQUIRES, figures.build, claims=False),
    Builder("timeline", timeline.REQUIRES, timeline.build, claims=False),
)}
PRIORITY = ("situation", "quotes", "background", "outlook", "figures", "timeline")
VIEWS = frozenset(k for k, b in BUILDERS.items() if not b.claims)
ACTORS_REQUIRE = ("actors",)  # the "actors" key: the actors table and places

__all__ = ["ACTORS_REQUIRE", "BUILDERS", "PRIORITY", "VIEWS", "Builder", "Context", "SectionSpec"]

"""analyse: one analysis per document, made once and passed to whoever reads it.

An `Analysis` holds what the section builders read about one document: its
spaCy parse, the dates it names, its actors and places, its quotations, which
sentences look ahead, which are background, its figures and its page furniture.
Each part is made by one step that declares what it requires and what it
assigns, as spaCy's components do; `analyse(doc, "background")` runs the steps
that part needs, each once, in order, and nothing else.

    parse       requires -                               (spaCy, one pass)
    furniture   requires -                               (page furniture: never shown)
    dates       requires parse                           (`dating`)
    actors      requires parse                           (`actors`)
    quotes      requires parse, actors                   (`quotes`)
    outlook     requires parse, dates                    (`outlook`)
    background  requires parse, dates, quotes, outlook, actors   (`background`)
    figures     requires parse                           (`figures`)
    pointing    requires parse                           (`pointing`: sentences that point back)

A language without a spaCy model gets no parse; every step that needs one then
assigns its empty value (no actors, no quotes, no background ...).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from ..model import Document
from ..nlp.entities import Parsed, parse
from ..nlp.furniture import is_furniture_sentence
from .actors import NO_ACTORS, Actors, find_actors
from .background import is_background
from .dating import DocumentDates, document_dates
from .figures import Figure, find_figures
from .outlook import outlook_scores
from .pointing import pointing_sentences
from .quotes import Quote, find_quotes


@dataclass(frozen=True)
class Analysis:
    """What is known about one document; a part is filled only when a step made it (see `made`)."""

    doc: Document
    parsed: Parsed | None = None
    furniture: frozenset[int] = frozenset()  # sentence indices of page furniture
    dates: DocumentDates | None = None
    actors: Actors = NO_ACTORS
    quotes: tuple[Quote, ...] = ()
    outlook: tuple[float, ...] = ()  # per sentence: how surely it is about what comes next
    background: tuple[bool, ...] = ()  # per sentence
    figures: tuple[Figure, ...] = ()
    pointing: frozenset[int] = frozenset()  # sentences that point at one before them (`pointing`)
    made: frozenset[str] = field(default=frozenset())

    @property
    def language_model(self) -> bool:
        """Whether the document's language has a spaCy model (else the parse-based parts stay empty)."""
        return self.parsed is not None


@dataclass(frozen=True)
class Step:
    """One part of the analysis: what it reads (`requires`) and the field it fills (`assigns`)."""

    assigns: str
    requires: tuple[str, ...]
    run: Callable[[Analysis], Any]
    needs_parse: bool = True  # without a parse the field gets `empty`
    empty: Callable[[Analysis], Any] = lambda a: None


def _background(a: Analysis) -> tuple[bool, ...]:
    assert a.dates is not None
    return is_background(a.doc, a.parsed, a.dates, a.quotes, a.outlook, a.actors)  # type: ignore[arg-type]


STEPS: dict[str, Step] = {step.assigns: step for step in (
    Step("parsed", (), lambda a: parse(a.doc), needs_parse=False),
    Step("furniture", (), lambda a: frozenset(i for i, s in enumerate(a.doc.sentences)
                                              if is_furniture_sentence(s.text)), needs_parse=False),
    Step("dates", ("parsed",), lambda a: document_dates(a.parsed, a.doc.article)),
    Step("actors", ("parsed",), lambda a: find_actors(a.parsed, a.doc.article)),
    Step("quotes", ("parsed", "actors"), lambda a: find_quotes(a.doc, a.parsed, a.actors)),
    Step("outlook", ("parsed", "dates"), lambda a: outlook_scores(a.parsed, a.dates),
         empty=lambda a: (0.0,) * len(a.doc)),
    Step("background", ("parsed", "dates", "quotes", "outlook", "actors"), _background,
         empty=lambda a: (False,) * len(a.doc)),
    Step("figures", ("parsed",), lambda a: find_figures(a.parsed)),
    Step("pointing", ("parsed",), lambda a: pointing_sentences(a.parsed), empty=lambda a: frozenset()),
)}
ALL = tuple(STEPS)


def _order(needs: Iterable[str]) -> list[str]:
    """The steps to run for `needs`, each after what it requires."""
    order: list[str] = []

    def visit(name: str) -> None:
        if name not in STEPS:
            raise KeyError(f"no analysis step assigns {name!r}; steps: {', '.join(STEPS)}")
        if name in order:
            return
        for required in STEPS[name].requires:
            visit(required)
        order.append(name)

    for name in needs:
        visit(name)
    return order


def extend(analysis: Analysis, *needs: str) -> Analysis:
    """The analysis with `needs` (and what they require) made too; parts already made are kept as they are."""
    for name in _order(needs or ALL):
        if name in analysis.made:
            continue
        step = STEPS[name]
        if step.needs_parse and analysis.parsed is None:  # no model for the language
            value = step.empty(analysis)
            changes = {} if value is None else {name: value}
            analysis = replace(analysis, **changes, made=analysis.made | {name})
            continue
        analysis = replace(analysis, **{name: step.run(analysis)}, made=analysis.made | {name})
    return analysis


def analyse(doc: Document, *needs: str) -> Analysis:
    """The analysis of `doc` with the parts `needs` names (all of them when none is named)."""
    return extend(Analysis(doc), *needs)


__all__ = ["ALL", "STEPS", "Analysis", "Step", "analyse", "extend"]

"""The section extractors as the tests call them: one document in, one part of its analysis out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from briefing.analysis import analyse
from briefing.analysis.background import background_scores as _background_scores
from briefing.analysis.dating import DocumentDates
from briefing.analysis.figures import Figure
from briefing.analysis.quotes import Quote
from briefing.model import Actor, Document, Excerpt
from briefing.sections import BUILDERS, Context


@dataclass(frozen=True)
class Spec:
    key: str
    limit: int
    title: str = ""


def extract_actors(doc: Document) -> tuple[tuple[Actor, ...], tuple[str, ...]]:
    found = analyse(doc, "actors").actors
    return found.actors, found.places


def is_background(doc: Document) -> list[bool]:
    return list(analyse(doc, "background").background)


def background_scores(doc: Document) -> list[float]:
    a = analyse(doc, "background")
    if a.parsed is None or a.dates is None:
        return [0.0] * len(doc)
    return _background_scores(doc, a.parsed, a.dates, a.quotes, a.outlook)


def find_figures(doc: Document) -> list[Figure]:
    return list(analyse(doc, "figures").figures)


def find_quotes(doc: Document) -> tuple[Quote, ...]:
    return analyse(doc, "quotes").quotes


def outlook_scores(doc: Document) -> list[float]:
    return list(analyse(doc, "outlook").outlook)


def document_dates(doc: Document) -> DocumentDates | None:
    return analyse(doc, "dates").dates


def build(key: str, doc: Document, limit: int, claimed: Iterable[int] = ()) -> tuple[Excerpt, ...]:
    builder = BUILDERS[key]
    return builder.build(analyse(doc, *builder.requires), Spec(key, limit), Context(frozenset(claimed)))


def key_figures(doc: Document, limit: int) -> tuple[Excerpt, ...]:
    return build("figures", doc, limit)


def outlook(doc: Document, limit: int, claimed: Iterable[int] = ()) -> tuple[Excerpt, ...]:
    return build("outlook", doc, limit, claimed)


def timeline(doc: Document, limit: int) -> tuple[Excerpt, ...]:
    return build("timeline", doc, limit)


def quotes(doc: Document, limit: int, claimed: Iterable[int] = ()) -> tuple[Excerpt, ...]:
    return build("quotes", doc, limit, claimed)

"""Timeline: the article's dated events in order, each a date and a short verbatim clause.

An entry is a sentence with one of its dates; a sentence with two different dates ("said Thursday ... the attack on
Dec. 27") gives two entries. One entry per date: its first sentence, preferring one where the date is not only when
something was said. When there are more dates than room, the precise ones and those nearest the main event are
kept. Words naming the present period ("this year") make no entry when the publication date is unknown: they would
place nothing; nor does a date inside a quotation (the speaker's "today", not an event's), nor one that only says
when a count held ("as of December 31"). A timeline needs `LEAST_ENTRIES` entries: one date orders nothing. Entries
run in true order: a range at its end ("last week" after the days inside it; `dates.When.key`). The label is the
resolved date, in the brief's one date form ("27 Dec 2019") when the publication date is known or the date is
written in full, else the words of the source. What is shown is the clause that holds the date, cut to at most
`CLAUSE_WORDS` words at constituent boundaries (`sections.cutting`), the whole sentence kept for provenance.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import lexicon
from ..analysis import Analysis
from ..analysis.dating import Dated
from ..model import Excerpt, odd_quotation_marks
from ..nlp import dates
from .context import Context
from .cutting import clause_pieces

if TYPE_CHECKING:
    from ..nlp.entities import Parsed
    from . import SectionSpec

REQUIRES = ("dates", "furniture")
CLAUSE_WORDS = 18  # most words of an entry's clause
LEAST_ENTRIES = 2  # fewer make no timeline
_PRECISION = {dates.DAY: 0, dates.WEEK: 1, dates.MONTH: 2, dates.YEAR: 3, dates.DECADE: 4}


def build(analysis: Analysis, spec: SectionSpec, context: Context) -> tuple[Excerpt, ...]:
    """Up to `spec.limit` dated entries in chronological order, labelled with their dates."""
    found, doc = analysis.dates, analysis.doc
    if found is None:
        return ()
    by_date: dict[tuple, Dated] = {}
    present = lexicon.words("present_periods", doc.article.language)
    parsed = analysis.parsed
    for dated in found.items:
        if not dated.when.exact and dated.when.text.lower() in present:
            continue  # "this year" without the publication date: no date a reader can place
        if dated.sentence in analysis.furniture or (parsed is not None and (_quoted(parsed, dated)
                                                                            or _as_of(parsed, dated))):
            continue
        key = dated.when.key
        kept = by_date.get(key)
        if kept is None or (kept.speech and not dated.speech):
            by_date[key] = dated
    ref_day = found.reference.day

    def priority(d: Dated) -> tuple:
        return (_PRECISION[d.when.precision], abs((ref_day - d.when.end).days), d.sentence)

    chosen = sorted(by_date.values(), key=priority)[: spec.limit]
    if len(chosen) < LEAST_ENTRIES:
        return ()
    chosen.sort(key=lambda d: (d.when.key, d.sentence))
    return tuple(
        Excerpt(text=doc.sentences[d.sentence].text, article_id=doc.article.id, sentence_index=d.sentence,
                label=d.when.label,
                spans=clause_pieces(parsed.sentences[d.sentence], (d.start, d.end), CLAUSE_WORDS) if parsed else ())
        for d in chosen
    )


def _as_of(parsed: Parsed, dated: Dated) -> bool:
    """Whether a date only says when a count held ("As of December 31, 2012, there were 61 women on death row")."""
    doc = parsed.doc
    return dated.start >= 2 and doc[dated.start - 2].lower_ == "as" and doc[dated.start - 1].lower_ == "of"


def _quoted(parsed: Parsed, dated: Dated) -> bool:
    """Whether a date stands inside a quotation (a mark opened before it in its sentence and not closed)."""
    sentence = parsed.sentences[dated.sentence]
    return odd_quotation_marks(sentence.doc[sentence.start:dated.start].text)

"""What to watch: the sentences surest to be about what comes next (the learned decision of
`analysis.outlook.outlook_probabilities` at its threshold), shown in document order.

The writer's own voice ("We'll raise the banner", lexicon `first_person_subjects`, outside a quotation) is
never what comes next in the news."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import lexicon
from ..analysis import Analysis
from ..analysis.outlook import outlook_probabilities, outlook_threshold
from ..model import Excerpt
from .context import Context

if TYPE_CHECKING:
    from . import SectionSpec

REQUIRES = ("parsed", "dates", "outlook", "background")


def build(analysis: Analysis, spec: SectionSpec, context: Context) -> tuple[Excerpt, ...]:
    """Up to `spec.limit` outlook sentences that are neither claimed nor background."""
    doc = analysis.doc
    if analysis.parsed is None or analysis.dates is None:
        return ()
    scores = outlook_probabilities(analysis.parsed, analysis.dates, analysis.outlook)
    taken = context.claimed | {i for i, flag in enumerate(analysis.background) if flag}
    language = doc.article.language
    threshold = outlook_threshold()
    candidates = [i for i, score in enumerate(scores) if i > 0 and score >= threshold and i not in taken
                  and not writer_speaks(doc.sentences[i].text, language)]
    chosen = sorted(sorted(candidates, key=lambda i: (-scores[i], i))[: spec.limit])
    return tuple(
        Excerpt(text=doc.sentences[i].text, article_id=doc.article.id, sentence_index=i, score=scores[i])
        for i in chosen
    )


_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def writer_speaks(text: str, language: str = "english") -> bool:
    """Whether a sentence opens, outside a quotation, with the writer's first person ("And we'll call it a day.")."""
    opening = text.lstrip(" ([")
    if opening[:1] in "\"“‘«'":
        return False
    words = _WORDS.findall(opening.lower().replace("’", "'"))
    first_person = lexicon.words("first_person_subjects", language)
    openers = lexicon.words("openers", language) - first_person  # "And", "But" ... before the subject
    while words and words[0] in openers:
        words = words[1:]
    return bool(words) and words[0] in first_person

"""Situation: the key sentences, ranked by the chosen method, among those no other section took.

News puts the main event first, so the news lede (the first sentence that is not page
furniture, nor a teaser when one of the next two is not: `headline.news_lede`) opens
Situation (in place of the weakest choice), and the people and organisations the
headline names are the main event's: each is mentioned, its best-scored sentence
taking the place of the weakest choice that names none of them. A question or words
to the reader (`headline.is_teaser`) is never chosen, nor one sentence of a quotation
that runs over several (`model.odd_quotation_marks`). Background sentences are left
to Background, except at the article's front (its first third), where news tells its
main event: one Background did not show may serve there. A sentence that leans on
the one before it is taken only with it: the ranking offers a few more than the
count, and the best that a reader can follow are kept (`standing_choice`). A
sentence longer than a bottom line's words carries a short cut of its main clause
(`Excerpt.short`), for the bottom line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..analysis import Analysis
from ..model import Excerpt, odd_quotation_marks
from ..nlp.naming import names_any
from ..rank import Length, rank
from ..rank.standalone import points_back
from .context import Context
from .cutting import headline_pieces, text_headline, words
from .excerpts import excerpts, needs_previous
from .headline import is_teaser, news_lede

if TYPE_CHECKING:
    from spacy.tokens import Span

    from . import SectionSpec

REQUIRES = ("background", "actors", "furniture", "pointing")
FRONT_SHARE = 1 / 3  # the share of an article at its front where a background sentence Background left is allowed
SPARE = 3  # sentences ranked beyond the count, to stand in for those that lean on a sentence left out
_PERSONAL = frozenset({"they", "he", "she"})  # subjects that stand for someone named before them
LEDE_MARGIN = 0.001  # how far the lede's score is set above the best other choice
INTRODUCED_MENTIONS = 3  # mentions of a person Situation introduces when its choices name them only in short


def length_of(context: Context, limit: int) -> Length:
    """Situation's length: a word budget or ratio when given, else the sentence count (the template's limit)."""
    if context.words is not None or context.ratio is not None:
        return Length(sentences=context.sentences, words=context.words, ratio=context.ratio)
    return Length(sentences=context.sentences if context.sentences is not None else limit)


def build(analysis: Analysis, spec: SectionSpec, context: Context) -> tuple[Excerpt, ...]:
    """The ranked choice of sentences for Situation, in document order, with their scores."""
    doc, flags = analysis.doc, analysis.background
    lede = lede_index(analysis)
    front = len(doc) * FRONT_SHARE
    language = doc.article.language
    parsed = analysis.parsed
    allowed = {i for i in range(len(doc)) if i not in context.claimed
               and (i == lede or ((i < front or not flags[i]) and not is_teaser(doc.sentences[i].text, language)
                                  and not odd_quotation_marks(doc.sentences[i].text)
                                  and (parsed is None or _tells(analysis, i))))}
    length = length_of(context, spec.limit)
    counted = length.sentences is not None and length.words is None and length.ratio is None
    ask = Length(sentences=length.sentences + SPARE) if counted and length.sentences else length
    ranking = rank(doc, context.method, ask, allowed=allowed)
    chosen = list(ranking.selected)
    if ask is not length:
        chosen = standing_choice(analysis, chosen, ranking.scores, length.sentences or 0)
    chosen = with_lede(chosen, ranking.scores, allowed, context.lede, lede)
    chosen = cover_headline(analysis, chosen, ranking.scores, allowed, lede)
    chosen = introduce(analysis, chosen, ranking.scores, allowed, lede)
    scores = list(ranking.scores)
    if context.lede and lede in chosen:
        # the lede tells the news (an untitled article's headline is cut from it): a budget keeps it first
        scores[lede] = max(scores[i] for i in chosen) + LEDE_MARGIN
    return tuple(with_short(analysis, e, context.line_words) for e in excerpts(doc, chosen, scores))


def states(sentence: Span) -> bool:
    """Whether a sentence has a verb, so it can state something ("A brand-new car!" and "Whoops." do not), and
    is no bare command to the reader ("Just ask Vince, Whitney, Roseanne, Jimi and Michael.")."""
    return any(t.pos_ in ("VERB", "AUX") for t in sentence) and not _command(sentence)


def _tells(analysis: Analysis, i: int) -> bool:
    """Whether a sentence, by its parse, can tell the reader something where Situation shows it: it states something
    (or is the hook the next sentence turns on), and, as the article's first, is not about a "they" or "he"
    nothing before names (`_nameless`)."""
    assert analysis.parsed is not None
    sentence = analysis.parsed.sentences[i]
    return (states(sentence) or _hook(analysis, i)) and not (i == 0 and _nameless(sentence))


def _nameless(sentence: Span) -> bool:
    """Whether a sentence's main clause is about "they", "he" or "she" with no name before the pronoun in it
    ("They're not gonna take it anymore."; not "When Kyesha Smith Wood heard ..., she ..."); "it" is left alone,
    often standing for nothing ("It shouldn't come as a surprise that ...")."""
    subject = next((c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ not in _PERSONAL:
        return False
    return not any(t.pos_ == "PROPN" or t.ent_type_ for t in sentence if t.i < subject.i)


def _hook(analysis: Analysis, i: int) -> bool:
    """Whether a bare command is the hook the next sentence turns on ("Just kill it already. That was the sentiment
    of many fans ..."): it may be shown, with that sentence, though it states nothing itself."""
    parsed = analysis.parsed
    assert parsed is not None
    doc = analysis.doc
    return i + 1 < len(doc) and _command(parsed.sentences[i]) and (
        i + 1 in analysis.pointing or points_back(doc.sentences[i + 1].text, doc.article.language))


def _command(sentence: Span) -> bool:
    """Whether a sentence's main verb is a bare imperative: its base form, with no subject and no auxiliary, outside
    a quotation."""
    root = sentence.root
    return root.tag_ == "VB" and root.pos_ == "VERB" and sentence[0].text not in ('"', "“", "'", "‘") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass", "csubj") for c in root.children)


def standing_choice(analysis: Analysis, chosen: Sequence[int], scores: Sequence[float], count: int) -> list[int]:
    """The `count` best-scored of the chosen sentences, leaving out one that leans on the sentence before it
    (`excerpts.needs_previous`) unless that sentence is taken too: already, or with it when it is among the chosen,
    both fit and the two score at least as much as the two best sentences that stand alone ("But new research shows
    ..." outranking the sentence it answers)."""
    picked: list[int] = []
    ranked = sorted(chosen, key=lambda i: (-scores[i], i))
    for i in ranked:
        if len(picked) >= count:
            break
        if i in picked:
            continue
        if i - 1 in picked or stands(analysis, i):
            picked.append(i)
        elif i - 1 in chosen and len(picked) + 2 <= count and (i - 2 in picked or stands(analysis, i - 1)):
            rivals = [scores[j] for j in ranked if j not in picked and j not in (i - 1, i)
                      and (j - 1 in picked or stands(analysis, j))][:2]
            if scores[i - 1] + scores[i] >= sum(rivals) or len(rivals) < 2:  # the pair is worth its two places
                picked += [i - 1, i]
    return sorted(picked)


def stands(analysis: Analysis, index: int) -> bool:
    """Whether sentence `index` can be read without the sentence before it."""
    article = analysis.doc.article
    return index not in analysis.pointing and not needs_previous(
        analysis.doc.sentences[index].text, index, article.language, bool(article.title))


def with_short(analysis: Analysis, excerpt: Excerpt, max_words: int) -> Excerpt:
    """The excerpt with a cut of at most `max_words` words for a one-line use, when it is longer."""
    if words(excerpt.text) <= max_words:
        return excerpt
    parsed = analysis.parsed
    pieces = (headline_pieces(parsed.sentences[excerpt.sentence_index], max_words) if parsed
              else text_headline(excerpt.text, max_words))
    return replace(excerpt, short=pieces)


def cover_headline(analysis: Analysis, chosen: list[int], scores: Sequence[float], allowed: set[int],
                   lede: int) -> list[int]:
    """Each person or organisation the headline names is mentioned: an actor named in the headline but in no
    chosen sentence brings in its best-scored sentence, in place of the weakest choice (the lede, `lede_index`,
    stays)."""
    title = analysis.doc.article.title
    if not title or len(chosen) < 2:
        return chosen
    sentences = analysis.doc.sentences
    named = [a for a in analysis.actors.actors if a.named_in(title)]
    chosen = list(chosen)
    for actor in named:
        if any(actor.named_in(sentences[i].text) for i in chosen):
            continue
        candidates = [i for i in allowed if i not in chosen and actor.named_in(sentences[i].text)
                      and (i - 1 in chosen or stands(analysis, i))]
        replaceable = [i for i in chosen if i != lede and not any(a.named_in(sentences[i].text) for a in named)]
        if not candidates or not replaceable:
            continue
        weakest = min(replaceable, key=lambda i: scores[i])
        chosen[chosen.index(weakest)] = max(candidates, key=lambda i: scores[i])
    return sorted(chosen)


def introduce(analysis: Analysis, chosen: list[int], scores: Sequence[float], allowed: set[int],
              lede: int) -> list[int]:
    """Each person of at least `INTRODUCED_MENTIONS` mentions the chosen sentences make a subject only in short
    ("said Mr Purushotma") is introduced: when no chosen sentence, nor the title, names them in full, the sentence
    that first does ("Ravi Purushotma believes that ...") takes the place of the weakest choice that does not name
    them, else of the weakest of several that name them in short (the lede stays)."""
    if len(chosen) < 2 or analysis.parsed is None:
        return chosen
    sentences = analysis.doc.sentences
    title = analysis.doc.article.title or ""
    chosen = list(chosen)
    for actor in analysis.actors.actors:
        first = actor.first_sentence
        if actor.kind != "person" or actor.mentions < INTRODUCED_MENTIONS or first in chosen \
                or first not in allowed or not (first - 1 in chosen or stands(analysis, first)):
            continue
        full = frozenset({actor.name})
        short = [i for i in chosen if _acts_in(analysis, actor.name, i)]
        if not short or names_any(title, full) or any(names_any(sentences[i].text, full) for i in chosen):
            continue
        others = [i for i in chosen if i != lede and i != first + 1]
        replaceable = [i for i in others if i not in short] or (others if len(short) > 1 else [])
        if not replaceable:
            continue
        weakest = min(replaceable, key=lambda i: scores[i])
        chosen[chosen.index(weakest)] = first
    return sorted(chosen)


def _acts_in(analysis: Analysis, name: str, i: int) -> bool:
    """Whether the actor `name` is a subject in sentence `i` by the parse's name tokens ("said Mr Purushotma"; not
    "Massenet's Thais", nor the "Smith" of another person's "Ali Smith")."""
    assert analysis.parsed is not None
    names = analysis.actors.names
    return any(names.get(t.i) == name and t.dep_ in ("nsubj", "nsubjpass") for t in analysis.parsed.sentences[i])


def lede_index(analysis: Analysis) -> int:
    """The lede: the news lede (`headline.news_lede`: the first sentence that is not page furniture, unless it is a
    teaser and one of the next two is not); an untitled article's is the one its headline is cut from."""
    found = news_lede(analysis.doc, naming=not analysis.doc.article.title, parsed=analysis.parsed)
    return 0 if found is None else found


def with_lede(selected: Sequence[int], scores: Sequence[float], allowed: set[int], lede: bool,
              first: int = 0) -> list[int]:
    """The lede (sentence `first`) opens Situation, in place of the weakest choice."""
    if not lede or first not in allowed or first in selected or not selected:
        return list(selected)
    keep = sorted(selected, key=lambda i: -scores[i])[: len(selected) - 1]
    return sorted([first, *keep])

"""Excerpts of a document's sentences, with their provenance."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .. import lexicon
from ..model import Document, Excerpt
from ..rank.standalone import leans_on_context, points_back

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..nlp.entities import Parsed

_DEMONSTRATIVES = ("that", "those", "these")
_SUBORDINATORS = ("because",)  # on the main verb: an answer with no main clause ("Because X, Y" hangs it on X)


def excerpts(doc: Document, indices: Sequence[int], scores: Sequence[float] | None = None) -> tuple[Excerpt, ...]:
    """The sentences at `indices`, in document order, each with its article and index (and rounded score)."""
    return tuple(
        Excerpt(text=doc.sentences[i].text, article_id=doc.article.id, sentence_index=i,
                score=None if scores is None else round(scores[i], 6))
        for i in sorted(indices)
    )


def needs_previous(text: str, index: int, language: str = "english", titled: bool = False,
                   sure: bool = True, learned: bool = True) -> bool:
    """Whether a sentence leans on the one before it: by the exact rule (an opener, a pointing phrase:
    `rank.standalone.points_back`) or, when `learned`, the learned model (`rank.standalone.leans_on_context`;
    `titled`: the article has a title, shown above; `sure`: the model's threshold, else even odds)."""
    return index > 0 and (points_back(text, language)
                          or (learned and leans_on_context(text, index, language, titled, sure)))


def pointing(parsed: Parsed | None) -> frozenset[int]:
    """The sentences (after the first) that point outside them: a demonstrative "that", "those" or "these" before a
    noun no clause of its own defines ("that health care worker", "these plans"; not "that day", a time, nor "those
    people who ..."), or a subordinate clause standing as a sentence ("Because there's a very powerful wing ...")."""
    if parsed is None:
        return frozenset()
    times = lexicon.words("time_nouns")

    def points_out(t: Token) -> bool:
        if t.lower_ not in _DEMONSTRATIVES:
            return False
        noun = t.head if t.dep_ == "det" else None
        if t.lower_ == "that" and t.dep_ == "mark" and t.head.dep_ == "ROOT" and t.i + 1 < len(t.doc):
            # a main clause opened by "that" is a misparse of "that" + noun: "As of Monday, that health care worker"
            noun = next((n for n in t.doc[t.i + 1:t.head.i] if n.pos_ == "NOUN" and n.dep_ != "compound"), None)
        return (noun is not None and noun.pos_ == "NOUN" and noun.lemma_.lower() not in times
                and not any(c.dep_ in ("relcl", "acl") for c in noun.children))

    def fragment(sentence: Span) -> bool:  # "Because there's a very powerful wing ...": an answer, no main clause
        root = sentence.root
        return any(c.dep_ == "mark" and c.i < root.i and c.lower_ in _SUBORDINATORS for c in root.children)

    return frozenset(i for i, sentence in enumerate(parsed.sentences)
                     if i > 0 and (fragment(sentence) or any(map(points_out, sentence))))


def standing(chosen: Sequence[Excerpt], language: str = "english", above: int | None = None,
             titled: bool = False, sure: bool = True, learned: bool = True,
             points: Collection[int] = ()) -> tuple[Excerpt, ...]:
    """The excerpts that a reader can follow where they are: one that leans on the sentence before it
    (`needs_previous`) stays only right after that sentence (`above`: the sentence shown right above the first
    excerpt, as the headline), marked `leans` so that it goes if that sentence goes; a quotation shown with its
    speaker (a label) stays, the label saying who "he" is. `sure`, `learned`: see `needs_previous`; `points`:
    sentences that lean on another too (`pointing`)."""
    kept: list[Excerpt] = []
    for excerpt in chosen:
        previous = kept[-1].sentence_index if kept else above
        follows = previous is not None and previous == excerpt.sentence_index - 1 and (
            not kept or kept[-1].article_id == excerpt.article_id)
        if excerpt.label or (excerpt.sentence_index not in points and not needs_previous(
                excerpt.text, excerpt.sentence_index, language, titled, sure, learned)):
            kept.append(excerpt)
        elif follows:
            kept.append(replace(excerpt, leans=bool(kept)))
    return tuple(kept)

"""Excerpts of a document's sentences, with their provenance."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from ..model import Actor, Document, Excerpt
from ..nlp.naming import names_any
from ..rank.standalone import leans_on_context, points_back


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


def standing(chosen: Sequence[Excerpt], language: str = "english", above: int | None = None,
             titled: bool = False, sure: bool = True, learned: bool = True,
             points: Collection[int] = ()) -> tuple[Excerpt, ...]:
    """The excerpts that a reader can follow where they are: one that leans on the sentence before it
    (`needs_previous`) stays only right after that sentence (`above`: the sentence shown right above the first
    excerpt, as the headline), marked `leans` so that it goes if that sentence goes; a quotation shown with its
    speaker (a label) stays, the label saying who "he" is. `sure`, `learned`: see `needs_previous`; `points`:
    sentences that lean on another too (`Analysis.pointing`)."""
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


def introduced(chosen: Sequence[Excerpt], actors: Sequence[Actor], above: str = "") -> tuple[Excerpt, ...]:
    """The excerpts, each marked with the sentences among them that introduce a person it names only in short
    (`Excerpt.needs`): "State authorities launched their investigation right after Irani levied her accusation"
    goes only with "Federal education minister Smriti Irani was visiting ...". A person named in full in `above`
    (the headline) or in the sentence itself needs no introduction; one introduced in a sentence no excerpt
    shows is left to the actors table."""
    at = {(e.article_id, e.sentence_index) for e in chosen}
    out = []
    for excerpt in chosen:
        needs = set()
        for actor in actors:
            first = actor.first_sentence
            if actor.kind != "person" or first >= excerpt.sentence_index or (excerpt.article_id, first) not in at \
                    or (actor.article_ids and excerpt.article_id not in actor.article_ids):
                continue
            full = frozenset({actor.name})
            if names_any(excerpt.text, full) or (above and names_any(above, full)):
                continue
            if actor.named_in(excerpt.text):
                needs.add(first)
        out.append(replace(excerpt, needs=tuple(sorted(needs))) if needs else excerpt)
    return tuple(out)

"""The native methods choose the sentences sumy chooses (tests/data/parity_docs.jsonl).

Every method but LSA must give sumy's choices exactly, at every length tried,
and (for all but KL and SumBasic, whose ratings are pick ranks) the very same
scores. LSA's strength is a column norm that sumy computes through an SVD over
a hash-ordered dictionary: sentences of equal strength differ only by rounding
noise there, so sumy's order among them changes from run to run
(PYTHONHASHSEED). For LSA we require the same scores to 1e-9 and choices that
differ only between sentences of equal strength.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from briefing.model import Article, Document
from briefing.nlp.sentences import segment
from briefing.rank import native
from briefing.rank.registry import Length, order_by_score, take
from briefing.rank.sumy_methods import sumy_scores

DOCS = Path(__file__).parent / "data" / "parity_docs.jsonl"
LENGTHS = (1, 2, 3, 5, 8)


def _documents() -> list[Document]:
    docs = []
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        docs.append(segment(Article(id=record["id"], text=record["text"], title=record["title"])))
    return docs


DOCUMENTS = _documents()


def _choices(doc: Document, scores, k: int) -> tuple[int, ...]:
    return take(doc, order_by_score([float(s) for s in scores]), Length(sentences=k))


@pytest.mark.parametrize("name", ["lexrank", "textrank", "kl", "sumbasic", "luhn", "reduction"])
def test_same_choices_as_sumy(name: str) -> None:
    scorer = native.SCORERS[f"fast-{name}"][0]
    for doc in DOCUMENTS:
        if name == "lexrank" and len(doc) == 2:
            continue  # sumy's LexRank gives NaN here (see test_lexrank_two_sentences)
        theirs = np.asarray(sumy_scores(name, doc), dtype=float)
        ours = np.asarray(scorer(doc), dtype=float)
        np.testing.assert_array_equal(ours, theirs, err_msg=f"{name} scores differ on {doc.article.id}")
        for k in LENGTHS:
            assert _choices(doc, ours, k) == _choices(doc, theirs, k), (name, doc.article.id, k)


def test_lexrank_two_sentences() -> None:
    """With two sentences sharing no word every IDF is log(2/2) = 0: sumy's graph is empty
    and its power method divides 0 by 0. Both routes read that NaN as 0, so choose the same."""
    for doc in DOCUMENTS:
        if len(doc) == 2:
            theirs = np.asarray(sumy_scores("lexrank", doc), dtype=float)
            ours = native.lexrank_scores(doc)
            np.testing.assert_array_equal(ours, theirs)
            for k in LENGTHS:
                assert _choices(doc, ours, k) == _choices(doc, theirs, k)


def test_lsa_same_strengths_choices_up_to_ties() -> None:
    for doc in DOCUMENTS:
        theirs = np.asarray(sumy_scores("lsa", doc), dtype=float)
        ours = native.lsa_scores(doc)
        np.testing.assert_allclose(ours, theirs, rtol=1e-9, atol=1e-12, err_msg=doc.article.id)
        for k in LENGTHS:
            mine, sumys = _choices(doc, ours, k), _choices(doc, theirs, k)
            assert len(mine) == len(sumys)
            np.testing.assert_allclose(sorted(ours[list(mine)]), sorted(ours[list(sumys)]), rtol=1e-9)


def test_duplicated_sentences_share_a_rating() -> None:
    """sumy keys ratings by sentence text; the fixture has repeated sentences."""
    repeated = [doc for doc in DOCUMENTS if len({s.text for s in doc.sentences}) < len(doc)]
    assert repeated, "the fixture should contain repeated sentences"
    for doc in repeated:
        ours = native.reduction_scores(doc)
        for i, s in enumerate(doc.sentences):
            for j, t in enumerate(doc.sentences):
                if s.text == t.text:
                    assert ours[i] == ours[j]


def test_native_methods_are_registered() -> None:
    from briefing.rank.registry import get_method

    for name in native.SCORERS:
        assert get_method(name).family == "native"


def test_sumbasic_light_path_matches_token_table() -> None:
    """SumBasic maps words itself unless another method already built the token table:
    both routes must give the same ratings."""
    from briefing.rank import vectors

    for doc in DOCUMENTS[:10]:
        vectors.clear_caches(stems=False)
        light = native.sumbasic_scores(doc)
        vectors.clear_caches(stems=False)
        vectors.analyze(doc).content_stems  # noqa: B018  (builds the token table first)
        np.testing.assert_array_equal(native.sumbasic_scores(doc), light)

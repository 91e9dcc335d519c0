"""The default method: deterministic, in document order, within any Length, stand-alone."""

from __future__ import annotations

import numpy as np
import pytest

from briefing.model import Article, Document
from briefing.nlp.sentences import segment
from briefing.rank import default
from briefing.rank.registry import Length, rank, take
from briefing.rank.standalone import count_dangling, leans_back

ARTICLE = """Flood barriers on the river Aln were raised on Tuesday after three days of heavy rain.

The county council said the barriers protected about 2,000 homes in the lower town. Engineers had \
checked every gate overnight. They found one gate jammed by debris.

However, farmers upstream said their fields were already under water. The environment agency issued \
eleven flood warnings across the county. Schools in two villages were closed.

This is the third flood this winter. Forecasters expect the rain to ease by Thursday, but rivers \
will stay high. The council asked residents to avoid the riverside paths."""


def _doc(text: str = ARTICLE, language: str = "english", title: str = "") -> Document:
    return segment(Article(id="t", text=text, title=title, language=language))


def test_deterministic_and_in_document_order() -> None:
    doc = _doc()
    first = rank(doc, "default", Length(sentences=3))
    second = rank(_doc(), "default", Length(sentences=3))
    assert first == second
    assert list(first.selected) == sorted(first.selected) and len(first.selected) == 3
    assert len(first.scores) == len(doc)


@pytest.mark.parametrize("length, check", [
    (Length(sentences=1), lambda sel, doc: len(sel) == 1),
    (Length(sentences=5), lambda sel, doc: len(sel) == 5),
    (Length(sentences=None, words=40),
     lambda sel, doc: sum(len(doc.sentences[i].text.split()) for i in sel) <= 40),
    (Length(sentences=None, ratio=0.25), lambda sel, doc: len(sel) == round(0.25 * len(doc))),
    (Length(sentences=100), lambda sel, doc: len(sel) == len(doc)),
])
def test_respects_length(length: Length, check) -> None:
    doc = _doc()
    selected = rank(doc, "default", length).selected
    assert check(selected, doc)


def test_tiny_and_unusual_documents() -> None:
    assert rank(_doc("One sentence only."), "default").selected == (0,)
    assert rank(_doc("!!! ... ???"), "default").selected == ()
    others = [
        ("Der Rat hat den Haushalt beschlossen. Er gilt ab Mai. Die Opposition ist dagegen.", "german"),
        ("市议会周一批准了预算。预算将资助三所学校。居民欢迎这一计划。", "chinese"),
        ("Kisiwa kina watu wengi. Wavuvi wanafanya kazi usiku. Soko linafunguliwa asubuhi.", "swahili"),
    ]
    for text, language in others:
        ranking = rank(_doc(text, language), "default", Length(sentences=2))
        assert len(ranking.selected) == 2 and np.all(np.isfinite(ranking.scores))


def test_leans_back() -> None:
    assert leans_back("He said the gate was jammed.") == "earlier"
    assert leans_back("\u201cThey will not stop,\u201d she said.") == "earlier"
    assert leans_back("However, farmers disagreed.") == "earlier"
    assert leans_back("This is the third flood.") == "previous"
    assert leans_back("This week the council met.") is None
    assert leans_back("The council met.") is None
    assert leans_back("Er sagte nein.", "german") is None  # no opener list: left as it is


def rank_with(doc: Document, scores: np.ndarray, length: Length, stand_alone: bool = True) -> tuple[int, ...]:
    """What the registry keeps of default's selection for these scores."""
    return take(doc, default.select(doc, scores, length, mmr_lambda=1.0, stand_alone=stand_alone), length)


def _with_scores(doc: Document, favourite: list[int]) -> np.ndarray:
    scores = np.zeros(len(doc))
    for rank_, i in enumerate(favourite):
        scores[i] = 10.0 - rank_
    return scores


def test_stand_alone_pulls_in_the_antecedent() -> None:
    doc = _doc()
    jammed = next(s.index for s in doc.sentences if s.text.startswith("They found"))
    # "They found one gate jammed" scores best and its antecedent next: both are taken.
    scores = _with_scores(doc, [jammed, jammed - 1, 0])
    chosen = rank_with(doc, scores, Length(sentences=3))
    assert jammed in chosen and jammed - 1 in chosen
    assert count_dangling(doc, chosen) == 0


def test_stand_alone_gives_way_when_no_room() -> None:
    doc = _doc()
    however = next(s.index for s in doc.sentences if s.text.startswith("However"))
    scores = _with_scores(doc, [however, 0, 5])
    chosen = rank_with(doc, scores, Length(sentences=1))
    assert chosen == (0,)  # no room for the antecedent: the next best stands in
    without_rule = rank_with(doc, scores, Length(sentences=1), stand_alone=False)
    assert without_rule == (however,)


def test_pronoun_accepts_an_earlier_summary_sentence_demonstrative_does_not() -> None:
    doc = _doc()
    jammed = next(s.index for s in doc.sentences if s.text.startswith("They found"))
    third = next(s.index for s in doc.sentences if s.text.startswith("This is the third"))
    assert count_dangling(doc, [0, jammed]) == 0
    assert count_dangling(doc, [0, jammed], strict=True) == 1
    assert count_dangling(doc, [jammed]) == 1
    assert count_dangling(doc, [0, third]) == 1
    assert count_dangling(doc, [third - 1, third]) == 0


def test_model_weights_ship_as_json() -> None:
    model = default.model()
    assert model.weights.shape == (len(default.FEATURES),)
    assert 0.0 <= model.mmr_lambda <= 1.0


def test_allowed_limits_the_choice_and_the_list_can_fill_up() -> None:
    doc = _doc()
    scores = default.default_scores(doc)
    allowed = {5, 6, 7, 8, 9}
    order = default.select(doc, scores, Length(sentences=3), allowed=allowed)
    assert set(order) <= allowed and len(set(order[:3])) == 3
    full = default.select(doc, scores, Length(sentences=2))
    assert len(full) > 2  # chosen first, then the other stand-alone sentences

"""Annotations made on an older sentence split carried over to today's (benchmarks/realign.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from realign import realigned, realigned_needs

from briefing.model import Article
from briefing.nlp.sentences import segment

TEXT = ("He was taken into custody, Deputy U.S. Marshal Jamie Berry said. He had fled. "
        "\"It was time,\" Berry said. The trial starts Monday.")


def test_an_annotation_follows_sentences_joined_since() -> None:
    doc = segment(Article(id="x", text=TEXT))
    assert len(doc) == 4
    starts = [s.start for s in doc.sentences]  # today: "... Deputy U.S. Marshal Jamie Berry said." is one
    cut = TEXT.index("Marshal")
    old = sorted([*starts, cut])  # as annotated: cut after "U.S."
    gold = {"sentences": 5, "starts": old, "background": [2], "outlook": [4], "quotes": [{"sentence": 3}],
            "figures": [{"sentence": 0}]}
    carried = realigned(gold, doc)
    assert carried is not None and carried["sentences"] == 4
    assert carried["background"] == [1] and carried["outlook"] == [3] and carried["quotes"] == [{"sentence": 2}]
    assert realigned_needs({2: (1, "pronoun"), 1: (0, "inside")}, old, doc) == {1: (0, "pronoun")}


def test_a_split_cut_anew_is_left_out() -> None:
    doc = segment(Article(id="x", text=TEXT))
    assert realigned({"sentences": 3, "starts": [0, 5, 60]}, doc) is None


def test_a_list_mark_left_out_since_moves_no_annotation() -> None:
    """Today's split starts "-- In 2010, ..." after its list mark; the annotators' start, before it, is the same
    sentence."""
    text = "The motive was clear. -- In 2010, he was given a suspended sentence. He had fled."
    doc = segment(Article(id="d", text=text))
    old = [0, text.index("--"), text.index("He had")]
    assert [s.start for s in doc.sentences] != old
    assert realigned_needs({2: (1, "pronoun")}, old, doc) == {2: (1, "pronoun")}

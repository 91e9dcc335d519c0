"""The shared learner: a logistic model over named features, fitted deterministically, round-tripped as JSON."""

from __future__ import annotations

import pytest

from briefing.learn import LinearModel, train


def test_fit_separates_and_round_trips() -> None:
    rows = [{"a": float(i), "b": float(i % 3)} for i in range(40)]
    labels = [int(i >= 20) for i in range(40)]
    model = train("toy", rows, labels, l2=0.1)
    assert model.features == ("a", "b")
    assert [model.decide(r) for r in rows] == [bool(y) for y in labels]
    again = LinearModel.from_json(model.to_json())
    assert again == model
    assert again.probability({"a": 39.0}) > 0.9 > 0.1 > again.probability({"a": 0.0})
    assert train("toy", rows, labels, l2=0.1) == model  # deterministic


def test_a_missing_feature_counts_as_zero_and_a_wrong_file_is_refused() -> None:
    model = train("toy", [{"a": 0.0}, {"a": 1.0}], [0, 1])
    assert model.vector({}) .tolist() == [0.0]
    with pytest.raises(KeyError):
        LinearModel.from_json('{"name": "x"}')

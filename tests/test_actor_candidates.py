"""Candidate names and the learned actor decision: the exact repairs of spaCy's spans, the cues a name's features
hold, and the shipped models (briefing/models/actors_*.json, written by scripts/train_actors.py)."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from briefing.analysis.actors.features import FEATURES, name_features
from briefing.analysis.actors.learned import KINDS, decide, probabilities, shipped
from briefing.analysis.actors.mentions import CUES, find_candidates, publisher
from briefing.analysis.actors.names import name_key
from briefing.analysis.actors.spans import entity_spans
from briefing.model import Article
from briefing.nlp.entities import load_nlp, parse
from briefing.nlp.sentences import segment

pytestmark = pytest.mark.skipif(load_nlp("english") is None, reason="no English spaCy model installed")


def _parsed(raw: str):
    title, _, body = raw.partition("\n\n")
    doc = segment(Article(id="test", text=body, title=title))
    return doc, parse(doc)


def spans(raw: str) -> dict[str, str]:
    """Candidate span text -> its label."""
    return {s.text: s.label_ for s in entity_spans(_parsed(raw)[1].doc)}


def features_of(raw: str) -> dict[str, dict[str, float]]:
    doc, parsed = _parsed(raw)
    candidates, aliases, seen = find_candidates(parsed, publisher(doc.article.text))
    return name_features(candidates, seen, doc.article.title, aliases)


def test_bodies_named_by_a_place_or_a_nationality_are_one_candidate() -> None:
    found = spans("Ransom\n\nThe Saudi government denied it, and Iran's government agreed. China's foreign ministry "
                  "called Lee a great man. Two Yemeni government officials said so.")
    assert {"Saudi government", "Iran's government", "China's foreign ministry"} <= set(found)
    assert "Yemeni government" not in found  # the officials are the noun phrase's head


def test_untagged_capitalised_names_are_candidates() -> None:
    found = spans("Series\n\nThe drama was renewed, according to Deadline. Villarreal, coached by Marcelino, won.")
    assert found.get("Deadline") == "UNTAGGED" and found.get("Villarreal") == "UNTAGGED"


def test_a_defined_acronym_in_brackets_is_no_second_candidate() -> None:
    _, parsed = _parsed("Audit\n\nThe National Audit Office (NAO) found errors. The NAO said so.")
    candidates, aliases, _ = find_candidates(parsed)
    assert [m.text for m in candidates].count("NAO") == 1 and aliases == {"nao": "national audit office"}


def test_edges_of_names() -> None:
    found = spans("TV\n\nOn Saturday the State Department said it had seen the show on Channel 4. Mr Doherty said he "
                  "watched Sky One.")
    assert "State Department" in found and "Saturday the State Department" not in found
    assert "Channel 4" in found and "Sky One" in found
    assert "Doherty" in found and "Mr Doherty" not in found


def test_cues_and_name_features_are_the_models_features() -> None:
    names = [name for name, _ in CUES]
    assert len(set(names)) == len(names)
    assert len(set(FEATURES)) == len(FEATURES)
    for model in shipped().values():
        assert model.features == FEATURES and 0 < model.threshold < 1
        assert "train_actors.py" in model.about
    for kind in KINDS:
        data = json.loads(resources.files("briefing").joinpath("models", f"actors_{kind}.json").read_text())
        assert data["name"] == f"actors_{kind}" and len(data["weights"]) == len(FEATURES)


def test_a_names_features_hold_its_cues() -> None:
    features = features_of("Vote\n\nPresident Muhammadu Buhari said the vote was fair, and Buhari's party agreed. "
                           "Troops were sent to the town of Digne in Lomara. A Taser was used.")
    buhari = features[name_key("Buhari")]
    assert buhari["name: the surname of a person named in full"] == 1.0 or \
        buhari["name: the last word of a name shaped like a person's"] == 1.0
    assert buhari['any: possessive ("X\'s")'] == 1.0
    digne = features[name_key("Digne")]
    assert digne["any: a place's context (\"the town of X\", \"X, Niger\")"] == 1.0
    full = features[name_key("Muhammadu Buhari")]
    assert full['any: a title before it ("President X")'] == 1.0
    assert full["name: in the lead sentence"] == 1.0 and full["name: mentions (log)"] > 0


def test_the_decision_is_a_kind_or_none() -> None:
    features = features_of("Vote\n\nPresident Muhammadu Buhari said the vote in Nigeria was fair, the Independent "
                           "National Electoral Commission said.")
    for values in features.values():
        p = probabilities(values)
        assert set(p) == set(KINDS) and all(0 <= v <= 1 for v in p.values())
        assert decide(values) in (*KINDS, None)
    assert decide(features[name_key("Muhammadu Buhari")]) == "person"
    assert decide(features[name_key("Nigeria")]) == "place"

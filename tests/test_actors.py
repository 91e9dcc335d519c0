"""Actors and places: the example article's acceptance criteria and small synthetic articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.model import Actor, Article, Document
from briefing.nlp.entities import load_nlp, parse
from briefing.nlp.sentences import segment
from briefing.sections.actors import extract_actors

EXAMPLE = Path(__file__).parents[1] / "examples" / "baghdad-airport-strike.txt"

pytestmark = pytest.mark.skipif(load_nlp("english") is None, reason="no English spaCy model installed")


def document(raw: str, language: str = "english") -> Document:
    """An article given as headline, blank line, body."""
    title, _, body = raw.partition("\n\n")
    return segment(Article(id="test", title=title.strip(), text=body, language=language))


def by_name(actors: tuple[Actor, ...]) -> dict[str, Actor]:
    return {actor.name: actor for actor in actors}


@pytest.fixture(scope="module")
def example() -> tuple[Document, tuple[Actor, ...], tuple[str, ...]]:
    doc = document(EXAMPLE.read_text(encoding="utf-8"))
    actors, places = extract_actors(doc)
    return doc, actors, places


def test_example_people_with_roles(example):
    _, actors, _ = example
    people = {name: actor for name, actor in by_name(actors).items() if actor.kind == "person"}
    assert "head of Iran’s elite Quds Force" in people["Qassim Soleimani"].role
    assert "deputy commander" in people["Abu Mahdi al-Muhandis"].role
    assert "airport protocol officer" in people["Mohammed Reda"].role
    assert people["Donald Trump"].role == "President"
    assert people["Mark Esper"].role == "Defense Secretary"


def test_example_organizations(example):
    _, actors, _ = example
    organizations = {a.name for a in actors if a.kind == "organization"}
    expected = {"Popular Mobilization Forces", "Quds Force", "Kataeb Hezbollah", "Security Media Cell"}
    assert expected <= organizations
    cell = by_name(actors)["Security Media Cell"]
    assert cell.role == "which releases information regarding Iraqi security"
    assert by_name(actors)["Popular Mobilization Forces"].mentions == 2


def test_example_no_false_actors(example):
    _, actors, places = example
    names = {a.name for a in actors}
    weekdays = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
    assert not names & ({"Katyusha", "Defense", "Soleimani", "Iran", "Iraq"} | weekdays)
    assert "Katyusha" not in places
    assert not [a for a in actors if a.name != "Qassim Soleimani" and "Soleimani" in a.name]


def test_example_places(example):
    _, _, places = example
    assert {"Baghdad", "Iraq", "Iran"} <= set(places)
    assert len(places) == len(set(places))
    assert not [p for p in places if p.lower().startswith("the ")]


def test_example_roles_are_verbatim_and_provenance_kept(example):
    doc, actors, _ = example
    text = " ".join(s.text for s in doc.sentences)
    for actor in actors:
        assert actor.name in text
        assert actor.role is None or actor.role in text
        assert actor.name in doc.sentences[actor.first_sentence].text or any(
            v in doc.sentences[actor.first_sentence].text for v in actor.variants
        )
        assert actor.article_ids == ("test",)


def test_example_salience_order(example):
    _, actors, _ = example
    names = [a.name for a in actors]
    assert names.index("Qassim Soleimani") < names.index("Mark Esper")  # in the headline, mentioned early


SYNTHETIC = """Mayor resigns after audit

Jane Whitfield, the mayor of Springfield, resigned on Monday after an audit of the city budget. \
Whitfield said she had acted in good faith. The National Audit Office (NAO) found errors in three contracts. \
The NAO, which reviews public spending, said the report would be published on Friday. \
Treasury Secretary Robert Klein declined to comment.
"""


def test_surname_and_acronym_merge_with_roles():
    actors, places = extract_actors(document(SYNTHETIC))
    found = by_name(actors)
    mayor = found["Jane Whitfield"]
    assert (mayor.kind, mayor.mentions, mayor.variants) == ("person", 2, ("Whitfield",))
    assert mayor.role == "the mayor of Springfield"
    assert mayor.first_sentence == 0
    office = found["National Audit Office"]
    assert (office.kind, office.mentions, office.variants) == ("organization", 2, ("NAO",))
    assert office.role == "which reviews public spending"
    assert found["Robert Klein"].role == "Treasury Secretary"
    assert not {"Whitfield", "NAO", "Monday", "Friday", "Treasury"} & set(found)
    assert places == ("Springfield",)
    assert actors[0].name == "Jane Whitfield"  # most mentions, in the lead


def test_language_without_model_gives_nothing():
    doc = document("Rücktritt\n\nJane Whitfield trat am Montag in Springfield zurück.", "german")
    assert load_nlp("german") is None and parse(doc) is None
    assert extract_actors(doc) == ((), ())


def test_parse_keeps_sentence_boundaries():
    doc = document(SYNTHETIC)
    parsed = parse(doc)
    assert parsed is not None and parse(doc) is parsed  # one parse per document
    assert [span.text for span in parsed.sentences] == [s.text for s in doc.sentences]
    nao = next(e for e in parsed.doc.ents if e.text == "NAO")
    assert parsed.sentence_of(nao.start_char) == 3


def test_a_dateline_fragment_does_not_break_actor_analysis() -> None:
    """Regression (found by hypothesis): an apposition whose head has no words of its own."""
    from briefing.model import Article
    from briefing.nlp.sentences import segment
    from briefing.sections.actors import analyse

    analyse(segment(Article(id="x", text="The * (CNN) The.")))  # must not raise

"""Key figures: numbers that matter, as the source says them, with what they count."""

from __future__ import annotations

from pathlib import Path

import pytest
from analysed import find_figures, key_figures

from briefing.model import Article, Document
from briefing.nlp.entities import load_nlp
from briefing.nlp.sentences import segment

EXAMPLE = Path(__file__).parents[1] / "examples" / "baghdad-airport-strike.txt"

pytestmark = pytest.mark.skipif(load_nlp("english") is None, reason="no English spaCy model installed")


def document(raw: str, language: str = "english") -> Document:
    title, _, body = raw.partition("\n\n")
    return segment(Article(id="test", title=title.strip(), text=body, language=language))


@pytest.fixture(scope="module")
def example() -> Document:
    return document(EXAMPLE.read_text(encoding="utf-8"))


def test_example_has_the_dead_the_soldiers_and_the_fighters(example: Document) -> None:
    figures = key_figures(example, 5)
    labels = [f.label for f in figures]
    for phrase in ("At least eight people were killed", "about 750 U.S. soldiers", "25 fighters"):
        assert phrase in labels, labels
    assert [f.sentence_index for f in figures] == sorted(f.sentence_index for f in figures)  # document order
    for figure in figures:
        assert figure.label in figure.text  # verbatim, inside its sentence
        assert example.sentences[figure.sentence_index].text == figure.text


def test_example_small_counts_rank_below_the_tolls(example: Document) -> None:
    labels = [f.label for f in key_figures(example, 3)]
    assert labels == ["At least eight people were killed", "about 750 U.S. soldiers", "25 fighters"]


SYNTHETIC = """Storm hits coast

More than 1,200 homes were destroyed when the storm hit on Monday. \
Governor Ann Lee, 54, said the state would spend $45 million on repairs. \
About 30% of the county lost power. \
Residents can call 555-123-4567 for help. \
The 2018 storm was smaller, and a two-day curfew began. \
One of the shelters closed.
"""


def test_what_counts_and_what_does_not() -> None:
    labels = [f.phrase for f in find_figures(document(SYNTHETIC))]
    assert "More than 1,200 homes were destroyed" in labels
    assert any("$45 million" in label for label in labels)
    assert any(label.startswith("About 30% of the county") for label in labels)
    for skipped in ("54", "555", "2018", "two", "One"):
        assert not any(label == skipped or label.startswith(skipped) for label in labels), skipped


def test_a_number_that_belongs_to_a_name_is_not_a_figure() -> None:
    text = ("Rocket flies\n\nThe next Ariane 6 flight is planned for March. "
            "Arianespace plans six Ariane 6 launches next year. Apollo 11 astronauts landed in 1969. "
            "Police said 12 people were arrested in May.")
    labels = [f.phrase for f in find_figures(document(text))]
    assert "six Ariane 6 launches" in labels  # the count before the name still is one
    assert "12 people were arrested" in labels
    assert not any(label.startswith(("6", "11")) for label in labels), labels


def test_a_number_written_with_a_slash_names_a_day_not_a_count() -> None:
    text = ("Tapes\n\nGadahn appeared in videos commemorating the 9/11 attacks. The channel ran 24/7 coverage. "
            "About 1/3 of the voters stayed home.")
    labels = [f.phrase for f in find_figures(document(text))]
    assert not any(label.startswith(("9/11", "24/7")) for label in labels), labels
    assert any(label.startswith("About 1/3 of the voters") for label in labels), labels


def test_language_without_model_has_no_figures() -> None:
    doc = document("Sturm\n\nMehr als 1.200 Häuser wurden zerstört.", language="german")
    assert key_figures(doc, 5) == ()


def test_the_learned_decision_shows_the_storms_figures() -> None:
    from briefing.analysis.figures import key_probability, key_threshold

    figures = find_figures(document(SYNTHETIC))
    shown = {f.phrase for f in figures if key_probability(f) >= key_threshold()}
    assert "More than 1,200 homes were destroyed" in shown, shown
    assert any("$45 million" in phrase for phrase in shown), shown
    labels = [e.label for e in key_figures(document(SYNTHETIC), 2)]
    assert labels[0] == "More than 1,200 homes were destroyed", labels  # the toll before the rest


def test_half_time_is_no_figure() -> None:
    text = ("Hearts of Oak 3-2 Cotonsport\n\nLouis Agyemang scored the first two goals for Hearts either side of half "
            "time. Half of the 800 workers went on strike.")
    labels = [f.phrase for f in find_figures(document(text))]
    assert not any(label.lower().startswith("half time") or label.lower() == "half" for label in labels), labels


def test_a_figure_goes_through_its_verb_only_when_the_clause_ends_there() -> None:
    """A passive or a toll's verb completes the phrase ("were killed", "died"); an active verb that needs what
    follows it does not ("140 members of the church live (in the United States)")."""
    doc = document("Church\n\nAbout 140 members of the church live in the United States. At least 12 people died "
                   "in the fire on Monday. Some 30 workers were evacuated from the plant.")
    phrases = {f.phrase for f in find_figures(doc)}
    assert "About 140 members of the church" in phrases
    assert "At least 12 people died" in phrases
    assert "Some 30 workers were evacuated" in phrases


def test_a_figure_entry_closes_a_bracket_and_drops_a_trailing_attribution() -> None:
    """"shares worth 1bn Swiss francs ($861m; £451m" gets its ")"; a bracket that cannot be closed so is no
    entry; "Over 60% of mobiles … the report said" loses its attribution, a fragment after the cut."""
    from briefing.nlp.entities import parse
    from briefing.nlp.sentences import segment
    from briefing.sections.figures import _closed, _without_trailing_attribution

    text = "Nestle plans to buy back shares worth 1bn Swiss francs ($861m; £451m) this year."
    end = text.index(")")
    assert _closed(text, ((0, end),)) == ((0, end + 1),)
    assert _closed(text, ((0, 20),)) == ((0, 20),)
    said = "Over 60% of mobiles will have cameras by 2008, the report said."
    doc = segment(Article(id="m", text=said))
    sentence = parse(doc).sentences[0]
    cut = ((0, said.index(" will")), (said.index("the report"), said.index(" said") + 5))
    assert _without_trailing_attribution(sentence, cut, (1, 3)) == cut[:1]
    kept = ((0, said.index(" will")), (said.index("by 2008"), said.index(",")))
    assert _without_trailing_attribution(sentence, kept, (1, 3)) == kept


def test_a_figure_entry_stops_before_a_phrase_that_points_back() -> None:
    """"… 400,000 Sri Lankans have lost their jobs, mostly in these three industries": which industries the entry
    never says, so it ends before them; a conjunction left at the cut goes too ("above $10 but …")."""
    from briefing.model import pieces_text
    from briefing.nlp.entities import parse
    from briefing.sections.figures import _before_pointing

    text = "The ILO estimated that 400,000 Sri Lankans have lost their jobs, mostly in these three industries."
    sentence = parse(segment(Article(id="i", text=text))).sentences[0]
    after = next(t.i for t in sentence if t.text == "Lankans") + 1
    assert pieces_text(text, _before_pointing(sentence, ((0, len(text) - 1),), after)) == (
        "The ILO estimated that 400,000 Sri Lankans have lost their jobs …")
    text = "Solidere should be above $10 but because of this disaster it is falling."
    sentence = parse(segment(Article(id="s", text=text))).sentences[0]
    after = next(t.i for t in sentence if t.text == "10") + 1
    cut = _before_pointing(sentence, ((0, len(text) - 1),), after)
    assert pieces_text(text, cut) == "Solidere should be above $10 …"
    plain = "Sales rose 8% this week in the stores."  # a time is no pointing phrase
    sentence = parse(segment(Article(id="p", text=plain))).sentences[0]
    assert _before_pointing(sentence, ((0, len(plain) - 1),), 3) == ((0, len(plain) - 1),)


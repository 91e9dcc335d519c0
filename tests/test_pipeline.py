"""The example article end to end: what each section must show."""

from __future__ import annotations

from pathlib import Path

import pytest

import briefing
from briefing.model import Briefing
from briefing.sections import VIEWS


def _section_texts(b: Briefing, key: str) -> list[str]:
    section = b.stories[0].section(key)
    assert section is not None, f"no {key} section"
    return [e.text for e in section.excerpts]


def test_situation_has_the_strike_and_the_deaths(example_briefing: Briefing) -> None:
    situation = " ".join(_section_texts(example_briefing, "situation"))
    assert "missile was fired at the Baghdad International Airport" in situation
    assert "Soleimani" in situation
    assert "al-Muhandis" in situation


def test_background_has_what_led_up_to_it(example_briefing: Briefing) -> None:
    # The section claims only what the story's word budget can show (the rest of what led up to it is found by the
    # analysis: tests/test_background.py), so it opens with the first of it.
    background = " ".join(_section_texts(example_briefing, "background"))
    assert "New Year’s Eve attack" in background


def test_actors_with_roles(example_briefing: Briefing) -> None:
    actors = {a.name: a for a in example_briefing.stories[0].actors}
    people = {
        "Qassim Soleimani": "head of Iran’s elite Quds Force",
        "Abu Mahdi al-Muhandis": "deputy commander",
        "Mohammed Reda": "airport protocol officer",
        "Donald Trump": "President",
        "Mark Esper": "Defense Secretary",
    }
    for name, role in people.items():
        assert name in actors, f"{name} missing from {sorted(actors)}"
        assert actors[name].kind == "person"
        assert role in (actors[name].role or ""), f"{name}: {actors[name].role!r}"
    for org in ("Popular Mobilization Forces", "Quds Force", "Kataeb Hezbollah", "Security Media Cell"):
        assert org in actors, f"{org} missing from {sorted(actors)}"
        assert actors[org].kind == "organization"
    for wrong in ("Katyusha", "Defense", "Friday", "Soleimani", "Baghdad", "Iraq"):
        assert wrong not in actors
    ranked = [a.name for a in example_briefing.stories[0].actors]
    assert ranked.index("Qassim Soleimani") < ranked.index("Mark Esper")  # the headline's man ranks high


def test_a_sentence_sits_in_one_section_only(example_briefing: Briefing) -> None:
    seen: list[int] = []
    for section in example_briefing.stories[0].sections:
        if section.key not in VIEWS:  # Key figures and Timeline are views over numbers and dates: they may repeat
            seen += [e.sentence_index for e in section.excerpts]
    assert len(seen) == len(set(seen))


def test_quotes_figures_timeline_and_outlook(example_briefing: Briefing) -> None:
    story = example_briefing.stories[0]
    quotes = story.section("quotes").excerpts
    assert [(q.label, q.text.startswith("“The game has changed,”")) for q in quotes] == [("Mark Esper", True)]
    figures = [f.label for f in story.section("figures").excerpts]
    for phrase in ("At least eight people were killed", "about 750 U.S. soldiers", "25 fighters"):
        assert phrase in figures
    timeline = [e.label for e in story.section("timeline").excerpts]
    order = ["Dec. 27", "Sunday", "Wednesday", "Thursday", "Friday"]
    assert [label for label in timeline if label in order] == order
    outlook = " ".join(_section_texts(example_briefing, "outlook"))
    assert "further retaliatory attacks" in outlook


def test_every_sentence_is_verbatim_with_provenance(example_briefing: Briefing, example_path: Path) -> None:
    source = " ".join(example_path.read_text(encoding="utf-8").split())
    story = example_briefing.stories[0]
    doc = briefing.api.documents([example_path])[0]
    for section in story.sections:
        for excerpt in section.excerpts:
            assert excerpt.text in source
            assert excerpt.article_id == "baghdad-airport-strike"
            assert doc.sentences[excerpt.sentence_index].text == excerpt.text
    assert story.sources[0].source == str(example_path)


def test_brief_from_text_and_from_several_sources(example_path: Path) -> None:
    text = example_path.read_text(encoding="utf-8")
    from_text = briefing.brief(text)
    assert from_text.title.startswith("7, including Iran's Gen. Soleimani")
    two = briefing.brief([example_path, "The council met on Monday. It approved the budget."])
    assert len(two.stories) == 2
    # An untitled article's headline is its lede; "It approved ..." follows it, so it stands.
    assert two.stories[1].headline == "The council met on Monday"
    assert two.stories[1].section("situation").excerpts[0].text == "It approved the budget."


FOREIGN = {
    "german": ("Die Regierung hat am Montag in Berlin einen neuen Plan für die Schulen vorgestellt. "
               "Der Plan sieht mehr Geld für die Schulen und mehr Lehrer vor. "
               "Die Opposition kritisierte den Plan scharf und sprach von leeren Versprechen. "
               "Am Dienstag soll das Parlament über den Plan abstimmen."),
    "french": ("Le gouvernement a présenté lundi à Paris un nouveau plan pour les écoles. "
               "Le plan prévoit plus d'argent pour les écoles et davantage d'enseignants. "
               "L'opposition a vivement critiqué le plan et parlé de promesses vides. "
               "Le parlement doit voter sur le plan mardi."),
    "spanish": ("El gobierno presentó el lunes en Madrid un nuevo plan para las escuelas. "
                "El plan prevé más dinero para las escuelas y más maestros. "
                "La oposición criticó duramente el plan y habló de promesas vacías. "
                "El parlamento votará el plan el martes."),
}


@pytest.mark.parametrize("language", sorted(FOREIGN))
def test_situation_in_other_languages(language: str) -> None:
    text = FOREIGN[language]
    b = briefing.brief(text, language=language, sentences=2)
    situation = b.stories[0].section("situation").excerpts
    assert len(situation) == 2
    assert all(e.text in text for e in situation)
    assert b.notices == (f"no entity model for {language}: Actors, Background, Quotes, Key figures, Timeline and "
                          "What to watch are left empty",)
    assert b.stories[0].actors == ()


def test_foreign_language_brief_renders_with_a_notice(tmp_path: Path) -> None:
    german = ("Die Regierung hat am Montag in Berlin einen neuen Plan vorgestellt. "
              "Der Plan sieht mehr Geld für Schulen vor. Die Opposition kritisierte den Plan scharf. "
              "Am Dienstag soll das Parlament abstimmen.")
    b = briefing.brief(german, language="german")
    assert b.stories[0].section("situation").excerpts
    assert b.stories[0].actors == ()
    assert b.notices == ("no entity model for german: Actors, Background, Quotes, Key figures, Timeline and "
                          "What to watch are left empty",)
    out = briefing.write(b, tmp_path / "de.md")
    assert "## Situation" in out.read_text(encoding="utf-8")

"""Quotes: direct quotations with their speakers, resolved through the actors, never guessed."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.model import Article, Document
from briefing.nlp.entities import load_nlp
from briefing.nlp.sentences import segment
from briefing.sections.quotes import find_quotes, quotes

EXAMPLE = Path(__file__).parents[1] / "examples" / "baghdad-airport-strike.txt"

pytestmark = pytest.mark.skipif(load_nlp("english") is None, reason="no English spaCy model installed")


def document(raw: str, language: str = "english") -> Document:
    title, _, body = raw.partition("\n\n")
    return segment(Article(id="test", title=title.strip(), text=body, language=language))


def speakers(raw: str) -> dict[int, str | None]:
    return {q.sentence: q.speaker for q in find_quotes(document(raw))}


def test_example_game_has_changed_is_mark_esper() -> None:
    doc = document(EXAMPLE.read_text(encoding="utf-8"))
    found = quotes(doc, 3)
    assert [(e.label, e.text.startswith("“The game has changed,”")) for e in found] == [("Mark Esper", True)]
    assert doc.sentences[found[0].sentence_index].text == found[0].text
    assert "'airstrike'" not in " ".join(e.text for e in found)  # a scare quote is not a quotation


def test_he_said_resolves_to_the_named_speaker_and_continuations_follow() -> None:
    raw = """Mayor speaks

Mayor Jane Whitfield defended the budget on Monday. \
"We made hard choices," she said. \
"Nobody likes cuts. \
But we had no other way." \
Police Chief Tom Reyes, who opposed the plan, said it was a mistake. \
"It leaves the city exposed," he told reporters.
"""
    assert speakers(raw) == {1: "Jane Whitfield", 2: "Jane Whitfield", 3: "Jane Whitfield", 5: "Tom Reyes"}


def test_partial_quote_stays_in_its_sentence_and_inverted_attribution() -> None:
    raw = """Report

The report found that the agency "failed to protect the public," according to Senator Maria Lopez. \
"This cannot happen again," said Lopez, who chairs the committee.
"""
    found = find_quotes(document(raw))
    assert [(q.sentence, q.speaker) for q in found] == [(0, "Maria Lopez"), (1, "Maria Lopez")]


def test_unsure_gives_no_speaker() -> None:
    raw = """Online abuse

The blogger was attacked after a post about religion. \
"See you in hell," one person commented. \
"You deserve it," wrote another. \
Police said two men were arrested.
"""
    assert speakers(raw) == {1: None, 2: None}


def test_titles_and_scare_quotes_are_not_quotations() -> None:
    raw = """Film

The film "American Sniper" was a hit. \
Critics called it a "triumph" of the genre. \
The show, titled "The Most Interesting Show in the World," airs on Friday.
"""
    assert speakers(raw) == {}


def test_description_fits_one_actor() -> None:
    raw = """Transplant chain

California Pacific Medical Center began the surgeries on Monday. \
"The chain includes three parent and child pairs," the medical center said in a statement. \
"It went well," a hospital spokesman said.
"""
    assert speakers(raw) == {1: "California Pacific Medical Center", 2: "a hospital spokesman"}


def test_quotes_section_skips_the_lead_and_claimed_sentences() -> None:
    raw = """Mayor speaks

"We made hard choices," Mayor Jane Whitfield said on Monday. \
"Nobody likes cuts," she added. \
"It is a mistake," said Tom Reyes.
"""
    doc = document(raw)
    assert [e.sentence_index for e in quotes(doc, 3)] == [1, 2]
    assert [e.sentence_index for e in quotes(doc, 3, claimed={1})] == [2]


def test_language_without_model_has_no_quotes() -> None:
    assert find_quotes(document('Rede\n\n"Wir schaffen das", sagte sie.', language="german")) == ()


def test_a_dialogue_tag_with_any_verb_after_a_comma_attributes_the_quotation() -> None:
    raw = """Letter

Finance chief Daniel Ferreira is leaving the company. \
"After seven years here," he began, "I will retire to spend time with my family."
"""
    assert speakers(raw) == {1: "Daniel Ferreira"}


def test_the_speech_verb_with_a_speaker_wins_over_a_nearer_one_without() -> None:
    raw = """Launch

Apple chief Tim Cook spoke on Monday. \
Cook said the watch, in addition to telling the time, was a "comprehensive health and fitness companion."
"""
    assert speakers(raw) == {1: "Tim Cook"}


def test_an_age_description_and_an_epithet_stand_for_the_person_in_focus() -> None:
    raw = """Singer

Singer Zoe Hart spoke for the first time since leaving the band. \
"I did try to do something I was not happy doing," the 22-year-old said. \
The Yale graduate says she wants "a quieter life away from the cameras and the noise."
"""
    assert speakers(raw) == {1: "Zoe Hart", 2: "Zoe Hart"}


def test_a_name_inside_a_description_is_not_the_speaker() -> None:
    raw = """Study

Researchers at Stanford University published a study on sleep. \
"Most teenagers sleep far too little on school nights," a Stanford researcher said.
"""
    label = speakers(raw)[1]
    assert label is not None and label != "Stanford University" and "researcher" in label


def test_the_report_added_resolves_to_the_report_introduced_before() -> None:
    raw = """Military

A Pentagon report on the navy released last month singled out recruitment as a challenge. \
Many recruits "may not be tough enough to withstand military discipline," the report added.
"""
    label = speakers(raw)[1]
    assert label is not None and label.startswith("A Pentagon report")


def test_in_someones_view_attributes_a_partial_quotation() -> None:
    raw = """Talks

Prime Minister Anna Berg spoke to parliament on Monday. \
In Berg's view, the deal must end the "threat to annihilate our country."
"""
    assert speakers(raw) == {1: "Anna Berg"}


def test_punctuation_marks_direct_speech_without_a_speech_verb() -> None:
    raw = """Birth

The first question parents hear is, "Is it a boy or a girl?" \
"Thanks for all the support," a note on the door read. \
Critics reply with a Latin phrase -- e.g., "all other things being equal."
"""
    assert speakers(raw) == {0: None, 1: None}


def test_a_term_after_call_it_is_not_a_quotation() -> None:
    raw = """Phones

Heavy users check their wrists all day; we call it the "phantom device effect."
"""
    assert speakers(raw) == {}

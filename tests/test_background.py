"""Background sentences: the example article's acceptance criteria and small synthetic articles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from briefing.model import Article, Document
from briefing.nlp.entities import load_nlp
from briefing.nlp.sentences import segment
from briefing.sections.background import THRESHOLD, background_scores, is_background

EXAMPLE = Path(__file__).parents[1] / "examples" / "baghdad-airport-strike.txt"

pytestmark = pytest.mark.skipif(load_nlp("english") is None, reason="no English spaCy model installed")


def document(raw: str, language: str = "english", published: date | None = None) -> Document:
    """An article given as headline, blank line, body."""
    title, _, body = raw.partition("\n\n")
    return segment(Article(id="test", title=title.strip(), text=body, language=language, published=published))


def background_texts(doc: Document) -> list[str]:
    return [s.text for s, flag in zip(doc.sentences, is_background(doc), strict=True) if flag]


@pytest.fixture(scope="module")
def example() -> Document:
    return document(EXAMPLE.read_text(encoding="utf-8"))


def test_example_background_includes_what_led_up(example):
    found = background_texts(example)
    for start in (
        "The attack comes amid tensions",
        "The two-day embassy attack which ended Wednesday prompted",
        "The breach at the embassy followed U.S. airstrikes on Sunday",
        "The U.S. military said the strikes were in retaliation for last week’s killing",
    ):
        assert any(text.startswith(start) for text in found), start


def test_example_background_excludes_the_main_event(example):
    found = " ".join(background_texts(example))
    assert example.sentences[0].text not in found
    for part in ("Qassim Soleimani", "Abu Mahdi al-Muhandis", "bodies of those killed", "further undermine"):
        assert part not in found
    # Esper's warning on Thursday came before Friday's strike: background (a brief shows it under Quotes).
    assert "game has changed" in found


def test_scores_and_flags_agree(example):
    scores, flags = background_scores(example), is_background(example)
    assert len(scores) == len(flags) == len(example)
    assert flags[0] is False
    assert all(flag for i, (s, flag) in enumerate(zip(scores, flags, strict=True)) if i > 0 and s >= THRESHOLD)


def test_an_earlier_episode_runs_until_the_story_comes_back():
    raw = """Critic found dead

A prominent critic of the government was found dead in his apartment on Monday. \
In 2006, a journalist who criticized the war was shot outside her home. \
She was a well-known reporter. \
"She never gave up," her editor said at the time. \
Five men were later convicted for the killing. \
Police say they are investigating the new death. \
The critic will be buried on Thursday.
"""
    assert is_background(document(raw)) == [False, True, True, True, True, False, False]


SYNTHETIC = """Floods force thousands from homes

Floods hit the northern region on Tuesday, forcing thousands of residents from their homes. \
The floods came after a week of heavy rain that had saturated the ground. \
Last year, similar floods killed 12 people in the same area. \
Rescue teams will continue searching on Wednesday. \
“We are doing everything we can,” the governor said. \
The governor said she had asked for help.
"""


def test_synthetic_cues_outlook_and_quotes():
    assert is_background(document(SYNTHETIC)) == [False, True, True, False, False, False]


def test_earlier_weekday_and_date():
    raw = """Court frees suspect

A court freed the suspect on Friday. \
The suspect was arrested on Tuesday at his home. \
The court said on Thursday that it would rule soon. \
He was first charged on March 3, 2019. \
Lawyers for the family said on Friday that they would appeal.
"""
    flags = is_background(document(raw, published=date(2020, 5, 8)))
    assert flags == [False, True, False, True, False]


def test_language_without_model_has_no_background():
    doc = document("Überschwemmung\n\nDas Hochwasser kam nach einer Woche Regen.", "german")
    assert is_background(doc) == [False] * len(doc)
    assert background_scores(doc) == [0.0] * len(doc)


def test_past_states_in_a_document_told_in_the_present():
    """An essay told in the present steps back with past states ("I was a shy child"); the present ends the run."""
    raw = """Why I speak up

I am a teacher, and every day I see students who are afraid to ask questions. \
Schools are busy places and teachers have little time. \
When I was young, I was a shy child. \
I was afraid of my teachers. \
Today I tell my students that every question matters. \
Our classrooms need more patience. \
Good teachers listen.
"""
    assert is_background(document(raw)) == [False, False, True, True, False, False, False]


def test_a_past_event_in_a_present_document_is_only_weak_evidence():
    """"Our survey found ..." in a piece told in the present is usually its news, not history."""
    raw = """Parents worry about screens

Parents today worry about how much time their children spend on screens. \
Our survey found that most families have rules. \
Many parents limit phones at dinner. \
Children often ignore the rules. \
Experts say the debate is far from over.
"""
    doc = document(raw)
    scores = background_scores(doc)
    assert 0 < scores[1] < THRESHOLD
    assert is_background(doc) == [False] * 5


def test_the_past_is_no_signal_in_a_document_told_in_the_past():
    raw = """Bridge reopens

The main bridge into the city reopened on Monday. \
Engineers repaired the damaged supports. \
Traffic was heavy all day. \
The city council praised the work.
"""
    assert is_background(document(raw)) == [False] * 4


def test_a_lasting_present_perfect_looks_back():
    raw = """Army retakes bridge

Government forces retook the main bridge into the city on Monday, officials said. \
Troops have repeatedly tried to reach the bridge. \
Officials said the army would push on toward the center.
"""
    assert is_background(document(raw)) == [False, True, False]


def test_biography_is_background():
    raw = """Mayor resigns

The mayor of the city resigned on Monday after a long illness. \
Smith was born in Ohio and grew up on a farm. \
His deputy will run the city until an election is held.
"""
    assert is_background(document(raw)) == [False, True, False]

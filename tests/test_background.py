"""Background sentences: the example article's acceptance criteria and small synthetic articles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from analysed import background_scores, is_background

from briefing.analysis.background import THRESHOLD
from briefing.model import Article, Document
from briefing.nlp.entities import load_nlp
from briefing.nlp.sentences import segment

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


def test_a_reporters_credit_line_is_never_background():
    raw = """Prosecutor dies after siege

A prosecutor died on Tuesday after gunmen took him hostage in a courthouse. \
In 1994, the same group killed a former justice minister. \
CNN's Jane Doe reported from Istanbul. \
John Smith and Ann Lee reported and wrote from London.
"""
    assert is_background(document(raw)) == [False, True, False, False]


def test_before_a_clause_only_orders_events():
    """"had been shot before police entered" is the main event told in order; "it had been done before" looks
    back."""
    raw = """Hostage killed

A hostage was killed in a courthouse siege on Tuesday. \
The police chief said the hostage had been shot before officers entered the room. \
Such a siege has happened before.
"""
    flags = is_background(document(raw))
    assert flags[1] is False
    assert flags[2] is True


def test_comes_a_day_after():
    raw = """Troops attack militants

Troops from two countries attacked militants on Sunday. \
This comes a day after the militants pledged allegiance to another group. \
The offensive is still under way, officials say.
"""
    assert is_background(document(raw)) == [False, True, False]


def test_followed_in_a_relative_clause_is_no_cue():
    raw = """Protesters march after shooting

Protesters marched through the city on Saturday after police shot an unarmed teenager. \
The chief said the protests are like those that followed other deaths in the country. \
The marchers went home at night.
"""
    assert is_background(document(raw)) == [False, False, False]


def test_a_quotation_shares_the_date_of_its_attribution():
    """The date comes at the end ("he said ... two months ago"): every sentence of the quotation is background."""
    raw = """Author quits writing

A writer gave up his pen name on Friday after protests against his novel. \
"The writer is dead. \
He has no faith in rebirth. \
Leave him alone," he said on Facebook two months ago. \
Police said on Friday that they are investigating the protests.
"""
    assert is_background(document(raw)) == [False, True, True, True, False]


def test_a_quotation_about_now_ends_an_earlier_episode():
    """A run of background does not carry on into a quotation told in the present."""
    raw = """Chief calls for calm

Police shot a man dead in the city on Saturday, the chief said. \
In 2007, the same officer shot and killed another man. \
He was cleared of any wrongdoing. \
"It is understandable that people are angry," the chief said. \
"We understand that."
"""
    assert is_background(document(raw)) == [False, True, True, False, False]


def test_the_main_events_days_end_a_run():
    """A sentence dated on the days of the main event is no longer the earlier episode."""
    raw = """Opposition leads in early count

The opposition candidate leads the president in early results. \
More than 800 people were killed in violence after the vote in 2011. \
On Saturday, gunmen killed 11 people at polling stations. \
Voters waited for hours in the heat.
"""
    assert is_background(document(raw)) == [False, True, False, False]


def test_a_lasting_word_must_modify_the_main_verb():
    """"has shown the watch to reporters who have followed it since 2012" is the news; "have tried repeatedly"
    looks back."""
    raw = """Company unveils watch

The company unveiled its new watch in London on Monday. \
The chief executive has shown the watch to reporters who have followed the company since its founding. \
Rivals have tried repeatedly to build such a watch. \
The watch goes on sale in April.
"""
    doc = document(raw)
    assert background_scores(doc)[1] < THRESHOLD
    assert is_background(doc) == [False, False, True, False]


def test_a_vow_made_before_and_not_until():
    raw = """Troops retake town

Troops retook the northern town on Sunday, residents said. \
The government has vowed to free all of its territory before the elections. \
It wasn't until a new alliance was formed last year that the army began to advance. \
Residents are returning to their homes.
"""
    flags = is_background(document(raw))
    assert flags[1] is True
    assert flags[2] is True
    assert flags[3] is False


def test_a_month_named_for_a_past_event_counts_in_full():
    """News names the main event's days by weekday; a bare month for a past event places it weeks before."""
    raw = """Judge sets trial date

A judge set a trial date for the former mayor on Friday. \
The mayor was arrested in January at his office. \
Lawyers said on Friday that they would appeal.
"""
    doc = document(raw)
    assert background_scores(doc)[1] >= THRESHOLD
    assert is_background(doc) == [False, True, False]


def test_two_half_pieces_of_evidence_add_up():
    """"amid" (a half cue) and a year in a clause below the main one (half a date) make one whole piece."""
    raw = """Firm posts record profit

The firm posted a record profit on Tuesday. \
Sales rose sharply amid a building boom that began in 2012. \
Analysts expect the growth to slow.
"""
    doc = document(raw)
    assert background_scores(doc)[1] >= THRESHOLD
    assert is_background(doc) == [False, True, False]


def test_half_pieces_inside_a_quotation_do_not_add_up():
    raw = """Minister resigns

The minister resigned on Monday. \
"We warned him amid the scandal that began in 2012," an aide said. \
Officials will name a successor.
"""
    doc = document(raw)
    assert background_scores(doc)[1] < THRESHOLD
    assert is_background(doc) == [False, False, False]


def test_an_episode_opens_one_sentence_before_its_date():
    """"She first performed ..." looks back a little; the dated sentence after it confirms the episode."""
    template = """Singer wins award

The singer won the top prize at the awards on Sunday. \
She {} in small clubs. \
In 2010, she signed with a major label. \
Her new album is out now.
"""
    assert is_background(document(template.format("first performed"))) == [False, True, True, False]
    # Without any evidence of its own the sentence before stays out.
    assert is_background(document(template.format("performed"))) == [False, False, True, False]


def test_recently_and_initially_look_back():
    doc = document("""Tower opens

The city opened its tallest tower on Monday. \
The architect's firm recently completed a wooden office block. \
Crowds gathered at the entrance.
""")
    assert 0 < background_scores(doc)[1] < THRESHOLD


@pytest.mark.parametrize("earlier", [
    "When he was 15, González made a decision to leave his village.",
    "He was 12 when his family moved to the coast.",
    "As a newborn, he was left on the steps of an orphanage.",
])
def test_the_age_something_happened_at_looks_back(earlier):
    raw = f"""Migrant teen returns home

A Honduran teenager who lost a leg riding a cargo train returned home on Monday. \
{earlier} \
Officials said the boy would get a new prosthesis.
"""
    assert is_background(document(raw)) == [False, True, False]


def test_a_lead_told_in_the_present_makes_the_past_history():
    """A feature opening on a scene: its past states are background, though half its sentences are past."""
    template = """A teenager's long road

{}Alexis González walks slowly, using the wall of his house for balance. \
He tries to smile. \
His family was poor. \
They lived in a single room with dirt floors. \
He wants to go back to school.
"""
    assert is_background(document(template.format(""))) == [False, False, True, True, False]
    # A lead reporting speech ("Relatives say ...") is a report, not a scene: the share of 40% holds.
    assert not any(is_background(document(template.format("Relatives say "))))


def test_a_date_in_a_past_clause_under_a_present_main_verb():
    doc = document("""Williams returns to Indian Wells

Serena Williams won her first match at Indian Wells on Friday. \
The tennis garden is where Williams was booed during the 2001 final. \
She plays again on Sunday.
""", published=date(2015, 3, 14))
    assert background_scores(doc)[1] == pytest.approx(0.5)  # a date in a clause below the main one counts half

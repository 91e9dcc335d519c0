"""Timeline: dated events in order with their resolved dates, on the example and small articles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from analysed import document_dates, timeline

from briefing.model import Article, Document
from briefing.nlp.entities import load_nlp
from briefing.nlp.sentences import segment

EXAMPLE = Path(__file__).parents[1] / "examples" / "baghdad-airport-strike.txt"

pytestmark = pytest.mark.skipif(load_nlp("english") is None, reason="no English spaCy model installed")


def document(raw: str, published: date | None = None, language: str = "english") -> Document:
    """An article given as headline, blank line, body."""
    title, _, body = raw.partition("\n\n")
    return segment(Article(id="test", title=title.strip(), text=body, published=published, language=language))


@pytest.fixture(scope="module")
def example() -> Document:
    return document(EXAMPLE.read_text(encoding="utf-8"))


def test_example_runs_from_dec_27_to_the_friday_strike(example: Document) -> None:
    entries = timeline(example, 8)
    labels = [e.label for e in entries]
    chronological = ["Dec. 27", "Sunday", "New Year’s Eve", "Wednesday", "Thursday", "Friday"]
    assert [label for label in labels if label in chronological] == chronological
    assert labels[-1] == "Friday"
    assert entries[-1].sentence_index == 0  # the strike itself: the lead
    by_label = {e.label: e.text for e in entries}
    assert "Dec. 27" in by_label["Dec. 27"] and "airstrikes on Sunday" in by_label["Sunday"]
    assert "ended Wednesday" in by_label["Wednesday"]


def test_example_entries_are_verbatim_sentences(example: Document) -> None:
    for entry in timeline(example, 8):
        assert example.sentences[entry.sentence_index].text == entry.text
        assert entry.article_id == "test"


def test_with_a_publication_date_labels_are_dates_in_true_order(example: Document) -> None:
    dated = segment(Article(id="test", title=example.article.title, text=example.article.text,
                            published=date(2020, 1, 3)))
    labels = [e.label for e in timeline(dated, 8)]
    # "last week" (23-29 Dec) sorts at its end: after the Sunday inside it, not before Dec. 27.
    assert labels == ["27 Dec 2019", "29 Dec 2019", "week of 23 Dec 2019", "31 Dec 2019", "1 Jan 2020",
                      "2 Jan 2020", "3 Jan 2020"]


def test_last_week_follows_the_days_inside_it(example: Document) -> None:
    labels = [e.label for e in timeline(example, 8)]
    assert labels.index("last week") > max(labels.index("Dec. 27"), labels.index("Sunday"))


def test_limit_keeps_precise_dates_near_the_main_event(example: Document) -> None:
    labels = [e.label for e in timeline(example, 3)]
    assert labels == ["Wednesday", "Thursday", "Friday"]


SYNTHETIC = """Council approves budget

The city council approved the budget on Tuesday after a long debate. \
The mayor first proposed the plan on March 3, 2019. \
Talks stalled last month over school funding. \
The council will vote on the tax rate next Tuesday. \
The debate lasted two days, and 48 hours of testimony were heard.
"""


def test_future_clause_and_durations(example: Document) -> None:
    doc = document(SYNTHETIC, published=date(2020, 5, 6))  # a Wednesday
    assert [(e.label, e.sentence_index) for e in timeline(doc, 8)] == [
        ("3 Mar 2019", 1), ("Apr 2020", 2), ("5 May 2020", 0), ("12 May 2020", 3)]
    found = document_dates(doc)
    assert found is not None and found.reference.known
    assert [d.future for d in found.items] == [False, False, False, True]


def test_language_without_model_has_no_timeline() -> None:
    doc = document("Haushalt\n\nDer Rat stimmte am Dienstag zu.", language="german")
    assert timeline(doc, 8) == ()
    assert document_dates(doc) is None


COPYRIGHTED = """Council approves budget

The city council approved the budget on Tuesday after a long debate. \
The mayor first proposed the plan in March 2013.

© 2015 Cable News Network. Turner Broadcasting System, Inc. All Rights Reserved. \
Copyright 2015 The Conversation. Some rights reserved. ©2015 The Hollywood Reporter. \
Copyright © 2015 Rolling Stone.
"""


@pytest.mark.parametrize("published", [None, date(2020, 5, 6)])
def test_a_copyright_line_is_never_an_event(published: date | None) -> None:
    doc = document(COPYRIGHTED, published=published)
    entries = timeline(doc, 8)
    assert [e.sentence_index for e in entries] == [1, 0]
    assert not any("©" in e.text or "Copyright" in e.text for e in entries)
    found = document_dates(doc)
    assert found is not None and [d.sentence for d in found.items] == [0, 1]
    if published is None:  # the notice's year (2015) is no year the story names: "now" follows 2013
        assert found.reference.day.year == 2014


PAST_JUNE = """Bridge reopens

The bridge reopened on Monday after two years of repairs. \
Engineers closed it in June after cracks were found. \
Crews were expected to finish the work in December, but a strike delayed them. \
The council will inspect the bridge again in June.
"""


def test_june_is_the_year_the_text_means() -> None:
    doc = document(PAST_JUNE, published=date(2020, 3, 4))  # a Wednesday
    assert [(e.label, e.sentence_index) for e in timeline(doc, 8)] == [
        ("Jun 2019", 1), ("Dec 2019", 2), ("2 Mar 2020", 0), ("Jun 2020", 3)]



def test_a_models_year_is_no_date() -> None:
    doc = document("Shooting charges\n\nHernandez fired into their 2003 BMW in Boston in July 2012. "
                   "In 2003 the club moved to a new stadium.")
    entries = [(e.label, e.sentence_index) for e in timeline(doc, 8)]
    assert ("2003", 1) in entries and ("2003", 0) not in entries and ("Jul 2012", 0) in entries


GROWING = """Bombing in Jalalabad

A suicide bomber blew himself up in front of a bank in Jalalabad on Saturday. \
In February, a former Taliban commander was killed in a drone strike. \
Fears about ISIS involvement in the region have been growing this year.
"""


@pytest.mark.parametrize("published", [None, date(2015, 4, 18)])
def test_this_year_is_an_entry_only_when_the_publication_date_places_it(published: date | None) -> None:
    entries = timeline(document(GROWING, published=published), 8)
    assert [e.sentence_index for e in entries if e.sentence_index != 2] == [1, 0]
    if published is None:  # "this year" would place nothing
        assert not any(e.sentence_index == 2 for e in entries)
    else:
        assert ("2015", 2) in [(e.label, e.sentence_index) for e in entries]


def test_any_such_day_is_no_date() -> None:
    doc = document("Support\n\nThe father was arrested on Tuesday. If a father gets picked up on a Friday afternoon, "
                   "he waits in jail all weekend. Every Friday the court hears such cases. He was charged on "
                   "Monday.\n")
    labels = [e.label for e in timeline(doc, 8)]
    assert labels == ["Monday", "Tuesday"]


def test_one_date_makes_no_timeline_and_a_quoted_date_none() -> None:
    doc = document("Support\n\nThe father was arrested on Tuesday. \"Today we all share the same pain,\" his "
                   "lawyer said.\n")
    assert timeline(doc, 8) == ()
    doc = document("Support\n\nThe father was arrested on Tuesday. He was charged on Monday.\n")
    assert [e.label for e in timeline(doc, 8)] == ["Monday", "Tuesday"]


def test_a_time_that_names_its_day_is_a_date() -> None:
    doc = document("Crash\n\nThe driver was arrested on Wednesday night. The crash happened about 10 years ago, "
                   "in mid-2011, when the road was new.\n", published=date(2021, 3, 5))  # a Friday
    labels = {e.label for e in timeline(doc, 8)}
    assert "3 Mar 2021" in labels and "2011" in labels


def test_a_count_as_of_a_date_is_no_event() -> None:
    doc = document("Death row\n\nShe was sentenced to death on March 2, 2015. As of December 31, 2012, there were 61 "
                   "women on death row. Her appeal was rejected on March 5, 2015.\n")
    assert [e.sentence_index for e in timeline(doc, 8)] == [0, 2]


def test_a_day_word_with_a_determiner_is_no_date() -> None:
    """'a better tomorrow' is a noun, not the day after the article's."""
    doc = document("Column\n\nMy father left Mexico in 1959. He and others dreamed of a better tomorrow. "
                   "We will meet the council tomorrow.", published=date(2020, 5, 6))
    found = document_dates(doc)
    assert found is not None and [d.sentence for d in found.items] == [0, 2]

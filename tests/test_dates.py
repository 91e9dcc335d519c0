"""Relative date resolution against a publication date, or an estimate of the main event's day."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.nlp import dates
from briefing.nlp.dates import DAY, DECADE, MONTH, WEEK, YEAR, main_weekday, reference, resolve

PUBLISHED = reference(date(2020, 1, 3))  # a Friday


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Friday", "3 Jan 2020"),
        ("early Friday", "3 Jan 2020"),
        ("Thursday", "2 Jan 2020"),
        ("Sunday", "29 Dec 2019"),
        ("last Friday", "27 Dec 2019"),
        ("Dec. 27", "27 Dec 2019"),
        ("27 December", "27 Dec 2019"),
        ("New Year’s Eve", "31 Dec 2019"),
        ("Christmas Day", "25 Dec 2019"),
        ("yesterday", "2 Jan 2020"),
        ("two days ago", "1 Jan 2020"),
        ("last week’s", "week of 23 Dec 2019"),
        ("last month", "Dec 2019"),
        ("earlier this month", "Jan 2020"),
        ("in 2019", "2019"),
        ("last year", "2019"),
        ("December 2013", "Dec 2013"),
        ("March 3, 2019", "3 Mar 2019"),
        ("2019-03-03", "3 Mar 2019"),
        ("the 1990s", "1990s"),
        ("next week", "week of 6 Jan 2020"),
        ("next Tuesday", "7 Jan 2020"),
    ],
)
def test_resolved_against_the_publication_date(text: str, label: str) -> None:
    when = resolve(text, PUBLISHED)
    assert when is not None and when.label == label


@pytest.mark.parametrize("text", ["two-day", "48 hours", "20 years", "for weeks", "over the past year",
                                  "2.8 million years ago", "the 19th century", "the weekend",
                                  "decades", "marches", "the mayor's",  # words that start as a month does
                                  "two days earlier", "a week before", "a year later"])  # counted from another event
def test_durations_and_vague_spans_are_not_dates(text: str) -> None:
    assert resolve(text, PUBLISHED) is None


@pytest.mark.parametrize(("text", "label"), [
    ("about 10 years ago", "2010"), ("in mid-2011", "2011"), ("almost two weeks ago", "week of 16 Dec 2019"),
    ("the mid-1990s", "1990s")])
def test_a_time_given_roughly_is_still_a_date(text: str, label: str) -> None:
    when = resolve(text, PUBLISHED)
    assert when is not None and when.label == label


def test_future_clause_names_the_coming_day() -> None:
    assert resolve("Tuesday", PUBLISHED).label == "31 Dec 2019"
    assert resolve("Tuesday", PUBLISHED, future=True).label == "7 Jan 2020"
    assert resolve("in March", PUBLISHED, future=True).label == "Mar 2020"
    assert resolve("last March", PUBLISHED, future=True).label == "Mar 2019"


def test_without_publication_date_labels_stay_as_written_and_order_holds() -> None:
    # The main event is on a Friday; the latest month-and-day date is taken to be a week before it.
    ref = reference(None, weekday=4, past_month_days=[(12, 27)])
    texts = ["Friday", "Thursday", "Wednesday", "New Year’s Eve", "Sunday", "Dec. 27"]
    found = [resolve(t, ref) for t in texts]
    assert [w.label for w in found] == texts
    assert not any(w.exact for w in found)
    assert [w.label for w in sorted(found, key=lambda w: w.key)] == texts[::-1]


def test_written_in_full_is_exact_without_publication_date() -> None:
    ref = reference(None, weekday=0)
    assert resolve("March 3, 2019", ref).label == "3 Mar 2019"
    assert resolve("in 2013", ref).exact


def test_precision() -> None:
    assert [resolve(t, PUBLISHED).precision for t in ("Sunday", "last week", "last month", "2019", "the 1990s")] == [
        DAY, WEEK, MONTH, YEAR, DECADE]


def test_main_weekday_is_the_latest_named_day() -> None:
    assert main_weekday([0, 2, 3]) == 3  # Monday, Wednesday, Thursday: "now" follows Thursday
    assert main_weekday([5, 6, 1]) == 1  # Saturday, Sunday, Tuesday
    assert main_weekday([]) is None


def test_helpers() -> None:
    assert dates.weekday_of("early on Friday") == 4
    assert dates.weekday_of("Friday or Saturday") is None
    assert dates.month_days("on Dec. 27 and Jan. 2, 2020") == [(12, 27)]
    assert dates.years("from 1998 to the 2010s") == [1998, 2010]


def test_one_date_form() -> None:
    assert dates.day_text(date(2019, 12, 7)) == "7 Dec 2019"
    assert dates.month_text(date(2019, 9, 30)) == "Sep 2019"
    assert [resolve(t, PUBLISHED).label for t in ("Dec. 7", "last week", "last month", "2019", "the 1990s")] == [
        "7 Dec 2019", "week of 23 Dec 2019", "Dec 2019", "2019", "1990s"]


def test_a_range_sorts_at_its_end_after_the_days_inside_it() -> None:
    texts = ["last week", "Sunday", "Dec. 27", "last month", "Dec. 23", "New Year’s Eve", "in 2019"]
    order = [w.text for w in sorted((resolve(t, PUBLISHED) for t in texts), key=lambda w: w.key)]
    # Dec. 23 .. Dec. 29 is last week; December and 2019 end on New Year's Eve, after it.
    assert order == ["Dec. 23", "Dec. 27", "Sunday", "last week", "New Year’s Eve", "last month", "in 2019"]
    assert len({resolve(t, PUBLISHED).key for t in texts}) == len(texts)  # one key per range


def test_a_bare_month_is_the_year_the_text_means() -> None:
    may = reference(date(2020, 5, 6))
    assert resolve("in June", may).label == "Jun 2019"  # a past clause: the last June
    assert resolve("in June", may, future=True).label == "Jun 2020"  # "will vote in June": the coming one
    assert resolve("in April", may).label == "Apr 2020"
    # Looked ahead from a past moment ("were expected to return in June"): the nearer June ...
    assert resolve("in June", may, future=None).label == "Jun 2020"
    assert resolve("in December", may, future=None).label == "Dec 2019"
    assert resolve("next June", may, future=None).label == "Jun 2020"
    # ... and, when the day is only estimated, the past one.
    estimate = reference(None, weekday=2, past_years=[2019])
    assert resolve("in June", estimate, future=None).start == resolve("in June", estimate).start


@pytest.mark.parametrize(("before", "notice"), [
    ("© ", True), ("©", True), ("Copyright ", True), ("Copyright © ", True), ("(c) ", True),
    ("The show, © 2010-", True), ("The ruling ends a copyright dispute that began in ", False),
    ("On ", False), ("", False),
])
def test_copyright_year(before: str, notice: bool) -> None:
    assert dates.copyright_year(before) is notice

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
        ("Friday", "2020-01-03"),
        ("early Friday", "2020-01-03"),
        ("Thursday", "2020-01-02"),
        ("Sunday", "2019-12-29"),
        ("last Friday", "2019-12-27"),
        ("Dec. 27", "2019-12-27"),
        ("27 December", "2019-12-27"),
        ("New Year’s Eve", "2019-12-31"),
        ("Christmas Day", "2019-12-25"),
        ("yesterday", "2020-01-02"),
        ("two days ago", "2020-01-01"),
        ("last week’s", "week of 2019-12-23"),
        ("last month", "2019-12"),
        ("earlier this month", "2020-01"),
        ("in 2019", "2019"),
        ("last year", "2019"),
        ("December 2013", "2013-12"),
        ("March 3, 2019", "2019-03-03"),
        ("2019-03-03", "2019-03-03"),
        ("the 1990s", "1990s"),
        ("next week", "week of 2020-01-06"),
        ("next Tuesday", "2020-01-07"),
    ],
)
def test_resolved_against_the_publication_date(text: str, label: str) -> None:
    when = resolve(text, PUBLISHED)
    assert when is not None and when.label == label


@pytest.mark.parametrize("text", ["two-day", "48 hours", "20 years", "for weeks", "over the past year",
                                  "2.8 million years ago", "the 19th century", "the weekend"])
def test_durations_and_vague_spans_are_not_dates(text: str) -> None:
    assert resolve(text, PUBLISHED) is None


def test_future_clause_names_the_coming_day() -> None:
    assert resolve("Tuesday", PUBLISHED).label == "2019-12-31"
    assert resolve("Tuesday", PUBLISHED, future=True).label == "2020-01-07"
    assert resolve("in March", PUBLISHED, future=True).label == "2020-03"
    assert resolve("last March", PUBLISHED, future=True).label == "2019-03"


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
    assert resolve("March 3, 2019", ref).label == "2019-03-03"
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

"""Relative dates: "Sunday", "last week", "Dec. 27", "New Year's Eve", "in 2019" -> a day range.

An expression is resolved against a `Reference`: the article's publication date
when it is known (then labels are dates in the brief's one form, "27 Dec 2019": see
`day_text`), otherwise an estimate that only orders events (labels stay as the
source wrote them). Deterministic, offline, English only.

Without a publication date the reference is the main event's day. Its weekday is
the lead's (or, without one, the day after the largest gap between the weekdays
the article names: news names the days of the past week). Its calendar day is
estimated from the article's own dates: news style (AP) names days within the
past week by weekday and older ones by month and day, so the latest past "Dec.
27" is taken to be a week before the main event; without such a date, the last
day of the year after the latest year the article names (news leaves out the
current year), or of a placeholder year.

A range sorts at its end (`When.key`): "last week" comes after the days inside it.
A year that follows a copyright sign ("© 2015 Cable News Network") is no date of
the news (`copyright_year`).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

DAY, WEEK, MONTH, YEAR, DECADE = "day", "week", "month", "year", "decade"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_ABBREVIATIONS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5,
                 "sun": 6}
MONTHS: dict[str, int] = {
    name: i
    for i, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
         ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
         ("nov", "november"), ("dec", "december")),
        start=1,
    )
    for name in names
}
# Holidays on a fixed day (month, day); Thanksgiving is computed.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's eve": (12, 31), "new year's day": (1, 1), "christmas eve": (12, 24), "christmas day": (12, 25),
    "christmas": (12, 25), "boxing day": (12, 26), "valentine's day": (2, 14), "halloween": (10, 31),
    "independence day": (7, 4), "bastille day": (7, 14), "st. patrick's day": (3, 17), "may day": (5, 1),
    "april fools' day": (4, 1), "veterans day": (11, 11), "armistice day": (11, 11),
}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
PLACEHOLDER_YEAR = 2001  # a common year, for ordering only when the article names none
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_MONTH = rf"({'|'.join(sorted(MONTHS, key=len, reverse=True))})\b\.?"  # a month's name, not "decades"
_MONTH_DAY = re.compile(rf"\b{_MONTH} (\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (\d{{4}}))?")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{_MONTH}(?:,? (\d{{4}}))?")
_MONTH_YEAR = re.compile(rf"\b{_MONTH},? (\d{{4}})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"(?:(?<=\bmid-)|(?<![\w$-]))(1[89]\d\d|20\d\d)(s?)(?![\w-])")  # "mid-2011", not "2010-2011"
_COUNT = r"\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"  # the counts _NUMBERS reads
_AGO = re.compile(rf"\b({_COUNT}) (day|week|month|year)s? ago\b")
# "two days earlier", "a week before", "a year later": counted from another happening the text tells, not from now
_ANCHORED = re.compile(rf"\b(?:{_COUNT}|several|a few) (?:day|week|month|year|hour)s? (?:earlier|before|later|after)\b")
_TODAY = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b")
_YESTERDAY = re.compile(r"\b(?:yesterday|last night)\b")
_DURATION = re.compile(r"\b(?:for|over|during|within|in the (?:past|last)|the past|the last|more than|less than|"
                       r"about|some|nearly|almost|up to)\b|-(?:day|week|month|year|hour|minute)|"
                       r"\b\d+ (?:hours?|minutes?)")
_LEADING_DURATION = re.compile(r"(?:for|over|during|within|throughout|up to|more than|less than|nearly|almost|about|"
                               r"some|the (?:past|last) \w+ \w+s)\b")
_FUTURE_WORDS = re.compile(r"\b(?:next|coming|upcoming|later this|from now|tomorrow)\b")
_PAST_WORDS = re.compile(r"\b(?:last|past|ago|earlier|previous|yesterday)\b")
# What a copyright notice puts before its year: "©", "(c)", "Copyright", "Copyright ©", "© 2010-".
_COPYRIGHT = re.compile(r"(?:©|\(c\)|\bcopyright\b)\s*(?:©\s*)?(?:\d{4}\s*[-–]\s*)?$", re.IGNORECASE)


def day_text(day: date) -> str:
    """A day in the brief's one date form, "27 Dec 2019" (whatever the locale)."""
    return f"{day.day} {MONTH_ABBREVIATIONS[day.month - 1]} {day.year}"


def month_text(day: date) -> str:
    """The month of a day in the brief's date form, "Dec 2019"."""
    return f"{MONTH_ABBREVIATIONS[day.month - 1]} {day.year}"


def copyright_year(before: str) -> bool:
    """Whether a date expression preceded by `before` (its sentence up to it) is a copyright notice's
    year: "© 2015 Cable News Network", "Copyright 2015 The Conversation" name no event."""
    return _COPYRIGHT.search(before) is not None


@dataclass(frozen=True)
class Reference:
    """The day expressions are resolved against, and whether it is the real publication date."""

    day: date
    weekday: int  # of the main event (0 = Monday); day.weekday() when the day is known
    known: bool = False

    @property
    def week_start(self) -> date:
        return self.day - timedelta(days=self.weekday)


@dataclass(frozen=True)
class When:
    """A resolved expression: the day range it names, on the reference's calendar."""

    text: str  # as the source wrote it
    start: date
    end: date  # inclusive
    precision: str  # DAY, WEEK, MONTH, YEAR or DECADE
    exact: bool  # resolved against a known publication date, or written in full ("Dec. 27, 2019")

    @property
    def label(self) -> str:
        """The date in the brief's one form when exact ("27 Dec 2019", "week of 23 Dec 2019", "Dec 2019",
        "2019", "1990s"), else the source's words."""
        if not self.exact:
            return self.text
        if self.precision == DAY:
            return day_text(self.start)
        if self.precision == WEEK:
            return f"week of {day_text(self.start)}"
        if self.precision == MONTH:
            return month_text(self.start)
        if self.precision == DECADE:
            return f"{self.start.year}s"
        return str(self.start.year)

    @property
    def key(self) -> tuple[date, int]:
        """Chronological sort key: a range at its end (a week after the days inside it), then the
        narrower range first; one key per range."""
        return (self.end, -self.start.toordinal())


def _normalize(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").lower().strip()
    return re.sub(r"'s$|\s+", lambda m: "" if m.group(0) == "'s" else " ", text)


def names_its_day(text: str) -> bool:
    """Whether a time names the day it falls on: a weekday, today, yesterday ("Friday night", "last night")."""
    t = _normalize(text)
    return weekday_of(t) is not None or bool(_TODAY.search(t) or _YESTERDAY.search(t))


def weekday_of(text: str) -> int | None:
    """The weekday (0 = Monday) a text names, if exactly one."""
    words = set(re.findall(r"[a-z]+", _normalize(text)))
    days = {i for i, name in enumerate(WEEKDAYS) if name in words}
    days |= {i for abbr, i in WEEKDAY_ABBREVIATIONS.items() if abbr in words and abbr not in ("sat", "sun", "wed")}
    return days.pop() if len(days) == 1 else None


def month_days(text: str) -> list[tuple[int, int]]:
    """(month, day) pairs written in a text without a year ("Dec. 27", "27 December")."""
    lowered = _normalize(text)
    found = []
    for match in _MONTH_DAY.finditer(lowered):
        if match.group(3) is None and 1 <= int(match.group(2)) <= 31:
            found.append((MONTHS[match.group(1)], int(match.group(2))))
    return found


def years(text: str) -> list[int]:
    """Years written in a text (decades as their first year)."""
    return [int(y) for y, _ in _YEAR.findall(text)]


def main_weekday(weekdays: Iterable[int]) -> int | None:
    """Without a lead's weekday: the latest of the named weekdays, the one before the largest gap."""
    days = sorted(set(weekdays))
    if not days:
        return None
    gaps = [((days[(i + 1) % len(days)] - d) % 7 or 7, d) for i, d in enumerate(days)]
    return max(gaps)[1]


def reference(
    published: date | None,
    weekday: int | None = None,
    past_month_days: Iterable[tuple[int, int]] = (),
    past_years: Iterable[int] = (),
) -> Reference:
    """The reference day: `published`, or an estimate (see the module docstring)."""
    if published is not None:
        return Reference(published, published.weekday(), known=True)
    latest_year = max(past_years, default=PLACEHOLDER_YEAR)
    pairs = sorted(set(past_month_days))
    if pairs:
        # Dates spanning the turn of the year ("Dec. 27" and "Jan. 2"): the early months are the later year.
        wraps = pairs[-1][0] - pairs[0][0] > 6
        later = [p for p in pairs if p[0] <= 6] if wraps else pairs
        month, day = later[-1]
        year = latest_year + (1 if wraps else 0)
        last = min(day, calendar.monthrange(year, month)[1])
        estimate = date(year, month, last) + timedelta(days=7)
    else:  # a year the article writes out is, in news style, not the current one
        estimate = date(latest_year + (1 if latest_year != PLACEHOLDER_YEAR else 0), 12, 31)
    return Reference(estimate, weekday if weekday is not None else estimate.weekday())


def _shift_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _nearest(ref: date, month: int, day: int, future: bool) -> date | None:
    """The last (month, day) up to `ref`, or the first after it when `future`."""
    for year in ((ref.year, ref.year + 1) if future else (ref.year, ref.year - 1)):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if (candidate > ref) if future else (candidate <= ref):
            return candidate
    return None


def _thanksgiving(year: int) -> date:
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


def resolve(text: str, ref: Reference, future: bool | None = False) -> When | None:
    """The day range an expression names, or None (a duration, an age, something unknown).

    `future` says the expression is about what is to come ("will vote on Tuesday"): a bare
    weekday or month then names the next one, not the last. None says it looked ahead from
    a past moment ("troops were expected to return in April"): the nearer of the last and
    the next one when the publication date is known, else the last (the text talks of the past).
    """
    t = _normalize(text)
    if _FUTURE_WORDS.search(t):
        future = True
    elif _PAST_WORDS.search(t):
        future = False
    try:
        if future is None:
            found = _resolve(t, ref, False)
            if ref.known and found is not None and (ahead := _resolve(t, ref, True)) is not None \
                    and (ahead[0] - ref.day) < (ref.day - found[1]):
                found = ahead
        else:
            found = _resolve(t, ref, future)
    except (ValueError, OverflowError):  # "10000 years ago", a 5,000-digit count: no date a calendar holds
        return None
    if found is None:
        return None
    start, end, precision, written_in_full = found
    return When(text.strip().removesuffix("'s").removesuffix("’s"), start, end, precision,
                exact=ref.known or written_in_full)


def _resolve(t: str, ref: Reference, future: bool) -> tuple[date, date, str, bool] | None:
    day = ref.day
    if (_LEADING_DURATION.match(t) and not _AGO.search(t)) or _ANCHORED.search(t):
        return None  # "for years" (but "about 10 years ago" is a time), "two days earlier" (than what?)
    if match := _ISO.search(t):
        try:
            when = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return None
        return when, when, DAY, True
    for pattern, month_group, day_group, year_group in ((_MONTH_DAY, 1, 2, 3), (_DAY_MONTH, 2, 1, 3)):
        if match := pattern.search(t):
            month, dom = MONTHS[match.group(month_group)], int(match.group(day_group))
            if match.group(year_group):
                try:
                    when = date(int(match.group(year_group)), month, dom)
                except ValueError:
                    return None
                return when, when, DAY, True
            found = _nearest(day, month, dom, future)
            return (found, found, DAY, False) if found else None
    for name, (month, dom) in HOLIDAYS.items():
        if name in t:
            found = _nearest(day, month, dom, future)
            return (found, found, DAY, False) if found else None
    if "thanksgiving" in t:
        found = _thanksgiving(day.year)
        if (found > day) != future:
            found = _thanksgiving(day.year + (1 if future else -1))
        return found, found, DAY, False
    if _TODAY.search(t):
        return day, day, DAY, False
    if _YESTERDAY.search(t):
        return day - timedelta(days=1), day - timedelta(days=1), DAY, False
    if "tomorrow" in t:
        return day + timedelta(days=1), day + timedelta(days=1), DAY, False
    if match := _AGO.search(t):
        n = int(match.group(1)) if match.group(1).isdigit() else _NUMBERS[match.group(1)]
        unit = match.group(2)
        if unit == "day":
            return day - timedelta(days=n), day - timedelta(days=n), DAY, False
        if unit == "week":
            start = ref.week_start - timedelta(weeks=n)
            return start, start + timedelta(days=6), WEEK, False
        if unit == "month":
            start = _shift_months(day, -n)
            return *_month_range(start.year, start.month), MONTH, False
        return date(day.year - n, 1, 1), date(day.year - n, 12, 31), YEAR, False
    weekday = weekday_of(t)
    if weekday is not None and not re.search(r"\bweek", t):
        if future or t.startswith("next "):
            offset = (weekday - ref.weekday) % 7 or 7
            when = day + timedelta(days=offset)
        else:
            offset = (ref.weekday - weekday) % 7
            if offset == 0 and t.startswith("last "):
                offset = 7
            when = day - timedelta(days=offset)
        return when, when, DAY, False
    if match := re.search(r"\b(last|this|next|coming|past|earlier this|later this) (week(?:end)?|month|year)\b", t):
        which, unit = match.group(1), match.group(2)
        step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(which, 0)
        if unit == "week":
            start = ref.week_start + timedelta(weeks=step)
            return start, start + timedelta(days=6), WEEK, False
        if unit == "weekend":
            saturday = ref.week_start + timedelta(days=5)
            if step == 0:
                step = 0 if ref.weekday >= 5 else (1 if future else -1)
            start = saturday + timedelta(weeks=step)
            return start, start + timedelta(days=1), WEEK, False
        if unit == "month":
            start = _shift_months(day, step)
            return *_month_range(start.year, start.month), MONTH, False
        return date(day.year + step, 1, 1), date(day.year + step, 12, 31), YEAR, False
    if match := _MONTH_YEAR.search(t):
        return *_month_range(int(match.group(2)), MONTHS[match.group(1)]), MONTH, True
    if match := re.search(rf"^(?:(?:in|last|this|next|early|late|mid|since) )*-?{_MONTH}$", t):
        month = MONTHS[match.group(1)]
        if "this" in t:
            year = day.year
        elif future or "next" in t:
            year = day.year + (1 if month <= day.month else 0)
        else:
            year = day.year - (1 if month > day.month or ("last" in t.split() and month == day.month) else 0)
        return *_month_range(year, month), MONTH, False
    if _DURATION.search(t) and not re.search(r"\b(?:in|since|by|until) (?:the )?(?:1[89]|20)\d\d", t):
        return None
    if match := _YEAR.search(t):
        year = int(match.group(1))
        if match.group(2):
            return date(year, 1, 1), date(year + 9, 12, 31), DECADE, True
        return date(year, 1, 1), date(year, 12, 31), YEAR, True
    return None

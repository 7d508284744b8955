"""The dates an event takes place on: its recurrence rule expanded with dateutil, minus its exceptions.

Every meeting keeps its local wall-clock time (12:00 stays 12:00 across the change to and from
summer time); times are attached in Europe/Oslo only when a meeting is turned into a moment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, Protocol

from dateutil import rrule

from ..web.clock import OSLO
from .model import EventSpec

CANCELLED = "avlyst"

_FREQUENCY: dict[str, Literal[0, 1, 2]] = {"weekly": rrule.WEEKLY, "monthly": rrule.MONTHLY, "yearly": rrule.YEARLY}
_WEEKDAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)


class HolidayCalendar(Protocol):
    """What the schedule needs to know about holidays (`hours.closed_days.ClosedDays` provides it)."""

    def school_holiday(self, day: dt.date) -> str | None: ...

    def public_holiday(self, day: dt.date) -> str | None: ...


@dataclass(frozen=True)
class Occurrence:
    """One meeting: a local day (and times, unless it lasts all day); `moved_from` when it left its series date."""

    day: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    moved_from: dt.date | None = None

    @property
    def start(self) -> dt.datetime | None:
        """The start as a moment in Oslo time; None for a day-long event."""
        return dt.datetime.combine(self.day, self.start_time, OSLO) if self.start_time else None

    @property
    def end(self) -> dt.datetime | None:
        return dt.datetime.combine(self.day, self.end_time, OSLO) if self.end_time else None


@dataclass(frozen=True)
class Cancellation:
    """A date of the series on which the event does not take place, and why ("juleferie", "avlyst")."""

    day: dt.date
    reason: str


def weekday_rule(spec: EventSpec) -> rrule.weekday | None:
    """BYDAY of the series: the start's weekday for a weekly one, numbered for "the Nth weekday of the month"."""
    weekday = _WEEKDAYS[spec.first_day.weekday()]
    recurrence = spec.recurrence
    if recurrence is None or recurrence.frequency == "yearly":
        return None
    if recurrence.frequency == "monthly":
        return weekday(recurrence.weekday_of_month) if recurrence.weekday_of_month else None
    return weekday


def nth_weekday_of_month(day: dt.date) -> tuple[int, bool]:
    """(n, last): 2026-09-10 is the 2nd Thursday of September; `last` when no later one follows in the month."""
    return (day.day - 1) // 7 + 1, (day + dt.timedelta(days=7)).month != day.month


class Schedule:
    """The dates of one event, with the holidays it skips looked up in `holidays`."""

    def __init__(self, spec: EventSpec, holidays: HolidayCalendar):
        self.spec = spec
        self.holidays = holidays
        exceptions = spec.exceptions
        self.cancelled = set(exceptions.dates) if exceptions else set()
        self.moved = {moved.date: moved.to for moved in exceptions.moved} if exceptions else {}
        self._rule = self._make_rule()

    def _make_rule(self) -> rrule.rrule | None:
        recurrence = self.spec.recurrence
        if recurrence is None:
            return None
        start = dt.datetime.combine(self.spec.first_day, dt.time())
        until = dt.datetime.combine(recurrence.until, dt.time()) if recurrence.until else None
        return rrule.rrule(_FREQUENCY[recurrence.frequency], dtstart=start, interval=recurrence.interval,
                           byweekday=weekday_rule(self.spec), until=until, wkst=rrule.MO)

    @property
    def last_day(self) -> dt.date | None:
        """The last series date, or None when the series never ends."""
        if self._rule is None:
            return self.spec.first_day
        if self.spec.recurrence and self.spec.recurrence.until:
            last = self._rule.before(dt.datetime.combine(self.spec.recurrence.until, dt.time()), inc=True)
            return last.date() if last else None
        return None

    def series_dates(self, first: dt.date, last: dt.date) -> list[dt.date]:
        """The dates the rule gives from `first` to `last`, both included, before any exception."""
        if self._rule is None:
            return [self.spec.first_day] if first <= self.spec.first_day <= last else []
        found = self._rule.between(
            dt.datetime.combine(first, dt.time()), dt.datetime.combine(last, dt.time()), inc=True
        )
        return [moment.date() for moment in found]

    def is_series_date(self, day: dt.date) -> bool:
        return day in self.series_dates(day, day)

    def skip_reason(self, day: dt.date) -> str | None:
        """Why the series date `day` is skipped, or None when the event takes place (perhaps moved)."""
        if day in self.moved:
            return None
        if day in self.cancelled:
            return CANCELLED
        exceptions = self.spec.exceptions
        if exceptions and exceptions.skip_public_holidays:
            holiday = self.holidays.public_holiday(day)
            if holiday:
                return holiday
        if exceptions and exceptions.skip_school_holidays:
            return self.holidays.school_holiday(day)
        return None

    def occurrences(self, first: dt.date, last: dt.date) -> list[Occurrence]:
        """The meetings held from `first` to `last` (both included), moved ones on their new day."""
        reach = max((abs((to - day).days) for day, to in self.moved.items()), default=0)
        margin = dt.timedelta(days=reach)
        start_time, end_time = self.spec.start_time, self.spec.end_time
        found = []
        for day in self.series_dates(first - margin, last + margin):
            if self.skip_reason(day) is not None:
                continue
            held = self.moved.get(day, day)
            if first <= held <= last:
                found.append(Occurrence(held, start_time, end_time, day if held != day else None))
        return sorted(found, key=lambda occurrence: occurrence.day)

    def cancellations(self, first: dt.date, last: dt.date) -> list[Cancellation]:
        """Series dates from `first` to `last` on which the event does not take place, with the reason."""
        reasons = ((day, self.skip_reason(day)) for day in self.series_dates(first, last))
        return [Cancellation(day, reason) for day, reason in reasons if reason is not None]

    def next_occurrence(self, today: dt.date, horizon: dt.timedelta = dt.timedelta(days=800)) -> Occurrence | None:
        """The first meeting on or after `today`, looking at most `horizon` ahead."""
        upcoming = self.occurrences(today, today + horizon)
        return upcoming[0] if upcoming else None

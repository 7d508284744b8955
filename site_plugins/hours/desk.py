"""When the desk is staffed: the rule evaluated for the coming year, from a given moment.

Everything is computed for a `now` handed in (the build time), so pages and tests agree.
Times are timezone-aware in Europe/Oslo, so a daylight-saving change moves nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from opening_hours import State

from ..web.clock import OSLO
from .closed_days import ClosedDays
from .rule import HoursRule

HORIZON_DAYS = 366
"""The staffed intervals cover the next 12 months, so a page built long ago still tells the truth."""
CHANGES_DAYS = 183
"""Closures and changed hours are listed for the next six months."""
STAFFED_DAYS_SHOWN = 8
LISTED_AHEAD = 2 * STAFFED_DAYS_SHOWN
"""Staffed days written into a page; its script hides those past and shows the first eight left."""

Span = tuple[dt.datetime, dt.datetime, State, str]
"""One stretch of the evaluated rule, as opening-hours-py gives it: start, end, state and comment."""


@dataclass(frozen=True)
class Interval:
    """A staffed stretch of time, both ends aware in Europe/Oslo."""

    start: dt.datetime
    end: dt.datetime


@dataclass(frozen=True)
class DayChange:
    """A day whose hours differ from the usual week: closed (no spans) or with other hours, and why."""

    day: dt.date
    spans: tuple[Interval, ...]
    reason: str | None

    @property
    def closed(self) -> bool:
        return not self.spans


@dataclass(frozen=True)
class DeskHours:
    """The desk's staffed intervals for the next 12 months and the changes of the next six, as of `now`."""

    rule: HoursRule
    now: dt.datetime
    until: dt.datetime
    intervals: tuple[Interval, ...]
    changes: tuple[DayChange, ...]
    warnings: tuple[str, ...]

    def staffed_days(self, count: int = STAFFED_DAYS_SHOWN) -> list[tuple[dt.date, list[Interval]]]:
        """The next `count` days with staffed hours still ahead (today counts while it is open)."""
        ahead = [interval for interval in self.intervals if interval.end > self.now]
        days = [(day, list(spans)) for day, spans in groupby(ahead, key=lambda interval: interval.start.date())]
        return days[:count]


def desk_hours(rule: HoursRule, closed_days: ClosedDays, now: dt.datetime) -> DeskHours:
    """Evaluate `rule` from the start of `now`'s day in Oslo for the next 12 months."""
    now = now.astimezone(OSLO)
    start = dt.datetime.combine(now.date(), dt.time(), OSLO)
    until = dt.datetime.combine(now.date() + dt.timedelta(days=HORIZON_DAYS), dt.time(), OSLO)
    evaluator = rule.evaluator()
    spans = list(evaluator.intervals(start, until))
    intervals = _merged(_open(spans))
    usual = _by_day(_merged(_open(rule.evaluator(rule.weekly_only).intervals(start, until))))
    staffed = _by_day(intervals)
    comments = _comments_by_day(spans)
    last_day = now.date() + dt.timedelta(days=CHANGES_DAYS)
    changes = []
    for day in sorted(set(usual) | set(staffed)):
        if day <= last_day and _times(usual.get(day, [])) != _times(staffed.get(day, [])):
            reason = _reason(day, rule, closed_days, comments)
            changes.append(DayChange(day, tuple(staffed.get(day, [])), reason))
    warnings = [f"the opening-hours rule: {warning}" for warning in evaluator.warnings]
    if not intervals:
        warnings.append("the opening-hours rule never staffs the desk in the next 12 months")
    return DeskHours(rule, now, until, tuple(intervals), tuple(changes), tuple(warnings))


def _open(spans: Iterable[Span]) -> list[Interval]:
    return [
        Interval(start.astimezone(OSLO), end.astimezone(OSLO)) for start, end, state, _ in spans if state == State.OPEN
    ]


def _merged(intervals: list[Interval]) -> list[Interval]:
    """Join intervals that touch (the library splits where a comment changes)."""
    merged: list[Interval] = []
    for interval in intervals:
        if merged and merged[-1].end == interval.start:
            merged[-1] = Interval(merged[-1].start, interval.end)
        else:
            merged.append(interval)
    return merged


def _by_day(intervals: list[Interval]) -> dict[dt.date, list[Interval]]:
    days: dict[dt.date, list[Interval]] = defaultdict(list)
    for interval in intervals:
        days[interval.start.date()].append(interval)
    return days


def _times(intervals: list[Interval]) -> list[tuple[dt.time, dt.time]]:
    return [(interval.start.time(), interval.end.time()) for interval in intervals]


def _comments_by_day(spans: Iterable[Span]) -> dict[dt.date, str]:
    """The comment (`off "juleferie"`) the rule gives each day that is closed by a commented rule."""
    comments: dict[dt.date, str] = {}
    for start, end, _state, comment in spans:
        if not comment:
            continue
        day, last = start.astimezone(OSLO).date(), (end.astimezone(OSLO) - dt.timedelta(microseconds=1)).date()
        while day <= last:
            comments.setdefault(day, comment)
            day += dt.timedelta(days=1)
    return comments


def _reason(day: dt.date, rule: HoursRule, closed_days: ClosedDays, comments: dict[dt.date, str]) -> str | None:
    """Why a day differs: a public holiday's name first, then the rule's comment (school holiday, extra day)."""
    holiday = closed_days.public_holiday(day) if rule.public_holidays_off else None
    return holiday or comments.get(day)

"""Checks of an `event:` block that involve several fields: times in order, a possible recurrence,
exceptions that are dates of the series, an agenda inside the event. Each problem names its field."""

from __future__ import annotations

import datetime as dt

from ..sources.problems import Problem
from ..sources.yaml_lines import Loc, YamlDocument, field_name
from ..web.norwegian import clock, english_weekday
from .model import EventSpec
from .recurrence import Schedule, nth_weekday_of_month

ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}
_NEAREST_WITHIN = dt.timedelta(days=400)


class _Checker:
    def __init__(self, spec: EventSpec, doc: YamlDocument, schedule: Schedule):
        self.spec, self.doc, self.schedule = spec, doc, schedule
        self.problems: list[Problem] = []

    def problem(self, loc: Loc, message: str) -> None:
        full = ("event", *loc)
        self.problems.append(Problem(self.doc.path, self.doc.line_of(full), field_name(full), message))

    def times(self) -> None:
        spec = self.spec
        if spec.all_day:
            for name in ("end", "duration", "agenda"):
                if getattr(spec, name):
                    self.problem((name,), f"a day-long event (a start without a time) has no {name}; "
                                          "give the start a time, like \"2026-08-18 12:00\", or remove it")
            return
        assert isinstance(spec.start, dt.datetime)
        if spec.end is None and spec.duration is None:
            self.problem(("start",), "say when it ends: add end (like end: \"14:00\") or duration (like duration: 2h)")
        elif spec.end is not None and spec.duration is not None:
            self.problem(("duration",), "give either end or duration, not both")
        elif spec.end is not None and spec.end <= spec.start.time():
            self.problem(
                ("end",),
                f"ends at {clock(spec.end)}, which is not after the start at {clock(spec.start.time())}; "
                "an event ends on the day it starts",
            )
        elif spec.duration is not None and (spec.start + spec.duration).date() != spec.start.date():
            self.problem(
                ("duration",),
                f"runs past midnight ({clock(spec.start.time())} + {spec.duration}); "
                "an event ends on the day it starts",
            )

    def recurrence(self) -> None:
        recurrence = self.spec.recurrence
        if recurrence is None:
            return
        start = self.spec.first_day
        if recurrence.until is not None and recurrence.until < start:
            self.problem(
                ("recurrence", "until"),
                f"{recurrence.until} is before the start {start}; the series would never take place",
            )
        nth = recurrence.weekday_of_month
        if nth is None:
            return
        if recurrence.frequency != "monthly":
            self.problem(
                ("recurrence", "weekday_of_month"),
                "belongs to a monthly series only; remove it, or write frequency: monthly",
            )
            return
        number, last = nth_weekday_of_month(start)
        if (nth == -1 and not last) or (nth != -1 and nth != number):
            weekday = english_weekday(start.weekday())
            self.problem(
                ("recurrence", "weekday_of_month"),
                f"the start {start} is the {ORDINALS[number]} {weekday} of its month, not the {ORDINALS[nth]}; "
                f"write weekday_of_month: {number}, or move the start to a {ORDINALS[nth]} {weekday}",
            )

    def exceptions(self) -> None:
        exceptions = self.spec.exceptions
        if exceptions is None:
            return
        if self.spec.recurrence is None:
            self.problem(
                ("exceptions",), "only a repeating event has exceptions; add a recurrence or remove the exceptions"
            )
            return
        for index, day in enumerate(exceptions.dates):
            if not self.schedule.is_series_date(day):
                self.problem(
                    ("exceptions", "dates", index), f"{day} is not one of the event's dates{self._nearest(day)}"
                )
        moved_to: set[dt.date] = set()
        for index, moved in enumerate(exceptions.moved):
            if not self.schedule.is_series_date(moved.date):
                self.problem(
                    ("exceptions", "moved", index, "date"),
                    f"{moved.date} is not one of the event's dates{self._nearest(moved.date)}",
                )
            elif moved.date in exceptions.dates:
                self.problem(
                    ("exceptions", "moved", index, "date"),
                    f"{moved.date} is also cancelled under exceptions.dates; keep one of the two",
                )
            if moved.to in moved_to or (
                moved.to != moved.date
                and self.schedule.is_series_date(moved.to)
                and self.schedule.skip_reason(moved.to) is None
                and moved.to not in self.schedule.moved
            ):
                self.problem(("exceptions", "moved", index, "to"), f"the event already takes place on {moved.to}")
            moved_to.add(moved.to)

    def _nearest(self, day: dt.date) -> str:
        around = self.schedule.series_dates(day - _NEAREST_WITHIN, day + _NEAREST_WITHIN)
        before = [other for other in around if other < day][-1:]
        after = [other for other in around if other > day][:1]
        near = [str(other) for other in before + after]
        return (
            f"; the nearest are {' and '.join(near)}"
            if len(near) > 1
            else (f"; the nearest is {near[0]}" if near else "")
        )

    def agenda(self) -> None:
        spec = self.spec
        start, end = spec.start_time, spec.end_time
        if not spec.agenda or start is None or end is None:
            return
        previous: dt.time | None = None
        for index, item in enumerate(spec.agenda):
            loc = ("agenda", index, "time")
            if not start <= item.time < end:
                self.problem(loc, f"{clock(item.time)} is outside the event ({clock(start)}–{clock(end)})")
            elif previous is not None and item.time <= previous:
                self.problem(
                    loc,
                    f"{clock(item.time)} does not come after the point before it ({clock(previous)}); "
                    "list the points in the order they happen",
                )
            previous = item.time

    def organisers(self) -> None:
        if not self.spec.organiser and not self.spec.host:
            self.problem(
                ("organiser",),
                "name who arranges it: an organisation's file name from organisations/ "
                "(organiser), or a host outside the directory (host)",
            )
        seen: set[str] = set()
        for index, slug in enumerate(self.spec.organiser):
            if slug in seen:
                self.problem(("organiser", index), f"{slug!r} is listed twice; list each organisation once")
            seen.add(slug)


def check_event(spec: EventSpec, doc: YamlDocument, schedule: Schedule) -> list[Problem]:
    """Every problem that involves more than one field of the `event:` block."""
    checker = _Checker(spec, doc, schedule)
    checker.recurrence()
    if not checker.problems:  # the exceptions can only be compared with a possible series
        checker.exceptions()
    checker.times()
    checker.organisers()
    checker.agenda()
    return checker.problems

"""The days the desk can be closed for, with their reason: public holidays, school holidays, extra days.

This is a calendar only; whether the desk actually closes follows from its opening-hours rule
(`SH off`, `PH off`), see `rule.py`. Events use the same calendar to skip holidays.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..sources.config_location import OptionLocation
from ..sources.problems import Problem
from ..web.norwegian import date_nb, day_of_year_text
from .public_holidays import public_holiday
from .school_holidays import SchoolCalendar

_DAY = re.compile(r"(?:(?P<year>\d{4})-)?(?P<month>\d{1,2})-(?P<day>\d{1,2})")
OSM_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class ExtraClosedDay:
    """A day the desk is always closed although it is no public holiday, e.g. julaften.

    Without `year` it recurs every year on `month`-`day`.
    """

    month: int
    day: int
    reason: str
    year: int | None = None

    def falls_on(self, day: dt.date) -> bool:
        return (day.month, day.day) == (self.month, self.day) and self.year in (None, day.year)

    def osm_rule(self) -> str:
        """The day as an `opening_hours` rule: `Dec 24 off "julaften"`."""
        year = f"{self.year} " if self.year else ""
        return f'{year}{OSM_MONTHS[self.month - 1]} {self.day:02d} off "{self.reason}"'

    def label(self) -> str:
        """24. desember (every year) or 24. desember 2026."""
        if self.year is None:
            return day_of_year_text(self.month, self.day)
        return date_nb(dt.date(self.year, self.month, self.day))


@dataclass(frozen=True)
class ClosedDays:
    """Looks up why a day is special: a public holiday, a school holiday or an extra closed day."""

    school: SchoolCalendar
    extra: tuple[ExtraClosedDay, ...] = ()

    def public_holiday(self, day: dt.date) -> str | None:
        """The public holiday's Norwegian name ("Kristi himmelfartsdag"), or None."""
        return public_holiday(day)

    def school_holiday(self, day: dt.date) -> str | None:
        """The school holiday's reason from the school calendar ("vinterferie"), or None."""
        holiday = self.school.holiday_on(day)
        return holiday.reason if holiday else None

    def extra_closed_day(self, day: dt.date) -> str | None:
        """The reason of a configured extra closed day ("julaften"), or None."""
        return next((extra.reason for extra in self.extra if extra.falls_on(day)), None)


def parse_extra_closed_days(raw: Any, where: OptionLocation) -> tuple[tuple[ExtraClosedDay, ...], list[Problem]]:
    """Read `extra_closed_days` from mkdocs.yml: `"12-24": julaften` (every year) or `"2026-12-23": reason`."""
    if not isinstance(raw, dict):
        return (), [where.problem('expected dates with their reason, like  "12-24": julaften')]
    days: list[ExtraClosedDay] = []
    problems: list[Problem] = []
    for key, reason in raw.items():
        here = where.at(str(key))
        day = _closed_day(key)
        if day is None:
            problems.append(here.problem(f"{key!r} is not a date; write MM-DD for every year (\"12-24\") "
                                         "or YYYY-MM-DD for one year (\"2026-12-23\"), in quotes"))
        elif not isinstance(reason, str) or not reason.strip():
            problems.append(here.problem("give the reason in Norwegian as text, e.g. julaften"))
        elif '"' in reason:
            problems.append(here.problem('the reason must not contain a double quote (")'))
        else:
            days.append(ExtraClosedDay(day[1], day[2], reason.strip(), day[0]))
    return tuple(days), problems


def _closed_day(key: Any) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) from "12-24", "2026-12-23" or a YAML date; None when it is no real day."""
    if isinstance(key, dt.date):
        return key.year, key.month, key.day
    match = _DAY.fullmatch(str(key).strip())
    if not match:
        return None
    year = int(match["year"]) if match["year"] else None
    month, day = int(match["month"]), int(match["day"])
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year, so 02-29 passes as a yearly day
    except ValueError:
        return None
    return year, month, day

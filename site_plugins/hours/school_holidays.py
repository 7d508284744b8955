"""The local school calendar: dated holiday ranges with their reason, read from one YAML file.

opening-hours-py knows no Norwegian school holidays, so `SH off` in the desk's rule is
expanded from this file (see `hours/rule.py`), and events can skip these ranges too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..sources.fields import Date, Fields, Text
from ..sources.problems import Problem, SourceError
from ..sources.validation import validate
from ..sources.yaml_lines import read_yaml

SCHOOL_HOLIDAYS_FILE = "_school_holidays.yaml"
COVERAGE_AHEAD = dt.timedelta(days=60)
LONGEST_HOLIDAY = dt.timedelta(days=80)


@dataclass(frozen=True)
class SchoolHoliday:
    """Days off school from `first` to `last` (both included), e.g. høstferie."""

    first: dt.date
    last: dt.date
    reason: str

    def __contains__(self, day: dt.date) -> bool:
        return self.first <= day <= self.last


@dataclass(frozen=True)
class SchoolCalendar:
    """Every school holiday in the file, in date order, and the last day the file speaks for."""

    holidays: tuple[SchoolHoliday, ...]
    source: str | None = None

    def holiday_on(self, day: dt.date) -> SchoolHoliday | None:
        return next((holiday for holiday in self.holidays if day in holiday), None)

    @property
    def covered_until(self) -> dt.date | None:
        """The end of the last listed holiday; after it the file cannot tell school days from holidays."""
        return max((holiday.last for holiday in self.holidays), default=None)

    def coverage_warning(self, today: dt.date, display: str) -> str | None:
        """A warning when the file does not reach 60 days past `today`, so editors add the next school year."""
        needed = today + COVERAGE_AHEAD
        until = self.covered_until
        if until is not None and until >= needed:
            return None
        reach = f"ends on {until.isoformat()}" if until else "lists no holidays"
        return (
            f"{display}: the school calendar {reach}, but the opening hours need it at least to {needed.isoformat()}; "
            "add the next school year's holidays (see the file's first lines for where to find them)"
        )


class _HolidayEntry(Fields):
    first_day: Date = Field(description="First day off school (YYYY-MM-DD).")
    last_day: Date = Field(description="Last day off school (YYYY-MM-DD); the same as `first_day` for a single day.")
    reason: Annotated[str, Field(min_length=1, max_length=60)] = Field(
        description="The holiday's name as it is shown on the site, e.g. 'vinterferie'."
    )

    @field_validator("reason")
    @classmethod
    def _no_quotes(cls, reason: str) -> str:
        if '"' in reason:
            raise PydanticCustomError("reason_quote", 'must not contain a double quote (")')
        return reason

    @model_validator(mode="after")
    def _in_order(self) -> _HolidayEntry:
        if self.last_day < self.first_day:
            raise PydanticCustomError(
                "holiday_order", f"last_day ({self.last_day}) is before first_day ({self.first_day})"
            )
        if self.last_day - self.first_day > LONGEST_HOLIDAY:
            raise PydanticCustomError(
                "holiday_length",
                f"lasts {(self.last_day - self.first_day).days + 1} days; "
                f"no school holiday is longer than {LONGEST_HOLIDAY.days}, check the years",
            )
        return self


class CalendarFile(Fields):
    """The school calendar file as editors write it."""

    source: Text | None = Field(
        None, description="Where the school calendar is published (the municipality's skolerute)."
    )
    holidays: list[_HolidayEntry] = Field(description="One entry per holiday: first_day, last_day, reason.")


def load_school_calendar(path: Path, display: str) -> SchoolCalendar:
    """Read the school calendar; raise SourceError naming file, line and field of every problem."""
    if not path.is_file():
        message = (
            "the school calendar is missing; create it with a `holidays:` list of `first_day`, `last_day` and "
            "`reason`, or point `plugins.torget.school_holidays` in mkdocs.yml at it"
        )
        raise SourceError([Problem(display, None, None, message)])
    doc, problems = read_yaml(path, display)
    if doc.data is None:
        raise SourceError(problems)
    parsed, found = validate(CalendarFile, doc, {}, {})
    unreadable = {p.field for p in problems}
    problems += [p for p in found if p.field not in unreadable]
    if parsed is None or problems:
        raise SourceError(problems)
    entries = sorted(enumerate(parsed.holidays), key=lambda pair: (pair[1].first_day, pair[1].last_day))
    for (earlier_index, earlier), (later_index, later) in pairwise(entries):
        if later.first_day <= earlier.last_day:
            earlier_line = doc.line_of(("holidays", earlier_index))
            problems.append(
                Problem(
                    display,
                    doc.line_of(("holidays", later_index)),
                    f"holidays[{later_index + 1}]",
                    _overlap(earlier, earlier_line, later),
                )
            )
    if problems:
        raise SourceError(problems)
    holidays = tuple(SchoolHoliday(entry.first_day, entry.last_day, entry.reason) for _, entry in entries)
    return SchoolCalendar(holidays, parsed.source)


def _overlap(earlier: _HolidayEntry, earlier_line: int, later: _HolidayEntry) -> str:
    span = f"{earlier.first_day}–{earlier.last_day}"
    if earlier.reason.casefold() == later.reason.casefold():
        return f"overlaps the {earlier.reason!r} range {span} on line {earlier_line}; merge the two into one entry"
    return (
        f"{later.reason!r} ({later.first_day}–{later.last_day}) overlaps {earlier.reason!r} "
        f"({span}, line {earlier_line}); a day can only have one reason, so correct the dates"
    )

"""The desk's opening-hours rule in OpenStreetMap `opening_hours` syntax: checked, explained, expanded.

opening-hours-py parses and evaluates the rule; this module only splits the library's normalised
form into its rules to check that each is one the site can explain in Norwegian, and replaces
`SH off` with the school calendar's dated ranges (the library has no Norwegian school holidays).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

import opening_hours

from ..sources.config_location import OptionLocation
from ..sources.problems import Problem
from ..web.clock import OSLO
from .closed_days import OSM_MONTHS, ClosedDays
from .school_holidays import SchoolHoliday

COUNTRY = "NO"
OSM_WEEKDAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")

_DAY = "|".join(OSM_WEEKDAYS)
_MONTH = "|".join(OSM_MONTHS)
_TIME = r"\d{2}:\d{2}-\d{2}:\d{2}"
_TIMES = rf"{_TIME}(?:,{_TIME})*"
_COMMENT = r'(?: "[^"]*")?'
_DATE = rf"(?:\d{{4}} )?(?:{_MONTH}) \d{{1,2}}"
_DATES = rf"{_DATE}(?:[-,](?:\d{{4}} )?(?:(?:{_MONTH}) )?\d{{1,2}})*"
WEEKLY = re.compile(rf"(?P<days>(?:{_DAY})(?:-(?:{_DAY}))?(?:,(?:{_DAY})(?:-(?:{_DAY}))?)*) (?P<times>{_TIMES})")
PUBLIC_HOLIDAYS_OFF = re.compile(rf"PH closed{_COMMENT}")
SCHOOL_HOLIDAYS_OFF = re.compile(rf"SH closed{_COMMENT}")
DATED = re.compile(rf"{_DATES} (?:closed|{_TIMES}){_COMMENT}")

SUPPORTED = ("weekday hours (`We 11:00-14:00`, `Mo-Fr 09:00-11:00,12:00-15:00`), `PH off`, `SH off` "
             "and dated exceptions (`2026 Dec 02 off \"kurs\"`, `2026 Dec 23 11:00-13:00`), separated by `;`")


@dataclass(frozen=True)
class WeeklyHours:
    """One weekly rule: the weekdays (0 = Monday) and their staffed time spans ("11:00", "14:00")."""

    weekdays: tuple[int, ...]
    spans: tuple[tuple[str, str], ...]

    @classmethod
    def parse(cls, days: str, times: str) -> WeeklyHours:
        """From a weekly rule's two parts as `WEEKLY` matches them: `Mo-Fr,Su` and `09:00-11:00,12:00-15:00`."""
        return cls(_weekdays(days), _spans(times))


def usual_week(weekly: Iterable[WeeklyHours]) -> list[WeeklyHours]:
    """Days with equal hours together; as in opening_hours, a later rule for a weekday wins."""
    by_day = {day: hours.spans for hours in weekly for day in hours.weekdays}
    merged: dict[tuple[tuple[str, str], ...], list[int]] = {}
    for day in sorted(by_day):
        merged.setdefault(by_day[day], []).append(day)
    return [WeeklyHours(tuple(days), spans) for spans, days in merged.items()]


@dataclass(frozen=True)
class HoursRule:
    """A checked rule: as written, the parts the page explains, and the rule the library evaluates."""

    written: str
    weekly: tuple[WeeklyHours, ...]
    public_holidays_off: bool
    school_holidays_off: bool
    dated_exceptions: bool
    expanded: str
    """The rule with `SH off` replaced by dated ranges and the extra closed days appended."""
    weekly_only: str
    """Only the weekly rules: the desk's usual week, against which closures are found."""

    @property
    def usual_week(self) -> list[WeeklyHours]:
        """The usual week, days with equal hours together."""
        return usual_week(self.weekly)

    def evaluator(self, rule: str | None = None) -> opening_hours.OpeningHours:
        return opening_hours.OpeningHours(rule or self.expanded, timezone=OSLO, country=COUNTRY)


def parse_hours_rule(
    written: str, closed_days: ClosedDays, where: OptionLocation
) -> tuple[HoursRule | None, list[Problem]]:
    """Check `written` and expand it with the school calendar and extra closed days."""
    if not written.strip():
        return None, [
            where.problem(
                f"is empty; write the desk's hours, e.g. `We 11:00-14:00; SH off; PH off`. Allowed: {SUPPORTED}"
            )
        ]
    try:
        normalized = str(opening_hours.OpeningHours(written, timezone=OSLO, country=COUNTRY).normalize())
    except opening_hours.ParserError as error:  # type: ignore[attr-defined]  # missing from the library's stubs
        return None, [where.problem(syntax_message(written, str(error), SUPPORTED))]
    parts = split_rules(normalized)
    problems: list[Problem] = []
    weekly: list[WeeklyHours] = []
    kept: list[str] = []
    for separator, text in parts:
        if separator not in ("", "; "):
            problems.append(
                where.problem(
                    f"cannot use {separator.strip()!r} before {text!r}: separate the rules with `;` "
                    "(`,` between rules and `||` fallbacks are not supported)"
                )
            )
        elif match := WEEKLY.fullmatch(text):
            weekly.append(WeeklyHours.parse(match["days"], match["times"]))
        elif SCHOOL_HOLIDAYS_OFF.fullmatch(text):
            kept += [_school_rule(holiday) for holiday in closed_days.school.holidays]
            continue
        elif not (PUBLIC_HOLIDAYS_OFF.fullmatch(text) or DATED.fullmatch(text)):
            problems.append(
                where.problem(
                    f"the part {text!r} is valid opening_hours syntax, but the site cannot "
                    f"explain it to visitors. Allowed: {SUPPORTED}"
                )
            )
        kept.append(text)
    if not weekly and not problems:
        problems.append(where.problem("names no weekday with hours; start with the usual week, e.g. `We 11:00-14:00`"))
    if problems:
        return None, problems
    expanded = "; ".join([*kept, *(extra.osm_rule() for extra in closed_days.extra)])
    texts = [text for _, text in parts]
    return HoursRule(
        written=written,
        weekly=tuple(weekly),
        public_holidays_off=any(PUBLIC_HOLIDAYS_OFF.fullmatch(text) for text in texts),
        school_holidays_off=any(SCHOOL_HOLIDAYS_OFF.fullmatch(text) for text in texts),
        dated_exceptions=any(DATED.fullmatch(text) for text in texts),
        expanded=expanded,
        weekly_only="; ".join(text for text in texts if WEEKLY.fullmatch(text)),
    ), []


def split_rules(normalized: str) -> list[tuple[str, str]]:
    """`We 11:00-14:00; PH closed` -> [("", "We 11:00-14:00"), ("; ", "PH closed")]; quotes are respected."""
    parts: list[tuple[str, str]] = []
    separator, start, quoted = "", 0, False
    index = 0
    while index < len(normalized):
        char = normalized[index]
        if char == '"':
            quoted = not quoted
        elif not quoted:
            for candidate in ("; ", ", ", " || "):
                if normalized.startswith(candidate, index):
                    parts.append((separator, normalized[start:index]))
                    separator, start = candidate, index + len(candidate)
                    index = start - 1
                    break
        index += 1
    parts.append((separator, normalized[start:]))
    return parts


def _weekdays(days: str) -> tuple[int, ...]:
    found: list[int] = []
    for piece in days.split(","):
        first, _, last = piece.partition("-")
        start, end = OSM_WEEKDAYS.index(first), OSM_WEEKDAYS.index(last or first)
        span = range(start, end + 1) if start <= end else [*range(start, 7), *range(0, end + 1)]
        found += [day for day in span if day not in found]
    return tuple(sorted(found))


def _spans(times: str) -> tuple[tuple[str, str], ...]:
    return tuple(tuple(span.split("-")) for span in times.split(","))  # type: ignore[misc]


def _school_rule(holiday: SchoolHoliday) -> str:
    def osm(day: dt.date) -> str:
        return f"{day.year} {OSM_MONTHS[day.month - 1]} {day.day:02d}"

    return f'{osm(holiday.first)}-{osm(holiday.last)} closed "{holiday.reason}"'


def syntax_message(written: str, error: str, supported: str) -> str:
    """Point at the part the library could not read, e.g. `sh off` in `We 11:00-14:00; sh off`."""
    where = re.search(r"--> (\d+):(\d+)", error)
    column = int(where[2]) - 1 if where else 0
    part_start = written.rfind(";", 0, column) + 1
    part = written[part_start:].split(";")[0].strip()
    rest = written[column:].split(";")[0].strip()
    if not rest:
        what = f"{written!r} ends too early, after {written[:column].strip()!r}"
    elif rest == part:
        what = f"cannot read {part!r} (character {column + 1} of the rule)"
    else:
        what = f"cannot read {part!r}: it goes wrong at {rest!r} (character {column + 1} of the rule)"
    return (
        f"{what}. Write the rule in OpenStreetMap opening_hours syntax: weekdays Mo Tu We Th Fr Sa Su, "
        f"times as 11:00-14:00, `PH`/`SH` in capitals. Allowed: {supported}"
    )

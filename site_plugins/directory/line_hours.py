"""When a helpline answers: its `hours` rule (OpenStreetMap `opening_hours`), checked, explained and expanded.

A line's rule is smaller than the desk's: day and night (`24/7`), or weekdays with times, optionally
`PH off`. It has no school holidays and no dated exceptions, since no source gives them for a line.
The same library evaluates it as the desk's rule, and the same status script shows «Åpen nå».
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import opening_hours
from opening_hours import State
from pydantic_core import PydanticCustomError

from ..hours.rule import COUNTRY, PUBLIC_HOLIDAYS_OFF, WEEKLY, WeeklyHours, split_rules, syntax_message, usual_week
from ..web.clock import OSLO

ALWAYS = "24/7"
SUPPORTED = ("`24/7` (day and night), or weekdays with times (`Mo-Fr 10:00-15:00`, `Tu 16:00-18:00; "
             "We 10:00-12:00`), optionally with `PH off` (closed on public holidays), separated by `;`")


def line_hours_rule(written: str) -> str:
    """Check a helpline's `hours:` rule; it is kept as written (validator for the model)."""
    try:
        normalized = str(opening_hours.OpeningHours(written, timezone=OSLO, country=COUNTRY).normalize())
    except opening_hours.ParserError as error:  # type: ignore[attr-defined]  # missing from the library's stubs
        raise PydanticCustomError("line_hours", syntax_message(written, str(error), SUPPORTED)) from None
    if normalized == ALWAYS:
        return written
    for separator, text in split_rules(normalized):
        if separator not in ("", "; ") or not (WEEKLY.fullmatch(text) or PUBLIC_HOLIDAYS_OFF.fullmatch(text)):
            raise PydanticCustomError(
                "line_hours",
                f"the part {text!r} is valid opening_hours syntax, but the site cannot explain it to visitors. "
                f"Allowed: {SUPPORTED}")
    if not any(WEEKLY.fullmatch(text) for _, text in split_rules(normalized)):
        raise PydanticCustomError("line_hours", f"names no weekday with times. Allowed: {SUPPORTED}")
    return written


@dataclass(frozen=True)
class LineHours:
    """A helpline's checked rule: answered day and night, or its usual week (and whether public holidays are off)."""

    written: str
    always: bool
    week: tuple[WeeklyHours, ...]
    public_holidays_off: bool

    def intervals(self, start: dt.datetime, until: dt.datetime) -> list[tuple[dt.datetime, dt.datetime]]:
        """The answered stretches between `start` and `until`, aware in Europe/Oslo, touching ones joined."""
        evaluator = opening_hours.OpeningHours(self.written, timezone=OSLO, country=COUNTRY)
        joined: list[tuple[dt.datetime, dt.datetime]] = []
        for begin, end, state, _comment in evaluator.intervals(start, until):
            if state != State.OPEN:
                continue
            begin, end = begin.astimezone(OSLO), end.astimezone(OSLO)
            if joined and joined[-1][1] == begin:
                joined[-1] = (joined[-1][0], end)
            else:
                joined.append((begin, end))
        return joined


def line_hours(written: str) -> LineHours:
    """The parts of a rule `line_hours_rule` accepted, for the text and the status."""
    normalized = str(opening_hours.OpeningHours(written, timezone=OSLO, country=COUNTRY).normalize())
    if normalized == ALWAYS:
        return LineHours(written, True, (), False)
    texts = [text for _, text in split_rules(normalized)]
    weekly = [WeeklyHours.parse(match["days"], match["times"]) for text in texts if (match := WEEKLY.fullmatch(text))]
    return LineHours(written, False, tuple(usual_week(weekly)),
                     any(PUBLIC_HOLIDAYS_OFF.fullmatch(text) for text in texts))

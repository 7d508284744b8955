"""The `event:` block in a page's front matter, as editors write it, validated field by field.

Checks that need several fields at once (an end before the start, an exception that is not
one of the event's dates) are in `checks.py`, so each problem names the field at fault.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    ValidationInfo,
)
from pydantic_core import PydanticCustomError

from ..directory.load import Directory
from ..sources.fields import Date, Fields, Text, one_or_many
from ..web.text import slugify

# 14:00, 9:30 and the Norwegian 14.00; seconds are allowed but not shown.
_CLOCK = re.compile(r"(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)(?:[:.](?P<second>[0-5]\d))?")
_DURATION = re.compile(
    r"(?:(?P<hours>\d+)\s*(?:h|t|timer?))?\s*(?:(?P<minutes>\d+)\s*(?:m|min|minutter))?", re.IGNORECASE
)
FREQUENCIES = ("weekly", "monthly", "yearly")
WEEKDAY_OF_MONTH = (1, 2, 3, 4, 5, -1)


def clock_text(source: str) -> bool:
    """Whether YAML source text is a clock time, which YAML 1.1 reads as a number (14:00 -> 840, 14.30 -> 14.3)."""
    return _CLOCK.fullmatch(source.strip()) is not None


def parse_clock(value: Any) -> dt.time:
    if isinstance(value, dt.time):
        return value
    match = _CLOCK.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        raise PydanticCustomError("clock", f'{value!r} is not a time of day; write it like "14:00"')
    return dt.time(int(match["hour"]), int(match["minute"]), int(match["second"] or 0))


def _start(value: Any) -> dt.date | dt.datetime:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            raise PydanticCustomError(
                "start_zone", "write the local time in Norway without a time zone, like 2026-08-18 12:00"
            )
        return value
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = re.sub(r"\s+(?:kl\.?\s*)?", " ", value.strip())
        day, _, clock = text.replace("T", " ").partition(" ")
        try:
            date = dt.date.fromisoformat(day)
            return dt.datetime.combine(date, parse_clock(clock)) if clock else date
        except (ValueError, PydanticCustomError):
            pass
    raise PydanticCustomError(
        "start_format",
        f'{value!r} is not a start; write a date and a time like "2026-08-18 12:00", '
        "or only a date (2026-10-10) for a day-long event",
    )


def _duration(value: Any) -> dt.timedelta:
    if isinstance(value, str):
        text = value.strip()
        clock = _CLOCK.fullmatch(text)
        match = _DURATION.fullmatch(text)
        if clock:
            length = dt.timedelta(hours=int(clock["hour"]), minutes=int(clock["minute"]))
        elif text and match and (match["hours"] or match["minutes"]):
            length = dt.timedelta(hours=int(match["hours"] or 0), minutes=int(match["minutes"] or 0))
        else:
            length = None
        if length is not None and dt.timedelta(0) < length < dt.timedelta(days=1):
            return length
    raise PydanticCustomError(
        "duration", f'{value!r} is not a length of time; write it like "2h", "90 min" or "1h 30 min" (less than a day)'
    )


def _interval(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise PydanticCustomError(
            "interval", f"{value!r} is not a whole number; write 1 for every week/month/year, 2 for every other"
        )
    if value < 1:
        raise PydanticCustomError(
            "interval", f"{value} is impossible: the event repeats every 1 or more weeks, months or years"
        )
    return value


def _frequency(value: Any) -> str:
    if value not in FREQUENCIES:
        close = difflib.get_close_matches(str(value), FREQUENCIES, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        raise PydanticCustomError("frequency", f"{value!r} is not a frequency.{hint} Allowed: {', '.join(FREQUENCIES)}")
    return str(value)


def _weekday_of_month(value: Any) -> int:
    if isinstance(value, bool) or value not in WEEKDAY_OF_MONTH:
        raise PydanticCustomError(
            "weekday_of_month",
            f"{value!r} is impossible: a month has at most five of each weekday. "
            "Write 1 to 5 for the first to fifth, or -1 for the last",
        )
    return int(value)


def _known_organisation(slug: str, info: ValidationInfo) -> str:
    directory: Directory | None = (info.context or {}).get("directory")
    if directory is None or directory.organisation(slug) is not None:
        return slug
    if renamed := directory.renamed(slug):
        raise PydanticCustomError("renamed_organisation", f"{slug!r} is the former file name of {renamed.slug}.yaml "
                                                          f"({renamed.name}); write {renamed.slug!r}")
    slugs = [org.slug for org in directory.organisations]
    by_name = {slugify(org.name): org.slug for org in directory.organisations}
    by_short_name = {org.short_name.casefold(): org.slug for org in directory.organisations if org.short_name}
    close = (
        difflib.get_close_matches(slug, slugs, n=1)
        or [by_short_name[key] for key in [slug.casefold()] if key in by_short_name]
        or [by_name[name] for name in difflib.get_close_matches(slugify(slug), by_name, n=1)]
    )
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise PydanticCustomError(
        "unknown_organisation",
        f"{slug!r} is not an organisation in the directory.{hint} "
        "Write the name of its file in organisations/ without .yaml",
    )


ClockTime = Annotated[dt.time, BeforeValidator(parse_clock)]
# The web editor offers the directory's organisations for these (a relation to its `organisations` collection).
OrganisationSlug = Annotated[
    str, AfterValidator(_known_organisation), Field(json_schema_extra={"x-torget-relation": "organisations"})
]


class Recurrence(Fields):
    """How the event repeats, counted from its start."""

    frequency: Annotated[str, BeforeValidator(_frequency)] = Field(
        description="weekly, monthly or yearly.", json_schema_extra={"enum": list(FREQUENCIES)}
    )
    interval: Annotated[int, BeforeValidator(_interval)] = Field(
        1, description="Every how many weeks/months/years; 2 = every other."
    )
    weekday_of_month: Annotated[int, BeforeValidator(_weekday_of_month)] | None = Field(
        None,
        description="Monthly only: the start's weekday as the 1st to 5th (or -1, the last) of its month.",
        json_schema_extra={"enum": list(WEEKDAY_OF_MONTH)},
    )
    until: Date | None = Field(None, description="Last day the event can take place (YYYY-MM-DD).")


class MovedDate(Fields):
    """One date of the series held on another day (e.g. a meeting that falls on a closed day)."""

    date: Date = Field(description="The date the series falls on.")
    to: Date = Field(description="The day it is held or marked instead.")


class Exceptions(Fields):
    """Dates the series skips or moves."""

    dates: list[Date] = Field([], description="Dates of the series that are cancelled.")
    skip_school_holidays: StrictBool = Field(False, description="true: no meeting in the school holidays.")
    skip_public_holidays: StrictBool = Field(False, description="true: no meeting on public holidays.")
    moved: list[MovedDate] = Field([], description="Dates of the series held on another day.")


class AgendaItem(Fields):
    """One point of the programme; it lasts until the next point (the last until the event ends)."""

    time: ClockTime = Field(description='When the point begins, like "18:00".')
    item: Text = Field(description="What happens, in a few words.")


class EventSpec(Fields):
    """The `event:` block of a page's front matter."""

    title: Annotated[str, Field(min_length=1, max_length=120)] = Field(description="The event's name.")
    start: Annotated[dt.date | dt.datetime, BeforeValidator(_start)] = Field(
        description='First date and time, like "2026-08-18 12:00"; only a date for a day-long event.'
    )
    end: ClockTime | None = Field(None, description='When it ends, like "14:00" (same day).')
    duration: Annotated[dt.timedelta, BeforeValidator(_duration)] | None = Field(
        None, description='Instead of end: "2h", "90 min".'
    )
    location: Text | None = Field(
        None, description="Where it takes place, as a visitor finds it (not for a world day)."
    )
    organiser: Annotated[list[OrganisationSlug], BeforeValidator(one_or_many)] = Field(
        [], description="The organisation (file name in organisations/) or a list of them."
    )
    host: Text | None = Field(None, description="Who hosts it when it is not an organisation in the directory.")
    world_day: StrictBool = Field(
        False, description="true for an international world day: a date, not an event at the desk."
    )
    related: Annotated[list[OrganisationSlug], BeforeValidator(one_or_many)] = Field(
        [], description="World days only: organisations whose work fits the day's theme (file names in organisations/)."
    )
    recurrence: Recurrence | None = None
    exceptions: Exceptions | None = None
    agenda: list[AgendaItem] = Field([], description="The programme: a list of time and item.")

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)

    @property
    def first_day(self) -> dt.date:
        return self.start.date() if isinstance(self.start, dt.datetime) else self.start

    @property
    def length(self) -> dt.timedelta | None:
        """How long each meeting lasts; None for a day-long event."""
        if not isinstance(self.start, dt.datetime):
            return None
        if self.duration is not None:
            return self.duration
        if self.end is not None:
            return dt.datetime.combine(self.start.date(), self.end) - self.start
        return None

    @property
    def start_time(self) -> dt.time | None:
        """The wall-clock time each meeting starts; None for a day-long event."""
        return self.start.time() if isinstance(self.start, dt.datetime) else None

    @property
    def end_time(self) -> dt.time | None:
        """The wall-clock time each meeting ends; None for a day-long event or one without end or duration."""
        if not isinstance(self.start, dt.datetime) or self.length is None:
            return None
        return (self.start + self.length).time()


class EventPage(BaseModel):
    """A page's front matter: the `event:` block, next to the page's own fields (title, description …)."""

    model_config = ConfigDict(extra="allow", frozen=True)

    event: EventSpec
    description: str | None = None

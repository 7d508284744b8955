"""The shift plan: which organisations are on duty at the desk on which staffed day, and what is still open.

Only organisations are named, never a volunteer: nothing on the site may identify a volunteer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..hours.desk import Interval

PLAN_FILE = "_vaktplan.yaml"
"""The plan's file in the organisations folder; without it there is no plan yet."""
ON_DUTY = 2
"""Two volunteers from two different organisations staff each shift (seed 000), with one reserve."""
CHECK_AHEAD = dt.timedelta(weeks=4)
"""`torget check` lists the staffed days this far ahead that still lack an organisation."""
LISTED_AHEAD = dt.timedelta(weeks=13)
"""`/ledige-vakter/` lists the staffed days of the next three months, and any planned shift after them."""


@dataclass(frozen=True)
class Shift:
    """One entry of the plan: a staffed day, the organisations on duty (file names) and the reserve."""

    day: dt.date
    organisations: tuple[str, ...]
    reserve: str | None
    line: int
    """The entry's line in the plan file, for `torget check`."""

    def role_of(self, slug: str) -> str | None:
        """"duty" or "reserve" when the organisation takes part in the shift, else None."""
        if slug in self.organisations:
            return "duty"
        return "reserve" if slug == self.reserve else None


@dataclass(frozen=True)
class ShiftDay:
    """A staffed day from the build on: its hours and its entry in the plan, if it has one."""

    day: dt.date
    spans: tuple[Interval, ...]
    shift: Shift | None

    @property
    def organisations(self) -> tuple[str, ...]:
        return self.shift.organisations if self.shift else ()

    @property
    def reserve(self) -> str | None:
        return self.shift.reserve if self.shift else None

    @property
    def open_slots(self) -> int:
        return ON_DUTY - len(self.organisations)

    @property
    def ends(self) -> dt.datetime:
        """When the day's last staffed span ends; after it the next day is the one to show."""
        return self.spans[-1].end


@dataclass(frozen=True)
class ShiftPlan:
    """The plan's shifts from the build day on, and every staffed day from that day to the plan's horizon."""

    source: str
    """The plan file as editors name it, e.g. organisations/_vaktplan.yaml."""
    shifts: tuple[Shift, ...]
    days: tuple[ShiftDay, ...]

    def __bool__(self) -> bool:
        """A plan with no shift ahead is no plan: the site then says nothing about shifts."""
        return bool(self.shifts)

    @property
    def last_planned(self) -> dt.date | None:
        return self.shifts[-1].day if self.shifts else None

    def planned_days(self) -> list[ShiftDay]:
        """The staffed days up to the last planned shift: what the viewing-time text chooses from."""
        last = self.last_planned
        return [day for day in self.days if last is not None and day.day <= last]

    def of_organisation(self, slug: str) -> list[tuple[ShiftDay, str]]:
        """The days an organisation is on duty ("duty") or reserve ("reserve"), in date order."""
        found = []
        for day in self.days:
            role = day.shift.role_of(slug) if day.shift else None
            if role:
                found.append((day, role))
        return found

    def understaffed(self, today: dt.date) -> list[ShiftDay]:
        """The staffed days of the next four weeks with fewer than two organisations on duty."""
        until = today + CHECK_AHEAD
        return [day for day in self.days if today <= day.day < until and day.open_slots > 0]

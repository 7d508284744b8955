"""Events in plain Norwegian: "Annenhver tirsdag kl. 12:00–14:00", "tirsdag 22. desember"."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..web.norwegian import clock, date_text, weekday_name, weekday_plural
from .model import EventSpec
from .recurrence import Occurrence

if TYPE_CHECKING:
    from .load import UpcomingOccurrence

_NTH = {1: "første", 2: "andre", 3: "tredje", 4: "fjerde", 5: "femte", -1: "siste"}


def day_label(day: dt.date, *, year: bool = False, weekday: bool = True) -> str:
    """tirsdag 22. desember (2026): events name the weekday and leave out the year unless asked."""
    return date_text(day, weekday=weekday, year=year)


def time_span(occurrence: Occurrence) -> str:
    """kl. 12:00–14:00; empty for a day-long event"""
    if occurrence.start_time is None:
        return ""
    if occurrence.end_time is None:
        return f"kl. {clock(occurrence.start_time)}"
    return f"kl. {clock(occurrence.start_time)}–{clock(occurrence.end_time)}"


def _times(spec: EventSpec) -> str:
    if spec.start_time is None or spec.end_time is None:
        return ""
    return f" kl. {clock(spec.start_time)}–{clock(spec.end_time)}"


def rhythm(spec: EventSpec) -> str:
    """How often the event takes place: "Annenhver tirsdag", "Andre torsdag i måneden", "Hvert år 10. oktober"."""
    start = spec.first_day
    weekday = weekday_name(start.weekday())
    recurrence = spec.recurrence
    if recurrence is None:
        return day_label(start, year=True).capitalize()
    every = recurrence.interval
    if recurrence.frequency == "weekly":
        if every == 1:
            return f"Hver {weekday}"
        return "Annenhver " + weekday if every == 2 else f"Hver {every}. uke på {weekday_plural(start.weekday())}"
    if recurrence.frequency == "monthly":
        months = "i måneden" if every == 1 else ("annenhver måned" if every == 2 else f"hver {every}. måned")
        if recurrence.weekday_of_month:
            return f"{_NTH[recurrence.weekday_of_month].capitalize()} {weekday} {months}"
        return f"Den {start.day}. {months}"
    years = "Hvert år" if every == 1 else ("Annethvert år" if every == 2 else f"Hvert {every}. år")
    return f"{years} {day_label(start, weekday=False)}"


def schedule_summary(spec: EventSpec) -> str:
    """The rhythm with its times and limits: "Annenhver tirsdag kl. 12:00–14:00, ikke i skoleferier"."""
    parts = [rhythm(spec) + _times(spec)]
    recurrence, exceptions = spec.recurrence, spec.exceptions
    if recurrence and recurrence.until:
        parts.append(f"til og med {day_label(recurrence.until, year=True, weekday=False)}")
    skips = []
    if exceptions and exceptions.skip_school_holidays:
        skips.append("i skoleferier")
    if exceptions and exceptions.skip_public_holidays:
        skips.append("på helligdager")
    if skips:
        parts.append("ikke " + " eller ".join(skips))
    return ", ".join(parts)


def upcoming_label(item: UpcomingOccurrence) -> str:
    """How a coming date reads in a list: "tirsdag 1. desember kl. 12:00–14:00", or a moved world day."""
    moved = item.occurrence.moved_from
    if moved is not None and item.event.spec.world_day:
        return f"markeres {day_label(item.day)} (selve dagen er {day_label(moved)})"
    when = " ".join(part for part in (day_label(item.day), time_span(item.occurrence)) if part)
    return f"{when} (flyttet fra {day_label(moved, weekday=False)})" if moved is not None else when

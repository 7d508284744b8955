"""Events in plain words, in the language being rendered: "Annenhver tirsdag kl. 12:00–14:00",
"tirsdag 22. desember" ("Every other Tuesday 12:00–14:00", "Tuesday 22 December")."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..i18n.language import N_, _
from ..web.norwegian import clock, date_text, weekday_name, weekday_plural
from .model import EventSpec
from .recurrence import Occurrence

if TYPE_CHECKING:
    from .load import UpcomingOccurrence

_NTH = {1: N_("Første {weekday} {months}"), 2: N_("Andre {weekday} {months}"), 3: N_("Tredje {weekday} {months}"),
        4: N_("Fjerde {weekday} {months}"), 5: N_("Femte {weekday} {months}"), -1: N_("Siste {weekday} {months}")}


def day_label(day: dt.date, *, year: bool = False, weekday: bool = True) -> str:
    """tirsdag 22. desember (2026): events name the weekday and leave out the year unless asked."""
    return date_text(day, weekday=weekday, year=year)


def _span(start: dt.time, end: dt.time | None) -> str:
    if end is None:
        return _("kl. {start}").format(start=clock(start))
    return _("kl. {start}–{end}").format(start=clock(start), end=clock(end))


def time_span(occurrence: Occurrence) -> str:
    """kl. 12:00–14:00; empty for a day-long event"""
    if occurrence.start_time is None:
        return ""
    return _span(occurrence.start_time, occurrence.end_time)


def _times(spec: EventSpec) -> str:
    if spec.start_time is None or spec.end_time is None:
        return ""
    return " " + _span(spec.start_time, spec.end_time)


def rhythm(spec: EventSpec) -> str:
    """How often the event takes place: "Annenhver tirsdag", "Andre torsdag i måneden", "Hvert år 10. oktober"."""
    start = spec.first_day
    weekday = weekday_name(start.weekday())
    recurrence = spec.recurrence
    if recurrence is None:
        text = day_label(start, year=True)
        return text[:1].upper() + text[1:]
    every = recurrence.interval
    if recurrence.frequency == "weekly":
        if every == 1:
            return _("Hver {weekday}").format(weekday=weekday)
        if every == 2:
            return _("Annenhver {weekday}").format(weekday=weekday)
        return _("Hver {every}. uke på {weekdays}").format(every=every, weekdays=weekday_plural(start.weekday()))
    if recurrence.frequency == "monthly":
        if every == 1:
            months = _("i måneden")
        elif every == 2:
            months = _("annenhver måned")
        else:
            months = _("hver {every}. måned").format(every=every)
        if recurrence.weekday_of_month:
            return _(_NTH[recurrence.weekday_of_month]).format(weekday=weekday, months=months)
        return _("Den {day}. {months}").format(day=start.day, months=months)
    day = day_label(start, weekday=False)
    if every == 1:
        return _("Hvert år {day}").format(day=day)
    if every == 2:
        return _("Annethvert år {day}").format(day=day)
    return _("Hvert {every}. år {day}").format(every=every, day=day)


def schedule_summary(spec: EventSpec) -> str:
    """The rhythm with its times and limits: "Annenhver tirsdag kl. 12:00–14:00, ikke i skoleferier"."""
    parts = [rhythm(spec) + _times(spec)]
    recurrence, exceptions = spec.recurrence, spec.exceptions
    if recurrence and recurrence.until:
        parts.append(_("til og med {day}").format(day=day_label(recurrence.until, year=True, weekday=False)))
    school = bool(exceptions and exceptions.skip_school_holidays)
    public = bool(exceptions and exceptions.skip_public_holidays)
    if school and public:
        parts.append(_("ikke i skoleferier eller på helligdager"))
    elif school:
        parts.append(_("ikke i skoleferier"))
    elif public:
        parts.append(_("ikke på helligdager"))
    return ", ".join(parts)


def upcoming_label(item: UpcomingOccurrence) -> str:
    """How a coming date reads in a list: "tirsdag 1. desember kl. 12:00–14:00 (flyttet fra 24. november)"."""
    moved = item.occurrence.moved_from
    when = " ".join(part for part in (day_label(item.day), time_span(item.occurrence)) if part)
    if moved is None:
        return when
    return _("{when} (flyttet fra {day})").format(when=when, day=day_label(moved, weekday=False))

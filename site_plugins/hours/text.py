"""The desk's hours in plain Norwegian: the rule explained, days and times, and the "Åpent nå" status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..i18n.language import N_, _
from ..web.clock import OSLO
from ..web.norwegian import clock, date_text, join_and, weekday_name, weekday_plural
from .closed_days import ClosedDays
from .desk import Interval
from .names import day_name
from .rule import HoursRule

CLOSED_NO_DATE = N_("Stengt – ingen bemannede dager er satt opp")
LINE_CLOSED_NO_DATE = N_("Stengt nå")


def line_open_label(interval: Interval) -> str:
    """A helpline's status while `interval` is on: "Åpen nå – til 18:00"."""
    return _("Åpen nå – til {time}").format(time=_end_clock(interval))


def line_closed_label(interval: Interval) -> str:
    """A helpline's status before `interval` starts: "Stengt nå – åpner tirsdag 8. desember kl. 16:00"."""
    start = interval.start.astimezone(OSLO)
    return _("Stengt nå – åpner {day} kl. {time}").format(day=day_text(start.date(), year=False), time=clock(start))


def span_text(spans: Sequence[Interval] | Sequence[tuple[str, str]]) -> str:
    """"kl. 11:00–14:00", or "kl. 09:00–11:00 og 12:00–15:00"."""
    texts = [f"{_start_clock(span)}–{_end_clock(span)}" for span in spans]
    return _("kl. {times}").format(times=join_and(texts))


def day_text(day: dt.date, year: bool = True) -> str:
    """onsdag 2. desember 2026 (or without the year)."""
    return date_text(day, weekday=True, year=year)


def open_label(interval: Interval) -> str:
    """The status while `interval` is on: "Åpent nå – til 14:00"."""
    return _("Åpent nå – til {time}").format(time=_end_clock(interval))


def closed_label(interval: Interval) -> str:
    """The status before `interval` starts: "Stengt – åpner onsdag 2. desember kl. 11:00"."""
    start = interval.start.astimezone(OSLO)
    return _("Stengt – åpner {day} kl. {time}").format(day=day_text(start.date(), year=False), time=clock(start))


def describe_rule(rule: HoursRule, closed_days: ClosedDays) -> list[str]:
    """The rule as two or three plain sentences."""
    weekly = join_and([f"{weekdays_text(hours.weekdays)} {span_text(hours.spans)}" for hours in rule.usual_week])
    sentences = [_("Torget er bemannet {week}.").format(week=weekly)]
    closed = []
    if rule.school_holidays_off:
        closed.append(_("i skoleferiene"))
    if rule.public_holidays_off:
        closed.append(_("på helligdager"))
    closed += [_("på {name} ({day})").format(name=day_name(extra.reason), day=extra.label())
               for extra in closed_days.extra]
    if closed:
        sentences.append(_("Det er stengt {days}.").format(days=join_and(closed)))
    if rule.dated_exceptions:
        sentences.append(
            _("Enkelte dager er det stengt eller andre tider enn vanlig; se listen «Stengt eller andre tider».")
        )
    return sentences


def weekdays_text(weekdays: Sequence[int]) -> str:
    """(2,) -> "onsdager"; (0, 1, 2, 3, 4) -> "mandag–fredag"; (0, 2) -> "mandager og onsdager"."""
    runs: list[list[int]] = []
    for day in sorted(weekdays):
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts: list[str] = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{weekday_name(run[0])}–{weekday_name(run[-1])}")
        else:
            parts += [weekday_plural(day) for day in run]
    return join_and(parts)


def _start_clock(span: Interval | tuple[str, str]) -> str:
    """The start of a staffed interval, or of a span of the rule as written ("11:00")."""
    return clock(span.start) if isinstance(span, Interval) else span[0]


def _end_clock(span: Interval | tuple[str, str]) -> str:
    """Like `_start_clock`; midnight at the end of a day is 24:00."""
    if isinstance(span, Interval):
        end = span.end.astimezone(OSLO)
        return "24:00" if end.time() == dt.time() else clock(end)
    return span[1]

"""The desk's hours in plain Norwegian: the rule explained, days and times, and the "Åpent nå" status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..web.text import MONTHS
from .closed_days import ClosedDays
from .desk import Interval
from .rule import TIMEZONE, WEEKDAY_NAMES, WEEKDAYS_PLURAL, HoursRule

CLOSED_NO_DATE = "Stengt – ingen bemannede dager er satt opp"


def clock(moment: dt.datetime | dt.time | str) -> str:
    """14:00 (24-hour clock, as the desk's signs write it); midnight at the end of a day is 24:00."""
    if isinstance(moment, str):
        return moment
    if isinstance(moment, dt.datetime):
        moment = moment.astimezone(TIMEZONE).time()
    return f"{moment.hour:02d}:{moment.minute:02d}"


def span_text(spans: Sequence[Interval] | Sequence[tuple[str, str]]) -> str:
    """"kl. 11:00–14:00", or "kl. 09:00–11:00 og 12:00–15:00"."""
    texts = [f"{clock(_start(span))}–{_end_clock(span)}" for span in spans]
    return "kl. " + join_nb(texts)


def day_text(day: dt.date, year: bool = True) -> str:
    """onsdag 2. desember 2026 (or without the year)."""
    text = f"{WEEKDAY_NAMES[day.weekday()]} {day.day}. {MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def open_label(interval: Interval) -> str:
    """The status while `interval` is on: "Åpent nå – til 14:00"."""
    return f"Åpent nå – til {_end_clock(interval)}"


def closed_label(interval: Interval) -> str:
    """The status before `interval` starts: "Stengt – åpner onsdag 2. desember kl. 11:00"."""
    start = interval.start.astimezone(TIMEZONE)
    return f"Stengt – åpner {day_text(start.date(), year=False)} kl. {clock(start)}"


def status_text(intervals: Sequence[Interval], now: dt.datetime) -> str:
    """What the desk's status says at `now`; the page script picks the same label from the same intervals."""
    upcoming = next((interval for interval in intervals if interval.end > now), None)
    if upcoming is None:
        return CLOSED_NO_DATE
    return open_label(upcoming) if upcoming.start <= now else closed_label(upcoming)


def describe_rule(rule: HoursRule, closed_days: ClosedDays) -> list[str]:
    """The rule as two or three plain sentences."""
    weekly = join_nb([f"{weekdays_text(hours.weekdays)} {span_text(hours.spans)}" for hours in rule.usual_week])
    sentences = [f"Torget er bemannet {weekly}."]
    closed = []
    if rule.school_holidays_off:
        closed.append("i skoleferiene")
    if rule.public_holidays_off:
        closed.append("på helligdager")
    closed += [f"på {extra.reason} ({extra.label()})" for extra in closed_days.extra]
    if closed:
        sentences.append(f"Det er stengt {join_nb(closed)}.")
    if rule.dated_exceptions:
        sentences.append("Enkelte dager er det stengt eller andre tider enn vanlig; se listen «Stengt eller andre tider».")
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
            parts.append(f"{WEEKDAY_NAMES[run[0]]}–{WEEKDAY_NAMES[run[-1]]}")
        else:
            parts += [WEEKDAYS_PLURAL[day] for day in run]
    return join_nb(parts)


def join_nb(items: Sequence[str]) -> str:
    """["a", "b", "c"] -> "a, b og c"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} og {items[-1]}"


def _start(span: Interval | tuple[str, str]) -> dt.datetime | str:
    return span.start if isinstance(span, Interval) else span[0]


def _end_clock(span: Interval | tuple[str, str]) -> str:
    if isinstance(span, Interval):
        end = span.end.astimezone(TIMEZONE)
        return "24:00" if end.time() == dt.time() else clock(end)
    return span[1]

"""Norwegian (bokmål) for dates, weekdays, clock times, lists and numbers, each written one way site-wide.

Day and month names and the list rule come from Babel's CLDR data for `nb` (Babel ships with
Material for MkDocs), so no hand-written table can drift from the language's own data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache

from babel.dates import format_date, get_day_names
from babel.lists import format_list

from .clock import OSLO

LOCALE = "nb"


@cache
def _day_names(locale: str) -> tuple[str, ...]:
    names = get_day_names("wide", locale=locale)
    return tuple(names[index] for index in range(7))  # 0 = Monday, as `date.weekday()`


def weekday_name(index: int) -> str:
    """0 -> "mandag" (Monday is 0, as `date.weekday()` counts)."""
    return _day_names(LOCALE)[index]


def weekday_plural(index: int) -> str:
    """0 -> "mandager": every weekday name takes -er in the plural."""
    return weekday_name(index) + "er"


def english_weekday(index: int) -> str:
    """0 -> "Monday": for schema.org data and for editors' messages, which are in English."""
    return _day_names("en")[index]


def date_text(day: dt.date, *, weekday: bool = True, year: bool = False) -> str:
    """"tirsdag 22. desember", "22. desember 2026" or "tirsdag 22. desember 2026"."""
    pattern = ("EEEE " if weekday else "") + "d. MMMM" + (" y" if year else "")
    return format_date(day, pattern, locale=LOCALE)


def date_nb(day: dt.date) -> str:
    """"12. mars 2025": a date without its weekday."""
    return date_text(day, weekday=False, year=True)


def day_of_year_text(month: int, day: int) -> str:
    """"24. desember": a day that comes back every year."""
    return date_text(dt.date(2000, month, day), weekday=False)  # 2000 is a leap year: 29. februar exists


def month_text(year: int, month: int) -> str:
    """"Desember 2026", as a heading."""
    return format_date(dt.date(year, month, 1), "LLLL y", locale=LOCALE).capitalize()


def clock(moment: dt.time | dt.datetime) -> str:
    """"14:00": the 24-hour clock, as the desk's signs write it; an aware moment is read in Oslo time."""
    if isinstance(moment, dt.datetime):
        moment = moment.astimezone(OSLO).time() if moment.tzinfo else moment.time()
    return f"{moment.hour:02d}:{moment.minute:02d}"


def join_and(items: Sequence[str]) -> str:
    """["a", "b", "c"] -> "a, b og c"."""
    return format_list(list(items), locale=LOCALE) if items else ""


def decimal(value: float) -> str:
    """8.5 -> "8,5": a number with the Norwegian decimal comma, without trailing zeros."""
    return f"{value:g}".replace(".", ",")

"""Dates, weekdays, clock times, lists and numbers in the language being rendered, each written one way site-wide.

Bokmål is the site's own language; another language renders with `i18n.language.use_language`. Day and
month names and the list rule come from Babel's CLDR data for that language (Babel ships with Material
for MkDocs), so no hand-written table can drift from the language's own data; the date patterns are
messages of the catalogue ("EEEE d. MMMM" in bokmål, "EEEE d MMMM" in English).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache

from babel.dates import format_date, get_day_names
from babel.lists import format_list

from ..i18n.language import _, current
from .clock import OSLO


@cache
def _day_names(locale: str) -> tuple[str, ...]:
    names = get_day_names("wide", locale=locale)
    return tuple(names[index] for index in range(7))  # 0 = Monday, as `date.weekday()`


def weekday_name(index: int) -> str:
    """0 -> "mandag" (Monday is 0, as `date.weekday()` counts)."""
    return _day_names(current())[index]


def _weekday_plurals() -> tuple[str, ...]:
    return (_("mandager"), _("tirsdager"), _("onsdager"), _("torsdager"), _("fredager"), _("lørdager"), _("søndager"))


def weekday_plural(index: int) -> str:
    """0 -> "mandager" ("Mondays")."""
    return _weekday_plurals()[index]


def english_weekday(index: int) -> str:
    """0 -> "Monday": for schema.org data and for editors' messages, which are in English."""
    return _day_names("en")[index]


def date_text(day: dt.date, *, weekday: bool = True, year: bool = False) -> str:
    """"tirsdag 22. desember", "22. desember 2026" or "tirsdag 22. desember 2026" ("Tuesday 22 December")."""
    patterns = {
        (True, False): _("EEEE d. MMMM"),
        (False, False): _("d. MMMM"),
        (False, True): _("d. MMMM y"),
        (True, True): _("EEEE d. MMMM y"),
    }
    return format_date(day, patterns[weekday, year], locale=current())


def date_nb(day: dt.date) -> str:
    """"12. mars 2025": a date without its weekday."""
    return date_text(day, weekday=False, year=True)


def day_of_year_text(month: int, day: int) -> str:
    """"24. desember": a day that comes back every year."""
    return date_text(dt.date(2000, month, day), weekday=False)  # 2000 is a leap year: 29. februar exists


def month_text(year: int, month: int) -> str:
    """"Desember 2026", as a heading."""
    return format_date(dt.date(year, month, 1), _("LLLL y"), locale=current()).capitalize()


def clock(moment: dt.time | dt.datetime) -> str:
    """"14:00": the 24-hour clock, as the desk's signs write it; an aware moment is read in Oslo time."""
    if isinstance(moment, dt.datetime):
        moment = moment.astimezone(OSLO).time() if moment.tzinfo else moment.time()
    return f"{moment.hour:02d}:{moment.minute:02d}"


def join_and(items: Sequence[str]) -> str:
    """["a", "b", "c"] -> "a, b og c"."""
    return format_list(list(items), locale=current()) if items else ""


def decimal(value: float) -> str:
    """8.5 -> "8,5" ("8.5" in English): a number with the language's decimal sign, without trailing zeros."""
    from babel.numbers import get_decimal_symbol

    return f"{value:g}".replace(".", get_decimal_symbol(current()))

"""Norwegian public holidays (helligdager), named in Norwegian by the `holidays` package."""

from __future__ import annotations

import datetime as dt
from functools import cache

import holidays

COUNTRY = "NO"


@cache
def _calendar() -> holidays.HolidayBase:
    # language="no": under an English locale the package would name the days in English.
    # Sundays are not listed: every Sunday is a holiday in Norway, which says nothing about the desk.
    return holidays.country_holidays(COUNTRY, language="no")


def public_holiday(day: dt.date) -> str | None:
    """The holiday's Norwegian name ("Andre påskedag"), or None on an ordinary day.

    Two holidays on one day are joined: "Andre pinsedag og Grunnlovsdag" (17 May 2027).
    """
    name = _calendar().get(day)
    return name.replace("; ", " og ") if name else None

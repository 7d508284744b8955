"""Norwegian public holidays (helligdager), named in Norwegian by the `holidays` package."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from functools import cache
from pathlib import Path

import holidays

COUNTRY = "NO"
_MODULE = "holidays.countries.norway"


@cache
def _calendar() -> holidays.HolidayBase:
    # language="no": under an English locale the package would name the days in English.
    # Sundays are not listed: every Sunday is a holiday in Norway, which says nothing about the desk.
    norway = _norway_class()
    if norway is None:
        return holidays.country_holidays(COUNTRY, language="no")
    return norway(language="no")


def _norway_class() -> type[holidays.HolidayBase] | None:
    """The package's Norway calendar, loaded without `holidays.countries`, whose `__init__` imports every
    country's calendar (about 0.13 s, a quarter of `torget check`'s budget). The module itself imports only
    the package's base classes. None when the package has moved it; the caller then uses the public API."""
    if _MODULE in sys.modules:
        return getattr(sys.modules[_MODULE], "Norway", None)
    path = Path(holidays.__file__).parent / "countries" / "norway.py"
    spec = importlib.util.spec_from_file_location(_MODULE, path) if path.is_file() else None
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    sys.modules[_MODULE] = module
    try:
        spec.loader.exec_module(module)
    except Exception:  # a layout this code does not know: fall back to the public API
        del sys.modules[_MODULE]
        return None
    norway = getattr(module, "Norway", None)
    return norway if isinstance(norway, type) and issubclass(norway, holidays.HolidayBase) else None


def public_holiday(day: dt.date) -> str | None:
    """The holiday's Norwegian name ("Andre påskedag"), or None on an ordinary day.

    Two holidays on one day are joined: "Andre pinsedag og Grunnlovsdag" (17 May 2027).
    """
    name = _calendar().get(day)
    return name.replace("; ", " og ") if name else None

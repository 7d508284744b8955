"""The Norwegian public holidays: the package's Norway calendar, loaded on its own, says what the package says."""

from __future__ import annotations

import datetime as dt

import holidays

from site_plugins.hours import public_holidays
from site_plugins.hours.public_holidays import public_holiday


def test_the_calendar_loaded_on_its_own_is_the_packages_norway():
    loaded = public_holidays._norway_class()
    assert loaded is not None, "holidays.countries.norway moved; _norway_class falls back to the slower public API"
    ours = loaded(years=range(2024, 2031), language="no")
    theirs = holidays.country_holidays("NO", years=range(2024, 2031), language="no")
    assert dict(ours) == dict(theirs)


def test_days_are_named_in_norwegian_and_two_on_one_day_are_joined():
    assert public_holiday(dt.date(2026, 12, 25)) == "Første juledag"
    assert public_holiday(dt.date(2027, 5, 17)) == "Andre pinsedag og Grunnlovsdag"
    assert public_holiday(dt.date(2026, 11, 30)) is None

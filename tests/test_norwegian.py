"""The site's one way of writing dates, weekdays, clock times, lists and numbers in Norwegian (Babel's nb data)."""

from __future__ import annotations

import datetime as dt

import pytest

from site_plugins.web.clock import OSLO, day_end, oslo_date, utc_stamp
from site_plugins.web.norwegian import (
    clock,
    date_nb,
    date_text,
    day_of_year_text,
    decimal,
    english_weekday,
    join_and,
    month_text,
    weekday_name,
    weekday_plural,
)

TUESDAY = dt.date(2026, 12, 22)


def test_dates_read_as_the_pages_write_them():
    assert date_text(TUESDAY) == "tirsdag 22. desember"
    assert date_text(TUESDAY, year=True) == "tirsdag 22. desember 2026"
    assert date_text(TUESDAY, weekday=False) == "22. desember"
    assert date_nb(dt.date(2025, 3, 12)) == "12. mars 2025"
    assert date_nb(dt.date(2026, 5, 1)) == "1. mai 2026"
    assert day_of_year_text(2, 29) == "29. februar"
    assert month_text(2026, 12) == "Desember 2026"


def test_every_month_and_weekday_name_is_lower_case_bokmal():
    months = [date_text(dt.date(2026, month, 1), weekday=False) for month in range(1, 13)]
    assert [text.split()[1] for text in months] == ["januar", "februar", "mars", "april", "mai", "juni", "juli",
                                                    "august", "september", "oktober", "november", "desember"]
    assert [weekday_name(day) for day in range(7)] == ["mandag", "tirsdag", "onsdag", "torsdag", "fredag",
                                                        "lørdag", "søndag"]
    assert [weekday_plural(day) for day in (0, 5, 6)] == ["mandager", "lørdager", "søndager"]
    assert [english_weekday(day) for day in (0, 6)] == ["Monday", "Sunday"]


def test_clock_is_the_24_hour_clock_in_oslo():
    assert clock(dt.time(9, 5)) == "09:05"
    # 13:00 UTC in winter is 14:00 in Oslo, in summer 15:00.
    assert clock(dt.datetime(2026, 12, 2, 13, 0, tzinfo=dt.timezone.utc)) == "14:00"
    assert clock(dt.datetime(2026, 6, 2, 13, 0, tzinfo=dt.timezone.utc)) == "15:00"


@pytest.mark.parametrize(("items", "expected"), [
    ([], ""), (["a"], "a"), (["a", "b"], "a og b"), (["a", "b", "c"], "a, b og c"),
])
def test_lists_end_with_og(items, expected):
    assert join_and(items) == expected


def test_numbers_take_the_decimal_comma():
    assert (decimal(85), decimal(8.5), decimal(200.0)) == ("85", "8,5", "200")


def test_instants_for_scripts_are_utc_and_days_are_norwegian():
    late_evening = dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.timezone.utc)
    assert oslo_date(late_evening) == dt.date(2027, 1, 1)
    assert utc_stamp(dt.datetime(2026, 12, 2, 14, 0, tzinfo=OSLO)) == "2026-12-02T13:00:00Z"
    assert day_end(dt.date(2026, 12, 2)) == dt.datetime(2026, 12, 3, 0, 0, tzinfo=OSLO)

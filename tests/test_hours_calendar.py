"""The calendar behind the opening hours: public holidays, the school calendar file, extra closed days."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from dateutil.easter import easter
from opening_hours import OpeningHours, State

from site_plugins.hours.closed_days import (
    ClosedDays,
    ExtraClosedDay,
    parse_extra_closed_days,
)
from site_plugins.hours.public_holidays import public_holiday
from site_plugins.hours.school_holidays import (
    SchoolCalendar,
    SchoolHoliday,
    load_school_calendar,
)
from site_plugins.sources.config_location import option_location
from site_plugins.sources.problems import SourceError

OSLO = ZoneInfo("Europe/Oslo")
REPO = Path(__file__).resolve().parent.parent


def calendar(*holidays: SchoolHoliday) -> ClosedDays:
    return ClosedDays(SchoolCalendar(holidays), (ExtraClosedDay(12, 24, "julaften"),))


@pytest.mark.parametrize("year", [2025, 2026, 2027, 2030])
def test_easter_based_holidays_have_norwegian_names(year):
    days = calendar()
    sunday = easter(year)
    expected = {
        sunday - dt.timedelta(days=3): "Skjærtorsdag",
        sunday - dt.timedelta(days=2): "Langfredag",
        sunday: "Første påskedag",
        sunday + dt.timedelta(days=1): "Andre påskedag",
        sunday + dt.timedelta(days=39): "Kristi himmelfartsdag",
        sunday + dt.timedelta(days=49): "Første pinsedag",
        sunday + dt.timedelta(days=50): "Andre pinsedag",
    }
    # Whit Monday is 17 May in 2027: both names are kept.
    assert {day: days.public_holiday(day).removesuffix(" og Grunnlovsdag") for day in expected} == expected
    assert days.public_holiday(sunday - dt.timedelta(days=4)) is None
    assert "Grunnlovsdag" in days.public_holiday(dt.date(year, 5, 17))


@pytest.mark.parametrize("year", [2025, 2026, 2027, 2030])
def test_opening_hours_library_and_holidays_package_agree_on_public_holidays(year):
    """`PH off` is evaluated by opening-hours-py, the names come from `holidays`: the dates must match."""
    rule = OpeningHours("PH", timezone=OSLO, country="NO")
    start, end = dt.datetime(year, 1, 1, tzinfo=OSLO), dt.datetime(year + 1, 1, 1, tzinfo=OSLO)
    open_days = set()
    for begin, finish, state, _ in rule.intervals(start, end):
        day = begin.date()
        while state == State.OPEN and day < finish.date():
            open_days.add(day)
            day += dt.timedelta(days=1)
    days = (dt.date(year, 1, 1) + dt.timedelta(days=offset) for offset in range(366))
    assert open_days == {day for day in days if day.year == year and public_holiday(day)}


def test_each_kind_of_closed_day_is_looked_up_with_its_reason():
    days = calendar(SchoolHoliday(dt.date(2026, 12, 19), dt.date(2027, 1, 3), "juleferie"))
    assert days.public_holiday(dt.date(2026, 12, 25)) == "Første juledag"
    assert days.extra_closed_day(dt.date(2026, 12, 24)) == "julaften"
    assert days.public_holiday(dt.date(2026, 12, 24)) is None
    assert days.school_holiday(dt.date(2026, 12, 23)) == "juleferie"
    assert days.extra_closed_day(dt.date(2026, 12, 23)) is None
    assert days.school_holiday(dt.date(2027, 1, 3)) == "juleferie"
    assert days.school_holiday(dt.date(2027, 1, 4)) is None
    day = dt.date(2027, 1, 6)
    assert (days.public_holiday(day), days.extra_closed_day(day), days.school_holiday(day)) == (None, None, None)


def test_bundled_school_calendar_covers_two_school_years_with_every_break():
    school = load_school_calendar(REPO / "organisations/_school_holidays.yaml", "organisations/_school_holidays.yaml")
    reasons = [(holiday.first.year, holiday.reason) for holiday in school.holidays]
    for first_year in (2026, 2027):
        assert (first_year, "høstferie") in reasons and (first_year, "juleferie") in reasons
        assert {(first_year + 1, name) for name in ("vinterferie", "påskeferie", "sommerferie")} <= set(reasons)
    # Påskeferie holds Easter Monday in both years.
    for year in (2027, 2028):
        assert school.holiday_on(easter(year) + dt.timedelta(days=1)).reason == "påskeferie"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "_school_holidays.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(SourceError) as error:
        load_school_calendar(path, "organisations/_school_holidays.yaml")
    return [str(problem) for problem in error.value.problems]


def test_overlapping_school_holidays_with_different_reasons_are_rejected_with_both_lines(tmp_path):
    path = write(tmp_path, """holidays:
  - reason: juleferie
    first_day: 2026-12-19
    last_day: 2027-01-03
  - reason: vinterferie
    first_day: 2027-01-02
    last_day: 2027-01-08
""")
    [problem] = problems_of(path)
    assert problem.startswith("organisations/_school_holidays.yaml:5: holidays[2]: 'vinterferie'")
    assert "overlaps 'juleferie'" in problem and "line 2" in problem


def test_bad_dates_and_reversed_ranges_name_line_and_field(tmp_path):
    path = write(tmp_path, """holidays:
  - reason: høstferie
    first_day: 2026-09-31
    last_day: 2026-10-04
  - reason: juleferie
    first_day: 2027-01-03
    last_day: 2026-12-19
  - reason: vinterferie
    first_day: 1. mars
    last_day: 2027-03-07
  - first_day: 2027-03-20
    last_day: 2027-03-29
""")
    problems = problems_of(path)
    assert any(p.startswith("organisations/_school_holidays.yaml:3: holidays[1].first_day:") and "not a real date" in p
               for p in problems), problems
    assert any(p.startswith("organisations/_school_holidays.yaml:5: holidays[2]:") and "before first_day" in p
               for p in problems), problems
    assert any(p.startswith("organisations/_school_holidays.yaml:9: holidays[3].first_day:") for p in problems), problems
    assert any(p.startswith("organisations/_school_holidays.yaml:11: holidays[4].reason: is required") for p in problems), problems


def test_coverage_warning_when_the_calendar_ends_within_60_days(tmp_path):
    school = SchoolCalendar((SchoolHoliday(dt.date(2027, 6, 19), dt.date(2027, 8, 17), "sommerferie"),))
    assert school.coverage_warning(dt.date(2027, 6, 18), "f.yaml") is None
    warning = school.coverage_warning(dt.date(2027, 6, 19), "f.yaml")
    assert warning is not None and warning.startswith("f.yaml:") and "2027-08-17" in warning


def test_extra_closed_days_accept_yearly_and_dated_days_and_name_the_bad_key(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text('site_name: x\nplugins:\n  - search\n  - torget:\n      extra_closed_days:\n'
                      '        "12-24": julaften\n        "2026-12-23": personalmøte\n        "13-01": feil\n', encoding="utf-8")
    where = option_location(config, "mkdocs.yml", "extra_closed_days")
    days, problems = parse_extra_closed_days({"12-24": "julaften", "2026-12-23": "personalmøte", "13-01": "feil"}, where)
    assert [(day.year, day.month, day.day, day.reason) for day in days] == [(None, 12, 24, "julaften"), (2026, 12, 23, "personalmøte")]
    assert [str(problem).split(" is not")[0] for problem in problems] == ["mkdocs.yml:8: plugins.torget.extra_closed_days.13-01: '13-01'"]
    assert days[0].osm_rule() == 'Dec 24 off "julaften"' and days[1].osm_rule() == '2026 Dec 23 off "personalmøte"'

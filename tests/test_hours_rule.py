"""The desk's opening-hours rule: checking, expanding with the school calendar, evaluating, status text."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest

from site_plugins.hours.closed_days import ClosedDays, ExtraClosedDay
from site_plugins.hours.desk import desk_hours
from site_plugins.hours.pages import status_json
from site_plugins.hours.rule import parse_hours_rule
from site_plugins.hours.school_holidays import SchoolCalendar, SchoolHoliday
from site_plugins.hours.text import describe_rule, weekdays_text
from site_plugins.sources.config_location import OptionLocation

OSLO = ZoneInfo("Europe/Oslo")
UTC = dt.timezone.utc
WHERE = OptionLocation("mkdocs.yml", "hours")
WINTER_BREAK = SchoolHoliday(dt.date(2027, 2, 27), dt.date(2027, 3, 7), "vinterferie")
CLOSED_DAYS = ClosedDays(SchoolCalendar((WINTER_BREAK,)), (ExtraClosedDay(12, 24, "julaften"), ExtraClosedDay(12, 31, "nyttårsaften")))


def hours_for(rule: str, now: dt.datetime, closed_days: ClosedDays = CLOSED_DAYS):
    parsed, problems = parse_hours_rule(rule, closed_days, WHERE)
    assert not problems, problems
    return desk_hours(parsed, closed_days, now)


def oslo(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=OSLO)


def status_text(hours, now: dt.datetime) -> str:
    """The status the page script shows at `now`: the first interval not yet ended, open once it has started."""
    data = json.loads(status_json(hours))
    for interval in data["intervals"]:
        start, end = (dt.datetime.fromisoformat(interval[key].replace("Z", "+00:00")) for key in ("start", "end"))
        if end > now:
            return interval["open"] if start <= now else interval["closed"]
    return data["none_ahead"]


def problem_for(rule: str) -> str:
    parsed, problems = parse_hours_rule(rule, CLOSED_DAYS, WHERE)
    assert parsed is None and len(problems) == 1, problems
    return str(problems[0])


def test_school_holidays_become_dated_off_rules_with_their_reason():
    parsed, _ = parse_hours_rule("We 11:00-14:00; SH off; PH off", CLOSED_DAYS, WHERE)
    assert '2027 Feb 27-2027 Mar 07 closed "vinterferie"' in parsed.expanded
    assert parsed.expanded.endswith('Dec 24 off "julaften"; Dec 31 off "nyttårsaften"')
    assert "SH" not in parsed.expanded


def test_staffed_wednesday_inside_school_holiday_is_closed_with_the_reason():
    hours = hours_for("We 11:00-14:00; SH off; PH off", oslo(2027, 2, 20, 12, 0))
    staffed = [day for day, _ in hours.staffed_days()]
    assert dt.date(2027, 3, 3) not in staffed
    assert dt.date(2027, 2, 24) in staffed and dt.date(2027, 3, 10) in staffed
    [change] = [change for change in hours.changes if change.day == dt.date(2027, 3, 3)]
    assert change.closed and change.reason == "vinterferie"


def test_without_sh_off_school_holidays_do_not_close_the_desk():
    hours = hours_for("We 11:00-14:00; PH off", oslo(2027, 2, 20, 12, 0))
    assert dt.date(2027, 3, 3) in [day for day, _ in hours.staffed_days()]


def test_public_holiday_and_extra_closed_day_on_a_staffed_day_carry_their_names():
    hours = hours_for("Mo-Fr 11:00-14:00; PH off", oslo(2026, 12, 20, 9, 0))
    reasons = {change.day: change.reason for change in hours.changes if change.closed}
    assert reasons[dt.date(2026, 12, 24)] == "julaften"
    assert reasons[dt.date(2026, 12, 25)] == "Første juledag"
    assert reasons[dt.date(2027, 3, 26)] == "Langfredag"
    # Whit Monday 2027 falls on 17 May.
    assert reasons[dt.date(2027, 5, 17)] == "Andre pinsedag og Grunnlovsdag"


def test_next_eight_staffed_days_include_today_until_it_closes():
    during = hours_for("We 11:00-14:00; SH off; PH off", oslo(2027, 2, 24, 13, 0))
    after = hours_for("We 11:00-14:00; SH off; PH off", oslo(2027, 2, 24, 14, 0))
    assert during.staffed_days()[0][0] == dt.date(2027, 2, 24)
    assert after.staffed_days()[0][0] == dt.date(2027, 3, 10)
    assert len(after.staffed_days()) == 8


@pytest.mark.parametrize(("clock", "expected"), [
    ((10, 59), "Stengt – åpner onsdag 2. desember kl. 11:00"),
    ((11, 0), "Åpent nå – til 14:00"),
    ((13, 59), "Åpent nå – til 14:00"),
    ((14, 0), "Stengt – åpner onsdag 9. desember kl. 11:00"),
])
def test_status_text_around_opening_and_closing(clock, expected):
    hours = hours_for("We 11:00-14:00; SH off; PH off", oslo(2026, 11, 23, 9, 0))
    assert status_text(hours, oslo(2026, 12, 2, *clock)) == expected


def test_staffed_hours_keep_oslo_wall_time_across_both_daylight_saving_changes():
    hours = hours_for("We 11:00-14:00", oslo(2027, 3, 20, 12, 0))
    utc_starts = {interval.start.date(): interval.start.astimezone(UTC).hour for interval in hours.intervals}
    assert utc_starts[dt.date(2027, 3, 24)] == 10  # CET, before 28 March
    assert utc_starts[dt.date(2027, 3, 31)] == 9   # CEST
    assert utc_starts[dt.date(2027, 10, 27)] == 9  # CEST, before 31 October
    assert utc_starts[dt.date(2027, 11, 3)] == 10  # CET again
    # Between the change and the next opening, the status names the local time, not UTC.
    sunday_after_change = dt.datetime(2027, 3, 28, 1, 30, tzinfo=UTC)
    assert status_text(hours, sunday_after_change) == "Stengt – åpner onsdag 31. mars kl. 11:00"
    assert status_text(hours, dt.datetime(2027, 3, 31, 9, 0, tzinfo=UTC)) == "Åpent nå – til 14:00"
    assert status_text(hours, dt.datetime(2027, 3, 31, 8, 59, tzinfo=UTC)).startswith("Stengt")


def test_status_json_holds_utc_instants_and_ready_texts_for_a_year():
    hours = hours_for("We 11:00-14:00; SH off; PH off", oslo(2026, 11, 23, 9, 0))
    data = json.loads(status_json(hours))
    first = data["intervals"][0]
    assert first == {"start": "2026-11-25T10:00:00Z", "end": "2026-11-25T13:00:00Z", "open": "Åpent nå – til 14:00",
                     "closed": "Stengt – åpner onsdag 25. november kl. 11:00"}
    assert data["valid_until"] == "2027-11-23T23:00:00Z"
    assert data["intervals"][-1]["start"] < data["valid_until"]
    assert not any(interval["start"].startswith("2027-03-03") for interval in data["intervals"])


def test_plain_norwegian_description():
    parsed, _ = parse_hours_rule("Mo-Fr 09:00-11:00,12:00-15:00; We 10:00-12:00; Sa 10:00-12:00; SH off; PH off",
                                 CLOSED_DAYS, WHERE)
    assert describe_rule(parsed, CLOSED_DAYS) == [
        "Torget er bemannet mandager, tirsdager, torsdager og fredager kl. 09:00–11:00 og 12:00–15:00 "
        "og onsdager og lørdager kl. 10:00–12:00.",
        "Det er stengt i skoleferiene, på helligdager, på julaften (24. desember) og på nyttårsaften (31. desember).",
    ]
    assert weekdays_text((0, 1, 2, 3, 4)) == "mandag–fredag"
    assert weekdays_text((2,)) == "onsdager"


def test_dated_exception_opens_another_time_and_is_listed_as_a_change():
    hours = hours_for('We 11:00-14:00; 2026 Dec 09 10:00-12:00 "kurs"; 2026 Dec 02 off', oslo(2026, 11, 23, 9, 0))
    changes = {change.day: change for change in hours.changes}
    assert changes[dt.date(2026, 12, 2)].closed
    assert [(span.start.hour, span.end.hour) for span in changes[dt.date(2026, 12, 9)].spans] == [(10, 12)]
    assert changes[dt.date(2026, 12, 9)].reason == "kurs"


@pytest.mark.parametrize(("rule", "part"), [
    ("We 11:00-14:00;sh off", "cannot read 'sh off'"),
    ("Wed 11:00-14:00; PH off", "cannot read 'Wed 11:00-14:00': it goes wrong at 'd 11:00-14:00'"),
    ("We 11:00-14:00; Onsdag 10:00-12:00", "cannot read 'Onsdag 10:00-12:00' (character 17"),
    ("We 11-14", "cannot read 'We 11-14': it goes wrong at '11-14'"),
    ("We 11:00-14:00;", "ends too early"),
])
def test_unparseable_rule_names_mkdocs_yml_the_field_and_the_offending_part(rule, part):
    problem = problem_for(rule)
    assert problem.startswith("mkdocs.yml: plugins.torget.hours: ")
    assert part in problem


@pytest.mark.parametrize(("rule", "part"), [
    ("week 1-53/2 We 11:00-14:00", "'week01-53/2 We 11:00-14:00'"),
    ("We 11:00-14:00 || \"ring oss\"", "'||'"),
    ("We 11:00-14:00, PH off", "','"),
    ("PH off", "names no weekday"),
    ("", "is empty"),
])
def test_valid_but_unsupported_rules_are_rejected_with_the_part(rule, part):
    problem = problem_for(rule)
    assert problem.startswith("mkdocs.yml: plugins.torget.hours: ") and part in problem

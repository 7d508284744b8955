"""The shift plan against the core: every kind of bad input named with file, line and field, and
what a good plan becomes. Only `torget check` and a stopped build go through the command line."""

from __future__ import annotations

import datetime as dt
import functools
import os
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest
from conftest import REPO, Project

from site_plugins.directory.load import Directory, load_directory
from site_plugins.events.feeds import SITE_NAME, empty_feed, feed_calendar
from site_plugins.hours.day import DeskDays
from site_plugins.hours.sources import HoursSources, load_hours
from site_plugins.shifts.check import shift_warnings
from site_plugins.shifts.feeds import shift_feed_files
from site_plugins.shifts.load import load_shift_plan
from site_plugins.shifts.model import PLAN_FILE, ShiftPlan
from site_plugins.shifts.text import short_name
from site_plugins.sources.problems import SourceError
from site_plugins.web.urls import SiteUrls

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)  # a Monday; the desk is staffed on Wednesdays
PLAN = f"organisations/{PLAN_FILE}"


@functools.cache
def directory() -> Directory:
    return load_directory(REPO / "organisations", REPO)


@functools.cache
def desk(rule: str = "We 11:00-14:00; SH off; PH off", extra: tuple[tuple[str, str], ...] = (("12-24", "julaften"),)) -> DeskDays:
    sources = HoursSources(school_holidays=REPO / "organisations/_school_holidays.yaml", rule=rule, extra_closed_days=dict(extra))
    closed_days, hours = load_hours(sources, REPO, NOW)
    return DeskDays(hours.rule, closed_days)


def load(tmp_path: Path, text: str | None, days: DeskDays | None = None) -> ShiftPlan | None:
    folder = tmp_path / "organisations"
    folder.mkdir(exist_ok=True)
    if text is not None:
        (folder / PLAN_FILE).write_text(text, encoding="utf-8")
    return load_shift_plan(folder, tmp_path, directory(), days or desk(), NOW)


def problems(tmp_path: Path, text: str, days: DeskDays | None = None) -> list[str]:
    with pytest.raises(SourceError) as raised:
        load(tmp_path, text, days)
    return [str(problem) for problem in raised.value.problems]


GOOD = """\
shifts:
  - date: 2026-12-02
    organisations: [kreftforeningen, landsforeningen-for-hjerte-og-lungesyke]
    reserve: mental-helse
  - date: 2026-12-09
    organisations: norsk-revmatikerforbund
  - date: 2020-01-08
    organisations: [no-such-organisation, kreftforeningen, kreftforeningen]
"""


def test_a_good_plan_lists_its_shifts_ahead_and_every_staffed_day_for_three_months(tmp_path):
    plan = load(tmp_path, GOOD)
    assert plan is not None and plan.source == PLAN
    assert [(s.day, s.organisations, s.reserve, s.line) for s in plan.shifts] == [
        (dt.date(2026, 12, 2), ("kreftforeningen", "landsforeningen-for-hjerte-og-lungesyke"), "mental-helse", 2),
        (dt.date(2026, 12, 9), ("norsk-revmatikerforbund",), None, 5),
    ]  # the past shift of 2020, with its unknown and repeated organisations, is ignored silently
    days = {day.day: day for day in plan.days}
    assert min(days) == dt.date(2026, 11, 25) and max(days) == dt.date(2027, 2, 17)
    assert dt.date(2026, 12, 23) not in days  # juleferie
    assert days[dt.date(2026, 12, 2)].open_slots == 0 and days[dt.date(2026, 12, 9)].open_slots == 1
    assert days[dt.date(2026, 12, 16)].shift is None and days[dt.date(2026, 12, 16)].open_slots == 2
    assert days[dt.date(2026, 12, 2)].ends == dt.datetime(2026, 12, 2, 13, 0, tzinfo=dt.timezone.utc)
    assert [(day.day, role) for day, role in plan.of_organisation("mental-helse")] == [(dt.date(2026, 12, 2), "reserve")]


@pytest.mark.parametrize("text", [None, "", "# only the commented example\n#shifts:\n#  - date: 2026-12-02\n"])
def test_no_file_or_an_emptied_file_means_no_plan_yet(tmp_path, text):
    assert load(tmp_path, text) is None


def test_an_empty_list_is_a_plan_without_shifts_and_says_nothing(tmp_path):
    plan = load(tmp_path, "shifts: []\n")
    assert plan is not None and not plan
    assert shift_warnings(plan, NOW.date()) == []


def test_the_bundled_plan_file_is_empty_and_holds_no_invented_shift():
    text = (REPO / PLAN).read_text(encoding="utf-8")
    assert "\nshifts: []\n" in text
    assert all(line.startswith("#") for line in text.splitlines() if "date:" in line)
    assert load_shift_plan(REPO / "organisations", REPO, directory(), desk(), NOW) is not None


def test_an_unknown_organisation_gets_the_closest_file_name(tmp_path):
    found = problems(tmp_path, "shifts:\n  - date: 2026-12-02\n    organisations: [kreftforening, lhl]\n"
                               "    reserve: mental-helsa\n")
    assert found == [
        f"{PLAN}:3: shifts[1].organisations[1]: 'kreftforening' is not an organisation in the directory. "
        "Did you mean 'kreftforeningen'? Write the organisation's file name in organisations/ without .yaml",
        f"{PLAN}:3: shifts[1].organisations[2]: 'lhl' is not an organisation in the directory. "
        "Did you mean 'landsforeningen-for-hjerte-og-lungesyke'? Write the organisation's file name in organisations/ without .yaml",
        f"{PLAN}:4: shifts[1].reserve: 'mental-helsa' is not an organisation in the directory. "
        "Did you mean 'mental-helse'? Write the organisation's file name in organisations/ without .yaml",
    ]


def test_the_same_organisation_twice_or_as_its_own_reserve(tmp_path):
    found = problems(tmp_path, "shifts:\n  - date: 2026-12-02\n    organisations: [mental-helse, mental-helse]\n"
                               "  - date: 2026-12-09\n    organisations: [kreftforeningen]\n    reserve: kreftforeningen\n")
    assert found == [
        f"{PLAN}:3: shifts[1].organisations[2]: 'mental-helse' is listed twice; the two on duty come from two different organisations",
        f"{PLAN}:6: shifts[2].reserve: 'kreftforeningen' is also on duty that day; the reserve comes from another organisation",
    ]


def test_more_than_two_on_duty(tmp_path):
    found = problems(tmp_path, "shifts:\n  - date: 2026-12-02\n    organisations:\n      - kreftforeningen\n"
                               "      - mental-helse\n      - norsk-revmatikerforbund\n")
    assert found == [f"{PLAN}:3: shifts[1].organisations: lists 3 organisations; a shift has 2 on duty, from two different "
                     "organisations. Move one to `reserve:` or to another day"]


@pytest.mark.parametrize(("date", "why"), [
    ("2026-12-03", "it is a Thursday, and the hours rule (We 11:00-14:00; SH off; PH off) staffs the desk on Wednesdays only; "
                   "the nearest staffed days are 2026-12-02 and 2026-12-09"),
    ("2026-12-23", "it is in a school holiday (juleferie); the nearest staffed days are 2026-12-16 and 2027-01-06"),
    ("2028-05-17", "it is a public holiday (Grunnlovsdag); the nearest staffed days are 2028-05-10 and 2028-05-24"),
])
def test_a_day_the_desk_is_closed_says_why(tmp_path, date, why):
    found = problems(tmp_path, f"shifts:\n  - date: {date}\n    organisations: [kreftforeningen]\n")
    assert found == [f"{PLAN}:2: shifts[1].date: the desk is closed on {date}: {why}"]


def test_an_extra_closed_day_and_a_dated_exception_say_why(tmp_path):
    days = desk('We 11:00-14:00; SH off; PH off; 2027 Jan 20 off "kurs for frivillige"', (("2027-01-13", "personalmøte"),))
    found = problems(tmp_path, "shifts:\n  - date: 2027-01-13\n    organisations: [kreftforeningen]\n"
                               "  - date: 2027-01-20\n    organisations: [kreftforeningen]\n", days)
    assert found == [
        f"{PLAN}:2: shifts[1].date: the desk is closed on 2027-01-13: it is an extra closed day (personalmøte, under "
        "extra_closed_days in mkdocs.yml); the nearest staffed days are 2027-01-06 and 2027-01-27",
        f"{PLAN}:4: shifts[2].date: the desk is closed on 2027-01-20: the hours rule closes the desk that day "
        "(kurs for frivillige); the nearest staffed days are 2027-01-06 and 2027-01-27",
    ]


def test_two_entries_for_one_date(tmp_path):
    found = problems(tmp_path, "shifts:\n  - date: 2026-12-02\n    organisations: [kreftforeningen]\n"
                               "  - date: 2026-12-02\n    organisations: [mental-helse]\n")
    assert found == [f"{PLAN}:4: shifts[2].date: 2026-12-02 is planned twice (first on line 2); "
                     "keep one entry per day, with both organisations in it"]


def test_malformed_dates_and_fields(tmp_path):
    found = problems(tmp_path, "shifts:\n  - date: 2026-12-2\n  - date: 2027-02-30\n  - date: 2026-12-02 11:00\n"
                               "  - organisations: [kreftforeningen]\n  - date: 2026-12-09\n    frivillig: Kari Nordmann\n"
                               "  - date: 2026-12-16\n    reserve: no\n")
    assert found == [
        f"{PLAN}:2: shifts[1].date: '2026-12-2' is not a date; write it like 2025-03-01",
        f"{PLAN}:3: shifts[2].date: '2027-02-30' is not a real date or number (day is out of range for month)",
        f"{PLAN}:4: shifts[3].date: '2026-12-02 11:00' is not a date; write it like 2025-03-01",
        f"{PLAN}:5: shifts[4].date: is required but missing",
        f"{PLAN}:7: shifts[5].frivillig: is not a known field. A shift has date, organisations, reserve; "
        "the plan names organisations only, never a volunteer",
        f"{PLAN}:9: shifts[6].reserve: expected text, but YAML reads no as the yes/no value false; put the value in quotes: \"no\"",
    ]


def test_a_misspelt_top_level_field_and_a_plan_that_is_no_list(tmp_path):
    assert problems(tmp_path, "shift:\n  - date: 2026-12-02\n")[0].startswith(
        f"{PLAN}:1: shift: is not a known field. Did you mean 'shifts'?")
    assert problems(tmp_path, "shifts: 2026-12-02\n")[0].startswith(f"{PLAN}:1: shifts: expected a list of shifts")


def test_check_lists_staffed_days_of_the_next_four_weeks_without_two_organisations(tmp_path):
    plan = load(tmp_path, GOOD)
    assert shift_warnings(plan, NOW.date()) == [
        f"{PLAN}: 2026-11-25 is a staffed day with no entry in the plan; no organisation is on duty yet (2 places open)",
        f"{PLAN}:5: 2026-12-09 has 1 of 2 organisations on duty (norsk-revmatikerforbund); 1 place open",
        f"{PLAN}: 2026-12-16 is a staffed day with no entry in the plan; no organisation is on duty yet (2 places open)",
    ]  # 2 December is full; 23 and 30 December are in the Christmas holiday; 6 January is more than four weeks ahead


def test_feed_uids_are_the_same_in_every_build(tmp_path):
    plan = load(tmp_path, GOOD)

    def uids(now: dt.datetime) -> dict[str, list[str]]:
        return {file.path: [str(event["UID"]) for event in icalendar.Calendar.from_ical(file.content).walk("VEVENT")]
                for file in shift_feed_files(plan, directory(), SiteUrls("https://torget.example.no/"), now)}

    first, later = uids(NOW), uids(NOW + dt.timedelta(days=1))
    assert first == later
    assert first["ledige-vakter/kreftforeningen.ics"] == ["vakt-2026-12-02-kreftforeningen@torget.example.no"]
    assert "vakt-2026-12-09@torget.example.no" in first["ledige-vakter/vakter.ics"]


EMPTY_FEED_NAMES = [
    "",
    "Pasient- og pårørendetorget: vaktene til LHL",
    # What icalendar escapes: comma, semicolon and backslash.
    "Pasient- og pårørendetorget: vaktene til Foreningen, Bodø; «ÆØÅ» \\ og / eller",
    # Every length around the 75-octet fold, with two-byte letters on both sides of it.
    *("a" * length + "æøå" * 30 for length in range(40, 80)),
]


@pytest.mark.parametrize("name", EMPTY_FEED_NAMES)
def test_an_empty_feed_is_the_calendar_icalendar_writes(name: str):
    assert empty_feed(name) == feed_calendar(name).to_ical()


def test_an_organisation_without_shifts_gets_the_empty_feed_icalendar_writes(tmp_path):
    plan = load(tmp_path, GOOD)
    files = {file.path: file.content for file in shift_feed_files(plan, directory(), SiteUrls("https://torget.example.no/"), NOW)}
    without = [org for org in directory().organisations if not plan.of_organisation(org.slug)]
    assert without
    for org in without:
        expected = feed_calendar(f"{SITE_NAME}: vaktene til {short_name(org)}").to_ical()
        assert files[f"ledige-vakter/{org.slug}.ics"] == expected, org.slug


# --- Through the command line: `torget check` and a build stop without a traceback ----------------

def _torget_check(project: Project) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(int(NOW.timestamp())), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "site_plugins.cli", "check"], cwd=project.root,
                          capture_output=True, text=True, timeout=120, env=env)


def test_torget_check_lists_short_days_and_stops_on_a_bad_plan(bundled_project: Project):
    bundled_project.write(PLAN, GOOD)
    result = _torget_check(bundled_project)
    assert result.returncode == 0, result.stderr
    assert f"warning: {PLAN}:5: 2026-12-09 has 1 of 2 organisations on duty (norsk-revmatikerforbund); 1 place open" in result.stdout
    assert "3 staffed days in the next four weeks lack an organisation." in result.stdout
    bundled_project.write(PLAN, "shifts:\n  - date: 2026-12-24\n    organisations: [kreftforeningen]\n")
    result = _torget_check(bundled_project)
    assert result.returncode == 1
    assert f"{PLAN}:2: shifts[1].date: the desk is closed on 2026-12-24: it is a Thursday" in result.stderr
    assert "Traceback" not in result.stderr
